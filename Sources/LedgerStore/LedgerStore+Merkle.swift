import LedgerCore

/// The Merkle tree over the committed entries (SPEC §7), kept in `merkle_nodes`.
extension LedgerStore {
    /// Inserts the complete subtrees that appending `entryHash` at `tree.size` completes
    /// (inside the append's savepoint) and returns the tree with it; `commitToState` takes
    /// that tree once the savepoint is kept, so each node is hashed once.
    func insertMerkleNodes(appending entryHash: Hash) throws(StoreError) -> MerkleFrontier {
        var next = tree
        var nodes: [(Int, Int64, Hash)] = []
        next.append(entryHash) { nodes.append(($0, $1, $2)) }
        let insert = try db.prepare(Self.insertNodeSQL)
        for (level, index, hash) in nodes {
            try insert.bind(.int(try Self.lastLeaf(level: level, index: index)), .int(Int64(level)), .int(index), .blob(hash.bytes)).run()
        }
        return next
    }

    static let insertNodeSQL = "INSERT INTO merkle_nodes(last_leaf, level, idx, hash) VALUES (?, ?, ?, ?)"

    /// The storage key of a node (migration v7): the last leaf its subtree covers, `(index + 1) * 2^level - 1`.
    static func lastLeaf(level: Int, index: Int64) throws(StoreError) -> Int64 {
        guard (0...62).contains(level) else { throw StoreError(.invalid, field: "level", "must be from 0 to 62, got \(level)") }
        guard index >= 0 else { throw StoreError(.invalid, field: "index", "must not be negative, got \(index)") }
        let (next, overflow1) = index.addingReportingOverflow(1)
        let (product, overflow2) = next.multipliedReportingOverflow(by: Int64(1) << level)
        guard !overflow1, !overflow2 else { throw StoreError(.invalid, field: "index", "no Merkle node \(level)/\(index) in a tree of at most 2^63 - 1 entries") }
        return product - 1
    }

    /// Fills the nodes a ledger written before migration v3 lacks (levels above 0), once.
    ///
    /// Nodes only ever arrive with their entry's transaction or with this fill (one transaction),
    /// so the tree is complete exactly when the current peaks are stored: O(log n) lookups at
    /// open, not a count of every node.
    func completeMerkleNodes() throws(StoreError) {
        let lookup = try db.prepare("SELECT 1 FROM merkle_nodes WHERE last_leaf = ? AND level = ?")
        var complete = true
        for peak in MerkleFrontier.peakPositions(size: size) where complete {
            complete = try lookup.bind(.int(try Self.lastLeaf(level: peak.level, index: peak.index)), .int(Int64(peak.level))).step()
            lookup.reset()
        }
        guard !complete else { return }
        try db.writeTransaction { () throws(StoreError) in
            var t = MerkleFrontier()
            let insert = try db.prepare("INSERT OR IGNORE INTO merkle_nodes(last_leaf, level, idx, hash) VALUES (?, ?, ?, ?)")
            var failure: StoreError?
            try forEachEntryRow { (row: EntryRow) throws(StoreError) in
                t.append(Hash.leaf(row.canonical)) { level, index, hash in
                    guard failure == nil else { return }
                    do throws(StoreError) {
                        try insert.bind(.int(try Self.lastLeaf(level: level, index: index)), .int(Int64(level)), .int(index), .blob(hash.bytes)).run()
                    } catch { failure = error }
                }
            }
            if let failure { throw failure }
        }
    }

    /// The complete subtree at `level`, `index`.
    public func merkleNode(level: Int, index: Int64) throws(StoreError) -> Hash {
        let s = try db.prepare("SELECT hash FROM merkle_nodes WHERE last_leaf = ? AND level = ?")
            .bind(.int(try Self.lastLeaf(level: level, index: index)), .int(Int64(level)))
        defer { s.reset() }
        guard try s.step() else { throw StoreError(.corrupt, "Merkle node \(level)/\(index) is missing") }
        do { return try Hash(bytes: s.blob(0)) } catch { throw StoreError(.corrupt, "Merkle node \(level)/\(index) is not 32 bytes") }
    }

    /// The Merkle root of the first `size` entries (0 ≤ size ≤ the chain's size).
    public func merkleRoot(size: Int64) throws(StoreError) -> Hash {
        try checkTreeSize(size, field: "size")
        return try withNodes { node throws in try Merkle.root(size: size, node: node) }
    }

    /// Proof that entry `seq` is in the tree of the first `size` entries.
    public func inclusionProof(seq: Int64, size: Int64) throws(StoreError) -> InclusionProof {
        try checkTreeSize(size, field: "size")
        guard seq >= 0, seq < size else { throw StoreError(.invalid, field: "seq", "must be from 0 to size - 1 (\(size - 1)), got \(seq)") }
        let path = try withNodes { node throws in try Merkle.inclusionPath(index: seq, size: size, node: node) }
        return InclusionProof(leafIndex: seq, treeSize: size, path: path)
    }

    /// Proof that the tree of the first `first` entries is a prefix of that of the first `second`.
    public func consistencyProof(first: Int64, second: Int64) throws(StoreError) -> ConsistencyProof {
        try checkTreeSize(second, field: "second")
        guard first >= 1, first <= second else { throw StoreError(.invalid, field: "first", "must be from 1 to second (\(second)), got \(first)") }
        let path = try withNodes { node throws in try Merkle.consistencyPath(first: first, second: second, node: node) }
        return ConsistencyProof(first: first, second: second, path: path)
    }

    private func checkTreeSize(_ size: Int64, field: String) throws(StoreError) {
        guard size >= 0, size <= self.size else {
            throw StoreError(.invalid, field: field, "must be from 0 to the ledger's size (\(self.size)), got \(size)")
        }
    }

    /// Runs a proof computation over the stored nodes, keeping the store's error type.
    private func withNodes<T>(_ body: (Merkle.NodeReader) throws -> T) throws(StoreError) -> T {
        db.releaseReads()
        do {
            return try body { level, index in try self.merkleNode(level: level, index: index) }
        } catch let e as StoreError {
            throw e
        } catch {
            throw StoreError(.io, "Merkle proof: \(error)")
        }
    }
}
