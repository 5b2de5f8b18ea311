/// A JSON value in the ledger's domain: integers only, objects with unique keys.
///
/// Objects keep their members sorted in RFC 8785 order (UTF-16 code units), so the
/// canonical form is a plain walk. Equality compares strings by their UTF-8 bytes,
/// never by Swift's Unicode canonical equivalence.
public enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case integer(Int64)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// The value as canonical (RFC 8785) UTF-8 bytes.
    public var canonicalBytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        JSONCanonical.write(self, into: &out)
        return out
    }

    /// A short name of the value's JSON type, for error messages.
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .integer: return "integer"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }
}

extension JSONValue: Equatable {
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.integer(a), .integer(b)): return a == b
        case let (.string(a), .string(b)): return a.sameUTF8(b)
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)): return a == b
        default: return false
        }
    }
}

/// The members of a JSON object, sorted by key in RFC 8785 order, keys unique.
public struct JSONObject: Sendable, Equatable {
    public struct Member: Sendable, Equatable {
        public let key: String
        public let value: JSONValue
        public static func == (lhs: Member, rhs: Member) -> Bool {
            lhs.key.sameUTF8(rhs.key) && lhs.value == rhs.value
        }
    }

    public private(set) var members: [Member]

    /// Builds an object; fails on a duplicate key (compared by UTF-8 bytes).
    public init(_ pairs: [(String, JSONValue)]) throws(LedgerError) {
        var members = pairs.map { Member(key: $0.0, value: $0.1) }
        members.sort { JSONObject.precedes($0.key, $1.key) }
        for i in members.indices.dropFirst() where members[i - 1].key.sameUTF8(members[i].key) {
            throw LedgerError(.json, field: members[i].key, "duplicate object key")
        }
        self.members = members
    }

    /// Builds an object from members already sorted and unique. Checked by assertion only.
    init(uncheckedSortedMembers members: [Member]) {
        self.members = members
    }

    public subscript(key: String) -> JSONValue? {
        // Objects in this format are small (≤ 12 members); a linear scan beats hashing.
        for m in members where m.key.sameUTF8(key) { return m.value }
        return nil
    }

    public var keys: [String] { members.map(\.key) }

    /// RFC 8785 §3.2.3 order: compare keys as sequences of UTF-16 code units.
    ///
    /// UTF-8 byte order is code-point order, and UTF-16 order differs from it only
    /// where the first differing characters are one in U+E000–U+FFFF (UTF-8 lead byte
    /// EE or EF) and one above U+FFFF (lead byte F0–F4, a surrogate pair in UTF-16,
    /// which sorts first). The bytes are compared directly and that one case flipped.
    public static func precedes(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                let n = Swift.min(x.count, y.count)
                var i = 0
                while i < n && x[i] == y[i] { i += 1 }
                if i == n { return x.count < y.count }
                let p = x[i], q = y[i]
                // A differing continuation byte lies in characters with the same lead byte.
                if p >= 0xEE && q >= 0xEE && p != q && (p >= 0xF0) != (q >= 0xF0) { return p >= 0xF0 }
                return p < q
            }
        }
    }
}

extension JSONValue {
    /// Convenience for building objects in code from literal member lists (keys must be unique).
    public static func object(_ pairs: KeyValuePairs<String, JSONValue>) -> JSONValue {
        object(members: pairs.map { ($0.key, $0.value) })
    }

    /// An object from member lists assembled in code (keys must be unique).
    public static func object(members: [(String, JSONValue)]) -> JSONValue {
        do {
            return .object(try JSONObject(members))
        } catch {
            preconditionFailure("duplicate key in an object built in code: \(error)")
        }
    }

    /// An object whose members the caller lists already in canonical order, unique: no sort.
    /// For hot paths that write many objects of a fixed shape; the order is asserted in debug builds.
    public static func object(uncheckedSortedMembers members: [(String, JSONValue)]) -> JSONValue {
        assert(zip(members, members.dropFirst()).allSatisfy { JSONObject.precedes($0.0, $1.0) }, "members not in canonical order")
        return .object(JSONObject(uncheckedSortedMembers: members.map { JSONObject.Member(key: $0.0, value: $0.1) }))
    }
}
