import LedgerCore

/// The SQLite store of one ledger: committed entries, proposals, approvals and sealed records.
///
/// Opening a store replays its whole chain through `ReplayState` (every rule but
/// signatures, which were verified when each entry was appended) and refuses a
/// chain that does not check out. Appends go through one path, `approve`, in one
/// write transaction: the replay state evaluates the new entry's exact bytes with
/// full signature checks, and only then is it inserted.
public final class LedgerStore {
    let db: SQLiteConnection
    public let path: String
    /// The state after the last committed entry.
    public private(set) var state = ReplayState()

    /// Opens an existing store and checks its chain.
    public init(path: String) throws(StoreError) {
        self.path = path
        db = try LedgerStore.openConnection(path: path, mustExist: true)
        try catchUp(strict: true)
    }

    private init(path: String, connection: SQLiteConnection) {
        self.path = path
        db = connection
    }

    static func openConnection(path: String, mustExist: Bool) throws(StoreError) -> SQLiteConnection {
        if mustExist && !fileExists(path) { throw StoreError(.io, field: "db", "no ledger database at \(path)") }
        let c = try SQLiteConnection(path: path, readOnly: false)
        try configure(c)
        try migrate(c)
        return c
    }

    /// WAL with synchronous=FULL: a commit is durable when it returns. Both are read back.
    static func configure(_ c: SQLiteConnection) throws(StoreError) {
        let mode = try c.scalarText("PRAGMA journal_mode=WAL")
        guard mode == "wal" else { throw StoreError(.io, "SQLite refused WAL mode (journal_mode is \(mode ?? "unknown"))") }
        try c.exec("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON")
        let sync = try c.scalarText("PRAGMA synchronous")
        guard sync == "2" else { throw StoreError(.io, "SQLite synchronous is \(sync ?? "unknown"), expected FULL (2)") }
    }

    static func migrate(_ c: SQLiteConnection) throws(StoreError) {
        let version = Int(try c.scalarText("PRAGMA user_version") ?? "0") ?? 0
        guard version <= Migrations.all.count else {
            throw StoreError(.io, "database schema version \(version) is newer than this tool (\(Migrations.all.count))")
        }
        for (i, sql) in Migrations.all.enumerated().dropFirst(version) {
            try c.writeTransaction { () throws(StoreError) in
                try c.exec(sql)
                try c.exec("PRAGMA user_version = \(i + 1)")
            }
        }
    }

    // MARK: - Creating a ledger

