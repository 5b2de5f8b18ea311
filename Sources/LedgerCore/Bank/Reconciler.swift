/// Reconciles bank bookings against committed disbursements: the match index and the rules.
///
/// Pure: the store feeds it the ledger's disbursements, the bookings earlier runs recorded
/// (`recordPrior`), and this statement's items one at a time; it keeps one slot per
/// disbursement (the match index) and nothing per item, so memory does not grow with the
/// statement. An item is matched by EndToEndId, else by a bank reference learnt from an
/// earlier matched booking, else by the first word of its remittance text that is a
/// disbursement id.
public struct Reconciler: Sendable {
    private struct Slot: Sendable {
        let payment: LedgerPayment
        var paid: Int32 = 0
        var returned: Int32 = 0
    }

    private var slots: [Slot] = []
    private var byID: [String: Int32] = [:]
    private var byBankRef: [String: Int32] = [:]
    private var ordinal = 0

    public init(payments: [LedgerPayment]) {
        slots.reserveCapacity(payments.count)
        byID.reserveCapacity(payments.count)
        for p in payments {
            byID[p.id] = Int32(slots.count)
            slots.append(Slot(payment: p))
        }
    }

    /// Counts a booking an earlier run recorded for `disbursementID`.
    public mutating func recordPrior(disbursementID: String, outflow: Bool, bankRef: String?) {
        guard let i = byID[disbursementID] else { return }
        if outflow { slots[Int(i)].paid += 1 } else { slots[Int(i)].returned += 1 }
        if let bankRef { byBankRef[bankRef] = i }
    }

    /// The disbursement an item refers to, and how it was found.
    public func match(_ item: BankItem) -> (Int32, ReconciledItem.MatchedBy)? {
        if let e2e = item.endToEndID, let i = byID[e2e] { return (i, .endToEndID) }
        if let ref = item.bankRef, let i = byBankRef[ref] { return (i, .bankRef) }
        if let text = item.remittance {
            for word in text.split(whereSeparator: { $0 == " " || $0 == "/" || $0 == "," || $0 == ";" }) {
                if let i = byID[String(word)] { return (i, .remittance) }
            }
        }
        return nil
    }

    /// Classifies one statement item; `alreadySeen` says an earlier statement reported the same booking.
    public mutating func classify(_ item: BankItem, alreadySeen: Bool) -> ReconciledItem {
        classify(item, alreadySeen: { _ in alreadySeen })
    }

    /// Classifies one statement item, matching it once: `alreadySeen` is given the id of the
    /// disbursement the item matches (nil for none), so the caller can record the booking with
    /// it, and answers whether an earlier statement reported the same booking.
    public mutating func classify(_ item: BankItem, alreadySeen: (_ disbursementID: String?) throws -> Bool) rethrows -> ReconciledItem {
        let found = match(item)
        let seen = try alreadySeen(found.map { slots[Int($0.0)].payment.id })
        ordinal += 1
        func result(_ k: ReconcileClass, _ message: String, discrepancy: Bool, suggestion: JSONValue? = nil) -> ReconciledItem {
            ReconciledItem(ordinal: ordinal, klass: k, item: item, disbursementID: found.map { slots[Int($0.0)].payment.id }, matchedBy: found?.1,
                           amount: item.amount, currency: item.currency, message: message, discrepancy: discrepancy, suggestion: suggestion)
        }
        if seen {
            return result(.alreadySeen, "booking already reported by an earlier statement; counted once", discrepancy: false)
        }
        guard let (index, _) = found else {
            return item.isOutflow
                ? result(.unknownDebit, "ALARM: the bank paid out \(show(item.amount, item.currency)) that matches no disbursement in the ledger", discrepancy: true)
                : result(.unrelatedCredit, "credit of \(show(item.amount, item.currency)) matches no disbursement", discrepancy: false)
        }
        let i = Int(index)
        let p = slots[i].payment
        if let ref = item.bankRef { byBankRef[ref] = index }
        if !item.isOutflow {
            slots[i].returned += 1
            if let reversal = p.reversedBy {
                return result(.returned, "returned by the bank\(reason(item)); the ledger has reversed it (\(reversal))", discrepancy: false)
            }
            let suggestion = JSONValue.object([
                "kind": .s("reversal"),
                "body": .object(["id": .s(Reconciler.reversalID(for: p.id)), "reverses": .s(p.id),
                                 "reason": .s("Returned by the bank\(reason(item)) in statement \(item.statementID)")]),
            ])
            return result(.returned, "returned by the bank\(reason(item)); propose a reversal of \(p.id)", discrepancy: true, suggestion: suggestion)
        }
        slots[i].paid += 1
        if let reversal = p.reversedBy {
            return result(.paidButReversed, "paid although the ledger reversed \(p.id) (\(reversal))", discrepancy: true)
        }
        if slots[i].paid - slots[i].returned > 1 {
            return result(.paidTwice, "\(p.id) was already paid; this is payment number \(slots[i].paid)", discrepancy: true)
        }
        if item.currency.utf8.elementsEqual(p.currency.utf8) == false {
            return result(.currencyMismatch, "paid in \(item.currency), the ledger committed \(show(p.amount, p.currency))", discrepancy: true)
        }
        if item.amount != p.amount {
            return result(.amountMismatch, "paid \(show(item.amount, item.currency)), the ledger committed \(show(p.amount, p.currency))", discrepancy: true)
        }
        if let paidTo = item.creditorAccount, let sealed = p.account, !paidTo.utf8.elementsEqual(sealed.utf8) {
            return result(.accountMismatch, "paid to account \(paidTo), the sealed record names another account", discrepancy: true)
        }
        return result(.matched, "paid once as committed", discrepancy: false)
    }

