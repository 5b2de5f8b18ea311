import Testing
import LedgerCore

/// Untrusted text shown to people: every control, DEL, C1 control, bidi override or isolate
/// and line separator becomes a visible escape; everything else is left as it is.
@Suite struct DisplayTextTests {
    @Test(arguments: [
        ("escape sequence retitling a terminal", "\u{1B}]0;VALID\u{07}", "\\u001B]0;VALID\\u0007"),
        ("carriage return redrawing a line", "INVALID\rVALID  ", "INVALID\\u000DVALID  "),
        ("line feed faking a line", "x\nVALID", "x\\u000AVALID"),
        ("tab", "a\tb", "a\\u0009b"),
        ("NUL", "a\u{0}b", "a\\u0000b"),
        ("DEL", "a\u{7F}", "a\\u007F"),
        ("C1 CSI", "\u{9B}31m", "\\u009B31m"),
        ("C1 first and last", "\u{80}\u{9F}", "\\u0080\\u009F"),
        ("right-to-left override", "Clínica \u{202E}acinílC", "Clínica \\u202EacinílC"),
        ("left-to-right embedding", "\u{202A}x", "\\u202Ax"),
        ("pop directional formatting", "x\u{202C}", "x\\u202C"),
        ("isolates", "\u{2066}\u{2067}\u{2068}\u{2069}", "\\u2066\\u2067\\u2068\\u2069"),
        ("line and paragraph separators", "a\u{2028}b\u{2029}", "a\\u2028b\\u2029"),
        ("a backslash, so escapes cannot be imitated", "\\u001B", "\\\\u001B"),
    ])
    func unsafeCharactersAreEscaped(_ name: String, _ input: String, _ shown: String) {
        #expect(Array(DisplayText.escaped(input).utf8) == Array(shown.utf8), "\(name)")
        #expect(!DisplayText.isPlain(input), "\(name)")
    }

    @Test(arguments: [
        "Clínica Comunitaria San Cristóbal", "Banco de Alimentos de Ciudad Juárez A.C.", "Niños & Co <b>", "",
        "\u{A0}non-breaking space", "emoji 🌮", "שלום", "مرحبا", "U+200E is a mark, not an override: \u{200E}", "\u{2065}\u{206A}x",
    ])
    func ordinaryTextIsLeftAsItIs(_ text: String) {
        #expect(Array(DisplayText.escaped(text).utf8) == Array(text.utf8))
        #expect(DisplayText.isPlain(text))
    }

    @Test func theNearestSafeNeighboursStayAsTheyAre() {
        for v: UInt32 in [0x20, 0x7E, 0xA0, 0x2027, 0x202F, 0x2030, 0x2065, 0x206A] {
            let u = Unicode.Scalar(v)!
            #expect(!DisplayText.needsEscape(u), "U+\(String(v, radix: 16))")
        }
        for v: UInt32 in [0x0, 0x1F, 0x7F, 0x80, 0x9F, 0x202A, 0x202E, 0x2066, 0x2069, 0x2028, 0x2029] {
            #expect(DisplayText.needsEscape(Unicode.Scalar(v)!), "U+\(String(v, radix: 16))")
        }
    }
}
