import Glibc
import LedgerCore
import Logging
import Synchronization

/// The service's log: one JSON object per line, on standard error by default.
///
/// `{"label", "level", "message", "metadata": {…}, "time"}` with the keys in canonical order,
/// so that a log collector can parse every line without guessing. Metadata is rendered only
/// when a line is written: Hummingbird attaches a request id to every request's logger, and
/// swift-log's stream handler formats all metadata again on each such change, whether or not
/// anything is ever logged at the level in force, which showed up in profiles of the request
/// threads under load even at `--log-level warning`.
///
/// Callers decide what goes into a line; the service never logs bodies, tokens or sealed data.
public struct ServiceLogHandler: LogHandler {
    /// Where finished lines go (each ends with a newline).
    public typealias Sink = @Sendable ([UInt8]) -> Void

    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    private let label: String
    private let sink: Sink
    private let clock: @Sendable () -> (seconds: Int64, milliseconds: Int)

    public init(label: String, sink: @escaping Sink = ServiceLogHandler.standardError,
                clock: @escaping @Sendable () -> (seconds: Int64, milliseconds: Int) = ServiceLogHandler.systemClock) {
        self.label = label
        self.sink = sink
        self.clock = clock
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        let (seconds, milliseconds) = clock()
        let stamp = Timestamp.string(unixSeconds: seconds)
        let millis = String(milliseconds + 1000).dropFirst()
        let line = JSONValue.object([
            "time": .string("\(stamp.dropLast()).\(millis)Z"), "level": .string(event.level.rawValue), "label": .string(label),
            "message": .string(event.message.description), "metadata": Self.json(.dictionary(merged)),
        ])
        sink(line.canonicalBytes + [UInt8(ascii: "\n")])
    }

    static func json(_ value: Logger.Metadata.Value) -> JSONValue {
        switch value {
        case .string(let s): return .string(s)
        case .stringConvertible(let c): return .string(c.description)
        case .array(let a): return .array(a.map(json))
        case .dictionary(let d): return .object(members: d.map { ($0.key, json($0.value)) })
        }
    }

    /// Serialises writers so that lines from different threads never interleave.
    private static let standardErrorLock = Mutex(())

    /// Writes each line with as few `write(2)` calls as it takes.
    public static let standardError: Sink = { bytes in
        standardErrorLock.withLock { _ in
            bytes.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count {
                    let n = write(STDERR_FILENO, raw.baseAddress! + offset, raw.count - offset)
                    if n > 0 { offset += n } else if n < 0 && errno == EINTR { continue } else { return }
                }
            }
        }
    }

    public static let systemClock: @Sendable () -> (seconds: Int64, milliseconds: Int) = {
        var t = timespec()
        clock_gettime(CLOCK_REALTIME, &t)
        return (Int64(t.tv_sec), Int(t.tv_nsec / 1_000_000))
    }
}
