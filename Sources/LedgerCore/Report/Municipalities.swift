/// Names of Mexican municipalities by INEGI code (cvegeo: 2-digit state + 3-digit municipality).
public enum Municipalities {
    /// A municipality's state and own name, as INEGI spells them.
    public struct Name: Sendable, Equatable {
        public let state: String
        public let municipality: String
    }

    /// The catalogue, parsed once on first use.
    private static let table: [UInt32: Name] = {
        var out: [UInt32: Name] = [:]
        for line in catalogueCSV.split(separator: "\n").dropFirst() {
            // cvegeo,cve_ent,nom_ent,cve_mun,nom_mun — only the last field is ever quoted (it may hold a comma).
            let f = line.split(separator: ",", maxSplits: 4, omittingEmptySubsequences: false)
            precondition(f.count == 5, "malformed catalogue line \(line)")
            var name = Substring(f[4])
            if name.hasPrefix("\""), name.hasSuffix("\""), name.count >= 2 { name = name.dropFirst().dropLast() }
            guard let code = code(String(f[0])) else { preconditionFailure("malformed catalogue code \(f[0])") }
            out[code] = Name(state: String(f[2]), municipality: String(name))
        }
        return out
    }()

    /// Number of municipalities in the catalogue.
    public static var count: Int { table.count }

    /// The name of a code that passes `FieldRules.municipality`, or nil if the catalogue lacks it.
    public static func name(of code: String) -> Name? {
        Municipalities.code(code).flatMap { table[$0] }
    }

    /// A five-digit code as a number (keys of compact tables); nil unless five ASCII digits.
    public static func code(_ s: String) -> UInt32? {
        let b = Array(s.utf8)
        guard b.count == 5, b.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return b.reduce(0) { $0 * 10 + UInt32($1 - 0x30) }
    }

    /// The five-digit text of a numeric code.
    public static func text(_ code: UInt32) -> String {
        let s = String(code)
        return String(repeating: "0", count: max(0, 5 - s.count)) + s
    }
}
