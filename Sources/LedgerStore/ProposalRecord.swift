import LedgerCore

/// A proposal as the store keeps it: the body awaiting (or having received) both approvals.
public struct ProposalRecord: Sendable {
    /// Where a proposal stands. Only `committed` is in the chain; the others are the service's.
    public enum Status: String, Sendable, CaseIterable {
        case pending, committed, withdrawn, expired
    }

    /// One approval collected so far.
    public struct StoredApproval: Sendable, Equatable {
        public let institution: String
        public let keyName: String
        public let signature: Signature
        public let createdAt: String
    }

    /// How a proposal left the pending state without being committed.
    public struct Closure: Sendable, Equatable {
        public let at: String
        public let by: String
        public let reason: String
    }

    public let id: String
    public let ledgerID: String
    public let body: Body
    /// The canonical body bytes, exactly as they will appear in the entry.
    public let bodyBytes: [UInt8]
    public let approvalDigest: Hash
    public let status: Status
    public let createdAt: String
    /// When a pending proposal stops taking approvals (nil for proposals made before expiry existed).
    public let expiresAt: String?
    public let committedSeq: Int64?
    public let approvals: [StoredApproval]
    public let sealed: SealedRecord?
    public let closure: Closure?

    public var kind: EntryKind { body.kind }

    /// The proposal as `jhf show --json` and `GET /v1/proposals/{id}` give it
    /// (Schemas/proposal.schema.json). The sealed record only when asked for.
    public func json(includeSealed: Bool) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("id", .string(id)), ("kind", .string(kind.rawValue)), ("ledger_id", .string(ledgerID)),
            ("body", body.json), ("approval_digest", .string(approvalDigest.hex)), ("status", .string(status.rawValue)),
            ("created_at", .string(createdAt)), ("expires_at", expiresAt.map { .string($0) } ?? .null),
            ("committed_seq", committedSeq.map { .integer($0) } ?? .null),
            ("approvals", .array(approvals.map {
                .object(["institution": .string($0.institution), "key": .string($0.keyName),
                         "signature": .string($0.signature.base64), "created_at": .string($0.createdAt)])
            })),
            ("closed", closure.map { .object(["at": .string($0.at), "by": .string($0.by), "reason": .string($0.reason)]) } ?? .null),
        ]
        if includeSealed, let sealed { pairs.append(("sealed", sealed.json)) }
        return .object(try! JSONObject(pairs))
    }
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

/// What a proposal request did: stored a new proposal, or found the same one already stored.
public struct ProposeOutcome: Sendable {
    public let record: ProposalRecord
    /// False when an identical proposal with this id was already stored (an idempotent repeat).
    public let created: Bool
}
