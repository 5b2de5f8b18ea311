/// The one error type of the core layer: a stable code, the field it concerns, and a message.
///
/// `code` values are stable identifiers (`json.duplicate_key`, `schema.pattern`, …)
/// that outer layers map to exit codes and HTTP statuses. Messages never carry secrets.
public struct LedgerError: Error, Equatable, Sendable, CustomStringConvertible {
    public let code: Code
    /// The JSON path or argument the error concerns (`body.amount`), or empty.
    public let field: String
    public let message: String
    /// The verification rule (`R5`) this error breaks, where one applies.
    public let rule: Rule?

    public init(_ code: Code, field: String = "", rule: Rule? = nil, _ message: String) {
        self.code = code
        self.field = field
        self.rule = rule
        self.message = message
    }

    public var description: String {
        var out = ""
        if let rule { out += "\(rule.rawValue) " }
        if !field.isEmpty { out += "\(field): " }
        return out + message
    }

    /// Stable error codes of the core layer.
    public enum Code: String, Sendable {
        /// Input is not acceptable JSON (SPEC §1).
        case json
        /// A value breaks a field rule (SPEC §2–§5).
        case schema
        /// A ledger rule (SPEC §6) refuses the entry.
        case rule
        /// A key or signature is malformed or does not verify.
        case crypto
        /// A caller-supplied argument is out of range.
        case argument
        /// A bank statement breaks its format (the message names the element or column and line).
        case statement
        /// A tlog-tiles resource (SPEC §11) does not have the shape its path and the tree size require.
        case tiles
    }
}
