/// Writes ISO 20022 customer credit transfer initiations (pain.001.001.03).
///
/// One payment information block per currency, one transaction per order, no batch
/// booking (so each order is booked, and reported back, on its own with its EndToEndId).
/// Accounts are CLABEs as proprietary `Othr` identifiers; the agents are named by the
/// CLABE's three-digit bank code as clearing-system member id.
public enum Pain001 {
    public static let namespace = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"

    /// The document's bytes (UTF-8), or an error naming what does not fit the format.
    public static func document(_ header: PaymentFileHeader, orders: [PaymentOrder]) throws(LedgerError) -> [UInt8] {
        guard !orders.isEmpty, orders.count <= Limits.paymentOrdersMax else {
            throw LedgerError(.argument, field: "orders", "a payment file holds 1 to \(Limits.paymentOrdersMax) transactions, got \(orders.count)")
        }
        let currencies = Array(Set(orders.map(\.currency))).sorted()
        var blocks: [String] = []
        var total: (sum: Int64, digits: Int)? = nil
        for currency in currencies {
            let group = orders.filter { $0.currency == currency }
            let digits = Currency.minorUnitDigits(currency)
            let sum = try controlSum(group.map(\.amount), field: "CtrlSum of \(currency)")
            if currencies.count == 1 { total = (sum, digits) }
            var x = """
                <PmtInf>
                  <PmtInfId>\(XMLText.escaped(header.messageID))-\(currency)</PmtInfId>
                  <PmtMtd>TRF</PmtMtd>
                  <BtchBookg>false</BtchBookg>
                  <NbOfTxs>\(group.count)</NbOfTxs>
                  <CtrlSum>\(DecimalAmount.text(sum, digits: digits))</CtrlSum>
                  <ReqdExctnDt>\(header.executionDate)</ReqdExctnDt>
                  <Dbtr><Nm>\(XMLText.escaped(header.debtorName))</Nm></Dbtr>
                  <DbtrAcct>\(account(header.debtorAccount))</DbtrAcct>
                  <DbtrAgt>\(agent(header.debtorAccount))</DbtrAgt>

            """
            for o in group {
                x += """
                      <CdtTrfTxInf>
                        <PmtId><InstrId>\(XMLText.escaped(o.id))</InstrId><EndToEndId>\(XMLText.escaped(o.id))</EndToEndId></PmtId>
                        <Amt><InstdAmt Ccy="\(o.currency)">\(DecimalAmount.text(o.amount, digits: digits))</InstdAmt></Amt>
                        <CdtrAgt>\(agent(o.account))</CdtrAgt>
                        <Cdtr><Nm>\(XMLText.escaped(XMLText.truncated(o.payeeName, max: Limits.isoTextCharactersMax)))</Nm></Cdtr>
                        <CdtrAcct>\(account(o.account))</CdtrAcct>
                        <RmtInf><Ustrd>\(XMLText.escaped(o.remittance))</Ustrd></RmtInf>
                      </CdtTrfTxInf>

                """
            }
            blocks.append(x + "    </PmtInf>\n")
        }
        // A control sum over several currencies means nothing; the group header carries one only
        // when the file has a single currency.
        let groupSum = total.map { "      <CtrlSum>\(DecimalAmount.text($0.sum, digits: $0.digits))</CtrlSum>\n" } ?? ""
        let doc = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="\(namespace)" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
              <CstmrCdtTrfInitn>
                <GrpHdr>
                  <MsgId>\(XMLText.escaped(header.messageID))</MsgId>
                  <CreDtTm>\(header.createdAt)</CreDtTm>
                  <NbOfTxs>\(orders.count)</NbOfTxs>
            \(groupSum)      <InitgPty><Nm>\(XMLText.escaped(header.debtorName))</Nm></InitgPty>
                </GrpHdr>
            \(blocks.joined())  </CstmrCdtTrfInitn>
            </Document>

            """
        return Array(doc.utf8)
    }

    private static func account(_ clabe: String) -> String {
        "<Id><Othr><Id>\(clabe)</Id><SchmeNm><Prtry>CLABE</Prtry></SchmeNm></Othr></Id>"
    }

    /// The bank that holds a CLABE: its first three digits are the bank code.
    private static func agent(_ clabe: String) -> String {
        "<FinInstnId><ClrSysMmbId><MmbId>\(clabe.prefix(3))</MmbId></ClrSysMmbId></FinInstnId>"
    }

    /// The sum of `amounts`, refused past the 18 digits ISO 20022 allows a control sum.
    static func controlSum(_ amounts: [Int64], field: String) throws(LedgerError) -> Int64 {
        var sum: Int64 = 0
        for a in amounts {
            let (s, overflow) = sum.addingReportingOverflow(a)
            guard !overflow, s < 1_000_000_000_000_000_000 else {
                throw LedgerError(.argument, field: field, "the total exceeds the 18 digits ISO 20022 allows; order fewer payments per file")
            }
            sum = s
        }
        return sum
    }
}
