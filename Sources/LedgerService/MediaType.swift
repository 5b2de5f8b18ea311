import LedgerCore

/// Reading the media type of a request's `Content-Type` header.
enum MediaType {
    /// Whether a `Content-Type` value names `application/json`, parameters (`; charset=utf-8`)
    /// allowed. RFC 9110 §8.3.1: the type and subtype are case-insensitive; whitespace (spaces,
    /// tabs) may surround them. Compared on the header's bytes: the check runs on every write
    /// request, and Foundation's trimming and lowercasing cost more than the rest of it.
    static func isJSON(_ value: String) -> Bool {
        var bytes = value.utf8[...]
        if let semicolon = bytes.firstIndex(of: UInt8(ascii: ";")) { bytes = bytes[..<semicolon] }
        func isSpace(_ b: UInt8) -> Bool { b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") }
        while let first = bytes.first, isSpace(first) { bytes = bytes.dropFirst() }
        while let last = bytes.last, isSpace(last) { bytes = bytes.dropLast() }
        return bytes.equalsASCIIIgnoringCase(lowercase: "application/json".utf8)
    }
}
