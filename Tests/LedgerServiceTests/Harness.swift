import Foundation
import Hummingbird
import JHFTestSupport
import HummingbirdTesting
import LedgerCore
import LedgerService
import LedgerStore
import Logging
import Synchronization
import Testing

/// A test clock the tests move forward (expiry).
final class TestClock: Sendable {
    let seconds = Mutex<Int64>(Timestamp.unixSeconds("2026-11-02T00:00:00Z")!)
    var read: @Sendable () -> Int64 { { self.seconds.withLock { $0 } } }
    func advance(days: Int64) { seconds.withLock { $0 += days * 86_400 } }
}

/// One HTTP exchange, as the OpenAPI check reads it.
struct Exchange: Sendable {
    let status: Int
    let contentType: String
    let body: [UInt8]
    var text: String { String(decoding: body, as: UTF8.self) }
    var json: JSONValue { (try? JSONParser.parse(body)) ?? .null }
    subscript(_ key: String) -> JSONValue? {
        guard case .object(let o) = json else { return nil }
        return o[key]
    }
}

/// A ledger with genesis committed (keys shcp-a, shcp-b, usaid-a, usaid-b), served in-process,
/// with one token per role. Every response is recorded and checked against Schemas/openapi.yaml.
final class Harness: Sendable {
    static let ledgerID = "jhf.svc.test"
    static let approvers = ["svc-shcp-a": "SHCP", "svc-shcp-b": "SHCP", "svc-usaid-a": "USAID", "svc-usaid-b": "USAID"]
    static let tokens: [Role: String] = [.proposer: "tok-proposer", .officer: "tok-officer", .auditor: "tok-auditor", .witness: "tok-witness",
                                         .admin: "tok-admin"]
    /// A second proposer token (name test-proposer-2), for what one proposer may learn of another's proposals.
    static let secondProposer = "Bearer tok-proposer-2"
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    let dir: String
    let path: String
    let clock = TestClock()
    let worker: LedgerWorker
    let routes: Routes
    private let records = Mutex<[String]>([])

    /// With `signCheckpoints`, the worker signs a checkpoint with the ledger's log key (svc-job-log) after each append.
    /// `engine`: the store's engine (a SQLite file in a temporary directory, or a new database in the tests' PostgreSQL cluster).
    init(_ engine: StoreEngine = .sqlite, bodyBytesMax: Int = ServiceLimits.requestBodyDefaultBytes, signCheckpoints: Bool = false) throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("jhf-svc-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        path = engine == .sqlite ? "\(dir)/ledger.sqlite" : try PostgresCluster.shared.get().makeDatabase(prefix: "svc")
        // Four approvers and one checkpoint-log key (institution JOB), which may never approve.
        let keys = (Self.approvers.keys.sorted().map {
            try! KeyObject(name: $0, institution: Self.approvers[$0]!, publicKey: LedgerBuilder.testKey($0).publicKey, role: .approver)
        } + [try! KeyObject(name: "svc-job-log", institution: "JOB", publicKey: LedgerBuilder.testKey("svc-job-log").publicKey, role: .log),
             try! KeyObject(name: "svc-asf-witness", institution: "ASF", publicKey: LedgerBuilder.testKey("svc-asf-witness").publicKey, role: .witness)])
            .sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        let genesis = GenesisBody(title: "Service test", currencies: ["MXN", "USD"], keys: keys,
                                  budgets: [Budget(category: .humanitarianStabilization, currency: "MXN", amount: 1_000_000)],
                                  createdAt: "2026-11-01T00:00:00Z")
        let store = try LedgerStore.create(path: path, ledgerID: Self.ledgerID, genesis: genesis, now: "2026-11-01T00:00:00Z").0
        let message = Body.genesis(genesis).approvalMessage(ledgerID: Self.ledgerID)
        for name in ["svc-shcp-a", "svc-usaid-a"] {
            _ = try store.approve(id: "genesis", keyName: name, signature: LedgerBuilder.testKey(name).sign(message), now: "2026-11-01T00:00:00Z")
        }
        worker = try LedgerWorker(path: path, signer: signCheckpoints ? CheckpointSigner(name: "svc-job-log", key: LedgerBuilder.testKey("svc-job-log")) : nil,
                                  clock: clock.read)
        let access = Access(tokens: Self.tokens.map { TokenEntry(name: "test-\($0.key.rawValue)", roles: [$0.key], digest: Hash.sha256(Array($0.value.utf8))) }
                            + [TokenEntry(name: "test-proposer-2", roles: [.proposer], digest: Hash.sha256(Array("tok-proposer-2".utf8)))])
        routes = Routes(worker: worker, access: access, bodyBytesMax: bodyBytesMax)
    }

