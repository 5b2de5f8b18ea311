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

/// The PostgreSQL connection's multi-row plans (`PostgresBatch`): which statements join, in
/// which order, and what they say.
@Suite("PostgreSQL batches: a group commit's writes as one statement per kind")
struct PostgresBatchTests {
    static let shcp = LedgerStore.approvalSlots[0], usaid = LedgerStore.approvalSlots[1]
    static func row(_ n: Int) -> [SQLValue] { (0..<n).map { .int(Int64($0)) } }

    @Test func aGroupCommitIsSentInRankOrderOneStatementPerKind() {
        // Two disbursements proposed and co-signed in one batch, in the order the store writes them.
        let items: [(sql: String, values: [SQLValue])] = [
            (LedgerStore.insertProposalSQL, Self.row(11)), (Self.shcp.recordSQL, Self.row(4)),
            (LedgerStore.insertEntrySQL, Self.row(7)), (Self.usaid.commitSQL, Self.row(5)), (LedgerStore.insertNodeSQL, Self.row(4)),
            (LedgerStore.insertProposalSQL, Self.row(11)), (Self.usaid.recordSQL, Self.row(4)),
            (LedgerStore.insertEntrySQL, Self.row(7)), (Self.shcp.commitSQL, Self.row(5)), (LedgerStore.insertNodeSQL, Self.row(4)),
            (LedgerStore.insertNodeSQL, Self.row(4)),
        ]
        let plan = PostgresBatch.plan(items)
        #expect(plan.map(\.values.count) == [22, 4, 4, 14, 5, 5, 12])
        #expect(plan[0].sql.hasPrefix("INSERT INTO proposals(") && plan[0].sql.components(separatedBy: "'pending'").count == 3)
        #expect(plan[1].sql.hasPrefix("UPDATE proposals SET shcp_key = ?, shcp_signature = ?") && plan[1].sql.hasSuffix("WHERE id = ?"),
                "a kind with one row is sent as the store wrote it")
        #expect(plan[3].sql == LedgerStore.insertEntrySQL.replacingOccurrences(of: "(?, ?, ?, ?, ?, ?, ?)", with: "(?, ?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?, ?)"))
        #expect(plan[6].sql == "INSERT INTO merkle_nodes(last_leaf, level, idx, hash) VALUES (?, ?, ?, ?), (?, ?, ?, ?), (?, ?, ?, ?)")
        #expect(plan[4].sql == Self.usaid.commitSQL && plan[5].sql == Self.shcp.commitSQL)
        #expect(PostgresBatch.forms[Self.usaid.commitSQL]?.sql(2) == """
            UPDATE proposals SET usaid_key = v.k, usaid_signature = v.s, usaid_approved_at = v.a, status = 'committed', committed_seq = v.q \
            FROM (VALUES (CAST(? AS text), CAST(? AS bytea), CAST(? AS text), CAST(? AS bigint), CAST(? AS text)), (?, ?, ?, ?, ?)) \
            AS v(k, s, a, q, id) WHERE proposals.id = v.id
            """)
    }

    @Test func otherStatementsKeepTheirOrderAndOnlyNeighboursJoin() {
        let items: [(sql: String, values: [SQLValue])] = [
            ("SAVEPOINT request", []), (LedgerStore.insertNodeSQL, Self.row(4)), (LedgerStore.insertNodeSQL, Self.row(4)),
            ("RELEASE request", []), (LedgerStore.insertProposalSQL, Self.row(11)), ("SAVEPOINT request", []), (LedgerStore.insertNodeSQL, Self.row(4)),
        ]
        let plan = PostgresBatch.plan(items)
        #expect(plan.map(\.sql) == ["SAVEPOINT request", "INSERT INTO merkle_nodes(last_leaf, level, idx, hash) VALUES (?, ?, ?, ?), (?, ?, ?, ?)",
                                    "RELEASE request", LedgerStore.insertProposalSQL, "SAVEPOINT request", LedgerStore.insertNodeSQL])
    }

    @Test func aKindLargerThanOneStatementTakesIsSplit() {
        let rows = Limits.postgresParametersMax / 4 + 10
        let plan = PostgresBatch.plan(Array(repeating: (LedgerStore.insertNodeSQL, Self.row(4)), count: rows))
        #expect(plan.map { $0.values.count / 4 } == [Limits.postgresParametersMax / 4, 10])
    }

    /// A batch whose write a trigger refuses is applied again request by request: the refused
    /// request fails alone, the others commit.
    @Test func aWriteRefusedInABatchFailsAloneWhenTheBatchIsAppliedAgain() throws {
        let base = try LedgerStoreTests()
        let (store, keys) = try base.makeStore(.postgresql)
        var requests: [WriteRequest] = []
        for n in 1...3 {
            let draft = try ProposalDraft(kind: .disbursement, input: try JSONParser.parse("""
                {"id":"D-\(n)","amount":1,"currency":"MXN","category":"humanitarian_stabilization","program":"clinics",
                 "municipality":"15033","payee":{"name":"Clínica"},"purpose":"Supplies","value_date":"2026-11-20",
                 "sealed":{"payee_account":{"number":"002010077777777771","scheme":"CLABE"},"payee_tax_id":"","notes":""}}
                """), salt: [UInt8](repeating: 7, count: 16), now: "2026-11-02T00:00:00Z")
            let message = draft.body.approvalMessage(ledgerID: "jhf.store.test")
            requests += [.propose(draft)] + ["shcp-ana", "usaid-ben"].map { .approve(id: draft.id, keyName: $0, signature: keys[$0]!.sign(message)) }
        }
        // A rule the store does not know of refuses one row: only PostgreSQL sees it, at the batch's commit.
        try base.db.raw().exec("ALTER TABLE proposals ADD CONSTRAINT not_d2 CHECK (id <> 'D-2')")
        let results = store.write(requests, now: "2026-11-02T00:00:05Z")
        #expect(results.map { (try? $0.get()) != nil } == [true, true, true, false, false, false, true, true, true], "\(results)")
        if case .failure(let e) = results[3] { #expect(e.code == .conflict && e.message.contains("not_d2"), "\(e)") }
        #expect(store.size == 3)
        #expect(try Bundle.verify(database: base.dbPath, jobs: 1, pinnedGenesis: nil).ok)
    }
}
