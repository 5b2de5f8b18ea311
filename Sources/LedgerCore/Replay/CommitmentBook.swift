/// A commitment as the replay knows it: its value now and what has been paid under it (SPEC §10.2).
public struct CommitmentRecord: Sendable, Equatable {
    public let id: String
    /// The seq of the commitment entry.
    public let seq: Int64
    public let pair: BudgetPair
    /// The value the commitment was signed with.
    public let originalAmount: Int64
    /// The value now: the original, or that of the latest amendment.
    public internal(set) var amount: Int64
    /// The seqs of its amendments, in chain order.
    public internal(set) var amendmentSeqs: [Int64] = []
    public var amendments: Int { amendmentSeqs.count }
    /// Disbursed under the commitment, and reversed of those disbursements.
    public internal(set) var disbursed: Int64 = 0
    public internal(set) var reversed: Int64 = 0
    /// The seq of the amendment that set the value to 0, after which nothing may name it.
    public internal(set) var terminatedAt: Int64?

    public var net: Int64 { disbursed - reversed }
    public var remaining: Int64 { amount - net }
}

/// An active suspension: the entry that suspended the scope, and why.
public struct ActiveSuspension: Sendable, Equatable, CustomStringConvertible {
    public let scope: SuspensionScope
    public let id: String
    public let seq: Int64
    public let basis: SuspensionBasis

    /// `S-1 at seq 3, human_rights`: which entry suspended the scope, as refusals name it.
    public var description: String { "\(id) at seq \(seq), \(basis.rawValue)" }

    public var json: JSONValue {
        .object(["scope": scope.json, "id": .string(id), "seq": .integer(seq), "basis": .string(basis.rawValue)])
    }
}

/// The replay's table of commitments and suspended scopes (rules R14 and R15).
///
/// Commitments are kept in chain order in a dense array; the id index points into it, so a
/// disbursement or a reversal finds its commitment without a second lookup by id.
public struct CommitmentBook: Sendable {
    public private(set) var commitments: [CommitmentRecord] = []
    public private(set) var active: [SuspensionScope: ActiveSuspension] = [:]
    /// The seq of every suspension entry applied (suspend and resume), in chain order.
    public private(set) var suspensionSeqs: [Int64] = []

    public init() {}

    /// The active suspension of `scope`, if it is suspended now.
    public func suspension(of scope: SuspensionScope) -> ActiveSuspension? { active.isEmpty ? nil : active[scope] }

    /// The active suspension that blocks a payment with these fields (SPEC §10.3), if any:
    /// fields are compared by name only.
    public func blocking(program: String, municipality: String, commitment: String?) -> ActiveSuspension? {
        if active.isEmpty { return nil }
        return active[.program(program)] ?? active[.municipality(municipality)] ?? commitment.flatMap { active[.commitment($0)] }
    }

    /// Active suspensions in the order they were made.
    public var activeInOrder: [ActiveSuspension] { active.values.sorted { $0.seq < $1.seq } }

    mutating func add(_ c: CommitmentBody, seq: Int64) -> Int {
        commitments.append(CommitmentRecord(id: c.id, seq: seq, pair: c.pair, originalAmount: c.amount, amount: c.amount))
        return commitments.count - 1
    }

    mutating func amend(_ index: Int, to amount: Int64, seq: Int64) {
        commitments[index].amount = amount
        commitments[index].amendmentSeqs.append(seq)
        if amount == 0 { commitments[index].terminatedAt = seq }
    }

    mutating func disbursed(_ index: Int, _ amount: Int64) { commitments[index].disbursed += amount }

    mutating func reversed(_ index: Int, _ amount: Int64) { commitments[index].reversed += amount }

    mutating func apply(_ s: SuspensionBody, seq: Int64) {
        suspensionSeqs.append(seq)
        switch s.action {
        case .suspend: active[s.scope] = ActiveSuspension(scope: s.scope, id: s.id, seq: seq, basis: s.basis)
        case .resume: active[s.scope] = nil
        }
    }
}
