import Hummingbird
import LedgerCore
import LedgerStore

/// An RFC 9457 problem document: the one place where service errors become HTTP responses.
public struct Problem: Error, HTTPResponseError {
    public let status: HTTPResponse.Status
    public let code: String
    public let field: String?
    public let detail: String

    public init(status: HTTPResponse.Status, code: String, field: String? = nil, detail: String) {
        self.status = status
        self.code = code
        self.field = field
        self.detail = detail
    }

    /// Maps the store's stable error codes to HTTP statuses.
    public init(_ e: StoreError) {
        let status: HTTPResponse.Status
        switch e.code {
        case .invalid, .refused: status = .unprocessableContent
        case .notFound: status = .notFound
        case .conflict: status = .conflict
        case .io, .corrupt: status = .internalServerError
        }
        self.init(status: status, code: e.code.rawValue, field: e.field, detail: e.code == .io || e.code == .corrupt ? "storage error" : e.description)
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var pairs: [(String, JSONValue)] = [("type", .string("about:blank")), ("title", .string(status.reasonPhrase)),
                                            ("status", .integer(Int64(status.code))), ("code", .string(code)), ("detail", .string(detail))]
        if let field { pairs.append(("field", .string(field))) }
        let body = JSONValue.object(try JSONObject(pairs)).canonicalBytes
        return Response(status: status, headers: [.contentType: "application/problem+json"], body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}
