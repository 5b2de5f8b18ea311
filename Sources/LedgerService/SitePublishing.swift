import Dispatch
import Foundation
import LedgerCore
import LedgerPublish
import LedgerSite
import LedgerStore
import Logging
import ServiceLifecycle

/// `jhf serve --publish DIR --site SITE`: keeps SITE the public portal of the tiles in DIR.
/// Whenever DIR's checkpoint changes (the tile publisher replaced it), the site is rebuilt from
/// the tiles, exactly as `jhf publish site` does (the whole log is replayed and verified; only
/// changed files are written), on a task of its own: appends never wait for it. Changes that
/// arrive during a build are taken by the next one. The pages pin the served ledger's genesis
/// and the config's witness policy.
struct SitePublishing: ServiceLifecycle.Service {
    let worker: LedgerWorker
    let tiles: String
    let site: String
    let settings: SiteSettings
    let policy: WitnessPolicy?
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            var built: [UInt8]?
            var failures = 0
            while !Task.isCancelled {
                let current = FileManager.default.contents(atPath: "\(tiles)/checkpoint").map(Array.init)
                if let note = current, built.map({ !Bytes.equal($0, note) }) ?? true {
                    do {
                        let genesis = try await worker.read { s throws(StoreError) in s.state.genesisHash }
                        guard let genesis else { throw StoreError(.notFound, field: "genesis", "the ledger has no genesis entry yet") }
                        let options = try settings.options(genesis: genesis, policy: policy)
                        let (tiles, site) = (self.tiles, self.site)
                        let started = DispatchTime.now().uptimeNanoseconds
                        let result = try await Task.detached { () throws(StoreError) -> SiteBuilder.Result in
                            try SiteBuilder.build(from: DirectoryTiles(directory: tiles), out: site, options: options)
                        }.value
                        if result.verification.ok {
                            failures = 0
                            built = note
                            worker.metrics.recordSite(size: result.verification.entries,
                                                      seconds: Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9, failed: false)
                            logger.info("site published", metadata: ["entries": "\(result.verification.entries)", "written": "\(result.written.count)", "kept": "\(result.kept)"])
                        } else {
                            failures += 1
                            worker.metrics.recordSite(size: nil, seconds: nil, failed: true)
                            logger.error("the published tiles do not verify: the site was not updated", metadata: [
                                "failures": "\(result.verification.failureCount)", "first": "\(result.verification.failures.first.map { "\($0)" } ?? "")"])
                        }
                    } catch {
                        failures += 1
                        worker.metrics.recordSite(size: nil, seconds: nil, failed: true)
                        logger.error("publishing the site failed", metadata: ["out": "\(site)", "error": "\((error as? StoreError)?.message ?? "\(error)")"])
                    }
                }
                let wait = failures == 0 ? ServiceLimits.sitePollMilliseconds : ServiceLimits.retryDelayMilliseconds(failures: failures)
                if !(await pause(milliseconds: wait)) { return }
            }
        }
    }
}
