import Foundation
import LedgerStore
import Testing

/// `jhf-bench writer`: the store's group commit alone. It must commit exactly what it
/// claims (a chain that verifies) and refuse what it cannot measure honestly.
@Suite struct WriterBenchTests {
    static var bench: String { Repo.products.appendingPathComponent("jhf-bench").path }

    @Test func commitsEveryDisbursementInGroupCommitsAndTheChainVerifies() throws {
        let dir = try temporaryDirectory("jhf-writer-bench")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let db = "\(dir)/ledger.sqlite"
        let r = try run(Self.bench, ["writer", "--db", db, "--count", "30", "--per-commit", "4"])
        try #require(r.status == 0, "\(r)")
        // 8 groups of new disbursements, and two more transactions for the last approvals.
        #expect(r.stdout.split(separator: "\n").first == "writer: 30 co-signed disbursements in 10 transactions (4 new per transaction)")
        #expect(r.stdout.contains("disbursements/s"))
        #expect(r.stdout.contains("µs per disbursement"))
        #expect(try LedgerStore(path: db).state.size == 31)
        let verify = try jhf("verify", "--db", db)
        #expect(verify.status == 0, "\(verify)")
    }

    @Test func refusesAnExistingDatabaseAndLeavesItAlone() throws {
        let dir = try temporaryDirectory("jhf-writer-bench")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let db = "\(dir)/ledger.sqlite"
        try #require(try run(Self.bench, ["writer", "--db", db, "--count", "2"]).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        let r = try run(Self.bench, ["writer", "--db", db, "--count", "2"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("\(db) exists"), "\(r)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
    }

    @Test(arguments: [
        (["--count", "0"], "--count must be from 1"),
        (["--count", "200001"], "--count must be from 1 to 200000"),
        (["--per-commit", "0"], "--per-commit must be from 1"),
        (["--per-commit", "1000"], "--per-commit must be from 1"),
    ])
    func refusesOutOfRangeOptions(options: [String], message: String) throws {
        let dir = try temporaryDirectory("jhf-writer-bench")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let db = "\(dir)/ledger.sqlite"
        let r = try run(Self.bench, ["writer", "--db", db] + options)
        #expect(r.status != 0)
        #expect(r.stderr.contains(message), "\(r)")
        #expect(!FileManager.default.fileExists(atPath: db), "nothing is created for a refused run")
    }
}
