import LedgerCore
import LedgerStore

/// `data/iati/activities.xml`: IATI 2.03, one activity per programme. Its transactions, in
/// ledger order: type 2 (outgoing commitment) for each commitment signed and, for each
/// amendment, the change in value (negative when it lowers or terminates the contract); type 3
/// (disbursement) for each payment, and for each reversal the reversed amount as a negative
/// correction. So the type-2 sum is the programme's committed value now, and the type-3 sum its
/// net disbursed. Streamed: a million transactions never sit in memory as text.
enum IATIFile {
    /// A transaction to write: which commitment, amendment, payment or reversal.
    private enum Item {
        case commitment(Int32)
        case amendment(Int32, Int32)
        case payment(Int32)
        case reversal(Int32)
    }

    static func write(_ c: SiteContext, to files: SiteFiles) throws(StoreError) {
        let m = c.model
        var byProgram: [String: [(seq: Int64, item: Item)]] = [:]
        for (i, k) in m.commitments.enumerated() {
            byProgram[k.body.program, default: []].append((k.seq, .commitment(Int32(i))))
            for (j, a) in k.amendments.enumerated() { byProgram[k.body.program, default: []].append((a.seq, .amendment(Int32(i), Int32(j)))) }
        }
        for (i, p) in m.payments.enumerated() {
            byProgram[m.group(p).program, default: []].append((p.seq, .payment(Int32(i))))
            if let r = m.reversal(of: p) { byProgram[m.group(p).program, default: []].append((r.seq, .reversal(Int32(i)))) }
        }
        let org = c.options.iatiOrganisation
        let fund = XMLText.escaped(c.title)
        let ledger = XMLText.escaped(c.ledgerID)
        let provider = "      <provider-org ref=\"\(org)\" type=\"10\"><narrative>\(fund)</narrative></provider-org>\n"
        func date(_ item: Item) -> String {
            switch item {
            case .commitment(let i): return String(m.commitments[Int(i)].committedAt.prefix(10))
            case .amendment(let i, let j): return String(m.commitments[Int(i)].amendments[Int(j)].committedAt.prefix(10))
            case .payment(let i): return m.valueDate(m.payments[Int(i)])
            case .reversal(let i): return String(m.reversal(of: m.payments[Int(i)])!.committedAt.prefix(10))
            }
        }
        func transaction(_ item: Item, into out: inout ByteSink) {
            let (ref, type, minor, currency, text, receiver): (String, Int, Int64, String, String, String)
            switch item {
            case .commitment(let i):
                let b = m.commitments[Int(i)].body
                (ref, type, minor, currency, text, receiver) = (b.id, 2, b.amount, b.currency, "Compromiso / Commitment \(b.id): \(b.title)", b.supplierName)
            case .amendment(let i, let j):
                let k = m.commitments[Int(i)]
                let a = k.amendments[Int(j)]
                (ref, type, minor, currency, text, receiver) = (a.body.id, 2, a.body.amount - a.previous, k.body.currency,
                                                                "Convenio modificatorio / Amendment \(a.body.id) (\(k.body.id)): \(a.body.reason)", k.body.supplierName)
            case .payment(let i):
                let p = m.payments[Int(i)]
                (ref, type, minor, currency, text, receiver) = (p.id, 3, p.amount, m.group(p).currency, "Desembolso / Disbursement \(p.id): \(m.purpose(p))", m.payee(p))
            case .reversal(let i):
                let p = m.payments[Int(i)]
                let r = m.reversal(of: p)!
                (ref, type, minor, currency, text, receiver) = (r.body.id, 3, -r.amount, m.group(p).currency,
                                                                "Reverso / Reversal \(r.body.id) de / of \(p.id): \(r.body.reason)", m.payee(p))
            }
            let d = date(item)
            // Appended piece by piece: a million of these are written.
            out.append("    <transaction ref=\"")
            out.append(XMLText.escaped(ref))
            out.append("\">\n      <transaction-type code=\"\(type)\"/>\n      <transaction-date iso-date=\"")
            out.append(d)
            out.append("\"/>\n      <value currency=\"")
            out.append(currency)
            out.append("\" value-date=\"")
            out.append(d)
            out.append("\">")
            out.append(DecimalAmount.text(minor, digits: Currency.minorUnitDigits(currency)))
            out.append("</value>\n      <description><narrative>")
            out.append(XMLText.escaped(text))
            out.append("</narrative></description>\n")
            out.append(provider)
            out.append("      <receiver-org><narrative>")
            out.append(XMLText.escaped(receiver))
            out.append("</narrative></receiver-org>\n    </transaction>\n")
        }
        try files.stream("data/iati/activities.xml") { out in
            out.append("""
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- \(fund): IATI 2.03 activities, one per programme, from ledger \(ledger) up to entry \(c.state.size - 1). -->
            <iati-activities version="2.03" generated-datetime="\(c.lastCommittedAt)">

            """)
            for program in byProgram.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                let items = byProgram[program]!.sorted { $0.seq < $1.seq }
                let start = items.lazy.map { date($0.item) }.min { $0.utf8.lexicographicallyPrecedes($1.utf8) } ?? "1970-01-01"
                let p = XMLText.escaped(program)
                out.append("""
                  <iati-activity last-updated-datetime="\(c.lastCommittedAt)" xml:lang="es">
                    <iati-identifier>\(org)-\(ledger)-\(p)</iati-identifier>
                    <reporting-org ref="\(org)" type="10"><narrative>\(fund)</narrative></reporting-org>
                    <title><narrative>Programa \(p)</narrative><narrative xml:lang="en">Programme \(p)</narrative></title>
                    <description type="1"><narrative>Pagos del programa \(p) registrados en el libro mayor \(ledger), cada uno con la aprobación de SHCP y USAID.</narrative><narrative xml:lang="en">Payments of programme \(p) recorded in ledger \(ledger), each approved by SHCP and USAID.</narrative></description>
                    <participating-org ref="\(org)" type="10" role="1"><narrative>\(fund)</narrative></participating-org>
                    <activity-status code="2"/>
                    <activity-date type="2" iso-date="\(start)"/>
                    <recipient-country code="MX" percentage="100"/>

                """)
                for t in items { transaction(t.item, into: &out) }
                out.append("  </iati-activity>\n")
            }
            out.append("</iati-activities>\n")
        }
    }
}
