/// A witness policy (SPEC §12): `<k> of <INSTITUTION>,<INSTITUTION>,…`, e.g. `2 of ASF,GAO,JOB`.
/// A checkpoint meets it when valid cosignatures come from at least `k` distinct institutions
/// of the list (several keys of one institution count once).
public struct WitnessPolicy: Equatable, Sendable, CustomStringConvertible {
    public let quorum: Int
    public let institutions: [String]

    public init(quorum: Int, institutions: [String]) throws(LedgerError) {
        func bad(_ why: String) -> LedgerError { LedgerError(.schema, field: "witness_policy", why) }
        guard !institutions.isEmpty else { throw bad("names no institution") }
        for i in institutions where FieldRules.institution(i, role: .witness) != nil {
            throw bad("'\(i.prefix(40))' is not an institution code (^[A-Z][A-Z0-9-]{1,15}$)")
        }
        guard Set(institutions).count == institutions.count else { throw bad("names an institution twice") }
        guard quorum >= 1, quorum <= institutions.count else {
            throw bad("the quorum must be 1 to \(institutions.count) (the institutions listed), got \(quorum)")
        }
        (self.quorum, self.institutions) = (quorum, institutions)
    }

    /// Parses `<k> of <INST>,<INST>,…` (single spaces around `of`, no spaces in the list).
    public init(text: String) throws(LedgerError) {
        let bad = LedgerError(.schema, field: "witness_policy", "must be '<k> of <INSTITUTION>,<INSTITUTION>,…', e.g. '2 of ASF,GAO,JOB'")
        let parts = text.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[1] == "of", let k = Int(parts[0]), parts[0].utf8.allSatisfy({ (0x30...0x39).contains($0) }),
              parts[0].utf8.count <= 3 else { throw bad }
        try self.init(quorum: k, institutions: parts[2].split(separator: ",", omittingEmptySubsequences: false).map(String.init))
    }

    public var description: String { "\(quorum) of \(institutions.joined(separator: ","))" }

    /// The listed institutions that cosigned, in the policy's order.
    public func counted(_ check: SignedNote.CosignatureCheck) -> [String] {
        let have = check.institutions
        return institutions.filter { have.contains($0) }
    }

    public func isMet(by check: SignedNote.CosignatureCheck) -> Bool { counted(check).count >= quorum }

    /// Why `check` falls short of the policy (R12), or nil when it is met; `what` names the checkpoint.
    public func shortfall(_ check: SignedNote.CosignatureCheck, what: String) -> String? {
        let have = counted(check)
        guard have.count < quorum else { return nil }
        return "\(what) does not meet the witness policy '\(self)': valid cosignatures by "
            + (have.isEmpty ? "none of those institutions" : "\(have.count) (\(have.joined(separator: ", ")))")
    }
}
