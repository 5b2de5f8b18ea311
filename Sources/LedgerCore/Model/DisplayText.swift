/// Untrusted text made safe to show to a person, in a terminal, a Markdown or HTML report, or a
/// CSV cell: every character that could move the cursor, recolour, retitle or redraw a
/// terminal, break a line, or reorder what is shown around it is replaced by a visible escape.
///
/// Escaped: C0 controls (U+0000–U+001F, line feed and tab included: one value, one line), DEL
/// (U+007F), C1 controls (U+0080–U+009F), the bidi embeddings, overrides and isolates
/// (U+202A–U+202E, U+2066–U+2069) and the line and paragraph separators (U+2028, U+2029). Each
/// becomes `\u` and four uppercase hex digits (`\u001B`, `\u202E`), and a backslash becomes
/// `\\`, so an escape in the output always means an escaped character, never text that
/// imitates one. JSON output needs none of this: its encoder escapes controls itself.
public enum DisplayText {
    /// Whether `s` is shown as it is.
    public static func isPlain(_ s: String) -> Bool {
        !s.unicodeScalars.contains { needsEscape($0) || $0 == "\\" }
    }

    /// `s` with every unsafe character (and backslash) visibly escaped.
    public static func escaped(_ s: String) -> String {
        if isPlain(s) { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            if u == "\\" {
                out.append(contentsOf: "\\\\".unicodeScalars)
            } else if needsEscape(u) {
                let hex = String(u.value, radix: 16, uppercase: true)
                out.append(contentsOf: ("\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex).unicodeScalars)
            } else {
                out.append(u)
            }
        }
        return String(out)
    }

    /// The characters escaped for display.
    public static func needsEscape(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: return true
        default: return false
        }
    }
}
