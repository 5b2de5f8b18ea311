import Foundation
import Testing
@testable import LedgerCore

/// A ledger across three quarters, for the quarterly report: genesis and one disbursement in
/// 2026Q3 (the last on its last second), seven entries in 2026Q4 (from its first second to its
/// last), and one disbursement in 2027Q1.
struct QuarterScenario {
    static let usd25k: Int64 = 2_500_000
    static let thresholds: [String: Int64] = ["USD": usd25k, "MXN": 43_000_000]

    static func disbursement(_ id: String, _ amount: Int64, _ currency: String, program: String, municipality: String,
                             category: Category = .humanitarianStabilization, payee: String = "Clínica San Cristóbal", n: Int) -> Body {
        .disbursement(DisbursementBody(
            id: id, amount: amount, currency: currency, category: category, program: program, municipality: municipality,
            payeeName: payee, purpose: "Supplies", valueDate: "2026-10-20", sealedDigest: Scenario.sealed(n).digest,
            proposedAt: "2026-09-01T00:00:00Z"))
    }

    static func make() -> LedgerBuilder {
        var b = LedgerBuilder(ledgerID: Scenario.ledgerID)
        let keys = [
            b.addSigner("shcp-ana", institution: "SHCP"), b.addSigner("usaid-ben", institution: "USAID"),
            b.addSigner("usaid-dana", institution: "USAID"), b.addSigner("job-log", institution: "JOB", role: .log),
        ].sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        let genesis = GenesisBody(title: "Quarter ledger", currencies: ["MXN", "USD"], keys: keys, budgets: [
            Budget(category: .humanitarianStabilization, currency: "MXN", amount: 1_000_000_000),
            Budget(category: .humanitarianStabilization, currency: "USD", amount: 10_000_000),
            Budget(category: .oversightGovernance, currency: "USD", amount: 5_000_000),
        ], createdAt: "2026-09-01T00:00:00Z")
        let ab = ["shcp-ana", "usaid-ben"]
        func add(_ body: Body, _ at: String, _ approvers: [String] = ab) {
            let failures = b.append(body, approvers: approvers, committedAt: at)
            precondition(failures.isEmpty, "scenario entry refused: \(failures)")
        }
        add(.genesis(genesis), "2026-09-01T00:00:00Z")
        add(disbursement("D-Q3", 3_000_000, "USD", program: "clinics", municipality: "15033", n: 1), "2026-09-30T23:59:59Z")
        add(disbursement("D-A", usd25k, "USD", program: "food_aid", municipality: "08037", payee: "Banco de Alimentos <Juárez> & \"Hijos\"", n: 2),
            "2026-10-01T00:00:00Z")
        add(disbursement("D-B", usd25k - 1, "USD", program: "clinics", municipality: "15033", n: 3), "2026-10-15T08:00:00Z")
        add(disbursement("D-C", 50_000_000, "MXN", program: "water", municipality: "32999", n: 4), "2026-11-01T08:00:00Z")
        add(.reversal(ReversalBody(id: "R-1", reverses: "D-Q3", reason: "Duplicate payment", proposedAt: "2026-11-01T00:00:00Z")),
            "2026-11-02T08:00:00Z")
        add(.reversal(ReversalBody(id: "R-2", reverses: "D-A", reason: "Payee | closed", proposedAt: "2026-11-01T00:00:00Z")),
            "2026-11-03T08:00:00Z")
        let eve = b.addSigner("usaid-eve", institution: "USAID")
        add(.keyUpdate(KeyUpdateBody(id: "K-1", add: [eve], revoke: ["usaid-dana"], reason: "Rotation", proposedAt: "2026-11-01T00:00:00Z")),
            "2026-11-04T08:00:00Z")
        add(.budgetUpdate(BudgetUpdateBody(id: "B-1", budgets: [
            Budget(category: .institutionalStrengthening, currency: "USD", amount: 1_000_000),
            Budget(category: .oversightGovernance, currency: "USD", amount: 6_000_000),
        ], reason: "Year-end revision", proposedAt: "2026-11-01T00:00:00Z")), "2026-12-31T23:59:59Z", ["shcp-ana", "usaid-eve"])
        add(disbursement("D-Q1", 4_000_000, "USD", program: "clinics", municipality: "15033", n: 5), "2027-01-01T00:00:00Z",
            ["shcp-ana", "usaid-eve"])
        return b
    }

