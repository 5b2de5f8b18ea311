/// A self-contained proof that one entry is in the ledger: the entry, its inclusion path,
/// and a signed checkpoint whose root the path leads to. A clinic or a journalist checks it
/// offline with the ledger's published log keys, without downloading the ledger.
///
/// JSON: `{"checkpoint": "<signed note>", "entry": <entry object>, "inclusion": <inclusion proof>}`.
public struct EntryProof: Equatable, Sendable {
    /// The entry's exact canonical bytes (its line without the newline).
    public let entry: [UInt8]
    public let inclusion: InclusionProof
    /// The whole signed checkpoint note.
    public let checkpoint: [UInt8]

    public init(entry: [UInt8], inclusion: InclusionProof, checkpoint: [UInt8]) {
        (self.entry, self.inclusion, self.checkpoint) = (entry, inclusion, checkpoint)
    }

    public var json: JSONValue {
        .object(try! JSONObject([
            ("checkpoint", .string(String(decoding: checkpoint, as: UTF8.self))),
            ("entry", (try? JSONParser.parse(entry)) ?? .null),
            ("inclusion", inclusion.json),
        ]))
    }

    public init(json: JSONValue) throws(LedgerError) {
        let r = try FieldReader(json, path: "", fields: ["checkpoint", "entry", "inclusion"])
        checkpoint = Array(try r.string("checkpoint").utf8)
        guard case .object = r.value("entry") else { throw r.fail("entry", "must be an entry object") }
        // Entry lines are JCS: the object's canonical form is the line, byte for byte.
        entry = r.value("entry").canonicalBytes
        inclusion = try InclusionProof(json: r.value("inclusion"), path: "inclusion")
    }

    /// What a valid proof shows.
    public struct Verified: Equatable, Sendable {
        public let ledgerID: String
        public let seq: Int64
        public let id: String?
        public let kind: String
        public let treeSize: Int64
        public let signedBy: [String]
        /// Valid cosignatures by the given witness and approver keys.
        public let cosignedBy: [SignedNote.Cosigned]
    }

    /// Checks the proof against `logKeys` (the ledger's log keys, as published): the entry's
    /// position and ledger match the checkpoint's, the path leads to its root, and a log key
    /// signed it; every cosignature line by one of `cosigners` verifies, and `policy`, when
    /// given, is met (R12, SPEC §12).
    public func verify(logKeys: [NoteVerifierKey], cosigners: [CosignerKey] = [], policy: WitnessPolicy? = nil) throws(LedgerError) -> Verified {
        let note = try SignedNote(parsing: checkpoint)
        let c = try Checkpoint(text: note.text)
        let r = try FieldReader(try JSONParser.parse(entry), path: "entry", fields: ["approvals", "body", "committed_at", "kind", "ledger_id", "prev_hash", "seq"])
        let seq = try r.integer("seq")
        let ledgerID = try r.string("ledger_id")
        let kind = try r.string("kind")
        var id: String?
        if case .object(let body) = r.value("body"), case .string(let s)? = body["id"] { id = s }
        guard c.origin.utf8.elementsEqual(Checkpoint.origin(ledgerID: ledgerID).utf8) else {
            throw LedgerError(.crypto, field: "checkpoint", rule: .r12, "the checkpoint is for '\(c.origin)', the entry for ledger \(ledgerID)")
        }
        guard inclusion.leafIndex == seq else {
            throw LedgerError(.crypto, field: "inclusion.leaf_index", "is \(inclusion.leafIndex), the entry's seq is \(seq)")
        }
        guard inclusion.treeSize == c.size else {
            throw LedgerError(.crypto, field: "inclusion.tree_size", "is \(inclusion.treeSize), the checkpoint's size is \(c.size)")
        }
        try inclusion.verify(leaf: Hash.leaf(entry), root: c.root)
        let v = note.verify(keys: logKeys)
        guard v.isValid else {
            throw LedgerError(.crypto, field: "checkpoint", rule: .r12,
                              v.invalid.isEmpty ? "no signature by a given log key (\(logKeys.map(\.name).joined(separator: ", ")))"
                                                : "the signature by \(v.invalid.joined(separator: ", ")) does not verify")
        }
        let cosigned = note.checkCosignatures(keys: cosigners)
        if !cosigned.invalid.isEmpty {
            throw LedgerError(.crypto, field: "checkpoint", rule: .r12, "the cosignature by \(cosigned.invalid.joined(separator: ", ")) does not verify")
        }
        if let shortfall = policy?.shortfall(cosigned, what: "the checkpoint") {
            throw LedgerError(.crypto, field: "checkpoint", rule: .r12, shortfall)
        }
        return Verified(ledgerID: ledgerID, seq: seq, id: id, kind: kind, treeSize: c.size, signedBy: v.verified, cosignedBy: cosigned.valid)
    }
}
