import HTTPTypes
import LedgerCore
import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// What one connection's two guard handlers share. Touched only on the connection's event loop.
final class ConnectionWatch {
    let registry: ConnectionRegistry
    let id: Int
    let requestDeadline: TimeAmount
    let shutdownGrace: TimeAmount
    /// A request has begun arriving (its first byte or head) and its end has not been read.
    var reading = false
    /// Requests fully read and not yet answered.
    var inFlight = 0
    /// Counts requests begun, so a deadline fires only for the request it was set for.
    var generation = 0
    var deadline: Scheduled<Void>?
    /// Close once the response being written ends: it answers a request whose stream broke,
    /// or it says `Connection: close`.
    var closeAfterResponse = false
    /// The connection is closing: nothing more is written.
    var closing = false

    init(registry: ConnectionRegistry, channel: any Channel, requestDeadline: TimeAmount, shutdownGrace: TimeAmount) {
        self.registry = registry
        self.requestDeadline = requestDeadline
        self.shutdownGrace = shutdownGrace
        id = registry.opened(channel)
    }

    /// A request begins: its whole head and body must arrive within the deadline.
    func requestBegins(_ context: ChannelHandlerContext) {
        guard !reading else { return }
        reading = true
        generation += 1
        let expected = generation
        registry.update(id, inFlight > 0 ? .busy : .reading)
        deadline?.cancel()
        let channel = context.channel
        deadline = context.eventLoop.assumeIsolatedUnsafeUnchecked().scheduleTask(in: requestDeadline) { [self] in
            guard reading, generation == expected else { return }
            closing = true
            channel.close(promise: nil)
        }
    }

    func requestRead() {
        reading = false
        inFlight += 1
        deadline?.cancel()
        deadline = nil
        registry.update(id, .busy)
    }

    func responseWritten() {
        inFlight = max(0, inFlight - 1)
        registry.update(id, inFlight > 0 ? .busy : (reading ? .reading : .idle))
    }
}

/// First in a connection's pipeline: marks the start of a request at its first byte, so the
/// request deadline covers a head trickled one byte at a time.
final class RequestStartWatcher: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    let watch: ConnectionWatch

    init(_ watch: ConnectionWatch) { self.watch = watch }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        watch.requestBegins(context)  // a no-op while a request is already arriving
        context.fireChannelRead(data)
    }
}

/// After the HTTP codec: ends a request's deadline when its last part is read, closes the
/// connection after a response that says `Connection: close` or that answers a broken request
/// stream, answers a malformed request head with a problem document itself, and closes
/// connections still open `shutdownGrace` after the server began shutting down.
final class ConnectionGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart
    let watch: ConnectionWatch
    /// Whether the current request's head has been read (a parse error before it is answered here).
    private var headRead = false

    init(_ watch: ConnectionWatch) { self.watch = watch }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            watch.requestBegins(context)
            headRead = true
        case .body: break
        case .end:
            headRead = false
            watch.requestRead()
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        guard !watch.closing else {
            promise?.fail(ChannelError.ioOnClosedChannel)
            return
        }
        switch unwrapOutboundIn(data) {
        case .head(let response):
            if let c = response.headerFields[.connection], c.utf8.equalsASCIIIgnoringCase(lowercase: "close".utf8) { watch.closeAfterResponse = true }
            context.write(data, promise: promise)
        case .body:
            context.write(data, promise: promise)
        case .end:
            watch.responseWritten()
            guard watch.closeAfterResponse else { context.write(data, promise: promise); return }
            watch.closing = true
            context.writeAndFlush(data).whenComplete { result in
                context.close(promise: nil)
                promise?.completeWith(result)
            }
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let parse = error as? HTTPParserError else {
            context.fireErrorCaught(error)
            return
        }
        // Mid-request (the service is reading the body): the handler gets the error as a 400
        // problem; the connection closes once that is written.
        guard !headRead, watch.inFlight == 0, !watch.closing else {
            watch.closeAfterResponse = true
            context.fireErrorCaught(error)
            return
        }
        // Before a head could be read: nothing above this handler has seen the request, so
        // the answer is written here, and the stream it came on is closed.
        let problem = Self.problem(for: parse)
        let body = ByteBuffer(bytes: problem.json.canonicalBytes)
        var fields: HTTPFields = [.contentType: "application/problem+json", .connection: "close"]
        fields[.contentLength] = String(body.readableBytes)
        watch.closing = true
        context.write(wrapOutboundOut(.head(HTTPResponse(status: problem.status, headerFields: fields))), promise: nil)
        context.write(wrapOutboundOut(.body(body)), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in context.close(promise: nil) }
    }

    /// The problem document for a request the HTTP parser refused.
    static func problem(for error: HTTPParserError) -> Problem {
        switch error {
        case .headerOverflow:
            return Problem(status: .init(code: 431, reasonPhrase: "Request Header Fields Too Large"), code: "too_large", field: "headers",
                           detail: "the request's header section is larger than this service accepts")
        case .unexpectedContentLength:
            return Problem(status: .badRequest, code: "bad_request", field: "Content-Length",
                           detail: "Content-Length given twice with different values, or together with Transfer-Encoding")
        case .invalidContentLength:
            return Problem(status: .badRequest, code: "bad_request", field: "Content-Length", detail: "is not a valid length")
        case .invalidChunkSize:
            return Problem(status: .badRequest, code: "bad_request", field: "body", detail: "a chunk of the request body is malformed")
        default:
            // The parser's own names say little (Content-Length with chunked is "unknown").
            return Problem(status: .badRequest, code: "bad_request", field: "request",
                           detail: "the request is not valid HTTP/1.1: its request line, headers or framing are malformed or contradictory")
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        watch.deadline?.cancel()
        watch.registry.closed(watch.id)
        context.fireChannelInactive()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is ChannelShouldQuiesceEvent {
            // Idle connections close at once (HTTPConnectionStateHandler); busy or slow ones get the grace period.
            let channel = context.channel
            context.eventLoop.assumeIsolatedUnsafeUnchecked().scheduleTask(in: watch.shutdownGrace) { channel.close(promise: nil) }
        }
        context.fireUserInboundEventTriggered(event)
    }
}
