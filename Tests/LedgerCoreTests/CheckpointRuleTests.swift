import Foundation
import Testing
@testable import LedgerCore

/// Rule R12: a checkpoint given with an export must match the entries and be signed by a
/// log key active at its last entry. Named mutations of a good checkpoint, each caught.
@Suite("R12 checkpoints in verification")
struct CheckpointRuleTests {
    static let builder = Scenario.base()

    /// A checkpoint note over the first `size` entries, signed by `signer` under `name`.
    static func note(size: Int? = nil, origin: String? = nil, root: Hash? = nil, signer: String = "job-log", name: String? = nil,
                     extra: [SignedNote.SignatureLine] = []) -> [UInt8] {
        let b = builder
        let n = size ?? b.lines.count
        var tree = MerkleFrontier()
        for line in b.lines.prefix(n) { tree.append(Hash.leaf(line)) }
        let c = Checkpoint(origin: origin ?? Checkpoint.origin(ledgerID: Scenario.ledgerID), size: Int64(n), root: root ?? tree.root)
        return SignedNote(text: c.text, signatures: [SignedNote.sign(c.text, name: name ?? signer, key: b.signers[signer]!)] + extra).bytes
    }

    static func verifyWith(_ lines: [[UInt8]], checkpoint: [UInt8]) -> VerifyReport {
        var v = Verifier(jobs: 1, checkpoint: checkpoint)
        v.feed(lines.map { Line(bytes: $0) })
        return v.finish()
    }

    @Test func goodCheckpointVerifiesAndIsReported() {
        let r = Self.verifyWith(Self.builder.lines, checkpoint: Self.note())
        #expect(r.ok, "\(r.failures)")
        #expect(r.checkpoint?.size == 4)
        #expect(r.checkpoint?.logSignatures == ["job-log"])
        #expect(r.checkpoint?.root == r.root)
        // A checkpoint of a prefix is valid too: the export grew after it was signed.
        #expect(Self.verifyWith(Self.builder.lines, checkpoint: Self.note(size: 2)).ok)
        // Cosignatures by other keys (here an approver's) are ignored by R12.
        let text = Array(Self.note().split(separator: 0x0A, omittingEmptySubsequences: false).prefix(3).joined(separator: [0x0A])) + [0x0A]
        let cosigned = Self.note(extra: [SignedNote.sign(text, name: "shcp-ana", key: Self.builder.signers["shcp-ana"]!)])
        let c = Self.verifyWith(Self.builder.lines, checkpoint: cosigned)
        #expect(c.ok && c.checkpoint?.otherSignatures == 1)
    }

    /// Without a checkpoint the last entry's unsigned committed_at can be changed unseen;
    /// with one, the Merkle root no longer matches.
    @Test func lastCommittedAtEditedIsCaughtByTheCheckpoint() {
        var lines = Self.builder.lines
        lines[lines.count - 1] = rewrite(lines[lines.count - 1]) { $0["committed_at"] = .string("2026-11-30T23:59:59Z") }
        #expect(verify(lines).ok, "the chain alone cannot see this edit")
        let r = Self.verifyWith(lines, checkpoint: Self.note())
        #expect(!r.ok)
        #expect(r.failures.map(\.rule) == [.r12])
        #expect(r.failures.first?.seq == 3)
        // Dropping the last entry is caught the same way.
        #expect(Self.verifyWith(Array(lines.dropLast()), checkpoint: Self.note()).failures.map(\.rule) == [.r12])
    }

    static let mutations: [(String, [UInt8], String)] = [
        ("wrong-origin", note(origin: "jhf-ledger/other.ledger"), "origin"),
        ("wrong-root", note(root: Merkle.emptyRoot), "is not the Merkle root"),
        ("size-beyond-export", note(size: 5), "covers 5 entries"),
        ("size-zero", note(size: 0), "at least the genesis"),
        ("signed-by-approver", note(signer: "shcp-ana"), "no signature of a log key"),
        ("log-key-under-other-name", note(name: "jhf-log"), "no signature of a log key"),
        ("not-a-note", Array("jhf-ledger/jhf.test.ledger\n4\n".utf8), "not acceptable"),
        ("four-lines", Array("jhf-ledger/jhf.test.ledger\n4\nAAAA\nx\n\n— job-log AAAAAAA=\n".utf8), "not acceptable"),
    ]

