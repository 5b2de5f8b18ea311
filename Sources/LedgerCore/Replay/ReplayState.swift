/// The replay state machine of SPEC §6: the one place where rules R2–R10, R14 and R15 are decided.
///
/// Auditors' verification and the service's append path both feed entries through
/// `evaluate` (which changes nothing) and `commit`. An entry that breaks a rule
/// other than R1, R2, R3, R7 or R11 is not applied: the chain moves on to its
/// bytes, but its keys, ids, budgets and amounts do not count.
public struct ReplayState: Sendable {
    /// Lines replayed so far; the position of the next one.
    public private(set) var size: Int64 = 0
    /// entry_hash of the last line replayed (zeros before genesis).
    public private(set) var headHash: Hash = .zero
    public private(set) var genesisHash: Hash?
    public private(set) var ledgerID: String?
    public private(set) var title: String?
    public private(set) var currencies: [String] = []
    /// Every key the history has added, by name.
    public private(set) var keys: [String: KeyRecord] = [:]
    /// Key names in the order they were added.
    public private(set) var keyOrder: [String] = []
    public private(set) var envelopes: [BudgetPair: Int64] = [:]
    public private(set) var totals: [BudgetPair: Totals] = [:]
    /// committed_at of the last line, when it had a well-formed one.
    public private(set) var lastCommittedAt: String?
    /// Commitments and suspended scopes (v1.1, R14 and R15).
    public private(set) var book = CommitmentBook()
    private var publicKeys: Set<PublicKey> = []
    private(set) var ids = IDIndex()

    public init() {}

    /// Rules whose failure keeps an entry from being applied.
    static let blockingRules: Set<Rule> = [.r4, .r5, .r6, .r8, .r9, .r10, .r14, .r15]

    /// The outcome of checking one entry against the state.
    public struct Evaluation: Sendable {
        public let failures: [Failure]
        /// True when the entry's effects may be applied.
        public let applicable: Bool
    }

    // MARK: - Queries

    /// The key in force for `name`, if it is active now.
    public func activeKey(_ name: String) -> KeyObject? {
        guard let r = keys[name], r.isActive else { return nil }
        return r.key
    }

    /// The public key a name has ever had (names are never reused).
    public func publicKey(named name: String) -> PublicKey? { keys[name]?.key.publicKey }

    /// True when `id` is used by any entry.
    public func isUsed(id: String) -> Bool { ids[id] != nil }

    /// The sequence number of the entry with `id`.
    public func seq(of id: String) -> Int64? { ids[id]?.seq }

    /// For a disbursement id: its sealed digest, or nil if `id` is no disbursement.
    public func sealedDigest(of id: String) -> Hash? { ids[id]?.sealedDigest }

    /// True when a disbursement has been reversed.
    public func isReversed(_ id: String) -> Bool { ids[id]?.reversedAt != nil }

    public func isDisbursement(_ id: String) -> Bool { ids[id]?.kind == .disbursement }

    // MARK: - Evaluate

    /// Checks a proposed body against the state as it is now (ids, keys, budgets),
    /// before anyone signs it. Approvals are checked when they arrive.
    public func checkProposal(_ body: Body) -> [Failure] {
        var failures: [Failure] = []
        let entry = Entry(seq: size, ledgerID: ledgerID ?? "", prevHash: headHash, committedAt: "", body: body, approvals: [])
        checkBody(entry) { failures.append(Failure(seq: nil, rule: $0, message: $1)) }
        let bound = entry.canonicalBytesUpperBound
        if bound > Limits.entryBytesMax {
            failures.append(Failure(seq: nil, rule: .r5, message: "the entry would be up to \(bound) bytes with its approvals; an entry is at most \(Limits.entryBytesMax) bytes"))
        }
        return failures.sorted { $0.rule < $1.rule }
    }

