import LedgerCore

/// What a caller may do. `admin` may do everything.
public enum Role: String, Sendable, CaseIterable {
    /// Proposes and withdraws proposals.
    case proposer
    /// Submits approvals and sees sealed records of proposals.
    case officer
    /// Reads sealed records (`GET /v1/sealed`, and in proposals).
    case auditor
    /// Adds cosignatures to checkpoints (`POST /v1/checkpoints/{size}/cosignatures`), as officers may too.
    case witness
    case admin
}

/// One access token the service accepts: only the SHA-256 of the token is stored.
public struct TokenEntry: Sendable {
    public let name: String
    public let roles: Set<Role>
    public let digest: Hash

    public init(name: String, roles: Set<Role>, digest: Hash) {
        (self.name, self.roles, self.digest) = (name, roles, digest)
    }
}

/// The service's config file (`jhf serve --config FILE`), a JSON object:
///
///     {"tokens": [{"name": "shcp-officer-ana", "roles": ["officer"], "sha256": "<hex of SHA-256(token)>"}],
///      "proposal_lifetime_seconds": 1209600, "request_body_bytes_max": 65536, "idle_timeout_seconds": 60,
///      "writer_nice": -10, "connections_max": 512, "request_deadline_seconds": 30, "shutdown_grace_seconds": 10,
///      "witnesses": [{"url": "https://witness.asf.gob.mx", "name": "asf.gob.mx/witness", "public_key": "<base64>"}],
///      "witness_policy": "2 of ASF,GAO,JOB"}
///
/// Every member but `tokens` is optional. Unknown members are refused, so a typo is an error.
public struct ServiceConfig: Sendable {
    public var tokens: [TokenEntry] = []
    public var proposalLifetimeSeconds: Int64 = Limits.proposalLifetimeDefaultSeconds
    public var requestBodyBytesMax: Int = ServiceLimits.requestBodyDefaultBytes
    public var idleTimeoutSeconds: Int64 = ServiceLimits.idleTimeoutDefaultSeconds
    /// The nice value the store's writer thread asks for (-20…19; a process normally runs at 0).
    public var writerNice: Int32 = ServiceLimits.writerNiceDefault
    /// Whether the file set `writer_nice` (a refusal is then a warning, not a notice).
    public var writerNiceConfigured = false
    /// Open connections kept at most; past it the oldest idle or unfinished one is closed.
    public var connectionsMax: Int = ServiceLimits.connectionsDefault
    /// Time from a request's first byte to its last (head and body) before the connection is closed.
    public var requestDeadlineSeconds: Int64 = ServiceLimits.requestDeadlineDefaultSeconds
    /// Time connections get to finish after SIGTERM or SIGINT before they are closed.
    public var shutdownGraceSeconds: Int64 = ServiceLimits.shutdownGraceDefaultSeconds
    /// The public site `jhf serve --site` keeps current (its base URL, OCDS prefix, thresholds).
    public var site: SiteSettings?
    /// C2SP tlog-witnesses each new checkpoint is submitted to (SPEC §12).
    public var witnesses: [WitnessEndpoint] = []
    /// The cosignatures a checkpoint should gather (reported in metrics and the log).
    public var witnessPolicy: WitnessPolicy?

    public init() {}

    static let members = ["connections_max", "idle_timeout_seconds", "proposal_lifetime_seconds", "request_body_bytes_max", "request_deadline_seconds",
                          "shutdown_grace_seconds", "site", "tokens", "witness_policy", "witnesses", "writer_nice"]

