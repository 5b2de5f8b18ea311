import Foundation
import Testing
@testable import LedgerCore

/// A Merkle tree kept the way a store keeps it: every complete node the frontier reports.
struct NodeTable {
    var frontier = MerkleFrontier()
    var nodes: [Int: [Int64: Hash]] = [:]

    init(leaves: [Hash]) { for leaf in leaves { append(leaf) } }

    mutating func append(_ leaf: Hash) {
        var added: [(Int, Int64, Hash)] = []
        frontier.append(leaf) { added.append(($0, $1, $2)) }
        for (level, index, hash) in added { nodes[level, default: [:]][index] = hash }
    }

    func node(_ level: Int, _ index: Int64) throws -> Hash {
        guard let h = nodes[level]?[index] else { throw LedgerError(.argument, "no node \(level)/\(index)") }
        return h
    }
}

/// RFC 6962 §2.1 written out directly from the leaf list: the reference the fast code is checked against.
enum NaiveMerkle {
    static func mth(_ d: [Hash]) -> Hash {
        if d.isEmpty { return Merkle.emptyRoot }
        if d.count == 1 { return d[0] }
        let k = split(d.count)
        return Hash.node(mth(Array(d[..<k])), mth(Array(d[k...])))
    }

    static func path(_ m: Int, _ d: [Hash]) -> [Hash] {
        if d.count <= 1 { return [] }
        let k = split(d.count)
        return m < k ? path(m, Array(d[..<k])) + [mth(Array(d[k...]))] : path(m - k, Array(d[k...])) + [mth(Array(d[..<k]))]
    }

    static func proof(_ m: Int, _ d: [Hash]) -> [Hash] { subproof(m, d, true) }

    static func subproof(_ m: Int, _ d: [Hash], _ b: Bool) -> [Hash] {
        if m == d.count { return b ? [] : [mth(d)] }
        let k = split(d.count)
        return m <= k ? subproof(m, Array(d[..<k]), b) + [mth(Array(d[k...]))] : subproof(m - k, Array(d[k...]), false) + [mth(Array(d[..<k]))]
    }

    static func split(_ n: Int) -> Int { var k = 1; while k * 2 < n { k *= 2 }; return k }
}

@Suite("Merkle tree: RFC 6962/9162 hashes, proofs and their verification")
struct MerkleTests {
    nonisolated(unsafe) static let vectors = try! fixtureJSON("merkle/rfc6962_merkle.json")
    static let leafHashes = (vectors["leaf_hashes"] as! [String]).map { try! Hash(hex: $0) }
    /// 64 distinct leaf hashes for the exhaustive checks.
    static let many = (0..<64).map { Hash.leaf(Array("leaf \($0)".utf8)) }

    @Test func hasherVectors() throws {
        for v in Self.vectors["hasher_vectors"] as! [[String: String]] {
            switch v["kind"]! {
            case "empty_root": #expect(Merkle.emptyRoot.hex == v["hash"]!)
            case "leaf": #expect(Hash.leaf(hex(v["leaf"]!)).hex == v["hash"]!)
            // The vector hashes two short byte strings; our nodes take 32-byte hashes, so the
            // node rule is checked against the roots below instead.
            default: continue
            }
        }
        let leaves = (Self.vectors["leaves"] as! [String]).map(hex)
        #expect(leaves.map { Hash.leaf($0) } == Self.leafHashes)
    }

