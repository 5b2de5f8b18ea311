/// The body of an entry, one case per kind.
public enum Body: Sendable, Equatable {
    case genesis(GenesisBody)
    case keyUpdate(KeyUpdateBody)
    case budgetUpdate(BudgetUpdateBody)
    case disbursement(DisbursementBody)
    case reversal(ReversalBody)
    case commitment(CommitmentBody)
    case amendment(AmendmentBody)
    case suspension(SuspensionBody)

    /// The approval-message context string (SPEC §4.1).
    public static let approvalContext = "jhf-ledger/v1/approval"

    /// Decodes a body of the given kind.
    public init(kind: EntryKind, json: JSONValue, path: String = "body") throws(LedgerError) {
        switch kind {
        case .genesis: self = .genesis(try GenesisBody(json: json, path: path))
        case .keyUpdate: self = .keyUpdate(try KeyUpdateBody(json: json, path: path))
        case .budgetUpdate: self = .budgetUpdate(try BudgetUpdateBody(json: json, path: path))
        case .disbursement: self = .disbursement(try DisbursementBody(json: json, path: path))
        case .reversal: self = .reversal(try ReversalBody(json: json, path: path))
        case .commitment: self = .commitment(try CommitmentBody(json: json, path: path))
        case .amendment: self = .amendment(try AmendmentBody(json: json, path: path))
        case .suspension: self = .suspension(try SuspensionBody(json: json, path: path))
        }
    }

    public var kind: EntryKind {
        switch self {
        case .genesis: return .genesis
        case .keyUpdate: return .keyUpdate
        case .budgetUpdate: return .budgetUpdate
        case .disbursement: return .disbursement
        case .reversal: return .reversal
        case .commitment: return .commitment
        case .amendment: return .amendment
        case .suspension: return .suspension
        }
    }

    /// The entry id; genesis has none.
    public var id: String? {
        switch self {
        case .genesis: return nil
        case .keyUpdate(let b): return b.id
        case .budgetUpdate(let b): return b.id
        case .disbursement(let b): return b.id
        case .reversal(let b): return b.id
        case .commitment(let b): return b.id
        case .amendment(let b): return b.id
        case .suspension(let b): return b.id
        }
    }

    public var json: JSONValue {
        switch self {
        case .genesis(let b): return b.json
        case .keyUpdate(let b): return b.json
        case .budgetUpdate(let b): return b.json
        case .disbursement(let b): return b.json
        case .reversal(let b): return b.json
        case .commitment(let b): return b.json
        case .amendment(let b): return b.json
        case .suspension(let b): return b.json
        }
    }

    /// The bytes each approver signs: JCS({"body", "context", "kind", "ledger_id"}).
    public static func approvalMessage(bodyJSON: JSONValue, kind: String, ledgerID: String) -> [UInt8] {
        approvalMessage(canonicalBody: ArraySlice(bodyJSON.canonicalBytes), kind: kind, ledgerID: ledgerID)
    }

    /// The same message, from the body's canonical bytes (JCS(body)). The verifier passes
    /// them as they already lie in an entry line, saving a second serialization. The
    /// members are written in JCS order: body, context, kind, ledger_id.
    public static func approvalMessage(canonicalBody: ArraySlice<UInt8>, kind: String, ledgerID: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(canonicalBody.count + 96)
        out += #"{"body":"#.utf8
        out += canonicalBody
        out += #","context":"#.utf8
        JSONCanonical.writeString(approvalContext, into: &out)
        out += #","kind":"#.utf8
        JSONCanonical.writeString(kind, into: &out)
        out += #","ledger_id":"#.utf8
        JSONCanonical.writeString(ledgerID, into: &out)
        out.append(UInt8(ascii: "}"))
        return out
    }

    public func approvalMessage(ledgerID: String) -> [UInt8] {
        Body.approvalMessage(bodyJSON: json, kind: kind.rawValue, ledgerID: ledgerID)
    }

    /// hex(SHA-256(approval message)): the proposal's identity for officers.
    public func approvalDigest(ledgerID: String) -> Hash {
        Hash.sha256(approvalMessage(ledgerID: ledgerID))
    }
}

extension Hash {
    /// The first 16 hex digits in groups of four (`1a2b 3c4d 5e6f 7a8b`), for reading aloud.
    public var spokenGroups: String {
        let h = Array(hex.prefix(16))
        return stride(from: 0, to: 16, by: 4).map { String(h[$0..<$0 + 4]) }.joined(separator: " ")
    }
}
