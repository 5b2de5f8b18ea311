import Foundation
import LedgerCore
import LedgerStore

/// Where published tiles are read from: a directory, or a web server (`jhf` adds one over HTTP).
/// `fetch` returns nil when the file does not exist (HTTP 404), and throws for anything else.
public protocol TileSource: Sendable {
    /// What the source is, for messages.
    var name: String { get }
    func fetch(_ path: String) throws(StoreError) -> [UInt8]?
}

/// Tiles in a local directory (as `jhf publish tiles --out` wrote them).
public struct DirectoryTiles: TileSource {
    public let directory: String
    public var name: String { directory }

    public init(directory: String) { self.directory = directory }

    public func fetch(_ path: String) throws(StoreError) -> [UInt8]? {
        let file = "\(directory)/\(path)"
        guard FileManager.default.fileExists(atPath: file) else { return nil }
        guard let data = FileManager.default.contents(atPath: file) else { throw StoreError(.io, field: "tiles", "cannot read \(file)") }
        return Array(data)
    }
}
