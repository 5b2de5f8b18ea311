import Foundation
import Testing
@testable import LedgerCore

/// Bodies for v1.1 tests: commitments, amendments, suspensions, payments under commitments.
enum V11 {
    static let t = "2026-11-05T09:00:00Z"

    static func commitment(_ id: String, amount: Int64 = 500_000, currency: String = "MXN", category: Category = .humanitarianStabilization,
                           program: String = "clinics", municipality: String = "15033", title: String = "Suministro de medicamentos") -> Body {
        .commitment(CommitmentBody(id: id, title: title, supplierName: "Distribuidora Médica del Centro S.A. de C.V.", amount: amount,
                                   currency: currency, category: category, program: program, municipality: municipality,
                                   procurementMethod: .open, reference: "SHCP-JHF-2026-0042", dateSigned: "2026-11-01", proposedAt: t))
    }

    static func pay(_ id: String, under commitment: String?, amount: Int64 = 100_000, currency: String = "MXN",
                    category: Category = .humanitarianStabilization, program: String = "clinics", municipality: String = "15033",
                    purpose: String = "Entrega parcial") -> Body {
        .disbursement(DisbursementBody(id: id, amount: amount, currency: currency, category: category, program: program,
                                       municipality: municipality, payeeName: "Distribuidora Médica del Centro", purpose: purpose,
                                       valueDate: "2026-11-20", sealedDigest: Scenario.sealed(1).digest, proposedAt: t, commitment: commitment))
    }

    static func amend(_ id: String, _ commitment: String, to amount: Int64) -> Body {
        .amendment(AmendmentBody(id: id, commitment: commitment, amount: amount, reason: "Cambio de alcance", proposedAt: t))
    }

    static func suspension(_ id: String, _ scope: SuspensionScope, _ action: SuspensionBody.Action = .suspend,
                           basis: SuspensionBasis = .humanRights) -> Body {
        .suspension(SuspensionBody(id: id, action: action, scope: scope, basis: basis, reason: "Hallazgo de la CNDH", proposedAt: t))
    }

    static func reverse(_ id: String, _ target: String) -> Body {
        .reversal(ReversalBody(id: id, reverses: target, reason: "Devolución", proposedAt: t))
    }

    /// Scenario.base (seq 0–3), commitment C-1 of 500,000 MXN (seq 4), P-1 of 100,000 under it (seq 5).
    static func base() -> LedgerBuilder {
        var b = Scenario.base()
        b.append(commitment("C-1"), approvers: ["shcp-ana", "usaid-ben"], committedAt: Scenario.time(4))
        b.append(pay("P-1", under: "C-1"), approvers: ["shcp-ana", "usaid-ben"], committedAt: Scenario.time(5), sealed: Scenario.sealed(1))
        return b
    }

    static func time(_ i: Int) -> String { Scenario.time(10 + i) }
}

/// One named way to break a v1.1 rule, with the seq and rule the first failure must have
/// (SPEC §10.4: conforming verifiers agree on the first failure).
struct V11Case: Sendable, CustomTestStringConvertible {
    let rule: Rule
    let name: String
    let seq: Int64
    let make: @Sendable () -> [[UInt8]]
    var testDescription: String { "\(rule.rawValue) \(name)" }

    /// `bodies` are appended after V11.base(), signed by shcp-ana and usaid-ben; the last one is expected to fail.
    init(_ rule: Rule, _ name: String, _ bodies: [Body]) {
        self.rule = rule
        self.name = name
        seq = 6 + Int64(bodies.count) - 1
        make = {
            var b = V11.base()
            for (i, body) in bodies.enumerated() { b.append(body, approvers: ["shcp-ana", "usaid-ben"], committedAt: V11.time(i)) }
            return b.lines
        }
    }

    /// A raw body of `kind` (not decodable by the model, so built as JSON) appended after V11.base().
    init(_ rule: Rule, _ name: String, kind: String, raw: @escaping @Sendable () -> JSONValue) {
        self.rule = rule
        self.name = name
        seq = 6
        make = {
            var b = V11.base()
            b.append(line: Scenario.signedLine(b, kind: kind, body: raw(), approvers: ["shcp-ana", "usaid-ben"], committedAt: V11.time(0)))
            return b.lines
        }
    }
}

private let scopeMunicipality = SuspensionScope.municipality("15033")