    /// Creates a new database holding the pending genesis proposal (id `genesis`).
    public static func create(path: String, ledgerID: String, genesis: GenesisBody, now: String) throws(StoreError) -> (LedgerStore, ProposalRecord) {
        if let p = FieldRules.ledgerID(ledgerID) { throw StoreError(.invalid, field: "ledger-id", rule: .r5, p) }
        if fileExists(path) { throw StoreError(.conflict, field: "db", "\(path) already exists; refusing to overwrite a ledger") }
        let body = Body.genesis(genesis)
        let failures = ReplayState().checkProposal(body)
        if !failures.isEmpty { throw StoreError(.refused, "the genesis proposal breaks ledger rules", failures: failures) }
        let store = LedgerStore(path: path, connection: try openConnection(path: path, mustExist: false))
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

    /// Stores a proposal after checking it against the ledger as it is now.
    @discardableResult
    public func propose(body: Body, sealed: SealedRecord?, now: String) throws(StoreError) -> ProposalRecord {
        guard let id = body.id else { throw StoreError(.invalid, field: "kind", "genesis is proposed by `jhf init`") }
        if case .disbursement(let d) = body {
            guard let sealed, sealed.digest == d.sealedDigest else {
                throw StoreError(.invalid, field: "sealed", rule: .r11, "a disbursement needs the sealed record matching its sealed_digest")
            }
        }
        try db.writeTransaction { () throws(StoreError) in
            try catchUp(strict: true)
            guard let ledgerID = state.ledgerID else {
                throw StoreError(.refused, "the ledger has no genesis entry yet: approve the genesis proposal first")
            }
            if try proposal(id: id) != nil {
                throw StoreError(.conflict, field: "id", rule: .r9, "a proposal with id \(id) already exists")
            }
            let failures = state.checkProposal(body)
            if !failures.isEmpty { throw StoreError(.refused, "proposal \(id) breaks ledger rules", failures: failures) }
            try insertProposal(id: id, ledgerID: ledgerID, body: body, sealed: sealed, now: now)
        }
        return try proposal(id: id)!
    }

    private func insertProposal(id: String, ledgerID: String, body: Body, sealed: SealedRecord?, now: String) throws(StoreError) {
        try db.prepare("""
            INSERT INTO proposals(id, kind, ledger_id, body, approval_digest, status, created_at)
            VALUES (?, ?, ?, ?, ?, 'pending', ?)
            """).bind(.text(id), .text(body.kind.rawValue), .text(ledgerID), .blob(body.json.canonicalBytes),
                      .blob(body.approvalDigest(ledgerID: ledgerID).bytes), .text(now)).run()
        if let sealed {
            try db.prepare("INSERT INTO sealed(disbursement_id, record, digest) VALUES (?, ?, ?)")
                .bind(.text(id), .blob(sealed.json.canonicalBytes), .blob(sealed.digest.bytes)).run()
        }
    }

    public func proposal(id: String) throws(StoreError) -> ProposalRecord? {
        let s = try db.prepare("SELECT \(proposalColumns) FROM proposals WHERE id = ?").bind(.text(id))
        return try s.step() ? try readProposal(s) : nil
    }

    /// Proposals by status (nil: all), oldest first.
    public func proposals(status: ProposalRecord.Status?) throws(StoreError) -> [ProposalRecord] {
        let s: SQLiteStatement
        if let status {
            s = try db.prepare("SELECT \(proposalColumns) FROM proposals WHERE status = ? ORDER BY rowid").bind(.text(status.rawValue))
        } else {
            s = try db.prepare("SELECT \(proposalColumns) FROM proposals ORDER BY rowid")
        }
        var out: [ProposalRecord] = []
        while try s.step() { out.append(try readProposal(s)) }
        return out
    }

    private let proposalColumns = "id, kind, ledger_id, body, approval_digest, status, created_at, committed_seq"

    private func readProposal(_ s: SQLiteStatement) throws(StoreError) -> ProposalRecord {
        let id = s.text(0) ?? ""
        let bodyBytes = s.blob(3)
        let body: Body
        do {
            guard let kind = EntryKind(rawValue: s.text(1) ?? "") else { throw LedgerError(.schema, "unknown kind") }
            body = try Body(kind: kind, json: try JSONParser.parse(bodyBytes))
        } catch {
            throw StoreError(.corrupt, "stored proposal \(id) does not decode: \(error)")
        }
        var approvals: [ProposalRecord.StoredApproval] = []
        let a = try db.prepare("SELECT institution, key_name, signature, created_at FROM approvals WHERE proposal_id = ? ORDER BY key_name")
            .bind(.text(id))
        while try a.step() {
            guard let sig = try? Signature(bytes: a.blob(2)) else { throw StoreError(.corrupt, "stored approval of \(id) is malformed") }
            approvals.append(.init(institution: a.text(0) ?? "", keyName: a.text(1) ?? "", signature: sig, createdAt: a.text(3) ?? ""))
        }
        var sealed: SealedRecord?
        let q = try db.prepare("SELECT record FROM sealed WHERE disbursement_id = ?").bind(.text(id))
        if try q.step() {
            do { sealed = try SealedRecord(json: try JSONParser.parse(q.blob(0)), path: "sealed") } catch {
                throw StoreError(.corrupt, "stored sealed record of \(id) does not decode: \(error)")
            }
        }
        return ProposalRecord(
            id: id, ledgerID: s.text(2) ?? "", body: body, bodyBytes: bodyBytes,
            approvalDigest: (try? Hash(bytes: s.blob(4))) ?? .zero,
            status: ProposalRecord.Status(rawValue: s.text(5) ?? "") ?? .pending, createdAt: s.text(6) ?? "",
            committedSeq: s.isNull(7) ? nil : s.int(7), approvals: approvals, sealed: sealed)
    }

    // MARK: - Approvals and the append path

    /// Records one institution's approval; appends the entry once both have approved.
    ///
    /// The signature is checked at once against the key in force now. The same
    /// approval twice changes nothing; a second, different approval from the same
    /// institution is refused.
    public func approve(id: String, keyName: String, signature: Signature, now: String) throws(StoreError) -> ApprovalOutcome {
        var pending: (PreparedEntry, ReplayState.Evaluation)?
        let outcome = try db.writeTransaction { () throws(StoreError) -> ApprovalOutcome in
            try catchUp(strict: true)
            guard let p = try proposal(id: id) else { throw StoreError(.notFound, field: "id", "no proposal with id \(id)") }
            if p.approvals.contains(where: { $0.keyName == keyName && $0.signature == signature }) {
                if p.status == .committed, let seq = p.committedSeq {
                    return .committed(seq: seq, entryHash: try entryHash(seq: seq))
                }
                return .alreadyRecorded
            }
            guard p.status == .pending else {
                throw StoreError(.refused, field: "id", "proposal \(id) is already committed at seq \(p.committedSeq ?? -1)")
            }
            guard let key = state.approvalKey(keyName, for: p.body), key.role == .approver else {
                throw StoreError(.refused, field: "key", rule: .r6, "\(keyName) is not an active approver key of this ledger")
            }
            let message = p.body.approvalMessage(ledgerID: p.ledgerID)
            guard key.publicKey.verify(signature, over: message) else {
                throw StoreError(.refused, field: "signature", rule: .r6,
                                 "signature by \(keyName) does not verify over proposal \(id) (approval digest \(p.approvalDigest.spokenGroups))")
            }
            if let other = p.approvals.first(where: { $0.institution == key.institution }) {
                throw StoreError(.refused, field: "key", rule: .r6,
                                 "\(key.institution) has already approved proposal \(id) (key \(other.keyName)); one approval per institution")
            }
            try db.prepare("INSERT INTO approvals(proposal_id, institution, key_name, signature, created_at) VALUES (?, ?, ?, ?, ?)")
                .bind(.text(id), .text(key.institution), .text(keyName), .blob(signature.bytes), .text(now)).run()
            let approvals = p.approvals.map { Approval(key: $0.keyName, signature: $0.signature) } + [Approval(key: keyName, signature: signature)]
            guard approvals.count == 2 else {
                return .recorded(waitingFor: key.institution == "SHCP" ? "USAID" : "SHCP")
            }
            let (prepared, evaluation) = try append(p, approvals: approvals, now: now)
            pending = (prepared, evaluation)
            return .committed(seq: state.size, entryHash: prepared.entryHash)
        }
        if let (p, e) = pending { state.commit(p, e) }
        return outcome
    }

    /// Builds the entry, has the replay state accept its exact bytes, then inserts it.
    private func append(_ p: ProposalRecord, approvals: [Approval], now: String) throws(StoreError) -> (PreparedEntry, ReplayState.Evaluation) {
        let sorted = approvals.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        // committed_at never goes backwards (R7), even if the clock does.
        let last = state.lastCommittedAt ?? now
        let committedAt = now.utf8.lexicographicallyPrecedes(last.utf8) ? last : now
        let entry = Entry(seq: state.size, ledgerID: p.ledgerID, prevHash: state.headHash, committedAt: committedAt,
                          body: p.body, approvals: sorted)
        let bytes = entry.canonicalBytes
        let prepared = PreparedEntry(line: Line(bytes: bytes), position: state.size)
        let evaluation = state.evaluate(prepared)
        guard evaluation.failures.isEmpty else {
            throw StoreError(.refused, "entry for proposal \(p.id) was refused by the ledger rules", failures: evaluation.failures)
        }
        try db.prepare("""
            INSERT INTO entries(seq, entry_hash, prev_hash, kind, entry_id, committed_at, canonical)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """).bind(.int(entry.seq), .blob(prepared.entryHash.bytes), .blob(entry.prevHash.bytes), .text(entry.kind.rawValue),
                      p.body.id.map { .text($0) } ?? .null, .text(committedAt), .blob(bytes)).run()
        try db.prepare("UPDATE proposals SET status = 'committed', committed_seq = ? WHERE id = ?")
            .bind(.int(entry.seq), .text(p.id)).run()
        return (prepared, evaluation)
    }

    // MARK: - Reading the chain

    /// Replays committed entries not yet in `state` (another process may have appended).
    func catchUp(strict: Bool) throws(StoreError) {
        var failures: [Failure] = []
        try forEachEntryRow(from: state.size) { (row: EntryRow) throws(StoreError) in
            failures += EntryRow.columnFailures(row, position: state.size, prevHash: state.headHash)
            let p = PreparedEntry(line: Line(bytes: row.canonical), position: state.size)
            failures += state.replay(p, verifySignatures: false)
        }
        if strict && !failures.isEmpty {
            throw StoreError(.corrupt, "the stored chain does not check out; run `jhf verify --db` for the full report", failures: failures)
        }
    }

    /// Calls `body` for each committed entry from `seq` on, in order.
    public func forEachEntryRow(from seq: Int64 = 0, _ body: (EntryRow) throws(StoreError) -> Void) throws(StoreError) {
        let s = try db.prepare("SELECT seq, entry_hash, prev_hash, canonical FROM entries WHERE seq >= ? ORDER BY seq").bind(.int(seq))
        while try s.step() {
            try body(EntryRow(seq: s.int(0), entryHash: s.blob(1), prevHash: s.blob(2), canonical: s.blob(3)))
        }
    }

    /// Committed entries' canonical bytes, `limit` at most, from `seq`.
    public func entries(from seq: Int64, limit: Int) throws(StoreError) -> [EntryRow] {
        let s = try db.prepare("SELECT seq, entry_hash, prev_hash, canonical FROM entries WHERE seq >= ? ORDER BY seq LIMIT ?")
            .bind(.int(seq), .int(Int64(limit)))
        var out: [EntryRow] = []
        while try s.step() { out.append(EntryRow(seq: s.int(0), entryHash: s.blob(1), prevHash: s.blob(2), canonical: s.blob(3))) }
        return out
    }

    func entryHash(seq: Int64) throws(StoreError) -> Hash {
        let s = try db.prepare("SELECT entry_hash FROM entries WHERE seq = ?").bind(.int(seq))
        guard try s.step(), let h = try? Hash(bytes: s.blob(0)) else { throw StoreError(.notFound, "no entry at seq \(seq)") }
        return h
    }

    /// Sealed records of committed disbursements, in ledger order, as `sealed.jsonl` lines.
    public func sealedLines() throws(StoreError) -> [Line] { try LedgerStore.sealedLines(db) }

    static func sealedLines(_ db: SQLiteConnection) throws(StoreError) -> [Line] {
        let s = try db.prepare("""
            SELECT s.disbursement_id, s.record FROM sealed s JOIN entries e ON e.entry_id = s.disbursement_id
            WHERE e.kind = 'disbursement' ORDER BY e.seq
            """)
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
    static func columnFailures(_ row: EntryRow, position: Int64, prevHash: Hash) -> [Failure] {
        var out: [Failure] = []
        if row.seq != position { out.append(Failure(seq: position, rule: .r2, message: "stored seq column is \(row.seq), expected \(position)")) }
        if row.entryHash != Hash.leaf(row.canonical).bytes {
            out.append(Failure(seq: position, rule: .r3, message: "stored entry_hash column differs from the hash of the stored bytes"))
        }
        if row.prevHash != prevHash.bytes {
            out.append(Failure(seq: position, rule: .r3, message: "stored prev_hash column differs from the previous entry's hash"))
        }
        return out
    }
}
