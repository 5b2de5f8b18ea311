/// A key as the ledger's history knows it: the object, and the entries that added and revoked it.
public struct KeyRecord: Sendable, Equatable {
    public let key: KeyObject
    public let addedAt: Int64
    public internal(set) var revokedAt: Int64?

    public var isActive: Bool { revokedAt == nil }
}

/// What the ledger remembers of an id (SPEC §4.2: one namespace for all ids).
struct IDRecord: Sendable {
    let seq: Int64
    let kind: EntryKind
    /// For disbursements: the amount, its pair, and the sealed digest.
    let amount: Int64
    let pair: BudgetPair?
    let sealedDigest: Hash?
    var reversedAt: Int64?
    /// For a commitment, its own index in the replay's commitment table; for a disbursement
    /// made under a commitment, that commitment's index (SPEC §10.2).
    var commitment: Int? = nil
}

/// Disbursed and reversed amounts of one (category, currency) pair, in minor units.
public struct Totals: Sendable, Equatable {
    public internal(set) var disbursed: Int64 = 0
    public internal(set) var reversed: Int64 = 0
    public var net: Int64 { disbursed - reversed }
}