    /// Verifies `lines` and gathers the report for `quarter`.
    static func report(_ lines: [[UInt8]], _ quarter: String, thresholds: [String: Int64] = thresholds, jobs: Int = 1) throws -> AuditReport {
        var v = Verifier(jobs: jobs, audit: AuditCollector(quarter: try Quarter(quarter), thresholds: thresholds))
        v.feed(lines.map { Line(bytes: $0) })
        let verdict = v.finish()
        return try #require(try v.auditReport(verdict))
    }
}

@Suite("Quarterly audit report")
struct AuditReportTests {
    typealias T = AuditReport.PeriodTotals

    static func totals(_ d: Int64, _ disbursed: Int64, _ r: Int64, _ reversed: Int64) -> T {
        var t = T()
        t.disbursements = d
        t.disbursed = disbursed
        t.reversals = r
        t.reversed = reversed
        return t
    }

    @Test func quarterFiguresFromTheReplay() throws {
        let b = QuarterScenario.make()
        let r = try QuarterScenario.report(b.lines, "2026Q4")
        #expect(r.verification.ok)
        #expect(r.verification.entries == 10)
        #expect(r.entryCount == 7 && r.firstSeq == 2 && r.lastSeq == 8)
        #expect(r.countsByKind == [.disbursement: 3, .reversal: 2, .keyUpdate: 1, .budgetUpdate: 1])
        let hMXN = BudgetPair(category: .humanitarianStabilization, currency: "MXN")
        let hUSD = BudgetPair(category: .humanitarianStabilization, currency: "USD")
        // R-1 reverses a 2026Q3 disbursement: it counts in 2026Q4, under D-Q3's category, program and municipality.
        #expect(r.byCategory == [.init(pair: hMXN, totals: Self.totals(1, 50_000_000, 0, 0)),
                                 .init(pair: hUSD, totals: Self.totals(2, 4_999_999, 2, 5_500_000))])
        #expect(r.byCategory[1].totals.net == -500_001)
        #expect(r.byCurrency == [.init(currency: "MXN", totals: Self.totals(1, 50_000_000, 0, 0)),
                                 .init(currency: "USD", totals: Self.totals(2, 4_999_999, 2, 5_500_000))])
        #expect(r.byProgram == [.init(program: "clinics", currency: "USD", totals: Self.totals(1, 2_499_999, 1, 3_000_000)),
                                .init(program: "food_aid", currency: "USD", totals: Self.totals(1, 2_500_000, 1, 2_500_000)),
                                .init(program: "water", currency: "MXN", totals: Self.totals(1, 50_000_000, 0, 0))])
        #expect(r.byMunicipality.map(\.code) == ["08037", "15033", "32999"])
        #expect(r.byMunicipality[0].name == Municipalities.Name(state: "Chihuahua", municipality: "Juárez"))
        #expect(r.byMunicipality[1].totals == Self.totals(1, 2_499_999, 1, 3_000_000))
        #expect(r.byMunicipality[2].name == nil, "32999 is a well-formed code INEGI does not list")
    }

    @Test func budgetUseIsCumulativeToTheQuartersLastEntry() throws {
        let r = try QuarterScenario.report(QuarterScenario.make().lines, "2026Q4")
        #expect(r.budgetAsOfSeq == 8, "D-Q1 (seq 9, 2027Q1) is not counted")
        let rows = Dictionary(uniqueKeysWithValues: r.budgetUse.map { ("\($0.pair.category.rawValue)/\($0.pair.currency)", $0) })
        #expect(r.budgetUse.count == 4)
        let usd = try #require(rows["humanitarian_stabilization/USD"])
        #expect(usd.envelope == 10_000_000 && usd.disbursed == 7_999_999 && usd.reversed == 5_500_000 && usd.net == 2_499_999)
        #expect(usd.remaining == 7_500_001 && usd.usedBasisPoints == 2499)
        #expect(rows["humanitarian_stabilization/MXN"]?.usedBasisPoints == 500)
        #expect(rows["oversight_governance/USD"]?.envelope == 6_000_000, "B-1 on the quarter's last second is in force")
        #expect(rows["institutional_strengthening/USD"]?.usedBasisPoints == 0)
    }

    @Test func listsReversalsKeyAndBudgetChangesAndDisclosures() throws {
        let r = try QuarterScenario.report(QuarterScenario.make().lines, "2026Q4")
        #expect(r.reversals.map(\.id) == ["R-1", "R-2"])
        #expect(r.reversals[0].reverses == "D-Q3" && r.reversals[0].amount == 3_000_000 && r.reversals[0].reason == "Duplicate payment")
        #expect(r.reversals[0].program == "clinics" && r.reversals[0].municipality == "15033")
        #expect(r.keyChanges.count == 1 && r.keyChanges[0].id == "K-1")
        #expect(r.keyChanges[0].added.map(\.name) == ["usaid-eve"] && r.keyChanges[0].revoked == ["usaid-dana"])
        #expect(r.budgetChanges.count == 1)
        #expect(r.budgetChanges[0].budgets.map(\.previous) == [nil, 5_000_000])
        // At the threshold is disclosed, one minor unit below is not; reversed_by names the reversal.
        #expect(r.disclosures.map(\.body.id) == ["D-A", "D-C"])
        #expect(r.disclosures[0].reversedBy == "R-2" && r.disclosures[1].reversedBy == nil)
        #expect(r.thresholds.map(\.currency) == ["MXN", "USD"])
    }

    @Test func anEarlierQuarterSeesGenesisAndStopsAtItsEnd() throws {
        let r = try QuarterScenario.report(QuarterScenario.make().lines, "2026Q3")
        #expect(r.entryCount == 2 && r.firstSeq == 0 && r.lastSeq == 1)
        #expect(r.keyChanges.count == 1 && r.keyChanges[0].id == nil && r.keyChanges[0].added.count == 4)
        #expect(r.budgetChanges[0].id == nil && r.budgetChanges[0].budgets.allSatisfy { $0.previous == nil })
        #expect(r.disclosures.map(\.body.id) == ["D-Q3"])
        #expect(r.disclosures[0].reversedBy == nil, "its reversal was committed in the next quarter")
        #expect(r.budgetAsOfSeq == 1 && r.reversals.isEmpty)
    }

    @Test(arguments: ["2026Q2", "2027Q2", "9999Q4"])
    func aQuarterWithoutEntries(_ q: String) throws {
        let r = try QuarterScenario.report(QuarterScenario.make().lines, q)
        #expect(r.entryCount == 0 && r.firstSeq == nil && r.byCategory.isEmpty && r.disclosures.isEmpty && r.reversals.isEmpty)
        #expect(r.verification.ok)
        // Before genesis nothing is cumulative; after the last entry everything is.
        #expect(r.budgetAsOfSeq == (q == "2026Q2" ? nil : 9))
    }

    @Test func theReportDoesNotChangeTheVerdictOrDependOnThreads() throws {
        let lines = QuarterScenario.make().lines
        let plain = verify(lines)
        let one = try QuarterScenario.report(lines, "2026Q4")
        let four = try QuarterScenario.report(lines, "2026Q4", jobs: 4)
        #expect(one.verification.ok == plain.ok && one.verification.headHash == plain.headHash && one.verification.root == plain.root)
        #expect(one.json == four.json)
    }

    @Test func aFailingLedgerStillGivesAReportWithItsVerdict() throws {
        var lines = QuarterScenario.make().lines
        // Alter D-B's payee after signing: R6 fails, the entry is not applied, the rest still replays.
        lines[3] = Array(String(decoding: lines[3], as: UTF8.self).replacingOccurrences(of: "Clínica San Cristóbal", with: "Clínica San Cristóbul").utf8)
        let r = try QuarterScenario.report(lines, "2026Q4")
        #expect(!r.verification.ok && r.verification.failureCount > 0)
        #expect(r.verification.failures.contains { $0.seq == 3 })
    }

    @Test func aCurrencyWithoutAThresholdIsRefusedByName() throws {
        let lines = QuarterScenario.make().lines
        #expect(throws: LedgerError.self) { try QuarterScenario.report(lines, "2026Q4", thresholds: ["USD": 2_500_000]) }
        do {
            _ = try QuarterScenario.report(lines, "2026Q4", thresholds: ["USD": 2_500_000])
        } catch let e as LedgerError {
            #expect(e.field == "threshold" && e.message.contains("MXN"))
        }
        // No MXN disbursement in 2026Q3: no MXN threshold needed there.
        #expect(throws: Never.self) { try QuarterScenario.report(lines, "2026Q3", thresholds: ["USD": 2_500_000]) }
    }

    @Test func jsonNamesMunicipalitiesAndKeepsMinorUnits() throws {
        let r = try QuarterScenario.report(QuarterScenario.make().lines, "2026Q4")
        let text = String(decoding: r.json.canonicalBytes, as: UTF8.self)
        #expect(text.contains(#""municipality":"08037","municipality_name":"Juárez""#))
        #expect(text.contains(#""municipality":"32999","municipality_name":null"#))
        #expect(text.contains(#""period":{"from":"2026-10-01T00:00:00Z","to":"2026-12-31T23:59:59Z"}"#))
        #expect(text.contains(#""used_basis_points":2499"#))
        #expect(!text.contains("002010077777777771"), "no sealed data")
    }
}

