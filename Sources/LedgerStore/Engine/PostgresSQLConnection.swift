import Logging
import NIOCore
import NIOPosix
import PostgresNIO

/// One connection to a PostgreSQL database through PostgresNIO, used synchronously.
///
/// The store is synchronous and owned by one thread (the service's writer, or a CLI command);
/// statements go out on an event loop of the store's own and the owning thread waits for
/// results: at once for reads, at the next read, `flush` or commit for the writes `run` keeps
/// (sent then as `PostgresBatch` plans). That thread is never an event loop thread, so waiting
/// cannot deadlock the loop. Rows are read whole per statement (the store pages its large reads).
final class PostgresSQLConnection: SQLConnection {
    var engine: StoreEngine { .postgresql }
    let address: PostgresAddress
    private let connection: PostgresConnection
    private let logger = Logger(label: "jhf.store.postgresql", factory: { _ in SwiftLogNoOpLogHandler() })
    private var changes = 0
    /// Statements sent without waiting for their results, oldest first (see `SQLStatement.run`).
    private var pending: [EventLoopFuture<PostgresQueryResult>] = []
    /// Statements `run` has not sent yet (the store's `?` text and values): `flush` sends them
    /// as `PostgresBatch` plans, then waits for everything sent.
    private var buffered: [(sql: String, values: [SQLValue])] = []
    private(set) var statementsSent = 0
    var isLost: Bool { connection.isClosed }
    private(set) var sentStatementFailed = false
    /// `?`-parameter SQL as PostgreSQL's `$n` SQL, by the store's statement text.
    private var numbered: [String: String] = [:]
    private var inTransaction = false

    /// The advisory lock every write transaction takes first (`pg_advisory_xact_lock`): writers
    /// of one database take turns, as SQLite's `BEGIN IMMEDIATE` makes them. A constant of the
    /// tool (the ASCII of "JHFwrite"), so every process agrees on it.
    static let writeLockKey: Int64 = 0x4A48_4677_7269_7465

    /// The advisory lock the one sequencer holds for its whole life (`pg_try_advisory_lock`, on
    /// the connection it writes with): a second `jhf serve` on the database waits or refuses.
    /// If that connection ends, PostgreSQL releases the lock and the sequencer can write no more.
    static let sequencerLockKey: Int64 = 0x4A48_4673_6571_6E63

    /// The store's connections have an event loop of their own: the shared loops also carry the
    /// service's HTTP connections, and a reply from PostgreSQL would wait behind them while the
    /// store's one writer waits for it.
    private static let loop: any EventLoop = MultiThreadedEventLoopGroup(numberOfThreads: 1).next()

    init(_ address: PostgresAddress) throws(StoreError) {
        self.address = address
        let config = PostgresConnection.Configuration(host: address.host, port: address.port, username: address.user,
                                                      password: address.password, database: address.database, tls: .disable)
        do {
            connection = try PostgresConnection.connect(on: Self.loop, configuration: config,
                                                        id: 1, logger: logger).wait()
        } catch {
            throw Self.storeError(error, "cannot connect to \(address)")
        }
    }

    deinit {
        let c = connection
        c.close().whenComplete { _ in _ = c }
    }

    func prepare(_ sql: String) throws(StoreError) -> any SQLStatement {
        PostgresSQLStatement(sql: sql, numbered: numbered(sql), connection: self)
    }

    func prepareAhead(_ sql: String, _ values: [SQLValue]) throws(StoreError) -> any SQLStatement {
        sendBuffered()
        let text = numbered(sql)
        let s = PostgresSQLStatement(sql: sql, numbered: text, connection: self)
        s.bind(values)
        s.ahead = connection.query(PostgresQuery(unsafeSQL: text, binds: Self.bindings(values)), logger: logger)
        return s
    }

    /// Waits for a statement sent ahead.
    func wait(_ future: EventLoopFuture<PostgresQueryResult>) throws(StoreError) -> [PostgresRow] {
        do { return try future.wait().rows } catch { throw Self.storeError(error, nil) }
    }

    func exec(_ sql: String) throws(StoreError) {
        for statement in Self.split(sql) { _ = try query(statement, PostgresBindings()) }
    }

    func changedRows() throws(StoreError) -> Int {
        try flush()
        return changes
    }

    /// Sends what `run` kept, as `PostgresBatch` plans it, without waiting.
    private func sendBuffered() {
        guard !buffered.isEmpty else { return }
        for statement in PostgresBatch.plan(buffered) { send(numbered(statement.sql), Self.bindings(statement.values)) }
        buffered.removeAll(keepingCapacity: true)
    }

