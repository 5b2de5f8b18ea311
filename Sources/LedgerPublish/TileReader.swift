import Dispatch
import LedgerCore
import LedgerStore

/// Replays a log published as tiles (SPEC §11): fetches the checkpoint, rebuilds the entries
/// from the entry bundles and feeds them to the verifier, and rebuilds every hash tile from
/// those entries and compares it with the published one. A tile that is missing, malformed or
/// does not match is an R12 failure; reading stops at the first missing or malformed bundle.
public enum TileReader {
    /// The verifier after every published entry was fed, and the checkpoint it was read for.
    /// `lines` sees each batch of entries right after the verifier took it (the export the
    /// public site offers is written from exactly the bytes replayed).
    public static func replay(_ source: some TileSource, jobs: Int, pinnedGenesis: Hash?, since: [UInt8]? = nil,
                              witnessPolicy: WitnessPolicy? = nil, audit: AuditCollector? = nil,
                              observer: (any ReplayObserver)? = nil, progress: ((ReplayProgress) -> Void)? = nil,
                              lines fed: (([Line]) -> Void)? = nil) throws(StoreError) -> Verifier {
        guard let noteBytes = try source.fetch("checkpoint") else {
            throw StoreError(.notFound, field: "tiles", "\(source.name) has no checkpoint")
        }
        var verifier = Verifier(jobs: jobs, pinnedGenesis: pinnedGenesis, checkpoint: noteBytes, since: since, witnessPolicy: witnessPolicy, audit: audit, observer: observer)
        let size: Int64
        do throws(LedgerError) { size = try Checkpoint(text: try SignedNote(parsing: noteBytes).text).size } catch {
            // The verifier reports the checkpoint itself (R12); without a size nothing can be read.
            return verifier
        }
        var builder = TileBuilder()
        var failures: [Failure] = []
        func fail(_ ref: TileRef, _ why: String) { failures.append(Failure(seq: nil, rule: .r12, message: "\(ref.path) \(why)")) }
        func check(_ ref: TileRef, _ hashes: [Hash]) throws(StoreError) {
            guard let bytes = try fetchTile(ref, from: source) else { return fail(ref, "is missing") }
            if bytes != hashes.flatMap(\.bytes) { fail(ref, "does not match the hashes of the entries") }
        }
        let bundles = TileLayout.entryBundles(size: size)
        var next = 0
        stream: while next < bundles.count {
            // Fetch a window of bundles at once (a web server answers them in parallel).
            let window = Array(bundles[next..<min(bundles.count, next + Limits.tileFetchWindow)])
            next += window.count
            let fetched = fetchAll(window, from: source)
            var lines: [Line] = []
            for (ref, result) in zip(window, fetched) {
                let bytes: [UInt8]
                switch result {
                case .success(let b?): bytes = b
                case .success(nil): fail(ref, "is missing: entries from \(ref.index * Int64(TileLayout.width)) on cannot be read"); break stream
                case .failure(let e): throw e
                }
                let entries: [ArraySlice<UInt8>]
                do throws(LedgerError) { entries = try EntryBundle.decode(bytes, count: ref.width, path: ref.path) } catch {
                    fail(ref, "is malformed: \(error.message)")
                    break stream
                }
                for e in entries {
                    lines.append(Line(bytes: Array(e)))
                    try builder.append(Hash.leaf(e)) { (t: TileRef, h: [Hash]) throws(StoreError) in try check(t, h) }
                }
            }
            verifier.feed(lines)
            fed?(lines)
            progress?(ReplayProgress(done: verifier.state.size, fraction: size > 0 ? Double(builder.size) / Double(size) : 1))
        }
        if builder.size == size {
            for (ref, hashes) in builder.partialTiles { try check(ref, hashes) }
        }
        verifier.record(failures)
        return verifier
    }

    /// A tile's bytes; a partial tile that is gone may be read from the full tile that
    /// replaced it (tlog-tiles lets publishers delete partial tiles once the full one exists).
    public static func fetchTile(_ ref: TileRef, from source: some TileSource) throws(StoreError) -> [UInt8]? {
        if let bytes = try source.fetch(ref.path) { return bytes }
        guard !ref.isFull, let full = try source.fetch(TileRef(ref.kind, index: ref.index, width: TileLayout.width).path) else { return nil }
        if case .hashes = ref.kind { return Array(full.prefix(ref.width * 32)) }
        // An entry bundle: its first `width` entries.
        guard let entries = try? EntryBundle.decode(full, count: TileLayout.width, path: ref.path) else { return full }
        return (try? EntryBundle.encode(entries.prefix(ref.width).map(Array.init))) ?? full
    }

    private static func fetchAll(_ refs: [TileRef], from source: some TileSource) -> [Result<[UInt8]?, StoreError>] {
        let results = UnsafeResults(count: refs.count)
        DispatchQueue.concurrentPerform(iterations: refs.count) { i in
            do throws(StoreError) { results.set(i, .success(try fetchTile(refs[i], from: source))) } catch { results.set(i, .failure(error)) }
        }
        return results.values
    }
}

/// Slots written by concurrent fetches, one each: every index is written by exactly one
/// iteration, into memory allocated up front (no array is mutated from two threads).
private final class UnsafeResults: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Result<[UInt8]?, StoreError>>
    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: .success(nil))
    }
    deinit {
        slots.deinitialize()
        slots.deallocate()
    }
    func set(_ i: Int, _ r: Result<[UInt8]?, StoreError>) { slots[i] = r }
    var values: [Result<[UInt8]?, StoreError>] { Array(slots) }
}
