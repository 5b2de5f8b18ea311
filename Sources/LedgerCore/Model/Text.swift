import Foundation

/// Field-level rules of SPEC §1–§2: text, identifiers, timestamps, dates.
///
/// Each check returns nil when the value is acceptable, or a sentence naming the
/// rule it breaks, so callers can attach the field name.
public enum FieldRules {
    /// Text: NFC, no control characters (U+0000–U+001F, U+007F), no leading or
    /// trailing Unicode White_Space, length in Unicode scalars within bounds; since v1.1
    /// also no C1 control, bidi control or noncharacter (SPEC §10).
    public static func text(_ s: String, min: Int, max: Int) -> String? {
        var count = 0
        var maxScalar: UInt32 = 0
        for u in s.unicodeScalars {
            count += 1
            let v = u.value
            if v < 0x20 || v == 0x7F { return "must not contain control characters (U+\(hex4(v)))" }
            // Everything below U+0080 is settled above; the v1.1 set starts at U+0080.
            if v >= 0x80, let problem = forbiddenSinceV11(v) { return problem }
            maxScalar = Swift.max(maxScalar, v)
        }
        if count < min || count > max { return "must be \(min) to \(max) characters long, got \(count)" }
        if let first = s.unicodeScalars.first, first.properties.isWhitespace { return "must not start with white space" }
        if let last = s.unicodeScalars.last, last.properties.isWhitespace { return "must not end with white space" }
        // Every scalar below U+0300 has NFC_Quick_Check=Yes and combining class 0, and
        // none composes with a following one, so such text (ASCII, Latin-1 and Latin
        // Extended: nearly all Spanish and English) is in NFC without normalising.
        // Other text must be unchanged by NFC normalisation.
        if maxScalar >= 0x300 && !s.precomposedStringWithCanonicalMapping.sameUTF8(s) {
            return "must be in Unicode normalization form C (NFC)"
        }
        return nil
    }

