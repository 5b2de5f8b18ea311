import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import LedgerCore

/// Streams the booked items of an ISO 20022 camt.053 statement (versions .001.02 and .001.08).
///
/// The file is parsed as it is read (SAX, libxml2 underneath): memory holds one entry at a
/// time, never the document. Each booked entry's transaction details become one `BankItem`
/// each; an entry without details is one item. External entities are not resolved.
public final class Camt053Reader: NSObject, XMLParserDelegate {
    public static let namespaces = [
        "urn:iso:std:iso:20022:tech:xsd:camt.053.001.02": "camt.053.001.02",
        "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08": "camt.053.001.08",
    ]

    private let parser: XMLParser
    private let onItem: (BankItem) throws -> Void
    private var info = StatementInfo(format: "")
    private var failure: (any Error)?
    private var path: [String] = []
    private var text = ""
    private var textLine = 0
    private var keys = BookingKeys()

    // The statement being read.
    private var stmtID: String?, stmtCreated: String?, stmtAccount: String?, stmtCurrency: String?, stmtLine = 0
    // The entry being read, and its transaction details.
    private var entry: Entry?
    private var detail: Detail?

    private struct Entry {
        let line: Int
        var amount: String?, currency: String?, amountLine = 0
        var direction: String?, reversal = false, status: String?
        var bookingDate: String?, valueDate: String?
        var bankRef: String?, entryRef: String?
        var details: [Detail] = []
    }

    private struct Detail {
        let line: Int
        var endToEndID: String?, bankRef: String?
        var amount: String?, currency: String?, amountLine = 0
        var creditorAccount: String?, returnReason: String?
        var remittance: [String] = []
    }

    /// A reader of `stream` that hands each booked item to `onItem` as soon as its entry ends.
    public init(stream: InputStream, onItem: @escaping (BankItem) throws -> Void) {
        parser = XMLParser(stream: stream)
        self.onItem = onItem
        super.init()
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = self
    }

    /// Reads the whole stream; the statement's description, or the first error.
    public func read() throws -> StatementInfo {
        let ok = parser.parse()
        if let failure { throw failure }
        guard ok else {
            throw LedgerError(.statement, field: path.last ?? "Document", "line \(parser.lineNumber): malformed XML (\(Camt053Reader.describe(parser.parserError)))")
        }
        guard !info.format.isEmpty else { throw LedgerError(.statement, field: "Document", "the file has no camt.053 Document element") }
        return info
    }

    private func fail(_ e: any Error) {
        if failure == nil { failure = e }
        parser.abortParsing()
    }

    private func fail(_ element: String, _ message: String, line: Int? = nil) {
        fail(LedgerError(.statement, field: element, "line \(line ?? parser.lineNumber): \(message)"))
    }

    // Whether the open elements end with these names. Fixed arities, not a variadic list: a
    // variadic call allocates an array, and these run a dozen times per element.
    private func ends(_ a: String, _ b: String) -> Bool {
        let n = path.count
        return n >= 2 && path[n - 1] == b && path[n - 2] == a
    }

    private func ends(_ a: String, _ b: String, _ c: String) -> Bool {
        let n = path.count
        return n >= 3 && path[n - 1] == c && path[n - 2] == b && path[n - 3] == a
    }

    private func ends(_ a: String, _ b: String, _ c: String, _ d: String) -> Bool {
        let n = path.count
        return n >= 4 && path[n - 1] == d && path[n - 2] == c && path[n - 3] == b && path[n - 4] == a
    }

    private func ends(_ a: String, _ b: String, _ c: String, _ d: String, _ e: String) -> Bool {
        let n = path.count
        return n >= 5 && path[n - 1] == e && path[n - 2] == d && path[n - 3] == c && path[n - 4] == b && path[n - 5] == a
    }

    // MARK: XMLParserDelegate

