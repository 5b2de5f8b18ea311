import Foundation
import Hummingbird
import LedgerCore
import LedgerStore

/// The public read routes of the service: health, ledger info and committed entries.
public enum Routes {
    public static func router(_ ledger: LedgerActor) -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/healthz") { _, _ in Response(status: .ok, headers: [.contentType: "text/plain"], body: .init(byteBuffer: ByteBuffer(string: "ok\n"))) }
        router.get("/v1/ledger") { _, _ -> Response in
            let i = try await ledger.info()
            return json(.object([
                "ledger_id": .string(i.ledgerID), "size": .integer(i.size),
                "genesis_hash": i.genesisHash.map { .string($0.hex) } ?? .null,
                "head_hash": i.headHash.map { .string($0.hex) } ?? .null,
            ]))
        }
        router.get("/v1/entries") { request, _ -> Response in
            let from = try integer(request, "from", default: 0, range: 0...Limits.integerMagnitudeMax)
            let limit = try integer(request, "limit", default: Int64(ServiceLimits.entriesPageDefault), range: 1...Int64(ServiceLimits.entriesPageMax))
            var body: [UInt8] = []
            for row in try await ledger.entries(from: from, limit: Int(limit)) { body += row.canonical; body.append(0x0A) }
            return Response(status: .ok, headers: [.contentType: "application/jsonl"], body: .init(byteBuffer: ByteBuffer(bytes: body)))
        }
        router.get("/v1/entries/:seq") { _, context -> Response in
            guard let text = context.parameters.get("seq"), let seq = Int64(text), seq >= 0 else {
                throw Problem(status: .badRequest, code: "invalid", field: "seq", detail: "must be a non-negative integer")
            }
            guard let row = try await ledger.entries(from: seq, limit: 1).first, row.seq == seq else {
                throw Problem(status: .notFound, code: "notFound", field: "seq", detail: "no committed entry at seq \(seq)")
            }
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: row.canonical)))
        }
        return router
    }

    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: value.canonicalBytes)))
    }

    static func integer(_ request: Request, _ name: String, default value: Int64, range: ClosedRange<Int64>) throws -> Int64 {
        guard let text = request.uri.queryParameters.get(name) else { return value }
        guard let n = Int64(text), range.contains(n) else {
            throw Problem(status: .badRequest, code: "invalid", field: name, detail: "must be an integer from \(range.lowerBound) to \(range.upperBound)")
        }
        return n
    }
}
