extension AuditReport {
    /// Failures a report lists in full; the rest are counted (the verifier lists them all).
    public static let failuresListedMax = 100

    /// The report as JSON (Schemas/audit-report.schema.json): language-neutral, amounts in minor units.
    public var json: JSONValue {
        let v = verification
        func opt(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }
        func optInt(_ i: Int64?) -> JSONValue { i.map { .integer($0) } ?? .null }
        func totals(_ t: PeriodTotals) -> [(String, JSONValue)] {
            [("disbursements", .integer(t.disbursements)), ("disbursed", .integer(t.disbursed)),
             ("reversals", .integer(t.reversals)), ("reversed", .integer(t.reversed)), ("net", .integer(t.net))]
        }
        func place(_ code: String) -> [(String, JSONValue)] {
            let n = Municipalities.name(of: code)
            return [("municipality", .string(code)), ("state_name", opt(n?.state)), ("municipality_name", opt(n?.municipality))]
        }
        let checkpoint: JSONValue = v.checkpoint?.json ?? .null
        return .object([
            "report": .string("jhf-quarterly-audit"),
            "version": .integer(2),
            "quarter": .string(quarter.description),
            "period": .object(["from": .string(quarter.start), "to": .string(quarter.end)]),
            "verification": .object([
                "ok": .bool(v.ok), "ledger_id": opt(v.ledgerID), "title": opt(v.title), "entries": .integer(v.entries),
                "genesis_hash": opt(v.genesisHash?.hex), "head_hash": opt(v.headHash?.hex), "root": .string(v.root.hex),
                "checkpoint": checkpoint, "failure_count": .integer(Int64(v.failureCount)),
                "failures": .array(v.failures.prefix(Self.failuresListedMax).map { f in
                    .object(["seq": optInt(f.seq), "rule": .string(f.rule.rawValue), "message": .string(f.message)])
                }),
            ]),
            "entries_in_period": .object([
                "count": .integer(entryCount), "first_seq": optInt(firstSeq), "last_seq": optInt(lastSeq),
                "by_kind": .object(members: EntryKind.allCases.map { ($0.rawValue, .integer(countsByKind[$0] ?? 0)) }),
            ]),
            "totals_by_category": .array(byCategory.map { r in
                .object(members: totals(r.totals) + [("category", .string(r.pair.category.rawValue)), ("currency", .string(r.pair.currency))])
            }),
            "totals_by_currency": .array(byCurrency.map { r in
                .object(members: totals(r.totals) + [("currency", .string(r.currency))])
            }),
            "totals_by_program": .array(byProgram.map { r in
                .object(members: totals(r.totals) + [("program", .string(r.program)), ("currency", .string(r.currency))])
            }),
            "totals_by_municipality": .array(byMunicipality.map { r in
                .object(members: totals(r.totals) + place(r.code) + [("currency", .string(r.currency))])
            }),
            "budget_use": .object([
                "as_of_seq": optInt(budgetAsOfSeq),
                "rows": .array(budgetUse.map { b in
                    .object(["category": .string(b.pair.category.rawValue), "currency": .string(b.pair.currency),
                             "envelope": optInt(b.envelope), "disbursed": .integer(b.disbursed), "reversed": .integer(b.reversed),
                             "net": .integer(b.net), "remaining": optInt(b.remaining), "used_basis_points": optInt(b.usedBasisPoints)])
                }),
            ]),
            "reversals": .array(reversals.map { r in
                .object(members: place(r.municipality) + [
                    ("seq", .integer(r.seq)), ("committed_at", .string(r.committedAt)), ("id", .string(r.id)), ("reverses", .string(r.reverses)),
                    ("reason", .string(r.reason)), ("amount", .integer(r.amount)), ("currency", .string(r.pair.currency)),
                    ("category", .string(r.pair.category.rawValue)), ("program", .string(r.program)),
                ])
            }),
            "key_changes": .array(keyChanges.map { k in
                .object(["seq": .integer(k.seq), "committed_at": .string(k.committedAt), "id": opt(k.id), "reason": opt(k.reason),
                         "added": .array(k.added.map(\.json)), "revoked": .array(k.revoked.map { .string($0) })])
            }),
            "budget_changes": .array(budgetChanges.map { b in
                .object(["seq": .integer(b.seq), "committed_at": .string(b.committedAt), "id": opt(b.id), "reason": opt(b.reason),
                         "budgets": .array(b.budgets.map { c in
                             .object(["category": .string(c.pair.category.rawValue), "currency": .string(c.pair.currency),
                                      "amount": .integer(c.amount), "previous": optInt(c.previous)])
                         })])
            }),
            "commitments": .object([
                "events": .array(commitmentEvents.map { e in
                    .object(["seq": .integer(e.seq), "committed_at": .string(e.committedAt), "id": .string(e.id), "commitment": .string(e.commitment),
                             "event": .string(e.event.rawValue), "title": .string(e.title), "supplier": .string(e.supplier),
                             "category": .string(e.pair.category.rawValue), "currency": .string(e.pair.currency), "value": .integer(e.value),
                             "previous": optInt(e.previous), "note": .string(e.note)])
                }),
                "paid": .array(commitmentsPaid.map { r in
                    .object(["commitment": .string(r.commitment), "title": .string(r.title), "supplier": .string(r.supplier),
                             "category": .string(r.pair.category.rawValue), "currency": .string(r.pair.currency),
                             "disbursed_in_quarter": .integer(r.disbursedInQuarter), "reversed_in_quarter": .integer(r.reversedInQuarter),
                             "net_in_quarter": .integer(r.netInQuarter), "value_at_end": .integer(r.valueAtEnd), "net_at_end": .integer(r.netAtEnd),
                             "remaining_at_end": .integer(r.remainingAtEnd), "terminated": .bool(r.terminated)])
                }),
            ]),
            "suspensions": .array(suspensions.map { r in
                .object(["scope": r.scope.json, "id": .string(r.id), "seq": .integer(r.seq), "committed_at": .string(r.committedAt),
                         "basis": .string(r.basis.rawValue), "reason": .string(r.reason), "resumed_by": opt(r.resumedBy),
                         "resumed_seq": optInt(r.resumedSeq), "resumed_at": opt(r.resumedAt), "days": .integer(r.days),
                         "in_force_at_end": .bool(r.inForceAtEnd)])
            }),
            "disclosure_clock": .object([
                "days_max": .integer(Self.disclosureDaysMax),
                "on_time": .integer(Int64(clockOnTime)), "late": .integer(Int64(clockLate)),
                "commitments": .array(clock.map { c in
                    let b = c.body
                    return .object(members: place(b.municipality) + [
                        ("seq", .integer(c.seq)), ("committed_at", .string(c.committedAt)), ("id", .string(b.id)), ("title", .string(b.title)),
                        ("supplier", .string(b.supplierName)), ("amount", .integer(b.amount)), ("currency", .string(b.currency)),
                        ("category", .string(b.category.rawValue)), ("program", .string(b.program)),
                        ("procurement_method", .string(b.procurementMethod.rawValue)), ("reference", .string(b.reference)),
                        ("date_signed", .string(b.dateSigned)), ("days", .integer(c.days)), ("late", .bool(c.late)),
                    ])
                }),
            ]),
            "disclosure": .object([
                "thresholds": .array(thresholds.map { .object(["currency": .string($0.currency), "amount": .integer($0.amount)]) }),
                "disbursements": .array(disclosures.map { d in
                    let b = d.body
                    return .object(members: place(b.municipality) + [
                        ("seq", .integer(d.seq)), ("committed_at", .string(d.committedAt)), ("id", .string(b.id)), ("amount", .integer(b.amount)),
                        ("currency", .string(b.currency)), ("category", .string(b.category.rawValue)), ("program", .string(b.program)),
                        ("payee", .string(b.payeeName)), ("purpose", .string(b.purpose)), ("value_date", .string(b.valueDate)),
                        ("reversed_by", opt(d.reversedBy)),
                    ])
                }),
            ]),
        ])
    }
}
