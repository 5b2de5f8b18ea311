import Foundation
import Testing

/// What the tools write matches Schemas/, and the schemas refuse what the format refuses.
@Suite(.serialized) struct SchemaTests {
    @Test func everySchemaIsValidDraft2020_12() throws {
        let o = try run("/usr/bin/env", ["python3", Repo.path("Tests/Tools/validate_schema.py"), Repo.path("Schemas"), "--check"])
        #expect(o.status == 0, "\(o)")
        #expect(o.stdout.contains("23 schemas are valid"))
    }

    @Test func whatTheToolsWriteMatchesTheSchemas() throws {
        let l = try DemoLedger.make()
        defer { l.remove() }
        // keygen: the secret key file and the printed key object.
        let keygen = try l.must(jhf("keygen", "--name", "gao-witness", "--role", "witness", "--institution", "GAO", "--out", "\(l.dir)/keys"))
        try write("\(l.dir)/key-object.json", keygen.stdout)
        // propose: its input files and its output.
        try write("\(l.dir)/in/d3.json", DemoLedger.d1.replacingOccurrences(of: "\"D-1\"", with: "\"D-3\""))
        let proposed = try l.must(jhf("propose", "--db", l.db, "--kind", "disbursement", "--file", "\(l.dir)/in/d3.json"))
        try write("\(l.dir)/propose-output.json", proposed.stdout)
        // export, verify, show, list.
        try l.must(jhf("export", "--db", l.db, "--out", "\(l.dir)/bundle", "--sealed"))
        try write("\(l.dir)/report.json", try l.must(jhf("verify", "--bundle", "\(l.dir)/bundle", "--json")).stdout)
        try write("\(l.dir)/report-db.json", try l.must(jhf("verify", "--db", l.db, "--json")).stdout)
        try write("\(l.dir)/show-d1.json", try l.must(jhf("show", "--db", l.db, "--id", "D-1", "--json")).stdout)
        try write("\(l.dir)/show-genesis.json", try l.must(jhf("show", "--db", l.db, "--id", "genesis", "--json")).stdout)
        try write("\(l.dir)/list.jsonl", try l.must(jhf("list", "--db", l.db, "--json")).stdout)

        let checks: [(String, [String])] = [
            ("secret-key", ["\(l.dir)/keys/gao-witness.key", l.key("demo-shcp-ana")]),
            ("key", ["\(l.dir)/key-object.json"]),
            ("propose-input", [l.input("d1"), l.input("d2"), l.input("r1")]),
            ("propose-output", ["\(l.dir)/propose-output.json"]),
            ("entry", ["\(l.dir)/bundle/entries.jsonl"]),
            ("sealed-line", ["\(l.dir)/bundle/sealed.jsonl"]),
            ("verify-report", ["\(l.dir)/report.json", "\(l.dir)/report-db.json"]),
            ("proposal", ["\(l.dir)/show-d1.json", "\(l.dir)/show-genesis.json", "\(l.dir)/list.jsonl"]),
        ]
        for (schema, files) in checks {
            let o = try validate(schema, files)
            #expect(o.status == 0, "\(schema): \(o)")
        }
        #expect(try read("\(l.dir)/bundle/entries.jsonl").split(separator: "\n").count == 4)
    }

    @Test func goldenBundleMatchesTheSchemas() throws {
        let golden = Repo.path("Tests/LedgerCoreTests/Fixtures/golden")
        #expect(try validate("entry", ["\(golden)/entries.jsonl"]).status == 0)
        #expect(try validate("sealed-line", ["\(golden)/sealed.jsonl"]).status == 0)
    }

    /// A valid document, one edit, and the schema that must refuse the result.
    struct Refusal: Sendable, CustomTestStringConvertible {
        let name: String
        let schema: String
        let document: String
        var testDescription: String { "\(schema): \(name)" }
    }

