/// A disbursement's payee bank and tax details, kept out of public exports but bound
/// to the signed entry by `sealed_digest = SHA-256(JCS(record))` (SPEC §5).
public struct SealedRecord: Sendable, Equatable {
    public let notes: String
    public let accountNumber: String
    public let accountScheme: String
    public let payeeTaxID: String
    public let salt: [UInt8]
    /// JCS(record): what `sealed.jsonl` holds and what the digest is taken over, computed once.
    public let canonicalBytes: [UInt8]
    /// sealed_digest = SHA-256(JCS(record)), computed once.
    public let digest: Hash

    public static let fields = ["notes", "payee_account", "payee_tax_id", "salt"]

    /// Builds a record; checks every field rule.
    public init(accountNumber: String, payeeTaxID: String, notes: String, salt: [UInt8]) throws(LedgerError) {
        try self.init(json: .object([
            "notes": .s(notes), "payee_account": .object(["number": .s(accountNumber), "scheme": .s("CLABE")]),
            "payee_tax_id": .s(payeeTaxID), "salt": .s(Base64.encode(salt)),
        ]), path: "sealed")
    }

    public init(json: JSONValue, path: String) throws(LedgerError) {
        let r = try FieldReader(json, path: path, fields: SealedRecord.fields)
        notes = try r.string("notes") { $0.isEmpty ? nil : FieldRules.text($0, min: 0, max: Limits.notesScalarsMax) }
        let account = try FieldReader(r.value("payee_account"), path: r.join("payee_account"), fields: ["number", "scheme"])
        accountScheme = try account.string("scheme") { $0 == "CLABE" ? nil : "must be CLABE in format v1" }
        accountNumber = try account.string("number", FieldRules.clabe)
        payeeTaxID = try r.string("payee_tax_id", FieldRules.rfc)
        let saltText = try r.string("salt")
        guard let salt = Base64.decode(saltText), salt.count == Limits.saltBytes else {
            throw r.fail("salt", "must be canonical padded base64 of \(Limits.saltBytes) bytes")
        }
        self.salt = salt
        canonicalBytes = Self.json(notes: notes, accountNumber: accountNumber, accountScheme: accountScheme, payeeTaxID: payeeTaxID, salt: salt)
            .canonicalBytes
        digest = Hash.sha256(canonicalBytes)
    }

    public var json: JSONValue {
        Self.json(notes: notes, accountNumber: accountNumber, accountScheme: accountScheme, payeeTaxID: payeeTaxID, salt: salt)
    }

    private static func json(notes: String, accountNumber: String, accountScheme: String, payeeTaxID: String, salt: [UInt8]) -> JSONValue {
        .object([
            "notes": .s(notes), "payee_account": .object(["number": .s(accountNumber), "scheme": .s(accountScheme)]),
            "payee_tax_id": .s(payeeTaxID), "salt": .s(Base64.encode(salt)),
        ])
    }
}
