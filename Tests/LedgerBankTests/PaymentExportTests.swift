import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import LedgerBank
import LedgerCore
import LedgerStore

/// pain.001 export: XSD-valid files, remembered orders, forced re-orders, and the round trip
/// export → bank statement → reconcile.
@Suite(.serialized) struct PaymentExportTests {
    func export(_ l: BankLedger, _ selection: PaymentSelection, out: String, force: Bool = false) throws -> PaymentExportResult {
        try PaymentExport.run(store: l.store, selection: selection, debtorName: "Fondo Conjunto Humanitario (JHF)", debtorAccount: BankLedger.fundAccount,
                              executionDate: "2026-11-21", out: "\(l.dir)/\(out)", force: force, now: "2026-11-20T12:00:00Z")
    }

    @Test func theSampleFileValidatesAgainstTheCopiedXSD() throws {
        #expect(try xsdProblems(fixturePath("pain001/python-sepaxml-pain.001.001.03.xml"), xsd: "pain.001.001.03.xsd") == nil)
    }

    @Test func exportedFilesValidateAndAreRemembered() throws {
        let l = try BankLedger.make([.init(id: "D-1", amount: 250_000_000), .init(id: "D-2", amount: 4_800_000_000, currency: "USD"),
                                     .init(id: "D-3", amount: 1), .init(id: "D-4", amount: 77)], reversed: ["D-4"])
        defer { l.remove() }
        let first = try export(l, .since(0), out: "p1.xml")
        #expect(first.messageID == "JHF-20261121-1" && first.orders.map(\.id) == ["D-1", "D-2", "D-3"] && first.reversed == ["D-4"])
        #expect(try xsdProblems("\(l.dir)/p1.xml", xsd: "pain.001.001.03.xsd") == nil)
        let xml = try readText("\(l.dir)/p1.xml")
        #expect(xml.contains("<InstdAmt Ccy=\"USD\">48000000.00</InstdAmt>") && xml.contains("<InstdAmt Ccy=\"MXN\">0.01</InstdAmt>"))
        #expect(!xml.contains("D-4"))
        // Again: nothing left to order, no file.
        let second = try export(l, .since(0), out: "p2.xml")
        #expect(second.messageID == nil && second.alreadyOrdered.map(\.id) == ["D-1", "D-2", "D-3"])
        #expect(!FileManager.default.fileExists(atPath: "\(l.dir)/p2.xml"))
        // By id, without force: skipped; with force: ordered again and reported.
        #expect(try export(l, .ids(["D-3"]), out: "p3.xml").messageID == nil)
        let forced = try export(l, .ids(["D-3"]), out: "p3.xml", force: true)
        #expect(forced.messageID == "JHF-20261121-2" && forced.reordered.map(\.files) == [["JHF-20261121-1"]])
        #expect(try xsdProblems("\(l.dir)/p3.xml", xsd: "pain.001.001.03.xsd") == nil)
    }