    static let entry = #"{"approvals":[{"key":"a","signature":"SIG"},{"key":"b","signature":"SIG"}],"body":BODY,"committed_at":"2026-11-02T10:00:00Z","kind":"reversal","ledger_id":"jhf.x.y","prev_hash":"HASH","seq":3}"#
    static let reversal = #"{"id":"R-1","proposed_at":"2026-11-02T09:00:00Z","reason":"Cancelled","reverses":"D-1"}"#
    static let sig = String(repeating: "A", count: 86) + "=="
    static let hash = String(repeating: "ab", count: 32)
    static func entryWith(_ edits: [(String, String)] = [], body: String = reversal) -> String {
        var s = entry.replacingOccurrences(of: "BODY", with: body).replacingOccurrences(of: "SIG", with: sig).replacingOccurrences(of: "HASH", with: hash)
        for (from, to) in edits { s = s.replacingOccurrences(of: from, with: to) }
        return s
    }
    static let key = #"{"institution":"SHCP","name":"shcp-ana","public_key":"PK","role":"approver"}"#.replacingOccurrences(of: "PK", with: String(repeating: "A", count: 43) + "=")
    static let sealed = #"{"notes":"","payee_account":{"number":"002010077777777771","scheme":"CLABE"},"payee_tax_id":"","salt":"AAAAAAAAAAAAAAAAAAAAAA=="}"#

    /// A quarterly report as `jhf report --format json` writes it (the demo ledger's first two entries).
    static let audit = #"{"budget_changes":[{"budgets":[{"amount":120000000000,"category":"humanitarian_stabilization","currency":"USD","previous":null}],"committed_at":"2026-11-20T12:00:00Z","id":null,"reason":null,"seq":0}],"commitments":{"events":[],"paid":[]},"disclosure_clock":{"commitments":[],"days_max":30,"late":0,"on_time":0},"suspensions":[],"budget_use":{"as_of_seq":1,"rows":[{"category":"humanitarian_stabilization","currency":"MXN","disbursed":250000000,"envelope":null,"net":250000000,"remaining":null,"reversed":0,"used_basis_points":null},{"category":"humanitarian_stabilization","currency":"USD","disbursed":0,"envelope":120000000000,"net":0,"remaining":120000000000,"reversed":0,"used_basis_points":0}]},"disclosure":{"disbursements":[{"amount":250000000,"category":"humanitarian_stabilization","committed_at":"2026-11-20T12:00:00Z","currency":"MXN","id":"D-1","municipality":"15033","municipality_name":"Ecatepec de Morelos","payee":"Clínica Comunitaria San Cristóbal","program":"clinics","purpose":"Medicines and staff","reversed_by":null,"seq":1,"state_name":"México","value_date":"2026-11-25"}],"thresholds":[{"amount":43000000,"currency":"MXN"},{"amount":2500000,"currency":"USD"}]},"entries_in_period":{"by_kind":{"amendment":0,"budget_update":0,"commitment":0,"disbursement":1,"genesis":1,"key_update":0,"reversal":0,"suspension":0},"count":2,"first_seq":0,"last_seq":1},"key_changes":[],"period":{"from":"2026-10-01T00:00:00Z","to":"2026-12-31T23:59:59Z"},"quarter":"2026Q4","report":"jhf-quarterly-audit","reversals":[],"totals_by_category":[{"category":"humanitarian_stabilization","currency":"MXN","disbursed":250000000,"disbursements":1,"net":250000000,"reversals":0,"reversed":0}],"totals_by_currency":[{"currency":"MXN","disbursed":250000000,"disbursements":1,"net":250000000,"reversals":0,"reversed":0}],"totals_by_municipality":[{"currency":"MXN","disbursed":250000000,"disbursements":1,"municipality":"15033","municipality_name":"Ecatepec de Morelos","net":250000000,"reversals":0,"reversed":0,"state_name":"México"}],"totals_by_program":[{"currency":"MXN","disbursed":250000000,"disbursements":1,"net":250000000,"program":"clinics","reversals":0,"reversed":0}],"verification":{"checkpoint":null,"entries":2,"failure_count":0,"failures":[],"genesis_hash":"81c32bef39f79d4a1b41f4133b5a6d48f9db23f4def64822689f74e73cee11c9","head_hash":"cf29b6b69d614f22b0ceccdf5810b52bfd3207d162c4aa95d6b7eda473383446","ledger_id":"jhf.cli.test","ok":true,"root":"e9817174e4157c010d328caf2bb4095fadc1ac1bbfed028b2a02ed349003acfe","title":"CLI test ledger"},"version":2}"#

