import LedgerCore

/// The key a store signs checkpoints with (the ledger's `log` key), and its name in the ledger.
public struct CheckpointSigner: Sendable {
    public let name: String
    public let key: SecretKey

    public init(name: String, key: SecretKey) { (self.name, self.key) = (name, key) }
}

/// One stored checkpoint: the signed note and what it claims.
public struct StoredCheckpoint: Sendable, Equatable {
    public let size: Int64
    public let root: Hash
    /// The whole note: checkpoint text, blank line, the log key's signature, cosignatures.
    public let note: [UInt8]
    public let signedAt: String
}

/// Signed checkpoints (SPEC §8), kept in `checkpoints`.
extension LedgerStore {
    /// Checks that `signer` is a `log` key active now in the ledger, under that name and key.
    public func checkSigner(_ signer: CheckpointSigner) throws(StoreError) {
        guard let k = state.activeKey(signer.name), k.role == .log, k.publicKey == signer.key.publicKey else {
            throw StoreError(.invalid, field: "log-key",
                             "\(signer.name) is not an active log key of this ledger with this public key; add it with a key_update first")
        }
    }

    /// The name of the configured checkpoint signer when it is not (or no longer) an active
    /// log key of a ledger that has entries: checkpoints are then not being signed.
    public var inactiveCheckpointSigner: String? {
        guard let signer = checkpointSigner, state.size > 0, (try? checkSigner(signer)) == nil else { return nil }
        return signer.name
    }

    /// Inside a write transaction, after entries were appended: signs a checkpoint of the whole
    /// chain, unless the signer is no longer an active log key (then the previous checkpoint
    /// stays the latest). Before signing, proves the new tree consistent with the last
    /// checkpoint signed, so two inconsistent checkpoints are never signed.
    func signCheckpointLocked(_ signer: CheckpointSigner, now: String) throws(StoreError) {
        guard let ledgerID = state.ledgerID, state.size > 0, (try? checkSigner(signer)) != nil else { return }
        let size = state.size, root = tree.root
        if let last = try latestCheckpoint() {
            guard last.size < size else { return }
            let proof = try consistencyProof(first: last.size, second: size)
            do { try proof.verify(firstRoot: last.root, secondRoot: root) } catch {
                throw StoreError(.corrupt, "the tree of \(size) entries is not consistent with the checkpoint of \(last.size) already signed: \(error.message)")
            }
        }
        let text = Checkpoint(origin: Checkpoint.origin(ledgerID: ledgerID), size: size, root: root).text
        let note = SignedNote(text: text, signatures: [SignedNote.sign(text, name: signer.name, key: signer.key)])
        try db.prepare("INSERT INTO checkpoints(size, root, note, signed_at) VALUES (?, ?, ?, ?)")
            .bind(.int(size), .blob(root.bytes), .blob(note.bytes), .text(now)).run()
    }

    /// Signs a checkpoint of the whole chain now, in its own transaction (`jhf publish tiles
    /// --log-key`); refuses a signer that is not an active log key. Nothing is signed when the
    /// latest checkpoint already covers every entry.
    public func signCheckpoint(_ signer: CheckpointSigner, now: String) throws(StoreError) {
        try checkSigner(signer)
        try db.writeTransaction { () throws(StoreError) in try signCheckpointLocked(signer, now: now) }
    }

    /// The checkpoint of the largest size, if any was signed.
    public func latestCheckpoint() throws(StoreError) -> StoredCheckpoint? {
        try checkpointRow("SELECT size, root, note, signed_at FROM checkpoints ORDER BY size DESC LIMIT 1")
    }

    /// The checkpoint signed for exactly `size` entries, if there is one.
    public func checkpoint(size: Int64) throws(StoreError) -> StoredCheckpoint? {
        try checkpointRow("SELECT size, root, note, signed_at FROM checkpoints WHERE size = ?", .int(size))
    }

    private func checkpointRow(_ sql: String, _ values: SQLValue...) throws(StoreError) -> StoredCheckpoint? {
        let s = try db.prepare(sql).bind(values)
        defer { s.reset() }
        guard try s.step() else { return nil }
        guard let root = try? Hash(bytes: s.blob(1)) else { throw StoreError(.corrupt, "checkpoint \(s.int(0)) has a malformed root") }
        return StoredCheckpoint(size: s.int(0), root: root, note: s.blob(2), signedAt: s.text(3) ?? "")
    }
}

extension LedgerStore {
    /// Adds a tlog-cosignature/v1 line (SPEC §12) by a key of the ledger itself (the service's
    /// path): `keyName` must be an active witness or approver key, and `timestamped` is the
    /// timestamp and signature (72 bytes). Returns false if that key had already cosigned.
    public func cosign(size: Int64, keyName: String, timestamped: [UInt8]) throws(StoreError) -> Bool {
        guard let key = state.activeKey(keyName), key.role == .witness || key.role == .approver else {
            throw StoreError(.refused, field: "key", "\(keyName) is not an active witness or approver key of this ledger")
        }
        let line = SignedNote.SignatureLine(keyName: keyName, keyID: Cosignature.keyID(name: keyName, publicKey: key.publicKey), signature: timestamped)
        return try cosign(size: size, line: line, publicKey: key.publicKey)
    }

    /// Adds the cosignature line `line` (a witness's or an approver's) to the stored checkpoint of
    /// `size` entries. It must be a valid tlog-cosignature/v1 by `publicKey` over the checkpoint
    /// text. A line from the same key (name and key ID) already there changes nothing: false.
    public func cosign(size: Int64, line: SignedNote.SignatureLine, publicKey: PublicKey) throws(StoreError) -> Bool {
        try db.writeTransaction { () throws(StoreError) -> Bool in
            guard let c = try checkpoint(size: size) else { throw StoreError(.notFound, field: "size", "no checkpoint was signed for size \(size)") }
            let note: SignedNote
            do throws(LedgerError) { note = try SignedNote(parsing: c.note) } catch { throw StoreError(.corrupt, "stored checkpoint \(size) is not a note: \(error.message)") }
            guard SignedNote.isValidKeyName(line.keyName), line.keyID == Cosignature.keyID(name: line.keyName, publicKey: publicKey) else {
                throw StoreError(.invalid, field: "key", "the line's key ID is not the tlog-cosignature/v1 key ID of \(line.keyName.prefix(80))")
            }
            guard Cosignature.isValid(line, over: note.text, publicKey: publicKey) else {
                throw StoreError(.invalid, field: "signature", "is not a valid tlog-cosignature/v1 (timestamp and Ed25519 signature) over checkpoint \(size)")
            }
            if note.signatures.contains(where: { $0.keyName.utf8.elementsEqual(line.keyName.utf8) && $0.keyID == line.keyID }) { return false }
            guard note.signatures.count < Limits.noteSignaturesMax else {
                throw StoreError(.refused, field: "size", "checkpoint \(size) already has \(Limits.noteSignaturesMax) signature lines")
            }
            try db.prepare("UPDATE checkpoints SET note = ? WHERE size = ?").bind(.blob(c.note + line.bytes), .int(size)).run()
            return true
        }
    }
}
