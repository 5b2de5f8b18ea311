import Foundation
import LedgerCore

/// Export bundles (SPEC §9) and the two ways to verify a ledger: a bundle directory or a database.
public enum Bundle {
    public static let entriesFile = "entries.jsonl"
    public static let sealedFile = "sealed.jsonl"
    public static let checkpointFile = "checkpoint"

    /// Writes `entries.jsonl` (and `sealed.jsonl` with `sealed`) into `directory`, with the
    /// latest signed checkpoint as `checkpoint` when there is one. Files are written beside
    /// their final names and linked into place; `sealed.jsonl` is created 0600.
    public static func export(_ store: LedgerStore, to directory: String, sealed: Bool,
                              progress: ((ReplayProgress) -> Void)? = nil) throws(StoreError) -> (entries: Int64, sealed: Int) {
        // Read before the entries: whatever is appended meanwhile, the checkpoint covers a prefix of the export.
        let checkpoint = try store.latestCheckpoint()?.note
        let total = store.size
        var done: Int64 = 0
        return try write(to: directory, checkpoint: checkpoint, entries: { (emit: ([UInt8]) throws(StoreError) -> Void) throws(StoreError) in
            try store.forEachEntryRow { (row: EntryRow) throws(StoreError) in
                try emit(row.canonical)
                done += 1
                if done % 4096 == 0 || done == total { progress?(ReplayProgress(done: done, fraction: total > 0 ? Double(done) / Double(total) : 1)) }
            }
        }, sealed: sealed ? { (emit: ([UInt8]) throws(StoreError) -> Void) throws(StoreError) in
            for l in try store.sealedLines() { try emit(l.bytes) }
        } : nil)
    }

    /// Writes a bundle from any source of lines (a database, or pages fetched from a service):
    /// each producer calls `emit` once per line, in order. Refuses to overwrite a bundle.
    public static func write(to directory: String, checkpoint: [UInt8]? = nil, entries: (([UInt8]) throws(StoreError) -> Void) throws(StoreError) -> Void,
                             sealed: ((([UInt8]) throws(StoreError) -> Void) throws(StoreError) -> Void)?) throws(StoreError) -> (entries: Int64, sealed: Int) {
        let fm = FileManager.default
        do { try fm.createDirectory(atPath: directory, withIntermediateDirectories: true) } catch {
            throw StoreError(.io, field: "out", "cannot create \(directory): \(error.localizedDescription)")
        }
        for name in [entriesFile, sealedFile, checkpointFile] where fm.fileExists(atPath: "\(directory)/\(name)") {
            throw StoreError(.conflict, field: "out", "\(directory)/\(name) already exists; choose an empty directory")
        }
        func lines(_ path: String, mode: mode_t, _ producer: (([UInt8]) throws(StoreError) -> Void) throws(StoreError) -> Void) throws(StoreError) -> Int {
            var count = 0
            try writeAtomically(path, mode: mode) { (w: FileHandle) throws(StoreError) in
                var chunk: [UInt8] = []
                try producer { (line: [UInt8]) throws(StoreError) in
                    chunk += line
                    chunk.append(0x0A)
                    count += 1
                    if chunk.count > 1 << 20 { try write(w, &chunk) }
                }
                try write(w, &chunk)
            }
            return count
        }
        let count = try lines("\(directory)/\(entriesFile)", mode: FileMode.published, entries)
        let sealedCount = try sealed.map { (p) throws(StoreError) in try lines("\(directory)/\(sealedFile)", mode: FileMode.secret, p) } ?? 0
        if var note = checkpoint {
            try writeAtomically("\(directory)/\(checkpointFile)", mode: FileMode.published) { (w: FileHandle) throws(StoreError) in try write(w, &note) }
        }
        return (Int64(count), sealedCount)
    }

    private static func write(_ w: FileHandle, _ chunk: inout [UInt8]) throws(StoreError) {
        do { try w.write(contentsOf: chunk) } catch { throw StoreError(.io, "write failed: \(error.localizedDescription)") }
        chunk.removeAll(keepingCapacity: true)
    }

    /// Verifies an export directory, streaming `entries.jsonl` in batches.
    public static func verify(directory: String, jobs: Int, pinnedGenesis: Hash?, since: [UInt8]? = nil) throws(StoreError) -> VerifyReport {
        var verifier = try replay(directory: directory, jobs: jobs, pinnedGenesis: pinnedGenesis, since: since)
        return verifier.finish()
    }

