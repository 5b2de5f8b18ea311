import Hummingbird
import LedgerCore
import LedgerStore
import Logging
import ServiceLifecycle

/// Builds the service application over a ledger database.
public enum Service {
    /// The application and the worker that owns the store (close it after the server stops).
    public static func application(database: String, host: String, port: Int, config: ServiceConfig, signer: CheckpointSigner? = nil,
                                   logger: Logger) throws(StoreError) -> (some ApplicationProtocol, LedgerWorker) {
        let worker = try LedgerWorker(path: database, proposalLifetimeSeconds: config.proposalLifetimeSeconds, signer: signer)
        let routes = Routes(worker: worker, access: Access(tokens: config.tokens), bodyBytesMax: config.requestBodyBytesMax)
        let app = Application(
            router: routes.router(),
            server: .http1(configuration: .init(idleTimeout: .seconds(config.idleTimeoutSeconds))),
            configuration: .init(address: .hostname(host, port: port), serverName: "jhf-ledger"),
            services: [ExpirySweep(worker: worker, logger: logger)],
            logger: logger)
        return (app, worker)
    }
}

/// Closes pending proposals whose lifetime has run out, at start and then every minute.
struct ExpirySweep: ServiceLifecycle.Service {
    let worker: LedgerWorker
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
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
