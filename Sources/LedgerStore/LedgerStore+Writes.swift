import LedgerCore

extension LedgerStore {
    // MARK: - Group commit

    /// Applies `requests` in order, in one write transaction, and commits once.
    ///
    /// Each request runs inside its own savepoint: a refused one is rolled back alone
    /// and reported in its slot. If the transaction itself cannot commit, every slot
    /// reports that error and the in-memory replay state is rebuilt from the database.
    public func write(_ requests: [WriteRequest], now: String) -> [Result<WriteOutcome, StoreError>] {
        precondition(requests.count <= Limits.writeBatchRequestsMax, "write batch larger than Limits.writeBatchRequestsMax")
        precondition(openCheck == .replay, "a store opened with .hashChain has no replay state to write with")
        if let problem = FieldRules.timestamp(now) {
            return requests.map { _ in .failure(StoreError(.invalid, field: "now", problem)) }
        }
        let sizeBefore = state.size
        var results: [Result<WriteOutcome, StoreError>]
        do throws(StoreError) {
            if db.engine.sendsBatchesAhead {
                do throws(StoreError) {
                    results = try writeBatch(requests, now: now, isolated: false)
                } catch {
                    // A statement sent ahead failed, or a request failed after sending one: start
                    // over from the database and apply the batch again, each request on its own.
                    reloadState()
                    results = try writeBatch(requests, now: now, isolated: true)
                }
            } else {
                results = try writeBatch(requests, now: now, isolated: true)
            }
        } catch {
            // Entries may have entered the state without reaching the disk: start over from the database.
            reloadState()
            return requests.map { _ in .failure(error) }
        }
        // On PostgreSQL the checkpoint is signed once the entries' commit returned (and so the
        // synchronous standby has them). The requests succeeded whatever becomes of it: a
        // checkpoint not stored now is covered by the next group commit's.
        if let signer = checkpointSigner, state.size > sizeBefore, db.engine.signsCheckpointsAfterCommit {
            try? db.writeTransaction { () throws(StoreError) in try signCheckpointLocked(signer, now: now) }
        }
        return results
    }

    /// One transaction over `requests`. `isolated`: each request in its own savepoint, its
    /// statements waited for before the next starts, so a refused one is rolled back alone and
    /// reported in its slot. Otherwise (PostgreSQL) the requests' writes are sent ahead and only
    /// reads and the commit wait; a request refused before it wrote anything is reported in its
    /// slot, and anything else aborts the batch (the caller applies it again, isolated).
    private func writeBatch(_ requests: [WriteRequest], now: String, isolated: Bool) throws(StoreError) -> [Result<WriteOutcome, StoreError>] {
        let sizeBefore = state.size
        return try db.writeTransaction { () throws(StoreError) -> [Result<WriteOutcome, StoreError>] in
            // The batch's proposals are read behind the writer lock, while the chain is caught up.
            let ahead = isolated ? nil : try prefetchProposals(requests)
            try catchUp(strict: true)
            if let ahead { batchProposals = try ahead() }
            defer { batchProposals = nil }
            var results: [Result<WriteOutcome, StoreError>] = []
            results.reserveCapacity(requests.count)
            for request in requests {
                var pending: Appended?
                if isolated {
                    try db.prepare("SAVEPOINT request").run()
                    do throws(StoreError) {
                        let outcome = try perform(request, now: now, appended: &pending)
                        try db.flush()
                        try db.prepare("RELEASE request").run()
                        // The entry's effects enter the state only once its savepoint is kept.
                        if let pending { commitToState(pending) }
                        results.append(.success(outcome))
                    } catch {
                        db.discardPending()
                        try db.exec("ROLLBACK TO request; RELEASE request")
                        results.append(.failure(error))
                    }
                } else {
                    let sent = db.statementsSent
                    do throws(StoreError) {
                        let outcome = try perform(request, now: now, appended: &pending)
                        if let pending { commitToState(pending) }
                        results.append(.success(outcome))
                    } catch {
                        if db.statementsSent != sent || db.sentStatementFailed { throw error }
                        results.append(.failure(error))
                    }
                }
            }
            // One checkpoint per transaction that appended: on SQLite it commits (or fails) with the entries.
            if let signer = checkpointSigner, state.size > sizeBefore, !db.engine.signsCheckpointsAfterCommit {
                try signCheckpointLocked(signer, now: now)
            }
            return results
        }
    }

