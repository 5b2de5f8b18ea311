/// One line of a reconciliation: a statement item or a ledger disbursement, its class, and why.
public struct ReconciledItem: Sendable, Equatable {
    /// How the item was tied to a disbursement.
    public enum MatchedBy: String, Sendable { case endToEndID = "end_to_end_id", bankRef = "bank_ref", remittance }

    public let ordinal: Int
    public let klass: ReconcileClass
    /// The statement item; nil for a ledger-side finding (`not_seen`).
    public let item: BankItem?
    public let disbursementID: String?
    public let matchedBy: MatchedBy?
    /// The amount and currency concerned (the bank's for items, the ledger's for `not_seen`).
    public let amount: Int64
    public let currency: String
    public let message: String
    /// Whether the item keeps the statement from reconciling.
    public let discrepancy: Bool
    /// For a return not yet reversed in the ledger: the `jhf propose reversal` input to review.
    public let suggestion: JSONValue?

    public init(ordinal: Int, klass: ReconcileClass, item: BankItem?, disbursementID: String?, matchedBy: MatchedBy?, amount: Int64, currency: String,
                message: String, discrepancy: Bool, suggestion: JSONValue? = nil) {
        (self.ordinal, self.klass, self.item, self.disbursementID, self.matchedBy, self.amount, self.currency) =
            (ordinal, klass, item, disbursementID, matchedBy, amount, currency)
        (self.message, self.discrepancy, self.suggestion) = (message, discrepancy, suggestion)
    }
}
