import Foundation
import LedgerCore
import LedgerPublish
import LedgerStore
import Testing

/// A store of `count` entries (genesis and disbursements), with a log key that signs checkpoints.
final class PublishFixture {
    static let ledgerID = "jhf.publish.test"
    let dir: String
    let store: LedgerStore
    let signer = CheckpointSigner(name: "pub-log", key: LedgerBuilder.testKey("pub-log"))
    var out: String { "\(dir)/site" }

    init(ledgerID: String = PublishFixture.ledgerID, count: Int) throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("jhf-publish-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let keys = [("pub-log", "JOB", KeyRole.log), ("pub-shcp", "SHCP", .approver), ("pub-usaid", "USAID", .approver)].map {
            try! KeyObject(name: $0.0, institution: $0.1, publicKey: LedgerBuilder.testKey($0.0).publicKey, role: $0.2)
        }
        let genesis = GenesisBody(title: "Publish test", currencies: ["MXN"], keys: keys, budgets: [], createdAt: "2026-11-01T00:00:00Z")
        store = try LedgerStore.create(path: "\(dir)/ledger.sqlite", ledgerID: ledgerID, genesis: genesis, now: "2026-11-01T00:00:00Z").0
        let message = Body.genesis(genesis).approvalMessage(ledgerID: ledgerID)
        for name in ["pub-shcp", "pub-usaid"] {
            _ = try store.approve(id: "genesis", keyName: name, signature: LedgerBuilder.testKey(name).sign(message), now: "2026-11-01T00:00:00Z")
        }
        try grow(to: count)
    }

    deinit { try? FileManager.default.removeItem(atPath: dir) }

    /// Appends co-signed disbursements until the ledger holds `count` entries.
    func grow(to count: Int) throws {
        let now = "2026-11-02T00:00:00Z"
        while store.state.size < count {
            let first = Int(store.state.size)
            var batch: [WriteRequest] = []
            for n in first..<min(count, first + 100) {
                let input = try JSONParser.parse(Array("""
                    {"id":"D-\(n)","amount":\(100 + n),"currency":"MXN","category":"humanitarian_stabilization","program":"clinics",
                     "municipality":"15033","payee":{"name":"Clínica \(n)"},"purpose":"Pago \(n)","value_date":"2026-11-20",
                     "sealed":{"payee_account":{"number":"002010077777777771","scheme":"CLABE"},"payee_tax_id":"","notes":""}}
                    """.utf8))
                let draft = try ProposalDraft(kind: .disbursement, input: input, salt: [UInt8](repeating: UInt8(n % 256), count: 16), now: now)
                let message = draft.body.approvalMessage(ledgerID: store.state.ledgerID!)
                batch.append(.propose(draft))
                for name in ["pub-shcp", "pub-usaid"] {
                    batch.append(.approve(id: draft.id, keyName: name, signature: LedgerBuilder.testKey(name).sign(message)))
                }
            }
            for r in store.write(batch, now: now) { _ = try r.get() }
        }
        try store.signCheckpoint(signer, now: now)
    }

    func read(_ relative: String) -> [UInt8]? { FileManager.default.contents(atPath: "\(out)/\(relative)").map(Array.init) }

    /// Every file under `out`, relative, sorted.
    func files() -> [String] {
        (FileManager.default.enumerator(atPath: out)?.allObjects as? [String] ?? [])
            .filter { var d: ObjCBool = false; return FileManager.default.fileExists(atPath: "\(out)/\($0)", isDirectory: &d) && !d.boolValue }
            .sorted()
    }
}

