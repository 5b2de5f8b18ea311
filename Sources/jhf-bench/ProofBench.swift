import ArgumentParser
import Foundation
import LedgerCore
import LedgerStore

/// `jhf-bench proofs`: builds (or reuses) a store of N co-signed disbursements through the
/// store's own write path, then times inclusion and consistency proofs served from the
/// stored Merkle nodes, and checks every proof against the tree's root.
struct ProofBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proofs",
        abstract: "Inclusion and consistency proof latency on a large ledger (store-level, stored Merkle nodes).")

    @Option(help: "Ledger database; created and filled to --entries if missing or shorter.") var db: String
    @Option(help: "Entries the ledger must hold (genesis included).") var entries: Int = 1_000_000
    @Option(help: "Proofs of each kind to time.") var samples: Int = 20_000

    func validate() throws {
        guard entries >= 2 && entries <= 10_000_000 else { throw ValidationError("--entries must be from 2 to 10,000,000") }
        guard samples >= 1 && samples <= 1_000_000 else { throw ValidationError("--samples must be from 1 to 1,000,000") }
    }

    func run() throws {
        let store = try BenchLedger.fill(db: db, entries: entries)
        let size = store.state.size
        let root = try store.merkleRoot(size: size)
        print("ledger:      \(size) entries, root \(root.hex)")
        var generator = SystemRandomNumberGenerator()
        var inclusion: [Double] = [], consistency: [Double] = []
        inclusion.reserveCapacity(samples)
        consistency.reserveCapacity(samples)
        for _ in 0..<samples {
            let seq = Int64.random(in: 0..<size, using: &generator)
            let t0 = Measure.now()
            let p = try store.inclusionProof(seq: seq, size: size)
            inclusion.append(Measure.now() - t0)
            try p.verify(leaf: try store.merkleNode(level: 0, index: seq), root: root)

            let first = Int64.random(in: 1..<size, using: &generator)
            let t1 = Measure.now()
            let c = try store.consistencyProof(first: first, second: size)
            consistency.append(Measure.now() - t1)
            try c.verify(firstRoot: try store.merkleRoot(size: first), secondRoot: root)
        }
        report("inclusion", inclusion, pathLength: Int(log2(Double(size)).rounded(.up)))
        report("consistency", consistency, pathLength: nil)
        print("checked:     all \(2 * samples) proofs verify against the roots (RFC 9162 §2.1.3.2, §2.1.4.2)")
    }

    private func report(_ name: String, _ seconds: [Double], pathLength: Int?) {
        let sorted = seconds.sorted()
        func us(_ q: Double) -> String { String(format: "%.1f µs", 1e6 * sorted[min(sorted.count - 1, Int(q * Double(sorted.count)))]) }
        let mean = 1e6 * seconds.reduce(0, +) / Double(seconds.count)
        print("\(name.padding(toLength: 12, withPad: " ", startingAt: 0)) \(seconds.count) proofs: mean \(String(format: "%.1f µs", mean)), p50 \(us(0.5)), p99 \(us(0.99)), max \(us(1.0))\(pathLength.map { " (≤ \($0) hashes)" } ?? "")")
    }
}
