/// The outcome of verifying a ledger: the verdict, the failures, and what the chain says.
public struct VerifyReport: Sendable {
    public let ok: Bool
    public let ledgerID: String?
    public let entries: Int64
    public let genesisHash: Hash?
    public let headHash: Hash?
    /// Failures in the order found, at most `Limits.reportFailuresMax`.
    public let failures: [Failure]
    public let failureCount: Int
    public let totals: [PairTotals]
    public let keys: [KeyRecord]
    public let title: String?
    /// The Merkle root of all entries (SPEC §7).
    public let root: Hash
    /// The export's checkpoint, when it had an acceptable one.
    public let checkpoint: CheckpointSummary?
    /// v1.1: every commitment the replay accepted, in chain order, with its status.
    public let commitments: [CommitmentStatus]
    /// v1.1: scopes suspended at the end of the ledger, in the order they were suspended.
    public let suspensions: [ActiveSuspension]

    /// A commitment at the end of the ledger: its figures and whether it may still be paid.
    public struct CommitmentStatus: Sendable, Equatable {
        public let record: CommitmentRecord
        public let status: Status

        public enum Status: String, Sendable {
            /// May be paid (up to what remains).
            case open
            /// Amended to 0: nothing may name it again.
            case terminated
            /// Its `{"commitment": id}` scope is suspended now.
            case suspended
        }

        public init(record: CommitmentRecord, book: CommitmentBook) {
            self.record = record
            status = record.terminatedAt != nil ? .terminated : book.suspension(of: .commitment(record.id)) != nil ? .suspended : .open
        }

        public var json: JSONValue {
            let r = record
            return .object([
                "id": .string(r.id), "seq": .integer(r.seq), "category": .string(r.pair.category.rawValue), "currency": .string(r.pair.currency),
                "original_value": .integer(r.originalAmount), "value": .integer(r.amount), "amendments": .integer(Int64(r.amendments)),
                "disbursed": .integer(r.disbursed), "reversed": .integer(r.reversed), "net": .integer(r.net),
                "remaining": .integer(r.remaining), "status": .string(status.rawValue),
                "terminated_seq": r.terminatedAt.map { .integer($0) } ?? .null,
            ])
        }
    }

    /// What the report says of a checkpoint: the note's claims and who signed it.
    public struct CheckpointSummary: Sendable, Equatable {
        public let origin: String
        public let size: Int64
        public let root: Hash
        /// Log keys whose signatures verified.
        public let logSignatures: [String]
        /// Valid tlog-cosignature/v1 lines by the ledger's witness and approver keys (SPEC §12).
        public let cosignatures: [SignedNote.Cosigned]
        /// The witness policy verified against, if one was given.
        public let policy: WitnessPolicy?
        /// Other signature lines (unknown keys, lines written before v1.1): ignored.
        public let otherSignatures: Int

        /// The report's `checkpoint` object; `cosignatures` and `witness_policy` appear only when
        /// there are any, so a v1 ledger's report keeps its v1 shape.
        public var json: JSONValue {
            var members: [(String, JSONValue)] = [
                ("origin", .string(origin)), ("size", .integer(size)), ("root", .string(root.hex)),
                ("log_signatures", .array(logSignatures.map { .string($0) })), ("other_signatures", .integer(Int64(otherSignatures))),
            ]
            if !cosignatures.isEmpty {
                members.append(("cosignatures", .array(cosignatures.map { c in
                    .object(["name": .string(c.name), "institution": .string(c.institution), "timestamp": .integer(Int64(c.timestamp))])
                })))
            }
            if let policy { members.append(("witness_policy", .string(policy.description))) }
            return .object(members: members)
        }
    }

    /// Totals of one (category, currency) pair; `budget` is nil where no envelope is set.
    public struct PairTotals: Sendable, Equatable {
        public let pair: BudgetPair
        public let totals: Totals
        public let budget: Int64?
    }

    init(state: ReplayState, failures: [Failure], failureCount: Int, root: Hash, checkpoint: CheckpointSummary?) {
        self.root = root
        self.checkpoint = checkpoint
        ok = failureCount == 0
        ledgerID = state.ledgerID
        entries = state.size
        genesisHash = state.genesisHash
        headHash = state.size > 0 ? state.headHash : nil
        self.failures = failures
        self.failureCount = failureCount
        let pairs = Set(state.totals.keys).union(state.envelopes.keys).sorted()
        totals = pairs.map { PairTotals(pair: $0, totals: state.totals[$0] ?? Totals(), budget: state.envelopes[$0]) }
        keys = state.keyOrder.compactMap { state.keys[$0] }
        title = state.title
        commitments = state.book.commitments.map { CommitmentStatus(record: $0, book: state.book) }
        suspensions = state.book.activeInOrder
    }

    /// The report as JSON (Schemas/verify-report.schema.json). `commitments` and `suspensions`
    /// appear only when the ledger has commitments or active suspensions, so a v1 ledger's
    /// report is what it was before v1.1.
    public var json: JSONValue {
        guard case .object(let o) = v1JSON else { return v1JSON }
        var members = o.members.map { ($0.key, $0.value) }
        if !commitments.isEmpty { members.append(("commitments", .array(commitments.map(\.json)))) }
        if !suspensions.isEmpty { members.append(("suspensions", .array(suspensions.map(\.json)))) }
        return .object(members: members)
    }

    private var v1JSON: JSONValue {
        func opt(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }
        return .object([
            "ok": .bool(ok),
            "ledger_id": opt(ledgerID),
            "title": opt(title),
            "entries": .integer(entries),
            "genesis_hash": opt(genesisHash?.hex),
            "head_hash": opt(headHash?.hex),
            "root": .string(root.hex),
            "checkpoint": checkpoint?.json ?? .null,
            "failure_count": .integer(Int64(failureCount)),
            "failures": .array(failures.map { f in
                .object(["seq": f.seq.map { .integer($0) } ?? .null, "rule": .string(f.rule.rawValue), "message": .string(f.message)])
            }),
            "totals": .array(totals.map { t in
                .object([
                    "category": .string(t.pair.category.rawValue), "currency": .string(t.pair.currency),
                    "disbursed": .integer(t.totals.disbursed), "reversed": .integer(t.totals.reversed),
                    "net": .integer(t.totals.net), "budget": t.budget.map { .integer($0) } ?? .null,
                ])
            }),
            "keys": .array(keys.map { k in
                .object([
                    "name": .string(k.key.name), "institution": .string(k.key.institution), "role": .string(k.key.role.rawValue),
                    "public_key": .string(k.key.publicKey.base64),
                    "added_seq": .integer(k.addedAt), "revoked_seq": k.revokedAt.map { .integer($0) } ?? .null,
                ])
            }),
        ])
    }
}
