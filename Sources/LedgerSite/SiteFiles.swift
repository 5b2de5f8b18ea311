import Foundation
import LedgerStore

/// Where the site is written: a file whose bytes are already there is left alone (so a web
/// server's caches and a mirror's sync see only what changed), any other is written to a
/// temporary name and renamed over the old one, so a reader never sees half a file.
///
/// Every file is streamed (`ByteSink`) to the temporary name and then compared with the file
/// in place, a chunk at a time, so memory stays bounded whatever a file's size. Files are 0644:
/// everything here is public, and nothing sealed is ever given to it. Files are not synced one
/// by one: the site is regenerated from the log at any time.
final class SiteFiles: @unchecked Sendable {
    let root: String
    /// Writers run on several threads at once (each its own files); the tallies are locked.
    private let lock = NSLock()
    private var writtenPaths: [String] = []
    private var keptCount = 0
    var written: [String] { lock.withLock { writtenPaths.sorted() } }
    var kept: Int { lock.withLock { keptCount } }

    init(root: String) throws(StoreError) {
        self.root = root
        try makeDirectory(root)
    }

    func put(_ path: String, _ bytes: [UInt8]) throws(StoreError) { try stream(path) { $0.append(bytes) } }

    func put(_ path: String, _ text: String) throws(StoreError) { try stream(path) { $0.append(text) } }

    /// Writes the file `body` streams, at `path` (relative to the site root, `/`-separated).
    func stream(_ path: String, _ body: (inout ByteSink) throws(StoreError) -> Void) throws(StoreError) {
        let file = try open(path)
        do throws(StoreError) { try body(&file.sink) } catch {
            file.abandon()
            throw error
        }
        try commit(file)
    }

    /// A file being written over a longer stretch (the export, during the replay): `commit` puts
    /// it in place (or keeps the one there, if the same), `abandon` removes it.
    final class OpenFile {
        let path: String
        let tmp: String
        var sink: ByteSink
        private let fd: Int32

        fileprivate init(path: String, tmp: String, fd: Int32) {
            (self.path, self.tmp, self.fd) = (path, tmp, fd)
            sink = ByteSink(fd: fd)
        }

        /// Writes what is buffered and closes the file; whether every write succeeded.
        fileprivate func close() -> Bool {
            sink.flush()
            Foundation.close(fd)
            return !sink.failed
        }

        func abandon() {
            _ = close()
            unlink(tmp)
        }
    }

    func open(_ path: String) throws(StoreError) -> OpenFile {
        let full = root + "/" + path
        try makeDirectory((full as NSString).deletingLastPathComponent)
        let tmp = full + ".tmp"
        let fd = Foundation.open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw StoreError(.io, field: "out", "cannot create \(tmp): \(String(cString: strerror(errno)))") }
        return OpenFile(path: path, tmp: tmp, fd: fd)
    }

    func commit(_ file: OpenFile) throws(StoreError) {
        let full = root + "/" + file.path
        guard file.close() else {
            unlink(file.tmp)
            throw StoreError(.io, field: "out", "cannot write \(file.tmp): \(String(cString: strerror(errno)))")
        }
        if Self.sameContents(file.tmp, full) {
            unlink(file.tmp)
            lock.withLock { keptCount += 1 }
            return
        }
        guard rename(file.tmp, full) == 0 else {
            unlink(file.tmp)
            throw StoreError(.io, field: "out", "cannot write \(full): \(String(cString: strerror(errno)))")
        }
        lock.withLock { writtenPaths.append(file.path) }
    }

    /// Whether two files hold the same bytes (false when either cannot be read).
    static func sameContents(_ a: String, _ b: String) -> Bool {
        var sa = stat(), sb = stat()
        guard stat(a, &sa) == 0, stat(b, &sb) == 0, sa.st_size == sb.st_size else { return false }
        let fa = Foundation.open(a, O_RDONLY | O_CLOEXEC), fb = Foundation.open(b, O_RDONLY | O_CLOEXEC)
        defer { if fa >= 0 { close(fa) }; if fb >= 0 { close(fb) } }
        guard fa >= 0, fb >= 0 else { return false }
        let size = 1 << 20
        var x = [UInt8](repeating: 0, count: size), y = [UInt8](repeating: 0, count: size)
        while true {
            let n = read(fa, &x, size)
            guard n >= 0 else { return false }
            if n == 0 { return true }
            var got = 0
            while got < n {
                let m = y.withUnsafeMutableBytes { read(fb, $0.baseAddress! + got, n - got) }
                guard m > 0 else { return false }
                got += m
            }
            guard memcmp(x, y, n) == 0 else { return false }
        }
    }

    private func makeDirectory(_ path: String) throws(StoreError) {
        do { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
            throw StoreError(.io, field: "out", "cannot create directory \(path): \(error.localizedDescription)")
        }
    }
}
