import Foundation
import LedgerStore

/// Where the site is written: a file whose bytes are already there is left alone (so a web
/// server's caches and a mirror's sync see only what changed), any other is written to a
/// temporary name and renamed over the old one, so a reader never sees half a file.
///
/// Files are 0644: everything here is public, and nothing sealed is ever given to it.
/// Files are not synced one by one: the site is regenerated from the log at any time.
final class SiteFiles {
    let root: String
    private(set) var written: [String] = []
    private(set) var kept = 0

    init(root: String) throws(StoreError) {
        self.root = root
        try makeDirectory(root)
    }

    /// Puts `bytes` at `path` (relative to the site root, `/`-separated).
    func put(_ path: String, _ bytes: [UInt8]) throws(StoreError) {
        let full = root + "/" + path
        if let existing = FileManager.default.contents(atPath: full), existing.count == bytes.count, Array(existing) == bytes {
            kept += 1
            return
        }
        try makeDirectory((full as NSString).deletingLastPathComponent)
        let tmp = full + ".tmp"
        let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw StoreError(.io, field: "out", "cannot create \(tmp): \(String(cString: strerror(errno)))") }
        let ok = bytes.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let n = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n <= 0 { return false }
                offset += n
            }
            return true
        }
        close(fd)
        guard ok, rename(tmp, full) == 0 else {
            unlink(tmp)
            throw StoreError(.io, field: "out", "cannot write \(full): \(String(cString: strerror(errno)))")
        }
        written.append(path)
    }

    func put(_ path: String, _ text: String) throws(StoreError) { try put(path, Array(text.utf8)) }

    private func makeDirectory(_ path: String) throws(StoreError) {
        do { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
            throw StoreError(.io, field: "out", "cannot create directory \(path): \(error.localizedDescription)")
        }
    }
}
