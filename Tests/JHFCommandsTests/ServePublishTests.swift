import Foundation
import LedgerCore
import Testing

/// `jhf serve --publish DIR`: the directory follows every new checkpoint and cosignature, and
/// `/tlog/` serves it read-only with tlog-tiles cache headers, so a verifier can read the whole
/// ledger from there.
@Suite struct ServePublishTests {
    @Test func theServiceKeepsItsTilesCurrentAndServesThem() throws {
        let l = try DemoLedger.make()
        defer { l.remove() }
        let out = "\(l.dir)/site"
        let token = "\(l.dir)/admin.token"
        try write(token, try read(Repo.path("Keys.example/tokens/admin.token")), mode: 0o600)
        let (server, url) = try startService(db: l.db, config: Repo.path("Keys.example/service.json"),
                                             extra: ["--log-key", l.key("demo-job-log"), "--publish", out])
        defer { if server.isRunning { server.terminate(); server.waitUntilExit() } }
        let remote = ["--server", url, "--token-file", token]
        try write(l.input("d3"), DemoLedger.d2.replacingOccurrences(of: #""id": "D-2""#, with: #""id": "D-3""#))
        try l.must(jhf(remote + ["propose", "--kind", "disbursement", "--file", l.input("d3")]))
        for key in ["demo-shcp-ana", "demo-usaid-ben"] { try l.must(jhf(remote + ["approve", "--id", "D-3", "--key", l.key(key), "--yes"])) }
        func published(lines: Int) -> String? {
            for _ in 0..<100 {
                if let c = try? read("\(out)/checkpoint"), c.hasPrefix("jhf-ledger/jhf.cli.test\n5\n"), c.components(separatedBy: "\n— ").count - 1 == lines { return c }
                usleep(50_000)
            }
            return nil
        }
        let first = try #require(published(lines: 1), "the directory did not follow the new checkpoint")
        let head = try run("/usr/bin/curl", ["-si", "\(url)/tlog/checkpoint"])
        #expect(head.stdout.lowercased().contains("cache-control: public, max-age=2\r\n") && head.stdout.hasSuffix("\r\n\r\n" + first), "\(head)")
        let tile = try run("/usr/bin/curl", ["-si", "\(url)/tlog/tile/0/000.p/5"])
        #expect(tile.stdout.lowercased().contains("cache-control: public, max-age=31536000, immutable\r\n"))
        // HEAD: the same headers, no body, as a web server answers it.
        let headOnly = try run("/usr/bin/curl", ["-sI", "\(url)/tlog/tile/0/000.p/5"])
        let size = try FileManager.default.attributesOfItem(atPath: "\(out)/tile/0/000.p/5")[.size] as? Int
        #expect(headOnly.stdout.hasPrefix("HTTP/1.1 200 OK\r\n") && headOnly.stdout.lowercased().contains("content-length: \(size ?? -1)\r\n")
                && headOnly.stdout.lowercased().contains("cache-control: public, max-age=31536000, immutable\r\n"), "\(headOnly)")
        for bad in ["/tlog/tile/0/000.p/05", "/tlog/tile/../../ledger.sqlite", "/tlog/tile/0/000.p/5.tmp-1", "/tlog/tile/entries/001"] {
            #expect(httpGet(port: Int(url.split(separator: ":").last!)!, bad)?.status == 404, "\(bad)")
        }
        // The whole ledger read back through the service's /tlog/, as from any web server.
        let verified = try jhf("verify", "--tiles", "\(url)/tlog")
        #expect(verified.status == 0 && verified.stdout.contains("entries:      5\n"), "\(verified)")

        // A cosignature arrives: the published checkpoint gains it.
        let officer = "\(l.dir)/officer.token"
        try write(officer, try read(Repo.path("Keys.example/tokens/usaid-officer.token")), mode: 0o600)
        try l.must(jhf(["checkpoint", "cosign", "--server", url, "--token-file", officer, "--key", l.key("demo-usaid-ben"),
                        "--keys", Repo.path("Keys.example/registry.json")]))
        let cosigned = try #require(published(lines: 2), "the cosignature was not published")
        #expect(cosigned.contains("\n— demo-usaid-ben "))
    }

    @Test func withoutPublishTlogIs404() throws {
        let l = try DemoLedger.make()
        defer { l.remove() }
        let (server, url) = try startService(db: l.db, config: Repo.path("Keys.example/service.json"))
        defer { if server.isRunning { server.terminate(); server.waitUntilExit() } }
        let reply = httpGet(port: Int(url.split(separator: ":").last!)!, "/tlog/checkpoint")
        #expect(reply?.status == 404 && reply?.body.contains("start it with --publish DIR") == true)
    }
}
