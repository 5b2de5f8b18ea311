import LedgerCore

/// The one error type of the store layer, with a stable code.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// The input breaks a field or ledger rule (wraps the core error or failures).
        case invalid
        /// A proposal or approval was refused by a ledger rule.
        case refused
        /// No such proposal or entry.
        case notFound = "not_found"
        /// The same id with other content.
        case conflict
        /// SQLite or the file system failed.
        case io
        /// The stored chain does not check out.
        case corrupt
    }

    public let code: Code
    public let field: String
    public let rule: Rule?
    public let message: String
    /// Rule failures behind a `refused` or `corrupt` error.
    public let failures: [Failure]
    /// The core layer's finer code (`json`, `schema`, …) when the error came from there.
    public let coreCode: LedgerError.Code?

    public init(_ code: Code, field: String = "", rule: Rule? = nil, _ message: String, failures: [Failure] = []) {
        self.code = code
        self.field = field
        self.rule = rule
        self.message = message
        self.failures = failures
        self.coreCode = nil
    }

    public init(_ e: LedgerError) {
        code = .invalid
        field = e.field
        rule = e.rule
        message = e.message
        failures = []
        coreCode = e.code
    }

    /// The same error about `field` (a command's own name for the argument the store calls `db`).
    public func naming(_ field: String) -> StoreError {
        StoreError(code, field: field, rule: rule, message, failures: failures)
    }

    /// The most specific stable code: the core's where it has one, else the store's.
    public var codeName: String { coreCode?.rawValue ?? code.rawValue }

    public var description: String {
        var out = ""
        if let rule { out += "\(rule.rawValue) " }
        if !field.isEmpty { out += "\(field): " }
        out += message
        for f in failures.prefix(20) { out += "\n  \(f)" }
        return out
    }
}
