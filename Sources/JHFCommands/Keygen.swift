import ArgumentParser
import LedgerCore

/// `jhf keygen`: makes a new Ed25519 key and writes its secret key file.
struct Keygen: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate an Ed25519 key; write DIR/NAME.key (mode 0600) and print the public key object.",
        discussion: "A name with '/' (a C2SP-style witness or log name, e.g. witness.example.org/asf) is written as one file, with each '/' as '_'.")

    @Option(help: "Key name, ^[a-z0-9][a-z0-9._/-]{0,127}$ (never reused in a ledger).") var name: String
    @Option(help: "approver (co-signs entries), log (signs checkpoints) or witness (co-signs checkpoints).") var role: String
    @Option(help: "SHCP or USAID for approvers; e.g. JOB, ASF, GAO for log and witness keys.") var institution: String
    @Option(help: "Directory for the secret key file.") var out: String

    func run() throws {
        guard let role = KeyRole(rawValue: role) else { throw CLIFailure("error [schema]: role: must be approver, log or witness") }
        let secret = SecretKey.generate()
        let key = KeyFile(name: name, institution: institution, role: role, secretKey: secret)
        let object = try key.keyObject
        // The name passed the key-name rule above (`keyObject`), so it has no white space and
        // cannot start with '.' or '/'; with its slashes replaced it is one file name inside `out`,
        // whatever '..' it holds.
        try Files.writeSecret("\(out)/\(Self.fileName(name))", key.fileBytes)
        Console.out(String(decoding: object.json.canonicalBytes, as: UTF8.self))
    }

    /// `NAME.key`, with every `/` of the name as `_` (`witness.example.org/asf` → `witness.example.org_asf.key`).
    static func fileName(_ name: String) -> String { name.replacingOccurrences(of: "/", with: "_") + ".key" }
}
