import Foundation
import LedgerCore
import LedgerPublish
import LedgerStore
import Logging
import ServiceLifecycle

/// `jhf serve --publish DIR`: keeps DIR the current tlog-tiles publication of the ledger
/// (SPEC §11), so a plain web server over DIR is always current. Whenever the latest stored
/// checkpoint note changes — a group commit appended and signed one, or a cosignature arrived —
/// it publishes incrementally (only the new tiles, then the checkpoint), on the store's thread
/// between group commits. A failure is logged and retried; appends never wait for it.
struct TilePublishing: ServiceLifecycle.Service {
    let worker: LedgerWorker
    let directory: String
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            var published: [UInt8]?
            var failures = 0
            while !Task.isCancelled {
                let latest = try? await worker.read { s throws(StoreError) in try s.latestCheckpoint()?.note }
                if let note = latest ?? nil, published.map({ !Bytes.equal($0, note) }) ?? true {
                    do {
                        let dir = directory
                        let report = try await worker.read { s throws(StoreError) in try TilePublisher.publish(store: s, out: dir, incremental: true) }
                        worker.metrics.recordPublication(size: report.size, failed: false)
                        (published, failures) = (note, 0)
                    } catch {
                        failures += 1
                        worker.metrics.recordPublication(size: nil, failed: true)
                        logger.error("publishing the tiles failed", metadata: ["out": "\(directory)", "error": "\((error as? StoreError)?.message ?? "\(error)")"])
                    }
                }
                let wait = failures == 0 ? ServiceLimits.checkpointPollMilliseconds
                    : min(ServiceLimits.witnessBackoffMaxMilliseconds, ServiceLimits.witnessBackoffFirstMilliseconds << min(failures, 16))
                do { try await Task.sleep(for: .milliseconds(wait)) } catch { return }
            }
        }
    }
}