let v11Cases: [V11Case] = [
    // R14 commitments
    V11Case(.r14, "payment over the commitment's remaining value", [V11.pay("P-2", under: "C-1", amount: 400_001)]),
    V11Case(.r14, "payment under a terminated commitment", [V11.reverse("R-2", "P-1"), V11.amend("A-1", "C-1", to: 0), V11.pay("P-2", under: "C-1", amount: 1)]),
    V11Case(.r14, "payment under an unknown commitment", [V11.pay("P-2", under: "C-404")]),
    V11Case(.r14, "payment under a disbursement's id", [V11.pay("P-2", under: "D-2")]),
    V11Case(.r14, "payment in another currency than its commitment", [V11.pay("P-2", under: "C-1", currency: "USD")]),
    V11Case(.r14, "payment in another category than its commitment", [V11.pay("P-2", under: "C-1", category: .institutionalStrengthening)]),
    V11Case(.r14, "second payment over the remaining value", [V11.pay("P-2", under: "C-1", amount: 300_000), V11.pay("P-3", under: "C-1", amount: 100_001)]),
    V11Case(.r14, "amendment below what is paid", [V11.amend("A-1", "C-1", to: 99_999)]),
    V11Case(.r14, "amendment to 0 with money paid", [V11.amend("A-1", "C-1", to: 0)]),
    V11Case(.r14, "amendment of a terminated commitment", [V11.reverse("R-2", "P-1"), V11.amend("A-1", "C-1", to: 0), V11.amend("A-2", "C-1", to: 10)]),
    V11Case(.r14, "amendment of an unknown commitment", [V11.amend("A-1", "C-404", to: 10)]),
    V11Case(.r14, "amendment naming a suspension", [V11.suspension("S-1", scopeMunicipality), V11.amend("A-1", "S-1", to: 10)]),
    V11Case(.r14, "payment over an amended-down value", [V11.amend("A-1", "C-1", to: 150_000), V11.pay("P-2", under: "C-1", amount: 50_001)]),
    // R15 suspensions
    V11Case(.r15, "payment in a suspended municipality", [V11.suspension("S-1", scopeMunicipality), V11.pay("P-2", under: nil)]),
    V11Case(.r15, "payment in a suspended programme", [V11.suspension("S-1", .program("clinics"), basis: .auditFinding), V11.pay("P-2", under: nil, municipality: "25006")]),
    V11Case(.r15, "payment under a suspended commitment", [V11.suspension("S-1", .commitment("C-1")), V11.pay("P-2", under: "C-1", program: "water", municipality: "25006")]),
    V11Case(.r15, "commitment in a suspended municipality", [V11.suspension("S-1", scopeMunicipality), V11.commitment("C-2")]),
    V11Case(.r15, "commitment in a suspended programme", [V11.suspension("S-1", .program("clinics")), V11.commitment("C-2", municipality: "25006")]),
    V11Case(.r15, "suspend twice", [V11.suspension("S-1", scopeMunicipality), V11.suspension("S-2", scopeMunicipality, basis: .courtOrder)]),
    V11Case(.r15, "resume what is not suspended", [V11.suspension("S-1", scopeMunicipality, .resume)]),
    V11Case(.r15, "resume twice", [V11.suspension("S-1", .program("water")), V11.suspension("S-2", .program("water"), .resume), V11.suspension("S-3", .program("water"), .resume)]),
    V11Case(.r15, "commitment scope naming no commitment", [V11.suspension("S-1", .commitment("C-404"))]),
    V11Case(.r15, "commitment scope naming a disbursement", [V11.suspension("S-1", .commitment("D-2"))]),
    // R5: the v1.1 bodies and limits
    V11Case(.r5, "scope with two members", kind: "suspension") {
        V11.suspension("S-1", scopeMunicipality).json.setting("scope", .object(["municipality": .string("15033"), "program": .string("clinics")]))
    },
    V11Case(.r5, "scope with no member", kind: "suspension") { V11.suspension("S-1", scopeMunicipality).json.setting("scope", .object([:])) },
    V11Case(.r5, "scope of an unknown name", kind: "suspension") { V11.suspension("S-1", scopeMunicipality).json.setting("scope", .object(["state": .string("25")])) },
    V11Case(.r5, "unknown suspension basis", kind: "suspension") { V11.suspension("S-1", scopeMunicipality).json.setting("basis", .string("politics")) },
    V11Case(.r5, "unknown procurement method", kind: "commitment") { V11.commitment("C-2").json.setting("procurement_method", .string("tender")) },
    V11Case(.r5, "commitment of value 0", kind: "commitment") { V11.commitment("C-2").json.setting("amount", .integer(0)) },
    V11Case(.r5, "amendment with a negative value", kind: "amendment") { V11.amend("A-1", "C-1", to: 1).json.setting("amount", .integer(-1)) },
    V11Case(.r5, "reference over 100 characters", kind: "commitment") { V11.commitment("C-2").json.setting("reference", .string(String(repeating: "R", count: 101))) },
    V11Case(.r5, "commitment member null", kind: "disbursement") { V11.pay("P-2", under: "C-1").json.setting("commitment", .null) },
    V11Case(.r5, "bidi override in a purpose (U+202E)", [V11.pay("P-2", under: nil, purpose: "Pago \u{202E}cilbup")]),
    V11Case(.r5, "C1 control in a commitment title (U+0085)", [V11.commitment("C-2", title: "Contrato\u{85}anexo")]),
    V11Case(.r5, "noncharacter in a title (U+FFFE)", [V11.commitment("C-2", title: "Contrato \u{FFFE}")]),
    V11Case(.r5, "noncharacter in a title (U+10FFFF)", [V11.commitment("C-2", title: "Contrato \u{10FFFF}")]),
    V11Case(.r5, "arabic letter mark (U+061C)", [V11.commitment("C-2", title: "Contrato \u{61C}x")]),
    V11Case(.r5, "key name of 129 characters", kind: "key_update") {
        var b = V11.base()
        let k = b.addSigner("witness.example.org/asf", institution: "ASF", role: .witness)
        let long = JSONValue.object(["institution": .string("ASF"), "name": .string(String(repeating: "w", count: 129)),
                                     "public_key": .string(k.publicKey.base64), "role": .string("witness")])
        return KeyUpdateBody(id: "K-1", add: [k], revoke: [], reason: "Witness", proposedAt: V11.t).json.setting("add", .array([long]))
    },
    V11Case(.r5, "entry over 65,535 bytes", kind: "key_update") {
        var b = LedgerBuilder(ledgerID: Scenario.ledgerID)
        let keys = (0..<300).map { i in
            b.addSigner("witness.example.org/" + String(repeating: "x", count: 100) + "/\(1000 + i)", institution: "ASF", role: .witness)
        }
        return KeyUpdateBody(id: "K-1", add: keys, revoke: [], reason: "Many witnesses", proposedAt: V11.t).json
    },
]

