import Foundation
import LedgerCore
import LedgerStore

/// Follows a log published as tiles (SPEC §11), round after round, as anyone can: each round
/// fetches the checkpoint, checks its signatures and the witness policy, proves it consistent
/// with the last checkpoint seen, downloads only the new entries, replays them through the
/// same state machine as `jhf verify`, and checks that they hash to the checkpoint's root.
///
/// What it has seen is kept next to the state file: `STATE` (JSON: the last checkpoint
/// accepted) and `STATE.entries` (the entries verified so far, one canonical line each, which
/// a new process replays locally at start instead of downloading again). Nothing is saved
/// from a round that failed; the evidence of an inconsistency is written to its own file.
public final class LogMonitor {
    public let source: any TileSource
    public let statePath: String
    public let evidenceDirectory: String
    let pinnedGenesis: Hash?
    let policy: WitnessPolicy?
    private var verifier: Verifier
    /// The last checkpoint accepted (note bytes and parsed text).
    private var seen: (note: [UInt8], checkpoint: Checkpoint)?
    var mirrorPath: String { statePath + ".entries" }
    /// Bytes of the mirror the saved state covers (a crash may leave more after them).
    private var mirrorBytes: UInt64 = 0

    /// What one round found.
    public enum Outcome: Sendable {
        /// All checks hold; `entries` are the new ones, in order, with their seq.
        case consistent(size: Int64, new: [(seq: Int64, body: Body)])
        /// Misbehaviour or a rule failure: why, and the evidence file written.
        case inconsistent(reason: String, failures: [Failure], evidence: String)
        /// The log could not be read (a missing checkpoint or tile, an unreachable server).
        case unreadable(String)
    }

    public init(source: any TileSource, statePath: String, evidenceDirectory: String? = nil, pinnedGenesis: Hash? = nil,
                policy: WitnessPolicy? = nil, jobs: Int = 1) throws(StoreError) {
        self.source = source
        self.statePath = statePath
        self.evidenceDirectory = evidenceDirectory ?? (statePath as NSString).deletingLastPathComponent.nonEmpty ?? "."
        self.pinnedGenesis = pinnedGenesis
        self.policy = policy
        verifier = Verifier(jobs: jobs, pinnedGenesis: pinnedGenesis)
        guard let bytes = FileManager.default.contents(atPath: statePath) else { return }
        let note = Array(bytes)
        let checkpoint: Checkpoint
        do throws(LedgerError) { checkpoint = try Checkpoint(text: try SignedNote(parsing: note).text) } catch {
            throw StoreError(.corrupt, field: "state", "\(statePath) is not a checkpoint note: \(error.message)")
        }
        // Rebuild the replay state from the entries verified before: local, nothing downloaded.
        guard FileManager.default.fileExists(atPath: mirrorPath) else {
            throw StoreError(.corrupt, field: "state", "\(mirrorPath) is missing; the entries seen before are needed to continue")
        }
        let reader = try LineReader(path: mirrorPath)
        while verifier.state.size < checkpoint.size {
            let batch = try reader.next(max: Int(min(Int64(Limits.verifyBatchEntriesMax), checkpoint.size - verifier.state.size)))
            if batch.isEmpty { break }
            verifier.feed(batch)
            mirrorBytes += batch.reduce(0) { $0 + UInt64($1.length) + 1 }
        }
        let (failures, _) = verifier.check(checkpoint: note)
        guard verifier.state.size == checkpoint.size, failures.isEmpty, verifier.failures.isEmpty else {
            throw StoreError(.corrupt, field: "state", "\(mirrorPath) does not replay to the checkpoint in \(statePath)")
        }
        seen = (note, checkpoint)
    }

    /// The size of the last checkpoint accepted (0 before the first round).
    public var size: Int64 { seen?.checkpoint.size ?? 0 }

