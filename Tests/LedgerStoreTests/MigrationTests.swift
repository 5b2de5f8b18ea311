import Foundation
import Testing
import LedgerCore
@testable import LedgerStore

/// Migration v6 rebuilds `entries` and `proposals` without their hash-keyed unique indexes,
/// v7 keys the Merkle nodes by last leaf and v8 folds proposal inputs and sealed records into
/// `proposals`. A ledger written at v5 must come through all three with every row, rowid and
/// rule as it was.
@Suite("Store migrations: v5 ledgers rebuilt at v6, v7 and v8, with v9's triggers")
struct MigrationTests {
    let fixture: LedgerStoreTests
    var v5Path: String { "\(fixture.dir)/v5.sqlite" }

    init() throws { fixture = try LedgerStoreTests() }

    /// Tables in an order whose triggers accept the copied rows one table at a time.
    static let tables = ["meta", "entries", "proposals", "approvals", "sealed", "proposal_inputs", "proposal_closures",
                         "merkle_nodes", "checkpoints", "payment_files", "payment_orders", "reconciliation_runs",
                         "bank_bookings", "reconciliation_items"]

    /// A store at the current version with a committed disbursement (and a checkpoint), a
    /// pending proposal with one approval, a withdrawn one and a pending one with no approval;
    /// returns it and its keys.
    func sourceLedger() throws -> (LedgerStore, [String: SecretKey], approvalMessage: [UInt8]) {
        let (store, keys) = try fixture.makeStore()
        store.checkpointSigner = CheckpointSigner(name: "job-log", key: keys["job-log"]!)
        for (id, signers) in [("D-1", ["shcp-ana", "usaid-ben"]), ("D-2", ["shcp-ana"]), ("D-3", []), ("D-4", [])] {
            let p = try fixture.propose(store, id, amount: 100)
            for name in signers {
                _ = try store.approve(id: id, keyName: name, signature: keys[name]!.sign(p.body.approvalMessage(ledgerID: p.ledgerID)), now: "2026-11-02T00:00:05Z")
            }
        }
        _ = try store.withdraw(id: "D-3", by: "proposer-1", reason: "Duplicate of D-2", now: "2026-11-02T00:00:06Z")
        let d2 = try #require(try store.proposal(id: "D-2"))
        return (store, keys, d2.body.approvalMessage(ledgerID: d2.ledgerID))
    }

    /// Writes a version-5 database at `v5Path` holding every row of `source` (a current store:
    /// its proposals' inputs, sealed records and approvals go back into v5's tables of their own).
    func writeV5Copy(of source: String) throws {
        // Created 0600 as the store creates its files: the store refuses one others may read.
        close(open(v5Path, O_RDWR | O_CREAT, 0o600))
        let c = try SQLiteConnection(path: v5Path, readOnly: false)
        try LedgerStore.configure(c)
        try c.exec("PRAGMA foreign_keys=OFF")
        for sql in Migrations.all.prefix(5) { try c.exec(sql) }
        try c.exec("PRAGMA user_version = 5; ATTACH '\(source)' AS src")
        for t in Self.tables {
            switch t {
            case "sealed":
                try c.exec("INSERT INTO main.sealed(disbursement_id, record, digest) SELECT id, sealed_record, sealed_digest FROM src.proposals WHERE sealed_record IS NOT NULL ORDER BY rowid")
            case "proposal_inputs":
                try c.exec("INSERT INTO main.proposal_inputs(proposal_id, input, expires_at) SELECT id, input, expires_at FROM src.proposals WHERE input IS NOT NULL ORDER BY rowid")
            case "approvals":
                for (institution, prefix) in LedgerStore.approvalSlots.map({ ($0.institution, $0.prefix) }) {
                    try c.exec("""
                        INSERT INTO main.approvals(proposal_id, institution, key_name, signature, created_at)
                        SELECT id, '\(institution)', \(prefix)_key, \(prefix)_signature, \(prefix)_approved_at FROM src.proposals
                        WHERE \(prefix)_key IS NOT NULL ORDER BY rowid
                        """)
                }
            default:
                // The columns v5 has (the source has more: v7 adds one to merkle_nodes, v8 four to proposals).
                let columns = try Self.rows(c, "SELECT name FROM pragma_table_info('\(t)', 'main') ORDER BY cid").joined(separator: ", ")
                let rowid = try Self.hasRowid(c, t) ? "rowid, " : ""
                try c.exec("INSERT INTO main.\(t)(\(rowid)\(columns)) SELECT \(rowid)\(columns) FROM src.\(t)")
            }
        }
        try c.exec("DETACH src")
    }

