/// The kinds of ledger entry: five in v1 (SPEC §4), three more in v1.1 (SPEC §10).
public enum EntryKind: String, Sendable, CaseIterable {
    case genesis
    case keyUpdate = "key_update"
    case budgetUpdate = "budget_update"
    case disbursement
    case reversal
    case commitment
    case amendment
    case suspension

    /// The kinds a proposer may propose (genesis is made by `jhf init`), as a sentence.
    public static let proposableList = "disbursement, reversal, key_update, budget_update, commitment, amendment or suspension"
}
