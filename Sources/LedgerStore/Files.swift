import Foundation

func fileExists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

/// File modes the tools create files with. A file is opened with its mode (the umask can only
/// take bits away), never made first and changed after.
public enum FileMode {
    /// Files holding sealed records or anything derived from them: the database, `sealed.jsonl`,
    /// payment files, reconciliation reports.
    public static let secret: mode_t = 0o600
    /// Files anyone may read: `entries.jsonl`, checkpoints, proofs.
    public static let published: mode_t = 0o644

    /// The permission bits of `path` (`0o777` at most), or nil if it cannot be examined.
    public static func permissions(of path: String) -> mode_t? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return st.st_mode & 0o777
    }

    /// Whether only the owner may access a file with these permission bits (the rule for
    /// secret files: keys, tokens, the database).
    public static func isPrivate(_ permissions: mode_t) -> Bool { permissions & 0o077 == 0 }
}

/// Writes `path` so that it is never half there and never replaces a file: the bytes go to
/// `path.partial` (created exclusively with `mode`), are synced, and the file is then linked
/// to its final name, which fails if that name exists meanwhile.
///
/// `record` receives the step that puts the file in place and must call it exactly where the
/// file is to appear (a payment file is linked inside the store transaction that records it,
/// before that transaction commits, so a recorded payment file is always on disk). If
/// `record` throws after the file was placed, the file is removed again; on any error the
/// partial file is removed and nothing is left behind.
public func writeAtomically(_ path: String, mode: mode_t, record: (_ place: () throws(StoreError) -> Void) throws(StoreError) -> Void = { (place) throws(StoreError) in try place() },
                            _ body: (FileHandle) throws(StoreError) -> Void) throws(StoreError) {
    let tmp = path + ".partial"
    let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
    guard fd >= 0 else {
        let reason = errno == EEXIST ? "it is left from an interrupted run; remove it if no other run is writing" : String(cString: strerror(errno))
        throw StoreError(.io, field: "out", "cannot create \(tmp): \(reason)")
    }
    var placed = false
    func place() throws(StoreError) {
        guard link(tmp, path) == 0 else {
            if errno == EEXIST { throw StoreError(.conflict, field: "out", "\(path) already exists; it is never overwritten") }
            throw StoreError(.io, field: "out", "cannot create \(path): \(String(cString: strerror(errno)))")
        }
        placed = true
        unlink(tmp)
        syncDirectory(of: path)
    }
    let w = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    do {
        try body(w)
        try w.synchronize()
        try w.close()
        try record(place)
        guard placed else { throw StoreError(.io, field: "out", "\(path) was not put in place") }
    } catch {
        unlink(tmp)
        if placed { unlink(path) }
        if let e = error as? StoreError {
            guard placed else { throw e }
            throw StoreError(e.code, field: e.field, rule: e.rule, "\(e.message); \(path) was removed again", failures: e.failures)
        }
        throw StoreError(.io, field: "out", "cannot write \(path): \(error.localizedDescription)")
    }
}

/// Makes a new name in a directory durable (a crash after a link or rename may otherwise lose it).
public func syncDirectory(of path: String) {
    let directory = (path as NSString).deletingLastPathComponent
    let fd = open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { return }
    _ = fsync(fd)
    close(fd)
}
