import Foundation
import LedgerCore

/// A witness's memory (c2sp.org/tlog-witness): per log origin, the size and root of the
/// latest checkpoint it cosigned, in its own SQLite file (created 0600, WAL, synchronous=FULL).
///
/// `advance` checks the old size against the stored one, verifies the consistency proof
/// from the stored root and records the new size in one write transaction, so two requests
/// for the same origin can never both win a size and the state never goes backwards; the
/// table's triggers refuse any update that would shrink it or change a root, and deletes.
/// Requests whose log signature verified but which prove a fork are kept as evidence.
public final class WitnessState: @unchecked Sendable {
    private let db: SQLiteConnection
    private let lock = NSLock()
    public let path: String

    /// The schema, frozen: a later version appends, never edits.
    static let migrations = [
        """
        CREATE TABLE logs(
            origin TEXT PRIMARY KEY NOT NULL CHECK(length(origin) > 0),
            size INTEGER NOT NULL CHECK(size >= 1),
            root BLOB NOT NULL CHECK(length(root) = 32),
            updated_at INTEGER NOT NULL
        ) STRICT;
        CREATE TRIGGER logs_never_go_back BEFORE UPDATE ON logs
            WHEN NEW.origin IS NOT OLD.origin OR NEW.size < OLD.size OR (NEW.size = OLD.size AND NEW.root IS NOT OLD.root)
            BEGIN SELECT RAISE(ABORT, 'a witness never forgets or rewinds what it cosigned'); END;
        CREATE TRIGGER logs_are_kept BEFORE DELETE ON logs
            BEGIN SELECT RAISE(ABORT, 'a witness never forgets what it cosigned'); END;
        CREATE TABLE evidence(
            id INTEGER PRIMARY KEY,
            origin TEXT NOT NULL,
            received_at INTEGER NOT NULL,
            reason TEXT NOT NULL,
            request BLOB NOT NULL
        ) STRICT;
        CREATE TRIGGER evidence_is_kept BEFORE UPDATE ON evidence
            BEGIN SELECT RAISE(ABORT, 'evidence is never changed'); END;
        CREATE TRIGGER evidence_is_not_deleted BEFORE DELETE ON evidence
            BEGIN SELECT RAISE(ABORT, 'evidence is never deleted'); END;
        """,
    ]

    /// Opens the state file, creating it (0600) if it does not exist; an existing one must not
    /// be readable by group or others.
    public init(path: String) throws(StoreError) {
        self.path = path
        if fileExists(path) {
            for file in [path, path + "-wal", path + "-shm"] { try LedgerStore.requirePrivate(file, field: "state") }
        } else {
            let fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, FileMode.secret)
            guard fd >= 0 || errno == EEXIST else {
                throw StoreError(.io, field: "state", "cannot create \(path): \(String(cString: strerror(errno)))")
            }
            if fd >= 0 { close(fd) }
        }
        db = try SQLiteConnection(path: path, readOnly: false)
        let mode = try db.scalarText("PRAGMA journal_mode=WAL")
        guard mode == "wal" else { throw StoreError(.io, field: "state", "SQLite refused WAL mode") }
        try db.exec("PRAGMA synchronous=FULL")
        let version = Int(try db.scalarText("PRAGMA user_version") ?? "0") ?? 0
        guard version <= Self.migrations.count else {
            throw StoreError(.io, field: "state", "witness state schema version \(version) is newer than this tool (\(Self.migrations.count))")
        }
        for (i, sql) in Self.migrations.enumerated().dropFirst(version) {
            try db.writeTransaction { () throws(StoreError) in
                guard try db.scalarText("PRAGMA user_version") == "\(i)" else { return }
                try db.exec(sql)
                try db.exec("PRAGMA user_version = \(i + 1)")
            }
        }
    }

    /// The latest checkpoint cosigned for `origin`: its size and root.
    public func latest(origin: String) throws(StoreError) -> (size: Int64, root: Hash)? {
        lock.lock()
        defer { lock.unlock() }
        return try row(origin)
    }

    private func row(_ origin: String) throws(StoreError) -> (size: Int64, root: Hash)? {
        let s = try db.prepare("SELECT size, root FROM logs WHERE origin = ?").bind(.text(origin))
        defer { s.reset() }
        guard try s.step() else { return nil }
        guard let root = try? Hash(bytes: s.blob(1)) else { throw StoreError(.corrupt, field: "state", "the stored root of \(origin) is malformed") }
        return (s.int(0), root)
    }

    /// What `advance` decided.
    public enum Outcome: Equatable, Sendable {
        /// Recorded (or the same checkpoint again): cosign it.
        case advanced
        /// The old size is not the stored one, or the same size came with another root: 409
        /// with the stored size.
        case conflict(size: Int64, reason: String)
        /// The consistency proof does not verify from the stored root: 422.
        case inconsistent(String)
    }

    /// Atomically: compares `request.oldSize` with the stored size, checks the proof from the
    /// stored root to the checkpoint's, and records the checkpoint. The caller has verified the
    /// log's signature. A fork (same size, other root; or a proof that fails) is kept as evidence.
    public func advance(_ request: AddCheckpointRequest, now: Int64) throws(StoreError) -> Outcome {
        let c = request.checkpoint
        lock.lock()
        defer { lock.unlock() }
        return try db.writeTransaction { () throws(StoreError) -> Outcome in
            let stored = try row(c.origin)
            let storedSize = stored?.size ?? 0
            guard request.oldSize == storedSize else {
                return .conflict(size: storedSize, reason: "the old size \(request.oldSize) is not \(storedSize), the size last cosigned")
            }
            if let stored, stored.size == c.size {
                guard stored.root == c.root else {
                    try keep(request, now: now, reason: "same size \(c.size), another root")
                    return .conflict(size: storedSize, reason: "a checkpoint of \(c.size) entries with another root was cosigned")
                }
                return .advanced
            }
            if let stored {
                do throws(LedgerError) {
                    try ConsistencyProof(first: stored.size, second: c.size, path: request.proof).verify(firstRoot: stored.root, secondRoot: c.root)
                } catch {
                    try keep(request, now: now, reason: "inconsistent: \(error.message)")
                    return .inconsistent("the checkpoint of \(c.size) entries is not consistent with the one of \(stored.size) cosigned: \(error.message)")
                }
                try db.prepare("UPDATE logs SET size = ?, root = ?, updated_at = ? WHERE origin = ?")
                    .bind(.int(c.size), .blob(c.root.bytes), .int(now), .text(c.origin)).run()
            } else {
                try db.prepare("INSERT INTO logs(origin, size, root, updated_at) VALUES (?, ?, ?, ?)")
                    .bind(.text(c.origin), .int(c.size), .blob(c.root.bytes), .int(now)).run()
            }
            return .advanced
        }
    }

    private func keep(_ request: AddCheckpointRequest, now: Int64, reason: String) throws(StoreError) {
        try db.prepare("INSERT INTO evidence(origin, received_at, reason, request) VALUES (?, ?, ?, ?)")
            .bind(.text(request.checkpoint.origin), .int(now), .text(reason), .blob(request.bytes)).run()
    }

    /// Evidence kept for `origin`: why, and the request as received (re-encoded).
    public func evidence(origin: String) throws(StoreError) -> [(reason: String, request: [UInt8])] {
        lock.lock()
        defer { lock.unlock() }
        let s = try db.prepare("SELECT reason, request FROM evidence WHERE origin = ? ORDER BY id").bind(.text(origin))
        defer { s.reset() }
        var out: [(String, [UInt8])] = []
        while try s.step() { out.append((s.text(0) ?? "", s.blob(1))) }
        return out
    }
}
