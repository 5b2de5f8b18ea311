import Foundation
import LedgerCore

/// Wall-clock time and child-process resources, for benchmark figures.
enum Measure {
    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// CPU seconds (user + system) used so far by process `pid`, from /proc (0 if unreadable).
    static func cpuSeconds(pid: Int32) -> Double {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return 0 }
        // Fields after the command name: state is field 3, utime 14 and stime 15.
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// CPU seconds (user + system) used so far by this process, all threads.
    static func ownCPUSeconds() -> Double { cpuSeconds(pid: getpid()) }

    /// The machine's speed now, by two fixed pieces of work: microseconds per Ed25519
    /// verification with every core verifying at once, and microseconds of CPU per round trip
    /// of a 600-byte message between two threads over a Unix socket pair (system calls and
    /// wake-ups as in the service's HTTP exchanges, though not the TCP stack). Each is the best of
    /// five rounds, so that figures taken at different times can be compared.
    static func machineSpeed() throws -> (verification: Double, roundTrip: Double) {
        let key = BenchKeys.secrets[BenchKeys.shcp[0]]!
        let message = Array("jhf-bench machine speed reference".utf8)
        let signature = key.sign(message)
        let cores = ProcessInfo.processInfo.activeProcessorCount
        var verification = Double.infinity, roundTrip = Double.infinity
        for _ in 0..<5 {
            let start = now()
            DispatchQueue.concurrentPerform(iterations: cores) { _ in
                for _ in 0..<400 { precondition(key.publicKey.verify(signature, over: message), "reference signature must verify") }
            }
            verification = min(verification, (now() - start) / 400 * 1e6)
            roundTrip = min(roundTrip, try loopbackRoundTripCPU(count: 5_000))
        }
        return (verification, roundTrip)
    }

    /// CPU microseconds (this process, all threads) per echoed 600-byte message over a Unix socket pair.
    private static func loopbackRoundTripCPU(count: Int) throws -> Double {
        var fds: [Int32] = [0, 0]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &fds) == 0 else { throw BenchError("socketpair failed") }
        let (mine, theirs) = (fds[0], fds[1])
        defer { close(mine); close(theirs) }
        let echo = Thread {
            var buffer = [UInt8](repeating: 0, count: 600)
            for _ in 0..<count {
                guard receiveAll(theirs, &buffer) else { return }
                _ = buffer.withUnsafeBytes { send(theirs, $0.baseAddress, $0.count, 0) }
            }
        }
        let cpu = preciseCPUSeconds()
        echo.start()
        var buffer = [UInt8](repeating: 7, count: 600)
        for _ in 0..<count {
            _ = buffer.withUnsafeBytes { send(mine, $0.baseAddress, $0.count, 0) }
            guard receiveAll(mine, &buffer) else { throw BenchError("echo failed") }
        }
        // The echo thread has finished its last send once this thread has received it; its
        // CPU time is in the process clock by then, give or take its return.
        return (preciseCPUSeconds() - cpu) / Double(count) * 1e6
    }

    /// Fills `buffer` from `fd`; false if the other end closed or failed first.
    private static func receiveAll(_ fd: Int32, _ buffer: inout [UInt8]) -> Bool {
        var got = 0
        while got < buffer.count {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress! + got, $0.count - got, 0) }
            guard n > 0 else { return false }
            got += n
        }
        return true
    }

    /// This process's CPU time, all threads, in nanosecond resolution (/proc counts in ticks).
    private static func preciseCPUSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    struct ChildRun {
        let status: Int32
        let seconds: Double
        /// Peak resident set size of the child, in bytes (Linux reports KiB).
        let peakRSSBytes: Int
    }

    /// Runs a program with its output discarded and reports its time and peak RSS.
    ///
    /// Linux carries a process's peak RSS across exec from the process that spawned it,
    /// so a child of this (large) benchmark process would report at least our own peak.
    /// The program is therefore started by a small helper process (`jhf-bench
    /// run-measured`), whose own peak is what the program inherits.
    static func child(_ path: String, _ arguments: [String]) throws -> ChildRun {
        let helper = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
        let (status, output) = try spawn(helper, ["run-measured", path] + arguments, captureOutput: true)
        let fields = output.split(separator: " ")
        guard status == 0, fields.count == 3, let exit = Int32(fields[0]), let seconds = Double(fields[1]), let kib = Int(fields[2]) else {
            throw BenchError("run-measured failed (exit \(status)): \(output)")
        }
        return ChildRun(status: exit, seconds: seconds, peakRSSBytes: kib * 1024)
    }

    /// Starts `path`, waits for it, and returns its exit status (128 + signal if killed),
    /// its standard output if captured (else discarded), and its resource usage.
    @discardableResult
    static func spawn(_ path: String, _ arguments: [String], captureOutput: Bool, usage: UnsafeMutablePointer<rusage>? = nil) throws -> (Int32, String) {
        var pid: pid_t = 0
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var fds: [Int32] = [-1, -1]
        if captureOutput {
            guard pipe(&fds) == 0 else { throw BenchError("pipe failed") }
            posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
            posix_spawn_file_actions_addclose(&actions, fds[0])
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let rc = posix_spawn(&pid, path, &actions, nil, argv, environ)
        guard rc == 0 else { throw BenchError("cannot start \(path): error \(rc)") }
        var output = Data()
        if captureOutput {
            close(fds[1])
            output = FileHandle(fileDescriptor: fds[0], closeOnDealloc: true).readDataToEndOfFile()
        }
        var status: Int32 = 0
        var own = rusage()
        let waited = usage.map { wait4(pid, &status, 0, $0) } ?? wait4(pid, &status, 0, &own)
        guard waited == pid else { throw BenchError("wait4 failed for \(path)") }
        let exit = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return (exit, String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    static func mib(_ bytes: Int) -> String { String(format: "%.1f MiB", Double(bytes) / 1_048_576) }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}

extension Result where Failure == any Error {
    /// The outcome of async work, as `Result(catching:)` gives for synchronous work.
    init(_ work: () async throws -> Success) async {
        do { self = .success(try await work()) } catch { self = .failure(error) }
    }
}
