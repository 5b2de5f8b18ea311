import LedgerCore

/// `jhf store copy`: a ledger copied between databases (SQLite ↔ PostgreSQL, or the same
/// engine), verified before and after.
///
/// The source is verified first as `jhf verify --db` does (every rule and signature, every
/// row's columns, every stored Merkle node, the latest checkpoint); a source with any failure
/// is not copied. The destination must be new (a SQLite file that does not exist, an empty
/// PostgreSQL database). Every table is copied row by row in one transaction with the schema,
/// through the destination's own triggers and constraints (entries in seq order, so each must
/// extend the chain). The copy is then verified the same way and must have the source's head
/// and latest checkpoint. On any failure nothing is left at the destination.
public enum StoreCopy {
    public struct Summary: Sendable {
        public let ledgerID: String
        public let entries: Int64
        public let head: Hash
        public let checkpointSize: Int64?
        public let rows: [(table: String, rows: Int64)]
    }

    /// A table's columns by how they are read and bound, and the key rows are paged by.
    struct Table {
        enum Kind { case int, text, blob }
        let name: String
        let columns: [(String, Kind)]
        let key: [String]
    }

    /// Every table of the schema, parents first (the destination's triggers and foreign keys see
    /// each row's references already there). Proposals are read in listing order (`rowid`).
    static let tables: [Table] = [
        Table(name: "meta", columns: [("key", .text), ("value", .text)], key: ["key"]),
        Table(name: "entries", columns: [("seq", .int), ("entry_hash", .blob), ("prev_hash", .blob), ("kind", .text), ("entry_id", .text),
                                         ("committed_at", .text), ("canonical", .blob)], key: ["seq"]),
        Table(name: "proposals", columns: [("id", .text), ("kind", .text), ("ledger_id", .text), ("body", .blob), ("approval_digest", .blob),
                                           ("status", .text), ("created_at", .text), ("committed_seq", .int), ("input", .blob), ("expires_at", .text),
                                           ("sealed_record", .blob), ("sealed_digest", .blob), ("shcp_key", .text), ("shcp_signature", .blob),
                                           ("shcp_approved_at", .text), ("usaid_key", .text), ("usaid_signature", .blob), ("usaid_approved_at", .text),
                                           ("proposed_by", .text)], key: ["rowid"]),
        Table(name: "proposal_closures", columns: [("proposal_id", .text), ("status", .text), ("closed_at", .text), ("closed_by", .text),
                                                   ("reason", .text)], key: ["proposal_id"]),
        Table(name: "merkle_nodes", columns: [("last_leaf", .int), ("level", .int), ("idx", .int), ("hash", .blob)], key: ["last_leaf", "level"]),
        Table(name: "checkpoints", columns: [("size", .int), ("root", .blob), ("note", .blob), ("signed_at", .text)], key: ["size"]),
        Table(name: "payment_files", columns: [("message_id", .text), ("created_at", .text), ("execution_date", .text), ("debtor_account", .text),
                                               ("file_sha256", .blob), ("orders", .int), ("forced", .int)], key: ["message_id"]),
        Table(name: "payment_orders", columns: [("message_id", .text), ("disbursement_id", .text), ("amount", .int), ("currency", .text)],
              key: ["message_id", "disbursement_id"]),
        Table(name: "reconciliation_runs", columns: [("run", .int), ("statement_sha256", .blob), ("format", .text), ("run_at", .text),
                                                     ("ledger_size", .int), ("outcome", .text), ("summary", .blob)], key: ["run"]),
        Table(name: "reconciliation_items", columns: [("run", .int), ("ordinal", .int), ("class", .text), ("discrepancy", .int), ("item", .blob)],
              key: ["run", "ordinal"]),
        Table(name: "bank_bookings", columns: [("booking_key", .text), ("run", .int), ("disbursement_id", .text), ("outflow", .int),
                                               ("bank_ref", .text)], key: ["booking_key"]),
    ]

