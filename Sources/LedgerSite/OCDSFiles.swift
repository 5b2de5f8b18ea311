import LedgerCore
import LedgerStore

/// OCDS 1.1.5 in `data/ocds/`: a release per commitment event (signed: tags award and
/// contract; amended: contractAmendment; terminated: contractTermination) and per payment under
/// a commitment (implementation: one transaction, id = disbursement id, date = value date,
/// `uri` = the payment's verified page); a reversal of such a payment is an implementationUpdate
/// whose transaction has the negative amount. Release packages per quarter of `committed_at`
/// (`releases-2026Q4.json`), and `records.json`: per contract, its releases linked by URL and
/// a compiled release with the value, status, amendments and transactions now.
///
/// ocid = `<prefix>-<ledger id>-<commitment id>`; release id = the ledger entry's id.
enum OCDSFiles {
    /// A release to write: a commitment signed, amended, a payment under it, or its reversal.
    private enum Event {
        case signed(Int32)
        case amended(Int32, Int32)
        case paid(Int32, Int32)
        case reversed(Int32, Int32)
    }

    static func write(_ c: SiteContext, to files: SiteFiles) throws(StoreError) {
        guard let prefix = c.options.ocidPrefix else { return }
        let m = c.model
        let ocds = OCDSParts(context: c, prefix: prefix)
        var events: [(seq: Int64, at: String, event: Event)] = []
        for (i, k) in m.commitments.enumerated() {
            events.append((k.seq, k.committedAt, .signed(Int32(i))))
            for (j, a) in k.amendments.enumerated() { events.append((a.seq, a.committedAt, .amended(Int32(i), Int32(j)))) }
            for p in k.payments {
                let payment = m.payments[Int(p)]
                events.append((payment.seq, Timestamp.string(unixSeconds: payment.committedAt), .paid(Int32(i), p)))
                if let r = m.reversal(of: payment) { events.append((r.seq, r.committedAt, .reversed(Int32(i), p))) }
            }
        }
        events.sort { $0.seq < $1.seq }
        /// The release's tags; a linked release (in a record) names the last of them.
        func tags(_ e: Event) -> [String] {
            switch e {
            case .signed: return ["award", "contract"]
            case .amended(let i, let j): return [m.commitments[Int(i)].amendments[Int(j)].body.amount == 0 ? "contractTermination" : "contractAmendment"]
            case .paid: return ["implementation"]
            case .reversed: return ["implementationUpdate"]
            }
        }
        func release(_ e: Event, at: String) -> OpenJSON {
            switch e {
            case .signed(let i):
                let k = m.commitments[Int(i)]
                return ocds.release(k, id: k.body.id, date: at, tags: tags(e), contract: ocds.contract(k, status: "active", value: k.body.amount))
            case .amended(let i, let j):
                let k = m.commitments[Int(i)]
                let a = k.amendments[Int(j)]
                let terminated = a.body.amount == 0
                return ocds.release(k, id: a.body.id, date: at, tags: tags(e),
                                    contract: ocds.contract(k, status: terminated ? "terminated" : "active", value: a.body.amount,
                                                            amendments: [ocds.amendment(a, currency: k.body.currency)]))
            case .paid(let i, let p):
                let payment = m.payments[Int(p)]
                return ocds.release(m.commitments[Int(i)], id: payment.id, date: at, tags: tags(e),
                                    contract: ocds.contract(m.commitments[Int(i)], status: nil, value: nil, transactions: [ocds.transaction(payment)]),
                                    payee: m.payee(payment))
            case .reversed(let i, let p):
                let payment = m.payments[Int(p)]
                let r = m.reversal(of: payment)!
                return ocds.release(m.commitments[Int(i)], id: r.body.id, date: at, tags: tags(e),
                                    contract: ocds.contract(m.commitments[Int(i)], status: nil, value: nil, transactions: [ocds.transaction(r, of: payment)]),
                                    payee: m.payee(payment))
            }
        }
        // Release packages, one per quarter of committed_at, each streamed release by release.
        var quarters: [String] = []
        var i = 0
        while i < events.count {
            let q = Quarter(containing: events[i].at)?.description ?? ""
            var end = i
            while end < events.count && (Quarter(containing: events[end].at)?.description ?? "") == q { end += 1 }
            let name = "releases-\(q).json"
            let group = events[i..<end]
            try files.stream("data/ocds/\(name)") { out in
                ocds.packageHead(name: name, published: group.last!.at, member: "releases", into: &out)
                for (n, e) in group.enumerated() {
                    if n > 0 { out.byte(0x2C) }
                    out.byte(0x0A)
                    out.element(release(e.event, at: e.at))
                }
                out.append("\n]\n}\n")
            }
            quarters.append(q)
            i = end
        }
        // Records: per contract, its releases linked by URL and a compiled release.
        var byCommitment: [[(seq: Int64, at: String, event: Event)]] = Array(repeating: [], count: m.commitments.count)
        for e in events {
            switch e.event {
            case .signed(let k), .amended(let k, _), .paid(let k, _), .reversed(let k, _): byCommitment[Int(k)].append(e)
            }
        }
        try files.stream("data/ocds/records.json") { out in
            ocds.packageHead(name: "records.json", published: c.lastCommittedAt, member: "records",
                             packages: quarters.map { "\(c.options.baseURL)/data/ocds/releases-\($0).json" }, into: &out)
            for (n, k) in m.commitments.enumerated() {
                let list = byCommitment[n]
                let links: [OpenJSON] = list.map { e in
                    .object([("url", .string("\(c.options.baseURL)/data/ocds/releases-\(Quarter(containing: e.at)?.description ?? "").json")),
                             ("date", .string(e.at)), ("tag", .array([.string(tags(e.event).last!)]))])
                }
                var transactions: [OpenJSON] = []
                var payees: [String] = []
                for e in list {
                    switch e.event {
                    case .paid(_, let p):
                        transactions.append(ocds.transaction(m.payments[Int(p)]))
                        payees.append(m.payee(m.payments[Int(p)]))
                    case .reversed(_, let p): transactions.append(ocds.transaction(m.reversal(of: m.payments[Int(p)])!, of: m.payments[Int(p)]))
                    case .signed, .amended: break
                    }
                }
                let record = k.record
                let compiled = ocds.release(k, id: "\(ocds.ocid(k))-compiled", date: list.last?.at ?? k.committedAt, tags: ["compiled"],
                                            contract: ocds.contract(k, status: record?.terminatedAt != nil ? "terminated" : "active", value: record?.amount ?? k.body.amount,
                                                                    amendments: k.amendments.map { ocds.amendment($0, currency: k.body.currency) },
                                                                    transactions: transactions),
                                            payees: payees)
                if n > 0 { out.byte(0x2C) }
                out.byte(0x0A)
                out.element(.object([("ocid", .string(ocds.ocid(k))), ("releases", .array(links)), ("compiledRelease", compiled)]))
            }
            out.append("\n]\n}\n")
        }
    }
}

