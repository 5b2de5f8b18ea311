import LedgerCore

extension ProposalRecord {
    /// Reads a proposal as the service sends it (`json(includeSealed:)`), checking every field.
    ///
    /// The body goes through the full body decoder, so a client rebuilds the approval
    /// message from the body it read, never from bytes handed to it.
    public init(json: JSONValue) throws(LedgerError) {
        guard case .object(let o) = json else { throw LedgerError(.schema, field: "(proposal)", "must be an object") }
        let fields = ["approval_digest", "approvals", "body", "closed", "committed_seq", "created_at", "expires_at", "id", "kind", "ledger_id", "status"]
        let r = try FieldReader(json, path: "", fields: o["sealed"] == nil ? fields : (fields + ["sealed"]).sorted())
        guard let kind = EntryKind(rawValue: try r.string("kind")) else { throw r.fail("kind", "unknown kind") }
        let body = try Body(kind: kind, json: r.value("body"), path: "body")
        let approvals = try r.array("approvals").enumerated().map { (i, v) throws(LedgerError) -> StoredApproval in
            let a = try FieldReader(v, path: "approvals[\(i)]", fields: ["created_at", "institution", "key", "signature"])
            guard let sig = try? Signature(base64: try a.string("signature")) else { throw a.fail("signature", "must be a base64 signature") }
            return StoredApproval(institution: try a.string("institution"), keyName: try a.string("key"), signature: sig, createdAt: try a.string("created_at"))
        }
        guard let status = Status(rawValue: try r.string("status")) else { throw r.fail("status", "unknown status") }
        var closure: Closure?
        if case .object = r.value("closed") {
            let c = try FieldReader(r.value("closed"), path: "closed", fields: ["at", "by", "reason"])
            closure = Closure(at: try c.string("at"), by: try c.string("by"), reason: try c.string("reason"))
        }
        let sealed = try o["sealed"].map { (v) throws(LedgerError) in try SealedRecord(json: v, path: "sealed") }
        let ledgerID = try r.string("ledger_id", FieldRules.ledgerID)
        self.init(id: try r.string("id"), ledgerID: ledgerID, body: body, bodyBytes: body.json.canonicalBytes,
                  approvalDigest: try r.hash("approval_digest"), status: status, createdAt: try r.string("created_at"),
                  expiresAt: { if case .string(let s) = r.value("expires_at") { return s } else { return nil } }(),
                  committedSeq: { if case .integer(let n) = r.value("committed_seq") { return n } else { return nil } }(),
                  approvals: approvals, sealed: sealed, closure: closure)
    }
}
