import ArgumentParser
import AsyncHTTPClient
import CSQLite
import Foundation
import JHFTestSupport
import LedgerCore
import LedgerService
import LedgerStore
import NIOCore
import Synchronization

/// `jhf-bench load`: co-signed disbursements per second through the HTTP service.
///
/// Starts `jhf serve` on a fresh benchmark ledger, then runs concurrent officer clients
/// that each propose a disbursement and submit both approvals over HTTP, signing locally
/// from the body the service returned. Reports committed disbursements per second, the
/// latency of approvals, the group-commit batches, and the store's raw durable commit
/// rate measured on the same disk in the same run.
struct LoadBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "load", abstract: "Co-signed disbursements per second over HTTP, with approval latency.")

    @Option(help: "Disbursements to commit in the measured phase.") var entries = 20_000
    @Option(help: "Concurrent officer clients.") var clients = 32
    @Option(help: "Disbursements committed before measuring (warm-up).") var warmup = 1_000
    @Option(help: "Single-row durable commits for the raw SQLite rate.") var rawCommits = 5_000
    @Option(help: "The jhf executable (default: next to jhf-bench).") var jhf: String?
    @Flag(help: "Serve with --log-key: sign a checkpoint in every group commit that appends.") var checkpoints = false
    @Flag(help: "Serve with --publish DIR (implies --checkpoints): publish the tiles after every new checkpoint.") var publish = false
    @Option(help: "The service config's writer_nice (default: the service's own default).") var writerNice: Int?
    @Option(help: "Client: threads (one blocking keep-alive connection per client; lean) or async (AsyncHTTPClient).") var client = "threads"
    @Option(help: "v1.1: commitments committed before the run; a third of the disbursements then name one (0: none).") var commitments = 0
    @Option(help: "Store engine: sqlite (a file) or postgresql (a cluster of the benchmark's own from Debian's server binaries, removed after).")
    var engine = "sqlite"
    @Flag(help: "With --engine postgresql: a second cluster as synchronous standby (synchronous_commit = remote_apply).") var standby = false

    func validate() throws {
        guard ["threads", "async"].contains(client) else { throw ValidationError("--client must be threads or async") }
        guard ["sqlite", "postgresql"].contains(engine) else { throw ValidationError("--engine must be sqlite or postgresql") }
        guard !standby || engine == "postgresql" else { throw ValidationError("--standby needs --engine postgresql") }
        guard (1...10_000_000).contains(entries), (1...1024).contains(clients), warmup >= 0, rawCommits >= 100 else {
            throw ValidationError("--entries 1…10,000,000, --clients 1…1024, --warmup ≥ 0, --raw-commits ≥ 100")
        }
    }

    func run() async throws {
        // The load generator's hand-written input must be the benchmark input exactly.
        for n in [1, 2, 3, 9, 10, 12_345] where (try? JSONParser.parse(BenchKeys.disbursementInputBytes(n, commitments: commitments)))
            != BenchKeys.disbursementInput(n, commitments: commitments) {
            throw BenchError("BenchKeys.disbursementInputBytes(\(n)) differs from disbursementInput(\(n))")
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jhf-load-\(getpid())").path
        try? FileManager.default.removeItem(atPath: dir)
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let jhf = jhf ?? URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("jhf").path

        // PostgreSQL: a cluster of the run's own (and its synchronous standby), stopped and removed after.
        let cluster = engine == "postgresql" ? try PostgresCluster(settings: [:], name: "jhf-bench-pg") : nil
        defer { cluster?.remove() }
        let replica = standby ? try cluster?.makeStandby(application: "jhf_bench_standby") : nil
        defer { replica?.remove() }
        if replica != nil { try cluster?.requireSynchronousStandby("jhf_bench_standby") }
        let db = try cluster?.makeDatabase(prefix: "bench") ?? "\(dir)/ledger.sqlite"
        let token = try Self.prepare(db: db, config: "\(dir)/service.json", writerNice: writerNice, commitments: commitments)
        let port = try LoopbackPort.free()
        let server = Process()
        server.executableURL = URL(fileURLWithPath: jhf)
        server.arguments = ["serve", "--db", db, "--listen", "127.0.0.1:\(port)", "--config", "\(dir)/service.json", "--log-level", "warning"]
        if checkpoints || publish {
            let keyFile = "\(dir)/bench-log.key"
            let json = JSONValue.object([
                "institution": .string("JOB"), "name": .string(BenchKeys.log), "role": .string("log"),
                "secret_key": .string(Base64.encode(BenchKeys.secrets[BenchKeys.log]!.seedForExport)),
            ])
            guard FileManager.default.createFile(atPath: keyFile, contents: Data(json.canonicalBytes), attributes: [.posixPermissions: 0o600]) else {
                throw BenchError("cannot write \(keyFile)")
            }
            server.arguments! += ["--log-key", keyFile]
        }
        if publish { server.arguments! += ["--publish", "\(dir)/tiles"] }
        let speedBefore = try Measure.machineSpeed()
        try server.run()
        defer { if server.isRunning { server.terminate(); server.waitUntilExit() } }
        let base = "http://127.0.0.1:\(port)"

        let (clients, warmup, entries, useThreads, withCheckpoints, commitments) = (self.clients, self.warmup, self.entries, client == "threads", checkpoints, self.commitments)
        let serverPID = server.processIdentifier
        let result = await Result { () async throws -> LoadResult in
            let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(
                connectionPool: .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: clients * 2)))
            do {
                try await waitForHealth(client, base)
                let r: (seconds: Double, latencies: [Double])
                let cpuBefore: (server: Double, client: Double)
                if useThreads {
                    let load = SocketLoad(port: port, token: token, commitments: commitments)
                    if warmup > 0 { _ = try load.run(first: 1, count: warmup, clients: clients) }
                    cpuBefore = (Measure.cpuSeconds(pid: serverPID), Measure.ownCPUSeconds())
                    r = try load.run(first: 1 + warmup, count: entries, clients: clients)
                } else {
                    let load = Load(client: client, base: base, token: token, commitments: commitments)
                    if warmup > 0 { _ = try await load.run(first: 1, count: warmup, clients: clients) }
                    cpuBefore = (Measure.cpuSeconds(pid: serverPID), Measure.ownCPUSeconds())
                    r = try await load.run(first: 1 + warmup, count: entries, clients: clients)
                }
                let cpu = (server: Measure.cpuSeconds(pid: serverPID) - cpuBefore.server, client: Measure.ownCPUSeconds() - cpuBefore.client)
                let metrics = try await Load(client: client, base: base, token: token).text("\(base)/metrics")
                let checkpoint = withCheckpoints ? try await Load(client: client, base: base, token: token).text("\(base)/v1/checkpoint") : nil
                try await client.shutdown()
                return LoadResult(seconds: r.seconds, latencies: r.latencies, metrics: metrics, serverCPU: cpu.server, clientCPU: cpu.client, checkpoint: checkpoint)
            } catch {
                try? await client.shutdown()
                throw error
            }
        }
        let r = try result.get()
        if publish {
            // The publisher follows the last checkpoint within its poll interval: wait for it.
            for _ in 0..<200 {
                let note = (try? String(contentsOfFile: "\(dir)/tiles/checkpoint", encoding: .utf8)) ?? ""
                if note.split(separator: "\n").dropFirst().first == "\(1 + warmup + entries)" { break }
                usleep(50_000)
            }
        }
        server.terminate()
        server.waitUntilExit()
        let verify = try Measure.spawn(jhf, ["verify", "--db", db, "--jobs", "2"], captureOutput: true)

        let speedAfter = try Measure.machineSpeed()
        let raw = try cluster.map { try pgbenchRate($0, count: rawCommits) } ?? rawCommitRate(path: "\(dir)/raw.sqlite", count: rawCommits)
        let rate = Double(entries) / r.seconds
        let sorted = r.latencies.sorted()
        func pct(_ p: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] * 1000 }
        let batches = metric(r.metrics, "jhf_write_batches_total")
        let batched = metric(r.metrics, "jhf_write_batch_requests_total")
        print("""
            load: \(entries) co-signed disbursements (after \(warmup) warm-up), \(clients) \(client) clients, 3 requests each, \(cluster == nil ? "SQLite" : replica == nil ? "PostgreSQL (synchronous_commit=on)" : "PostgreSQL with a synchronous standby (remote_apply)")\(publish ? ", checkpoints signed, tiles published" : checkpoints ? ", checkpoints signed" : "")\(commitments > 0 ? ", \(commitments) commitments: a third of the payments under one" : "")
              committed:          \(String(format: "%.0f", rate)) disbursements/s (\(String(format: "%.1f", r.seconds)) s)
              approval latency:   p50 \(String(format: "%.1f", pct(0.50))) ms, p99 \(String(format: "%.1f", pct(0.99))) ms, max \(String(format: "%.1f", sorted.last! * 1000)) ms (\(sorted.count) approvals)
              CPU per disbursement: service \(String(format: "%.0f", r.serverCPU / Double(entries) * 1e6)) µs, load generator \(String(format: "%.0f", r.clientCPU / Double(entries) * 1e6)) µs (\(String(format: "%.0f", (r.serverCPU + r.clientCPU) / r.seconds / Double(ProcessInfo.processInfo.activeProcessorCount) * 100))% of \(ProcessInfo.processInfo.activeProcessorCount) cores busy)
              writer busy:        \(String(format: "%.0f", metric(r.metrics, "jhf_write_batch_duration_seconds_sum") / max(r.seconds, 1e-9) * 100))% of the measured time (run and commit, whole run's sum); its thread at nice \(Int(metric(r.metrics, "jhf_store_writer_nice")))
              group commit:       \(Int(batched)) write requests in \(Int(batches)) transactions (\(String(format: "%.1f", batched / max(batches, 1))) per commit, whole run)
              \(cluster == nil ? "raw SQLite commits: " : "pgbench inserts:    ")\(String(format: "%.0f", raw)) single-row durable commits/s (\(cluster == nil ? "WAL, synchronous=FULL" : "one client, same cluster"), same disk)
              ratio:              \(String(format: "%.2f", rate / raw)) co-signed disbursements per raw commit
              machine speed:      Ed25519 verification \(String(format: "%.1f", speedBefore.verification)) / \(String(format: "%.1f", speedAfter.verification)) µs, round trip \(String(format: "%.1f", speedBefore.roundTrip)) / \(String(format: "%.1f", speedAfter.roundTrip)) µs CPU (before / after)
              verify --db:        \(verify.0 == 0 ? "VALID" : "FAILED (exit \(verify.0))")
            """)
        if verify.0 != 0 { throw BenchError("the ledger written under load does not verify:\n\(verify.1)") }
        if let note = r.checkpoint {
            let lines = note.split(separator: "\n")
            guard lines.count >= 4, Int64(lines[1]) == Int64(1 + warmup + entries) else { throw BenchError("the last checkpoint does not cover the ledger:\n\(note)") }
            print("  checkpoint:         latest covers all \(lines[1]) entries")
        }
        if publish {
            // The published directory, read back: the whole ledger, every tile checked.
            let tiles = try Measure.spawn(jhf, ["verify", "--tiles", "\(dir)/tiles", "--jobs", "2"], captureOutput: true)
            guard tiles.0 == 0, tiles.1.contains("entries:      \(1 + warmup + entries)\n") else {
                throw BenchError("the tiles published under load do not verify or are behind:\n\(tiles.1)")
            }
            print("  published tiles:    verify --tiles VALID, all \(1 + warmup + entries) entries")
        }
    }

    /// Creates a benchmark ledger with its genesis committed and a service config with one
    /// admin token; returns the token.
    static func prepare(db: String, config: String, writerNice: Int? = nil, commitments: Int = 0) throws -> String {
        let now = "2026-01-01T00:00:00Z"
        let store = try BenchLedger.create(db: db, now: now)
        // Commitments 1…N, co-signed through the store's write path in group-committed batches.
        var k = 1
        while k <= commitments {
            let count = min(Limits.writeBatchRequestsMax / 3, commitments - k + 1)
            var batch: [WriteRequest] = []
            for i in k..<k + count {
                guard case .object(let o) = BenchKeys.commitment(i, proposedAt: now).json else { preconditionFailure() }
                let input = JSONValue.object(members: o.members.filter { $0.key != "proposed_at" }.map { ($0.key, $0.value) })
                batch += try BenchLedger.requests(kind: .commitment, input: input, salt: [], n: i, now: now)
            }
            for result in store.write(batch, now: now) { _ = try result.get() }
            k += count
        }
        var members: [(String, JSONValue)] = [("tokens", .array([.object([
            "name": .string("bench"), "roles": .array([.string("admin")]), "sha256": .string(Hash.sha256(Array(benchToken.utf8)).hex),
        ])]))]
        if let writerNice { members.append(("writer_nice", .integer(Int64(writerNice)))) }
        let json = JSONValue.object(members: members)
        try Data(json.canonicalBytes).write(to: URL(fileURLWithPath: config))
        return benchToken
    }

    /// The benchmark's bearer token (benchmark ledgers only).
    static let benchToken = "jhf-bench-token"

    struct LoadResult: Sendable {
        let seconds: Double
        let latencies: [Double]
        let metrics: String
        /// CPU seconds (user + system) the service and the load generator used in the measured phase.
        let serverCPU: Double
        let clientCPU: Double
        /// The latest checkpoint note at the end (with --checkpoints).
        let checkpoint: String?
    }

    private func metric(_ text: String, _ name: String) -> Double {
        for line in text.split(separator: "\n") where line.hasPrefix(name + " ") { return Double(line.split(separator: " ")[1]) ?? 0 }
        return 0
    }

    private func waitForHealth(_ client: HTTPClient, _ base: String) async throws {
        for _ in 0..<300 {
            if let r = try? await client.execute(HTTPClientRequest(url: "\(base)/healthz"), timeout: .seconds(1)), r.status == .ok { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw BenchError("the service did not become healthy within 30 s")
    }

    /// pgbench's rate of single-row inserts, each its own durable commit, by one client on the same cluster.
    private func pgbenchRate(_ cluster: PostgresCluster, count: Int) throws -> Double {
        let database = "raw"
        try cluster.psql("CREATE DATABASE \(database)")
        try cluster.psql("CREATE TABLE t (id bigserial PRIMARY KEY, v bytea NOT NULL)", database: database)
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("jhf-pgbench-\(getpid()).sql").path
        try Data("INSERT INTO t(v) VALUES (decode(repeat('ab', 600), 'hex'));\n".utf8).write(to: URL(fileURLWithPath: script))
        defer { try? FileManager.default.removeItem(atPath: script) }
        let (status, out) = try Measure.spawn("\(try PostgresCluster.binaries())/pgbench",
                                              ["-n", "-c", "1", "-t", "\(count)", "-f", script, "-h", "127.0.0.1", "-p", "\(cluster.port)", "-U", "postgres", database],
                                              captureOutput: true)
        guard status == 0, let line = out.split(separator: "\n").first(where: { $0.hasPrefix("tps = ") }),
              let tps = Double(line.dropFirst(6).prefix { $0 != " " }) else { throw BenchError("pgbench failed:\n\(out)") }
        return tps
    }

    /// Single-row inserts, each its own durable transaction, as the store configures SQLite.
    private func rawCommitRate(path: String, count: Int) throws -> Double {
        var db: OpaquePointer?
        guard sqlite3_open(path, &db) == SQLITE_OK else { throw BenchError("cannot open \(path)") }
        defer { sqlite3_close(db) }
        for sql in ["PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "CREATE TABLE t(id INTEGER PRIMARY KEY, v BLOB NOT NULL)"] {
            guard sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else { throw BenchError("SQLite: \(sql) failed") }
        }
        var stmt: OpaquePointer?
        sqlite3_prepare_v2(db, "INSERT INTO t(v) VALUES (randomblob(600))", -1, &stmt, nil)
        defer { sqlite3_finalize(stmt) }
        let start = Measure.now()
        for _ in 0..<count {
            guard sqlite3_step(stmt) == SQLITE_DONE else { throw BenchError("SQLite insert failed") }
            sqlite3_reset(stmt)
        }
        return Double(count) / (Measure.now() - start)
    }
}

/// The clients of one load phase.
struct Load: Sendable {
    let client: HTTPClient
    let base: String
    let token: String
    /// Commitments in the ledger: a third of the disbursements name one (0: none).
    var commitments = 0
    /// Called after an approval was answered `committed`, with the disbursement number, seq and entry hash.
    var onCommit: (@Sendable (Int, Int64, String) -> Void)? = nil

    /// Commits disbursements `first ..< first + count` with `clients` concurrent clients.
    func run(first: Int, count: Int, clients: Int) async throws -> (seconds: Double, latencies: [Double]) {
        let next = Counter(first)
        let end = first + count
        let start = Measure.now()
        let latencies = try await withThrowingTaskGroup(of: [Double].self) { group in
            for _ in 0..<clients {
                group.addTask {
                    var mine: [Double] = []
                    while true {
                        let n = next.value.add(1, ordering: .relaxed).oldValue
                        if n >= end { return mine }
                        mine += try await cosign(n)
                    }
                }
            }
            var all: [Double] = []
            for try await l in group { all += l }
            return all
        }
        return (Measure.now() - start, latencies)
    }

    /// Proposes disbursement `n`, then approves it as SHCP and as USAID; returns the approvals' latencies.
    private func cosign(_ n: Int) async throws -> [Double] {
        let (status, body) = try await post("/v1/proposals", Cosign.proposal(n, commitments: commitments))
        let message = try Cosign.message(n, status, body)
        var latencies: [Double] = []
        for (i, name) in BenchKeys.approvers(n).enumerated() {
            let (path, approval) = Cosign.approval(n, name, message)
            let t = Measure.now()
            let (status, reply) = try await post(path, approval)
            latencies.append(Measure.now() - t)
            if let (seq, hash) = try Cosign.checkApproval(n, second: i == 1, status, reply) { onCommit?(n, seq, hash) }
        }
        return latencies
    }

    /// One POST; the status and the whole answer.
    func post(_ path: String, _ bytes: [UInt8]) async throws -> (Int, [UInt8]) {
        var request = HTTPClientRequest(url: base + path)
        request.method = .POST
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(bytes: bytes))
        let response = try await client.execute(request, timeout: .seconds(60))
        let body = try await response.body.collect(upTo: 1 << 20)
        return (Int(response.status.code), Array(body.readableBytesView))
    }

    func text(_ url: String) async throws -> String {
        let response = try await client.execute(HTTPClientRequest(url: url), timeout: .seconds(10))
        return String(buffer: try await response.body.collect(upTo: 1 << 22))
    }
}

/// A shared counter the clients draw disbursement numbers from.
final class Counter: Sendable {
    let value: Atomic<Int>
    init(_ start: Int) { value = Atomic(start) }
}
