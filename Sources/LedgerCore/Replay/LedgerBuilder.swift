/// Builds a signed ledger in memory: for tests, golden files and benchmarks.
///
/// Every line goes through the same `ReplayState` as a verifier; `append` adds the
/// line whatever the verdict and returns the failures, so tests can build chains
/// that break a rule on purpose with real signatures.
public struct LedgerBuilder: Sendable {
    public let ledgerID: String
    public private(set) var signers: [String: SecretKey] = [:]
    public private(set) var lines: [[UInt8]] = []
    public private(set) var sealed: [(id: String, record: SealedRecord)] = []
    public private(set) var state = ReplayState()

    public init(ledgerID: String) {
        self.ledgerID = ledgerID
    }

    /// A key derived from a fixed seed: SHA-256("jhf-test-key:" + name). Test and demo use only.
    public static func testKey(_ name: String) -> SecretKey {
        try! SecretKey(seed: Hash.sha256(Array("jhf-test-key:\(name)".utf8)).bytes)
    }

    /// Registers a signing key for `name` and returns its key object.
    @discardableResult
    public mutating func addSigner(_ name: String, institution: String, role: KeyRole = .approver, key: SecretKey? = nil) -> KeyObject {
        let secret = key ?? LedgerBuilder.testKey(name)
        signers[name] = secret
        return try! KeyObject(name: name, institution: institution, publicKey: secret.publicKey, role: role)
    }

    /// The entry that `body` approved by `approvers` would be as the next line.
    public func entry(_ body: Body, approvers: [String], committedAt: String) -> Entry {
        let message = body.approvalMessage(ledgerID: ledgerID)
        let approvals = approvers.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { name in
            Approval(key: name, signature: signers[name]!.sign(message))
        }
        return Entry(seq: state.size, ledgerID: ledgerID, prevHash: state.headHash, committedAt: committedAt, body: body, approvals: approvals)
    }

    /// Appends the canonical line of `entry` (or of raw `bytes`) and returns its failures.
    @discardableResult
    public mutating func append(line bytes: [UInt8]) -> [Failure] {
        let p = PreparedEntry(line: Line(bytes: bytes), position: state.size)
        lines.append(bytes)
        return state.replay(p)
    }

    @discardableResult
    public mutating func append(_ body: Body, approvers: [String], committedAt: String, sealed record: SealedRecord? = nil) -> [Failure] {
        if let record, let id = body.id { sealed.append((id, record)) }
        return append(line: entry(body, approvers: approvers, committedAt: committedAt).canonicalBytes)
    }

    /// `entries.jsonl` as bytes.
    public var entriesFile: [UInt8] { lines.flatMap { $0 + [0x0A] } }

    /// `sealed.jsonl` as bytes, in the order records were given.
    public var sealedFile: [UInt8] {
        sealed.flatMap { JSONValue.object(["id": .string($0.id), "sealed": $0.record.json]).canonicalBytes + [0x0A] }
    }
}
