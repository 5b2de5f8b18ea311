/// Sets a new total value for an earlier commitment (SPEC §10.1 `amendment`); 0 terminates it for good.
public struct AmendmentBody: Sendable, Equatable {
    public let id: String
    /// The id of the commitment amended.
    public let commitment: String
    /// The new total value, in minor units.
    public let amount: Int64
    public let reason: String
    public let proposedAt: String

    public static let fields = ["amount", "commitment", "id", "proposed_at", "reason"]

    public init(id: String, commitment: String, amount: Int64, reason: String, proposedAt: String) {
        self.id = id
        self.commitment = commitment
        self.amount = amount
        self.reason = reason
        self.proposedAt = proposedAt
    }

    public init(json: JSONValue, path: String = "body") throws(LedgerError) {
        let r = try FieldReader(json, path: path, fields: AmendmentBody.fields)
        id = try r.string("id", FieldRules.entryID)
        commitment = try r.string("commitment", FieldRules.entryID)
        amount = try r.integer("amount", in: Limits.amendmentAmountMin...Limits.disbursementAmountMax, "from 0 to 10^15 (minor units; 0 terminates)")
        reason = try r.text("reason", min: 1, max: Limits.reasonScalarsMax)
        proposedAt = try r.string("proposed_at", FieldRules.timestamp)
    }

    public var json: JSONValue {
        .object(["amount": .integer(amount), "commitment": .s(commitment), "id": .s(id), "proposed_at": .s(proposedAt), "reason": .s(reason)])
    }
}
