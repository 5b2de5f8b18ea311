import Foundation
import Testing
@testable import LedgerCore

@Suite("Ed25519 and SHA-256 through libsodium")
struct CryptoTests {
    struct WycheproofCase: CustomTestStringConvertible, Sendable {
        let tcId: Int, key: String, msg: String, sig: String, result: String, comment: String
        var testDescription: String { "tc\(tcId) \(result) \(comment)" }
    }

    static let wycheproof: [WycheproofCase] = {
        let root = try! fixtureJSON("wycheproof_ed25519_test.json")
        var out: [WycheproofCase] = []
        for group in root["testGroups"] as! [[String: Any]] {
            let pk = (group["publicKey"] as! [String: Any])["pk"] as! String
            for t in group["tests"] as! [[String: Any]] {
                out.append(WycheproofCase(tcId: t["tcId"] as! Int, key: pk, msg: t["msg"] as! String, sig: t["sig"] as! String,
                                          result: t["result"] as! String, comment: t["comment"] as! String))
            }
        }
        return out
    }()

    @Test func allWycheproofCasesLoaded() { #expect(CryptoTests.wycheproof.count == 151) }

    @Test("Wycheproof Ed25519", arguments: wycheproof)
    func wycheproofCase(_ c: WycheproofCase) {
        let accepted: Bool
        if let sig = try? Signature(bytes: hex(c.sig)) {
            accepted = PublicKey(uncheckedBytes: hex(c.key)).verify(sig, over: hex(c.msg))
        } else {
            accepted = false
        }
        #expect(accepted == (c.result == "valid"))
    }

    struct RFCVector: Sendable, CustomTestStringConvertible {
        let name: String, secret: String, pub: String, message: String, signature: String
        var testDescription: String { name }
    }

    static let rfc8032: [RFCVector] = {
        let root = try! fixtureJSON("rfc8032_ed25519.json")
        return (root["vectors"] as! [[String: Any]]).map {
            RFCVector(name: $0["name"] as! String, secret: $0["secret_key"] as! String, pub: $0["public_key"] as! String,
                      message: $0["message"] as! String, signature: $0["signature"] as! String)
        }
    }()

    @Test("RFC 8032 §7.1: keys and signatures reproduce byte for byte", arguments: rfc8032)
    func rfc8032Vector(_ v: RFCVector) throws {
        let key = try SecretKey(seed: hex(v.secret))
        #expect(key.publicKey.bytes == hex(v.pub))
        let sig = key.sign(hex(v.message))
        #expect(sig.bytes == hex(v.signature))
        #expect(key.publicKey.verify(sig, over: hex(v.message)))
        var altered = hex(v.message)
        if altered.isEmpty { altered = [0] } else { altered[0] ^= 1 }
        #expect(!key.publicKey.verify(sig, over: altered))
    }

    @Test func sha256KnownAnswers() {
        #expect(Hash.sha256([]).hex == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(Hash.sha256(Array("abc".utf8)).hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        // RFC 6962 leaf hash of the empty leaf.
        #expect(Hash.leaf([]).hex == "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d")
    }

    static let badPublicKeys: [(String, [UInt8])] = [
        ("identity point", [1] + [UInt8](repeating: 0, count: 31)),
        ("small order: all zeros (order 4)", [UInt8](repeating: 0, count: 32)),
        ("small order: order 8 point", hex("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a")),
        // Prime-order point + order-8 torsion point (libsodium crypto_core_ed25519_add): on the
        // curve and not of small order, but not in the prime-order subgroup.
        ("mixed order: base point + order-8 point", hex("98519eadf35b995233b51b5cd23e9cc5a28b639b5a4af0ec903cb960d81b7819")),
        ("mixed order: a real public key + order-8 point", hex("287f6bda7a57f4f2873f3bff5e5ea9c260a6a6343bdf37c7abcd346ed5904c11")),
        ("non-canonical y ≥ p", hex("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")),
        ("31 bytes", [UInt8](repeating: 7, count: 31)),
    ]

    @Test("public keys outside the prime-order subgroup are refused", arguments: badPublicKeys)
    func badPublicKey(name: String, bytes: [UInt8]) {
        #expect(throws: LedgerError.self) { try PublicKey(bytes: bytes) }
    }

    static let badBase64 = ["AAA", "AA==A", "AB==", "AAB=", "A===", "AA=A", " AAA", "AA\nA=", "AA-_", "====", "AAAA===="]

    @Test("base64 is canonical padded standard only", arguments: badBase64)
    func strictBase64(_ s: String) { #expect(Base64.decode(s) == nil) }

    @Test func base64RoundTrip() {
        for n in 0..<40 {
            let b = (0..<n).map { UInt8(truncatingIfNeeded: $0 * 37 + 11) }
            #expect(Base64.decode(Base64.encode(b)) == b)
        }
        #expect(Base64.encode(Array("foobar".utf8)) == "Zm9vYmFy")
    }

    /// RFC 4648 §10's vectors: every padding case of the encoder.
    @Test(arguments: [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy")])
    func base64RFC4648Vectors(_ input: String, _ encoded: String) {
        #expect(Base64.encode(Array(input.utf8)) == encoded)
        #expect(Base64.encode(Array(input.utf8)).utf8.elementsEqual(encoded.utf8))
        #expect(Base64.decode(encoded) == Array(input.utf8))
    }

    @Test func base64EncodesEveryByteValueAndSlices() {
        let all = (0...255).map { UInt8($0) }
        #expect(Base64.decode(Base64.encode(all)) == all)
        #expect(Base64.encode(all[1...3]) == "AQID")
        #expect(Base64.encode([0xFF, 0xFE, 0xFD]) == "//79")
    }

    @Test func hexEncodesLowercaseAndRoundTrips() {
        #expect(Hex.encode([UInt8]()) == "")
        #expect(Hex.encode([0x00, 0xFF, 0x10, 0xAB]) == "00ff10ab")
        let all = (0...255).map { UInt8($0) }
        #expect(Hex.decode(Hex.encode(all)) == all)
        #expect(Hex.encode(all[254...]) == "feff")
    }

    @Test func secretKeyNeverPrints() {
        let k = LedgerBuilder.testKey("x")
        let seedB64 = Base64.encode(k.seedForExport)
        #expect(!"\(k)".contains(seedB64))
        #expect(!String(reflecting: k).contains(seedB64))
        #expect("\(k)".contains("redacted"))
    }
}
