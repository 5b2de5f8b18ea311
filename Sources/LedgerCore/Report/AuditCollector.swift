/// Gathers a quarter's figures while the verifier replays the ledger (one pass, one replay).
///
/// The verifier calls `willReplay` before and `didReplay` after each entry, so the collector
/// sees exactly what the replay accepted and never re-implements a ledger rule: totals come
/// from the replay's own state. Memory stays bounded: per disbursement it keeps 8 bytes
/// (program and municipality, for attributing later reversals), indexed by the id's ordinal.
public struct AuditCollector: Sendable {
    public let quarter: Quarter
    /// Disclosure thresholds in minor units, by currency.
    public let thresholds: [String: Int64]

    /// Program index and municipality code of each id ordinal (disbursements only).
    private var attributes: ContiguousArray<Attribute> = []
    private var programs: [String] = []
    private var programIndex: [String: UInt32] = [:]
    private var byCategory: [BudgetPair: AuditReport.PeriodTotals] = [:]
    private var byProgram: [Key: AuditReport.PeriodTotals] = [:]
    private var byMunicipality: [Key: AuditReport.PeriodTotals] = [:]
    private var reversals: [AuditReport.ReversalRow] = []
    private var keyChanges: [AuditReport.KeyChangeRow] = []
    private var budgetChanges: [AuditReport.BudgetChangeRow] = []
    private var disclosures: [AuditReport.DisclosureRow] = []
    private var disclosureIndex: [String: Int] = [:]
    private var countsByKind: [EntryKind: Int64] = [:]
    private var firstSeq: Int64?
    private var lastSeq: Int64?
    /// Envelopes before the budget entry being replayed (for "previous" amounts).
    private var envelopesBefore: [BudgetPair: Int64] = [:]
    /// The replay's budget figures when the first entry after the quarter arrived.
    private var snapshot: Snapshot?
    /// Currencies with disbursements in the quarter but no threshold.
    public private(set) var missingThresholds: Set<String> = []
    private var overflow: String?
    /// Commitments, suspensions and the disclosure clock (v1.1).
    private var commitments: CommitmentCollector

    private struct Attribute: Sendable {
        var program: UInt32 = .max
        var municipality: UInt32 = 0
    }

    /// A (program or municipality, currency) row key.
    private struct Key: Hashable, Sendable {
        let value: UInt32
        let currency: String
    }

    private struct Snapshot: Sendable {
        let totals: [BudgetPair: Totals]
        let envelopes: [BudgetPair: Int64]
        let lastSeq: Int64?
    }

    /// `thresholds` maps currencies to amounts in minor units; disbursements at or above them are listed.
    public init(quarter: Quarter, thresholds: [String: Int64]) {
        self.quarter = quarter
        self.thresholds = thresholds
        commitments = CommitmentCollector(quarter: quarter)
    }

    /// Called before the replay of `p`, with the state it will be replayed against.
    public mutating func willReplay(_ p: PreparedEntry, state: ReplayState) {
        guard let entry = p.entry else { return }
        if snapshot == nil && quarter.isAfter(entry.committedAt) {
            snapshot = Snapshot(totals: state.totals, envelopes: state.envelopes, lastSeq: state.size > 0 ? state.size - 1 : nil)
        }
        if case .budgetUpdate(let u) = entry.body, quarter.contains(entry.committedAt) {
            envelopesBefore = Dictionary(uniqueKeysWithValues: u.budgets.compactMap { b in state.envelopes[b.pair].map { (b.pair, $0) } })
        }
    }

