/// A strict, byte-level JSON parser for the ledger's value domain (SPEC §1).
///
/// It rejects, with a message naming the byte offset: a byte-order mark, invalid
/// UTF-8, lone surrogate escapes, duplicate object keys, numbers with a fraction or
/// exponent, `-0`, integers outside ±(2^53-1), nesting deeper than
/// `Limits.nestingDepthMax`, documents over `Limits.documentBytesMax`, and any
/// bytes after the value. Insignificant white space is accepted; `parseDocument`
/// also tells whether the document was already in canonical (RFC 8785) form.
public struct JSONParser: ~Copyable {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var pos = 0
    private var depth = 0
    private var scratch: [UInt8] = []
    /// False once anything is seen that JCS would write differently: white space, an
    /// escape JCS does not use, or object keys out of order. (Numbers the parser accepts
    /// are already in canonical form: no fraction, exponent, leading zero or -0.)
    private var canonical = true
    /// A member of the top-level object whose value's byte range is wanted.
    private let locateKey: String?
    private var located: Range<Int>?

    private init(_ bytes: UnsafeBufferPointer<UInt8>, locating key: String? = nil) {
        self.bytes = bytes
        locateKey = key
    }

    /// A parsed document: the value, whether its bytes were canonical, and where the
    /// value of the requested top-level member lies in them.
    public struct Document: Sendable {
        public let value: JSONValue
        public let isCanonical: Bool
        public let located: Range<Int>?
    }

    /// Parses one document, noting whether it is canonical and where the top-level
    /// member `key` has its value. Where the document is canonical, those bytes are the
    /// canonical form of that value (the verifier signs-checks a body without re-serializing it).
    public static func parseDocument(_ document: [UInt8], locating key: String? = nil) throws(LedgerError) -> Document {
        try document.withUnsafeBufferPointer { buffer in
            Result { () throws(LedgerError) in
                var parser = try JSONParser.begin(buffer, locating: key)
                let value = try parser.parseDocumentValue()
                return Document(value: value, isCanonical: parser.canonical, located: parser.located)
            }
        }.get()
    }

    /// Parses one complete JSON document.
    public static func parse<C: Collection<UInt8>>(_ document: C) throws(LedgerError) -> JSONValue {
        let run = { (buffer: UnsafeBufferPointer<UInt8>) -> Result<JSONValue, LedgerError> in
            Result { () throws(LedgerError) in try parseBuffer(buffer) }
        }
        if let result = document.withContiguousStorageIfAvailable(run) { return try result.get() }
        return try Array(document).withUnsafeBufferPointer(run).get()
    }

    /// Parses a document given as a Swift string (its UTF-8 bytes).
    public static func parse(_ text: String) throws(LedgerError) -> JSONValue {
        try parse(Array(text.utf8))
    }

    private static func parseBuffer(_ buffer: UnsafeBufferPointer<UInt8>) throws(LedgerError) -> JSONValue {
        var parser = try begin(buffer, locating: nil)
        return try parser.parseDocumentValue()
    }

    private static func begin(_ buffer: UnsafeBufferPointer<UInt8>, locating key: String?) throws(LedgerError) -> JSONParser {
        guard buffer.count <= Limits.documentBytesMax else {
            throw LedgerError(.json, "document is \(buffer.count) bytes; the limit is \(Limits.documentBytesMax) bytes")
        }
        if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF {
            throw LedgerError(.json, "document starts with a byte-order mark, which is not allowed")
        }
        return JSONParser(buffer, locating: key)
    }

    private mutating func parseDocumentValue() throws(LedgerError) -> JSONValue {
        skipWhitespace()
        let value = try parseValue()
        skipWhitespace()
        guard pos == bytes.count else { throw error("unexpected bytes after the JSON value") }
        return value
    }

    // MARK: - Grammar

