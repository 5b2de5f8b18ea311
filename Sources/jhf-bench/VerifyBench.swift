import ArgumentParser
import Foundation
import LedgerCore
import LedgerStore

/// `jhf-bench verify`: generates an N-entry bundle, then, `--repeats` times in turn, measures
/// the crypto-only ceiling and times the real `jhf verify --bundle` with one job and with
/// two, reading their peak RSS. The best of the repeats of each is reported.
struct VerifyBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify throughput (1 and 2 jobs) against the Ed25519 + SHA-256 ceiling, and peak RSS.")

    @Option(help: "Entries in the generated ledger (genesis included).") var entries: Int = 100_000
    @Option(help: "Directory for the generated bundle (default: a new temporary directory, removed afterwards).") var dir: String?
    @Option(help: "Entries over which the crypto ceiling is measured.") var sample: Int = 100_000
    @Option(help: "Rounds of (ceiling, --jobs 1, --jobs 2); the best of each is reported.") var repeats: Int = 3
    @Option(help: "The jhf binary to time (default: the one beside jhf-bench).") var jhf: String?
    @Option(help: "v1.1 shape: commitments at the start of the ledger (a third of the disbursements then name one).") var commitments: Int = 0
    @Option(help: "v1.1 shape: suspensions spread over the ledger (half suspend, half resume).") var suspensions: Int = 0

    func validate() throws {
        guard entries >= 2 && entries <= 50_000_000 else { throw ValidationError("--entries must be from 2 to 50,000,000") }
        guard sample >= 1 && sample <= 1_000_000 else { throw ValidationError("--sample must be from 1 to 1,000,000") }
        guard repeats >= 1 && repeats <= 20 else { throw ValidationError("--repeats must be from 1 to 20") }
        guard commitments == 0 || (commitments >= 6 && commitments < entries / 2) else { throw ValidationError("--commitments must be 0, or from 6 to half the entries") }
        guard suspensions >= 0 && suspensions < entries / 4 else { throw ValidationError("--suspensions must be from 0 to a quarter of the entries") }
    }

    func run() throws {
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let binary = jhf ?? here.deletingLastPathComponent().appendingPathComponent("jhf").path
        guard FileManager.default.isExecutableFile(atPath: binary) else { throw BenchError("no jhf binary at \(binary); build it with swift build -c release") }
        let bundle = dir ?? FileManager.default.temporaryDirectory.appendingPathComponent("jhf-bench-\(UUID().uuidString)").path
        defer { if dir == nil { try? FileManager.default.removeItem(atPath: bundle) } }
        try FileManager.default.createDirectory(atPath: bundle, withIntermediateDirectories: true)

        let t0 = Measure.now()
        let bytes = try BundleGenerator.write(entries: entries, into: bundle, shape: LedgerShape(commitments: commitments, suspensions: suspensions))
        if commitments > 0 || suspensions > 0 {
            print("shape:    v1.1: \(commitments) commitments, a third of the disbursements under one; \(suspensions) suspensions")
        }
        print("ledger:   \(entries) entries, \(Measure.mib(bytes)) (\(bytes / entries) bytes/entry), generated in \(String(format: "%.1f", Measure.now() - t0)) s; \(ProcessInfo.processInfo.activeProcessorCount) cores")
        print("          with a checkpoint of all entries signed by \(BenchKeys.log): every verify run recomputes the Merkle root and checks it (R12)")

        var ceiling = 0.0, sampled = 0
        var best: [Int: Measure.ChildRun] = [:]
        for _ in 0..<repeats {
            let (status, out) = try Measure.spawn(here.path, ["ceiling", "--bundle", bundle, "--sample", String(sample)], captureOutput: true)
            let f = out.split(separator: " ")
            guard status == 0, f.count == 2, let n = Int(f[0]), let s = Double(f[1]) else { throw BenchError("ceiling failed: \(out)") }
            ceiling = max(ceiling, Double(n) / s)
            sampled = n
            for jobs in [1, 2] {
                let r = try Measure.child(binary, ["verify", "--bundle", bundle, "--jobs", String(jobs)])
                guard r.status == 0 else { throw BenchError("jhf verify --jobs \(jobs) exited \(r.status): the generated ledger should be valid") }
                if best[jobs].map({ r.seconds < $0.seconds }) ?? true { best[jobs] = r }
            }
        }
        print("ceiling:  \(format(ceiling)) entries/s on 1 core (SHA-256 + 2 Ed25519 verifies per entry, over \(sampled) entries); \(format(2 * ceiling))/s on 2")
        var rates: [Int: Double] = [:]
        for jobs in [1, 2] {
            let r = best[jobs]!
            let rate = Double(entries) / r.seconds
            rates[jobs] = rate
            print("verify:   --jobs \(jobs): \(String(format: "%.2f", r.seconds)) s, \(format(rate)) entries/s, \(String(format: "%.2f", rate / ceiling)) of the 1-core ceiling, peak RSS \(Measure.mib(r.peakRSSBytes))")
        }
        print("speed-up: --jobs 2 is \(String(format: "%.2f", rates[2]! / rates[1]!))× --jobs 1 (best of \(repeats))")
        // The quarterly report replays the same way, with the collector attached (the generated ledger is all in 2026Q1).
        let r = try Measure.child(binary, ["report", "--quarter", "2026Q1", "--bundle", bundle, "--jobs", "2", "--threshold", "MXN=430000", "--format", "json"])
        guard r.status == 0 else { throw BenchError("jhf report exited \(r.status)") }
        print("report:   --jobs 2: \(String(format: "%.2f", r.seconds)) s, \(format(Double(entries) / r.seconds)) entries/s, peak RSS \(Measure.mib(r.peakRSSBytes)) (one run)")
    }

    private func format(_ rate: Double) -> String {
        let n = Int(rate.rounded())
        var s = String(n)
        var i = s.count - 3
        while i > 0 { s.insert(",", at: s.index(s.startIndex, offsetBy: i)); i -= 3 }
        return s
    }
}
