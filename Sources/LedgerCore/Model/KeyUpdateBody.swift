/// Adds and revokes keys (SPEC §4.2 `key_update`).
public struct KeyUpdateBody: Sendable, Equatable {
    public let id: String
    public let add: [KeyObject]
    public let revoke: [String]
    public let reason: String
    public let proposedAt: String

    public static let fields = ["add", "id", "proposed_at", "reason", "revoke"]

    public init(id: String, add: [KeyObject], revoke: [String], reason: String, proposedAt: String) {
        self.id = id
        self.add = add
        self.revoke = revoke
        self.reason = reason
        self.proposedAt = proposedAt
    }

    public init(json: JSONValue, path: String = "body") throws(LedgerError) {
        let r = try FieldReader(json, path: path, fields: KeyUpdateBody.fields)
        id = try r.string("id", FieldRules.entryID)
        var add: [KeyObject] = []
        for (i, k) in try r.array("add").enumerated() {
            add.append(try KeyObject(json: k, path: "\(r.join("add"))[\(i)]"))
        }
        try r.requireSorted("add", add.map { Array($0.name.utf8) }, strict: false, what: "name")
        var revoke: [String] = []
        for (i, v) in try r.array("revoke").enumerated() {
            guard case .string(let s) = v, FieldRules.keyName(s) == nil else {
                throw r.fail("revoke[\(i)]", "must be a key name matching ^[a-z0-9][a-z0-9._-]{0,63}$")
            }
            revoke.append(s)
        }
        try r.requireSorted("revoke", revoke.map { Array($0.utf8) }, strict: false, what: "name")
        if add.isEmpty && revoke.isEmpty { throw r.fail("add", "add and revoke must not both be empty") }
        self.add = add
        self.revoke = revoke
        reason = try r.text("reason", min: 1, max: Limits.reasonScalarsMax)
        proposedAt = try r.string("proposed_at", FieldRules.timestamp)
    }

    public var json: JSONValue {
        .object([
            "add": .array(add.map(\.json)), "id": .s(id), "proposed_at": .s(proposedAt),
            "reason": .s(reason), "revoke": .array(revoke.map { .s($0) }),
        ])
    }
}
