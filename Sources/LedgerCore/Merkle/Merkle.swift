/// RFC 6962 / RFC 9162 Merkle tree hashes and audit paths over a tree whose complete
/// subtrees can be read by (level, index) (SPEC §7).
///
/// Proofs are built from complete subtree hashes only: the subtree at `level`, `index`
/// covers leaves `index << level ..< (index + 1) << level`. A store keeps every such node
/// as leaves are appended (`MerkleFrontier.append`), so a proof costs O(log n) node reads
/// for the perfect parts plus the O(log n) nodes of at most one ragged right edge.
public enum Merkle {
    /// The root of the empty tree: SHA-256 of the empty string.
    public static let emptyRoot = Hash.sha256([UInt8]())

    /// Reads the complete subtree at `level`, `index`.
    public typealias NodeReader = (_ level: Int, _ index: Int64) throws -> Hash

    /// The largest power of two strictly less than `n` (n > 1): RFC 6962's split point.
    static func split(_ n: Int64) -> Int64 {
        precondition(n > 1)
        return Int64(1) << (63 - (n - 1).leadingZeroBitCount)
    }

    /// MTH of leaves `start ..< start + count` where `start` is a multiple of the split
    /// points above it (as every range of the RFC recursion is).
    public static func rangeRoot(start: Int64, count: Int64, node: NodeReader) rethrows -> Hash {
        precondition(count > 0)
        if count.nonzeroBitCount == 1, start % count == 0 {
            return try node(count.trailingZeroBitCount, start >> count.trailingZeroBitCount)
        }
        let k = split(count)
        return Hash.node(try rangeRoot(start: start, count: k, node: node), try rangeRoot(start: start + k, count: count - k, node: node))
    }

    /// The root of the tree of `size` leaves.
    public static func root(size: Int64, node: NodeReader) rethrows -> Hash {
        size == 0 ? emptyRoot : try rangeRoot(start: 0, count: size, node: node)
    }

    /// RFC 9162 §2.1.3.1 inclusion path of leaf `index` in the tree of `size` leaves, leaf side first.
    public static func inclusionPath(index: Int64, size: Int64, node: NodeReader) throws -> [Hash] {
        guard size > 0, (0..<size).contains(index) else {
            throw LedgerError(.argument, field: "leaf_index", "must be from 0 to tree_size - 1 (tree_size \(size)), got \(index)")
        }
        var path: [Hash] = []
        try inclusion(index, start: 0, count: size, node: node, into: &path)
        return path
    }

    private static func inclusion(_ m: Int64, start: Int64, count n: Int64, node: NodeReader, into path: inout [Hash]) throws {
        guard n > 1 else { return }
        let k = split(n)
        if m < k {
            try inclusion(m, start: start, count: k, node: node, into: &path)
            path.append(try rangeRoot(start: start + k, count: n - k, node: node))
        } else {
            try inclusion(m - k, start: start + k, count: n - k, node: node, into: &path)
            path.append(try rangeRoot(start: start, count: k, node: node))
        }
    }

    /// RFC 9162 §2.1.4.1 consistency path from the tree of `first` leaves to that of `second`.
    public static func consistencyPath(first: Int64, second: Int64, node: NodeReader) throws -> [Hash] {
        guard first > 0, first <= second else {
            throw LedgerError(.argument, field: "first", "must be from 1 to second (\(second)), got \(first)")
        }
        guard first < second else { return [] }
        var path: [Hash] = []
        try subproof(first, start: 0, count: second, complete: true, node: node, into: &path)
        return path
    }

    private static func subproof(_ m: Int64, start: Int64, count n: Int64, complete b: Bool, node: NodeReader, into path: inout [Hash]) throws {
        if m == n {
            if !b { path.append(try rangeRoot(start: start, count: n, node: node)) }
            return
        }
        let k = split(n)
        if m <= k {
            try subproof(m, start: start, count: k, complete: b, node: node, into: &path)
            path.append(try rangeRoot(start: start + k, count: n - k, node: node))
        } else {
            try subproof(m - k, start: start + k, count: n - k, complete: false, node: node, into: &path)
            path.append(try rangeRoot(start: start, count: k, node: node))
        }
    }

