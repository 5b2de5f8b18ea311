import LedgerCore

/// Everything the public site and its open data show, gathered while the verifier replays the
/// published log: the same replay `jhf verify --tiles` runs, so only entries the replay applied
/// appear, and figures are read from the replay's own state (no rule is re-implemented here).
///
/// Payments are kept as compact rows (about 64 bytes each: texts that repeat are interned) so
/// a million-entry ledger fits in memory; the quarterly reports come from one `AuditCollector`
/// per quarter the log spans, fed by this same replay.
public struct SiteModel: ReplayObserver {
    /// A disbursement as the site lists it.
    public struct Payment: Sendable {
        public let seq: Int64
        public let committedAt: Int64
        public let amount: Int64
        public let id: String
        /// Days since 1970-01-01 of the value date.
        let valueDay: Int32
        /// Index into `groups` (category, currency, program, municipality).
        let group: UInt32
        let payee: UInt32
        /// Purposes are mostly distinct: kept as they are (payee names repeat, so they are interned).
        let purpose: String
        /// Index into `commitments`, or -1.
        let commitment: Int32
        /// Index into `reversals`, or -1.
        var reversal: Int32 = -1
    }

    /// Category, currency, program and municipality of a payment (few distinct ones).
    public struct Group: Hashable, Sendable {
        public let category: Category
        public let currency: String
        public let program: String
        public let municipality: String

        public static func == (a: Group, b: Group) -> Bool {
            a.category == b.category && a.currency.sameUTF8(b.currency) && a.program.sameUTF8(b.program)
                && a.municipality.sameUTF8(b.municipality)
        }

        public func hash(into h: inout Hasher) {
            h.combine(category)
            h.combine(currency.utf8.count)
            for b in currency.utf8 { h.combine(b) }
            for b in program.utf8 { h.combine(b) }
            for b in municipality.utf8 { h.combine(b) }
        }
    }

    /// A commitment, its amendments and (after the replay) its figures.
    public struct Commitment: Sendable {
        public let seq: Int64
        public let committedAt: String
        public let body: CommitmentBody
        public internal(set) var amendments: [Amendment] = []
        /// Indices of payments under it, in ledger order.
        public internal(set) var payments: [Int32] = []
        /// From the replay state at the end: value now, disbursed, reversed, terminated.
        public internal(set) var record: CommitmentRecord?
    }

    public struct Amendment: Sendable {
        public let seq: Int64
        public let committedAt: String
        public let body: AmendmentBody
        /// The commitment's value before this amendment.
        public let previous: Int64
    }

    public struct Reversal: Sendable {
        public let seq: Int64
        public let committedAt: String
        public let body: ReversalBody
        public let amount: Int64
        /// Index of the payment it reverses.
        public let payment: Int32
    }

    public struct Suspension: Sendable {
        public let seq: Int64
        public let committedAt: String
        public let body: SuspensionBody
    }

    public private(set) var payments: [Payment] = []
    /// Indices into `payments` by municipality code, in ledger order.
    public private(set) var paymentsByMunicipality: [String: [Int32]] = [:]
    public private(set) var groups: [Group] = []
    public private(set) var commitments: [Commitment] = []
    public private(set) var reversals: [Reversal] = []
    public private(set) var suspensions: [Suspension] = []
    /// Genesis and every key update: the key history the site's pages check in the browser.
    public private(set) var keyChanges: [AuditReport.KeyChangeRow] = []
    private var groupIndex: [Group: UInt32] = [:]
    private var payees = Interner()
    /// Payment row of each id ordinal (disbursements only), -1 otherwise.
    private var paymentOfOrdinal: ContiguousArray<Int32> = []
    private var commitmentIndex: [String: Int32] = [:]
    /// One report collector per quarter the log spans, oldest first.
    public private(set) var audits: [AuditCollector]
    /// Entries replayed, and how many the replay applied.
    public private(set) var replayed: Int64 = 0

    /// `quarters`: every quarter from the first entry's to the last one's (R7 keeps
    /// `committed_at` in order, so the log's first and last entries bound them).
    /// `expectedEntries`: the checkpoint's size, so the payment rows are allocated once.
    public init(quarters: [Quarter], thresholds: [String: Int64], expectedEntries: Int64 = 0) {
        audits = quarters.map { AuditCollector(quarter: $0, thresholds: thresholds) }
        payments.reserveCapacity(Int(min(expectedEntries, Int64(Int32.max))))
    }

