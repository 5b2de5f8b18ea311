import LedgerCore

/// JSON for open-data files, which (unlike ledger JSON) need decimal amounts in major units
/// (`2500000.50`) and keep members in the order a standard's documentation shows them.
/// Strings are escaped exactly as canonical JSON escapes them.
indirect enum OpenJSON: Sendable {
    case string(String)
    case integer(Int64)
    /// A decimal number written as given (from `DecimalAmount.text`, so always a valid number).
    case decimal(String)
    case bool(Bool)
    case null
    case array([OpenJSON])
    case object([(String, OpenJSON)])

    /// Minor units as a number in major units (`250000000` MXN is `2500000.00`).
    static func amount(_ minor: Int64, currency: String) -> OpenJSON {
        .decimal(DecimalAmount.text(minor, digits: Currency.minorUnitDigits(currency)))
    }

    /// `{"amount": …, "currency": …}`, the OCDS Value object.
    static func value(_ minor: Int64, currency: String) -> OpenJSON {
        .object([("amount", amount(minor, currency: currency)), ("currency", .string(currency))])
    }

    /// Compact bytes; `lines` puts each element of a top-level member array on its own line,
    /// so large packages stay readable with line tools.
    func write(into out: inout [UInt8], depth: Int = 0) {
        switch self {
        case .string(let s): out += JSONValue.string(s).canonicalBytes
        case .integer(let i): out += Array(String(i).utf8)
        case .decimal(let d): out += Array(d.utf8)
        case .bool(let b): out += Array((b ? "true" : "false").utf8)
        case .null: out += Array("null".utf8)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                if depth == 1 { out.append(0x0A) }
                item.write(into: &out, depth: depth + 1)
            }
            if depth == 1 && !items.isEmpty { out.append(0x0A) }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (i, (k, v)) in members.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                if depth == 0 { out.append(0x0A) }
                out += JSONValue.string(k).canonicalBytes
                out.append(UInt8(ascii: ":"))
                v.write(into: &out, depth: depth + 1)
            }
            if depth == 0 { out.append(0x0A) }
            out.append(UInt8(ascii: "}"))
        }
    }

    var bytes: [UInt8] {
        var out: [UInt8] = []
        write(into: &out)
        out.append(0x0A)
        return out
    }
}
