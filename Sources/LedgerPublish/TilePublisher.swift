import Foundation
import LedgerCore
import LedgerStore

/// What one publication did.
public struct PublishReport: Sendable, Equatable {
    /// The size of the checkpoint now in the directory.
    public let size: Int64
    /// Tiles and bundles written by this run, and those already there with the same bytes.
    public let written: Int
    public let kept: Int
    /// Whether `checkpoint` was replaced.
    public let checkpointReplaced: Bool

    public init(size: Int64, written: Int, kept: Int, checkpointReplaced: Bool) {
        (self.size, self.written, self.kept, self.checkpointReplaced) = (size, written, kept, checkpointReplaced)
    }
}

/// Publishes a ledger as C2SP tlog-tiles files (SPEC §11) for any web server, object store or
/// CDN to serve: `checkpoint`, `tile/<L>/<N>[.p/<W>]` and `tile/entries/<N>[.p/<W>]`, for the
/// store's latest signed checkpoint with the cosignatures it has collected.
///
/// Incremental and safe to repeat: a tile or bundle already in the directory is never
/// rewritten (a different one is refused: the directory belongs to another history); every
/// file is written to a temporary name, synced and renamed; `checkpoint` is replaced last, and
/// only by a checkpoint of at least its size whose tree is consistent with the one it replaces.
public enum TilePublisher {
    /// Entries read from the store per page.
    static let pageEntries = 4096

    /// `incremental` (the service, after each commit): start from the directory's checkpoint
    /// and write only what is new, in O(new entries). Otherwise (the CLI) every tile is rebuilt
    /// and compared with the directory's, so a tile changed on disk is found and refused.
    public static func publish(store: LedgerStore, out: String, incremental: Bool = false) throws(StoreError) -> PublishReport {
        guard let checkpoint = try store.latestCheckpoint() else {
            throw StoreError(.notFound, field: "checkpoint", "the store has no signed checkpoint yet; give --log-key to sign one")
        }
        let ledgerID = try store.ledgerID()
        let checkpointPath = "\(out)/checkpoint"
        let current = try Bundle.readCheckpoint(checkpointPath)
        // What the directory already holds: tiles of its checkpoint's tree, proven a prefix of ours.
        var published: Int64 = 0
        if let current {
            published = try checkReplaceable(current, by: checkpoint, ledgerID: ledgerID, store: store, path: checkpointPath)
        }
        if !incremental {
            published = 0
        } else if current.map({ Bytes.equal($0, checkpoint.note) }) == true {
            return PublishReport(size: checkpoint.size, written: 0, kept: 0, checkpointReplaced: false)
        }
        var files = FileWriter(root: out)
        // Continue from the published size: the tiles in progress come from the store's Merkle
        // nodes and the open entry bundle from its entries, so each run costs its new entries.
        var builder = try TileBuilder(resumingAt: published) { (level, index) throws(StoreError) in try store.merkleNode(level: level, index: index) }
        var bundleIndex = published / Int64(TileLayout.width)
        var seq = bundleIndex * Int64(TileLayout.width)
        var bundle = try store.entries(from: seq, limit: Int(published - seq)).map(\.canonical)
        seq = published
        while seq < checkpoint.size {
            let rows = try store.entries(from: seq, limit: min(pageEntries, Int(checkpoint.size - seq)))
            guard !rows.isEmpty else { throw StoreError(.corrupt, field: "entries", "the store lacks entry \(seq) of its checkpoint of \(checkpoint.size)") }
            for row in rows {
                guard row.seq == seq else { throw StoreError(.corrupt, field: "entries", "the store's entry \(seq) is missing") }
                try builder.append(Hash(uncheckedBytes: row.entryHash)) { (ref, hashes) throws(StoreError) in
                    try files.put(ref.path, hashes.flatMap(\.bytes))
                }
                bundle.append(row.canonical)
                if bundle.count == TileLayout.width {
                    try files.put(TileRef(.entries, index: bundleIndex, width: bundle.count).path, try encode(bundle))
                    bundle.removeAll(keepingCapacity: true)
                    bundleIndex += 1
                }
                seq += 1
            }
        }
        for (ref, hashes) in builder.partialTiles { try files.put(ref.path, hashes.flatMap(\.bytes)) }
        if !bundle.isEmpty { try files.put(TileRef(.entries, index: bundleIndex, width: bundle.count).path, try encode(bundle)) }
        files.syncDirectories()
        let replace = current.map { !Bytes.equal($0, checkpoint.note) } ?? true
        if replace { try FileWriter.replace(checkpointPath, checkpoint.note) }
        return PublishReport(size: checkpoint.size, written: files.written, kept: files.kept, checkpointReplaced: replace)
    }