    func flush() throws(StoreError) {
        sendBuffered()
        guard !pending.isEmpty else { return }
        let futures = pending
        pending.removeAll(keepingCapacity: true)
        var first: StoreError?
        for f in futures {
            do {
                changes = try f.wait().metadata.rows ?? 0
            } catch {
                if first == nil { first = Self.storeError(error, nil) }
            }
        }
        if let first {
            sentStatementFailed = true
            throw first
        }
    }

    func discardPending() {
        buffered.removeAll(keepingCapacity: true)
        let futures = pending
        pending.removeAll(keepingCapacity: true)
        for f in futures { _ = try? f.wait() }
    }

    /// Keeps a statement to send with the next `flush` (see `PostgresBatch`).
    func enqueue(_ sql: String, _ values: [SQLValue]) {
        statementsSent += 1
        buffered.append((sql, values))
    }

    /// `sql` with numbered parameters (remembered per statement text).
    private func numbered(_ sql: String) -> String {
        if let known = numbered[sql] { return known }
        let text = Self.numberParameters(sql)
        if numbered.count < Self.numberedStatementsMax { numbered[sql] = text }
        return text
    }

    /// Statement texts whose numbered form is remembered (multi-row statements have one per row count).
    private static let numberedStatementsMax = 4096

    static func bindings(_ values: [SQLValue]) -> PostgresBindings {
        var binds = PostgresBindings(capacity: values.count)
        for v in values {
            switch v {
            case .null: binds.appendNull()
            case .int(let n): binds.append(n)
            case .text(let s): binds.append(s)
            case .blob(let b): binds.append(ByteBuffer(bytes: b))
            }
        }
        return binds
    }

    /// Sends one statement without waiting for it (`flush` collects its outcome).
    func send(_ sql: String, _ binds: PostgresBindings) {
        pending.append(connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger))
    }

    func scalarText(_ sql: String) throws(StoreError) -> String? {
        let s = try prepare(sql)
        return try s.step() ? s.text(0) : nil
    }

    func releaseReads() {}

    func writeTransaction<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        precondition(!inTransaction, "write transactions do not nest")
        try flush()
        sentStatementFailed = false
        // Sent ahead: the transaction's first read waits for both.
        send("BEGIN", PostgresBindings())
        inTransaction = true
        defer { inTransaction = false }
        do {
            var b = PostgresBindings()
            b.append(Self.writeLockKey)
            send("SELECT pg_advisory_xact_lock($1)", b)
            let result = try body()
            _ = try query("COMMIT", PostgresBindings())
            return result
        } catch {
            discardPending()
            _ = try? query("ROLLBACK", PostgresBindings())
            throw error
        }
    }

    /// Runs one statement (after those sent ahead) and returns its rows.
    func query(_ sql: String, _ binds: PostgresBindings) throws(StoreError) -> [PostgresRow] {
        try flush()
        do {
            let result = try connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger).wait()
            changes = result.metadata.rows ?? 0
            return result.rows
        } catch {
            throw Self.storeError(error, nil)
        }
    }

    /// The store's error for a PostgreSQL or connection error: constraint and trigger refusals
    /// are conflicts (as SQLite's are), a missing right names the role, anything else is I/O.
    /// PostgresNIO's own description hides the server's message; it is read from the fields here.
    static func storeError(_ error: any Error, _ context: String?) -> StoreError {
        let prefix = context.map { "\($0): " } ?? ""
        guard let e = error as? PSQLError else { return StoreError(.io, field: "db", "\(prefix)PostgreSQL: \(error)") }
        guard let info = e.serverInfo, let state = info[.sqlState] else {
            if let c = e.underlying as? NIOConnectionError, !c.connectionErrors.isEmpty,
               c.connectionErrors.allSatisfy({ ($0.error as? IOError)?.errnoCode == ECONNREFUSED }) {
                return StoreError(.io, field: "db", "\(prefix)connection refused (is PostgreSQL running there?)")
            }
            let why = e.underlying.map { "\($0)" } ?? "\(e.code)"
            return StoreError(.io, field: "db", "\(prefix)PostgreSQL connection failed (\(why))")
        }
        let message = info[.message] ?? "error \(state)"
        switch state {
        case "23505", "23514", "23502", "23503", "P0001":
            return StoreError(.conflict, "PostgreSQL: \(message)")
        case "42501":
            return StoreError(.io, field: "db", "\(prefix)the role lacks a right the ledger needs: \(message)")
        case "28000", "28P01":
            return StoreError(.io, field: "db", "\(prefix)PostgreSQL refused the role: \(message)")
        case "3D000":
            return StoreError(.io, field: "db", "\(prefix)\(message)")
        default:
            return StoreError(.io, field: "db", "\(prefix)PostgreSQL \(state): \(message)")
        }
    }

    /// `?` parameters as `$1`, `$2`, … (outside quoted text; the store's SQL has no `?` operator).
    static func numberParameters(_ sql: String) -> String {
        var out = ""
        out.reserveCapacity(sql.utf8.count + 8)
        var n = 0, quoted = false
        for ch in sql {
            if ch == "'" { quoted.toggle() }
            if ch == "?" && !quoted {
                n += 1
                out += "$\(n)"
            } else {
                out.append(ch)
            }
        }
        return out
    }

    /// Statements separated by `;` outside quoted text and `$$` bodies.
    static func split(_ sql: String) -> [String] {
        var out: [String] = [], current = ""
        var quoted = false, dollar = false
        var previous: Character = " "
        for ch in sql {
            if ch == "'" && !dollar { quoted.toggle() }
            if ch == "$" && previous == "$" && !quoted { dollar.toggle() }
            if ch == ";" && !quoted && !dollar {
                if !current.allSatisfy(\.isWhitespace) { out.append(current) }
                current = ""
            } else {
                current.append(ch)
            }
            previous = ch
        }
        if !current.allSatisfy(\.isWhitespace) { out.append(current) }
        return out
    }
}

