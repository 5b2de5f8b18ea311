import Foundation
import Hummingbird
import HummingbirdTesting
import LedgerCore
import LedgerService
import LedgerStore
import Testing

/// A store with genesis and two co-signed disbursements, made through the store's append path.
func makeLedger() throws -> (path: String, lines: [[UInt8]]) {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jhf-svc-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let path = "\(dir)/ledger.sqlite"
    let names = ["svc-shcp": "SHCP", "svc-usaid": "USAID"]
    let keys = names.keys.sorted().map { try! KeyObject(name: $0, institution: names[$0]!, publicKey: LedgerBuilder.testKey($0).publicKey, role: .approver) }
    let genesis = GenesisBody(title: "Service test", currencies: ["MXN"], keys: keys, budgets: [], createdAt: "2026-11-01T00:00:00Z")
    let store = try LedgerStore.create(path: path, ledgerID: "jhf.svc.test", genesis: genesis, now: "2026-11-01T00:00:00Z").0
    func cosign(_ id: String, _ body: Body) throws {
        let message = body.approvalMessage(ledgerID: "jhf.svc.test")
        for name in names.keys.sorted() {
            _ = try store.approve(id: id, keyName: name, signature: LedgerBuilder.testKey(name).sign(message), now: "2026-11-02T00:00:00Z")
        }
    }
    try cosign("genesis", .genesis(genesis))
    for n in 1...2 {
        let input = try JSONParser.parse("""
            {"id":"D-\(n)","amount":\(1000 * n),"currency":"MXN","category":"humanitarian_stabilization","program":"clinics",
             "municipality":"15033","payee":{"name":"Clínica"},"purpose":"Supplies","value_date":"2026-11-20",
             "sealed":{"payee_account":{"number":"002010077777777771","scheme":"CLABE"},"payee_tax_id":"","notes":""}}
            """)
        let p = try store.propose(kind: .disbursement, input: input, salt: Array(repeating: UInt8(n), count: 16), now: "2026-11-02T00:00:00Z").record
        try cosign("D-\(n)", p.body)
    }
    return (path, try store.entries(from: 0, limit: 10).map(\.canonical))
}

@Suite struct ReadRoutesTests {
    func withApp(_ test: @Sendable (any TestClientProtocol, [[UInt8]]) async throws -> Void) async throws {
        let (path, lines) = try makeLedger()
        let ledger = try LedgerActor(path: path)
        let app = Application(router: Routes.router(ledger))
        try await app.test(.router) { client in try await test(client, lines) }
    }

    @Test func healthz() async throws {
        try await withApp { client, _ in
            try await client.execute(uri: "/healthz", method: .get) { r in
                #expect(r.status == .ok)
                #expect(String(buffer: r.body) == "ok\n")
            }
        }
    }

    @Test func ledgerInfo() async throws {
        try await withApp { client, lines in
            try await client.execute(uri: "/v1/ledger", method: .get) { r in
                #expect(r.status == .ok)
                #expect(r.headers[.contentType] == "application/json")
                let expected = "{\"genesis_hash\":\"\(Hash.leaf(lines[0]).hex)\",\"head_hash\":\"\(Hash.leaf(lines[2]).hex)\",\"ledger_id\":\"jhf.svc.test\",\"size\":3}"
                #expect(String(buffer: r.body) == expected)
            }
        }
    }

    @Test func entriesAreTheExactCanonicalLines() async throws {
        try await withApp { client, lines in
            try await client.execute(uri: "/v1/entries", method: .get) { r in
                #expect(r.status == .ok)
                #expect(r.headers[.contentType] == "application/jsonl")
                #expect(Array(buffer: r.body) == lines.flatMap { $0 + [0x0A] })
            }
            try await client.execute(uri: "/v1/entries?from=1&limit=1", method: .get) { r in
                #expect(Array(buffer: r.body) == lines[1] + [0x0A])
            }
            try await client.execute(uri: "/v1/entries/2", method: .get) { r in
                #expect(r.status == .ok)
                #expect(Array(buffer: r.body) == lines[2])
            }
        }
    }

    @Test(arguments: [
        ("/v1/entries/3", HTTPResponse.Status.notFound, "seq"), ("/v1/entries/-1", .badRequest, "seq"), ("/v1/entries/x", .badRequest, "seq"),
        ("/v1/entries?limit=0", .badRequest, "limit"), ("/v1/entries?limit=1001", .badRequest, "limit"), ("/v1/entries?from=-5", .badRequest, "from"),
        ("/v1/entries?from=abc", .badRequest, "from"),
    ])
    func badReadsAreProblems(_ uri: String, _ status: HTTPResponse.Status, _ field: String) async throws {
        try await withApp { client, _ in
            try await client.execute(uri: uri, method: .get) { r in
                #expect(r.status == status)
                #expect(r.headers[.contentType] == "application/problem+json")
                let problem = try JSONParser.parse(Array(buffer: r.body))
                guard case .object(let o) = problem else { Issue.record("not an object"); return }
                #expect(o["field"] == .string(field))
                #expect(o["status"] == .integer(Int64(status.code)))
            }
        }
    }
}

extension Array where Element == UInt8 {
    init(buffer: ByteBuffer) { self = Array(buffer.readableBytesView) }
}
