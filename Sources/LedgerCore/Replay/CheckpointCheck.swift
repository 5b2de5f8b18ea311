/// Rule R12 for one checkpoint given with an export: its origin, size and root must match
/// the entries, a log key active at entry `size - 1` must have signed it, every cosignature
/// line by a witness or approver key active there must verify (SPEC §12), and a witness
/// policy, when one is given, must be met.
///
/// The verifier feeds it every entry hash in order; it keeps only the Merkle frontier, so
/// the check costs O(log n) memory whatever the ledger's size.
struct CheckpointCheck {
    /// How failures name this checkpoint: the export's own, or an earlier one an auditor kept.
    let what: String
    /// Whether this is an earlier checkpoint the auditor kept (`--since`): then a root that
    /// does not match means the entries it covered were rewritten.
    let earlier: Bool
    let note: SignedNote?
    let checkpoint: Checkpoint?
    /// The witness policy the cosignatures must meet, if any.
    let policy: WitnessPolicy?
    /// Failures found in the note itself (before any entry is seen).
    private(set) var early: [Failure] = []
    private(set) var frontier = MerkleFrontier()
    /// The root of the first `checkpoint.size` entries and the log and cosigner keys in force
    /// after entry `size - 1`.
    private var atSize: (root: Hash, logKeys: [NoteVerifierKey], cosigners: [CosignerKey])?

    init(noteBytes: [UInt8], earlier: Bool = false, policy: WitnessPolicy? = nil) {
        (self.earlier, self.policy) = (earlier, policy)
        what = earlier ? "the earlier checkpoint (--since)" : "the checkpoint"
        let what = self.what
        func fail(_ message: String) -> Failure { Failure(seq: nil, rule: .r12, message: message) }
        do throws(LedgerError) {
            let parsed = try SignedNote(parsing: noteBytes)
            (note, checkpoint) = (parsed, try Checkpoint(text: parsed.text))
        } catch {
            (note, checkpoint) = (nil, nil)
            early = [fail("\(what) is not acceptable: \(error.description)")]
        }
    }

    /// Takes entry `frontier.size` (its hash) after the replay has applied it.
    mutating func add(_ entryHash: Hash, state: ReplayState) {
        frontier.append(entryHash)
        guard let checkpoint, frontier.size == checkpoint.size else { return }
        capture(root: frontier.root, state: state)
    }

    /// Takes the root and the keys in force at the checkpoint's size (the replay is there now).
    mutating func capture(root: Hash, state: ReplayState) {
        let active = state.keyOrder.compactMap { state.activeKey($0) }
        let logKeys = active.filter { $0.role == .log }.compactMap { try? NoteVerifierKey(name: $0.name, publicKey: $0.publicKey) }
        atSize = (root, logKeys, CosignerKey.cosigners(active))
    }

    /// The failures, once every entry has been added.
    func finish(ledgerID: String?) -> [Failure] {
        guard let checkpoint, let note else { return early }
        var out: [Failure] = []
        let seq = checkpoint.size > 0 ? checkpoint.size - 1 : nil
        if let ledgerID, !checkpoint.origin.utf8.elementsEqual(Checkpoint.origin(ledgerID: ledgerID).utf8) {
            out.append(Failure(seq: nil, rule: .r12, message: "\(what)'s origin '\(checkpoint.origin)' is not '\(Checkpoint.origin(ledgerID: ledgerID))'"))
        }
        guard checkpoint.size >= 1, let atSize else {
            return out + [Failure(seq: nil, rule: .r12, message: "\(what) covers \(checkpoint.size) entries; the export has \(frontier.size)"
                                  + (checkpoint.size == 0 ? " (a checkpoint covers at least the genesis entry)" : ""))]
        }
        if atSize.root != checkpoint.root {
            out.append(Failure(seq: seq, rule: .r12, message: "\(what)'s root \(checkpoint.root.hex) is not the Merkle root \(atSize.root.hex) of entries 0…\(checkpoint.size - 1)"
                               + (earlier ? ": entries it covered were changed since it was signed" : "")))
        }
        let v = note.verify(keys: atSize.logKeys)
        if !v.invalid.isEmpty {
            out.append(Failure(seq: seq, rule: .r12, message: "\(what)'s signature by log key \(v.invalid.joined(separator: ", ")) does not verify"))
        } else if v.verified.isEmpty {
            let names = atSize.logKeys.map(\.name).joined(separator: ", ")
            out.append(Failure(seq: seq, rule: .r12, message: "\(what) carries no signature of a log key active at entry \(checkpoint.size - 1) (\(names.isEmpty ? "none is active" : names))"))
        }
        let cosigned = note.checkCosignatures(keys: atSize.cosigners)
        if !cosigned.invalid.isEmpty {
            out.append(Failure(seq: seq, rule: .r12, message: "\(what)'s cosignature by \(cosigned.invalid.joined(separator: ", ")) does not verify"))
        }
        if let shortfall = policy?.shortfall(cosigned, what: what) { out.append(Failure(seq: seq, rule: .r12, message: shortfall)) }
        return out
    }

    /// What the report says of the checkpoint.
    var summary: VerifyReport.CheckpointSummary? {
        guard let checkpoint, let note else { return nil }
        let verified = atSize.map { note.verify(keys: $0.logKeys).verified } ?? []
        let cosigned = atSize.map { note.checkCosignatures(keys: $0.cosigners).valid } ?? []
        return VerifyReport.CheckpointSummary(origin: checkpoint.origin, size: checkpoint.size, root: checkpoint.root,
                                              logSignatures: verified, cosignatures: cosigned, policy: policy,
                                              otherSignatures: note.signatures.count - verified.count - cosigned.count)
    }
}
