import Foundation
import Testing
import LedgerCore
@testable import LedgerStore
import CSQLite

@Suite("Store on SQLite and PostgreSQL: the append path, durability settings, append-only triggers")
final class LedgerStoreTests {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jhf-store-\(UUID().uuidString)").path
    /// The test's database, made by `makeStore` on the engine the test runs on.
    var db = TestDatabase.none
    var dbPath: String { db.location }

    init() throws { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }

    /// A store with genesis committed through `approve`, on `engine`.
    func makeStore(_ engine: StoreEngine = .sqlite) throws -> (LedgerStore, [String: SecretKey]) {
        db = try TestDatabase(engine, dir: dir)
        var b = LedgerBuilder(ledgerID: "jhf.store.test")
        let names = [("shcp-ana", "SHCP"), ("usaid-ben", "USAID"), ("usaid-dana", "USAID")]
        let keys = (names.map { b.addSigner($0.0, institution: $0.1) } + [b.addSigner("job-log", institution: "JOB", role: .log)])
            .sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        let genesis = GenesisBody(title: "Store test", currencies: ["MXN"], keys: keys,
                                  budgets: [Budget(category: .humanitarianStabilization, currency: "MXN", amount: 500)], createdAt: "2026-11-01T00:00:00Z")
        let (store, p) = try LedgerStore.create(path: dbPath, ledgerID: "jhf.store.test", genesis: genesis, now: "2026-11-01T00:00:00Z")
        for name in ["shcp-ana", "usaid-ben"] {
            _ = try store.approve(id: "genesis", keyName: name, signature: b.signers[name]!.sign(p.body.approvalMessage(ledgerID: p.ledgerID)), now: "2026-11-01T00:00:01Z")
        }
        return (store, b.signers)
    }

    func propose(_ store: LedgerStore, _ id: String, amount: Int64) throws -> ProposalRecord {
        try store.propose(kind: .disbursement, input: try JSONParser.parse("""
            {"id":"\(id)","amount":\(amount),"currency":"MXN","category":"humanitarian_stabilization","program":"clinics",
             "municipality":"15033","payee":{"name":"Clínica"},"purpose":"Supplies","value_date":"2026-11-20",
             "sealed":{"payee_account":{"number":"002010077777777771","scheme":"CLABE"},"payee_tax_id":"","notes":""}}
            """), salt: [UInt8](repeating: 7, count: 16), now: "2026-11-02T00:00:00Z").record
    }

    @Test(arguments: StoreEngine.allCases)
    func appendPathCommitsOnSecondInstitution(_ engine: StoreEngine) throws {
        let (store, keys) = try makeStore(engine)
        #expect(store.state.size == 1)
        let p = try propose(store, "D-1", amount: 100)
        let msg = p.body.approvalMessage(ledgerID: p.ledgerID)
        #expect(try store.approve(id: "D-1", keyName: "shcp-ana", signature: keys["shcp-ana"]!.sign(msg), now: "2026-11-02T00:00:05Z") == .recorded(waitingFor: "USAID"))
        #expect(try store.approve(id: "D-1", keyName: "shcp-ana", signature: keys["shcp-ana"]!.sign(msg), now: "2026-11-02T00:00:06Z") == .alreadyRecorded)
        guard case .committed(let seq, _) = try store.approve(id: "D-1", keyName: "usaid-ben", signature: keys["usaid-ben"]!.sign(msg), now: "2026-11-02T00:00:07Z") else {
            Issue.record("not committed"); return
        }
        #expect(seq == 1)
        // A reopened store replays the same chain.
        #expect(try LedgerStore(path: dbPath).state.headHash == store.state.headHash)
        #expect(try Bundle.verify(database: dbPath, jobs: 1, pinnedGenesis: nil).ok)
    }