    /// Replays an export directory into a verifier (with `audit`, gathering a report) and
    /// returns it unfinished, so the caller can take both the verdict and the report.
    /// `progress` is called after each batch (the fraction is of `entries.jsonl`'s bytes).
    public static func replay(directory: String, jobs: Int, pinnedGenesis: Hash?, since: [UInt8]? = nil, witnessPolicy: WitnessPolicy? = nil,
                              audit: AuditCollector? = nil, progress: ((ReplayProgress) -> Void)? = nil) throws(StoreError) -> Verifier {
        let entriesPath = "\(directory)/\(entriesFile)"
        guard FileManager.default.fileExists(atPath: entriesPath) else {
            throw StoreError(.io, field: "bundle", "\(entriesPath) does not exist")
        }
        var verifier = Verifier(jobs: jobs, pinnedGenesis: pinnedGenesis, checkpoint: try readCheckpoint("\(directory)/\(checkpointFile)"),
                                since: since, witnessPolicy: witnessPolicy, audit: audit)
        let reader = try LineReader(path: entriesPath)
        let size = (try? FileManager.default.attributesOfItem(atPath: entriesPath)[.size] as? Int64) ?? nil
        var done: Int64 = 0
        while true {
            let batch = try reader.next(max: Limits.verifyBatchEntriesMax)
            if batch.isEmpty { break }
            verifier.feed(batch)
            done += Int64(batch.count)
            progress?(ReplayProgress(done: done, fraction: size.map { $0 > 0 ? Double(reader.bytesRead) / Double($0) : 1 }))
        }
        let sealedPath = "\(directory)/\(sealedFile)"
        if FileManager.default.fileExists(atPath: sealedPath) {
            let sealed = try LineReader(path: sealedPath)
            var n = 0
            while true {
                let batch = try sealed.next(max: Limits.verifyBatchEntriesMax)
                if batch.isEmpty { break }
                verifier.checkSealed(batch, firstLine: n)
                n += batch.count
            }
        }
        return verifier
    }

    /// A checkpoint note file, nil if there is none; at most one byte beyond the note limit is
    /// read, so an oversized file is refused by the note's own parser (R12), not loaded.
    public static func readCheckpoint(_ path: String) throws(StoreError) -> [UInt8]? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw StoreError(.io, field: "bundle", "cannot read \(path)") }
        defer { try? handle.close() }
        do {
            return Array(try handle.read(upToCount: Limits.noteBytesMax + 1) ?? Data())
        } catch {
            throw StoreError(.io, field: "bundle", "cannot read \(path): \(error.localizedDescription)")
        }
    }

    /// Verifies a database as an auditor would an export with sealed records, and also
    /// checks each row's seq, entry_hash and prev_hash columns against its bytes, and every
    /// stored Merkle node against the tree the entries give.
    /// Opens the file without the store's own chain check, so a damaged ledger is reported, not refused.
    public static func verify(database path: String, jobs: Int, pinnedGenesis: Hash?, since: [UInt8]? = nil) throws(StoreError) -> VerifyReport {
        var verifier = try replay(database: path, jobs: jobs, pinnedGenesis: pinnedGenesis, since: since)
        return verifier.finish()
    }

    /// Replays a database as `verify(database:)` does into a verifier, returned unfinished.
    public static func replay(database path: String, jobs: Int, pinnedGenesis: Hash?, since: [UInt8]? = nil, witnessPolicy: WitnessPolicy? = nil,
                              audit: AuditCollector? = nil, progress: ((ReplayProgress) -> Void)? = nil) throws(StoreError) -> Verifier {
        let db = try LedgerStore.openForVerifying(try StoreLocation(path))
        // The latest checkpoint the store signed, checked like an export's (R12); none before migration v3.
        var latest: [UInt8]?
        if let s = try? db.prepare("SELECT note FROM checkpoints ORDER BY size DESC LIMIT 1") {
            if try s.step() { latest = s.blob(0) }
            s.reset()
        }
        var verifier = Verifier(jobs: jobs, pinnedGenesis: pinnedGenesis, checkpoint: latest, since: since, witnessPolicy: witnessPolicy, audit: audit)
        let total = Int64(try db.scalarText("SELECT count(*) FROM entries") ?? "0") ?? 0
        var batch: [Line] = []
        var columnFailures: [Failure] = []
        var position: Int64 = 0
        var prev = Hash.zero
        var nodes = MerkleNodeCheck(db)
        func flush() {
            verifier.feed(batch)
            verifier.record(columnFailures)
            batch.removeAll(keepingCapacity: true)
            columnFailures.removeAll()
            progress?(ReplayProgress(done: position, fraction: total > 0 ? Double(position) / Double(total) : 1))
        }
        try LedgerStore.forEachEntryRow(db) { (row: EntryRow) throws(StoreError) in
            columnFailures += EntryRow.columnFailures(row, position: position, prevHash: prev)
            prev = Hash.leaf(row.canonical)
            nodes.add(prev)
            position += 1
            batch.append(Line(bytes: row.canonical))
            if batch.count == Limits.verifyBatchEntriesMax { flush() }
        }
        flush()
        verifier.record(nodes.finish(db))
        let lines = try LedgerStore.sealedLines(db)
        verifier.checkSealed(lines, firstLine: 0)
        return verifier
    }
}
