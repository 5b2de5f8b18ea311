import CLibXML2
import Foundation
import LedgerCore
import LedgerStoreBase

/// Streams the booked items of an ISO 20022 camt.053 statement (versions .001.02 and .001.08).
///
/// libxml2's SAX2 push parser is fed the file in 64 KiB pieces: memory holds one entry at a
/// time, never the document. Each booked entry's transaction details become one `BankItem`
/// each; an entry without details is one item. Entities are never loaded from outside
/// (no network, no external subset) and none is substituted.
public final class Camt053Reader {
    public static let namespaces = [
        "urn:iso:std:iso:20022:tech:xsd:camt.053.001.02": "camt.053.001.02",
        "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08": "camt.053.001.08",
    ]
    /// Bytes handed to the parser at a time.
    static let chunkBytes = 1 << 16

    private let stream: InputStream
    private var ctxt: xmlParserCtxtPtr?
    private let onItem: (BankItem) throws -> Void
    private var info = StatementInfo(format: "")
    private var failure: (any Error)?
    private var path: [String] = []
    private var text: [UInt8] = []
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
        self.stream = stream
        self.onItem = onItem
    }

    /// Reads the whole stream; the statement's description, or the first error.
    public func read() throws -> StatementInfo {
        var handler = xmlSAXHandler()
        handler.initialized = UInt32(XML_SAX2_MAGIC)
        handler.startElementNs = { ctx, localname, _, uri, _, _, attributeCount, _, attributes in
            Unmanaged<Camt053Reader>.fromOpaque(ctx!).takeUnretainedValue().start(localname, uri, Int(attributeCount), attributes)
        }
        handler.endElementNs = { ctx, localname, _, _ in
            Unmanaged<Camt053Reader>.fromOpaque(ctx!).takeUnretainedValue().end(localname)
        }
        handler.characters = { ctx, bytes, count in
            Unmanaged<Camt053Reader>.fromOpaque(ctx!).takeUnretainedValue().characters(bytes, Int(count))
        }
        guard let c = xmlCreatePushParserCtxt(&handler, Unmanaged.passUnretained(self).toOpaque(), nil, 0, nil) else {
            throw StoreError(.io, field: "statement", "libxml2 cannot create a parser")
        }
        ctxt = c
        defer { xmlFreeParserCtxt(c); ctxt = nil }
        xmlCtxtUseOptions(c, Int32(XML_PARSE_NONET.rawValue))
        stream.open()
        defer { stream.close() }
        var buffer = [UInt8](repeating: 0, count: Camt053Reader.chunkBytes)
        while failure == nil {
            let n = buffer.withUnsafeMutableBufferPointer { stream.read($0.baseAddress!, maxLength: $0.count) }
            guard n >= 0 else { throw StoreError(.io, field: "statement", "read failed: \(stream.streamError?.localizedDescription ?? "unknown error")") }
            let rc = buffer.withUnsafeBufferPointer { b in
                b.baseAddress!.withMemoryRebound(to: CChar.self, capacity: b.count) { xmlParseChunk(c, $0, Int32(n), n == 0 ? 1 : 0) }
            }
            if rc != 0 && failure == nil {
                let e = xmlCtxtGetLastError(c)
                let message = e.flatMap { $0.pointee.message.map { String(cString: $0) } }?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "error \(rc)"
                let line = e.map { Int($0.pointee.line) } ?? lineNumber
                failure = LedgerError(.statement, field: path.last ?? "Document", "line \(line): malformed XML (\(message))")
            }
            if n == 0 { break }
        }
        if let failure { throw failure }
        guard !info.format.isEmpty else { throw LedgerError(.statement, field: "Document", "the file has no camt.053 Document element") }
        return info
    }

    private var lineNumber: Int { ctxt.map { Int(xmlSAX2GetLineNumber($0)) } ?? 0 }

    private func fail(_ e: any Error) {
        if failure == nil { failure = e }
        if let ctxt { xmlStopParser(ctxt) }
    }

    private func fail(_ element: String, _ message: String, line: Int? = nil) {
        fail(LedgerError(.statement, field: element, "line \(line ?? lineNumber): \(message)"))
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

    // MARK: SAX2 events

    private func start(_ localname: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?, _ attributeCount: Int,
                       _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        guard failure == nil, let localname else { return }
        let name = String(cString: localname)
        let namespaceURI = uri.map { String(cString: $0) }
        // Attributes come as (localname, prefix, URI, value start, value end) pointers; only Ccy is read.
        func attribute(_ wanted: String) -> String? {
            guard let attributes else { return nil }
            for i in 0..<attributeCount {
                guard let n = attributes[5 * i], String(cString: n) == wanted, let start = attributes[5 * i + 3], let end = attributes[5 * i + 4] else { continue }
                return String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)
            }
            return nil
        }
        if path.isEmpty {
            guard name == "Document" else { return fail(name, "the root element must be Document, found \(name)") }
            guard let ns = namespaceURI, let format = Camt053Reader.namespaces[ns] else {
                return fail("Document", "namespace \"\(namespaceURI ?? "")\" is not camt.053.001.02 or camt.053.001.08")
            }
            info.format = format
        }
        path.append(name)
        text.removeAll(keepingCapacity: true)
        textLine = lineNumber
        switch name {
        // A statement message is the Document's child, never nested in a statement or entry
        // (which would reset the statement an open entry belongs to).
        case "BkToCstmrStmt" where path.count != 2:
            return fail("BkToCstmrStmt", "must be the Document's child; found inside \(path.dropLast().joined(separator: "/"))")
        case "Stmt" where ends("BkToCstmrStmt", "Stmt"):
            (stmtID, stmtCreated, stmtAccount, stmtCurrency, stmtLine) = (nil, nil, nil, nil, lineNumber)
        case "Ntry" where ends("Stmt", "Ntry"):
            guard stmtID != nil, stmtAccount != nil else {
                return fail("Ntry", "an entry comes before its statement's Id and Acct")
            }
            entry = Entry(line: lineNumber)
        // Transaction details count only inside an entry (a stray NtryDtls elsewhere is ignored).
        case "TxDtls" where entry != nil && ends("Ntry", "NtryDtls", "TxDtls"):
            detail = Detail(line: lineNumber)
        case "Amt" where entry != nil:
            if ends("Stmt", "Ntry", "Amt") {
                entry!.currency = attribute("Ccy")
                entry!.amountLine = lineNumber
            } else if detail != nil && (ends("TxDtls", "Amt") || ends("TxDtls", "AmtDtls", "TxAmt", "Amt")) {
                detail!.currency = attribute("Ccy")
                detail!.amountLine = lineNumber
            }
        default: break
        }
    }

    private func characters(_ bytes: UnsafePointer<xmlChar>?, _ count: Int) {
        guard failure == nil, !path.isEmpty, let bytes else { return }
        guard text.count + count <= Limits.statementFieldBytesMax else {
            return fail(path.last!, "text longer than \(Limits.statementFieldBytesMax) bytes")
        }
        text.append(contentsOf: UnsafeBufferPointer(start: bytes, count: count))
    }

    private func end(_ localname: UnsafePointer<xmlChar>?) {
        guard failure == nil, let localname else { return }
        let name = String(cString: localname)
        let value = Camt053Reader.trimmed(text)
        defer { path.removeLast(); text.removeAll(keepingCapacity: true) }
        if detail != nil { endInDetail(name, value) } else if entry != nil { endInEntry(name, value) } else { endInStatement(name, value) }
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
            if entry != nil { entry!.details.append(detail!) }
            detail = nil
        }
    }

    /// Checks a finished entry and hands on its items (booked entries only).
    private func emit(_ e: Entry) throws {
        guard let statementID = stmtID, let account = stmtAccount else {
            throw LedgerError(.statement, field: "Ntry", "line \(e.line): the entry's statement has no Id and Acct")
        }
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
            let key = keys.key(account: account, entryRef: e.bankRef ?? e.entryRef, detail: "\(d) \(e.reversal) \(t.bankRef ?? t.endToEndID ?? "#\(n)")",
                               fields: [bookingDate, valueDate ?? "", d, "\(e.reversal)", "\(itemAmount)", currency, t.endToEndID ?? "", bankRef ?? "", remittance ?? ""])
            info.items += 1
            guard info.items <= Limits.statementItemsMax else {
                throw LedgerError(.statement, field: "Ntry", "line \(t.line): more than \(Limits.statementItemsMax) items in one file")
            }
            try onItem(BankItem(statementID: statementID, account: account, line: t.line, direction: direction, reversal: e.reversal,
                                amount: itemAmount, currency: currency, bookingDate: bookingDate, valueDate: valueDate,
                                endToEndID: t.endToEndID, bankRef: bankRef, remittance: remittance,
                                creditorAccount: t.creditorAccount, returnReason: t.returnReason, bookingKey: key))
        }
    }

    /// The text without leading and trailing XML white space (space, tab, CR, LF).
    static func trimmed(_ bytes: [UInt8]) -> String {
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = bytes.lastIndex(where: { !isSpace($0) })!
        return String(decoding: bytes[first...last], as: UTF8.self)
    }
}
