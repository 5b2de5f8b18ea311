import Foundation
import LedgerCore

/// The SQLite store of one ledger: committed entries, proposals, approvals and sealed records.
///
/// Opening a store replays its whole chain through `ReplayState` (every rule but
/// signatures, which were verified when each entry was appended) and refuses a
/// chain that does not check out; a read-only job may ask for the hash chain only
/// (`OpenCheck`). Appends go through one path, `approve`, in one
/// write transaction: the replay state evaluates the new entry's exact bytes with
/// full signature checks, and only then is it inserted.
public final class LedgerStore {
    let db: any SQLConnection
    /// The database as given (a path, or a `postgresql://` URL without its password).
    public let path: String
    /// Where the database is, and so which engine the store runs on.
    public let location: StoreLocation
    /// What opening the store checked; with `.hashChain` the store cannot propose or append.
    public let openCheck: OpenCheck
    /// The state after the last committed entry (empty when opened with `.hashChain`).
    public private(set) var state = ReplayState()
    /// The hash of the last committed entry (zero for an empty chain), whatever the open check.
    public private(set) var headHash: Hash = .zero
    /// The number of committed entries, whatever the open check.
    public var size: Int64 { tree.size }
    /// The Merkle tree's right edge after the last committed entry (SPEC §7).
    public internal(set) var tree = MerkleFrontier()
    /// When set, every write transaction that appends entries also signs a checkpoint.
    public var checkpointSigner: CheckpointSigner?
    /// How long a new proposal stays open for approvals.
    public var proposalLifetimeSeconds: Int64 = Limits.proposalLifetimeDefaultSeconds
    /// Approval signatures verified in this process, by proposal id, until the entry is appended.
    private var verifiedSignatures: [String: [PreparedEntry.VerifiedSignature]] = [:]
    private var verifiedSignaturesCount = 0
    /// Inside a batch sent ahead (`write` on PostgreSQL): the proposals its requests name, read
    /// once at its start and kept current as the batch writes them (nil: absent). The batch
    /// holds the writer lock, so no one else changes them meanwhile.
    var batchProposals: [String: OpenProposal?]?

    /// Opens an existing store and checks its chain (`check`: the full rule replay by default).
    /// `path` is the database argument: a SQLite file's path or a `postgresql://` URL.
    public convenience init(path: String, check: OpenCheck = .replay) throws(StoreError) {
        try self.init(path: path, check: check, vfs: nil)
    }

    /// As the public initializer, through the SQLite VFS named `vfs`: for the power-loss tests
    /// only (their crash-simulating VFS), hence the SPI.
    @_spi(Testing) public init(path: String, check: OpenCheck = .replay, vfs: String?) throws(StoreError) {
        location = try StoreLocation(path)
        self.path = location.description
        openCheck = check
        db = try LedgerStore.openConnection(location, mustExist: true, vfs: vfs)
        try catchUp(strict: true)
        try completeMerkleNodes()
    }

    private init(location: StoreLocation, connection: any SQLConnection) {
        self.location = location
        path = location.description
        openCheck = .replay
        db = connection
    }

    /// Opens the database at `location`, migrated to this tool's schema: an existing ledger
    /// (`mustExist`), or a new one (a new SQLite file; an empty PostgreSQL database).
    static func openConnection(_ location: StoreLocation, mustExist: Bool, vfs: String? = nil) throws(StoreError) -> any SQLConnection {
        switch location {
        case .sqlite(let path): return try openConnection(path: path, mustExist: mustExist, vfs: vfs)
        case .postgresql(let address): return try PostgresStore.open(address, mustExist: mustExist)
        }
    }

