/// A calendar quarter (`2026Q4`): the period a quarterly audit report covers.
///
/// An entry belongs to the quarter whose UTC dates contain its `committed_at`, the time
/// the ledger recorded it. Timestamps are fixed-width `YYYY-MM-DDTHH:MM:SSZ`, so the
/// bounds compare as bytes (R7 keeps them in order along the chain).
public struct Quarter: Sendable, Equatable, CustomStringConvertible {
    public let year: Int
    /// 1 to 4.
    public let number: Int

    /// Parses `YYYYQn`, a year from 0001 to 9999 and a quarter from 1 to 4.
    public init(_ text: String) throws(LedgerError) {
        let b = Array(text.utf8)
        guard b.count == 6, b[0...3].allSatisfy({ (0x30...0x39).contains($0) }), b[4] == UInt8(ascii: "Q"),
              (UInt8(ascii: "1")...UInt8(ascii: "4")).contains(b[5]),
              let year = Int(String(decoding: b[0...3], as: UTF8.self)), year >= 1
        else { throw LedgerError(.argument, field: "quarter", "must be YYYYQn with a year from 0001 to 9999 and n from 1 to 4, e.g. 2026Q4") }
        self.year = year
        number = Int(b[5] - UInt8(ascii: "0"))
    }

    /// The quarter holding a `YYYY-MM-…` date or timestamp; nil when it does not start with one.
    public init?(containing timestamp: String) {
        let b = Array(timestamp.utf8.prefix(7))
        guard b.count == 7, b[4] == UInt8(ascii: "-"), b.allSatisfy({ $0 == UInt8(ascii: "-") || (0x30...0x39).contains($0) }),
              let year = Int(String(decoding: b[0...3], as: UTF8.self)), year >= 1,
              let month = Int(String(decoding: b[5...6], as: UTF8.self)), (1...12).contains(month) else { return nil }
        (self.year, number) = (year, (month - 1) / 3 + 1)
    }

    private init(year: Int, number: Int) { (self.year, self.number) = (year, number) }

    /// The quarter after this one.
    public var next: Quarter { number == 4 ? Quarter(year: year + 1, number: 1) : Quarter(year: year, number: number + 1) }

    public var description: String { yearText + "Q\(number)" }

    private var yearText: String { String(repeating: "0", count: 4 - String(year).count) + String(year) }

    /// The first second of the quarter, UTC.
    public var start: String { "\(yearText)-\(["01", "04", "07", "10"][number - 1])-01T00:00:00Z" }

    /// The last second of the quarter, UTC (timestamps have whole seconds).
    public var end: String { "\(yearText)-\(["03-31", "06-30", "09-30", "12-31"][number - 1])T23:59:59Z" }

    /// Whether a valid timestamp falls in the quarter.
    public func contains(_ timestamp: String) -> Bool {
        !isBefore(timestamp) && !isAfter(timestamp)
    }

    /// Whether a valid timestamp is earlier than the quarter.
    public func isBefore(_ timestamp: String) -> Bool { timestamp.utf8.lexicographicallyPrecedes(start.utf8) }

    /// Whether a valid timestamp is later than the quarter.
    public func isAfter(_ timestamp: String) -> Bool { end.utf8.lexicographicallyPrecedes(timestamp.utf8) }
}
