import Foundation
import Testing
@testable import LedgerCore

@Suite("Field rules: CLABE, RFC, text, identifiers, time")
struct FieldRulesTests {
    static func csv(_ name: String) -> [[String]] {
        let text = String(decoding: try! fixture(name), as: UTF8.self)
        return text.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test("CLABE examples: the check digit rule", arguments: csv("clabe_examples.csv"))
    func clabe(_ row: [String]) {
        #expect((FieldRules.clabe(row[0]) == nil) == (row[1] == "true"), "\(row[0])")
    }

    @Test("RFC examples: the SPEC §5 pattern", arguments: csv("rfc_examples.csv"))
    func rfc(_ row: [String]) {
        // The SPEC pattern does not judge the date part, so the constructed 'month 13' case matches it.
        let expected = row[3] == "true" || row[0] == "ABC991332XX1"
        #expect((FieldRules.rfc(row[0]) == nil) == expected, "\(row[0])")
    }

    @Test(arguments: ["", "ÑAB010101AB1", "&AB010101AB1"]) func rfcAccepted(_ s: String) { #expect(FieldRules.rfc(s) == nil) }
    @Test(arguments: ["gode561231gr8", "GODE561231GR", "GODE5612319R8X", "NAB010101AB1".replacingOccurrences(of: "N", with: "N\u{303}")])
    func rfcRejected(_ s: String) { #expect(FieldRules.rfc(s) != nil) }

    @Test(arguments: ["2026-11-22T10:00:00Z", "2024-02-29T23:59:59Z", "0001-01-01T00:00:00Z"])
    func timestampAccepted(_ s: String) { #expect(FieldRules.timestamp(s) == nil) }

    @Test(arguments: ["2026-11-22T10:00:00.5Z", "2026-11-22T10:00:00+00:00", "2026-11-22 10:00:00Z", "2025-02-29T00:00:00Z",
                      "2026-11-22T24:00:00Z", "2026-11-22T10:60:00Z", "2026-11-22T10:00:60Z", "2026-13-01T00:00:00Z",
                      "2026-11-22t10:00:00z", "0000-01-01T00:00:00Z", "2026-11-31T00:00:00Z"])
    func timestampRejected(_ s: String) { #expect(FieldRules.timestamp(s) != nil) }

    @Test func timestampFormatting() {
        #expect(Timestamp.string(unixSeconds: 0) == "1970-01-01T00:00:00Z")
        #expect(Timestamp.string(unixSeconds: 951_782_400) == "2000-02-29T00:00:00Z")
        #expect(Timestamp.string(unixSeconds: 1_795_348_800) == "2026-11-22T12:00:00Z")
    }

    /// The byte-writing path (years 0 to 9999) against known instants, and the general one beyond.
    @Test(arguments: [
        (Int64(-1), "1969-12-31T23:59:59Z"), (-62_167_219_200, "0000-01-01T00:00:00Z"), (-62_135_596_800, "0001-01-01T00:00:00Z"),
        (1_709_251_199, "2024-02-29T23:59:59Z"), (1_709_251_200, "2024-03-01T00:00:00Z"), (4_102_444_800, "2100-01-01T00:00:00Z"),
        (253_402_300_799, "9999-12-31T23:59:59Z"), (253_402_300_800, "10000-01-01T00:00:00Z"),
    ])
    func timestampFormattingEdges(_ t: Int64, _ text: String) {
        #expect(Timestamp.string(unixSeconds: t).utf8.elementsEqual(text.utf8))
    }

    @Test func timestampFormattingRoundTrips() {
        for t in stride(from: Int64(-62_135_596_800), to: 253_402_300_800, by: 86_399 * 997 + 3_601) {
            let s = Timestamp.string(unixSeconds: t)
            #expect(FieldRules.timestamp(s) == nil && Timestamp.unixSeconds(s) == t, "\(t) \(s)")
        }
    }

    static let badText: [(String, String)] = [
        ("NFD", "Cl\u{0069}\u{0301}nica"), ("leading space", " a"), ("trailing NBSP", "a\u{00A0}"), ("tab inside", "a\tb"),
        ("DEL", "a\u{7F}"), ("line separator at end", "a\u{2028}"), ("empty", ""),
        // v1.1 (SPEC §10): C1 controls, bidi controls, noncharacters, at both ends of each range.
        ("C1 U+0080", "a\u{80}b"), ("C1 U+009F", "a\u{9F}b"), ("NEL U+0085", "a\u{85}b"), ("ALM U+061C", "a\u{61C}b"),
        ("LRM U+200E", "a\u{200E}b"), ("RLM U+200F", "a\u{200F}b"), ("LRE U+202A", "a\u{202A}b"), ("RLO U+202E", "a\u{202E}b"),
        ("LRI U+2066", "a\u{2066}b"), ("PDI U+2069", "a\u{2069}b"), ("U+FDD0", "a" + scalar(0xFDD0) + "b"), ("U+FDEF", "a" + scalar(0xFDEF) + "b"),
        ("U+FFFE", "a\u{FFFE}b"), ("U+FFFF", "a\u{FFFF}b"), ("U+1FFFE", "a\u{1FFFE}b"), ("U+10FFFF", "a\u{10FFFF}b"),
    ]

    /// Swift's literals refuse U+FDD0–U+FDEF, so those are built from their values.
    static func scalar(_ v: UInt32) -> String { String(Unicode.Scalar(v)!) }

    /// The neighbours of every v1.1 range stay allowed: exactly those code points were added.
    @Test(arguments: ["a\u{A0}b", "a\u{A1}b", "a\u{61B}b", "a\u{61D}b", "a\u{200D}b", "a\u{2010}b", "a\u{2029}b".replacingOccurrences(of: "\u{2029}", with: "\u{2027}"),
                      "a\u{202F}b", "a\u{2065}b", "a\u{206A}b", "a\u{FDCF}b", "a\u{FDF0}b", "a\u{FFFD}b", "a\u{1FFFD}b", "a\u{10000}b"])
    func textNeighboursAccepted(_ s: String) { #expect(FieldRules.text(s, min: 1, max: 10) == nil, "\(s.unicodeScalars.map { String($0.value, radix: 16) })") }

    @Test("text rules", arguments: badText)
    func textRejected(name: String, s: String) { #expect(FieldRules.text(s, min: 1, max: 10) != nil, "\(name)") }

    @Test func textCountsScalars() {
        #expect(FieldRules.text("ñññ", min: 1, max: 3) == nil)
        #expect(FieldRules.text("ññññ", min: 1, max: 3) != nil)
        #expect(FieldRules.text("a b", min: 1, max: 3) == nil)
    }

    @Test(arguments: [("ledger", "jhf.smhp.2026", true), ("ledger", "ab", false), ("ledger", "Jhf.x", false), ("ledger", "-abc", false),
                      ("key", "shcp-ana", true), ("key", "a", true), ("key", "shcp+ana", false), ("key", "shcp ana", false),
                      ("id", "D-2026:01_a.b", true), ("id", "-D", false), ("id", "D/1", false),
                      ("program", "food_aid", true), ("program", "Food", false), ("program", "1a", false),
                      ("municipality", "15033", true), ("municipality", "33001", false), ("municipality", "00001", false), ("municipality", "1503", false)])
    func identifiers(kind: String, value: String, ok: Bool) {
        let problem: String?
        switch kind {
        case "ledger": problem = FieldRules.ledgerID(value)
        case "key": problem = FieldRules.keyName(value)
        case "id": problem = FieldRules.entryID(value)
        case "program": problem = FieldRules.program(value)
        default: problem = FieldRules.municipality(value)
        }
        #expect((problem == nil) == ok, "\(kind) \(value)")
    }
}