    @Test(arguments: mutations.map(\.0))
    func mutatedCheckpointIsCaught(_ name: String) {
        let (_, note, says) = Self.mutations.first { $0.0 == name }!
        let r = Self.verifyWith(Self.builder.lines, checkpoint: note)
        #expect(!r.ok, "\(name) passed")
        #expect(r.failures.allSatisfy { $0.rule == .r12 }, "\(r.failures)")
        #expect(r.failures.contains { $0.message.contains(says) }, "\(name): \(r.failures.map(\.message))")
    }

    @Test func corruptedLogSignatureIsCaught() {
        var bytes = Self.note()
        // Flip a bit inside the signature's base64 (well before its padding).
        let at = bytes.count - 20
        bytes[at] = bytes[at] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        let r = Self.verifyWith(Self.builder.lines, checkpoint: bytes)
        #expect(r.failures.contains { $0.rule == .r12 && $0.message.contains("does not verify") }, "\(r.failures)")
    }

    @Test func revokedLogKeyNoLongerSignsLaterCheckpoints() throws {
        // A ledger where the log key is revoked at seq 4: a checkpoint of size 5 signed by it fails.
        var b = Self.builder
        let newLog = b.addSigner("job-log-2", institution: "JOB", role: .log)
        let failures = b.append(.keyUpdate(KeyUpdateBody(id: "K-1", add: [newLog], revoke: ["job-log"], reason: "Rotation", proposedAt: "2026-11-02T10:00:00Z")),
                 approvers: ["shcp-ana", "usaid-ben"], committedAt: Scenario.time(5))
        #expect(failures.isEmpty, "\(failures)")
        var tree = MerkleFrontier()
        for line in b.lines { tree.append(Hash.leaf(line)) }
        let c = Checkpoint(origin: Checkpoint.origin(ledgerID: Scenario.ledgerID), size: 5, root: tree.root)
        func verify(signedBy name: String) -> VerifyReport {
            Self.verifyWith(b.lines, checkpoint: SignedNote(text: c.text, signatures: [SignedNote.sign(c.text, name: name, key: b.signers[name]!)]).bytes)
        }
        #expect(!verify(signedBy: "job-log").ok)
        #expect(verify(signedBy: "job-log-2").ok)
    }

    /// A service that rewrites an old entry's unsigned fields, relinks the chain and signs a
    /// fresh checkpoint passes every per-export check; the auditor's earlier checkpoint catches it.
    @Test func rewrittenHistoryIsCaughtByTheEarlierCheckpoint() {
        let original = Self.builder.lines
        let earlier = Self.note(size: 3)
        // Honest growth: the earlier checkpoint still matches.
        var honest = Verifier(jobs: 1, checkpoint: Self.note(), since: earlier)
        honest.feed(original.map { Line(bytes: $0) })
        #expect(honest.finish().ok)

        var lines = original
        lines[1] = rewrite(lines[1]) { $0["committed_at"] = .string("2026-11-01T12:00:00Z") }
        for i in 2..<lines.count { lines[i] = rewrite(lines[i]) { $0["prev_hash"] = .string(Hash.leaf(lines[i - 1]).hex) } }
        var tree = MerkleFrontier()
        for line in lines { tree.append(Hash.leaf(line)) }
        let fresh = Checkpoint(origin: Checkpoint.origin(ledgerID: Scenario.ledgerID), size: 4, root: tree.root)
        let freshNote = SignedNote(text: fresh.text, signatures: [SignedNote.sign(fresh.text, name: "job-log", key: Self.builder.signers["job-log"]!)]).bytes
        #expect(Self.verifyWith(lines, checkpoint: freshNote).ok, "the rewritten export is consistent with itself")
        var v = Verifier(jobs: 1, checkpoint: freshNote, since: earlier)
        v.feed(lines.map { Line(bytes: $0) })
        let r = v.finish()
        #expect(!r.ok)
        #expect(r.failures.count == 1 && r.failures[0].rule == .r12 && r.failures[0].seq == 2)
        #expect(r.failures[0].message.contains("earlier checkpoint (--since)") && r.failures[0].message.contains("changed since it was signed"))
        // An earlier checkpoint larger than the export (the ledger shrank) is caught too.
        var shrunk = Verifier(jobs: 1, since: Self.note())
        shrunk.feed(original.prefix(3).map { Line(bytes: $0) })
        #expect(shrunk.finish().failures.contains { $0.message.contains("covers 4 entries; the export has 3") })
    }
}
