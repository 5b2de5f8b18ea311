import Foundation
import Testing
@testable import LedgerCore

/// The golden bundle: a small ledger built from fixed seeds, salts and times, committed
/// under Fixtures/golden. Any change to the format (canonical JSON, hashing, signing,
/// field order) changes these bytes and fails here.
///
/// To regenerate after a deliberate format change: `JHF_WRITE_GOLDEN=1 swift test
/// --filter GoldenTests`, then update `expectedHashes` by hand and say why in the commit.
enum Golden {
    static let ledgerID = "jhf.golden.v1"

    /// Fixed 16-byte salts: SHA-256("golden-salt:" + id), first 16 bytes.
    static func salt(_ id: String) -> [UInt8] { Array(Hash.sha256(Array("golden-salt:\(id)".utf8)).bytes.prefix(16)) }

    static func sealed(_ id: String, account: String, rfc: String, notes: String) -> SealedRecord {
        try! SealedRecord(accountNumber: account, payeeTaxID: rfc, notes: notes, salt: salt(id))
    }

    static func disbursement(_ id: String, _ amount: Int64, _ currency: String, _ category: Category, program: String,
                             municipality: String, payee: String, purpose: String, sealed: SealedRecord, day: Int) -> Body {
        .disbursement(DisbursementBody(
            id: id, amount: amount, currency: currency, category: category, program: program, municipality: municipality,
            payeeName: payee, purpose: purpose, valueDate: "2026-12-\(String(format: "%02d", day))",
            sealedDigest: sealed.digest, proposedAt: "2026-11-\(String(format: "%02d", day))T09:00:00Z"))
    }

    /// Every body kind, non-ASCII NFC text, a key rotation and a key used only after it.
    static func build() -> LedgerBuilder {
        var b = LedgerBuilder(ledgerID: ledgerID)
        let keys = [
            b.addSigner("golden-shcp-ana", institution: "SHCP"), b.addSigner("golden-shcp-carlos", institution: "SHCP"),
            b.addSigner("golden-usaid-ben", institution: "USAID"), b.addSigner("golden-usaid-dana", institution: "USAID"),
            b.addSigner("golden-job-log", institution: "JOB", role: .log),
        ].sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        let genesis = GenesisBody(
            title: "Fondo Humanitario Conjunto — golden ledger", currencies: ["MXN", "USD"], keys: keys,
            budgets: [Budget(category: .humanitarianStabilization, currency: "MXN", amount: 500_000_000_00),
                      Budget(category: .humanitarianStabilization, currency: "USD", amount: 120_000_000_00),
                      Budget(category: .oversightGovernance, currency: "USD", amount: 5_000_000_00)],
            createdAt: "2026-11-01T08:00:00Z")
        let ana = "golden-shcp-ana", carlos = "golden-shcp-carlos", ben = "golden-usaid-ben", dana = "golden-usaid-dana"
        b.append(.genesis(genesis), approvers: [ana, ben], committedAt: "2026-11-01T08:00:00Z")

        let s1 = sealed("D-0001", account: "002010077777777771", rfc: "MAB9307148T4", notes: "Contrato SHCP-JHF-118")
        b.append(disbursement("D-0001", 2_500_000_00, "MXN", .humanitarianStabilization, program: "clinics", municipality: "15033",
                              payee: "Clínica Comunitaria San Cristóbal", purpose: "Medicamentos y personal, cuarto trimestre", sealed: s1, day: 2),
                 approvers: [ana, ben], committedAt: "2026-11-02T10:00:00Z", sealed: s1)
        let s2 = sealed("D-0002", account: "032180000118359719", rfc: "", notes: "")
        b.append(disbursement("D-0002", 48_000_000_00, "USD", .humanitarianStabilization, program: "food_aid", municipality: "08037",
                              payee: "Banco de Alimentos de Ciudad Juárez A.C.", purpose: "Food baskets for 12,000 families", sealed: s2, day: 3),
                 approvers: [carlos, dana], committedAt: "2026-11-03T10:00:00Z", sealed: s2)
        let s3 = sealed("D-0003", account: "014027000005555558", rfc: "GODE561231GR8", notes: "")
        b.append(disbursement("D-0003", 15_000_000_00, "USD", .humanitarianStabilization, program: "water", municipality: "25006",
                              payee: "Comisión de Agua Potable de Culiacán", purpose: "Water purification plant repairs", sealed: s3, day: 4),
                 approvers: [ana, dana], committedAt: "2026-11-04T10:00:00Z", sealed: s3)
        b.append(.reversal(ReversalBody(id: "R-0001", reverses: "D-0003", reason: "Contract cancelled; funds returned",
                                        proposedAt: "2026-11-05T09:00:00Z")),
                 approvers: [carlos, ben], committedAt: "2026-11-05T10:00:00Z")
        b.append(.budgetUpdate(BudgetUpdateBody(id: "B-0001", budgets: [Budget(category: .institutionalStrengthening, currency: "USD", amount: 80_000_000_00)],
                                                reason: "Envelope for institutional strengthening, year 1", proposedAt: "2026-11-06T09:00:00Z")),
                 approvers: [ana, ben], committedAt: "2026-11-06T10:00:00Z")
        let elena = b.addSigner("golden-shcp-elena", institution: "SHCP")
        b.append(.keyUpdate(KeyUpdateBody(id: "K-0001", add: [elena], revoke: [ana], reason: "Officer rotation",
                                          proposedAt: "2026-11-07T09:00:00Z")),
                 approvers: [ana, ben], committedAt: "2026-11-07T10:00:00Z")
        let s4 = sealed("D-0004", account: "014028000005555557", rfc: "", notes: "Primer trimestre")
        b.append(disbursement("D-0004", 900_000_00, "MXN", .humanitarianStabilization, program: "youth", municipality: "12001",
                              payee: "Casa de la Juventud de Acapulco", purpose: "Programa extraescolar", sealed: s4, day: 8),
                 approvers: ["golden-shcp-elena", dana], committedAt: "2026-11-08T10:00:00Z", sealed: s4)
        return b
    }

