import ArgumentParser
import Foundation
import LedgerCore
import LedgerPublish
import LedgerStore

/// `jhf proof`: a self-contained proof that one entry is in the ledger.
struct Proof: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a proof that one entry is in the ledger: the entry, its Merkle inclusion path, the latest signed checkpoint.",
        discussion: "Check it offline with `jhf verify-proof FILE --keys KEYS.json`. The ledger must have a checkpoint covering the entry (the service signs them with --log-key).")

    @Option(help: "The entry's id (D-…, R-…, K-…, B-…).") var id: String
    @Option(help: "Ledger database: a SQLite file, or postgresql://user@host:port/dbname.") var db: String?
    @OptionGroup var remote: RemoteOptions
    @Option(help: "A log published as tiles (a URL or a directory): the proof is rebuilt from its entry bundles and hash tiles.") var tiles: String?
    @Option(help: "Write the proof here, a new file (default: standard output).") var out: String?

    func run() throws {
        if let out, FileManager.default.fileExists(atPath: out) {
            throw CLIFailure("error [conflict]: out: \(out) already exists; it is never overwritten")
        }
        let proof: EntryProof
        if let tiles {
            guard db == nil, remote.server == nil else { throw CLIFailure("error [argument]: tiles: give one of --db, --server or --tiles") }
            proof = try guarded { try TileProofs.entryProof(HTTPTiles.source(tiles), id: id) }
        } else if let client = try remote.client(db: db) {
            let record = try client.proposal(id: id)
            guard let seq = record.committedSeq else { throw CLIFailure("error [refused]: id: \(id) is not committed (status \(record.status.rawValue))") }
            guard let checkpoint = try client.latestCheckpoint() else { throw CLIFailure("error [refused]: checkpoint: the service has signed no checkpoint yet") }
            let size = try Self.size(of: checkpoint)
            guard seq < size else { throw CLIFailure("error [refused]: checkpoint: the latest checkpoint covers \(size) entries; \(id) is at seq \(seq)") }
            let entry = try client.get("/v1/entries/\(seq)").body
            let inclusion = try guarded { try InclusionProof(json: try client.get("/v1/proofs/inclusion?seq=\(seq)&size=\(size)").json, path: "inclusion") }
            proof = EntryProof(entry: entry, inclusion: inclusion, checkpoint: checkpoint)
        } else {
            proof = try guarded { () throws -> EntryProof in
                let store = try LedgerStore(path: db!)
                guard let seq = store.state.seq(of: id) else { throw StoreError(.notFound, field: "id", "no committed entry has id \(id)") }
                guard let c = try store.latestCheckpoint(), c.size > seq else {
                    throw StoreError(.refused, field: "checkpoint", "no signed checkpoint covers seq \(seq) yet (the service signs them with --log-key)")
                }
                let entry = try store.entries(from: seq, limit: 1)[0].canonical
                return EntryProof(entry: entry, inclusion: try store.inclusionProof(seq: seq, size: c.size), checkpoint: c.note)
            }
        }
        let bytes = proof.json.canonicalBytes + [0x0A]
        if let out {
            try guarded {
                try writeAtomically(out, mode: FileMode.published) { (w: FileHandle) throws(StoreError) in
                    do { try w.write(contentsOf: bytes) } catch { throw StoreError(.io, field: "out", "cannot write \(out): \(error.localizedDescription)") }
                }
            }
            Console.out("wrote the proof of \(id) to \(out)")
        } else {
            Console.out(String(decoding: bytes.dropLast(), as: UTF8.self))
        }
    }

    static func size(of note: [UInt8]) throws -> Int64 {
        try guarded { try Checkpoint(text: try SignedNote(parsing: note).text).size }
    }
}

