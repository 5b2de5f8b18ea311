import LedgerCore
import LedgerStore

/// `data/iati/activities.xml`: IATI 2.03, one activity per programme. Its transactions, in
/// ledger order: type 2 (outgoing commitment) for each commitment signed and, for each
/// amendment, the change in value (negative when it lowers or terminates the contract); type 3
/// (disbursement) for each payment, and for each reversal the reversed amount as a negative
/// correction. So the type-2 sum is the programme's committed value now, and the type-3 sum its
/// net disbursed.
enum IATIFile {
    static func write(_ c: SiteContext, to files: SiteFiles) throws(StoreError) {
        let m = c.model
        var byProgram: [String: [(seq: Int64, date: String, xml: String)]] = [:]
        var order: [String] = []
        func add(_ program: String, _ seq: Int64, _ t: (date: String, xml: String)) {
            if byProgram[program] == nil { order.append(program) }
            byProgram[program, default: []].append((seq, t.date, t.xml))
        }
        let org = c.options.iatiOrganisation
        let fund = XMLText.escaped(c.title)
        func transaction(ref: String, type: Int, date: String, minor: Int64, currency: String, text: String, receiver: String) -> (date: String, xml: String) {
            let value = DecimalAmount.text(minor, digits: Currency.minorUnitDigits(currency))
            return (date, """
                <transaction ref="\(XMLText.escaped(ref))">
                  <transaction-type code="\(type)"/>
                  <transaction-date iso-date="\(date)"/>
                  <value currency="\(currency)" value-date="\(date)">\(value)</value>
                  <description><narrative>\(XMLText.escaped(text))</narrative></description>
                  <provider-org ref="\(org)" type="10"><narrative>\(fund)</narrative></provider-org>
                  <receiver-org><narrative>\(XMLText.escaped(receiver))</narrative></receiver-org>
                </transaction>

            """)
        }
        for k in m.commitments {
            let b = k.body
            add(b.program, k.seq, transaction(ref: b.id, type: 2, date: String(k.committedAt.prefix(10)), minor: b.amount, currency: b.currency,
                                              text: "Compromiso / Commitment \(b.id): \(b.title)", receiver: b.supplierName))
            for a in k.amendments {
                add(b.program, a.seq, transaction(ref: a.body.id, type: 2, date: String(a.committedAt.prefix(10)), minor: a.body.amount - a.previous,
                                                  currency: b.currency, text: "Convenio modificatorio / Amendment \(a.body.id) (\(b.id)): \(a.body.reason)",
                                                  receiver: b.supplierName))
            }
        }
        for p in m.payments {
            let g = m.group(p)
            add(g.program, p.seq, transaction(ref: p.id, type: 3, date: m.valueDate(p), minor: p.amount, currency: g.currency,
                                              text: "Desembolso / Disbursement \(p.id): \(m.purpose(p))", receiver: m.payee(p)))
            if let r = m.reversal(of: p) {
                add(g.program, r.seq, transaction(ref: r.body.id, type: 3, date: String(r.committedAt.prefix(10)), minor: -r.amount, currency: g.currency,
                                                  text: "Reverso / Reversal \(r.body.id) de / of \(p.id): \(r.body.reason)", receiver: m.payee(p)))
            }
        }
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- \(XMLText.escaped(c.title)): IATI 2.03 activities, one per programme, from ledger \(XMLText.escaped(c.ledgerID)) up to entry \(c.state.size - 1). -->
        <iati-activities version="2.03" generated-datetime="\(c.lastCommittedAt)">

        """
        for program in order.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            let transactions = byProgram[program]!.sorted { $0.seq < $1.seq }
            let start = transactions.map(\.date).min { $0.utf8.lexicographicallyPrecedes($1.utf8) } ?? "1970-01-01"
            let p = XMLText.escaped(program)
            out += """
              <iati-activity last-updated-datetime="\(c.lastCommittedAt)" xml:lang="es">
                <iati-identifier>\(org)-\(XMLText.escaped(c.ledgerID))-\(p)</iati-identifier>
                <reporting-org ref="\(org)" type="10"><narrative>\(fund)</narrative></reporting-org>
                <title><narrative>Programa \(p)</narrative><narrative xml:lang="en">Programme \(p)</narrative></title>
                <description type="1"><narrative>Pagos del programa \(p) registrados en el libro mayor \(XMLText.escaped(c.ledgerID)), cada uno con la aprobación de SHCP y USAID.</narrative><narrative xml:lang="en">Payments of programme \(p) recorded in ledger \(XMLText.escaped(c.ledgerID)), each approved by SHCP and USAID.</narrative></description>
                <participating-org ref="\(org)" type="10" role="1"><narrative>\(fund)</narrative></participating-org>
                <activity-status code="2"/>
                <activity-date type="2" iso-date="\(start)"/>
                <recipient-country code="MX" percentage="100"/>

            """
            for t in transactions { out += t.xml }
            out += "  </iati-activity>\n"
        }
        out += "</iati-activities>\n"
        try files.put("data/iati/activities.xml", out)
    }
}
