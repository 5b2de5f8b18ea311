import Foundation
import LedgerCore

/// The statements of a group commit the PostgreSQL connection sends as one multi-row statement
/// per kind: proposals made, approvals recorded, entries appended, proposals committed, Merkle
/// nodes. Each round trip to PostgreSQL costs more than the work of one row, and a batch of a
/// few hundred requests would otherwise make a few thousand of them.
///
/// Statements are sent in rank order, so every row's references are there before it: a
/// proposal before its approvals, entries (in seq order, each extending the chain as the
/// triggers require: a row trigger sees the rows its statement inserted before) before the
/// proposals they commit and before their Merkle leaves, and an approval recorded before the
/// one that commits. Within a kind the rows keep their order. Only a run made entirely of these
/// kinds is reordered; anything else (savepoints, bank records) is sent in its own order, with
/// only neighbouring statements of one kind joined.
enum PostgresBatch {
    struct Form: Sendable {
        let rank: Int
        /// The statement for `rows` rows, with `?` parameters (row after row).
        let sql: @Sendable (_ rows: Int) -> String
        /// Parameters per row.
        let width: Int
    }

    /// By the store's statement text.
    static let forms: [String: Form] = {
        var forms: [String: Form] = [
            LedgerStore.insertProposalSQL: insert(LedgerStore.insertProposalSQL, rank: 1),
            LedgerStore.insertEntrySQL: insert(LedgerStore.insertEntrySQL, rank: 3),
            LedgerStore.insertNodeSQL: insert(LedgerStore.insertNodeSQL, rank: 5),
        ]
        for slot in LedgerStore.approvalSlots {
            let set = "\(slot.prefix)_key = v.k, \(slot.prefix)_signature = v.s, \(slot.prefix)_approved_at = v.a"
            forms[slot.recordSQL] = update(set: set, types: ["text", "bytea", "text", "text"], names: "k, s, a, id", rank: 2)
            forms[slot.commitSQL] = update(set: set + ", status = 'committed', committed_seq = v.q", types: ["text", "bytea", "text", "bigint", "text"],
                                           names: "k, s, a, q, id", rank: 4)
        }
        return forms
    }()

    /// `INSERT INTO t(…) VALUES (…)` for many rows: the VALUES tuple repeated.
    private static func insert(_ sql: String, rank: Int) -> Form {
        let values = sql.range(of: "VALUES")!
        let head = String(sql[..<values.upperBound])
        let tuple = sql[values.upperBound...].trimmingCharacters(in: .whitespacesAndNewlines)
        return Form(rank: rank, sql: { rows in head + " " + Array(repeating: tuple, count: rows).joined(separator: ", ") },
                    width: tuple.filter { $0 == "?" }.count)
    }

    /// `UPDATE proposals SET … WHERE id = ?` for many rows: joined with a VALUES list by id.
    private static func update(set: String, types: [String], names: String, rank: Int) -> Form {
        let first = "(" + types.map { "CAST(? AS \($0))" }.joined(separator: ", ") + ")"
        let next = "(" + types.map { _ in "?" }.joined(separator: ", ") + ")"
        return Form(rank: rank, sql: { rows in
            "UPDATE proposals SET \(set) FROM (VALUES \(([first] + Array(repeating: next, count: rows - 1)).joined(separator: ", "))) AS v(\(names)) WHERE proposals.id = v.id"
        }, width: types.count)
    }

    /// The statements to send for `items` (statement text with `?` parameters, and its values).
    static func plan(_ items: [(sql: String, values: [SQLValue])]) -> [(sql: String, values: [SQLValue])] {
        guard items.count > 1 else { return items }
        var groups: [(sql: String, rows: [[SQLValue]])] = []
        if items.allSatisfy({ forms[$0.sql] != nil }) {
            var index: [String: Int] = [:]
            for item in items {
                if let i = index[item.sql] { groups[i].rows.append(item.values) } else {
                    index[item.sql] = groups.count
                    groups.append((item.sql, [item.values]))
                }
            }
            // Stable: kinds of one rank keep the order they first appeared in.
            groups = groups.enumerated().sorted { (forms[$0.element.sql]!.rank, $0.offset) < (forms[$1.element.sql]!.rank, $1.offset) }.map(\.element)
        } else {
            for item in items {
                if let last = groups.last, last.sql == item.sql, forms[item.sql] != nil {
                    groups[groups.count - 1].rows.append(item.values)
                } else {
                    groups.append((item.sql, [item.values]))
                }
            }
        }
        var out: [(sql: String, values: [SQLValue])] = []
        for group in groups {
            guard group.rows.count > 1, let form = forms[group.sql] else {
                out += group.rows.map { (group.sql, $0) }
                continue
            }
            // PostgreSQL takes at most 65,535 parameters in one statement.
            let perStatement = max(1, Limits.postgresParametersMax / form.width)
            var start = 0
            while start < group.rows.count {
                let chunk = group.rows[start..<min(start + perStatement, group.rows.count)]
                out.append((chunk.count == 1 ? group.sql : form.sql(chunk.count), chunk.flatMap { $0 }))
                start += chunk.count
            }
        }
        return out
    }
}
