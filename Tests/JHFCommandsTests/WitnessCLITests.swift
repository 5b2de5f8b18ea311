import Foundation
import LedgerCore
import Testing

/// A started `jhf witness serve` process and the URL it listens on.
struct WitnessProcess {
    let process: Process
    let url: String

    /// Starts a witness with `key` and `config` on a free port; waits for 'listening on'.
    static func start(key: String, config: String) throws -> WitnessProcess {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Repo.jhf)
        p.arguments = ["witness", "serve", "--key", key, "--config", config, "--listen", "127.0.0.1:0", "--log-level", "critical"]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        var line: [UInt8] = []
        while let byte = try out.fileHandleForReading.read(upToCount: 1), let b = byte.first, b != 0x0A { line.append(b) }
        let text = String(decoding: line, as: UTF8.self)
        guard text.hasPrefix("listening on ") else { p.terminate(); throw Unexpected("the witness did not start: \(text)") }
        return WitnessProcess(process: p, url: "http://" + text.dropFirst("listening on ".count))
    }

    func stop(_ signal: Int32 = SIGTERM) {
        if process.isRunning { kill(process.processIdentifier, signal) }
        process.waitUntilExit()
    }
}

/// The log side and the witness side together: `jhf serve` submits every checkpoint to two
/// `jhf witness serve` processes (ASF and GAO), stores their cosignatures, and a verifier
/// holds the checkpoint to a 2-of-3 policy; a forked service is refused by the witnesses.
@Suite("Witnesses end to end", .serialized)
struct WitnessCLITests {
    static let witnesses = [("asf.example/witness", "ASF"), ("gao.example/witness", "GAO")]

