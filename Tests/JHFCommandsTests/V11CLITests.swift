import Foundation
import LedgerCore
import Testing

/// A demo ledger with v1.1 entries: two commitments (one on time, one disclosed late and then
/// terminated), two payments under the first, an amendment, a suspension of a municipality in
/// force and one of a programme that was lifted.
enum V11Ledger {
    static let c1 = """
    {"id": "C-1", "title": "Rehabilitación de la planta potabilizadora", "supplier": {"name": "Ingeniería Hidráulica del Pacífico"},
     "amount": 1800000000, "currency": "MXN", "category": "humanitarian_stabilization", "program": "water", "municipality": "25006",
     "procurement_method": "open", "reference": "LP-2026-0042", "date_signed": "2026-11-01"}
    """
    static let c2 = """
    {"id": "C-2", "title": "Uniformes escolares", "supplier": {"name": "Textiles del Norte"}, "amount": 3000000, "currency": "USD",
     "category": "humanitarian_stabilization", "program": "schools", "municipality": "08037", "procurement_method": "direct",
     "reference": "", "date_signed": "2026-09-15"}
    """
    static func payment(_ id: String, amount: Int = 600000000, under: String? = "C-1", program: String = "water", municipality: String = "25006",
                        currency: String = "MXN") -> String {
        """
        {"id": "\(id)", "amount": \(amount), "currency": "\(currency)", "category": "humanitarian_stabilization",\(under.map { " \"commitment\": \"\($0)\"," } ?? "")
         "program": "\(program)", "municipality": "\(municipality)", "payee": {"name": "Ingeniería Hidráulica del Pacífico"},
         "purpose": "Avance de obra", "value_date": "2026-12-01",
         "sealed": {"payee_account": {"number": "014027000005555558", "scheme": "CLABE"}, "payee_tax_id": "", "notes": ""}}
        """
    }
    static func suspension(_ id: String, _ action: String, _ scope: String, basis: String = "human_rights") -> String {
        #"{"id": "\#(id)", "action": "\#(action)", "scope": \#(scope), "basis": "\#(basis)", "reason": "Recomendación de la CNDH"}"#
    }

    /// Proposes `text` as `kind` (saved as in/NAME.json) and co-signs it.
    static func commit(_ l: DemoLedger, _ kind: String, _ name: String, _ text: String) throws {
        try write(l.input(name), text)
        let id = try JSONParser.parse(Array(text.utf8)).id
        try l.must(jhf("propose", "--db", l.db, "--kind", kind, "--file", l.input(name)))
        try l.approve(id)
    }