    /// One round: read, check, and on success remember.
    public func round() -> Outcome {
        let note: [UInt8]
        do throws(StoreError) {
            guard let n = try source.fetch("checkpoint") else { return .unreadable("\(source.name) has no checkpoint") }
            note = n
        } catch { return .unreadable(error.message) }
        let new: Checkpoint
        do throws(LedgerError) { new = try Checkpoint(text: try SignedNote(parsing: note).text) } catch {
            return inconsistent("the published checkpoint is malformed: \(error.message)", note: note)
        }
        var proof: ConsistencyProof?
        if let seen {
            let old = seen.checkpoint
            guard new.origin.utf8.elementsEqual(old.origin.utf8) else {
                return inconsistent("the log's origin changed from '\(old.origin)' to '\(new.origin)'", note: note)
            }
            guard new.size >= old.size else {
                return inconsistent("the log shrank: \(new.size) entries, after \(old.size) were seen", note: note)
            }
            if new.size == old.size {
                guard new.root == old.root else {
                    return inconsistent("a fork: a checkpoint of \(new.size) entries with another root than the one seen", note: note)
                }
            } else {
                do throws(StoreError) { proof = try TileProofs.consistency(source, first: old.size, second: new.size) } catch {
                    return .unreadable("no consistency proof from \(old.size) to \(new.size): \(error.message)")
                }
                do throws(LedgerError) { try proof!.verify(firstRoot: old.root, secondRoot: new.root) } catch {
                    return inconsistent("a fork: the checkpoint of \(new.size) entries is not consistent with the one of \(old.size) seen: \(error.message)",
                                        note: note, proof: proof)
                }
            }
        }
        // Only the new entries: the bundles from the one holding entry `size` on.
        var lines: [Line] = []
        var events: [(Int64, Body)] = []
        let from = size
        for ref in TileLayout.entryBundles(size: new.size) where (ref.index + 1) * Int64(TileLayout.width) > from {
            let bytes: [UInt8]?
            do throws(StoreError) { bytes = try TileReader.fetchTile(ref, from: source) } catch { return .unreadable(error.message) }
            guard let bytes else { return .unreadable("\(ref.path) is missing (withheld?): entries from \(ref.index * Int64(TileLayout.width)) cannot be read") }
            let entries: [ArraySlice<UInt8>]
            do throws(LedgerError) { entries = try EntryBundle.decode(bytes, count: ref.width, path: ref.path) } catch {
                return inconsistent("\(ref.path) is malformed: \(error.message)", note: note, proof: proof)
            }
            for (i, e) in entries.enumerated() where ref.index * Int64(TileLayout.width) + Int64(i) >= from {
                lines.append(Line(bytes: Array(e)))
            }
        }
        var next = verifier
        let before = next.failureCount
        for start in stride(from: 0, to: lines.count, by: Limits.verifyBatchEntriesMax) {
            let batch = Array(lines[start..<min(lines.count, start + Limits.verifyBatchEntriesMax)])
            next.feed(batch)
            for (i, line) in batch.enumerated() {
                let p = PreparedEntry(line: line, position: from + Int64(start + i))
                if let body = p.entry?.body { events.append((from + Int64(start + i), body)) }
            }
        }
        var failures = Array(next.failures.suffix(next.failureCount - before))
        if let pinnedGenesis, next.state.size > 0, next.state.genesisHash != pinnedGenesis {
            failures.append(Failure(seq: 0, rule: .r13, message: "entry 0's entry_hash \(next.state.genesisHash?.hex ?? "-") is not the pinned genesis hash \(pinnedGenesis.hex)"))
        }
        failures += next.check(checkpoint: note, policy: policy).failures
        guard failures.isEmpty else {
            return inconsistent("the published log breaks \(failures.count) rule(s)", note: note, proof: proof, failures: failures)
        }
        do throws(StoreError) { try remember(note, lines: lines) } catch { return .unreadable("cannot save the state: \(error.message)") }
        verifier = next
        seen = (note, new)
        return .consistent(size: new.size, new: events)
    }

    /// Appends the new entries to the mirror (synced), then replaces the state file.
    private func remember(_ note: [UInt8], lines: [Line]) throws(StoreError) {
        if !lines.isEmpty {
            guard let h = FileHandle(forUpdatingAtPath: mirrorPath) ?? {
                FileManager.default.createFile(atPath: mirrorPath, contents: nil, attributes: [.posixPermissions: 0o644])
                return FileHandle(forUpdatingAtPath: mirrorPath)
            }() else { throw StoreError(.io, field: "state", "cannot open \(mirrorPath)") }
            defer { try? h.close() }
            let bytes: [UInt8] = lines.flatMap { $0.bytes + [0x0A] }
            do {
                // Cut what a crash may have left past the last state saved, then append.
                try h.truncate(atOffset: mirrorBytes)
                try h.seekToEnd()
                try h.write(contentsOf: Data(bytes))
                try h.synchronize()
            } catch { throw StoreError(.io, field: "state", "cannot write \(mirrorPath): \(error.localizedDescription)") }
            mirrorBytes += UInt64(bytes.count)
        }
        try FileWriter.replace(statePath, note)
    }

    private func inconsistent(_ reason: String, note: [UInt8], proof: ConsistencyProof? = nil, failures: [Failure] = []) -> Outcome {
        let evidence: JSONValue = .object([
            "reason": .string(reason),
            "previous_checkpoint": seen.map { .string(String(decoding: $0.note, as: UTF8.self)) } ?? .null,
            "checkpoint": .string(String(decoding: note, as: UTF8.self)),
            "consistency_proof": proof?.json ?? .null,
            "failures": .array(failures.map { .object(["seq": $0.seq.map { .integer($0) } ?? .null, "rule": .string($0.rule.rawValue), "message": .string($0.message)]) }),
            "source": .string(source.name),
            "detected_at": .integer(Int64(Date().timeIntervalSince1970)),
        ])
        let path = "\(evidenceDirectory)/evidence-\(Int64(Date().timeIntervalSince1970))-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).json"
        let saved = FileManager.default.createFile(atPath: path, contents: Data(evidence.canonicalBytes + [0x0A]), attributes: [.posixPermissions: 0o644])
        return .inconsistent(reason: reason, failures: failures, evidence: saved ? path : "(could not write \(path))")
    }
}

private extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
