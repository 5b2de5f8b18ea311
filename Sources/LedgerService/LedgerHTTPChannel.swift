import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1
import NIOHTTPTypes
import NIOHTTPTypesHTTP1

/// The service's HTTP/1.1 child channel: Hummingbird's HTTP1Channel pipeline with the
/// connection guards in it (`ConnectionRegistry`, `RequestStartWatcher`, `ConnectionGuard`).
struct LedgerHTTPChannel: ServerChildChannel, HTTPChannelHandler {
    typealias Value = NIOAsyncChannel<HTTPRequestPart, HTTPResponsePart>

    let responder: HTTPChannelHandler.Responder
    let registry: ConnectionRegistry
    let idleTimeout: TimeAmount
    let requestDeadline: TimeAmount
    let shutdownGrace: TimeAmount

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        channel.eventLoop.makeCompletedFuture {
            let watch = ConnectionWatch(registry: registry, channel: channel, requestDeadline: requestDeadline, shutdownGrace: shutdownGrace)
            let ops = channel.pipeline.syncOperations
            try ops.addHandler(RequestStartWatcher(watch))
            try ops.configureHTTPServerPipeline(withPipeliningAssistance: false, withErrorHandling: false, withOutboundHeaderValidation: false,
                                                withEncoderConfiguration: .init(), withDecoderLimitConfiguration: .init())
            try ops.addHandler(HTTP1ToHTTPServerCodec(secure: false))
            try ops.addHandler(ConnectionGuard(watch))
            try ops.addHandler(HTTPConnectionStateHandler(idleTimeout: .init(idleTimeout), logger: logger))
            return try NIOAsyncChannel(wrappingChannelSynchronously: channel, configuration: .init(isOutboundHalfClosureEnabled: true))
        }
    }

    func handle(value asyncChannel: Value, logger: Logger) async {
        await handleHTTP(asyncChannel: asyncChannel, logger: logger)
    }
}