/// `jhf verify-proof`: checks a proof file offline against the ledger's published log keys.
struct VerifyProof: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify-proof",
        abstract: "Check a proof file from `jhf proof` offline: the entry is in the ledger whose checkpoint a log key signed.",
        discussion: "KEYS.json is an array of key objects (name, institution, public_key, role) as published with the ledger; only its log keys are used.")

    @Argument(help: "The proof file.") var file: String
    @Option(help: "JSON file: the ledger's key objects; the log keys among them must have signed the checkpoint.") var keys: String
    @Option(name: .customLong("witness-policy"), help: "Cosignatures the checkpoint must carry, e.g. \"2 of ASF,GAO,JOB\", by the witness and approver keys in KEYS.json (rule R12).")
    var witnessPolicy: String?
    @Option(help: "The log as published (tiles: a URL or a directory): its current checkpoint must be signed by a log key and consistent with the proof's.")
    var tiles: String?

    /// The log keys in a published key list (a JSON array of key objects), as note verifier keys.
    static func logKeys(_ path: String) throws -> [NoteVerifierKey] {
        try guarded { () throws -> [NoteVerifierKey] in
            try keyObjects(path).filter { $0.role == .log }.map { try NoteVerifierKey(name: $0.name, publicKey: $0.publicKey) }
        }
    }

    /// The key objects of a published key list.
    static func keyObjects(_ path: String) throws -> [KeyObject] {
        guard case .array(let items) = try Files.readJSON(path, field: "keys") else { throw CLIFailure("error [schema]: keys: must be a JSON array of key objects") }
        return try guarded { try items.enumerated().map { try KeyObject(json: $1, path: "keys[\($0)]") } }
    }

    func run() throws {
        let json = try Files.readJSON(file, field: "proof")
        let logKeys = try VerifyProof.logKeys(keys)
        let cosigners = CosignerKey.cosigners(try VerifyProof.keyObjects(keys))
        let policy = try LedgerReplay.witnessPolicy(witnessPolicy)
        let verified: EntryProof.Verified
        do {
            verified = try EntryProof(json: json).verify(logKeys: logKeys, cosigners: cosigners, policy: policy)
        } catch {
            Console.out("INVALID: \(DisplayText.escaped(error.description))")
            throw ExitCode(ExitStatus.verificationFailed)
        }
        var published = ""
        if let tiles {
            do {
                published = try Self.consistentWithPublished(proofCheckpoint: EntryProof(json: json).checkpoint, tiles: tiles, logKeys: logKeys)
            } catch let e as CLIFailure where e.status == ExitStatus.verificationFailed {
                Console.out("INVALID: \(DisplayText.escaped(e.text))")
                throw ExitCode(ExitStatus.verificationFailed)
            }
        }
        Console.out(DisplayText.escaped("VALID: \(verified.kind) \(verified.id ?? "genesis") is entry \(verified.seq) of ledger \(verified.ledgerID); "
                    + "checkpoint of \(verified.treeSize) entries signed by \(verified.signedBy.joined(separator: ", "))"
                    + (verified.cosignedBy.isEmpty ? "" : ", cosigned by \(verified.cosignedBy.map(\.name).joined(separator: ", "))") + published))
    }

    /// Checks the published checkpoint (signed by a log key, same origin) and a consistency
    /// proof from the proof's checkpoint to it, rebuilt from the hash tiles: the entry is in
    /// the history everybody reads. Returns the report's suffix.
    static func consistentWithPublished(proofCheckpoint: [UInt8], tiles: String, logKeys: [NoteVerifierKey]) throws -> String {
        func invalid(_ why: String) -> CLIFailure { CLIFailure("R12 tiles: \(why)", status: ExitStatus.verificationFailed) }
        let source = HTTPTiles.source(tiles)
        let (note, current) = try guarded { try TileProofs.checkpoint(source) }
        let mine = try guarded { try Checkpoint(text: try SignedNote(parsing: proofCheckpoint).text) }
        guard (try guarded { try SignedNote(parsing: note) }).verify(keys: logKeys).isValid else {
            throw invalid("the published checkpoint carries no valid signature of a given log key")
        }
        guard current.origin.utf8.elementsEqual(mine.origin.utf8) else { throw invalid("the published log is '\(current.origin)', the proof's '\(mine.origin)'") }
        guard current.size >= mine.size else { throw invalid("the published checkpoint (\(current.size) entries) is older than the proof's (\(mine.size))") }
        if current.size == mine.size {
            guard current.root == mine.root else { throw invalid("the published checkpoint of \(current.size) entries has another root: a split view") }
        } else {
            let proof = try guarded { try TileProofs.consistency(source, first: mine.size, second: current.size) }
            do { try proof.verify(firstRoot: mine.root, secondRoot: current.root) } catch {
                throw invalid("the proof's checkpoint of \(mine.size) entries is not consistent with the published one of \(current.size): \(error.message)")
            }
        }
        return "; consistent with the published checkpoint of \(current.size) entries"
    }
}
