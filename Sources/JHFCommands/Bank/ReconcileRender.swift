import Foundation
import LedgerBank
import LedgerCore
import LedgerStore

/// A recorded reconciliation run as text, JSON and CSV, streamed item by item from the store.
struct ReconcileRender {
    let store: LedgerStore
    let outcome: ReconcileOutcome

    private var summary: JSONObject {
        ReconcileRender.obj(try? JSONParser.parse(outcome.run.summary))
    }

    /// A member's value as text ("" when absent or null): strings as they are, integers and booleans written out.
    private static func str(_ v: JSONValue?) -> String {
        switch v { case .string(let t)?: return t; case .integer(let i)?: return "\(i)"; case .bool(let b)?: return "\(b)"; default: return "" }
    }

    /// A member's value as an object (empty when absent or not an object).
    private static func obj(_ v: JSONValue?) -> JSONObject {
        if case .object(let o)? = v { return o }
        return try! JSONObject([])
    }

    /// The schema's document: the stored summary, `already_processed`, and the items, in canonical member order.
    func json(_ emit: (String) throws -> Void) throws {
        var members = summary.members.map { ($0.key, $0.value) }
        members.append(("already_processed", .bool(outcome.alreadyProcessed)))
        members.sort { JSONObject.precedes($0.0, $1.0) }
        try emit("{")
        var first = true
        func member(_ key: String, _ value: String) throws {
            try emit((first ? "" : ",") + String(decoding: JSONValue.string(key).canonicalBytes, as: UTF8.self) + ":" + value)
            first = false
        }
        var itemsWritten = false
        for (key, value) in members {
            if !itemsWritten && JSONObject.precedes("items", key) {
                try items(member)
                itemsWritten = true
            }
            try member(key, String(decoding: value.canonicalBytes, as: UTF8.self))
        }
        if !itemsWritten { try items(member) }
        try emit("}\n")
    }

    private func items(_ member: (String, String) throws -> Void) throws {
        var out = "["
        var n = 0
        try store.forEachReconciliationItem(run: outcome.run.run) { _, _, item in
            out += (n == 0 ? "" : ",") + String(decoding: item, as: UTF8.self)
            n += 1
        }
        try member("items", out + "]")
    }

    /// The readable summary: header, counts and totals by class, then every discrepancy.
    func text(_ emit: (String) throws -> Void) throws {
        let s = summary
        // Statement ids, accounts and messages quote the bank's file: shown escaped.
        let str = { (v: JSONValue?) in DisplayText.escaped(ReconcileRender.str(v)) }
        let obj = ReconcileRender.obj
        let statement = obj(s["statement"]), ledger = obj(s["ledger"])
        var out = ""
        if outcome.alreadyProcessed {
            out += "statement already processed in run \(outcome.run.run) at \(outcome.run.runAt); the recorded result follows\n"
        }
        var names: [String] = []
        if case .array(let list)? = statement["statements"] {
            for case .object(let st) in list { names.append("\(str(st["id"])) (account \(str(st["account"])))") }
        }
        out += "reconciliation run \(str(s["run"])) of \(str(statement["format"])) \(names.joined(separator: ", "))\n"
        out += "  statement sha256 \(str(statement["sha256"]))\n"
        out += "  ledger \(str(ledger["ledger_id"])): \(str(ledger["size"])) entries, head \(str(ledger["head_hash"]))\n"
        out += "  as of \(str(s["as_of"])); committed disbursements unseen more than \(str(s["not_seen_after_days"])) days after their due date are reported\n"
        out += "  items: \(str(statement["items"])) booked, \(str(statement["not_booked"])) not booked (pending or information only: not reconciled)\n\n"
        out += "class                count  amount\n"
        for k in ReconcileClass.allCases {
            let c = obj(obj(s["classes"])[k.rawValue])
            var totals: [String] = []
            if case .array(let a)? = c["amounts"] {
                for case .object(let m) in a { if case .integer(let v)? = m["amount"] { totals.append(Render.amount(v, str(m["currency"]))) } }
            }
            out += k.rawValue.padding(toLength: 18, withPad: " ", startingAt: 0) + str(c["count"]).leftPadded(7) + "  " + totals.joined(separator: " + ") + "\n"
        }
        try emit(out)
        let discrepancies = str(s["discrepancies"])
        try emit("\ndiscrepancies: \(discrepancies)\n")
        try store.forEachReconciliationItem(run: outcome.run.run, discrepanciesOnly: true) { klass, _, item in
            guard case .object(let o)? = try? JSONParser.parse(item) else { return }
            let bank = obj(o["bank"])
            let place = bank.keys.isEmpty ? "ledger" : "line \(str(bank["line"]))"
            try emit("  \(place.padding(toLength: 11, withPad: " ", startingAt: 0)) \(klass.padding(toLength: 18, withPad: " ", startingAt: 0)) \(str(o["disbursement_id"]).isEmpty ? "-" : str(o["disbursement_id"])): \(str(o["message"]))\n")
            if case .object? = o["suggestion"], let suggestion = o["suggestion"] {
                try emit("      suggested proposal: \(Render.json(suggestion))\n")
            }
        }
        try emit(outcome.reconciled ? "\noutcome: reconciled\n" : "\noutcome: DISCREPANCIES (\(discrepancies))\n")
    }