    /// The proposals a batch's proposals and approvals name, read in one statement (nil: absent),
    /// sent now: the returned function waits for them.
    private func prefetchProposals(_ requests: [WriteRequest]) throws(StoreError) -> () throws(StoreError) -> [String: OpenProposal?] {
        var cache: [String: OpenProposal?] = [:]
        for r in requests {
            switch r {
            case let .propose(d): cache[d.id] = .some(nil)
            case let .approve(id, _, _, _): cache[id] = .some(nil)
            case .withdraw, .expireDue: break
            }
        }
        guard !cache.isEmpty else { return { () throws(StoreError) in cache } }
        let ids = JSONValue.array(cache.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { .string($0) })
        let s = try db.prepareAhead("SELECT p.id, \(Self.openProposalColumns) WHERE p.id IN (SELECT jsonb_array_elements_text(CAST(? AS jsonb)))",
                                    [.text(String(decoding: ids.canonicalBytes, as: UTF8.self))])
        return { () throws(StoreError) in
            defer { s.reset() }
            while try s.step() {
                guard let id = s.text(0) else { continue }
                cache[id] = .some(try Self.openProposal(s, id: id, from: 1))
            }
            return cache
        }
    }

    /// Whether the store's connection to its PostgreSQL server has ended: it can write no more
    /// (and held the sequencer lock no longer). Always false for a SQLite file.
    public var connectionLost: Bool { db.isLost }

    /// Takes the sequencer lock of a PostgreSQL database for the life of this store's connection;
    /// false when another process holds it. On SQLite there is none to take (true): writers of a
    /// file take turns per transaction. After taking it the store catches up with the chain.
    public func takeSequencerLock() throws(StoreError) -> Bool {
        guard db.engine == .postgresql else { return true }
        let s = try db.prepare("SELECT pg_try_advisory_lock(?)").bind(.int(PostgresSQLConnection.sequencerLockKey))
        defer { s.reset() }
        guard try s.step(), s.text(0) == "true" else { return false }
        try catchUp(strict: true)
        return true
    }

    /// One request, one outcome (the CLI's path: the same code as the service's batches).
    func writeOne(_ request: WriteRequest, now: String) throws(StoreError) -> WriteOutcome {
        try write([request], now: now)[0].get()
    }

    private func perform(_ r: WriteRequest, now: String, appended: inout Appended?) throws(StoreError) -> WriteOutcome {
        switch r {
        case let .propose(draft): return .proposed(try proposeLocked(draft, now: now))
        case let .approve(id, keyName, signature, verified):
            return .approved(try approveLocked(id: id, keyName: keyName, signature: signature, verified: verified, now: now, appended: &appended))
        case let .withdraw(id, by, reason): return .withdrawn(try withdrawLocked(id: id, by: by, reason: reason, now: now))
        case .expireDue: return .expired(ids: try expireLocked(now: now))
        }
    }

    // MARK: - Single requests

    /// Stores a proposal made from the `jhf propose` input, after checking it against the ledger now.
    ///
    /// The same id with the same input returns the stored proposal (`created: false`);
    /// the same id with other input is a conflict naming the fields that differ (see `checkRepeat`).
    public func propose(kind: EntryKind, input: JSONValue, salt: [UInt8], now: String) throws(StoreError) -> ProposeOutcome {
        let draft = try ProposalDraft(kind: kind, input: input, salt: salt, now: now)
        guard case .proposed(let o) = try writeOne(.propose(draft), now: now) else { preconditionFailure() }
        return o
    }

