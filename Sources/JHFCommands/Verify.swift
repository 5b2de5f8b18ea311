import ArgumentParser
import LedgerCore
import LedgerStore

/// `jhf verify`: replays a ledger from genesis and reports every failure (SPEC §6).
struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Verify a ledger offline: a database or an export bundle. Exit 0 if valid, 1 if any rule fails.")

    @Option(help: "Ledger database to verify.") var db: String?
    @Option(help: "Export bundle directory to verify.") var bundle: String?
    @OptionGroup var remote: RemoteOptions
    @Option(help: "Pinned genesis entry_hash (64 hex digits), published out of band (rule R13).") var genesis: String?
    @Option(help: "An earlier checkpoint note you kept: the entries it covered must be unchanged (rule R12).") var since: String?
    @Flag(help: "Print the report as JSON (Schemas/verify-report.schema.json).") var json = false
    @Option(help: "Threads for parsing and signature checks (1–64).") var jobs: Int = 1

    func validate() throws {
        guard [db != nil, bundle != nil, remote.server != nil].filter({ $0 }).count == 1 else {
            throw ValidationError("give exactly one of --db, --bundle or --server")
        }
        guard (1...Limits.verifyJobsMax).contains(jobs) else { throw ValidationError("--jobs must be from 1 to \(Limits.verifyJobsMax)") }
    }

    func run() throws {
        let pinned = try genesis.map { g in
            do { return try Hash(hex: g) } catch { throw CLIFailure("error [schema]: genesis: must be 64 lowercase hex digits") }
        }
        let earlier: [UInt8]?
        if let since {
            guard let bytes = try guarded({ try Bundle.readCheckpoint(since) }) else { throw CLIFailure("error [io]: since: \(since) does not exist", status: ExitStatus.storage) }
            earlier = bytes
        } else {
            earlier = nil
        }
        if remote.server != nil, let client = try remote.client(db: nil) {
            // The entries are downloaded and replayed here: the service is not trusted to judge itself.
            var verifier = Verifier(jobs: jobs, pinnedGenesis: pinned, checkpoint: try client.latestCheckpoint(), since: earlier)
            var batch: [Line] = []
            try client.forEachLine("entries") { line in
                batch.append(Line(bytes: line))
                if batch.count == Limits.verifyBatchEntriesMax { verifier.feed(batch); batch.removeAll(keepingCapacity: true) }
            }
            verifier.feed(batch)
            return try finish(verifier.finish())
        }
        let report = try guarded {
            if let db { return try Bundle.verify(database: db, jobs: jobs, pinnedGenesis: pinned, since: earlier) }
            return try Bundle.verify(directory: bundle!, jobs: jobs, pinnedGenesis: pinned, since: earlier)
        }
        try finish(report)
    }

    private func finish(_ report: VerifyReport) throws {
        Console.out(json ? Render.json(report.json) : Render.report(report))
        if !report.ok { throw ExitCode(ExitStatus.verificationFailed) }
    }
}
