/// Minor-unit exponents of ISO 4217 currencies, for display and payment files only:
/// amounts in the ledger are always integers in minor units.
public enum Currency {
    private static let exceptions: [String: Int] = [
        "BHD": 3, "CLP": 0, "ISK": 0, "JOD": 3, "JPY": 0, "KRW": 0, "KWD": 3, "OMR": 3, "PYG": 0, "TND": 3, "UGX": 0, "VND": 0,
    ]

    /// Decimal digits after the point (2 for MXN and USD).
    public static func minorUnitDigits(_ code: String) -> Int { exceptions[code] ?? 2 }
}
