/// The right edge of an RFC 6962 / RFC 9162 Merkle tree: enough to append leaves and
/// compute the root without keeping the leaves (SPEC §7).
///
/// A tree of `size` leaves is the hash of the perfect subtrees that the binary digits of
/// `size` describe, largest (leftmost) first: `peaks`. Appending a leaf merges equal-sized
/// peaks, as a binary counter carries, so an append costs O(1) amortized and O(log n) at
/// worst, and memory is O(log n) whatever the size. Each perfect subtree completed by an
/// append is reported, so a store can keep every complete node for proofs.
public struct MerkleFrontier: Sendable, Equatable {
    /// Leaves appended so far.
    public private(set) var size: Int64 = 0
    /// Roots of the perfect subtrees covering leaves `0..<size`, leftmost (largest) first.
    public private(set) var peaks: [Hash] = []

    /// An empty tree.
    public init() {}

    /// A tree of `size` leaves given its peaks (as `peakPositions(size:)` lists them).
    public init(size: Int64, peaks: [Hash]) throws(LedgerError) {
        guard size >= 0, size.nonzeroBitCount == peaks.count else {
            throw LedgerError(.argument, field: "peaks", "a tree of \(size) leaves has \(max(0, size).nonzeroBitCount) peaks, got \(peaks.count)")
        }
        (self.size, self.peaks) = (size, peaks)
    }

    /// Appends one leaf hash (for the ledger: an `entry_hash`). `completed` is called with
    /// (level, index, hash) for the leaf itself (level 0) and every perfect subtree the
    /// append completes, lowest first; the subtree at `level`, `index` covers leaves
    /// `index << level ..< (index + 1) << level`.
    public mutating func append(_ leaf: Hash, completed: (Int, Int64, Hash) throws -> Void) rethrows {
        precondition(size < Int64.max, "Merkle tree size overflow")
        var hash = leaf
        var level = 0
        var index = size
        try completed(level, index, hash)
        while index & 1 == 1 {
            hash = Hash.node(peaks.removeLast(), hash)
            index >>= 1
            level += 1
            try completed(level, index, hash)
        }
        peaks.append(hash)
        size += 1
    }

    /// Appends one leaf hash, when the completed nodes are not needed (a verifier's root).
    public mutating func append(_ leaf: Hash) { append(leaf) { _, _, _ in } }

    /// The root hash (SHA-256 of the empty string for the empty tree).
    public var root: Hash {
        guard var root = peaks.last else { return Merkle.emptyRoot }
        for peak in peaks.dropLast().reversed() { root = Hash.node(peak, root) }
        return root
    }

    /// Level and index of each peak of a tree of `size` leaves, leftmost first.
    public static func peakPositions(size: Int64) -> [(level: Int, index: Int64)] {
        var out: [(level: Int, index: Int64)] = []
        var start: Int64 = 0
        for level in stride(from: 62, through: 0, by: -1) where size & (Int64(1) << level) != 0 {
            out.append((level, start >> level))
            start += Int64(1) << level
        }
        return out
    }
}
