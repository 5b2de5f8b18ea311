/// Builds the hash tiles of a log from its leaf hashes, appended in order (SPEC §11).
///
/// Each level keeps the hashes of its tile in progress; when one holds 256 hashes it is a full
/// tile, handed to the caller once, and its Merkle root (a complete subtree of 2^8 hashes)
/// becomes the next hash of the level above. What remains in progress are the partial tiles.
/// Memory: at most 255 hashes per level.
public struct TileBuilder: Sendable {
    public private(set) var size: Int64 = 0
    private var pending: [[Hash]] = [[]]
    private var fullCount: [Int64] = [0]

    public init() {}

    /// A builder for a tree that already has `size` leaves, to continue from there: each
    /// level's tile in progress is read through `node` (tree level, index: a complete
    /// subtree, as a store keeps them), so an incremental publication costs O(new entries).
    public init<E: Error>(resumingAt size: Int64, node: (Int, Int64) throws(E) -> Hash) throws(E) {
        self.size = size
        pending = []
        fullCount = []
        var level = 0
        repeat {
            let hashes = size >> (TileLayout.levelBits * level)
            let full = hashes / Int64(TileLayout.width)
            var tile: [Hash] = []
            for i in 0..<(hashes % Int64(TileLayout.width)) { tile.append(try node(TileLayout.levelBits * level, full * Int64(TileLayout.width) + i)) }
            pending.append(tile)
            fullCount.append(full)
            level += 1
        } while size >> (TileLayout.levelBits * level) > 0
    }

    /// Appends a leaf hash; `full` receives every tile this completes, lowest level first.
    public mutating func append<E: Error>(_ leaf: Hash, full: (TileRef, [Hash]) throws(E) -> Void) throws(E) {
        size += 1
        var hash = leaf
        var level = 0
        while true {
            pending[level].append(hash)
            guard pending[level].count == TileLayout.width else { return }
            let tile = pending[level]
            try full(TileRef(.hashes(level: level), index: fullCount[level], width: TileLayout.width), tile)
            fullCount[level] += 1
            pending[level].removeAll(keepingCapacity: true)
            hash = TileBuilder.perfectRoot(tile[...])
            level += 1
            if pending.count == level {
                pending.append([])
                fullCount.append(0)
            }
        }
    }

    /// The partial tiles of the tree so far, lowest level first (none for a level whose tile in progress is empty).
    public var partialTiles: [(TileRef, [Hash])] {
        pending.indices.compactMap { l in
            pending[l].isEmpty ? nil : (TileRef(.hashes(level: l), index: fullCount[l], width: pending[l].count), pending[l])
        }
    }

    /// The Merkle tree hash of a power-of-two count of hashes (a complete subtree).
    public static func perfectRoot(_ hashes: ArraySlice<Hash>) -> Hash {
        precondition(hashes.count > 0 && hashes.count.nonzeroBitCount == 1, "not a complete subtree")
        var level = Array(hashes)
        while level.count > 1 {
            level = stride(from: 0, to: level.count, by: 2).map { Hash.node(level[$0], level[$0 + 1]) }
        }
        return level[0]
    }
}

/// Reads complete Merkle subtrees of a tree of `size` leaves from its hash tiles, so that roots
/// and RFC 9162 proofs come from the same `Merkle` functions as from a store: the subtree at
/// tree level `k`, index `i` is, with `l = k / 8` and `j = k % 8`, the root of the `2^j`
/// hashes from position `i · 2^j` of the level-`l` tiles.
public struct TileNodes {
    public let size: Int64
    /// Returns the hashes of one tile (full, or the partial tile the size implies).
    private let fetch: (TileRef) throws -> [Hash]
    private var cache: [TileRef: [Hash]] = [:]

    public init(size: Int64, fetch: @escaping (TileRef) throws -> [Hash]) {
        self.size = size
        self.fetch = fetch
    }

    /// The tile of `level` holding hash position `position`, as this tree has it.
    private mutating func tile(level: Int, containing position: Int64) throws -> [Hash] {
        let perTile = Int64(TileLayout.width)
        let hashesAtLevel = size >> (TileLayout.levelBits * level)
        let n = position / perTile
        let width = n < hashesAtLevel / perTile ? TileLayout.width : Int(hashesAtLevel % perTile)
        guard width > 0 else { throw LedgerError(.tiles, "no tile at level \(level) holds hash \(position) of a tree of \(size)") }
        let ref = TileRef(.hashes(level: level), index: n, width: width)
        if let t = cache[ref] { return t }
        let t = try fetch(ref)
        guard t.count == width else { throw LedgerError(.tiles, "\(ref.path) has \(t.count) hashes, expected \(width)") }
        cache[ref] = t
        return t
    }

    /// The complete subtree at tree level `level`, index `index`.
    public mutating func node(level: Int, index: Int64) throws -> Hash {
        let l = level / TileLayout.levelBits, j = level % TileLayout.levelBits
        let first = index << j, count = Int64(1) << j
        let t = try tile(level: l, containing: first)
        let offset = Int(first % Int64(TileLayout.width))
        guard offset + Int(count) <= t.count else { throw LedgerError(.tiles, "subtree \(level)/\(index) lies beyond the tree of \(size)") }
        return TileBuilder.perfectRoot(t[offset..<offset + Int(count)])
    }

    /// The root of the tree (SPEC §7).
    public mutating func root() throws -> Hash {
        try Merkle.root(size: size) { level, index in try self.node(level: level, index: index) }
    }
}
