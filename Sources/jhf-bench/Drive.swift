import ArgumentParser
import AsyncHTTPClient
import Foundation
import LedgerCore
import LedgerService

/// `jhf-bench drive`: officer clients co-signing disbursements against a running service,
/// printing `committed D-N SEQ ENTRY_HASH` (unbuffered) for every approval answered with a
/// seq. The service-kill test runs it as its load and kills the service under it.
struct Drive: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Co-sign disbursements against a running service, reporting each commit (the service-kill test's load).")

    @Option(help: "Ledger database; with --prepare, created with benchmark keys and a config beside it.") var db: String?
    @Flag(help: "Only create the ledger (--db) and its service config (--config), then exit.") var prepare = false
    @Option(help: "Service config to write with --prepare.") var config: String?
    @Option(help: "Service URL.") var url: String?
    @Option(help: "Number of the first disbursement.") var first = 1
    @Option(help: "Disbursements to co-sign.") var count = 1_000_000
    @Option(help: "Concurrent clients.") var clients = 16

    func run() async throws {
        if prepare {
            guard let db, let config else { throw ValidationError("--prepare needs --db and --config") }
            _ = try LoadBench.prepare(db: db, config: config)
            return
        }
        guard let url else { throw ValidationError("give --url, or --prepare") }
        let (first, count, clients) = (self.first, self.count, self.clients)
        let result = await Result { () async throws -> Void in
            let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(
                connectionPool: .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: clients * 2)))
            var load = Load(client: client, base: url, token: LoadBench.benchToken)
            load.onCommit = { n, seq, hash in FileHandle.standardOutput.write(Data("committed D-\(n) \(seq) \(hash)\n".utf8)) }
            do {
                _ = try await load.run(first: first, count: count, clients: clients)
                try await client.shutdown()
            } catch {
                try? await client.shutdown()
                throw error
            }
        }
        if case .failure(let e) = result { throw BenchError("drive stopped: \(e)") }
    }
}
