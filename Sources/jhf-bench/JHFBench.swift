import ArgumentParser

/// Benchmarks of JHF Ledger (run from a release build: `swift build -c release`).
struct JHFBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jhf-bench",
        abstract: "Benchmarks: verify throughput against the crypto ceiling, the co-signed append path, proofs, reconciliation.",
        subcommands: [VerifyBench.self, ProofBench.self, ReconcileBench.self, AppendLoop.self, GroupCommitBench.self, LoadBench.self, Drive.self, CryptoCeiling.self, RunMeasured.self])
}
