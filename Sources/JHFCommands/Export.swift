import ArgumentParser
import LedgerCore
import LedgerStore

/// `jhf export`: writes an export bundle (SPEC §9).
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export the ledger as a bundle: entries.jsonl, sealed.jsonl with --sealed, and the latest signed checkpoint.")

    @Option(help: "Ledger database: a SQLite file, or postgresql://user@host:port/dbname.") var db: String?
    @OptionGroup var remote: RemoteOptions
    @Option(help: "Output directory (created if missing; existing bundle files are not overwritten).") var out: String
    @Flag(help: "Include sealed records (auditor export). Public exports leave them out.") var sealed = false
    @OptionGroup var progress: ProgressOptions

    func run() throws {
        let counts: (entries: Int64, sealed: Int)
        if let client = try remote.client(db: db) {
            // Entries first: they say at which seq each disbursement sits, which pages the sealed records.
            var seqOfID: [String: Int64] = [:]
            // Fetched before the entries, so that it covers a prefix of what is downloaded.
            let checkpoint = try client.latestCheckpoint()
            // Bundle.write takes store errors; a download failure is kept whole and thrown after it.
            var failure: Error?
            func downloading(_ body: () throws -> Void) throws(StoreError) {
                do { try body() } catch let e as StoreError { throw e } catch { failure = error; throw StoreError(.io, "download failed") }
            }
            do {
                counts = try guarded {
                    try Bundle.write(to: out, checkpoint: checkpoint, entries: { (emit: ([UInt8]) throws(StoreError) -> Void) throws(StoreError) in
                        try downloading {
                            var seq: Int64 = 0
                            try client.forEachLine("entries") { line in
                                try emit(line)
                                if sealed, case .object(let e)? = try? JSONParser.parse(line), case .object(let b)? = e["body"],
                                   case .string(let id)? = b["id"], case .string("disbursement")? = e["kind"] { seqOfID[id] = seq }
                                seq += 1
                            }
                        }
                    }, sealed: !sealed ? nil : { (emit: ([UInt8]) throws(StoreError) -> Void) throws(StoreError) in
                        try downloading {
                            try client.forEachLine("sealed", seqOf: { line in
                                guard case .object(let o)? = try? JSONParser.parse(line), case .string(let id)? = o["id"] else { return nil }
                                return seqOfID[id]
                            }) { line in try emit(line) }
                        }
                    })
                }
            } catch {
                throw failure ?? error
            }
        } else {
            let line = ProgressLine("exporting", options: progress)
            defer { line.finish() }
            counts = try guarded { try Bundle.export(try LedgerStore(path: db!, check: .hashChain), to: out, sealed: sealed, progress: line.callback) }
        }
        Console.out("exported \(counts.entries) entries\(sealed ? " and \(counts.sealed) sealed records" : "") to \(out)")
    }
}
