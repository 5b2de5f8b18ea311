import CCrashVFS
import CSQLite
import Foundation
import LedgerCore
@_spi(Testing) @testable import LedgerStore
import Testing

/// Power loss, not just SIGKILL: the store runs its group commits through a VFS that keeps what
/// each file had at its last sync (Tests/CCrashVFS), and a crash is simulated before every
/// write or sync in turn, throwing away (or tearing) whatever was not synced. After each crash
/// the store must open, `verify --db` must pass, and every commit the store acknowledged must
/// be there with the same hash. The same run with `synchronous=OFF` must lose acknowledged
/// commits, which shows that the test can see a missing sync.
@Suite(.serialized) struct PowerLossTests {
    static let installed: Bool = crashvfs_install() == SQLITE_OK

    /// What one crash run saw.
    struct Run {
        var acknowledged: [Int64: Hash] = [:]
        var crashed = false
        var events: Int64 = 0
        var syncs: Int64 = 0
    }

    /// A ledger with genesis (made without the crash VFS) and its signers.
    static func ledger() throws -> (LedgerStoreTests, [String: SecretKey]) {
        let base = try LedgerStoreTests()
        let (store, keys) = try base.makeStore()
        _ = store
        return (base, keys)
    }

    /// Four group commits of three co-signed disbursements each (proposal and both approvals in
    /// one transaction, as the service's writer batches them), through the crash VFS armed at
    /// event `crashAt`.
    static func run(_ base: LedgerStoreTests, _ keys: [String: SecretKey], crashAt: Int64, torn: Bool, synchronousOff: Bool = false) throws -> Run {
        var r = Run()
        do {
            let store = try LedgerStore(path: base.dbPath, vfs: "crashvfs")
            if synchronousOff { try store.db.exec("PRAGMA synchronous=OFF") }
            crashvfs_arm(crashAt, torn ? 1 : 0)
            var n = 0
            batches: for _ in 0..<4 {
                var requests: [WriteRequest] = []
                for _ in 0..<3 {
                    n += 1
                    let input = try JSONParser.parse("""
                        {"id":"D-\(n)","amount":1,"currency":"MXN","category":"humanitarian_stabilization","program":"clinics",
                         "municipality":"15033","payee":{"name":"Clínica \(n)"},"purpose":"Supplies","value_date":"2026-11-20",
                         "sealed":{"payee_account":{"number":"002010077777777771","scheme":"CLABE"},"payee_tax_id":"","notes":""}}
                        """)
                    let draft = try ProposalDraft(kind: .disbursement, input: input, salt: [UInt8](repeating: UInt8(n), count: 16), now: "2026-11-02T00:00:00Z")
                    let message = draft.body.approvalMessage(ledgerID: "jhf.store.test")
                    requests.append(.propose(draft))
                    for name in ["shcp-ana", "usaid-ben"] {
                        requests.append(.approve(id: draft.id, keyName: name, signature: keys[name]!.sign(message)))
                    }
                }
                for result in store.write(requests, now: "2026-11-02T00:00:01Z") {
                    guard case .success(let outcome) = result else { break batches }
                    if case .approved(.committed(let seq, let hash)) = outcome { r.acknowledged[seq] = hash }
                }
            }
        }
        // The store is closed (whatever it could not write after the crash is simply lost).
        r.crashed = crashvfs_crashed() != 0
        r.events = crashvfs_events()
        r.syncs = crashvfs_syncs()
        crashvfs_reset()
        // The shared-memory index does not survive a power loss; SQLite rebuilds it from the WAL.
        try? FileManager.default.removeItem(atPath: base.dbPath + "-shm")
        return r
    }

    /// The store after the crash: it opens, verifies, and has every acknowledged commit.
    static func check(_ base: LedgerStoreTests, _ r: Run, _ label: String) throws -> [Int64] {
        let store = try LedgerStore(path: base.dbPath)
        let report = try Bundle.verify(database: base.dbPath, jobs: 1, pinnedGenesis: nil)
        #expect(report.ok, "\(label): \(report.failures.prefix(3))")
        var stored: [Int64: Hash] = [:]
        try store.forEachEntryRow { row in stored[row.seq] = Hash.leaf(row.canonical) }
        return r.acknowledged.keys.sorted().filter { stored[$0] != r.acknowledged[$0] }
    }

    @Test(arguments: [false, true])
    func everyAcknowledgedCommitSurvivesEveryCrashPoint(torn: Bool) throws {
        try #require(Self.installed)
        // The events of a whole run, then a crash before each of them.
        let (probeBase, probeKeys) = try Self.ledger()
        let whole = try Self.run(probeBase, probeKeys, crashAt: -1, torn: torn)
        #expect(!whole.crashed && whole.acknowledged.count == 12 && whole.syncs >= 4 && whole.events > 40, "\(whole)")
        var points = 0
        for k in 0...whole.events {
            let (base, keys) = try Self.ledger()
            let r = try Self.run(base, keys, crashAt: k, torn: torn)
            let lost = try Self.check(base, r, "crash before event \(k)\(torn ? " (torn)" : "")")
            #expect(lost.isEmpty, "crash before event \(k)\(torn ? " (torn)" : ""): acknowledged commits lost: \(lost)")
            if r.crashed { points += 1 }
        }
        #expect(points == Int(whole.events), "every event was a crash point")
    }

    /// The control: without syncs, acknowledged commits are lost at some crash point.
    @Test func theTestSeesAMissingSync() throws {
        try #require(Self.installed)
        let (probeBase, probeKeys) = try Self.ledger()
        let whole = try Self.run(probeBase, probeKeys, crashAt: -1, torn: false, synchronousOff: true)
        #expect(whole.syncs == 0 && whole.acknowledged.count == 12)
        var lostSomewhere = false
        for k in stride(from: whole.events, through: 1, by: -1) {
            let (base, keys) = try Self.ledger()
            let r = try Self.run(base, keys, crashAt: k, torn: false, synchronousOff: true)
            if try !Self.check(base, r, "synchronous=OFF, crash before event \(k)").isEmpty { lostSomewhere = true; break }
        }
        #expect(lostSomewhere, "with synchronous=OFF no crash point lost an acknowledged commit: the test cannot see a missing sync")
    }
}
