import LedgerCore

/// A commitment as the read endpoints and the officer's screen show it: the signed body, when
/// it entered the ledger, its amendments, and the replay's figures and status.
public struct CommitmentView: Sendable, Equatable {
    public let body: CommitmentBody
    public let seq: Int64
    public let committedAt: String
    public let value: Int64
    public let amendments: [Amendment]
    public let disbursed: Int64
    public let reversed: Int64
    public let status: VerifyReport.CommitmentStatus.Status
    public let terminatedSeq: Int64?

    public struct Amendment: Sendable, Equatable {
        public let id: String
        public let seq: Int64
        public let committedAt: String
        public let amount: Int64
        public let reason: String
    }

    public var net: Int64 { disbursed - reversed }
    public var remaining: Int64 { value - net }

    init(body: CommitmentBody, committedAt: String, status: VerifyReport.CommitmentStatus, amendments: [Amendment]) {
        self.body = body
        seq = status.record.seq
        self.committedAt = committedAt
        value = status.record.amount
        self.amendments = amendments
        disbursed = status.record.disbursed
        reversed = status.record.reversed
        self.status = status.status
        terminatedSeq = status.record.terminatedAt
    }

    /// As `GET /v1/commitments/{id}` answers (Schemas/commitment-view.schema.json).
    public var json: JSONValue {
        .object([
            "commitment": body.json, "seq": .integer(seq), "committed_at": .string(committedAt), "value": .integer(value),
            "amendments": .array(amendments.map { a in
                .object(["id": .string(a.id), "seq": .integer(a.seq), "committed_at": .string(a.committedAt), "amount": .integer(a.amount),
                         "reason": .string(a.reason)])
            }),
            "disbursed": .integer(disbursed), "reversed": .integer(reversed), "net": .integer(net), "remaining": .integer(remaining),
            "status": .string(status.rawValue), "terminated_seq": terminatedSeq.map { .integer($0) } ?? .null,
        ])
    }

    /// Decodes the service's answer (for `jhf approve --server`); every field is checked.
    public init(json: JSONValue) throws(LedgerError) {
        let r = try FieldReader(json, path: "", fields: ["amendments", "commitment", "committed_at", "disbursed", "net", "remaining",
                                                         "reversed", "seq", "status", "terminated_seq", "value"])
        body = try CommitmentBody(json: r.value("commitment"), path: "commitment")
        seq = try r.integer("seq")
        committedAt = try r.string("committed_at", FieldRules.timestamp)
        value = try r.integer("value")
        disbursed = try r.integer("disbursed")
        reversed = try r.integer("reversed")
        guard try r.integer("net") == disbursed - reversed, try r.integer("remaining") == value - (disbursed - reversed) else {
            throw r.fail("remaining", "does not equal value - (disbursed - reversed)")
        }
        let statusText = try r.string("status")
        guard let st = VerifyReport.CommitmentStatus.Status(rawValue: statusText) else { throw r.fail("status", "must be open, terminated or suspended") }
        status = st
        terminatedSeq = r.value("terminated_seq") == .null ? nil : try r.integer("terminated_seq")
        var list: [Amendment] = []
        for (i, a) in try r.array("amendments").enumerated() {
            let x = try FieldReader(a, path: "amendments[\(i)]", fields: ["amount", "committed_at", "id", "reason", "seq"])
            list.append(Amendment(id: try x.string("id"), seq: try x.integer("seq"), committedAt: try x.string("committed_at"),
                                  amount: try x.integer("amount"), reason: try x.string("reason")))
        }
        amendments = list
    }
}

/// One suspension entry (suspend or resume) with when it entered the ledger, for `GET /v1/suspensions`.
public struct SuspensionView: Sendable, Equatable {
    public let body: SuspensionBody
    public let seq: Int64
    public let committedAt: String
    /// For a suspend: the seq of the resume that lifted it, if any.
    public let resumedSeq: Int64?

    /// Decodes the service's answer (for `jhf approve --server`).
    public init(json: JSONValue) throws(LedgerError) {
        let r = try FieldReader(json, path: "", fields: ["committed_at", "resumed_seq", "seq", "suspension"])
        body = try SuspensionBody(json: r.value("suspension"), path: "suspension")
        seq = try r.integer("seq")
        committedAt = try r.string("committed_at", FieldRules.timestamp)
        resumedSeq = r.value("resumed_seq") == .null ? nil : try r.integer("resumed_seq")
    }

    init(body: SuspensionBody, seq: Int64, committedAt: String, resumedSeq: Int64?) {
        (self.body, self.seq, self.committedAt, self.resumedSeq) = (body, seq, committedAt, resumedSeq)
    }

    public var json: JSONValue {
        .object([
            "suspension": body.json, "seq": .integer(seq), "committed_at": .string(committedAt),
            "resumed_seq": resumedSeq.map { .integer($0) } ?? .null,
        ])
    }
}
