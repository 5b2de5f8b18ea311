import LedgerCore

/// What a statement file says about itself, gathered while its items stream past.
public struct StatementInfo: Sendable, Equatable {
    /// One statement inside the file (a camt.053 message may hold several).
    public struct Statement: Sendable, Equatable {
        public let id: String
        public let account: String
        /// The account's currency when the statement names it.
        public let currency: String?
        /// The statement's creation date (`YYYY-MM-DD`).
        public let createdOn: String
    }

    /// `camt.053.001.02`, `camt.053.001.08` or `csv`.
    public var format: String
    public var statements: [Statement] = []
    /// Booked items handed on for reconciliation.
    public var items = 0
    /// Entries not booked (pending or information only): not reconciled.
    public var notBooked = 0
    /// The latest booking date seen (for CSV, which has no creation date).
    public var latestBookingDate: String?

    public init(format: String) { self.format = format }

    /// The date a reconciliation of this file is "as of": the latest statement creation date,
    /// else the latest booking date.
    public var asOf: String? {
        let dates = statements.map(\.createdOn) + (latestBookingDate.map { [$0] } ?? [])
        return dates.max { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    /// The currencies the statements' accounts hold, when every statement names one.
    public var currencies: Set<String>? {
        let c = statements.compactMap(\.currency)
        return c.count == statements.count && !c.isEmpty ? Set(c) : nil
    }

    mutating func saw(bookingDate: String) {
        if latestBookingDate.map({ Array($0.utf8).lexicographicallyPrecedes(Array(bookingDate.utf8)) }) ?? true { latestBookingDate = bookingDate }
    }
}

/// Turns a statement's decimal amount into minor units, or an error naming the element and line.
func statementAmount(_ text: String, currency: String?, element: String, line: Int) throws(LedgerError) -> (Int64, String) {
    guard let currency, !currency.isEmpty else {
        throw LedgerError(.statement, field: element, "line \(line): the amount has no currency (Ccy)")
    }
    guard Currency.known.contains(currency) else {
        throw LedgerError(.statement, field: element, "line \(line): unknown currency \"\(currency)\" (not an ISO 4217 code with minor units)")
    }
    let digits = Currency.minorUnitDigits(currency)
    switch DecimalAmount.minorUnits(text, digits: digits, extraZeros: true) {
    case .success(let v):
        guard v <= Limits.integerMagnitudeMax else {
            throw LedgerError(.statement, field: element, "line \(line): \(text) \(currency) is beyond the ledger's integer range (2^53-1 minor units)")
        }
        return (v, currency)
    case .failure(.tooManyDecimals):
        throw LedgerError(.statement, field: element, "line \(line): \(text) has more decimals than \(currency) has (\(digits))")
    case .failure(.tooLarge):
        throw LedgerError(.statement, field: element, "line \(line): \(text) has more than \(Limits.bankAmountDigitsMax) digits")
    case .failure(.notDecimal):
        throw LedgerError(.statement, field: element, "line \(line): \"\(text)\" is not a decimal amount (digits, one optional point)")
    }
}

/// A statement date or date-time as `YYYY-MM-DD`, or an error naming the element and line.
func statementDate(_ text: String, element: String, line: Int) throws(LedgerError) -> String {
    let day = String(text.prefix(10))
    guard FieldRules.date(day) == nil, text.count == 10 || text.dropFirst(10).first == "T" else {
        throw LedgerError(.statement, field: element, "line \(line): \"\(text)\" is not an ISO date or date-time")
    }
    return day
}