    /// Opens a ledger database for `verify --db` as it is: a SQLite file read-only and not
    /// migrated (an old ledger is read as it was written), a PostgreSQL database that has this
    /// tool's schema (or an older one). Nothing is written. Everything is read in one read
    /// transaction, so a ledger a service is appending to is verified as of one moment (its
    /// entries, nodes, checkpoint and sealed records agree); a PostgreSQL standby serves it too.
    static func openForVerifying(_ location: StoreLocation) throws(StoreError) -> any SQLConnection {
        switch location {
        case .sqlite(let path):
            guard fileExists(path) else { throw StoreError(.io, field: "db", "no ledger database at \(path)") }
            let c = try SQLiteConnection(path: path, readOnly: true)
            try c.exec("BEGIN")
            return c
        case .postgresql(let address):
            let c = try PostgresSQLConnection(address)
            let version = try PostgresStore.schemaVersion(c)
            guard version > 0 else { throw StoreError(.io, field: "db", "no ledger database at \(address): it has no JHF ledger schema") }
            guard version <= PostgresMigrations.all.count else {
                throw StoreError(.io, field: "db", "\(address) has schema version \(version), newer than this tool (\(PostgresMigrations.all.count))")
            }
            try c.exec("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            return c
        }
    }

    /// A connection to a new database for a copy: a new SQLite file (0600, migrated: SQLite's
    /// migrations manage their own transactions), or an empty PostgreSQL database with no
    /// schema yet (`createSchema` makes it inside the copy's transaction).
    static func openEmpty(_ location: StoreLocation) throws(StoreError) -> any SQLConnection {
        switch location {
        case .sqlite(let path):
            if fileExists(path) { throw StoreError(.conflict, field: "to", "\(path) already exists; refusing to overwrite a ledger") }
            return try openConnection(path: path, mustExist: false)
        case .postgresql(let address): return try PostgresStore.open(address, mustExist: false, migrating: false)
        }
    }

    /// The schema of a database `openEmpty` opened, inside the caller's transaction.
    static func createSchema(_ db: any SQLConnection) throws(StoreError) {
        if let pg = db as? PostgresSQLConnection { try PostgresStore.createSchema(pg) }
    }

    /// Leaves nothing of a new database that failed: the SQLite file and its -wal and -shm, or
    /// the PostgreSQL schema (the database itself stays, empty, as it was given).
    static func discardNew(_ location: StoreLocation, _ db: any SQLConnection) {
        switch location {
        case .sqlite(let path):
            for file in [path, path + "-wal", path + "-shm"] { unlink(file) }
        case .postgresql:
            if let pg = db as? PostgresSQLConnection { try? PostgresStore.dropSchema(pg) }
        }
    }

    /// Opens the database file: an existing one only if group and others have no access to it
    /// (it holds sealed records); a new one is created 0600 before SQLite opens it, and SQLite
    /// gives its -wal and -shm files the database file's mode.
    static func openConnection(path: String, mustExist: Bool, vfs: String? = nil) throws(StoreError) -> SQLiteConnection {
        if mustExist {
            guard fileExists(path) else { throw StoreError(.io, field: "db", "no ledger database at \(path)") }
            for file in [path, path + "-wal", path + "-shm"] { try requirePrivate(file) }
        } else {
            let fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, FileMode.secret)
            guard fd >= 0 else {
                if errno == EEXIST { throw StoreError(.conflict, field: "db", "\(path) already exists; refusing to overwrite a ledger") }
                throw StoreError(.io, field: "db", "cannot create \(path): \(String(cString: strerror(errno)))")
            }
            close(fd)
        }
        let c = try SQLiteConnection(path: path, readOnly: false, vfs: vfs)
        try configure(c)
        try migrate(c)
        return c
    }

    /// WAL with synchronous=FULL: a commit is durable when it returns. Both are read back.
    ///
    /// `temp_store=MEMORY` keeps the statement journal in memory: each request of a group commit
    /// runs in its own savepoint, and SQLite otherwise writes the pages a savepoint changes to a
    /// new temporary file in every transaction (as many `pwrite` calls as the WAL itself gets).
    /// The journal only serves rolling back one refused request; it is bounded by the pages one
    /// transaction touches (`Limits.writeBatchRequestsMax` requests) and never needs to survive a crash.
    static func configure(_ c: SQLiteConnection) throws(StoreError) {
        let mode = try c.scalarText("PRAGMA journal_mode=WAL")
        guard mode == "wal" else { throw StoreError(.io, "SQLite refused WAL mode (journal_mode is \(mode ?? "unknown"))") }
        try c.exec("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA cache_size=-\(Limits.storePageCacheKiB); PRAGMA temp_store=MEMORY")
        let sync = try c.scalarText("PRAGMA synchronous")
        guard sync == "2" else { throw StoreError(.io, "SQLite synchronous is \(sync ?? "unknown"), expected FULL (2)") }
        let temp = try c.scalarText("PRAGMA temp_store")
        guard temp == "2" else { throw StoreError(.io, "SQLite temp_store is \(temp ?? "unknown"), expected MEMORY (2)") }
    }

