import Foundation
import LedgerCore
import LedgerPublish
import LedgerStore
import Logging
import ServiceLifecycle

/// `jhf serve --publish DIR`: keeps DIR the current tlog-tiles publication of the ledger
/// (SPEC §11), so a plain web server over DIR is always current. Whenever the latest stored
/// checkpoint note changes — a group commit appended and signed one, or a cosignature arrived —
/// it publishes incrementally: what is new is read on the store's thread between group commits,
/// and the files are written and synced by this task (the checkpoint last). A failure is
/// logged and retried; appends never wait for it.
struct TilePublishing: ServiceLifecycle.Service {
    let worker: LedgerWorker
    let directory: String
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            var published: [UInt8]?
            var failures = 0
            // Where the last publication ended: the next one continues from it.
            var cursor: TilePublisher.Cursor?
            while !Task.isCancelled {
                let latest = try? await worker.read { s throws(StoreError) in try s.latestCheckpoint()?.note }
                if let note = latest ?? nil, published.map({ !Bytes.equal($0, note) }) ?? true {
                    do {
                        // Read on the store's thread; the files are written and synced here,
                        // so group commits never wait on them.
                        let dir = directory
                        let last = cursor
                        cursor = nil
                        let plan = try await worker.read { s throws(StoreError) in
                            try TilePublisher.plan(store: s, out: dir, entriesMax: ServiceLimits.publishPlanEntriesMax, cursor: last)
                        }
                        failures = 0
                        switch plan {
                        case .current:
                            (cursor, published) = (last, note)
                        case .planned(let publication, let end):
                            let report = try await Task.detached { () throws(StoreError) -> PublishReport in try publication.write(out: dir) }.value
                            cursor = end
                            // A step of a large gap: the next one follows at once.
                            guard publication.last else { continue }
                            worker.metrics.recordPublication(size: report.size, failed: false)
                            published = note
                        }
                    } catch {
                        failures += 1
                        worker.metrics.recordPublication(size: nil, failed: true)
                        logger.error("publishing the tiles failed", metadata: ["out": "\(directory)", "error": "\((error as? StoreError)?.message ?? "\(error)")"])
                    }
                }
                let wait = failures == 0 ? ServiceLimits.checkpointPollMilliseconds : ServiceLimits.retryDelayMilliseconds(failures: failures)
                if !(await pause(milliseconds: wait)) { return }
            }
        }
    }
}
