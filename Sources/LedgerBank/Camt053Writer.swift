import LedgerCore

/// Writes camt.053.001.02 statements that book given transfers, as a bank would report the
/// payments of a pain.001 file. For demonstrations, tests and benchmarks: the ledger never
/// trusts a statement it wrote itself; it reconciles what the bank sends.
public enum Camt053Writer {
    /// One booking of the statement.
    public struct Booking: Sendable {
        public var amount: Int64
        public var currency: String
        public var direction: BankItem.Direction
        public var reversal: Bool
        public var bookingDate: String
        public var bankRef: String
        public var endToEndID: String?
        public var remittance: String?
        public var creditorAccount: String?
        public var returnReason: String?

        public init(amount: Int64, currency: String, direction: BankItem.Direction = .debit, reversal: Bool = false, bookingDate: String,
                    bankRef: String, endToEndID: String? = nil, remittance: String? = nil, creditorAccount: String? = nil, returnReason: String? = nil) {
            (self.amount, self.currency, self.direction, self.reversal, self.bookingDate, self.bankRef) = (amount, currency, direction, reversal, bookingDate, bankRef)
            (self.endToEndID, self.remittance, self.creditorAccount, self.returnReason) = (endToEndID, remittance, creditorAccount, returnReason)
        }

        /// The booking of a payment order exactly as ordered.
        public init(paying o: PaymentOrder, bookingDate: String, bankRef: String) {
            self.init(amount: o.amount, currency: o.currency, bookingDate: bookingDate, bankRef: bankRef, endToEndID: o.id,
                      remittance: o.remittance, creditorAccount: o.account)
        }
    }

    /// Streams the document to `emit` in pieces. camt.053 requires a balance: the statement
    /// carries the opening booked balance it is given (zero unless told).
    public static func write(statementID: String, account: String, currency: String, createdAt: String, openingBalance: Int64 = 0,
                             bookings: some Sequence<Booking>, _ emit: (String) throws -> Void) rethrows {
        let e = XMLText.escaped
        try emit("""
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
              <BkToCstmrStmt>
                <GrpHdr><MsgId>\(e(statementID))</MsgId><CreDtTm>\(createdAt)</CreDtTm></GrpHdr>
                <Stmt>
                  <Id>\(e(statementID))</Id>
                  <CreDtTm>\(createdAt)</CreDtTm>
                  <Acct><Id><Othr><Id>\(e(account))</Id></Othr></Id><Ccy>\(currency)</Ccy></Acct>
                  <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="\(currency)">\(DecimalAmount.text(openingBalance, digits: Currency.minorUnitDigits(currency)).drop { $0 == "-" })</Amt><CdtDbtInd>\(openingBalance < 0 ? "DBIT" : "CRDT")</CdtDbtInd><Dt><Dt>\(createdAt.prefix(10))</Dt></Dt></Bal>

            """)
        for b in bookings {
            var details = ""
            if let id = b.endToEndID { details += "<Refs><EndToEndId>\(e(id))</EndToEndId></Refs>" }
            if let a = b.creditorAccount { details += "<RltdPties><CdtrAcct><Id><Othr><Id>\(e(a))</Id></Othr></Id></CdtrAcct></RltdPties>" }
            if let r = b.remittance { details += "<RmtInf><Ustrd>\(e(r))</Ustrd></RmtInf>" }
            if let r = b.returnReason { details += "<RtrInf><Rsn><Cd>\(e(r))</Cd></Rsn></RtrInf>" }
            let amount = DecimalAmount.text(b.amount, digits: Currency.minorUnitDigits(b.currency))
            try emit("""
                      <Ntry>
                        <Amt Ccy="\(b.currency)">\(amount)</Amt>
                        <CdtDbtInd>\(b.direction.rawValue)</CdtDbtInd>
                        <RvslInd>\(b.reversal)</RvslInd>
                        <Sts>BOOK</Sts>
                        <BookgDt><Dt>\(b.bookingDate)</Dt></BookgDt>
                        <AcctSvcrRef>\(e(b.bankRef))</AcctSvcrRef>
                        <BkTxCd><Prtry><Cd>TRF</Cd></Prtry></BkTxCd>
                        <NtryDtls><TxDtls>\(details)</TxDtls></NtryDtls>
                      </Ntry>

                """)
        }
        try emit("    </Stmt>\n  </BkToCstmrStmt>\n</Document>\n")
    }
}