    /// Applies the migrations this database lacks, each in its own transaction.
    ///
    /// Foreign keys are off while they run (SQLite's procedure for rebuilding a table that
    /// others reference: `PRAGMA foreign_keys` cannot change inside a transaction), and every
    /// migration must leave `PRAGMA foreign_key_check` empty before it commits.
    static func migrate(_ c: SQLiteConnection) throws(StoreError) {
        let version = Int(try c.scalarText("PRAGMA user_version") ?? "0") ?? 0
        guard version <= Migrations.all.count else {
            throw StoreError(.io, "database schema version \(version) is newer than this tool (\(Migrations.all.count))")
        }
        guard version < Migrations.all.count else { return }
        try c.exec("PRAGMA foreign_keys=OFF")
        do throws(StoreError) {
            for (i, sql) in Migrations.all.enumerated().dropFirst(version) {
                try c.writeTransaction { () throws(StoreError) in
                    // Another process opening the same file may have applied it meanwhile.
                    guard try c.scalarText("PRAGMA user_version") == "\(i)" else { return }
                    // Checked before as well as after: a rebuild that joins tables (v8) could
                    // otherwise drop a row whose reference was already broken.
                    if let violation = try brokenReference(c) {
                        throw StoreError(.corrupt, "migration \(i + 1) was not applied: the database has a broken reference (\(violation)); it stays at version \(i)")
                    }
                    try c.exec(sql)
                    if let violation = try brokenReference(c) {
                        throw StoreError(.corrupt, "migration \(i + 1) would leave a broken reference (\(violation)); it was not applied and the database stays at version \(i)")
                    }
                    try c.exec("PRAGMA user_version = \(i + 1)")
                }
            }
        } catch {
            try? c.exec("PRAGMA foreign_keys=ON")
            throw error
        }
        try c.exec("PRAGMA foreign_keys=ON")
        guard try c.scalarText("PRAGMA foreign_keys") == "1" else { throw StoreError(.io, "SQLite foreign_keys did not turn back on after migrating") }
    }

    /// The first row `PRAGMA foreign_key_check` reports, as text, or nil.
    private static func brokenReference(_ c: SQLiteConnection) throws(StoreError) -> String? {
        try c.scalarText("SELECT \"table\" || ' row ' || coalesce(rowid, '?') || ' -> ' || parent FROM pragma_foreign_key_check LIMIT 1")
    }

    /// Refuses a database file (or its -wal or -shm) that group or others may access.
    static func requirePrivate(_ file: String, field: String = "db") throws(StoreError) {
        guard let mode = FileMode.permissions(of: file) else { return }  // -wal and -shm exist only while the database is open
        guard FileMode.isPrivate(mode) else {
            let what = field == "db" ? "holds sealed records" : "is a witness's memory"
            throw StoreError(.invalid, field: field, "\(file) may be accessed by group or others (mode \(String(mode, radix: 8))) and \(what); run chmod 600 \(file)")
        }
    }

    // MARK: - Creating a ledger

    /// Creates a new database holding the pending genesis proposal (id `genesis`).
    public static func create(path: String, ledgerID: String, genesis: GenesisBody, now: String) throws(StoreError) -> (LedgerStore, ProposalRecord) {
        if let p = FieldRules.ledgerID(ledgerID) { throw StoreError(.invalid, field: "ledger-id", rule: .r5, p) }
        let location = try StoreLocation(path)
        if case .sqlite = location, fileExists(path) { throw StoreError(.conflict, field: "db", "\(path) already exists; refusing to overwrite a ledger") }
        let body = Body.genesis(genesis)
        let failures = ReplayState().checkProposal(body)
        if !failures.isEmpty { throw StoreError(.refused, "the genesis proposal breaks ledger rules", failures: failures) }
        let store = LedgerStore(location: location, connection: try openConnection(location, mustExist: false))
        try store.db.writeTransaction { () throws(StoreError) in
            try store.db.prepare("INSERT INTO meta(key, value) VALUES ('ledger_id', ?)").bind(.text(ledgerID)).run()
            try store.insertProposal(id: "genesis", ledgerID: ledgerID, body: body, sealed: nil, now: now)
        }
        return (store, try store.proposal(id: "genesis")!)
    }

