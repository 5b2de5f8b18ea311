import ArgumentParser
import Foundation
import LedgerStore

struct PGProbe: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "pg-probe")
    @Option var db: String
    @Option var count = 20000
    func run() throws {
        let store = try LedgerStore(path: db)
        let t0 = Date()
        for _ in 0..<count { _ = try store.latestCheckpoint() }
        print("PROBE select:", Date().timeIntervalSince(t0) / Double(count) * 1e6, "µs")
    }
}
