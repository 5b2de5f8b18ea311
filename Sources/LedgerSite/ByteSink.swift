import Foundation
import LedgerCore
import LedgerStore

/// A file written as a stream: bytes gather in a buffer of `Limits.siteWriteBufferBytes` and go
/// to the file descriptor when it fills, so a file of hundreds of megabytes (a million CSV rows
/// or IATI transactions) never sits in memory.
struct ByteSink {
    private(set) var buffer: [UInt8] = []
    private let fd: Int32
    private(set) var failed = false

    init(fd: Int32) {
        self.fd = fd
        buffer.reserveCapacity(Limits.siteWriteBufferBytes)
    }

    mutating func append(_ bytes: [UInt8]) {
        buffer += bytes
        if buffer.count >= Limits.siteWriteBufferBytes { flush() }
    }

    mutating func append(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Limits.siteWriteBufferBytes { flush() }
    }

    mutating func byte(_ b: UInt8) { buffer.append(b) }

    /// Writes the buffer out once it is full (after a record appended piece by piece).
    mutating func flushIfFull() {
        if buffer.count >= Limits.siteWriteBufferBytes { flush() }
    }

    /// A JSON string, escaped as canonical JSON escapes it.
    mutating func json(_ s: String) { JSONCanonical.writeString(s, into: &buffer) }

    mutating func json(_ n: Int64) { JSONCanonical.writeInteger(n, into: &buffer) }

    /// An open-data JSON value, as an element of a top-level member array (`OpenJSON` depth 2).
    mutating func element(_ v: OpenJSON) {
        v.write(into: &buffer, depth: 2)
        flushIfFull()
    }

    /// A CSV field (RFC 4180): quoted, quotes doubled, when it holds a comma, quote or line break.
    mutating func csv(_ s: String) {
        if s.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
            buffer.append(0x22)
            for b in s.utf8 {
                if b == 0x22 { buffer.append(0x22) }
                buffer.append(b)
            }
            buffer.append(0x22)
        } else {
            buffer.append(contentsOf: s.utf8)
        }
    }

    /// One CSV record: fields separated by commas, ended by CRLF.
    mutating func csvRow(_ fields: [String]) {
        for (i, f) in fields.enumerated() {
            if i > 0 { buffer.append(0x2C) }
            csv(f)
        }
        buffer.append(contentsOf: [0x0D, 0x0A])
        if buffer.count >= Limits.siteWriteBufferBytes { flush() }
    }

    mutating func flush() {
        guard !buffer.isEmpty, !failed else { buffer.removeAll(keepingCapacity: true); return }
        failed = !buffer.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n <= 0 { return false }
                offset += n
            }
            return true
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