@Suite("v1.1 rules R14, R15 and the tightened R5: named cases")
struct CommitmentRuleTests {
    @Test("the first failure is the case's seq and rule", arguments: v11Cases)
    func firstFailure(_ c: V11Case) {
        let r = verify(c.make())
        #expect(!r.ok, "\(c.name): not detected")
        #expect(r.failures.first?.seq == c.seq && r.failures.first?.rule == c.rule, "\(c.name): expected seq \(c.seq) \(c.rule.rawValue), got \(r.failures)")
    }

    @Test func everyNewRuleHasThreeNamedCases() {
        for rule in [Rule.r14, .r15, .r5] {
            #expect(v11Cases.filter { $0.rule == rule }.count >= 3, "\(rule.rawValue)")
        }
    }

    @Test func failuresNameTheCommitmentOrScope() {
        let over = verify(V11Case(.r14, "", [V11.pay("P-2", under: "C-1", amount: 400_001)]).make())
        #expect(over.failures.map(\.description) == ["seq 6 R14 commitments: net disbursed under commitment C-1 would be 500001, above its value 500000 (remaining 400000)"])
        let suspended = verify(V11Case(.r15, "", [V11.suspension("S-1", scopeMunicipality), V11.pay("P-2", under: nil)]).make())
        #expect(suspended.failures.map(\.description) == ["seq 7 R15 suspensions: municipality 15033 is suspended (suspension S-1 at seq 6, human_rights); no disbursement may name it"])
    }

