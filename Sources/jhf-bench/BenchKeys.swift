import LedgerCore

/// The fixed keys of generated benchmark ledgers (seeds derived from their names; never real keys).
enum BenchKeys {
    static let ledgerID = "jhf.bench.v1"
    static let shcp = ["bench-shcp-a", "bench-shcp-b"]
    static let usaid = ["bench-usaid-a", "bench-usaid-b"]
    /// The log key that signs checkpoints (`jhf-bench load --checkpoints`).
    static let log = "bench-log"
    static let secrets: [String: SecretKey] = Dictionary(uniqueKeysWithValues: (shcp + usaid + [log]).map { ($0, LedgerBuilder.testKey($0)) })

    static var genesis: GenesisBody {
        let logKey = try! KeyObject(name: log, institution: "JOB", publicKey: secrets[log]!.publicKey, role: .log)
        let keys = (shcp.map { key($0, "SHCP") } + usaid.map { key($0, "USAID") } + [logKey])
            .sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        return GenesisBody(title: "Benchmark ledger", currencies: ["MXN", "USD"], keys: keys, budgets: [], createdAt: "2026-01-01T00:00:00Z")
    }

    static func key(_ name: String, _ institution: String) -> KeyObject {
        try! KeyObject(name: name, institution: institution, publicKey: secrets[name]!.publicKey, role: .approver)
    }

    /// The sealed record of disbursement `n` (a fixed valid CLABE; the salt derived from n).
    static func sealed(_ n: Int) -> SealedRecord {
        try! SealedRecord(accountNumber: "002010077777777771", payeeTaxID: "MAB9307148T4", notes: "",
                          salt: Array(Hash.sha256(Array("bench-salt-\(n)".utf8)).bytes.prefix(16)))
    }

    /// A realistic disbursement body: about 600 bytes as an entry, with non-ASCII text.
    static func disbursement(_ n: Int, proposedAt: String, commitment: String? = nil) -> Body {
        .disbursement(DisbursementBody(
            id: "D-\(n)", amount: Int64(10_000 + n % 9_000_000), currency: n % 3 == 0 ? "USD" : "MXN",
            category: .humanitarianStabilization, program: ["clinics", "food_aid", "schools", "water", "youth"][n % 5],
            municipality: "15033", payeeName: "Clínica Comunitaria San Cristóbal \(n % 1000)",
            purpose: "Medicamentos y personal para la clínica comunitaria, pago \(n)", valueDate: "2026-12-01",
            sealedDigest: sealed(n).digest, proposedAt: proposedAt, commitment: commitment))
    }

    /// Commitment `k`: a contract large enough for every payment the benchmark makes under it.
    static func commitment(_ k: Int, proposedAt: String) -> Body {
        .commitment(CommitmentBody(
            id: "C-\(k)", title: "Contrato de suministro \(k)", supplierName: "Proveedor \(k % 1000) S.A. de C.V.",
            amount: 1_000_000_000_000_000, currency: k % 3 == 0 ? "USD" : "MXN", category: .humanitarianStabilization,
            program: ["clinics", "food_aid", "schools", "water", "youth"][k % 5], municipality: "15033", procurementMethod: .open,
            reference: "LP-2026-\(k)", dateSigned: "2026-01-01", proposedAt: proposedAt))
    }

    /// The commitment disbursement `n` is made under when a ledger holds `commitments` of them
    /// (numbered from 1): a third of the disbursements, each under a commitment of its currency
    /// (commitment k has the currency of disbursement k: k ≡ n mod 3).
    static func commitment(for n: Int, commitments: Int) -> String? {
        guard commitments >= 6, (n / 3) % 3 == 0 else { return nil }
        return "C-\(n % 3 + 3 * (1 + (n / 3) % ((commitments - 3) / 3)))"
    }

    /// Disbursement `n` in the `jhf propose` input format (no proposed_at; `sealed` instead of its digest).
    static func disbursementInput(_ n: Int, commitments: Int = 0) -> JSONValue {
        guard case .object(let body) = disbursement(n, proposedAt: "2026-01-01T00:00:00Z", commitment: commitment(for: n, commitments: commitments)).json,
              case .object(let sealedJSON) = sealed(n).json else { preconditionFailure() }
        var pairs = body.members.filter { $0.key != "proposed_at" && $0.key != "sealed_digest" }.map { ($0.key, $0.value) }
        pairs.append(("sealed", .object(try! JSONObject(sealedJSON.members.filter { $0.key != "salt" }.map { ($0.key, $0.value) }))))
        return .object(try! JSONObject(pairs))
    }

    /// The same input as `disbursementInput(n)`, written directly as JSON text (cheap for the load generator).
    static func disbursementInputBytes(_ n: Int, commitments: Int = 0) -> [UInt8] {
        let currency = n % 3 == 0 ? "USD" : "MXN"
        let under = commitment(for: n, commitments: commitments).map { #""commitment":"\#($0)","# } ?? ""
        let program = ["clinics", "food_aid", "schools", "water", "youth"][n % 5]
        return Array("""
            {"amount":\(10_000 + n % 9_000_000),"category":"humanitarian_stabilization",\(under)"currency":"\(currency)","id":"D-\(n)",\
            "municipality":"15033","payee":{"name":"Clínica Comunitaria San Cristóbal \(n % 1000)"},"program":"\(program)",\
            "purpose":"Medicamentos y personal para la clínica comunitaria, pago \(n)",\
            "sealed":{"notes":"","payee_account":{"number":"002010077777777771","scheme":"CLABE"},"payee_tax_id":"MAB9307148T4"},\
            "value_date":"2026-12-01"}
            """.utf8)
    }

    /// The two approvers of entry `n`, rotating through both keys of each institution.
    static func approvers(_ n: Int) -> [String] { [shcp[n % 2], usaid[(n / 2) % 2]] }
}