    static func make() throws -> DemoLedger {
        let l = try DemoLedger.make()
        try commit(l, "commitment", "c1", c1)
        try commit(l, "commitment", "c2", c2)
        try commit(l, "disbursement", "p1", payment("P-1"))
        try commit(l, "disbursement", "p2", payment("P-2"))
        try commit(l, "amendment", "a1", #"{"id": "A-1", "commitment": "C-1", "amount": 2100000000, "reason": "Convenio modificatorio 1"}"#)
        try commit(l, "amendment", "a2", #"{"id": "A-2", "commitment": "C-2", "amount": 0, "reason": "Proveedor inhabilitado"}"#)
        try commit(l, "suspension", "s1", suspension("S-1", "suspend", #"{"municipality": "25006"}"#))
        try commit(l, "suspension", "s2", suspension("S-2", "suspend", #"{"program": "youth"}"#, basis: "audit_finding"))
        try commit(l, "suspension", "s3", suspension("S-3", "resume", #"{"program": "youth"}"#, basis: "audit_finding"))
        return l
    }
}

extension JSONValue {
    fileprivate var id: String {
        guard case .object(let o) = self, case .string(let s)? = o["id"] else { return "" }
        return s
    }
}

/// Format v1.1 through the CLI: what the officer sees, what is refused (exit 2, naming the rule,
/// nothing stored), what verify, payments export and the quarterly report say.
@Suite(.serialized) struct V11CLITests {
    @Test func theOfficerSeesTheContractAndWhatRemains() throws {
        let l = try DemoLedger.make()
        defer { l.remove() }
        try V11Ledger.commit(l, "commitment", "c1", V11Ledger.c1)
        try V11Ledger.commit(l, "disbursement", "p1", V11Ledger.payment("P-1"))
        try write(l.input("p2"), V11Ledger.payment("P-2", amount: 300000000))
        try l.must(jhf("propose", "--db", l.db, "--kind", "disbursement", "--file", l.input("p2")))
        let o = try l.must(jhf("approve", "--db", l.db, "--id", "P-2", "--key", l.key("demo-shcp-ana"), "--yes"))
        let block = o.stdout.split(separator: "\n").drop { !$0.hasPrefix("commitment C-1") }.prefix(6).joined(separator: "\n")
        #expect(block == """
            commitment C-1 (open):
              title:       Rehabilitación de la planta potabilizadora
              supplier:    Ingeniería Hidráulica del Pacífico
              value:       18,000,000.00 MXN (signed 2026-11-01)
              paid so far: 6,000,000.00 MXN net (6,000,000.00 MXN disbursed, 0.00 MXN reversed)
              remaining after this payment: 9,000,000.00 MXN
            """)
        // A suspension: what it blocks, before anyone signs.
        try write(l.input("s1"), V11Ledger.suspension("S-1", "suspend", #"{"municipality": "25006"}"#))
        try l.must(jhf("propose", "--db", l.db, "--kind", "suspension", "--file", l.input("s1")))
        let s = try l.must(jhf("approve", "--db", l.db, "--id", "S-1", "--key", l.key("demo-shcp-ana"), "--yes"))
        #expect(s.stdout.contains("\nblocks: every new payment naming municipality 25006 and every new commitment there, until a resume is co-signed; reversals and amendments stay allowed; payments already in the ledger are not ordered to the bank while it lasts.\n"), "\(s)")
        try l.must(jhf("approve", "--db", l.db, "--id", "S-1", "--key", l.key("demo-usaid-ben"), "--yes"))
        // The pending payment is now in a suspended municipality: the officer is warned, and the append refuses it.
        let w = try jhf("approve", "--db", l.db, "--id", "P-2", "--key", l.key("demo-usaid-ben"), "--yes")
        #expect(w.stdout.contains("WARNING: municipality 25006 (Culiacán, Sinaloa) is suspended (S-1, seq 6, human_rights); the ledger will refuse this payment (R15)."), "\(w)")
        #expect(w.status == 2 && w.stderr == """
            error [refused]: entry for proposal P-2 was refused by the ledger rules
              seq 7 R15 suspensions: municipality 25006 is suspended (suspension S-1 at seq 6, human_rights); no disbursement may name it

            """, "\(w)")
    }

    struct Refusal: Sendable, CustomTestStringConvertible {
        let name, kind, file, stderr: String
        var testDescription: String { name }
    }

    static let refusals: [Refusal] = [
        Refusal(name: "payment over what remains", kind: "disbursement", file: V11Ledger.payment("X-1", amount: 900000001, municipality: "08037"),
                stderr: "R14 commitments: net disbursed under commitment C-1 would be 2100000001, above its value 2100000000 (remaining 900000000)"),
        Refusal(name: "payment under a terminated commitment", kind: "disbursement",
                file: V11Ledger.payment("X-1", amount: 1, under: "C-2", program: "schools", municipality: "08037", currency: "USD"),
                stderr: "R14 commitments: commitment C-2 was terminated (amended to 0) at seq 9; nothing may be paid under it"),
        Refusal(name: "payment in a suspended municipality", kind: "disbursement", file: V11Ledger.payment("X-1", amount: 1, under: nil),
                stderr: "R15 suspensions: municipality 25006 is suspended (suspension S-1 at seq 10, human_rights); no disbursement may name it"),
        Refusal(name: "payment in another currency than its commitment", kind: "disbursement",
                file: V11Ledger.payment("X-1", amount: 1, municipality: "08037", currency: "USD"),
                stderr: "R14 commitments: commitment C-1 is in (humanitarian_stabilization, MXN); the disbursement is in (humanitarian_stabilization, USD)"),
        Refusal(name: "amendment below what is paid", kind: "amendment",
                file: #"{"id": "X-1", "commitment": "C-1", "amount": 1199999999, "reason": "Recorte"}"#,
                stderr: "R14 commitments: new value 1199999999 of commitment C-1 is below the 1200000000 already disbursed under it (net)"),
        Refusal(name: "suspend twice", kind: "suspension", file: V11Ledger.suspension("X-1", "suspend", #"{"municipality": "25006"}"#),
                stderr: "R15 suspensions: municipality 25006 is already suspended (suspension S-1 at seq 10); resume it first"),
        Refusal(name: "resume what is not suspended", kind: "suspension", file: V11Ledger.suspension("X-1", "resume", #"{"program": "youth"}"#),
                stderr: "R15 suspensions: program youth is not suspended; only a suspended scope can be resumed"),
    ]

    @Test(arguments: refusals)
    func refusedWithExit2AndNothingStored(_ r: Refusal) throws {
        let l = try V11Ledger.make()
        defer { l.remove() }
        try write(l.input("x1"), r.file)
        let o = try jhf("propose", "--db", l.db, "--kind", r.kind, "--file", l.input("x1"))
        #expect(o.status == 2 && o.stdout.isEmpty, "\(o)")
        #expect(o.stderr == "error [refused]: proposal X-1 breaks ledger rules\n  - \(r.stderr)\n", "\(o)")
        let show = try jhf("show", "--db", l.db, "--id", "X-1")
        #expect(show.status != 0 && show.stderr == "error [not_found]: id: no proposal with id X-1\n")
    }

    /// v1.1 key names may carry '/': keygen writes one file inside --out whatever the name holds.
    @Test func keygenWritesASlashedNameAsOneFile() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let o = try jhf("keygen", "--name", "witness.example.org/asf", "--role", "witness", "--institution", "ASF", "--out", dir)
        #expect(o.status == 0 && o.stdout.contains(#""name":"witness.example.org/asf""#), "\(o)")
        #expect(FileManager.default.fileExists(atPath: "\(dir)/witness.example.org_asf.key"))
        let sneaky = try jhf("keygen", "--name", "a/../../escaped", "--role", "witness", "--institution", "ASF", "--out", "\(dir)/inner")
        try? FileManager.default.createDirectory(atPath: "\(dir)/inner", withIntermediateDirectories: true)
        let again = try jhf("keygen", "--name", "a/../../escaped", "--role", "witness", "--institution", "ASF", "--out", "\(dir)/inner")
        #expect(again.status == 0 && FileManager.default.fileExists(atPath: "\(dir)/inner/a_.._.._escaped.key"), "\(sneaky) \(again)")
        #expect(!FileManager.default.fileExists(atPath: "\(dir)/escaped.key"))
        let long = try jhf("keygen", "--name", String(repeating: "w", count: 129), "--role", "witness", "--institution", "ASF", "--out", dir)
        #expect(long.status == 2 && long.stderr.contains("must match ^[a-z0-9][a-z0-9._/-]{0,127}$"), "\(long)")
    }

    @Test func aScopeWithTwoMembersIsASchemaError() throws {
        let l = try DemoLedger.make()
        defer { l.remove() }
        try write(l.input("x1"), V11Ledger.suspension("X-1", "suspend", #"{"municipality": "25006", "program": "water"}"#))
        let o = try jhf("propose", "--db", l.db, "--kind", "suspension", "--file", l.input("x1"))
        #expect(o.status == 2 && o.stderr == "error [schema]: R5 scope: must have exactly one member (program, municipality or commitment), got 2\n", "\(o)")
    }

    @Test func verifyListsCommitmentsAndActiveSuspensions() throws {
        let l = try V11Ledger.make()
        defer { l.remove() }
        let o = try l.must(jhf("verify", "--db", l.db))
        #expect(o.stdout.contains("""
            commitments:
              C-1 open: value 21,000,000.00 MXN (signed at 18,000,000.00 MXN, 1 amendment(s)); net disbursed 12,000,000.00 MXN, remaining 9,000,000.00 MXN
              C-2 terminated: value 0.00 USD (signed at 30,000.00 USD, 1 amendment(s)); net disbursed 0.00 USD, remaining 0.00 USD
            active suspensions:
              municipality 25006: since seq 10 (S-1, human_rights)
            keys:
            """), "\(o)")
        try write("\(l.dir)/report.json", try l.must(jhf("verify", "--db", l.db, "--json")).stdout)
        #expect(try validate("verify-report", ["\(l.dir)/report.json"]).status == 0)
        for name in ["c1", "c2", "p1", "a1", "s1"] { #expect(try validate("propose-input", [l.input(name)]).status == 0, "\(name)") }
        try l.must(jhf("export", "--db", l.db, "--out", "\(l.dir)/bundle", "--sealed"))
        #expect(try validate("entry", ["\(l.dir)/bundle/entries.jsonl"]).status == 0)
        try write("\(l.dir)/show.json", try l.must(jhf("show", "--db", l.db, "--id", "S-1", "--json")).stdout)
        #expect(try validate("proposal", ["\(l.dir)/show.json"]).status == 0)
    }

    @Test func paymentsInASuspendedScopeAreHeldBack() throws {
        let l = try V11Ledger.make()
        defer { l.remove() }
        let args = ["payments", "export", "--db", l.db, "--debtor-name", "JHF", "--debtor-account", "012180001234567899", "--execution-date", "2026-12-01"]
        let refused = try jhf(args + ["--ids", "P-1", "--out", "\(l.dir)/p0.xml"])
        #expect(refused.status == 2 && refused.stderr == "error [argument]: R15 ids: P-1 names municipality 25006, which is suspended (S-1 at seq 10, human_rights); it is not ordered while the suspension lasts\n", "\(refused)")
        let o = try l.must(jhf(args + ["--since", "0", "--out", "\(l.dir)/p1.xml"]))
        #expect(o.stderr == """
            skipped: 1 reversed disbursement(s): D-1
            held: P-1 is not ordered: municipality 25006 is suspended (S-1 at seq 10, human_rights); it can be ordered once resumed
            held: P-2 is not ordered: municipality 25006 is suspended (S-1 at seq 10, human_rights); it can be ordered once resumed

            """, "\(o)")
        #expect(o.stdout.contains("1 transfer(s), 48,000,000.00 USD"), "\(o)")
        #expect(!(try read("\(l.dir)/p1.xml")).contains("P-1"))
    }

    @Test(arguments: ["en", "es"])
    func theReportIsTheGoldenText(_ lang: String) throws {
        let l = try V11Ledger.make()
        defer { l.remove() }
        let o = try jhf(ReportCLITests.base + ["--db", l.db, "--lang", lang])
        #expect(o.status == 0 && o.stderr.isEmpty, "\(o)")
        let golden = Repo.path("Tests/JHFCommandsTests/Golden/report-v11-\(lang).md")
        if ProcessInfo.processInfo.environment["JHF_UPDATE_GOLDEN"] == "1" {
            var text = o.stdout
            for (placeholder, value) in try ReportCLITests.hashes(l) { text = text.replacingOccurrences(of: value, with: placeholder) }
            try write(golden, text)
        }
        var expected = try read(golden)
        for (placeholder, value) in try ReportCLITests.hashes(l) { expected = expected.replacingOccurrences(of: placeholder, with: value) }
        #expect(o.stdout == expected)
        let json = try l.must(jhf(ReportCLITests.base + ["--db", l.db, "--format", "json"]))
        try write("\(l.dir)/audit.json", json.stdout)
        #expect(try validate("audit-report", ["\(l.dir)/audit.json"]).status == 0)
    }
}