/// The pieces of OCDS releases: parties, contract, transactions, package.
struct OCDSParts {
    let context: SiteContext
    let prefix: String
    var baseURL: String { context.options.baseURL }
    var fundID: String { "JHF-\(context.ledgerID)" }

    func ocid(_ k: SiteModel.Commitment) -> String { "\(prefix)-\(context.ledgerID)-\(k.body.id)" }

    /// A party id from a name (OCDS ids are local to the release; the names carry no tax ids here).
    func partyID(_ name: String) -> String { "JHF-PARTY-" + Hash.sha256(Array(name.utf8)).hex.prefix(16) }

    func party(_ name: String, roles: [String]) -> OpenJSON {
        .object([("id", .string(partyID(name))), ("name", .string(name)), ("roles", .array(roles.map { .string($0) }))])
    }

    func release(_ k: SiteModel.Commitment, id: String, date: String, tags: [String], contract: OpenJSON, payee: String? = nil, payees: [String] = []) -> OpenJSON {
        let b = k.body
        var parties: [OpenJSON] = [.object([("id", .string(fundID)), ("name", .string(context.title)), ("roles", .array([.string("buyer"), .string("procuringEntity"), .string("payer")]))])]
        var names = [b.supplierName]
        for p in [payee].compactMap({ $0 }) + payees where !names.contains(where: { $0.sameUTF8(p) }) { names.append(p) }
        for (i, name) in names.enumerated() {
            let isSupplier = i == 0
            let paid = name.sameUTF8(payee ?? "") || payees.contains { $0.sameUTF8(name) }
            parties.append(party(name, roles: (isSupplier ? ["supplier"] : []) + (paid ? ["payee"] : [])))
        }
        var members: [(String, OpenJSON)] = [
            ("ocid", .string(ocid(k))), ("id", .string(id)), ("date", .string(date)), ("tag", .array(tags.map { .string($0) })),
            ("initiationType", .string("tender")), ("language", .string("es")), ("parties", .array(parties)),
            ("buyer", .object([("id", .string(fundID)), ("name", .string(context.title))])),
        ]
        if tags.contains("award") || tags.contains("compiled") {
            members.append(("tender", .object([("id", .string("\(b.id)-tender")), ("procurementMethod", .string(b.procurementMethod.rawValue)),
                                               ("procurementMethodDetails", .string(b.reference))])))
            members.append(("awards", .array([.object([
                ("id", .string("\(b.id)-award")), ("status", .string("active")), ("date", .string(b.dateSigned + "T00:00:00Z")),
                ("value", .value(b.amount, currency: b.currency)),
                ("suppliers", .array([.object([("id", .string(partyID(b.supplierName))), ("name", .string(b.supplierName))])])),
            ])])))
        }
        members.append(("contracts", .array([contract])))
        return .object(members)
    }

