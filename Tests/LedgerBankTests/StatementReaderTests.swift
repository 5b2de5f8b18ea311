import Foundation
import Testing
import LedgerBank
import LedgerCore

/// camt.053 (.02 and .08) and CSV statements: what is read, and the errors for bad files.
struct StatementReaderTests {
    func readCamt(_ path: String) throws -> (StatementInfo, [BankItem]) {
        var items: [BankItem] = []
        let info = try Camt053Reader(stream: InputStream(fileAtPath: path)!) { items.append($0) }.read()
        return (info, items)
    }

    func readCamt(text: String) throws -> (StatementInfo, [BankItem]) {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try writeText("\(dir)/s.xml", text)
        return try readCamt("\(dir)/s.xml")
    }

    @Test func theGenkgoMultiStatementFileParses() throws {
        let (info, items) = try readCamt(fixturePath("camt053/genkgo-camt053.v2.multi.statement.xml"))
        #expect(info.format == "camt.053.001.02")
        #expect(info.statements.map(\.id) == ["253EURNL26VAYB8060476890", "254EURNL26VAYB8060476890"])
        #expect(info.statements.map(\.account) == ["NL26VAYB8060476890", "NL26VAYB8060476890"])
        #expect(items.map(\.endToEndID) == ["000000001", "000000002"])
        #expect(items.map(\.amount) == [885, 700] && items.map(\.currency) == ["EUR", "EUR"])
        #expect(items.map(\.direction) == [.credit, .debit])
        #expect(items.map(\.remittance) == ["Transaction Description 1", "Transaction Description 2"])
        #expect(items[0].line == 83 && items[0].bookingDate == "2014-12-31")
    }

    @Test func theGenkgoV8FileParses() throws {
        let (info, items) = try readCamt(fixturePath("camt053/genkgo-camt053.v8.xml"))
        #expect(info.format == "camt.053.001.08")
        #expect(items.count == 1)
        // One transaction detail: the entry's amount counts (the detail's 0 SEK is informational).
        #expect(items[0].amount == 885 && items[0].currency == "EUR" && items[0].direction == .credit)
        #expect(items[0].endToEndID == "MUELL/FINP/RA12345" && items[0].bankRef == "AAAASESS-FP-CN_98765/01")
    }

    @Test func threeDecimalEurosEndingInZeroAreExact() throws {
        let (_, items) = try readCamt(fixturePath("camt053/genkgo-camt053.v2.five.decimals.xml"))
        #expect(items.map(\.amount) == [885])
    }

