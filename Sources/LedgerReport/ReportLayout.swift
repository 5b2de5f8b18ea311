import LedgerCore

/// A report laid out in one language as headings, facts, paragraphs and tables, which the
/// Markdown and HTML renderers print; the words and the figures are chosen once, here.
enum ReportBlock: Equatable {
    case title(String)
    case heading(String)
    /// Label–value pairs; `code` values print in a fixed-width face (hashes).
    case facts([(label: String, value: String, code: Bool)])
    case paragraph(String)
    /// A verdict line, marked as passing or failing.
    case verdict(String, ok: Bool)
    /// `numeric` marks right-aligned columns.
    case table(header: [String], numeric: Set<Int>, rows: [[String]])

    static func == (a: ReportBlock, b: ReportBlock) -> Bool {
        switch (a, b) {
        case let (.title(x), .title(y)), let (.heading(x), .heading(y)), let (.paragraph(x), .paragraph(y)): return x == y
        case let (.verdict(x, p), .verdict(y, q)): return x == y && p == q
        case let (.facts(x), .facts(y)): return x.map(\.label) == y.map(\.label) && x.map(\.value) == y.map(\.value)
        case let (.table(h, n, r), .table(i, m, s)): return h == i && n == m && r == s
        default: return false
        }
    }
}

/// Lays out an `AuditReport` in one language.
struct ReportLayout {
    let report: AuditReport
    let language: ReportLanguage
    private var w: ReportWords { language.words }
    private var v: ReportWordsV11 { language.wordsV11 }

    init(_ report: AuditReport, _ language: ReportLanguage) {
        self.report = report
        self.language = language
    }

    var blocks: [ReportBlock] {
        verification + period + totals + budget + reversals + keyChanges + budgetChanges + commitments + suspensions + disclosure + clock
            + [.paragraph(w.footer)]
    }

    private func money(_ minor: Int64, _ currency: String) -> String { DecimalAmount.display(minor, currency: currency) }

    private func place(_ code: String) -> (municipality: String, state: String) {
        guard let n = Municipalities.name(of: code) else { return (w.notInCatalogue, "") }
        return (n.municipality, n.state)
    }

    private var verification: [ReportBlock] {
        let v = report.verification
        var out: [ReportBlock] = [.title("\(w.title) — \(report.quarter)"), .heading(w.verification)]
        out.append(.verdict(v.ok ? w.valid : fill(w.invalid, v.failureCount), ok: v.ok))
        let checkpoint: String
        if let c = v.checkpoint {
            let signers = c.logSignatures.isEmpty ? w.unsigned : fill(w.signedBy, c.logSignatures.joined(separator: ", "))
            checkpoint = fill(w.checkpointText, c.size, c.root.hex, signers) + (c.otherSignatures > 0 ? fill(w.otherSignatures, c.otherSignatures) : "")
        } else {
            checkpoint = w.noCheckpoint
        }
        out.append(.facts([
            (w.ledger, "\(v.ledgerID ?? "-")\(v.title.map { " — \($0)" } ?? "")", false),
            (w.entries, String(v.entries), false),
            (w.genesisHash, v.genesisHash?.hex ?? "-", true),
            (w.headHash, v.headHash?.hex ?? "-", true),
            (w.root, v.root.hex, true),
            (w.checkpoint, checkpoint, false),
        ]))
        if !v.failures.isEmpty {
            let listed = v.failures.prefix(AuditReport.failuresListedMax)
            out.append(.paragraph(w.failuresInEnglish))
            out.append(.table(header: [w.seq, w.rule, w.message], numeric: [0],
                              rows: listed.map { [$0.seq.map(String.init) ?? "-", $0.rule.rawValue, $0.message] }))
            if v.failureCount > listed.count { out.append(.paragraph(fill(w.moreFailures, v.failureCount - listed.count))) }
        }
        return out
    }

    private var period: [ReportBlock] {
        var facts: [(label: String, value: String, code: Bool)] = [(w.period, fill(w.periodText, report.quarter.start, report.quarter.end), false)]
        var count = String(report.entryCount)
        if let a = report.firstSeq, let b = report.lastSeq { count += " (\(fill(w.seqRange, a, b)))" }
        facts.append((w.entriesInPeriod, count, false))
        let kinds = EntryKind.allCases.compactMap { k in report.countsByKind[k].map { "\(w.kinds[k]!): \($0)" } }
        if !kinds.isEmpty { facts.append(("", kinds.joined(separator: "; "), false)) }
        return [.heading(w.period), .facts(facts)]
    }

