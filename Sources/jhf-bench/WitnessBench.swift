import ArgumentParser
import Foundation
import LedgerCore

/// `jhf-bench witness`: add-checkpoint requests per second that a `jhf witness serve` (the
/// release binary beside this one) answers, each with a consistency proof of about 20 hashes.
///
/// The logs are synthetic trees of about a million leaves (all nodes kept in memory); each
/// client follows its own log (its own origin), one request after the other on a keep-alive
/// connection, every request growing its log by a few entries from the size last cosigned, so
/// every request is a real update: log signature, proof check, durable state write, cosignature.
struct WitnessBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "witness", abstract: "add-checkpoint requests/s of jhf witness serve, proofs of ~20 hashes.")

    @Option(help: "Leaves each log starts with.") var base = 1_000_000
    @Option(help: "Requests per client.") var requests = 2_000
    @Option(help: "Each request grows its log by 1 to this many entries (pseudo-random, the same every run).") var maxStep = 1_000
    @Option(help: "Concurrent clients, each with its own log.") var clients = 8
    @Option(help: "The jhf executable (default: next to jhf-bench).") var jhf: String?

    func run() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jhf-witness-bench-\(getpid())").path
        try? FileManager.default.removeItem(atPath: dir)
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let jhf = jhf ?? URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("jhf").path

        // The tree: every complete subtree, level by level.
        // The sizes every log goes through (the same for each: the logs differ by origin).
        var rng = SplitMix(seed: 0x1F19)
        var sizes = [base]
        for _ in 0..<requests { sizes.append(sizes.last! + 1 + Int(rng.next() % UInt64(maxStep))) }
        let leaves = sizes.last! + 1
        var levels: [[Hash]] = [(0..<leaves).map { Hash.leaf(Array("leaf-\($0)".utf8)) }]
        while levels.last!.count > 1 {
            let below = levels.last!
            levels.append(stride(from: 0, to: below.count - 1, by: 2).map { Hash.node(below[$0], below[$0 + 1]) })
        }
        let node: Merkle.NodeReader = { level, index in levels[level][Int(index)] }
        let logKey = LedgerBuilder.testKey("bench-witness-log")
        let witnessKey = LedgerBuilder.testKey("bench-witness")
        let keyFile = "\(dir)/witness.key"
        let key = JSONValue.object(["institution": .string("ASF"), "name": .string("bench.example/witness"), "role": .string("witness"),
                                    "secret_key": .string(Base64.encode(witnessKey.seedForExport))])
        guard FileManager.default.createFile(atPath: keyFile, contents: Data(key.canonicalBytes), attributes: [.posixPermissions: 0o600]) else {
            throw BenchError("cannot write \(keyFile)")
        }
        let origins = (0..<clients).map { "bench.example/log-\($0)" }
        let logs = origins.map { "{\"origin\": \"\($0)\", \"keys\": [{\"name\": \"bench-log\", \"public_key\": \"\(logKey.publicKey.base64)\"}]}" }
        try Data("{\"state\": \"witness.db\", \"logs\": [\(logs.joined(separator: ","))]}".utf8).write(to: URL(fileURLWithPath: "\(dir)/witness.json"))

        // Every request body, made before the clock starts.
        var proofHashes = 0
        let bodies: [[[UInt8]]] = try origins.map { origin in
            var out: [[UInt8]] = []
            var old = 0
            for (i, size) in sizes.enumerated() {
                let text = Checkpoint(origin: origin, size: Int64(size), root: try Merkle.root(size: Int64(size), node: node)).text
                let note = SignedNote(text: text, signatures: [SignedNote.sign(text, name: "bench-log", key: logKey)])
                let proof = old == 0 ? [] : try Merkle.consistencyPath(first: Int64(old), second: Int64(size), node: node)
                if i > 0 { proofHashes += proof.count }
                out.append(try AddCheckpointRequest(oldSize: Int64(old), proof: proof, note: note).bytes)
                old = size
            }
            return out
        }
        levels = []

        let server = Process()
        server.executableURL = URL(fileURLWithPath: jhf)
        server.arguments = ["witness", "serve", "--key", keyFile, "--config", "\(dir)/witness.json", "--listen", "127.0.0.1:0", "--log-level", "error"]
        let out = Pipe()
        server.standardOutput = out
        try server.run()
        defer { if server.isRunning { server.terminate(); server.waitUntilExit() } }
        var line: [UInt8] = []
        while let b = try out.fileHandleForReading.read(upToCount: 1)?.first, b != 0x0A { line.append(b) }
        guard let port = Int(String(decoding: line, as: UTF8.self).split(separator: ":").last ?? "") else { throw BenchError("the witness did not start") }

        // First contact (old 0) is not timed; then every client grows its log.
        for c in 0..<clients {
            let (status, _) = try SocketHTTP(port: port).post("/add-checkpoint", token: "", body: bodies[c][0])
            guard status == 200 else { throw BenchError("first contact: HTTP \(status)") }
        }
        let results = SocketLoad.Results()
        let start = Measure.now()
        let done = DispatchGroup()
        let threads = (0..<clients).map { c in
            Thread {
                defer { done.leave() }
                do {
                    let connection = try SocketHTTP(port: port)
                    var latencies: [Double] = []
                    for i in 1...requests {
                        let t = Measure.now()
                        let (status, reply) = try connection.post("/add-checkpoint", token: "", body: bodies[c][i])
                        latencies.append(Measure.now() - t)
                        guard status == 200, reply.first == 0xE2 else { throw BenchError("request \(i) of log \(c): HTTP \(status)") }
                    }
                    results.add(latencies)
                } catch { results.fail(error) }
            }
        }
        threads.forEach { done.enter(); $0.stackSize = 1 << 20; $0.start() }
        done.wait()
        let seconds = Measure.now() - start
        if let e = results.error { throw e }
        let sorted = results.latencies.sorted()
        let total = clients * requests
        print("witness:     \(total) add-checkpoint requests from \(clients) clients (one log each) in \(String(format: "%.2f", seconds)) s: "
              + "\(String(format: "%.0f", Double(total) / seconds)) requests/s")
        print("proofs:      \(String(format: "%.1f", Double(proofHashes) / Double(total))) hashes on average; logs of \(base) to \(sizes.last!) entries")
        print("latency:     p50 \(String(format: "%.2f", 1e3 * sorted[sorted.count / 2])) ms, p99 \(String(format: "%.2f", 1e3 * sorted[sorted.count * 99 / 100])) ms")
    }
}

/// A small deterministic generator (SplitMix64), so every run sends the same sizes.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
