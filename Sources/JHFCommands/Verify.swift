import ArgumentParser
import LedgerCore
import LedgerStore

/// `jhf verify`: replays a ledger from genesis and reports every failure (SPEC §6).
struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Verify a ledger offline: a database or an export bundle. Exit 0 if valid, 1 if any rule fails.")

    @Option(help: "Ledger database to verify: a SQLite file, or postgresql://user@host:port/dbname.") var db: String?
    @Option(help: "Export bundle directory to verify.") var bundle: String?
    @Option(help: "A log published as tiles (SPEC §11): a URL or a directory. The entries are rebuilt from the entry bundles and every hash tile is checked against them.")
    var tiles: String?
    @OptionGroup var remote: RemoteOptions
    @Option(help: "Pinned genesis entry_hash (64 hex digits), published out of band (rule R13).") var genesis: String?
    @Option(help: "An earlier checkpoint note you kept: the entries it covered must be unchanged (rule R12).") var since: String?
    @Option(name: .customLong("witness-policy"), help: "Cosignatures the checkpoint must carry, e.g. \"2 of ASF,GAO,JOB\": valid tlog-cosignatures by at least k distinct institutions of the list (rule R12).")
    var witnessPolicy: String?
    @Flag(help: "Print the report as JSON (Schemas/verify-report.schema.json).") var json = false
    @Option(help: "Threads for parsing and signature checks (1–64).") var jobs: Int = 1
    @OptionGroup var progress: ProgressOptions

    func validate() throws {
        try LedgerReplay.validate(db: db, bundle: bundle, remote: remote, tiles: tiles, offersTiles: true)
        guard (1...Limits.verifyJobsMax).contains(jobs) else { throw ValidationError("--jobs must be from 1 to \(Limits.verifyJobsMax)") }
    }

    func run() throws {
        var verifier = try LedgerReplay.run(db: db, bundle: bundle, remote: remote, tiles: tiles, jobs: jobs,
                                            pinned: try LedgerReplay.pinnedGenesis(genesis), since: try LedgerReplay.earlierCheckpoint(since),
                                            witnessPolicy: try LedgerReplay.witnessPolicy(witnessPolicy), progress: ProgressLine("verifying", options: progress))
        try finish(verifier.finish())
    }

    private func finish(_ report: VerifyReport) throws {
        Console.out(json ? Render.json(report.json) : Render.report(report))
        if !report.ok { throw ExitCode(ExitStatus.verificationFailed) }
    }
}
