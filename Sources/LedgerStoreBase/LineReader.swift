import Foundation
import LedgerCore

/// Reads a file as `\n`-separated lines in bounded batches, without loading it whole.
///
/// Time and memory are linear in the file whatever its lines: the search for a line's end
/// resumes where the last read stopped, and a line longer than `lineBytesMax` is kept only
/// up to one byte past the limit while the rest of it is read and dropped (`Line.isTruncated`).
public final class LineReader {
    private let handle: FileHandle
    private let lineBytesMax: Int
    private var buffer: [UInt8] = []
    /// Where the current line starts in `buffer`.
    private var start = 0
    /// Where the search for its end resumes: everything from `start` to here has no `\n`.
    private var scanned = 0
    /// The kept start of an overlong line, and how long that line is so far.
    private var overlong: (prefix: [UInt8], length: Int)?
    private var eof = false
    /// Bytes read from the file so far (for progress against its size).
    public private(set) var bytesRead: Int64 = 0
    /// Bytes read per system call.
    static let chunkBytes = 1 << 20

    /// `lineBytesMax`: the longest line kept whole (the JSON document limit by default).
    public init(path: String, lineBytesMax: Int = Limits.documentBytesMax) throws(StoreError) {
        guard let h = FileHandle(forReadingAtPath: path) else {
            throw StoreError(.io, field: path, "cannot open \(path) for reading")
        }
        handle = h
        self.lineBytesMax = lineBytesMax
    }

    deinit { try? handle.close() }

    /// Up to `max` lines; an empty array at the end of the file.
    public func next(max: Int) throws(StoreError) -> [Line] {
        var out: [Line] = []
        while out.count < max {
            if let nl = buffer[scanned...].firstIndex(of: 0x0A) {
                out.append(take(upTo: nl, terminated: true))
                start = nl + 1
                scanned = start
                continue
            }
            scanned = buffer.count
            if overlong != nil || buffer.count - start > lineBytesMax {
                // Keep the line's first lineBytesMax + 1 bytes; drop the rest as it is read.
                var o = overlong ?? (Array(buffer[start..<(start + lineBytesMax + 1)]), 0)
                o.length += buffer.count - start
                overlong = o
                buffer.removeAll(keepingCapacity: true)
                (start, scanned) = (0, 0)
            }
            if eof {
                if start < buffer.count || overlong != nil { out.append(take(upTo: buffer.count, terminated: false)) }
                start = buffer.count
                scanned = start
                break
            }
            if start > 0 {
                buffer.removeFirst(start)
                (scanned, start) = (scanned - start, 0)
            }
            let data: Data?
            do { data = try handle.read(upToCount: LineReader.chunkBytes) } catch {
                throw StoreError(.io, "read failed: \(error.localizedDescription)")
            }
            if let data, !data.isEmpty {
                buffer.append(contentsOf: data)
                bytesRead += Int64(data.count)
            } else {
                eof = true
            }
        }
        return out
    }

    /// The line from `start` to `end` (exclusive), joined to the overlong start it may continue.
    private func take(upTo end: Int, terminated: Bool) -> Line {
        guard let o = overlong else {
            let kept = min(end, start + lineBytesMax + 1)
            return Line(bytes: Array(buffer[start..<kept]), terminated: terminated, length: end - start)
        }
        overlong = nil
        return Line(bytes: o.prefix, terminated: terminated, length: o.length + (end - start))
    }
}
