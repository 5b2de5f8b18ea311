import Foundation
import JHFTestSupport
import LedgerCore
@testable import LedgerStore
import Testing

/// What only the PostgreSQL engine has: its URL, its durability setting, its schema version,
/// and a role's rights. Each bad case is a clear error naming `db`, and nothing is written.
@Suite("PostgreSQL store: URL, synchronous_commit, schema version, rights")
final class PostgresStoreTests {
    let base = try! LedgerStoreTests()
    var cluster: PostgresCluster { get throws { try PostgresCluster.shared.get() } }

    static let badURLs: [(url: String, says: String)] = [
        ("postgresql://127.0.0.1:5432/db", "user is missing"),
        ("postgresql://jhf@127.0.0.1:5432", "database name is missing"),
        ("postgresql://jhf@127.0.0.1:0/db", "port must be from 1 to 65535"),
        ("postgresql://jhf@127.0.0.1:99999/db", "port must be from 1 to 65535"),
        ("postgresql://jhf@127.0.0.1:x/db", "port must be from 1 to 65535"),
        ("postgresql://jhf@:5432/db", "host is missing"),
        ("postgresql://jhf@127.0.0.1/db?sslmode=require", "sslmode must be disable"),
        ("postgresql://jhf@127.0.0.1/db?application_name=x", "is not supported"),
        ("mysql://jhf@127.0.0.1/db", "neither a file path nor a postgresql:// URL"),
    ]

    @Test(arguments: badURLs)
    func aMalformedURLIsRefusedNamingThePart(_ bad: (url: String, says: String)) {
        do {
            _ = try LedgerStore(path: bad.url)
            Issue.record("opened \(bad.url)")
        } catch {
            #expect(error.code == .io && error.field == "db" && error.message.contains(bad.says), "\(error)")
        }
    }

    @Test func thePasswordNeverAppearsInTheLocationOrErrors() throws {
        let url = "postgresql://jhf:s3cr%3Ft@127.0.0.1:1/ledger"
        let location = try StoreLocation(url)
        #expect(location.description == "postgresql://jhf@127.0.0.1:1/ledger")
        guard case .postgresql(let a) = location else { Issue.record("not PostgreSQL"); return }
        #expect(a.password == "s3cr?t")
        do { _ = try LedgerStore(path: url); Issue.record("connected to port 1") } catch {
            #expect(!error.description.contains("s3cr"), "\(error)")
            #expect(error.code == .io && error.field == "db")
        }
    }

    @Test func aDatabaseThatDoesNotExistIsAClearError() throws {
        let c = try cluster
        do { _ = try LedgerStore(path: c.url(database: "no_such_db")); Issue.record("opened") } catch {
            #expect(error.code == .io && error.message.contains("no_such_db"), "\(error)")
        }
    }

    @Test func anEmptyDatabaseHasNoLedgerAndIsLeftEmpty() throws {
        let c = try cluster
        let url = try c.makeDatabase()
        do { _ = try LedgerStore(path: url); Issue.record("opened") } catch {
            #expect(error.code == .io && error.message.contains("no JHF ledger schema"), "\(error)")
        }
        #expect(try c.psql("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", database: Self.name(url)) == "0\n")
    }

    @Test func aDatabaseOfAnotherLedgerIsNeverOverwritten() throws {
        _ = try base.makeStore(.postgresql)
        let before = try fingerprint(base.dbPath)
        var b = LedgerBuilder(ledgerID: "jhf.other")
        let keys = [b.addSigner("shcp-x", institution: "SHCP"), b.addSigner("usaid-x", institution: "USAID")]
        let genesis = GenesisBody(title: "Other", currencies: ["MXN"], keys: keys,
                                  budgets: [Budget(category: .humanitarianStabilization, currency: "MXN", amount: 5)], createdAt: "2026-11-01T00:00:00Z")
        do { _ = try LedgerStore.create(path: base.dbPath, ledgerID: "jhf.other", genesis: genesis, now: "2026-11-01T00:00:00Z"); Issue.record("created") } catch {
            #expect(error.code == .io && error.message.contains("already holds ledger jhf.store.test"), "\(error)")
        }
        // A database with tables of something else is not a place for a new ledger either.
        let c = try cluster
        let other = try c.makeDatabase()
        try c.psql("CREATE TABLE invoices (id int)", database: Self.name(other))
        do { _ = try LedgerStore.create(path: other, ledgerID: "jhf.other", genesis: genesis, now: "2026-11-01T00:00:00Z"); Issue.record("created") } catch {
            #expect(error.code == .io && error.message.contains("is not empty (1 tables)"), "\(error)")
        }
        #expect(try fingerprint(base.dbPath) == before)
    }