    static let good = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
        <BkToCstmrStmt><GrpHdr><MsgId>M</MsgId><CreDtTm>2026-11-12T08:00:00</CreDtTm></GrpHdr>
        <Stmt><Id>S-1</Id><CreDtTm>2026-11-12T08:00:00</CreDtTm><Acct><Id><Othr><Id>002010077777777771</Id></Othr></Id></Acct>
        <Ntry><Amt Ccy="MXN">10.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-11-11</Dt></BookgDt>
        <AcctSvcrRef>B-1</AcctSvcrRef><NtryDtls><TxDtls><Refs><EndToEndId>D-1</EndToEndId></Refs></TxDtls></NtryDtls></Ntry>
        </Stmt></BkToCstmrStmt></Document>
        """

    @Test func theTemplateIsGood() throws {
        let (info, items) = try readCamt(text: Self.good)
        #expect(info.statements.count == 1 && items.count == 1 && items[0].line == 6)
    }

    /// Each bad statement: a named mutation of the good one, the element the error must name, and words of the message.
    @Test(arguments: [
        ("malformed XML: tag mismatch", "</Ntry>\n</Stmt>", "</Ntry>\n</Stmx>", "Stmt", "line 7: malformed XML"),
        ("malformed XML: truncated", "</Stmt></BkToCstmrStmt></Document>", "</Stmt>", "", "malformed XML"),
        ("wrong namespace", "camt.053.001.02\"", "camt.054.001.02\"", "Document", "is not camt.053.001.02 or camt.053.001.08"),
        ("no namespace", " xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"", "", "Document", "namespace \"\""),
        ("other root", "<Document xmlns", "<Doc xmlns", "Doc", "root element must be Document"),
        ("three decimals in pesos", ">10.00<", ">10.001<", "Ntry/Amt", "line 5: 10.001 has more decimals than MXN has (2)"),
        ("decimals in yen", "Ccy=\"MXN\">10.00<", "Ccy=\"JPY\">10.50<", "Ntry/Amt", "has more decimals than JPY has (0)"),
        ("unknown currency", "Ccy=\"MXN\"", "Ccy=\"XYZ\"", "Ntry/Amt", "unknown currency \"XYZ\""),
        ("lowercase currency", "Ccy=\"MXN\"", "Ccy=\"mxn\"", "Ntry/Amt", "unknown currency"),
        ("no currency", " Ccy=\"MXN\"", "", "Ntry/Amt", "has no currency"),
        ("negative amount", ">10.00<", ">-10.00<", "Ntry/Amt", "not a decimal amount"),
        ("no amount", "<Amt Ccy=\"MXN\">10.00</Amt>", "", "Ntry/Amt", "no amount"),
        ("no references", "<AcctSvcrRef>B-1</AcctSvcrRef><NtryDtls><TxDtls><Refs><EndToEndId>D-1</EndToEndId></Refs></TxDtls></NtryDtls>", "",
         "Ntry", "no reference to match it by"),
        ("NOTPROVIDED is no reference", "<AcctSvcrRef>B-1</AcctSvcrRef><NtryDtls><TxDtls><Refs><EndToEndId>D-1</EndToEndId>",
         "<NtryDtls><TxDtls><Refs><EndToEndId>NOTPROVIDED</EndToEndId>", "Ntry", "no reference"),
        ("bad direction", "<CdtDbtInd>DBIT</CdtDbtInd>", "<CdtDbtInd>DEBIT</CdtDbtInd>", "Ntry/CdtDbtInd", "must be CRDT or DBIT"),
        ("no booking date", "<BookgDt><Dt>2026-11-11</Dt></BookgDt>", "", "Ntry/BookgDt", "needs a booking date"),
        ("impossible booking date", "2026-11-11", "2026-02-30", "Ntry/BookgDt", "not an ISO date"),
        ("no status", "<Sts>BOOK</Sts>", "", "Ntry/Sts", "no status"),
        ("no statement id", "<Stmt><Id>S-1</Id>", "<Stmt>", "Ntry", "before its statement's Id"),
        ("no account", "<Acct><Id><Othr><Id>002010077777777771</Id></Othr></Id></Acct>", "", "Ntry", "before its statement's Id and Acct"),
        ("a statement message inside an entry", "<AcctSvcrRef>B-1</AcctSvcrRef>",
         "<BkToCstmrStmt><Stmt><Id>S-2</Id></Stmt></BkToCstmrStmt><AcctSvcrRef>B-1</AcctSvcrRef>", "BkToCstmrStmt",
         "must be the Document's child; found inside Document/BkToCstmrStmt/Stmt/Ntry"),
        ("entity expansion refused", "<Document xmlns", "<!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Document xmlns", "", ""),
    ])
    func badStatementsAreRefusedWithElementAndLine(_ label: String, _ from: String, _ to: String, _ element: String, _ words: String) throws {
        let text = Self.good.replacingOccurrences(of: from, with: to)
        #expect(text != Self.good, "mutation \(label) does not apply")
        if label == "entity expansion refused" {
            // A DOCTYPE with an external entity: never resolved; the file reads as before or is refused, never leaks.
            let r = try? readCamt(text: text)
            #expect(r.map { $0.1.allSatisfy { !($0.remittance ?? "").contains("root:") } } ?? true)
            return
        }
        do {
            _ = try readCamt(text: text)
            Issue.record("\(label): accepted")
        } catch let e as LedgerError {
            #expect(e.code == .statement, "\(label)")
            if !element.isEmpty { #expect(e.field == element, "\(label): \(e)") }
            #expect(e.description.contains(words), "\(label): \(e)")
            #expect(e.description.contains("line "), "\(label): \(e)")
        }
    }

    @Test func pendingEntriesAreCountedNotReconciled() throws {
        let (info, items) = try readCamt(text: Self.good.replacingOccurrences(of: "<Sts>BOOK</Sts>", with: "<Sts>PDNG</Sts>"))
        #expect(items.isEmpty && info.notBooked == 1)
    }

    @Test func batchEntriesGiveOneItemPerDetail() throws {
        let batch = Self.good.replacingOccurrences(of: "<TxDtls><Refs><EndToEndId>D-1</EndToEndId></Refs></TxDtls>", with: """
            <TxDtls><Refs><EndToEndId>D-1</EndToEndId></Refs><AmtDtls><TxAmt><Amt Ccy="MXN">4.00</Amt></TxAmt></AmtDtls></TxDtls>
            <TxDtls><Refs><EndToEndId>D-2</EndToEndId></Refs><AmtDtls><TxAmt><Amt Ccy="MXN">6.00</Amt></TxAmt></AmtDtls></TxDtls>
            """)
        let (_, items) = try readCamt(text: batch)
        #expect(items.map(\.endToEndID) == ["D-1", "D-2"] && items.map(\.amount) == [400, 600])
        #expect(Set(items.map(\.bookingKey)).count == 2)
        let missing = batch.replacingOccurrences(of: "<AmtDtls><TxAmt><Amt Ccy=\"MXN\">6.00</Amt></TxAmt></AmtDtls>", with: "")
        #expect { try readCamt(text: missing) } throws: { ($0 as? LedgerError)?.field == "TxDtls/AmtDtls" }
    }

    // MARK: CSV

    static let csvHeader = CSVStatementReader.header.joined(separator: ",")

    func readCSV(_ text: String) throws -> (StatementInfo, [BankItem]) {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try writeText("\(dir)/s.csv", text)
        var items: [BankItem] = []
        let info = try CSVStatementReader(path: "\(dir)/s.csv").read { items.append($0) }
        return (info, items)
    }

    @Test func csvRowsAreRead() throws {
        let (info, items) = try readCSV("""
            \(Self.csvHeader)\r
            S-9,002010077777777771,2026-11-11,2026-11-11,DBIT,,10.00,MXN,D-1,B-1,"pago, \"\"D-1\"\"",032180000118359719,\r
            S-9,002010077777777771,2026-11-12,,CRDT,false,10,MXN,,B-2,,,AC04\r

