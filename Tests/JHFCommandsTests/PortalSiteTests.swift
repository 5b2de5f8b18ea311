import Foundation
import LedgerCore
import Testing

/// `jhf publish site`: the open data is valid against each standard's own schema, every figure
/// agrees with `jhf report`, nothing sealed is published, and publishing is incremental.
@Suite(.serialized) struct PortalSiteTests {
    static let fixtures = Repo.path("Tests/JHFCommandsTests/Fixtures")

    @Test func openDataIsValidOCDSIATIAndFrictionless() throws {
        let p = try PortalLedger.get()
        let data = "\(p.site)/data"
        let packages = filesUnder("\(data)/ocds").map { "\(data)/ocds/\($0)" }
        #expect(packages.map { ($0 as NSString).lastPathComponent } == ["records.json", "releases-2026Q4.json", "releases-2027Q1.json"])
        let ocds = try run("/usr/bin/env", ["python3", "\(Self.fixtures)/ocds/validate.py"] + packages)
        #expect(ocds.status == 0, "\(ocds)")
        let iati = try run("/usr/bin/xmllint", ["--noout", "--nonet", "--schema", "\(Self.fixtures)/iati/iati-activities-schema.xsd", "\(data)/iati/activities.xml"])
        #expect(iati.status == 0, "\(iati)")
        let frictionless = try run("/usr/bin/env", ["python3", "-m", "frictionless", "validate", "--json", "\(data)/datapackage.json"])
        #expect(frictionless.status == 0 && frictionless.stdout.contains(#""valid": true"#), "\(frictionless)")
    }

