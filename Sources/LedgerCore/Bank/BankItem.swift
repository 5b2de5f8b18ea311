/// One booked transaction read from a bank statement (a camt.053 entry's transaction
/// details, or a CSV row), in the ledger's terms: minor units, ISO dates, plain references.
public struct BankItem: Sendable, Equatable {
    public enum Direction: String, Sendable { case debit = "DBIT", credit = "CRDT" }

    public var statementID: String
    /// The statement's account (IBAN or other identifier).
    public var account: String
    /// The line of the file where the item starts (for messages).
    public var line: Int
    public var direction: Direction
    /// The bank's reversal indicator: this booking undoes an earlier one.
    public var reversal: Bool
    public var amount: Int64
    public var currency: String
    public var bookingDate: String
    public var valueDate: String?
    public var endToEndID: String?
    /// The account servicer's reference (AcctSvcrRef).
    public var bankRef: String?
    public var remittance: String?
    /// The creditor's account as the bank reports it, when it does.
    public var creditorAccount: String?
    /// The bank's return reason code (camt RtrInf/Rsn/Cd), when the item is a return.
    public var returnReason: String?
    /// The booking's identity across overlapping statements (`BookingKey`).
    public var bookingKey: String

    public init(statementID: String, account: String, line: Int, direction: Direction, reversal: Bool, amount: Int64, currency: String,
                bookingDate: String, valueDate: String? = nil, endToEndID: String? = nil, bankRef: String? = nil, remittance: String? = nil,
                creditorAccount: String? = nil, returnReason: String? = nil, bookingKey: String) {
        (self.statementID, self.account, self.line, self.direction, self.reversal, self.amount, self.currency) =
            (statementID, account, line, direction, reversal, amount, currency)
        (self.bookingDate, self.valueDate, self.endToEndID, self.bankRef, self.remittance, self.creditorAccount, self.returnReason, self.bookingKey) =
            (bookingDate, valueDate, endToEndID, bankRef, remittance, creditorAccount, returnReason, bookingKey)
    }

    /// Money leaving the fund's account: a debit entry, whether or not it is a reversal.
    ///
    /// ISO 20022's usage rule for `ReversalIndicator` (camt.052/053/054 message definitions):
    /// "If the CreditDebitIndicator is CRDT and ReversalIndicator is Yes, the original operation
    /// was a debit entry. If the CreditDebitIndicator is DBIT and ReversalIndicator is Yes, the
    /// original operation was a credit entry." The indicator says what the entry undoes; the
    /// direction of this entry's money is its own `CdtDbtInd`. A CRDT with `RvslInd` true is
    /// the bank taking back our debit: money coming in, a return.
    public var isOutflow: Bool { direction == .debit }
}

/// Identifies a booking so that the same booking in two overlapping statements counts once,
/// while two equal bookings (a real double payment) stay two.
///
/// With a bank reference (the entry's AcctSvcrRef, else its NtryRef) the key is the account,
/// that reference and the detail's own reference or position. Without one it is a SHA-256
/// fingerprint of what the bank reported, numbered by occurrence within the statement: the
/// n-th equal booking of one statement is the n-th equal booking of an overlapping one.
public struct BookingKeys: Sendable {
    private var occurrences: [Hash: Int] = [:]

    public init() {}

    public mutating func key(account: String, entryRef: String?, detail: String, fields: [String]) -> String {
        if let entryRef { return "ref:" + Hash.sha256(Array(JSONValue.array([.s(account), .s(entryRef), .s(detail)]).canonicalBytes)).hex }
        let fingerprint = Hash.sha256(JSONValue.array(([account, detail] + fields).map { .s($0) }).canonicalBytes)
        let n = occurrences[fingerprint, default: 0] + 1
        occurrences[fingerprint] = n
        return "fp:\(fingerprint.hex)#\(n)"
    }
}
