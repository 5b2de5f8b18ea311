import Foundation
import LedgerCore
import LedgerStore

/// File helpers of the bank layer: hashing a statement as a stream, opening it with a size bound.
enum BankFiles {
    /// SHA-256 of a file's bytes, read in chunks; refuses files over `Limits.statementBytesMax`.
    static func sha256(path: String) throws -> Hash {
        guard let h = FileHandle(forReadingAtPath: path) else { throw StoreError(.invalid, field: "statement", "cannot open \(path) for reading") }
        defer { try? h.close() }
        var hasher = SHA256()
        var total: Int64 = 0
        while true {
            let data: Data?
            do { data = try h.read(upToCount: 1 << 20) } catch { throw StoreError(.io, field: "statement", "read failed: \(error.localizedDescription)") }
            guard let data, !data.isEmpty else { break }
            total += Int64(data.count)
            guard total <= Limits.statementBytesMax else {
                throw LedgerError(.statement, field: "statement", "the file is larger than \(Limits.statementBytesMax) bytes")
            }
            hasher.update([UInt8](data))
        }
        return hasher.finalize()
    }
}