    /// The code points v1.1 adds to the forbidden set (SPEC §10): exactly the C1 controls,
    /// the bidi controls and the noncharacters.
    static func forbiddenSinceV11(_ v: UInt32) -> String? {
        if v >= 0x80 && v <= 0x9F { return "must not contain C1 control characters (U+\(hex4(v)))" }
        if v == 0x061C || v == 0x200E || v == 0x200F || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) {
            return "must not contain bidirectional control characters (U+\(hex4(v)))"
        }
        if (0xFDD0...0xFDEF).contains(v) || v & 0xFFFE == 0xFFFE { return "must not contain noncharacters (U+\(hex4(v)))" }
        return nil
    }

    private static func hex4(_ v: UInt32) -> String {
        let h = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - h.count)) + h
    }

    // MARK: Identifiers (SPEC §2), matched byte by byte: the patterns are ASCII.

    private static func isLower(_ c: UInt8) -> Bool { c >= 0x61 && c <= 0x7A }
    private static func isUpper(_ c: UInt8) -> Bool { c >= 0x41 && c <= 0x5A }
    private static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    private static func matches(_ s: String, first: (UInt8) -> Bool, rest: (UInt8) -> Bool, restMin: Int, restMax: Int) -> Bool {
        let b = Array(s.utf8)
        guard let f = b.first, first(f) else { return false }
        let n = b.count - 1
        guard n >= restMin && n <= restMax else { return false }
        return b.dropFirst().allSatisfy(rest)
    }

    /// `^[a-z0-9][a-z0-9.-]{2,63}$`
    public static func ledgerID(_ s: String) -> String? {
        matches(s, first: { isLower($0) || isDigit($0) },
                rest: { isLower($0) || isDigit($0) || $0 == 0x2E || $0 == 0x2D }, restMin: 2, restMax: 63)
            ? nil : "must match ^[a-z0-9][a-z0-9.-]{2,63}$"
    }

    /// `^[a-z0-9][a-z0-9._/-]{0,127}$` (v1.1 added `/` and the longer bound, SPEC §2).
    public static func keyName(_ s: String) -> String? {
        matches(s, first: { isLower($0) || isDigit($0) },
                rest: { isLower($0) || isDigit($0) || $0 == 0x2E || $0 == 0x5F || $0 == 0x2D || $0 == 0x2F },
                restMin: 0, restMax: Limits.keyNameCharactersMax - 1)
            ? nil : "must match ^[a-z0-9][a-z0-9._/-]{0,127}$"
    }

    /// `^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$`
    public static func entryID(_ s: String) -> String? {
        matches(s, first: { isLower($0) || isUpper($0) || isDigit($0) },
                rest: { isLower($0) || isUpper($0) || isDigit($0) || $0 == 0x2E || $0 == 0x5F || $0 == 0x3A || $0 == 0x2D },
                restMin: 0, restMax: 63)
            ? nil : "must match ^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$"
    }

    /// `^[a-z][a-z0-9_]{0,31}$`
    public static func program(_ s: String) -> String? {
        matches(s, first: isLower, rest: { isLower($0) || isDigit($0) || $0 == 0x5F }, restMin: 0, restMax: 31)
            ? nil : "must match ^[a-z][a-z0-9_]{0,31}$"
    }

    /// `^(0[1-9]|[12][0-9]|3[0-2])[0-9]{3}$`: an INEGI state (01–32) and municipality code.
    public static func municipality(_ s: String) -> String? {
        let b = Array(s.utf8)
        guard b.count == 5, b.allSatisfy(isDigit) else { return "must be 5 digits (INEGI state 01–32 + municipality)" }
        let state = Int(b[0] - 0x30) * 10 + Int(b[1] - 0x30)
        return (1...32).contains(state) ? nil : "must start with an INEGI state code 01–32"
    }

    /// `^[A-Z]{3}$`
    public static func currency(_ s: String) -> String? {
        let b = Array(s.utf8)
        return b.count == 3 && b.allSatisfy(isUpper) ? nil : "must be an ISO 4217 code of three capital letters"
    }

    /// Approvers: `SHCP` or `USAID`; log and witness keys: `^[A-Z][A-Z0-9-]{1,15}$`.
    public static func institution(_ s: String, role: KeyRole) -> String? {
        if role == .approver {
            return s == "SHCP" || s == "USAID" ? nil : "an approver's institution must be SHCP or USAID"
        }
        return matches(s, first: isUpper, rest: { isUpper($0) || isDigit($0) || $0 == 0x2D }, restMin: 1, restMax: 15)
            ? nil : "must match ^[A-Z][A-Z0-9-]{1,15}$"
    }

    // MARK: Time

    /// `YYYY-MM-DDTHH:MM:SSZ`, a real calendar date and a time 00:00:00–23:59:59.
    public static func timestamp(_ s: String) -> String? {
        let b = Array(s.utf8)
        let problem = "must be an RFC 3339 UTC timestamp YYYY-MM-DDTHH:MM:SSZ"
        guard b.count == 20, b[10] == UInt8(ascii: "T"), b[13] == 0x3A, b[16] == 0x3A, b[19] == UInt8(ascii: "Z"),
              date(String(decoding: b[0..<10], as: UTF8.self)) == nil,
              let hh = number(b[11..<13]), let mm = number(b[14..<16]), let ss = number(b[17..<19]),
              hh < 24, mm < 60, ss < 60
        else { return problem }
        return nil
    }

    /// `YYYY-MM-DD`, a real date in the proleptic Gregorian calendar, years 0001–9999.
    public static func date(_ s: String) -> String? {
        let b = Array(s.utf8)
        let problem = "must be a real calendar date YYYY-MM-DD"
        guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D,
              let y = number(b[0..<4]), let m = number(b[5..<7]), let d = number(b[8..<10]),
              y >= 1, (1...12).contains(m), d >= 1
        else { return problem }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        return d <= days ? nil : problem
    }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        var n = 0
        for c in digits {
            guard isDigit(c) else { return nil }
            n = n * 10 + Int(c - 0x30)
        }
        return n
    }

    // MARK: Payee details (SPEC §5)

    /// 18 digits whose last is the check digit (weights 3, 7, 1 over the first 17).
    public static func clabe(_ s: String) -> String? {
        let b = Array(s.utf8)
        guard b.count == Limits.clabeDigits, b.allSatisfy(isDigit) else { return "a CLABE is exactly 18 digits" }
        let weights = [3, 7, 1]
        var sum = 0
        for i in 0..<17 { sum += (Int(b[i] - 0x30) * weights[i % 3]) % 10 }
        let check = (10 - sum % 10) % 10
        return check == Int(b[17] - 0x30) ? nil : "CLABE check digit is \(b[17] - 0x30), expected \(check)"
    }

    /// Empty, or `^[A-ZÑ&]{3,4}[0-9]{6}[A-Z0-9]{3}$` (a Mexican RFC).
    public static func rfc(_ s: String) -> String? {
        if s.isEmpty { return nil }
        let scalars = Array(s.unicodeScalars)
        let problem = "must be empty or a Mexican RFC ^[A-ZÑ&]{3,4}[0-9]{6}[A-Z0-9]{3}$"
        guard scalars.count == 12 || scalars.count == 13 else { return problem }
        let letters = scalars.count - 9
        func upper(_ u: Unicode.Scalar) -> Bool { u.value >= 0x41 && u.value <= 0x5A }
        func digit(_ u: Unicode.Scalar) -> Bool { u.value >= 0x30 && u.value <= 0x39 }
        for u in scalars[0..<letters] where !(upper(u) || u == "Ñ" || u == "&") { return problem }
        for u in scalars[letters..<letters + 6] where !digit(u) { return problem }
        for u in scalars[(letters + 6)...] where !(upper(u) || digit(u)) { return problem }
        return nil
    }
}
