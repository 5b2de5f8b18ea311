import Hummingbird
import LedgerCore
import Logging
import NIOCore

/// The witness's HTTP interface: `POST /add-checkpoint` (c2sp.org/tlog-witness) and
/// `GET /healthz`. Requests carry no credentials: the log's signature is the authentication.
public enum WitnessServer {
    /// `onRunning` gets the port the server listens on (useful with port 0).
    public static func application(witness: Witness, host: String, port: Int, logger: Logger,
                                   onRunning: @escaping @Sendable (Int) -> Void = { _ in }) -> some ApplicationProtocol {
        let router = Router()
        router.post("/add-checkpoint") { request, _ -> Response in
            let body: ByteBuffer
            do { body = try await request.body.collect(upTo: WitnessLimits.requestBytesMax) } catch {
                return reply(.text(413, "the body is larger than \(WitnessLimits.requestBytesMax) bytes"))
            }
            let answer = witness.addCheckpoint(Array(body.readableBytesView))
            if answer.status != 200 {
                logger.notice("add-checkpoint refused", metadata: ["status": "\(answer.status)", "reason": "\(String(decoding: answer.body.prefix(200), as: UTF8.self))"])
            }
            return reply(answer)
        }
        router.get("/healthz") { _, _ in reply(.init(status: 200, contentType: "text/plain; charset=utf-8", body: Array("ok\n".utf8))) }
        return Application(router: router, configuration: .init(address: .hostname(host, port: port), serverName: "jhf-witness"),
                           onServerRunning: { channel in onRunning(channel.localAddress?.port ?? port) }, logger: logger)
    }

    static func reply(_ r: Witness.Reply) -> Response {
        Response(status: .init(code: r.status), headers: [.contentType: r.contentType], body: .init(byteBuffer: ByteBuffer(bytes: r.body)))
    }
}