    /// Called after the replay of `p`; `applied` says whether the replay took its effects.
    public mutating func didReplay(_ p: PreparedEntry, applied: Bool, state: ReplayState) {
        guard applied, let entry = p.entry, snapshot == nil else { return }
        let seq = state.size - 1
        if case .disbursement(let d) = entry.body { remember(d, state: state) }
        let inQuarter = quarter.contains(entry.committedAt)
        if let problem = commitments.observe(entry, seq: seq, state: state, inQuarter: inQuarter, thresholds: thresholds) {
            overflow = overflow ?? problem
        }
        guard inQuarter else { return }
        if firstSeq == nil { firstSeq = seq }
        lastSeq = seq
        countsByKind[entry.kind, default: 0] += 1
        switch entry.body {
        case .genesis(let g):
            keyChanges.append(AuditReport.KeyChangeRow(entry, seq: seq)!)
            budgetChanges.append(.init(seq: seq, committedAt: entry.committedAt, id: nil,
                                       budgets: g.budgets.map { .init(pair: $0.pair, amount: $0.amount, previous: nil) }, reason: nil))
        case .keyUpdate:
            guard room(keyChanges.count, "key changes") else { return }
            keyChanges.append(AuditReport.KeyChangeRow(entry, seq: seq)!)
        case .budgetUpdate(let u):
            guard room(budgetChanges.count, "budget changes") else { return }
            budgetChanges.append(.init(seq: seq, committedAt: entry.committedAt, id: u.id,
                                       budgets: u.budgets.map { .init(pair: $0.pair, amount: $0.amount, previous: envelopesBefore[$0.pair]) },
                                       reason: u.reason))
        case .disbursement(let d):
            var t = AuditReport.PeriodTotals()
            t.disbursements = 1
            t.disbursed = d.amount
            add(t, pair: d.pair, attribute: attribute(of: d.id, state: state))
            guard let threshold = thresholds[d.currency] else {
                missingThresholds.insert(d.currency)
                return
            }
            if d.amount >= threshold {
                guard room(disclosures.count, "disclosed disbursements") else { return }
                disclosureIndex[d.id] = disclosures.count
                disclosures.append(AuditReport.DisclosureRow(seq: seq, committedAt: entry.committedAt, body: d, reversedBy: nil))
            }
        case .reversal(let r):
            guard let (amount, pair) = state.disbursementAmount(r.reverses) else { return }
            let a = attribute(of: r.reverses, state: state)
            var t = AuditReport.PeriodTotals()
            t.reversals = 1
            t.reversed = amount
            add(t, pair: pair, attribute: a)
            if let i = disclosureIndex[r.reverses] { disclosures[i].reversedBy = r.id }
            guard room(reversals.count, "reversals") else { return }
            reversals.append(AuditReport.ReversalRow(seq: seq, committedAt: entry.committedAt, id: r.id, reverses: r.reverses, reason: r.reason,
                                                     amount: amount, pair: pair, program: a.map { programs[Int($0.program)] } ?? "",
                                                     municipality: a.map { Municipalities.text($0.municipality) } ?? ""))
        case .commitment, .amendment, .suspension:
            // Collected by `commitments` above, for every entry up to the end of the quarter.
            break
        }
    }

    /// Keeps a disbursement's program and municipality under its id's ordinal.
    private mutating func remember(_ d: DisbursementBody, state: ReplayState) {
        guard let ordinal = state.ordinal(of: d.id) else { return }
        var index = programIndex[d.program]
        if index == nil {
            index = UInt32(programs.count)
            programIndex[d.program] = index
            programs.append(d.program)
        }
        if attributes.count <= ordinal {
            attributes.append(contentsOf: repeatElement(Attribute(), count: ordinal + 1 - attributes.count))
        }
        // FieldRules.municipality accepted the code, so it is five digits.
        attributes[ordinal] = Attribute(program: index!, municipality: Municipalities.code(d.municipality) ?? 0)
    }

    private func attribute(of id: String, state: ReplayState) -> Attribute? {
        guard let o = state.ordinal(of: id), o < attributes.count, attributes[o].program != .max else { return nil }
        return attributes[o]
    }