    @Test func aSchemaFromANewerToolIsRefused() throws {
        _ = try base.makeStore(.postgresql)
        let c = try cluster
        let name = Self.name(base.dbPath)
        try c.psql("INSERT INTO schema_migrations(version) VALUES (\(PostgresMigrations.all.count + 1))", database: name)
        let before = try fingerprint(base.dbPath)
        for open in [{ _ = try LedgerStore(path: self.base.dbPath) }, { _ = try Bundle.verify(database: self.base.dbPath, jobs: 1, pinnedGenesis: nil) }] {
            do { try open(); Issue.record("opened") } catch let error as StoreError {
                #expect(error.code == .io && error.message.contains("newer than this tool"), "\(error)")
            }
        }
        #expect(try fingerprint(base.dbPath) == before)
    }

    @Test(arguments: ["off", "local", "remote_write"])
    func aCommitThatIsNotDurableIsRefused(_ setting: String) throws {
        _ = try base.makeStore(.postgresql)
        let c = try cluster
        try c.psql("ALTER DATABASE \(Self.name(base.dbPath)) SET synchronous_commit = \(setting)")
        do { _ = try LedgerStore(path: base.dbPath); Issue.record("opened with synchronous_commit=\(setting)") } catch {
            #expect(error.code == .io && error.message.contains("synchronous_commit is \(setting)"), "\(error)")
        }
    }

    @Test func aRoleWithoutTheRightsGetsAClearErrorAndWritesNothing() throws {
        let (store, keys) = try base.makeStore(.postgresql)
        let c = try cluster
        let name = Self.name(base.dbPath)
        let role = "reader_\(getpid())_\(name.split(separator: "_").last ?? "")"
        try c.psql("CREATE ROLE \(role) LOGIN; GRANT SELECT ON ALL TABLES IN SCHEMA public TO \(role)", database: name)
        let readerURL = c.url(database: name, user: role)
        // Reading works: the chain opens and verifies.
        let reader = try LedgerStore(path: readerURL)
        #expect(reader.size == 1)
        #expect(try Bundle.verify(database: readerURL, jobs: 1, pinnedGenesis: nil).ok)
        let before = try fingerprint(base.dbPath)
        // Writing is refused by the server, naming the missing right; the transaction leaves nothing.
        let p = try base.propose(store, "D-1", amount: 1)
        let msg = p.body.approvalMessage(ledgerID: p.ledgerID)
        do { _ = try reader.approve(id: "D-1", keyName: "shcp-ana", signature: keys["shcp-ana"]!.sign(msg), now: "2026-11-02T00:00:05Z"); Issue.record("approved") } catch {
            #expect(error.code == .io && error.message.contains("lacks a right"), "\(error)")
        }
        #expect(try fingerprint(base.dbPath) != before, "the proposal made by the owner is there")
        #expect(try store.proposal(id: "D-1")?.approvals.isEmpty == true)
        // A role with no rights at all cannot even open it.
        let nobody = "nobody_\(getpid())_\(name.split(separator: "_").last ?? "")"
        try c.psql("CREATE ROLE \(nobody) LOGIN", database: name)
        do { _ = try LedgerStore(path: c.url(database: name, user: nobody)); Issue.record("opened") } catch {
            #expect(error.code == .io && error.message.contains("lacks a right"), "\(error)")
        }
    }

    @Test func theCommitSettingIsReadBack() throws {
        let (store, _) = try base.makeStore(.postgresql)
        #expect(store.location.engine == .postgresql)
        #expect(try store.db.scalarText("SHOW synchronous_commit") == "on")
        #expect(try store.db.scalarText("SELECT max(version) FROM schema_migrations") == "\(PostgresMigrations.all.count)")
    }

    /// Every row of every ledger table, to show nothing changed.
    func fingerprint(_ url: String) throws -> String {
        try cluster.psql("""
            SELECT md5(string_agg(t, '|')) FROM (
              SELECT 'e' || seq || encode(canonical, 'hex') AS t FROM entries
              UNION ALL SELECT 'p' || id || coalesce(shcp_key, '') || coalesce(usaid_key, '') || status FROM proposals
              UNION ALL SELECT 'm' || last_leaf || '/' || level FROM merkle_nodes
              UNION ALL SELECT 'c' || size || encode(note, 'hex') FROM checkpoints
              UNION ALL SELECT 's' || version FROM schema_migrations) x
            """, database: Self.name(url))
    }

    static func name(_ url: String) -> String { String(url.split(separator: "/").last!) }
}
