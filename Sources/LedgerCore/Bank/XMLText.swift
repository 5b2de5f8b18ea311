/// Text for XML documents the ledger writes: escaped, and cut to ISO 20022 lengths.
public enum XMLText {
    /// `s` with the five XML special characters escaped (text and attribute values alike; the
    /// apostrophe as `&#39;`, which XML and every HTML version read), and every character XML 1.0
    /// cannot carry at all (§2.2 `Char`: C0 controls but tab, line feed and carriage return, and
    /// U+FFFE, U+FFFF; no escape can write them) replaced by U+FFFD, the replacement character.
    /// Ledger ids and amounts never hold one; a payee name or purpose may, under format v1.
    public static func escaped(_ s: String) -> String {
        // Most texts need nothing: no special character, no control, no 0xEF lead byte (U+FFFE, U+FFFF).
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x26 && $0 != 0x3C && $0 != 0x3E && $0 != 0x22 && $0 != 0x27 && $0 != 0xEF }) { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            if !isXMLChar(c) { out.unicodeScalars.append("\u{FFFD}"); continue }
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// Whether XML 1.0 allows `c` in a document (§2.2: `#x9 | #xA | #xD | [#x20-#xD7FF] |
    /// [#xE000-#xFFFD] | [#x10000-#x10FFFF]`; a Swift scalar is never a surrogate).
    public static func isXMLChar(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x9, 0xA, 0xD, 0x20...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    /// The first `max` Unicode scalars of `s` (XML Schema counts length in characters, which
    /// are scalars), without white space left at the cut.
    public static func truncated(_ s: String, max: Int) -> String {
        let scalars = s.unicodeScalars
        guard scalars.count > max else { return s }
        var out = String.UnicodeScalarView(scalars.prefix(max))
        while let last = out.last, last.properties.isWhitespace { out.removeLast() }
        return String(out)
    }
}
