import Dispatch
import Foundation
import LedgerCore
import LedgerPublish
import LedgerStore

/// Builds the public site and its open data from a log published as tiles: replays the log
/// exactly as `jhf verify --tiles` does (pinned genesis, every tile, the checkpoint and its
/// policy) and writes only when it verifies, so the site never shows figures of a log that
/// does not check out. Incremental: a file whose bytes are already there is not rewritten.
public enum SiteBuilder {
    public struct Result: Sendable {
        /// The verdict of the replay; nothing was written unless it is ok.
        public let verification: VerifyReport
        /// Files (relative to the site) written because they were new or changed.
        public let written: [String]
        /// Files whose bytes were already there.
        public let kept: Int
    }

    public static func build(from source: some TileSource, out: String, options: SiteOptions,
                             progress: ((ReplayProgress) -> Void)? = nil) throws(StoreError) -> Result {
        let (quarters, size) = try quarterRange(source)
        // A log that does not verify leaves no trace: what this run created is removed again.
        let created = [out, out + "/data", out + "/data/export"].filter { !FileManager.default.fileExists(atPath: $0) }
        func undo() { for dir in created.reversed() { try? FileManager.default.removeItem(atPath: dir) } }
        let files = try SiteFiles(root: out)
        // The export bundle is written from the very bytes the verifier takes, as it takes them;
        // it is put in place only if the whole log verifies.
        let export = try files.open("data/export/entries.jsonl")
        var verifier: Verifier
        do throws(StoreError) {
            verifier = try TileReader.replay(source, jobs: options.jobs, pinnedGenesis: options.genesis, witnessPolicy: options.witnessPolicy,
                                             observer: SiteModel(quarters: quarters, thresholds: options.thresholds, expectedEntries: size),
                                             progress: progress, lines: { lines in
                                                 for line in lines {
                                                     export.sink.append(line.bytes)
                                                     export.sink.byte(0x0A)
                                                 }
                                             })
        } catch {
            export.abandon()
            undo()
            throw error
        }
        let verdict = verifier.finish()
        guard verdict.ok, var model = verifier.observer as? SiteModel, let note = try source.fetch("checkpoint") else {
            export.abandon()
            undo()
            return Result(verification: verdict, written: [], kept: 0)
        }
        try files.commit(export)
        try files.put("data/export/checkpoint", note)
        model.finish(state: verifier.state)
        var reports: [AuditReport] = []
        for audit in model.audits {
            do throws(LedgerError) { reports.append(try audit.finish(verification: verdict, state: verifier.state)) } catch { throw StoreError(error) }
        }
        let context = SiteContext(model: model, state: verifier.state, verification: verdict, reports: reports,
                                  checkpoint: note, options: options)
        // The writers touch distinct files and only read the model: they run side by side.
        let errors = Errors()
        DispatchQueue.concurrentPerform(iterations: 3) { i in
            do throws(StoreError) {
                switch i {
                case 0:
                    try PortalAssets.write(context, to: files)
                    try ReportFiles.write(context, to: files)
                    try CSVFiles.write(context, to: files)
                case 1: try IATIFile.write(context, to: files)
                default:
                    try OCDSFiles.write(context, to: files)
                    try PortalData.writePayments(context, to: files)
                }
            } catch { errors.add(error) }
        }
        if let error = errors.first { throw error }
        // Last: the index naming the size everything above describes.
        try PortalData.write(context, to: files)
        return Result(verification: verdict, written: files.written, kept: files.kept)
    }

    /// Every quarter from the first entry's `committed_at` to the last one's (R7 keeps them in
    /// order); read from the first and last entry bundles before the replay. Entries that do
    /// not parse give no quarter: the replay then fails and nothing is written.
    static func quarterRange(_ source: some TileSource) throws(StoreError) -> (quarters: [Quarter], size: Int64) {
        guard let noteBytes = try source.fetch("checkpoint"),
              let size = try? Checkpoint(text: try SignedNote(parsing: noteBytes).text).size, size > 0 else { return ([], 0) }
        func committedAt(_ seq: Int64) throws(StoreError) -> String? {
            let bundle = seq / Int64(TileLayout.width)
            let width = Int(min(Int64(TileLayout.width), size - bundle * Int64(TileLayout.width)))
            let ref = TileRef(.entries, index: bundle, width: width)
            guard let bytes = try TileReader.fetchTile(ref, from: source),
                  let entries = try? EntryBundle.decode(bytes, count: width, path: ref.path) else { return nil }
            let i = Int(seq - bundle * Int64(TileLayout.width))
            return PreparedEntry(line: Line(bytes: Array(entries[i])), position: seq).entry?.committedAt
        }
        guard let first = try committedAt(0).flatMap(Quarter.init(containing:)),
              let last = try committedAt(size - 1).flatMap(Quarter.init(containing:)),
              (first.year, first.number) <= (last.year, last.number) else { return ([], size) }
        var out = [first]
        while out.last! != last && out.count < Limits.siteQuartersMax { out.append(out.last!.next) }
        return (out, size)
    }
}

/// The first error of writers running side by side.
private final class Errors: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [StoreError] = []
    func add(_ e: StoreError) { lock.withLock { errors.append(e) } }
    var first: StoreError? { lock.withLock { errors.first } }
}

/// What every writer of the site reads: the model, the final replay state and the reports.
struct SiteContext: Sendable {
    let model: SiteModel
    let state: ReplayState
    let verification: VerifyReport
    /// One per quarter the log spans, oldest first.
    let reports: [AuditReport]
    /// The checkpoint note the site was built for.
    let checkpoint: [UInt8]
    let options: SiteOptions

    var ledgerID: String { state.ledgerID ?? "" }
    var title: String { state.title ?? "" }
    /// The latest `committed_at` of the log: the publication date of every generated file, so
    /// that regenerating an unchanged log changes no byte.
    var lastCommittedAt: String { state.lastCommittedAt ?? "1970-01-01T00:00:00Z" }

    /// The page of an entry under the base URL (OCDS `uri`, CSV `entry_url`).
    func entryURL(seq: Int64) -> String { "\(options.baseURL)/entry.html?seq=\(seq)" }
}