    /// Copies the ledger at `from` to the new database `to`; `progress` hears each table as it is done.
    public static func copy(from: String, to: String, jobs: Int, progress: (String) -> Void = { _ in }) throws(StoreError) -> Summary {
        let target: StoreLocation
        do throws(StoreError) { target = try StoreLocation(to) } catch { throw error.naming("to") }
        let source = try LedgerStore(path: from, check: .hashChain)
        var verifier = try Bundle.replay(database: from, jobs: jobs, pinnedGenesis: nil)
        let before = verifier.finish()
        guard before.ok else {
            throw StoreError(.corrupt, field: "from", "\(source.path) does not verify; nothing was copied (run jhf verify --db for the report)",
                             failures: before.failures)
        }
        progress("verified the source: \(source.size) entries")
        let ledgerID = try source.ledgerID()
        let checkpoint = try source.latestCheckpoint()
        var rows: [(String, Int64)] = []
        let destination: any SQLConnection
        do throws(StoreError) { destination = try LedgerStore.openEmpty(target) } catch { throw error.naming("to") }
        do throws(StoreError) {
            try destination.writeTransaction { () throws(StoreError) in
                try LedgerStore.createSchema(destination)
                for table in tables {
                    rows.append((table.name, try copyRows(table, from: source.db, to: destination)))
                    progress("copied \(table.name): \(rows.last!.1) rows")
                }
            }
            let copied = try LedgerStore(path: to)
            guard copied.headHash == source.headHash, copied.size == source.size, try copied.latestCheckpoint() == checkpoint,
                  try copied.ledgerID().utf8.elementsEqual(ledgerID.utf8) else {
                throw StoreError(.corrupt, field: "to", "the copy's head, size or checkpoint differs from the source's")
            }
            var check = try Bundle.replay(database: to, jobs: jobs, pinnedGenesis: nil)
            let after = check.finish()
            guard after.ok else { throw StoreError(.corrupt, field: "to", "the copy does not verify", failures: after.failures) }
            progress("verified the copy: \(copied.size) entries")
            return Summary(ledgerID: ledgerID, entries: copied.size, head: copied.headHash, checkpointSize: checkpoint?.size, rows: rows)
        } catch {
            LedgerStore.discardNew(target, destination)
            throw error
        }
    }

    /// Copies one table in key order, a page at a time.
    private static func copyRows(_ table: Table, from: any SQLConnection, to: any SQLConnection) throws(StoreError) -> Int64 {
        let columns = table.columns.map(\.0).joined(separator: ", ")
        let keyColumns = table.key.map { k in table.columns.firstIndex { $0.0 == k } }
        let keyList = table.key.joined(separator: ", ")
        let placeholders = table.key.map { _ in "?" }.joined(separator: ", ")
        let selectKeys = keyColumns.contains(nil) ? ", " + keyList : ""
        let firstPage = "SELECT \(columns)\(selectKeys) FROM \(table.name) ORDER BY \(keyList) LIMIT ?"
        let nextPage = "SELECT \(columns)\(selectKeys) FROM \(table.name) WHERE (\(keyList)) > (\(placeholders)) ORDER BY \(keyList) LIMIT ?"
        let insert = "INSERT INTO \(table.name) (\(columns)) VALUES (\(table.columns.map { _ in "?" }.joined(separator: ", ")))"
        var after: [SQLValue]?
        var count: Int64 = 0
        while true {
            let s: any SQLStatement
            if let after {
                s = try from.prepare(nextPage).bind(after + [.int(Limits.storeReadPageRows)])
            } else {
                s = try from.prepare(firstPage).bind(.int(Limits.storeReadPageRows))
            }
            var page: [[SQLValue]] = []
            var keys: [SQLValue] = []
            while try s.step() {
                var row: [SQLValue] = []
                row.reserveCapacity(table.columns.count)
                for (i, (_, kind)) in table.columns.enumerated() { row.append(value(s, Int32(i), kind)) }
                page.append(row)
                var extra = Int32(table.columns.count)
                keys = keyColumns.map { i in
                    if let i { return row[i] }
                    defer { extra += 1 }
                    return .int(s.int(extra))
                }
            }
            s.reset()
            let statement = try to.prepare(insert)
            for row in page { try statement.bind(row).run() }
            count += Int64(page.count)
            guard Int64(page.count) == Limits.storeReadPageRows else { return count }
            after = keys
        }
    }

    private static func value(_ s: any SQLStatement, _ col: Int32, _ kind: Table.Kind) -> SQLValue {
        if s.isNull(col) { return .null }
        switch kind {
        case .int: return .int(s.int(col))
        case .text: return .text(s.text(col) ?? "")
        case .blob: return .blob(s.blob(col))
        }
    }
}