    /// The ledger id fixed at creation.
    public func ledgerID() throws(StoreError) -> String {
        guard let id = try db.scalarText("SELECT value FROM meta WHERE key = 'ledger_id'") else {
            throw StoreError(.corrupt, "the database has no ledger_id")
        }
        return id
    }

    // MARK: - Proposals

    /// Where a proposal's row keeps each approving institution's one approval (migration v8):
    /// three columns each, `PREFIX_key`, `PREFIX_signature`, `PREFIX_approved_at`.
    static let approvalSlots: [ApprovalSlot] = [ApprovalSlot("SHCP", "shcp"), ApprovalSlot("USAID", "usaid")]

    /// One institution's approval columns, and the two statements that fill them. The SQL is
    /// made once from this fixed table (never from input), so the statement cache finds it
    /// without a string being built per approval.
    struct ApprovalSlot: Sendable {
        let institution: String
        let prefix: String
        /// Records an approval: key, signature, approved_at, then the proposal id.
        let recordSQL: String
        /// Records the approval that completes a proposal with its commit: key, signature,
        /// approved_at, committed_seq, then the proposal id.
        let commitSQL: String

        init(_ institution: String, _ prefix: String) {
            self.institution = institution
            self.prefix = prefix
            let columns = "\(prefix)_key = ?, \(prefix)_signature = ?, \(prefix)_approved_at = ?"
            recordSQL = "UPDATE proposals SET \(columns) WHERE id = ?"
            commitSQL = "UPDATE proposals SET \(columns), status = 'committed', committed_seq = ? WHERE id = ?"
        }
    }
    /// The approval columns of `proposals p`, in `approvalSlots` order.
    static let approvalColumns = approvalSlots.map { "p.\($0.prefix)_key, p.\($0.prefix)_signature, p.\($0.prefix)_approved_at" }
        .joined(separator: ", ")

    private static let proposalColumns = """
        p.id, p.kind, p.ledger_id, p.body, p.approval_digest, p.status, p.created_at, p.committed_seq,
        p.expires_at, c.status, c.closed_at, c.closed_by, c.reason, p.rowid, p.sealed_record, \(approvalColumns)
        FROM proposals p LEFT JOIN proposal_closures c ON c.proposal_id = p.id
        """

    public func proposal(id: String) throws(StoreError) -> ProposalRecord? {
        let s = try db.prepare("SELECT \(Self.proposalColumns) WHERE p.id = ?").bind(.text(id))
        defer { s.reset() }
        return try s.step() ? try readProposal(s) : nil
    }

    /// Proposals by status (nil: all), oldest first; `after` is the `next` of the previous page.
    public func proposals(status: ProposalRecord.Status?, after: Int64 = 0, limit: Int = Int.max) throws(StoreError) -> (records: [ProposalRecord], next: Int64?) {
        db.releaseReads()
        let filter: String
        switch status {
        case nil: filter = ""
        case .pending?: filter = "AND p.status = 'pending' AND c.status IS NULL"
        case .committed?: filter = "AND p.status = 'committed'"
        case .withdrawn?: filter = "AND c.status = 'withdrawn'"
        case .expired?: filter = "AND c.status = 'expired'"
        }
        let s = try db.prepare("SELECT \(Self.proposalColumns) WHERE p.rowid > ? \(filter) ORDER BY p.rowid LIMIT ?")
            .bind(.int(after), .int(Int64(min(limit, Int(Int64.max - 1))) + 1))
        var out: [ProposalRecord] = []
        var last: Int64 = after
        defer { s.reset() }
        while try s.step() {
            if out.count == limit { return (out, last) }
            out.append(try readProposal(s))
            last = s.int(13)
        }
        return (out, nil)
    }