    private static func encode(_ bundle: [[UInt8]]) throws(StoreError) -> [UInt8] {
        do { return try EntryBundle.encode(bundle) } catch { throw StoreError(.corrupt, field: "entries", error.message) }
    }

    /// The directory's checkpoint may be replaced only by one of the same log, of at least its
    /// size, whose tree has the directory's root at the directory's size. Returns that size.
    private static func checkReplaceable(_ bytes: [UInt8], by new: StoredCheckpoint, ledgerID: String, store: LedgerStore,
                                         path: String) throws(StoreError) -> Int64 {
        let old: Checkpoint
        do { old = try Checkpoint(text: try SignedNote(parsing: bytes).text) } catch {
            throw StoreError(.conflict, field: "out", "\(path) is not a checkpoint note (\(error.message)); refusing to publish over it")
        }
        guard old.origin.utf8.elementsEqual(Checkpoint.origin(ledgerID: ledgerID).utf8) else {
            throw StoreError(.conflict, field: "out", "\(path) is the checkpoint of \(DisplayText.escaped(old.origin)), not of this ledger (\(Checkpoint.origin(ledgerID: ledgerID)))")
        }
        guard old.size <= new.size else {
            throw StoreError(.conflict, field: "out", "\(path) covers \(old.size) entries, more than the store's latest checkpoint (\(new.size)); a published log never shrinks")
        }
        guard try store.merkleRoot(size: old.size) == old.root else {
            throw StoreError(.conflict, field: "out", "\(path) (\(old.size) entries, root \(old.root.hex)) is not consistent with this ledger: its first \(old.size) entries have another root; refusing to publish a forked history")
        }
        return old.size
    }
}

/// Writes the files of a publication: new ones through a synced temporary file and a rename;
/// an existing one only if its bytes are the same (then kept), else refused.
struct FileWriter {
    let root: String
    private(set) var written = 0
    private(set) var kept = 0
    private var directories: Set<String> = []

    init(root: String) { self.root = root }

    mutating func put(_ relative: String, _ bytes: [UInt8]) throws(StoreError) {
        let path = "\(root)/\(relative)"
        if let existing = FileManager.default.contents(atPath: path) {
            guard Bytes.equal(Array(existing), bytes) else {
                throw StoreError(.conflict, field: "out", "\(path) already exists with other bytes; published tiles never change (is this directory another ledger's?)")
            }
            kept += 1
            return
        }
        let directory = (path as NSString).deletingLastPathComponent
        if !directories.contains(directory) {
            do { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755]) } catch {
                throw StoreError(.io, field: "out", "cannot create \(directory): \(error.localizedDescription)")
            }
            directories.insert(directory)
        }
        try Self.writeSynced(path, bytes, replace: false)
        written += 1
    }

    /// Makes the new names durable before the checkpoint that needs them is put in place.
    func syncDirectories() { for d in directories { syncDirectory(of: d + "/.") } }

    /// Writes `path` whole or not at all, replacing what is there (the checkpoint).
    static func replace(_ path: String, _ bytes: [UInt8]) throws(StoreError) {
        try writeSynced(path, bytes, replace: true)
        syncDirectory(of: path)
    }

    private static func writeSynced(_ path: String, _ bytes: [UInt8], replace: Bool) throws(StoreError) {
        let tmp = "\(path).tmp-\(getpid())"
        unlink(tmp)
        let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, FileMode.published)
        guard fd >= 0 else { throw StoreError(.io, field: "out", "cannot create \(tmp): \(String(cString: strerror(errno)))") }
        var ok = bytes.withUnsafeBytes { b in
            var done = 0
            while done < b.count {
                let n = write(fd, b.baseAddress! + done, b.count - done)
                if n <= 0 { return false }
                done += n
            }
            return true
        }
        ok = ok && fsync(fd) == 0
        close(fd)
        guard ok else {
            unlink(tmp)
            throw StoreError(.io, field: "out", "cannot write \(tmp): \(String(cString: strerror(errno)))")
        }
        // A full tile is never replaced: link fails if the name appeared meanwhile; the checkpoint is renamed over.
        let placed = replace ? rename(tmp, path) == 0 : link(tmp, path) == 0
        let error = errno
        unlink(tmp)
        guard placed || (!replace && error == EEXIST) else {
            throw StoreError(.io, field: "out", "cannot put \(path) in place: \(String(cString: strerror(error)))")
        }
    }
}