    static let csvHeader = ["ordinal", "class", "discrepancy", "disbursement_id", "matched_by", "amount", "currency", "statement_id", "line",
                            "booking_date", "end_to_end_id", "bank_ref", "message"]

    /// One row per item, amounts as decimals, for spreadsheets (RFC 4180).
    func csv(_ emit: (String) throws -> Void) throws {
        try emit(ReconcileRender.csvHeader.joined(separator: ",") + "\r\n")
        try store.forEachReconciliationItem(run: outcome.run.run) { _, _, item in
            guard case .object(let o)? = try? JSONParser.parse(item) else { return }
            let str = ReconcileRender.str
            let bank = ReconcileRender.obj(o["bank"])
            var amount = ""
            if case .integer(let v)? = o["amount"] { amount = DecimalAmount.text(v, digits: Currency.minorUnitDigits(str(o["currency"]))) }
            let row = [str(o["ordinal"]), str(o["class"]), str(o["discrepancy"]), str(o["disbursement_id"]), str(o["matched_by"]), amount,
                       str(o["currency"]), str(bank["statement_id"]), str(bank["line"]), str(bank["booking_date"]), str(bank["end_to_end_id"]),
                       str(bank["bank_ref"]), str(o["message"])]
            try emit(row.map(ReconcileRender.csvField).joined(separator: ",") + "\r\n")
        }
    }

    /// A CSV field: controls and bidi overrides visibly escaped; quoted when it must be; a leading
    /// = + - @ (or tab or carriage return) is neutralised so spreadsheets never run bank text as a formula.
    static func csvField(_ s: String) -> String {
        var v = DisplayText.escaped(s)
        if let f = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(f), Int64(s) == nil { v = "'" + v }
        guard v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return v }
        return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// summary.txt, reconciliation.json and items.csv, each written beside its name and renamed.
    func writeReport(directory: String) throws {
        do { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) } catch {
            throw StoreError(.io, field: "report", "cannot create \(directory): \(error.localizedDescription)")
        }
        for (name, producer) in [("summary.txt", text), ("reconciliation.json", json), ("items.csv", csv)] as [(String, ((String) throws -> Void) throws -> Void)] {
            var failure: (any Error)?
            // Reports name payees and accounts from the sealed records: 0600, like the database.
            try writeAtomically("\(directory)/\(name)", mode: FileMode.secret) { (w: FileHandle) throws(StoreError) in
                var chunk = ""
                do {
                    try producer { piece in
                        chunk += piece
                        if chunk.utf8.count > 1 << 20 { try w.write(contentsOf: Array(chunk.utf8)); chunk = "" }
                    }
                    try w.write(contentsOf: Array(chunk.utf8))
                } catch let e as StoreError { throw e } catch { failure = error; throw StoreError(.io, field: "report", "cannot write \(directory)/\(name)") }
            }
            if let failure { throw failure }
        }
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
