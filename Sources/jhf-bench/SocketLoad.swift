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
    /// Commitments in the ledger: a third of the disbursements name one (0: none).
    var commitments = 0

    func run(first: Int, count: Int, clients: Int) throws -> (seconds: Double, latencies: [Double]) {
        let next = Counter(first)
        let end = first + count
        let results = Results()
        let group = DispatchGroup()
        let start = Measure.now()
        for _ in 0..<clients {
            group.enter()
            let thread = Thread { [port, token, commitments] in
                defer { group.leave() }
                do {
                    let connection = try SocketHTTP(port: port)
                    var mine: [Double] = []
                    while true {
                        let n = next.value.add(1, ordering: .relaxed).oldValue
                        if n >= end { break }
                        let (status, body) = try connection.post("/v1/proposals", token: token, body: Cosign.proposal(n, commitments: commitments))
                        let message = try Cosign.message(n, status, body)
                        for (i, name) in BenchKeys.approvers(n).enumerated() {
                            let (path, approval) = Cosign.approval(n, name, message)
                            let t = Measure.now()
                            let (status, reply) = try connection.post(path, token: token, body: approval)
                            mine.append(Measure.now() - t)
                            _ = try Cosign.checkApproval(n, second: i == 1, status, reply)
                        }
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

/// One disbursement's co-signing, step by step, independent of the HTTP client that carries
/// it (the thread client and the async client run the same steps).
enum Cosign {
    /// The `POST /v1/proposals` body for disbursement `n`.
    static func proposal(_ n: Int, commitments: Int = 0) -> [UInt8] {
        Array(#"{"body":"#.utf8) + BenchKeys.disbursementInputBytes(n, commitments: commitments) + Array(#","kind":"disbursement"}"#.utf8)
    }

    /// The approval message rebuilt from the service's answer to the proposal (its returned
    /// body, canonicalized here), as an officer's tool does.
    static func message(_ n: Int, _ status: Int, _ body: [UInt8]) throws -> [UInt8] {
        guard status == 201 || status == 200, case .object(let o) = try JSONParser.parse(body), let bodyJSON = o["body"],
              case .string(let ledgerID)? = o["ledger_id"] else {
            throw BenchError("proposal \(n): HTTP \(status): \(String(decoding: body, as: UTF8.self))")
        }
        return Body.approvalMessage(bodyJSON: bodyJSON, kind: "disbursement", ledgerID: ledgerID)
    }

    /// The path and body of approver `name`'s approval of disbursement `n`, signed locally.
    static func approval(_ n: Int, _ name: String, _ message: [UInt8]) -> (String, [UInt8]) {
        let signature = BenchKeys.secrets[name]!.sign(message).base64
        return ("/v1/proposals/D-\(n)/approvals", Array(#"{"key":"\#(name)","signature":"\#(signature)"}"#.utf8))
    }

    /// Checks an approval's answer; for the second approval, returns the committed seq and entry hash.
    static func checkApproval(_ n: Int, second: Bool, _ status: Int, _ reply: [UInt8]) throws -> (seq: Int64, hash: String)? {
        guard status == 200 else { throw BenchError("approval of D-\(n): HTTP \(status): \(String(decoding: reply, as: UTF8.self))") }
        guard second else { return nil }
        guard case .object(let a) = try JSONParser.parse(reply), case .string("committed")? = a["outcome"],
              case .integer(let seq)? = a["seq"], case .string(let hash)? = a["entry_hash"] else {
            throw BenchError("D-\(n) was not committed after both approvals")
        }
        return (seq, hash)
    }
}

/// A keep-alive HTTP/1.1 connection to 127.0.0.1 over a blocking socket (just enough for the benchmark).
final class SocketHTTP {
    private let fd: Int32
    private var pending: [UInt8] = []
    private var buffer = [UInt8](repeating: 0, count: 16_384)

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
        // Headers, then exactly Content-Length bytes of body. Parsed on bytes: the load generator
        // shares the machine with the service, so what it spends is taken from the service.
        var headerEnd: Int?
        while headerEnd == nil {
            headerEnd = findHeaderEnd()
            if headerEnd == nil { try fill() }
        }
        let (status, length) = try Self.statusAndLength(pending[0..<headerEnd!])
        let bodyStart = headerEnd! + 4
        while pending.count < bodyStart + length { try fill() }
        let responseBody = Array(pending[bodyStart..<(bodyStart + length)])
        pending.removeFirst(bodyStart + length)
        return (status, responseBody)
    }

    /// The status code and Content-Length (0 without one) of a response head.
    static func statusAndLength(_ head: ArraySlice<UInt8>) throws -> (Int, Int) {
        let digit = { (b: UInt8) in b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
        let s = head.startIndex
        // "HTTP/1.1 200 …"
        guard head.count >= 12, head[(s + 8)] == UInt8(ascii: " "), head[(s + 9)..<(s + 12)].allSatisfy(digit) else { throw BenchError("bad status line") }
        let status = head[(s + 9)..<(s + 12)].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        let name = Array("content-length:".utf8)
        var length = 0
        var i = s
        while i < head.endIndex {
            var end = i
            while end < head.endIndex && head[end] != UInt8(ascii: "\r") { end += 1 }
            if end - i > name.count && head[i..<(i + name.count)].equalsASCIIIgnoringCase(lowercase: name) {
                length = head[(i + name.count)..<end].filter(digit).reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
            }
            i = end + 2
        }
        return (status, length)
    }

    private func fill() throws {
        let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        guard n > 0 else { throw BenchError("connection closed by the service") }
        pending += buffer[0..<n]
    }

    /// Where "\r\n\r\n" starts in what was received.
    private func findHeaderEnd() -> Int? {
        guard pending.count >= 4 else { return nil }
        for i in 0...(pending.count - 4) where pending[i] == 13 && pending[i + 1] == 10 && pending[i + 2] == 13 && pending[i + 3] == 10 { return i }
        return nil
    }
}
