import LedgerCore
import LedgerStore

/// The open data as CSV (RFC 4180, UTF-8, `\r\n`): disbursements, commitments and suspensions,
/// with a bilingual data dictionary, described as a Frictionless Data Package
/// (`data/datapackage.json`). Each table's columns are declared once (`OpenTable`), and the
/// header, the dictionary and the package schema are all written from that declaration.
enum CSVFiles {
    static func write(_ c: SiteContext, to files: SiteFiles) throws(StoreError) {
        let m = c.model
        /// A table's file, at its declared path: its header, then the rows `rows` writes.
        func table(_ t: OpenTable, _ rows: (inout ByteSink) -> Void) throws(StoreError) {
            try files.stream("data/\(t.path)") { out in
                out.csvRow(t.fields.map(\.name))
                rows(&out)
            }
        }
        try table(.disbursements) { out in
            for p in m.payments {
                let g = m.group(p)
                let name = Municipalities.name(of: g.municipality)
                let reversal = m.reversal(of: p)
                out.csvRow([
                    String(p.seq), p.id, Timestamp.string(unixSeconds: p.committedAt), m.valueDate(p),
                    DecimalAmount.text(p.amount, digits: Currency.minorUnitDigits(g.currency)), String(p.amount), g.currency,
                    g.category.rawValue, g.program, g.municipality, name?.state ?? "", name?.municipality ?? "", m.payee(p), m.purpose(p),
                    m.commitment(of: p)?.body.id ?? "", reversal?.body.id ?? "", reversal.map { String($0.seq) } ?? "", reversal?.committedAt ?? "",
                    c.entryURL(seq: p.seq),
                ])
            }
        }
        try table(.commitments) { out in
            for k in m.commitments {
                let b = k.body
                let r = k.record
                let name = Municipalities.name(of: b.municipality)
                let digits = Currency.minorUnitDigits(b.currency)
                func money(_ v: Int64?) -> String { v.map { DecimalAmount.text($0, digits: digits) } ?? "" }
                let days = AuditReport.disclosureDays(dateSigned: b.dateSigned, committedAt: k.committedAt)
                out.csvRow([
                    String(k.seq), b.id, k.committedAt, b.dateSigned, b.title, b.supplierName, b.procurementMethod.rawValue, b.reference,
                    b.category.rawValue, b.program, b.municipality, name?.state ?? "", name?.municipality ?? "", b.currency,
                    money(b.amount), money(r?.amount), String(k.amendments.count), money(r?.disbursed), money(r?.reversed), money(r?.net),
                    money(r?.remaining), r?.terminatedAt != nil ? "terminated" : "open", String(days),
                    days > AuditReport.disclosureDaysMax ? "true" : "false", c.entryURL(seq: k.seq),
                ])
            }
        }
        try table(.suspensions) { out in
            for s in m.suspensions {
                let b = s.body
                out.csvRow([String(s.seq), b.id, s.committedAt, b.action.rawValue, b.scope.field, b.scope.value,
                            b.basis.rawValue, b.reason, c.entryURL(seq: s.seq)])
            }
        }
        try table(.dictionary) { out in
            for t in OpenTable.all where t.name != OpenTable.dictionary.name {
                for f in t.fields { out.csvRow([t.path, f.name, f.type, f.es, f.en]) }
            }
        }
        try files.put("data/datapackage.json", DataPackage.json(c).bytes)
    }
}