            """)
        #expect(info.format == "csv" && info.statements.map(\.id) == ["S-9"] && info.asOf == "2026-11-12")
        #expect(items.map(\.amount) == [1000, 1000] && items[0].remittance == "pago, \"D-1\"" && items[1].returnReason == "AC04")
        #expect(items[0].creditorAccount == "032180000118359719" && items[1].direction == .credit && items[1].line == 3)
    }

    @Test(arguments: [
        ("wrong header", "statement,account\n", "header", "line 1"),
        ("empty file", "", "header", "empty"),
        ("too few columns", "\(csvHeader)\nS,A,2026-11-11\n", "line", "line 2: 3 columns"),
        ("unclosed quote", "\(csvHeader)\nS,A,2026-11-11,,DBIT,,1.00,MXN,D-1,,\"open,,\n", "line", "line 2: a quoted field is not closed"),
        ("bad amount", "\(csvHeader)\nS,A,2026-11-11,,DBIT,,1.001,MXN,D-1,,,,\n", "amount", "line 2: 1.001 has more decimals than MXN"),
        ("unknown currency", "\(csvHeader)\nS,A,2026-11-11,,DBIT,,1.00,ZZZ,D-1,,,,\n", "amount", "unknown currency"),
        ("bad direction", "\(csvHeader)\nS,A,2026-11-11,,OUT,,1.00,MXN,D-1,,,,\n", "direction", "line 2: must be DBIT or CRDT"),
        ("bad reversal flag", "\(csvHeader)\nS,A,2026-11-11,,DBIT,yes,1.00,MXN,D-1,,,,\n", "reversal", "line 2"),
        ("bad date", "\(csvHeader)\nS,A,11/11/2026,,DBIT,,1.00,MXN,D-1,,,,\n", "booking_date", "line 2"),
        ("no statement id", "\(csvHeader)\n,A,2026-11-11,,DBIT,,1.00,MXN,D-1,,,,\n", "statement_id", "line 2: must not be empty"),
        ("no references", "\(csvHeader)\nS,A,2026-11-11,,DBIT,,1.00,MXN,,,,,\n", "end_to_end_id", "no reference"),
        ("invalid UTF-8", "\(csvHeader)\nS,A,2026-11-11,,DBIT,,1.00,MXN,D-\u{FFFD},,,,\n", "line", "not valid UTF-8"),
    ])
    func badCSVIsRefused(_ label: String, _ text: String, _ field: String, _ words: String) throws {
        var body = text
        if label == "invalid UTF-8" {
            let dir = try temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: dir) }
            var bytes = Array(text.utf8)
            let i = bytes.firstIndex(of: 0xEF)!
            bytes.replaceSubrange(i..<(i + 3), with: [0xC3])
            try Data(bytes).write(to: URL(fileURLWithPath: "\(dir)/s.csv"))
            #expect { try CSVStatementReader(path: "\(dir)/s.csv").read { _ in } } throws: {
                ($0 as? LedgerError)?.field == field && "\($0)".contains(words)
            }
            return
        }
        body = text
        #expect(throws: LedgerError.self, "\(label)") { try readCSV(body) }
        do { _ = try readCSV(body) } catch let e as LedgerError {
            #expect(e.field == field, "\(label): \(e)")
            #expect(e.description.contains(words), "\(label): \(e)")
        }
    }
}
