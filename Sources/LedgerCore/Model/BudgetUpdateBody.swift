/// Sets budget envelopes (SPEC §4.2 `budget_update`).
public struct BudgetUpdateBody: Sendable, Equatable {
    public let id: String
    public let budgets: [Budget]
    public let reason: String
    public let proposedAt: String

    public static let fields = ["budgets", "id", "proposed_at", "reason"]

    public init(id: String, budgets: [Budget], reason: String, proposedAt: String) {
        self.id = id
        self.budgets = budgets
        self.reason = reason
        self.proposedAt = proposedAt
    }

    public init(json: JSONValue, path: String = "body") throws(LedgerError) {
        let r = try FieldReader(json, path: path, fields: BudgetUpdateBody.fields)
        id = try r.string("id", FieldRules.entryID)
        budgets = try Budget.list(r, "budgets", nonEmpty: true)
        reason = try r.text("reason", min: 1, max: Limits.reasonScalarsMax)
        proposedAt = try r.string("proposed_at", FieldRules.timestamp)
    }

    public var json: JSONValue {
        .object(["budgets": .array(budgets.map(\.json)), "id": .s(id), "proposed_at": .s(proposedAt), "reason": .s(reason)])
    }
}
