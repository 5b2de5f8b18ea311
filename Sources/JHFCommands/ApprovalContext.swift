import LedgerCore
import LedgerStore

/// What an officer must see before signing, beyond the proposal itself: for a payment under a
/// commitment, the contract and what remains of it after this payment; for an amendment, the
/// commitment's figures; for a suspension, what it blocks or lifts; for any payment or
/// commitment, a suspension that would refuse it. Read from the ledger as it is now, from the
/// local store or from the service (the rules are checked again when the entry is appended).
struct ApprovalContext {
    let commitment: (String) throws -> CommitmentView?
    let activeSuspensions: () throws -> [SuspensionView]

    static func local(_ store: LedgerStore) -> ApprovalContext {
        ApprovalContext(commitment: { id in try guarded { try store.commitmentView(id: id) } },
                        activeSuspensions: { try guarded { try store.suspensionViews(activeOnly: true) } })
    }

    static func remote(_ client: RemoteClient) -> ApprovalContext {
        ApprovalContext(commitment: { id in try client.commitment(id: id) }, activeSuspensions: { try client.activeSuspensions() })
    }

    /// The lines to show under the proposal; empty for kinds that need none.
    func lines(for p: ProposalRecord) throws -> [String] {
        var out: [String] = []
        switch p.body {
        case .disbursement(let d):
            if let id = d.commitment { out += try underCommitment(id, paying: d.amount, currency: d.currency) }
            out += try blocked(by: [.program(d.program), .municipality(d.municipality)] + (d.commitment.map { [.commitment($0)] } ?? []), what: "payment")
        case .commitment(let c):
            out += try blocked(by: [.program(c.program), .municipality(c.municipality)], what: "commitment")
        case .amendment(let a):
            guard let c = try commitment(a.commitment) else {
                return ["WARNING: commitment \(a.commitment) is not in the ledger; the ledger will refuse this amendment (R14)."]
            }
            out += describe(c)
            if a.amount < c.net {
                out.append("WARNING: the new value is below the \(Render.amount(c.net, c.body.currency)) already paid; the ledger will refuse it (R14).")
            } else {
                out.append("after this amendment: value \(Render.amount(a.amount, c.body.currency)), remaining \(Render.amount(a.amount - c.net, c.body.currency))\(a.amount == 0 ? " — TERMINATED for good: no payment or amendment may name it again" : "")")
            }
        case .suspension(let s):
            out += try suspension(s)
        case .genesis, .keyUpdate, .budgetUpdate, .reversal:
            break
        }
        // Every value comes from a proposer or the ledger: shown with controls and bidi overrides escaped.
        return out.map(DisplayText.escaped)
    }

    private func describe(_ c: CommitmentView) -> [String] {
        let cur = c.body.currency
        let amended = c.amendments.isEmpty ? "" : ", \(c.amendments.count) amendment(s); signed at \(Render.amount(c.body.amount, cur))"
        return [
            "commitment \(c.body.id) (\(c.status.rawValue)):",
            "  title:       \(c.body.title)",
            "  supplier:    \(c.body.supplierName)",
            "  value:       \(Render.amount(c.value, cur)) (signed \(c.body.dateSigned)\(amended))",
            "  paid so far: \(Render.amount(c.net, cur)) net (\(Render.amount(c.disbursed, cur)) disbursed, \(Render.amount(c.reversed, cur)) reversed)",
        ]
    }

    private func underCommitment(_ id: String, paying amount: Int64, currency: String) throws -> [String] {
        guard let c = try commitment(id) else {
            return ["WARNING: commitment \(id) is not in the ledger; the ledger will refuse this payment (R14)."]
        }
        var out = describe(c)
        let after = c.remaining - amount
        if c.status == .terminated {
            out.append("WARNING: the commitment is terminated; the ledger will refuse this payment (R14).")
        } else if !c.body.currency.sameUTF8(currency) {
            out.append("WARNING: the commitment is in \(c.body.currency), the payment in \(currency); the ledger will refuse it (R14).")
        } else if after < 0 {
            out.append("WARNING: this payment exceeds the \(Render.amount(c.remaining, currency)) that remain; the ledger will refuse it (R14).")
        } else {
            out.append("  remaining after this payment: \(Render.amount(after, currency))")
        }
        return out
    }

    private func blocked(by scopes: [SuspensionScope], what: String) throws -> [String] {
        let active = try activeSuspensions()
        return scopes.compactMap { scope in
            active.first { $0.body.scope == scope }.map { s in
                "WARNING: \(Self.name(scope)) is suspended (\(s.body.id), seq \(s.seq), \(s.body.basis.rawValue)); the ledger will refuse this \(what) (R15)."
            }
        }
    }

    private func suspension(_ s: SuspensionBody) throws -> [String] {
        let scope = Self.name(s.scope)
        let current = try activeSuspensions().first { $0.body.scope == s.scope }
        var out: [String] = []
        if case .commitment(let id) = s.scope {
            if let c = try commitment(id) { out.append("  commitment:  \(c.body.title) (\(c.body.supplierName))") }
            else { out.append("WARNING: commitment \(id) is not in the ledger; the ledger will refuse this suspension (R15).") }
        }
        switch (s.action, current) {
        case (.suspend, nil):
            let blocks: String
            switch s.scope {
            case .program(let v): blocks = "every new payment and every new commitment in programme \(v)"
            case .municipality(let v): blocks = "every new payment naming municipality \(v) and every new commitment there"
            case .commitment(let v): blocks = "every new payment under commitment \(v)"
            }
            out.append("blocks: \(blocks), until a resume is co-signed; reversals and amendments stay allowed; payments already in the ledger are not ordered to the bank while it lasts.")
        case (.suspend, let a?):
            out.append("WARNING: \(scope) is already suspended (\(a.body.id), seq \(a.seq)); the ledger will refuse this (R15).")
        case (.resume, let a?):
            out.append("lifts: the suspension of \(scope) by \(a.body.id) at seq \(a.seq) (\(a.body.basis.rawValue), since \(a.committedAt)); payments may name it again.")
        case (.resume, nil):
            out.append("WARNING: \(scope) is not suspended; the ledger will refuse this resume (R15).")
        }
        return out
    }

    /// `municipality 25006 (Culiacán, Sinaloa)`; the other scopes as they are.
    static func name(_ scope: SuspensionScope) -> String {
        if case .municipality(let code) = scope, let n = Municipalities.name(of: code) { return "\(scope) (\(n.municipality), \(n.state))" }
        return scope.description
    }
}
