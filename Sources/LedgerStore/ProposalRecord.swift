import LedgerCore

/// A proposal as the store keeps it: the body awaiting (or having received) both approvals.
public struct ProposalRecord: Sendable {
    public enum Status: String, Sendable, CaseIterable {
        case pending, committed
    }

    /// One approval collected so far.
    public struct StoredApproval: Sendable, Equatable {
        public let institution: String
        public let keyName: String
        public let signature: Signature
        public let createdAt: String
    }

    public let id: String
    public let ledgerID: String
    public let body: Body
    /// The canonical body bytes, exactly as they will appear in the entry.
    public let bodyBytes: [UInt8]
    public let approvalDigest: Hash
    public let status: Status
    public let createdAt: String
    public let committedSeq: Int64?
    public let approvals: [StoredApproval]
    public let sealed: SealedRecord?

    public var kind: EntryKind { body.kind }
}

/// What recording an approval did.
public enum ApprovalOutcome: Sendable, Equatable {
    /// Stored; the other institution has yet to approve.
    case recorded(waitingFor: String)
    /// The same approval was already stored; nothing changed.
    case alreadyRecorded
    /// Both institutions have approved: the entry was appended.
    case committed(seq: Int64, entryHash: Hash)
}
