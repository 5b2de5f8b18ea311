import Foundation
import Testing
@testable import LedgerCore

@Suite("Canonical JSON (RFC 8785) and the strict parser")
struct JSONTests {
    @Test("RFC 8785 vectors with integers only canonicalize byte for byte", arguments: ["arrays", "french", "unicode", "weird"])
    func jcsVector(name: String) throws {
        let input = try fixture("jcs/input/\(name).json")
        let expected = try fixture("jcs/output/\(name).json")
        let outhex = String(decoding: try fixture("jcs/outhex/\(name).txt"), as: UTF8.self)
        let hexBytes = outhex.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { UInt8($0, radix: 16)! }
        #expect(Array(expected) == hexBytes)
        let value = try JSONParser.parse(Array(input))
        #expect(value.canonicalBytes == Array(expected))
        // The canonical form is a fixed point.
        #expect(try JSONParser.parse(Array(expected)).canonicalBytes == Array(expected))
    }

    @Test("RFC 8785 vectors with fractions or exponents are rejected by design", arguments: ["structures", "values"])
    func jcsVectorWithFractions(name: String) throws {
        let input = try fixture("jcs/input/\(name).json")
        #expect(throws: LedgerError.self) { try JSONParser.parse(Array(input)) }
        do { _ = try JSONParser.parse(Array(input)) } catch {
            #expect(error.message.contains("fraction or exponent"))
        }
    }

