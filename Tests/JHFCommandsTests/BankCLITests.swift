import Foundation
import Testing

/// `jhf payments export` and `jhf reconcile` as a treasury job runs them: full output, files, exit codes.
@Suite(.serialized) struct BankCLITests {
    static let d3 = """
        {"id": "D-3", "amount": 123456, "currency": "MXN", "category": "humanitarian_stabilization",
         "program": "water", "municipality": "07078", "payee": {"name": "Agua para Todos A.C."},
         "purpose": "Water filters", "value_date": "2026-11-15",
         "sealed": {"payee_account": {"number": "032180000118359719", "scheme": "CLABE"}, "payee_tax_id": "", "notes": ""}}
        """
    static let fund = "002010077777777771"

    static func ledger() throws -> DemoLedger {
        let l = try DemoLedger.make()
        try write(l.input("d3"), d3)
        try l.must(jhf("propose", "--db", l.db, "--kind", "disbursement", "--file", l.input("d3")))
        try l.approve("D-3")
        return l
    }

    static func statement(id: String, created: String, _ entries: [(amount: String, ccy: String, ref: String, e2e: String?)]) -> String {
        var s = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
            <BkToCstmrStmt><GrpHdr><MsgId>\(id)</MsgId><CreDtTm>\(created)</CreDtTm></GrpHdr>
            <Stmt><Id>\(id)</Id><CreDtTm>\(created)</CreDtTm><Acct><Id><Othr><Id>\(fund)</Id></Othr></Id></Acct>

            """
        for e in entries {
            s += "<Ntry><Amt Ccy=\"\(e.ccy)\">\(e.amount)</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2026-11-21</Dt></BookgDt>"
            s += "<AcctSvcrRef>\(e.ref)</AcctSvcrRef>"
            if let e2e = e.e2e { s += "<NtryDtls><TxDtls><Refs><EndToEndId>\(e2e)</EndToEndId></Refs></TxDtls></NtryDtls>" }
            s += "</Ntry>\n"
        }
        return s + "</Stmt></BkToCstmrStmt></Document>\n"
    }

    func export(_ l: DemoLedger, _ extra: [String], out: String) throws -> Outcome {
        try jhf(["payments", "export", "--db", l.db, "--debtor-name", "Fondo Conjunto Humanitario", "--debtor-account", Self.fund,
                 "--execution-date", "2026-11-21", "--out", "\(l.dir)/\(out)"] + extra)
    }

    @Test func paymentFilesAreWrittenOnceUnlessForced() throws {
        let l = try Self.ledger()
        defer { l.remove() }
        let first = try export(l, ["--since", "0"], out: "p1.xml")
        #expect(first.status == 0)
        #expect(first.stdout == "wrote \(l.dir)/p1.xml: message JHF-20261121-1, 2 transfer(s), 1,234.56 MXN + 48,000,000.00 USD, execution date 2026-11-21\n")
        #expect(first.stderr == "skipped: 1 reversed disbursement(s): D-1\n")
        let xsd = Repo.path("Tests/LedgerBankTests/Fixtures/xsd/pain.001.001.03.xsd")
        let lint = try run("/usr/bin/xmllint", ["--noout", "--schema", xsd, "\(l.dir)/p1.xml"])
        #expect(lint.status == 0, "\(lint)")

        let again = try export(l, ["--since", "0"], out: "p2.xml")
        #expect(again.status == 0)
        #expect(again.stdout == "nothing to order: no committed, unreversed disbursement left to order; no file written\n")
        #expect(again.stderr == "skipped: D-2 already ordered in JHF-20261121-1\nskipped: D-3 already ordered in JHF-20261121-1\nskipped: 1 reversed disbursement(s): D-1\n")

        let forced = try export(l, ["--ids", "D-3", "--force"], out: "p3.xml")
        #expect(forced.status == 0)
        #expect(forced.stderr == "warning: D-3 was already ordered in JHF-20261121-1; --force orders it AGAIN: the bank may pay it twice\n")
        #expect(forced.stdout.hasPrefix("wrote \(l.dir)/p3.xml: message JHF-20261121-2, 1 transfer(s), 1,234.56 MXN"))

        let reversed = try export(l, ["--ids", "D-1"], out: "p4.xml")
        #expect(reversed.status == 2 && reversed.stderr == "error [argument]: ids: D-1 is reversed (by R-1); a reversed disbursement is never ordered\n")
        #expect(!FileManager.default.fileExists(atPath: "\(l.dir)/p4.xml"))
    }

    @Test func reconcileReportsAndRemembers() throws {
        let l = try Self.ledger()
        defer { l.remove() }
        try write("\(l.dir)/s1.xml", Self.statement(id: "S-1", created: "2026-11-22T06:00:00", [
            ("1234.56", "MXN", "B-1", "D-3"), ("48000000.00", "USD", "B-2", "D-2"),
        ]))
        let ok = try jhf("reconcile", "--db", l.db, "--statement", "\(l.dir)/s1.xml", now: "2026-11-22T12:00:00Z")
        #expect(ok.status == 0, "\(ok)")
        let head = try l.must(jhf("verify", "--db", l.db, "--json")).stdout.components(separatedBy: "\"head_hash\":\"")[1].prefix(64)
        #expect(ok.stdout.replacingOccurrences(of: String(head), with: "{head}").replacingOccurrences(of: l.dir, with: "{dir}") == """
            reconciliation run 1 of camt.053.001.08 S-1 (account 002010077777777771)
              statement sha256 \(sha256(try read("\(l.dir)/s1.xml")))
              ledger jhf.cli.test: 5 entries, head {head}
              as of 2026-11-22; committed disbursements unseen more than 5 days after their due date are reported
              items: 2 booked, 0 not booked (pending or information only: not reconciled)

            class                count  amount
            matched                 2  1,234.56 MXN + 48,000,000.00 USD
            amount_mismatch         0  
            currency_mismatch       0  
            account_mismatch        0  
            paid_twice              0  
            paid_but_reversed       0  
            returned                0  
            unknown_debit           0  
            unrelated_credit        0  
            already_seen            0  
            not_seen                0  

            discrepancies: 0

            outcome: reconciled

            """)

        try write("\(l.dir)/s2.xml", Self.statement(id: "S-2", created: "2026-12-10T06:00:00", [
            ("1234.56", "MXN", "B-1", "D-3"), ("1234.56", "MXN", "B-3", "D-3"), ("2500000.00", "MXN", "B-4", "D-1"), ("10.00", "MXN", "B-5", nil),
        ]))
        let bad = try jhf("reconcile", "--db", l.db, "--statement", "\(l.dir)/s2.xml", "--report", "\(l.dir)/rep", now: "2026-12-10T12:00:00Z")
        #expect(bad.status == 1)
        #expect(bad.stdout.hasSuffix("""
            discrepancies: 3
              line 6      paid_twice         D-3: D-3 was already paid; this is payment number 2
              line 7      paid_but_reversed  D-1: paid although the ledger reversed D-1 (R-1)
              line 8      unknown_debit      -: ALARM: the bank paid out 10.00 MXN that matches no disbursement in the ledger

            outcome: DISCREPANCIES (3)

            """), "\(bad)")
        #expect(bad.stdout.contains("already_seen            1  1,234.56 MXN\n"))
        #expect(try read("\(l.dir)/rep/summary.txt") == bad.stdout)
        let csv = try read("\(l.dir)/rep/items.csv")
        #expect(csv.hasPrefix("ordinal,class,discrepancy,disbursement_id,matched_by,amount,currency,statement_id,line,booking_date,end_to_end_id,bank_ref,message\r\n"))
        #expect(csv.contains("\r\n4,unknown_debit,true,,,10.00,MXN,S-2,8,2026-11-21,,B-5,ALARM: the bank paid out 10.00 MXN that matches no disbursement in the ledger\r\n"))

        // The nightly job runs again on the same file: the recorded result, said to be so.
        let rerun = try jhf("reconcile", "--db", l.db, "--statement", "\(l.dir)/s2.xml", "--json", now: "2026-12-11T12:00:00Z")
        #expect(rerun.status == 1)
        try write("\(l.dir)/rerun.json", rerun.stdout)
        #expect(rerun.stdout.contains("\"already_processed\":true") && rerun.stdout.contains("\"run\":2,\"run_at\":\"2026-12-10T12:00:00Z\""))
        #expect(try read("\(l.dir)/rep/reconciliation.json") == rerun.stdout.replacingOccurrences(of: "\"already_processed\":true", with: "\"already_processed\":false"))
        let text = try jhf("reconcile", "--db", l.db, "--statement", "\(l.dir)/s2.xml", now: "2026-12-11T12:00:00Z")
        #expect(text.stdout.hasPrefix("statement already processed in run 2 at 2026-12-10T12:00:00Z; the recorded result follows\n"))
        let v = try validate("reconciliation", ["\(l.dir)/rerun.json", "\(l.dir)/rep/reconciliation.json"])
        #expect(v.status == 0, "\(v)")
    }

    @Test(arguments: [
        ("three decimals", ["reconcile", "--statement", "{dir}/bad.xml"], 2, "error [statement]: Ntry/Amt: line 5: 1.001 has more decimals than MXN has (2)\n"),
        ("missing statement", ["reconcile", "--statement", "{dir}/none.xml"], 2, "error [invalid]: statement: cannot open {dir}/none.xml for reading\n"),
        ("unknown format", ["reconcile", "--statement", "{dir}/bad.xml", "--format", "mt940"], 2, "Error: --format must be camt053 or csv\n"),
        ("days out of range", ["reconcile", "--statement", "{dir}/bad.xml", "--not-seen-after", "400"], 2, "Error: --not-seen-after must be from 0 to 366 days\n"),
        ("no ledger", ["reconcile", "--statement", "{dir}/bad.xml", "--db", "{dir}/none.sqlite"], 3, "error [io]: db: no ledger database at {dir}/none.sqlite\n"),
        ("since and ids", ["payments", "export", "--since", "0", "--ids", "D-3"], 2, "Error: give exactly one of --since SEQ or --ids ID...\n"),
        ("bad debtor CLABE", ["payments", "export", "--since", "0", "--debtor-account", "002010077777777770"], 2,
         "Error: --debtor-account: CLABE check digit is 0, expected 1\n"),
        ("bad execution date", ["payments", "export", "--since", "0", "--execution-date", "2026-13-01"], 2,
         "Error: --execution-date: must be a real calendar date YYYY-MM-DD\n"),
        ("unknown id", ["payments", "export", "--ids", "D-9"], 2, "error [not_found]: ids: D-9 is not a committed disbursement of this ledger\n"),
    ])
    func refusedWithAClearError(_ label: String, _ arguments: [String], _ status: Int32, _ stderr: String) throws {
        let l = try Self.ledger()
        defer { l.remove() }
        try write("\(l.dir)/bad.xml", Self.statement(id: "S-9", created: "2026-11-22T06:00:00", [("1.001", "MXN", "B-1", "D-3")]))
        var args = arguments.map { $0.replacingOccurrences(of: "{dir}", with: l.dir) }
        if !args.contains("--db") { args += ["--db", l.db] }
        if args[0] == "payments" {
            for (option, value) in [("--debtor-name", "Fondo"), ("--debtor-account", Self.fund), ("--execution-date", "2026-11-21"), ("--out", "\(l.dir)/p.xml")]
            where !args.contains(option) { args += [option, value] }
        }
        let o = try jhf(args)
        #expect(o.status == status, "\(label): \(o)")
        #expect(o.stderr.hasPrefix(stderr.replacingOccurrences(of: "{dir}", with: l.dir)), "\(label): \(o)")
        #expect(!FileManager.default.fileExists(atPath: "\(l.dir)/p.xml"))
        let runs = try run("/usr/bin/sqlite3", [l.db, "SELECT count(*) FROM reconciliation_runs; SELECT count(*) FROM payment_files"])
        #expect(runs.stdout == "0\n0\n", "\(label): \(runs)")
    }
}

private func sha256(_ text: String) -> String {
    let o = try! run("/usr/bin/sha256sum", ["-"], stdin: text)
    return String(o.stdout.prefix(64))
}
