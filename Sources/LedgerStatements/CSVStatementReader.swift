import LedgerCore
import LedgerStoreBase

/// Streams the items of a statement in the project's CSV layout (docs/RECONCILIATION.md).
///
/// RFC 4180 fields (comma-separated, optionally double-quoted, `""` for a quote inside),
/// UTF-8, one item per line, this header first:
///
///     statement_id,account,booking_date,value_date,direction,reversal,amount,currency,end_to_end_id,bank_ref,remittance,creditor_account,return_reason
///
/// A quoted field may not span lines, so every error can name its line.
public struct CSVStatementReader {
    public static let header = ["statement_id", "account", "booking_date", "value_date", "direction", "reversal", "amount", "currency",
                                "end_to_end_id", "bank_ref", "remittance", "creditor_account", "return_reason"]
    private let path: String

    public init(path: String) { self.path = path }

    /// Reads the file, handing each item to `onItem`; the statement's description, or the first error.
    public func read(_ onItem: (BankItem) throws -> Void) throws -> StatementInfo {
        var info = StatementInfo(format: "csv")
        var keys = BookingKeys()
        var statements: [String: StatementInfo.Statement] = [:]
        let reader = try LineReader(path: path, lineBytesMax: Limits.statementFieldBytesMax)
        var lineNumber = 0
        while true {
            let lines = try reader.next(max: 4096)
            if lines.isEmpty { break }
            for line in lines {
                lineNumber += 1
                var bytes = line.bytes
                if bytes.last == 0x0D { bytes.removeLast() }
                guard bytes.count <= Limits.statementFieldBytesMax else {
                    throw LedgerError(.statement, field: "line", "line \(lineNumber): longer than \(Limits.statementFieldBytesMax) bytes")
                }
                guard let text = String(validating: bytes, as: UTF8.self) else {
                    throw LedgerError(.statement, field: "line", "line \(lineNumber): not valid UTF-8")
                }
                let fields = try CSVStatementReader.fields(text, line: lineNumber)
                if lineNumber == 1 {
                    let got = fields.map { $0.hasPrefix("\u{FEFF}") ? String($0.dropFirst()) : $0 }
                    guard got == CSVStatementReader.header else {
                        throw LedgerError(.statement, field: "header", "line 1: the header must be exactly \(CSVStatementReader.header.joined(separator: ","))")
                    }
                    continue
                }
                if text.isEmpty { continue }
                guard fields.count == CSVStatementReader.header.count else {
                    throw LedgerError(.statement, field: "line", "line \(lineNumber): \(fields.count) columns, the layout has \(CSVStatementReader.header.count)")
                }
                let item = try CSVStatementReader.item(fields, line: lineNumber, keys: &keys)
                if statements[item.statementID] == nil {
                    statements[item.statementID] = .init(id: item.statementID, account: item.account, currency: nil, createdOn: item.bookingDate)
                    info.statements.append(statements[item.statementID]!)
                }
                info.saw(bookingDate: item.bookingDate)
                info.items += 1
                guard info.items <= Limits.statementItemsMax else {
                    throw LedgerError(.statement, field: "line", "line \(lineNumber): more than \(Limits.statementItemsMax) items in one file")
                }
                try onItem(item)
            }
        }
        guard lineNumber > 0 else { throw LedgerError(.statement, field: "header", "the file is empty") }
        return info
    }

    /// One row as an item, or an error naming the column and line.
    static func item(_ f: [String], line: Int, keys: inout BookingKeys) throws(LedgerError) -> BankItem {
        func column(_ name: String) -> String { f[header.firstIndex(of: name)!] }
        func optional(_ name: String) -> String? { column(name).isEmpty ? nil : column(name) }
        func required(_ name: String) throws(LedgerError) -> String {
            guard let v = optional(name) else { throw LedgerError(.statement, field: name, "line \(line): must not be empty") }
            return v
        }
        let statementID = try required("statement_id"), account = try required("account")
        let bookingDate = try statementDate(try required("booking_date"), element: "booking_date", line: line)
        let valueDate = try optional("value_date").map { (v) throws(LedgerError) in try statementDate(v, element: "value_date", line: line) }
        guard let direction = BankItem.Direction(rawValue: column("direction")) else {
            throw LedgerError(.statement, field: "direction", "line \(line): must be DBIT or CRDT, found \"\(column("direction"))\"")
        }
        let reversal: Bool
        switch column("reversal") {
        case "", "false": reversal = false
        case "true": reversal = true
        default: throw LedgerError(.statement, field: "reversal", "line \(line): must be true, false or empty")
        }
        let (amount, currency) = try statementAmount(try required("amount"), currency: optional("currency"), element: "amount", line: line)
        let e2e = optional("end_to_end_id"), bankRef = optional("bank_ref"), remittance = optional("remittance")
        guard e2e != nil || bankRef != nil || remittance != nil else {
            throw LedgerError(.statement, field: "end_to_end_id", "line \(line): the item has no reference to match it by (end_to_end_id, bank_ref or remittance)")
        }
        let key = keys.key(account: account, entryRef: bankRef, detail: "\(direction.rawValue) \(reversal) \(e2e ?? "")",
                           fields: [bookingDate, valueDate ?? "", direction.rawValue, "\(reversal)", "\(amount)", currency, e2e ?? "", remittance ?? ""])
        return BankItem(statementID: statementID, account: account, line: line, direction: direction, reversal: reversal, amount: amount,
                        currency: currency, bookingDate: bookingDate, valueDate: valueDate, endToEndID: e2e, bankRef: bankRef,
                        remittance: remittance, creditorAccount: optional("creditor_account"), returnReason: optional("return_reason"), bookingKey: key)
    }

    /// The fields of one RFC 4180 line.
    static func fields(_ line: String, line number: Int) throws(LedgerError) -> [String] {
        var out: [String] = [], field = "", quoted = false, wasQuoted = false
        var it = line.unicodeScalars.makeIterator()
        while let c = it.next() {
            if quoted {
                if c == "\"" {
                    var peek = it
                    if peek.next() == "\"" { field.unicodeScalars.append("\""); it = peek } else { quoted = false }
                } else { field.unicodeScalars.append(c) }
            } else if c == "," {
                out.append(field); field = ""; wasQuoted = false
            } else if c == "\"" && field.isEmpty && !wasQuoted {
                quoted = true; wasQuoted = true
            } else if wasQuoted {
                throw LedgerError(.statement, field: "line", "line \(number): text after a closing quote in column \(out.count + 1)")
            } else {
                field.unicodeScalars.append(c)
            }
        }
        guard !quoted else { throw LedgerError(.statement, field: "line", "line \(number): a quoted field is not closed on its line") }
        out.append(field)
        return out
    }
}
