import Foundation
import LedgerCore
import LedgerStore
import Testing

/// A child committing co-signed entries in a loop is killed with SIGKILL at random moments;
/// after every kill the store opens, `jhf verify --db` passes, and every commit the child
/// reported (it reports only after the commit returned) is in the chain with the same hash.
@Suite struct CrashSafetyTests {
    static let kills = 24

    @Test func sigkillDuringAppendsLosesNothingReported() throws {
        let dir = try temporaryDirectory("jhf-crash")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let db = "\(dir)/ledger.sqlite"
        let bench = Repo.products.appendingPathComponent("jhf-bench").path
        // Create the ledger (genesis committed) before the first kill.
        let setup = try run(bench, ["append", "--db", db, "--count", "1"])
        try #require(setup.status == 0, "\(setup)")

        var reported: [Int64: String] = [:]
        var rng = SystemRandomNumberGenerator()
        for round in 0..<Self.kills {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: bench)
            p.arguments = ["append", "--db", db, "--count", "1000000"]
            let out = Pipe()
            p.standardOutput = out
            p.standardError = FileHandle.nullDevice
            try p.run()
            let delay = UInt32.random(in: 20_000...400_000, using: &rng)
            usleep(delay)
            kill(p.processIdentifier, SIGKILL)
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            #expect(p.terminationReason == .uncaughtSignal, "round \(round): the child ended before it was killed")
            for line in text.split(separator: "\n") {
                let parts = line.split(separator: " ")
                // A line cut short by the kill is not a report.
                guard parts.count == 3, parts[0] == "committed", let seq = Int64(parts[1]), parts[2].count == 64 else { continue }
                reported[seq] = String(parts[2])
            }

            let verify = try jhf("verify", "--db", db)
            #expect(verify.status == 0, "round \(round) (killed after \(delay) µs): \(verify)")
            let store = try LedgerStore(path: db)
            var stored: [Int64: String] = [:]
            try store.forEachEntryRow { row in stored[row.seq] = Hash.leaf(row.canonical).hex }
            for (seq, hash) in reported {
                #expect(stored[seq] == hash, "round \(round): reported commit \(seq) is missing or differs")
            }
        }
        #expect(reported.count >= Self.kills, "the children committed too little to test anything (\(reported.count))")
    }
}