    /// Records one institution's approval; appends the entry once both have approved.
    public func approve(id: String, keyName: String, signature: Signature, now: String) throws(StoreError) -> ApprovalOutcome {
        guard case .approved(let o) = try writeOne(.approve(id: id, keyName: keyName, signature: signature), now: now) else { preconditionFailure() }
        return o
    }

    /// Withdraws a pending proposal; repeating a withdrawal changes nothing.
    public func withdraw(id: String, by: String, reason: String, now: String) throws(StoreError) -> ProposalRecord {
        guard case .withdrawn(let p) = try writeOne(.withdraw(id: id, by: by, reason: reason), now: now) else { preconditionFailure() }
        return p
    }

    /// Expires every pending proposal whose lifetime has run out; returns their ids.
    public func expireDue(now: String) throws(StoreError) -> [String] {
        guard case .expired(let ids) = try writeOne(.expireDue, now: now) else { preconditionFailure() }
        return ids
    }

    // MARK: - Inside the transaction

    private func proposeLocked(_ d: ProposalDraft, now: String) throws(StoreError) -> ProposeOutcome {
        guard let ledgerID = state.ledgerID else {
            throw StoreError(.refused, "the ledger has no genesis entry yet: approve the genesis proposal first")
        }
        // A batch read whether the id is taken when it began (and keeps that current).
        var knownNew = false
        if case .some(.none) = batchProposals?[d.id] { knownNew = true }
        if !knownNew, let existing = try proposal(id: d.id) {
            try checkRepeat(d)
            return ProposeOutcome(record: existing, created: false)
        }
        let failures = state.checkProposal(d.body)
        if !failures.isEmpty { throw StoreError(.refused, "proposal \(d.id) breaks ledger rules", failures: failures) }
        guard let t = Timestamp.unixSeconds(now) else { throw StoreError(.invalid, field: "now", "must be a timestamp") }
        let expiresAt = Timestamp.string(unixSeconds: t + proposalLifetimeSeconds)
        let digest = try insertProposal(id: d.id, ledgerID: ledgerID, body: d.body, bodyBytes: d.bodyBytes, sealed: d.sealed,
                                        input: (d.submittedBytes, expiresAt), proposer: d.proposer, now: now)
        if batchProposals != nil {
            batchProposals?[d.id] = OpenProposal(id: d.id, kind: d.body.kind, ledgerID: ledgerID, bodyBytes: d.bodyBytes, status: .pending,
                                                 closedAt: nil, expiresAt: expiresAt, committedSeq: nil, approvals: [])
        }
        let record = ProposalRecord(id: d.id, ledgerID: ledgerID, body: d.body, bodyBytes: d.bodyBytes, approvalDigest: digest, status: .pending,
                                    createdAt: now, expiresAt: expiresAt, committedSeq: nil, approvals: [], sealed: d.sealed, closure: nil)
        return ProposeOutcome(record: record, created: true)
    }

    static let insertProposalSQL = """
        INSERT INTO proposals(id, kind, ledger_id, body, approval_digest, status, created_at, input, expires_at, sealed_record, sealed_digest,
                              proposed_by)
        VALUES (?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?, ?)
        """

    static let insertEntrySQL = """
        INSERT INTO entries(seq, entry_hash, prev_hash, kind, entry_id, committed_at, canonical)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """

    /// Inserts a pending proposal, with its sealed record and the input it was made from (and
    /// when it expires) where it has them; returns its approval digest.
    @discardableResult
    func insertProposal(id: String, ledgerID: String, body: Body, bodyBytes: [UInt8]? = nil, sealed: SealedRecord?,
                        input: (bytes: [UInt8], expiresAt: String)? = nil, proposer: Proposer = .local,
                        now: String) throws(StoreError) -> Hash {
        let bodyBytes = bodyBytes ?? body.json.canonicalBytes
        let digest = Hash.sha256(Body.approvalMessage(canonicalBody: bodyBytes[...], kind: body.kind.rawValue, ledgerID: ledgerID))
        if case .disbursement(let d) = body {
            guard let sealed, sealed.digest == d.sealedDigest else {
                throw StoreError(.invalid, field: "sealed", rule: .r11, "a disbursement needs the sealed record matching its sealed_digest")
            }
        }
        try db.prepare(Self.insertProposalSQL).bind(.text(id), .text(body.kind.rawValue), .text(ledgerID), .blob(bodyBytes), .blob(digest.bytes), .text(now),
                      input.map { .blob($0.bytes) } ?? .null, input.map { .text($0.expiresAt) } ?? .null,
                      sealed.map { .blob($0.canonicalBytes) } ?? .null, sealed.map { .blob($0.digest.bytes) } ?? .null,
                      proposer.column.map { .text($0) } ?? .null).run()
        return digest
    }

