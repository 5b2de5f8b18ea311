import ArgumentParser
import Foundation

/// The `jhf` command: create a ledger, propose and co-sign entries, export and verify.
public struct JHF: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "jhf",
        abstract: "JHF Ledger: co-signed, hash-chained disbursement ledger of the Joint Humanitarian Fund.",
        discussion: """
        Exit codes (the same for every command):
          0  success
          1  verification found failures
          2  usage error, invalid input, or a refused proposal or approval
          3  storage or I/O error
        """,
        subcommands: [Keygen.self, Init.self, Propose.self, Approve.self, Show.self, List.self, Export.self, Verify.self, Report.self, Proof.self, VerifyProof.self, CheckpointCommand.self, PublishCommand.self, WitnessCommand.self, MonitorCommand.self, PaymentsCommand.self, ReconcileCommand.self, Serve.self, StoreCommand.self, Token.self])

    public init() {}

    /// Runs the command line and returns the documented exit code.
    public static func runMain(_ arguments: [String]) async -> Int32 {
        // A closed pipe is an error returned by write, not a signal that kills the process.
        signal(SIGPIPE, SIG_IGN)
        do {
            var command = try parseAsRoot(hoistingRemoteOptions(arguments))
            if var async = command as? any AsyncParsableCommand { try await async.run() } else { try command.run() }
            return ExitStatus.success
        } catch let exit as ExitCode {
            return exit.rawValue
        } catch let e as CLIFailure {
            Console.error(e.text)
            return e.status
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                Console.out(fullMessage(for: error))
                return ExitStatus.success
            }
            Console.error(fullMessage(for: error))
            return ExitStatus.invalid
        }
    }
}

/// `jhf --server URL --token-file F propose …` is accepted as well as
/// `jhf propose --server URL --token-file F …`: options given before the command move after it.
func hoistingRemoteOptions(_ arguments: [String]) -> [String] {
    var leading: [String] = []
    var rest = arguments[...]
    while let first = rest.first, first == "--server" || first == "--token-file" || first.hasPrefix("--server=") || first.hasPrefix("--token-file=") {
        leading.append(first)
        rest = rest.dropFirst()
        if !first.contains("="), let value = rest.first { leading.append(value); rest = rest.dropFirst() }
    }
    guard !leading.isEmpty, let command = rest.first else { return arguments }
    return [command] + leading + rest.dropFirst()
}

/// The documented exit codes.
public enum ExitStatus {
    public static let success: Int32 = 0
    public static let verificationFailed: Int32 = 1
    public static let invalid: Int32 = 2
    public static let storage: Int32 = 3
}