    /// The negative side of the validators: they do reject broken files of each kind.
    @Test(arguments: ["ocds", "iati", "csv"])
    func theValidatorsCatchABrokenFile(_ kind: String) throws {
        let p = try PortalLedger.get()
        let dir = try temporaryDirectory("jhf-broken")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let copy = try run("/bin/cp", ["-r", "\(p.site)/data", "\(dir)/data"])
        #expect(copy.status == 0)
        let outcome: Outcome
        switch kind {
        case "ocds":
            let path = "\(dir)/data/ocds/releases-2026Q4.json"
            try write(path, try read(path).replacingOccurrences(of: #""tag":["implementation"]"#, with: #""tag":["payment"]"#))
            outcome = try run("/usr/bin/env", ["python3", "\(Self.fixtures)/ocds/validate.py", path])
        case "iati":
            let path = "\(dir)/data/iati/activities.xml"
            try write(path, try read(path).replacingOccurrences(of: "<transaction-type code=\"3\"/>", with: ""))
            outcome = try run("/usr/bin/xmllint", ["--noout", "--nonet", "--schema", "\(Self.fixtures)/iati/iati-activities-schema.xsd", path])
        default:
            let path = "\(dir)/data/csv/disbursements.csv"
            try write(path, try read(path).replacingOccurrences(of: ",2026-12-01,", with: ",1 December 2026,"))
            outcome = try run("/usr/bin/env", ["python3", "-m", "frictionless", "validate", "--json", "\(dir)/data/datapackage.json"])
        }
        #expect(outcome.status != 0, "\(kind): \(outcome)")
    }

    @Test func everyFigureAgreesWithTheQuarterlyReports() throws {
        let p = try PortalLedger.get()
        let reports = try temporaryDirectory("jhf-reports")
        defer { try? FileManager.default.removeItem(atPath: reports) }
        for q in ["2026Q4", "2027Q1"] {
            let r = try jhf(["report", "--bundle", p.bundle, "--quarter", q, "--format", "json"] + PortalLedger.thresholds)
            #expect(r.status == 0, "\(r)")
            try write("\(reports)/\(q).json", r.stdout)
        }
        let check = try run("/usr/bin/env", ["python3", Repo.path("Tests/Tools/check_open_data.py"), p.site, reports, PortalLedger.baseURL])
        #expect(check.status == 0, "\(check)")
        #expect(check.stdout.hasSuffix("0 disagreement(s)\n"), "\(check)")
    }

    /// The export bundle the downloads page offers is the log, verifiable offline as it is.
    @Test func theExportBundleVerifiesOffline() throws {
        let p = try PortalLedger.get()
        let v = try jhf("verify", "--bundle", "\(p.site)/data/export", "--genesis", p.genesis, "--witness-policy", PortalLedger.policy)
        #expect(v.status == 0 && v.stdout.hasPrefix("VALID") && v.stdout.contains("entries:      19\n"), "\(v)")
        #expect(try read("\(p.site)/data/export/entries.jsonl") == read("\(p.bundle)/entries.jsonl"))
    }

    /// Every sealed value of the test ledger (accounts, tax ids, notes) is searched for in
    /// every file the site holds: none may appear. Files are public (0644), none is 0600.
    @Test func sealedDataIsNeverPublished() throws {
        let p = try PortalLedger.get()
        var secrets: Set<String> = []
        for line in try read("\(p.bundle)/sealed.jsonl").split(separator: "\n") {
            guard case .object(let o)? = try? JSONParser.parse(Array(line.utf8)), case .object(let sealed)? = o["sealed"] else { continue }
            func collect(_ v: JSONValue) {
                switch v {
                case .string(let s) where s.count >= 6: secrets.insert(s)
                case .object(let m): for member in m.members { collect(member.value) }
                default: break
                }
            }
            collect(.object(sealed))
        }
        #expect(secrets.contains("014027000005555558") && secrets.contains("MAB9307148T4") && secrets.contains("Contract 118"), "\(secrets)")
        let files = filesUnder(p.site)
        #expect(files.count > 20)
        for f in files {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: "\(p.site)/\(f)"))
            let text = String(decoding: bytes, as: UTF8.self)
            for s in secrets { #expect(!text.contains(s), "\(f) holds sealed data: \(s)") }
            let mode = try FileManager.default.attributesOfItem(atPath: "\(p.site)/\(f)")[.posixPermissions] as? Int
            #expect(mode == 0o644, "\(f) has mode \(String(mode ?? 0, radix: 8))")
        }
    }

    @Test func publishingAgainWritesNothingAndOneMoreEntryRewritesOnlyWhatChanged() throws {
        let p = try PortalLedger.get()
        let dir = try temporaryDirectory("jhf-incremental")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for (from, to) in [(p.db, "\(dir)/ledger.sqlite"), (p.tiles, "\(dir)/tlog"), (p.site, "\(dir)/site"), ("\(p.dir)/keys", "\(dir)/keys")] {
            #expect(try run("/bin/cp", ["-a", from, to]).status == 0)
        }
        func contents() throws -> [String: Data] {
            try Dictionary(uniqueKeysWithValues: filesUnder("\(dir)/site").map { ($0, try Data(contentsOf: URL(fileURLWithPath: "\(dir)/site/\($0)"))) })
        }
        let before = try contents()
        let again = try p.publishSite("\(dir)/site", tiles: "\(dir)/tlog")
        #expect(again.status == 0 && again.stdout.hasSuffix(": 0 file(s) written, \(filesUnder(p.site).count) unchanged\n"), "\(again)")

        try write("\(dir)/p6.json", V11Ledger.payment("P-6", amount: 2500000, under: nil, program: "food_aid", municipality: "08037", currency: "USD"))
        #expect(try jhf(["propose", "--db", "\(dir)/ledger.sqlite", "--kind", "disbursement", "--file", "\(dir)/p6.json"], now: PortalLedger.q1).status == 0)
        for key in ["demo-shcp-ana", "demo-usaid-ben"] {
            #expect(try jhf(["approve", "--db", "\(dir)/ledger.sqlite", "--id", "P-6", "--key", "\(dir)/keys/\(key).key", "--yes"], now: PortalLedger.q1).status == 0)
        }
        #expect(try jhf(["publish", "tiles", "--db", "\(dir)/ledger.sqlite", "--out", "\(dir)/tlog", "--log-key", "\(dir)/keys/demo-job-log.key"], now: PortalLedger.q1).status == 0)
        for name in ["asf.test_witness", "gao.test_witness"] {
            #expect(try jhf(["checkpoint", "cosign", "--db", "\(dir)/ledger.sqlite", "--key", "\(dir)/keys/\(name).key"], now: PortalLedger.q1).status == 0)
        }
        #expect(try jhf(["publish", "tiles", "--db", "\(dir)/ledger.sqlite", "--out", "\(dir)/tlog"], now: PortalLedger.q1).status == 0)
        let one = try p.publishSite("\(dir)/site", tiles: "\(dir)/tlog")
        #expect(one.status == 0, "\(one)")
        let after = try contents()
        let changed = after.keys.filter { after[$0] != before[$0] }.sorted()
        // A Q1 payment without a contract in a municipality that had payments: its page of
        // payments and its municipality's page, the export, the CSV and IATI files it is in, the reports
        // (each quarter's carries the verdict of the new checkpoint), the package description
        // (it names the size) and the index. No contract, suspension or OCDS file, no portal code.
        #expect(changed == ["data/csv/disbursements.csv", "data/datapackage.json", "data/export/checkpoint", "data/export/entries.jsonl",
                            "data/iati/activities.xml",
                            "data/reports/2026Q4.html", "data/reports/2026Q4.json", "data/reports/2026Q4.md",
                            "data/reports/2027Q1.html", "data/reports/2027Q1.json", "data/reports/2027Q1.md",
                            "data/site/ledger.json", "data/site/payments/municipality/08037/page-0.json", "data/site/payments/page-0.json"])
        #expect(one.stdout.hasSuffix(": \(changed.count) file(s) written, \(after.count - changed.count) unchanged\n"), "\(one)")
    }

    @Test func aLogThatDoesNotVerifyPublishesNothing() throws {
        let p = try PortalLedger.get()
        let dir = try temporaryDirectory("jhf-badlog")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try run("/bin/cp", ["-a", p.tiles, "\(dir)/tlog"]).status == 0)
        let wrongGenesis = try jhf(["publish", "site", "--tiles", "\(dir)/tlog", "--out", "\(dir)/site1", "--genesis", String(repeating: "ab", count: 32),
                                    "--base-url", PortalLedger.baseURL, "--quiet"] + PortalLedger.thresholds)
        #expect(wrongGenesis.status == 1 && wrongGenesis.stdout.contains("R13") && wrongGenesis.stderr.contains("nothing was written"), "\(wrongGenesis)")
        #expect(!FileManager.default.fileExists(atPath: "\(dir)/site1"))
        let policy = try p.publishSite("\(dir)/site2", tiles: "\(dir)/tlog", ["--witness-policy", "3 of ASF,GAO,JOB"])
        #expect(policy.status == 1 && policy.stdout.contains("R12"), "\(policy)")
        // A tampered entry bundle.
        let bundle = "\(dir)/tlog/tile/entries/000.p/\(try filesUnder("\(dir)/tlog/tile/entries/000.p").first ?? "")"
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: bundle)))
        if let i = bytes.indices.first(where: { bytes[$0] == UInt8(ascii: "9") && $0 > 200 }) { bytes[i] = UInt8(ascii: "8") }
        try Data(bytes).write(to: URL(fileURLWithPath: bundle))
        let tampered = try p.publishSite("\(dir)/site3", tiles: "\(dir)/tlog")
        #expect(tampered.status == 1 && !FileManager.default.fileExists(atPath: "\(dir)/site3"), "\(tampered)")
    }

    struct Refusal: Sendable, CustomStringConvertible {
        let name: String
        let arguments: [String]
        let message: String
        var description: String { name }
    }

    static let refusals: [Refusal] = [
        Refusal(name: "relative base URL", arguments: ["--base-url", "transparencia.example.org"], message: "base_url: 'transparencia.example.org' must be an absolute http or https URL"),
        Refusal(name: "base URL with a query", arguments: ["--base-url", "https://x.example/?a=1"], message: "base_url"),
        Refusal(name: "ftp base URL", arguments: ["--base-url", "ftp://x.example/jhf"], message: "base_url"),
        Refusal(name: "short ocid prefix", arguments: ["--ocid-prefix", "ocds-abc"], message: "ocid_prefix: 'ocds-abc' must be 'ocds-' followed by six"),
        Refusal(name: "ocid prefix in capitals", arguments: ["--ocid-prefix", "OCDS-ABC123"], message: "ocid_prefix"),
        Refusal(name: "IATI org with a space", arguments: ["--iati-org", "MX RFC"], message: "iati_org"),
        Refusal(name: "absolute tiles path", arguments: ["--tiles-path", "/tlog/"], message: "tiles_path"),
        Refusal(name: "tiles path going up", arguments: ["--tiles-path", "../tlog/"], message: "tiles_path"),
        Refusal(name: "genesis not hex", arguments: ["--genesis", "xyz"], message: "genesis: must be 64 lowercase hex digits"),
        Refusal(name: "bad policy", arguments: ["--witness-policy", "4 of ASF,GAO,JOB"], message: "witness_policy"),
        Refusal(name: "bad threshold", arguments: ["--threshold", "MXN=abc"], message: "threshold"),
    ]

    @Test(arguments: refusals)
    func badArgumentsAreRefusedNamingTheField(_ r: Refusal) throws {
        let p = try PortalLedger.get()
        let dir = try temporaryDirectory("jhf-refused")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var args = ["publish", "site", "--tiles", p.tiles, "--out", "\(dir)/site", "--genesis", p.genesis, "--base-url", PortalLedger.baseURL, "--quiet"]
        var i = 0
        while i < r.arguments.count {
            if let at = args.firstIndex(of: r.arguments[i]) { args[at + 1] = r.arguments[i + 1] } else { args += [r.arguments[i], r.arguments[i + 1]] }
            i += 2
        }
        let o = try jhf(args)
        #expect(o.status == 2 && o.stderr.contains(r.message), "\(o)")
        #expect(!FileManager.default.fileExists(atPath: "\(dir)/site"))
    }
}
