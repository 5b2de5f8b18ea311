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
