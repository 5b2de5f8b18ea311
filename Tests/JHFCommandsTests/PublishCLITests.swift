import Foundation
import LedgerCore
import Testing

/// `jhf publish tiles`: its full output, a second run, and its refusals.
@Suite struct PublishCLITests {
    @Test func theDemoLedgerIsPublishedAsTiles() throws {
        let l = try DemoLedger.make()
        defer { l.remove() }
        let out = "\(l.dir)/site"
        let none = try jhf("publish", "tiles", "--db", l.db, "--out", out)
        #expect(none.status == 2 && none.stderr == "error [not_found]: checkpoint: the store has no signed checkpoint yet; give --log-key to sign one\n", "\(none)")
        let wrongRole = try jhf("publish", "tiles", "--db", l.db, "--out", out, "--log-key", l.key("demo-shcp-ana"))
        #expect(wrongRole.status == 2 && wrongRole.stderr == "error [argument]: log-key: demo-shcp-ana is not a log key (its role is approver); checkpoints are signed by a log key\n", "\(wrongRole)")
        let first = try l.must(jhf("publish", "tiles", "--db", l.db, "--out", out, "--log-key", l.key("demo-job-log")))
        #expect(first.stdout == "published 4 entries to \(out): 2 tile file(s) written, 0 already there; checkpoint replaced\n")
        let again = try l.must(jhf("publish", "tiles", "--db", l.db, "--out", out))
        #expect(again.stdout == "published 4 entries to \(out): 0 tile file(s) written, 2 already there; checkpoint unchanged\n")
        // The bundle holds exactly the export's lines; the checkpoint is the one verify checks.
        try l.must(jhf("export", "--db", l.db, "--out", "\(l.dir)/bundle"))
        let lines = try read("\(l.dir)/bundle/entries.jsonl").split(separator: "\n").map { Array($0.utf8) }
        let bundle = try EntryBundle.decode(Array(try Data(contentsOf: URL(fileURLWithPath: "\(out)/tile/entries/000.p/4"))), count: 4, path: "bundle")
        #expect(bundle.map(Array.init) == lines)
        #expect(try read("\(out)/checkpoint") == (try read("\(l.dir)/bundle/checkpoint")))
        #expect(try Data(contentsOf: URL(fileURLWithPath: "\(out)/tile/0/000.p/4")).count == 4 * 32)
    }
}
