import Foundation
import LedgerCore
import Testing

/// The ledger the portal tests publish: the v1.1 demo ledger (Q4 2026: payments, a reversal,
/// commitments, an amendment, a termination, suspensions) plus two witness keys (ASF, GAO) and a
/// second quarter (Q1 2027: payments, a commitment disclosed late, a reversal). Published as
/// tiles with a checkpoint the log key signed and both witnesses cosigned, exported as an
/// auditor's bundle (with sealed records), and published as a site. Built once per test run.
struct PortalLedger: Sendable {
    let dir: String
    let db: String
    let tiles: String
    let site: String
    /// An auditor's export (entries, checkpoint, sealed records).
    let bundle: String
    let genesis: String
    static let baseURL = "https://transparencia.example.org/jhf"
    static let policy = "2 of ASF,GAO,JOB"
    static let thresholds = ["--threshold", "USD=25000", "--threshold", "MXN=430000"]

    static let shared: Result<PortalLedger, Unexpected> = {
        do { return .success(try make()) } catch { return .failure(Unexpected("portal ledger: \(error)")) }
    }()

    static func get() throws -> PortalLedger { try shared.get() }

    /// `jhf publish site` for this ledger into `out`, with extra arguments.
    func publishSite(_ out: String, tiles: String? = nil, _ extra: [String] = []) throws -> Outcome {
        try jhf(["publish", "site", "--tiles", tiles ?? self.tiles, "--out", out, "--genesis", genesis, "--base-url", Self.baseURL,
                 "--witness-policy", Self.policy, "--ocid-prefix", "ocds-t3st00", "--quiet"] + Self.thresholds + extra)
    }

    static let q1 = "2027-01-15T10:00:00Z"

    private static func make() throws -> PortalLedger {
        let l = try V11Ledger.make()
        var added: [String] = []
        for (name, institution) in [("asf.test/witness", "ASF"), ("gao.test/witness", "GAO")] {
            let o = try l.must(jhf("keygen", "--name", name, "--role", "witness", "--institution", institution, "--out", "\(l.dir)/keys"))
            added.append(o.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        try commit(l, "key_update", "k1", #"{"id": "K-1", "add": [\#(added.joined(separator: ", "))], "revoke": [], "reason": "Testigos ASF y GAO"}"#)
        // Q1 2027: a commitment entered 75 days after signing (late), payments, a reversal.
        try commit(l, "commitment", "c3", """
            {"id": "C-3", "title": "Equipamiento de comedores escolares", "supplier": {"name": "Cocinas Industriales de Chihuahua"},
             "amount": 12000000, "currency": "USD", "category": "humanitarian_stabilization", "program": "schools", "municipality": "08037",
             "procurement_method": "selective", "reference": "JHF-IR-2026-0007", "date_signed": "2026-11-01"}
            """, now: q1)
        try commit(l, "disbursement", "p3", V11Ledger.payment("P-3", amount: 4000000, under: "C-3", program: "schools", municipality: "08037", currency: "USD"), now: q1)
        try commit(l, "disbursement", "p4", V11Ledger.payment("P-4", amount: 90000000, under: nil, program: "clinics", municipality: "15033"), now: q1)
        try commit(l, "disbursement", "p5", V11Ledger.payment("P-5", amount: 1500000, under: "C-3", program: "schools", municipality: "08037", currency: "USD"), now: q1)
        try commit(l, "reversal", "r2", #"{"id": "R-2", "reverses": "P-5", "reason": "Pago duplicado"}"#, now: q1)

        let tiles = "\(l.dir)/tlog"
        try l.must(jhf(["publish", "tiles", "--db", l.db, "--out", tiles, "--log-key", l.key("demo-job-log")], now: q1))
        for name in ["asf.test/witness", "gao.test/witness"] {
            try l.must(jhf(["checkpoint", "cosign", "--db", l.db, "--key", "\(l.dir)/keys/\(name.replacingOccurrences(of: "/", with: "_")).key"], now: q1))
        }
        try l.must(jhf(["publish", "tiles", "--db", l.db, "--out", tiles], now: q1))
        let bundle = "\(l.dir)/export"
        try l.must(jhf("export", "--db", l.db, "--out", bundle, "--sealed"))
        let verify = try l.must(jhf("verify", "--bundle", bundle, "--json"))
        guard case .object(let o)? = try? JSONParser.parse(Array(verify.stdout.utf8)), case .string(let genesis)? = o["genesis_hash"] else {
            throw Unexpected("verify --json gave no genesis_hash: \(verify.stdout)")
        }
        let p = PortalLedger(dir: l.dir, db: l.db, tiles: tiles, site: "\(l.dir)/site", bundle: bundle, genesis: genesis)
        try l.must(p.publishSite(p.site))
        return p
    }

    /// Proposes `text` as `kind` and has both institutions approve it, at `now`.
    static func commit(_ l: DemoLedger, _ kind: String, _ name: String, _ text: String, now: String = "2026-11-20T12:00:00Z") throws {
        try write(l.input(name), text)
        guard case .object(let o)? = try? JSONParser.parse(Array(text.utf8)), case .string(let id)? = o["id"] else { throw Unexpected("no id in \(text)") }
        try l.must(jhf(["propose", "--db", l.db, "--kind", kind, "--file", l.input(name)], now: now))
        for key in ["demo-shcp-ana", "demo-usaid-ben"] {
            try l.must(jhf(["approve", "--db", l.db, "--id", id, "--key", l.key(key), "--yes"], now: now))
        }
    }
}

/// Every file under a directory, relative paths, sorted.
func filesUnder(_ dir: String) -> [String] {
    var out: [String] = []
    let e = FileManager.default.enumerator(atPath: dir)
    while let name = e?.nextObject() as? String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: "\(dir)/\(name)", isDirectory: &isDirectory), !isDirectory.boolValue { out.append(name) }
    }
    return out.sorted()
}
