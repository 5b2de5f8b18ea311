import ArgumentParser
import Foundation
import LedgerCore
import LedgerStore

/// `jhf checkpoint`: work with signed checkpoints.
struct CheckpointCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "checkpoint", abstract: "Work with signed checkpoints.",
                                                    subcommands: [Cosign.self])
}

/// `jhf checkpoint cosign`: a witness (ASF, GAO, JOB) or an approver adds its signature line
/// to the latest checkpoint, after proving it consistent with the last one it cosigned.
struct Cosign: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Cosign the latest checkpoint, after checking that it extends the last checkpoint this key cosigned.",
        discussion: """
        The last checkpoint cosigned is kept in the --state file (default: KEYFILE.cosigned). If it is
        there, the ledger must prove (RFC 9162 consistency proof, checked here) that the new tree
        extends it; otherwise nothing is signed. The first cosignature trusts the checkpoint as it is.
        """)

    @Option(help: "Ledger database.") var db: String
    @Option(help: "Your secret key file (a witness or approver key).") var key: String
    @Option(help: "File keeping the checkpoint text you last cosigned (default: KEYFILE.cosigned).") var state: String?

    func run() throws {
        let file = try KeyFile.load(key)
        let statePath = state ?? key + ".cosigned"
        let store = try guarded { try LedgerStore(path: db) }
        guard let latest = try guarded({ try store.latestCheckpoint() }) else {
            throw CLIFailure("error [refused]: checkpoint: the ledger has no signed checkpoint yet")
        }
        let text = try guarded { try SignedNote(parsing: latest.note).text }
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
            do {
                try store.consistencyProof(first: old.size, second: new.size).verify(firstRoot: old.root, secondRoot: new.root)
            } catch {
                throw CLIFailure("error [refused]: R12 checkpoint: the checkpoint of \(new.size) entries is not consistent with the one of \(old.size) you cosigned: \(error)")
            }
            since = " (consistent with the checkpoint of \(old.size) entries you cosigned before)"
        }
        let line = SignedNote.sign(text, name: file.name, key: file.secretKey)
        let added = try guarded { try store.cosign(size: new.size, line: line, publicKey: file.secretKey.publicKey) }
        guard FileManager.default.createFile(atPath: statePath, contents: Data(text)) else {
            throw CLIFailure("error [io]: state: cannot write \(statePath)", status: ExitStatus.storage)
        }
        Console.out(added ? "cosigned the checkpoint of \(new.size) entries as \(file.name)\(since)"
                          : "the checkpoint of \(new.size) entries already carries \(file.name)'s cosignature")
    }
}
