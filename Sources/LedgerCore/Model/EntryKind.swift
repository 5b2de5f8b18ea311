/// The five kinds of ledger entry (SPEC §4).
public enum EntryKind: String, Sendable, CaseIterable {
    case genesis
    case keyUpdate = "key_update"
    case budgetUpdate = "budget_update"
    case disbursement
    case reversal
}
