import ArgumentParser
import LedgerCore
import LedgerStore

/// `jhf approve`: shows a proposal, checks its sealed record, signs it with a local key.
///
/// Against a service (`--server`) the same happens on the officer's machine: the
/// proposal is fetched, the approval message is rebuilt here from the body (never taken
/// from the server), the sealed record is checked against its digest, and only the
/// signature is sent.
struct Approve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Co-sign a proposal with your key file; the entry is appended once both institutions approve.")

    @Option(help: "Ledger database: a SQLite file, or postgresql://user@host:port/dbname.") var db: String?
    @OptionGroup var remote: RemoteOptions
    @Option(help: "Proposal id (genesis for the genesis proposal).") var id: String
    @Option(help: "Your secret key file (mode 0600).") var key: String
    @Flag(help: "Sign without asking for confirmation.") var yes = false

    func run() throws {
        let client = try remote.client(db: db)
        let keyFile = try KeyFile.load(key)
        let store = try db.map { db in try guarded { try LedgerStore(path: db) } }
        let p: ProposalRecord
        if let client {
            p = try client.proposal(id: id)
        } else {
            guard let found = try guarded({ try store!.proposal(id: id) }) else { throw CLIFailure("error [not_found]: id: no proposal with id \(id)") }
            p = found
        }
        Console.out(Render.proposal(p))
        if client != nil { Console.out("  ledger:      \(DisplayText.escaped(p.ledgerID))") }
        if p.status == .pending {
            let context = client.map(ApprovalContext.remote) ?? ApprovalContext.local(store!)
            for line in try context.lines(for: p) { Console.out(line) }
        }
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
        guard digest == p.approvalDigest else {
            throw client == nil
                ? CLIFailure("error [corrupt]: stored approval digest does not match the body", status: ExitStatus.storage)
                : CLIFailure("error [server]: approval_digest: the service's digest does not match the body it sent; refusing to sign")
        }
        Console.out("approval digest: \(digest.spokenGroups)  (\(digest.hex))")
        if !yes && !Console.confirm("Sign proposal \(p.id) as \(keyFile.name) (\(keyFile.institution))?") {
            throw CLIFailure("not signed: confirmation declined")
        }
        let signature = keyFile.secretKey.sign(message)
        let outcome: ApprovalOutcome
        if let client {
            let reply = try client.post("/v1/proposals/\(RemoteClient.escape(p.id))/approvals",
                                        .object(["key": .string(keyFile.name), "signature": .string(signature.base64)])).json
            outcome = try Self.outcome(reply)
        } else {
            outcome = try guarded { try store!.approve(id: p.id, keyName: keyFile.name, signature: signature, now: try Clock.now()) }
        }
        switch outcome {
        case .recorded(let waiting): Console.out("approval by \(keyFile.name) recorded; waiting for \(waiting).")
        case .alreadyRecorded: Console.out("this approval was already recorded; nothing changed.")
        case .committed(let seq, let hash): Console.out("committed: seq \(seq) entry_hash \(hash.hex)")
        }
    }

    /// The service's answer to an approval, as the store's outcome.
    private static func outcome(_ reply: JSONValue) throws -> ApprovalOutcome {
        guard case .object(let o) = reply else { throw CLIFailure("error [server]: the service's answer to the approval is not an object") }
        switch (o["outcome"], o["seq"], o["entry_hash"], o["waiting_for"]) {
        case (.string("committed")?, .integer(let seq)?, .string(let hex)?, _):
            guard let hash = try? Hash(hex: hex) else { break }
            return .committed(seq: seq, entryHash: hash)
        case (.string("recorded")?, _, _, .string(let waiting)?): return .recorded(waitingFor: waiting)
        case (.string("already_recorded")?, _, _, _): return .alreadyRecorded
        default: break
        }
        throw CLIFailure("error [server]: the service's answer to the approval is not understood")
    }
}
