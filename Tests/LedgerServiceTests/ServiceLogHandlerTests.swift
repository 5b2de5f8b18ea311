import LedgerCore
@testable import LedgerService
import Logging
import Synchronization
import Testing

/// The service's JSON-lines log and the request media-type check.
@Suite struct ServiceLogHandlerTests {
    /// Collects the lines a handler writes.
    final class Captured: Sendable {
        let lines = Mutex<[String]>([])
        var sink: ServiceLogHandler.Sink { { bytes in self.lines.withLock { $0.append(String(decoding: bytes, as: UTF8.self)) } } }
    }

    static let fixedClock: @Sendable () -> (seconds: Int64, milliseconds: Int) = { (1_795_446_245, 7) }  // 2026-11-23T15:04:05.007Z

    func logger(_ captured: Captured, level: Logger.Level = .info) -> Logger {
        var logger = Logger(label: "jhf.service") { ServiceLogHandler(label: $0, sink: captured.sink, clock: Self.fixedClock) }
        logger.logLevel = level
        return logger
    }

    @Test func oneCanonicalJSONObjectPerLine() throws {
        let captured = Captured()
        var log = logger(captured)
        log[metadataKey: "hb.request.id"] = "00ff"
        log.info("request", metadata: ["method": "POST", "status": "\(201)", "route": "/v1/proposals"])
        #expect(captured.lines.withLock { $0 } == [
            #"{"label":"jhf.service","level":"info","message":"request","metadata":{"hb.request.id":"00ff","method":"POST","route":"/v1/proposals","status":"201"},"time":"2026-11-23T15:04:05.007Z"}"# + "\n",
        ])
    }

    @Test func aLineStaysOneLineWhateverTheMessageHolds() throws {
        let captured = Captured()
        let log = logger(captured)
        log.error("storage error:\n\"disk\"\tfull", metadata: ["error": "line1\nline2", "ids": ["a", "b"], "nested": ["k": .stringConvertible(42)]])
        let line = try #require(captured.lines.withLock { $0.first })
        #expect(line.utf8.filter { $0 == UInt8(ascii: "\n") }.count == 1 && line.hasSuffix("\n"))
        let json = try JSONParser.parse(Array(line.utf8.dropLast()))
        guard case .object(let o) = json, case .object(let metadata)? = o["metadata"] else { Issue.record("not an object: \(line)"); return }
        #expect(o["message"] == .string("storage error:\n\"disk\"\tfull") && o["level"] == .string("error"))
        #expect(metadata["error"] == .string("line1\nline2"))
        #expect(metadata["ids"] == .array([.string("a"), .string("b")]))
        #expect(metadata["nested"] == .object(members: [("k", .string("42"))]))
    }

    @Test func belowTheLevelNothingIsWritten() {
        let captured = Captured()
        var log = logger(captured, level: .warning)
        log[metadataKey: "hb.request.id"] = "1"
        log.info("request")
        log.debug("detail")
        #expect(captured.lines.withLock { $0 }.isEmpty)
        log.warning("kept")
        #expect(captured.lines.withLock { $0.count } == 1)
    }

    @Test func aLinesOwnMetadataWinsOverTheLoggers() throws {
        let captured = Captured()
        var log = logger(captured)
        log[metadataKey: "route"] = "logger"
        log.info("x", metadata: ["route": "line"])
        #expect(captured.lines.withLock { $0.first }?.contains(#""route":"line""#) == true)
    }

    @Test func millisecondsArePaddedToThreeDigits() throws {
        let captured = Captured()
        let log = Logger(label: "l") { ServiceLogHandler(label: $0, sink: captured.sink, clock: { (0, 45) }) }
        log.info("x")
        #expect(captured.lines.withLock { $0.first }?.contains(#""time":"1970-01-01T00:00:00.045Z""#) == true)
    }

    @Test(arguments: [
        ("application/json", true), ("application/json; charset=utf-8", true), ("Application/JSON", true),
        (" application/json ;charset=utf-8", true), ("\tapplication/json\t", true),
        ("text/plain", false), ("application/jsonl", false), ("application/json-patch+json", false),
        ("application/problem+json", false), ("application/", false), ("", false), (";application/json", false),
        ("application/jsoN\u{0130}", false), ("applicatıon/json", false), ("application /json", false),
    ])
    func mediaType(_ value: String, _ isJSON: Bool) {
        #expect(MediaType.isJSON(value) == isJSON, "\(value)")
    }
}