    private func readProposal(_ s: any SQLStatement) throws(StoreError) -> ProposalRecord {
        let id = s.text(0) ?? ""
        let bodyBytes = s.blob(3)
        let body: Body
        do {
            guard let kind = EntryKind(rawValue: s.text(1) ?? "") else { throw LedgerError(.schema, "unknown kind") }
            body = try Body(kind: kind, json: try JSONParser.parse(bodyBytes))
        } catch {
            throw StoreError(.corrupt, "stored proposal \(id) does not decode: \(error)")
        }
        let approvals = try Self.approvals(s, from: 15, of: id)  // `approvalColumns` close `proposalColumns`
        var sealed: SealedRecord?
        if body.kind == .disbursement, !s.isNull(14) {
            do { sealed = try SealedRecord(json: try JSONParser.parse(s.blob(14)), path: "sealed") } catch {
                throw StoreError(.corrupt, "stored sealed record of \(id) does not decode: \(error)")
            }
        }
        var status = ProposalRecord.Status(rawValue: s.text(5) ?? "") ?? .pending
        var closure: ProposalRecord.Closure?
        if let closed = s.text(9).flatMap(ProposalRecord.Status.init(rawValue:)) {
            status = closed
            closure = .init(at: s.text(10) ?? "", by: s.text(11) ?? "", reason: s.text(12) ?? "")
        }
        return ProposalRecord(
            id: id, ledgerID: s.text(2) ?? "", body: body, bodyBytes: bodyBytes,
            approvalDigest: (try? Hash(bytes: s.blob(4))) ?? .zero, status: status, createdAt: s.text(6) ?? "",
            expiresAt: s.text(8), committedSeq: s.isNull(7) ? nil : s.int(7), approvals: approvals, sealed: sealed, closure: closure)
    }

    /// The approvals in a row read with `approvalColumns` starting at `column`, by key name
    /// (in UTF-8 byte order, as SQLite's BINARY collation sorts).
    static func approvals(_ s: any SQLStatement, from column: Int32, of id: String) throws(StoreError) -> [ProposalRecord.StoredApproval] {
        var approvals: [ProposalRecord.StoredApproval] = []
        for (i, slot) in approvalSlots.enumerated() {
            let c = column + Int32(i * 3)
            guard let key = s.text(c) else { continue }
            guard let sig = try? Signature(bytes: s.blob(c + 1)) else { throw StoreError(.corrupt, "stored approval of \(id) is malformed") }
            approvals.append(.init(institution: slot.institution, keyName: key, signature: sig, createdAt: s.text(c + 2) ?? ""))
        }
        return approvals.sorted { $0.keyName.utf8.lexicographicallyPrecedes($1.keyName.utf8) }
    }

    /// The input a proposal was made from (`{"body", "kind"}`), if it was kept.
    func storedInput(id: String) throws(StoreError) -> JSONValue? {
        let s = try db.prepare("SELECT input FROM proposals WHERE id = ?").bind(.text(id))
        defer { s.reset() }
        guard try s.step(), !s.isNull(0) else { return nil }
        do { return try JSONParser.parse(s.blob(0)) } catch { throw StoreError(.corrupt, "stored input of proposal \(id) does not decode") }
    }

    // MARK: - State kept in memory

    /// An entry appended inside a request's savepoint: what the state takes once it is kept.
    struct Appended {
        let prepared: PreparedEntry
        let evaluation: ReplayState.Evaluation
        /// `tree` with the entry's leaf appended (its nodes are in the savepoint).
        let tree: MerkleFrontier
    }

    func commitToState(_ a: Appended) {
        precondition(a.tree.size == tree.size + 1, "an appended entry's tree must extend the store's tree by one leaf")
        state.commit(a.prepared, a.evaluation)
        tree = a.tree
        headHash = a.prepared.entryHash
        assert(tree.size == state.size)
        if let id = a.prepared.entry?.body.id { forget(id) }
    }

    /// Starts the replay state over from the database (after a transaction failed to commit).
    func reloadState() {
        state = ReplayState()
        tree = MerkleFrontier()
        headHash = .zero
        verifiedSignatures = [:]
        verifiedSignaturesCount = 0
        try? catchUp(strict: true)
    }