    /// Runs v6 and v7 on the v5 copy by hand: a version-7 database, as the previous release left it.
    func migrateCopyToV7() throws -> SQLiteConnection {
        let c = try SQLiteConnection(path: v5Path, readOnly: false)
        try c.exec("PRAGMA foreign_keys=OFF")
        for sql in Migrations.all[5..<7] { try c.exec(sql) }
        try c.exec("PRAGMA user_version = 7")
        return c
    }

    static func hasRowid(_ c: any SQLConnection, _ table: String) throws -> Bool {
        try c.scalarText("SELECT 1 FROM sqlite_master WHERE name = '\(table)' AND sql LIKE '%WITHOUT ROWID%'") == nil
    }

    /// Every row of `table` as text, sorted, with the rowid where the table has one, in v5's
    /// columns. After v8 the inputs, sealed records and approvals are read back out of
    /// `proposals`, in the shape of v5's tables (whose own rowids are gone with them).
    static func dump(_ c: any SQLConnection, _ table: String, folded: Bool = false) throws -> [String] {
        func joined(_ fields: [String]) -> String { fields.map { "quote(\($0))" }.joined(separator: " || ',' || ") }
        switch (table, folded) {
        case ("sealed", true): return try rows(c, "SELECT \(joined(["id", "sealed_record", "sealed_digest"])) FROM proposals WHERE sealed_record IS NOT NULL").sorted()
        case ("sealed", false): return try rows(c, "SELECT \(joined(["disbursement_id", "record", "digest"])) FROM sealed").sorted()
        case ("proposal_inputs", true): return try rows(c, "SELECT \(joined(["id", "input", "expires_at"])) FROM proposals WHERE input IS NOT NULL").sorted()
        case ("proposal_inputs", false): return try rows(c, "SELECT \(joined(["proposal_id", "input", "expires_at"])) FROM proposal_inputs").sorted()
        case ("approvals", true):
            return try LedgerStore.approvalSlots.map({ ($0.institution, $0.prefix) }).flatMap { institution, prefix in
                try rows(c, "SELECT \(joined(["id", "'\(institution)'", "\(prefix)_key", "\(prefix)_signature", "\(prefix)_approved_at"])) FROM proposals WHERE \(prefix)_key IS NOT NULL")
            }.sorted()
        case ("approvals", false): return try rows(c, "SELECT \(joined(["proposal_id", "institution", "key_name", "signature", "created_at"])) FROM approvals").sorted()
        default: break
        }
        let columns = table == "merkle_nodes" ? ["level", "idx", "hash"]
            : table == "proposals" ? ["id", "kind", "ledger_id", "body", "approval_digest", "status", "created_at", "committed_seq"]
            : try rows(c, "SELECT name FROM pragma_table_info('\(table)') ORDER BY cid")
        let fields = (try hasRowid(c, table) ? ["rowid"] : []) + columns
        return try rows(c, "SELECT \(joined(fields)) FROM \(table)").sorted()
    }

    static func rows(_ c: any SQLConnection, _ sql: String) throws -> [String] {
        let s = try c.prepare(sql)
        defer { s.reset() }
        var out: [String] = []
        while try s.step() { out.append(s.text(0) ?? "NULL") }
        return out
    }

