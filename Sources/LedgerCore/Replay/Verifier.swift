/// Replays an export from genesis and collects every failure (SPEC §6).
///
/// Lines arrive in batches (`feed`) so memory stays bounded whatever the ledger's
/// size. Within a batch, parsing and signature checks run on `jobs` threads; the
/// replay itself is sequential, through the same `ReplayState` the store uses.
public struct Verifier {
    public let jobs: Int
    public let pinnedGenesis: Hash?
    public private(set) var state = ReplayState()
    public private(set) var failures: [Failure] = []
    /// All failures found, including those beyond `Limits.reportFailuresMax`.
    public private(set) var failureCount = 0
    private var sealedSeen: Set<String> = []
    private var lastSealedSeq: Int64 = -1
    /// R12, when the export carries a checkpoint.
    private var checkpoint: CheckpointCheck?
    /// The witness policy the checkpoint must meet, if one was given.
    private let witnessPolicy: WitnessPolicy?
    /// R12 for an earlier checkpoint the auditor kept: the ledger must only have grown since.
    private var since: CheckpointCheck?
    /// The Merkle tree over the entries replayed so far (SPEC §7).
    public private(set) var tree = MerkleFrontier()
    /// Gathers a quarterly report's figures from this replay, when one is wanted.
    public private(set) var audit: AuditCollector?
    /// Anything else that gathers figures from this replay (the public site's open data).
    public private(set) var observer: (any ReplayObserver)?

    /// `checkpoint` is the export's checkpoint note, when it has one; `since` an earlier checkpoint
    /// the auditor kept, which the entries must still match (both R12). With `witnessPolicy`, the
    /// checkpoint's cosignatures must meet it (R12; without a checkpoint, that fails too).
    public init(jobs: Int = 1, pinnedGenesis: Hash? = nil, checkpoint: [UInt8]? = nil, since: [UInt8]? = nil,
                witnessPolicy: WitnessPolicy? = nil, audit: AuditCollector? = nil, observer: (any ReplayObserver)? = nil) {
        self.jobs = min(max(1, jobs), Limits.verifyJobsMax)
        self.audit = audit
        self.observer = observer
        self.pinnedGenesis = pinnedGenesis
        self.witnessPolicy = witnessPolicy
        self.checkpoint = checkpoint.map { CheckpointCheck(noteBytes: $0, policy: witnessPolicy) }
        self.since = since.map { CheckpointCheck(noteBytes: $0, earlier: true) }
    }

    /// Replays the next lines of `entries.jsonl`, in order.
    public mutating func feed(_ lines: [Line]) {
        let base = state.size
        // One parallel pass: parse each line and check its signatures against the keys
        // the history so far gives those names. Only a guess; the replay re-checks any
        // signature whose key in force turns out to differ.
        let current = state
        var prepared = Parallel.map(lines.count, jobs: jobs) { i in
            var p = PreparedEntry(line: lines[i], position: base + Int64(i))
            p.checkSignatures { name in current.publicKey(named: name) }
            return p
        }
        // Keys added within this batch (genesis, key updates): check the few entries
        // signed by them here, in parallel too, rather than one by one in the replay.
        var added: [String: PublicKey] = [:]
        for p in prepared {
            for k in p.introducedKeys where added[k.name] == nil && state.publicKey(named: k.name) == nil {
                added[k.name] = k.publicKey
            }
        }
        if !added.isEmpty {
            let guesses = added
            let pending = prepared.indices.filter { i in prepared[i].entry?.approvals.contains { guesses[$0.key] != nil } ?? false }
            let rechecked = Parallel.map(pending.count, jobs: jobs) { [prepared] j in
                var p = prepared[pending[j]]
                p.checkSignatures { name in current.publicKey(named: name) ?? guesses[name] }
                return p
            }
            for (j, i) in pending.enumerated() { prepared[i] = rechecked[j] }
        }
        for p in prepared {
            audit?.willReplay(p, state: state)
            observer?.willReplay(p, state: state)
            let evaluation = state.evaluate(p)
            state.commit(p, evaluation)
            record(evaluation.failures)
            audit?.didReplay(p, applied: evaluation.applicable, state: state)
            observer?.didReplay(p, applied: evaluation.applicable, state: state)
            tree.append(p.entryHash)
            checkpoint?.add(p.entryHash, state: state)
            since?.add(p.entryHash, state: state)
        }
    }

    /// Checks the lines of `sealed.jsonl` (R11); call after all entries are fed.
    public mutating func checkSealed(_ lines: [Line], firstLine: Int) {
        for (i, line) in lines.enumerated() {
            record(checkSealedLine(line, number: firstLine + i))
        }
    }