    @Test(arguments: StoreEngine.allCases)
    func refusesBadApprovals(_ engine: StoreEngine) throws {
        let (store, keys) = try makeStore(engine)
        let p = try propose(store, "D-1", amount: 100)
        let msg = p.body.approvalMessage(ledgerID: p.ledgerID)
        // Signature over other bytes.
        #expect(throws: StoreError.self) { try store.approve(id: "D-1", keyName: "shcp-ana", signature: keys["shcp-ana"]!.sign([1, 2]), now: "2026-11-02T00:00:05Z") }
        // Unknown key name.
        #expect(throws: StoreError.self) { try store.approve(id: "D-1", keyName: "shcp-zed", signature: keys["shcp-ana"]!.sign(msg), now: "2026-11-02T00:00:05Z") }
        // Second approval from the same institution.
        _ = try store.approve(id: "D-1", keyName: "usaid-ben", signature: keys["usaid-ben"]!.sign(msg), now: "2026-11-02T00:00:05Z")
        #expect(throws: StoreError.self) { try store.approve(id: "D-1", keyName: "usaid-dana", signature: keys["usaid-dana"]!.sign(msg), now: "2026-11-02T00:00:05Z") }
        // Unknown proposal.
        #expect(throws: StoreError.self) { try store.approve(id: "D-404", keyName: "shcp-ana", signature: keys["shcp-ana"]!.sign(msg), now: "2026-11-02T00:00:05Z") }
        // Over budget is refused at proposal time; nothing is stored.
        #expect(throws: StoreError.self) { try propose(store, "D-2", amount: 501) }
        #expect(try store.proposal(id: "D-2") == nil)
        #expect(store.state.size == 1)
    }

    @Test func durabilitySettingsAreInForce() throws {
        _ = try makeStore()
        let c = try SQLiteConnection(path: dbPath, readOnly: false)
        try LedgerStore.configure(c)
        #expect(try c.scalarText("PRAGMA journal_mode") == "wal")
        #expect(try c.scalarText("PRAGMA synchronous") == "2")
        // Savepoint journals in memory, not a temporary file per write transaction.
        #expect(try c.scalarText("PRAGMA temp_store") == "2")
    }

    /// A store with genesis and `count` disbursements committed.
    func storeWithEntries(_ count: Int, _ engine: StoreEngine = .sqlite) throws -> LedgerStore {
        let (store, keys) = try makeStore(engine)
        for n in 1...count {
            let p = try propose(store, "D-\(n)", amount: 1)
            let msg = p.body.approvalMessage(ledgerID: p.ledgerID)
            for key in ["shcp-ana", "usaid-ben"] { _ = try store.approve(id: p.id, keyName: key, signature: keys[key]!.sign(msg), now: "2026-11-02T00:00:09Z") }
        }
        return store
    }

    /// The chain's entry hashes, read back as an auditor would.
    func entryHashes(_ store: LedgerStore) throws -> [Hash] {
        try store.entries(from: 0, limit: 1000).map { Hash.leaf($0.canonical) }
    }

    @Test(arguments: StoreEngine.allCases)
    func merkleTreeIsKeptAsEntriesAreAppended(_ engine: StoreEngine) throws {
        let store = try storeWithEntries(12, engine)
        let leaves = try entryHashes(store)
        #expect(leaves.count == 13)
        var reference = MerkleFrontier()
        for (n, leaf) in leaves.enumerated() {
            reference.append(leaf)
            #expect(try store.merkleRoot(size: Int64(n + 1)) == reference.root)
        }
        #expect(store.tree == reference)
        #expect(try store.merkleRoot(size: 0) == Merkle.emptyRoot)
        for size in 1...13 {
            var t = MerkleFrontier()
            for leaf in leaves.prefix(size) { t.append(leaf) }
            for seq in 0..<size {
                let proof = try store.inclusionProof(seq: Int64(seq), size: Int64(size))
                try proof.verify(leaf: leaves[seq], root: t.root)
            }
            for first in 1...size {
                var old = MerkleFrontier()
                for leaf in leaves.prefix(first) { old.append(leaf) }
                try store.consistencyProof(first: Int64(first), second: Int64(size)).verify(firstRoot: old.root, secondRoot: t.root)
            }
        }
        // A reopened store finds the same tree.
        #expect(try LedgerStore(path: dbPath).tree == reference)
    }

