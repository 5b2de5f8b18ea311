import LedgerCore

/// One change to the store's proposals, approvals or chain, as `LedgerStore.write` takes it.
///
/// Several requests commit together in one durable transaction (group commit); each
/// succeeds or fails on its own, and a failed one leaves nothing behind.
public enum WriteRequest: Sendable {
    /// A proposal, drafted from the `jhf propose` input format (see `ProposalDraft`).
    case propose(ProposalDraft)
    /// One institution's approval: the key's name and its signature over the approval message.
    /// `verified` may carry the same signature already verified by the caller; the store
    /// uses it only if key, signature and message bytes all match what it would check.
    case approve(id: String, keyName: String, signature: Signature, verified: PreparedEntry.VerifiedSignature? = nil)
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

/// A proposal built from its input, ready to be checked against the ledger and stored.
///
/// Building is pure (it needs neither the store nor the chain), so the service drafts
/// proposals on its request threads and the store's one writer only checks and inserts.
public struct ProposalDraft: Sendable {
    public let kind: EntryKind
    public let id: String
    public let body: Body
    public let sealed: SealedRecord?
    /// `{"body": input, "kind": kind}`: what a repeated request is compared against.
    public let submitted: JSONValue
    let submittedBytes: [UInt8]
    let bodyBytes: [UInt8]
    /// Who proposes: a repeat of this id is answered as idempotent only to the same proposer.
    public let proposer: Proposer

    /// Builds the body (with `proposed_at` = `now` and, for a disbursement, the sealed record from `salt`).
    public init(kind: EntryKind, input: JSONValue, salt: [UInt8], now: String, proposer: Proposer = .local) throws(StoreError) {
        let built: (Body, SealedRecord?)
        do { built = try ProposalInput.build(kind: kind, input: input, proposedAt: now, salt: salt) } catch { throw StoreError(error) }
        guard let id = built.0.id else { throw StoreError(.invalid, field: "kind", "genesis is proposed by `jhf init`") }
        self.kind = kind
        self.id = id
        self.proposer = proposer
        (body, sealed) = built
        submitted = JSONValue.object(["body": input, "kind": .string(kind.rawValue)])
        submittedBytes = submitted.canonicalBytes
        bodyBytes = built.0.json.canonicalBytes
    }
}

/// Who made a proposal.
public enum Proposer: Sendable, Equatable {
    /// Someone with direct access to the database file (`jhf propose --db`), who can read
    /// every sealed record anyway. Proposals stored before migration v10 count as local too.
    case local
    /// The service token of this name.
    case token(String)

    /// The `proposed_by` column: NULL for `.local`.
    var column: String? {
        if case .token(let name) = self { return name }
        return nil
    }

    init(column: String?) { self = column.map { .token($0) } ?? .local }

    public static func == (a: Proposer, b: Proposer) -> Bool {
        switch (a, b) {
        case (.local, .local): return true
        case (.token(let x), .token(let y)): return x.sameUTF8(y)
        default: return false
        }
    }
}
