import Dispatch
import Foundation
import LedgerCore
import LedgerStore
import Synchronization

/// The one owner of the store inside the service.
///
/// SQLite work runs on one serial queue, off the server's threads, so a durable commit
/// never blocks request handling. Writes are group-committed: requests that arrive while
/// a batch is being made durable wait together and go into the next transaction, so the
/// cost of one fsync is shared by everyone waiting (each request still succeeds or fails
/// alone). Reads wait their turn on the same queue and so see every committed write.
public final class LedgerWorker: Sendable {
    /// Holds the non-Sendable store; it is only ever touched on `queue`.
    private final class StoreBox: @unchecked Sendable {
        var store: LedgerStore?
        init(_ store: LedgerStore) { self.store = store }
    }

    private struct Waiting {
        var requests: [(WriteRequest, CheckedContinuation<Result<WriteOutcome, StoreError>, Never>)] = []
        var flushScheduled = false
        var closed = false
    }

    private let queue = DispatchQueue(label: "jhf.ledger.store", qos: .userInitiated)
    private let box: StoreBox
    private let waiting = Mutex(Waiting())
    private let clock: @Sendable () -> Int64
    public let metrics: ServiceMetrics

    /// Opens the ledger at `path` (replaying its chain) for the service.
    public init(path: String, proposalLifetimeSeconds: Int64 = Limits.proposalLifetimeDefaultSeconds,
                metrics: ServiceMetrics = ServiceMetrics(), clock: @escaping @Sendable () -> Int64 = LedgerWorker.systemClock) throws(StoreError) {
        let store = try LedgerStore(path: path)
        store.proposalLifetimeSeconds = proposalLifetimeSeconds
        box = StoreBox(store)
        self.clock = clock
        self.metrics = metrics
        metrics.setEntries(store.state.size)
    }

    public static let systemClock: @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970) }

    /// The current time as the ledger writes it.
    public var now: String { Timestamp.string(unixSeconds: clock()) }

    // MARK: - Writes

    /// Queues a write for the next group commit and waits until it is durable (or refused).
    public func submit(_ request: WriteRequest) async -> Result<WriteOutcome, StoreError> {
        await withCheckedContinuation { c in
            let action: Int = waiting.withLock { w in
                if w.closed { return -1 }
                w.requests.append((request, c))
                if w.flushScheduled { return 0 }
                w.flushScheduled = true
                return 1
            }
            if action < 0 { c.resume(returning: .failure(StoreError(.io, "the service is shutting down"))) }
            if action > 0 { queue.async { self.flush() } }
        }
    }

    /// Runs on `queue`: takes what is waiting (up to a batch) and commits it in one transaction.
    private func flush() {
        let (batch, more) = waiting.withLock { w in
            let n = min(w.requests.count, Limits.writeBatchRequestsMax)
            let batch = Array(w.requests.prefix(n))
            w.requests.removeFirst(n)
            // Requests arriving from now on schedule the next flush, queued behind this one.
            w.flushScheduled = !w.requests.isEmpty
            return (batch, !w.requests.isEmpty)
        }
        if more { queue.async { self.flush() } }
        guard !batch.isEmpty else { return }
        guard let store = box.store else {
            for (_, c) in batch { c.resume(returning: .failure(StoreError(.io, "the store is closed"))) }
            return
        }
        let before = store.state.size
        let started = DispatchTime.now().uptimeNanoseconds
        let results = store.write(batch.map(\.0), now: now)
        metrics.recordBatch(size: batch.count, seconds: Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9,
                            entries: store.state.size - before, totalEntries: store.state.size)
        for ((_, c), r) in zip(batch, results) { c.resume(returning: r) }
    }

    // MARK: - Reads

    /// Runs `body` against the store on its queue, after every write queued before it.
    public func read<T: Sendable>(_ body: @escaping @Sendable (LedgerStore) throws(StoreError) -> T) async throws(StoreError) -> T {
        let result: Result<T, StoreError> = await withCheckedContinuation { c in
            queue.async {
                guard let store = self.box.store else { return c.resume(returning: .failure(StoreError(.io, "the store is closed"))) }
                do throws(StoreError) { c.resume(returning: .success(try body(store))) } catch { c.resume(returning: .failure(error)) }
            }
        }
        return try result.get()
    }

    /// Refuses new writes, finishes the queued ones, and closes the database.
    public func close() async {
        waiting.withLock { $0.closed = true }
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            queue.async {
                while self.waiting.withLock({ !$0.requests.isEmpty }) { self.flush() }
                self.box.store = nil
                c.resume()
            }
        }
    }
}