    private func totalsColumns(_ t: AuditReport.PeriodTotals, _ currency: String) -> [String] {
        [String(t.disbursements), money(t.disbursed, currency), String(t.reversals), money(t.reversed, currency), money(t.net, currency)]
    }

    private var totalsHeader: [String] { [w.disbursements, w.disbursed, w.reversals, w.reversed, w.net] }

    private var totals: [ReportBlock] {
        func section(_ title: String, _ lead: [String], _ rows: [[String]]) -> [ReportBlock] {
            let numeric = Set(lead.count..<(lead.count + totalsHeader.count))
            return [.heading(title), rows.isEmpty ? .paragraph(w.none) : .table(header: lead + totalsHeader, numeric: numeric, rows: rows)]
        }
        return section(w.byCategory, [w.category, w.currency],
                       report.byCategory.map { [w.categories[$0.pair.category]!, $0.pair.currency] + totalsColumns($0.totals, $0.pair.currency) })
            + section(w.byCurrency, [w.currency], report.byCurrency.map { [$0.currency] + totalsColumns($0.totals, $0.currency) })
            + section(w.byProgram, [w.program, w.currency],
                      report.byProgram.map { [$0.program, $0.currency] + totalsColumns($0.totals, $0.currency) })
            + section(w.byMunicipality, [w.municipality, w.state, w.currency], report.byMunicipality.map { r in
                let p = place(r.code)
                return ["\(r.code) \(p.municipality)", p.state, r.currency] + totalsColumns(r.totals, r.currency)
            })
    }

    private var budget: [ReportBlock] {
        guard let asOf = report.budgetAsOfSeq else { return [.heading(w.budgetUse), .paragraph(w.noEntriesYet)] }
        let rows = report.budgetUse.map { b -> [String] in
            let c = b.pair.currency
            let used = b.usedBasisPoints.map { Self.percent(basisPoints: $0) } ?? "-"
            return [w.categories[b.pair.category]!, c, b.envelope.map { money($0, c) } ?? w.noEnvelope, money(b.net, c),
                    b.remaining.map { money($0, c) } ?? "-", used]
        }
        return [.heading(w.budgetUse), .paragraph(fill(w.budgetAsOf, asOf)),
                rows.isEmpty ? .paragraph(w.none)
                    : .table(header: [w.category, w.currency, w.envelope, w.net, w.remaining, w.used], numeric: [2, 3, 4, 5], rows: rows)]
    }

    private var reversals: [ReportBlock] {
        let rows = report.reversals.map { r in
            [String(r.seq), r.committedAt, r.id, r.reverses, money(r.amount, r.pair.currency), w.categories[r.pair.category]!,
             r.program, r.municipality.isEmpty ? "-" : "\(r.municipality) \(place(r.municipality).municipality)", r.reason]
        }
        return [.heading(w.reversals), rows.isEmpty ? .paragraph(w.none) : .table(
            header: [w.seq, w.date, w.id, w.reverses, w.amount, w.category, w.program, w.municipality, w.reason], numeric: [0, 4], rows: rows)]
    }

    private var keyChanges: [ReportBlock] {
        let rows = report.keyChanges.map { k in
            [String(k.seq), k.committedAt, k.id ?? w.genesisEntry,
             k.added.map { "\($0.name) (\($0.institution), \(w.roles[$0.role.rawValue] ?? $0.role.rawValue)) \($0.publicKey.base64)" }.joined(separator: "; "),
             k.revoked.isEmpty ? "-" : k.revoked.joined(separator: ", "), k.reason ?? "-"]
        }
        return [.heading(w.keyChanges), rows.isEmpty ? .paragraph(w.none) : .table(
            header: [w.seq, w.date, w.id, w.added, w.revoked, w.reason], numeric: [0], rows: rows)]
    }

    private var budgetChanges: [ReportBlock] {
        let rows = report.budgetChanges.flatMap { b in
            b.budgets.map { c in
                [String(b.seq), b.committedAt, b.id ?? w.genesisEntry, w.categories[c.pair.category]!, c.pair.currency,
                 c.previous.map { money($0, c.pair.currency) } ?? "-", money(c.amount, c.pair.currency), b.reason ?? "-"]
            }
        }
        return [.heading(w.budgetChanges), rows.isEmpty ? .paragraph(w.none) : .table(
            header: [w.seq, w.date, w.id, w.category, w.currency, w.previous, w.envelope, w.reason], numeric: [0, 5, 6], rows: rows)]
    }

