/// Cancels an earlier disbursement in full (SPEC §4.2 `reversal`); nothing is deleted.
public struct ReversalBody: Sendable, Equatable {
    public let id: String
    public let reverses: String
    public let reason: String
    public let proposedAt: String

    public static let fields = ["id", "proposed_at", "reason", "reverses"]

    public init(id: String, reverses: String, reason: String, proposedAt: String) {
        self.id = id
        self.reverses = reverses
        self.reason = reason
        self.proposedAt = proposedAt
    }

    public init(json: JSONValue, path: String = "body") throws(LedgerError) {
        let r = try FieldReader(json, path: path, fields: ReversalBody.fields)
        id = try r.string("id", FieldRules.entryID)
        reverses = try r.string("reverses", FieldRules.entryID)
        reason = try r.text("reason", min: 1, max: Limits.reasonScalarsMax)
        proposedAt = try r.string("proposed_at", FieldRules.timestamp)
    }

    public var json: JSONValue {
        .object(["id": .s(id), "proposed_at": .s(proposedAt), "reason": .s(reason), "reverses": .s(reverses)])
    }
}
