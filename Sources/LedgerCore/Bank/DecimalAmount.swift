/// Decimal amounts as banks write them ("1234.56") to and from integer minor units.
///
/// No floating point anywhere: the text is split at the point and read digit by digit.
public enum DecimalAmount {
    /// Why a text is not an amount.
    public enum Problem: Error, Sendable, Equatable {
        /// Not digits with at most one point (no sign, exponent, grouping or spaces).
        case notDecimal
        /// More significant decimals than the currency has (the number the currency allows).
        case tooManyDecimals(allowed: Int)
        /// More than `Limits.bankAmountDigitsMax` digits, or beyond Int64.
        case tooLarge
    }

    /// The text as minor units of a currency with `digits` decimals.
    ///
    /// `extraZeros` lets the fraction run past the currency's decimals with zeros only
    /// ("8.850" is 885 cents): ISO 20022 amounts allow five fraction digits and banks pad.
    public static func minorUnits(_ text: some StringProtocol, digits: Int, extraZeros: Bool = false) -> Result<Int64, Problem> {
        let bytes = Array(text.utf8)
        let point = bytes.firstIndex(of: UInt8(ascii: "."))
        let whole = bytes[..<(point ?? bytes.endIndex)]
        var fraction = point.map { bytes[($0 + 1)...] } ?? []
        let isDigit: (UInt8) -> Bool = { $0 >= 0x30 && $0 <= 0x39 }
        guard !whole.isEmpty, whole.allSatisfy(isDigit), fraction.allSatisfy(isDigit), point == nil || !fraction.isEmpty else {
            return .failure(.notDecimal)
        }
        if fraction.count > digits {
            guard extraZeros, fraction.dropFirst(digits).allSatisfy({ $0 == 0x30 }) else { return .failure(.tooManyDecimals(allowed: digits)) }
            fraction = fraction.prefix(digits)
        }
        guard whole.count + digits <= Limits.bankAmountDigitsMax else { return .failure(.tooLarge) }
        var value: Int64 = 0
        for d in whole { value = value * 10 + Int64(d - 0x30) }
        for i in 0..<digits { value = value * 10 + (i < fraction.count ? Int64(fraction[fraction.startIndex + i] - 0x30) : 0) }
        return .success(value)
    }

    /// Minor units as plain decimal text with exactly `digits` decimals ("-12.50"), no grouping.
    public static func text(_ minor: Int64, digits: Int) -> String {
        var s = String(minor.magnitude)
        if digits > 0 {
            if s.count <= digits { s = String(repeating: "0", count: digits - s.count + 1) + s }
            s.insert(".", at: s.index(s.endIndex, offsetBy: -digits))
        }
        return (minor < 0 ? "-" : "") + s
    }

    /// Minor units for people: thousands grouped, the currency's decimals and its code
    /// (`1,234,567.50 MXN`), no floating point.
    public static func display(_ minor: Int64, currency: String) -> String {
        let plain = text(minor, digits: Currency.minorUnitDigits(currency))
        let negative = minor < 0
        let digits = negative ? String(plain.dropFirst()) : plain
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        return (negative ? "-" : "") + grouped(String(parts[0])) + (parts.count > 1 ? "." + parts[1] : "") + " " + currency
    }

    /// A string of digits with thousands separators (`1234567` → `1,234,567`).
    public static func grouped(_ digits: String) -> String {
        var whole = digits
        var i = whole.count - 3
        while i > 0 { whole.insert(",", at: whole.index(whole.startIndex, offsetBy: i)); i -= 3 }
        return whole
    }
}
