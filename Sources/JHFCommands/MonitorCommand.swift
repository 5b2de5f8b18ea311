import ArgumentParser
import Foundation
import LedgerCore
import LedgerPublish
import LedgerStore

/// `jhf monitor`: follows a published log (SPEC §11) as anyone can, and says loudly when it
/// misbehaves.
struct MonitorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "monitor",
        abstract: "Follow a ledger published as tiles: check each new checkpoint and entry, report what changed.",
        discussion: """
        Each round fetches the checkpoint, checks the log key's signature, the cosignatures and the
        --witness-policy, proves it consistent with the checkpoint seen last (kept in --state),
        downloads only the new entries, replays them with every rule of `jhf verify` and checks that
        they hash to the checkpoint's root. It reports new disbursements, key changes and suspensions.
        The entries already verified are kept in STATE.entries and replayed locally at start.

        Exit 0: consistent. Exit 1: an inconsistency (a fork, a shrink, a rewritten entry, a rule
        failure, a policy shortfall); the evidence (both checkpoints and the proof) is written to a
        file in --evidence (default: the state file's directory) and nothing is saved. Exit 3: the
        log could not be read (no checkpoint, a withheld tile, an unreachable server); with
        --interval such a round is reported and the next one tried.
        """)

    @Option(help: "The published log: a URL (any web server, `jhf serve`'s /tlog) or a directory.") var tiles: String
    @Option(help: "File keeping the last checkpoint accepted (created on the first round).") var state: String
    @Option(help: "Pinned genesis entry_hash (64 hex digits), published out of band (rule R13).") var genesis: String?
    @Option(name: .customLong("witness-policy"), help: "Cosignatures each checkpoint must carry, e.g. \"2 of ASF,GAO,JOB\" (rule R12).")
    var witnessPolicy: String?
    @Option(help: "Seconds between rounds; without it, one round and exit.") var interval: Int?
    @Option(help: "Directory for evidence files (default: the state file's directory).") var evidence: String?
    @Option(help: "Threads for parsing and signature checks (1–64).") var jobs: Int = 1

    func validate() throws {
        if let interval, !(1...86_400).contains(interval) { throw ValidationError("--interval must be from 1 to 86400 seconds") }
        guard (1...Limits.verifyJobsMax).contains(jobs) else { throw ValidationError("--jobs must be from 1 to \(Limits.verifyJobsMax)") }
    }

    func run() throws {
        let monitor = try guarded {
            try LogMonitor(source: HTTPTiles.source(tiles), statePath: state, evidenceDirectory: evidence,
                           pinnedGenesis: try LedgerReplay.pinnedGenesis(genesis), policy: try LedgerReplay.witnessPolicy(witnessPolicy), jobs: jobs)
        }
        while true {
            let before = monitor.size
            switch monitor.round() {
            case .consistent(let size, let new):
                Console.out(Self.describe(size: size, before: before, new: new))
            case .inconsistent(let reason, let failures, let evidence):
                var lines = ["INCONSISTENT: \(reason)"]
                lines += failures.map { "  \($0.seq.map { "seq \($0) " } ?? "")\($0.rule.rawValue) \($0.message)" }
                lines.append("evidence: \(evidence)")
                Console.out(lines.map(DisplayText.escaped).joined(separator: "\n"))
                throw ExitCode(ExitStatus.verificationFailed)
            case .unreadable(let why):
                guard interval != nil else { throw CLIFailure("error [io]: tiles: \(why)", status: ExitStatus.storage) }
                Console.error("warning: tiles: \(why); trying again in \(interval!) s")
            }
            guard let interval else { return }
            Thread.sleep(forTimeInterval: TimeInterval(interval))
        }
    }

    /// One round's report: the checkpoint, then one line per new disbursement, key change and
    /// suspension, and a count of the other new entries.
    static func describe(size: Int64, before: Int64, new: [(seq: Int64, body: Body)]) -> String {
        var lines = [before == 0 ? "checkpoint of \(size) entries: verified from genesis; \(new.count) entries"
                     : size == before ? "checkpoint of \(size) entries: unchanged"
                     : "checkpoint of \(size) entries: consistent with the \(before) seen; \(new.count) new entries"]
        var others = 0
        for (seq, body) in new {
            switch body {
            case .disbursement(let d):
                lines.append("  seq \(seq) disbursement \(d.id): \(Render.amount(d.amount, d.currency)) to \(d.payeeName) (\(d.program), \(d.municipality))")
            case .keyUpdate(let k):
                let added = k.add.map { "\($0.name) (\($0.institution) \($0.role.rawValue))" }
                lines.append("  seq \(seq) key_update \(k.id): " + [added.isEmpty ? nil : "added " + added.joined(separator: ", "),
                                                                      k.revoke.isEmpty ? nil : "revoked " + k.revoke.joined(separator: ", ")]
                    .compactMap { $0 }.joined(separator: "; "))
            case .suspension(let s):
                lines.append("  seq \(seq) suspension \(s.id): \(s.action.rawValue) \(s.scope) (\(s.basis.rawValue))")
            default:
                others += 1
            }
        }
        if others > 0 { lines.append("  (+\(others) other entries)") }
        return lines.map(DisplayText.escaped).joined(separator: "\n")
    }
}
