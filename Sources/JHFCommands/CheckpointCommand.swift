import ArgumentParser
import Foundation
import LedgerCore
import LedgerStore

/// `jhf checkpoint`: work with signed checkpoints.
struct CheckpointCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "checkpoint", abstract: "Work with signed checkpoints.",
                                                    subcommands: [Cosign.self])
}

/// `jhf checkpoint cosign`: a witness (ASF, GAO, JOB) or an approver adds its tlog-cosignature/v1
/// line (SPEC §12) to the latest checkpoint, after proving it consistent with the last one it
/// cosigned.
struct Cosign: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Cosign the latest checkpoint, after checking that it extends the last checkpoint this key cosigned.",
        discussion: """
        The last checkpoint cosigned is kept in the --state file (default: KEYFILE.cosigned). If it is
        there, the ledger must prove (RFC 9162 consistency proof, checked here) that the new tree
        extends it; otherwise nothing is signed. The first cosignature trusts the checkpoint as it is.
        """)

    @Option(help: "Ledger database: a SQLite file, or postgresql://user@host:port/dbname (or --server).") var db: String?
    @OptionGroup var remote: RemoteOptions
    @Option(help: "Your secret key file (a witness or approver key).") var key: String
    @Option(help: "File keeping the checkpoint text you last cosigned (default: KEYFILE.cosigned).") var state: String?
    @Option(help: "With --server: the ledger's published key list (JSON array of key objects); the checkpoint must carry a valid signature of one of its log keys.") var keys: String?

    /// Where the checkpoint comes from and where the cosignature goes: the database, or the service.
    private struct Ledger {
        let latest: () throws -> [UInt8]?
        let consistency: (Int64, Int64) throws -> ConsistencyProof
        let submit: (Int64, SignedNote.SignatureLine, KeyFile) throws -> Bool
    }

    private func ledger() throws -> Ledger {
        if let client = try remote.client(db: db) {
            guard keys != nil else { throw CLIFailure("error [argument]: keys: with --server, give --keys KEYS.json to check the log's signature on the checkpoint") }
            return Ledger(
                latest: { try client.latestCheckpoint() },
                consistency: { first, second in
                    let json = try client.get("/v1/proofs/consistency?first=\(first)&second=\(second)").json
                    return try guarded { try ConsistencyProof(json: json) }
                },
                submit: { size, line, file in
                    let reply = try client.post("/v1/checkpoints/\(size)/cosignatures",
                                                .object(["key": .string(file.name), "signature": .string(Base64.encode(line.signature))]))
                    return reply.status == 201
                })
        }
        if keys != nil { throw CLIFailure("error [argument]: keys: only used with --server (the database is your own)") }
        let store = try guarded { try LedgerStore(path: db!) }
        return Ledger(
            latest: { try guarded { try store.latestCheckpoint()?.note } },
            consistency: { first, second in try guarded { try store.consistencyProof(first: first, second: second) } },
            submit: { size, line, file in try guarded { try store.cosign(size: size, line: line, publicKey: file.secretKey.publicKey) } })
    }

    func run() throws {
        let file = try KeyFile.load(key)
        let statePath = state ?? key + ".cosigned"
        let ledger = try ledger()
        guard let latest = try ledger.latest() else {
            throw CLIFailure("error [refused]: checkpoint: the ledger has no signed checkpoint yet")
        }
        let note = try guarded { try SignedNote(parsing: latest) }
        if let keys {
            let verification = note.verify(keys: try VerifyProof.logKeys(keys))
            guard verification.isValid else {
                throw CLIFailure("error [refused]: R12 checkpoint: the latest checkpoint carries no valid signature of a log key in \(keys)")
            }
        }
        let text = note.text
        let new = try guarded { try Checkpoint(text: text) }
        var since = ""
        if FileManager.default.fileExists(atPath: statePath) {
            let old = try guarded { try Checkpoint(text: try Files.read(statePath, field: "state")) }
            guard old.origin.utf8.elementsEqual(new.origin.utf8) else {
                throw CLIFailure("error [refused]: R12 checkpoint: you last cosigned '\(old.origin)', this ledger is '\(new.origin)'")
            }
            guard old.size <= new.size else {
                throw CLIFailure("error [refused]: R12 checkpoint: you cosigned \(old.size) entries before; the latest checkpoint has \(new.size): the ledger shrank")
            }
            if old.size < new.size {
                do {
                    try ledger.consistency(old.size, new.size).verify(firstRoot: old.root, secondRoot: new.root)
                } catch let e as LedgerError {
                    throw CLIFailure("error [refused]: R12 checkpoint: the checkpoint of \(new.size) entries is not consistent with the one of \(old.size) you cosigned: \(e)")
                }
            } else if old.root != new.root {
                throw CLIFailure("error [refused]: R12 checkpoint: the checkpoint of \(new.size) entries is not consistent with the one of \(old.size) you cosigned: the same size with another root")
            }
            since = " (consistent with the checkpoint of \(old.size) entries you cosigned before)"
        }
        let line = Cosignature.sign(text, name: file.name, key: file.secretKey, timestamp: UInt64(max(0, Date().timeIntervalSince1970)))
        let added = try ledger.submit(new.size, line, file)
        guard FileManager.default.createFile(atPath: statePath, contents: Data(text)) else {
            throw CLIFailure("error [io]: state: cannot write \(statePath)", status: ExitStatus.storage)
        }
        Console.out(added ? "cosigned the checkpoint of \(new.size) entries as \(file.name)\(since)"
                          : "the checkpoint of \(new.size) entries already carries \(file.name)'s cosignature")
    }
}
