import AsyncHTTPClient
import Foundation
import LedgerPublish
import LedgerStore
import NIOCore
import NIOHTTP1

/// Published tiles read from a web server (nginx, an object store, a CDN, or `jhf serve`'s
/// `/tlog/`): `GET <base>/<path>`; 404 is "no such file", any other failure an error.
struct HTTPTiles: TileSource {
    let base: String
    var name: String { base }
    /// A tile is at most 256 entries of at most 65,535 bytes with their prefixes.
    static let responseBytesMax = 256 * (65_535 + 2)
    static let timeoutSeconds: Int64 = 60

    init(base: String) {
        var b = base
        while b.hasSuffix("/") { b.removeLast() }
        self.base = b
    }

    func fetch(_ path: String) throws(StoreError) -> [UInt8]? {
        do {
            let request = try HTTPClient.Request(url: base + "/" + path, method: .GET)
            let accumulator = ResponseAccumulator(request: request, maxBodySize: Self.responseBytesMax)
            let response = try HTTPClient.shared.execute(request: request, delegate: accumulator, deadline: .now() + .seconds(Self.timeoutSeconds)).wait()
            switch response.status.code {
            case 200: return response.body.map { Array($0.readableBytesView) } ?? []
            case 404: return nil
            default: throw StoreError(.io, field: "tiles", "\(base)/\(path): HTTP \(response.status.code)")
            }
        } catch let e as StoreError {
            throw e
        } catch {
            throw StoreError(.io, field: "tiles", "cannot fetch \(base)/\(path): \(error)")
        }
    }

    /// A `--tiles` argument: an http(s) URL, or a directory.
    static func source(_ text: String) -> any TileSource {
        text.hasPrefix("http://") || text.hasPrefix("https://") ? HTTPTiles(base: text) : DirectoryTiles(directory: text)
    }
}
