import Synchronization

/// The service's counters and latency histograms, in the Prometheus text format (0.0.4).
public final class ServiceMetrics: Sendable {
    /// Upper bounds of the latency buckets, in seconds.
    static let bucketsSeconds: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]

    private struct Histogram {
        var counts = [UInt64](repeating: 0, count: ServiceMetrics.bucketsSeconds.count)
        var count: UInt64 = 0
        var sum = 0.0
        mutating func observe(_ seconds: Double) {
            for (i, bound) in ServiceMetrics.bucketsSeconds.enumerated() where seconds <= bound { counts[i] += 1 }
            count += 1
            sum += seconds
        }
    }

    private struct RequestKey: Hashable, Comparable {
        let method: String, route: String, status: Int
        static func < (a: Self, b: Self) -> Bool { (a.route, a.method, a.status) < (b.route, b.method, b.status) }
    }

    private struct State {
        var requests: [RequestKey: UInt64] = [:]
        var latency: [String: Histogram] = [:]
        var refusals: [String: UInt64] = [:]
        var entries: Int64 = 0
        var committed: UInt64 = 0
        var batches: UInt64 = 0
        var batchedRequests: UInt64 = 0
        var commitLatency = Histogram()
        var writerNice: Int32 = 0
        var connections: ConnectionRegistry?
    }

    private let state = Mutex(State())

    public init() {}

    func recordRequest(method: String, route: String, status: Int, seconds: Double) {
        state.withLock {
            $0.requests[RequestKey(method: method, route: route, status: status), default: 0] += 1
            $0.latency["\(method) \(route)", default: Histogram()].observe(seconds)
        }
    }

    func recordRefusedApproval(reason: String) { state.withLock { $0.refusals[reason, default: 0] += 1 } }

    func setEntries(_ n: Int64) { state.withLock { $0.entries = n } }

    func setWriterNice(_ n: Int32) { state.withLock { $0.writerNice = n } }

    /// The registry whose open and shed connections `/metrics` reports.
    var connections: ConnectionRegistry? {
        get { state.withLock { $0.connections } }
        set { state.withLock { $0.connections = newValue } }
    }

    func recordBatch(size: Int, seconds: Double, entries: Int64, totalEntries: Int64) {
        state.withLock {
            $0.batches += 1
            $0.batchedRequests += UInt64(size)
            $0.committed += UInt64(max(0, entries))
            $0.entries = totalEntries
            $0.commitLatency.observe(seconds)
        }
    }

    /// The exposition text of every metric.
    public func render() -> String {
        let s = state.withLock { $0 }
        var out = ""
        func header(_ name: String, _ type: String, _ help: String) { out += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n" }
        func histogram(_ name: String, _ labels: String, _ h: Histogram) {
            let sep = labels.isEmpty ? "" : ","
            for (i, bound) in Self.bucketsSeconds.enumerated() { out += "\(name)_bucket{\(labels)\(sep)le=\"\(bound)\"} \(h.counts[i])\n" }
            out += "\(name)_bucket{\(labels)\(sep)le=\"+Inf\"} \(h.count)\n"
            let braces = labels.isEmpty ? "" : "{\(labels)}"
            out += "\(name)_sum\(braces) \(h.sum)\n\(name)_count\(braces) \(h.count)\n"
        }
        header("jhf_http_requests_total", "counter", "HTTP requests answered, by method, route and status.")
        for (k, v) in s.requests.sorted(by: { $0.key < $1.key }) {
            out += "jhf_http_requests_total{method=\"\(k.method)\",route=\"\(k.route)\",status=\"\(k.status)\"} \(v)\n"
        }
        header("jhf_http_request_duration_seconds", "histogram", "Time to answer HTTP requests, by method and route.")
        for (k, h) in s.latency.sorted(by: { $0.key < $1.key }) {
            let parts = k.split(separator: " ", maxSplits: 1)
            histogram("jhf_http_request_duration_seconds", "method=\"\(parts[0])\",route=\"\(parts[1])\"", h)
        }
        header("jhf_ledger_entries", "gauge", "Entries in the chain.")
        out += "jhf_ledger_entries \(s.entries)\n"
        header("jhf_entries_committed_total", "counter", "Entries appended by this process.")
        out += "jhf_entries_committed_total \(s.committed)\n"
        header("jhf_approvals_refused_total", "counter", "Approvals refused, by reason.")
        for (k, v) in s.refusals.sorted(by: { $0.key < $1.key }) { out += "jhf_approvals_refused_total{reason=\"\(k)\"} \(v)\n" }
        header("jhf_write_batches_total", "counter", "Durable write transactions (group commits).")
        out += "jhf_write_batches_total \(s.batches)\n"
        header("jhf_write_batch_requests_total", "counter", "Write requests carried by those transactions.")
        out += "jhf_write_batch_requests_total \(s.batchedRequests)\n"
        header("jhf_store_writer_nice", "gauge", "Nice value the store's writer thread runs at (lower runs first).")
        out += "jhf_store_writer_nice \(s.writerNice)\n"
        header("jhf_write_batch_duration_seconds", "histogram", "Time to run and durably commit one write transaction.")
        histogram("jhf_write_batch_duration_seconds", "", s.commitLatency)
        if let c = s.connections {
            header("jhf_http_connections", "gauge", "Open HTTP connections.")
            out += "jhf_http_connections \(c.count)\n"
            header("jhf_http_connections_max", "gauge", "Open HTTP connections kept at most.")
            out += "jhf_http_connections_max \(c.limit)\n"
            header("jhf_http_connections_shed_total", "counter", "Idle or unfinished connections closed to make room for new ones.")
            out += "jhf_http_connections_shed_total \(c.shedCount)\n"
        }
        return out
    }
}
