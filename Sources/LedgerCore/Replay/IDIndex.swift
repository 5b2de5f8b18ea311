/// Every id the ledger has used, with what the replay needs to remember about it,
/// stored compactly so that verifying millions of entries stays within a fixed memory bound.
///
/// A `[String: IDRecord]` costs about 120 bytes per hash-table slot, and a table keeps up
/// to 2.7 slots per id while it grows; here the table maps an id to a 4-byte index into
/// a dense array of 64-byte records, and (category, currency) pairs are interned.
struct IDIndex: Sendable {
    /// One record, packed: 32 + 8 + 8 + 8 + 4 + 2 + 1 + 1 bytes, a 64-byte stride.
    private struct Packed: Sendable {
        var sealedDigest: Hash
        var seq: Int64
        var amount: Int64
        /// The seq of the reversal that reversed this disbursement, or -1.
        var reversedAt: Int64
        /// Index into the replay's commitment table plus one; 0 for none.
        var commitment: UInt32
        /// Index into `pairs` plus one; 0 for none.
        var pair: UInt16
        var kind: EntryKind
        var hasDigest: Bool
    }

    private var slots: [String: UInt32] = [:]
    private var records: ContiguousArray<Packed> = []
    private var pairs: [BudgetPair] = []
    private var pairIndex: [BudgetPair: UInt16] = [:]

    var count: Int { records.count }

    subscript(id: String) -> IDRecord? {
        guard let i = slots[id] else { return nil }
        let p = records[Int(i)]
        return IDRecord(seq: p.seq, kind: p.kind, amount: p.amount, pair: p.pair == 0 ? nil : pairs[Int(p.pair) - 1],
                        sealedDigest: p.hasDigest ? p.sealedDigest : nil, reversedAt: p.reversedAt < 0 ? nil : p.reversedAt,
                        commitment: p.commitment == 0 ? nil : Int(p.commitment) - 1)
    }

    /// The position of an id among all ids, in the order the ledger first used them.
    func ordinal(_ id: String) -> Int? { slots[id].map { Int($0) } }

    /// Records a new id. The caller has checked that it is unused (rule R9).
    mutating func insert(_ id: String, _ r: IDRecord) {
        assert(slots[id] == nil, "id \(id) recorded twice")
        var pair: UInt16 = 0
        if let p = r.pair {
            if let existing = pairIndex[p] {
                pair = existing
            } else {
                // At most 4 categories × the genesis currencies (≤ Limits.listItemsMax) pairs exist.
                precondition(pairs.count < Int(UInt16.max) - 1, "too many (category, currency) pairs")
                pairs.append(p)
                pair = UInt16(pairs.count)
                pairIndex[p] = pair
            }
        }
        precondition(records.count < Int(UInt32.max), "more ids than the index can hold")
        slots[id] = UInt32(records.count)
        precondition((r.commitment ?? 0) < Int(UInt32.max) - 1, "more commitments than the index can hold")
        records.append(Packed(sealedDigest: r.sealedDigest ?? .zero, seq: r.seq, amount: r.amount, reversedAt: r.reversedAt ?? -1,
                              commitment: r.commitment.map { UInt32($0 + 1) } ?? 0, pair: pair, kind: r.kind, hasDigest: r.sealedDigest != nil))
    }

    /// Marks a recorded disbursement as reversed by the entry at `seq`.
    mutating func markReversed(_ id: String, at seq: Int64) {
        guard let i = slots[id] else { return }
        records[Int(i)].reversedAt = seq
    }
}
