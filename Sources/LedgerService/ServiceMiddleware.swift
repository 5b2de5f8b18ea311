import Dispatch
import Hummingbird
import Logging

/// Wraps every request: gives it an `X-Request-Id`, turns every error into an RFC 9457
/// problem, logs one line per request (method, route, status, time; never bodies,
/// tokens or sealed data) and records the metrics.
struct ServiceMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServiceMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = DispatchTime.now().uptimeNanoseconds
        var response: Response
        do {
            response = try await next(request, context)
        } catch let p as Problem {
            if let detail = p.logDetail { context.logger.error("storage error", metadata: ["error": "\(detail)"]) }
            response = try p.response(from: request, context: context)
        } catch let e as HTTPResponseError {
            response = try Problem(framework: e.status).response(from: request, context: context)
        } catch {
            context.logger.error("unexpected error", metadata: ["error.type": "\(type(of: error))"])
            response = try Problem(status: .internalServerError, code: "internal", detail: "internal error; the service log has the details")
                .response(from: request, context: context)
        }
        response.headers[.init("X-Request-Id")!] = context.id
        // A caller without a valid token gets its answer, and the connection closes without its
        // body being read (ConnectionGuard closes after a response that says so).
        if response.status == .unauthorized, Self.hasBody(request) { response.headers[.connection] = "close" }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        // Unmatched paths share one label so that a scan cannot grow the metrics without bound.
        let route = context.endpointPath ?? "unmatched"
        metrics.recordRequest(method: request.method.rawValue, route: route, status: response.status.code, seconds: seconds)
        context.logger.info("request", metadata: [
            "method": "\(request.method.rawValue)", "route": "\(route)", "status": "\(response.status.code)",
            "ms": "\(Int(seconds * 1000))",
        ])
        return response
    }

    /// Whether a request announces a body (a Content-Length above 0, or any Transfer-Encoding).
    static func hasBody(_ request: Request) -> Bool {
        if request.headers[.transferEncoding] != nil { return true }
        guard let length = request.headers[.contentLength] else { return false }
        return length != "0"
    }
}