    @Test(arguments: [(Int64(0), Int64(0)), (3, 3), (-1, 2), (0, 99)])
    func proofArgumentsOutsideTheLedgerAreRefused(_ seq: Int64, _ size: Int64) throws {
        let store = try storeWithEntries(2)
        #expect(throws: StoreError.self) { try store.inclusionProof(seq: seq, size: size) }
        #expect(throws: StoreError.self) { try store.consistencyProof(first: seq, second: size == 0 ? 0 : size + 1) }
    }

    @Test(arguments: ["UPDATE merkle_nodes SET hash = zeroblob(32) WHERE level = 0 AND idx = 0", "DELETE FROM merkle_nodes WHERE level = 1",
                      "INSERT INTO merkle_nodes(last_leaf, level, idx, hash) VALUES (99, 0, 99, zeroblob(32))",
                      "INSERT INTO merkle_nodes(last_leaf, level, idx, hash) VALUES (0, 0, 0, zeroblob(32))",
                      "INSERT INTO merkle_nodes(last_leaf, level, idx, hash) VALUES (5, 1, 0, zeroblob(32))",
                      "INSERT INTO merkle_nodes(last_leaf, level, idx, hash) VALUES (7, 1, 2, zeroblob(32))", "DELETE FROM merkle_nodes"],
          StoreEngine.allCases)
    func merkleNodesRefuseChanges(_ sql: String, _ engine: StoreEngine) throws {
        _ = try storeWithEntries(3, engine)
        let c = try db.raw()
        #expect(throws: StoreError.self) { try c.exec(db.sql(sql)) }
    }

    @Test func aLedgerFromBeforeTheTreeGetsItsNodesWhenOpened() throws {
        let store = try storeWithEntries(6)
        let tree = store.tree
        // Make the file a version-2 ledger: no Merkle table (what a ledger written before this release has),
        // proposal inputs, sealed records and approvals in tables of their own.
        let c = try SQLiteConnection(path: dbPath, readOnly: false)
        try c.exec("""
            DROP TRIGGER merkle_nodes_no_delete; DROP TRIGGER merkle_nodes_no_update; DROP TRIGGER merkle_leaves_are_entries; DROP TABLE merkle_nodes;
            DROP TRIGGER checkpoints_no_delete; DROP TRIGGER checkpoints_only_gain_signatures; DROP TRIGGER checkpoints_cover_entries;
            DROP TABLE checkpoints;
            DROP TABLE payment_orders; DROP TABLE payment_files; DROP TABLE reconciliation_items; DROP TABLE bank_bookings; DROP TABLE reconciliation_runs;
            CREATE TABLE sealed (disbursement_id TEXT PRIMARY KEY NOT NULL REFERENCES proposals(id), record BLOB NOT NULL,
                                 digest BLOB NOT NULL CHECK (length(digest) = 32)) STRICT;
            INSERT INTO sealed SELECT id, sealed_record, sealed_digest FROM proposals WHERE sealed_record IS NOT NULL;
            CREATE TABLE proposal_inputs (proposal_id TEXT PRIMARY KEY NOT NULL REFERENCES proposals(id), input BLOB NOT NULL,
                                          expires_at TEXT NOT NULL) STRICT;
            INSERT INTO proposal_inputs SELECT id, input, expires_at FROM proposals WHERE input IS NOT NULL;
            CREATE TABLE approvals (proposal_id TEXT NOT NULL REFERENCES proposals(id), institution TEXT NOT NULL, key_name TEXT NOT NULL,
                                    signature BLOB NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (proposal_id, institution)) STRICT;
            INSERT INTO approvals SELECT id, 'SHCP', shcp_key, shcp_signature, shcp_approved_at FROM proposals WHERE shcp_key IS NOT NULL;
            INSERT INTO approvals SELECT id, 'USAID', usaid_key, usaid_signature, usaid_approved_at FROM proposals WHERE usaid_key IS NOT NULL;
            PRAGMA user_version = 2
            """)
        let reopened = try LedgerStore(path: dbPath)
        #expect(reopened.tree == tree)
        #expect(try reopened.db.scalarText("SELECT count(*) FROM merkle_nodes") == "\(2 * 7 - 3)")
        #expect(try reopened.merkleRoot(size: 7) == tree.root)
        try reopened.inclusionProof(seq: 5, size: 7).verify(leaf: try entryHashes(reopened)[5], root: tree.root)
    }

