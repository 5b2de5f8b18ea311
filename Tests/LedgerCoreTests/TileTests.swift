import Foundation
import Testing
@testable import LedgerCore

/// C2SP tlog-tiles (SPEC §11) against the text of c2sp.org/tlog-tiles: path encoding, which
/// tiles a tree has, tile contents against the Merkle tree, and entry bundles.
@Suite struct TileTests {
    @Test(arguments: [(Int64(0), "000"), (5, "005"), (999, "999"), (1000, "x001/000"), (1_234_067, "x001/x234/067"),
                      (1_000_000, "x001/x000/000"), (999_999_999, "x999/x999/999")])
    func indexPaths(_ n: Int64, _ path: String) { #expect(TileLayout.indexPath(n) == path) }

    @Test func pathsOfTilesAndBundles() throws {
        let cases: [(TileRef, String)] = [
            (TileRef(.hashes(level: 0), index: 1_234_067, width: 256), "tile/0/x001/x234/067"),
            (TileRef(.hashes(level: 2), index: 0, width: 1), "tile/2/000.p/1"),
            (TileRef(.hashes(level: 63), index: 7, width: 255), "tile/63/007.p/255"),
            (TileRef(.entries, index: 1000, width: 112), "tile/entries/x001/000.p/112"),
            (TileRef(.entries, index: 0, width: 256), "tile/entries/000"),
        ]
        for (ref, path) in cases {
            #expect(ref.path == path)
            #expect(try TileRef(path: path) == ref, "\(path)")
        }
    }

    @Test(arguments: ["tile/00/000", "tile/64/000", "tile/0/000.p/256", "tile/0/000.p/0", "tile/0/000.p/07", "tile/0/x000/001",
                      "tile/0/001/002", "tile/0/1", "tiles/0/000", "tile/entries/000.p", "tile/0/x001", "tile/0/000/", "tile/-1/000",
                      "tile/0/0001", "tile/0/000.p/", "tile/entries/x1000/000", "tile/0/x001/x002.p/5"])
    func badPathsAreRefused(_ path: String) {
        #expect(throws: LedgerError.self, "\(path)") { try TileRef(path: path) }
    }

    /// The specification's examples: sizes 70,000 and 256.
    @Test func whichTilesATreeHas() {
        func summary(_ size: Int64) -> [String] {
            var counts: [String: Int] = [:]
            var partial: [String] = []
            for t in TileLayout.hashTiles(size: size) {
                guard case .hashes(let l) = t.kind else { continue }
                if t.isFull { counts["L\(l)", default: 0] += 1 } else { partial.append("L\(l).p/\(t.width)") }
            }
            return counts.keys.sorted().map { "\($0)×\(counts[$0]!)" } + partial
        }
        #expect(summary(70_000) == ["L0×273", "L1×1", "L0.p/112", "L1.p/17", "L2.p/1"])
        #expect(summary(256) == ["L0×1", "L1.p/1"])
        #expect(summary(1) == ["L0.p/1"])
        #expect(TileLayout.hashTiles(size: 0).isEmpty)
        #expect(TileLayout.entryBundles(size: 70_000).count == 274 && TileLayout.entryBundles(size: 70_000).last!.path == "tile/entries/273.p/112")
    }

    static func leaves(_ n: Int) -> [Hash] { (0..<n).map { Hash.leaf(Array("leaf \($0)".utf8)) } }

    /// Every tile the builder writes is the one the layout names, each hash is the Merkle tree's
    /// complete subtree, and roots and proofs read from the tiles equal those from the tree.
    @Test(arguments: [1, 2, 255, 256, 257, 511, 65_536, 70_000])
    func tilesMatchTheMerkleTree(_ size: Int) throws {
        var nodes: [String: Hash] = [:]
        var frontier = MerkleFrontier()
        var builder = TileBuilder()
        var tiles: [TileRef: [Hash]] = [:]
        for leaf in Self.leaves(size) {
            frontier.append(leaf) { level, index, hash in nodes["\(level)/\(index)"] = hash }
            try builder.append(leaf) { ref, hashes in
                #expect(tiles[ref] == nil, "tile \(ref) written twice")
                tiles[ref] = hashes
            }
        }
        for (ref, hashes) in builder.partialTiles { tiles[ref] = hashes }
        #expect(Set(tiles.keys) == Set(TileLayout.hashTiles(size: Int64(size))))
        for (ref, hashes) in tiles {
            guard case .hashes(let l) = ref.kind else { continue }
            for (i, h) in hashes.enumerated() {
                #expect(nodes["\(l * 8)/\(ref.index * 256 + Int64(i))"] == h, "\(ref) hash \(i)")
            }
        }
        var reader = TileNodes(size: Int64(size)) { ref in
            guard let t = tiles[ref] else { throw LedgerError(.tiles, "\(ref) missing") }
            return t
        }
        #expect(try reader.root() == frontier.root)
        let stored: Merkle.NodeReader = { level, index in nodes["\(level)/\(index)"]! }
        for index in Set([0, size / 2, size - 1]).map(Int64.init) {
            let fromTiles = try Merkle.inclusionPath(index: index, size: Int64(size)) { try reader.node(level: $0, index: $1) }
            #expect(fromTiles == (try Merkle.inclusionPath(index: index, size: Int64(size), node: stored)))
        }
        if size > 1 {
            let first = Int64(size / 3 + 1)
            let fromTiles = try Merkle.consistencyPath(first: first, second: Int64(size)) { try reader.node(level: $0, index: $1) }
            #expect(fromTiles == (try Merkle.consistencyPath(first: first, second: Int64(size), node: stored)))
        }
    }

    /// A builder resumed at size `m` from the tree's nodes emits, for the leaves after `m`, the
    /// same full tiles and the same partial tiles as one that saw every leaf.
    @Test(arguments: [(1, 300), (255, 257), (256, 512), (300, 65_600), (65_536, 65_537), (65_535, 70_000)])
    func aResumedBuilderContinuesTheTree(_ m: Int, _ n: Int) throws {
        let leaves = Self.leaves(n)
        var nodes: [String: Hash] = [:]
        var frontier = MerkleFrontier()
        var whole = TileBuilder()
        var fromStart: [TileRef: [Hash]] = [:]
        for (i, leaf) in leaves.enumerated() {
            if i < m { frontier.append(leaf) { level, index, hash in nodes["\(level)/\(index)"] = hash } }
            try whole.append(leaf) { ref, hashes in if i >= m { fromStart[ref] = hashes } }
        }
        var resumed = try TileBuilder(resumingAt: Int64(m)) { level, index in
            guard let h = nodes["\(level)/\(index)"] else { throw LedgerError(.tiles, "node \(level)/\(index) is not a complete subtree of \(m)") }
            return h
        }
        var fromMiddle: [TileRef: [Hash]] = [:]
        for leaf in leaves[m...] { try resumed.append(leaf) { ref, hashes in fromMiddle[ref] = hashes } }
        #expect(fromMiddle == fromStart)
        #expect(resumed.partialTiles.map(\.0) == whole.partialTiles.map(\.0) && resumed.partialTiles.map(\.1) == whole.partialTiles.map(\.1))
        #expect(resumed.size == Int64(n))
    }

    @Test func aTileOfTheWrongWidthIsRefused() {
        var reader = TileNodes(size: 300) { ref in Array(Self.leaves(ref.width + 1)) }
        #expect(throws: LedgerError.self) { try reader.root() }
    }

    @Test func entryBundlesRoundTripTheGoldenExport() throws {
        let lines = splitLines(Array(try fixture("golden/entries.jsonl"))).map(\.bytes)
        let bundle = try EntryBundle.encode(lines)
        #expect(bundle.count == lines.reduce(0) { $0 + $1.count + 2 })
        #expect(bundle[0] == UInt8(lines[0].count >> 8) && bundle[1] == UInt8(lines[0].count & 0xFF))
        let back = try EntryBundle.decode(bundle, count: lines.count, path: "tile/entries/000.p/\(lines.count)")
        #expect(back.map(Array.init) == lines)
        // The bundle's entries hash to the level-0 tile of the same index.
        var builder = TileBuilder()
        for line in back { builder.append(Hash.leaf(line)) { _, _ in } }
        #expect(builder.partialTiles.first?.1.map(\.hex) == Golden.expectedHashes)
    }

    @Test(arguments: [
        ("a cut length prefix", [0x00]), ("a cut entry", [0x00, 0x05, 0x41]), ("an empty entry", [0x00, 0x00]),
        ("one entry too many", [0x00, 0x01, 0x41, 0x00, 0x01, 0x42, 0x00, 0x01, 0x43]), ("one too few", [0x00, 0x01, 0x41]),
    ] as [(String, [UInt8])])
    func badBundlesAreRefused(_ name: String, _ bytes: [UInt8]) {
        #expect(throws: LedgerError.self, "\(name)") { try EntryBundle.decode(bytes, count: 2, path: "tile/entries/000.p/2") }
    }

    @Test func entriesTooLargeForABundleAreRefused() {
        #expect(throws: LedgerError.self) { try EntryBundle.encode([[UInt8](repeating: 0x41, count: 65_536)]) }
        #expect(throws: LedgerError.self) { try EntryBundle.encode([[]]) }
        #expect(throws: LedgerError.self) { try EntryBundle.encode(Array(repeating: [0x41], count: 257)) }
        #expect((try? EntryBundle.encode([[UInt8](repeating: 0x41, count: 65_535)]))?.prefix(2) == [0xFF, 0xFF])
    }
}