    @Test func aValidV11LedgerVerifiesWithItsCommitmentFigures() {
        var b = V11.base()
        let bodies: [Body] = [
            V11.pay("P-2", under: "C-1", amount: 150_000, municipality: "25006"),   // another municipality: allowed
            V11.amend("A-1", "C-1", to: 600_000),
            V11.reverse("R-2", "P-1"),
            V11.suspension("S-1", scopeMunicipality),
            V11.pay("P-3", under: "C-1", amount: 400_000, municipality: "25006"),   // suspension of 15033 blocks by field name only
            V11.amend("A-2", "C-1", to: 550_000),                                    // amendments stay allowed
            V11.commitment("C-2", amount: 10, municipality: "25006"),
            V11.suspension("S-2", .commitment("C-2")),
            V11.amend("A-3", "C-2", to: 0),                                          // terminate a suspended commitment
            V11.suspension("S-3", scopeMunicipality, .resume),
            V11.pay("P-4", under: nil, amount: 1),
        ]
        for (i, body) in bodies.enumerated() {
            let failures = b.append(body, approvers: ["shcp-ana", "usaid-ben"], committedAt: V11.time(i))
            #expect(failures.isEmpty, "\(body.id ?? ""): \(failures)")
        }
        let c1 = b.state.commitment("C-1")!
        #expect(c1.amount == 550_000 && c1.originalAmount == 500_000 && c1.amendments == 2)
        #expect(c1.disbursed == 650_000 && c1.reversed == 100_000 && c1.net == 550_000 && c1.remaining == 0 && c1.terminatedAt == nil)
        let c2 = b.state.commitment("C-2")!
        #expect(c2.terminatedAt == 14 && c2.remaining == 0)
        #expect(b.state.book.activeInOrder.map(\.scope) == [.commitment("C-2")])
        #expect(verify(b.lines).ok)
    }

    @Test func aFailedEntryIsNotApplied() {
        var b = V11.base()
        b.append(V11.pay("P-2", under: "C-1", amount: 400_001), approvers: ["shcp-ana", "usaid-ben"], committedAt: V11.time(0))
        #expect(b.state.commitment("C-1")!.net == 100_000)
        let ok = b.append(V11.pay("P-3", under: "C-1", amount: 400_000), approvers: ["shcp-ana", "usaid-ben"], committedAt: V11.time(1))
        #expect(ok.isEmpty)
        b.append(V11.suspension("S-1", scopeMunicipality, .resume), approvers: ["shcp-ana", "usaid-ben"], committedAt: V11.time(2))
        #expect(b.state.book.active.isEmpty)
    }

    @Test func keyNamesMayCarrySlashesUpTo128Characters() {
        var b = V11.base()
        let witness = b.addSigner("witness.example.org/asf", institution: "ASF", role: .witness)
        let log = b.addSigner("jhf-ledger/" + String(repeating: "l", count: 117), institution: "JOB", role: .log)
        let failures = b.append(.keyUpdate(KeyUpdateBody(id: "K-1", add: [log, witness], revoke: [], reason: "Witnesses", proposedAt: V11.t)),
                                approvers: ["shcp-ana", "usaid-ben"], committedAt: V11.time(0))
        #expect(failures.isEmpty, "\(failures)")
        #expect(FieldRules.keyName(String(repeating: "a", count: 128)) == nil)
        #expect(FieldRules.keyName(String(repeating: "a", count: 129)) != nil)
        #expect(FieldRules.keyName("/leading-slash") != nil)
    }

    @Test func theProposalCheckRefusesWhatTheReplayWould() {
        let b = V11.base()
        let failures = b.state.checkProposal(V11.pay("P-2", under: "C-1", amount: 400_001))
        #expect(failures.map(\.rule) == [.r14])
        #expect(b.state.checkProposal(V11.suspension("S-1", scopeMunicipality, .resume)).map(\.rule) == [.r15])
        #expect(b.state.checkProposal(V11.pay("P-2", under: "C-1", amount: 400_000)).isEmpty)
    }

    @Test func aProposalThatCouldNotFitAnEntryIsRefused() {
        var b = V11.base()
        let keys = (0..<280).map { i in
            b.addSigner("witness.example.org/" + String(repeating: "y", count: 100) + "/\(1000 + i)", institution: "ASF", role: .witness)
        }
        let failures = b.state.checkProposal(.keyUpdate(KeyUpdateBody(id: "K-1", add: keys, revoke: [], reason: "Many", proposedAt: V11.t)))
        #expect(failures.map(\.rule) == [.r5], "\(failures)")
        #expect(failures.first?.message.contains("65535") ?? false)
    }
}
