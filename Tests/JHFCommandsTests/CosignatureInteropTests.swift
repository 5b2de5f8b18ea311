import Foundation
import LedgerCore
import Testing

/// tlog-cosignature/v1 against an independent implementation written from the C2SP text
/// (Tests/Tools/cosignature_reference.py, Python's `cryptography`): Ed25519 is deterministic,
/// so both must write the same line byte for byte, and each must accept the other's.
@Suite("Cosignatures against a reference implementation")
struct CosignatureInteropTests {
    static let seed = Array(repeating: UInt8(0x5A), count: 16) + Array(repeating: UInt8(0xA5), count: 16)
    static let text = Array("jhf-ledger/jhf.mx-us.2026\n1234067\n\(Base64.encode(Array(repeating: 7, count: 32)))\n".utf8)

    func reference(_ args: [String]) throws -> Outcome {
        try run("/usr/bin/env", ["python3", Repo.path("Tests/Tools/cosignature_reference.py")] + args)
    }

    @Test(arguments: [
        ("asf.gob.mx/witness", UInt64(0)),
        ("witness.example.com/w1", UInt64(1_679_315_147)),
        ("gao-witness", UInt64(Int64.max)),
    ])
    func sameLineAsTheReference(_ name: String, _ timestamp: UInt64) throws {
        let dir = try temporaryDirectory("cosig")
        let textPath = dir + "/text"
        try Data(Self.text).write(to: URL(fileURLWithPath: textPath))
        let key = try SecretKey(seed: Self.seed)
        let theirs = try reference(["sign", Hex.encode(Self.seed), name, String(timestamp), textPath])
        #expect(theirs.status == 0, "\(theirs)")
        let ours = Cosignature.sign(Self.text, name: name, key: key, timestamp: timestamp)
        #expect(Array(theirs.stdout.utf8) == ours.bytes)

        // Ours checks theirs, and theirs checks ours.
        let note = try SignedNote(parsing: Self.text + [0x0A] + Array(theirs.stdout.utf8))
        let cosigner = CosignerKey(name: name, institution: "ASF", publicKey: key.publicKey)
        #expect(note.checkCosignatures(keys: [cosigner]).valid.map(\.timestamp) == [timestamp])
        let notePath = dir + "/note"
        try Data(SignedNote(text: Self.text, signatures: [ours]).bytes).write(to: URL(fileURLWithPath: notePath))
        let checked = try reference(["verify", Hex.encode(key.publicKey.bytes), name, notePath])
        #expect(checked.status == 0 && checked.stdout == "\(timestamp)\n", "\(checked)")

        // A line signed at another time than it says fails on both sides.
        var forged = ours.signature
        forged[7] ^= 1
        let bad = SignedNote.SignatureLine(keyName: name, keyID: ours.keyID, signature: forged)
        #expect(SignedNote(text: Self.text, signatures: [bad]).checkCosignatures(keys: [cosigner]).invalid == [name])
        try Data(SignedNote(text: Self.text, signatures: [bad]).bytes).write(to: URL(fileURLWithPath: notePath))
        #expect(try reference(["verify", Hex.encode(key.publicKey.bytes), name, notePath]).status == 1)
    }
}
