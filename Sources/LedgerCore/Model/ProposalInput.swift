/// Turns a proposal input file into a body (the `jhf propose --file` format).
///
/// The file holds the body without `proposed_at`; a disbursement's file holds
/// `"sealed": {"payee_account", "payee_tax_id", "notes"}` instead of
/// `sealed_digest`. The tool supplies the time and the salt, so the result is a
/// pure function of its inputs and every field passes through the body decoder.
public enum ProposalInput {
    public static func build(kind: EntryKind, input: JSONValue, proposedAt: String, salt: [UInt8]) throws(LedgerError) -> (Body, SealedRecord?) {
        guard kind != .genesis else { throw LedgerError(.argument, field: "kind", "genesis is proposed by `jhf init`") }
        guard case .object(let object) = input else {
            throw LedgerError(.schema, field: "(file)", rule: .r5, "must be a JSON object, got \(input.typeName)")
        }
        if object["proposed_at"] != nil {
            throw LedgerError(.schema, field: "proposed_at", rule: .r5, "is set by the tool; leave it out of the file")
        }
        var pairs = object.members.map { ($0.key, $0.value) }
        var sealed: SealedRecord?
        if kind == .disbursement {
            if object["sealed_digest"] != nil {
                throw LedgerError(.schema, field: "sealed_digest", rule: .r5, "is computed by the tool; give `sealed` instead")
            }
            guard let sealedInput = object["sealed"] else {
                throw LedgerError(.schema, field: "sealed", rule: .r5, "required field is missing")
            }
            let r = try FieldReader(sealedInput, path: "sealed", fields: ["notes", "payee_account", "payee_tax_id"])
            let record = try SealedRecord(json: .object([
                "notes": r.value("notes"), "payee_account": r.value("payee_account"),
                "payee_tax_id": r.value("payee_tax_id"), "salt": .string(Base64.encode(salt)),
            ]), path: "sealed")
            sealed = record
            pairs.removeAll { $0.0 == "sealed" }
            pairs.append(("sealed_digest", .string(record.digest.hex)))
        }
        pairs.append(("proposed_at", .string(proposedAt)))
        let body = try Body(kind: kind, json: .object(try JSONObject(pairs)), path: "")
        return (body, sealed)
    }
}

/// RFC 3339 UTC timestamps from Unix time, by civil-calendar arithmetic (no clock read here).
public enum Timestamp {
    /// `YYYY-MM-DDTHH:MM:SSZ` for whole seconds since 1970-01-01T00:00:00Z.
    public static func string(unixSeconds t: Int64) -> String {
        let days = t >= 0 ? t / 86_400 : (t - 86_399) / 86_400
        let secs = t - days * 86_400
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        func pad(_ v: Int64, _ w: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, w - s.count)) + s
        }
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(secs / 3600, 2)):\(pad(secs % 3600 / 60, 2)):\(pad(secs % 60, 2))Z"
    }
}
