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
    static func write(_ c: SiteContext, to files: SiteFiles) throws(StoreError) {
        guard let prefix = c.options.ocidPrefix else { return }
        let m = c.model
        let ocds = OCDSParts(context: c, prefix: prefix)
        var releases: [(seq: Int64, at: String, release: OpenJSON, link: OpenJSON)] = []
        var records: [OpenJSON] = []
        for k in m.commitments {
            let b = k.body
            var links: [OpenJSON] = []
            func add(_ seq: Int64, _ at: String, _ tag: String, _ release: OpenJSON) {
                let url = "\(c.options.baseURL)/data/ocds/releases-\(SiteBuilder.quarter(of: at)?.description ?? "").json"
                let link = OpenJSON.object([("url", .string(url)), ("date", .string(at)), ("tag", .array([.string(tag)]))])
                links.append(link)
                releases.append((seq, at, release, link))
            }
            add(k.seq, k.committedAt, "contract", ocds.release(k, id: b.id, date: k.committedAt, tags: ["award", "contract"], contract: ocds.contract(k, status: "active", value: b.amount)))
            var transactions: [(seq: Int64, json: OpenJSON)] = []
            for a in k.amendments {
                let terminated = a.body.amount == 0
                add(a.seq, a.committedAt, terminated ? "contractTermination" : "contractAmendment",
                    ocds.release(k, id: a.body.id, date: a.committedAt, tags: [terminated ? "contractTermination" : "contractAmendment"],
                                 contract: ocds.contract(k, status: terminated ? "terminated" : "active", value: a.body.amount, amendments: [ocds.amendment(a, currency: b.currency)])))
            }
            for i in k.payments {
                let p = m.payments[Int(i)]
                let t = ocds.transaction(p)
                transactions.append((p.seq, t))
                add(p.seq, Timestamp.string(unixSeconds: p.committedAt), "implementation",
                    ocds.release(k, id: p.id, date: Timestamp.string(unixSeconds: p.committedAt), tags: ["implementation"],
                                 contract: ocds.contract(k, status: nil, value: nil, transactions: [t]), payee: m.payee(p)))
                if let r = m.reversal(of: p) {
                    let t = ocds.transaction(r, of: p)
                    transactions.append((r.seq, t))
                    add(r.seq, r.committedAt, "implementationUpdate",
                        ocds.release(k, id: r.body.id, date: r.committedAt, tags: ["implementationUpdate"],
                                     contract: ocds.contract(k, status: nil, value: nil, transactions: [t]), payee: m.payee(p)))
                }
            }
            let record = k.record
            let latest = ([k.committedAt] + k.amendments.map(\.committedAt) + k.payments.map { Timestamp.string(unixSeconds: m.payments[Int($0)].committedAt) }
                          + k.payments.compactMap { m.reversal(of: m.payments[Int($0)])?.committedAt }).max { $0.utf8.lexicographicallyPrecedes($1.utf8) }!
            let payees = k.payments.map { m.payee(m.payments[Int($0)]) }
            let compiled = ocds.release(k, id: "\(ocds.ocid(k))-compiled", date: latest, tags: ["compiled"],
                                        contract: ocds.contract(k, status: record?.terminatedAt != nil ? "terminated" : "active", value: record?.amount ?? b.amount,
                                                                amendments: k.amendments.map { ocds.amendment($0, currency: b.currency) },
                                                                transactions: transactions.sorted { $0.seq < $1.seq }.map(\.json)),
                                        payees: payees)
            records.append(.object([("ocid", .string(ocds.ocid(k))), ("releases", .array(links)), ("compiledRelease", compiled)]))
        }
        releases.sort { $0.seq < $1.seq }
        var quarters: [(String, [OpenJSON], String)] = []
        for r in releases {
            let q = SiteBuilder.quarter(of: r.at)?.description ?? ""
            if quarters.last?.0 == q { quarters[quarters.count - 1].1.append(r.release); quarters[quarters.count - 1].2 = r.at } else { quarters.append((q, [r.release], r.at)) }
        }
        for (q, list, last) in quarters {
            let name = "releases-\(q).json"
            try files.put("data/ocds/\(name)", ocds.package(name: name, published: last, member: "releases", list).bytes)
        }
        try files.put("data/ocds/records.json", ocds.package(name: "records.json", published: c.lastCommittedAt, member: "records", records,
                                                             packages: quarters.map { "\(c.options.baseURL)/data/ocds/releases-\($0.0).json" }).bytes)
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

    func package(name: String, published: String, member: String, _ items: [OpenJSON], packages: [String]? = nil) -> OpenJSON {
        var members: [(String, OpenJSON)] = [
            ("uri", .string("\(baseURL)/data/ocds/\(name)")), ("version", .string("1.1")), ("publishedDate", .string(published)),
            ("publisher", .object([("name", .string(context.title))])),
            ("license", .string("https://creativecommons.org/licenses/by/4.0/")),
            ("publicationPolicy", .string("\(baseURL)/downloads.html")),
        ]
        if let packages { members.append(("packages", .array(packages.map { .string($0) }))) }
        members.append((member, .array(items)))
        return .object(members)
    }
}
