import LedgerCore

/// The JSON of a reconciliation (Schemas/reconciliation.schema.json): the run's summary and its items.
///
/// Amounts are integers in minor units with their currency, as everywhere in the ledger.
public enum ReconcileJSON {
    public static let version: Int64 = 1

    /// One item; members listed in canonical order (a run writes one per booking).
    static func item(_ r: ReconciledItem) -> JSONValue {
        func opt(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }
        let bank: JSONValue = r.item.map { i in
            .object(uncheckedSortedMembers: [
                ("account", .string(i.account)), ("bank_ref", opt(i.bankRef)), ("booking_date", .string(i.bookingDate)),
                ("creditor_account", opt(i.creditorAccount)), ("direction", .string(i.direction.rawValue)), ("end_to_end_id", opt(i.endToEndID)),
                ("line", .integer(Int64(i.line))), ("remittance", opt(i.remittance)), ("return_reason", opt(i.returnReason)),
                ("reversal", .bool(i.reversal)), ("statement_id", .string(i.statementID)), ("value_date", opt(i.valueDate)),
            ])
        } ?? .null
        return .object(uncheckedSortedMembers: [
            ("amount", .integer(r.amount)), ("bank", bank), ("class", .string(r.klass.rawValue)), ("currency", .string(r.currency)),
            ("disbursement_id", opt(r.disbursementID)), ("discrepancy", .bool(r.discrepancy)), ("matched_by", opt(r.matchedBy?.rawValue)),
            ("message", .string(r.message)), ("ordinal", .integer(Int64(r.ordinal))), ("suggestion", r.suggestion ?? .null),
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
