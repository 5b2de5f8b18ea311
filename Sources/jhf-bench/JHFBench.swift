import ArgumentParser

/// Benchmarks of JHF Ledger (run from a release build: `swift build -c release`).
///
/// `@main` on an async root command is how ArgumentParser runs async subcommands; it asks for
/// the availability annotation even on Linux.
@main
@available(macOS 10.15, macCatalyst 13, iOS 13, tvOS 13, watchOS 6, *)
struct JHFBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jhf-bench",
        abstract: "Benchmarks: verify throughput against the crypto ceiling, the co-signed append path, proofs, reconciliation.",
        subcommands: [VerifyBench.self, ProofBench.self, ReconcileBench.self, AppendLoop.self, GroupCommitBench.self, LoadBench.self, Drive.self, CryptoCeiling.self, WitnessBench.self, RunMeasured.self])
}
