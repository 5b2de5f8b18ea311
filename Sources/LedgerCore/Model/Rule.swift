/// The verification rules of SPEC §6.
public enum Rule: String, Sendable, CaseIterable, Codable, Comparable {
    case r1 = "R1", r2 = "R2", r3 = "R3", r4 = "R4", r5 = "R5", r6 = "R6", r7 = "R7"
    case r8 = "R8", r9 = "R9", r10 = "R10", r11 = "R11", r12 = "R12", r13 = "R13"
    case r14 = "R14", r15 = "R15"

    /// The rule's short name, as in the specification's table.
    public var title: String {
        switch self {
        case .r1: return "framing"
        case .r2: return "sequence"
        case .r3: return "link"
        case .r4: return "ledger"
        case .r5: return "schema"
        case .r6: return "approvals"
        case .r7: return "time"
        case .r8: return "keys"
        case .r9: return "ids"
        case .r10: return "budget"
        case .r11: return "sealed"
        case .r12: return "checkpoint"
        case .r13: return "anchor"
        case .r14: return "commitments"
        case .r15: return "suspensions"
        }
    }

    var number: Int { Int(rawValue.dropFirst())! }
    public static func < (a: Rule, b: Rule) -> Bool { a.number < b.number }
}

/// One broken rule: where (`seq`, nil when not tied to an entry), which rule, and why.
public struct Failure: Sendable, Equatable, CustomStringConvertible {
    public let seq: Int64?
    public let rule: Rule
    public let message: String

    public init(seq: Int64?, rule: Rule, message: String) {
        self.seq = seq
        self.rule = rule
        self.message = message
    }

    init(seq: Int64?, _ error: LedgerError, defaultRule: Rule) {
        self.init(seq: seq, rule: error.rule ?? defaultRule,
                  message: error.field.isEmpty ? error.message : "\(error.field): \(error.message)")
    }

    public var description: String {
        "\(seq.map { "seq \($0)" } ?? "-") \(rule.rawValue) \(rule.title): \(message)"
    }
}