    /// Remembers a verified approval signature so the append does not verify it again.
    func remember(_ v: PreparedEntry.VerifiedSignature, for id: String) {
        // A bound, not a cache policy: past it, appends simply verify again.
        if verifiedSignaturesCount >= Limits.verifiedSignaturesMemoMax {
            verifiedSignatures = [:]
            verifiedSignaturesCount = 0
        }
        verifiedSignatures[id, default: []].append(v)
        verifiedSignaturesCount += 1
    }

    func recalled(_ id: String) -> [PreparedEntry.VerifiedSignature] { verifiedSignatures[id] ?? [] }

    func forget(_ id: String) {
        if let gone = verifiedSignatures.removeValue(forKey: id) { verifiedSignaturesCount -= gone.count }
    }

    // MARK: - Reading the chain

    /// Checks committed entries not yet in `tree` (another process may have appended): with
    /// `.replay` every rule but signatures, with `.hashChain` the hash links only.
    ///
    /// Rows are parsed (or hashed) in batches on all cores, which is most of the work of
    /// opening a large store, and checked in order on this thread.
    func catchUp(strict: Bool) throws(StoreError) {
        var failures: [Failure] = []
        var rows: [EntryRow] = []
        func checkBatch() {
            // Every write transaction catches up first, almost always with nothing to check.
            guard !rows.isEmpty else { return }
            let start = tree.size
            let batch = rows
            let jobs = LedgerStore.processors
            // The replay parses each entry (which hashes it); the hash-chain check only hashes.
            let prepared = openCheck == .replay
                ? Parallel.map(batch.count, jobs: jobs) { i in PreparedEntry(line: Line(bytes: batch[i].canonical), position: start + Int64(i)) }
                : nil
            let hashes = prepared?.map(\.entryHash) ?? Parallel.map(batch.count, jobs: jobs) { i in Hash.leaf(batch[i].canonical) }
            for (i, row) in batch.enumerated() {
                failures += EntryRow.columnFailures(row, position: tree.size, prevHash: headHash, entryHash: hashes[i])
                if let p = prepared?[i] { failures += state.replay(p, verifySignatures: false) }
                tree.append(hashes[i])
                headHash = hashes[i]
            }
            assert(openCheck == .hashChain || tree.size == state.size)
            rows.removeAll(keepingCapacity: true)
        }
        try forEachEntryRow(from: tree.size) { (row: EntryRow) throws(StoreError) in
            rows.append(row)
            if rows.count == Limits.verifyBatchEntriesMax { checkBatch() }
        }
        checkBatch()
        if strict && !failures.isEmpty {
            throw StoreError(.corrupt, "the stored chain does not check out; run `jhf verify --db` for the full report", failures: failures)
        }
    }

    /// Cores to parse on; read once (ProcessInfo reads /proc or /sys on every call).
    private static let processors = ProcessInfo.processInfo.activeProcessorCount

    /// Calls `body` for each committed entry from `seq` on, in order.
    public func forEachEntryRow(from seq: Int64 = 0, _ body: (EntryRow) throws(StoreError) -> Void) throws(StoreError) {
        try Self.forEachEntryRow(db, from: seq, body)
    }

    /// Reads the entries from `seq` on in pages of `Limits.storeReadPageRows` (a PostgreSQL
    /// statement's rows arrive whole), in seq order. A page ends at a row, never inside the chain's
    /// order, so rows appended meanwhile are simply read too.
    static func forEachEntryRow(_ db: any SQLConnection, from seq: Int64 = 0, _ body: (EntryRow) throws(StoreError) -> Void) throws(StoreError) {
        var next = seq
        while true {
            let s = try db.prepare("SELECT seq, entry_hash, prev_hash, canonical FROM entries WHERE seq >= ? ORDER BY seq LIMIT ?")
                .bind(.int(next), .int(Limits.storeReadPageRows))
            var rows: [EntryRow] = []
            rows.reserveCapacity(64)
            while try s.step() { rows.append(EntryRow(seq: s.int(0), entryHash: s.blob(1), prevHash: s.blob(2), canonical: s.blob(3))) }
            s.reset()
            for row in rows { try body(row) }
            guard Int64(rows.count) == Limits.storeReadPageRows, let last = rows.last else { return }
            next = last.seq + 1
        }
    }

