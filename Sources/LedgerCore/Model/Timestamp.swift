/// RFC 3339 UTC timestamps from Unix time, by civil-calendar arithmetic (no clock read here).
public enum Timestamp {
    /// `YYYY-MM-DDTHH:MM:SSZ` for whole seconds since 1970-01-01T00:00:00Z.
    public static func string(unixSeconds t: Int64) -> String {
        let days = t >= 0 ? t / 86_400 : (t - 86_399) / 86_400
        let secs = t - days * 86_400
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        // Years 0...9999 (every timestamp the ledger accepts) are written as bytes directly.
        if (0...9999).contains(y) {
            return String(unsafeUninitializedCapacity: 20) { out in
                var o = 0
                func digits(_ v: Int64, _ w: Int) {
                    var v = v
                    for i in stride(from: w - 1, through: 0, by: -1) {
                        out[o + i] = UInt8(ascii: "0") + UInt8(v % 10)
                        v /= 10
                    }
                    o += w
                }
                func char(_ c: Unicode.Scalar) { out[o] = UInt8(ascii: c); o += 1 }
                digits(y, 4); char("-"); digits(m, 2); char("-"); digits(d, 2); char("T")
                digits(secs / 3600, 2); char(":"); digits(secs % 3600 / 60, 2); char(":"); digits(secs % 60, 2); char("Z")
                return o
            }
        }
        func pad(_ v: Int64, _ w: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, w - s.count)) + s
        }
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(secs / 3600, 2)):\(pad(secs % 3600 / 60, 2)):\(pad(secs % 60, 2))Z"
    }

    /// Seconds since 1970-01-01T00:00:00Z for a well-formed `YYYY-MM-DDTHH:MM:SSZ`, else nil.
    public static func unixSeconds(_ s: String) -> Int64? {
        guard FieldRules.timestamp(s) == nil else { return nil }
        let b = Array(s.utf8)
        func n(_ r: Range<Int>) -> Int64 { b[r].reduce(0) { $0 * 10 + Int64($1 - 0x30) } }
        let (y0, m, d) = (n(0..<4), n(5..<7), n(8..<10))
        // Howard Hinnant's days_from_civil.
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        return days * 86_400 + n(11..<13) * 3600 + n(14..<16) * 60 + n(17..<19)
    }
}
