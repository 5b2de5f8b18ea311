import CSQLite
import LedgerCore

// SQLite copies bound text and blobs when given SQLITE_TRANSIENT.
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// SQLite's process-wide settings, applied once before the first connection opens.
/// Memory statistics off: the store never reads them, and keeping them costs a global mutex
/// on every allocation, a large share of the writer's instructions. If something else in the
/// process initialized SQLite first, the call is refused and SQLite keeps its defaults, which
/// only costs that speed.
private let sqliteConfigured: Bool = jhf_sqlite3_config_memstatus_off() == SQLITE_OK

/// A thin wrapper over one SQLite connection: only what the store needs.
final class SQLiteConnection: SQLConnection {
    var engine: StoreEngine { .sqlite }
    /// Whether SQLite took the process-wide settings (see `sqliteConfigured`).
    static var memoryStatisticsOff: Bool { sqliteConfigured }

    private(set) var handle: OpaquePointer?
    let path: String

    /// `vfs`: a registered SQLite VFS by name, for the power-loss tests; nil is SQLite's default.
    init(path: String, readOnly: Bool, vfs: String? = nil) throws(StoreError) {
        self.path = path
        _ = sqliteConfigured
        let flags = readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        let rc = sqlite3_open_v2(path, &handle, flags | SQLITE_OPEN_FULLMUTEX, vfs)
        guard rc == SQLITE_OK else {
            let msg = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(handle)
            handle = nil
            throw StoreError(.io, field: "db", "cannot open \(path): \(msg)")
        }
        sqlite3_busy_timeout(handle, 10_000)
    }

    deinit {
        cache.removeAll()
        sqlite3_close_v2(handle)
    }

    func exec(_ sql: String) throws(StoreError) {
        var err: UnsafeMutablePointer<CChar>?
        if sqlite3_exec(handle, sql, nil, nil, &err) != SQLITE_OK {
            let msg = err.map { String(cString: $0) } ?? "unknown error"
            sqlite3_free(err)
            throw StoreError(.io, "SQLite: \(msg)")
        }
    }

    /// Prepared statements by their SQL: preparing costs more than running most of them.
    private var cache: [StatementKey: SQLiteStatement] = [:]

    /// A statement's SQL as a cache key: equal when the bytes are equal (Swift's `String ==`
    /// would also match canonically equivalent text). String's own hash stays consistent with
    /// that: equal bytes hash alike.
    private struct StatementKey: Hashable {
        let sql: String
        static func == (a: Self, b: Self) -> Bool { a.sql.sameUTF8(b.sql) }
        func hash(into hasher: inout Hasher) { hasher.combine(sql) }
    }

    /// The prepared statement for `sql`, reset and ready for binding (prepared once per connection).
    func prepare(_ sql: String) throws(StoreError) -> any SQLStatement { try prepareSQLite(sql) }

    /// As `prepare`, typed: for the callers that need SQLite's own statement.
    func prepareSQLite(_ sql: String) throws(StoreError) -> SQLiteStatement {
        let key = StatementKey(sql: sql)
        if let cached = cache[key] {
            cached.reset()
            return cached
        }
        let s = try prepareUncached(sql)
        cache[key] = s
        return s
    }

    /// Resets every cached statement, ending any read left open by a statement stopped at a row,
    /// so the next read or write starts from the newest committed state.
    func releaseReads() {
        for s in cache.values { s.reset() }
    }

    private func prepareUncached(_ sql: String) throws(StoreError) -> SQLiteStatement {
        var stmt: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &stmt, nil) == SQLITE_OK, let stmt else {
            throw StoreError(.io, "SQLite cannot prepare statement: \(errorMessage)")
        }
        return SQLiteStatement(stmt, connection: self)
    }

    /// The first column of the first row of `sql`, as text.
    func scalarText(_ sql: String) throws(StoreError) -> String? {
        let s = try prepareUncached(sql)
        return try s.step() ? s.text(0) : nil
    }

    var errorMessage: String { String(cString: sqlite3_errmsg(handle)) }

    /// Rows changed by the last INSERT, UPDATE or DELETE.
    func changedRows() -> Int { Int(sqlite3_changes(handle)) }

    func prepareAhead(_ sql: String, _ values: [SQLValue]) throws(StoreError) -> any SQLStatement { try prepare(sql).bind(values) }

    /// SQLite runs every statement when it is stepped: nothing is ever pending.
    func flush() {}
    func discardPending() {}
    var statementsSent: Int { 0 }
    var isLost: Bool { false }
    var sentStatementFailed: Bool { false }

    /// Runs `body` in a write transaction taken at once (BEGIN IMMEDIATE); rolls back on error.
    func writeTransaction<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        releaseReads()
        try prepareSQLite("BEGIN IMMEDIATE").run()
        do {
            let result = try body()
            try prepareSQLite("COMMIT").run()
            return result
        } catch {
            try? exec("ROLLBACK")
            throw error
        }
    }
}

/// A prepared statement; bind with 1-based indices, read columns 0-based.
final class SQLiteStatement: SQLStatement {
    private let stmt: OpaquePointer
    // Unowned: the connection caches its statements, and a strong reference back would keep it open forever.
    private unowned let connection: SQLiteConnection

    init(_ stmt: OpaquePointer, connection: SQLiteConnection) {
        self.stmt = stmt
        self.connection = connection
    }

    deinit { sqlite3_finalize(stmt) }

    @discardableResult
    func bind(_ values: [SQLValue]) -> any SQLStatement {
        sqlite3_reset(stmt)
        sqlite3_clear_bindings(stmt)
        for (i, v) in values.enumerated() {
            let idx = Int32(i + 1)
            switch v {
            case .null: sqlite3_bind_null(stmt, idx)
            case .int(let n): sqlite3_bind_int64(stmt, idx, n)
            case .text(let s): sqlite3_bind_text(stmt, idx, s, -1, transient)
            case .blob(let b): b.withUnsafeBytes { _ = sqlite3_bind_blob(stmt, idx, $0.baseAddress, Int32(b.count), transient) }
            }
        }
        return self
    }

    /// Steps once; true when a row is available.
    func step() throws(StoreError) -> Bool {
        let rc = sqlite3_step(stmt)
        switch rc {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let msg = connection.errorMessage
            sqlite3_reset(stmt)
            throw StoreError(rc == SQLITE_CONSTRAINT ? .conflict : .io, "SQLite: \(msg)")
        }
    }

    func reset() { sqlite3_reset(stmt) }

    /// Runs a statement that returns no rows.
    func run() throws(StoreError) {
        _ = try step()
        sqlite3_reset(stmt)
    }

    func int(_ col: Int32) -> Int64 { sqlite3_column_int64(stmt, col) }
    func isNull(_ col: Int32) -> Bool { sqlite3_column_type(stmt, col) == SQLITE_NULL }
    func text(_ col: Int32) -> String? {
        guard let p = sqlite3_column_text(stmt, col) else { return nil }
        return String(cString: p)
    }
    func blob(_ col: Int32) -> [UInt8] {
        let n = Int(sqlite3_column_bytes(stmt, col))
        guard n > 0, let p = sqlite3_column_blob(stmt, col) else { return [] }
        return Array(UnsafeRawBufferPointer(start: p, count: n))
    }
}
