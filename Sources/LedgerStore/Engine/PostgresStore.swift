/// Opening a ledger in PostgreSQL: the durability setting read back, the schema migrated.
enum PostgresStore {
    /// The `synchronous_commit` settings under which a commit has been flushed to disk (and, with
    /// a synchronous standby named, to the standby) before it returns.
    static let durableCommitSettings = ["on", "remote_apply"]

    /// Connects, checks the server's durability setting and schema, and migrates a new ledger.
    ///
    /// An existing ledger (`mustExist`) must already be at a schema version this tool knows;
    /// it is migrated forward only from an older one. A new ledger needs an empty database.
    static func open(_ address: PostgresAddress, mustExist: Bool, migrating: Bool = true) throws(StoreError) -> PostgresSQLConnection {
        let c = try PostgresSQLConnection(address)
        let sync = try c.scalarText("SHOW synchronous_commit") ?? "unknown"
        guard durableCommitSettings.contains(sync) else {
            throw StoreError(.io, field: "db", "\(address): synchronous_commit is \(sync); the ledger needs on or remote_apply "
                                           + "(a commit must be durable, and on a standby, when it returns)")
        }
        let version = try schemaVersion(c)
        guard version <= PostgresMigrations.all.count else {
            throw StoreError(.io, field: "db", "\(address) has schema version \(version), newer than this tool (\(PostgresMigrations.all.count)); "
                                           + "use a newer jhf")
        }
        if mustExist {
            guard version > 0 else { throw StoreError(.io, field: "db", "no ledger database at \(address): it has no JHF ledger schema") }
        } else {
            if version > 0 {
                let id = try c.scalarText("SELECT value FROM meta WHERE key = 'ledger_id'")
                throw StoreError(.io, field: "db", "\(address) already holds ledger \(id ?? "(unnamed)"); refusing to overwrite a ledger")
            }
            let tables = try c.scalarText("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()") ?? "0"
            guard tables == "0" else {
                throw StoreError(.io, field: "db", "\(address) is not empty (\(tables) tables); a ledger is created only in an empty database")
            }
        }
        if migrating { try migrate(c, from: version) }
        return c
    }

    /// Every migration's statements and its `schema_migrations` row, inside the caller's transaction.
    static func createSchema(_ c: PostgresSQLConnection) throws(StoreError) {
        for i in PostgresMigrations.all.indices { try apply(i, on: c) }
    }

    /// Migration `index` (0-based) and its `schema_migrations` row, inside the caller's transaction.
    private static func apply(_ index: Int, on c: PostgresSQLConnection) throws(StoreError) {
        for sql in PostgresMigrations.all[index] { _ = try c.query(sql, .init()) }
        _ = try c.query("INSERT INTO schema_migrations(version) VALUES (\(index + 1))", .init())
    }

    /// Removes the ledger schema from a database this tool filled moments ago (a copy that did
    /// not verify): its tables, whatever their triggers say, and its functions.
    static func dropSchema(_ c: PostgresSQLConnection) throws(StoreError) {
        let tables = StoreCopy.tables.map(\.name) + ["schema_migrations"]
        try c.exec("DROP TABLE IF EXISTS \(tables.joined(separator: ", ")) CASCADE")
        let s = try c.prepare("""
            SELECT p.oid::regprocedure::text FROM pg_proc p
            WHERE p.proname LIKE 'jhf\\_%' AND p.pronamespace = current_schema()::regnamespace
            """)
        var functions: [String] = []
        while try s.step() { if let f = s.text(0) { functions.append(f) } }
        for f in functions { try c.exec("DROP FUNCTION \(f)") }
    }

    /// The highest migration applied (0: none, the database has no ledger schema).
    static func schemaVersion(_ c: PostgresSQLConnection) throws(StoreError) -> Int {
        guard try c.scalarText("SELECT to_regclass('schema_migrations') IS NOT NULL")?.hasPrefix("t") == true else { return 0 }
        return Int(try c.scalarText("SELECT coalesce(max(version), 0) FROM schema_migrations") ?? "0") ?? 0
    }

    /// Applies the migrations the database lacks, each in its own transaction under the writer
    /// lock (another process may be applying the same ones: each checks the version again).
    static func migrate(_ c: PostgresSQLConnection, from version: Int) throws(StoreError) {
        guard version < PostgresMigrations.all.count else { return }
        for i in PostgresMigrations.all.indices.dropFirst(version) {
            try c.writeTransaction { () throws(StoreError) in
                guard try schemaVersion(c) == i else { return }
                try apply(i, on: c)
            }
        }
    }
}