    /// The signature is checked at once against the key in force now. The same approval
    /// twice changes nothing; a second approval from the same institution is refused.
    private func approveLocked(id: String, keyName: String, signature: Signature, verified pre: PreparedEntry.VerifiedSignature?, now: String,
                               appended: inout Appended?) throws(StoreError) -> ApprovalOutcome {
        guard let p = try openProposal(id: id) else { throw StoreError(.notFound, field: "id", "no proposal with id \(id)") }
        if p.approvals.contains(where: { $0.keyName.sameUTF8(keyName) && $0.signature == signature }) {
            if p.status == .committed, let seq = p.committedSeq {
                return .committed(seq: seq, entryHash: try entryHash(seq: seq))
            }
            return .alreadyRecorded
        }
        switch p.status {
        case .pending: break
        case .committed: throw StoreError(.refused, field: "id", "proposal \(id) is already committed at seq \(p.committedSeq ?? -1)")
        case .withdrawn, .expired:
            throw StoreError(.refused, field: "id", "proposal \(id) was \(p.status.rawValue) at \(p.closedAt ?? "?"); it takes no approvals")
        }
        if let expiresAt = p.expiresAt, !now.utf8.lexicographicallyPrecedes(expiresAt.utf8) {
            throw StoreError(.refused, field: "id", "proposal \(id) expired at \(expiresAt); it takes no approvals")
        }
        // R6 is decided by the replay state, as for every entry it replays.
        func refused(_ r: ApprovalRefusal) -> StoreError { StoreError(.refused, field: r.field, rule: .r6, r.message) }
        let key: KeyObject
        switch state.approvalKey(by: keyName, genesis: try genesisBody(of: p)) {
        case .failure(let r): throw refused(r)
        case .success(let k): key = k
        }
        let message = Body.approvalMessage(canonicalBody: p.bodyBytes[...], kind: p.kind.rawValue, ledgerID: p.ledgerID)
        // A signature the caller verified is taken only if it is exactly the check made here.
        let verified: PreparedEntry.VerifiedSignature
        if let pre, pre.covers(keyName: keyName, publicKey: key.publicKey, signature: signature, message: message) {
            verified = pre
        } else if let v = key.publicKey.verified(signature, over: message, keyName: keyName) {
            verified = v
        } else {
            throw refused(ReplayState.badSignature(by: keyName))
        }
        for a in p.approvals {
            if let r = state.institutionTaken(key, earlierKey: a.keyName, earlierInstitution: a.institution) { throw refused(r) }
        }
        guard let slot = Self.approvalSlots.first(where: { $0.institution.sameUTF8(key.institution) }) else {
            throw StoreError(.corrupt, "the store has no approval columns for \(key.institution)")
        }
        let approvals = p.approvals.map { Approval(key: $0.keyName, signature: $0.signature) } + [Approval(key: keyName, signature: signature)]
        let approval: [SQLValue] = [.text(keyName), .blob(signature.bytes), .text(now)]
        let stored = ProposalRecord.StoredApproval(institution: slot.institution, keyName: keyName, signature: signature, createdAt: now)
        guard approvals.count == 2 else {
            try db.prepare(slot.recordSQL).bind(approval + [.text(id)]).run()
            if batchProposals != nil { batchProposals?[id] = p.approving(stored) }
            remember(verified, for: id)
            return .recorded(waitingFor: key.institution == "SHCP" ? "USAID" : "SHCP")
        }
        // The approval that completes the proposal is written with its commit, in one UPDATE:
        // every UPDATE rewrites the whole row, body and sealed record included.
        let a = try append(p, approvals: approvals, verified: recalled(id) + [verified], now: now) { seq throws(StoreError) in
            try db.prepare(slot.commitSQL).bind(approval + [.int(seq), .text(p.id)]).run()
        }
        appended = a
        let seq = a.prepared.header?.seq ?? state.size
        if batchProposals != nil { batchProposals?[id] = p.approving(stored, committedAt: seq) }
        return .committed(seq: seq, entryHash: a.prepared.entryHash)
    }

