import LedgerCore
import LedgerStore

/// Text and JSON renderings of proposals and reports, for people and for scripts.
enum Render {
    static func json(_ v: JSONValue) -> String { String(decoding: v.canonicalBytes, as: UTF8.self) }

    /// An amount in minor units as a decimal with the currency's exponent (no floating point).
    static func amount(_ minor: Int64, _ currency: String) -> String { DecimalAmount.display(minor, currency: currency) }

    static func proposal(_ p: ProposalRecord) -> String {
        var lines = ["proposal \(p.id) (\(p.kind.rawValue)) — \(p.status.rawValue)\(p.committedSeq.map { " at seq \($0)" } ?? "")"]
        switch p.body {
        case .genesis(let g):
            lines.append("  title:       \(g.title)")
            lines.append("  currencies:  \(g.currencies.joined(separator: ", "))")
            for k in g.keys { lines.append("  key:         \(k.name) (\(k.institution) \(k.role.rawValue))") }
            for b in g.budgets { lines.append("  budget:      \(b.pair.category.rawValue) \(amount(b.amount, b.pair.currency))") }
        case .disbursement(let d):
            lines.append("  amount:      \(amount(d.amount, d.currency))")
            lines.append("  payee:       \(d.payeeName)")
            lines.append("  category:    \(d.category.rawValue) / \(d.program)")
            lines.append("  municipality:\(d.municipality)")
            lines.append("  purpose:     \(d.purpose)")
            lines.append("  value date:  \(d.valueDate)")
            if let c = d.commitment { lines.append("  commitment:  \(c)") }
            if let s = p.sealed {
                lines.append("  sealed:      CLABE \(s.accountNumber), RFC \(s.payeeTaxID.isEmpty ? "(none)" : s.payeeTaxID)\(s.notes.isEmpty ? "" : ", notes: \(s.notes)")")
            }
        case .reversal(let r):
            lines.append("  reverses:    \(r.reverses)")
            lines.append("  reason:      \(r.reason)")
        case .keyUpdate(let u):
            for k in u.add { lines.append("  add key:     \(k.name) (\(k.institution) \(k.role.rawValue)) \(k.publicKey.base64)") }
            for n in u.revoke { lines.append("  revoke key:  \(n)") }
            lines.append("  reason:      \(u.reason)")
        case .budgetUpdate(let u):
            for b in u.budgets { lines.append("  envelope:    \(b.pair.category.rawValue) \(amount(b.amount, b.pair.currency))") }
            lines.append("  reason:      \(u.reason)")
        case .commitment(let c):
            lines.append("  title:       \(c.title)")
            lines.append("  supplier:    \(c.supplierName)")
            lines.append("  value:       \(amount(c.amount, c.currency))")
            lines.append("  category:    \(c.category.rawValue) / \(c.program)")
            lines.append("  municipality:\(c.municipality)")
            lines.append("  procurement: \(c.procurementMethod.rawValue)\(c.reference.isEmpty ? "" : ", reference \(c.reference)")")
            lines.append("  signed:      \(c.dateSigned)")
        case .amendment(let a):
            lines.append("  commitment:  \(a.commitment)")
            lines.append("  new value:   \(a.amount == 0 ? "0 (terminates the commitment for good)" : String(a.amount) + " (minor units)")")
            lines.append("  reason:      \(a.reason)")
        case .suspension(let s):
            lines.append("  action:      \(s.action.rawValue)")
            lines.append("  scope:       \(s.scope)")
            lines.append("  basis:       \(s.basis.rawValue)")
            lines.append("  reason:      \(s.reason)")
        }
        lines.append("  approvals:   \(p.approvals.isEmpty ? "none yet" : p.approvals.map { "\($0.keyName) (\($0.institution))" }.joined(separator: ", "))")
        lines.append("  digest:      \(p.approvalDigest.spokenGroups)")
        // Every value comes from a proposer: shown with controls and bidi overrides escaped.
        return lines.map(DisplayText.escaped).joined(separator: "\n")
    }

    static func report(_ r: VerifyReport) -> String {
        var lines: [String] = []
        lines.append(r.ok ? "VALID: every rule holds." : "INVALID: \(r.failureCount) failure(s).")
        lines.append("ledger:       \(r.ledgerID ?? "(unknown)")\(r.title.map { " — \($0)" } ?? "")")
        lines.append("entries:      \(r.entries)")
        lines.append("genesis hash: \(r.genesisHash?.hex ?? "-")")
        lines.append("head hash:    \(r.headHash?.hex ?? "-")")
        if let c = r.checkpoint {
            let signers = c.logSignatures.isEmpty ? "no valid log-key signature" : "signed by \(c.logSignatures.joined(separator: ", "))"
            lines.append("checkpoint:   \(c.size) entries, root \(c.root.hex), \(signers)\(c.otherSignatures > 0 ? " (+\(c.otherSignatures) other signature lines)" : "")")
            if !c.cosignatures.isEmpty || c.policy != nil {
                let who = c.cosignatures.map { "\($0.name) (\($0.institution))" }.joined(separator: ", ")
                lines.append("cosigned by:  \(who.isEmpty ? "nobody" : who)\(c.policy.map { "; witness policy \($0)" } ?? "")")
            }
        }
        if !r.totals.isEmpty {
            lines.append("totals:")
            for t in r.totals {
                let budget = t.budget.map { " of envelope \(amount($0, t.pair.currency))" } ?? " (no envelope)"
                lines.append("  \(t.pair.category.rawValue) \(t.pair.currency): net \(amount(t.totals.net, t.pair.currency))\(budget); disbursed \(amount(t.totals.disbursed, t.pair.currency)), reversed \(amount(t.totals.reversed, t.pair.currency))")
            }
        }
        if !r.commitments.isEmpty {
            lines.append("commitments:")
            for c in r.commitments {
                let x = c.record, cur = x.pair.currency
                let amended = x.amendments > 0 ? " (signed at \(amount(x.originalAmount, cur)), \(x.amendments) amendment(s))" : ""
                lines.append("  \(x.id) \(c.status.rawValue): value \(amount(x.amount, cur))\(amended); net disbursed \(amount(x.net, cur)), remaining \(amount(x.remaining, cur))")
            }
        }
        if !r.suspensions.isEmpty {
            lines.append("active suspensions:")
            for s in r.suspensions { lines.append("  \(s.scope): since seq \(s.seq) (\(s.id), \(s.basis.rawValue))") }
        }
        if !r.keys.isEmpty {
            lines.append("keys:")
            for k in r.keys {
                lines.append("  \(k.key.name) \(k.key.institution) \(k.key.role.rawValue): added at seq \(k.addedAt)\(k.revokedAt.map { ", revoked at seq \($0)" } ?? "")")
            }
        }
        if !r.failures.isEmpty {
            lines.append("failures:")
            for f in r.failures { lines.append("  \(f)") }
            if r.failureCount > r.failures.count { lines.append("  … and \(r.failureCount - r.failures.count) more") }
        }
        // Titles, key names and failure messages come from the ledger being checked, which may be hostile.
        return lines.map(DisplayText.escaped).joined(separator: "\n")
    }
}
