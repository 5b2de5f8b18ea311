import Foundation
import Testing

/// `jhf-bench load`: a short run end to end, through the real service and the lean socket
/// clients. The figures vary from run to run; the report's shape, the commit count and the
/// chain's verdict do not.
@Suite struct LoadBenchTests {
    /// The PostgreSQL run makes a cluster of its own and measures pgbench on it.
    @Test(arguments: [("threads", "sqlite"), ("async", "sqlite"), ("threads", "postgresql")])
    func aShortLoadCommitsEverythingAndTheChainVerifies(_ client: String, _ engine: String) throws {
        let bench = Repo.products.appendingPathComponent("jhf-bench").path
        let r = try run(bench, ["load", "--entries", "120", "--warmup", "10", "--clients", "8", "--raw-commits", "100", "--client", client,
                                "--engine", engine])
        try #require(r.status == 0, "\(r)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        let store = engine == "sqlite" ? "SQLite" : "PostgreSQL (synchronous_commit=on)"
        #expect(lines.first == "load: 120 co-signed disbursements (after 10 warm-up), 8 \(client) clients, 3 requests each, \(store)", "\(r)")
        let labels = lines.dropFirst().map { $0.split(separator: ":").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? "" }
        #expect(labels == ["committed", "approval latency", "CPU per disbursement", "writer busy", "group commit",
                           engine == "sqlite" ? "raw SQLite commits" : "pgbench inserts", "ratio", "machine speed", "verify --db"], "\(r)")
        #expect(r.stdout.contains("(240 approvals)"), "\(r)")
        // 130 disbursements of three write requests each, and the expiry sweep's at start-up.
        let group = lines.first { $0.hasPrefix("  group commit:") }?.split(separator: " ")
        #expect(group.flatMap { Int($0[2]) }.map { (390...391).contains($0) } == true, "\(r)")
        #expect(lines.last == "  verify --db:        VALID", "\(r)")
    }
}
