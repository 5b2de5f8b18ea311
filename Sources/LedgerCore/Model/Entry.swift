/// One co-signature on an entry: the approving key's name and its Ed25519 signature.
public struct Approval: Sendable, Equatable {
    public let key: String
    public let signature: Signature

    public init(key: String, signature: Signature) {
        self.key = key
        self.signature = signature
    }

    public init(json: JSONValue, path: String) throws(LedgerError) {
        let r = try FieldReader(json, path: path, fields: ["key", "signature"])
        key = try r.string("key", FieldRules.keyName)
        let s = try r.string("signature")
        guard let raw = Base64.decode(s) else { throw r.fail("signature", "must be canonical padded base64") }
        do { signature = try Signature(bytes: raw) } catch { throw r.fail("signature", error.message) }
    }

    public var json: JSONValue { .object(["key": .s(key), "signature": .s(signature.base64)]) }
}

/// A ledger entry (SPEC §4): a body, two approvals, and its place in the chain.
public struct Entry: Sendable, Equatable {
    public let seq: Int64
    public let ledgerID: String
    public let prevHash: Hash
    public let committedAt: String
    public let body: Body
    public let approvals: [Approval]

    public static let fields = ["approvals", "body", "committed_at", "kind", "ledger_id", "prev_hash", "seq"]

    public init(seq: Int64, ledgerID: String, prevHash: Hash, committedAt: String, body: Body, approvals: [Approval]) {
        self.seq = seq
        self.ledgerID = ledgerID
        self.prevHash = prevHash
        self.committedAt = committedAt
        self.body = body
        self.approvals = approvals
    }

    /// Decodes an entry; the first broken field rule is thrown (R4 for an unknown kind, else R5).
    public init(json: JSONValue) throws(LedgerError) {
        let r = try FieldReader(json, path: "", fields: Entry.fields)
        seq = try r.integer("seq", in: 0...Limits.integerMagnitudeMax, "from 0")
        ledgerID = try r.string("ledger_id", FieldRules.ledgerID)
        prevHash = try r.hash("prev_hash")
        committedAt = try r.string("committed_at", FieldRules.timestamp)
        let kindText = try r.string("kind")
        guard let kind = EntryKind(rawValue: kindText) else { throw r.fail("kind", "unknown entry kind \"\(kindText)\"", rule: .r4) }
        body = try Body(kind: kind, json: r.value("body"))
        var approvals: [Approval] = []
        for (i, a) in try r.array("approvals").enumerated() {
            approvals.append(try Approval(json: a, path: "approvals[\(i)]"))
        }
        self.approvals = approvals
    }

    public var kind: EntryKind { body.kind }

    public var json: JSONValue {
        .object([
            "approvals": .array(approvals.map(\.json)), "body": body.json, "committed_at": .s(committedAt),
            "kind": .s(kind.rawValue), "ledger_id": .s(ledgerID), "prev_hash": .s(prevHash.hex), "seq": .integer(seq),
        ])
    }

    /// The canonical bytes, as stored and exported (without the trailing newline).
    public var canonicalBytes: [UInt8] { json.canonicalBytes }

    /// The canonical bytes of an entry around a body already in canonical form, without
    /// decoding it: the members are written in RFC 8785 order (all keys are ASCII) and the
    /// body's bytes are copied in. The result is what `canonicalBytes` gives for the decoded body.
    public static func canonicalBytes(seq: Int64, ledgerID: String, prevHash: Hash, committedAt: String, kind: EntryKind,
                                      canonicalBody: [UInt8], approvals: [Approval]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(canonicalBody.count + 400)
        out += Array(#"{"approvals":"#.utf8)
        JSONCanonical.write(.array(approvals.map(\.json)), into: &out)
        out += Array(#","body":"#.utf8)
        out += canonicalBody
        out += Array(#","committed_at":"#.utf8)
        JSONCanonical.write(.s(committedAt), into: &out)
        out += Array(#","kind":"#.utf8)
        JSONCanonical.write(.s(kind.rawValue), into: &out)
        out += Array(#","ledger_id":"#.utf8)
        JSONCanonical.write(.s(ledgerID), into: &out)
        out += Array(#","prev_hash":""#.utf8) + Array(prevHash.hex.utf8) + Array(#"","seq":"#.utf8) + Array(String(seq).utf8)
        out.append(UInt8(ascii: "}"))
        return out
    }

    /// The most bytes this entry's canonical form can take once appended, whatever approves it:
    /// two approvals by keys with the longest possible names, the largest seq, a ledger id of
    /// the longest form. A proposal over `Limits.entryBytesMax` by this bound is refused (R5).
    public var canonicalBytesUpperBound: Int {
        let longestName = String(repeating: "a", count: Limits.keyNameCharactersMax)
        let approval = Approval(key: longestName, signature: try! Signature(bytes: [UInt8](repeating: 0, count: 64)))
        return Entry.canonicalBytes(seq: Limits.integerMagnitudeMax, ledgerID: String(repeating: "a", count: 64), prevHash: .zero,
                                    committedAt: "0000-00-00T00:00:00Z", kind: kind, canonicalBody: body.json.canonicalBytes,
                                    approvals: [approval, approval]).count
    }

    /// entry_hash = SHA-256(0x00 || JCS(entry)).
    public var entryHash: Hash { Hash.leaf(canonicalBytes) }
}
