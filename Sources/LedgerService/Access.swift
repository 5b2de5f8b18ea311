import Hummingbird
import LedgerCore

/// Who is calling: the name of the token presented and its roles.
public struct Caller: Sendable {
    public let name: String
    public let roles: Set<Role>

    public func has(_ role: Role) -> Bool { roles.contains(role) || roles.contains(.admin) }
    public func hasAny(_ wanted: [Role]) -> Bool { wanted.contains { has($0) } }
}

/// Bearer-token access: tokens are stored as SHA-256 digests and compared in constant time.
public struct Access: Sendable {
    let tokens: [TokenEntry]

    public init(tokens: [TokenEntry]) { self.tokens = tokens }

    /// The caller a token belongs to. Every stored digest is compared, so the time taken
    /// does not depend on which entry (if any) matches.
    public func caller(token: some Collection<UInt8>) -> Caller? {
        let digest = Hash.sha256(token)
        var found: TokenEntry?
        for t in tokens where t.digest.constantTimeEquals(digest) { found = t }
        return found.map { Caller(name: $0.name, roles: $0.roles) }
    }

    /// The caller of a request: nil without an Authorization header; a 401 problem for a bad one.
    func caller(of request: Request) throws -> Caller? {
        guard let header = request.headers[.authorization] else { return nil }
        // RFC 9110 §11.1: the scheme name is case-insensitive (`bearer`, `BEARER`).
        let prefix = "bearer ".utf8
        let bytes = header.utf8
        guard bytes.count <= prefix.count + ServiceLimits.tokenBytesMax, bytes.count > prefix.count,
              bytes.prefix(prefix.count).equalsASCIIIgnoringCase(lowercase: prefix) else {
            throw Problem(status: .unauthorized, code: "unauthorized", field: "Authorization", detail: "must be `Bearer TOKEN`")
        }
        guard let caller = caller(token: bytes.dropFirst(prefix.count)) else {
            throw Problem(status: .unauthorized, code: "unauthorized", field: "Authorization", detail: "the token is not known to this service")
        }
        return caller
    }

    /// The caller, who must hold one of `roles`: 401 without a token, 403 without the role.
    func require(_ request: Request, _ roles: [Role], to action: String) throws -> Caller {
        guard let caller = try caller(of: request) else {
            throw Problem(status: .unauthorized, code: "unauthorized", field: "Authorization", detail: "\(action) needs a bearer token")
        }
        guard caller.hasAny(roles) else {
            throw Problem(status: .forbidden, code: "forbidden", field: "Authorization",
                          detail: "\(action) needs the role \(roles.map(\.rawValue).joined(separator: " or "))")
        }
        return caller
    }
}
