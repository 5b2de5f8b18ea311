import Foundation
import LedgerCore
import LedgerStore
import Testing

/// The service is killed with SIGKILL while clients are co-signing through it, and restarted:
/// every approval that was answered with a seq is in the chain with the same hash, and the
/// chain verifies. At the end SIGTERM stops the service cleanly (exit 0).
@Suite struct ServiceKillTests {
    static let rounds = 4

    @Test func sigkillUnderApprovalLoadLosesNothingAnswered() throws {
        let dir = try temporaryDirectory("jhf-svc-kill")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let db = "\(dir)/ledger.sqlite", config = "\(dir)/service.json"
        let bench = Repo.products.appendingPathComponent("jhf-bench").path
        let prepared = try run(bench, ["drive", "--prepare", "--db", db, "--config", config])
        try #require(prepared.status == 0, "\(prepared)")

        var answered: [Int64: String] = [:]
        var first = 1
        var rng = SystemRandomNumberGenerator()
        for round in 0..<Self.rounds {
            let (server, url) = try startService(db: db, config: config)
            let driver = Process()
            driver.executableURL = URL(fileURLWithPath: bench)
            driver.arguments = ["drive", "--url", url, "--first", "\(first)", "--clients", "16"]
            let out = Pipe()
            driver.standardOutput = out
            driver.standardError = FileHandle.nullDevice
            try driver.run()
            usleep(UInt32.random(in: 400_000...1_200_000, using: &rng))
            kill(server.processIdentifier, SIGKILL)
            server.waitUntilExit()
            // Every line the driver printed came from an answer received before the kill; stop it
            // rather than let its clients wait out their timeouts against a dead port.
            usleep(200_000)
            kill(driver.processIdentifier, SIGKILL)
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            driver.waitUntilExit()
            var reportedThisRound = 0
            for line in text.split(separator: "\n") {
                let parts = line.split(separator: " ")
                guard parts.count == 4, parts[0] == "committed", let seq = Int64(parts[2]), parts[3].count == 64 else { continue }
                answered[seq] = String(parts[3])
                reportedThisRound += 1
            }
            #expect(reportedThisRound > 0, "round \(round): nothing was committed before the kill")
            first += 1_000_000  // fresh ids each round; proposals left pending stay pending

            let verify = try jhf("verify", "--db", db)
            #expect(verify.status == 0, "round \(round): \(verify)")
            var stored: [Int64: String] = [:]
            try LedgerStore(path: db).forEachEntryRow { row in stored[row.seq] = Hash.leaf(row.canonical).hex }
            for (seq, hash) in answered {
                #expect(stored[seq] == hash, "round \(round): answered commit \(seq) is missing or differs")
            }
        }

        // A clean stop: SIGTERM finishes in-flight requests and closes the store.
        let (server, url) = try startService(db: db, config: config)
        let size = try LedgerStore(path: db).state.size
        let info = httpGet(port: Int(url.split(separator: ":").last!)!, "/v1/ledger")
        #expect(info?.status == 200 && info?.body.contains("\"size\":\(size)") == true, "\(String(describing: info))")
        kill(server.processIdentifier, SIGTERM)
        server.waitUntilExit()
        #expect(server.terminationReason == .exit && server.terminationStatus == 0)
        #expect(!FileManager.default.fileExists(atPath: db + "-wal") || (try? FileManager.default.attributesOfItem(atPath: db + "-wal")[.size] as? Int) == 0,
                "a clean stop checkpoints and removes the WAL")
    }

    /// The service signs a checkpoint when officers co-sign through it; a proof fetched over
    /// HTTP checks out offline, and a remote verify checks the service's checkpoint.
    @Test func proofFetchedFromTheServiceChecksOutOffline() throws {
        let l = try DemoLedger.make()
        defer { l.remove() }
        let token = "\(l.dir)/admin.token"
        try write(token, try read(Repo.path("Keys.example/tokens/admin.token")), mode: 0o600)
        let (server, url) = try startService(db: l.db, config: Repo.path("Keys.example/service.json"), extra: ["--log-key", l.key("demo-job-log")])
        defer { if server.isRunning { server.terminate(); server.waitUntilExit() } }
        let remote = ["--server", url, "--token-file", token]
        try write(l.input("d3"), DemoLedger.d2.replacingOccurrences(of: #""id": "D-2""#, with: #""id": "D-3""#))
        try l.must(jhf(remote + ["propose", "--kind", "disbursement", "--file", l.input("d3")]))
        for key in ["demo-shcp-ana", "demo-usaid-ben"] { try l.must(jhf(remote + ["approve", "--id", "D-3", "--key", l.key(key), "--yes"])) }
        let proofFile = "\(l.dir)/d1.proof.json"
        try l.must(jhf(remote + ["proof", "--id", "D-1", "--out", proofFile]))
        let ok = try jhf("verify-proof", proofFile, "--keys", Repo.path("Keys.example/registry.json"))
        #expect(ok.stdout == "VALID: disbursement D-1 is entry 1 of ledger jhf.cli.test; checkpoint of 5 entries signed by demo-job-log\n", "\(ok)")
        let verify = try jhf(remote + ["verify"])
        #expect(verify.status == 0 && verify.stdout.contains("checkpoint:   5 entries, root "), "\(verify)")
        // The quarterly report from the service's entries and checkpoint is the database's, byte for byte.
        let report = ["report", "--quarter", "2026Q4", "--threshold", "MXN=430000", "--format", "json"]
        let fromService = try jhf(remote + report)
        #expect(fromService.status == 0 && fromService.stdout.contains(#""checkpoint":{"log_signatures":["demo-job-log"]"#), "\(fromService)")
        #expect(fromService.stdout == (try jhf(report + ["--db", l.db])).stdout)

        // An approver cosigns over HTTP, after checking the log's signature with the published keys.
        let officer = "\(l.dir)/officer.token"
        try write(officer, try read(Repo.path("Keys.example/tokens/usaid-officer.token")), mode: 0o600)
        let cosign = ["checkpoint", "cosign", "--server", url, "--token-file", officer, "--key", l.key("demo-usaid-ben")]
        let noKeys = try jhf(cosign)
        #expect(noKeys.status == 2 && noKeys.stderr == "error [argument]: keys: with --server, give --keys KEYS.json to check the log's signature on the checkpoint\n", "\(noKeys)")
        let withKeys = cosign + ["--keys", Repo.path("Keys.example/registry.json")]
        #expect(try jhf(withKeys).stdout == "cosigned the checkpoint of 5 entries as demo-usaid-ben\n")
        try write(l.input("d4"), DemoLedger.d2.replacingOccurrences(of: #""id": "D-2""#, with: #""id": "D-4""#))
        try l.must(jhf(remote + ["propose", "--kind", "disbursement", "--file", l.input("d4")]))
        for key in ["demo-shcp-ana", "demo-usaid-ben"] { try l.must(jhf(remote + ["approve", "--id", "D-4", "--key", l.key(key), "--yes"])) }
        let second = try jhf(withKeys)
        #expect(second.stdout == "cosigned the checkpoint of 6 entries as demo-usaid-ben (consistent with the checkpoint of 5 entries you cosigned before)\n", "\(second)")
        let cosigned = try jhf(remote + ["verify", "--json"])
        #expect(cosigned.status == 0 && cosigned.stdout.contains(#""cosignatures":[{"institution":"USAID","name":"demo-usaid-ben","timestamp":"#)
                && cosigned.stdout.contains(#""log_signatures":["demo-job-log"],"origin":"jhf-ledger/jhf.cli.test","other_signatures":0,"root""#), "\(cosigned)")
        kill(server.processIdentifier, SIGTERM)
        server.waitUntilExit()
    }
}