    @Test(arguments: StoreEngine.allCases)
    func everyAppendingTransactionSignsACheckpoint(_ engine: StoreEngine) throws {
        let (store, keys) = try makeStore(engine)
        #expect(try store.latestCheckpoint() == nil, "genesis was committed without a signer")
        store.checkpointSigner = CheckpointSigner(name: "job-log", key: keys["job-log"]!)
        for n in 1...3 {
            let p = try propose(store, "D-\(n)", amount: 1)
            let msg = p.body.approvalMessage(ledgerID: p.ledgerID)
            _ = try store.approve(id: p.id, keyName: "shcp-ana", signature: keys["shcp-ana"]!.sign(msg), now: "2026-11-02T00:00:09Z")
            #expect(try store.latestCheckpoint()?.size == (n == 1 ? nil : Int64(n)), "an approval that appends nothing signs nothing")
            _ = try store.approve(id: p.id, keyName: "usaid-ben", signature: keys["usaid-ben"]!.sign(msg), now: "2026-11-02T00:00:09Z")
            #expect(try store.latestCheckpoint()?.size == Int64(n + 1))
        }
        for size in 2...4 {
            let c = try #require(try store.checkpoint(size: Int64(size)))
            #expect(c.root == (try store.merkleRoot(size: Int64(size))))
            let note = try SignedNote(parsing: c.note)
            #expect(try Checkpoint(text: note.text) == Checkpoint(origin: "jhf-ledger/jhf.store.test", size: Int64(size), root: c.root))
        }
        // The export carries the latest checkpoint, and verifying it checks R12.
        let out = "\(dir)/bundle"
        _ = try Bundle.export(store, to: out, sealed: true)
        #expect(FileManager.default.contents(atPath: "\(out)/checkpoint").map(Array.init) == (try store.latestCheckpoint()?.note))
        let report = try Bundle.verify(directory: out, jobs: 1, pinnedGenesis: nil)
        #expect(report.ok, "\(report.failures)")
        #expect(report.checkpoint?.size == 4 && report.checkpoint?.logSignatures == ["job-log"])
    }

    @Test(arguments: StoreEngine.allCases)
    func onlyAnActiveLogKeySignsCheckpoints(_ engine: StoreEngine) throws {
        let (store, keys) = try makeStore(engine)
        #expect(throws: StoreError.self) { try store.checkSigner(CheckpointSigner(name: "shcp-ana", key: keys["shcp-ana"]!)) }
        #expect(throws: StoreError.self) { try store.checkSigner(CheckpointSigner(name: "job-log", key: keys["shcp-ana"]!)) }
        #expect(throws: StoreError.self) { try store.checkSigner(CheckpointSigner(name: "job-log-2", key: keys["job-log"]!)) }
        try store.checkSigner(CheckpointSigner(name: "job-log", key: keys["job-log"]!))
    }

