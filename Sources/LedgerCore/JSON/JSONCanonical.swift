/// RFC 8785 (JCS) serialization for the ledger's JSON domain.
///
/// Integers are written in plain decimal; strings escape only `"`, `\` and
/// U+0000–U+001F (with the short forms `\b \t \n \f \r`, else `\u00xx` in lowercase
/// hex); everything else is written as its UTF-8 bytes. Object members are already
/// in UTF-16 code-unit order (`JSONObject` keeps them so).
public enum JSONCanonical {
    /// Appends the canonical form of `value` to `out`.
    public static func write(_ value: JSONValue, into out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
        case .bool(true): out.append(contentsOf: [0x74, 0x72, 0x75, 0x65])
        case .bool(false): out.append(contentsOf: [0x66, 0x61, 0x6C, 0x73, 0x65])
        case .integer(let n): writeInteger(n, into: &out)
        case .string(let s): writeString(s, into: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                write(item, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            out.append(UInt8(ascii: "{"))
            for (i, m) in object.members.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                writeString(m.key, into: &out)
                out.append(UInt8(ascii: ":"))
                write(m.value, into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// True when `bytes` parse to a value whose canonical form is exactly `bytes`.
    public static func isCanonical(_ bytes: some Collection<UInt8>, value: JSONValue) -> Bool {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        write(value, into: &out)
        return out.elementsEqual(bytes)
    }

    public static func writeInteger(_ n: Int64, into out: inout [UInt8]) {
        if n == 0 {
            out.append(UInt8(ascii: "0"))
            return
        }
        if n < 0 { out.append(UInt8(ascii: "-")) }
        var m = n.magnitude
        var digits: [UInt8] = []
        digits.reserveCapacity(20)
        while m > 0 {
            digits.append(UInt8(ascii: "0") + UInt8(m % 10))
            m /= 10
        }
        out.append(contentsOf: digits.reversed())
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    public static func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { bytes in
            // Copy runs that need no escape in bulk; most strings are one run.
            var run = 0
            for i in 0..<bytes.count {
                let b = bytes[i]
                guard b < 0x20 || b == 0x22 || b == 0x5C else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
                run = i + 1
                switch b {
                case 0x22: out.append(contentsOf: [0x5C, 0x22])
                case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
                case 0x08: out.append(contentsOf: [0x5C, UInt8(ascii: "b")])
                case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0C: out.append(contentsOf: [0x5C, UInt8(ascii: "f")])
                case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                default:
                    out.append(contentsOf: [0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                            hexDigits[Int(b >> 4)], hexDigits[Int(b & 0xF)]])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<bytes.count]))
        }
        out.append(UInt8(ascii: "\""))
    }
}
