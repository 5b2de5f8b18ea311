import Foundation
import JHFTestSupport
import Testing

/// The commands on a PostgreSQL database: bad databases are storage errors (exit 3) that say
/// what is wrong, and nothing is written.
@Suite("PostgreSQL databases given to jhf: clear errors, exit 3, nothing written")
struct PostgresCLITests {
    /// A demo ledger copied into a new PostgreSQL database; its URL and the cluster.
    static func ledger() throws -> (DemoLedger, String, PostgresCluster) {
        let l = try DemoLedger.make()
        let cluster = try PostgresCluster.shared.get()
        let url = try cluster.makeDatabase(prefix: "cli")
        try l.must(jhf("store", "copy", "--from", l.db, "--to", url))
        return (l, url, cluster)
    }

    static func name(_ url: String) -> String { String(url.split(separator: "/").last!) }

    /// Every row of the ledger's tables, to show nothing changed.
    static func rows(_ cluster: PostgresCluster, _ url: String) throws -> String {
        try cluster.psql("""
            SELECT (SELECT count(*) FROM entries) || '/' || (SELECT count(*) FROM proposals) || '/' || (SELECT count(*) FROM merkle_nodes)
                   || '/' || (SELECT coalesce(max(version), 0) FROM schema_migrations)
            """, database: name(url))
    }

    @Test func theCommandsWorkOnPostgreSQLAsOnSQLite() throws {
        let (l, url, _) = try Self.ledger()
        defer { l.remove() }
        // The copy answers every reading command byte for byte as the SQLite file does.
        for command in [["show", "--id", "D-2"], ["list"], ["list", "--json"], ["verify"], ["verify", "--json"],
                        ["report", "--quarter", "2026Q4", "--threshold", "MXN=430000"], ["show", "--id", "R-1", "--json"]] {
            let a = try jhf(command + ["--db", l.db]), b = try jhf(command + ["--db", url])
            #expect(a.status == 0 && a.stdout == b.stdout && a.stderr == b.stderr, "\(command): \(a) \(b)")
        }
        // And it takes proposals and approvals as the file does (a new salt each time, so only the outcome is compared).
        try write(l.input("d3"), DemoLedger.d2.replacingOccurrences(of: #""id": "D-2""#, with: #""id": "D-3""#))
        try l.must(jhf("propose", "--db", url, "--kind", "disbursement", "--file", l.input("d3")))
        let first = try l.must(jhf("approve", "--db", url, "--id", "D-3", "--key", l.key("demo-shcp-ana"), "--yes"))
        #expect(first.stdout.hasSuffix("approval by demo-shcp-ana recorded; waiting for USAID.\n"), "\(first)")
        let second = try l.must(jhf("approve", "--db", url, "--id", "D-3", "--key", l.key("demo-usaid-ben"), "--yes"))
        #expect(second.stdout.contains("committed: seq 4 entry_hash "), "\(second)")
        let verify = try jhf("verify", "--db", url)
        #expect(verify.status == 0 && verify.stdout.contains("entries:      5\n"), "\(verify)")
    }

    @Test func aSchemaFromANewerToolIsRefused() throws {
        let (l, url, cluster) = try Self.ledger()
        defer { l.remove() }
        try cluster.psql("INSERT INTO schema_migrations(version) VALUES (99)", database: Self.name(url))
        let before = try Self.rows(cluster, url)
        for command in [["verify", "--db", url], ["list", "--db", url], ["propose", "--db", url, "--kind", "disbursement", "--file", l.input("d2")]] {
            let o = try jhf(command)
            #expect(o.status == 3 && o.stderr.hasPrefix("error [io]: db: \(url) has schema version 99, newer than this tool (1)"), "\(command): \(o)")
        }
        #expect(try Self.rows(cluster, url) == before)
    }

    @Test func aRoleWithoutTheRightsIsToldWhichAndWritesNothing() throws {
        let (l, url, cluster) = try Self.ledger()
        defer { l.remove() }
        let role = "clerk_\(Self.name(url))"
        try cluster.psql("CREATE ROLE \(role) LOGIN; GRANT SELECT ON ALL TABLES IN SCHEMA public TO \(role)", database: Self.name(url))
        let clerk = cluster.url(database: Self.name(url), user: role)
        #expect(try jhf("verify", "--db", clerk).status == 0, "reading needs SELECT only")
        let before = try Self.rows(cluster, url)
        try write(l.input("d3"), DemoLedger.d2.replacingOccurrences(of: #""id": "D-2""#, with: #""id": "D-3""#))
        let o = try jhf("propose", "--db", clerk, "--kind", "disbursement", "--file", l.input("d3"))
        #expect(o.status == 3 && o.stderr.hasPrefix("error [io]: db: the role lacks a right the ledger needs: permission denied for table proposals"), "\(o)")
        #expect(try Self.rows(cluster, url) == before)
    }

    @Test(arguments: [
        ("postgresql://postgres@127.0.0.1:1/ledger", "error [io]: db: cannot connect to postgresql://postgres@127.0.0.1:1/ledger: connection refused"),
        ("postgresql://postgres@127.0.0.1/", "error [io]: db: the PostgreSQL URL's database name is missing or badly encoded"),
        ("postgres://127.0.0.1:5432/ledger", "error [io]: db: the PostgreSQL URL's user is missing"),
        ("https://example.org/ledger", "error [io]: db: https://example.org/ledger… is neither a file path nor a postgresql:// URL"),
    ])
    func aWrongURLIsAStorageError(_ url: String, _ says: String) throws {
        for command in [["verify", "--db", url], ["list", "--db", url], ["serve", "--db", url, "--listen", "127.0.0.1:0"]] {
            let o = try jhf(command)
            // serve logs its start-up warnings first; the error is its last line.
            #expect(o.status == 3 && o.stderr.split(separator: "\n").last?.hasPrefix(says) == true && o.stdout.isEmpty, "\(command): \(o)")
        }
    }

    @Test func aDatabaseThatHoldsAnotherLedgerIsNotInitialized() throws {
        let (l, url, cluster) = try Self.ledger()
        defer { l.remove() }
        let before = try Self.rows(cluster, url)
        let o = try jhf("init", "--db", url, "--ledger-id", "jhf.other", "--title", "Other", "--keys", Repo.path("Keys.example/registry.json"),
                        "--budgets", l.input("budgets"))
        #expect(o.status == 3 && o.stderr == "error [io]: db: \(url) already holds ledger jhf.cli.test; refusing to overwrite a ledger\n", "\(o)")
        #expect(try Self.rows(cluster, url) == before)
        // A database that does not exist is named, not created.
        let missing = cluster.url(database: "no_such_ledger")
        let m = try jhf("init", "--db", missing, "--ledger-id", "jhf.other", "--title", "Other", "--keys", Repo.path("Keys.example/registry.json"),
                        "--budgets", l.input("budgets"))
        #expect(m.status == 3 && m.stderr.contains("no_such_ledger"), "\(m)")
    }
}
