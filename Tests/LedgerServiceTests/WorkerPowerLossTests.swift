import CCrashVFS
import CSQLite
import Foundation
import LedgerCore
@_spi(Testing) import LedgerService
import LedgerStore
import Synchronization
import Testing

/// Power loss under the service's own writer: `LedgerWorker` group-commits concurrent
/// proposals and approvals (as HTTP requests hand them over) through the crash-simulating VFS,
/// with a crash before each write or sync in turn. Every approval the worker answered with a
/// seq must be in the chain afterwards, with the same hash, and the store must verify.
@Suite(.serialized) struct WorkerPowerLossTests {
    static let installed: Bool = crashvfs_install() == SQLITE_OK
    static let disbursements = 8

    /// Proposes and co-signs `disbursements` concurrently through a worker over the crash VFS;
    /// the commits the worker acknowledged, and the run's event count.
    static func run(_ h: Harness, crashAt: Int64) async throws -> (acknowledged: [Int64: Hash], events: Int64, crashed: Bool) {
        // The harness's own worker lets go of the file first: only the crash VFS's connection may have it open.
        await h.worker.close()
        let worker = try LedgerWorker(path: h.path, clock: h.clock.read, vfs: "crashvfs")
        crashvfs_arm(crashAt, 0)
        let acknowledged = Acknowledged()
        await withTaskGroup(of: Void.self) { group in
            for n in 1...disbursements {
                group.addTask {
                    guard let draft = try? ProposalDraft(kind: .disbursement, input: Harness.disbursement("D-\(n)", amount: 1),
                                                         salt: [UInt8](repeating: UInt8(n), count: 16), now: worker.now),
                          case .success = await worker.submit(.propose(draft)) else { return }
                    let message = draft.body.approvalMessage(ledgerID: Harness.ledgerID)
                    for key in ["svc-shcp-a", "svc-usaid-b"] {
                        let r = await worker.submit(.approve(id: draft.id, keyName: key, signature: LedgerBuilder.testKey(key).sign(message)))
                        if case .success(.approved(.committed(let seq, let hash))) = r { acknowledged.commits.withLock { $0[seq] = hash } }
                    }
                }
            }
        }
        await worker.close()
        let result = (acknowledged.commits.withLock { $0 }, crashvfs_events(), crashvfs_crashed() != 0)
        crashvfs_reset()
        try? FileManager.default.removeItem(atPath: h.path + "-shm")
        return result
    }

    /// The commits answered with a seq, from the clients' tasks.
    final class Acknowledged: Sendable {
        let commits = Mutex<[Int64: Hash]>([:])
    }

    @Test func everyAnsweredCommitSurvivesEveryCrashPoint() async throws {
        try #require(Self.installed)
        let whole = try await Self.run(try Harness(), crashAt: -1)
        #expect(!whole.crashed && whole.acknowledged.count == Self.disbursements && whole.events > 8, "\(whole)")
        // Concurrent requests batch differently from run to run: each run is checked on its own.
        for k in 0..<whole.events {
            let h = try Harness()
            let r = try await Self.run(h, crashAt: k)
            let report = try Bundle.verify(database: h.path, jobs: 1, pinnedGenesis: nil)
            #expect(report.ok, "crash before event \(k): \(report.failures.prefix(3))")
            var stored: [Int64: Hash] = [:]
            try LedgerStore(path: h.path).forEachEntryRow { row in stored[row.seq] = Hash.leaf(row.canonical) }
            let lost = r.acknowledged.keys.sorted().filter { stored[$0] != r.acknowledged[$0] }
            #expect(lost.isEmpty, "crash before event \(k): answered commits lost: \(lost)")
        }
    }
}
