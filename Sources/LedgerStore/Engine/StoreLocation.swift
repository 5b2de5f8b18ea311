import Foundation

/// Where a ledger's database is: the database argument (`--db`) as the tools take it.
///
/// `postgresql://user[:password]@host[:port]/dbname` (or `postgres://`) is a PostgreSQL
/// database; anything else is the path of an embedded SQLite file. The password may also come
/// from `PGPASSWORD`; it never appears in `description`, errors or logs.
public enum StoreLocation: Sendable, CustomStringConvertible {
    case sqlite(path: String)
    case postgresql(PostgresAddress)

    /// Reads the database argument; a malformed URL is refused naming the part that is wrong.
    public init(_ argument: String) throws(StoreError) {
        let lower = argument.prefix(16).lowercased()
        if lower.hasPrefix("postgresql://") || lower.hasPrefix("postgres://") {
            self = .postgresql(try PostgresAddress(url: argument))
        } else if lower.contains("://") {
            throw StoreError(.io, field: "db", "\(argument.prefix(40))… is neither a file path nor a postgresql:// URL")
        } else {
            self = .sqlite(path: argument)
        }
    }

    public var engine: StoreEngine {
        switch self {
        case .sqlite: return .sqlite
        case .postgresql: return .postgresql
        }
    }

    /// The path, or the URL without its password.
    public var description: String {
        switch self {
        case .sqlite(let path): return path
        case .postgresql(let a): return a.description
        }
    }
}

/// A PostgreSQL database's address and role, from a `postgresql://` URL.
public struct PostgresAddress: Sendable, CustomStringConvertible {
    public let host: String
    public let port: Int
    public let user: String
    public let database: String
    /// Kept out of `description`; nil when neither the URL nor `PGPASSWORD` gives one.
    let password: String?

    /// Parses `postgresql://user[:password]@host[:port]/dbname[?sslmode=disable]`.
    /// Percent-encoded user, password and database names are decoded.
    init(url: String) throws(StoreError) {
        func bad(_ part: String, _ rule: String) -> StoreError {
            StoreError(.io, field: "db", "the PostgreSQL URL's \(part) \(rule) (postgresql://user@host:port/dbname)")
        }
        guard let scheme = url.range(of: "://") else { throw bad("scheme", "is missing") }
        var rest = Substring(url[scheme.upperBound...])
        var query: Substring = ""
        if let q = rest.firstIndex(of: "?") { query = rest[rest.index(after: q)...]; rest = rest[..<q] }
        guard let slash = rest.firstIndex(of: "/") else { throw bad("database name", "is missing") }
        let authority = rest[..<slash]
        let dbName = rest[rest.index(after: slash)...]
        guard let at = authority.lastIndex(of: "@") else { throw bad("user", "is missing") }
        let userInfo = authority[..<at]
        let hostPort = authority[authority.index(after: at)...]
        let userPart: Substring, passwordPart: Substring?
        if let colon = userInfo.firstIndex(of: ":") {
            userPart = userInfo[..<colon]
            passwordPart = userInfo[userInfo.index(after: colon)...]
        } else {
            userPart = userInfo
            passwordPart = nil
        }
        guard let user = String(userPart).removingPercentEncoding, !user.isEmpty else { throw bad("user", "is missing or badly encoded") }
        guard let database = String(dbName).removingPercentEncoding, !database.isEmpty, !database.contains("/") else {
            throw bad("database name", "is missing or badly encoded")
        }
        var host = String(hostPort), port = 5432
        if hostPort.hasPrefix("[") {
            guard let close = hostPort.firstIndex(of: "]") else { throw bad("host", "has an unclosed [") }
            host = String(hostPort[hostPort.index(after: hostPort.startIndex)..<close])
            let after = hostPort[hostPort.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":"), let p = Int(after.dropFirst()), (1...65535).contains(p) else { throw bad("port", "must be from 1 to 65535") }
                port = p
            }
        } else if let colon = hostPort.lastIndex(of: ":") {
            host = String(hostPort[..<colon])
            guard let p = Int(hostPort[hostPort.index(after: colon)...]), (1...65535).contains(p) else { throw bad("port", "must be from 1 to 65535") }
            port = p
        }
        guard !host.isEmpty else { throw bad("host", "is missing") }
        for pair in query.split(separator: "&") {
            let kv = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard kv.count == 2, kv[0] == "sslmode" else { throw bad("parameter \(kv.first ?? "")", "is not supported (only sslmode=disable)") }
            guard kv[1] == "disable" else {
                throw bad("sslmode", "must be disable: this tool connects without TLS (use loopback or a private network, or a TLS tunnel)")
            }
        }
        self.host = host
        self.port = port
        self.user = user
        self.database = database
        if let passwordPart {
            guard let p = String(passwordPart).removingPercentEncoding else { throw bad("password", "is badly encoded") }
            password = p
        } else {
            password = ProcessInfo.processInfo.environment["PGPASSWORD"]
        }
    }

    /// The URL without the password.
    public var description: String {
        let h = host.contains(":") ? "[\(host)]" : host
        return "postgresql://\(user)@\(h):\(port)/\(database)"
    }
}
