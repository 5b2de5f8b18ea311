import Foundation
import LedgerCore
import Testing

/// `jhf monitor` following a published log: growth, and each kind of misbehaviour reported
/// with its exit code and evidence, the state left as it was.
@Suite struct MonitorCLITests {
    /// The demo ledger published to DIR/site, and the monitor's arguments.
    static func setUp() throws -> (DemoLedger, site: String, monitor: [String]) {
        let l = try DemoLedger.make()
        let site = "\(l.dir)/site"
        try l.must(jhf("publish", "tiles", "--db", l.db, "--out", site, "--log-key", l.key("demo-job-log")))
        try FileManager.default.createDirectory(atPath: "\(l.dir)/mon", withIntermediateDirectories: true)
        return (l, site, ["monitor", "--tiles", site, "--state", "\(l.dir)/mon/state"])
    }

    static func grow(_ l: DemoLedger, db: String? = nil, id: String, site: String) throws {
        try write(l.input(id), DemoLedger.d2.replacingOccurrences(of: #""id": "D-2""#, with: #""id": "\#(id)""#))
        try l.must(jhf("propose", "--db", db ?? l.db, "--kind", "disbursement", "--file", l.input(id)))
        try l.must(jhf("approve", "--db", db ?? l.db, "--id", id, "--key", l.key("demo-shcp-ana"), "--yes"))
        try l.must(jhf("approve", "--db", db ?? l.db, "--id", id, "--key", l.key("demo-usaid-ben"), "--yes"))
        try l.must(jhf("publish", "tiles", "--db", db ?? l.db, "--out", site, "--log-key", l.key("demo-job-log")))
    }

    @Test func growthIsReportedEntryByEntry() throws {
        let (l, site, monitor) = try Self.setUp()
        defer { l.remove() }
        let first = try jhf(monitor)
        #expect(first.stdout == """
            checkpoint of 4 entries: verified from genesis; 4 entries
              seq 1 disbursement D-1: 2,500,000.00 MXN to Clínica Comunitaria San Cristóbal (clinics, 15033)
              seq 2 disbursement D-2: 48,000,000.00 USD to Banco de Alimentos de Ciudad Juárez A.C. (food_aid, 08037)
              (+2 other entries)

            """, "\(first)")
        #expect(try jhf(monitor).stdout == "checkpoint of 4 entries: unchanged\n")
        try Self.grow(l, id: "D-3", site: site)
        let grown = try jhf(monitor)
        #expect(grown.status == 0 && grown.stdout == """
            checkpoint of 5 entries: consistent with the 4 seen; 1 new entries
              seq 4 disbursement D-3: 48,000,000.00 USD to Banco de Alimentos de Ciudad Juárez A.C. (food_aid, 08037)

            """, "\(grown)")
        // The state and the entries seen are kept next to each other.
        #expect(try read("\(l.dir)/mon/state") == (try read("\(site)/checkpoint")))
        #expect(try read("\(l.dir)/mon/state.entries").split(separator: "\n").count == 5)
    }

    /// With --interval it keeps following: a new round every second reports what was added.
    @Test func withAnIntervalItKeepsFollowing() throws {
        let (l, site, monitor) = try Self.setUp()
        defer { l.remove() }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Repo.jhf)
        p.arguments = Array(monitor) + ["--interval", "1"]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        defer { if p.isRunning { kill(p.processIdentifier, SIGKILL); p.waitUntilExit() } }
        func line() throws -> String {
            var bytes: [UInt8] = []
            while let b = try out.fileHandleForReading.read(upToCount: 1)?.first, b != 0x0A { bytes.append(b) }
            return String(decoding: bytes, as: UTF8.self)
        }
        #expect(try line() == "checkpoint of 4 entries: verified from genesis; 4 entries")
        try Self.grow(l, id: "D-3", site: site)
        var seen: [String] = []
        while seen.count < 40, !(seen.last ?? "").hasPrefix("checkpoint of 5 entries") { seen.append(try line()) }
        #expect(seen.last == "checkpoint of 5 entries: consistent with the 4 seen; 1 new entries", "\(seen)")
        #expect(try line().hasPrefix("  seq 4 disbursement D-3: "))
    }

    /// Each misbehaviour: the exit code, the first line, and that the state did not move.
    @Test(arguments: ["rewritten-entry", "fork", "withheld-tile", "policy-shortfall", "shrink"])
    func misbehaviourIsCaught(_ kind: String) throws {
        let (l, site, monitor) = try Self.setUp()
        defer { l.remove() }
        try FileManager.default.copyItem(atPath: l.db, toPath: "\(l.dir)/fork.sqlite")
        #expect(try jhf(monitor).status == 0)
        var args = monitor
        var status: Int32 = 1
        var first = ""
        switch kind {
        case "rewritten-entry":
            try Self.grow(l, id: "D-3", site: site)
            let file = "\(site)/tile/entries/000.p/5"
            var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
            let needle = Array(#""amount":4800000000"#.utf8)
            let at = try #require((0...(bytes.count - needle.count)).last { Array(bytes[$0..<($0 + needle.count)]) == needle })
            bytes[at + needle.count - 1] = UInt8(ascii: "1")
            try FileManager.default.removeItem(atPath: file)
            try Data(bytes).write(to: URL(fileURLWithPath: file))
            first = "INCONSISTENT: the published log breaks"
        case "fork":
            // Another history from entry 4 on, signed with the same log key, published elsewhere;
            // the monitor is pointed at it.
            let forkSite = "\(l.dir)/fork-site"
            try Self.grow(l, db: "\(l.dir)/fork.sqlite", id: "D-9", site: forkSite)
            try Self.grow(l, db: "\(l.dir)/fork.sqlite", id: "D-10", site: forkSite)
            try Self.grow(l, id: "D-3", site: site)
            args = ["monitor", "--tiles", forkSite, "--state", "\(l.dir)/mon/state"]
            _ = try jhf(monitor)  // the real log moves to 5
            first = "INCONSISTENT: a fork: the checkpoint of 6 entries is not consistent with the one of 5 seen"
        case "withheld-tile":
            try Self.grow(l, id: "D-3", site: site)
            try FileManager.default.removeItem(atPath: "\(site)/tile/entries/000.p/5")
            status = 3
            first = "error [io]: tiles: tile/entries/000.p/5 is missing (withheld?): entries from 0 cannot be read"
        case "policy-shortfall":
            try Self.grow(l, id: "D-3", site: site)
            args += ["--witness-policy", "1 of ASF"]
            first = "INCONSISTENT: the published log breaks 1 rule(s)"
        default:
            // The directory is replaced by an older publication of the same log.
            let old = "\(l.dir)/old-site"
            try l.must(jhf("publish", "tiles", "--db", "\(l.dir)/fork.sqlite", "--out", old, "--log-key", l.key("demo-job-log")))
            try Self.grow(l, id: "D-3", site: site)
            #expect(try jhf(monitor).status == 0)
            args = ["monitor", "--tiles", old, "--state", "\(l.dir)/mon/state"]
            first = "INCONSISTENT: the log shrank: 4 entries, after 5 were seen"
        }
        let before = try read("\(l.dir)/mon/state")
        let o = try jhf(args)
        #expect(o.status == status, "\(kind): \(o)")
        #expect((status == 1 ? o.stdout : o.stderr).hasPrefix(first), "\(kind): \(o)")
        #expect(try read("\(l.dir)/mon/state") == before, "\(kind): the state moved")
        if status == 1 {
            let evidence = try #require(o.stdout.split(separator: "\n").last { $0.hasPrefix("evidence: ") }).dropFirst("evidence: ".count)
            let json = try JSONParser.parse(Array(try read(String(evidence)).utf8))
            guard case .object(let e) = json else { throw Unexpected("evidence") }
            #expect(e["previous_checkpoint"] == .string(before) && e["checkpoint"] != nil, "\(kind)")
            if kind == "fork" { #expect(e["consistency_proof"] != .null) }
        }
    }
}
