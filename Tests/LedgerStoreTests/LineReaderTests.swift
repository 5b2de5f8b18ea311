import Foundation
import Testing
import LedgerCore
@testable import LedgerStore
@testable import LedgerStoreBase

/// The line reader: exact lines across read boundaries, and lines past the limit kept only up
/// to one byte beyond it, with their true length, however long they are.
@Suite struct LineReaderTests {
    func lines(_ bytes: [UInt8], lineBytesMax: Int, batch: Int = 3) throws -> [Line] {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("jhf-lines-\(UUID().uuidString)").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = try LineReader(path: path, lineBytesMax: lineBytesMax)
        var out: [Line] = []
        while true {
            let b = try r.next(max: batch)
            if b.isEmpty { return out }
            out += b
        }
    }

    static let chunk = LineReader.chunkBytes

    @Test(arguments: [
        ("empty file", 0, [Int]()),
        ("one short line", 1, [5]),
        ("a line at the limit", 1, [100]),
        ("a line one byte over", 1, [101]),
        ("over, then short lines", 3, [250, 0, 7]),
        ("short, over, short", 3, [3, 101, 4]),
        ("lines across the read size", 4, [chunk - 1, 5, chunk + 3, 2]),
    ])
    func linesAndTheirLengths(_ name: String, _ count: Int, _ lengths: [Int]) throws {
        let limit = name == "lines across the read size" ? 2 * Self.chunk : 100
        var bytes: [UInt8] = []
        for (i, n) in lengths.enumerated() { bytes += [UInt8](repeating: UInt8(ascii: "a") + UInt8(i), count: n) + [0x0A] }
        let got = try lines(bytes, lineBytesMax: limit)
        #expect(got.count == count, "\(name)")
        for (line, n) in zip(got, lengths) {
            #expect(line.length == n && line.terminated, "\(name)")
            #expect(line.isTruncated == (n > limit + 1) && line.bytes.count == min(n, limit + 1), "\(name)")
        }
    }

    @Test func anUnterminatedOverlongLastLine() throws {
        let got = try lines([UInt8](repeating: 0x41, count: 3 * Self.chunk + 17), lineBytesMax: 1000)
        #expect(got.count == 1)
        #expect(got[0].length == 3 * Self.chunk + 17 && got[0].bytes.count == 1001 && !got[0].terminated && got[0].isTruncated)
    }

    /// A 64 MiB line: read in one pass, never held (the kept prefix is the limit + 1 bytes).
    @Test func aVeryLongLineIsReadInOnePass() throws {
        let n = 64 << 20
        let got = try lines([UInt8](repeating: 0x7B, count: n) + [0x0A, 0x7D, 0x0A], lineBytesMax: Limits.documentBytesMax, batch: 10)
        #expect(got.map(\.length) == [n, 1])
        #expect(got[0].bytes.count == Limits.documentBytesMax + 1 && got[1].bytes == [0x7D])
    }
}