    /// Parses and checks a config file's bytes; every error names the member and the rule.
    public init(bytes: [UInt8]) throws(LedgerError) {
        guard bytes.count <= ServiceLimits.configBytesMax else {
            throw LedgerError(.argument, field: "config", "is larger than \(ServiceLimits.configBytesMax) bytes")
        }
        guard case .object(let o) = try JSONParser.parse(bytes) else {
            throw LedgerError(.schema, field: "config", "must be a JSON object")
        }
        for k in o.keys where !Self.members.contains(where: { $0.sameUTF8(k) }) {
            throw LedgerError(.schema, field: k, "unknown member (allowed: \(Self.members.joined(separator: ", ")))")
        }
        func integer(_ key: String, _ range: ClosedRange<Int64>) throws(LedgerError) -> Int64? {
            guard let v = o[key] else { return nil }
            guard case .integer(let n) = v, range.contains(n) else {
                throw LedgerError(.schema, field: key, "must be an integer from \(range.lowerBound) to \(range.upperBound)")
            }
            return n
        }
        if let n = try integer("proposal_lifetime_seconds", 60...Limits.proposalLifetimeMaxSeconds) { proposalLifetimeSeconds = n }
        if let n = try integer("request_body_bytes_max", 1024...Int64(ServiceLimits.requestBodyMaxBytes)) { requestBodyBytesMax = Int(n) }
        if let n = try integer("idle_timeout_seconds", 1...3600) { idleTimeoutSeconds = n }
        if let n = try integer("writer_nice", -20...19) { (writerNice, writerNiceConfigured) = (Int32(n), true) }
        if let n = try integer("connections_max", 1...Int64(ServiceLimits.connectionsMax)) { connectionsMax = Int(n) }
        if let n = try integer("request_deadline_seconds", 1...3600) { requestDeadlineSeconds = n }
        if let n = try integer("shutdown_grace_seconds", 0...3600) { shutdownGraceSeconds = n }
        if let v = o["witness_policy"] {
            guard case .string(let text) = v else { throw LedgerError(.schema, field: "witness_policy", "must be a string like '2 of ASF,GAO,JOB'") }
            witnessPolicy = try WitnessPolicy(text: text)
        }
        if let v = o["witnesses"] {
            guard case .array(let list) = v, list.count <= ServiceLimits.witnessesMax else {
                throw LedgerError(.schema, field: "witnesses", "must be an array of at most \(ServiceLimits.witnessesMax) witnesses")
            }
            for (i, item) in list.enumerated() {
                let w = try WitnessEndpoint(json: item, path: "witnesses[\(i)]")
                if witnesses.contains(where: { $0.name.sameUTF8(w.name) }) {
                    throw LedgerError(.schema, field: "witnesses[\(i)].name", "\(w.name) is listed twice")
                }
                witnesses.append(w)
            }
        }
        if let v = o["site"] { site = try SiteSettings(json: v) }
        guard case .array(let items)? = o["tokens"] else { throw LedgerError(.schema, field: "tokens", "must be an array of token entries") }
        guard items.count <= ServiceLimits.tokensMax else {
            throw LedgerError(.schema, field: "tokens", "lists more than \(ServiceLimits.tokensMax) tokens")
        }
        for (i, item) in items.enumerated() {
            let r = try FieldReader(item, path: "tokens[\(i)]", fields: ["name", "roles", "sha256"])
            let name = try r.string("name", FieldRules.keyName)
            if tokens.contains(where: { $0.name.sameUTF8(name) }) { throw r.fail("name", "\(name) is listed twice") }
            var roles: Set<Role> = []
            for v in try r.array("roles") {
                guard case .string(let s) = v, let role = Role(rawValue: s) else {
                    throw r.fail("roles", "each role must be one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                roles.insert(role)
            }
            if roles.isEmpty { throw r.fail("roles", "must list at least one role") }
            let digest = try r.hash("sha256")
            if tokens.contains(where: { $0.digest == digest }) { throw r.fail("sha256", "the same token is listed twice") }
            tokens.append(TokenEntry(name: name, roles: roles, digest: digest))
        }
    }
}

/// One witness the service submits checkpoints to: its submission prefix, and the name and
/// Ed25519 public key of its cosignatures.
public struct WitnessEndpoint: Sendable {
    /// The submission prefix: `POST <url>/add-checkpoint`.
    public let url: String
    public let name: String
    public let publicKey: PublicKey

    public init(url: String, name: String, publicKey: PublicKey) { (self.url, self.name, self.publicKey) = (url, name, publicKey) }

    init(json: JSONValue, path: String) throws(LedgerError) {
        let r = try FieldReader(json, path: path, fields: ["name", "public_key", "url"])
        var u = try r.string("url")
        guard u.hasPrefix("http://") || u.hasPrefix("https://"), u.utf8.count <= 2048, !u.contains(" ") else {
            throw r.fail("url", "must be an http:// or https:// URL (the witness's submission prefix)")
        }
        while u.hasSuffix("/") { u.removeLast() }
        url = u
        name = try r.string("name")
        guard SignedNote.isValidKeyName(name) else { throw r.fail("name", "must be a note key name: 1 to 256 bytes, no spaces or '+'") }
        publicKey = try r.publicKey("public_key")
    }
}
