import Metrics
import class Prometheus.PrometheusCollectorRegistry
import struct Prometheus.PrometheusMetricsFactory
import Synchronization

/// The service's counters, gauges and latency histograms: recorded through swift-metrics into a
/// Prometheus registry of this service's own (not the process-wide bootstrap, so several
/// services in one test process keep apart), and exposed in the Prometheus text format
/// (0.0.4) by swift-prometheus, which escapes label values.
public final class ServiceMetrics: Sendable {
    /// Upper bounds of the latency buckets, in seconds.
    static let bucketsSeconds: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]

    private let registry = PrometheusCollectorRegistry()
    private let factory: PrometheusMetricsFactory

    private let entries: Gauge
    private let committed: Counter
    private let batches: Counter
    private let batchedRequests: Counter
    private let commitLatency: Metrics.Timer
    private let writerNice: Gauge

    private struct RequestKey: Hashable {
        let method: String, route: String, status: Int
    }

    /// Handles made once per label set: the hot path only looks them up.
    private struct Handles {
        var requests: [RequestKey: Counter] = [:]
        var latency: [String: Metrics.Timer] = [:]
        var refusals: [String: Counter] = [:]
        var witnesses: [String: (lag: Gauge, cosigned: Gauge, failures: Counter)] = [:]
        var connections: ConnectionRegistry?
        /// The registry's shed count when `/metrics` last read it.
        var shedReported: Int64 = 0
    }

    private let handles = Mutex(Handles())

    public init() {
        var f = PrometheusMetricsFactory(registry: registry)
        f.defaultDurationHistogramBuckets = Self.bucketsSeconds.map { Duration.nanoseconds(Int64($0 * 1e9)) }
        factory = f
        entries = Gauge(label: "jhf_ledger_entries", factory: f)
        committed = Counter(label: "jhf_entries_committed_total", factory: f)
        batches = Counter(label: "jhf_write_batches_total", factory: f)
        batchedRequests = Counter(label: "jhf_write_batch_requests_total", factory: f)
        commitLatency = Metrics.Timer(label: "jhf_write_batch_duration_seconds", factory: f)
        writerNice = Gauge(label: "jhf_store_writer_nice", factory: f)
        writerNice.record(0)
        entries.record(0)
        committed.increment(by: 0)
    }

    func recordRequest(method: String, route: String, status: Int, seconds: Double) {
        let key = RequestKey(method: method, route: route, status: status)
        let (counter, timer) = handles.withLock { h -> (Counter, Metrics.Timer) in
            let c = h.requests[key] ?? Counter(label: "jhf_http_requests_total",
                                                dimensions: [("method", method), ("route", route), ("status", "\(status)")], factory: factory)
            h.requests[key] = c
            let name = "\(method) \(route)"
            let t = h.latency[name] ?? Metrics.Timer(label: "jhf_http_request_duration_seconds", dimensions: [("method", method), ("route", route)],
                                                     factory: factory)
            h.latency[name] = t
            return (c, t)
        }
        counter.increment()
        timer.recordNanoseconds(Int64(seconds * 1e9))
    }

    func recordRefusedApproval(reason: String) {
        let counter = handles.withLock { h -> Counter in
            let c = h.refusals[reason] ?? Counter(label: "jhf_approvals_refused_total", dimensions: [("reason", reason)], factory: factory)
            h.refusals[reason] = c
            return c
        }
        counter.increment()
    }

    /// A witness's state: the entries its latest cosignature lags behind the latest checkpoint,
    /// and the size it last cosigned; `failed` counts a submission that did not succeed.
    func recordWitness(_ name: String, lag: Int64, cosigned: Int64, failed: Bool = false) {
        let h = handles.withLock { h in
            if let w = h.witnesses[name] { return w }
            let w = (Gauge(label: "jhf_witness_lag_entries", dimensions: [("witness", name)], factory: factory),
                     Gauge(label: "jhf_witness_cosigned_size", dimensions: [("witness", name)], factory: factory),
                     Counter(label: "jhf_witness_failures_total", dimensions: [("witness", name)], factory: factory))
            h.witnesses[name] = w
            return w
        }
        h.lag.record(lag)
        h.cosigned.record(cosigned)
        h.failures.increment(by: failed ? 1 : 0)
    }

    /// Whether the latest checkpoint cosigned meets the configured witness policy (1) or not (0).
    func recordPolicy(size: Int64, met: Bool) {
        Gauge(label: "jhf_witness_policy_met", factory: factory).record(met ? 1 : 0)
        Gauge(label: "jhf_witness_policy_checked_size", factory: factory).record(size)
    }

    /// A publication of the tiles (`--publish`): the size now published, or a failure.
    func recordPublication(size: Int64?, failed: Bool) {
        if let size { Gauge(label: "jhf_published_size", factory: factory).record(size) }
        Counter(label: "jhf_publish_failures_total", factory: factory).increment(by: failed ? 1 : 0)
    }

    /// A build of the public site (`--site`): the size it describes and how long it took, or a failure.
    func recordSite(size: Int64?, seconds: Double?, failed: Bool) {
        if let size { Gauge(label: "jhf_site_size", factory: factory).record(size) }
        if let seconds { Gauge(label: "jhf_site_build_seconds", factory: factory).record(seconds) }
        Counter(label: "jhf_site_failures_total", factory: factory).increment(by: failed ? 1 : 0)
    }

    func setEntries(_ n: Int64) { entries.record(n) }

    func setWriterNice(_ n: Int32) { writerNice.record(Int64(n)) }

    func recordBatch(size: Int, seconds: Double, entries n: Int64, totalEntries: Int64) {
        batches.increment()
        batchedRequests.increment(by: size)
        committed.increment(by: Int(max(0, n)))
        entries.record(totalEntries)
        commitLatency.recordNanoseconds(Int64(seconds * 1e9))
    }

    /// The registry whose open and shed connections `/metrics` reports.
    var connections: ConnectionRegistry? {
        get { handles.withLock { $0.connections } }
        set {
            handles.withLock { $0.connections = newValue }
            if let c = newValue { Gauge(label: "jhf_http_connections_max", factory: factory).record(c.limit) }
        }
    }

    /// The exposition text of every metric.
    public func render() -> String {
        if let c = connections {
            Gauge(label: "jhf_http_connections", factory: factory).record(c.count)
            let shed = c.shedCount
            let delta = handles.withLock { h -> Int64 in
                defer { h.shedReported = max(h.shedReported, shed) }
                return max(0, shed - h.shedReported)
            }
            Counter(label: "jhf_http_connections_shed_total", factory: factory).increment(by: Int(delta))
        }
        return registry.emitToString()
    }
}
