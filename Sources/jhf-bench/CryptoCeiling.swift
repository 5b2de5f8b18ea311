import ArgumentParser
import Foundation
import LedgerCore
import LedgerStore

/// `jhf-bench ceiling --bundle DIR`: the crypto-only rate of a bundle's entries on one core.
///
/// Untimed, it reads up to `--sample` entries and extracts each line, its approval
/// message, and the two (public key, signature) pairs. Timed, it does only what no
/// verifier can skip: one SHA-256 leaf hash and two Ed25519 verifications per entry.
/// Run as its own process so it is measured under the same conditions as `jhf verify`.
struct CryptoCeiling: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ceiling", abstract: "Entries/s of SHA-256 + 2 Ed25519 verifies on one core, over a bundle's entries.")

    @Option(help: "Bundle directory.") var bundle: String
    @Option(help: "Entries to measure over (held in memory).") var sample: Int = 100_000

    struct Work {
        let line: [UInt8]
        let message: [UInt8]
        let checks: [(PublicKey, Signature)]
    }

    func run() throws {
        let reader = try LineReader(path: "\(bundle)/entries.jsonl")
        var state = ReplayState()
        var work: [Work] = []
        while work.count < sample {
            let lines = try reader.next(max: Limits.verifyBatchEntriesMax)
            if lines.isEmpty { break }
            for line in lines where work.count < sample {
                let p = PreparedEntry(line: line, position: state.size)
                if let entry = p.entry, let message = p.approvalMessage, state.size > 0 {
                    let checks = entry.approvals.compactMap { a in state.publicKey(named: a.key).map { ($0, a.signature) } }
                    work.append(Work(line: line.bytes, message: message, checks: checks))
                }
                _ = state.replay(p, verifySignatures: false)
            }
        }
        guard !work.isEmpty else { throw BenchError("no entries to measure in \(bundle)") }
        var valid = 0
        let start = Measure.now()
        for w in work {
            let h = Hash.leaf(w.line)
            if w.checks.allSatisfy({ $0.0.verify($0.1, over: w.message) }) && h != Hash.zero { valid += 1 }
        }
        let seconds = Measure.now() - start
        guard valid == work.count else { throw BenchError("\(work.count - valid) entries did not verify") }
        print("\(work.count) \(String(format: "%.6f", seconds))")
    }
}
