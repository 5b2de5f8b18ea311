import CCrashVFS
import CSQLite
import Foundation
import LedgerCore
@_spi(Testing) import LedgerService
@_spi(Testing) @testable import LedgerStore
import Synchronization
import Testing

/// Power loss, not just SIGKILL: group commits run through a VFS that keeps what each file had
/// at its last sync (Tests/CCrashVFS), and a crash is simulated before every write or sync in
/// turn, throwing away (or tearing) whatever was not synced. After each crash the store must
/// open and verify, and every commit that was acknowledged must be there with the same hash.
/// With `synchronous=OFF` the same harness must lose acknowledged commits: the test can see a
/// missing sync. The crash VFS's state is process-wide, so every test that arms it is here,
/// in one serialized suite.
@Suite(.serialized) struct PowerLossTests {
    /// The store's process-wide SQLite settings go first: installing the VFS initializes SQLite.
    static let installed: Bool = SQLiteConnection.memoryStatisticsOff && crashvfs_install() == SQLITE_OK

    /// What one crash run saw.
    struct Run: CustomStringConvertible {
        var acknowledged: [Int64: Hash] = [:]
        var crashed = false
        var events: Int64 = 0
        var syncs: Int64 = 0
        var description: String { "\(acknowledged.count) acknowledged, \(events) events, \(syncs) syncs, crashed \(crashed)" }
    }

    /// A ledger with genesis committed, whose harness worker has let go of the file.
    static func ledger() async throws -> Harness {
        let h = try Harness()
        await h.worker.close()
        return h
    }

    static func draft(_ n: Int) throws -> ProposalDraft {
        try ProposalDraft(kind: .disbursement, input: Harness.disbursement("D-\(n)", amount: 1), salt: [UInt8](repeating: UInt8(n), count: 16),
                          now: "2026-11-02T00:00:00Z")
    }

    static let approvers = ["svc-shcp-a", "svc-usaid-b"]

    /// Ends a run: what the VFS saw; the files as the crash left them, without the shared-memory
    /// index (it does not survive a power loss; SQLite rebuilds it from the WAL).
    static func finish(_ h: Harness, _ r: inout Run) {
        r.crashed = crashvfs_crashed() != 0
        r.events = crashvfs_events()
        r.syncs = crashvfs_syncs()
        crashvfs_reset()
        try? FileManager.default.removeItem(atPath: h.path + "-shm")
    }

    /// Four group commits of three co-signed disbursements each (proposal and both approvals in
    /// one transaction) through `LedgerStore.write`, crash armed at event `crashAt`.
    static func storeRun(_ h: Harness, crashAt: Int64, torn: Bool, synchronousOff: Bool = false) throws -> Run {
        var r = Run()
        do {
            let store = try LedgerStore(path: h.path, vfs: "crashvfs")
            if synchronousOff { try store.db.exec("PRAGMA synchronous=OFF") }
            crashvfs_arm(crashAt, torn ? 1 : 0)
            var n = 0
            batches: for _ in 0..<4 {
                var requests: [WriteRequest] = []
                for _ in 0..<3 {
                    n += 1
                    let d = try draft(n)
                    let message = d.body.approvalMessage(ledgerID: Harness.ledgerID)
                    requests.append(.propose(d))
                    for key in approvers { requests.append(.approve(id: d.id, keyName: key, signature: LedgerBuilder.testKey(key).sign(message))) }
                }
                for result in store.write(requests, now: "2026-11-02T00:00:01Z") {
                    guard case .success(let outcome) = result else { break batches }
                    if case .approved(.committed(let seq, let hash)) = outcome { r.acknowledged[seq] = hash }
                }
            }
        }
        finish(h, &r)
        return r
    }

