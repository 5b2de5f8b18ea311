import ArgumentParser
import LedgerCore
import LedgerPublish
import LedgerSite
import LedgerStore

/// `jhf publish`: the ledger for the public, as static files.
struct PublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Publish the ledger as static files anyone can serve and verify.",
        subcommands: [PublishTiles.self, PublishSite.self])
}

/// `jhf publish tiles`: the C2SP tlog-tiles layout of the latest signed checkpoint (SPEC §11).
struct PublishTiles: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tiles",
        abstract: "Write checkpoint, tile/<L>/<N>[.p/<W>] and tile/entries/<N>[.p/<W>] for the store's latest checkpoint.",
        discussion: """
        Incremental: tiles already in DIR are kept (never rewritten; different bytes are refused), new
        ones are written and synced, and checkpoint is replaced last, atomically, and only by a
        checkpoint of the same log, at least as large, whose tree is consistent with it. With
        --log-key a checkpoint of every entry is signed first. Any web server over DIR serves the log.
        """)

    @Option(help: "Ledger database: a SQLite file, or postgresql://user@host:port/dbname.") var db: String
    @Option(help: "Directory to publish into (created if missing).") var out: String
    @Option(help: "Secret key file of an active log key: sign a checkpoint of every entry first.") var logKey: String?

    func run() throws {
        let store = try guarded { try LedgerStore(path: db) }
        if let logKey {
            let signer = try KeyFile.logSigner(logKey)
            let now = try Clock.now()
            try guarded { try store.signCheckpoint(signer, now: now) }
        }
        let r = try guarded { try TilePublisher.publish(store: store, out: out) }
        Console.out("published \(r.size) entries to \(out): \(r.written) tile file(s) written, \(r.kept) already there; checkpoint \(r.checkpointReplaced ? "replaced" : "unchanged")")
    }
}
