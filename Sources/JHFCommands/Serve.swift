import ArgumentParser
import Dispatch
import LedgerService
import LedgerStore

/// `jhf serve`: the HTTP service over a ledger database (public read routes so far).
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Serve a ledger over HTTP: /healthz, /v1/ledger, /v1/entries, /v1/entries/{seq}.")

    @Option(help: "Ledger database.") var db: String
    @Option(help: "Address to listen on, HOST:PORT.") var listen: String = "127.0.0.1:8080"

    func run() throws {
        guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]), (1...65535).contains(port) else {
            throw CLIFailure("error [argument]: listen: must be HOST:PORT with a port from 1 to 65535")
        }
        let host = String(listen[..<colon])
        let app = try guarded { try Service.application(database: db, host: host, port: port) }
        // ArgumentParser runs this synchronously; the server runs until SIGTERM or SIGINT.
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var failure: Error?
        Task {
            do { try await app.runService() } catch { failure = error }
            done.signal()
        }
        done.wait()
        if let failure { throw CLIFailure("error [io]: serve: \(failure)", status: ExitStatus.storage) }
    }
}