    /// Eight clients propose and co-sign concurrently through `LedgerWorker`, the service's
    /// writer, crash armed at event `crashAt`.
    static func workerRun(_ h: Harness, crashAt: Int64) async throws -> Run {
        let worker = try LedgerWorker(path: h.path, clock: h.clock.read, vfs: "crashvfs")
        crashvfs_arm(crashAt, 0)
        let acknowledged = Acknowledged()
        await withTaskGroup(of: Void.self) { group in
            for n in 1...8 {
                group.addTask {
                    guard let d = try? draft(n), case .success = await worker.submit(.propose(d)) else { return }
                    let message = d.body.approvalMessage(ledgerID: Harness.ledgerID)
                    for key in approvers {
                        let r = await worker.submit(.approve(id: d.id, keyName: key, signature: LedgerBuilder.testKey(key).sign(message)))
                        if case .success(.approved(.committed(let seq, let hash))) = r { acknowledged.commits.withLock { $0[seq] = hash } }
                    }
                }
            }
        }
        await worker.close()
        var r = Run(acknowledged: acknowledged.commits.withLock { $0 })
        finish(h, &r)
        return r
    }

    /// The commits answered with a seq, from the clients' tasks.
    final class Acknowledged: Sendable {
        let commits = Mutex<[Int64: Hash]>([:])
    }

    /// The store after the crash: it opens and verifies; returns the acknowledged commits it lacks.
    static func lost(_ h: Harness, _ r: Run, _ label: String) throws -> [Int64] {
        let store = try LedgerStore(path: h.path)
        let report = try Bundle.verify(database: h.path, jobs: 1, pinnedGenesis: nil)
        #expect(report.ok, "\(label): \(report.failures.prefix(3))")
        var stored: [Int64: Hash] = [:]
        try store.forEachEntryRow { row in stored[row.seq] = Hash.leaf(row.canonical) }
        return r.acknowledged.keys.sorted().filter { stored[$0] != r.acknowledged[$0] }
    }

    @Test(arguments: [false, true])
    func everyAcknowledgedGroupCommitSurvivesEveryCrashPoint(torn: Bool) async throws {
        try #require(Self.installed)
        let whole = try Self.storeRun(try await Self.ledger(), crashAt: -1, torn: torn)
        #expect(!whole.crashed && whole.acknowledged.count == 12 && whole.syncs >= 4 && whole.events > 40, "\(whole)")
        var points = 0
        for k in 0...whole.events {
            let h = try await Self.ledger()
            let r = try Self.storeRun(h, crashAt: k, torn: torn)
            let label = "crash before event \(k)\(torn ? " (torn)" : "")"
            #expect(try Self.lost(h, r, label).isEmpty, "\(label): acknowledged commits lost")
            if r.crashed { points += 1 }
        }
        #expect(points == Int(whole.events), "every event was a crash point")
    }

    /// The control: without syncs, acknowledged commits are lost at some crash point.
    @Test func theTestSeesAMissingSync() async throws {
        try #require(Self.installed)
        let whole = try Self.storeRun(try await Self.ledger(), crashAt: -1, torn: false, synchronousOff: true)
        #expect(whole.syncs == 0 && whole.acknowledged.count == 12, "\(whole)")
        var lostSomewhere = false
        for k in stride(from: whole.events, through: 1, by: -1) {
            let h = try await Self.ledger()
            let r = try Self.storeRun(h, crashAt: k, torn: false, synchronousOff: true)
            if try !Self.lost(h, r, "synchronous=OFF, crash before event \(k)").isEmpty { lostSomewhere = true; break }
        }
        #expect(lostSomewhere, "with synchronous=OFF no crash point lost an acknowledged commit: the test cannot see a missing sync")
    }

    @Test func everyAnsweredCommitOfTheServicesWriterSurvivesEveryCrashPoint() async throws {
        try #require(Self.installed)
        let whole = try await Self.workerRun(try await Self.ledger(), crashAt: -1)
        #expect(!whole.crashed && whole.acknowledged.count == 8 && whole.events > 8, "\(whole)")
        // Concurrent requests batch differently from run to run: each run is checked on its own.
        for k in 0..<whole.events {
            let h = try await Self.ledger()
            let r = try await Self.workerRun(h, crashAt: k)
            #expect(try Self.lost(h, r, "worker, crash before event \(k)").isEmpty, "worker, crash before event \(k): answered commits lost")
        }
    }
}
