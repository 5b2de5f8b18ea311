import Foundation
import LedgerCore
import LedgerPublish
import LedgerStore
import Testing

/// Reading a published log back (`jhf verify --tiles` below the CLI): full tiles and a level-1
/// tile, a partial tile that was replaced by its full tile, and withheld full tiles.
@Suite struct TileReaderTests {
    func replay(_ f: PublishFixture) throws -> VerifyReport {
        var v = try TileReader.replay(DirectoryTiles(directory: f.out), jobs: 2, pinnedGenesis: nil)
        return v.finish()
    }

    @Test func fullAndPartialTilesOfSeveralLevelsVerify() throws {
        let f = try PublishFixture(count: 600)
        _ = try TilePublisher.publish(store: f.store, out: f.out)
        let r = try replay(f)
        #expect(r.ok && r.entries == 600 && r.checkpoint?.size == 600, "\(r.failures)")
        #expect(r.root == (try f.store.merkleRoot(size: 600)))
    }

    /// tlog-tiles lets a publisher delete a partial tile once the full one exists: a reader of
    /// the older checkpoint then takes the full tile's first hashes and entries.
    @Test func aDeletedPartialTileIsReadFromItsFullTile() throws {
        let f = try PublishFixture(count: 600)
        _ = try TilePublisher.publish(store: f.store, out: f.out)
        let old = try #require(f.read("checkpoint"))
        try f.grow(to: 768)
        _ = try TilePublisher.publish(store: f.store, out: f.out)
        for partial in ["tile/0/002.p/88", "tile/entries/002.p/88"] { try FileManager.default.removeItem(atPath: "\(f.out)/\(partial)") }
        try FileManager.default.removeItem(atPath: "\(f.out)/checkpoint")
        try Data(old).write(to: URL(fileURLWithPath: "\(f.out)/checkpoint"))
        let r = try replay(f)
        #expect(r.ok && r.entries == 600, "\(r.failures)")
    }

    @Test(arguments: [
        ("tile/0/001", "tile/0/001 is missing"),
        ("tile/1/000.p/2", "tile/1/000.p/2 is missing"),
        ("tile/entries/001", "tile/entries/001 is missing: entries from 256 on cannot be read"),
    ])
    func aWithheldTileIsNamed(_ path: String, _ message: String) throws {
        let f = try PublishFixture(count: 600)
        _ = try TilePublisher.publish(store: f.store, out: f.out)
        try FileManager.default.removeItem(atPath: "\(f.out)/\(path)")
        let r = try replay(f)
        #expect(!r.ok && r.failures.contains { $0.rule == .r12 && $0.message == message }, "\(r.failures)")
    }

    @Test func noCheckpointIsNotFound() throws {
        let f = try PublishFixture(count: 3)
        #expect(throws: StoreError.self) { try replay(f) }
    }
}