    /// The fields of a proposal an approval needs, without decoding its body.
    struct OpenProposal {
        let id: String
        let kind: EntryKind
        let ledgerID: String
        let bodyBytes: [UInt8]
        var status: ProposalRecord.Status
        let closedAt: String?
        let expiresAt: String?
        var committedSeq: Int64?
        var approvals: [ProposalRecord.StoredApproval]
    }

    /// The columns `openProposal` reads, after any the caller puts first.
    static let openProposalColumns = """
        p.kind, p.ledger_id, p.body, p.status, p.committed_seq, p.expires_at, c.status, c.closed_at, \(approvalColumns)
        FROM proposals p LEFT JOIN proposal_closures c ON c.proposal_id = p.id
        """

    fileprivate func openProposal(id: String) throws(StoreError) -> OpenProposal? {
        if let known = batchProposals?[id] { return known }
        let s = try db.prepare("SELECT \(Self.openProposalColumns) WHERE p.id = ?").bind(.text(id))
        defer { s.reset() }
        guard try s.step() else { return nil }
        return try Self.openProposal(s, id: id, from: 0)
    }

    /// An `OpenProposal` from a row read with `openProposalColumns` starting at `column`.
    static func openProposal(_ s: any SQLStatement, id: String, from column: Int32) throws(StoreError) -> OpenProposal {
        let c = column
        guard let kind = EntryKind(rawValue: s.text(c) ?? "") else { throw StoreError(.corrupt, "stored proposal \(id) has an unknown kind") }
        let status = s.text(c + 6).flatMap(ProposalRecord.Status.init(rawValue:)) ?? ProposalRecord.Status(rawValue: s.text(c + 3) ?? "") ?? .pending
        return OpenProposal(id: id, kind: kind, ledgerID: s.text(c + 1) ?? "", bodyBytes: s.blob(c + 2), status: status, closedAt: s.text(c + 7),
                            expiresAt: s.text(c + 5), committedSeq: s.isNull(c + 4) ? nil : s.int(c + 4),
                            approvals: try approvals(s, from: c + 8, of: id))
    }

    /// The genesis body approvals of `p` are judged against (its own key list), or nil for any other kind.
    private func genesisBody(of p: OpenProposal) throws(StoreError) -> GenesisBody? {
        guard p.kind == .genesis else { return nil }
        do {
            guard case .genesis(let g) = try Body(kind: .genesis, json: try JSONParser.parse(p.bodyBytes)) else { return nil }
            return g
        } catch {
            throw StoreError(.corrupt, "stored genesis proposal does not decode: \(error)")
        }
    }

