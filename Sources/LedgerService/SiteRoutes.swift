import Foundation
import HTTPTypes
import Hummingbird
import LedgerCore

/// `/`: the public portal `--site` keeps current, read-only, as a web server would serve it,
/// with the Content-Security-Policy the portal is built for (`default-src 'self'`).
extension Routes {
    /// The content types of the files the portal writes; any other file is not served.
    static let siteTypes: [String: String] = [
        "html": "text/html; charset=utf-8", "js": "text/javascript; charset=utf-8", "css": "text/css; charset=utf-8",
        "json": "application/json", "svg": "image/svg+xml", "csv": "text/csv; charset=utf-8", "xml": "application/xml",
        "md": "text/markdown; charset=utf-8",
    ]

    /// A file of the site (`index.html` for `/`). Only plain relative paths of known file types:
    /// no dot files, no `..`, nothing outside the directory.
    func siteFile(_ path: String, head: Bool = false) async throws -> Response {
        guard let directory = siteDirectory else {
            throw Problem(status: .notFound, code: "not_found", field: "path", detail: "this service does not publish a site (start it with --publish DIR --site SITE)")
        }
        let relative = path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
        let parts = relative.split(separator: "/", omittingEmptySubsequences: false)
        let plain = parts.allSatisfy { p in
            !p.isEmpty && !p.hasPrefix(".") && p.utf8.allSatisfy { c in
                (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c) || (0x30...0x39).contains(c) || c == 0x2D || c == 0x5F || c == 0x2E
            }
        }
        guard plain, let ext = parts.last?.split(separator: ".").last.map(String.init), let type = Self.siteTypes[ext] else {
            throw Problem(status: .notFound, code: "not_found", field: "path", detail: "not a file of the site")
        }
        let file = "\(directory)/\(relative)"
        let bytes = try await Task.detached { FileManager.default.contents(atPath: file) }.value
        guard let bytes else { throw Problem(status: .notFound, code: "not_found", field: "path", detail: "\(relative) is not published") }
        // Rebuilt in place after every checkpoint: caches must ask again (ETag-less, so no-cache).
        var headers: HTTPFields = [.contentType: type, .cacheControl: "no-cache", .contentSecurityPolicy: "default-src 'self'"]
        headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        guard !head else {
            headers[.contentLength] = "\(bytes.count)"
            return Response(status: .ok, headers: headers, body: .init())
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
