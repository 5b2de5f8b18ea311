import Foundation
import Testing

/// Files holding sealed data are created 0600 whatever the umask (here the common 022): the
/// database, `sealed.jsonl`, payment files and reconciliation reports; public files keep 0644.
@Suite(.serialized) struct FileModeTests {
    /// Runs `jhf` under `umask 022`, as a login shell usually leaves it.
    func jhf022(_ arguments: [String]) throws -> Outcome {
        try run("/bin/sh", ["-c", "umask 022; exec \"$0\" \"$@\"", Repo.jhf] + arguments, environment: ["JHF_NOW": "2026-11-20T12:00:00Z"])
    }

    func mode(_ path: String) -> Int {
        var st = stat()
        guard stat(path, &st) == 0 else { return -1 }
        return Int(st.st_mode & 0o777)
    }

    @Test func filesWithSealedDataAre0600UnderUmask022() throws {
        let l = try BankCLITests.ledger()
        defer { l.remove() }
        // A new database, from `jhf init` under umask 022.
        let fresh = "\(l.dir)/fresh.sqlite"
        try l.must(jhf022(["init", "--db", fresh, "--ledger-id", "jhf.mode.test", "--title", "T", "--keys", Repo.path("Keys.example/registry.json")]))
        #expect(mode(fresh) == 0o600)
        // Export with sealed records: sealed.jsonl 0600, the public files 0644.
        try l.must(jhf022(["export", "--db", l.db, "--out", "\(l.dir)/bundle", "--sealed"]))
        #expect(mode("\(l.dir)/bundle/sealed.jsonl") == 0o600)
        #expect(mode("\(l.dir)/bundle/entries.jsonl") == 0o644)
        // A payment file names payees and their accounts.
        try l.must(jhf022(["payments", "export", "--db", l.db, "--since", "0", "--debtor-name", "Fondo", "--debtor-account", BankCLITests.fund,
                           "--execution-date", "2026-11-21", "--out", "\(l.dir)/p1.xml"]))
        #expect(mode("\(l.dir)/p1.xml") == 0o600)
        // Reconciliation reports carry the bank's text about those payments.
        try write("\(l.dir)/st.xml", BankCLITests.statement(id: "ST-1", created: "2026-11-22T08:00:00Z", [("48000000.00", "USD", "B-1", "D-2")]))
        let r = try jhf022(["reconcile", "--db", l.db, "--statement", "\(l.dir)/st.xml", "--report", "\(l.dir)/report"])
        #expect(r.status == 0 || r.status == 1, "\(r)")
        for name in ["summary.txt", "reconciliation.json", "items.csv"] { #expect(mode("\(l.dir)/report/\(name)") == 0o600, "\(name)") }
        // No partial file is left anywhere.
        let left = FileManager.default.enumerator(atPath: l.dir)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".partial") } ?? []
        #expect(left.isEmpty)
    }

    /// `payments export` records the file only once it is in place: when the final name turns
    /// out to be taken at the last step (here a dangling symbolic link, which the first check
    /// does not see), nothing is recorded and the next export orders the payments.
    @Test func aPaymentFileIsRecordedOnlyOnceItIsInPlace() throws {
        let l = try BankCLITests.ledger()
        defer { l.remove() }
        let out = "\(l.dir)/p1.xml"
        try FileManager.default.createSymbolicLink(atPath: out, withDestinationPath: "\(l.dir)/nowhere")
        let args = ["payments", "export", "--db", l.db, "--since", "0", "--debtor-name", "Fondo", "--debtor-account", BankCLITests.fund,
                    "--execution-date", "2026-11-21"]
        let refused = try jhf(args + ["--out", out])
        #expect(refused.status == 2, "\(refused)")
        #expect(refused.stderr == "error [conflict]: out: \(out) already exists; it is never overwritten\n")
        #expect(!FileManager.default.fileExists(atPath: "\(out).partial"))
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: out)) == "\(l.dir)/nowhere")
        // Nothing was recorded as ordered: the same payments go into the next file.
        let next = try jhf(args + ["--out", "\(l.dir)/p2.xml"])
        #expect(next.status == 0 && next.stdout.contains("message JHF-20261121-1, 2 transfer(s)"), "\(next)")
    }
}