    /// Checks a prepared line against the state; changes nothing.
    ///
    /// `verifySignatures: false` trusts signatures verified when the entry was
    /// appended (a store re-opening its own chain); every other rule still runs.
    public func evaluate(_ p: PreparedEntry, verifySignatures: Bool = true) -> Evaluation {
        let seq = size
        var failures = p.failures
        func fail(_ rule: Rule, _ message: String) { failures.append(Failure(seq: seq, rule: rule, message: message)) }

        if let h = p.header {
            if let s = h.seq, s != seq { fail(.r2, "seq is \(s), but the line is at position \(seq)") }
            if h.prevHash.map({ !$0.sameUTF8(headHash.hex) }) ?? true {
                fail(.r3, "prev_hash \(h.prevHash ?? "(missing)") is not the entry_hash of the previous line (\(headHash.hex))")
            }
            checkLedger(h, seq: seq, fail: fail)
            if let t = h.committedAt, FieldRules.timestamp(t) == nil, let last = lastCommittedAt,
               t.utf8.lexicographicallyPrecedes(last.utf8) {
                fail(.r7, "committed_at \(t) is earlier than the previous entry's \(last)")
            }
        }
        if let entry = p.entry, !failures.contains(where: { ReplayState.blockingRules.contains($0.rule) }) {
            checkApprovals(entry, p, verifySignatures: verifySignatures, fail: fail)
            checkBody(entry, fail: fail)
        }
        failures.sort { $0.rule < $1.rule }
        let applicable = p.entry != nil && !failures.contains { ReplayState.blockingRules.contains($0.rule) }
        return Evaluation(failures: failures, applicable: applicable)
    }

    private func checkLedger(_ h: PreparedEntry.Header, seq: Int64, fail: (Rule, String) -> Void) {
        let kindKnown = h.kind.flatMap(EntryKind.init(rawValue:)) != nil
        if !kindKnown { fail(.r4, "kind \(h.kind.map { "\"\($0)\"" } ?? "(missing)") is not a known entry kind") }
        if seq == 0 {
            if kindKnown && h.kind != EntryKind.genesis.rawValue { fail(.r4, "entry 0 must be the genesis entry, got \(h.kind!)") }
        } else {
            if h.kind == EntryKind.genesis.rawValue { fail(.r4, "only entry 0 may be a genesis entry") }
            if let id = ledgerID, !(h.ledgerID.map { $0.sameUTF8(id) } ?? false) {
                fail(.r4, "ledger_id \(h.ledgerID ?? "(missing)") differs from genesis's \(id)")
            }
        }
    }

    /// R6: two approvals, sorted, one active SHCP and one active USAID approver, valid signatures.
    private func checkApprovals(_ entry: Entry, _ p: PreparedEntry, verifySignatures: Bool, fail: (Rule, String) -> Void) {
        let approvals = entry.approvals
        guard approvals.count == 2 else {
            fail(.r6, "an entry carries exactly two approvals, found \(approvals.count)")
            return
        }
        if !approvals[0].key.utf8.lexicographicallyPrecedes(approvals[1].key.utf8) {
            fail(.r6, approvals[0].key == approvals[1].key
                ? "both approvals are by key \(approvals[0].key)"
                : "approvals must be sorted by key: \(approvals[0].key) comes after \(approvals[1].key)")
        }
        var counted: (keyName: String, institution: String)?
        let genesis: GenesisBody? = if case .genesis(let g) = entry.body { g } else { nil }
        for a in approvals {
            let key: KeyObject
            switch approvalKey(by: a.key, genesis: genesis) {
            case .failure(let refusal): fail(.r6, refusal.message); continue
            case .success(let k): key = k
            }
            if let c = counted, let refusal = institutionTaken(key, earlierKey: c.keyName, earlierInstitution: c.institution) {
                fail(.r6, refusal.message)
            }
            counted = (a.key, key.institution)
            let valid: Bool
            if !verifySignatures {
                valid = true
            } else if let pre = p.signatureChecks.first(where: { $0.keyName.sameUTF8(a.key) && $0.publicKey == key.publicKey }) {
                valid = pre.valid
            } else {
                valid = key.publicKey.verify(a.signature, over: p.approvalMessage ?? [])
            }
            if !valid { fail(.r6, Self.badSignature(by: a.key).message) }
        }
    }

