import Testing
import LedgerCore

/// `Bytes.equal` and `String.sameUTF8`: equality of bytes, never of Unicode equivalence.
@Suite("Byte equality")
struct ByteEqualityTests {
    /// Lengths around the eight-byte step, with the one differing byte at every position.
    @Test(arguments: [0, 1, 7, 8, 9, 15, 16, 17, 64, 850])
    func aDifferenceAnywhereIsFound(length: Int) {
        let a = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        #expect(Bytes.equal(a, a))
        #expect(Bytes.equal(a, Array(a)))
        for i in 0..<length {
            var b = a
            b[i] ^= 0x80
            #expect(!Bytes.equal(a, b), "byte \(i) of \(length)")
        }
        #expect(!Bytes.equal(a, a + [0]))
        #expect(!Bytes.equal(a + [0], a))
    }

    @Test func stringsCompareByTheirUTF8Bytes() {
        #expect("Clínica".sameUTF8("Clínica"))
        // Canonically equivalent (Swift's == says equal), different bytes.
        #expect("Cl\u{00ED}nica" == "Cli\u{0301}nica")
        #expect(!"Cl\u{00ED}nica".sameUTF8("Cli\u{0301}nica"))
        // Same length, canonically equivalent, different bytes.
        #expect("\u{1E0A}\u{0323}" == "\u{1E0C}\u{0307}")
        #expect("\u{1E0A}\u{0323}".utf8.count == "\u{1E0C}\u{0307}".utf8.count)
        #expect(!"\u{1E0A}\u{0323}".sameUTF8("\u{1E0C}\u{0307}"))
        // Small (inline) and large strings, equal and one byte apart at the end.
        let long = String(repeating: "usaid-ben-", count: 9)
        #expect(long.sameUTF8(String(repeating: "usaid-ben-", count: 9)))
        #expect(!long.sameUTF8(String(long.dropLast()) + "."))
        #expect("shcp-ana".sameUTF8("shcp-" + "ana") && !"shcp-ana".sameUTF8("shcp-anb") && !"".sameUTF8("a") && "".sameUTF8(""))
    }
}