    static let refusals: [Refusal] = [
        Refusal(name: "extra member", schema: "entry", document: entryWith([(#""seq":3"#, #""seq":3,"extra":1"#)])),
        Refusal(name: "fractional seq", schema: "entry", document: entryWith([(#""seq":3"#, #""seq":3.5"#)])),
        Refusal(name: "negative seq", schema: "entry", document: entryWith([(#""seq":3"#, #""seq":-3"#)])),
        Refusal(name: "three approvals", schema: "entry", document: entryWith([(#"{"key":"a""#, #"{"key":"c","signature":"\#(sig)"},{"key":"a""#)])),
        Refusal(name: "short signature", schema: "entry", document: entryWith([(sig, "AAAA")])),
        Refusal(name: "uppercase hash", schema: "entry", document: entryWith([(hash, hash.uppercased())])),
        Refusal(name: "unknown kind", schema: "entry", document: entryWith([(#""kind":"reversal""#, #""kind":"refund""#)])),
        Refusal(name: "timestamp with fraction", schema: "entry", document: entryWith([("10:00:00Z", "10:00:00.5Z")])),
        Refusal(name: "body of another kind", schema: "entry", document: entryWith(body: #"{"id":"B-1","budgets":[],"reason":"r","proposed_at":"2026-11-02T09:00:00Z"}"#)),
        Refusal(name: "reason with leading space", schema: "entry", document: entryWith([(#""reason":"Cancelled""#, #""reason":" Cancelled""#)])),
        Refusal(name: "reason with control character", schema: "entry", document: entryWith([(#""reason":"Cancelled""#, #""reason":"Can\u0007celled""#)])),
        Refusal(name: "empty reason", schema: "entry", document: entryWith([(#""reason":"Cancelled""#, #""reason":"""#)])),
        Refusal(name: "reason with a bidi override (v1.1)", schema: "entry", document: entryWith([(#""reason":"Cancelled""#, #""reason":"Can\u202ecelled""#)])),
        Refusal(name: "reason with a C1 control (v1.1)", schema: "entry", document: entryWith([(#""reason":"Cancelled""#, #""reason":"Can\u0085celled""#)])),
        Refusal(name: "reason with a noncharacter (v1.1)", schema: "entry", document: entryWith([(#""reason":"Cancelled""#, #""reason":"Can\ufdd0celled""#)])),
        Refusal(name: "suspension scope with two members", schema: "entry", document: entryWith([(#""kind":"reversal""#, #""kind":"suspension""#)],
            body: #"{"action":"suspend","basis":"human_rights","id":"S-1","proposed_at":"2026-11-02T09:00:00Z","reason":"r","scope":{"municipality":"25006","program":"water"}}"#)),
        Refusal(name: "unknown suspension basis", schema: "entry", document: entryWith([(#""kind":"reversal""#, #""kind":"suspension""#)],
            body: #"{"action":"suspend","basis":"politics","id":"S-1","proposed_at":"2026-11-02T09:00:00Z","reason":"r","scope":{"program":"water"}}"#)),
        Refusal(name: "commitment of value 0", schema: "entry", document: entryWith([(#""kind":"reversal""#, #""kind":"commitment""#)],
            body: #"{"amount":0,"category":"oversight_governance","currency":"MXN","date_signed":"2026-11-01","id":"C-1","municipality":"25006","procurement_method":"open","program":"water","proposed_at":"2026-11-02T09:00:00Z","reference":"","supplier":{"name":"S"},"title":"T"}"#)),
        Refusal(name: "unknown procurement method", schema: "propose-input", document: #"{"amount":1,"category":"oversight_governance","currency":"MXN","date_signed":"2026-11-01","id":"C-1","municipality":"25006","procurement_method":"tender","program":"water","reference":"","supplier":{"name":"S"},"title":"T"}"#),
        Refusal(name: "key name of 129 characters", schema: "key", document: key.replacingOccurrences(of: "shcp-ana", with: String(repeating: "a", count: 129))),
        Refusal(name: "approver of another institution", schema: "key", document: key.replacingOccurrences(of: "SHCP", with: "ASF")),
        Refusal(name: "name with capital", schema: "key", document: key.replacingOccurrences(of: "shcp-ana", with: "Shcp-ana")),
        Refusal(name: "non-canonical base64 key", schema: "key", document: key.replacingOccurrences(of: "AAA=", with: "AAB=")),
        Refusal(name: "unknown role", schema: "key", document: key.replacingOccurrences(of: "approver", with: "auditor")),
        Refusal(name: "scheme other than CLABE", schema: "sealed-record", document: sealed.replacingOccurrences(of: "CLABE", with: "IBAN")),
        Refusal(name: "17-digit account", schema: "sealed-record", document: sealed.replacingOccurrences(of: "002010077777777771", with: "00201007777777777")),
        Refusal(name: "lowercase RFC", schema: "sealed-record", document: sealed.replacingOccurrences(of: #""payee_tax_id":"""#, with: #""payee_tax_id":"mab9307148t4""#)),
        Refusal(name: "salt of 15 bytes", schema: "sealed-record", document: sealed.replacingOccurrences(of: "AAAAAAAAAAAAAAAAAAAAAA==", with: "AAAAAAAAAAAAAAAAAAAA")),
        Refusal(name: "proposed_at given", schema: "propose-input", document: #"{"id":"R-1","reason":"r","reverses":"D-1","proposed_at":"2026-11-02T09:00:00Z"}"#),
        Refusal(name: "sealed_digest instead of sealed", schema: "propose-input", document: DemoLedger.d1.replacingOccurrences(of: #""sealed": {"#, with: #""sealed_digest": "\#(hash)", "x": {"#)),
        Refusal(name: "key update adding and revoking nothing", schema: "propose-input", document: #"{"id":"K-1","add":[],"revoke":[],"reason":"r"}"#),
        Refusal(name: "rule R16", schema: "verify-report", document: #"{"ok":false,"ledger_id":null,"title":null,"entries":0,"genesis_hash":null,"head_hash":null,"failure_count":1,"failures":[{"seq":null,"rule":"R16","message":"m"}],"totals":[],"keys":[]}"#),
        Refusal(name: "quarter 5", schema: "audit-report", document: audit.replacingOccurrences(of: #""quarter":"2026Q4""#, with: #""quarter":"2026Q5""#)),
        Refusal(name: "negative amount disbursed", schema: "audit-report", document: audit.replacingOccurrences(of: #""disbursed":250000000,"disbursements":1,"municipality""#, with: #""disbursed":-250000000,"disbursements":1,"municipality""#)),
        Refusal(name: "amount in major units", schema: "audit-report", document: audit.replacingOccurrences(of: #""amount":43000000"#, with: #""amount":430000.5"#)),
        Refusal(name: "no thresholds", schema: "audit-report", document: audit.replacingOccurrences(of: #""thresholds":[{"amount":43000000,"currency":"MXN"},{"amount":2500000,"currency":"USD"}]"#, with: #""thresholds":[]"#)),
        Refusal(name: "sealed data in a disclosure", schema: "audit-report", document: audit.replacingOccurrences(of: #""payee":"Clínica"#, with: #""payee_account":"002010077777777771","payee":"Clínica"#)),
        Refusal(name: "four-digit municipality", schema: "audit-report", document: audit.replacingOccurrences(of: #""municipality":"15033","municipality_name":"Ecatepec de Morelos","payee""#, with: #""municipality":"1503","municipality_name":"Ecatepec de Morelos","payee""#)),
        Refusal(name: "unknown report version", schema: "audit-report", document: audit.replacingOccurrences(of: #""version":2"#, with: #""version":3"#)),
        Refusal(name: "missing failures", schema: "verify-report", document: #"{"ok":true,"ledger_id":null,"title":null,"entries":0,"genesis_hash":null,"head_hash":null,"failure_count":0,"totals":[],"keys":[]}"#),
    ]

    @Test func theValidBaseDocumentsPass() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let witness = Self.key.replacingOccurrences(of: "shcp-ana", with: "witness.example.org/asf").replacingOccurrences(of: "SHCP", with: "ASF")
            .replacingOccurrences(of: "approver", with: "witness")
        for (schema, doc) in [("entry", Self.entryWith()), ("key", Self.key), ("key", witness), ("sealed-record", Self.sealed),
                              ("propose-input", DemoLedger.d1), ("audit-report", Self.audit)] {
            try write("\(dir)/doc.json", doc)
            let o = try validate(schema, ["\(dir)/doc.json"])
            #expect(o.status == 0, "\(schema): \(o)")
        }
    }

    @Test(arguments: refusals)
    func schemaRefuses(_ r: Refusal) throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try write("\(dir)/doc.json", r.document)
        let o = try validate(r.schema, ["\(dir)/doc.json"])
        #expect(o.status == 1, "\(o)")
    }
}
