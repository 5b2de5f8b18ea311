import Foundation

/// Paths of the project, found from this file so tests run from any working directory.
enum Repo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// The directory holding the built products (`jhf`, `jhf-bench`) beside the test bundle.
    static let products: URL = {
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.isExecutableFile(atPath: url.appendingPathComponent("jhf").path) { return url }
        }
        return root.appendingPathComponent(".build/debug")
    }()

    static var jhf: String { products.appendingPathComponent("jhf").path }
}

/// What a finished child process left: its exit status and both outputs.
struct Outcome: CustomStringConvertible {
    let status: Int32
    let stdout: String
    let stderr: String
    var description: String { "exit \(status)\nstdout:\n\(stdout)\nstderr:\n\(stderr)" }
}

/// Runs a program to completion and captures its output.
func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:], stdin: String? = nil) throws -> Outcome {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: executable)
    p.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    for (k, v) in environment { env[k] = v }
    p.environment = env
    let out = Pipe(), err = Pipe(), input = Pipe()
    p.standardOutput = out
    p.standardError = err
    p.standardInput = input
    try p.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    // Read both pipes to the end before waiting, so a full pipe cannot block the child.
    nonisolated(unsafe) var errData = Data()
    let errReader = Thread { errData = err.fileHandleForReading.readDataToEndOfFile() }
    errReader.start()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    while !errReader.isFinished { usleep(1000) }
    return Outcome(status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
}

/// Runs `jhf` with a fixed clock (JHF_NOW) so its output is reproducible.
func jhf(_ arguments: [String], now: String = "2026-11-20T12:00:00Z", stdin: String? = nil) throws -> Outcome {
    try run(Repo.jhf, arguments, environment: ["JHF_NOW": now], stdin: stdin)
}

func jhf(_ arguments: String..., now: String = "2026-11-20T12:00:00Z", stdin: String? = nil) throws -> Outcome {
    try jhf(arguments, now: now, stdin: stdin)
}

/// Validates files against Schemas/NAME.schema.json with Python's jsonschema (Tests/Tools/validate_schema.py).
func validate(_ schema: String, _ files: [String]) throws -> Outcome {
    try run("/usr/bin/env", ["python3", Repo.path("Tests/Tools/validate_schema.py"), Repo.path("Schemas"), schema] + files)
}

/// A fresh temporary directory, removed by the caller's `defer`.
func temporaryDirectory(_ label: String = "jhf") throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

func write(_ path: String, _ text: String, mode: Int = 0o644) throws {
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    chmod(path, mode_t(mode))
}

func read(_ path: String) throws -> String { String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self) }

/// A demo ledger made with the CLI from Keys.example: genesis, two disbursements, a reversal.
struct DemoLedger {
    let dir: String
    var db: String { "\(dir)/ledger.sqlite" }
    func key(_ name: String) -> String { "\(dir)/keys/\(name).key" }
    func input(_ name: String) -> String { "\(dir)/in/\(name).json" }

    static let d1 = """
    {"id": "D-1", "amount": 250000000, "currency": "MXN", "category": "humanitarian_stabilization",
     "program": "clinics", "municipality": "15033", "payee": {"name": "Clínica Comunitaria San Cristóbal"},
     "purpose": "Medicines and staff", "value_date": "2026-11-25",
     "sealed": {"payee_account": {"number": "002010077777777771", "scheme": "CLABE"}, "payee_tax_id": "MAB9307148T4", "notes": "Contract 118"}}
    """
    static let d2 = """
    {"id": "D-2", "amount": 4800000000, "currency": "USD", "category": "humanitarian_stabilization",
     "program": "food_aid", "municipality": "08037", "payee": {"name": "Banco de Alimentos de Ciudad Juárez A.C."},
     "purpose": "Food baskets", "value_date": "2026-12-01",
     "sealed": {"payee_account": {"number": "032180000118359719", "scheme": "CLABE"}, "payee_tax_id": "", "notes": ""}}
    """
    static let r1 = #"{"id": "R-1", "reverses": "D-1", "reason": "Contract cancelled"}"#
    static let budgets = #"[{"amount": 120000000000, "category": "humanitarian_stabilization", "currency": "USD"}]"#

    /// Creates the ledger; every step must succeed.
    static func make() throws -> DemoLedger {
        let l = DemoLedger(dir: try temporaryDirectory("jhf-demo"))
        try FileManager.default.createDirectory(atPath: "\(l.dir)/keys", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: "\(l.dir)/in", withIntermediateDirectories: true)
        for name in ["demo-shcp-ana", "demo-shcp-carlos", "demo-usaid-ben", "demo-usaid-dana", "demo-job-log"] {
            try write(l.key(name), try read(Repo.path("Keys.example/\(name).key")), mode: 0o600)
        }
        try write(l.input("d1"), d1)
        try write(l.input("d2"), d2)
        try write(l.input("r1"), r1)
        try write(l.input("budgets"), budgets)
        try l.must(jhf("init", "--db", l.db, "--ledger-id", "jhf.cli.test", "--title", "CLI test ledger",
                       "--keys", Repo.path("Keys.example/registry.json"), "--budgets", l.input("budgets")))
        try l.approve("genesis")
        for (kind, id, file) in [("disbursement", "D-1", "d1"), ("disbursement", "D-2", "d2"), ("reversal", "R-1", "r1")] {
            try l.must(jhf("propose", "--db", l.db, "--kind", kind, "--file", l.input(file)))
            try l.approve(id)
        }
        return l
    }

