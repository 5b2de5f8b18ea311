import Foundation
import Testing
import LedgerBank
import LedgerCore
import LedgerStore

/// Reconciliation runs against a store: every class end to end, idempotence, overlaps, bad input.
@Suite(.serialized) struct ReconciliationRunTests {
    static let ledger: [BankLedger.Disbursement] = [
        .init(id: "D-1", amount: 250_000_000), .init(id: "D-2", amount: 1_000), .init(id: "D-3", amount: 5_000),
        .init(id: "D-4", amount: 7_700), .init(id: "D-5", amount: 3_300, currency: "USD"), .init(id: "D-6", amount: 900),
        .init(id: "D-7", amount: 400, valueDate: "2026-11-30"), .init(id: "D-8", amount: 120),
    ]

    @Test func aStatementPayingEverythingReconciles() throws {
        let l = try BankLedger.make([.init(id: "D-1", amount: 250_000_000), .init(id: "D-2", amount: 1_000)])
        defer { l.remove() }
        let path = try l.statement("s.xml", [pay("D-1", 250_000_000, ref: "B-1", account: BankLedger.payeeAccount), pay("D-2", 1_000, ref: "B-2")])
        let o = try l.reconcile(path)
        #expect(o.reconciled && !o.alreadyProcessed)
        #expect(try l.classes(o) == ["matched", "matched"])
    }

