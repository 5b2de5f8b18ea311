import Foundation
import JHFTestSupport
import Testing

/// `jhf store copy` between SQLite and PostgreSQL: everything a ledger's database holds arrives,
/// verified; a source that does not verify, or a destination that is not new, is refused and
/// nothing is written.
@Suite("jhf store copy: SQLite ↔ PostgreSQL, verified before and after")
struct StoreCopyTests {
    /// A ledger with a bit of everything: entries, a signed checkpoint, a payment file, a
    /// reconciliation run, two pending proposals.
    static func richLedger() throws -> DemoLedger {
        let l = try BankCLITests.ledger()
        try l.must(BankCLITests().export(l, ["--since", "0"], out: "p1.xml"))
        try write("\(l.dir)/s1.xml", BankCLITests.statement(id: "S-1", created: "2026-11-22T06:00:00", [("1234.56", "MXN", "B-1", "D-3")]))
        try l.must(jhf("reconcile", "--db", l.db, "--statement", "\(l.dir)/s1.xml", now: "2026-11-22T12:00:00Z"))
        for id in ["D-8", "D-9"] {
            try write(l.input(id), DemoLedger.d2.replacingOccurrences(of: #""id": "D-2""#, with: #""id": "\#(id)""#))
            try l.must(jhf("propose", "--db", l.db, "--kind", "disbursement", "--file", l.input(id)))
        }
        try l.must(jhf("publish", "tiles", "--db", l.db, "--out", "\(l.dir)/tiles", "--log-key", l.key("demo-job-log")))
        return l
    }

    /// What a ledger's users see of it: the auditor's export with sealed records, every proposal.
    static func views(_ db: String, _ dir: String) throws -> [String] {
        let out = "\(dir)/export-\(UUID().uuidString.prefix(8))"
        let export = try jhf("export", "--db", db, "--out", out, "--sealed")
        guard export.status == 0 else { throw Unexpected("\(export)") }
        return try ["entries.jsonl", "sealed.jsonl", "checkpoint"].map { try read("\(out)/\($0)") }
            + [try jhf("list", "--db", db, "--json").stdout, try jhf("verify", "--db", db, "--json").stdout]
    }

    @Test func aLedgerGoesToPostgreSQLAndBackUnchanged() throws {
        let l = try Self.richLedger()
        defer { l.remove() }
        let cluster = try PostgresCluster.shared.get()
        let url = try cluster.makeDatabase(prefix: "copy")
        let there = try jhf("store", "copy", "--from", l.db, "--to", url)
        #expect(there.status == 0, "\(there)")
        #expect(there.stdout.contains("checkpoint:   5 entries, the same as the source's\n")
                && there.stdout.contains("rows:         meta 1, entries 5, proposals 7, merkle_nodes 8, checkpoints 1, payment_files 1, payment_orders 2, reconciliation_runs 1, reconciliation_items 1, bank_bookings 1\n"),
                "\(there)")
        let back = "\(l.dir)/back.sqlite"
        let again = try jhf("store", "copy", "--from", url, "--to", back)
        #expect(again.status == 0 && again.stdout.components(separatedBy: "\n").dropFirst() == there.stdout.components(separatedBy: "\n").dropFirst(), "\(again)")
        let original = try Self.views(l.db, l.dir)
        #expect(try Self.views(url, l.dir) == original)
        #expect(try Self.views(back, l.dir) == original)
        let mode = try FileManager.default.attributesOfItem(atPath: back)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        // The copy keeps working: the bank records came along (the same statement is known).
        let rerun = try jhf("reconcile", "--db", url, "--statement", "\(l.dir)/s1.xml", now: "2026-11-23T12:00:00Z")
        #expect(rerun.status == 0 && rerun.stdout.contains("already"), "\(rerun)")
    }

    @Test func aSourceThatDoesNotVerifyIsNotCopied() throws {
        let l = try DemoLedger.make()
        defer { l.remove() }
        try l.must(run("/usr/bin/sqlite3", [l.db, "DROP TRIGGER merkle_nodes_no_update; UPDATE merkle_nodes SET hash = zeroblob(32) WHERE level = 1"]))
        let cluster = try PostgresCluster.shared.get()
        let url = try cluster.makeDatabase(prefix: "copy")
        let refused = try jhf("store", "copy", "--from", l.db, "--to", url)
        #expect(refused.status == 3 && refused.stderr.hasPrefix("error [corrupt]: from: \(l.db) does not verify; nothing was copied"), "\(refused)")
        #expect(try cluster.psql("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", database: String(url.split(separator: "/").last!)) == "0\n")
    }

    @Test func aDestinationThatIsNotNewIsNeverTouched() throws {
        let l = try DemoLedger.make()
        defer { l.remove() }
        let before = try read(l.db)
        let file = try jhf("store", "copy", "--from", l.db, "--to", l.db)
        #expect(file.status == 2 && file.stderr == "error [conflict]: to: \(l.db) already exists; refusing to overwrite a ledger\n", "\(file)")
        #expect(try read(l.db) == before)
        // A PostgreSQL database holding a ledger already.
        let cluster = try PostgresCluster.shared.get()
        let url = try cluster.makeDatabase(prefix: "copy")
        try l.must(jhf("store", "copy", "--from", l.db, "--to", url))
        let held = try jhf("store", "copy", "--from", l.db, "--to", url)
        #expect(held.status == 3 && held.stderr == "error [io]: to: \(url) already holds ledger jhf.cli.test; refusing to overwrite a ledger\n", "\(held)")
        // A database of something else.
        let other = try cluster.makeDatabase(prefix: "copy")
        try cluster.psql("CREATE TABLE invoices (id int)", database: String(other.split(separator: "/").last!))
        let busy = try jhf("store", "copy", "--from", l.db, "--to", other)
        #expect(busy.status == 3 && busy.stderr == "error [io]: to: \(other) is not empty (1 tables); a ledger is created only in an empty database\n", "\(busy)")
        // Not a database URL at all.
        let wrong = try jhf("store", "copy", "--from", l.db, "--to", "mysql://u@h/db")
        #expect(wrong.status == 3 && wrong.stderr == "error [io]: to: mysql://u@h/db… is neither a file path nor a postgresql:// URL\n", "\(wrong)")
    }
}
