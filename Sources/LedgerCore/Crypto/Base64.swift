/// Standard base64 with padding (RFC 4648 §4), strict: canonical encodings only.
///
/// Decoding rejects missing or extra padding, characters outside the alphabet,
/// white space, and non-zero bits in the final padding position, so each byte
/// string has exactly one accepted text form.
public enum Base64 {
    private static let alphabet: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    private static let decodeTable: [UInt8] = {
        var t = [UInt8](repeating: 0xFF, count: 256)
        for (i, c) in alphabet.enumerated() { t[Int(c)] = UInt8(i) }
        return t
    }()

    public static func encode(_ bytes: some Collection<UInt8>) -> String {
        let input = Array(bytes)
        // Written straight into the string's storage: this runs for every signature in every
        // entry the store appends, where an array per 3-byte group once cost 8,000 instructions.
        return String(unsafeUninitializedCapacity: (input.count + 2) / 3 * 4) { out in
            alphabet.withUnsafeBufferPointer { a in
                var i = 0, o = 0
                func put(_ n: UInt32, _ count: Int) {
                    out[o] = a[Int(n >> 18 & 63)]
                    out[o + 1] = a[Int(n >> 12 & 63)]
                    out[o + 2] = count > 1 ? a[Int(n >> 6 & 63)] : UInt8(ascii: "=")
                    out[o + 3] = count > 2 ? a[Int(n & 63)] : UInt8(ascii: "=")
                    o += 4
                }
                while i + 3 <= input.count {
                    put(UInt32(input[i]) << 16 | UInt32(input[i + 1]) << 8 | UInt32(input[i + 2]), 3)
                    i += 3
                }
                switch input.count - i {
                case 1: put(UInt32(input[i]) << 16, 1)
                case 2: put(UInt32(input[i]) << 16 | UInt32(input[i + 1]) << 8, 2)
                default: break
                }
                return o
            }
        }
    }

    /// Decodes canonical padded base64, or returns nil.
    public static func decode(_ text: String) -> [UInt8]? {
        let s = Array(text.utf8)
        guard s.count % 4 == 0 else { return nil }
        let pad = s.last != UInt8(ascii: "=") ? 0 : s[s.count - 2] == UInt8(ascii: "=") ? 2 : 1
        var valid = true
        // Each group is read through the table once and written in place (no appends): every
        // approval's signature is decoded on its way in and again when the store parses the entry.
        let out = [UInt8](unsafeUninitializedCapacity: s.count / 4 * 3) { out, written in
            decodeTable.withUnsafeBufferPointer { table in
                var i = 0, o = 0
                while i < s.count {
                    let used = i + 4 == s.count ? 4 - pad : 4
                    var n: UInt32 = 0
                    for j in 0..<used {
                        let v = table[Int(s[i + j])]
                        guard v != 0xFF else { valid = false; return }
                        n |= UInt32(v) << (18 - 6 * UInt32(j))
                    }
                    out[o] = UInt8(n >> 16 & 0xFF)
                    o += 1
                    if used > 2 { out[o] = UInt8(n >> 8 & 0xFF); o += 1 }
                    if used > 3 { out[o] = UInt8(n & 0xFF); o += 1 }
                    // Canonical form: the bits that padding leaves over must be zero.
                    if used == 2 && n & 0xFFFF != 0 || used == 3 && n & 0xFF != 0 { valid = false; return }
                    i += 4
                }
                written = o
            }
        }
        return valid ? out : nil
    }
}

/// Lowercase hexadecimal, strict on decode.
public enum Hex {
    private static let digits: [UInt8] = Array("0123456789abcdef".utf8)

    public static func encode(_ bytes: some Collection<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count * 2) { out in
            var o = 0
            for b in bytes {
                out[o] = digits[Int(b >> 4)]
                out[o + 1] = digits[Int(b & 0xF)]
                o += 2
            }
            return o
        }
    }

    /// Decodes lowercase hex only (the ledger never writes uppercase), or returns nil.
    public static func decode(_ text: String) -> [UInt8]? {
        let s = Array(text.utf8)
        guard s.count % 2 == 0 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(s.count / 2)
        var i = 0
        while i < s.count {
            guard let hi = nibble(s[i]), let lo = nibble(s[i + 1]) else { return nil }
            out.append(hi << 4 | lo)
            i += 2
        }
        return out
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        default: return nil
        }
    }
}
