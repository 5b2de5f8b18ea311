import Foundation
import LedgerCore
import Testing

/// The service at the socket, as an attacker or a broken client meets it: parser refusals are
/// problem documents, held sockets cannot starve real clients, trickled requests are cut at
/// the deadline, an unauthenticated body is not read, and SIGTERM is not held by a slow client.
@Suite(.serialized) struct ServiceConnectionTests {
    let l: DemoLedger
    init() throws { l = try DemoLedger.make() }

    func start(_ members: [String: Int] = [:], shell: String? = nil) throws -> (Process, Int) {
        let config = try serviceConfig("\(l.dir)/service-\(UUID().uuidString).json", members)
        let (p, url) = try startService(db: l.db, config: config, shell: shell)
        return (p, Int(url.split(separator: ":").last!)!)
    }

    func stop(_ p: Process) {
        if p.isRunning { kill(p.processIdentifier, SIGTERM); p.waitUntilExit() }
    }

    static var proposerToken: String { (try? read(Repo.path("Keys.example/tokens/proposer.token")))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" }

    /// Each refused request: its bytes, status, problem code and field.
    @Test(arguments: [
        ("bad request line", "GARBAGE\r\n\r\n", 400, "bad_request", "request"),
        ("header section over the limit", "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + String(repeating: "a", count: 100_000) + "\r\n\r\n",
         431, "too_large", "headers"),
        ("two different Content-Lengths", "POST /v1/proposals HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}", 400, "bad_request", "Content-Length"),
        ("Content-Length with chunked", "POST /v1/proposals HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
         400, "bad_request", "request"),
        ("a malformed chunk", "POST /v1/proposals HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(proposerToken)\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
         400, "bad_request", "body"),
    ])
    func parserRefusalsAreProblemDocuments(_ name: String, _ request: String, _ status: Int, _ code: String, _ field: String) throws {
        defer { l.remove() }
        let (p, port) = try start()
        defer { stop(p) }
        let c = try #require(RawConnection(port: port))
        c.send(request)
        let r = try #require(c.readResponse(), "\(name): no answer")
        #expect(r.status == status, "\(name): \(r.headers)")
        #expect(r.headers.lowercased().contains("content-type: application/problem+json"), "\(name): \(r.headers)")
        let problem = try JSONParser.parse(Array(r.body.utf8))
        guard case .object(let o) = problem else { Issue.record("\(name): \(r.body)"); return }
        #expect(o["code"] == .string(code) && o["field"] == .string(field) && o["status"] == .integer(Int64(status)), "\(name): \(r.body)")
        #expect(c.readUntilClosed(seconds: 5).closed, "\(name): the connection stays open")
        // The service is still there, and logged no error.
        #expect(httpGet(port: port, "/healthz")?.status == 200)
    }

    /// 1,100 idle sockets against the default limit of 512: the oldest are shed, and a fresh
    /// request is answered within 2 s.
    @Test func heldSocketsDoNotStarveAFreshClient() throws {
        defer { l.remove() }
        raiseOpenFilesLimit()
        let (p, port) = try start()
        defer { stop(p) }
        var held: [RawConnection] = []
        for _ in 0..<1100 { if let c = RawConnection(port: port) { held.append(c) } }
        #expect(held.count == 1100)
        let started = Date()
        let fresh = try #require(RawConnection(port: port))
        fresh.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        let r = fresh.readResponse(seconds: 10)
        let seconds = Date().timeIntervalSince(started)
        #expect(r?.status == 200 && seconds < 2, "answered after \(seconds) s: \(String(describing: r))")
        let metrics = httpGet(port: port, "/metrics")?.body ?? ""
        let shed = metrics.split(separator: "\n").first { $0.hasPrefix("jhf_http_connections_shed_total ") }.flatMap { Int($0.split(separator: " ")[1]) } ?? 0
        #expect(shed >= 1100 - 512, "\(metrics.split(separator: "\n").filter { $0.hasPrefix("jhf_http_connections") })")
        #expect(metrics.contains("jhf_http_connections_max 512.0"))
        #expect(p.isRunning)
    }

    /// With the descriptors the process may open lower than the limit needs, the limit shrinks
    /// to fit and nothing crashes while more sockets than descriptors are held.
    @Test func fewDescriptorsShrinkTheLimitInsteadOfCrashing() throws {
        defer { l.remove() }
        raiseOpenFilesLimit()
        let (p, port) = try start(shell: "ulimit -Sn 160; ulimit -Hn 160; ")
        defer { stop(p) }
        var held: [RawConnection] = []
        for _ in 0..<400 { if let c = RawConnection(port: port) { held.append(c) } }
        let fresh = try #require(RawConnection(port: port))
        fresh.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(fresh.readResponse(seconds: 5)?.status == 200)
        held.removeAll()
        usleep(300_000)
        let metrics = httpGet(port: port, "/metrics")?.body ?? ""
        #expect(metrics.contains("jhf_http_connections_max 96.0"), "\(metrics.split(separator: "\n").filter { $0.hasPrefix("jhf_http_connections") })")
        #expect(p.isRunning)
    }

    @Test(arguments: ["head", "body"])
    func aTrickledRequestIsCutAtTheDeadline(_ part: String) throws {
        defer { l.remove() }
        let (p, port) = try start(["request_deadline_seconds": 2])
        defer { stop(p) }
        let c = try #require(RawConnection(port: port))
        let head = "POST /v1/proposals HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(Self.proposerToken)\r\nContent-Type: application/json\r\nContent-Length: 400\r\n\r\n"
        let trickle = part == "head" ? head : String(repeating: " ", count: 400)
        if part == "body" { c.send(head) }
        let started = Date()
        var closedAfter: Double?
        for ch in trickle {
            guard c.send(String(ch)) else { closedAfter = Date().timeIntervalSince(started); break }
            let r = c.readUntilClosed(seconds: 0.25)
            if r.closed { closedAfter = Date().timeIntervalSince(started); break }
            if Date().timeIntervalSince(started) > 10 { break }
        }
        #expect(closedAfter != nil && closedAfter! < 4, "\(part): closed after \(String(describing: closedAfter)) s")
    }

    /// A request without a valid token gets its 401 and the connection closes at once: the
    /// service never reads the megabyte announced.
    @Test(arguments: ["", "Authorization: Bearer not-a-token\r\n"])
    func anUnauthenticatedBodyIsNotRead(_ authorization: String) throws {
        defer { l.remove() }
        let (p, port) = try start()
        defer { stop(p) }
        let c = try #require(RawConnection(port: port))
        c.send("POST /v1/proposals HTTP/1.1\r\nHost: x\r\n\(authorization)Content-Type: application/json\r\nContent-Length: 1000000\r\n\r\n{\"kind\":")
        let r = c.readUntilClosed(seconds: 5)
        #expect(r.text.hasPrefix("HTTP/1.1 401") && r.text.lowercased().contains("connection: close"), "\(r.text)")
        #expect(r.closed)
    }

    /// SIGTERM with a request still arriving: the service stops within the grace period.
    @Test func aSlowClientDoesNotHoldShutdown() throws {
        defer { l.remove() }
        let (p, port) = try start(["shutdown_grace_seconds": 1, "request_deadline_seconds": 120])
        let c = try #require(RawConnection(port: port))
        c.send("POST /v1/proposals HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(Self.proposerToken)\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{")
        usleep(300_000)
        let started = Date()
        kill(p.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(20)
        while p.isRunning && Date() < deadline { usleep(50_000) }
        let seconds = Date().timeIntervalSince(started)
        if p.isRunning { kill(p.processIdentifier, SIGKILL) }
        p.waitUntilExit()
        #expect(seconds < 6, "stopped after \(seconds) s")
        #expect(p.terminationReason == .exit && p.terminationStatus == 0)
    }
}
