import Foundation
import Testing
@testable import LedgerCore

/// tlog-cosignature/v1 lines (SPEC §12) and witness policies in verification (R12).
@Suite("Cosignatures and witness policies")
struct CosignatureTests {
    /// A ledger whose genesis also names witnesses: ASF (one key), GAO (two keys), JOB (one).
    static let builder: LedgerBuilder = {
        var b = LedgerBuilder(ledgerID: Scenario.ledgerID)
        var g = Scenario.genesisBody(&b)
        let witnesses = [b.addSigner("asf-w", institution: "ASF", role: .witness), b.addSigner("gao-w1", institution: "GAO", role: .witness),
                         b.addSigner("gao-w2", institution: "GAO", role: .witness), b.addSigner("job.example/w", institution: "JOB", role: .witness)]
        g = GenesisBody(title: g.title, currencies: g.currencies, keys: (g.keys + witnesses).sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) },
                        budgets: g.budgets, createdAt: g.createdAt)
        b.append(.genesis(g), approvers: ["shcp-ana", "usaid-ben"], committedAt: Scenario.t0)
        b.append(Scenario.disbursement("D-1"), approvers: ["shcp-ana", "usaid-ben"], committedAt: Scenario.time(1), sealed: Scenario.sealed(1))
        return b
    }()

    static var text: [UInt8] {
        var tree = MerkleFrontier()
        for line in builder.lines { tree.append(Hash.leaf(line)) }
        return Checkpoint(origin: Checkpoint.origin(ledgerID: Scenario.ledgerID), size: Int64(builder.lines.count), root: tree.root).text
    }

    static func cosign(_ name: String, at t: UInt64 = 1_790_000_000) -> SignedNote.SignatureLine {
        Cosignature.sign(text, name: name, key: builder.signers[name]!, timestamp: t)
    }

    static func verify(_ lines: [SignedNote.SignatureLine], policy: String? = nil) throws -> VerifyReport {
        let note = SignedNote(text: text, signatures: [SignedNote.sign(text, name: "job-log", key: builder.signers["job-log"]!)] + lines)
        var v = Verifier(jobs: 1, checkpoint: note.bytes, witnessPolicy: try policy.map { try WitnessPolicy(text: $0) })
        v.feed(builder.lines.map { Line(bytes: $0) })
        return v.finish()
    }

    @Test func keyIDsDifferByType() {
        let key = LedgerBuilder.testKey("asf-w").publicKey
        #expect(Cosignature.keyID(name: "asf-w", publicKey: key) == Array(Hash.sha256(Array("asf-w\n".utf8) + [0x04] + key.bytes).bytes.prefix(4)))
        #expect(Cosignature.keyID(name: "asf-w", publicKey: key) != SignedNote.keyID(name: "asf-w", publicKey: key))
    }

    @Test func lineLayoutIsKeyIDTimestampSignature() throws {
        let line = Self.cosign("asf-w", at: 0x0102_0304_0506_0708)
        #expect(line.signature.count == 72 && Array(line.signature.prefix(8)) == [1, 2, 3, 4, 5, 6, 7, 8])
        #expect(Cosignature.timestamp(of: line) == 0x0102_0304_0506_0708)
        let message = Array("cosignature/v1\ntime \(0x0102_0304_0506_0708)\n".utf8) + Self.text
        #expect(Self.builder.signers["asf-w"]!.publicKey.verify(try Signature(bytes: Array(line.signature.dropFirst(8))), over: message))
    }

    @Test func validCosignaturesAreReportedWithTheirInstitutionAndTime() throws {
        let r = try Self.verify([Self.cosign("asf-w"), Self.cosign("gao-w1", at: 5), Self.cosign("usaid-ben", at: 6)])
        #expect(r.ok, "\(r.failures)")
        #expect(r.checkpoint?.cosignatures == [.init(name: "asf-w", institution: "ASF", timestamp: 1_790_000_000),
                                              .init(name: "gao-w1", institution: "GAO", timestamp: 5),
                                              .init(name: "usaid-ben", institution: "USAID", timestamp: 6)])
        #expect(r.checkpoint?.otherSignatures == 0)
    }

    /// Lines that match no trusted (name, type-0x04 key ID) are ignored, whatever they hold.
    @Test(arguments: [
        ("type-0x01 line by a witness key (as before v1.1)", SignedNote.sign(text, name: "asf-w", key: builder.signers["asf-w"]!)),
        ("unknown key", Cosignature.sign(text, name: "someone-else", key: LedgerBuilder.testKey("x"), timestamp: 1)),
        ("the log key as a cosigner", Cosignature.sign(text, name: "job-log", key: builder.signers["job-log"]!, timestamp: 1)),
        ("a trusted name with another key", Cosignature.sign(text, name: "asf-w", key: LedgerBuilder.testKey("x"), timestamp: 1)),
    ])
    func ignoredLines(_ what: String, _ line: SignedNote.SignatureLine) throws {
        let r = try Self.verify([line])
        #expect(r.ok, "\(what): \(r.failures)")
        #expect(r.checkpoint?.cosignatures == [] && r.checkpoint?.otherSignatures == 1, "\(what)")
        // And they never count towards a policy.
        #expect(try Self.verify([line], policy: "1 of ASF,GAO,JOB").failures.map(\.rule) == [.r12], "\(what)")
    }

    static func mutated(_ change: (inout [UInt8]) -> Void) -> SignedNote.SignatureLine {
        let good = cosign("asf-w")
        var bytes = good.signature
        change(&bytes)
        return SignedNote.SignatureLine(keyName: good.keyName, keyID: good.keyID, signature: bytes)
    }

    /// A line that names a trusted key but does not verify fails R12, as signed-note asks.
    @Test(arguments: [
        ("timestamp-changed", mutated { $0[7] ^= 1 }),
        ("signature-bit-flipped", mutated { $0[40] ^= 0x10 }),
        ("timestamp-missing", mutated { $0.removeFirst(8) }),
        ("trailing-byte", mutated { $0.append(0) }),
        ("timestamp-above-2^63-1", mutated { $0[0] |= 0x80 }),
        ("signed-over-other-text", Cosignature.sign(Array("jhf-ledger/other\n1\n\(Base64.encode(Array(repeating: 0, count: 32)))\n".utf8),
                                                    name: "asf-w", key: builder.signers["asf-w"]!, timestamp: 1)),
    ])
    func invalidCosignatureFailsR12(_ mutation: String, _ line: SignedNote.SignatureLine) throws {
        let r = try Self.verify([line, Self.cosign("gao-w1")])
        #expect(!r.ok && r.failures.map(\.rule) == [.r12], "\(mutation)")
        #expect(r.failures.first?.message == "the checkpoint's cosignature by asf-w does not verify", "\(mutation)")
    }

    @Test func policyCountsDistinctInstitutions() throws {
        let policy = "2 of ASF,GAO,JOB"
        #expect(try Self.verify([Self.cosign("asf-w"), Self.cosign("gao-w1")], policy: policy).ok)
        #expect(try Self.verify([Self.cosign("asf-w"), Self.cosign("job.example/w")], policy: policy).checkpoint?.policy?.description == policy)
        // Two keys of one institution count once.
        let twoGAO = try Self.verify([Self.cosign("gao-w1"), Self.cosign("gao-w2")], policy: policy)
        #expect(twoGAO.failures.map(\.message) == ["the checkpoint does not meet the witness policy '2 of ASF,GAO,JOB': valid cosignatures by 1 (GAO)"])
        // Institutions outside the policy do not count (an approver's cosignature here).
        let approver = try Self.verify([Self.cosign("asf-w"), Self.cosign("usaid-ben")], policy: policy)
        #expect(approver.failures.map(\.rule) == [.r12])
        #expect(try Self.verify([], policy: policy).failures.map(\.message)
                == ["the checkpoint does not meet the witness policy '2 of ASF,GAO,JOB': valid cosignatures by none of those institutions"])
        // An invalid line does not count and fails by itself.
        let broken = try Self.verify([Self.mutated { $0[9] ^= 1 }, Self.cosign("gao-w1")], policy: policy)
        #expect(broken.failures.count == 2)
        // Without a policy, nothing is required.
        #expect(try Self.verify([]).ok)
    }

    @Test func policyWithoutACheckpointFails() throws {
        var v = Verifier(jobs: 1, witnessPolicy: try WitnessPolicy(text: "1 of ASF"))
        v.feed(Self.builder.lines.map { Line(bytes: $0) })
        #expect(v.finish().failures.map(\.message) == ["the witness policy '1 of ASF' needs a checkpoint with cosignatures; the export has none"])
    }

    @Test(arguments: ["2 of ASF,GAO,JOB", "1 of ASF", "3 of ASF,GAO,JOB", "1 of EXAMPLE-WITNESS"])
    func policyParses(_ text: String) throws {
        #expect(try WitnessPolicy(text: text).description == text)
    }

    @Test(arguments: [
        ("", "must be '<k> of"), ("2 of", "must be '<k> of"), ("2of ASF", "must be '<k> of"), ("two of ASF,GAO", "must be '<k> of"),
        ("2  of ASF,GAO", "must be '<k> of"), ("2 of ASF, GAO", "must be '<k> of"), ("+1 of ASF", "must be '<k> of"),
        ("0 of ASF,GAO", "the quorum must be 1 to 2"), ("3 of ASF,GAO", "the quorum must be 1 to 2"),
        ("1 of ASF,ASF", "names an institution twice"), ("1 of asf", "is not an institution code"), ("1 of ASF,", "is not an institution code"),
        ("9999 of ASF", "must be '<k> of"),
    ])
    func policyRefusals(_ text: String, _ message: String) {
        #expect { try WitnessPolicy(text: text) } throws: { e in
            let e = e as! LedgerError
            return e.field == "witness_policy" && e.message.contains(message)
        }
    }
}