    // MARK: - Verification (RFC 9162 §2.1.3.2 and §2.1.4.2)

    /// The root that an inclusion path leads to from `leaf` at `index` in a tree of `size`
    /// leaves; throws when the path cannot belong to such a tree (wrong length, index out of range).
    public static func rootFromInclusion(leaf: Hash, index: Int64, size: Int64, path: [Hash]) throws(LedgerError) -> Hash {
        guard index >= 0, index < size else {
            throw LedgerError(.crypto, field: "leaf_index", "leaf_index \(index) is not below tree_size \(size)")
        }
        var fn = index, sn = size - 1
        var r = leaf
        for p in path {
            guard sn > 0 else { throw LedgerError(.crypto, field: "path", "the path is longer than a tree of \(size) leaves allows") }
            if fn & 1 == 1 || fn == sn {
                r = Hash.node(p, r)
                if fn & 1 == 0 { while fn & 1 == 0 && fn != 0 { fn >>= 1; sn >>= 1 } }
            } else {
                r = Hash.node(r, p)
            }
            fn >>= 1
            sn >>= 1
        }
        guard sn == 0 else { throw LedgerError(.crypto, field: "path", "the path is shorter than a tree of \(size) leaves needs") }
        return r
    }

    /// Checks that `leaf` is leaf `index` of the tree of `size` leaves whose root is `root`.
    public static func verifyInclusion(leaf: Hash, index: Int64, size: Int64, path: [Hash], root: Hash) throws(LedgerError) {
        guard try rootFromInclusion(leaf: leaf, index: index, size: size, path: path) == root else {
            throw LedgerError(.crypto, field: "path", "the inclusion path does not lead to the root of the tree of \(size) leaves")
        }
    }

    /// Checks that the tree of `first` leaves with root `firstRoot` is a prefix of the tree
    /// of `second` leaves with root `secondRoot`.
    public static func verifyConsistency(first: Int64, second: Int64, firstRoot: Hash, secondRoot: Hash, path: [Hash]) throws(LedgerError) {
        guard first <= second else {
            throw LedgerError(.crypto, field: "first", "a tree of \(first) leaves cannot be a prefix of one of \(second)")
        }
        // RFC 9162 §2.1.4 defines proofs for 0 < first; one from the empty tree would prove
        // nothing, and the transparency-dev probes refuse it too (even between two empty trees).
        guard first > 0 else { throw LedgerError(.crypto, field: "first", "a consistency proof starts from a tree of at least 1 leaf") }
        if first == second {
            guard path.isEmpty else { throw LedgerError(.crypto, field: "path", "trees of equal size need an empty path") }
            guard firstRoot == secondRoot else { throw LedgerError(.crypto, field: "path", "two trees of \(first) leaves with different roots") }
            return
        }
        guard !path.isEmpty else { throw LedgerError(.crypto, field: "path", "the consistency path is empty") }
        var path = path
        if first.nonzeroBitCount == 1 { path.insert(firstRoot, at: 0) }
        var fn = first - 1, sn = second - 1
        while fn & 1 == 1 { fn >>= 1; sn >>= 1 }
        var fr = path[0], sr = path[0]
        for c in path.dropFirst() {
            guard sn > 0 else { throw LedgerError(.crypto, field: "path", "the path is longer than trees of \(first) and \(second) leaves allow") }
            if fn & 1 == 1 || fn == sn {
                fr = Hash.node(c, fr)
                sr = Hash.node(c, sr)
                if fn & 1 == 0 { while fn & 1 == 0 && fn != 0 { fn >>= 1; sn >>= 1 } }
            } else {
                sr = Hash.node(sr, c)
            }
            fn >>= 1
            sn >>= 1
        }
        guard sn == 0 else { throw LedgerError(.crypto, field: "path", "the path is shorter than trees of \(first) and \(second) leaves need") }
        guard fr == firstRoot else { throw LedgerError(.crypto, field: "path", "the path does not lead to the root of the tree of \(first) leaves") }
        guard sr == secondRoot else { throw LedgerError(.crypto, field: "path", "the path does not lead to the root of the tree of \(second) leaves") }
    }
}
