import ArgumentParser
import LedgerCore
import LedgerStore

/// `jhf approve`: shows a proposal, checks its sealed record, signs it with a local key.
struct Approve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Co-sign a proposal with your key file; the entry is appended once both institutions approve.")

    @Option(help: "Ledger database.") var db: String
    @Option(help: "Proposal id (genesis for the genesis proposal).") var id: String
    @Option(help: "Your secret key file (mode 0600).") var key: String
    @Flag(help: "Sign without asking for confirmation.") var yes = false

    func run() throws {
        let keyFile = try KeyFile.load(key)
        let store = try guarded { try LedgerStore(path: db) }
        guard let p = try guarded({ try store.proposal(id: id) }) else {
            throw CLIFailure("error [notFound]: id: no proposal with id \(id)")
        }
        Console.out(Render.proposal(p))
        // The approver's tool must check the sealed record against the digest before signing (SPEC §5).
        if case .disbursement(let d) = p.body {
            guard let sealed = p.sealed, sealed.digest == d.sealedDigest else {
                throw CLIFailure("error [sealed]: R11 sealed: the sealed record is missing or does not match sealed_digest; refusing to sign")
            }
            Console.out("sealed record matches sealed_digest.")
        }
        // Rebuild the message from the body; never sign bytes handed over as they are.
        let message = p.body.approvalMessage(ledgerID: p.ledgerID)
        let digest = Hash.sha256(message)
        guard digest == p.approvalDigest else { throw CLIFailure("error [corrupt]: stored approval digest does not match the body", status: ExitStatus.storage) }
        Console.out("approval digest: \(digest.spokenGroups)  (\(digest.hex))")
        if !yes && !Console.confirm("Sign proposal \(p.id) as \(keyFile.name) (\(keyFile.institution))?") {
            throw CLIFailure("not signed: confirmation declined")
        }
        let signature = keyFile.secretKey.sign(message)
        let outcome = try guarded { try store.approve(id: p.id, keyName: keyFile.name, signature: signature, now: try Clock.now()) }
        switch outcome {
        case .recorded(let waiting): Console.out("approval by \(keyFile.name) recorded; waiting for \(waiting).")
        case .alreadyRecorded: Console.out("this approval was already recorded; nothing changed.")
        case .committed(let seq, let hash): Console.out("committed: seq \(seq) entry_hash \(hash.hex)")
        }
    }
}