    /// entry_hash of each line of Fixtures/golden/entries.jsonl.
    static let expectedHashes: [String] = [
        "855222a489adfa87e61f5885efe674913dfaf4c20c55961f7e38144b80367a5a",
        "9ccfa694d856dd9efd6eb320591d7d910ea0ed0581b1af71b2914dc3d202febd",
        "bb5e2935734c1dda3748ade823ed982ad73e1b0c264d2aa64f187bff59195716",
        "b02146c033edd0dc906da2b9441c66a3503e33f1394b38befadee01fd8aaa574",
        "13aa02259bcad1e4d263bab7dca8f7b4cdb90bdceb235c837631fff1b787feb1",
        "788a4751b3619052318f7022b2d472e35b33fb6763c8e499cc5b19ec812ca817",
        "0a8d0042917017162820dd1da1262530b31b9326c99aa3acd1a478d5c184d320",
        "d8d5a76ead54b0cd2a404ed27acb5232a7bad2eba8df72c3bfcf8a688e53badb",
    ]
}

@Suite struct GoldenTests {
    let built = Golden.build()

    @Test func goldenChainIsValidAsBuilt() {
        let report = verify(built.lines, sealed: built.sealedFile.split(separator: 0x0A).map(Array.init))
        #expect(report.ok, "\(report.failures)")
        #expect(report.entries == 8)
    }

    @Test func committedBytesEqualTheBuiltOnes() throws {
        if ProcessInfo.processInfo.environment["JHF_WRITE_GOLDEN"] == "1" {
            let dir = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/golden")
            let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/golden")
            for d in [dir, source] {
                try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
                try Data(built.entriesFile).write(to: d.appendingPathComponent("entries.jsonl"))
                try Data(built.sealedFile).write(to: d.appendingPathComponent("sealed.jsonl"))
            }
            print(built.lines.map { "        \"\(Hash.leaf($0).hex)\"," }.joined(separator: "\n"))
        }
        #expect(Array(try fixture("golden/entries.jsonl")) == built.entriesFile)
        #expect(Array(try fixture("golden/sealed.jsonl")) == built.sealedFile)
    }

    /// The store builds entries around stored canonical body bytes; that must give the same bytes.
    @Test func entryBuiltAroundCanonicalBodyBytesIsIdentical() throws {
        for line in splitLines(Array(try fixture("golden/entries.jsonl"))) {
            let e = try Entry(json: try JSONParser.parse(line.bytes))
            let spliced = Entry.canonicalBytes(seq: e.seq, ledgerID: e.ledgerID, prevHash: e.prevHash, committedAt: e.committedAt,
                                               kind: e.kind, canonicalBody: e.body.json.canonicalBytes, approvals: e.approvals)
            #expect(spliced == line.bytes)
        }
    }

    @Test func committedEntryHashesAreTheExpectedOnes() throws {
        let lines = splitLines(Array(try fixture("golden/entries.jsonl")))
        #expect(lines.map { Hash.leaf($0.bytes).hex } == Golden.expectedHashes)
        let report = verify(lines.map(\.bytes), sealed: splitLines(Array(try fixture("golden/sealed.jsonl"))).map(\.bytes),
                            pinned: try Hash(hex: Golden.expectedHashes.first ?? ""))
        #expect(report.ok, "\(report.failures)")
        #expect(report.headHash?.hex == Golden.expectedHashes.last)
    }

    /// A sealed record's bytes and digest, kept from its construction, are JCS of the record as
    /// decoded, whatever the form of the JSON it was read from.
    @Test func sealedRecordKeepsItsCanonicalBytesAndDigest() throws {
        let text = #"{"salt":"AAECAwQFBgcICQoLDA0ODw==","payee_tax_id":"MAB9307148T4","notes":"Cl\u00ednica","payee_account":{"scheme":"CLABE","number":"002010077777777771"}}"#
        let r = try SealedRecord(json: try JSONParser.parse(Array(text.utf8)), path: "sealed")
        #expect(r.canonicalBytes == r.json.canonicalBytes)
        #expect(r.digest == Hash.sha256(r.json.canonicalBytes))
        #expect(String(decoding: r.canonicalBytes, as: UTF8.self)
            == #"{"notes":"Clínica","payee_account":{"number":"002010077777777771","scheme":"CLABE"},"payee_tax_id":"MAB9307148T4","salt":"AAECAwQFBgcICQoLDA0ODw=="}"#)
        let built = try SealedRecord(accountNumber: "002010077777777771", payeeTaxID: "MAB9307148T4", notes: "Clínica", salt: Array(0..<16))
        #expect(built == r)
        #expect(built.digest == r.digest)
    }
}
