import ArgumentParser
import LedgerCore
import LedgerStore

/// `jhf propose`: stores a proposal for the officers to co-sign.
struct Propose: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Propose a disbursement, reversal, key or budget update, commitment, amendment or suspension.",
        discussion: """
        FILE holds the body without proposed_at. For a disbursement it holds
        "sealed": {"payee_account": {"number", "scheme": "CLABE"}, "payee_tax_id", "notes"}
        instead of sealed_digest: the tool draws the salt, keeps the sealed record and
        computes the digest. Prints {"approval_digest", "id"}. Proposing the same id with
        the same file again changes nothing; with another file it is refused.
        """)

    @Option(help: "Ledger database: a SQLite file, or postgresql://user@host:port/dbname.") var db: String?
    @OptionGroup var remote: RemoteOptions
    @Option(help: "disbursement, reversal, key_update, budget_update, commitment, amendment or suspension.") var kind: String
    @Option(help: "JSON file with the proposal body.") var file: String

    func run() throws {
        let client = try remote.client(db: db)
        guard let kind = EntryKind(rawValue: kind), kind != .genesis else {
            throw CLIFailure("error [argument]: kind: must be \(EntryKind.proposableList)")
        }
        let input = try Files.readJSON(file, field: "file")
        let id: String, digest: String
        if let client {
            let reply = try client.post("/v1/proposals", .object(["body": input, "kind": .string(kind.rawValue)])).json
            guard case .object(let o) = reply, case .string(let i)? = o["id"], case .string(let d)? = o["approval_digest"] else {
                throw CLIFailure("error [server]: the service's answer to the proposal has no id and approval_digest")
            }
            (id, digest) = (i, d)
        } else {
            let now = try Clock.now()
            let record = try guarded { () throws -> ProposalRecord in
                try LedgerStore(path: db!).propose(kind: kind, input: input, salt: SecureRandom.bytes(Limits.saltBytes), now: now).record
            }
            (id, digest) = (record.id, record.approvalDigest.hex)
        }
        Console.out(Render.json(.object(["approval_digest": .string(digest), "id": .string(id)])))
    }
}
