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

    /// `incremental`: start from the directory's checkpoint and write only what is new, in
    /// O(new entries). Otherwise (the CLI) every tile is rebuilt and compared with the
    /// directory's, so a tile changed on disk is found and refused.
    public static func publish(store: some ChainStore, out: String, incremental: Bool = false) throws(StoreError) -> PublishReport {
        guard let start = try prepare(store: store, out: out, incremental: incremental) else {
            return PublishReport(size: try store.latestCheckpoint()?.size ?? 0, written: 0, kept: 0, checkpointReplaced: false)
        }
        var files = FileWriter(root: out)
        try walk(store: store, from: try cursor(store: store, at: start.published, reuse: nil), to: start.checkpoint.size) { (path, bytes) throws(StoreError) in
            try files.put(path, bytes)
        }
        return try finish(files: &files, start: start, out: out)
    }

    /// The files a publication needs, read on the store's thread and written elsewhere (the
    /// service's publisher, so the store's writer never waits on the file system): what is new
    /// since the directory's checkpoint, held in memory.
    ///
    /// `cursor` is where the previous plan ended; it is used when it stands between the
    /// directory's checkpoint and the store's. At most `entriesMax` entries are planned at once:
    /// a larger gap (a service started over an empty or old directory) comes in steps, each
    /// writing only full tiles and bundles, the last one the partial tiles and the checkpoint,
    /// so memory stays bounded and group commits run between the steps.
    public static func plan(store: some ChainStore, out: String, entriesMax: Int64, cursor reuse: Cursor? = nil) throws(StoreError) -> Plan {
        guard let start = try prepare(store: store, out: out, incremental: true) else { return .current }
        let from: Cursor
        if let reuse, reuse.size >= start.published, reuse.size <= start.checkpoint.size {
            from = reuse
        } else {
            from = try cursor(store: store, at: start.published, reuse: nil)
        }
        let end = min(start.checkpoint.size, from.size + max(1, entriesMax))
        let last = end == start.checkpoint.size
        var files: [(String, [UInt8])] = []
        let cursor = try walk(store: store, from: from, to: end, partials: last) { (path, bytes) throws(StoreError) in files.append((path, bytes)) }
        return .planned(Publication(start: start, files: files, last: last, entries: end - from.size), cursor)
    }

    /// What `plan` found to do.
    public enum Plan: Sendable {
        /// The directory holds the store's latest checkpoint.
        case current
        /// Files to write (and, if it is the last step, then the checkpoint):
        /// `Publication.write(out:)`; and the cursor at its end, for the next plan.
        case planned(Publication, Cursor)
    }

    /// What a publication starts from: the store's checkpoint, the directory's, and the size
    /// whose tiles the directory already holds.
    public struct Start: Sendable {
        let checkpoint: StoredCheckpoint
        let current: [UInt8]?
        let published: Int64
    }

    /// A planned publication: write it with `write(out:)`, off the store's thread.
    public struct Publication: Sendable {
        let start: Start
        let files: [(String, [UInt8])]
        /// Whether it reaches the store's checkpoint (then it replaces the directory's).
        public let last: Bool
        /// Entries this step newly covers.
        public let entries: Int64

        public func write(out: String) throws(StoreError) -> PublishReport {
            var writer = FileWriter(root: out)
            for (path, bytes) in files { try writer.put(path, bytes) }
            guard last else {
                writer.syncDirectories()
                return PublishReport(size: start.published, written: writer.written, kept: writer.kept, checkpointReplaced: false)
            }
            return try TilePublisher.finish(files: &writer, start: start, out: out)
        }
    }

    /// Checks the directory against the store; nil if `incremental` and it is already current.
    private static func prepare(store: some ChainStore, out: String, incremental: Bool) throws(StoreError) -> Start? {
        guard let checkpoint = try store.latestCheckpoint() else {
            throw StoreError(.notFound, field: "checkpoint", "the store has no signed checkpoint yet; give --log-key to sign one")
        }
        let checkpointPath = "\(out)/checkpoint"
        let current = try Bundle.readCheckpoint(checkpointPath)
        // What the directory already holds: tiles of its checkpoint's tree, proven a prefix of ours.
        var published: Int64 = 0
        if let current {
            published = try checkReplaceable(current, by: checkpoint, ledgerID: try store.ledgerID(), store: store, path: checkpointPath)
        }
        if !incremental {
            published = 0
        } else if current.map({ Bytes.equal($0, checkpoint.note) }) == true {
            return nil
        }
        return Start(checkpoint: checkpoint, current: current, published: published)
    }

    /// Where a walk over the entries stands: the hash tiles in progress, the open entry bundle.
    /// The service's publisher keeps the one its last publication ended with, so the next one
    /// need not read them back from the store.
    public struct Cursor: Sendable {
        var builder: TileBuilder
        var bundle: [[UInt8]]
        var bundleIndex: Int64
        var size: Int64 { builder.size }
    }

    /// The cursor at `published`: `reuse` if it stands there, else rebuilt from the store's
    /// Merkle nodes and the entries of the open bundle.
    private static func cursor(store: some ChainStore, at published: Int64, reuse: Cursor?) throws(StoreError) -> Cursor {
        if let reuse, reuse.size == published { return reuse }
        let builder = try TileBuilder(resumingAt: published) { (level, index) throws(StoreError) in try store.merkleNode(level: level, index: index) }
        let bundleIndex = published / Int64(TileLayout.width)
        let first = bundleIndex * Int64(TileLayout.width)
        return Cursor(builder: builder, bundle: try store.entries(from: first, limit: Int(published - first)).map(\.canonical), bundleIndex: bundleIndex)
    }

    /// Hands `put` every tile and bundle that entries `cursor.size ..< size` complete or grow
    /// (the partial ones only with `partials`), in order, and returns the cursor at `size`. The
    /// cost is that of the new entries.
    @discardableResult
    private static func walk(store: some ChainStore, from start: Cursor, to size: Int64, partials: Bool = true,
                             put: (String, [UInt8]) throws(StoreError) -> Void) throws(StoreError) -> Cursor {
        var c = start
        var seq = c.size
        while seq < size {
            let rows = try store.entries(from: seq, limit: min(pageEntries, Int(size - seq)))
            guard !rows.isEmpty else { throw StoreError(.corrupt, field: "entries", "the store lacks entry \(seq) of its checkpoint of \(size)") }
            for row in rows {
                guard row.seq == seq else { throw StoreError(.corrupt, field: "entries", "the store's entry \(seq) is missing") }
                try c.builder.append(Hash(uncheckedBytes: row.entryHash)) { (ref, hashes) throws(StoreError) in try put(ref.path, hashes.flatMap(\.bytes)) }
                c.bundle.append(row.canonical)
                if c.bundle.count == TileLayout.width {
                    try put(TileRef(.entries, index: c.bundleIndex, width: c.bundle.count).path, try encode(c.bundle))
                    c.bundle.removeAll(keepingCapacity: true)
                    c.bundleIndex += 1
                }
                seq += 1
            }
        }
        guard partials else { return c }
        for (ref, hashes) in c.builder.partialTiles { try put(ref.path, hashes.flatMap(\.bytes)) }
        if !c.bundle.isEmpty { try put(TileRef(.entries, index: c.bundleIndex, width: c.bundle.count).path, try encode(c.bundle)) }
        return c
    }

    /// Makes the files durable, then replaces the checkpoint (if it changed).
    fileprivate static func finish(files: inout FileWriter, start: Start, out: String) throws(StoreError) -> PublishReport {
        files.syncDirectories()
        let replace = start.current.map { !Bytes.equal($0, start.checkpoint.note) } ?? true
        if replace { try FileWriter.replace("\(out)/checkpoint", start.checkpoint.note) }
        return PublishReport(size: start.checkpoint.size, written: files.written, kept: files.kept, checkpointReplaced: replace)
    }

    private static func encode(_ bundle: [[UInt8]]) throws(StoreError) -> [UInt8] {
        do { return try EntryBundle.encode(bundle) } catch { throw StoreError(.corrupt, field: "entries", error.message) }
    }

    /// The directory's checkpoint may be replaced only by one of the same log, of at least its
    /// size, whose tree has the directory's root at the directory's size. Returns that size.
    private static func checkReplaceable(_ bytes: [UInt8], by new: StoredCheckpoint, ledgerID: String, store: some ChainStore,
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