    private var disclosure: [ReportBlock] {
        let thresholds = report.thresholds.map { money($0.amount, $0.currency) }.joined(separator: ", ")
        let rows = report.disclosures.map { d in
            let b = d.body
            return [String(d.seq), d.committedAt, b.id, b.payeeName, money(b.amount, b.currency), w.categories[b.category]!, b.program,
                    "\(b.municipality) \(place(b.municipality).municipality)", b.purpose, b.valueDate, d.reversedBy ?? "-"]
        }
        return [.heading(w.disclosure), .paragraph(fill(w.thresholdsText, thresholds)), rows.isEmpty ? .paragraph(w.none) : .table(
            header: [w.seq, w.date, w.id, w.payee, w.amount, w.category, w.program, w.municipality, w.purpose, w.valueDate, w.reversedBy],
            numeric: [0, 4], rows: rows)]
    }
}

extension ReportLayout {
    private var commitments: [ReportBlock] {
        let events = report.commitmentEvents.map { e in
            [String(e.seq), e.committedAt, v.events[e.event]!, e.commitment, e.title, e.supplier, money(e.value, e.pair.currency),
             e.previous.map { money($0, e.pair.currency) } ?? "-", e.note.isEmpty ? "-" : e.note]
        }
        let paid = report.commitmentsPaid.map { r in
            let c = r.pair.currency
            return [r.commitment, r.title, r.supplier, money(r.netInQuarter, c), money(r.valueAtEnd, c), money(r.netAtEnd, c),
                    money(r.remainingAtEnd, c), r.terminated ? v.terminatedStatus : v.open]
        }
        return [.heading(v.commitmentEvents), events.isEmpty ? .paragraph(w.none) : .table(
                    header: [w.seq, w.date, v.event, v.commitment, v.title, v.supplier, v.value, v.previous, v.note], numeric: [0, 6, 7], rows: events),
                .heading(v.commitmentsPaid), paid.isEmpty ? .paragraph(w.none) : .table(
                    header: [v.commitment, v.title, v.supplier, v.paidInQuarter, v.valueAtEnd, v.paidAtEnd, v.remainingAtEnd, v.status],
                    numeric: [3, 4, 5, 6], rows: paid)]
    }

    private func scopeText(_ scope: SuspensionScope) -> String {
        let name = "\(v.scopeNames[scope.field]!) \(scope.value)"
        if case .municipality(let code) = scope { return "\(name) \(place(code).municipality)" }
        return name
    }

    private var suspensions: [ReportBlock] {
        let rows = report.suspensions.map { s in
            [scopeText(s.scope), s.id, s.committedAt, v.bases[s.basis]!, s.reason,
             s.resumedAt.map { "\($0) (\(s.resumedBy ?? "-"))" } ?? v.inForce, String(s.days)]
        }
        return [.heading(v.suspensions), rows.isEmpty ? .paragraph(w.none) : .table(
            header: [v.scope, w.id, v.since, v.basis, w.reason, v.resumed, v.days], numeric: [6], rows: rows)]
    }

    private var clock: [ReportBlock] {
        let thresholds = report.thresholds.map { money($0.amount, $0.currency) }.joined(separator: ", ")
        let rows = report.clock.map { c in
            let b = c.body
            return [String(c.seq), b.id, b.title, b.supplierName, money(b.amount, b.currency), b.dateSigned, c.committedAt, String(c.days),
                    c.late ? v.lateWord : v.onTimeWord]
        }
        return [.heading(v.clock), .paragraph(fill(v.clockText, thresholds, AuditReport.disclosureDaysMax, report.clockOnTime, report.clockLate)),
                rows.isEmpty ? .paragraph(w.none) : .table(
                    header: [w.seq, w.id, v.title, v.supplier, w.amount, v.dateSigned, v.entered, v.days, v.status], numeric: [0, 4, 7], rows: rows)]
    }
}

extension ReportLayout {
    /// 1234 basis points as "12.34 %" (the figure is never negative: net spending cannot be).
    static func percent(basisPoints n: Int64) -> String {
        let hundredths = n % 100
        return "\(n / 100).\(hundredths < 10 ? "0" : "")\(hundredths) %"
    }
}