    @Test(arguments: StoreEngine.allCases)
    func aRevokedLogKeySignsNothingMoreAndIsReported(_ engine: StoreEngine) throws {
        let (store, keys) = try makeStore(engine)
        store.checkpointSigner = CheckpointSigner(name: "job-log", key: keys["job-log"]!)
        #expect(store.inactiveCheckpointSigner == nil)
        let k = try store.propose(kind: .keyUpdate, input: try JSONParser.parse(#"{"id":"K-1","add":[],"revoke":["job-log"],"reason":"Key compromised"}"#),
                                  salt: [], now: "2026-11-02T00:00:00Z").record
        let msg = k.body.approvalMessage(ledgerID: k.ledgerID)
        for key in ["shcp-ana", "usaid-ben"] { _ = try store.approve(id: "K-1", keyName: key, signature: keys[key]!.sign(msg), now: "2026-11-02T00:00:09Z") }
        // The transaction that revoked it signs nothing either: the key is no longer active at entry size-1 (R12).
        let latest = try store.latestCheckpoint()
        #expect(store.state.size == 2 && latest == nil)
        #expect(store.inactiveCheckpointSigner == "job-log")
    }

    @Test(arguments: StoreEngine.allCases)
    func storedCheckpointsOnlyGainSignatureLines(_ engine: StoreEngine) throws {
        let (store, keys) = try makeStore(engine)
        store.checkpointSigner = CheckpointSigner(name: "job-log", key: keys["job-log"]!)
        let p = try propose(store, "D-1", amount: 1)
        let msg = p.body.approvalMessage(ledgerID: p.ledgerID)
        for key in ["shcp-ana", "usaid-ben"] { _ = try store.approve(id: p.id, keyName: key, signature: keys[key]!.sign(msg), now: "2026-11-02T00:00:09Z") }
        let c = try #require(try store.latestCheckpoint())
        let note = try SignedNote(parsing: c.note)
        let cosigned = SignedNote(text: note.text, signatures: note.signatures + [SignedNote.sign(note.text, name: "usaid-ben", key: keys["usaid-ben"]!)])
        let raw = try db.raw()
        for refused in ["UPDATE checkpoints SET root = zeroblob(32)", "DELETE FROM checkpoints", "UPDATE checkpoints SET note = x'00'",
                        "UPDATE checkpoints SET signed_at = '2030-01-01T00:00:00Z'",
                        "INSERT INTO checkpoints(size, root, note, signed_at) VALUES (99, zeroblob(32), x'00', '2026-11-02T00:00:09Z')"] {
            #expect(throws: StoreError.self, "\(refused)") { try raw.exec(db.sql(refused)) }
        }
        // Appending a cosignature line is the one change allowed.
        try raw.prepare("UPDATE checkpoints SET note = ? WHERE size = ?").bind(.blob(cosigned.bytes), .int(c.size)).run()
        try raw.flush()
        #expect(try store.latestCheckpoint()?.note == cosigned.bytes)
    }

    @Test(arguments: [
        ("UPDATE merkle_nodes SET hash = zeroblob(32) WHERE level = 1 AND idx = 0", "stored Merkle node 1/0 is not the hash the entries give"),
        ("DELETE FROM merkle_nodes WHERE level = 2 AND idx = 0", "stored Merkle node 2/0 is missing"),
        ("INSERT INTO merkle_nodes(last_leaf, level, idx, hash) VALUES (319, 5, 9, zeroblob(32))", "12 Merkle nodes are stored; the tree of 7 entries has 11"),
    ], StoreEngine.allCases)
    func verifyDatabaseChecksEveryStoredMerkleNode(_ tamper: (String, String), _ engine: StoreEngine) throws {
        let (sql, message) = tamper
        _ = try storeWithEntries(6, engine)
        #expect(try Bundle.verify(database: dbPath, jobs: 1, pinnedGenesis: nil).ok)
        // Past the triggers, as someone with the database could.
        try db.dropTriggers(["merkle_nodes_no_delete", "merkle_nodes_no_update", "merkle_leaves_are_entries"], on: "merkle_nodes")
        try db.raw().exec(db.sql(sql))
        let report = try Bundle.verify(database: dbPath, jobs: 1, pinnedGenesis: nil)
        #expect(!report.ok)
        #expect(report.failures.contains { $0.rule == .r12 && $0.message == message }, "\(report.failures)")
    }

    /// The statement cache finds a statement by its exact bytes: statements that differ only
    /// in the middle (same length, head and tail) or only in canonically equivalent text
    /// each get their own prepared statement.
    @Test func theStatementCacheKeysOnExactBytes() throws {
        _ = try makeStore()
        let c = try SQLiteConnection(path: dbPath, readOnly: true)
        func text(_ sql: String) throws -> [UInt8] {
            let s = try c.prepare(sql)
            defer { s.reset() }
            #expect(try s.step())
            return Array((s.text(0) ?? "").utf8)
        }
        let tail = " AS value FROM meta LIMIT 1"
        #expect(try text("SELECT 'aaaa-1-bbbb'" + tail) == Array("aaaa-1-bbbb".utf8))
        #expect(try text("SELECT 'aaaa-2-bbbb'" + tail) == Array("aaaa-2-bbbb".utf8))
        let (a, b) = ("\u{1E0A}\u{0323}", "\u{1E0C}\u{0307}")
        #expect(a == b && a.utf8.count == b.utf8.count)
        #expect(try text("SELECT '\(a)'" + tail) == Array(a.utf8))
        #expect(try text("SELECT '\(b)'" + tail) == Array(b.utf8))
        #expect(try text("SELECT 'aaaa-1-bbbb'" + tail) == Array("aaaa-1-bbbb".utf8))
    }

    /// SQLite's memory statistics are off before the first connection opens: no global mutex per
    /// allocation. With them off, SQLite's own count of memory in use stays at zero.
    @Test func sqliteMemoryStatisticsAreOff() throws {
        _ = try makeStore()
        #expect(SQLiteConnection.memoryStatisticsOff)
        #expect(sqlite3_memory_used() == 0)
    }

    @Test(arguments: ["UPDATE entries SET committed_at = '2030-01-01T00:00:00Z' WHERE seq = 0", "DELETE FROM entries WHERE seq = 0",
                      "INSERT INTO entries(seq, entry_hash, prev_hash, kind, entry_id, committed_at, canonical) VALUES (5, zeroblob(32), zeroblob(32), 'reversal', 'x', '2026-11-01T00:00:00Z', x'00')",
                      "INSERT INTO entries(seq, entry_hash, prev_hash, kind, entry_id, committed_at, canonical) VALUES (1, zeroblob(32), zeroblob(32), 'reversal', 'x', '2026-11-01T00:00:00Z', x'00')",
                      "INSERT INTO entries(seq, entry_hash, prev_hash, kind, entry_id, committed_at, canonical) SELECT 2, zeroblob(32), entry_hash, 'reversal', 'x', '2026-11-01T00:00:00Z', x'00' FROM entries WHERE seq = 0",
                      "UPDATE proposals SET body = x'00' WHERE id = 'genesis'", "DELETE FROM proposals",
                      "UPDATE proposals SET shcp_key = 'usaid-ben' WHERE id = 'genesis'"],
          StoreEngine.allCases)
    func triggersRefuseChanges(sql: String, _ engine: StoreEngine) throws {
        _ = try makeStore(engine)
        let c = try db.raw()
        #expect(throws: StoreError.self) { try c.exec(db.sql(sql)) }
        #expect(try Bundle.verify(database: dbPath, jobs: 1, pinnedGenesis: nil).ok)
    }

    @Test func tamperingWithTriggersDroppedIsReported() throws {
        _ = try makeStore()
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        sqlite.arguments = [dbPath, "DROP TRIGGER entries_no_update; UPDATE entries SET canonical = CAST(replace(CAST(canonical AS TEXT), 'Store test', 'Store TEST') AS BLOB) WHERE seq = 0;"]
        try sqlite.run()
        sqlite.waitUntilExit()
        #expect(sqlite.terminationStatus == 0)
        let report = try Bundle.verify(database: dbPath, jobs: 1, pinnedGenesis: nil)
        #expect(!report.ok)
        #expect(report.failures.contains { $0.rule == .r3 })
        #expect(report.failures.contains { $0.rule == .r6 })
        // The store itself refuses to open a damaged chain for writing.
        #expect(throws: StoreError.self) { try LedgerStore(path: dbPath) }
    }
}