    /// Disbursements due for more than `afterDays` days before `asOf` (a date) that no statement
    /// has shown paid, in ledger order; only `currencies` when given (a statement covers its
    /// account's currency).
    public mutating func notSeen(asOf: String, afterDays: Int, currencies: Set<String>?) -> [ReconciledItem] {
        var out: [ReconciledItem] = []
        for s in slots where s.paid == 0 && s.returned == 0 && s.payment.reversedBy == nil {
            if let currencies, !currencies.contains(s.payment.currency) { continue }
            guard let due = CivilDate(s.payment.dueDate), let now = CivilDate(asOf), now.days - due.days > afterDays else { continue }
            ordinal += 1
            out.append(ReconciledItem(ordinal: ordinal, klass: .notSeen, item: nil, disbursementID: s.payment.id, matchedBy: nil,
                                      amount: s.payment.amount, currency: s.payment.currency,
                                      message: "committed at seq \(s.payment.seq), due \(s.payment.dueDate), not in any statement after \(now.days - due.days) days",
                                      discrepancy: true))
        }
        return out
    }

    /// The id suggested for the reversal of a returned disbursement (within the id pattern's 64 characters).
    static func reversalID(for id: String) -> String { String(id.prefix(Limits.entryIDCharactersMax - 7)) + "-return" }

    private func reason(_ item: BankItem) -> String { item.returnReason.map { " (reason \($0))" } ?? "" }

    private func show(_ amount: Int64, _ currency: String) -> String {
        "\(DecimalAmount.text(amount, digits: Currency.minorUnitDigits(currency))) \(currency)"
    }
}

/// A calendar date as a day number, for "how many days after" questions.
public struct CivilDate: Sendable, Comparable {
    /// Days since 1970-01-01.
    public let days: Int

    /// nil unless `text` is a real `YYYY-MM-DD` date.
    public init?(_ text: some StringProtocol) {
        let s = String(text.prefix(10))
        guard FieldRules.date(s) == nil, let y = Int(s.prefix(4)), let m = Int(s.dropFirst(5).prefix(2)), let d = Int(s.suffix(2)) else { return nil }
        // Howard Hinnant's days_from_civil.
        let yy = m <= 2 ? y - 1 : y
        let era = (yy >= 0 ? yy : yy - 399) / 400
        let yoe = yy - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        days = era * 146_097 + doe - 719_468
    }

    public static func < (a: CivilDate, b: CivilDate) -> Bool { a.days < b.days }
}
