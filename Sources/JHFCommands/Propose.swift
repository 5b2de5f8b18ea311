import ArgumentParser
import LedgerCore
import LedgerStore

/// `jhf propose`: stores a proposal for the officers to co-sign.
struct Propose: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Propose a disbursement, reversal, key update or budget update.",
        discussion: """
        FILE holds the body without proposed_at. For a disbursement it holds
        "sealed": {"payee_account": {"number", "scheme": "CLABE"}, "payee_tax_id", "notes"}
        instead of sealed_digest: the tool draws the salt, keeps the sealed record and
        computes the digest. Prints {"approval_digest", "id"}.
        """)

    @Option(help: "Ledger database.") var db: String
    @Option(help: "disbursement, reversal, key_update or budget_update.") var kind: String
    @Option(help: "JSON file with the proposal body.") var file: String

    func run() throws {
        guard let kind = EntryKind(rawValue: kind), kind != .genesis else {
            throw CLIFailure("error [argument]: kind: must be disbursement, reversal, key_update or budget_update")
        }
        let input = try Files.readJSON(file, field: "file")
        let now = try Clock.now()
        let record = try guarded { () throws -> ProposalRecord in
            try LedgerStore(path: db).propose(kind: kind, input: input, salt: SecureRandom.bytes(Limits.saltBytes), now: now).record
        }
        Console.out(String(decoding: JSONValue.object([
            "approval_digest": .string(record.approvalDigest.hex), "id": .string(record.id),
        ]).canonicalBytes, as: UTF8.self))
    }
}