/// `jhf publish tiles` below the CLI: the files a publication writes, incremental runs, and the
/// directories it refuses to publish into.
@Suite struct TilePublisherTests {
    /// Checks the published directory against the store: the checkpoint, every tile and bundle the
    /// size implies (and nothing else), the root from the tiles, and each bundle's entries.
    func checkPublished(_ f: PublishFixture) throws {
        let checkpoint = try #require(try f.store.latestCheckpoint())
        #expect(f.read("checkpoint") == checkpoint.note)
        let expected = (TileLayout.hashTiles(size: checkpoint.size) + TileLayout.entryBundles(size: checkpoint.size)).map(\.path)
        let partialsOfEarlierRuns = Set(f.files()).subtracting(expected + ["checkpoint"])
        #expect(partialsOfEarlierRuns.allSatisfy { $0.contains(".p/") }, "\(partialsOfEarlierRuns)")
        var reader = TileNodes(size: checkpoint.size) { ref in
            guard let bytes = f.read(ref.path) else { throw LedgerError(.tiles, "\(ref) missing") }
            return stride(from: 0, to: bytes.count, by: 32).map { Hash(uncheckedBytes: Array(bytes[$0..<$0 + 32])) }
        }
        #expect(try reader.root() == checkpoint.root)
        var seq: Int64 = 0
        for ref in TileLayout.entryBundles(size: checkpoint.size) {
            let entries = try EntryBundle.decode(try #require(f.read(ref.path)), count: ref.width, path: ref.path)
            let rows = try f.store.entries(from: seq, limit: ref.width)
            #expect(entries.map(Array.init) == rows.map(\.canonical), "\(ref)")
            seq += Int64(ref.width)
        }
        #expect(seq == checkpoint.size)
    }

    @Test func aLedgerIsPublishedThenGrownIncrementally() throws {
        let f = try PublishFixture(count: 600)
        let first = try TilePublisher.publish(store: f.store, out: f.out)
        // 600 entries: level 0 has 2 full tiles and a partial of 88; level 1 a partial of 2; bundles likewise.
        #expect(first == PublishReport(size: 600, written: 7, kept: 0, checkpointReplaced: true))
        try checkPublished(f)
        #expect(FileMode.permissions(of: "\(f.out)/tile/0/001") == 0o644 && FileMode.permissions(of: "\(f.out)/checkpoint") == 0o644)
        let again = try TilePublisher.publish(store: f.store, out: f.out)
        #expect(again == PublishReport(size: 600, written: 0, kept: 7, checkpointReplaced: false))
        // Grow past a tile boundary: the full tiles stay as they were (same inode), new ones appear.
        let inode = try FileManager.default.attributesOfItem(atPath: "\(f.out)/tile/0/000")[.systemFileNumber] as? Int
        try f.grow(to: 800)
        let grown = try TilePublisher.publish(store: f.store, out: f.out)
        #expect(grown.size == 800 && grown.kept == 4 && grown.written == 5 && grown.checkpointReplaced, "\(grown)")
        #expect(try FileManager.default.attributesOfItem(atPath: "\(f.out)/tile/0/000")[.systemFileNumber] as? Int == inode)
        try checkPublished(f)
        // Incremental (the service after each commit): only what is new, from the store's nodes.
        #expect(try TilePublisher.publish(store: f.store, out: f.out, incremental: true) == PublishReport(size: 800, written: 0, kept: 0, checkpointReplaced: false))
        for size in [801, 1023, 1024, 1025] {
            try f.grow(to: size)
            let r = try TilePublisher.publish(store: f.store, out: f.out, incremental: true)
            #expect(r.size == Int64(size) && r.checkpointReplaced && r.written <= 6, "\(size): \(r)")
            try checkPublished(f)
            // And a full run afterwards finds every file as it would have written it.
            #expect(try TilePublisher.publish(store: f.store, out: f.out).written == 0)
        }
        // Planned (the service: read on the store's thread, written elsewhere), and a gap too
        // large for one step, published in steps.
        guard case .current = try TilePublisher.plan(store: f.store, out: f.out, entriesMax: 100) else { throw LedgerError(.tiles, "not current") }
        try f.grow(to: 1100)
        guard case .planned(let p, let cursor) = try TilePublisher.plan(store: f.store, out: f.out, entriesMax: 100) else { throw LedgerError(.tiles, "not planned") }
        let latest = try f.store.latestCheckpoint()?.note
        #expect(p.entries == 75 && p.last && f.read("checkpoint") != latest, "nothing is written until write(out:)")
        #expect(try p.write(out: f.out).checkpointReplaced)
        try checkPublished(f)
        // The next plan continues from where this one ended, without reading it back.
        try f.grow(to: 1180)
        guard case .planned(let q, let next) = try TilePublisher.plan(store: f.store, out: f.out, entriesMax: 100, cursor: cursor) else { throw LedgerError(.tiles, "not planned") }
        _ = try q.write(out: f.out)
        try checkPublished(f)
        // 1180 → 1500 in steps of 100: the checkpoint stays until the last step, which writes
        // the partial tiles; the steps before write full tiles only.
        try f.grow(to: 1500)
        let before = f.read("checkpoint")
        let partials = f.files().filter { $0.contains(".p/") }
        var steps: [Int64] = []
        var at = next
        while true {
            guard case .planned(let step, let end) = try TilePublisher.plan(store: f.store, out: f.out, entriesMax: 100, cursor: at) else { throw LedgerError(.tiles, "not planned") }
            let r = try step.write(out: f.out)
            steps.append(step.entries)
            at = end
            if step.last { #expect(r.size == 1500 && r.checkpointReplaced); break }
            #expect(f.read("checkpoint") == before && !r.checkpointReplaced)
            #expect(f.files().filter { $0.contains(".p/") } == partials, "a step before the last writes no partial tile")
        }
        #expect(steps == [100, 100, 100, 20])
        try checkPublished(f)
    }

    @Test func aChangedTileIsRefusedAndTheCheckpointStays() throws {
        let f = try PublishFixture(count: 300)
        _ = try TilePublisher.publish(store: f.store, out: f.out)
        let before = try #require(f.read("checkpoint"))
        var tile = try #require(f.read("tile/0/000"))
        tile[5] ^= 1
        try Data(tile).write(to: URL(fileURLWithPath: "\(f.out)/tile/0/000"))
        try f.grow(to: 310)
        #expect(throws: StoreError.self) { try TilePublisher.publish(store: f.store, out: f.out) }
        #expect(f.read("checkpoint") == before)
    }

    @Test func anExtensionIsPublishedButNeverAShrinkOrAnotherLedger() throws {
        let a = try PublishFixture(count: 40)
        _ = try TilePublisher.publish(store: a.store, out: a.out)
        // The same ledger made the same way, grown further: its first 40 entries are a's, so it may extend a's directory.
        let b = try PublishFixture(count: 45)
        let extended = try TilePublisher.publish(store: b.store, out: a.out)
        #expect(extended.size == 45 && extended.checkpointReplaced)
        // The 40-entry store may not publish over the 45-entry checkpoint: a published log never shrinks.
        let shrink = #expect(throws: StoreError.self) { try TilePublisher.publish(store: a.store, out: a.out) }
        #expect(shrink?.code == .conflict && shrink?.message.contains("never shrinks") == true, "\(String(describing: shrink))")
        // Another ledger id: refused by the checkpoint's origin.
        let other = try PublishFixture(ledgerID: "jhf.other.test", count: 50)
        let foreign = #expect(throws: StoreError.self) { try TilePublisher.publish(store: other.store, out: a.out) }
        #expect(foreign?.code == .conflict && foreign?.message.contains("not of this ledger") == true, "\(String(describing: foreign))")
    }

    @Test func aForkedHistoryIsRefused() throws {
        let a = try PublishFixture(count: 40)
        _ = try TilePublisher.publish(store: a.store, out: a.out)
        let forked = try PublishFixture(count: 0)
        // Same ledger, same keys, but a disbursement of another amount at seq 1: another root at size 40.
        let now = "2026-11-02T00:00:00Z"
        let input = try JSONParser.parse(Array(#"{"id":"X-1","amount":999,"currency":"MXN","category":"humanitarian_stabilization","program":"water","municipality":"15033","payee":{"name":"Otro"},"purpose":"Otro","value_date":"2026-11-20","sealed":{"payee_account":{"number":"002010077777777771","scheme":"CLABE"},"payee_tax_id":"","notes":""}}"#.utf8))
        let draft = try ProposalDraft(kind: .disbursement, input: input, salt: [UInt8](repeating: 7, count: 16), now: now)
        let message = draft.body.approvalMessage(ledgerID: PublishFixture.ledgerID)
        for r in forked.store.write([.propose(draft)] + ["pub-shcp", "pub-usaid"].map { .approve(id: "X-1", keyName: $0, signature: LedgerBuilder.testKey($0).sign(message)) }, now: now) {
            _ = try r.get()
        }
        try forked.grow(to: 50)
        let e = #expect(throws: StoreError.self) { try TilePublisher.publish(store: forked.store, out: a.out) }
        #expect(e?.code == .conflict && e?.message.contains("not consistent with this ledger") == true, "\(String(describing: e))")
        #expect(a.read("checkpoint") == (try a.store.latestCheckpoint())?.note)
    }

    @Test func withoutACheckpointNothingIsPublished() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jhf-publish-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let keys = [("pub-shcp", "SHCP"), ("pub-usaid", "USAID")].map {
            try! KeyObject(name: $0.0, institution: $0.1, publicKey: LedgerBuilder.testKey($0.0).publicKey, role: .approver)
        }
        let genesis = GenesisBody(title: "T", currencies: ["MXN"], keys: keys, budgets: [], createdAt: "2026-11-01T00:00:00Z")
        let store = try LedgerStore.create(path: "\(dir)/l.sqlite", ledgerID: "jhf.none.test", genesis: genesis, now: "2026-11-01T00:00:00Z").0
        #expect(throws: StoreError.self) { try TilePublisher.publish(store: store, out: "\(dir)/site") }
        #expect(!FileManager.default.fileExists(atPath: "\(dir)/site/checkpoint"))
    }
}

/// The publisher against an independent tlog-tiles builder written from the C2SP text
/// (Tests/Tools/tiles_reference.py): the same files, byte for byte, for a ledger with full and
/// partial tiles on two levels.
@Suite struct TileReferenceTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    @Test func theSameTilesAsTheReference() throws {
        let f = try PublishFixture(count: 600)
        _ = try TilePublisher.publish(store: f.store, out: f.out)
        let lines = try f.store.entries(from: 0, limit: 600).map(\.canonical)
        let entries = "\(f.dir)/entries.jsonl"
        try Data(lines.flatMap { $0 + [0x0A] }).write(to: URL(fileURLWithPath: entries))
        let reference = "\(f.dir)/reference"
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "\(Self.repo)/Tests/Tools/tiles_reference.py", entries, reference]
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        let theirs = (FileManager.default.enumerator(atPath: reference)?.allObjects as? [String] ?? [])
            .filter { var d: ObjCBool = false; return FileManager.default.fileExists(atPath: "\(reference)/\($0)", isDirectory: &d) && !d.boolValue }.sorted()
        #expect(theirs == f.files().filter { $0 != "checkpoint" })
        #expect(theirs.count == 3 + 3 + 1, "\(theirs)")
        for path in theirs {
            #expect(FileManager.default.contents(atPath: "\(reference)/\(path)") == FileManager.default.contents(atPath: "\(f.out)/\(path)"), "\(path)")
        }
    }
}
