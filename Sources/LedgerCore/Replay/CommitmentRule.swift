/// Rules R14 (commitments) and R15 (suspensions) of SPEC §10, decided here once, for the
/// verifier and the store alike (through `ReplayState.evaluate` and `checkProposal`).
extension ReplayState {
    /// The commitment an entry names, or the R14 refusal: it must be an earlier commitment.
    func namedCommitment(_ id: String, by what: String) -> Result<CommitmentRecord, Refusal> {
        guard let r = ids[id] else { return .failure(Refusal("\(what) names commitment \(id), which is no earlier entry's id")) }
        guard let index = commitmentIndex(id) else {
            return .failure(Refusal("\(what) names commitment \(id), but \(id) is the \(r.kind.rawValue) at seq \(r.seq)"))
        }
        return .success(book.commitments[index])
    }

    /// A rule's refusal, before it is given a seq.
    struct Refusal: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }

    /// R14 and R15 for a disbursement.
    func checkCommitmentRules(_ d: DisbursementBody, fail: (Rule, String) -> Void) {
        if let id = d.commitment {
            switch namedCommitment(id, by: "the disbursement") {
            case .failure(let refusal): fail(.r14, refusal.message)
            case .success(let c):
                if !c.pair.currency.sameUTF8(d.currency) || c.pair.category != d.category {
                    fail(.r14, "commitment \(id) is in (\(c.pair.category.rawValue), \(c.pair.currency)); the disbursement is in (\(d.category.rawValue), \(d.currency))")
                } else if let at = c.terminatedAt {
                    fail(.r14, "commitment \(id) was terminated (amended to 0) at seq \(at); nothing may be paid under it")
                } else {
                    let (after, overflow) = c.disbursed.addingReportingOverflow(d.amount)
                    if overflow {
                        fail(.r14, "total disbursed under commitment \(id) overflows 64 bits")
                    } else if after - c.reversed > c.amount {
                        fail(.r14, "net disbursed under commitment \(id) would be \(after - c.reversed), above its value \(c.amount) (remaining \(c.remaining))")
                    }
                }
            }
        }
        if let s = book.blocking(program: d.program, municipality: d.municipality, commitment: d.commitment) {
            fail(.r15, Self.blocked(by: s, what: "disbursement"))
        }
    }

    /// R15 for a new commitment: its programme and municipality must not be suspended.
    func checkCommitmentRules(_ c: CommitmentBody, fail: (Rule, String) -> Void) {
        if let s = book.blocking(program: c.program, municipality: c.municipality, commitment: nil) {
            fail(.r15, Self.blocked(by: s, what: "commitment"))
        }
    }

    /// The R15 message for an entry of kind `what` that names a suspended scope.
    static func blocked(by s: ActiveSuspension, what: String) -> String {
        "\(s.scope) is suspended (suspension \(s)); no \(what) may name it"
    }

    /// R14 for an amendment: an earlier, not terminated commitment, and not below what is paid under it.
    func checkCommitmentRules(_ a: AmendmentBody, fail: (Rule, String) -> Void) {
        switch namedCommitment(a.commitment, by: "the amendment") {
        case .failure(let refusal): fail(.r14, refusal.message)
        case .success(let c):
            if let at = c.terminatedAt {
                fail(.r14, "commitment \(a.commitment) was terminated (amended to 0) at seq \(at); it cannot be amended")
            } else if a.amount < c.net {
                fail(.r14, "new value \(a.amount) of commitment \(a.commitment) is below the \(c.net) already disbursed under it (net)")
            }
        }
    }

    /// R15 for a suspension: suspend what is not suspended, resume what is, and a commitment scope
    /// names an earlier commitment.
    func checkSuspensionRules(_ s: SuspensionBody, fail: (Rule, String) -> Void) {
        if case .commitment(let id) = s.scope, case .failure(let refusal) = namedCommitment(id, by: "the suspension scope") {
            fail(.r15, refusal.message)
        }
        let current = book.suspension(of: s.scope)
        switch (s.action, current) {
        case (.suspend, let a?): fail(.r15, "\(s.scope) is already suspended (suspension \(a.id) at seq \(a.seq)); resume it first")
        case (.resume, nil): fail(.r15, "\(s.scope) is not suspended; only a suspended scope can be resumed")
        default: break
        }
    }

    /// The id of the commitment a disbursement was made under, if any.
    public func commitmentOfDisbursement(_ id: String) -> String? {
        guard let r = ids[id], r.kind == .disbursement, let index = r.commitment else { return nil }
        return book.commitments[index].id
    }

    /// The commitment recorded under `id`, if it is a commitment.
    public func commitment(_ id: String) -> CommitmentRecord? { commitmentIndex(id).map { book.commitments[$0] } }

    /// The position in the commitment table of the commitment `id`; nil unless `id` is one (a
    /// disbursement's record points at the commitment it paid under, which is not itself).
    func commitmentIndex(_ id: String) -> Int? {
        guard let r = ids[id], r.kind == .commitment else { return nil }
        return r.commitment
    }
}
