import Foundation
import Testing
import LedgerCore
@testable import LedgerStore

@Suite("SQLite store: the append path, durability settings, append-only triggers")
struct LedgerStoreTests {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jhf-store-\(UUID().uuidString)").path
    var dbPath: String { "\(dir)/ledger.sqlite" }

    init() throws { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }

    /// A store with genesis and one disbursement committed through `approve`.
    func makeStore() throws -> (LedgerStore, [String: SecretKey]) {
        var b = LedgerBuilder(ledgerID: "jhf.store.test")
        let names = [("shcp-ana", "SHCP"), ("usaid-ben", "USAID"), ("usaid-dana", "USAID")]
        let keys = names.map { b.addSigner($0.0, institution: $0.1) }
        let genesis = GenesisBody(title: "Store test", currencies: ["MXN"], keys: keys,
                                  budgets: [Budget(category: .humanitarianStabilization, currency: "MXN", amount: 500)], createdAt: "2026-11-01T00:00:00Z")
        let (store, p) = try LedgerStore.create(path: dbPath, ledgerID: "jhf.store.test", genesis: genesis, now: "2026-11-01T00:00:00Z")
        for name in ["shcp-ana", "usaid-ben"] {
            _ = try store.approve(id: "genesis", keyName: name, signature: b.signers[name]!.sign(p.body.approvalMessage(ledgerID: p.ledgerID)), now: "2026-11-01T00:00:01Z")
        }
        return (store, b.signers)
    }

    func propose(_ store: LedgerStore, _ id: String, amount: Int64) throws -> ProposalRecord {
        try store.propose(kind: .disbursement, input: try JSONParser.parse("""
            {"id":"\(id)","amount":\(amount),"currency":"MXN","category":"humanitarian_stabilization","program":"clinics",
             "municipality":"15033","payee":{"name":"Clínica"},"purpose":"Supplies","value_date":"2026-11-20",
             "sealed":{"payee_account":{"number":"002010077777777771","scheme":"CLABE"},"payee_tax_id":"","notes":""}}
            """), salt: [UInt8](repeating: 7, count: 16), now: "2026-11-02T00:00:00Z").record
    }

    @Test func appendPathCommitsOnSecondInstitution() throws {
        let (store, keys) = try makeStore()
        #expect(store.state.size == 1)
        let p = try propose(store, "D-1", amount: 100)
        let msg = p.body.approvalMessage(ledgerID: p.ledgerID)
        #expect(try store.approve(id: "D-1", keyName: "shcp-ana", signature: keys["shcp-ana"]!.sign(msg), now: "2026-11-02T00:00:05Z") == .recorded(waitingFor: "USAID"))
        #expect(try store.approve(id: "D-1", keyName: "shcp-ana", signature: keys["shcp-ana"]!.sign(msg), now: "2026-11-02T00:00:06Z") == .alreadyRecorded)
        guard case .committed(let seq, _) = try store.approve(id: "D-1", keyName: "usaid-ben", signature: keys["usaid-ben"]!.sign(msg), now: "2026-11-02T00:00:07Z") else {
            Issue.record("not committed"); return
        }
        #expect(seq == 1)
        // A reopened store replays the same chain.
        #expect(try LedgerStore(path: dbPath).state.headHash == store.state.headHash)
        #expect(try Bundle.verify(database: dbPath, jobs: 1, pinnedGenesis: nil).ok)
    }

    @Test func refusesBadApprovals() throws {
        let (store, keys) = try makeStore()
        let p = try propose(store, "D-1", amount: 100)
        let msg = p.body.approvalMessage(ledgerID: p.ledgerID)
        // Signature over other bytes.
        #expect(throws: StoreError.self) { try store.approve(id: "D-1", keyName: "shcp-ana", signature: keys["shcp-ana"]!.sign([1, 2]), now: "2026-11-02T00:00:05Z") }
        // Unknown key name.
        #expect(throws: StoreError.self) { try store.approve(id: "D-1", keyName: "shcp-zed", signature: keys["shcp-ana"]!.sign(msg), now: "2026-11-02T00:00:05Z") }
        // Second approval from the same institution.
        _ = try store.approve(id: "D-1", keyName: "usaid-ben", signature: keys["usaid-ben"]!.sign(msg), now: "2026-11-02T00:00:05Z")
        #expect(throws: StoreError.self) { try store.approve(id: "D-1", keyName: "usaid-dana", signature: keys["usaid-dana"]!.sign(msg), now: "2026-11-02T00:00:05Z") }
        // Unknown proposal.
        #expect(throws: StoreError.self) { try store.approve(id: "D-404", keyName: "shcp-ana", signature: keys["shcp-ana"]!.sign(msg), now: "2026-11-02T00:00:05Z") }
        // Over budget is refused at proposal time; nothing is stored.
        #expect(throws: StoreError.self) { try propose(store, "D-2", amount: 501) }
        #expect(try store.proposal(id: "D-2") == nil)
        #expect(store.state.size == 1)
    }

    @Test func durabilitySettingsAreInForce() throws {
        _ = try makeStore()
        let c = try SQLiteConnection(path: dbPath, readOnly: false)
        try LedgerStore.configure(c)
        #expect(try c.scalarText("PRAGMA journal_mode") == "wal")
        #expect(try c.scalarText("PRAGMA synchronous") == "2")
    }

    @Test(arguments: ["UPDATE entries SET committed_at = '2030-01-01T00:00:00Z' WHERE seq = 0", "DELETE FROM entries WHERE seq = 0",
                      "INSERT INTO entries(seq, entry_hash, prev_hash, kind, entry_id, committed_at, canonical) VALUES (5, zeroblob(32), zeroblob(32), 'reversal', 'x', '2026-11-01T00:00:00Z', x'00')",
                      "UPDATE proposals SET body = x'00' WHERE id = 'genesis'"])
    func triggersRefuseChanges(sql: String) throws {
        _ = try makeStore()
        let c = try SQLiteConnection(path: dbPath, readOnly: false)
        #expect(throws: StoreError.self) { try c.exec(sql) }
        #expect(try Bundle.verify(database: dbPath, jobs: 1, pinnedGenesis: nil).ok)
    }

    @Test func tamperingWithTriggersDroppedIsReported() throws {
        _ = try makeStore()
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        sqlite.arguments = [dbPath, "DROP TRIGGER entries_no_update; UPDATE entries SET canonical = CAST(replace(CAST(canonical AS TEXT), 'Store test', 'Store TEST') AS BLOB) WHERE seq = 0;"]
        try sqlite.run()
        sqlite.waitUntilExit()
        #expect(sqlite.terminationStatus == 0)
        let report = try Bundle.verify(database: dbPath, jobs: 1, pinnedGenesis: nil)
        #expect(!report.ok)
        #expect(report.failures.contains { $0.rule == .r3 })
        #expect(report.failures.contains { $0.rule == .r6 })
        // The store itself refuses to open a damaged chain for writing.
        #expect(throws: StoreError.self) { try LedgerStore(path: dbPath) }
    }
}