    private mutating func checkSealedLine(_ line: Line, number: Int) -> [Failure] {
        let place = "sealed.jsonl line \(number + 1)"
        if line.length > Limits.documentBytesMax {
            return [Failure(seq: nil, rule: .r11, message: "\(place) is \(line.length) bytes; the limit is \(Limits.documentBytesMax) bytes")]
        }
        let value: JSONValue
        do {
            value = try JSONParser.parse(line.bytes)
        } catch {
            return [Failure(seq: nil, rule: .r11, message: "\(place) is not acceptable JSON: \(error.message)")]
        }
        var out: [Failure] = []
        if !line.terminated || !JSONCanonical.isCanonical(line.bytes, value: value) {
            out.append(Failure(seq: nil, rule: .r11, message: "\(place) is not canonical JSON followed by \\n"))
        }
        let id: String
        let sealedValue: JSONValue
        do {
            let r = try FieldReader(value, path: "", fields: ["id", "sealed"])
            id = try r.string("id")
            sealedValue = r.value("sealed")
        } catch {
            return out + [Failure(seq: nil, rule: .r11, message: "\(place): \(error.description)")]
        }
        guard let digest = state.sealedDigest(of: id), let seq = state.seq(of: id) else {
            return out + [Failure(seq: nil, rule: .r11, message: "\(place): sealed record for \(id), which is not a disbursement accepted by the replay")]
        }
        if !sealedSeen.insert(id).inserted {
            out.append(Failure(seq: seq, rule: .r11, message: "\(place): a second sealed record for \(id)"))
        } else if seq < lastSealedSeq {
            out.append(Failure(seq: seq, rule: .r11, message: "\(place): sealed records are not in ledger order"))
        }
        lastSealedSeq = max(lastSealedSeq, seq)
        do {
            _ = try SealedRecord(json: sealedValue, path: "sealed")
        } catch {
            out.append(Failure(seq: seq, rule: .r11, message: "\(place): \(error.description)"))
        }
        if Hash.sha256(sealedValue.canonicalBytes) != digest {
            out.append(Failure(seq: seq, rule: .r11, message: "\(place): sealed record of \(id) does not match its sealed_digest"))
        }
        return out
    }

    /// Adds a failure found outside the replay (for example by a store's own checks).
    public mutating func record(_ new: [Failure]) {
        failureCount += new.count
        let room = Limits.reportFailuresMax - failures.count
        if room > 0 { failures.append(contentsOf: new.prefix(room)) }
    }

    /// Checks a checkpoint of exactly the entries fed so far, without finishing (a monitor that
    /// follows a log, round after round): its origin, root, log signature, cosignatures and
    /// `policy` (R12), against the keys in force now. Returns the failures and what it carries.
    public func check(checkpoint note: [UInt8], policy: WitnessPolicy? = nil) -> (failures: [Failure], summary: VerifyReport.CheckpointSummary?) {
        var check = CheckpointCheck(noteBytes: note, policy: policy)
        guard let c = check.checkpoint else { return (check.early, nil) }
        guard c.size == state.size else {
            return ([Failure(seq: nil, rule: .r12, message: "the checkpoint covers \(c.size) entries; \(state.size) were read")], nil)
        }
        check.capture(root: tree.root, state: state)
        return (check.finish(ledgerID: state.ledgerID), check.summary)
    }

    /// Finishes: end-of-ledger checks (R4 empty ledger, R12 checkpoint, R13 anchor) and the report.
    public mutating func finish() -> VerifyReport {
        if state.size == 0 {
            record([Failure(seq: nil, rule: .r4, message: "the export has no entries, so no genesis entry")])
        }
        if let pinned = pinnedGenesis, state.genesisHash != pinned {
            record([Failure(seq: 0, rule: .r13, message: "entry 0's entry_hash \(state.genesisHash?.hex ?? "(none)") is not the pinned genesis hash \(pinned.hex)")])
        }
        if let checkpoint { record(checkpoint.finish(ledgerID: state.ledgerID)) }
        if let witnessPolicy, checkpoint == nil {
            record([Failure(seq: nil, rule: .r12, message: "the witness policy '\(witnessPolicy)' needs a checkpoint with cosignatures; the export has none")])
        }
        if let since { record(since.finish(ledgerID: state.ledgerID)) }
        return VerifyReport(state: state, failures: failures, failureCount: failureCount, root: tree.root, checkpoint: checkpoint?.summary)
    }

    /// The quarterly report gathered during the replay, given the verdict `finish` returned;
    /// nil when no collector was given.
    public func auditReport(_ verification: VerifyReport) throws(LedgerError) -> AuditReport? {
        try audit?.finish(verification: verification, state: state)
    }
}
