/// What reconciliation needs to know of one committed disbursement.
public struct LedgerPayment: Sendable, Equatable {
    public let id: String
    public let seq: Int64
    public let amount: Int64
    public let currency: String
    /// The payee's CLABE from the sealed record; nil when the store does not hold it.
    public let account: String?
    /// `committed_at` of the disbursement entry.
    public let committedAt: String
    public let valueDate: String
    /// The reversal entry's id, when the ledger has reversed this disbursement.
    public var reversedBy: String?

    public init(id: String, seq: Int64, amount: Int64, currency: String, account: String?, committedAt: String, valueDate: String, reversedBy: String?) {
        (self.id, self.seq, self.amount, self.currency, self.account, self.committedAt, self.valueDate, self.reversedBy) =
            (id, seq, amount, currency, account, committedAt, valueDate, reversedBy)
    }

    /// The day from which the payment is expected at the bank: the later of the commit date and the value date.
    public var dueDate: String {
        let committed = String(committedAt.prefix(10))
        return Array(valueDate.utf8).lexicographicallyPrecedes(Array(committed.utf8)) ? committed : valueDate
    }
}