    /// The columns of each unique index on `entries` and `proposals`, e.g. `entries(entry_id)`.
    static func uniqueIndexes(_ c: any SQLConnection) throws -> Set<String> {
        Set(try rows(c, """
            SELECT t.name || '(' || (SELECT group_concat(name) FROM pragma_index_info(l.name)) || ')'
            FROM sqlite_master t, pragma_index_list(t.name) l
            WHERE t.name IN ('entries', 'proposals') AND l."unique" = 1
            """))
    }

    static func schemaObjects(_ c: any SQLConnection, type: String) throws -> [String] {
        try rows(c, "SELECT name || ': ' || sql FROM sqlite_master WHERE type = '\(type)' AND sql IS NOT NULL ORDER BY name")
    }

    /// v11 rebuilt `entries` and `proposals` for the v1.1 kinds: the CHECKs admit exactly the
    /// eight kinds, and the rebuilt tables keep their append-only triggers.
    @Test func v11AdmitsTheEightKindsAndNoOther() throws {
        let (store, _) = try fixture.makeStore()
        for table in ["entries", "proposals"] {
            let sql = try store.db.scalarText("SELECT sql FROM sqlite_master WHERE name = '\(table)'") ?? ""
            #expect(sql.contains("'genesis', 'key_update', 'budget_update', 'disbursement', 'reversal', 'commitment', 'amendment', 'suspension')"), "\(table)")
        }
        #expect(throws: StoreError.self) {
            try store.db.exec("INSERT INTO proposals(id, kind, ledger_id, body, approval_digest, status, created_at) VALUES ('X', 'payment', 'l', x'00', zeroblob(32), 'pending', 't')")
        }
        #expect(throws: StoreError.self) { try store.db.exec("DELETE FROM entries") }
        #expect(throws: StoreError.self) { try store.db.exec("UPDATE entries SET kind = 'commitment'") }
    }

    @Test func aV5LedgerKeepsEveryRowRowidAndRuleThroughV6ToV9() throws {
        let (source, keys, d2Message) = try sourceLedger()
        try writeV5Copy(of: fixture.dbPath)
        let before = try SQLiteConnection(path: v5Path, readOnly: true)
        #expect(try Self.uniqueIndexes(before) == ["entries(entry_hash)", "entries(entry_id)", "proposals(id)", "proposals(approval_digest)", "proposals(committed_seq)"])
        let rowsBefore = try Self.tables.map { try Self.dump(before, $0) }
        #expect(rowsBefore[Self.tables.firstIndex(of: "sealed")!].count == 4 && rowsBefore[Self.tables.firstIndex(of: "proposal_inputs")!].count == 4)
        // Genesis and D-1 approved by both institutions, D-2 by one.
        #expect(rowsBefore[Self.tables.firstIndex(of: "approvals")!].count == 5)
        let triggersBefore = try Self.schemaObjects(before, type: "trigger")
        let indexesBefore = try Self.schemaObjects(before, type: "index")

        let migrated = try LedgerStore(path: v5Path)
        #expect(try migrated.db.scalarText("PRAGMA user_version") == "\(Migrations.all.count)")
        #expect(try migrated.db.scalarText("PRAGMA foreign_keys") == "1")
        #expect(try Self.uniqueIndexes(migrated.db) == ["entries(entry_id)", "proposals(id)", "proposals(committed_seq)"])
        for (t, rows) in zip(Self.tables, rowsBefore) {
            #expect(try Self.dump(migrated.db, t, folded: true) == rows, "table \(t)")
        }
        #expect(try migrated.db.scalarText("SELECT count(*) FROM sqlite_master WHERE name IN ('sealed', 'proposal_inputs', 'approvals')") == "0")
        // Every trigger as it was, but for the folded tables' own, which became v8's column
        // checks, approval trigger and proposals_keep_sealed, and v9's rewrite of those checks
        // (proposals_content_fixed, proposals_frozen for committed rows, one approval trigger per institution).
        let folded: Set = ["proposal_inputs_no_update", "sealed_no_update", "sealed_no_delete", "approvals_no_update", "approvals_open_only", "proposals_frozen"]
        let added = ["proposals_keep_sealed: ", "proposals_content_fixed: ", "proposals_frozen: ", "proposals_shcp_approved_once: ", "proposals_usaid_approved_once: "]
        let triggersAfter = try Self.schemaObjects(migrated.db, type: "trigger")
        func named(_ list: [String], _ name: String) -> String? { list.first { $0.hasPrefix(name + ": ") } }
        #expect(triggersAfter.filter { t in !folded.contains { t.hasPrefix($0 + ": ") } && !added.contains { t.hasPrefix($0) } }
                == triggersBefore.filter { t in !folded.contains { t.hasPrefix($0 + ": ") } })
        // v10 adds proposed_by to the columns proposals_content_fixed guards.
        #expect(named(triggersAfter, "proposals_content_fixed")?.contains("UPDATE OF id, kind, ledger_id, body, approval_digest, created_at, input, expires_at, sealed_record, sealed_digest,\n                 proposed_by ON proposals") == true)
        #expect(named(triggersAfter, "proposals_frozen")?.contains("WHEN OLD.status = 'committed'") == true)
        #expect(named(triggersAfter, "proposals_keep_sealed") != nil && named(triggersAfter, "proposals_approved_once") == nil)
        #expect(named(triggersAfter, "proposals_shcp_approved_once") != nil && named(triggersAfter, "proposals_usaid_approved_once") != nil)
        #expect(try Self.schemaObjects(migrated.db, type: "index")
                == (indexesBefore.filter { !$0.hasPrefix("proposal_inputs_expiry: ") && !$0.hasPrefix("proposals_status: ") } + [
                    "proposals_committed_seq: CREATE UNIQUE INDEX proposals_committed_seq ON proposals(committed_seq) WHERE committed_seq IS NOT NULL",
                    "proposals_pending: CREATE INDEX proposals_pending ON proposals(status) WHERE status = 'pending'",
                ]).sorted())
        #expect(try migrated.db.scalarText("SELECT count(*) FROM sqlite_master WHERE name LIKE '%_v6' OR name LIKE '%_v7' OR name LIKE '%_v8'") == "0")
        #expect(try migrated.db.scalarText("SELECT count(*) FROM merkle_nodes WHERE last_leaf != ((idx + 1) << level) - 1") == "0")
        #expect(try migrated.db.scalarText("SELECT count(*) FROM merkle_nodes") == "\(2 * source.state.size - Int64(source.state.size.nonzeroBitCount))")
        #expect(migrated.state.headHash == source.state.headHash && migrated.state.size == source.state.size)
        #expect(try Bundle.verify(database: v5Path, jobs: 1, pinnedGenesis: nil).ok)
        // What the store reads back through the new columns is what it wrote through the old tables.
        for id in ["D-1", "D-2", "D-3", "D-4"] {
            let (old, new) = (try source.proposal(id: id), try migrated.proposal(id: id))
            #expect(old?.sealed?.json == new?.sealed?.json && old?.expiresAt == new?.expiresAt && new?.sealed != nil && new?.expiresAt != nil, "\(id)")
            #expect(try source.storedInput(id: id) == migrated.storedInput(id: id) && migrated.storedInput(id: id) != nil, "\(id)")
            #expect(old?.approvals == new?.approvals, "\(id)")
        }
        #expect(try source.sealedLines().map(\.bytes) == migrated.sealedLines().map(\.bytes))

        // The migrated ledger takes the next co-signed append, and still verifies.
        guard case .committed(let seq, _) = try migrated.approve(id: "D-2", keyName: "usaid-ben", signature: keys["usaid-ben"]!.sign(d2Message),
                                                                  now: "2026-11-02T00:00:07Z") else {
            Issue.record("D-2 was not committed"); return
        }
        #expect(seq == source.state.size)
        #expect(try Bundle.verify(database: v5Path, jobs: 1, pinnedGenesis: nil).ok)
    }

    /// The expiry sweep (`LedgerStore.expireLocked`) reads pending proposals through the partial
    /// index of pending ones, never the whole table: v8 dropped the separate expiry index on that basis.
    @Test func theExpirySweepReadsPendingProposalsByTheirIndex() throws {
        let (store, _, _) = try sourceLedger()
        let s = try store.db.prepare("EXPLAIN QUERY PLAN " + LedgerStore.expiringSQL).bind(.text("2030-01-01T00:00:00Z"))
        defer { s.reset() }
        var details: [String] = []
        while try s.step() { details.append(s.text(3) ?? "") }
        #expect(details.contains { $0.contains("SEARCH p USING INDEX proposals_pending (status=?)") }, "\(details)")
        #expect(!details.contains { $0.hasPrefix("SCAN p") }, "\(details)")
    }

    /// A version-7 file with a sealed record, an input or an approval whose proposal is missing
    /// (written past the foreign keys) is not migrated: v8's join would drop the row.
    @Test(arguments: [
        "INSERT INTO sealed(disbursement_id, record, digest) VALUES ('D-404', x'7b7d', zeroblob(32))",
        "INSERT INTO proposal_inputs(proposal_id, input, expires_at) VALUES ('D-404', x'7b7d', '2026-11-16T00:00:00Z')",
        "INSERT INTO approvals(proposal_id, institution, key_name, signature, created_at) VALUES ('D-404', 'SHCP', 'shcp-ana', zeroblob(64), '2026-11-02T00:00:00Z')",
    ])
    func aV7LedgerWithAnOrphanIsNotMigratedAndNotChanged(orphan: String) throws {
        _ = try sourceLedger()
        try writeV5Copy(of: fixture.dbPath)
        let c = try migrateCopyToV7()
        try c.exec(orphan)
        let rows = try Self.tables.map { try Self.dump(c, $0) }
        #expect {
            _ = try LedgerStore(path: v5Path)
        } throws: { error in
            guard let e = error as? StoreError else { return false }
            return e.code == .corrupt && e.message.contains("migration 8 was not applied") && e.message.contains("stays at version 7")
        }
        #expect(try c.scalarText("PRAGMA user_version") == "7")
        #expect(try Self.tables.map { try Self.dump(c, $0) } == rows)
    }

    /// A proposal keeps its inputs and sealed record after v8 the way the tables kept them before.
    @Test func theFoldedColumnsRoundTripThroughTheStore() throws {
        let (store, _, _) = try sourceLedger()
        let d4 = try #require(try store.proposal(id: "D-4"))
        #expect(d4.sealed != nil && d4.expiresAt != nil && d4.status == .pending)
        let genesis = try #require(try store.proposal(id: "genesis"))
        #expect(genesis.sealed == nil && genesis.expiresAt == nil)
        #expect(try store.db.scalarText("SELECT count(*) FROM proposals WHERE id = 'genesis' AND input IS NULL AND sealed_record IS NULL") == "1")
    }

    @Test(arguments: [
        "UPDATE entries SET committed_at = '2030-01-01T00:00:00Z' WHERE seq = 0",
        "DELETE FROM entries WHERE seq = 1",
        "INSERT INTO entries(seq, entry_hash, prev_hash, kind, entry_id, committed_at, canonical) VALUES (9, zeroblob(32), zeroblob(32), 'reversal', 'x', '2026-11-01T00:00:00Z', x'00')",
        "UPDATE proposals SET body = x'00' WHERE id = 'D-2'",
        "DELETE FROM proposals WHERE id = 'D-1'",
        "UPDATE proposals SET status = 'committed', committed_seq = 1 WHERE id = 'D-3'",
        "INSERT INTO proposal_closures(proposal_id, status, closed_at, closed_by, reason) VALUES ('D-1', 'withdrawn', '2026-11-03T00:00:00Z', 'p', 'r')",
        "INSERT INTO merkle_nodes(last_leaf, level, idx, hash) VALUES (50, 0, 50, zeroblob(32))",
        "INSERT INTO merkle_nodes(last_leaf, level, idx, hash) VALUES (8, 1, 4, zeroblob(32))",
        "INSERT INTO checkpoints(size, root, note, signed_at) VALUES (50, zeroblob(32), x'00', '2026-11-03T00:00:00Z')",
        // The rebuilt tables' own checks and references.
        "INSERT INTO proposals(id, kind, ledger_id, body, approval_digest, status, created_at) VALUES ('X-1', 'payment', 'l', x'00', zeroblob(32), 'pending', 't')",
        "INSERT INTO proposals(id, kind, ledger_id, body, approval_digest, status, created_at) VALUES ('X-1', 'Disbursement', 'l', x'00', zeroblob(32), 'pending', 't')",
        "INSERT INTO proposals(id, kind, ledger_id, body, approval_digest, status, created_at) VALUES ('X-1', 'reversal', 'l', x'00', zeroblob(31), 'pending', 't')",
        "INSERT INTO proposals(id, kind, ledger_id, body, approval_digest, status, created_at) VALUES ('X-1', 'reversal', 'l', x'00', zeroblob(32), 'committed', 't')",
        "INSERT INTO proposals(id, kind, ledger_id, body, approval_digest, status, created_at) VALUES ('D-1', 'reversal', 'l', x'00', zeroblob(32), 'pending', 't')",
        "INSERT INTO proposals(id, kind, ledger_id, body, approval_digest, status, created_at, committed_seq) VALUES ('X-1', 'reversal', 'l', x'00', zeroblob(32), 'committed', 't', 77)",
        // What the folded tables' triggers and checks refused, refused on proposals' columns (v8).
        "UPDATE proposals SET input = x'7b7d' WHERE id = 'D-2'",
        "UPDATE proposals SET expires_at = '2030-01-01T00:00:00Z' WHERE id = 'D-4'",
        "UPDATE proposals SET sealed_record = x'7b7d' WHERE id = 'D-4'",
        "UPDATE proposals SET sealed_digest = zeroblob(32) WHERE id = 'D-4'",
        "UPDATE proposals SET input = NULL, expires_at = NULL WHERE id = 'D-4'",
        "UPDATE proposals SET sealed_record = NULL, sealed_digest = NULL WHERE id = 'D-4'",
        "UPDATE proposals SET created_at = '2030-01-01T00:00:00Z' WHERE id = 'D-4'",
        "DELETE FROM proposals WHERE id = 'D-4'",
        "UPDATE proposals SET shcp_signature = zeroblob(64) WHERE id = 'D-2'",
        "UPDATE proposals SET shcp_key = 'shcp-bea' WHERE id = 'D-2'",
        "UPDATE proposals SET shcp_approved_at = '2030-01-01T00:00:00Z' WHERE id = 'D-2'",
        "UPDATE proposals SET shcp_key = NULL, shcp_signature = NULL, shcp_approved_at = NULL WHERE id = 'D-2'",
        "UPDATE proposals SET usaid_key = 'usaid-ben', usaid_signature = zeroblob(64), usaid_approved_at = 't' WHERE id = 'D-1'",
        "UPDATE proposals SET usaid_key = 'usaid-ben', usaid_signature = zeroblob(64), usaid_approved_at = 't' WHERE id = 'D-3'",
        "UPDATE proposals SET usaid_key = 'usaid-ben', usaid_signature = zeroblob(63), usaid_approved_at = 't' WHERE id = 'D-4'",
        "UPDATE proposals SET usaid_key = 'usaid-ben', usaid_signature = zeroblob(64) WHERE id = 'D-4'",
        "UPDATE proposals SET usaid_key = '', usaid_signature = zeroblob(64), usaid_approved_at = 't' WHERE id = 'D-4'",
        "INSERT INTO proposals(id, kind, ledger_id, body, approval_digest, status, created_at, committed_seq) VALUES ('X-1', 'reversal', 'l', x'00', zeroblob(32), 'committed', 't', 1)",
        "INSERT INTO proposals(id, kind, ledger_id, body, approval_digest, status, created_at, sealed_record, sealed_digest) VALUES ('X-1', 'reversal', 'l', x'00', zeroblob(32), 'pending', 't', x'7b7d', zeroblob(32))",
        "INSERT INTO proposals(id, kind, ledger_id, body, approval_digest, status, created_at, sealed_record) VALUES ('X-1', 'disbursement', 'l', x'00', zeroblob(32), 'pending', 't', x'7b7d')",
        "INSERT INTO proposals(id, kind, ledger_id, body, approval_digest, status, created_at, sealed_record, sealed_digest) VALUES ('X-1', 'disbursement', 'l', x'00', zeroblob(32), 'pending', 't', x'7b7d', zeroblob(31))",
        "INSERT INTO proposals(id, kind, ledger_id, body, approval_digest, status, created_at, input) VALUES ('X-1', 'reversal', 'l', x'00', zeroblob(32), 'pending', 't', x'7b7d')",
        "INSERT INTO proposals(id, kind, ledger_id, body, approval_digest, status, created_at, input, expires_at) VALUES ('X-1', 'reversal', 'l', x'00', zeroblob(32), 'pending', 't', x'7b7d', '2026-11-16')",
        "INSERT INTO proposals(id, kind, ledger_id, body, approval_digest, status, created_at, input, expires_at) VALUES ('X-1', 'reversal', 'l', x'00', zeroblob(32), 'pending', 't', x'', '2026-11-16T00:00:00Z')",
        // v9 refuses an UPDATE that names a proposal's content or a given approval, even one
        // that writes the same value back (D-4 is pending with no approval, D-2 has SHCP's).
        "UPDATE proposals SET body = body WHERE id = 'D-4'",
        "UPDATE proposals SET id = id WHERE id = 'D-4'",
        "UPDATE proposals SET kind = kind WHERE id = 'D-4'",
        "UPDATE proposals SET ledger_id = ledger_id WHERE id = 'D-4'",
        "UPDATE proposals SET approval_digest = approval_digest WHERE id = 'D-4'",
        "UPDATE proposals SET created_at = created_at WHERE id = 'D-4'",
        "UPDATE proposals SET input = input, expires_at = expires_at WHERE id = 'D-4'",
        "UPDATE proposals SET sealed_record = sealed_record, sealed_digest = sealed_digest WHERE id = 'D-4'",
        "UPDATE proposals SET approval_digest = zeroblob(32) WHERE id = 'D-4'",
        // v10: who made a proposal is part of its content.
        "UPDATE proposals SET proposed_by = 'mallory' WHERE id = 'D-4'",
        "UPDATE proposals SET proposed_by = proposed_by WHERE id = 'D-4'",
        "INSERT INTO proposals(id, kind, ledger_id, body, approval_digest, status, created_at, proposed_by) VALUES ('X-1', 'reversal', 'l', x'00', zeroblob(32), 'pending', 't', '')",
        "UPDATE proposals SET id = 'D-5' WHERE id = 'D-4'",
        "UPDATE proposals SET shcp_key = shcp_key, shcp_signature = shcp_signature, shcp_approved_at = shcp_approved_at WHERE id = 'D-2'",
        "UPDATE proposals SET shcp_approved_at = shcp_approved_at WHERE id = 'D-2'",
        "UPDATE proposals SET usaid_approved_at = usaid_approved_at WHERE id = 'D-1'",
        "UPDATE proposals SET status = status WHERE id = 'D-1'",
        "UPDATE proposals SET status = 'pending', committed_seq = NULL WHERE id = 'D-1'",
    ])
    func constraintsAfterMigratingStillRefuse(sql: String) throws {
        _ = try sourceLedger()
        try writeV5Copy(of: fixture.dbPath)
        let migrated = try LedgerStore(path: v5Path)
        let rows = try Self.tables.map { try Self.dump(migrated.db, $0, folded: true) }
        // The folded columns too, where a refused change could have set a NULL.
        let foldedColumns = "SELECT quote(input) || quote(expires_at) || quote(sealed_record) || quote(sealed_digest) FROM proposals ORDER BY rowid"
        let proposals = try Self.rows(migrated.db, foldedColumns)
        #expect(throws: StoreError.self) { try migrated.db.exec(sql) }
        #expect(try Self.tables.map { try Self.dump(migrated.db, $0, folded: true) } == rows, "a refused change leaves every table as it was")
        #expect(try Self.rows(migrated.db, foldedColumns) == proposals)
    }

    /// `verify --db` reads a file without migrating it: an unmigrated ledger's nodes are still
    /// looked up (by their old key) and checked.
    @Test func verifyingAnUnmigratedV5LedgerStillChecksItsMerkleNodes() throws {
        _ = try sourceLedger()
        try writeV5Copy(of: fixture.dbPath)
        #expect(try Bundle.verify(database: v5Path, jobs: 1, pinnedGenesis: nil).ok)
        let c = try SQLiteConnection(path: v5Path, readOnly: false)
        try c.exec("DROP TRIGGER merkle_nodes_no_update; UPDATE merkle_nodes SET hash = zeroblob(32) WHERE level = 1 AND idx = 0")
        let report = try Bundle.verify(database: v5Path, jobs: 1, pinnedGenesis: nil)
        #expect(report.failures.contains { $0.rule == .r12 && $0.message == "stored Merkle node 1/0 is not the hash the entries give" }, "\(report.failures)")
        #expect(try c.scalarText("PRAGMA user_version") == "5")
    }

    @Test func aV5LedgerWithABrokenReferenceIsNotMigratedAndNotChanged() throws {
        _ = try sourceLedger()
        try writeV5Copy(of: fixture.dbPath)
        let c = try SQLiteConnection(path: v5Path, readOnly: false)
        // Written past the foreign keys, as someone with the file could.
        try c.exec("""
            PRAGMA foreign_keys=OFF;
            INSERT INTO approvals(proposal_id, institution, key_name, signature, created_at)
            VALUES ('D-404', 'SHCP', 'shcp-ana', zeroblob(64), '2026-11-02T00:00:00Z')
            """)
        let rows = try Self.tables.map { try Self.dump(c, $0) }
        #expect {
            _ = try LedgerStore(path: v5Path)
        } throws: { error in
            guard let e = error as? StoreError else { return false }
            return e.code == .corrupt && e.message.contains("migration 6") && e.message.contains("approvals") && e.message.contains("stays at version 5")
        }
        #expect(try c.scalarText("PRAGMA user_version") == "5")
        #expect(try Self.uniqueIndexes(c).contains("entries(entry_hash)"))
        #expect(try Self.tables.map { try Self.dump(c, $0) } == rows)
    }

    @Test(arguments: [(0, Int64(0), Int64(0)), (0, 5, 5), (1, 0, 1), (1, 2, 5), (3, 1, 15), (62, 0, Int64(1) << 62 - 1)])
    func theV7KeyIsTheLastLeafASubtreeCovers(level: Int, index: Int64, lastLeaf: Int64) throws {
        #expect(try LedgerStore.lastLeaf(level: level, index: index) == lastLeaf)
    }

    @Test(arguments: [(-1, Int64(0), "level"), (63, 0, "level"), (0, -1, "index"), (62, 1, "index"), (1, Int64.max, "index")])
    func nodesOutsideAnyTreeHaveNoKey(level: Int, index: Int64, field: String) {
        #expect { try LedgerStore.lastLeaf(level: level, index: index) } throws: { ($0 as? StoreError)?.field == field }
    }

    @Test func aDatabaseFromANewerToolIsRefused() throws {
        _ = try fixture.makeStore()
        let c = try SQLiteConnection(path: fixture.dbPath, readOnly: false)
        try c.exec("PRAGMA user_version = \(Migrations.all.count + 1)")
        #expect {
            _ = try LedgerStore(path: fixture.dbPath)
        } throws: { error in
            (error as? StoreError)?.message.contains("newer than this tool") == true
        }
    }
}
