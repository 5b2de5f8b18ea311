import Foundation
import LedgerCore

/// The lean load generator: one thread per officer client, each with its own keep-alive
/// HTTP/1.1 connection over a blocking socket. It does the same work per disbursement as
/// `Load` (3 requests, 2 local signatures over the message rebuilt from the returned body)
/// with far less client-side CPU than an event-loop HTTP client, so more of the machine
/// is left to the service under test.
struct SocketLoad {
    let port: Int
    let token: String

    func run(first: Int, count: Int, clients: Int) throws -> (seconds: Double, latencies: [Double]) {
        let next = Counter(first)
        let end = first + count
        let results = Results()
        let group = DispatchGroup()
        let start = Measure.now()
        for _ in 0..<clients {
            group.enter()
            let thread = Thread { [port, token] in
                defer { group.leave() }
                do {
                    let connection = try SocketHTTP(port: port)
                    var mine: [Double] = []
                    while true {
                        let n = next.value.add(1, ordering: .relaxed).oldValue
                        if n >= end { break }
                        mine += try Cosign.run(n) { path, body in try connection.post(path, token: token, body: body) }
                    }
                    results.add(mine)
                } catch {
                    results.fail(error)
                }
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        group.wait()
        let seconds = Measure.now() - start
        if let e = results.error { throw e }
        return (seconds, results.latencies)
    }

    final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var latencies: [Double] = []
        private(set) var error: Error?
        func add(_ l: [Double]) { lock.lock(); latencies += l; lock.unlock() }
        func fail(_ e: Error) { lock.lock(); if error == nil { error = e }; lock.unlock() }
    }
}

/// One disbursement's co-signing, independent of the HTTP client that carries it.
enum Cosign {
    /// Proposes disbursement `n` and posts both approvals; returns the approvals' latencies.
    /// `post(path, body)` returns the response status and body.
    static func run(_ n: Int, post: (String, [UInt8]) throws -> (Int, [UInt8])) throws -> [Double] {
        let (status, body) = try post("/v1/proposals", Array(#"{"body":"#.utf8) + BenchKeys.disbursementInputBytes(n) + Array(#","kind":"disbursement"}"#.utf8))
        guard status == 201 || status == 200, case .object(let o) = try JSONParser.parse(body), let bodyJSON = o["body"],
              case .string(let ledgerID)? = o["ledger_id"] else {
            throw BenchError("proposal \(n): HTTP \(status): \(String(decoding: body, as: UTF8.self))")
        }
        // The message is rebuilt from the returned body (canonicalized here), as an officer's tool does.
        let message = Body.approvalMessage(bodyJSON: bodyJSON, kind: "disbursement", ledgerID: ledgerID)
        var latencies: [Double] = []
        for (i, name) in BenchKeys.approvers(n).enumerated() {
            let signature = BenchKeys.secrets[name]!.sign(message).base64
            let t = Measure.now()
            let (status, reply) = try post("/v1/proposals/D-\(n)/approvals", Array(#"{"key":"\#(name)","signature":"\#(signature)"}"#.utf8))
            latencies.append(Measure.now() - t)
            guard status == 200 else { throw BenchError("approval of D-\(n): HTTP \(status): \(String(decoding: reply, as: UTF8.self))") }
            if i == 1 {
                guard case .object(let a) = try JSONParser.parse(reply), case .string("committed")? = a["outcome"] else {
                    throw BenchError("D-\(n) was not committed after both approvals")
                }
            }
        }
        return latencies
    }
}

/// A keep-alive HTTP/1.1 connection to 127.0.0.1 over a blocking socket (just enough for the benchmark).
final class SocketHTTP {
    private let fd: Int32
    private var pending: [UInt8] = []

    init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw BenchError("socket failed") }
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = UInt16(port).bigEndian
        let ok = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        guard ok else { close(fd); throw BenchError("cannot connect to 127.0.0.1:\(port)") }
    }

    deinit { close(fd) }

    func post(_ path: String, token: String, body: [UInt8]) throws -> (Int, [UInt8]) {
        let head = "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(token)\r\nContent-Type: application/json\r\nContent-Length: \(body.count)\r\n\r\n"
        let request = Array(head.utf8) + body
        var sent = 0
        while sent < request.count {
            let n = request[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw BenchError("send failed") }
            sent += n
        }
        // Headers, then exactly Content-Length bytes of body.
        var headerEnd: Int?
        while headerEnd == nil {
            headerEnd = find(Array("\r\n\r\n".utf8))
            if headerEnd == nil { try fill() }
        }
        let headerText = String(decoding: pending[0..<headerEnd!], as: UTF8.self)
        let lines = headerText.split(separator: "\r\n")
        guard let status = lines.first?.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else { throw BenchError("bad status line") }
        var length = 0
        for line in lines.dropFirst() where line.lowercased().hasPrefix("content-length:") {
            length = Int(line.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) ?? 0
        }
        let bodyStart = headerEnd! + 4
        while pending.count < bodyStart + length { try fill() }
        let responseBody = Array(pending[bodyStart..<(bodyStart + length)])
        pending.removeFirst(bodyStart + length)
        return (status, responseBody)
    }

    private func fill() throws {
        var buffer = [UInt8](repeating: 0, count: 16_384)
        let n = recv(fd, &buffer, buffer.count, 0)
        guard n > 0 else { throw BenchError("connection closed by the service") }
        pending += buffer[0..<n]
    }

    private func find(_ needle: [UInt8]) -> Int? {
        guard pending.count >= needle.count else { return nil }
        for i in 0...(pending.count - needle.count) where pending[i] == needle[0] && Array(pending[i..<(i + needle.count)]) == needle { return i }
        return nil
    }
}
