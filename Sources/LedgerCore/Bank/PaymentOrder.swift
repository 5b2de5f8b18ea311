/// One credit transfer to order: a committed, unreversed disbursement and its payee's account.
public struct PaymentOrder: Sendable, Equatable {
    /// The disbursement id, sent as InstrId and EndToEndId so the bank's statement carries it back.
    public let id: String
    public let amount: Int64
    public let currency: String
    public let payeeName: String
    /// The payee's CLABE, from the disbursement's sealed record.
    public let account: String
    public let purpose: String

    /// Checks what ISO 20022 needs beyond the ledger's own rules: the id must fit EndToEndId.
    public init(id: String, amount: Int64, currency: String, payeeName: String, account: String, purpose: String) throws(LedgerError) {
        guard id.unicodeScalars.count <= Limits.isoReferenceCharactersMax else {
            throw LedgerError(.schema, field: "id", "disbursement \(id) cannot be ordered: an ISO 20022 EndToEndId is at most \(Limits.isoReferenceCharactersMax) characters and the id has \(id.unicodeScalars.count)")
        }
        if let problem = FieldRules.clabe(account) { throw LedgerError(.schema, field: "sealed.payee_account.number", "disbursement \(id): \(problem)") }
        (self.id, self.amount, self.currency, self.payeeName, self.account, self.purpose) = (id, amount, currency, payeeName, account, purpose)
    }

    /// The unstructured remittance line: the id first (reconciliation's last resort looks for it), then the purpose.
    public var remittance: String { XMLText.truncated("\(id) \(purpose)", max: Limits.isoTextCharactersMax) }
}

/// A payment file's header: who pays, from which account, when.
public struct PaymentFileHeader: Sendable, Equatable {
    public let messageID: String
    public let createdAt: String
    public let executionDate: String
    public let debtorName: String
    public let debtorAccount: String

    /// Checks each field and names the one that breaks a rule.
    public init(messageID: String, createdAt: String, executionDate: String, debtorName: String, debtorAccount: String) throws(LedgerError) {
        guard !messageID.isEmpty, messageID.unicodeScalars.count <= Limits.isoReferenceCharactersMax - 4 else {
            throw LedgerError(.schema, field: "message_id", "must be 1 to \(Limits.isoReferenceCharactersMax - 4) characters (a currency suffix makes the PmtInfId)")
        }
        if let p = FieldRules.timestamp(createdAt) { throw LedgerError(.schema, field: "created_at", p) }
        if let p = FieldRules.date(executionDate) { throw LedgerError(.schema, field: "execution-date", p) }
        if let p = FieldRules.text(debtorName, min: 1, max: Limits.isoTextCharactersMax) { throw LedgerError(.schema, field: "debtor-name", p) }
        if let p = FieldRules.clabe(debtorAccount) { throw LedgerError(.schema, field: "debtor-account", p) }
        (self.messageID, self.createdAt, self.executionDate, self.debtorName, self.debtorAccount) = (messageID, createdAt, executionDate, debtorName, debtorAccount)
    }
}
