import Foundation
import LedgerCore
import LedgerStore

/// A secret key file (SPEC §3): the key's name, institution, role and 32-byte seed.
struct KeyFile {
    let name: String
    let institution: String
    let role: KeyRole
    let secretKey: SecretKey

    static let fields = ["institution", "name", "role", "secret_key"]

    /// Reads a key file, refusing one that group or others may access.
    static func load(_ path: String) throws -> KeyFile {
        try Files.requirePrivate(path, field: "key")
        let json = try Files.readJSON(path, field: "key")
        do {
            let r = try FieldReader(json, path: "key", fields: fields)
            guard let role = KeyRole(rawValue: try r.string("role")) else { throw r.fail("role", "must be approver, log or witness") }
            let name = try r.string("name", FieldRules.keyName)
            let institution = try r.string("institution") { FieldRules.institution($0, role: role) }
            // Never echo the secret in an error.
            guard let seed = Base64.decode(try r.string("secret_key")), seed.count == 32 else {
                throw r.fail("secret_key", "must be canonical padded base64 of a 32-byte seed")
            }
            return KeyFile(name: name, institution: institution, role: role, secretKey: try SecretKey(seed: seed))
        } catch let e as LedgerError {
            throw CLIFailure("error [key]: \(path): \(e.description)")
        }
    }

    /// The checkpoint signer in a `--log-key` file; refuses a key of another role.
    static func logSigner(_ path: String) throws -> CheckpointSigner {
        let file = try load(path)
        guard file.role == .log else { throw CLIFailure("error [argument]: log-key: \(file.name) is not a log key (its role is \(file.role.rawValue)); checkpoints are signed by a log key") }
        return CheckpointSigner(name: file.name, key: file.secretKey)
    }

    var keyObject: KeyObject {
        get throws { try guarded { try KeyObject(name: name, institution: institution, publicKey: secretKey.publicKey, role: role) } }
    }

    /// The file's canonical JSON bytes, newline-terminated.
    var fileBytes: [UInt8] {
        JSONValue.object([
            "institution": .string(institution), "name": .string(name), "role": .string(role.rawValue),
            "secret_key": .string(Base64.encode(secretKey.seedForExport)),
        ]).canonicalBytes + [0x0A]
    }
}