    private mutating func add(_ t: AuditReport.PeriodTotals, pair: BudgetPair, attribute: Attribute?) {
        byCategory[pair, default: .init()].add(t)
        guard let attribute else { return }
        byProgram[Key(value: attribute.program, currency: pair.currency), default: .init()].add(t)
        byMunicipality[Key(value: attribute.municipality, currency: pair.currency), default: .init()].add(t)
        if byProgram.count > Limits.reportRowsMax || byMunicipality.count > Limits.reportRowsMax {
            overflow = overflow ?? "program or municipality rows"
        }
    }

    /// Whether a list of `count` rows may take one more; notes the overflow if not.
    private mutating func room(_ count: Int, _ what: String) -> Bool {
        guard count >= Limits.reportRowsMax else { return true }
        overflow = overflow ?? what
        return false
    }

    /// The report, given the verdict of the replay that fed this collector. Throws when a list
    /// outgrew `Limits.reportRowsMax` (a truncated audit list would mislead) or a currency
    /// with disbursements in the quarter has no disclosure threshold.
    public func finish(verification: VerifyReport, state: ReplayState) throws(LedgerError) -> AuditReport {
        if let overflow {
            throw LedgerError(.argument, field: "quarter", "the quarter has more than \(Limits.reportRowsMax) \(overflow); a report cannot list them all")
        }
        if let currency = missingThresholds.union(commitments.missingThresholds).sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).first {
            throw LedgerError(.argument, field: "threshold",
                              "the quarter has \(currency) disbursements or commitments but no \(currency) disclosure threshold; give --threshold \(currency)=AMOUNT (the \(currency) equivalent of the USD threshold your agreement fixes)")
        }
        let (paid, suspensions) = commitments.finish()
        let s = snapshot ?? Snapshot(totals: state.totals, envelopes: state.envelopes, lastSeq: state.size > 0 ? state.size - 1 : nil)
        func bytes(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }
        var currencies: [String: AuditReport.PeriodTotals] = [:]
        for (pair, t) in byCategory { currencies[pair.currency, default: .init()].add(t) }
        let budgetPairs = Set(s.totals.keys).union(s.envelopes.keys).sorted()
        return AuditReport(
            quarter: quarter,
            verification: verification,
            entryCount: countsByKind.values.reduce(0, +),
            firstSeq: firstSeq,
            lastSeq: lastSeq,
            countsByKind: countsByKind,
            byCategory: byCategory.keys.sorted().map { .init(pair: $0, totals: byCategory[$0]!) },
            byCurrency: currencies.keys.sorted(by: bytes).map { .init(currency: $0, totals: currencies[$0]!) },
            byProgram: byProgram.keys.map { (program: programs[Int($0.value)], key: $0) }
                .sorted { $0.program != $1.program ? bytes($0.program, $1.program) : bytes($0.key.currency, $1.key.currency) }
                .map { .init(program: $0.program, currency: $0.key.currency, totals: byProgram[$0.key]!) },
            byMunicipality: byMunicipality.keys
                .sorted { $0.value != $1.value ? $0.value < $1.value : bytes($0.currency, $1.currency) }
                .map { k in
                    let code = Municipalities.text(k.value)
                    return .init(code: code, name: Municipalities.name(of: code), currency: k.currency, totals: byMunicipality[k]!)
                },
            budgetUse: budgetPairs.map { p in
                let t = s.totals[p] ?? Totals()
                return .init(pair: p, envelope: s.envelopes[p], disbursed: t.disbursed, reversed: t.reversed)
            },
            budgetAsOfSeq: s.lastSeq,
            reversals: reversals,
            keyChanges: keyChanges,
            budgetChanges: budgetChanges,
            thresholds: thresholds.sorted { bytes($0.key, $1.key) }.map { (currency: $0.key, amount: $0.value) },
            disclosures: disclosures,
            commitmentEvents: commitments.events,
            commitmentsPaid: paid,
            suspensions: suspensions,
            clock: commitments.clock)
    }
}