    private func checkBody(_ entry: Entry, fail: (Rule, String) -> Void) {
        if let id = entry.body.id, let prior = ids[id] {
            fail(.r9, "id \(id) is already used by the \(prior.kind.rawValue) at seq \(prior.seq)")
        }
        switch entry.body {
        case .genesis(let g):
            checkNewKeys(g.keys, fail: fail)
            let approvers = Set(g.keys.filter(\.isApprover).map(\.institution))
            if !approvers.isSuperset(of: ["SHCP", "USAID"]) {
                fail(.r8, "genesis must list at least one SHCP and one USAID approver key")
            }
            for b in g.budgets where !g.currencies.contains(b.pair.currency) {
                fail(.r10, "budget currency \(b.pair.currency) is not listed in genesis currencies")
            }
        case .keyUpdate(let u):
            checkNewKeys(u.add, fail: fail)
            var revoked: Set<String> = []
            for name in u.revoke {
                if activeKey(name) == nil || revoked.contains(name) {
                    fail(.r8, "cannot revoke \(name): \(keys[name] == nil ? "no such key" : "it is not active")")
                }
                revoked.insert(name)
            }
            var remaining = Set(keys.values.filter { $0.isActive && $0.key.isApprover && !revoked.contains($0.key.name) }.map(\.key.institution))
            remaining.formUnion(u.add.filter(\.isApprover).map(\.institution))
            for inst in ["SHCP", "USAID"] where !remaining.contains(inst) {
                fail(.r8, "after this update no active \(inst) approver would remain")
            }
        case .budgetUpdate(let u):
            for b in u.budgets {
                if !currencies.contains(b.pair.currency) {
                    fail(.r10, "budget currency \(b.pair.currency) is not listed in genesis currencies")
                }
                let net = totals[b.pair]?.net ?? 0
                if b.amount < net {
                    fail(.r10, "new envelope \(b.amount) for (\(b.pair.category.rawValue), \(b.pair.currency)) is below the \(net) already spent")
                }
            }
        case .disbursement(let d):
            if !currencies.contains(d.currency) {
                fail(.r10, "currency \(d.currency) is not listed in genesis currencies")
            }
            let t = totals[d.pair] ?? Totals()
            let (after, overflow) = t.disbursed.addingReportingOverflow(d.amount)
            if overflow {
                fail(.r10, "total disbursed for (\(d.category.rawValue), \(d.currency)) overflows 64 bits")
            } else if let envelope = envelopes[d.pair], after - t.reversed > envelope {
                fail(.r10, "net spent on (\(d.category.rawValue), \(d.currency)) would be \(after - t.reversed), above its envelope \(envelope)")
            }
            checkCommitmentRules(d, fail: fail)
        case .commitment(let c):
            if !currencies.contains(c.currency) {
                fail(.r10, "commitment currency \(c.currency) is not listed in genesis currencies")
            }
            checkCommitmentRules(c, fail: fail)
        case .amendment(let a):
            checkCommitmentRules(a, fail: fail)
        case .suspension(let s):
            checkSuspensionRules(s, fail: fail)
        case .reversal(let r):
            if let target = ids[r.reverses] {
                if target.kind != .disbursement {
                    fail(.r9, "reverses \(r.reverses), which is a \(target.kind.rawValue), not a disbursement")
                } else if let at = target.reversedAt {
                    fail(.r9, "disbursement \(r.reverses) was already reversed at seq \(at)")
                }
            } else {
                fail(.r9, "reverses \(r.reverses), which is no earlier entry's id")
            }
        }
    }

    /// R8 for keys being added: names and public keys never seen before, and unique in the list.
    private func checkNewKeys(_ add: [KeyObject], fail: (Rule, String) -> Void) {
        var names: Set<String> = []
        var pks: Set<PublicKey> = []
        for k in add {
            if let prior = keys[k.name] {
                fail(.r8, "key name \(k.name) was already used (added at seq \(prior.addedAt)); names are never reused")
            } else if !names.insert(k.name).inserted {
                fail(.r8, "key name \(k.name) is listed twice")
            }
            if publicKeys.contains(k.publicKey) || !pks.insert(k.publicKey).inserted {
                fail(.r8, "public key of \(k.name) already appears in the ledger's history")
            }
        }
    }

