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

/// `jhf verify --tiles`: the same report as from the export, and every way a published tile
/// can be wrong, each an R12 failure naming the tile.
@Suite struct VerifyTilesCLITests {
    /// A ledger of 300 entries (more than one full tile) published to DIR/site.
    static func published() throws -> (DemoLedger, String) {
        let l = try DemoLedger.make()
        let out = "\(l.dir)/site"
        try l.must(jhf("publish", "tiles", "--db", l.db, "--out", out, "--log-key", l.key("demo-job-log")))
        return (l, out)
    }

    @Test func tilesVerifyLikeTheDatabase() throws {
        let (l, out) = try Self.published()
        defer { l.remove() }
        let fromTiles = try jhf("verify", "--tiles", out, "--json")
        #expect(fromTiles.status == 0, "\(fromTiles)")
        try l.must(jhf("export", "--db", l.db, "--out", "\(l.dir)/bundle"))
        #expect(fromTiles.stdout == (try jhf("verify", "--bundle", "\(l.dir)/bundle", "--json")).stdout)
        let both = try jhf("verify", "--tiles", out, "--db", l.db)
        #expect(both.status == 2 && both.stderr.hasPrefix("Error: give exactly one of --db, --bundle, --server or --tiles"), "\(both)")
    }

    @Test(arguments: [
        ("entry-bundle-withheld", "tile/entries/000.p/4", "remove", "R12 checkpoint: tile/entries/000.p/4 is missing: entries from 0 on cannot be read"),
        ("hash-tile-withheld", "tile/0/000.p/4", "remove", "R12 checkpoint: tile/0/000.p/4 is missing"),
        ("hash-tile-changed", "tile/0/000.p/4", "flip", "R12 checkpoint: tile/0/000.p/4 does not match the hashes of the entries"),
        ("entry-bundle-truncated", "tile/entries/000.p/4", "truncate", "R12 checkpoint: tile/entries/000.p/4 is malformed"),
        ("entry-rewritten", "tile/entries/000.p/4", "rewrite", "R12 checkpoint: tile/0/000.p/4 does not match the hashes of the entries"),
    ])
    func aWrongTileIsAnR12Failure(_ mutation: String, _ path: String, _ how: String, _ message: String) throws {
        let (l, out) = try Self.published()
        defer { l.remove() }
        let file = "\(out)/\(path)"
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
        switch how {
        case "remove": try FileManager.default.removeItem(atPath: file)
        case "flip": bytes[5] ^= 1
        case "truncate": bytes.removeLast(3)
        default:
            // An amount in the last entry: the bundle still decodes, but its hash changed.
            let needle = Array(#""amount":250000000"#.utf8)
            let at = try #require((0...(bytes.count - needle.count)).first { Array(bytes[$0..<($0 + needle.count)]) == needle })
            bytes[at + needle.count - 1] = UInt8(ascii: "1")
        }
        if how != "remove" {
            try FileManager.default.removeItem(atPath: file)
            try Data(bytes).write(to: URL(fileURLWithPath: file))
        }
        let o = try jhf("verify", "--tiles", out)
        #expect(o.status == 1 && o.stdout.contains(message), "\(mutation): \(o)")
    }
}

/// The published directory served by nginx, as the public would read it: the whole ledger
/// verified through HTTP, a proof rebuilt from the tiles, and that proof checked later against
/// the log as then published (consistent, or a split view).
@Suite struct NginxTilesTests {
    @Test func verifyAndProveThroughNginx() throws {
        let (l, out) = try VerifyTilesCLITests.published()
        defer { l.remove() }
        let nginx = try Nginx.serve(out)
        defer { nginx.stop() }
        let viaHTTP = try jhf("verify", "--tiles", nginx.url, "--json")
        let fromDirectory = try jhf("verify", "--tiles", out, "--json")
        #expect(viaHTTP.status == 0 && viaHTTP.stdout == fromDirectory.stdout, "\(viaHTTP)")

        let proofFile = "\(l.dir)/d2.proof.json"
        let made = try jhf("proof", "--tiles", nginx.url, "--id", "D-2", "--out", proofFile)
        #expect(made.stdout == "wrote the proof of D-2 to \(proofFile)\n", "\(made)")
        let registry = Repo.path("Keys.example/registry.json")
        #expect(try jhf("verify-proof", proofFile, "--keys", registry, "--tiles", nginx.url).stdout
                == "VALID: disbursement D-2 is entry 2 of ledger jhf.cli.test; checkpoint of 4 entries signed by demo-job-log; consistent with the published checkpoint of 4 entries\n")
        #expect(try jhf("proof", "--tiles", nginx.url, "--id", "D-404").stderr == "error [not_found]: id: no published entry has id D-404\n")

        // The ledger grows and is published again: the old proof is consistent with the new checkpoint.
        try write(l.input("d3"), DemoLedger.d2.replacingOccurrences(of: #""id": "D-2""#, with: #""id": "D-3""#))
        try l.must(jhf("propose", "--db", l.db, "--kind", "disbursement", "--file", l.input("d3")))
        try l.approve("D-3")
        try l.must(jhf("publish", "tiles", "--db", l.db, "--out", out, "--log-key", l.key("demo-job-log")))
        #expect(try jhf("verify-proof", proofFile, "--keys", registry, "--tiles", nginx.url).stdout.hasSuffix("consistent with the published checkpoint of 5 entries\n"))

        // A split view: the published checkpoint of 5 is replaced by one over another history,
        // signed with the same log key. The old proof no longer fits it.
        let key = try JSONParser.parse(Array(try read(l.key("demo-job-log")).utf8))
        guard case .object(let k) = key, case .string(let seed)? = k["secret_key"] else { throw Unexpected("key") }
        let text = Checkpoint(origin: "jhf-ledger/jhf.cli.test", size: 5, root: Hash.leaf(Array("another history".utf8))).text
        let forged = SignedNote(text: text, signatures: [SignedNote.sign(text, name: "demo-job-log", key: try SecretKey(seed: Base64.decode(seed)!))])
        try FileManager.default.removeItem(atPath: "\(out)/checkpoint")
        try Data(forged.bytes).write(to: URL(fileURLWithPath: "\(out)/checkpoint"))
        let split = try jhf("verify-proof", proofFile, "--keys", registry, "--tiles", nginx.url)
        #expect(split.status == 1 && split.stdout.hasPrefix("INVALID: R12 tiles: the proof's checkpoint of 4 entries is not consistent with the published one of 5"), "\(split)")
    }
}