    /// Format v1's text rules let a payee name or purpose hold characters XML 1.0 cannot carry
    /// (U+FFFE, U+FFFF); v1.1 refuses them in every text (SPEC §10), so a proposal holding one is
    /// refused and no payment file ever meets one. (XMLText still replaces them, for ledgers
    /// written before v1.1: BankTests.)
    @Test func charactersXMLCannotCarryAreRefusedAtProposal() throws {
        do {
            let l = try BankLedger.make([.init(id: "D-1", amount: 5, payeeJSON: #"Cl\uFFFEnica"#, purposeJSON: "Medicinas")])
            l.remove()
            Issue.record("a payee name with U+FFFE was accepted")
        } catch {
            #expect("\(error)".contains("R5") && "\(error)".contains("noncharacters (U+FFFE)"), "\(error)")
        }
    }

    @Test(arguments: [
        ("a control character", Array("<a>\u{1}</a>".utf8)),
        ("U+FFFE", Array("<a>\u{FFFE}</a>".utf8)),
        ("an unclosed element", Array("<a><b></a>".utf8)),
        ("no element", Array("".utf8) + [0x20]),
        ("an external entity", Array(#"<!DOCTYPE a [<!ENTITY e SYSTEM "file:///etc/passwd">]><a>&e;</a>"#.utf8)),
    ])
    func theWellFormednessCheckRefuses(_ name: String, _ bytes: [UInt8]) {
        if name == "an external entity" {
            // Well-formed (the entity is declared); the check never fetches it.
            #expect(throws: Never.self) { try XMLWellFormed.check(bytes, field: "out") }
            return
        }
        #expect(throws: LedgerError.self, "\(name)") { try XMLWellFormed.check(bytes, field: "out") }
    }

    @Test(arguments: [
        ("a reversed id", PaymentSelection.ids(["D-4"]), "ids", "reversed"),
        ("an unknown id", .ids(["D-9"]), "ids", "not a committed disbursement"),
        ("a reversal's id", .ids(["R-D-4"]), "ids", "not a committed disbursement"),
        ("an id given twice", .ids(["D-1", "D-1"]), "ids", "given twice"),
    ])
    func refusedSelections(_ label: String, _ selection: PaymentSelection, _ field: String, _ words: String) throws {
        let l = try BankLedger.make([.init(id: "D-1", amount: 5), .init(id: "D-4", amount: 7)], reversed: ["D-4"])
        defer { l.remove() }
        #expect(throws: (any Error).self, "\(label)") { try export(l, selection, out: "p.xml") }
        do { _ = try export(l, selection, out: "p.xml") } catch {
            let (f, text) = (error as? LedgerError).map { ($0.field, "\($0)") } ?? (error as? StoreError).map { ($0.field, "\($0)") } ?? ("", "")
            #expect(f == field && text.contains(words), "\(label): \(error)")
        }
        #expect(!FileManager.default.fileExists(atPath: "\(l.dir)/p.xml"))
        #expect(try l.store.paymentFileCount() == 0)
    }

    @Test func anExistingFileIsNeverOverwritten() throws {
        let l = try BankLedger.make([.init(id: "D-1", amount: 5)])
        defer { l.remove() }
        try writeText("\(l.dir)/p.xml", "keep me")
        #expect { try export(l, .since(0), out: "p.xml") } throws: { ($0 as? StoreError)?.field == "out" }
        #expect(try readText("\(l.dir)/p.xml") == "keep me")
        #expect(try l.store.paymentFileCount() == 0)
    }

    @Test func ordersRefuseChanges() throws {
        let l = try BankLedger.make([.init(id: "D-1", amount: 5)])
        defer { l.remove() }
        _ = try export(l, .since(0), out: "p.xml")
        for sql in ["DELETE FROM payment_orders", "UPDATE payment_files SET forced = 1", "DELETE FROM payment_files",
                    "INSERT INTO payment_orders VALUES ('JHF-20261121-1', 'genesis', 1, 'MXN')"] {
            let r = try runTool("/usr/bin/sqlite3", [l.db, sql])
            #expect(r.status != 0, "\(sql): \(r.output)")
        }
    }

    /// What the bank reads from a pain.001 file: each transaction's EndToEndId, amount, currency, creditor account and remittance.
    final class PainReader: NSObject, XMLParserDelegate {
        var orders: [(id: String, amount: String, currency: String, account: String, remittance: String)] = []
        private var path: [String] = [], text = "", current = ("", "", "", "", ""), ccy = ""
        func parser(_ p: XMLParser, didStartElement e: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            path.append(e); text = ""
            if e == "InstdAmt" { ccy = attributes["Ccy"] ?? "" }
        }
        func parser(_ p: XMLParser, foundCharacters s: String) { text += s }
        func parser(_ p: XMLParser, didEndElement e: String, namespaceURI: String?, qualifiedName: String?) {
            let inTx = path.contains("CdtTrfTxInf")
            if inTx && e == "EndToEndId" { current.0 = text }
            if inTx && e == "InstdAmt" { current.1 = text; current.2 = ccy }
            if inTx && e == "Id" && path.contains("CdtrAcct") && path.contains("Othr") { current.3 = text }
            if inTx && e == "Ustrd" { current.4 = text }
            if e == "CdtTrfTxInf" { orders.append(current) }
            path.removeLast()
        }
    }

    @Test func roundTripOfAThousandPayments() throws {
        let disbursements: [BankLedger.Disbursement] = (1...1000).map { (n: Int) -> BankLedger.Disbursement in
            let amount = Int64(n * 1_237 % 999_999 + 1)
            return BankLedger.Disbursement(id: "P-\(n)", amount: amount, currency: n % 5 == 0 ? "USD" : "MXN")
        }
        let l = try BankLedger.make(disbursements)
        defer { l.remove() }
        let r = try export(l, .since(0), out: "orders.xml")
        #expect(r.orders.count == 1000)
        #expect(try xsdProblems("\(l.dir)/orders.xml", xsd: "pain.001.001.03.xsd") == nil)
        // The bank: reads the file, pays each transfer, and reports the bookings in a camt.053 statement.
        let parser = XMLParser(contentsOf: URL(fileURLWithPath: "\(l.dir)/orders.xml"))!
        let reader = PainReader()
        parser.delegate = reader
        #expect(parser.parse())
        #expect(reader.orders.count == 1000)
        let bookings = reader.orders.enumerated().map { n, o in
            let minor = try! DecimalAmount.minorUnits(o.amount, digits: Currency.minorUnitDigits(o.currency)).get()
            return Camt053Writer.Booking(amount: minor, currency: o.currency, bookingDate: "2026-11-21", bankRef: "BNK-\(n)", endToEndID: o.id,
                                         remittance: o.remittance, creditorAccount: o.account)
        }
        var text = ""
        Camt053Writer.write(statementID: "STMT-2026-11-21", account: BankLedger.fundAccount, currency: "MXN", createdAt: "2026-11-22T06:00:00Z",
                            bookings: bookings) { text += $0 }
        try writeText("\(l.dir)/statement.xml", text)
        #expect(try xsdProblems("\(l.dir)/statement.xml", xsd: "camt.053.001.02.xsd") == nil)
        let o = try l.reconcile("\(l.dir)/statement.xml")
        #expect(o.reconciled)
        let classes = try l.classes(o)
        #expect(classes.count == 1000 && classes.allSatisfy { $0 == "matched" })
    }
}
