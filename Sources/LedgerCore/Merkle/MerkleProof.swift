/// An RFC 9162 inclusion proof as SPEC §7 writes it in JSON:
/// `{"leaf_index": i, "path": ["<hex>", ...], "tree_size": n}`.
public struct InclusionProof: Equatable, Sendable {
    public let leafIndex: Int64
    public let treeSize: Int64
    /// Sibling hashes, leaf side first.
    public let path: [Hash]

    public init(leafIndex: Int64, treeSize: Int64, path: [Hash]) {
        (self.leafIndex, self.treeSize, self.path) = (leafIndex, treeSize, path)
    }

    public var json: JSONValue {
        .object(try! JSONObject([
            ("leaf_index", .integer(leafIndex)), ("path", .array(path.map { .string($0.hex) })), ("tree_size", .integer(treeSize)),
        ]))
    }

    /// Parses the JSON form; every field is required and no other is allowed.
    public init(json: JSONValue, path fieldPath: String = "") throws(LedgerError) {
        let r = try FieldReader(json, path: fieldPath, fields: ["leaf_index", "path", "tree_size"])
        treeSize = try r.integer("tree_size", in: 1...Limits.integerMagnitudeMax, "from 1 to 2^53-1")
        leafIndex = try r.integer("leaf_index", in: 0...Limits.integerMagnitudeMax, "from 0 to 2^53-1")
        guard leafIndex < treeSize else { throw r.fail("leaf_index", "must be below tree_size (\(treeSize))") }
        path = try MerkleProofPath.read(r)
    }

    /// Checks that `leaf` is in the tree with root `root`.
    public func verify(leaf: Hash, root: Hash) throws(LedgerError) {
        try Merkle.verifyInclusion(leaf: leaf, index: leafIndex, size: treeSize, path: path, root: root)
    }
}

/// An RFC 9162 consistency proof as SPEC §7 writes it in JSON:
/// `{"first": m, "path": ["<hex>", ...], "second": n}`.
public struct ConsistencyProof: Equatable, Sendable {
    public let first: Int64
    public let second: Int64
    public let path: [Hash]

    public init(first: Int64, second: Int64, path: [Hash]) {
        (self.first, self.second, self.path) = (first, second, path)
    }

    public var json: JSONValue {
        .object(try! JSONObject([
            ("first", .integer(first)), ("path", .array(path.map { .string($0.hex) })), ("second", .integer(second)),
        ]))
    }

    public init(json: JSONValue, path fieldPath: String = "") throws(LedgerError) {
        let r = try FieldReader(json, path: fieldPath, fields: ["first", "path", "second"])
        first = try r.integer("first", in: 1...Limits.integerMagnitudeMax, "from 1 to 2^53-1")
        second = try r.integer("second", in: 0...Limits.integerMagnitudeMax, "from 0 to 2^53-1")
        guard first <= second else { throw r.fail("first", "must not exceed second (\(second))") }
        path = try MerkleProofPath.read(r)
    }

    /// Checks that the tree of `first` leaves with `firstRoot` is a prefix of the one of `second` leaves with `secondRoot`.
    public func verify(firstRoot: Hash, secondRoot: Hash) throws(LedgerError) {
        try Merkle.verifyConsistency(first: first, second: second, firstRoot: firstRoot, secondRoot: secondRoot, path: path)
    }
}

/// The `path` member shared by both proofs: at most `Limits.merklePathHashesMax` lowercase hex hashes.
enum MerkleProofPath {
    static func read(_ r: FieldReader) throws(LedgerError) -> [Hash] {
        let items = try r.array("path")
        guard items.count <= Limits.merklePathHashesMax else { throw r.fail("path", "has \(items.count) hashes; at most \(Limits.merklePathHashesMax)") }
        var out: [Hash] = []
        for (i, item) in items.enumerated() {
            guard case .string(let s) = item, let h = try? Hash(hex: s) else {
                throw r.fail("path[\(i)]", "must be a hash: 64 lowercase hex characters")
            }
            out.append(h)
        }
        return out
    }
}
