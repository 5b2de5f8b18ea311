import Foundation
import LedgerCore
import LedgerStore

/// File helpers of the CLI: reading JSON inputs and writing outputs.
enum Files {
    /// The file's bytes, refused without reading further once it is longer than `limit`
    /// (every input the CLI reads whole is a JSON document or smaller).
    static func read(_ path: String, field: String, limit: Int = Limits.documentBytesMax) throws -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CLIFailure("error [io]: \(field): cannot read \(path)", status: ExitStatus.storage)
        }
        defer { try? handle.close() }
        let data: Data
        do { data = try handle.read(upToCount: limit + 1) ?? Data() } catch {
            throw CLIFailure("error [io]: \(field): cannot read \(path): \(error.localizedDescription)", status: ExitStatus.storage)
        }
        guard data.count <= limit else {
            throw CLIFailure("error [too_large]: \(field): \(path) is larger than \(limit) bytes, the limit for this input")
        }
        return Array(data)
    }

    /// Refuses a secret file (key or token) that group or others may access.
    static func requirePrivate(_ path: String, field: String) throws {
        guard let mode = FileMode.permissions(of: path) else {
            throw CLIFailure("error [io]: \(field): cannot read \(path)", status: ExitStatus.storage)
        }
        if !FileMode.isPrivate(mode) {
            throw CLIFailure("error [key]: \(field): \(path) is accessible by group or others (mode \(String(mode, radix: 8))); run chmod 600 \(path)")
        }
    }

    /// Reads and strictly parses a JSON file; errors name the option.
    static func readJSON(_ path: String, field: String) throws -> JSONValue {
        let bytes = try read(path, field: field)
        do { return try JSONParser.parse(bytes) } catch {
            throw CLIFailure("error [json]: \(field) (\(path)): \(error.message)")
        }
    }

    /// Creates `path` with mode 0600, refusing to overwrite.
    static func writeSecret(_ path: String, _ bytes: [UInt8]) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else {
            throw CLIFailure("error [io]: out: cannot create \(path): \(String(cString: strerror(errno)))", status: ExitStatus.storage)
        }
        defer { close(fd) }
        let written = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(fd) == 0 else {
            throw CLIFailure("error [io]: out: cannot write \(path)", status: ExitStatus.storage)
        }
    }
}