    // MARK: - Commit

    /// Moves the chain on to this line and, when the evaluation allows, applies its effects.
    public mutating func commit(_ p: PreparedEntry, _ evaluation: Evaluation) {
        let seq = size
        if seq == 0 {
            genesisHash = p.entryHash
            ledgerID = p.header?.ledgerID
        }
        size += 1
        headHash = p.entryHash
        lastCommittedAt = p.header?.committedAt.flatMap { FieldRules.timestamp($0) == nil ? $0 : nil }
        guard evaluation.applicable, let entry = p.entry else { return }
        apply(entry.body, seq: seq)
    }

    private mutating func apply(_ body: Body, seq: Int64) {
        switch body {
        case .genesis(let g):
            title = g.title
            currencies = g.currencies
            addKeys(g.keys, seq: seq)
            for b in g.budgets { envelopes[b.pair] = b.amount }
        case .keyUpdate(let u):
            for name in u.revoke { keys[name]?.revokedAt = seq }
            addKeys(u.add, seq: seq)
            ids.insert(u.id, IDRecord(seq: seq, kind: .keyUpdate, amount: 0, pair: nil, sealedDigest: nil))
        case .budgetUpdate(let u):
            for b in u.budgets { envelopes[b.pair] = b.amount }
            ids.insert(u.id, IDRecord(seq: seq, kind: .budgetUpdate, amount: 0, pair: nil, sealedDigest: nil))
        case .disbursement(let d):
            totals[d.pair, default: Totals()].disbursed += d.amount
            let under = d.commitment.flatMap(commitmentIndex)
            if let under { book.disbursed(under, d.amount) }
            ids.insert(d.id, IDRecord(seq: seq, kind: .disbursement, amount: d.amount, pair: d.pair, sealedDigest: d.sealedDigest,
                                      commitment: under))
        case .reversal(let r):
            ids.insert(r.id, IDRecord(seq: seq, kind: .reversal, amount: 0, pair: nil, sealedDigest: nil))
            if let target = ids[r.reverses], let pair = target.pair {
                ids.markReversed(r.reverses, at: seq)
                totals[pair, default: Totals()].reversed += target.amount
                if let under = target.commitment { book.reversed(under, target.amount) }
            }
        case .commitment(let c):
            let index = book.add(c, seq: seq)
            ids.insert(c.id, IDRecord(seq: seq, kind: .commitment, amount: 0, pair: nil, sealedDigest: nil, commitment: index))
        case .amendment(let a):
            ids.insert(a.id, IDRecord(seq: seq, kind: .amendment, amount: 0, pair: nil, sealedDigest: nil))
            if let index = commitmentIndex(a.commitment) { book.amend(index, to: a.amount, seq: seq) }
        case .suspension(let s):
            ids.insert(s.id, IDRecord(seq: seq, kind: .suspension, amount: 0, pair: nil, sealedDigest: nil))
            book.apply(s, seq: seq)
        }
    }

    private mutating func addKeys(_ add: [KeyObject], seq: Int64) {
        for k in add {
            keys[k.name] = KeyRecord(key: k, addedAt: seq, revokedAt: nil)
            keyOrder.append(k.name)
            publicKeys.insert(k.publicKey)
        }
    }

    /// Evaluates and commits in one step; returns the failures.
    @discardableResult
    public mutating func replay(_ p: PreparedEntry, verifySignatures: Bool = true) -> [Failure] {
        let e = evaluate(p, verifySignatures: verifySignatures)
        commit(p, e)
        return e.failures
    }

    /// The position of an id among all ids the ledger has used, from 0 in chain order: a dense
    /// index for tables that keep something per id without keeping the id again.
    public func ordinal(of id: String) -> Int? { ids.ordinal(id) }

    /// The disbursement amount recorded under `id`, if it is a disbursement.
    public func disbursementAmount(_ id: String) -> (amount: Int64, pair: BudgetPair)? {
        guard let r = ids[id], r.kind == .disbursement, let pair = r.pair else { return nil }
        return (r.amount, pair)
    }
}
