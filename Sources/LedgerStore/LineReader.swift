import Foundation
import LedgerCore

/// Reads a file as `\n`-separated lines in bounded batches, without loading it whole.
public final class LineReader {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var start = 0
    private var eof = false
    /// Bytes read per system call.
    static let chunkBytes = 1 << 20

    public init(path: String) throws(StoreError) {
        guard let h = FileHandle(forReadingAtPath: path) else {
            throw StoreError(.io, field: path, "cannot open \(path) for reading")
        }
        handle = h
    }

    deinit { try? handle.close() }

    /// Up to `max` lines; an empty array at the end of the file.
    public func next(max: Int) throws(StoreError) -> [Line] {
        var out: [Line] = []
        while out.count < max {
            if let nl = buffer[start...].firstIndex(of: 0x0A) {
                out.append(Line(bytes: Array(buffer[start..<nl]), terminated: true))
                start = nl + 1
                continue
            }
            if eof {
                if start < buffer.count {
                    out.append(Line(bytes: Array(buffer[start...]), terminated: false))
                    start = buffer.count
                }
                break
            }
            buffer.removeFirst(start)
            start = 0
            let data: Data?
            do { data = try handle.read(upToCount: LineReader.chunkBytes) } catch {
                throw StoreError(.io, "read failed: \(error.localizedDescription)")
            }
            if let data, !data.isEmpty { buffer.append(contentsOf: data) } else { eof = true }
        }
        return out
    }
}
