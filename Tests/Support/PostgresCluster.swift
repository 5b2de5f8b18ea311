import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A PostgreSQL cluster of the tests' own: made by `initdb` in a temporary directory (as the
/// `postgres` user when the tests run as root, as PostgreSQL requires), listening on a free
/// loopback port, and stopped (its directory removed) when the test process ends however it
/// ends: a watchdog shell started with the server stops it once the test process is gone.
///
/// The server binaries are Debian's `postgresql` package (`.ci/setup` installs it when missing).
public final class PostgresCluster: @unchecked Sendable {
    public let port: Int
    public let directory: String
    /// `synchronous_commit` and other server settings are the defaults unless `settings` said otherwise.
    public let user = "postgres"
    private let bin: String
    private var counter = 0
    private let lock = NSLock()

    /// The cluster the whole test process shares (each test makes its own database in it).
    public static let shared: Result<PostgresCluster, ClusterError> = {
        do throws(ClusterError) { return .success(try PostgresCluster(settings: [:])) } catch { return .failure(error) }
    }()

    public struct ClusterError: Error, CustomStringConvertible {
        public let description: String
        init(_ d: String) { description = d }
    }

    /// The directory of the newest PostgreSQL server binaries Debian installed.
    public static func binaries() throws(ClusterError) -> String {
        let root = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).compactMap(Int.init).sorted()
        guard let v = versions.last, FileManager.default.isExecutableFile(atPath: "\(root)/\(v)/bin/postgres") else {
            throw ClusterError("PostgreSQL server binaries not found under \(root): run .ci/setup (installs Debian's postgresql)")
        }
        return "\(root)/\(v)/bin"
    }

    private init(bin: String, name: String) throws(ClusterError) {
        self.bin = bin
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString.prefix(8))").path
        do { port = try LoopbackPort.free() } catch { throw ClusterError(error.description) }
        do { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) } catch {
            throw ClusterError("cannot create \(directory): \(error)")
        }
        if Self.asPostgres { try Self.run("/bin/chown", ["postgres:postgres", directory]) }
    }

    /// Starts a new cluster; `settings` are extra `-c name=value` server settings.
    public convenience init(settings: [String: String], name: String = "jhf-pg") throws(ClusterError) {
        try self.init(bin: try Self.binaries(), name: name)
        try runAsServer("initdb", ["-D", "\(directory)/data", "--auth=trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"])
        try start(settings: settings)
    }

    /// A streaming standby of this cluster (`pg_basebackup -R`, connecting as `application`), started
    /// and streaming. Name it in this cluster's `synchronous_standby_names` to make it synchronous.
    public func makeStandby(application: String, name: String = "jhf-pg-standby") throws(ClusterError) -> PostgresCluster {
        let standby = try PostgresCluster(bin: bin, name: name)
        try standby.runAsServer("pg_basebackup", ["-d", "host=127.0.0.1 port=\(port) user=postgres application_name=\(application)",
                                                  "-D", "\(standby.directory)/data", "-R", "-X", "stream", "--no-sync", "-c", "fast"])
        try standby.start()
        try waitFor("the standby \(application) to stream",
                    "SELECT count(*) FROM pg_stat_replication WHERE application_name = '\(application)' AND state = 'streaming'", "1")
        return standby
    }

    /// Makes `application` this cluster's synchronous standby with `synchronous_commit = remote_apply`
    /// (a commit returns once the standby has applied it), and waits until the standby is in sync.
    public func requireSynchronousStandby(_ application: String) throws(ClusterError) {
        try psql("ALTER SYSTEM SET synchronous_standby_names = '\(application)'")
        try psql("ALTER SYSTEM SET synchronous_commit = 'remote_apply'")
        try psql("SELECT pg_reload_conf()")
        try waitFor("\(application) to be synchronous", "SELECT sync_state FROM pg_stat_replication WHERE application_name = '\(application)'", "sync")
    }

    /// Promotes a standby to a primary (`pg_ctl promote`) and waits until it takes writes.
    public func promote() throws(ClusterError) {
        try runAsServer("pg_ctl", ["promote", "-w", "-D", "\(directory)/data"])
        try waitFor("the promotion", "SELECT pg_is_in_recovery()", "f")
    }

    /// Polls `sql` until it prints `expected` (10 s at most).
    public func waitFor(_ what: String, _ sql: String, _ expected: String, database: String = "postgres") throws(ClusterError) {
        for _ in 0..<400 {
            if (try? psql(sql, database: database))?.trimmingCharacters(in: .whitespacesAndNewlines) == expected { return }
            usleep(25_000)
        }
        throw ClusterError("timed out waiting for \(what) on port \(port)")
    }

    /// Kills the postmaster with SIGKILL (a machine's sudden loss, as far as this cluster can show it).
    public func killServer() {
        if let pid = serverPID { kill(pid, SIGKILL) }
    }

    /// Stops the server if it runs and removes the cluster's directory.
    public func remove() {
        stop()
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// The tests run as root in CI: PostgreSQL's programs then run as the `postgres` user.
    static let asPostgres = getuid() == 0

    /// Runs one of the server's programs (as `postgres` when the tests are root).
    private func runAsServer(_ program: String, _ arguments: [String]) throws(ClusterError) {
        if Self.asPostgres {
            try Self.run("/usr/bin/setpriv", ["--reuid=postgres", "--regid=postgres", "--init-groups", "\(bin)/\(program)"] + arguments)
        } else {
            try Self.run("\(bin)/\(program)", arguments)
        }
    }

    /// Starts (or restarts) the server on its port, with its watchdog.
    public func start(settings: [String: String] = [:]) throws(ClusterError) {
        let asPostgres = Self.asPostgres
        var args = ["-D", "\(directory)/data", "-p", "\(port)", "-k", directory, "-c", "listen_addresses=127.0.0.1",
                    "-c", "max_connections=300", "-c", "shared_buffers=64MB"]
        for (k, v) in settings.sorted(by: { $0.key < $1.key }) { args += ["-c", "\(k)=\(v)"] }
        let server = (asPostgres ? "/usr/bin/setpriv --reuid=postgres --regid=postgres --init-groups " : "")
            + "\(bin)/postgres " + args.map { "'\($0)'" }.joined(separator: " ")
        // The watchdog: the server runs until the test process (its parent's parent) is gone.
        let script = """
            \(server) >> '\(directory)/server.log' 2>&1 &
            p=$!
            echo $p > '\(directory)/server.pid'
            while kill -0 \(getpid()) 2>/dev/null && kill -0 $p 2>/dev/null; do sleep 0.5; done
            if kill -0 \(getpid()) 2>/dev/null; then exit 0; fi
            kill -INT $p 2>/dev/null; wait $p; rm -rf '\(directory)'
            """
        let watchdog = Process()
        watchdog.executableURL = URL(fileURLWithPath: "/bin/sh")
        watchdog.arguments = ["-c", script]
        watchdog.standardOutput = FileHandle.nullDevice
        watchdog.standardError = FileHandle.nullDevice
        do { try watchdog.run() } catch { throw ClusterError("cannot start the PostgreSQL watchdog: \(error)") }
        for _ in 0..<200 {
            if (try? Self.run("\(bin)/pg_isready", ["-q", "-h", "127.0.0.1", "-p", "\(port)"])) != nil { return }
            usleep(50_000)
        }
        throw ClusterError("PostgreSQL did not start on port \(port); see \(directory)/server.log")
    }

    /// The postmaster's process id.
    public var serverPID: Int32? {
        (try? String(contentsOfFile: "\(directory)/server.pid", encoding: .utf8)).flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    /// Stops the server now (fast shutdown) and waits for it.
    public func stop() {
        guard let pid = serverPID else { return }
        kill(pid, SIGINT)
        for _ in 0..<400 where kill(pid, 0) == 0 { usleep(25_000) }
    }

    /// Runs SQL as the superuser in database `database`; returns psql's unaligned output.
    @discardableResult
    public func psql(_ sql: String, database: String = "postgres") throws(ClusterError) -> String {
        try Self.run("/usr/bin/psql", ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", "\(port)", "-U", user, "-d", database, "-c", sql])
    }

    /// A new empty database; returns its URL (user `postgres`, no password: the cluster trusts loopback).
    public func makeDatabase(prefix: String = "t") throws(ClusterError) -> String {
        let name: String = lock.withLock {
            counter += 1
            return "\(prefix)_\(getpid())_\(counter)"
        }
        try psql("CREATE DATABASE \(name)")
        return url(database: name)
    }

    public func url(database: String, user: String = "postgres") -> String { "postgresql://\(user)@127.0.0.1:\(port)/\(database)" }

    /// Runs a program to its end; its standard output, or an error with its standard error.
    @discardableResult
    static func run(_ program: String, _ arguments: [String]) throws(ClusterError) -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: program)
        p.arguments = arguments
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        do { try p.run() } catch { throw ClusterError("cannot run \(program): \(error)") }
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            throw ClusterError("\((program as NSString).lastPathComponent) failed (\(p.terminationStatus)): \(String(decoding: e, as: UTF8.self))")
        }
        return String(decoding: o, as: UTF8.self)
    }
}
