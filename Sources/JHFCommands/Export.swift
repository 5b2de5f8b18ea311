import ArgumentParser
import LedgerStore

/// `jhf export`: writes an export bundle (SPEC §9).
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Export the ledger as a bundle: entries.jsonl, and sealed.jsonl with --sealed.")

    @Option(help: "Ledger database.") var db: String
    @Option(help: "Output directory (created if missing; existing bundle files are not overwritten).") var out: String
    @Flag(help: "Include sealed records (auditor export). Public exports leave them out.") var sealed = false

    func run() throws {
        let (entries, records) = try guarded { try Bundle.export(try LedgerStore(path: db), to: out, sealed: sealed) }
        Console.out("exported \(entries) entries\(sealed ? " and \(records) sealed records" : "") to \(out)")
    }
}
