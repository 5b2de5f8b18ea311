import ArgumentParser
import LedgerCore
import LedgerPublish
import LedgerStore

/// Replays a whole ledger from one of its three homes — a database, an export bundle or a
/// service — into a verifier, for `jhf verify` and `jhf report`. The caller finishes it.
enum LedgerReplay {
    /// Refuses anything but exactly one source.
    static func validate(db: String?, bundle: String?, remote: RemoteOptions, tiles: String? = nil, offersTiles: Bool = false) throws {
        guard [db != nil, bundle != nil, remote.server != nil, tiles != nil].filter({ $0 }).count == 1 else {
            throw ValidationError(offersTiles ? "give exactly one of --db, --bundle, --server or --tiles" : "give exactly one of --db, --bundle or --server")
        }
    }

    /// The verifier after every entry (and, for a database or bundle, every sealed record) was fed.
    static func run(db: String?, bundle: String?, remote: RemoteOptions, tiles: String? = nil, jobs: Int, pinned: Hash?, since: [UInt8]?,
                    witnessPolicy: WitnessPolicy? = nil, audit: AuditCollector? = nil, progress: ProgressLine? = nil) throws -> Verifier {
        defer { progress?.finish() }
        let report = progress?.callback
        if let tiles {
            // The entries come from the entry bundles; every hash tile is rebuilt from them and compared.
            return try guarded {
                try TileReader.replay(HTTPTiles.source(tiles), jobs: jobs, pinnedGenesis: pinned, since: since,
                                      witnessPolicy: witnessPolicy, audit: audit, progress: report)
            }
        }
        if remote.server != nil, let client = try remote.client(db: nil) {
            // The entries are downloaded and replayed here: the service is not trusted to judge itself.
            var verifier = Verifier(jobs: jobs, pinnedGenesis: pinned, checkpoint: try client.latestCheckpoint(), since: since,
                                    witnessPolicy: witnessPolicy, audit: audit)
            var total: Int64?
            if report != nil, case .object(let o) = try client.get("/v1/ledger").json, case .integer(let n)? = o["size"] { total = n }
            var batch: [Line] = []
            var done: Int64 = 0
            func feed() {
                verifier.feed(batch)
                done += Int64(batch.count)
                batch.removeAll(keepingCapacity: true)
                report?(ReplayProgress(done: done, fraction: total.map { $0 > 0 ? Double(done) / Double($0) : 1 }))
            }
            try client.forEachLine("entries") { line in
                batch.append(Line(bytes: line))
                if batch.count == Limits.verifyBatchEntriesMax { feed() }
            }
            feed()
            return verifier
        }
        return try guarded {
            if let db {
                return try Bundle.replay(database: db, jobs: jobs, pinnedGenesis: pinned, since: since, witnessPolicy: witnessPolicy, audit: audit, progress: report)
            }
            return try Bundle.replay(directory: bundle!, jobs: jobs, pinnedGenesis: pinned, since: since, witnessPolicy: witnessPolicy, audit: audit, progress: report)
        }
    }

    /// `--genesis`: the pinned genesis hash (R13).
    static func pinnedGenesis(_ text: String?) throws -> Hash? {
        try text.map { g in
            do { return try Hash(hex: g) } catch { throw CLIFailure("error [schema]: genesis: must be 64 lowercase hex digits") }
        }
    }

    /// `--witness-policy`: `<k> of <INSTITUTION>,…` (SPEC §12).
    static func witnessPolicy(_ text: String?) throws -> WitnessPolicy? {
        try text.map { t in try guarded { try WitnessPolicy(text: t) } }
    }

    /// `--since`: an earlier checkpoint note's bytes (R12).
    static func earlierCheckpoint(_ path: String?) throws -> [UInt8]? {
        guard let path else { return nil }
        guard let bytes = try guarded({ try Bundle.readCheckpoint(path) }) else {
            throw CLIFailure("error [io]: since: \(path) does not exist", status: ExitStatus.storage)
        }
        return bytes
    }
}
