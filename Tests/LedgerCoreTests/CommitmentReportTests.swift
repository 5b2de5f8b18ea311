import Foundation
import Testing
@testable import LedgerCore

/// The v1.1 parts of the quarterly report across quarter boundaries: what counts in 2026Q4
/// when commitments and suspensions began in 2026Q3, and the disclosure clock's 30-day edge.
@Suite struct CommitmentReportTests {
    static func commitment(_ id: String, amount: Int64, signed: String, currency: String = "MXN") -> Body {
        .commitment(CommitmentBody(id: id, title: "Contrato \(id)", supplierName: "Proveedor", amount: amount, currency: currency,
                                   category: .humanitarianStabilization, program: "water", municipality: "25006", procurementMethod: .open,
                                   reference: "", dateSigned: signed, proposedAt: "2026-09-01T00:00:00Z"))
    }

    static func ledger() -> LedgerBuilder {
        var b = V11.base()   // seq 0–5, committed 2026-11-02: C-1 (500,000 MXN) and P-1 (100,000) under it
        var at = 0
        func add(_ body: Body, _ time: String) {
            let f = b.append(body, approvers: ["shcp-ana", "usaid-ben"], committedAt: time)
            precondition(f.isEmpty, "\(f)")
            at += 1
        }
        // All in 2026Q4 after the base: the clock's edge (30 days on time, 31 late), an
        // amendment, a payment, suspensions made and lifted, and one made and still in force.
        add(Self.commitment("C-30", amount: 43_000_000, signed: "2026-10-03"), "2026-11-02T10:00:00Z")
        add(Self.commitment("C-31", amount: 43_000_000, signed: "2026-10-02"), "2026-11-02T10:00:01Z")
        add(Self.commitment("C-small", amount: 42_999_999, signed: "2026-01-01"), "2026-11-02T10:00:02Z")
        add(V11.amend("A-1", "C-1", to: 600_000), "2026-11-03T00:00:00Z")
        add(V11.pay("P-2", under: "C-1", amount: 50_000), "2026-11-04T00:00:00Z")
        add(V11.reverse("R-2", "P-1"), "2026-11-05T00:00:00Z")
        add(V11.suspension("S-1", .program("youth")), "2026-11-10T00:00:00Z")
        add(V11.suspension("S-2", .program("youth"), .resume), "2026-11-20T00:00:00Z")
        add(V11.suspension("S-3", .municipality("25006")), "2026-12-01T00:00:00Z")
        add(V11.amend("A-2", "C-31", to: 0), "2026-12-02T00:00:00Z")
        // 2027Q1: does not count in 2026Q4.
        add(V11.suspension("S-4", .municipality("25006"), .resume), "2027-01-05T00:00:00Z")
        return b
    }

    @Test func theQuarterHasItsCommitmentsSuspensionsAndClock() throws {
        let r = try QuarterScenario.report(Self.ledger().lines, "2026Q4")
        #expect(r.verification.ok)
        #expect(r.commitmentEvents.map { "\($0.commitment) \($0.event.rawValue) \($0.value) \($0.previous.map(String.init) ?? "-")" } == [
            "C-1 signed 500000 -", "C-30 signed 43000000 -", "C-31 signed 43000000 -", "C-small signed 42999999 -",
            "C-1 amended 600000 500000", "C-31 terminated 0 43000000",
        ])
        // P-1 was paid and reversed in the quarter; P-2 paid: net 50,000 in the quarter.
        let paid = try #require(r.commitmentsPaid.first)
        #expect(r.commitmentsPaid.count == 1 && paid.commitment == "C-1")
        #expect(paid.disbursedInQuarter == 150_000 && paid.reversedInQuarter == 100_000 && paid.netInQuarter == 50_000)
        #expect(paid.valueAtEnd == 600_000 && paid.netAtEnd == 50_000 && paid.remainingAtEnd == 550_000)
        // S-1 made and lifted (10 days); S-3 in force at the end (its resume is in 2027Q1): 30 days to 31 December.
        #expect(r.suspensions.map { "\($0.id) \($0.resumedBy ?? "-") \($0.days) \($0.inForceAtEnd)" } == ["S-1 S-2 10 false", "S-3 - 30 true"])
        // The clock: C-1 is below the MXN threshold; 30 days is on time, 31 late; C-small below threshold.
        #expect(r.clock.map { "\($0.body.id) \($0.days) \($0.late)" } == ["C-30 30 false", "C-31 31 true"])
        #expect(r.clockOnTime == 1 && r.clockLate == 1)
        #expect(r.countsByKind[.commitment] == 4 && r.countsByKind[.amendment] == 2 && r.countsByKind[.suspension] == 3)
    }

    @Test func aSuspensionFromAnEarlierQuarterStillInForceIsListed() throws {
        let r = try QuarterScenario.report(Self.ledger().lines, "2027Q1")
        #expect(r.suspensions.map { "\($0.id) \($0.resumedBy ?? "-") \($0.days)" } == ["S-3 S-4 35"])
        #expect(r.commitmentEvents.isEmpty && r.clock.isEmpty && r.commitmentsPaid.isEmpty)
    }

    @Test func aCommitmentCurrencyWithoutThresholdIsNamed() throws {
        var b = V11.base()
        b.append(Self.commitment("C-9", amount: 5, signed: "2026-11-01", currency: "USD"), approvers: ["shcp-ana", "usaid-ben"], committedAt: "2026-11-03T00:00:00Z")
        #expect(throws: LedgerError.self) { try QuarterScenario.report(b.lines, "2026Q4", thresholds: ["MXN": 1]) }
    }
}