    public func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        guard failure == nil else { return }
        if path.isEmpty {
            guard name == "Document" else { return fail(name, "the root element must be Document, found \(name)") }
            guard let ns = namespaceURI, let format = Camt053Reader.namespaces[ns] else {
                return fail("Document", "namespace \"\(namespaceURI ?? "")\" is not camt.053.001.02 or camt.053.001.08")
            }
            info.format = format
        }
        path.append(name)
        text = ""
        textLine = parser.lineNumber
        switch name {
        case "Stmt" where ends("BkToCstmrStmt", "Stmt"):
            (stmtID, stmtCreated, stmtAccount, stmtCurrency, stmtLine) = (nil, nil, nil, nil, parser.lineNumber)
        case "Ntry" where ends("Stmt", "Ntry"):
            guard stmtID != nil, stmtAccount != nil else {
                return fail("Ntry", "an entry comes before its statement's Id and Acct")
            }
            entry = Entry(line: parser.lineNumber)
        case "TxDtls" where ends("NtryDtls", "TxDtls"):
            detail = Detail(line: parser.lineNumber)
        case "Amt" where entry != nil:
            if ends("Stmt", "Ntry", "Amt") {
                entry!.currency = attributes["Ccy"]
                entry!.amountLine = parser.lineNumber
            } else if detail != nil && (ends("TxDtls", "Amt") || ends("TxDtls", "AmtDtls", "TxAmt", "Amt")) {
                detail!.currency = attributes["Ccy"]
                detail!.amountLine = parser.lineNumber
            }
        default: break
        }
    }

    public func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard failure == nil, !path.isEmpty else { return }
        guard text.utf8.count + string.utf8.count <= Limits.statementFieldBytesMax else {
            return fail(path.last!, "text longer than \(Limits.statementFieldBytesMax) bytes")
        }
        text += string
    }

    public func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        guard failure == nil else { return }
        let value = Camt053Reader.trimmed(text)
        defer { path.removeLast(); text = "" }
        if detail != nil { endInDetail(name, value) } else if entry != nil { endInEntry(name, value) } else { endInStatement(name, value) }
    }

    public func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        if failure == nil {
            failure = LedgerError(.statement, field: path.last ?? "Document", "line \(parser.lineNumber): malformed XML (\(Camt053Reader.describe(parseError)))")
        }
    }

    private func endInStatement(_ name: String, _ value: String) {
        if ends("Stmt", "Id") { stmtID = value }
        else if ends("Stmt", "CreDtTm") {
            do { stmtCreated = try statementDate(value, element: "Stmt/CreDtTm", line: textLine) } catch { fail(error) }
        }
        else if ends("Stmt", "Acct", "Id", "IBAN") || ends("Stmt", "Acct", "Id", "Othr", "Id") { stmtAccount = value }
        else if ends("Stmt", "Acct", "Ccy") { stmtCurrency = value }
        else if ends("BkToCstmrStmt", "Stmt") {
            guard let id = stmtID, !id.isEmpty else { return fail("Stmt/Id", "the statement starting here has no Id", line: stmtLine) }
            guard let created = stmtCreated else { return fail("Stmt/CreDtTm", "statement \(id) has no creation date", line: stmtLine) }
            guard let account = stmtAccount, !account.isEmpty else { return fail("Stmt/Acct/Id", "statement \(id) names no account", line: stmtLine) }
            info.statements.append(.init(id: id, account: account, currency: stmtCurrency, createdOn: created))
        }
    }

    private func endInEntry(_ name: String, _ value: String) {
        if ends("Ntry", "Amt") { entry!.amount = value }
        else if ends("Ntry", "CdtDbtInd") { entry!.direction = value }
        else if ends("Ntry", "RvslInd") { entry!.reversal = value == "true" || value == "1" }
        else if ends("Ntry", "Sts") && !value.isEmpty { entry!.status = value }
        else if ends("Ntry", "Sts", "Cd") { entry!.status = value }
        else if ends("Ntry", "BookgDt", "Dt") || ends("Ntry", "BookgDt", "DtTm") { entry!.bookingDate = value }
        else if ends("Ntry", "ValDt", "Dt") || ends("Ntry", "ValDt", "DtTm") { entry!.valueDate = value }
        else if ends("Ntry", "AcctSvcrRef") { entry!.bankRef = value }
        else if ends("Ntry", "NtryRef") { entry!.entryRef = value }
        else if ends("Stmt", "Ntry") {
            let e = entry!
            entry = nil
            do { try emit(e) } catch { fail(error) }
        }
    }

    private func endInDetail(_ name: String, _ value: String) {
        if ends("TxDtls", "Refs", "EndToEndId") { detail!.endToEndID = value == "NOTPROVIDED" || value.isEmpty ? nil : value }
        else if ends("TxDtls", "Refs", "AcctSvcrRef") { detail!.bankRef = value }
        else if ends("TxDtls", "Amt") || ends("TxDtls", "AmtDtls", "TxAmt", "Amt") { detail!.amount = value }
        else if ends("RltdPties", "CdtrAcct", "Id", "IBAN") || ends("RltdPties", "CdtrAcct", "Id", "Othr", "Id") { detail!.creditorAccount = value }
        else if ends("TxDtls", "RmtInf", "Ustrd") { detail!.remittance.append(value) }
        else if ends("TxDtls", "RtrInf", "Rsn", "Cd") || ends("TxDtls", "RtrInf", "Rsn", "Prtry") { detail!.returnReason = value }
        else if ends("NtryDtls", "TxDtls") {
            entry!.details.append(detail!)
            detail = nil
        }
    }

    /// Checks a finished entry and hands on its items (booked entries only).
    private func emit(_ e: Entry) throws {
        guard let status = e.status else { throw LedgerError(.statement, field: "Ntry/Sts", "line \(e.line): the entry has no status") }
        guard status == "BOOK" else { info.notBooked += 1; return }
        guard let amountText = e.amount else { throw LedgerError(.statement, field: "Ntry/Amt", "line \(e.line): the entry has no amount") }
        let (amount, currency) = try statementAmount(amountText, currency: e.currency, element: "Ntry/Amt", line: e.amountLine)
        guard let d = e.direction, let direction = BankItem.Direction(rawValue: d) else {
            throw LedgerError(.statement, field: "Ntry/CdtDbtInd", "line \(e.line): must be CRDT or DBIT, found \"\(e.direction ?? "")\"")
        }
        guard let booked = e.bookingDate else { throw LedgerError(.statement, field: "Ntry/BookgDt", "line \(e.line): a booked entry needs a booking date") }
        let bookingDate = try statementDate(booked, element: "Ntry/BookgDt", line: e.line)
        let valueDate = try e.valueDate.map { (v) throws(LedgerError) in try statementDate(v, element: "Ntry/ValDt", line: e.line) }
        info.saw(bookingDate: bookingDate)
        let details = e.details.isEmpty ? [Detail(line: e.line)] : e.details
        for (n, t) in details.enumerated() {
            var itemAmount = amount
            if details.count > 1 {
                guard let a = t.amount else {
                    throw LedgerError(.statement, field: "TxDtls/AmtDtls", "line \(t.line): a batch entry's transaction details each need their amount")
                }
                let (v, c) = try statementAmount(a, currency: t.currency, element: "TxDtls/Amt", line: t.amountLine)
                guard c == currency else {
                    throw LedgerError(.statement, field: "TxDtls/Amt", "line \(t.amountLine): \(c) inside an entry in \(currency)")
                }
                itemAmount = v
            }
            let remittance = t.remittance.isEmpty ? nil : t.remittance.joined(separator: " ")
            let bankRef = t.bankRef ?? e.bankRef
            guard t.endToEndID != nil || bankRef != nil || e.entryRef != nil || remittance != nil else {
                throw LedgerError(.statement, field: "Ntry", "line \(t.line): the item has no reference to match it by (EndToEndId, AcctSvcrRef, NtryRef or remittance information)")
            }
            let key = keys.key(account: stmtAccount!, entryRef: e.bankRef ?? e.entryRef, detail: "\(d) \(e.reversal) \(t.bankRef ?? t.endToEndID ?? "#\(n)")",
                               fields: [bookingDate, valueDate ?? "", d, "\(e.reversal)", "\(itemAmount)", currency, t.endToEndID ?? "", bankRef ?? "", remittance ?? ""])
            info.items += 1
            guard info.items <= Limits.statementItemsMax else {
                throw LedgerError(.statement, field: "Ntry", "line \(t.line): more than \(Limits.statementItemsMax) items in one file")
            }
            try onItem(BankItem(statementID: stmtID!, account: stmtAccount!, line: t.line, direction: direction, reversal: e.reversal,
                                amount: itemAmount, currency: currency, bookingDate: bookingDate, valueDate: valueDate,
                                endToEndID: t.endToEndID, bankRef: bankRef, remittance: remittance,
                                creditorAccount: t.creditorAccount, returnReason: t.returnReason, bookingKey: key))
        }
    }

    /// `s` without leading and trailing XML white space (space, tab, CR, LF), on its UTF-8 bytes:
    /// Foundation's `trimmingCharacters` took a tenth of a 100,000-entry run.
    static func trimmed(_ s: String) -> String {
        let u = s.utf8
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        guard let first = u.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = u.lastIndex(where: { !isSpace($0) })!
        if first == u.startIndex && last == u.index(before: u.endIndex) { return s }
        return String(s[first...last])
    }

    /// A short name for libxml2's error, as XMLParser reports it.
    static func describe(_ error: (any Error)?) -> String {
        guard let code = (error as NSError?)?.code else { return "unreadable input" }
        switch code {
        case 4: return "document is empty"
        case 5: return "document ends too early"
        case 9: return "invalid character"
        case 23, 73: return "a tag is not closed with '>'"
        case 26, 27: return "undeclared entity"
        case 38, 39, 40, 41: return "attribute syntax error"
        case 64: return "XML declaration error"
        case 68: return "name expected"
        case 76: return "closing tag does not match the opening tag"
        case 77: return "tag is not closed"
        case 85: return "an element is left open at the end of the document"
        case 5000...: return "stopped"
        default: return "libxml2 error \(code)"
        }
    }
}