/// A statement on a PostgreSQL connection: run when first stepped, its rows read whole.
final class PostgresSQLStatement: SQLStatement {
    /// The store's text (`?` parameters) and PostgreSQL's (`$n`).
    private let sql: String
    private let numbered: String
    private unowned let connection: PostgresSQLConnection
    private var values: [SQLValue] = []
    /// Sent by `prepareAhead`: the rows come from it.
    var ahead: EventLoopFuture<PostgresQueryResult>?
    private var rows: [PostgresRow]?
    private var row: PostgresRandomAccessRow?
    private var next = 0

    init(sql: String, numbered: String, connection: PostgresSQLConnection) {
        self.sql = sql
        self.numbered = numbered
        self.connection = connection
    }

    @discardableResult
    func bind(_ values: [SQLValue]) -> any SQLStatement {
        reset()
        self.values = values
        return self
    }

    func step() throws(StoreError) -> Bool {
        if rows == nil {
            if let ahead {
                self.ahead = nil
                rows = try connection.wait(ahead)
            } else {
                rows = try connection.query(numbered, PostgresSQLConnection.bindings(values))
            }
        }
        guard let rows, next < rows.count else { row = nil; return false }
        row = rows[next].makeRandomAccess()
        next += 1
        return true
    }

    func reset() {
        rows = nil
        row = nil
        next = 0
    }

    func run() throws(StoreError) {
        reset()
        connection.enqueue(sql, values)
    }

    private func cell(_ col: Int32) -> PostgresCell? {
        guard let row, Int(col) < row.count else { return nil }
        return row[Int(col)]
    }

    /// Integers, text and bytes are read by the column's type; an integer read as text is its
    /// decimal digits, and text read as an integer is parsed (jsonb's `->>` gives text).
    func int(_ col: Int32) -> Int64 {
        guard let c = cell(col), c.bytes != nil else { return 0 }
        switch c.dataType {
        case .int8, .int4, .int2: return (try? c.decode(Int64.self)) ?? 0
        default: return (try? c.decode(String.self)).flatMap { Int64($0) } ?? 0
        }
    }

    func isNull(_ col: Int32) -> Bool { cell(col)?.bytes == nil }

    func text(_ col: Int32) -> String? {
        guard let c = cell(col), c.bytes != nil else { return nil }
        switch c.dataType {
        case .int8, .int4, .int2: return (try? c.decode(Int64.self)).map { String($0) }
        case .bool: return (try? c.decode(Bool.self)).map { $0 ? "true" : "false" }
        default: return try? c.decode(String.self)
        }
    }

    func blob(_ col: Int32) -> [UInt8] {
        guard let c = cell(col), var b = c.bytes else { return [] }
        return b.readBytes(length: b.readableBytes) ?? []
    }
}
