/// How reconciliation classifies a statement item or a committed disbursement.
public enum ReconcileClass: String, Sendable, CaseIterable {
    /// Paid once, for the ledger's amount and currency, to the sealed account.
    case matched
    case amountMismatch = "amount_mismatch"
    case currencyMismatch = "currency_mismatch"
    /// Paid to an account other than the one in the disbursement's sealed record.
    case accountMismatch = "account_mismatch"
    /// A second (or later) payment of the same disbursement.
    case paidTwice = "paid_twice"
    /// Paid although the ledger has reversed the disbursement.
    case paidButReversed = "paid_but_reversed"
    /// Money back from the bank for a disbursement: a reversal proposal is suggested unless the
    /// ledger has already reversed it.
    case returned
    /// A bank debit that matches no disbursement in the ledger: an alarm.
    case unknownDebit = "unknown_debit"
    /// Money into the account that matches no disbursement (e.g. funding): listed, not a discrepancy.
    case unrelatedCredit = "unrelated_credit"
    /// A booking already reported by an earlier statement (overlapping statements): counted once.
    case alreadySeen = "already_seen"
    /// Committed, not reversed, due for more than the configured days, and in no statement yet.
    case notSeen = "not_seen"
}
