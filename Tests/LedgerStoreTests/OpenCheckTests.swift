import Foundation
import Testing
import LedgerCore
@testable import LedgerStore

/// The two ways a store checks its chain when it opens: the full rule replay and the hash chain only.
@Suite("Opening a store: the rule replay and the hash-chain check")
struct OpenCheckTests {
    let base = try! LedgerStoreTests()

    /// A store of genesis and three committed disbursements (seq 0 to 3).
    func makeChain(_ engine: StoreEngine) throws -> LedgerStore {
        let (store, keys) = try base.makeStore(engine)
        for (i, amount) in [Int64(100), 50, 25].enumerated() {
            let p = try base.propose(store, "D-\(i + 1)", amount: amount)
            let msg = p.body.approvalMessage(ledgerID: p.ledgerID)
            for name in ["shcp-ana", "usaid-ben"] {
                _ = try store.approve(id: p.id, keyName: name, signature: keys[name]!.sign(msg), now: "2026-11-02T00:00:1\(i)Z")
            }
        }
        #expect(store.size == 4)
        return store
    }

    @Test(arguments: StoreEngine.allCases)
    func bothChecksReachTheSameHead(_ engine: StoreEngine) throws {
        let written = try makeChain(engine)
        let replayed = try LedgerStore(path: base.dbPath)
        let hashed = try LedgerStore(path: base.dbPath, check: .hashChain)
        #expect(replayed.openCheck == .replay && hashed.openCheck == .hashChain)
        for s in [replayed, hashed] {
            #expect(s.size == 4)
            #expect(s.headHash == written.state.headHash)
            #expect(s.tree.root == written.tree.root)
        }
        // Only the replay keeps rule state; the hash-chain store knows the head and nothing else.
        #expect(replayed.state.size == 4 && hashed.state.size == 0)
        // Both read the same committed entries and proofs.
        #expect(try hashed.entries(from: 0, limit: 10).map(\.canonical) == replayed.entries(from: 0, limit: 10).map(\.canonical))
        #expect(try hashed.inclusionProof(seq: 2, size: 4) == replayed.inclusionProof(seq: 2, size: 4))
    }

    @Test(arguments: StoreEngine.allCases)
    func anEmptyChainOpensWithAZeroHead(_ engine: StoreEngine) throws {
        base.db = try TestDatabase(engine, dir: base.dir)
        var b = LedgerBuilder(ledgerID: "jhf.store.empty")
        let keys = [b.addSigner("shcp-ana", institution: "SHCP"), b.addSigner("usaid-ben", institution: "USAID")]
        let genesis = GenesisBody(title: "Empty", currencies: ["MXN"], keys: keys,
                                  budgets: [Budget(category: .humanitarianStabilization, currency: "MXN", amount: 5)], createdAt: "2026-11-01T00:00:00Z")
        _ = try LedgerStore.create(path: base.dbPath, ledgerID: "jhf.store.empty", genesis: genesis, now: "2026-11-01T00:00:00Z")
        let s = try LedgerStore(path: base.dbPath, check: .hashChain)
        #expect(s.size == 0 && s.headHash == .zero)
    }

    /// Named mutations of committed rows (append-only triggers dropped first, as an attacker with
    /// file access would): each is refused by both checks, with the rule it breaks.
    static let mutations: [(name: String, sql: String, rule: Rule)] = [
        ("bytes-changed", "UPDATE entries SET canonical = CAST(replace(CAST(canonical AS TEXT), '\"amount\":50', '\"amount\":51') AS BLOB) WHERE seq = 2", .r3),
        ("entry-hash-column-changed", "UPDATE entries SET entry_hash = zeroblob(32) WHERE seq = 1", .r3),
        ("prev-hash-column-changed", "UPDATE entries SET prev_hash = zeroblob(32) WHERE seq = 3", .r3),
        ("middle-entry-deleted", "DELETE FROM entries WHERE seq = 2", .r2),
        ("genesis-deleted", "DELETE FROM entries WHERE seq = 0", .r2),
        ("entries-swapped", "UPDATE entries SET seq = seq + 1000 WHERE seq IN (1, 2); UPDATE entries SET seq = 2 WHERE seq = 1001; UPDATE entries SET seq = 1 WHERE seq = 1002", .r3),
    ]

    @Test(arguments: mutations.indices, StoreEngine.allCases)
    func tamperedChainIsRefusedByBothChecks(_ i: Int, _ engine: StoreEngine) throws {
        let m = Self.mutations[i]
        _ = try makeChain(engine)
        try base.db.dropTriggers(["entries_no_update", "entries_no_delete"], on: "entries")
        try base.db.raw().exec(base.db.sql(m.sql))
        for check in [OpenCheck.replay, .hashChain] {
            do {
                _ = try LedgerStore(path: base.dbPath, check: check)
                Issue.record("\(m.name): opened with \(check)")
            } catch {
                #expect(error.code == .corrupt, "\(m.name) \(check)")
                #expect(error.failures.contains { $0.rule == m.rule }, "\(m.name) \(check): \(error.failures)")
            }
        }
    }
}
