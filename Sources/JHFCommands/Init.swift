import ArgumentParser
import LedgerCore
import LedgerStore

/// `jhf init`: creates the database and the pending genesis proposal.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create a ledger database holding the pending genesis proposal (id `genesis`).")

    @Option(help: "The new ledger database: a SQLite file that must not exist, or postgresql://user@host:port/dbname of an empty database.") var db: String
    @Option(name: .customLong("ledger-id"), help: "Ledger id, ^[a-z0-9][a-z0-9.-]{2,63}$, e.g. jhf.smhp.2026.") var ledgerID: String
    @Option(help: "Title of the ledger, 1–200 characters.") var title: String
    @Option(help: "JSON file: an array of key objects (name, institution, public_key, role).") var keys: String
    @Option(help: "Comma-separated ISO 4217 currency codes.") var currencies: String = "MXN,USD"
    @Option(help: "JSON file: an array of budget objects (amount, category, currency).") var budgets: String?

    func run() throws {
        let now = try Clock.now()
        let keyList = try Files.readJSON(keys, field: "keys")
        let budgetList = try budgets.map { try Files.readJSON($0, field: "budgets") } ?? .array([])
        let codes = currencies.split(separator: ",").map { String($0.trimmingCharacters(in: .whitespaces)) }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let store = try guarded { () throws -> ProposalRecord in
            // Keys and budgets are sorted here, as the format requires; the decoder checks the rest.
            guard case .array(let keyItems) = keyList else { throw CLIFailure("error [schema]: keys: must be a JSON array of key objects") }
            guard case .array(let budgetItems) = budgetList else { throw CLIFailure("error [schema]: budgets: must be a JSON array of budget objects") }
            let sortedKeys = keyItems.sorted { name($0).utf8.lexicographicallyPrecedes(name($1).utf8) }
            let sortedBudgets = try budgetItems.enumerated().map { try Budget(json: $1, path: "budgets[\($0)]") }.sorted { $0.pair < $1.pair }
            let genesis = try GenesisBody(json: .object([
                "title": .string(title), "currencies": .array(codes.map { .string($0) }), "keys": .array(sortedKeys),
                "budgets": .array(sortedBudgets.map(\.json)), "created_at": .string(now),
            ]), path: "genesis")
            return try LedgerStore.create(path: db, ledgerID: ledgerID, genesis: genesis, now: now).1
        }
        Console.out("Created ledger \(ledgerID) in \(db) with the pending genesis proposal.")
        Console.out("approval_digest: \(store.approvalDigest.hex)")
        Console.out("say aloud:       \(store.approvalDigest.spokenGroups)")
    }

    private func name(_ v: JSONValue) -> String {
        if case .object(let o) = v, case .string(let s)? = o["name"] { return s }
        return ""
    }
}
