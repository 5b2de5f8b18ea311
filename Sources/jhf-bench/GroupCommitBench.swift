import ArgumentParser
import Foundation
import LedgerCore
import LedgerStore

/// `jhf-bench writer`: the store's group-commit path alone, without HTTP or other threads.
///
/// Each transaction carries what the service's writer sees under load: proposals for
/// `--per-commit` new disbursements, the first approvals of the previous ones and the second
/// approvals (which append the entries) of the ones before. Signatures are made and verified
/// before timing, as the service verifies them on its request threads, so the figure is the
/// writer's own cost per co-signed disbursement: SQL, the replay's evaluation, WAL writes
/// and the durable commit.
struct GroupCommitBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "writer",
        abstract: "Co-signed disbursements per second through the store's group commit, in one process.")

    @Option(help: "Ledger database (a new one is created; it must not exist).") var db: String
    @Option(help: "Disbursements to commit.") var count: Int = 20_000
    @Option(help: "New disbursements per transaction (each transaction also carries the approvals of earlier ones).") var perCommit: Int = 4

    /// Every request is built before timing and held in memory (a few KiB per disbursement).
    static let countMax = 200_000

    func validate() throws {
        guard count >= 1 && count <= Self.countMax else { throw ValidationError("--count must be from 1 to \(Self.countMax)") }
        guard perCommit >= 1 && perCommit * 3 <= Limits.writeBatchRequestsMax else {
            throw ValidationError("--per-commit must be from 1 to \(Limits.writeBatchRequestsMax / 3)")
        }
    }

    func run() throws {
        guard !FileManager.default.fileExists(atPath: db) else { throw BenchError("\(db) exists; give a new path") }
        let now = "2026-11-23T12:00:00Z"
        let store = try BenchLedger.create(db: db, now: now)
        // Everything the requests carry is made before timing: [propose, approve, approve] each.
        let disbursements = try Parallel.map(count, jobs: ProcessInfo.processInfo.activeProcessorCount) { i in
            Result { () throws(StoreError) -> [WriteRequest] in try BenchLedger.requests(i + 1, now: now) }
        }.map { try $0.get() }
        let batches = (count + perCommit - 1) / perCommit
        var transactions = 0
        let start = Measure.now(), startCPU = Measure.ownCPUSeconds()
        // Batch t proposes group t, first-approves group t-1 and second-approves group t-2.
        for t in 0..<(batches + 2) {
            var requests: [WriteRequest] = []
            func group(_ g: Int) -> Range<Int> { g < 0 || g >= batches ? 0..<0 : (g * perCommit)..<min(count, (g + 1) * perCommit) }
            requests += group(t).map { disbursements[$0][0] }
            requests += group(t - 1).map { disbursements[$0][1] }
            requests += group(t - 2).map { disbursements[$0][2] }
            for case .failure(let e) in store.write(requests, now: now) { throw BenchError("a request was refused: \(e)") }
            transactions += 1
        }
        let seconds = Measure.now() - start, cpu = Measure.ownCPUSeconds() - startCPU
        guard store.state.size == Int64(count) + 1 else { throw BenchError("expected \(count + 1) entries, the store has \(store.state.size)") }
        let wal = (try? FileManager.default.attributesOfItem(atPath: db + "-wal")[.size] as? Int) ?? 0
        print("writer: \(count) co-signed disbursements in \(transactions) transactions (\(perCommit) new per transaction)")
        print(String(format: "  committed:  %.0f disbursements/s (%.2f s, %.0f µs each)", Double(count) / seconds, seconds, seconds * 1e6 / Double(count)))
        print(String(format: "  CPU:        %.0f µs per disbursement (the rest of the time is mostly waiting for the disk)", cpu * 1e6 / Double(count)))
        print("  WAL file:   \(wal / 1024) KiB at the end")
    }
}
