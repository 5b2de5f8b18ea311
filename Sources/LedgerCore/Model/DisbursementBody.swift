/// A payment to a payee (SPEC §4.2 `disbursement`); bank details live in the sealed record.
public struct DisbursementBody: Sendable, Equatable {
    public let id: String
    public let amount: Int64
    public let currency: String
    public let category: Category
    public let program: String
    public let municipality: String
    public let payeeName: String
    public let purpose: String
    public let valueDate: String
    public let sealedDigest: Hash
    public let proposedAt: String
    /// v1.1: the id of the commitment (contract) this payment is made under, if any (SPEC §10.1).
    public let commitment: String?

    public static let fields = ["amount", "category", "currency", "id", "municipality", "payee", "program",
                                "proposed_at", "purpose", "sealed_digest", "value_date"]
    public static let optionalFields = ["commitment"]

    public init(id: String, amount: Int64, currency: String, category: Category, program: String, municipality: String,
                payeeName: String, purpose: String, valueDate: String, sealedDigest: Hash, proposedAt: String, commitment: String? = nil) {
        self.id = id
        self.amount = amount
        self.currency = currency
        self.category = category
        self.program = program
        self.municipality = municipality
        self.payeeName = payeeName
        self.purpose = purpose
        self.valueDate = valueDate
        self.sealedDigest = sealedDigest
        self.proposedAt = proposedAt
        self.commitment = commitment
    }

    public init(json: JSONValue, path: String = "body") throws(LedgerError) {
        let r = try FieldReader(json, path: path, fields: DisbursementBody.fields, optional: DisbursementBody.optionalFields)
        id = try r.string("id", FieldRules.entryID)
        amount = try r.integer("amount", in: Limits.disbursementAmountMin...Limits.disbursementAmountMax, "from 1 to 10^15 (minor units)")
        currency = try r.string("currency", FieldRules.currency)
        category = try Budget.category(r, "category")
        program = try r.string("program", FieldRules.program)
        municipality = try r.string("municipality", FieldRules.municipality)
        let payee = try FieldReader(r.value("payee"), path: r.join("payee"), fields: ["name"])
        payeeName = try payee.text("name", min: 1, max: Limits.payeeNameScalarsMax)
        purpose = try r.text("purpose", min: 1, max: Limits.purposeScalarsMax)
        valueDate = try r.string("value_date", FieldRules.date)
        sealedDigest = try r.hash("sealed_digest")
        proposedAt = try r.string("proposed_at", FieldRules.timestamp)
        commitment = r.has("commitment") ? try r.string("commitment", FieldRules.entryID) : nil
    }

    public var pair: BudgetPair { BudgetPair(category: category, currency: currency) }

    public var json: JSONValue {
        var members: [(String, JSONValue)] = [
            ("amount", .integer(amount)), ("category", .s(category.rawValue)), ("currency", .s(currency)), ("id", .s(id)),
            ("municipality", .s(municipality)), ("payee", .object(["name": .s(payeeName)])), ("program", .s(program)),
            ("proposed_at", .s(proposedAt)), ("purpose", .s(purpose)), ("sealed_digest", .s(sealedDigest.hex)),
            ("value_date", .s(valueDate)),
        ]
        if let commitment { members.append(("commitment", .s(commitment))) }
        return .object(members: members)
    }
}