@Suite("Quarters")
struct QuarterTests {
    @Test(arguments: [("2026Q1", "2026-01-01T00:00:00Z", "2026-03-31T23:59:59Z"), ("2026Q2", "2026-04-01T00:00:00Z", "2026-06-30T23:59:59Z"),
                      ("2026Q3", "2026-07-01T00:00:00Z", "2026-09-30T23:59:59Z"), ("2026Q4", "2026-10-01T00:00:00Z", "2026-12-31T23:59:59Z"),
                      ("0001Q1", "0001-01-01T00:00:00Z", "0001-03-31T23:59:59Z")])
    func bounds(_ text: String, _ start: String, _ end: String) throws {
        let q = try Quarter(text)
        #expect(q.description == text && q.start == start && q.end == end)
        #expect(q.contains(start) && q.contains(end))
        #expect(!q.contains("2026-10-01T00:00:00Z") || text == "2026Q4")
    }

    @Test(arguments: ["", "2026Q0", "2026Q5", "26Q4", "2026q4", "0000Q1", "2026Q4 ", " 2026Q4", "2026-Q4", "２０２６Q4", "2026Q44", "+026Q4"])
    func refused(_ text: String) {
        #expect(throws: LedgerError(.argument, field: "quarter", "must be YYYYQn with a year from 0001 to 9999 and n from 1 to 4, e.g. 2026Q4")) {
            try Quarter(text)
        }
    }
}

@Suite("INEGI municipality catalogue")
struct MunicipalitiesTests {
    @Test func embeddedByteForByte() {
        #expect(Hash.sha256(Array(Municipalities.catalogueCSV.utf8)).hex == "0069e78a49318f73bb7209ecaa433f35615eac46c39c4eb8701d45864e1b5ccc")
        #expect(Municipalities.count == 2478)
    }

    @Test(arguments: [("15033", "México", "Ecatepec de Morelos"), ("08037", "Chihuahua", "Juárez"), ("01004", "Aguascalientes", "Cosío"),
                      ("20549", "Oaxaca", "Heroica Villa Tezoatlán de Segura y Luna, Cuna de la Independencia de Oaxaca"),
                      ("32058", "Zacatecas", "Santa María de la Paz")])
    func names(_ code: String, _ state: String, _ name: String) throws {
        let n = try #require(Municipalities.name(of: code))
        #expect(Array(n.state.utf8) == Array(state.utf8) && Array(n.municipality.utf8) == Array(name.utf8))
    }

    @Test(arguments: ["32999", "00001", "1503", "150330", "1503a", ""])
    func unknown(_ code: String) {
        #expect(Municipalities.name(of: code) == nil)
    }
}
