import LedgerCore

/// The database engine a store runs on: chosen by the database argument (a path is an
/// embedded SQLite file, a `postgresql://` URL a PostgreSQL database).
public enum StoreEngine: String, Sendable, CaseIterable {
    case sqlite
    case postgresql
}

extension StoreEngine {
    /// Whether a group commit's checkpoint is signed only after the entries' transaction has
    /// committed, in a transaction of its own. With PostgreSQL, other sessions may read a commit
    /// that still waits for the synchronous standby, and a failover may lose it: a checkpoint signed
    /// before that wait ended could cover entries no surviving copy has. A SQLite commit is on
    /// its one disk when it returns, and the checkpoint is signed in the same transaction.
    var signsCheckpointsAfterCommit: Bool { self == .postgresql }

    /// Whether a group commit's requests are applied with their writes sent ahead, without a
    /// savepoint and a wait per request (PostgreSQL: each wait is a round trip, two thread
    /// wake-ups). If anything goes wrong, the batch is applied again request by request.
    var sendsBatchesAhead: Bool { self == .postgresql }
}

/// A value bound to a statement's `?` parameters, the same on both engines.
enum SQLValue {
    case null
    case int(Int64)
    case text(String)
    case blob([UInt8])
}

/// One connection of a store: the store's code is written once against this seam and runs
/// on either engine. SQL uses `?` parameters (the PostgreSQL connection numbers them) and
/// the subset both engines read alike; the few statements that differ ask `engine`.
protocol SQLConnection: AnyObject {
    var engine: StoreEngine { get }
    /// A statement for `sql`, ready for binding (prepared once per connection where the engine caches).
    func prepare(_ sql: String) throws(StoreError) -> any SQLStatement
    /// A statement bound to `values` that PostgreSQL starts running now, behind what was sent
    /// before it, while the caller goes on (its rows are waited for at its first `step`). SQLite
    /// runs it when it is stepped.
    func prepareAhead(_ sql: String, _ values: [SQLValue]) throws(StoreError) -> any SQLStatement
    /// Runs one or more statements without parameters.
    func exec(_ sql: String) throws(StoreError)
    /// The first column of the first row of `sql`, as text.
    func scalarText(_ sql: String) throws(StoreError) -> String?
    /// Rows changed by the last INSERT, UPDATE or DELETE (after any deferred statement has run).
    func changedRows() throws(StoreError) -> Int
    /// Waits for the statements `run` may have sent ahead without waiting; throws the first
    /// error among them. Reads, `exec` and commits do this first on their own.
    func flush() throws(StoreError)
    /// Waits for the statements sent ahead, forgetting their errors: before rolling back the
    /// work they belonged to.
    func discardPending()
    /// Whether the connection to the database server has ended (never, for a SQLite file). A
    /// PostgreSQL store never reconnects on its own: its sequencer lock ended with it.
    var isLost: Bool { get }
    /// How many statements `run` has sent ahead on this connection (0 on SQLite, which sends none).
    var statementsSent: Int { get }
    /// Whether a statement sent ahead failed since the current transaction began.
    var sentStatementFailed: Bool { get }
    /// Runs `body` in the one write transaction at a time (the engine's writer lock is taken
    /// first); rolls back on error.
    func writeTransaction<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T
    /// Ends any read left open by a statement stopped at a row, so the next read sees the newest commit.
    func releaseReads()
}

/// A statement: bind with values in parameter order, step through rows, read columns 0-based.
protocol SQLStatement: AnyObject {
    @discardableResult
    func bind(_ values: [SQLValue]) -> any SQLStatement
    /// Steps once; true when a row is available.
    func step() throws(StoreError) -> Bool
    func reset()
    /// Runs a statement that returns no rows. The PostgreSQL connection sends it without waiting
    /// for its result (its error, if any, comes from the next `flush`, read or commit), so that a
    /// request's statements follow each other on the connection without a wake-up of the
    /// store's thread for each.
    func run() throws(StoreError)
    func int(_ col: Int32) -> Int64
    func isNull(_ col: Int32) -> Bool
    func text(_ col: Int32) -> String?
    func blob(_ col: Int32) -> [UInt8]
}

extension SQLStatement {
    @discardableResult
    func bind(_ values: SQLValue...) -> any SQLStatement { bind(values) }
}
