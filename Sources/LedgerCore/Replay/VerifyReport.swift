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

    /// What the report says of a checkpoint: the note's claims and who signed it.
    public struct CheckpointSummary: Sendable, Equatable {
        public let origin: String
        public let size: Int64
        public let root: Hash
        /// Log keys whose signatures verified.
        public let logSignatures: [String]
        /// Other signature lines (cosignatures, unknown keys): not checked by R12.
        public let otherSignatures: Int
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
    }

    /// The report as JSON (Schemas/verify-report.schema.json).
    public var json: JSONValue {
        func opt(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }
        return .object([
            "ok": .bool(ok),
            "ledger_id": opt(ledgerID),
            "title": opt(title),
            "entries": .integer(entries),
            "genesis_hash": opt(genesisHash?.hex),
            "head_hash": opt(headHash?.hex),
            "root": .string(root.hex),
            "checkpoint": checkpoint.map { c in
                .object([
                    "origin": .string(c.origin), "size": .integer(c.size), "root": .string(c.root.hex),
                    "log_signatures": .array(c.logSignatures.map { .string($0) }), "other_signatures": .integer(Int64(c.otherSignatures)),
                ])
            } ?? .null,
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
