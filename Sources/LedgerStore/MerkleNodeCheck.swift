import LedgerCore

/// Checks a database's stored Merkle nodes against the tree its entries give (for `verify --db`):
/// every complete subtree must be stored with exactly the hash the entries imply, and no other
/// node may be stored. Proofs are served from these nodes, so a wrong one would make the
/// service hand out proofs that fail. Memory stays O(log n): each node is looked up as the
/// entries' frontier completes it.
struct MerkleNodeCheck {
    private let lookup: (any SQLStatement)?
    /// Whether nodes are keyed by last leaf and level (migration v7) rather than level and index.
    private let keyedByLastLeaf: Bool
    private var frontier = MerkleFrontier()
    private(set) var failures: [Failure] = []
    private var failureCount = 0
    /// Node failures listed at most (the count says how many there were).
    static let listedMax = 20

    init(_ db: any SQLConnection) {
        // A ledger from before migration v3 has no nodes to check; `verify --db` opens a file
        // without migrating it, so a ledger from before v7 is read by its own key.
        if let s = try? db.prepare("SELECT hash FROM merkle_nodes WHERE last_leaf = ? AND level = ?") {
            lookup = s
            keyedByLastLeaf = true
        } else {
            lookup = try? db.prepare("SELECT hash FROM merkle_nodes WHERE idx = ? AND level = ?")
            keyedByLastLeaf = false
        }
    }

    mutating func add(_ entryHash: Hash) {
        guard let lookup else { return }
        var found: [Failure] = []
        frontier.append(entryHash) { level, index, expected in
            let key = keyedByLastLeaf ? try? LedgerStore.lastLeaf(level: level, index: index) : index
            lookup.bind(.int(key ?? -1), .int(Int64(level)))
            let stored = (try? lookup.step()) == true ? lookup.blob(0) : nil
            lookup.reset()
            if stored != expected.bytes {
                found.append(Failure(seq: nil, rule: .r12, message: stored == nil
                    ? "stored Merkle node \(level)/\(index) is missing"
                    : "stored Merkle node \(level)/\(index) is not the hash the entries give"))
            }
        }
        record(found)
    }

    /// Compares the number of stored nodes with the tree's (2n - popcount(n)), and returns every failure.
    mutating func finish(_ db: any SQLConnection) -> [Failure] {
        guard lookup != nil, let count = try? db.prepare("SELECT count(*) FROM merkle_nodes") else { return failures }
        count.bind()
        let stored = (try? count.step()) == true ? count.int(0) : -1
        count.reset()
        let expected = 2 * frontier.size - Int64(frontier.size.nonzeroBitCount)
        if stored != expected {
            record([Failure(seq: nil, rule: .r12, message: "\(stored) Merkle nodes are stored; the tree of \(frontier.size) entries has \(expected)")])
        }
        if failureCount > failures.count {
            failures.append(Failure(seq: nil, rule: .r12, message: "… \(failureCount - failures.count) more Merkle node failures"))
        }
        return failures
    }

    private mutating func record(_ new: [Failure]) {
        failureCount += new.count
        failures += new.prefix(max(0, Self.listedMax - failures.count))
    }
}