    deinit { try? FileManager.default.removeItem(atPath: dir) }

    /// Runs `body` with a test client of the service's router.
    func run(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        // Request log lines are tested by hand (docs/demo.sh); here they would only bury the test output.
        var logger = Logger(label: "jhf.service.test")
        logger.logLevel = .warning
        let app = Application(router: routes.router(), logger: logger)
        try await app.test(.router, body)
    }

    /// One request; `route` is the OpenAPI path template it exercises.
    @discardableResult
    func call(_ client: any TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String, route: String,
              token: Role? = nil, rawToken: String? = nil, json: JSONValue? = nil, raw: [UInt8]? = nil,
              contentType: String? = "application/json") async throws -> Exchange {
        var headers = HTTPFields()
        if let token { headers[.authorization] = "Bearer \(Self.tokens[token]!)" }
        if let rawToken { headers[.authorization] = rawToken }
        let bytes = raw ?? json?.canonicalBytes
        if bytes != nil, let contentType { headers[.contentType] = contentType }
        let exchange = try await client.execute(uri: uri, method: method, headers: headers, body: bytes.map { ByteBuffer(bytes: $0) }) { r in
            Exchange(status: Int(r.status.code), contentType: r.headers[.contentType] ?? "", body: Array(r.body.readableBytesView))
        }
        let record = JSONValue.object([
            "method": .string(method.rawValue), "route": .string(route), "status": .integer(Int64(exchange.status)),
            "content_type": .string(exchange.contentType), "body": .string(exchange.text),
        ])
        records.withLock { $0.append(String(decoding: record.canonicalBytes, as: UTF8.self)) }
        return exchange
    }

    /// Checks every recorded response against Schemas/openapi.yaml.
    func checkOpenAPI() throws {
        let lines = records.withLock { $0 }
        let file = "\(dir)/responses.jsonl"
        try (lines.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        let (status, text) = try Self.checkOpenAPI(file)
        #expect(status == 0, "responses do not match openapi.yaml:\n\(text)")
    }

    /// Runs Tests/Tools/check_openapi.py with `argument` (`--check` or a file of responses).
    static func checkOpenAPI(_ argument: String) throws -> (Int32, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "\(repo)/Tests/Tools/check_openapi.py", "\(repo)/Schemas", argument]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return (p.terminationStatus, text)
    }

    // MARK: - Ledger helpers

    static func disbursement(_ id: String, amount: Int = 1000, currency: String = "MXN", purpose: String = "Supplies",
                             clabe: String = "002010077777777771", taxID: String = "", notes: String = "n") -> JSONValue {
        try! JSONParser.parse("""
            {"id":"\(id)","amount":\(amount),"currency":"\(currency)","category":"humanitarian_stabilization","program":"clinics",
             "municipality":"15033","payee":{"name":"Clínica"},"purpose":"\(purpose)","value_date":"2026-11-20",
             "sealed":{"payee_account":{"number":"\(clabe)","scheme":"CLABE"},"payee_tax_id":"\(taxID)","notes":"\(notes)"}}
            """)
    }

    /// Proposes through the API and returns the approval message rebuilt from the returned body.
    func propose(_ client: any TestClientProtocol, kind: String = "disbursement", _ body: JSONValue) async throws -> (id: String, message: [UInt8]) {
        let r = try await call(client, .post, "/v1/proposals", route: "/v1/proposals", token: .proposer,
                               json: .object(["body": body, "kind": .string(kind)]))
        #expect(r.status == 201 || r.status == 200, "\(r.text)")
        guard case .string(let id)? = r["id"], let b = r["body"], let k = EntryKind(rawValue: kind) else { throw Unexpected(r.text) }
        return (id, try Body(kind: k, json: b).approvalMessage(ledgerID: Self.ledgerID))
    }

    func approve(_ client: any TestClientProtocol, _ id: String, key: String, message: [UInt8], token: Role = .officer) async throws -> Exchange {
        try await call(client, .post, "/v1/proposals/\(id)/approvals", route: "/v1/proposals/{id}/approvals", token: token, json: .object([
            "key": .string(key), "signature": .string(LedgerBuilder.testKey(key).sign(message).base64),
        ]))
    }
}

struct Unexpected: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}