    /// The demo ledger plus a key_update adding both witness keys; the witnesses' configs.
    static func ledgerWithWitnesses() throws -> (DemoLedger, [(key: String, config: String, publicKey: String)]) {
        let l = try DemoLedger.make()
        var added: [String] = []
        var out: [(String, String, String)] = []
        let logKey = try JSONParser.parse(Array(try read(Repo.path("Keys.example/registry.json")).utf8))
        guard case .array(let keys) = logKey, case .object(let log)? = keys.first(where: { if case .object(let o) = $0 { return o["role"] == .string("log") }; return false }),
              case .string(let logPublic)? = log["public_key"] else { throw Unexpected("registry") }
        for (name, institution) in witnesses {
            let made = try l.must(jhf("keygen", "--name", name, "--role", "witness", "--institution", institution, "--out", "\(l.dir)/keys"))
            added.append(made.stdout.trimmingCharacters(in: .newlines))
            guard case .object(let o) = try JSONParser.parse(Array(made.stdout.utf8)), case .string(let pub)? = o["public_key"] else { throw Unexpected("keygen") }
            let config = "\(l.dir)/\(institution).witness.json"
            try write(config, #"{"state": "\#(institution).witness.db", "logs": [{"origin": "jhf-ledger/jhf.cli.test", "keys": [{"name": "demo-job-log", "public_key": "\#(logPublic)"}]}]}"#)
            out.append(("\(l.dir)/keys/\(name.replacingOccurrences(of: "/", with: "_")).key", config, pub))
        }
        try write(l.input("k1"), #"{"id": "K-1", "add": [\#(added.joined(separator: ","))], "revoke": [], "reason": "Witnesses ASF and GAO"}"#)
        try l.must(jhf("propose", "--db", l.db, "--kind", "key_update", "--file", l.input("k1")))
        try l.approve("K-1")
        return (l, out)
    }

    static func serviceConfig(_ l: DemoLedger, witnesses: [(url: String, name: String, publicKey: String)], to path: String) throws {
        var text = try read(Repo.path("Keys.example/service.json")).trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.hasSuffix("}") else { throw Unexpected("config") }
        text.removeLast()
        let list = JSONValue.array(witnesses.map { .object(["url": .string($0.url), "name": .string($0.name), "public_key": .string($0.publicKey)]) })
        try write(path, text + #", "witness_policy": "2 of ASF,GAO,JOB", "witnesses": "# + String(decoding: list.canonicalBytes, as: UTF8.self) + "}")
    }

    /// Polls the service's checkpoint until it carries `lines` signature lines at size `size`.
    static func waitForCheckpoint(port: Int, size: Int, lines: Int) -> String? {
        for _ in 0..<200 {
            if let c = httpGet(port: port, "/v1/checkpoint"), c.status == 200 {
                let parts = c.body.split(separator: "\n", omittingEmptySubsequences: false)
                if parts.count > 1, parts[1] == "\(size)", c.body.components(separatedBy: "\n— ").count - 1 == lines { return c.body }
            }
            usleep(50_000)
        }
        return nil
    }

    @Test func serviceGathersCosignaturesAndAVerifierHoldsThePolicy() throws {
        let (l, keys) = try Self.ledgerWithWitnesses()
        defer { l.remove() }
        let asf = try WitnessProcess.start(key: keys[0].key, config: keys[0].config)
        let gao = try WitnessProcess.start(key: keys[1].key, config: keys[1].config)
        defer { asf.stop(); gao.stop() }
        let config = "\(l.dir)/service.json"
        try Self.serviceConfig(l, witnesses: [(asf.url, Self.witnesses[0].0, keys[0].publicKey), (gao.url, Self.witnesses[1].0, keys[1].publicKey)], to: config)
        let token = "\(l.dir)/admin.token"
        try write(token, try read(Repo.path("Keys.example/tokens/admin.token")), mode: 0o600)
        // A copy of the ledger before the service appends: the fork's starting point.
        try FileManager.default.copyItem(atPath: l.db, toPath: "\(l.dir)/fork.sqlite")
        let (server, url) = try startService(db: l.db, config: config, extra: ["--log-key", l.key("demo-job-log")])
        defer { if server.isRunning { server.terminate(); server.waitUntilExit() } }
        let port = Int(url.split(separator: ":").last!)!
        let remote = ["--server", url, "--token-file", token]
        try write(l.input("d3"), DemoLedger.d2.replacingOccurrences(of: #""id": "D-2""#, with: #""id": "D-3""#))
        try l.must(jhf(remote + ["propose", "--kind", "disbursement", "--file", l.input("d3")]))
        for key in ["demo-shcp-ana", "demo-usaid-ben"] { try l.must(jhf(remote + ["approve", "--id", "D-3", "--key", l.key(key), "--yes"])) }

        // Entries 0-3, K-1 at 4, D-3 at 5: the checkpoint of 6 gains both witnesses' lines.
        let note = try #require(Self.waitForCheckpoint(port: port, size: 6, lines: 3), "the checkpoint was not cosigned by both witnesses")
        #expect(note.contains("\n— asf.example/witness ") && note.contains("\n— gao.example/witness "))
        let verified = try jhf(remote + ["verify", "--witness-policy", "2 of ASF,GAO,JOB"])
        // Line order is the order the witnesses answered in.
        let cosignedBy = verified.stdout.split(separator: "\n").first { $0.hasPrefix("cosigned by:  ") } ?? ""
        #expect(verified.status == 0 && cosignedBy.contains("asf.example/witness (ASF)") && cosignedBy.contains("gao.example/witness (GAO)")
                && cosignedBy.hasSuffix("; witness policy 2 of ASF,GAO,JOB"), "\(verified)")
        #expect(try jhf(remote + ["verify", "--witness-policy", "3 of ASF,GAO,JOB"]).status == 1)
        let metrics = httpGet(port: port, "/metrics")?.body ?? ""
        #expect(metrics.contains(#"jhf_witness_lag_entries{witness="asf.example/witness"} 0"#) && metrics.contains("jhf_witness_policy_met 1"), "\(metrics)")

        // A witness that is down never blocks appends; the other still cosigns.
        gao.stop(SIGKILL)
        try write(l.input("d4"), DemoLedger.d2.replacingOccurrences(of: #""id": "D-2""#, with: #""id": "D-4""#))
        try l.must(jhf(remote + ["propose", "--kind", "disbursement", "--file", l.input("d4")]))
        for key in ["demo-shcp-ana", "demo-usaid-ben"] { try l.must(jhf(remote + ["approve", "--id", "D-4", "--key", l.key(key), "--yes"])) }
        #expect(Self.waitForCheckpoint(port: port, size: 7, lines: 2) != nil)
        #expect(try jhf(remote + ["verify", "--witness-policy", "2 of ASF,GAO,JOB"]).status == 1)
        #expect(httpGet(port: port, "/metrics")?.body.contains(#"jhf_witness_failures_total{witness="gao.example/witness"}"#) == true)

        // A restarted service believes the witness has nothing (old size 0): the witness answers
        // 409 with the size it cosigned, and the service resends from there.
        server.terminate()
        server.waitUntilExit()
        let (again, againURL) = try startService(db: l.db, config: config, extra: ["--log-key", l.key("demo-job-log")])
        defer { if again.isRunning { again.terminate(); again.waitUntilExit() } }
        let againRemote = ["--server", againURL, "--token-file", token]
        try write(l.input("d5"), DemoLedger.d2.replacingOccurrences(of: #""id": "D-2""#, with: #""id": "D-5""#))
        try l.must(jhf(againRemote + ["propose", "--kind", "disbursement", "--file", l.input("d5")]))
        for key in ["demo-shcp-ana", "demo-usaid-ben"] { try l.must(jhf(againRemote + ["approve", "--id", "D-5", "--key", l.key(key), "--yes"])) }
        let resent = try #require(Self.waitForCheckpoint(port: Int(againURL.split(separator: ":").last!)!, size: 8, lines: 2), "no cosignature after the restart")
        #expect(resent.contains("\n— asf.example/witness "))

        // A fork: another service over the copy signs a different entry 5 with the same log key.
        // The witness that cosigned the real history refuses it and keeps the evidence.
        let forkConfig = "\(l.dir)/fork.json"
        try Self.serviceConfig(l, witnesses: [(asf.url, Self.witnesses[0].0, keys[0].publicKey)], to: forkConfig)
        let (forkServer, forkURL) = try startService(db: "\(l.dir)/fork.sqlite", config: forkConfig, extra: ["--log-key", l.key("demo-job-log")])
        defer { if forkServer.isRunning { forkServer.terminate(); forkServer.waitUntilExit() } }
        let forkRemote = ["--server", forkURL, "--token-file", token]
        // Three entries (sizes 6 to 8): the witness, at 8, sees the fork's checkpoint of 8 with
        // another root (409), or a later one whose proof from its 8 does not hold (422).
        for id in ["D-9", "D-10", "D-11"] {
            try write(l.input(id), DemoLedger.d2.replacingOccurrences(of: #""id": "D-2""#, with: #""id": "\#(id)""#))
            try l.must(jhf(forkRemote + ["propose", "--kind", "disbursement", "--file", l.input(id)]))
            for key in ["demo-shcp-ana", "demo-usaid-ben"] { try l.must(jhf(forkRemote + ["approve", "--id", id, "--key", l.key(key), "--yes"])) }
        }
        var evidence = ""
        for _ in 0..<100 where evidence.isEmpty {
            usleep(100_000)
            evidence = (try? run("/usr/bin/sqlite3", ["\(l.dir)/ASF.witness.db", "SELECT reason FROM evidence"]).stdout) ?? ""
        }
        #expect(evidence.hasPrefix("same size 8, another root") || evidence.hasPrefix("inconsistent: "), "\(evidence)")
        let forkNote = httpGet(port: Int(forkURL.split(separator: ":").last!)!, "/v1/checkpoint")?.body ?? ""
        #expect(!forkNote.contains("asf.example/witness"), "the witness must not cosign the fork")
        #expect(try jhf(forkRemote + ["verify", "--witness-policy", "1 of ASF"]).status == 1)
    }

    /// The witness's state survives SIGKILL in the middle of updates and never goes back: after
    /// each kill it remembers at least the last size it answered 200 for, with that root.
    @Test func witnessStateSurvivesSIGKILL() throws {
        let dir = try temporaryDirectory("jhf-witness-kill")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let logKey = LedgerBuilder.testKey("kill-log")
        let origin = "jhf-ledger/kill.test"
        let made = try jhf("keygen", "--name", "kill-witness", "--role", "witness", "--institution", "ASF", "--out", dir)
        #expect(made.status == 0)
        let config = "\(dir)/witness.json"
        try write(config, #"{"state": "w.db", "logs": [{"origin": "\#(origin)", "keys": [{"name": "kill-log", "public_key": "\#(logKey.publicKey.base64)"}]}]}"#)
        let leaves = (0..<400).map { Hash.leaf(Array("entry-\($0)".utf8)) }
        var levels: [[Hash]] = [leaves]
        while levels.last!.count > 1 {
            let below = levels.last!
            levels.append(stride(from: 0, to: below.count - 1, by: 2).map { Hash.node(below[$0], below[$0 + 1]) })
        }
        func node(_ level: Int, _ index: Int64) -> Hash { levels[level][Int(index)] }
        func body(old: Int, size: Int) throws -> [UInt8] {
            let text = Checkpoint(origin: origin, size: Int64(size), root: Merkle.root(size: Int64(size), node: node)).text
            let note = SignedNote(text: text, signatures: [SignedNote.sign(text, name: "kill-log", key: logKey)])
            let proof = old == 0 || old == size ? [] : try Merkle.consistencyPath(first: Int64(old), second: Int64(size), node: node)
            return try AddCheckpointRequest(oldSize: Int64(old), proof: proof, note: note).bytes
        }
        var acknowledged = 0
        var size = 0
        for round in 0..<4 {
            let witness = try WitnessProcess.start(key: "\(dir)/kill-witness.key", config: config)
            let port = Int(witness.url.split(separator: ":").last!)!
            // What it remembers: sending from 0 gets 409 with its size (none yet: 200).
            let probe = try #require(httpPost(port: port, "/add-checkpoint", body: try body(old: 0, size: max(1, size))))
            if round == 0 {
                #expect(probe.status == 200)
                (size, acknowledged) = (1, 1)
            } else {
                let remembered = Int(probe.body.dropLast()) ?? -1
                #expect(probe.status == 409 && remembered >= acknowledged && remembered <= leaves.count, "round \(round): \(probe)")
                size = remembered
                // Its root is the one it cosigned: the same checkpoint is cosigned again.
                #expect(httpPost(port: port, "/add-checkpoint", body: try body(old: size, size: size))?.status == 200)
            }
            // Grow one entry at a time from another thread, and SIGKILL it meanwhile.
            let killer = Thread { usleep(UInt32.random(in: 20_000...120_000)); kill(witness.process.processIdentifier, SIGKILL) }
            killer.start()
            while size < leaves.count, let reply = httpPost(port: port, "/add-checkpoint", body: try body(old: size, size: size + 1)), reply.status == 200 {
                size += 1
                acknowledged = size
            }
            witness.stop(SIGKILL)
        }
        #expect(acknowledged > 1)
        let mode = try FileManager.default.attributesOfItem(atPath: "\(dir)/w.db")[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }
}