    static let rejected: [(String, [UInt8], String)] = [
        ("duplicate key", Array(#"{"a":1,"a":2}"#.utf8), "duplicate object key"),
        ("duplicate key after escape", Array(#"{"a":1,"\u0061":2}"#.utf8), "duplicate object key"),
        ("duplicate key out of order", Array(#"{"b":1,"a":2,"b":3}"#.utf8), "duplicate object key"),
        ("byte-order mark", [0xEF, 0xBB, 0xBF] + Array("{}".utf8), "byte-order mark"),
        ("invalid UTF-8 continuation", Array(#"{"a":""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8), "invalid UTF-8"),
        ("overlong UTF-8", Array(#"[""#.utf8) + [0xC0, 0xAF] + Array(#""]"#.utf8), "invalid UTF-8"),
        ("UTF-8 encoded surrogate", Array(#"[""#.utf8) + [0xED, 0xA0, 0x80] + Array(#""]"#.utf8), "invalid UTF-8"),
        ("truncated four-byte sequence", Array(#"[""#.utf8) + [0xF0, 0x9F, 0x98] + Array(#""]"#.utf8), "invalid UTF-8"),
        ("byte F5 (beyond U+10FFFF)", Array(#"[""#.utf8) + [0xF5, 0x80, 0x80, 0x80] + Array(#""]"#.utf8), "invalid UTF-8"),
        ("lone continuation byte", Array(#"[""#.utf8) + [0x80] + Array(#""]"#.utf8), "invalid UTF-8"),
        ("invalid UTF-8 in a key", Array(#"{""#.utf8) + [0xFF] + Array(#"":1}"#.utf8), "invalid UTF-8"),
        ("invalid UTF-8 after an escape", Array(#"["\n"#.utf8) + [0xC3] + Array(#""]"#.utf8), "invalid UTF-8"),
        // The ASCII fast path must look at every byte, the last one too.
        ("invalid byte after 200 ASCII bytes", Array(("[\"" + String(repeating: "a", count: 200)).utf8) + [0xFF] + Array(#""]"#.utf8), "invalid UTF-8"),
        ("invalid byte first, then ASCII", Array(#"[""#.utf8) + [0xC3] + Array((String(repeating: "a", count: 40) + "\"]").utf8), "invalid UTF-8"),
        ("lone high surrogate escape", Array(#"["\ud83d"]"#.utf8), "surrogate"),
        ("lone low surrogate escape", Array(#"["\ude02"]"#.utf8), "surrogate"),
        ("high surrogate then non-surrogate", Array(#"["\ud83d\u0041"]"#.utf8), "surrogate"),
        ("trailing bytes", Array(#"{} x"#.utf8), "after the JSON value"),
        ("two values", Array(#"{}{}"#.utf8), "after the JSON value"),
        ("fraction", Array(#"{"amount":5000.0}"#.utf8), "fraction or exponent"),
        ("exponent", Array(#"[1e3]"#.utf8), "fraction or exponent"),
        ("negative zero", Array(#"[-0]"#.utf8), "-0"),
        ("above 2^53-1", Array("[9007199254740992]".utf8), "outside"),
        ("below -(2^53-1)", Array("[-9007199254740992]".utf8), "outside"),
        ("twenty digits", Array("[12345678901234567890]".utf8), "outside"),
        ("leading zero", Array("[012]".utf8), "leading zero"),
        ("raw control character", Array("[\"a\u{01}b\"]".utf8), "control character"),
        ("raw newline in string", Array("[\"a\nb\"]".utf8), "control character"),
        ("invalid escape", Array(#"["\x"]"#.utf8), "invalid escape"),
        ("single quotes", Array("['a']".utf8), "unexpected character"),
        ("trailing comma", Array("[1,]".utf8), "unexpected character"),
        ("unterminated", Array(#"{"a":"#.utf8), "end of document"),
        ("nesting 17 deep", Array((String(repeating: "[", count: 17) + String(repeating: "]", count: 17)).utf8), "nesting"),
        ("capitalised literal", Array("[True]".utf8), "unexpected character"),
        ("empty document", [], "end of document"),
    ]

    @Test("the parser rejects what SPEC §1 forbids, saying why", arguments: rejected)
    func rejects(name: String, input: [UInt8], reason: String) {
        do {
            let v = try JSONParser.parse(input)
            Issue.record("\(name): accepted as \(v)")
        } catch {
            #expect(error.code == .json)
            #expect(error.description.contains(reason), "\(name): \(error.description)")
        }
    }

    /// Valid UTF-8 comes through byte for byte, including U+FFFD itself (which the parser's
    /// check must not mistake for a repaired byte) and characters outside the BMP.
    @Test(arguments: [[0xEF, 0xBF, 0xBD], [0xF0, 0x9F, 0x98, 0x80], [0xC3, 0xA9], [0x65, 0xCC, 0x81], [0xF4, 0x8F, 0xBF, 0xBF],
                      Array(0x20...0x7F).filter { $0 != 0x22 && $0 != 0x5C }] as [[UInt8]])
    func validUTF8IsKeptByteForByte(_ bytes: [UInt8]) throws {
        let doc = Array(#"[""#.utf8) + bytes + Array(#""]"#.utf8)
        guard case .array(let a) = try JSONParser.parse(doc), case .string(let s)? = a.first else { Issue.record("not a string"); return }
        #expect(Array(s.utf8) == bytes)
        #expect(try JSONParser.parse(doc).canonicalBytes == doc)
    }

    @Test func nestingSixteenIsAccepted() throws {
        let doc = String(repeating: "[", count: 16) + String(repeating: "]", count: 16)
        _ = try JSONParser.parse(doc)
    }

    @Test func documentLimit() throws {
        let big = Array("\"".utf8) + [UInt8](repeating: 0x61, count: Limits.documentBytesMax - 1) + Array("\"".utf8)
        #expect(throws: LedgerError.self) { try JSONParser.parse(big) }
        let fits = Array("\"".utf8) + [UInt8](repeating: 0x61, count: Limits.documentBytesMax - 2) + Array("\"".utf8)
        _ = try JSONParser.parse(fits)
    }

    @Test func integerBoundsAccepted() throws {
        #expect(try JSONParser.parse("[9007199254740991,-9007199254740991,0]").canonicalBytes == Array("[9007199254740991,-9007199254740991,0]".utf8))
    }

    @Test func stringsCompareByBytesNotCanonicalEquivalence() throws {
        // "é" precomposed and decomposed are different keys, and different values.
        let v = try JSONParser.parse("{\"\u{E9}\":1,\"e\u{301}\":2}")
        guard case .object(let o) = v else { Issue.record("not an object"); return }
        #expect(o.members.count == 2)
        #expect(JSONValue.string("\u{E9}") != JSONValue.string("e\u{301}"))
    }

    @Test func escapesAreCanonicalized() throws {
        let v = try JSONParser.parse(#"["\u0041\/\b\u001f\u007f\u2028"]"#)
        #expect(v.canonicalBytes == Array("[\"A/\\b\\u001f\u{7F}\u{2028}\"]".utf8))
    }

    /// Key order is UTF-16 code-unit order (RFC 8785 §3.2.3), which the fast byte
    /// comparison must reproduce, including U+E000–U+FFFF against supplementary characters.
    @Test func keyOrderIsUTF16Order() {
        let samples = ["", "a", "ab", "b", "\u{7F}", "é", "ég", "\u{FFFF}", "\u{E000}", "\u{FF21}", "\u{10000}", "\u{1F600}",
                       "a\u{1F600}", "a\u{FB01}", "a\u{E9}", "\u{20AC}", "\u{10FFFF}", "aé", "a\u{10000}b", "a\u{FFFD}b"]
        for x in samples {
            for y in samples {
                #expect(JSONObject.precedes(x, y) == x.utf16.lexicographicallyPrecedes(y.utf16), "\(x.unicodeScalars.map { $0.value }) vs \(y.unicodeScalars.map { $0.value })")
            }
        }
    }

    /// The parser's own canonical verdict agrees with re-serializing and comparing bytes.
    @Test(arguments: [
        #"{"a":1,"b":[true,false,null],"c":{"d":"x"}}"#, #"{"b":1,"a":2}"#, #"{"a": 1}"#, #" {"a":1}"#, #"{"a":1} "#,
        #"["\u0041"]"#, #"["\u001f"]"#, #"["\u001F"]"#, #"["\u0008"]"#, #"["\b\t\n\f\r\"\\"]"#, #"["\/"]"#,
        #"["\ud83d\ude00"]"#, "[\"\u{7F}\u{2028}é😀\"]", #"[]"#, #"{}"#, #"[ ]"#, #"[-1,0,9007199254740991]"#, #"{"\u00e9":1,"z":2}"#,
        "{\"\u{E000}\":1,\"\u{1F600}\":2}", "{\"\u{1F600}\":1,\"\u{E000}\":2}",
    ])
    func parserCanonicalVerdictMatchesReserialization(_ text: String) throws {
        let bytes = Array(text.utf8)
        let doc = try JSONParser.parseDocument(bytes)
        #expect(doc.isCanonical == JSONCanonical.isCanonical(bytes, value: doc.value))
    }

    /// Every single-byte change to a real entry line that still parses: the two canonical
    /// verdicts agree, and in a canonical line the located body bytes are JCS(body).
    @Test func parserCanonicalVerdictOnMutatedLines() throws {
        let line = Scenario.base().lines[1]
        var parsed = 0
        for i in line.indices {
            for replacement: UInt8 in [0x20, 0x22, 0x30, 0x39, 0x41, 0x5C, 0x61, 0x7A, 0x7D, 0xC3] where line[i] != replacement {
                var m = line
                m[i] = replacement
                guard let doc = try? JSONParser.parseDocument(m, locating: "body") else { continue }
                parsed += 1
                #expect(doc.isCanonical == JSONCanonical.isCanonical(m, value: doc.value), "byte \(i) → \(replacement)")
                if doc.isCanonical, let r = doc.located, let body = doc.value["body"] {
                    #expect(Array(m[r]) == body.canonicalBytes)
                }
            }
        }
        #expect(parsed > 1000)
    }
}