    private mutating func parseValue() throws(LedgerError) -> JSONValue {
        guard pos < bytes.count else { throw error("unexpected end of document") }
        switch bytes[pos] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .integer(try parseInteger())
        default: throw error("unexpected character \(describe(bytes[pos]))")
        }
    }

    private mutating func enter() throws(LedgerError) {
        depth += 1
        if depth > Limits.nestingDepthMax {
            throw error("nesting deeper than \(Limits.nestingDepthMax) levels")
        }
    }

    private mutating func parseObject() throws(LedgerError) -> JSONValue {
        try enter()
        pos += 1  // {
        var members: [JSONObject.Member] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            pos += 1
            depth -= 1
            return .object(JSONObject(uncheckedSortedMembers: []))
        }
        var sorted = true
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else { throw error("expected a string as object key") }
            let keyOffset = pos
            let key = try parseString()
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else { throw error("expected ':' after object key") }
            pos += 1
            skipWhitespace()
            let valueStart = pos
            let value = try parseValue()
            if depth == 1, let locateKey, key.sameUTF8(locateKey) { located = valueStart..<pos }
            if let last = members.last, sorted, !JSONObject.precedes(last.key, key) {
                sorted = false
                canonical = false
                if last.key.sameUTF8(key) {
                    throw LedgerError(.json, field: key, "duplicate object key \"\(key)\" at byte \(keyOffset)")
                }
            }
            members.append(JSONObject.Member(key: key, value: value))
            skipWhitespace()
            guard let c = peek() else { throw error("unexpected end of document inside an object") }
            pos += 1
            if c == UInt8(ascii: ",") { continue }
            if c == UInt8(ascii: "}") { break }
            pos -= 1
            throw error("expected ',' or '}' in an object")
        }
        depth -= 1
        if sorted { return .object(JSONObject(uncheckedSortedMembers: members)) }
        do {
            return .object(try JSONObject(members.map { ($0.key, $0.value) }))
        } catch {
            throw LedgerError(.json, field: error.field, "duplicate object key \"\(error.field)\"")
        }
    }

    private mutating func parseArray() throws(LedgerError) -> JSONValue {
        try enter()
        pos += 1  // [
        var items: [JSONValue] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            pos += 1
            depth -= 1
            return .array(items)
        }
        while true {
            skipWhitespace()
            items.append(try parseValue())
            skipWhitespace()
            guard let c = peek() else { throw error("unexpected end of document inside an array") }
            pos += 1
            if c == UInt8(ascii: ",") { continue }
            if c == UInt8(ascii: "]") { break }
            pos -= 1
            throw error("expected ',' or ']' in an array")
        }
        depth -= 1
        return .array(items)
    }

    private mutating func parseString() throws(LedgerError) -> String {
        pos += 1  // opening quote
        let start = pos
        // Fast path: no escapes. `seen` collects every byte's bits, to tell all-ASCII strings.
        var seen: UInt8 = 0
        while pos < bytes.count {
            let c = bytes[pos]
            if c == UInt8(ascii: "\"") {
                let raw = UnsafeBufferPointer(rebasing: bytes[start..<pos])
                pos += 1
                // ASCII is valid UTF-8 that decodes byte for byte: nothing to check.
                if seen < 0x80 { return String(decoding: raw, as: UTF8.self) }
                return try makeString(raw, at: start)
            }
            seen |= c
            if c == UInt8(ascii: "\\") { break }
            if c < 0x20 { throw error("control character \(describe(c)) must be escaped in a string") }
            pos += 1
        }
        // Slow path: copy with escapes resolved.
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: bytes[start..<pos])
        while pos < bytes.count {
            let c = bytes[pos]
            if c == UInt8(ascii: "\"") {
                pos += 1
                let bytes = scratch
                return try bytes.withUnsafeBufferPointer { buf in
                    Result { () throws(LedgerError) in try makeString(buf, at: start) }
                }.get()
            }
            if c < 0x20 { throw error("control character \(describe(c)) must be escaped in a string") }
            if c != UInt8(ascii: "\\") {
                scratch.append(c)
                pos += 1
                continue
            }
            pos += 1
            guard let e = peek() else { break }
            pos += 1
            switch e {
            case UInt8(ascii: "\""): scratch.append(0x22)
            case UInt8(ascii: "\\"): scratch.append(0x5C)
            case UInt8(ascii: "/"): scratch.append(0x2F); canonical = false
            case UInt8(ascii: "b"): scratch.append(0x08)
            case UInt8(ascii: "f"): scratch.append(0x0C)
            case UInt8(ascii: "n"): scratch.append(0x0A)
            case UInt8(ascii: "r"): scratch.append(0x0D)
            case UInt8(ascii: "t"): scratch.append(0x09)
            case UInt8(ascii: "u"):
                let digits = pos
                var scalar = UInt32(try parseHex4())
                // JCS writes \u only for controls without a short form, as 00 + lowercase hex.
                if canonical && !JSONParser.isCanonicalEscape(scalar, bytes[digits..<digits + 4]) { canonical = false }
                if (0xD800...0xDBFF).contains(scalar) {
                    guard pos + 1 < bytes.count, bytes[pos] == UInt8(ascii: "\\"), bytes[pos + 1] == UInt8(ascii: "u") else {
                        throw error("lone high surrogate escape")
                    }
                    pos += 2
                    let low = UInt32(try parseHex4())
                    guard (0xDC00...0xDFFF).contains(low) else { throw error("high surrogate escape not followed by a low surrogate") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw error("lone low surrogate escape")
                }
                guard let u = Unicode.Scalar(scalar) else { throw error("invalid escaped code point") }
                UTF8.encode(u) { scratch.append($0) }
            default:
                pos -= 1
                throw error("invalid escape \\\(describe(e))")
            }
        }
        throw error("unterminated string")
    }

    private static let hexLower: [UInt8] = Array("0123456789abcdef".utf8)

    private static func isCanonicalEscape(_ scalar: UInt32, _ digits: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard scalar < 0x20, ![0x08, 0x09, 0x0A, 0x0C, 0x0D].contains(scalar) else { return false }
        return digits.elementsEqual([0x30, 0x30, hexLower[Int(scalar >> 4)], hexLower[Int(scalar & 0xF)]])
    }

    /// The string of `raw`, which must be valid UTF-8.
    ///
    /// `String(validating:as:)` goes through the standard library's unspecialized generic path,
    /// with a runtime metadata lookup on every call, visible in profiles of the request threads.
    /// Decoding is specialized for buffers, and it replaces invalid UTF-8
    /// with U+FFFD, which changes the bytes: so the bytes are valid exactly when the decoded
    /// string's UTF-8 is the same bytes.
    private func makeString(_ raw: UnsafeBufferPointer<UInt8>, at offset: Int) throws(LedgerError) -> String {
        let s = String(decoding: raw, as: UTF8.self)
        guard s.utf8.elementsEqual(raw) else {
            throw LedgerError(.json, "invalid UTF-8 in the string starting at byte \(offset - 1)")
        }
        return s
    }

    private mutating func parseHex4() throws(LedgerError) -> UInt16 {
        guard pos + 4 <= bytes.count else { throw error("truncated \\u escape") }
        var v: UInt16 = 0
        for _ in 0..<4 {
            let c = bytes[pos]
            let d: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = c - UInt8(ascii: "A") + 10
            default: throw error("invalid hex digit in \\u escape")
            }
            v = v << 4 | UInt16(d)
            pos += 1
        }
        return v
    }

    private mutating func parseInteger() throws(LedgerError) -> Int64 {
        let start = pos
        var negative = false
        if bytes[pos] == UInt8(ascii: "-") {
            negative = true
            pos += 1
        }
        guard let first = peek(), first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9") else {
            throw error("expected a digit")
        }
        var magnitude: Int64 = 0
        var digits = 0
        while let c = peek(), c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") {
            digits += 1
            if digits > 16 {
                throw LedgerError(.json, "integer at byte \(start) is outside ±(2^53-1)")
            }
            magnitude = magnitude * 10 + Int64(c - UInt8(ascii: "0"))
            pos += 1
        }
        if first == UInt8(ascii: "0") && digits > 1 {
            throw LedgerError(.json, "integer at byte \(start) has a leading zero")
        }
        if let c = peek(), c == UInt8(ascii: ".") || c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
            throw LedgerError(.json, "number at byte \(start) has a fraction or exponent; only integers are allowed")
        }
        if magnitude > Limits.integerMagnitudeMax {
            throw LedgerError(.json, "integer at byte \(start) is outside ±(2^53-1)")
        }
        if negative && magnitude == 0 {
            throw LedgerError(.json, "-0 at byte \(start) is not allowed")
        }
        return negative ? -magnitude : magnitude
    }

    private mutating func expectLiteral(_ word: StaticString) throws(LedgerError) {
        let n = word.utf8CodeUnitCount
        guard pos + n <= bytes.count else { throw error("unexpected end of document") }
        let lit = UnsafeBufferPointer(start: word.utf8Start, count: n)
        for i in 0..<n where bytes[pos + i] != lit[i] {
            throw error("invalid literal")
        }
        pos += n
    }

    // MARK: - Helpers

    private func peek() -> UInt8? { pos < bytes.count ? bytes[pos] : nil }

    private mutating func skipWhitespace() {
        while pos < bytes.count {
            switch bytes[pos] {
            case 0x20, 0x09, 0x0A, 0x0D: pos += 1; canonical = false
            default: return
            }
        }
    }

    private func describe(_ byte: UInt8) -> String {
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "0x" + String(byte, radix: 16, uppercase: true)
    }

    private func error(_ message: String) -> LedgerError {
        LedgerError(.json, "\(message) at byte \(pos)")
    }
}
