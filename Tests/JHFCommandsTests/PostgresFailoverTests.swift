import Foundation
import JHFTestSupport
import LedgerCore
import LedgerStore
import Testing

/// The PostgreSQL store across machines' failures: a primary with a synchronous standby
/// (`synchronous_commit = remote_apply`), the primary's postmaster killed under co-signing
/// load, the standby promoted and the service restarted on it; and two services on one database.
@Suite("PostgreSQL: failover to a synchronous standby, one sequencer, bad databases")
struct PostgresFailoverTests {
    static let rounds = 5
    static let bench = Repo.products.appendingPathComponent("jhf-bench").path

    /// The driver's `committed D-N SEQ HASH` lines: every approval answered with a seq.
    static func answered(_ text: String) -> [Int64: String] {
        var out: [Int64: String] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ")
            guard parts.count == 4, parts[0] == "committed", let seq = Int64(parts[2]), parts[3].count == 64 else { continue }
            out[seq] = String(parts[3])
        }
        return out
    }

    /// Starts `jhf-bench drive` against `url` from disbursement `first`; its output is read when it is stopped.
    static func drive(_ url: String, first: Int, count: Int = 1_000_000) throws -> (Process, Pipe) {
        let driver = Process()
        driver.executableURL = URL(fileURLWithPath: bench)
        driver.arguments = ["drive", "--url", url, "--first", "\(first)", "--count", "\(count)", "--clients", "8"]
        let out = Pipe()
        driver.standardOutput = out
        driver.standardError = FileHandle.nullDevice
        try driver.run()
        return (driver, out)
    }

    static func stop(_ driver: Process, _ out: Pipe) -> String {
        kill(driver.processIdentifier, SIGKILL)
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        driver.waitUntilExit()
        return text
    }

    @Test func killingThePrimaryUnderLoadLosesNoAnsweredApproval() throws {
        let dir = try temporaryDirectory("jhf-pg-failover")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var rng = SystemRandomNumberGenerator()
        for round in 1...Self.rounds {
            let primary = try PostgresCluster(settings: [:], name: "jhf-pg-primary")
            defer { primary.remove() }
            let standby = try primary.makeStandby(application: "jhf_standby")
            defer { standby.remove() }
            try primary.requireSynchronousStandby("jhf_standby")
            let url = try primary.makeDatabase(prefix: "ledger")
            let config = "\(dir)/service-\(round).json"
            let prepared = try run(Self.bench, ["drive", "--prepare", "--db", url, "--config", config])
            try #require(prepared.status == 0, "\(prepared)")

            let (server, serviceURL) = try startService(db: url, config: config)
            let (driver, out) = try Self.drive(serviceURL, first: 1)
            let delay = UInt32.random(in: 300_000...1_500_000, using: &rng)
            usleep(delay / 2)
            // The standby serves reads while it streams: an auditor can verify against it.
            let onStandby = try jhf("verify", "--db", standby.url(database: Self.name(url)))
            #expect(onStandby.status == 0, "round \(round): verify on the hot standby: \(onStandby)")
            usleep(delay / 2)
            primary.killServer()
            // The service on the dead primary can answer nothing more; stop it and the driver.
            usleep(300_000)
            kill(server.processIdentifier, SIGKILL)
            server.waitUntilExit()
            let answered = Self.answered(Self.stop(driver, out))
            #expect(answered.count > 0, "round \(round): nothing was answered in \(delay / 1000) ms")

            try standby.promote()
            let promoted = standby.url(database: Self.name(url))
            var stored: [Int64: String] = [:]
            try LedgerStore(path: promoted).forEachEntryRow { row in stored[row.seq] = Hash.leaf(row.canonical).hex }
            for (seq, hash) in answered.sorted(by: { $0.key < $1.key }) {
                #expect(stored[seq] == hash, "round \(round): answered commit \(seq) is missing or differs on the promoted standby")
            }
            let verify = try jhf("verify", "--db", promoted)
            #expect(verify.status == 0, "round \(round): \(verify)")

            // Appends continue on the promoted standby, after everything that was there.
            let (again, againURL) = try startService(db: promoted, config: config)
            let (more, moreOut) = try Self.drive(againURL, first: 10_000_000, count: 20)
            more.waitUntilExit()
            let continued = Self.answered(String(decoding: moreOut.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
            #expect(continued.count == 20 && continued.keys.min()! >= Int64(stored.count), "round \(round): \(continued.keys.sorted())")
            kill(again.processIdentifier, SIGTERM)
            again.waitUntilExit()
            #expect(try jhf("verify", "--db", promoted).status == 0)
            print("failover round \(round): killed after \(delay / 1000) ms, \(answered.count) answered commits all on the standby, chain of \(stored.count) verifies, 20 more appended")
        }
    }

    @Test func twoServicesOnOneDatabaseTakeTurnsAsTheSequencer() throws {
        let (dir, cluster, url, config) = try Self.preparedLedger("two")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (first, firstURL) = try startService(db: url, config: config)
        defer { if first.isRunning { kill(first.processIdentifier, SIGKILL); first.waitUntilExit() } }
        // A second one refuses to start without --standby, naming the lock, exit 3.
        let refused = try jhf("serve", "--db", url, "--config", config, "--listen", "127.0.0.1:1")
        #expect(refused.status == 3 && refused.stderr.contains("another jhf serve is appending to \(url) (it holds the sequencer lock)"), "\(refused)")
        // With --standby it waits without listening, and takes over once the first is killed.
        let log = "\(dir)/standby.log"
        FileManager.default.createFile(atPath: log, contents: nil)
        let standbyLog = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        let port = Int.random(in: 20_000...60_000)
        let standby = Process()
        standby.executableURL = URL(fileURLWithPath: Repo.jhf)
        standby.arguments = ["serve", "--db", url, "--config", config, "--listen", "127.0.0.1:\(port)", "--standby"]
        standby.standardOutput = FileHandle.nullDevice
        standby.standardError = standbyLog
        try standby.run()
        defer { if standby.isRunning { kill(standby.processIdentifier, SIGKILL); standby.waitUntilExit() } }
        let (driver, out) = try Self.drive(firstURL, first: 1)
        usleep(800_000)
        #expect(httpGet(port: port, "/healthz") == nil, "the standby listens while the sequencer runs")
        kill(first.processIdentifier, SIGKILL)
        first.waitUntilExit()
        let answered = Self.answered(Self.stop(driver, out))
        #expect(answered.count > 0)
        var up = false
        for _ in 0..<100 where !up {
            up = httpGet(port: port, "/healthz")?.status == 200
            if !up { usleep(50_000) }
        }
        #expect(up, "the standby did not take over: \((try? String(contentsOfFile: log, encoding: .utf8)) ?? "")")
        let (more, moreOut) = try Self.drive("http://127.0.0.1:\(port)", first: 5_000_000, count: 20)
        more.waitUntilExit()
        let continued = Self.answered(String(decoding: moreOut.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
        #expect(continued.count == 20)
        #expect(Set(continued.keys).isDisjoint(with: answered.keys), "two entries with the same seq")
        var stored: [Int64: String] = [:]
        try LedgerStore(path: url).forEachEntryRow { row in stored[row.seq] = Hash.leaf(row.canonical).hex }
        for (seq, hash) in answered.merging(continued, uniquingKeysWith: { a, _ in a }) { #expect(stored[seq] == hash, "seq \(seq)") }
        #expect(try jhf("verify", "--db", url).status == 0)
        let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        #expect(text.contains("standby: another jhf serve holds the sequencer lock; waiting to take over") && text.contains("took over as the sequencer"))
    }

    /// The sequencer's database session ends (a network cut, an administrator, a server
    /// restart): it stops with exit 3, and the standby takes over.
    @Test func aSequencerThatLosesItsSessionStopsAndTheStandbyTakesOver() throws {
        let (dir, cluster, url, config) = try Self.preparedLedger("lost")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let log = "\(dir)/first.log"
        FileManager.default.createFile(atPath: log, contents: nil)
        let (first, _) = try startService(db: url, config: config, stderr: try FileHandle(forWritingTo: URL(fileURLWithPath: log)))
        defer { if first.isRunning { kill(first.processIdentifier, SIGKILL); first.waitUntilExit() } }
        let port = Int.random(in: 20_000...60_000)
        let standby = Process()
        standby.executableURL = URL(fileURLWithPath: Repo.jhf)
        standby.arguments = ["serve", "--db", url, "--config", config, "--listen", "127.0.0.1:\(port)", "--standby"]
        standby.standardOutput = FileHandle.nullDevice
        standby.standardError = FileHandle.nullDevice
        try standby.run()
        defer { if standby.isRunning { kill(standby.processIdentifier, SIGKILL); standby.waitUntilExit() } }
        usleep(500_000)
        // The session holding the sequencer lock, ended from the server's side.
        let ended = try cluster.psql("""
            SELECT count(pg_terminate_backend(pid)) FROM pg_locks WHERE locktype = 'advisory' AND granted
              AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
            """, database: Self.name(url))
        #expect(ended == "1\n")
        for _ in 0..<100 where first.isRunning { usleep(50_000) }
        #expect(!first.isRunning && first.terminationStatus == 3, "the sequencer did not stop")
        let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        #expect(text.contains("lost the database connection; stopping") && text.contains("error [io]: serve:"), "\(text)")
        var up = false
        for _ in 0..<100 where !up {
            up = httpGet(port: port, "/healthz")?.status == 200
            if !up { usleep(50_000) }
        }
        #expect(up, "the standby did not take over")
        let (more, out) = try Self.drive("http://127.0.0.1:\(port)", first: 1, count: 10)
        more.waitUntilExit()
        #expect(Self.answered(String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)).count == 10)
    }

    /// A benchmark ledger in a new database of the shared cluster, and its service config in a new directory.
    static func preparedLedger(_ prefix: String) throws -> (dir: String, cluster: PostgresCluster, url: String, config: String) {
        let dir = try temporaryDirectory("jhf-pg-\(prefix)")
        let cluster = try PostgresCluster.shared.get()
        let url = try cluster.makeDatabase(prefix: prefix)
        let config = "\(dir)/service.json"
        let prepared = try run(bench, ["drive", "--prepare", "--db", url, "--config", config])
        guard prepared.status == 0 else { throw Unexpected("\(prepared)") }
        return (dir, cluster, url, config)
    }

    static func name(_ url: String) -> String { String(url.split(separator: "/").last!) }
}

/// `jhf verify --db` on a ledger the service is appending to: it reads one moment of it (one
/// read transaction), so entries, Merkle nodes, checkpoint and sealed records agree.
@Suite struct VerifyUnderLoadTests {
    @Test(arguments: ["sqlite", "postgresql"])
    func verifyingALedgerUnderLoadSeesOneMoment(_ engine: String) throws {
        let dir = try temporaryDirectory("jhf-verify-load")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let db = engine == "sqlite" ? "\(dir)/ledger.sqlite" : try PostgresCluster.shared.get().makeDatabase(prefix: "live")
        let config = "\(dir)/service.json"
        try #require(try run(PostgresFailoverTests.bench, ["drive", "--prepare", "--db", db, "--config", config]).status == 0)
        let (server, url) = try startService(db: db, config: config)
        defer { if server.isRunning { kill(server.processIdentifier, SIGKILL); server.waitUntilExit() } }
        let (driver, out) = try PostgresFailoverTests.drive(url, first: 1)
        for _ in 0..<4 {
            usleep(300_000)
            let v = try jhf("verify", "--db", db)
            #expect(v.status == 0, "\(engine): \(v)")
        }
        #expect(PostgresFailoverTests.answered(PostgresFailoverTests.stop(driver, out)).count > 0)
    }
}
