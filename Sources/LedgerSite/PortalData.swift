import LedgerCore
import LedgerStore

/// The JSON the portal's pages read, in `data/site/`. None of it is trusted by the pages for
/// what they call verified: it says where to look (which seq), and each entry shown as
/// verified is fetched from the tiles and checked in the browser.
///
/// - `ledger.json` (written last): the size, root and checkpoint the data describes, the
///   quarters with reports, municipalities and programmes with payments, active suspensions,
///   and how many payment pages there are.
/// - `payments/page-<n>.json`: payments in ledger order, `Limits.sitePaymentsPerPage` each;
///   `payments/municipality/<code>/page-<n>.json`: one municipality's, paged the same way.
/// - `contracts.json`, `changes.json` (suspensions, reversals, key changes).
enum PortalData {
    static let paymentFields = ["seq", "id", "committed_at", "value_date", "amount", "currency", "category", "program", "municipality",
                                "payee", "purpose", "commitment", "reversed_by", "reversal_seq"]

    /// The payment tables: pages of all payments, and of each municipality's.
    static func writePayments(_ c: SiteContext, to files: SiteFiles) throws(StoreError) {
        let m = c.model
        // `{"fields":[…],"rows":[[…],…]}`, each row written straight into the stream.
        func table(_ path: String, _ rows: some Sequence<Int>) throws(StoreError) {
            try files.stream(path) { out in
                out.append(Array(#"{"fields":["#.utf8))
                for (i, f) in paymentFields.enumerated() {
                    if i > 0 { out.byte(0x2C) }
                    out.json(f)
                }
                out.append(Array(#"],"rows":["#.utf8))
                var first = true
                for i in rows {
                    if !first { out.byte(0x2C) }
                    first = false
                    row(m.payments[i], into: &out)
                }
                out.append(Array("]}\n".utf8))
            }
        }
        func row(_ p: SiteModel.Payment, into out: inout ByteSink) {
            let g = m.group(p)
            let r = m.reversal(of: p)
            out.byte(0x5B)
            out.json(p.seq); out.byte(0x2C)
            out.json(p.id); out.byte(0x2C)
            out.json(Timestamp.string(unixSeconds: p.committedAt)); out.byte(0x2C)
            out.json(m.valueDate(p)); out.byte(0x2C)
            out.json(p.amount); out.byte(0x2C)
            out.json(g.currency); out.byte(0x2C)
            out.json(g.category.rawValue); out.byte(0x2C)
            out.json(g.program); out.byte(0x2C)
            out.json(g.municipality); out.byte(0x2C)
            out.json(m.payee(p)); out.byte(0x2C)
            out.json(m.purpose(p)); out.byte(0x2C)
            if let k = m.commitment(of: p) { out.json(k.body.id) } else { out.append(Array("null".utf8)) }
            out.byte(0x2C)
            if let r { out.json(r.body.id); out.byte(0x2C); out.json(r.seq) } else { out.append(Array("null,null".utf8)) }
            out.byte(0x5D)
            out.flushIfFull()
        }
        let perPage = Limits.sitePaymentsPerPage
        for (page, start) in stride(from: 0, to: m.payments.count, by: perPage).enumerated() {
            try table("data/site/payments/page-\(page).json", start..<min(m.payments.count, start + perPage))
        }
        let byMunicipality = m.paymentsByMunicipality
        let codes = byMunicipality.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        // A municipality's payments in pages too: one may hold a large share of the fund's.
        for code in codes {
            let rows = byMunicipality[code]!
            for (n, start) in stride(from: 0, to: rows.count, by: perPage).enumerated() {
                try table("data/site/payments/municipality/\(code)/page-\(n).json", rows[start..<min(rows.count, start + perPage)].lazy.map { Int($0) })
            }
        }
    }

    /// Contracts, changes and, last, the index that names what the data describes.
    static func write(_ c: SiteContext, to files: SiteFiles) throws(StoreError) {
        let m = c.model
        let perPage = Limits.sitePaymentsPerPage
        let pages = (m.payments.count + perPage - 1) / perPage
        let byMunicipality = m.paymentsByMunicipality
        let codes = byMunicipality.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        try files.put("data/site/contracts.json", JSONValue.array(m.commitments.map { contract($0, c) }).canonicalBytes + [0x0A])
        try files.put("data/site/changes.json", changes(c).canonicalBytes + [0x0A])

        var programs: [String: Int64] = [:]
        for p in m.payments { programs[m.group(p).program, default: 0] += 1 }
        let active = c.state.book.active.values.sorted { $0.seq < $1.seq }
        let index: JSONValue = .object([
            "site": .string("jhf-portal"), "version": .integer(1),
            "ledger_id": .string(c.ledgerID), "title": .string(c.title), "size": .integer(c.state.size),
            "root": .string(c.verification.root.hex), "genesis_hash": .string(c.state.genesisHash?.hex ?? ""),
            "head_hash": .string(c.state.headHash.hex), "last_committed_at": .string(c.lastCommittedAt),
            "checkpoint": .string(String(decoding: c.checkpoint, as: UTF8.self)),
            "currencies": .array(c.state.currencies.map { .string($0) }),
            "quarters": .array(c.reports.map { .string($0.quarter.description) }),
            "payments": .integer(Int64(m.payments.count)), "payment_pages": .integer(Int64(pages)), "payments_per_page": .integer(Int64(perPage)),
            "contracts": .integer(Int64(m.commitments.count)),
            "municipalities": .array(codes.map { code in
                let n = Municipalities.name(of: code)
                return .object(["code": .string(code), "state_name": n.map { .string($0.state) } ?? .null,
                                "municipality_name": n.map { .string($0.municipality) } ?? .null, "payments": .integer(Int64(byMunicipality[code]!.count)),
                                "pages": .integer(Int64((byMunicipality[code]!.count + perPage - 1) / perPage))])
            }),
            "programs": .array(programs.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { .object(["program": .string($0), "payments": .integer(programs[$0]!)]) }),
            "active_suspensions": .array(active.map { s in
                .object(["id": .string(s.id), "seq": .integer(s.seq), "scope": s.scope.json, "basis": .string(s.basis.rawValue)])
            }),
            "ocds": .bool(c.options.ocidPrefix != nil),
        ])
        try files.put("data/site/ledger.json", index.canonicalBytes + [0x0A])
    }

    static func contract(_ k: SiteModel.Commitment, _ c: SiteContext) -> JSONValue {
        let b = k.body
        let r = k.record
        let days = AuditReport.disclosureDays(dateSigned: b.dateSigned, committedAt: k.committedAt)
        let n = Municipalities.name(of: b.municipality)
        return .object([
            "seq": .integer(k.seq), "id": .string(b.id), "committed_at": .string(k.committedAt), "date_signed": .string(b.dateSigned),
            "title": .string(b.title), "supplier": .string(b.supplierName), "procurement_method": .string(b.procurementMethod.rawValue),
            "reference": .string(b.reference), "category": .string(b.category.rawValue), "program": .string(b.program),
            "municipality": .string(b.municipality), "state_name": n.map { .string($0.state) } ?? .null,
            "municipality_name": n.map { .string($0.municipality) } ?? .null, "currency": .string(b.currency),
            "original_value": .integer(b.amount), "value": .integer(r?.amount ?? b.amount),
            "amendments": .array(k.amendments.map { a in
                .object(["seq": .integer(a.seq), "id": .string(a.body.id), "committed_at": .string(a.committedAt), "amount": .integer(a.body.amount),
                         "previous": .integer(a.previous), "reason": .string(a.body.reason)])
            }),
            "disbursed": .integer(r?.disbursed ?? 0), "reversed": .integer(r?.reversed ?? 0), "paid": .integer(r?.net ?? 0),
            "remaining": .integer(r?.remaining ?? b.amount), "terminated": .bool(r?.terminatedAt != nil),
            "payments": .integer(Int64(k.payments.count)),
            "disclosure_days": .integer(days), "late": .bool(days > AuditReport.disclosureDaysMax),
            "at_or_above_threshold": .bool(c.options.thresholds[b.currency].map { b.amount >= $0 } ?? false),
        ])
    }

    static func changes(_ c: SiteContext) -> JSONValue {
        let m = c.model
        return .object([
            "suspensions": .array(m.suspensions.map { s in
                .object(["seq": .integer(s.seq), "id": .string(s.body.id), "committed_at": .string(s.committedAt), "action": .string(s.body.action.rawValue),
                         "scope": s.body.scope.json, "basis": .string(s.body.basis.rawValue), "reason": .string(s.body.reason)])
            }),
            "reversals": .array(m.reversals.map { r in
                let p = m.payments[Int(r.payment)]
                return .object(["seq": .integer(r.seq), "id": .string(r.body.id), "committed_at": .string(r.committedAt), "reverses": .string(r.body.reverses),
                                "reverses_seq": .integer(p.seq), "amount": .integer(r.amount), "currency": .string(m.group(p).currency),
                                "reason": .string(r.body.reason)])
            }),
            "key_changes": .array(m.keyChanges.map { k in
                .object(["seq": .integer(k.seq), "committed_at": .string(k.committedAt), "id": k.id.map { .string($0) } ?? .null,
                         "added": .array(k.added.map(\.json)), "revoked": .array(k.revoked.map { .string($0) }),
                         "reason": k.reason.map { .string($0) } ?? .null])
            }),
        ])
    }
}