    /// Builds the entry around the stored body bytes, has the replay state accept its exact
    /// bytes (the same evaluation auditors run), then inserts it.
    /// `markCommitted(seq)` records the proposal as committed at `seq`, after the entry is inserted.
    private func append(_ p: OpenProposal, approvals: [Approval], verified: [PreparedEntry.VerifiedSignature], now: String,
                        markCommitted: (Int64) throws(StoreError) -> Void) throws(StoreError) -> Appended {
        let sorted = approvals.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        // committed_at never goes backwards (R7), even if the clock does.
        let last = state.lastCommittedAt ?? now
        let committedAt = now.utf8.lexicographicallyPrecedes(last.utf8) ? last : now
        let seq = state.size
        let bytes = Entry.canonicalBytes(seq: seq, ledgerID: p.ledgerID, prevHash: state.headHash, committedAt: committedAt,
                                         kind: p.kind, canonicalBody: p.bodyBytes, approvals: sorted)
        var prepared = PreparedEntry(line: Line(bytes: bytes), position: seq)
        prepared.reuse(verified)
        let evaluation = state.evaluate(prepared)
        guard evaluation.failures.isEmpty, let entry = prepared.entry else {
            throw StoreError(.refused, "entry for proposal \(p.id) was refused by the ledger rules", failures: evaluation.failures)
        }
        try db.prepare(Self.insertEntrySQL).bind(.int(seq), .blob(prepared.entryHash.bytes), .blob(state.headHash.bytes), .text(p.kind.rawValue),
                      entry.body.id.map { .text($0) } ?? .null, .text(committedAt), .blob(bytes)).run()
        try markCommitted(seq)
        let tree = try insertMerkleNodes(appending: prepared.entryHash)
        return Appended(prepared: prepared, evaluation: evaluation, tree: tree)
    }

    private func withdrawLocked(id: String, by: String, reason: String, now: String) throws(StoreError) -> ProposalRecord {
        if let problem = FieldRules.text(reason, min: 1, max: Limits.withdrawalReasonScalarsMax) {
            throw StoreError(.invalid, field: "reason", problem)
        }
        guard let p = try proposal(id: id) else { throw StoreError(.notFound, field: "id", "no proposal with id \(id)") }
        switch p.status {
        case .withdrawn: return p
        case .committed: throw StoreError(.refused, field: "id", "proposal \(id) is committed at seq \(p.committedSeq ?? -1); reverse it instead")
        case .expired: throw StoreError(.refused, field: "id", "proposal \(id) already expired at \(p.closure?.at ?? "?")")
        case .pending: break
        }
        guard p.kind != .genesis else { throw StoreError(.refused, field: "id", "the genesis proposal cannot be withdrawn") }
        try db.prepare("INSERT INTO proposal_closures(proposal_id, status, closed_at, closed_by, reason) VALUES (?, 'withdrawn', ?, ?, ?)")
            .bind(.text(id), .text(now), .text(by), .text(reason)).run()
        _ = batchProposals?.removeValue(forKey: id)
        forget(id)
        return try proposal(id: id)!
    }

    /// The pending proposals whose lifetime ended by `?`, oldest first. SQLite reads them through
    /// the status index (pending proposals are few), which a test checks against the query plan.
    static let expiringSQL = """
        SELECT p.id FROM proposals p
        WHERE p.status = 'pending' AND p.expires_at <= ?
          AND NOT EXISTS (SELECT 1 FROM proposal_closures c WHERE c.proposal_id = p.id)
        ORDER BY p.rowid
        """

    private func expireLocked(now: String) throws(StoreError) -> [String] {
        let s = try db.prepare(Self.expiringSQL).bind(.text(now))
        var ids: [String] = []
        while try s.step() { if let id = s.text(0) { ids.append(id) } }
        let insert = try db.prepare("""
            INSERT INTO proposal_closures(proposal_id, status, closed_at, closed_by, reason)
            VALUES (?, 'expired', ?, 'jhf', 'not approved by both institutions within its lifetime')
            """)
        for id in ids {
            try insert.bind(.text(id), .text(now)).run()
            _ = batchProposals?.removeValue(forKey: id)
            forget(id)
        }
        return ids
    }
}

extension LedgerStore.OpenProposal {
    /// This proposal with one more approval recorded (and, with `committedAt`, committed at that seq).
    func approving(_ a: ProposalRecord.StoredApproval, committedAt seq: Int64? = nil) -> Self {
        var p = self
        p.approvals = (approvals + [a]).sorted { $0.keyName.utf8.lexicographicallyPrecedes($1.keyName.utf8) }
        if let seq { (p.status, p.committedSeq) = (.committed, seq) }
        return p
    }
}
