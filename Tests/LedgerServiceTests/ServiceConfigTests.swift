import LedgerCore
import LedgerService
import Testing

/// The service's config file: every member's rule, and an error that names the member.
@Suite struct ServiceConfigTests {
    static let digest = String(repeating: "ab", count: 32)
    static let token = #"{"name":"ana","roles":["officer"],"sha256":"\#(digest)"}"#

    static func parse(_ text: String) throws(LedgerError) -> ServiceConfig { try ServiceConfig(bytes: Array(text.utf8)) }

    @Test func defaultsWhenOnlyTokensAreGiven() throws {
        let c = try Self.parse(#"{"tokens":[\#(Self.token)]}"#)
        #expect(c.tokens.map(\.name) == ["ana"])
        #expect(c.tokens[0].roles == [.officer])
        #expect(c.proposalLifetimeSeconds == Limits.proposalLifetimeDefaultSeconds)
        #expect(c.requestBodyBytesMax == ServiceLimits.requestBodyDefaultBytes)
        #expect(c.idleTimeoutSeconds == ServiceLimits.idleTimeoutDefaultSeconds)
        #expect(c.writerNice == ServiceLimits.writerNiceDefault && !c.writerNiceConfigured)
        #expect(c.connectionsMax == 512 && c.requestDeadlineSeconds == 30 && c.shutdownGraceSeconds == 10)
    }

    @Test func everyMemberIsRead() throws {
        let c = try Self.parse(#"""
            {"idle_timeout_seconds":30,"proposal_lifetime_seconds":86400,"request_body_bytes_max":4096,"tokens":[\#(Self.token)],"writer_nice":-5}
            """#)
        #expect(c.idleTimeoutSeconds == 30 && c.proposalLifetimeSeconds == 86400 && c.requestBodyBytesMax == 4096)
        #expect(c.writerNice == -5 && c.writerNiceConfigured)
        let d = try Self.parse(#"{"connections_max":64,"request_deadline_seconds":5,"shutdown_grace_seconds":0,"tokens":[]}"#)
        #expect(d.connectionsMax == 64 && d.requestDeadlineSeconds == 5 && d.shutdownGraceSeconds == 0)
    }

    @Test(arguments: [-20, 0, 19])
    func writerNiceBounds(_ n: Int) throws {
        #expect(try Self.parse(#"{"tokens":[],"writer_nice":\#(n)}"#).writerNice == Int32(n))
    }

    static let refused: [(String, String, String)] = [
        (#"{"tokens":[],"writer_nice":-21}"#, "writer_nice", "from -20 to 19"),
        (#"{"tokens":[],"writer_nice":20}"#, "writer_nice", "from -20 to 19"),
        (#"{"tokens":[],"writer_nice":"-10"}"#, "writer_nice", "integer"),
        (#"{"tokens":[],"writer_nice":null}"#, "writer_nice", "integer"),
        (#"{"tokens":[],"writerNice":-10}"#, "writerNice", "unknown member"),
        (#"{"tokens":[],"idle_timeout_seconds":0}"#, "idle_timeout_seconds", "from 1 to 3600"),
        (#"{"tokens":[],"connections_max":0}"#, "connections_max", "from 1 to 65536"),
        (#"{"tokens":[],"connections_max":65537}"#, "connections_max", "from 1 to 65536"),
        (#"{"tokens":[],"request_deadline_seconds":0}"#, "request_deadline_seconds", "from 1 to 3600"),
        (#"{"tokens":[],"shutdown_grace_seconds":-1}"#, "shutdown_grace_seconds", "from 0 to 3600"),
        (#"{"tokens":[],"shutdown_grace_seconds":3601}"#, "shutdown_grace_seconds", "from 0 to 3600"),
        (#"{"tokens":[],"request_body_bytes_max":1023}"#, "request_body_bytes_max", "integer from 1024"),
        (#"{"tokens":[],"proposal_lifetime_seconds":59}"#, "proposal_lifetime_seconds", "integer from 60"),
        (#"{}"#, "tokens", "array of token entries"),
        (#"{"tokens":{}}"#, "tokens", "array of token entries"),
        (#"[]"#, "config", "JSON object"),
        (#"{"tokens":[{"name":"ana","roles":[],"sha256":"\#(digest)"}]}"#, "tokens[0].roles", "at least one role"),
        (#"{"tokens":[{"name":"ana","roles":["root"],"sha256":"\#(digest)"}]}"#, "tokens[0].roles", "one of proposer"),
        (#"{"tokens":[\#(token),\#(token)]}"#, "tokens[1].name", "listed twice"),
    ]

    @Test(arguments: refused)
    func refusesNamingTheMember(_ text: String, _ field: String, _ rule: String) {
        do {
            _ = try Self.parse(text)
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.field == field, "\(error)")
            #expect(error.description.contains(rule), "\(error)")
        }
    }
}