    func contract(_ k: SiteModel.Commitment, status: String?, value: Int64?, amendments: [OpenJSON] = [], transactions: [OpenJSON]? = nil) -> OpenJSON {
        let b = k.body
        let place = Municipalities.name(of: b.municipality).map { "\($0.municipality), \($0.state)" } ?? b.municipality
        var members: [(String, OpenJSON)] = [("id", .string(b.id)), ("awardID", .string("\(b.id)-award"))]
        if status != nil || value != nil {
            members += [("title", .string(b.title)),
                        ("description", .string("Programa / programme \(b.program); municipio / municipality \(b.municipality) (\(place)); \(b.category.rawValue)"))]
        }
        if let status { members.append(("status", .string(status))) }
        if let value { members.append(("value", .value(value, currency: b.currency))) }
        if status != nil && value != nil { members.append(("dateSigned", .string(b.dateSigned + "T00:00:00Z"))) }
        if !amendments.isEmpty { members.append(("amendments", .array(amendments))) }
        if let transactions { members.append(("implementation", .object([("transactions", .array(transactions))]))) }
        return .object(members)
    }

    func amendment(_ a: SiteModel.Amendment, currency: String) -> OpenJSON {
        let digits = Currency.minorUnitDigits(currency)
        return .object([("id", .string(a.body.id)), ("date", .string(a.committedAt)), ("rationale", .string(a.body.reason)),
                 ("description", .string(a.body.amount == 0 ? "Terminación / termination" : "Valor / value \(DecimalAmount.text(a.previous, digits: digits)) → \(DecimalAmount.text(a.body.amount, digits: digits)) \(currency)"))])
    }

    func transaction(_ p: SiteModel.Payment) -> OpenJSON {
        let m = context.model
        let g = m.group(p)
        return .object([
            ("id", .string(p.id)), ("source", .string(context.entryURL(seq: p.seq))), ("date", .string(m.valueDate(p) + "T00:00:00Z")),
            ("value", .value(p.amount, currency: g.currency)),
            ("payer", .object([("id", .string(fundID)), ("name", .string(context.title))])),
            ("payee", .object([("id", .string(partyID(m.payee(p)))), ("name", .string(m.payee(p)))])),
            ("uri", .string(context.entryURL(seq: p.seq))),
        ])
    }

    func transaction(_ r: SiteModel.Reversal, of p: SiteModel.Payment) -> OpenJSON {
        let m = context.model
        return .object([
            ("id", .string(r.body.id)), ("source", .string(context.entryURL(seq: r.seq))), ("date", .string(r.committedAt)),
            ("value", .value(-r.amount, currency: m.group(p).currency)),
            ("payer", .object([("id", .string(fundID)), ("name", .string(context.title))])),
            ("payee", .object([("id", .string(partyID(m.payee(p)))), ("name", .string(m.payee(p)))])),
            ("uri", .string(context.entryURL(seq: r.seq))),
        ])
    }

    /// A package up to the opening of its `releases` or `records` array (the members OpenJSON
    /// would write first, one per line); the caller streams the items and closes it.
    func packageHead(name: String, published: String, member: String, packages: [String]? = nil, into out: inout ByteSink) {
        var members: [(String, OpenJSON)] = [
            ("uri", .string("\(baseURL)/data/ocds/\(name)")), ("version", .string("1.1")), ("publishedDate", .string(published)),
            ("publisher", .object([("name", .string(context.title))])),
            ("license", .string("https://creativecommons.org/licenses/by/4.0/")),
            ("publicationPolicy", .string("\(baseURL)/#/es/downloads")),
        ]
        if let packages { members.append(("packages", .array(packages.map { .string($0) }))) }
        out.byte(0x7B)
        for (k, v) in members {
            out.append("\n")
            out.json(k)
            out.byte(0x3A)
            var bytes: [UInt8] = []
            v.write(into: &bytes, depth: 1)
            out.append(bytes)
            out.byte(0x2C)
        }
        out.append("\n")
        out.json(member)
        out.append(":[")
    }
}
