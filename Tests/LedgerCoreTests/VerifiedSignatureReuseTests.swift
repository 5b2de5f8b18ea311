import Testing
@testable import LedgerCore

/// `PreparedEntry.reuse`: a signature verified earlier is taken only on an exact match of key
/// name, signature bytes and approval message bytes (and the key in force), never on less.
///
/// Every case uses an entry whose two signatures were made over another ledger's approval
/// message, so they do not verify over this entry: any reuse that should not happen shows
/// up as a missing R6 failure.
@Suite struct VerifiedSignatureReuseTests {
    static let otherLedger = "jhf.other.ledger"
    static let approvers = ["shcp-ana", "usaid-ben"]

    /// The builder, the entry's line (signed over the other ledger's message) and its prepared form.
    static func setUp() -> (LedgerBuilder, PreparedEntry, otherMessage: [UInt8]) {
        let b = Scenario.base()
        let body = Scenario.disbursement("D-3", n: 3).json
        let line = Scenario.signedLine(b, kind: "disbursement", body: body, approvers: approvers,
                                       committedAt: "2026-11-04T00:00:00Z", signedLedgerID: otherLedger)
        let p = PreparedEntry(line: Line(bytes: line), position: b.state.size)
        let other = Body.approvalMessage(bodyJSON: body, kind: "disbursement", ledgerID: otherLedger)
        return (b, p, other)
    }

    /// What the replay says about the entry's signatures after `reuse(verified)`.
    static func signatureFailures(_ make: (LedgerBuilder, PreparedEntry, [UInt8]) -> [PreparedEntry.VerifiedSignature]) -> [String] {
        let (b, prepared, other) = setUp()
        var p = prepared
        p.reuse(make(b, p, other))
        return b.state.evaluate(p).failures.filter { $0.rule == .r6 }.map(\.message)
    }

    static func exact(_ b: LedgerBuilder, _ p: PreparedEntry, name: String) -> PreparedEntry.VerifiedSignature {
        let a = p.entry!.approvals.first { $0.key == name }!
        return .init(keyName: name, publicKey: b.signers[name]!.publicKey, signature: a.signature, message: p.approvalMessage!)
    }

    @Test func theSignaturesReallyDoNotVerifyWithoutReuse() {
        let failures = Self.signatureFailures { _, _, _ in [] }
        #expect(failures.count == 2, "\(failures)")
        #expect(failures.allSatisfy { $0.contains("signature does not verify") }, "\(failures)")
    }

    @Test func anExactMatchIsTakenAsVerified() {
        // The contract: the caller verified exactly this signature over exactly these bytes.
        let failures = Self.signatureFailures { b, p, _ in Self.approvers.map { Self.exact(b, p, name: $0) } }
        #expect(failures.isEmpty, "\(failures)")
    }

    /// One way a remembered verification differs from the check the replay would make.
    struct Mismatch: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let change: @Sendable (LedgerBuilder, PreparedEntry.VerifiedSignature, [UInt8]) -> PreparedEntry.VerifiedSignature
    }

    static let mismatches: [Mismatch] = [
        Mismatch(testDescription: "verified over the other ledger's message (where the signature is valid)") { _, v, other in
            .init(keyName: v.keyName, publicKey: v.publicKey, signature: v.signature, message: other)
        },
        Mismatch(testDescription: "message differs in its last byte") { _, v, _ in
            var m = v.message
            m[m.count - 1] ^= 0x01
            return .init(keyName: v.keyName, publicKey: v.publicKey, signature: v.signature, message: m)
        },
        Mismatch(testDescription: "message is one byte longer") { _, v, _ in
            .init(keyName: v.keyName, publicKey: v.publicKey, signature: v.signature, message: v.message + [0x20])
        },
        Mismatch(testDescription: "message is the empty string") { _, v, _ in
            .init(keyName: v.keyName, publicKey: v.publicKey, signature: v.signature, message: [])
        },
        Mismatch(testDescription: "another signature") { b, v, _ in
            .init(keyName: v.keyName, publicKey: v.publicKey, signature: b.signers[v.keyName]!.sign(v.message + [0x20]), message: v.message)
        },
        Mismatch(testDescription: "another key name") { _, v, _ in
            .init(keyName: v.keyName == "shcp-ana" ? "shcp-carlos" : "usaid-dana", publicKey: v.publicKey, signature: v.signature, message: v.message)
        },
        Mismatch(testDescription: "key name differing only in Unicode normalization") { _, v, _ in
            // "shcp-ana" with a combining acute on the last letter is another name, not an equal string.
            .init(keyName: v.keyName + "\u{301}", publicKey: v.publicKey, signature: v.signature, message: v.message)
        },
        Mismatch(testDescription: "verified with a public key that is not the key in force") { b, v, _ in
            .init(keyName: v.keyName, publicKey: b.signers["job-log"]!.publicKey, signature: v.signature, message: v.message)
        },
    ]

    @Test(arguments: mismatches)
    func aNearMatchIsVerifiedAgain(_ mismatch: Mismatch) {
        let failures = Self.signatureFailures { b, p, other in
            Self.approvers.map { mismatch.change(b, Self.exact(b, p, name: $0), other) }
        }
        #expect(failures.count == 2, "\(failures)")
        #expect(failures.allSatisfy { $0.contains("signature does not verify") }, "\(failures)")
    }

    @Test func coversComparesEveryPart() {
        let (b, p, other) = Self.setUp()
        let v = Self.exact(b, p, name: "shcp-ana")
        let (pk, sig, message) = (v.publicKey, v.signature, p.approvalMessage!)
        #expect(v.covers(keyName: "shcp-ana", publicKey: pk, signature: sig, message: message))
        #expect(!v.covers(keyName: "shcp-ana", publicKey: pk, signature: sig, message: other))
        #expect(!v.covers(keyName: "shcp-ana", publicKey: b.signers["usaid-ben"]!.publicKey, signature: sig, message: message))
        #expect(!v.covers(keyName: "usaid-ben", publicKey: pk, signature: sig, message: message))
        #expect(!v.covers(keyName: "shcp-ana", publicKey: pk, signature: b.signers["shcp-ana"]!.sign(other + [0x20]), message: message))
    }
}
