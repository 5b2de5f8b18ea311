import LedgerCore

/// One change to the store's proposals, approvals or chain, as `LedgerStore.write` takes it.
///
/// Several requests commit together in one durable transaction (group commit); each
/// succeeds or fails on its own, and a failed one leaves nothing behind.
public enum WriteRequest: Sendable {
    /// A proposal from the `jhf propose` input format; `salt` seeds a disbursement's sealed record.
    case propose(kind: EntryKind, input: JSONValue, salt: [UInt8])
    /// One institution's approval: the key's name and its signature over the approval message.
    case approve(id: String, keyName: String, signature: Signature)
    /// A proposer takes a pending proposal back. Nothing in the chain changes.
    case withdraw(id: String, by: String, reason: String)
    /// Closes every pending proposal whose lifetime has run out.
    case expireDue
}

/// What one write request did.
public enum WriteOutcome: Sendable {
    case proposed(ProposeOutcome)
    case approved(ApprovalOutcome)
    case withdrawn(ProposalRecord)
    case expired(ids: [String])
}
