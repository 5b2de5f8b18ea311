import Foundation
import LedgerCore
import Testing

/// `jhf serve --publish DIR --site SITE`: the portal follows the ledger (rebuilt from the tiles
/// after each new checkpoint) and is served at `/` with `default-src 'self'`; nothing but the
/// site's own files is served from there; and a browser verifies a payment through the service.
@Suite struct ServeSiteTests {
    static func config(_ l: DemoLedger, site: String) throws -> String {
        let base = try read(Repo.path("Keys.example/service.json"))
        let path = "\(l.dir)/service-site.json"
        try write(path, base.replacingOccurrences(of: #""tokens""#, with: #""site": {"base_url": "http://127.0.0.1/jhf", "ocid_prefix": "ocds-t3st00", "thresholds": {"USD": "25000.00", "MXN": "430000.00"}}, "tokens""#, options: [], range: base.range(of: #""tokens""#)))
        return path
    }

    @Test func thePortalFollowsTheLedgerAndIsServedAtTheRoot() throws {
        let l = try DemoLedger.make()
        defer { l.remove() }
        let (tiles, site) = ("\(l.dir)/tlog", "\(l.dir)/site")
        let (server, url) = try startService(db: l.db, config: try Self.config(l, site: site),
                                             extra: ["--log-key", l.key("demo-job-log"), "--publish", tiles, "--site", site])
        defer { if server.isRunning { server.terminate(); server.waitUntilExit() } }
        let port = Int(url.split(separator: ":").last!)!
        func siteSize(_ n: Int) -> Bool {
            for _ in 0..<200 {
                if let j = try? read("\(site)/data/site/ledger.json"), j.contains(#""size":\#(n),"#) { return true }
                usleep(50_000)
            }
            return false
        }
        // The ledger had 4 entries and no checkpoint: the first one signed is published.
        let token = "\(l.dir)/admin.token"
        try write(token, try read(Repo.path("Keys.example/tokens/admin.token")), mode: 0o600)
        let remote = ["--server", url, "--token-file", token]
        try write(l.input("d3"), DemoLedger.d2.replacingOccurrences(of: #""id": "D-2""#, with: #""id": "D-3""#))
        try l.must(jhf(remote + ["propose", "--kind", "disbursement", "--file", l.input("d3")]))
        for key in ["demo-shcp-ana", "demo-usaid-ben"] { try l.must(jhf(remote + ["approve", "--id", "D-3", "--key", l.key(key), "--yes"])) }
        #expect(siteSize(5), "the site did not follow the new checkpoint")
        let csv = try read("\(site)/data/csv/disbursements.csv")
        #expect(csv.contains("\n4,D-3,"), "\(csv)")

        let root = try run("/usr/bin/curl", ["-si", "\(url)/"])
        #expect(root.stdout.hasPrefix("HTTP/1.1 200 OK\r\n") && root.stdout.lowercased().contains("content-security-policy: default-src 'self'\r\n")
                && root.stdout.lowercased().contains("content-type: text/html; charset=utf-8\r\n") && root.stdout.contains("<script type=\"module\" src=\"app.js\">"), "\(root)")
        let module = try run("/usr/bin/curl", ["-si", "\(url)/app.js"])
        #expect(module.stdout.lowercased().contains("content-type: text/javascript; charset=utf-8\r\n"), "\(module)")
        for bad in ["/../ledger.sqlite", "/%2e%2e/ledger.sqlite", "/.hidden.json", "/data/site/.tmp.json", "/config.js.tmp", "/data//site/ledger.json", "/index.sqlite"] {
            #expect(httpGet(port: port, bad)?.status == 404, "\(bad)")
        }
        #expect(httpGet(port: port, "/v1/ledger")?.status == 200, "the API still answers beside the site")
        let metrics = httpGet(port: port, "/metrics")?.body ?? ""
        #expect(metrics.contains("jhf_site_size 5.0\n") && metrics.contains("jhf_site_failures_total 0\n") && metrics.contains("jhf_site_build_seconds "), "\(metrics)")

        // A browser opens the new payment through the service and verifies it.
        try FileManager.default.createDirectory(atPath: "\(l.dir)/reports", withIntermediateDirectories: true)
        let o = try run("/usr/bin/env", ["timeout", "300", "python3", Repo.path("Tests/Tools/portal_browser.py"), "--url", url, "--site", site,
                                         "--tiles", tiles, "--reports", "\(l.dir)/reports", "--out", Repo.path(".build/portal-test/serve"), "--only", "entries"])
        #expect(o.status == 0 && o.stdout.hasSuffix("0 failure(s)\n"), "\(o)")
    }

    @Test(arguments: [
        (#""site": {"base_url": "ftp://x"}, "tokens""#, "site.base_url"),
        (#""site": {"base_url": "https://x.example", "ocid_prefix": "ocds"}, "tokens""#, "site.ocid_prefix"),
        (#""site": {"base_url": "https://x.example", "thresholds": {"usd": "1"}}, "tokens""#, "site.thresholds.usd"),
        (#""site": {"base_url": "https://x.example", "colour": "red"}, "tokens""#, "site"),
        (#""site": "https://x.example", "tokens""#, "site"),
    ])
    func aBadSiteConfigIsRefusedNamingTheMember(_ c: (String, String)) throws {
        let l = try DemoLedger.make()
        defer { l.remove() }
        let base = try read(Repo.path("Keys.example/service.json"))
        try write("\(l.dir)/bad.json", base.replacingOccurrences(of: #""tokens""#, with: c.0, options: [], range: base.range(of: #""tokens""#)))
        let o = try jhf("serve", "--db", l.db, "--config", "\(l.dir)/bad.json", "--publish", "\(l.dir)/t", "--site", "\(l.dir)/s", "--listen", "127.0.0.1:1")
        #expect(o.status == 2 && o.stderr.contains(c.1), "\(o)")
    }

    @Test func siteNeedsPublishAndASiteMember() throws {
        let l = try DemoLedger.make()
        defer { l.remove() }
        let noPublish = try jhf("serve", "--db", l.db, "--site", "\(l.dir)/s", "--listen", "127.0.0.1:1")
        #expect(noPublish.status == 2 && noPublish.stderr.contains("site: the site is built from the published tiles: give --publish DIR too"), "\(noPublish)")
        let noMember = try jhf("serve", "--db", l.db, "--config", Repo.path("Keys.example/service.json"), "--publish", "\(l.dir)/t", "--site", "\(l.dir)/s", "--listen", "127.0.0.1:1")
        #expect(noMember.status == 2 && noMember.stderr.contains(#"site: the config file needs a "site" member"#), "\(noMember)")
    }
}
