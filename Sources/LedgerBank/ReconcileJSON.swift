import LedgerCore

/// The JSON of a reconciliation (Schemas/reconciliation.schema.json): the run's summary and its items.
///
/// Amounts are integers in minor units with their currency, as everywhere in the ledger.
public enum ReconcileJSON {
    public static let version: Int64 = 1

    static func item(_ r: ReconciledItem) -> JSONValue {
        func opt(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }
        let bank: JSONValue = r.item.map { i in
            .object([
                "statement_id": .string(i.statementID), "account": .string(i.account), "line": .integer(Int64(i.line)),
                "direction": .string(i.direction.rawValue), "reversal": .bool(i.reversal), "booking_date": .string(i.bookingDate),
                "value_date": opt(i.valueDate), "end_to_end_id": opt(i.endToEndID), "bank_ref": opt(i.bankRef), "remittance": opt(i.remittance),
                "creditor_account": opt(i.creditorAccount), "return_reason": opt(i.returnReason),
            ])
        } ?? .null
        return .object([
            "ordinal": .integer(Int64(r.ordinal)), "class": .string(r.klass.rawValue), "discrepancy": .bool(r.discrepancy),
            "disbursement_id": opt(r.disbursementID), "matched_by": opt(r.matchedBy?.rawValue),
            "amount": .integer(r.amount), "currency": .string(r.currency), "message": .string(r.message),
            "suggestion": r.suggestion ?? .null, "bank": bank,
        ])
    }

    static func summary(run: Int64, runAt: String, sha256: Hash, info: StatementInfo, ledgerID: String, size: Int64, head: Hash,
                        asOf: String, notSeenAfterDays: Int, tally: Tally) -> JSONValue {
        let classes = ReconcileClass.allCases.map { k -> (String, JSONValue) in
            let amounts = (tally.amounts[k] ?? [:]).sorted { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }
                .map { JSONValue.object(["currency": .string($0.key), "amount": .integer($0.value)]) }
            return (k.rawValue, .object(["count": .integer(Int64(tally.counts[k] ?? 0)), "amounts": .array(amounts)]))
        }
        let statements = info.statements.map { s in
            JSONValue.object(["id": .string(s.id), "account": .string(s.account), "currency": s.currency.map { .string($0) } ?? .null,
                              "created_on": .string(s.createdOn)])
        }
        return .object([
            "version": .integer(version), "run": .integer(run), "run_at": .string(runAt),
            "statement": .object(["format": .string(info.format), "sha256": .string(sha256.hex), "statements": .array(statements),
                                  "items": .integer(Int64(info.items)), "not_booked": .integer(Int64(info.notBooked))]),
            "ledger": .object(["ledger_id": .string(ledgerID), "size": .integer(size), "head_hash": .string(head.hex)]),
            "as_of": .string(asOf), "not_seen_after_days": .integer(Int64(notSeenAfterDays)),
            "outcome": .string(tally.discrepancies == 0 ? "reconciled" : "discrepancies"),
            "discrepancies": .integer(Int64(tally.discrepancies)),
            "classes": .object(members: classes),
        ])
    }
}