    public func payee(_ p: Payment) -> String { payees.values[Int(p.payee)] }
    public func purpose(_ p: Payment) -> String { p.purpose }
    public func group(_ p: Payment) -> Group { groups[Int(p.group)] }
    public func commitment(of p: Payment) -> Commitment? { p.commitment < 0 ? nil : commitments[Int(p.commitment)] }
    public func reversal(of p: Payment) -> Reversal? { p.reversal < 0 ? nil : reversals[Int(p.reversal)] }
    public func valueDate(_ p: Payment) -> String { String(Timestamp.string(unixSeconds: Int64(p.valueDay) * 86_400).prefix(10)) }

    public mutating func willReplay(_ p: PreparedEntry, state: ReplayState) {
        for i in audits.indices { audits[i].willReplay(p, state: state) }
    }

    public mutating func didReplay(_ p: PreparedEntry, applied: Bool, state: ReplayState) {
        replayed += 1
        for i in audits.indices { audits[i].didReplay(p, applied: applied, state: state) }
        guard applied, let entry = p.entry else { return }
        let seq = state.size - 1
        let at = entry.committedAt
        if let change = AuditReport.KeyChangeRow(entry, seq: seq) { keyChanges.append(change) }
        switch entry.body {
        case .genesis, .keyUpdate, .budgetUpdate:
            break
        case .disbursement(let d):
            add(d, seq: seq, at: at, state: state)
        case .reversal(let r):
            guard let row = paymentRow(r.reverses, state: state), let amount = state.disbursementAmount(r.reverses)?.amount else { return }
            payments[Int(row)].reversal = Int32(reversals.count)
            reversals.append(Reversal(seq: seq, committedAt: at, body: r, amount: amount, payment: row))
        case .commitment(let c):
            commitmentIndex[c.id] = Int32(commitments.count)
            commitments.append(Commitment(seq: seq, committedAt: at, body: c))
        case .amendment(let a):
            guard let i = commitmentIndex[a.commitment] else { return }
            let c = commitments[Int(i)]
            let previous = c.amendments.last?.body.amount ?? c.body.amount
            commitments[Int(i)].amendments.append(Amendment(seq: seq, committedAt: at, body: a, previous: previous))
        case .suspension(let s):
            suspensions.append(Suspension(seq: seq, committedAt: at, body: s))
        }
    }

    /// Takes the commitments' figures from the replay state at the end of the log.
    public mutating func finish(state: ReplayState) {
        for i in commitments.indices { commitments[i].record = state.commitment(commitments[i].body.id) }
    }

    private mutating func add(_ d: DisbursementBody, seq: Int64, at: String, state: ReplayState) {
        let g = Group(category: d.category, currency: d.currency, program: d.program, municipality: d.municipality)
        let group: UInt32
        if let known = groupIndex[g] { group = known } else {
            group = UInt32(groups.count)
            groups.append(g)
            groupIndex[g] = group
        }
        let commitment = d.commitment.flatMap { commitmentIndex[$0] } ?? -1
        let row = Int32(payments.count)
        // The replay accepted the value date (a real calendar date), so it parses.
        let day = (Timestamp.unixSeconds(d.valueDate + "T00:00:00Z") ?? 0) / 86_400
        payments.append(Payment(seq: seq, committedAt: Timestamp.unixSeconds(at) ?? 0, amount: d.amount, id: d.id, valueDay: Int32(day),
                                group: group, payee: payees.intern(d.payeeName), purpose: d.purpose, commitment: commitment))
        if commitment >= 0 { commitments[Int(commitment)].payments.append(row) }
        paymentsByMunicipality[d.municipality, default: []].append(row)
        if let ordinal = state.ordinal(of: d.id) {
            if paymentOfOrdinal.count <= ordinal {
                paymentOfOrdinal.append(contentsOf: repeatElement(-1, count: ordinal + 1 - paymentOfOrdinal.count))
            }
            paymentOfOrdinal[ordinal] = row
        }
    }

    private func paymentRow(_ id: String, state: ReplayState) -> Int32? {
        guard let o = state.ordinal(of: id), o < paymentOfOrdinal.count, paymentOfOrdinal[o] >= 0 else { return nil }
        return paymentOfOrdinal[o]
    }
}

/// Texts that repeat (payee names) kept once, by their UTF-8 bytes.
struct Interner: Sendable {
    private(set) var values: [String] = []
    private var index: [Key: UInt32] = [:]

    /// A string compared and hashed by its UTF-8 bytes (not by canonical equivalence).
    private struct Key: Hashable, Sendable {
        let text: String
        static func == (a: Key, b: Key) -> Bool { a.text.sameUTF8(b.text) }
        func hash(into h: inout Hasher) {
            var t = text
            t.withUTF8 { h.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }

    mutating func intern(_ s: String) -> UInt32 {
        if let i = index[Key(text: s)] { return i }
        let i = UInt32(values.count)
        values.append(s)
        index[Key(text: s)] = i
        return i
    }
}
