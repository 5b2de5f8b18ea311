import Foundation
@testable import LedgerCore

/// Reads a file from Tests/LedgerCoreTests/Fixtures.
func fixture(_ path: String) throws -> Data {
    let url = Bundle.module.resourceURL!.appendingPathComponent("Fixtures").appendingPathComponent(path)
    return try Data(contentsOf: url)
}

func fixtureJSON(_ path: String) throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: try fixture(path)) as! [String: Any]
}

func hex(_ s: String) -> [UInt8] { Hex.decode(s)! }

/// A small valid ledger to break in tests: genesis, two disbursements, one reversal.
struct Scenario {
    static let ledgerID = "jhf.test.ledger"
    static let t0 = "2026-11-01T10:00:00Z"

    static func genesisBody(_ b: inout LedgerBuilder) -> GenesisBody {
        let keys = [
            b.addSigner("shcp-ana", institution: "SHCP"), b.addSigner("shcp-carlos", institution: "SHCP"),
            b.addSigner("usaid-ben", institution: "USAID"), b.addSigner("usaid-dana", institution: "USAID"),
            b.addSigner("job-log", institution: "JOB", role: .log),
        ].sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        return GenesisBody(title: "Test ledger", currencies: ["MXN", "USD"], keys: keys,
                           budgets: [Budget(category: .humanitarianStabilization, currency: "MXN", amount: 1_000_000)],
                           createdAt: t0)
    }

    static func sealed(_ n: Int) -> SealedRecord {
        try! SealedRecord(accountNumber: "002010077777777771", payeeTaxID: "MAB9307148T4", notes: "",
                          salt: Array(Hash.sha256(Array("salt\(n)".utf8)).bytes.prefix(16)))
    }

    static func disbursement(_ id: String, amount: Int64 = 100_000, currency: String = "MXN", purpose: String = "Clinic supplies", n: Int = 1) -> Body {
        .disbursement(DisbursementBody(
            id: id, amount: amount, currency: currency, category: .humanitarianStabilization, program: "clinics",
            municipality: "15033", payeeName: "Clínica San Cristóbal", purpose: purpose, valueDate: "2026-11-20",
            sealedDigest: sealed(n).digest, proposedAt: "2026-11-02T09:00:00Z"))
    }

    static func time(_ i: Int) -> String { "2026-11-\(String(format: "%02d", 2 + i / 86400 % 25))T\(String(format: "%02d:%02d:%02d", i / 3600 % 24, i / 60 % 60, i % 60))Z" }

    /// Genesis (seq 0), D-1 (1), D-2 (2), reversal of D-1 (3).
    static func base() -> LedgerBuilder {
        var b = LedgerBuilder(ledgerID: ledgerID)
        let g = genesisBody(&b)
        b.append(.genesis(g), approvers: ["shcp-ana", "usaid-ben"], committedAt: t0)
        b.append(disbursement("D-1", n: 1), approvers: ["shcp-ana", "usaid-ben"], committedAt: time(1), sealed: sealed(1))
        b.append(disbursement("D-2", amount: 200_000, n: 2), approvers: ["shcp-carlos", "usaid-dana"], committedAt: time(2), sealed: sealed(2))
        b.append(.reversal(ReversalBody(id: "R-1", reverses: "D-1", reason: "Cancelled", proposedAt: "2026-11-02T09:30:00Z")),
                 approvers: ["shcp-ana", "usaid-ben"], committedAt: time(3))
        return b
    }

    /// A line signed over an arbitrary body, with every header field overridable.
    static func signedLine(_ b: LedgerBuilder, kind: String, body: JSONValue, approvers: [String], committedAt: String,
                           seq: Int64? = nil, prevHash: Hash? = nil, ledgerID: String? = nil, signedLedgerID: String? = nil) -> [UInt8] {
        let message = Body.approvalMessage(bodyJSON: body, kind: kind, ledgerID: signedLedgerID ?? ledgerID ?? Scenario.ledgerID)
        let approvals: [JSONValue] = approvers.map { name in
            .object(["key": .string(name), "signature": .string(b.signers[name]!.sign(message).base64)])
        }
        return JSONValue.object([
            "approvals": .array(approvals), "body": body, "committed_at": .string(committedAt), "kind": .string(kind),
            "ledger_id": .string(ledgerID ?? Scenario.ledgerID), "prev_hash": .string((prevHash ?? b.state.headHash).hex),
            "seq": .integer(seq ?? b.state.size),
        ]).canonicalBytes
    }
}

/// Verifies entry lines (and sealed lines) as an auditor would.
func verify(_ lines: [[UInt8]], sealed: [[UInt8]] = [], lastTerminated: Bool = true, pinned: Hash? = nil, jobs: Int = 1) -> VerifyReport {
    var v = Verifier(jobs: jobs, pinnedGenesis: pinned)
    v.feed(lines.enumerated().map { Line(bytes: $1, terminated: $0 < lines.count - 1 || lastTerminated) })
    v.checkSealed(sealed.map { Line(bytes: $0) }, firstLine: 0)
    return v.finish()
}

/// Splits a file into lines as the bundle reader does.
func splitLines(_ bytes: [UInt8]) -> [Line] {
    var out: [Line] = []
    var cur: [UInt8] = []
    for b in bytes {
        if b == 0x0A { out.append(Line(bytes: cur)); cur = [] } else { cur.append(b) }
    }
    if !cur.isEmpty { out.append(Line(bytes: cur, terminated: false)) }
    return out
}

/// Parses, edits and re-serializes one canonical line.
func rewrite(_ line: [UInt8], _ edit: (inout [String: JSONValue]) -> Void) -> [UInt8] {
    guard case .object(let o) = try! JSONParser.parse(line) else { fatalError() }
    var dict: [String: JSONValue] = [:]
    for m in o.members { dict[m.key] = m.value }
    edit(&dict)
    return JSONValue.object(try! JSONObject(dict.map { ($0.key, $0.value) })).canonicalBytes
}

extension JSONValue {
    /// Replaces the member `key` of an object value.
    func setting(_ key: String, _ value: JSONValue?) -> JSONValue {
        guard case .object(let o) = self else { return self }
        var pairs = o.members.map { ($0.key, $0.value) }.filter { $0.0 != key }
        if let value { pairs.append((key, value)) }
        return .object(try! JSONObject(pairs))
    }

    subscript(key: String) -> JSONValue? {
        guard case .object(let o) = self else { return nil }
        return o[key]
    }
}
