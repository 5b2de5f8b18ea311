/// Where two JSON values differ, as dotted field paths (`amount`, `sealed.notes`, `budgets[2]`).
///
/// Used to say which fields of a repeated proposal differ from the stored one.
/// Strings are compared by UTF-8 bytes; an array whose length differs is named whole.
public enum JSONDiff {
    public static func paths(_ a: JSONValue, _ b: JSONValue, at path: String = "") -> [String] {
        switch (a, b) {
        case let (.object(x), .object(y)):
            var out: [String] = []
            var keys = x.keys
            for k in y.keys where !keys.contains(where: { $0.sameUTF8(k) }) { keys.append(k) }
            keys.sort { JSONObject.precedes($0, $1) }
            for k in keys {
                let sub = path.isEmpty ? k : "\(path).\(k)"
                switch (x[k], y[k]) {
                case let (l?, r?): out += paths(l, r, at: sub)
                default: out.append(sub)
                }
            }
            return out
        case let (.array(x), .array(y)) where x.count == y.count:
            return x.indices.flatMap { paths(x[$0], y[$0], at: "\(path)[\($0)]") }
        default:
            return a == b ? [] : [path.isEmpty ? "(document)" : path]
        }
    }
}
