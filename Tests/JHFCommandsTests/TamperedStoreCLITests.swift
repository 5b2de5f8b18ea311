import Foundation
import Testing

/// Every command that opens a store refuses one whose committed rows were changed behind the
/// triggers' back: those that only read check the hash chain (OpenCheck.hashChain), the others
/// replay the rules; either way exit 3, code `corrupt`, and nothing is written.
@Suite(.serialized) struct TamperedStoreCLITests {
    @Test(arguments: [
        ("reconcile (hash chain)", ["reconcile", "--statement", "{dir}/s.xml"]),
        ("show (hash chain)", ["show", "--id", "D-3"]),
        ("list (hash chain)", ["list"]),
        ("export (hash chain)", ["export", "--out", "{dir}/bundle"]),
        ("payments export (replay)", ["payments", "export", "--since", "0", "--debtor-name", "Fondo", "--debtor-account", BankCLITests.fund,
                                      "--execution-date", "2026-11-21", "--out", "{dir}/p.xml"]),
        ("propose (replay)", ["propose", "--kind", "disbursement", "--file", "{dir}/in/d3.json"]),
    ])
    func aChangedEntryIsRefused(_ label: String, _ arguments: [String]) throws {
        let l = try BankCLITests.ledger()
        defer { l.remove() }
        try write("\(l.dir)/s.xml", BankCLITests.statement(id: "S-1", created: "2026-11-22T06:00:00", [("1234.56", "MXN", "B-1", "D-3")]))
        try l.must(run("/usr/bin/sqlite3", [l.db, """
            DROP TRIGGER entries_no_update; UPDATE entries SET canonical = CAST(replace(CAST(canonical AS TEXT), '123456', '123457') AS BLOB)
            WHERE entry_id = 'D-3'
            """]))
        let before = try run("/usr/bin/sqlite3", [l.db, "SELECT count(*) FROM proposals; SELECT count(*) FROM reconciliation_runs; SELECT count(*) FROM payment_files"])
        let o = try jhf(arguments.map { $0.replacingOccurrences(of: "{dir}", with: l.dir) } + ["--db", l.db])
        #expect(o.status == 3, "\(label): \(o)")
        #expect(o.stdout == "", "\(label): \(o)")
        #expect(o.stderr.hasPrefix("error [corrupt]: the stored chain does not check out; run `jhf verify --db` for the full report\n"), "\(label): \(o)")
        #expect(o.stderr.contains("R3"), "\(label): \(o)")
        #expect(try run("/usr/bin/sqlite3", [l.db, "SELECT count(*) FROM proposals; SELECT count(*) FROM reconciliation_runs; SELECT count(*) FROM payment_files"]).stdout == before.stdout)
        #expect(!FileManager.default.fileExists(atPath: "\(l.dir)/bundle") && !FileManager.default.fileExists(atPath: "\(l.dir)/p.xml"))
    }
}
