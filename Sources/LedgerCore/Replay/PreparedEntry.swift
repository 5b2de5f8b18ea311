/// One exported line, as the verifier reads it: the bytes and whether a `\n` ended them.
///
/// A line longer than its reader's limit keeps only its first limit + 1 bytes (`isTruncated`),
/// and `length` tells how long it was: no consumer needs more to refuse it.
public struct Line: Sendable {
    public let bytes: [UInt8]
    public let terminated: Bool
    /// The whole line's length in bytes (without its `\n`).
    public let length: Int
    public var isTruncated: Bool { length > bytes.count }

    public init(bytes: [UInt8], terminated: Bool = true, length: Int? = nil) {
        self.bytes = bytes
        self.terminated = terminated
        self.length = length ?? bytes.count
    }
}

/// The state-independent work on one line: parse, canonical check, decode, hash,
/// approval message, and (optionally) signature checks against candidate keys.
///
/// Everything here is a pure function of the line's bytes, so the verifier does
/// it in parallel; `ReplayState` then consumes the result in order.
public struct PreparedEntry: Sendable {
    /// The fields the replay checks even when the entry does not decode fully.
    public struct Header: Sendable {
        public var seq: Int64?
        public var prevHash: String?
        public var ledgerID: String?
        public var kind: String?
        public var committedAt: String?
    }

    /// A signature already checked against the key a name is expected to have.
    public struct SignatureCheck: Sendable {
        public let keyName: String
        public let publicKey: PublicKey
        public let valid: Bool
    }

    /// A signature that `PublicKey.verify` accepted earlier in this process, over `message`.
    ///
    /// Only `PublicKey.verified(_:over:keyName:)` makes one, after the signature verified: no
    /// code outside LedgerCore can hand the store a "verified" signature that was never checked.
    /// It is matched against a later check by comparing the message's bytes, not a digest of
    /// them: equal bytes are the whole condition, and comparing costs far less than hashing.
    public struct VerifiedSignature: Sendable {
        public let keyName: String
        public let publicKey: PublicKey
        public let signature: Signature
        public let message: [UInt8]

        /// Internal on purpose: the one caller is `PublicKey.verified`, once the signature verified.
        init(keyName: String, publicKey: PublicKey, signature: Signature, message: [UInt8]) {
            (self.keyName, self.publicKey, self.signature, self.message) = (keyName, publicKey, signature, message)
        }

        /// Whether this is the verification of `signature` by `publicKey` (named `keyName`) over `message`.
        public func covers(keyName: String, publicKey: PublicKey, signature: Signature, message: [UInt8]) -> Bool {
            self.publicKey == publicKey && matches(keyName: keyName, signature: signature, message: message)
        }

        /// `covers` without the public key, for a caller that compares the key separately
        /// (the replay, against the key in force).
        func matches(keyName: String, signature: Signature, message: [UInt8]) -> Bool {
            self.keyName.sameUTF8(keyName) && self.signature == signature && Bytes.equal(self.message, message)
        }
    }

    public let entryHash: Hash
    /// Failures found from the bytes alone: R1 framing, R5 schema, R8 malformed keys.
    public private(set) var failures: [Failure] = []
    public let header: Header?
    public let entry: Entry?
    /// The approval message of a decoded entry.
    public let approvalMessage: [UInt8]?
    public private(set) var signatureChecks: [SignatureCheck] = []

    /// Prepares line `position` (0-based) of an export.
    public init(line: Line, position: Int64) {
        entryHash = Hash.leaf(line.bytes)
        var failures: [Failure] = []
        if !line.terminated {
            failures.append(Failure(seq: position, rule: .r1, message: "the last line is not ended by \\n"))
        }
        if line.length > Limits.documentBytesMax {
            failures.append(Failure(seq: position, rule: .r1, message: "line is \(line.length) bytes; the limit is \(Limits.documentBytesMax) bytes"))
            (self.failures, header, entry, approvalMessage) = (failures, nil, nil, nil)
            return
        }
        let document: JSONParser.Document
        do {
            document = try JSONParser.parseDocument(line.bytes, locating: "body")
        } catch {
            failures.append(Failure(seq: position, rule: .r1, message: "line is not acceptable JSON: \(error.message)"))
            (self.failures, header, entry, approvalMessage) = (failures, nil, nil, nil)
            return
        }
        let value = document.value
        guard case .object(let object) = value else {
            failures.append(Failure(seq: position, rule: .r1, message: "line is a JSON \(value.typeName), not an object"))
            (self.failures, header, entry, approvalMessage) = (failures, nil, nil, nil)
            return
        }
        if !document.isCanonical {
            failures.append(Failure(seq: position, rule: .r1, message: "line is not in canonical (RFC 8785) form"))
        }
        if line.length > Limits.entryBytesMax {
            failures.append(Failure(seq: position, rule: .r5, message: "entry is \(line.length) bytes; an entry is at most \(Limits.entryBytesMax) bytes (v1.1)"))
        }
        var h = Header()
        if case .integer(let n)? = object["seq"] { h.seq = n }
        if case .string(let s)? = object["prev_hash"] { h.prevHash = s }
        if case .string(let s)? = object["ledger_id"] { h.ledgerID = s }
        if case .string(let s)? = object["kind"] { h.kind = s }
        if case .string(let s)? = object["committed_at"] { h.committedAt = s }
        header = h
        do {
            let e = try Entry(json: value)
            entry = e
            // The body as parsed equals the decoded body's JSON: decoding is exact.
            // In a canonical line the body's bytes are JCS(body); otherwise re-serialize it.
            let body = document.isCanonical && document.located != nil
                ? line.bytes[document.located!] : ArraySlice(object["body"]!.canonicalBytes)
            approvalMessage = Body.approvalMessage(canonicalBody: body, kind: e.kind.rawValue, ledgerID: e.ledgerID)
        } catch {
            // An unknown kind is reported by the replay's R4 check from the header.
            if error.rule != .r4 { failures.append(Failure(seq: position, error, defaultRule: .r5)) }
            entry = nil
            approvalMessage = nil
        }
        self.failures = failures
    }

    /// Checks each approval's signature against the key its name is expected to have.
    /// The replay re-checks if the key in force turns out to differ.
    public mutating func checkSignatures(candidate: (String) -> PublicKey?) {
        guard let entry, let approvalMessage else { return }
        signatureChecks = entry.approvals.compactMap { a in
            guard let pk = candidate(a.key) else { return nil }
            return SignatureCheck(keyName: a.key, publicKey: pk, valid: pk.verify(a.signature, over: approvalMessage))
        }
    }

    /// Takes over signatures verified earlier over exactly this entry's approval message
    /// (same key name, signature bytes and message bytes), so the replay does not verify
    /// them twice. The replay still checks every other part of R6, and re-verifies any
    /// approval not matched here or whose key in force differs from the one verified with.
    public mutating func reuse(_ verified: [VerifiedSignature]) {
        guard let entry, let approvalMessage, !verified.isEmpty else { return }
        for a in entry.approvals {
            guard let v = verified.first(where: { $0.matches(keyName: a.key, signature: a.signature, message: approvalMessage) }) else { continue }
            signatureChecks.append(SignatureCheck(keyName: a.key, publicKey: v.publicKey, valid: true))
        }
    }

    /// The key objects this entry introduces, if it decodes (genesis keys and key_update additions).
    public var introducedKeys: [KeyObject] {
        switch entry?.body {
        case .genesis(let b)?: return b.keys
        case .keyUpdate(let b)?: return b.add
        default: return []
        }
    }
}
