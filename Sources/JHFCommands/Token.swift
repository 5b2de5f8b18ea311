import ArgumentParser
import LedgerCore

/// `jhf token`: makes a bearer token for the service.
struct Token: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Make a service access token: writes it to a 0600 file and prints the entry for the config file.",
        discussion: "The config file keeps only the token's SHA-256, so a leaked config grants nothing.")

    @Option(help: "Name of the token's holder, e.g. shcp-officer-ana.") var name: String
    @Option(help: "Roles, comma-separated: proposer, officer, auditor, witness, admin.") var roles: String
    @Option(help: "File to write the token to (must not exist).") var out: String

    func run() throws {
        if let problem = FieldRules.keyName(name) { throw CLIFailure("error [argument]: name: \(problem)") }
        let list = roles.split(separator: ",").map { String($0) }
        let allowed = ["proposer", "officer", "auditor", "witness", "admin"]
        guard !list.isEmpty, list.allSatisfy({ allowed.contains($0) }) else {
            throw CLIFailure("error [argument]: roles: must be a comma-separated list of proposer, officer, auditor, witness, admin")
        }
        let token = "jhf_" + SecureRandom.bytes(32).map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
        try Files.writeSecret(out, Array((token + "\n").utf8))
        Console.out(Render.json(.object([
            "name": .string(name), "roles": .array(list.map { .string($0) }), "sha256": .string(Hash.sha256(Array(token.utf8)).hex),
        ])))
    }
}
