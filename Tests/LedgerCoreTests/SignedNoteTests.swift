import Foundation
import Testing
@testable import LedgerCore

@Suite("Signed notes and checkpoints (C2SP signed-note, tlog-checkpoint; SPEC §8)")
struct SignedNoteTests {
    nonisolated(unsafe) static let vectors = try! fixtureJSON("signed_note_examples.json")
    static let examples = (vectors["examples"] as! [[String: Any]]).map { $0["name"] as! String }

    static func example(_ name: String) -> [String: Any] {
        (vectors["examples"] as! [[String: Any]]).first { $0["name"] as! String == name }!
    }

    @Test(arguments: examples)
    func vector(_ name: String) throws {
        let e = Self.example(name)
        let bytes = Base64.decode(e["note_base64"] as! String)!
        let keys = try (e["verifier_keys"] as! [String]).map { try NoteVerifierKey(text: $0) }
        let expected = e["expected_valid"] as! Bool
        let result = e["check_result"] as! String
        let note: SignedNote
        do {
            note = try SignedNote(parsing: bytes)
        } catch {
            // Refused while parsing: only the malformed examples may be, and for the reason given.
            #expect(!expected, "\(name): \(error)")
            #expect(result.hasPrefix("malformed note: "))
            let reason = result.dropFirst("malformed note: ".count).prefix(30)
            #expect(error.message.contains(reason), "\(name): \(error.message) should say \(reason)")
            return
        }
        #expect(!result.hasPrefix("malformed"), "\(name) should not parse")
        // Parsing and writing back gives the same bytes.
        #expect(note.bytes == bytes)
        if let signed = e["note_text_signed"] as? String { #expect(note.text == Array(signed.utf8)) }
        let v = note.verify(keys: keys)
        #expect(v.isValid == expected, "\(name): \(v)")
        if expected {
            #expect(result == "\(v.verified.count) verified signature(s)")
        }
    }

    @Test func signingReproducesTheGoSignatureLine() throws {
        let e = Self.example("go-note-peterneumann")
        // Go's private key string: PRIVATE+KEY+<name>+<key id>+base64(0x01 || seed).
        let parts = (e["signer_key"] as! String).split(separator: "+", maxSplits: 4)
        let seed = Base64.decode(String(parts[4]))!
        #expect(seed.first == 0x01)
        let key = try SecretKey(seed: Array(seed.dropFirst()))
        let note = try SignedNote(parsing: Base64.decode(e["note_base64"] as! String)!)
        #expect(SignedNote.sign(note.text, name: String(parts[2]), key: key) == note.signatures[0])
        #expect(Hex.encode(SignedNote.keyID(name: "PeterNeumann", publicKey: key.publicKey)) == String(parts[3]))
    }

    @Test func verifierKeyExamples() throws {
        for k in Self.vectors["verifier_key_examples"] as! [[String: Any]] {
            let text = k["verifier_key"] as! String
            if k["expected_valid"] as! Bool {
                let key = try NoteVerifierKey(text: text)
                #expect(key.name == k["name"] as! String)
                #expect(Hex.encode(key.keyID) == k["key_id"] as! String)
                #expect(Hex.encode(key.publicKey.bytes) == k["public_key"] as! String)
                #expect(key.text == text)
            } else {
                #expect(throws: LedgerError.self, "\(text)") { try NoteVerifierKey(text: text) }
            }
        }
    }

    // MARK: - Many signature lines

    static let logKey = try! SecretKey(seed: Array(Hash.sha256(Array("note-test-log".utf8)).bytes))

    static func cosignedNote(lines count: Int) -> (SignedNote, NoteVerifierKey) {
        let text = Checkpoint(origin: "jhf-ledger/jhf.test", size: 5, root: Merkle.emptyRoot).text
        var lines = [SignedNote.sign(text, name: "jhf-log", key: logKey)]
        for i in 1..<count {
            let witness = try! SecretKey(seed: Array(Hash.sha256(Array("witness \(i)".utf8)).bytes))
            lines.append(SignedNote.sign(text, name: "witness-\(i)", key: witness))
        }
        return (SignedNote(text: text, signatures: lines), try! NoteVerifierKey(name: "jhf-log", publicKey: logKey.publicKey))
    }

    @Test(arguments: [1, 16, 17, Limits.noteSignaturesMax])
    func acceptsManySignatureLinesAndIgnoresUnknownKeys(_ count: Int) throws {
        let (note, key) = Self.cosignedNote(lines: count)
        let parsed = try SignedNote(parsing: note.bytes)
        #expect(parsed.signatures.count == count)
        let v = parsed.verify(keys: [key])
        #expect(v.isValid)
        #expect(v.verified == ["jhf-log"])
        #expect(v.unknown.count == count - 1)
    }

    @Test func refusesMoreSignatureLinesThanTheLimit() {
        let (note, _) = Self.cosignedNote(lines: Limits.noteSignaturesMax + 1)
        #expect { try SignedNote(parsing: note.bytes) } throws: { ($0 as? LedgerError)?.message.contains("more than") == true }
    }

    @Test func aBadSignatureFromAKnownKeyInvalidatesTheNote() throws {
        let (note, key) = Self.cosignedNote(lines: 3)
        var lines = note.signatures
        var sig = lines[0].signature
        sig[10] ^= 0x01
        lines[0] = SignedNote.SignatureLine(keyName: lines[0].keyName, keyID: lines[0].keyID, signature: sig)
        let v = SignedNote(text: note.text, signatures: lines).verify(keys: [key])
        #expect(!v.isValid)
        #expect(v.invalid == ["jhf-log"])
        // The same key under another name is another key: its line is unknown, not verified.
        let renamed = try NoteVerifierKey(name: "jhf-log-2", publicKey: key.publicKey)
        #expect(note.verify(keys: [renamed]).verified.isEmpty)
    }

    @Test(arguments: [
        ("", "no final newline"), ("text\n", "no blank line"), ("text\n\n", "no signatures"),
        ("text\n\n— name\n", "malformed signature line"), ("text\n\n—  name AAAAAAA=\n", "malformed signature line"),
        ("text\n\n— na+me AAAAAAA=\n", "malformed signature line"), ("text\n\n— name AAAA\n", "malformed signature line"),
        ("text\n\n- name AAAAAAA=\n", "malformed signature line"), ("te\rxt\n\n— name AAAAAAA=\n", "control character"),
        ("text\n\n— name AAAAAAA=\n\n", "no signatures"),
    ])
    func malformedNotesAreRefused(_ text: String, _ reason: String) {
        #expect { try SignedNote(parsing: Array(text.utf8)) } throws: { ($0 as? LedgerError)?.message.contains(reason) == true }
    }

    @Test func oversizedNoteIsRefused() {
        let big = Array(repeating: UInt8(ascii: "a"), count: Limits.noteBytesMax) + Array("\n\n— n AAAAAAA=\n".utf8)
        #expect(throws: LedgerError.self) { try SignedNote(parsing: big) }
    }

    // MARK: - Checkpoint text

    @Test func checkpointTextRoundTripsAndMatchesTheConstructedVector() throws {
        let c = Checkpoint(origin: Checkpoint.origin(ledgerID: "jhf.test"), size: 1234, root: Merkle.emptyRoot)
        #expect(String(decoding: c.text, as: UTF8.self) == "jhf-ledger/jhf.test\n1234\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n")
        #expect(try Checkpoint(text: c.text) == c)
        // The shared constructed checkpoint: size 8 over the RFC 6962 test leaves.
        let e = Self.example("constructed-checkpoint-rfc8032-test1-key")
        let note = try SignedNote(parsing: Base64.decode(e["note_base64"] as! String)!)
        let parsed = try Checkpoint(text: note.text)
        #expect(parsed.origin == "example.com/test-vectors-log")
        #expect(parsed.size == 8)
        let merkle = try fixtureJSON("merkle/rfc6962_merkle.json")
        let root8 = (merkle["roots"] as! [[String: Any]]).first { $0["tree_size"] as! Int == 8 }!["root"] as! String
        #expect(parsed.root.hex == root8)
    }

    @Test(arguments: [
        ("jhf-ledger/x\n5\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", "checkpoint"),
        ("jhf-ledger/x\n5\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\nextension\n", "checkpoint"),
        ("jhf-ledger/x\n5\n", "checkpoint"),
        ("\n5\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n", "checkpoint.origin"),
        ("jhf-ledger/x\n05\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n", "checkpoint.size"),
        ("jhf-ledger/x\n-5\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n", "checkpoint.size"),
        ("jhf-ledger/x\n+5\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n", "checkpoint.size"),
        ("jhf-ledger/x\n\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n", "checkpoint.size"),
        ("jhf-ledger/x\n99999999999999999999\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n", "checkpoint.size"),
        ("jhf-ledger/x\n5\n47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU=\n", "checkpoint.root"),
        ("jhf-ledger/x\n5\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuA==\n", "checkpoint.root"),
        ("jhf-ledger/x\n5\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU\n", "checkpoint.root"),
    ])
    func badCheckpointTextNamesTheLine(_ text: String, _ field: String) {
        #expect { try Checkpoint(text: Array(text.utf8)) } throws: { ($0 as? LedgerError)?.field == field }
    }
}
