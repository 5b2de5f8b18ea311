/// Gathers the v1.1 parts of a quarterly report while the verifier replays: commitment events
/// (signed, amended, terminated), what was paid under each commitment, suspensions and the
/// 30-day disclosure clock. Like `AuditCollector`, it sees only what the replay applied and
/// reads figures from the replay's own state.
struct CommitmentCollector: Sendable {
    let quarter: Quarter
    private(set) var events: [AuditReport.CommitmentEventRow] = []
    private(set) var clock: [AuditReport.ClockRow] = []
    private(set) var missingThresholds: Set<String> = []
    private var paidOrder: [String] = []
    private var paid: [String: AuditReport.CommitmentPaidRow] = [:]
    private var suspensions: [AuditReport.SuspensionRow] = []
    private var open: [SuspensionScope: Int] = [:]
    /// Title, supplier and value of every commitment seen, for rows about its amendments and payments.
    private var known: [String: (title: String, supplier: String, value: Int64)] = [:]

    init(quarter: Quarter) { self.quarter = quarter }

    static var disclosureDaysMax: Int64 { AuditReport.disclosureDaysMax }

    /// Called for every applied entry up to the end of the quarter; `inQuarter` says whether it falls in it.
    mutating func observe(_ entry: Entry, seq: Int64, state: ReplayState, inQuarter: Bool, thresholds: [String: Int64]) -> String? {
        switch entry.body {
        case .commitment(let c):
            known[c.id] = (c.title, c.supplierName, c.amount)
            guard inQuarter else { return nil }
            events.append(.init(seq: seq, committedAt: entry.committedAt, id: c.id, commitment: c.id, event: .signed, title: c.title,
                                supplier: c.supplierName, pair: c.pair, value: c.amount, previous: nil, note: c.reference))
            guard let threshold = thresholds[c.currency] else { missingThresholds.insert(c.currency); return nil }
            if c.amount >= threshold {
                guard clock.count < Limits.reportRowsMax else { return "disclosure clock rows" }
                let days = AuditReport.disclosureDays(dateSigned: c.dateSigned, committedAt: entry.committedAt)
                clock.append(.init(seq: seq, committedAt: entry.committedAt, body: c, days: days, late: days > Self.disclosureDaysMax))
            }
        case .amendment(let a):
            guard let before = known[a.commitment] else { return nil }
            known[a.commitment]?.value = a.amount
            guard inQuarter, let r = state.commitment(a.commitment) else { return nil }
            events.append(.init(seq: seq, committedAt: entry.committedAt, id: a.id, commitment: a.commitment,
                                event: a.amount == 0 ? .terminated : .amended, title: before.title, supplier: before.supplier, pair: r.pair,
                                value: a.amount, previous: before.value, note: a.reason))
            // Updates the figures of a commitment already paid under this quarter; adds no row.
            if paid[a.commitment] != nil { touch(a.commitment, state: state, disbursed: 0, reversed: 0) }
        case .disbursement(let d):
            guard inQuarter, let id = d.commitment else { return nil }
            touch(id, state: state, disbursed: d.amount, reversed: 0)
        case .reversal(let r):
            guard inQuarter, let id = state.commitmentOfDisbursement(r.reverses), let amount = state.disbursementAmount(r.reverses)?.amount else { return nil }
            touch(id, state: state, disbursed: 0, reversed: amount)
        case .suspension(let s):
            switch s.action {
            case .suspend:
                guard suspensions.count < Limits.reportRowsMax else { return "suspensions" }
                open[s.scope] = suspensions.count
                suspensions.append(.init(scope: s.scope, id: s.id, seq: seq, committedAt: entry.committedAt, basis: s.basis, reason: s.reason))
            case .resume:
                if let i = open.removeValue(forKey: s.scope) {
                    suspensions[i].resumedBy = s.id
                    suspensions[i].resumedSeq = seq
                    suspensions[i].resumedAt = entry.committedAt
                }
            }
        case .genesis, .keyUpdate, .budgetUpdate:
            break
        }
        if paid.count > Limits.reportRowsMax || events.count > Limits.reportRowsMax { return "commitment rows" }
        return nil
    }

    private mutating func touch(_ id: String, state: ReplayState, disbursed: Int64, reversed: Int64) {
        guard let r = state.commitment(id) else { return }
        let n = known[id] ?? ("", "", 0)
        var row = paid[id] ?? AuditReport.CommitmentPaidRow(commitment: id, title: n.title, supplier: n.supplier, pair: r.pair)
        if paid[id] == nil { paidOrder.append(id) }
        row.disbursedInQuarter += disbursed
        row.reversedInQuarter += reversed
        row.valueAtEnd = r.amount
        row.netAtEnd = r.net
        row.terminated = r.terminatedAt != nil
        paid[id] = row
    }

    /// Rows for the report: payments under commitments, and every suspension in force during the quarter.
    func finish() -> (paid: [AuditReport.CommitmentPaidRow], suspensions: [AuditReport.SuspensionRow]) {
        let rows = suspensions.filter { s in
            quarter.contains(s.committedAt) || (s.resumedAt.map { !quarter.isBefore($0) } ?? true)
        }.map { s -> AuditReport.SuspensionRow in
            // Entries after the quarter are not observed, so a resume here lies in or before it.
            var s = s
            s.days = Self.days(from: String(s.committedAt.prefix(10)), to: String((s.resumedAt ?? quarter.end).prefix(10)))
            s.inForceAtEnd = s.resumedAt == nil
            return s
        }
        return (paidOrder.map { paid[$0]! }, rows)
    }

    /// Whole days from one date (`YYYY-MM-DD`) to another; negative when `to` is earlier.
    static func days(from: String, to: String) -> Int64 {
        guard let a = Timestamp.unixSeconds(from + "T00:00:00Z"), let b = Timestamp.unixSeconds(to + "T00:00:00Z") else { return 0 }
        return (b - a) / 86_400
    }
}