    @Test func rootsAndCompleteSubtrees() throws {
        for r in Self.vectors["roots"] as! [[String: Any]] {
            let size = r["tree_size"] as! Int
            let table = NodeTable(leaves: Array(Self.leafHashes.prefix(size)))
            #expect(table.frontier.root.hex == r["root"] as! String, "size \(size)")
            #expect(try Merkle.root(size: Int64(size), node: table.node).hex == r["root"] as! String)
            #expect(NaiveMerkle.mth(Array(Self.leafHashes.prefix(size))) == table.frontier.root)
        }
        let table = NodeTable(leaves: Self.leafHashes)
        for level in 1...3 {
            let expected = (Self.vectors["complete_subtree_hashes"] as! [String: Any])["level\(level)"] as! [String]
            for (i, h) in expected.enumerated() { #expect(try table.node(level, Int64(i)).hex == h, "level \(level) index \(i)") }
        }
    }

    @Test func inclusionVectors() throws {
        let table = NodeTable(leaves: Self.leafHashes)
        for v in Self.vectors["inclusion_proofs"] as! [[String: Any]] {
            let (index, size) = (Int64(v["leaf_index"] as! Int), Int64(v["tree_size"] as! Int))
            let expected = (v["proof"] as! [String]).map { try! Hash(hex: $0) }
            #expect(try Merkle.inclusionPath(index: index, size: size, node: table.node) == expected, "\(index) in \(size)")
            try Merkle.verifyInclusion(leaf: try Hash(hex: v["leaf_hash"] as! String), index: index, size: size, path: expected,
                                       root: try Hash(hex: v["root"] as! String))
        }
    }

    @Test func consistencyVectors() throws {
        let table = NodeTable(leaves: Self.leafHashes)
        for v in Self.vectors["consistency_proofs"] as! [[String: Any]] {
            let (m, n) = (Int64(v["size1"] as! Int), Int64(v["size2"] as! Int))
            let expected = (v["proof"] as! [String]).map { try! Hash(hex: $0) }
            #expect(try Merkle.consistencyPath(first: m, second: n, node: table.node) == expected, "\(m) → \(n)")
            try Merkle.verifyConsistency(first: m, second: n, firstRoot: try Hash(hex: v["root1"] as! String),
                                         secondRoot: try Hash(hex: v["root2"] as! String), path: expected)
        }
    }

    // MARK: - transparency-dev probes

    static let probeRoot = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/merkle/probes")

    static func probes(_ kind: String) -> [String] {
        let base = probeRoot.appendingPathComponent(kind)
        let files = FileManager.default.enumerator(atPath: base.path)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".json") }
        return files.sorted().map { "\(kind)/\($0)" }
    }

    /// A probe's root or path hash. Our API takes 32-byte hashes only; a probe's placeholder
    /// (an empty or "don't care" string) becomes a distinct stand-in hash, so placeholders stay
    /// equal to each other exactly when their bytes are (upstream compares roots as bytes).
    static func probeHash(_ value: Any?) -> Hash {
        let bytes = (value as? String).flatMap(Base64.decode) ?? []
        if bytes.count == 32 { return try! Hash(bytes: bytes) }
        return Hash.sha256(Array("probe placeholder:".utf8) + bytes)
    }

    /// A probe's size or index. Some are 2^64 - 1 (an index "minus one" in Go's uint64): no
    /// tree has that many leaves, and our Int64 API cannot even be asked; such a probe counts
    /// as refused.
    static func probeInt(_ value: Any?) throws(LedgerError) -> Int64 {
        let n = (value as! NSNumber).uint64Value
        guard n <= UInt64(Int64.max) else { throw LedgerError(.argument, "\(n) is beyond any tree") }
        return Int64(n)
    }

    static func probeJSON(_ file: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: probeRoot.appendingPathComponent(file))) as! [String: Any]
    }

    @Test(arguments: probes("inclusion"))
    func inclusionProbe(_ file: String) throws {
        let p = try Self.probeJSON(file)
        let path = ((p["proof"] as? [String]) ?? []).map { Self.probeHash($0) }
        let result = Result { () throws(LedgerError) in
            // As upstream, the leaf must be a hash: 32 bytes (Hash's validating initialiser).
            let leaf = try Hash(bytes: (p["leafHash"] as? String).flatMap(Base64.decode) ?? [])
            try Merkle.verifyInclusion(leaf: leaf, index: try Self.probeInt(p["leafIdx"]),
                                       size: try Self.probeInt(p["treeSize"]), path: path, root: Self.probeHash(p["root"]))
        }
        let wantErr = p["wantErr"] as! Bool
        #expect((try? result.get()) == nil ? wantErr : !wantErr, "\(file): \(p["desc"] ?? "")")
    }

    @Test(arguments: probes("consistency"))
    func consistencyProbe(_ file: String) throws {
        let p = try Self.probeJSON(file)
        let path = ((p["proof"] as? [String]) ?? []).map { Self.probeHash($0) }
        let result = Result { () throws(LedgerError) in
            try Merkle.verifyConsistency(first: try Self.probeInt(p["size1"]), second: try Self.probeInt(p["size2"]),
                                         firstRoot: Self.probeHash(p["root1"]), secondRoot: Self.probeHash(p["root2"]), path: path)
        }
        let wantErr = p["wantErr"] as! Bool
        #expect((try? result.get()) == nil ? wantErr : !wantErr, "\(file): \(p["desc"] ?? "")")
    }

    @Test func probesAreAllThere() {
        // 196 files upstream: losing some in a copy must not pass silently.
        #expect(Self.probes("inclusion").count + Self.probes("consistency").count == 196)
        #expect(Self.probes("inclusion").count == 98)
    }

    // MARK: - Exhaustive against the reference

    @Test func everyProofUpTo64MatchesTheReference() throws {
        var table = NodeTable(leaves: [])
        for n in 1...64 {
            table.append(Self.many[n - 1])
            let leaves = Array(Self.many.prefix(n))
            let root = table.frontier.root
            #expect(root == NaiveMerkle.mth(leaves))
            #expect(try Merkle.root(size: Int64(n), node: table.node) == root)
            for i in 0..<n {
                let path = try Merkle.inclusionPath(index: Int64(i), size: Int64(n), node: table.node)
                #expect(path == NaiveMerkle.path(i, leaves), "inclusion \(i) in \(n)")
                #expect(path.count <= Limits.merklePathHashesMax)
                try Merkle.verifyInclusion(leaf: leaves[i], index: Int64(i), size: Int64(n), path: path, root: root)
                // The right path for another leaf, index or root fails. (A path binds leaf,
                // index and root; the size is only as good as the root it is checked against.)
                if n > 1 {
                    #expect(throws: LedgerError.self) { try Merkle.verifyInclusion(leaf: leaves[(i + 1) % n], index: Int64(i), size: Int64(n), path: path, root: root) }
                    #expect(throws: LedgerError.self) { try Merkle.verifyInclusion(leaf: leaves[i], index: Int64((i + 1) % n), size: Int64(n), path: path, root: root) }
                }
                #expect(throws: LedgerError.self) {
                    try Merkle.verifyInclusion(leaf: leaves[i], index: Int64(i), size: Int64(n), path: path, root: NaiveMerkle.mth(leaves + [Hash.leaf([1])]))
                }
            }
            for m in 1...n {
                let path = try Merkle.consistencyPath(first: Int64(m), second: Int64(n), node: table.node)
                #expect(path == NaiveMerkle.proof(m, leaves), "consistency \(m) → \(n)")
                let oldRoot = NaiveMerkle.mth(Array(leaves.prefix(m)))
                try Merkle.verifyConsistency(first: Int64(m), second: Int64(n), firstRoot: oldRoot, secondRoot: root, path: path)
                if m < n {
                    // A rewritten history (another leaf inside the old tree) is caught.
                    var forged = leaves
                    forged[m - 1] = Hash.leaf(Array("forged".utf8))
                    #expect(throws: LedgerError.self) {
                        try Merkle.verifyConsistency(first: Int64(m), second: Int64(n), firstRoot: oldRoot, secondRoot: NaiveMerkle.mth(forged), path: path)
                    }
                }
            }
        }
    }

    /// Every bit of every path element, for every proof in trees of up to 16 leaves.
    @Test func everyFlippedBitIsRejected() throws {
        let leaves = Array(Self.many.prefix(16))
        let table = NodeTable(leaves: leaves)
        var checked = 0
        for n in 1...16 {
            let root = NaiveMerkle.mth(Array(leaves.prefix(n)))
            for i in 0..<n {
                let path = try Merkle.inclusionPath(index: Int64(i), size: Int64(n), node: table.node)
                for (e, bit) in bits(path) {
                    let bad = flipped(path, e, bit)
                    #expect(throws: LedgerError.self) { try Merkle.verifyInclusion(leaf: leaves[i], index: Int64(i), size: Int64(n), path: bad, root: root) }
                    checked += 1
                }
            }
            for m in 1..<n {
                let path = try Merkle.consistencyPath(first: Int64(m), second: Int64(n), node: table.node)
                let oldRoot = NaiveMerkle.mth(Array(leaves.prefix(m)))
                for (e, bit) in bits(path) {
                    let bad = flipped(path, e, bit)
                    #expect(throws: LedgerError.self) { try Merkle.verifyConsistency(first: Int64(m), second: Int64(n), firstRoot: oldRoot, secondRoot: root, path: bad) }
                    checked += 1
                }
                // A path with one hash too many or too few fails as well.
                #expect(throws: LedgerError.self) { try Merkle.verifyConsistency(first: Int64(m), second: Int64(n), firstRoot: oldRoot, secondRoot: root, path: path + [root]) }
                #expect(throws: LedgerError.self) { try Merkle.verifyConsistency(first: Int64(m), second: Int64(n), firstRoot: oldRoot, secondRoot: root, path: Array(path.dropLast())) }
            }
        }
        #expect(checked > 100_000)
    }

    func bits(_ path: [Hash]) -> [(Int, Int)] { path.indices.flatMap { e in (0..<256).map { (e, $0) } } }

    func flipped(_ path: [Hash], _ element: Int, _ bit: Int) -> [Hash] {
        var bytes = path[element].bytes
        bytes[bit / 8] ^= UInt8(1) << (bit % 8)
        var out = path
        out[element] = try! Hash(bytes: bytes)
        return out
    }

    // MARK: - Frontier

    @Test func frontierReportsEveryCompleteNodeOnce() throws {
        var f = MerkleFrontier()
        var seen = Set<String>()
        for (i, leaf) in Self.many.enumerated() {
            var levels: [Int] = []
            f.append(leaf) { level, index, _ in
                levels.append(level)
                #expect(seen.insert("\(level)/\(index)").inserted)
                #expect(index << level + (Int64(1) << level) - 1 == Int64(i), "a reported node ends at the new leaf")
            }
            // Leaf i completes one node per trailing one bit of i, plus the leaf itself.
            #expect(levels == Array(0...(i + 1).trailingZeroBitCount))
            #expect(f.peaks.count == (i + 1).nonzeroBitCount)
        }
        #expect(seen.count == 127)
        // A frontier rebuilt from stored peaks continues identically.
        let table = NodeTable(leaves: Array(Self.many.prefix(45)))
        var rebuilt = try MerkleFrontier(size: 45, peaks: MerkleFrontier.peakPositions(size: 45).map { try table.node($0.level, $0.index) })
        #expect(rebuilt == table.frontier)
        rebuilt.append(Self.many[45])
        #expect(rebuilt.root == NaiveMerkle.mth(Array(Self.many.prefix(46))))
    }

    @Test(arguments: [(Int64(5), 1), (5, 3), (0, 1), (-1, 0), (8, 2)])
    func frontierRefusesPeaksThatDoNotFitTheSize(_ size: Int64, _ count: Int) {
        #expect(throws: LedgerError.self) { try MerkleFrontier(size: size, peaks: Array(Self.many.prefix(count))) }
    }

    @Test func peakPositionsFollowTheBinaryDigits() {
        #expect(MerkleFrontier.peakPositions(size: 0).isEmpty)
        #expect(MerkleFrontier.peakPositions(size: 13).map { "\($0.level)/\($0.index)" } == ["3/0", "2/2", "0/12"])
        #expect(MerkleFrontier.peakPositions(size: 1 << 40).map { "\($0.level)/\($0.index)" } == ["40/0"])
    }

    @Test func proofArgumentsOutOfRangeAreRefused() {
        let table = NodeTable(leaves: Array(Self.many.prefix(8)))
        for (index, size) in [(Int64(8), Int64(8)), (-1, 8), (0, 0)] {
            #expect(throws: LedgerError.self) { try Merkle.inclusionPath(index: index, size: size, node: table.node) }
        }
        for (first, second) in [(Int64(0), Int64(8)), (9, 8), (-1, 8)] {
            #expect(throws: LedgerError.self) { try Merkle.consistencyPath(first: first, second: second, node: table.node) }
        }
        // A node the table never had is the reader's error, passed on.
        #expect(throws: LedgerError.self) { try Merkle.inclusionPath(index: 0, size: 9, node: table.node) }
    }

    // MARK: - JSON form (SPEC §7)

    @Test func proofJSONRoundTrips() throws {
        let table = NodeTable(leaves: Array(Self.many.prefix(13)))
        let inclusion = InclusionProof(leafIndex: 6, treeSize: 13, path: try Merkle.inclusionPath(index: 6, size: 13, node: table.node))
        let text = String(decoding: inclusion.json.canonicalBytes, as: UTF8.self)
        #expect(text.hasPrefix(#"{"leaf_index":6,"path":[""#) && text.hasSuffix(#"],"tree_size":13}"#))
        #expect(try InclusionProof(json: JSONParser.parse(Array(text.utf8))) == inclusion)
        try inclusion.verify(leaf: Self.many[6], root: table.frontier.root)
        let consistency = ConsistencyProof(first: 5, second: 13, path: try Merkle.consistencyPath(first: 5, second: 13, node: table.node))
        #expect(try ConsistencyProof(json: JSONParser.parse(consistency.json.canonicalBytes)) == consistency)
        try consistency.verify(firstRoot: NaiveMerkle.mth(Array(Self.many.prefix(5))), secondRoot: table.frontier.root)
    }

    static let h = Hash.sha256([UInt8]()).hex

    @Test(arguments: [
        (#"{"leaf_index":0,"path":[],"tree_size":1,"x":1}"#, "x"),
        (#"{"leaf_index":0,"path":[]}"#, "tree_size"),
        (#"{"leaf_index":1,"path":[],"tree_size":1}"#, "leaf_index"),
        (#"{"leaf_index":-1,"path":[],"tree_size":1}"#, "leaf_index"),
        (#"{"leaf_index":0,"path":[],"tree_size":0}"#, "tree_size"),
        (#"{"leaf_index":"0","path":[],"tree_size":1}"#, "leaf_index"),
        (#"{"leaf_index":0,"path":"","tree_size":1}"#, "path"),
        (#"{"leaf_index":0,"path":["E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855"],"tree_size":2}"#, "path[0]"),
        (#"{"leaf_index":0,"path":["e3b0"],"tree_size":2}"#, "path[0]"),
        (#"{"leaf_index":0,"path":[1],"tree_size":2}"#, "path[0]"),
        ("{\"leaf_index\":0,\"path\":[\(Array(repeating: "\"\(h)\"", count: 65).joined(separator: ","))],\"tree_size\":2}", "path"),
    ])
    func badInclusionJSONNamesTheField(_ text: String, _ field: String) throws {
        let value = try JSONParser.parse(Array(text.utf8))
        #expect { try InclusionProof(json: value) } throws: { ($0 as? LedgerError)?.field == field }
    }

    @Test(arguments: [
        (#"{"first":1,"path":[],"second":1,"x":1}"#, "x"),
        (#"{"first":0,"path":[],"second":1}"#, "first"),
        (#"{"first":3,"path":[],"second":2}"#, "first"),
        (#"{"first":1,"path":[]}"#, "second"),
        (#"{"first":1,"path":[null],"second":2}"#, "path[0]"),
        (#"{"first":true,"path":[],"second":2}"#, "first"),
    ])
    func badConsistencyJSONNamesTheField(_ text: String, _ field: String) throws {
        let value = try JSONParser.parse(Array(text.utf8))
        #expect { try ConsistencyProof(json: value) } throws: { ($0 as? LedgerError)?.field == field }
    }
}
