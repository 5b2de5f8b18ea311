import LedgerCore

/// Checks a database's stored Merkle nodes against the tree its entries give (for `verify --db`
/// and `store copy`): every complete subtree must be stored with exactly the hash the entries
/// imply, and no other node may be stored. Proofs are served from these nodes, so a wrong one
/// would make the service hand out proofs that fail.
///
/// The stored nodes are read in key order (last leaf, then level), a page at a time, beside the
/// entries: an append completes nodes in that same order, so the two streams are merged, with
/// one statement per page rather than one per node (on PostgreSQL, one round trip each).
/// Memory stays O(log n) plus a page. A ledger keyed by level and index (before migration v7,
/// which `verify --db` reads without migrating) is checked a node at a time.
struct MerkleNodeCheck {
    private let db: any SQLConnection
    private enum Layout { case none, byLastLeaf, byIndex(any SQLStatement) }
    private let layout: Layout
    private var frontier = MerkleFrontier()
    private(set) var failures: [Failure] = []
    private var failureCount = 0
    /// Stored nodes read and not yet matched, and where the next page starts.
    private var page: [(key: Int64, level: Int64, hash: [UInt8])] = []
    private var next = 0
    private var after: (key: Int64, level: Int64)?
    private var exhausted = false
    private var stored: Int64 = 0
    /// Node failures listed at most (the count says how many there were).
    static let listedMax = 20

    init(_ db: any SQLConnection) {
        self.db = db
        // A ledger from before migration v3 has no nodes to check.
        if (try? db.prepare("SELECT hash FROM merkle_nodes WHERE last_leaf = ? AND level = ?")) != nil {
            layout = .byLastLeaf
        } else if let s = try? db.prepare("SELECT hash FROM merkle_nodes WHERE idx = ? AND level = ?") {
            layout = .byIndex(s)
        } else {
            layout = .none
        }
    }

    mutating func add(_ entryHash: Hash) {
        var completed: [(level: Int, index: Int64, hash: Hash)] = []
        frontier.append(entryHash) { completed.append(($0, $1, $2)) }
        var found: [Failure] = []
        for node in completed {
            let stored: [UInt8]?
            switch layout {
            case .none: return
            case .byIndex(let lookup):
                lookup.bind(.int(node.index), .int(Int64(node.level)))
                stored = (try? lookup.step()) == true ? lookup.blob(0) : nil
                lookup.reset()
            case .byLastLeaf:
                stored = match(key: (try? LedgerStore.lastLeaf(level: node.level, index: node.index)) ?? -1, level: Int64(node.level))
            }
            if stored != node.hash.bytes {
                found.append(Failure(seq: nil, rule: .r12, message: stored == nil
                    ? "stored Merkle node \(node.level)/\(node.index) is missing"
                    : "stored Merkle node \(node.level)/\(node.index) is not the hash the entries give"))
            }
        }
        record(found)
    }

    /// The stored hash of node (`key`, `level`), passing over stored nodes that sort before it
    /// (nodes no tree has; the count at the end reports them).
    private mutating func match(key: Int64, level: Int64) -> [UInt8]? {
        while let s = peek() {
            if (s.key, s.level) < (key, level) { next += 1; continue }
            guard s.key == key, s.level == level else { return nil }
            next += 1
            return s.hash
        }
        return nil
    }

    private mutating func peek() -> (key: Int64, level: Int64, hash: [UInt8])? {
        if next == page.count {
            guard !exhausted else { return nil }
            page.removeAll(keepingCapacity: true)
            next = 0
            let s: (any SQLStatement)?
            if let after {
                s = try? db.prepare("SELECT last_leaf, level, hash FROM merkle_nodes WHERE (last_leaf, level) > (?, ?) ORDER BY last_leaf, level LIMIT ?")
                    .bind(.int(after.key), .int(after.level), .int(Limits.storeReadPageRows))
            } else {
                s = try? db.prepare("SELECT last_leaf, level, hash FROM merkle_nodes ORDER BY last_leaf, level LIMIT ?").bind(.int(Limits.storeReadPageRows))
            }
            while let s, (try? s.step()) == true { page.append((s.int(0), s.int(1), s.blob(2))) }
            s?.reset()
            stored += Int64(page.count)
            exhausted = Int64(page.count) < Limits.storeReadPageRows
            if let last = page.last { after = (last.key, last.level) }
            if page.isEmpty { return nil }
        }
        return page[next]
    }

    /// Compares the number of stored nodes with the tree's (2n - popcount(n)), and returns every failure.
    mutating func finish(_ db: any SQLConnection) -> [Failure] {
        let count: Int64
        switch layout {
        case .none: return failures
        case .byIndex:
            guard let s = try? db.prepare("SELECT count(*) FROM merkle_nodes") else { return failures }
            count = (try? s.step()) == true ? s.int(0) : -1
            s.reset()
        case .byLastLeaf:
            while peek() != nil { next += 1 }
            count = stored
        }
        let expected = 2 * frontier.size - Int64(frontier.size.nonzeroBitCount)
        if count != expected {
            record([Failure(seq: nil, rule: .r12, message: "\(count) Merkle nodes are stored; the tree of \(frontier.size) entries has \(expected)")])
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