    /// Committed entries' canonical bytes, `limit` at most, from `seq`.
    public func entries(from seq: Int64, limit: Int) throws(StoreError) -> [EntryRow] {
        db.releaseReads()
        let s = try db.prepare("SELECT seq, entry_hash, prev_hash, canonical FROM entries WHERE seq >= ? ORDER BY seq LIMIT ?")
            .bind(.int(seq), .int(Int64(limit)))
        var out: [EntryRow] = []
        while try s.step() { out.append(EntryRow(seq: s.int(0), entryHash: s.blob(1), prevHash: s.blob(2), canonical: s.blob(3))) }
        return out
    }

    func entryHash(seq: Int64) throws(StoreError) -> Hash {
        let s = try db.prepare("SELECT entry_hash FROM entries WHERE seq = ?").bind(.int(seq))
        defer { s.reset() }
        guard try s.step(), let h = try? Hash(bytes: s.blob(0)) else { throw StoreError(.notFound, "no entry at seq \(seq)") }
        return h
    }

    /// Sealed records of committed disbursements, in ledger order, as `sealed.jsonl` lines.
    public func sealedLines() throws(StoreError) -> [Line] { try LedgerStore.sealedLines(db) }

    /// Up to `limit` sealed lines of disbursements committed at `seq` or later.
    public func sealedLines(from seq: Int64, limit: Int) throws(StoreError) -> [Line] {
        db.releaseReads()
        return try LedgerStore.sealedLines(db, from: seq, limit: limit)
    }

    /// The sealed lines in seq order. `verify --db` reads files without migrating them, so a
    /// ledger from before migration v8 (its own `sealed` table) is read as it was written.
    static func sealedLines(_ db: any SQLConnection, from seq: Int64 = 0, limit: Int = Int.max) throws(StoreError) -> [Line] {
        var unmigrated = false
        if db.engine == .sqlite { unmigrated = try db.scalarText("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sealed'") != nil }
        let s = try db.prepare(unmigrated ? """
            SELECT s.disbursement_id, s.record FROM sealed s JOIN entries e ON e.entry_id = s.disbursement_id
            WHERE e.kind = 'disbursement' AND e.seq >= ? ORDER BY e.seq LIMIT ?
            """ : """
            SELECT p.id, p.sealed_record FROM entries e JOIN proposals p ON p.id = e.entry_id
            WHERE e.kind = 'disbursement' AND e.seq >= ? AND p.sealed_record IS NOT NULL ORDER BY e.seq LIMIT ?
            """).bind(.int(seq), .int(Int64(min(limit, Int(Int64.max)))))
        var out: [Line] = []
        while try s.step() {
            guard let id = s.text(0) else { continue }
            // The record is stored canonical; splice it into the line without re-encoding.
            out.append(Line(bytes: Array(#"{"id":"#.utf8) + JSONValue.string(id).canonicalBytes + Array(#","sealed":"#.utf8)
                            + s.blob(1) + [UInt8(ascii: "}")]))
        }
        return out
    }
}

/// One row of the entries table.
public struct EntryRow: Sendable {
    public let seq: Int64
    public let entryHash: [UInt8]
    public let prevHash: [UInt8]
    public let canonical: [UInt8]

    /// Disagreements between the row's own columns and its canonical bytes.
    /// `entryHash` is the hash of the row's canonical bytes when the caller has it already.
    static func columnFailures(_ row: EntryRow, position: Int64, prevHash: Hash, entryHash: Hash? = nil) -> [Failure] {
        var out: [Failure] = []
        if row.seq != position { out.append(Failure(seq: position, rule: .r2, message: "stored seq column is \(row.seq), expected \(position)")) }
        if row.entryHash != (entryHash ?? Hash.leaf(row.canonical)).bytes {
            out.append(Failure(seq: position, rule: .r3, message: "stored entry_hash column differs from the hash of the stored bytes"))
        }
        if row.prevHash != prevHash.bytes {
            out.append(Failure(seq: position, rule: .r3, message: "stored prev_hash column differs from the previous entry's hash"))
        }
        return out
    }
}
