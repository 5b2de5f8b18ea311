import Foundation
import Hummingbird
import LedgerCore

/// `/tlog/`: the `--publish` directory, read-only, as a web server would serve it (SPEC §11).
extension Routes {
    /// `checkpoint`, or a tile or entry bundle path in the tlog-tiles layout; anything else is 404.
    /// Tiles never change once written, so they are cached as immutable; the checkpoint for a
    /// few seconds. `head`: the same status and headers without the body, as a web server
    /// answers HEAD.
    func published(_ path: String, head: Bool = false) async throws -> Response {
        guard let directory = publishDirectory else {
            throw Problem(status: .notFound, code: "not_found", field: "path", detail: "this service does not publish tiles (start it with --publish DIR)")
        }
        let isCheckpoint = path == "checkpoint"
        // Only canonical tile paths: no other file of the directory, and nothing outside it.
        guard isCheckpoint || ((try? TileRef(path: path))?.path).map({ $0.utf8.elementsEqual(path.utf8) }) == true else {
            throw Problem(status: .notFound, code: "not_found", field: "path", detail: "not a tlog-tiles path")
        }
        let file = "\(directory)/\(path)"
        let bytes = try await Task.detached { FileManager.default.contents(atPath: file) }.value
        guard let bytes else { throw Problem(status: .notFound, code: "not_found", field: "path", detail: "\(path) is not published") }
        var headers: HTTPFields = isCheckpoint
            ? [.contentType: "text/plain; charset=utf-8", .cacheControl: "public, max-age=\(ServiceLimits.checkpointMaxAgeSeconds)"]
            : [.contentType: "application/octet-stream", .cacheControl: "public, max-age=31536000, immutable"]
        guard !head else {
            headers[.contentLength] = "\(bytes.count)"
            return Response(status: .ok, headers: headers, body: .init())
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
