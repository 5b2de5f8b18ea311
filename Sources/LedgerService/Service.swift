import Hummingbird
import HummingbirdCore
import LedgerCore
import LedgerStore
import Logging
import NIOCore
import ServiceLifecycle

/// Builds the service application over a ledger database.
public enum Service {
    /// The application and the worker that owns the store (close it after the server stops).
    /// With `publish`, the ledger is kept published as tiles in that directory and served under `/tlog/`;
    /// with `site` too, the public portal is kept current there (from the tiles) and served at `/`.
    public static func application(database: String, host: String, port: Int, config: ServiceConfig, signer: CheckpointSigner? = nil,
                                   publish: String? = nil, site: String? = nil, logger: Logger) throws(StoreError) -> (some ApplicationProtocol, LedgerWorker) {
        if site != nil && publish == nil {
            throw StoreError(.invalid, field: "site", "the site is built from the published tiles: give --publish DIR too")
        }
        if site != nil && config.site == nil {
            throw StoreError(.invalid, field: "site", "the config file needs a \"site\" member with at least \"base_url\" (see docs/SERVICE.md)")
        }
        let worker = try LedgerWorker(path: database, proposalLifetimeSeconds: config.proposalLifetimeSeconds, signer: signer,
                                      writerNice: config.writerNice)
        switch worker.writerPriority {
        case (let nice, nil): logger.info("store writer thread started", metadata: ["nice": "\(nice)"])
        case (let nice, let reason?):
            // Normal for an unprivileged service: it works, only with less headroom under load.
            let level: Logger.Level = config.writerNiceConfigured ? .warning : .notice
            logger.log(level: level, "store writer thread runs at the process's priority", metadata: [
                "nice": "\(nice)", "asked": "\(config.writerNice)", "reason": "\(reason)",
                "action": "grant CAP_SYS_NICE or LimitNICE (systemd), or set writer_nice to 0 in the config",
            ])
        }
        let fit = DescriptorLimit.fit(connections: config.connectionsMax)
        if fit.connections < config.connectionsMax {
            logger.warning("fewer connections than configured: the process may not open enough file descriptors", metadata: [
                "connections_max": "\(fit.connections)", "configured": "\(config.connectionsMax)", "descriptors": "\(fit.descriptors)",
                "action": "raise the hard limit on open files (ulimit -Hn, or LimitNOFILE in systemd)",
            ])
        }
        let registry = ConnectionRegistry(limit: fit.connections)
        worker.metrics.connections = registry
        let routes = Routes(worker: worker, access: Access(tokens: config.tokens), bodyBytesMax: config.requestBodyBytesMax, publishDirectory: publish,
                            siteDirectory: site)
        let (idle, deadline, grace) = (TimeAmount.seconds(config.idleTimeoutSeconds), TimeAmount.seconds(config.requestDeadlineSeconds),
                                       TimeAmount.seconds(config.shutdownGraceSeconds))
        var services: [any ServiceLifecycle.Service] = [ExpirySweep(worker: worker, logger: logger), DatabaseWatch(worker: worker, logger: logger)]
        if !config.witnesses.isEmpty {
            services.append(WitnessSubmitter(worker: worker, witnesses: config.witnesses, policy: config.witnessPolicy, logger: logger))
        }
        if let publish {
            services.append(TilePublishing(worker: worker, directory: publish, logger: logger))
            if let site, let settings = config.site {
                services.append(SitePublishing(worker: worker, tiles: publish, site: site, settings: settings, policy: config.witnessPolicy, logger: logger))
            }
        }
        let app = Application(
            router: routes.router(),
            server: HTTPServerBuilder { responder in
                LedgerHTTPChannel(responder: responder, registry: registry, idleTimeout: idle, requestDeadline: deadline, shutdownGrace: grace)
            },
            configuration: .init(address: .hostname(host, port: port), serverName: "jhf-ledger"),
            services: services,
            logger: logger)
        return (app, worker)
    }
}

/// Closes pending proposals whose lifetime has run out, at start and then every minute; and
/// says, once, when the checkpoint signer is no longer an active log key (a key_update revoked
/// it): the store then stops signing rather than sign with a key the ledger no longer trusts.
/// Stops the service when its PostgreSQL connection has ended: the store cannot write or read
/// any more, and the sequencer lock went with the session, so a standby may already be taking
/// over. The service ends with an error (`jhf serve` exits 3) for its supervisor to see.
struct DatabaseWatch: ServiceLifecycle.Service {
    let worker: LedgerWorker
    let logger: Logger

    struct Lost: Error, CustomStringConvertible {
        var description: String { "the connection to the database ended; this service can no longer append (its sequencer lock ended with it)" }
    }

    func run() async throws {
        let lost = await cancelWhenGracefulShutdown { () async -> Bool in
            while !Task.isCancelled {
                if (try? await worker.read({ $0.connectionLost })) == true { return true }
                do { try await Task.sleep(for: .milliseconds(ServiceLimits.databaseWatchMilliseconds)) } catch { return false }
            }
            return false
        }
        if lost == true {
            logger.critical("lost the database connection; stopping", metadata: ["action": "restart jhf serve (as --standby if another one took over)"])
            throw Lost()
        }
    }
}

struct ExpirySweep: ServiceLifecycle.Service {
    let worker: LedgerWorker
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            var signerWarned = false
            while !Task.isCancelled {
                if !signerWarned, let name = try? await worker.read({ store in store.inactiveCheckpointSigner }) {
                    signerWarned = true
                    logger.error("checkpoints are no longer signed: the log key is not an active log key of the ledger",
                                 metadata: ["log_key": "\(name)", "action": "restart jhf serve with --log-key of an active log key"])
                }
                switch await worker.submit(.expireDue) {
                case .success(.expired(let ids)) where !ids.isEmpty:
                    logger.info("proposals expired", metadata: ["count": "\(ids.count)", "ids": "\(ids.prefix(20).joined(separator: ","))"])
                case .failure(let e): logger.error("expiry sweep failed", metadata: ["code": "\(e.code.rawValue)"])
                default: break
                }
                // Cancelled at shutdown: that is the normal way out of this loop.
                do { try await Task.sleep(for: .seconds(ServiceLimits.expirySweepSeconds)) } catch { return }
            }
        }
    }
}
