import LedgerCore

/// A witness's config file (`jhf witness serve --config FILE`), a JSON object:
///
///     {"state": "asf-witness.db",
///      "logs": [{"origin": "jhf-ledger/jhf.mx-us.2026",
///                "keys": [{"name": "jhf-ledger/jhf.mx-us.2026", "public_key": "<base64 Ed25519 key>"}]}]}
///
/// Each log is its origin and one or more (log key name, public key) pairs (SPEC §12): after a
/// log key rotation the operator adds the new pair. `state` is the witness's SQLite file,
/// relative to the config file's directory. Unknown members are refused.
public struct WitnessConfig: Sendable {
    public let state: String
    /// The log keys trusted per origin (origins compared byte for byte).
    public let logs: [(origin: String, keys: [NoteVerifierKey])]

    public init(state: String, logs: [(origin: String, keys: [NoteVerifierKey])]) { (self.state, self.logs) = (state, logs) }

    public init(bytes: [UInt8]) throws(LedgerError) {
        guard bytes.count <= WitnessLimits.configBytesMax else {
            throw LedgerError(.argument, field: "config", "is larger than \(WitnessLimits.configBytesMax) bytes")
        }
        let r = try FieldReader(try JSONParser.parse(bytes), path: "", fields: ["logs", "state"])
        state = try r.string("state")
        guard !state.isEmpty else { throw r.fail("state", "must name the witness's state file") }
        var logs: [(String, [NoteVerifierKey])] = []
        for (i, item) in try r.array("logs").enumerated() {
            let l = try FieldReader(item, path: "logs[\(i)]", fields: ["keys", "origin"])
            let origin = try l.string("origin")
            guard !origin.isEmpty, !origin.unicodeScalars.contains(where: { $0.value < 0x20 }) else {
                throw l.fail("origin", "must be a non-empty checkpoint origin line")
            }
            guard !logs.contains(where: { $0.0.utf8.elementsEqual(origin.utf8) }) else { throw l.fail("origin", "is listed twice") }
            var keys: [NoteVerifierKey] = []
            for (j, k) in try l.array("keys").enumerated() {
                let kr = try FieldReader(k, path: "\(l.join("keys"))[\(j)]", fields: ["name", "public_key"])
                let name = try kr.string("name")
                let publicKey = try kr.publicKey("public_key")
                do throws(LedgerError) { keys.append(try NoteVerifierKey(name: name, publicKey: publicKey)) } catch { throw kr.fail("name", error.message) }
            }
            guard !keys.isEmpty else { throw l.fail("keys", "must list at least one log key") }
            logs.append((origin, keys))
        }
        guard !logs.isEmpty else { throw r.fail("logs", "must list at least one log") }
        self.logs = logs
    }

    /// The trusted keys of `origin`, nil if the witness does not know that log.
    public func keys(origin: String) -> [NoteVerifierKey]? {
        logs.first { $0.origin.utf8.elementsEqual(origin.utf8) }?.keys
    }
}

/// The witness's bounds, in one place.
public enum WitnessLimits {
    /// The config file, in bytes.
    public static let configBytesMax = 1 << 20
    /// A request body: the protocol's bound on an add-checkpoint request.
    public static let requestBytesMax = Limits.witnessRequestBytesMax
}
