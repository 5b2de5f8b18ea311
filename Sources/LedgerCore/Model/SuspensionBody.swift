/// What a suspension stops: one programme, one municipality or one commitment (SPEC §10.1).
///
/// Two scopes are the same when member name and value are the same; values compare by bytes.
public enum SuspensionScope: Sendable, Hashable, CustomStringConvertible {
    case program(String)
    case municipality(String)
    case commitment(String)

    /// The scope's member name, which is also the name of the disbursement field it blocks.
    public var field: String {
        switch self {
        case .program: return "program"
        case .municipality: return "municipality"
        case .commitment: return "commitment"
        }
    }

    public var value: String {
        switch self {
        case .program(let v), .municipality(let v), .commitment(let v): return v
        }
    }

    /// `program water`, `municipality 25006`, `commitment C-1`.
    public var description: String { "\(field) \(value)" }

    public static func == (a: SuspensionScope, b: SuspensionScope) -> Bool {
        a.field == b.field && a.value.sameUTF8(b.value)
    }

    public func hash(into h: inout Hasher) {
        h.combine(field)
        h.combine(value.utf8.count)
        for byte in value.utf8 { h.combine(byte) }
    }

    public init(json: JSONValue, path: String) throws(LedgerError) {
        guard case .object(let o) = json else { throw LedgerError(.schema, field: path, rule: .r5, "must be an object, got \(json.typeName)") }
        guard o.members.count == 1, let member = o.members.first else {
            throw LedgerError(.schema, field: path, rule: .r5, "must have exactly one member (program, municipality or commitment), got \(o.members.count)")
        }
        let r = try FieldReader(json, path: path, fields: [member.key])
        switch member.key {
        case "program": self = .program(try r.string("program", FieldRules.program))
        case "municipality": self = .municipality(try r.string("municipality", FieldRules.municipality))
        case "commitment": self = .commitment(try r.string("commitment", FieldRules.entryID))
        default: throw r.fail(member.key, "unknown scope (allowed: commitment, municipality, program)")
        }
    }

    public var json: JSONValue { .object(members: [(field, .string(value))]) }
}

/// Why a scope is suspended: the agreement's suspension clause (SPEC §10.1).
public enum SuspensionBasis: String, Sendable, CaseIterable {
    case humanRights = "human_rights"
    case auditFinding = "audit_finding"
    case courtOrder = "court_order"
    case agreementBreach = "agreement_breach"
    case other
}

/// Stops or restarts payments to a scope (SPEC §10.1 `suspension`).
public struct SuspensionBody: Sendable, Equatable {
    public enum Action: String, Sendable, CaseIterable {
        case suspend, resume
    }

    public let id: String
    public let action: Action
    public let scope: SuspensionScope
    public let basis: SuspensionBasis
    public let reason: String
    public let proposedAt: String

    public static let fields = ["action", "basis", "id", "proposed_at", "reason", "scope"]

    public init(id: String, action: Action, scope: SuspensionScope, basis: SuspensionBasis, reason: String, proposedAt: String) {
        self.id = id
        self.action = action
        self.scope = scope
        self.basis = basis
        self.reason = reason
        self.proposedAt = proposedAt
    }

    public init(json: JSONValue, path: String = "body") throws(LedgerError) {
        let r = try FieldReader(json, path: path, fields: SuspensionBody.fields)
        id = try r.string("id", FieldRules.entryID)
        let actionText = try r.string("action")
        guard let a = Action(rawValue: actionText) else { throw r.fail("action", "must be suspend or resume") }
        action = a
        scope = try SuspensionScope(json: r.value("scope"), path: r.join("scope"))
        let basisText = try r.string("basis")
        guard let b = SuspensionBasis(rawValue: basisText) else {
            throw r.fail("basis", "must be human_rights, audit_finding, court_order, agreement_breach or other")
        }
        basis = b
        reason = try r.text("reason", min: 1, max: Limits.reasonScalarsMax)
        proposedAt = try r.string("proposed_at", FieldRules.timestamp)
    }

    public var json: JSONValue {
        .object([
            "action": .s(action.rawValue), "basis": .s(basis.rawValue), "id": .s(id), "proposed_at": .s(proposedAt),
            "reason": .s(reason), "scope": scope.json,
        ])
    }
}
