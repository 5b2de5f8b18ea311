/// Text for XML documents the ledger writes: escaped, and cut to ISO 20022 lengths.
public enum XMLText {
    /// `s` with the five XML special characters escaped (text and attribute values alike; the
    /// apostrophe as `&#39;`, which XML and every HTML version read).
    public static func escaped(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
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
