import ArgumentParser
import Foundation
import LedgerCore
import LedgerStore
import LedgerWitness
import Logging

/// `jhf witness`: run a C2SP tlog-witness.
struct WitnessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "witness", abstract: "Run a C2SP tlog-witness for the ledger's log.",
                                                    subcommands: [WitnessServe.self])
}

/// `jhf witness serve`: cosigns the checkpoints of the logs in its config, each only if it is
/// consistent with the last one it cosigned for that origin (c2sp.org/tlog-witness).
struct WitnessServe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the tlog-witness add-checkpoint endpoint: verify, record, cosign.",
        discussion: """
        CONFIG is a JSON object: {"state": "FILE", "logs": [{"origin": "jhf-ledger/<ledger_id>", "keys":
        [{"name": "<log key name>", "public_key": "<base64>"}]}]}. The state file (SQLite, created 0600,
        relative to CONFIG's directory) keeps the size and root last cosigned per origin; a log key
        rotation is a new (name, public_key) pair in the log's keys. Prints 'listening on HOST:PORT'
        once it accepts connections.
        """)

    @Option(help: "The witness's secret key file (role witness); its name is the cosignature's key name.") var key: String
    @Option(help: "Witness config file (JSON): its state file and the logs it witnesses.") var config: String
    @Option(help: "Address to listen on, HOST:PORT (port 0: any free port).") var listen: String = "127.0.0.1:8090"
    @Option(help: "Log level: trace, debug, info, notice, warning, error or critical.") var logLevel: String = "notice"

    func run() async throws {
        let (host, port) = try ServerOptions.listen(listen)
        let level = try ServerOptions.logLevel(logLevel)
        let file = try KeyFile.load(key)
        guard file.role == .witness else {
            throw CLIFailure("error [argument]: key: \(file.name) is not a witness key (its role is \(file.role.rawValue))")
        }
        let settings = try guarded { try WitnessConfig(bytes: try Files.read(config, field: "config")) }
        let base = URL(fileURLWithPath: config).deletingLastPathComponent()
        let statePath = settings.state.hasPrefix("/") ? settings.state : base.appendingPathComponent(settings.state).path
        let state = try guarded { try WitnessState(path: statePath) }
        var logger = Logger(label: "jhf.witness") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = level
        let witness = Witness(config: settings, state: state, name: file.name, key: file.secretKey)
        let app = WitnessServer.application(witness: witness, host: host, port: port, logger: logger) { bound in
            Console.out("listening on \(host):\(bound)")
        }
        do { try await app.runService() } catch { throw CLIFailure("error [io]: witness: \(error)", status: ExitStatus.storage) }
    }
}
