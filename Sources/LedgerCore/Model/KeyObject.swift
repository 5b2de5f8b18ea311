/// What a key may do (SPEC §3).
public enum KeyRole: String, Sendable, CaseIterable {
    /// Co-signs entries; institution SHCP or USAID.
    case approver
    /// Signs checkpoints.
    case log
    /// Co-signs checkpoints.
    case witness
}

/// A named Ed25519 public key with its institution and role (SPEC §3).
public struct KeyObject: Sendable, Equatable {
    public let name: String
    public let institution: String
    public let publicKey: PublicKey
    public let role: KeyRole

    public static let fields = ["institution", "name", "public_key", "role"]

    public init(name: String, institution: String, publicKey: PublicKey, role: KeyRole) throws(LedgerError) {
        if let p = FieldRules.keyName(name) { throw LedgerError(.schema, field: "name", rule: .r5, p) }
        if let p = FieldRules.institution(institution, role: role) { throw LedgerError(.schema, field: "institution", rule: .r5, p) }
        self.name = name
        self.institution = institution
        self.publicKey = publicKey
        self.role = role
    }

    /// Decodes a key object. A public key that is not a valid subgroup point breaks R8.
    public init(json: JSONValue, path: String) throws(LedgerError) {
        let r = try FieldReader(json, path: path, fields: KeyObject.fields)
        let roleText = try r.string("role")
        guard let role = KeyRole(rawValue: roleText) else { throw r.fail("role", "must be approver, log or witness") }
        name = try r.string("name", FieldRules.keyName)
        institution = try r.string("institution") { FieldRules.institution($0, role: role) }
        let b64 = try r.string("public_key")
        guard let raw = Base64.decode(b64) else { throw r.fail("public_key", "must be canonical padded base64") }
        guard raw.count == 32 else { throw r.fail("public_key", "must encode 32 bytes, got \(raw.count)") }
        do {
            publicKey = try PublicKey(bytes: raw)
        } catch {
            throw r.fail("public_key", error.message, rule: .r8)
        }
        self.role = role
    }

    public var json: JSONValue {
        .object(["institution": .s(institution), "name": .s(name), "public_key": .s(publicKey.base64), "role": .s(role.rawValue)])
    }

    /// True for approver keys of SHCP or USAID.
    public var isApprover: Bool { role == .approver }
}
