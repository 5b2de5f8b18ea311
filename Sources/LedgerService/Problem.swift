import Hummingbird
import LedgerCore
import LedgerStore

/// An RFC 9457 problem document: the one place where service errors become HTTP responses.
///
/// `code` is stable (the store's or core's code, or one of the service's own:
/// `unauthorized`, `forbidden`, `too_large`, `unsupported_media_type`, `not_found`,
/// `method_not_allowed`, `internal`); `field` and `rule` say what to fix. A problem never
/// carries a stack trace, a token or sealed data: storage errors are logged, not shown.
public struct Problem: Error, HTTPResponseError {
    public let status: HTTPResponse.Status
    public let code: String
    public let field: String?
    public let rule: Rule?
    public let detail: String
    public let failures: [Failure]
    /// What the service log gets for a storage error, whose answer says only "storage error".
    let logDetail: String?

    public init(status: HTTPResponse.Status, code: String, field: String? = nil, rule: Rule? = nil, detail: String, failures: [Failure] = []) {
        (self.status, self.code, self.field, self.rule, self.detail, self.failures) = (status, code, field, rule, detail, failures)
        logDetail = nil
    }

    private init(hiding e: StoreError) {
        (status, code, field, rule, detail, failures) = (.internalServerError, e.codeName, nil, e.rule, "storage error; the service log has the details", [])
        logDetail = e.description
    }

    /// Maps the store's stable error codes to HTTP statuses.
    public init(_ e: StoreError) {
        let status: HTTPResponse.Status
        switch e.code {
        case .invalid: status = e.coreCode == .json ? .badRequest : .unprocessableContent
        case .refused: status = .unprocessableContent
        case .notFound: status = .notFound
        case .conflict: status = .conflict
        case .io, .corrupt: status = .internalServerError
        }
        if status == .internalServerError { self.init(hiding: e); return }
        self.init(status: status, code: e.codeName, field: e.field.isEmpty ? nil : e.field, rule: e.rule, detail: e.message, failures: e.failures)
    }

    /// A core-layer error in a request: malformed JSON is 400, anything else 422.
    public init(_ e: LedgerError, field prefix: String = "") {
        let field = e.field.isEmpty ? (prefix.isEmpty ? nil : prefix) : (prefix.isEmpty ? e.field : "\(prefix).\(e.field)")
        self.init(status: e.code == .json ? .badRequest : .unprocessableContent, code: e.code.rawValue, field: field, rule: e.rule, detail: e.message)
    }

    /// Any other HTTP error (from the framework) as a problem with a stable code.
    init(framework status: HTTPResponse.Status) {
        let code: String
        switch status {
        case .contentTooLarge: code = "too_large"
        case .notFound: code = "not_found"
        case .methodNotAllowed: code = "method_not_allowed"
        case .unsupportedMediaType: code = "unsupported_media_type"
        case .requestTimeout: code = "timeout"
        default: code = status.code >= 500 ? "internal" : "bad_request"
        }
        self.init(status: status, code: code, field: status == .contentTooLarge ? "body" : nil,
                  detail: status == .contentTooLarge ? "the request body is larger than this service accepts" : status.reasonPhrase)
    }

    public var json: JSONValue {
        var pairs: [(String, JSONValue)] = [("type", .string("about:blank")), ("title", .string(status.reasonPhrase)),
                                            ("status", .integer(Int64(status.code))), ("code", .string(code)), ("detail", .string(detail))]
        if let field { pairs.append(("field", .string(field))) }
        if let rule { pairs.append(("rule", .string(rule.rawValue))) }
        if !failures.isEmpty {
            pairs.append(("failures", .array(failures.map {
                .object(["seq": $0.seq.map { .integer($0) } ?? .null, "rule": .string($0.rule.rawValue), "message": .string($0.message)])
            })))
        }
        return .object(try! JSONObject(pairs))
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(status: status, headers: [.contentType: "application/problem+json"], body: .init(byteBuffer: ByteBuffer(bytes: json.canonicalBytes)))
    }
}