    @Test func everyClassAtLeastTwice() throws {
        let l = try BankLedger.make(Self.ledger, reversed: ["D-4", "D-6"])
        defer { l.remove() }
        let first = try l.statement("s1.xml", id: "S-1", [
            pay("D-1", 250_000_000, ref: "B-1"),                                   // matched
            pay("D-2", 1_001, ref: "B-2"),                                         // amount_mismatch
            pay("D-5", 3_300, ref: "B-3"),                                         // currency_mismatch (peso account, dollar disbursement)
            pay("D-3", 5_000, ref: "B-4", account: "002010077777777771"),          // account_mismatch
            pay("D-1", 250_000_000, ref: "B-5"),                                   // paid_twice
            pay("D-4", 7_700, ref: "B-6"),                                         // paid_but_reversed
            Camt053Writer.Booking(amount: 1_001, currency: "MXN", direction: .credit, bookingDate: "2026-11-11", bankRef: "B-7",
                                  endToEndID: "D-2", returnReason: "AC04"),        // returned, reversal suggested
            pay("X-1", 999, ref: "B-8"),                                           // unknown_debit
            Camt053Writer.Booking(amount: 5_000_000, currency: "MXN", direction: .credit, bookingDate: "2026-11-11", bankRef: "B-9",
                                  remittance: "USAID tranche"),                    // unrelated_credit
        ])
        let o1 = try l.reconcile(first)
        #expect(!o1.reconciled)
        // D-8 is due 2026-11-10 and unseen, but only 2 days before the statement; D-7 is due later.
        #expect(try l.classes(o1) == ["matched", "amount_mismatch", "currency_mismatch", "account_mismatch", "paid_twice", "paid_but_reversed",
                                      "returned", "unknown_debit", "unrelated_credit"])
        // A later statement overlapping the first: its repeated bookings count once; new ones classify on what came before.
        let second = try l.statement("s2.xml", id: "S-2", createdAt: "2026-11-20T08:00:00Z", [
            pay("D-1", 250_000_000, ref: "B-1"),                                   // already_seen
            pay("D-2", 1_001, ref: "B-2"),                                         // already_seen
            pay("D-1", 250_000_000, ref: "B-10"),                                  // paid_twice (third payment)
            pay("D-6", 900, ref: "B-11"),                                          // paid_but_reversed
            pay("D-3", 4_000, ref: "B-12", account: BankLedger.payeeAccount),      // paid_twice? no: D-3 was paid once (B-4): paid_twice
            pay("D-7", 401, ref: "B-13"),                                          // amount_mismatch
            pay("D-5", 3_300, currency: "USD", ref: "B-14"),                       // paid_twice: the peso booking B-3 already paid it
            Camt053Writer.Booking(amount: 250_000_000, currency: "MXN", direction: .credit, bookingDate: "2026-11-19", bankRef: "B-15",
                                  endToEndID: "D-1", returnReason: "AM05"),        // returned
            Camt053Writer.Booking(amount: 7_700, currency: "MXN", direction: .credit, bookingDate: "2026-11-19", bankRef: "B-16",
                                  endToEndID: "D-4"),                              // returned; ledger already reversed it: no discrepancy
            pay("Y-2", 10, ref: "B-17"),                                           // unknown_debit
            Camt053Writer.Booking(amount: 1, currency: "MXN", direction: .credit, bookingDate: "2026-11-19", bankRef: "B-18",
                                  remittance: "interest"),                         // unrelated_credit
            pay(nil ?? "Z-3", 5, currency: "MXN", ref: "B-19", date: "2026-11-19"),  // unknown_debit
        ].map { b in var b = b; if b.bankRef == "B-19" { b.endToEndID = nil; b.remittance = "fee" }; return b })
        let o2 = try l.reconcile(second)
        let classes2 = try l.classes(o2)
        #expect(classes2 == ["already_seen", "already_seen", "paid_twice", "paid_but_reversed", "paid_twice", "amount_mismatch", "paid_twice",
                                      "returned", "returned", "unknown_debit", "unrelated_credit", "unknown_debit", "not_seen"])
        // D-8 (due 2026-11-10, MXN) is now 10 days unseen; D-5 is dollars, outside this peso statement.
        var notSeen: [String] = []
        try l.store.forEachReconciliationItem(run: o2.run.run) { k, d, item in
            if k == "not_seen" { notSeen.append(String(decoding: item, as: UTF8.self)); #expect(d) }
            if k == "returned", String(decoding: item, as: UTF8.self).contains("\"D-4\"") { #expect(!d) }
        }
        #expect(notSeen.count == 1 && notSeen[0].contains("\"disbursement_id\":\"D-8\""))
        // A third statement: D-8 still unseen, and one more already_seen.
        let third = try l.statement("s3.xml", id: "S-3", createdAt: "2026-12-20T08:00:00Z", [pay("D-2", 1_001, ref: "B-2")])
        let classes3 = try l.classes(try l.reconcile(third))
        #expect(classes3 == ["already_seen", "not_seen"])
    }

    @Test func theSameStatementTwiceGivesTheRecordedResult() throws {
        let l = try BankLedger.make(Self.ledger)
        defer { l.remove() }
        let path = try l.statement("s.xml", [pay("D-1", 250_000_000, ref: "B-1"), pay("D-2", 999, ref: "B-2")])
        let a = try l.reconcile(path)
        let b = try l.reconcile(path, days: 0)
        #expect(!a.alreadyProcessed && b.alreadyProcessed)
        #expect(a.run == b.run)
        #expect(try l.classes(a) == l.classes(b))
        // A copy under another name is the same statement.
        try FileManager.default.copyItem(atPath: path, toPath: "\(l.dir)/copy.xml")
        #expect(try l.reconcile("\(l.dir)/copy.xml").alreadyProcessed)
    }

    @Test func badStatementsChangeNothing() throws {
        let l = try BankLedger.make(Self.ledger)
        defer { l.remove() }
        let good = try l.statement("good.xml", [pay("D-1", 250_000_000, ref: "B-1")])
        _ = try l.reconcile(good)
        let before = try snapshot(l)
        // Well-formed up to its last entry, which has three decimals: the items before it were already classified.
        var text = try readText(try l.statement("bad.xml", id: "S-2", [pay("D-2", 1_000, ref: "B-2"), pay("D-3", 5_000, ref: "B-3")]))
        text = text.replacingOccurrences(of: ">50.00<", with: ">50.001<")
        try writeText("\(l.dir)/bad.xml", text)
        #expect { try l.reconcile("\(l.dir)/bad.xml") } throws: { e in
            guard let s = e as? StoreError else { return false }
            return s.coreCode == .statement && s.field == "Ntry/Amt" && s.message.contains("more decimals")
        }
        #expect(try snapshot(l) == before)
        // Fixed, it reconciles: the failed attempt left no trace (no "already processed", no bookings).
        try writeText("\(l.dir)/bad.xml", text.replacingOccurrences(of: ">50.001<", with: ">50.00<"))
        let fixed = try l.reconcile("\(l.dir)/bad.xml")
        #expect(!fixed.alreadyProcessed)
        #expect(try l.classes(fixed) == ["matched", "matched"])
        #expect { try l.reconcile("\(l.dir)/missing.xml") } throws: { ($0 as? StoreError)?.code == .invalid && ($0 as? StoreError)?.field == "statement" }
    }

    @Test func recordsRefuseChanges() throws {
        let l = try BankLedger.make(Self.ledger)
        defer { l.remove() }
        _ = try l.reconcile(try l.statement("s.xml", [pay("D-1", 250_000_000, ref: "B-1")]))
        for sql in ["UPDATE reconciliation_runs SET outcome = 'reconciled'", "DELETE FROM reconciliation_items", "UPDATE bank_bookings SET outflow = 0",
                    "DELETE FROM bank_bookings", "DELETE FROM reconciliation_runs", "UPDATE reconciliation_items SET discrepancy = 0"] {
            let r = try runTool("/usr/bin/sqlite3", [l.db, sql])
            #expect(r.status != 0 && r.output.contains("a record"), "\(sql): \(r.output)")
        }
    }

    @Test func csvStatementsReconcileLikeCamt() throws {
        let l = try BankLedger.make(Self.ledger)
        defer { l.remove() }
        let header = CSVStatementReader.header.joined(separator: ",")
        try writeText("\(l.dir)/s.csv", """
            \(header)
            C-1,\(BankLedger.fundAccount),2026-11-11,,DBIT,,2500000.00,MXN,D-1,C-B1,,,
            C-1,\(BankLedger.fundAccount),2026-11-11,,DBIT,,10.00,MXN,,C-B2,pago D-2,,
            C-1,\(BankLedger.fundAccount),2026-11-12,,CRDT,,10.00,MXN,,C-B2,,,AC04

            """)
        let o = try l.reconcile("\(l.dir)/s.csv", format: .csv)
        let classes = try l.classes(o)
        #expect(classes == ["matched", "matched", "returned"])
    }

    /// Row counts of the bank tables and the chain's head: what a failed run must leave as it was.
    func snapshot(_ l: BankLedger) throws -> String {
        let r = try runTool("/usr/bin/sqlite3", [l.db, """
            SELECT (SELECT count(*) FROM reconciliation_runs), (SELECT count(*) FROM reconciliation_items), (SELECT count(*) FROM bank_bookings),
                   (SELECT count(*) FROM entries), (SELECT hex(entry_hash) FROM entries ORDER BY seq DESC LIMIT 1)
            """])
        return r.output
    }
}
