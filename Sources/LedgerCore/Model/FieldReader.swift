/// Reads the members of one JSON object that must have exactly a given set of fields.
///
/// Every failure names the full path of the field (`body.payee.name`) and the rule
/// (R5 unless the caller says otherwise), so errors point at what to fix.
public struct FieldReader {
    public let object: JSONObject
    public let path: String

    /// Requires `value` to be an object whose keys are exactly `fields`, plus any of `optional`.
    public init(_ value: JSONValue, path: String, fields: [String], optional: [String] = []) throws(LedgerError) {
        guard case .object(let object) = value else {
            throw LedgerError(.schema, field: path.isEmpty ? "(document)" : path, rule: .r5, "must be an object, got \(value.typeName)")
        }
        self.object = object
        self.path = path
        // Fast path: members are kept sorted, and field lists are written sorted, so an
        // exact match is one pairwise pass. Anything else takes the path that names the field.
        if object.members.count == fields.count && zip(object.members, fields).allSatisfy({ $0.key.sameUTF8($1) }) { return }
        for key in object.keys where !fields.contains(where: { $0.sameUTF8(key) }) && !optional.contains(where: { $0.sameUTF8(key) }) {
            let allowed = (fields + optional.map { "\($0) (optional)" }).sorted()
            throw LedgerError(.schema, field: join(key), rule: .r5, "unknown field (allowed: \(allowed.joined(separator: ", ")))")
        }
        for key in fields where object[key] == nil {
            throw LedgerError(.schema, field: join(key), rule: .r5, "required field is missing")
        }
    }

    /// True when the object has a member `key` (for optional fields).
    public func has(_ key: String) -> Bool { object[key] != nil }

    public func join(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    public func fail(_ key: String, _ message: String, rule: Rule = .r5) -> LedgerError {
        LedgerError(.schema, field: join(key), rule: rule, message)
    }

    public func value(_ key: String) -> JSONValue { object[key] ?? .null }

    public func string(_ key: String) throws(LedgerError) -> String {
        guard case .string(let s) = value(key) else { throw fail(key, "must be a string, got \(value(key).typeName)") }
        return s
    }

    public func integer(_ key: String) throws(LedgerError) -> Int64 {
        guard case .integer(let n) = value(key) else { throw fail(key, "must be an integer, got \(value(key).typeName)") }
        return n
    }

    public func integer(_ key: String, in range: ClosedRange<Int64>, _ rangeText: String) throws(LedgerError) -> Int64 {
        let n = try integer(key)
        guard range.contains(n) else { throw fail(key, "must be an integer \(rangeText), got \(n)") }
        return n
    }

    public func array(_ key: String) throws(LedgerError) -> [JSONValue] {
        guard case .array(let a) = value(key) else { throw fail(key, "must be an array, got \(value(key).typeName)") }
        guard a.count <= Limits.listItemsMax else { throw fail(key, "has \(a.count) items; at most \(Limits.listItemsMax)") }
        return a
    }

    /// A string that `check` accepts (check returns nil for good values, else the broken rule).
    public func string(_ key: String, _ check: (String) -> String?) throws(LedgerError) -> String {
        let s = try string(key)
        if let problem = check(s) { throw fail(key, problem) }
        return s
    }

    public func text(_ key: String, min: Int, max: Int) throws(LedgerError) -> String {
        try string(key) { FieldRules.text($0, min: min, max: max) }
    }

    public func hash(_ key: String) throws(LedgerError) -> Hash {
        let s = try string(key)
        do { return try Hash(hex: s) } catch { throw fail(key, error.message) }
    }

    /// An Ed25519 public key written as canonical padded base64 (in config files).
    public func publicKey(_ key: String) throws(LedgerError) -> PublicKey {
        guard let raw = Base64.decode(try string(key)), raw.count == 32 else {
            throw fail(key, "must be canonical padded base64 of a 32-byte Ed25519 public key")
        }
        do throws(LedgerError) { return try PublicKey(bytes: raw) } catch { throw fail(key, error.message) }
    }

    /// Requires the items' sort keys to be in ascending byte order; `strict` also forbids repeats.
    public func requireSorted(_ key: String, _ sortKeys: [[UInt8]], strict: Bool, what: String) throws(LedgerError) {
        for i in sortKeys.indices.dropFirst() {
            let a = sortKeys[i - 1], b = sortKeys[i]
            if a.elementsEqual(b) {
                if strict { throw fail(key, "must not list the same \(what) twice") }
            } else if !a.lexicographicallyPrecedes(b) {
                throw fail(key, "must be sorted by \(what) in byte order")
            }
        }
    }
}

extension JSONValue {
    /// Builds `.string`.
    static func s(_ s: String) -> JSONValue { .string(s) }
}