    func approve(_ id: String, shcp: String = "demo-shcp-ana", usaid: String = "demo-usaid-ben") throws {
        try must(jhf("approve", "--db", db, "--id", id, "--key", key(shcp), "--yes"))
        try must(jhf("approve", "--db", db, "--id", id, "--key", key(usaid), "--yes"))
    }

    @discardableResult
    func must(_ o: Outcome) throws -> Outcome {
        guard o.status == 0 else { throw Unexpected(o.description) }
        return o
    }

    func remove() { try? FileManager.default.removeItem(atPath: dir) }
}

struct Unexpected: Error, CustomStringConvertible { let description: String; init(_ d: String) { description = d } }

/// A minimal HTTP/1.1 GET on 127.0.0.1 (no client library or curl needed): the status and body, or nil if nothing answers.
func httpGet(port: Int, _ path: String) -> (status: Int, body: String)? {
    guard let c = RawConnection(port: port), c.send("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n") else { return nil }
    let text = c.readUntilClosed(seconds: 5).text
    guard let status = text.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else { return nil }
    let body = text.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n")
    return (status, body)
}

/// A minimal HTTP/1.1 POST on 127.0.0.1: the status and body, or nil if nothing answers.
func httpPost(port: Int, _ path: String, body: [UInt8]) -> (status: Int, body: String)? {
    guard let c = RawConnection(port: port),
          c.send(Array("POST \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: \(body.count)\r\nConnection: close\r\n\r\n".utf8) + body)
    else { return nil }
    let text = c.readUntilClosed(seconds: 5).text
    guard let status = text.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else { return nil }
    return (status, text.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n"))
}

/// Starts `jhf serve` on a free port and waits until it answers /healthz. `shell` runs it under
/// `/bin/sh -c` with that prefix (`ulimit -n 128; `); `stderr` receives its log.
func startService(db: String, config: String, extra: [String] = [], shell: String? = nil,
                  stderr: FileHandle = FileHandle.nullDevice) throws -> (Process, String) {
    for _ in 0..<20 {
        let port = Int.random(in: 20_000...60_000)
        let p = Process()
        let arguments = ["serve", "--db", db, "--config", config, "--listen", "127.0.0.1:\(port)", "--log-level", "error"] + extra
        if let shell {
            p.executableURL = URL(fileURLWithPath: "/bin/sh")
            p.arguments = ["-c", shell + "exec \"$0\" \"$@\"", Repo.jhf] + arguments
        } else {
            p.executableURL = URL(fileURLWithPath: Repo.jhf)
            p.arguments = arguments
        }
        p.standardOutput = FileHandle.nullDevice
        p.standardError = stderr
        try p.run()
        let url = "http://127.0.0.1:\(port)"
        for _ in 0..<200 {
            if !p.isRunning { break }
            if httpGet(port: port, "/healthz")?.status == 200 { return (p, url) }
            usleep(50_000)
        }
        if p.isRunning { p.terminate(); p.waitUntilExit() }
    }
    throw Unexpected("the service did not start")
}

/// A raw TCP client on 127.0.0.1, for requests no HTTP client library would send.
final class RawConnection {
    let fd: Int32

    init?(port: Int) {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = UInt16(port).bigEndian
        let connected = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        guard connected else { close(fd); return nil }
    }

    deinit { close(fd) }

    @discardableResult
    func send(_ text: String) -> Bool { send(Array(text.utf8)) }

    @discardableResult
    func send(_ bytes: [UInt8]) -> Bool {
        var done = 0
        while done < bytes.count {
            let n = bytes[done...].withUnsafeBytes { Foundation.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return false }
            done += n
        }
        return true
    }

    /// Everything the server sends until it closes the connection or `seconds` pass; and
    /// whether it closed.
    func readUntilClosed(seconds: Double) -> (text: String, closed: Bool) {
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let wait = Int32(max(1, end.timeIntervalSinceNow * 1000))
            guard poll(&p, 1, wait) > 0 else { continue }
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { return (String(decoding: out, as: UTF8.self), true) }
            out += buffer[0..<n]
        }
        return (String(decoding: out, as: UTF8.self), false)
    }

    /// One response: reads until the head and a Content-Length body have arrived.
    func readResponse(seconds: Double = 5) -> (status: Int, headers: String, body: String)? {
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            let text = String(decoding: out, as: UTF8.self)
            if let split = text.range(of: "\r\n\r\n") {
                let head = String(text[..<split.lowerBound])
                let body = String(text[split.upperBound...])
                let length = head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
                    .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) } ?? 0
                if body.utf8.count >= length, let status = head.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) {
                    return (status, head, body)
                }
            }
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&p, 1, 100) > 0 else { continue }
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            out += buffer[0..<n]
        }
        return nil
    }
}

/// Keys.example/service.json with `members` added (the demo tokens, other limits).
func serviceConfig(_ path: String, _ members: [String: Int]) throws -> String {
    var text = try read(Repo.path("Keys.example/service.json")).trimmingCharacters(in: .whitespacesAndNewlines)
    text.removeLast()  // the closing brace
    for (k, v) in members.sorted(by: { $0.key < $1.key }) { text += ",\n  \"\(k)\": \(v)" }
    try write(path, text + "\n}\n")
    return path
}

/// Raises this process's soft limit on open files to its hard limit (tests that hold many sockets).
func raiseOpenFilesLimit() {
    var l = rlimit()
    guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &l) == 0, l.rlim_cur < l.rlim_max else { return }
    l.rlim_cur = l.rlim_max
    setrlimit(Int32(RLIMIT_NOFILE.rawValue), &l)
}
