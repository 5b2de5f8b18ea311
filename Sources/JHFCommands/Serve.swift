import ArgumentParser
import LedgerCore
import LedgerService
import LedgerStore
import Logging

/// `jhf serve`: the HTTP service over a ledger database.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve a ledger over HTTP: propose and co-sign, read entries, ledger info, metrics.",
        discussion: """
        Without --config the service accepts no tokens: only the public reads
        (/healthz, /metrics, /v1/ledger, /v1/entries) work. SIGTERM or SIGINT stops
        accepting connections, finishes the requests in flight and closes the store.

        On PostgreSQL one `jhf serve` at a time appends (it holds the database's
        sequencer lock while it runs). Another one refuses to start, or with
        --standby waits, without listening, and takes over once the lock is free.
        """)

    @Option(help: "Ledger database: a SQLite file, or postgresql://user@host:port/dbname.") var db: String
    @Option(help: "Address to listen on, HOST:PORT.") var listen: String = "127.0.0.1:8080"
    @Option(help: "Service config file (JSON): access tokens as SHA-256 digests, limits, proposal lifetime.") var config: String?
    @Option(help: "Log level: trace, debug, info, notice, warning, error or critical.") var logLevel: String = "info"
    @Option(help: "Secret key file of the ledger's active log key: sign a checkpoint after every group commit that appends.") var logKey: String?
    @Option(help: "Keep DIR the ledger's tlog-tiles publication (SPEC §11), updated after each new checkpoint or cosignature, and serve it under /tlog/.")
    var publish: String?
    @Option(help: "With --publish: keep SITE the public portal and its open data (as `jhf publish site`, with the config's \"site\" member), rebuilt after each new checkpoint, and serve it at /.")
    var site: String?
    @Flag(help: "On PostgreSQL, if another jhf serve is appending to the database: wait as its standby and take over when it stops (without this flag: refuse to start).")
    var standby = false

    func run() async throws {
        let (host, port) = try ServerOptions.listen(listen)
        let level = try ServerOptions.logLevel(logLevel)
        let settings: ServiceConfig
        if let config {
            let bytes = try Files.read(config, field: "config")
            settings = try guarded { try ServiceConfig(bytes: bytes) }
        } else {
            settings = ServiceConfig()
        }
        var logger = Logger(label: "jhf.service") { ServiceLogHandler(label: $0) }
        logger.logLevel = level
        if settings.tokens.isEmpty { logger.warning("no access tokens configured: only public reads will succeed") }
        var signer: CheckpointSigner?
        if let logKey {
            signer = try KeyFile.logSigner(logKey)
        } else {
            logger.warning("no --log-key: no checkpoints will be signed")
        }
        let (app, worker) = try guarded {
            try Service.application(database: db, host: host, port: port, config: settings, signer: signer, publish: publish, site: site, logger: logger)
        }
        do {
            try await holdSequencer(worker, logger: logger)
        } catch {
            await worker.close()
            throw error
        }
        // The server runs until SIGTERM or SIGINT; the store is closed after it stops, whether
        // it stopped cleanly or not.
        let served: Result<Void, Error>
        do { served = .success(try await app.runService()) } catch { served = .failure(error) }
        await worker.close()
        if case .failure(let failure) = served { throw CLIFailure("error [io]: serve: \(failure)", status: ExitStatus.storage) }
    }

    /// Takes the sequencer lock, or waits for it with --standby (polling; nothing is served meanwhile).
    private func holdSequencer(_ worker: LedgerWorker, logger: Logger) async throws {
        if try await guardedAsync({ try await worker.takeSequencerLock() }) { return }
        guard standby else {
            throw CLIFailure("error [io]: db: another jhf serve is appending to \(try StoreLocation(db)) (it holds the sequencer lock); "
                             + "start this one with --standby to wait and take over", status: ExitStatus.storage)
        }
        logger.notice("standby: another jhf serve holds the sequencer lock; waiting to take over")
        while !(try await guardedAsync({ try await worker.takeSequencerLock() })) {
            try await Task.sleep(for: .milliseconds(ServerOptions.standbyPollMilliseconds))
        }
        let entries = try await worker.read { $0.size }
        logger.notice("took over as the sequencer", metadata: ["entries": "\(entries)"])
    }
}
