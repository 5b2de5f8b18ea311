import Dispatch
import Foundation
import LedgerCore
@_spi(Testing) import LedgerStore
import Synchronization

/// The one owner of the store inside the service.
///
/// SQLite work runs on one thread of its own (`WriterThread`), off the server's threads, so
/// a durable commit never blocks request handling. Writes are group-committed: requests that arrive while
/// a batch is being made durable wait together and go into the next transaction, so the
/// cost of one fsync is shared by everyone waiting (each request still succeeds or fails
/// alone). Reads wait their turn on the same thread and so see every committed write.
public final class LedgerWorker: Sendable {
    /// Holds the non-Sendable store; it is only ever touched on `thread`.
    private final class StoreBox: @unchecked Sendable {
        var store: LedgerStore?
        init(_ store: LedgerStore) { self.store = store }
    }

    private struct Waiting {
        var requests: [(WriteRequest, CheckedContinuation<Result<WriteOutcome, StoreError>, Never>)] = []
        var flushScheduled = false
        var closed = false
    }

    /// What request threads need to verify an approval signature before it reaches the
    /// store's one writer: pending proposals' approval messages and the active approver keys.
    /// Only a hint: the store re-checks that key, signature and message bytes all match.
    private struct Hints {
        var messages: [String: [UInt8]] = [:]
        var keys: [String: PublicKey] = [:]
    }

    private let thread: WriterThread
    private let hints = Mutex(Hints())
    private let box: StoreBox
    private let waiting = Mutex(Waiting())
    private let clock: @Sendable () -> Int64
    public let metrics: ServiceMetrics

    /// Opens the ledger at `path` (replaying its chain) for the service.
    /// With `signer`, every group commit that appends entries also signs a checkpoint (SPEC §8);
    /// the signer must be an active `log` key of the ledger (checked now if the ledger has entries).
    /// The store's thread asks for nice value `writerNice` (nil: the process's own); see `writerPriority`.
    public convenience init(path: String, proposalLifetimeSeconds: Int64 = Limits.proposalLifetimeDefaultSeconds, signer: CheckpointSigner? = nil,
                writerNice: Int32? = nil, metrics: ServiceMetrics = ServiceMetrics(),
                clock: @escaping @Sendable () -> Int64 = LedgerWorker.systemClock) throws(StoreError) {
        try self.init(path: path, proposalLifetimeSeconds: proposalLifetimeSeconds, signer: signer, writerNice: writerNice, metrics: metrics,
                      clock: clock, vfs: nil)
    }

    /// As the public initializer, with the store opened through the SQLite VFS named `vfs` (the
    /// power-loss tests' crash-simulating one).
    @_spi(Testing) public init(path: String, proposalLifetimeSeconds: Int64 = Limits.proposalLifetimeDefaultSeconds, signer: CheckpointSigner? = nil,
                               writerNice: Int32? = nil, metrics: ServiceMetrics = ServiceMetrics(),
                               clock: @escaping @Sendable () -> Int64 = LedgerWorker.systemClock, vfs: String?) throws(StoreError) {
        let store = try LedgerStore(path: path, vfs: vfs)
        store.proposalLifetimeSeconds = proposalLifetimeSeconds
        if let signer {
            // A ledger whose genesis is still a proposal has no keys yet: the signer is checked at
            // every signing instead (and signs nothing unless it is an active log key then).
            if store.state.size > 0 { try store.checkSigner(signer) }
            store.checkpointSigner = signer
        }
        box = StoreBox(store)
        thread = WriterThread(name: "jhf-writer", nice: writerNice)
        self.clock = clock
        self.metrics = metrics
        metrics.setEntries(store.state.size)
        metrics.setWriterNice(writerPriority.nice)
        refreshKeys(store)
    }

    deinit { thread.stop() }

    /// The scheduling priority the store's thread runs at: the nice value asked for, or the
    /// process's own and why it could not be changed.
    public var writerPriority: (nice: Int32, unchangedBecause: String?) {
        switch thread.priority {
        case .set(let nice): return (nice, nil)
        case .unchanged(let nice, let reason): return (nice, reason)
        }
    }

    // MARK: - Verifying off the writer

    /// Remembers a pending proposal's approval message (after it was proposed).
    public func rememberMessage(of p: ProposalRecord) {
        guard p.status == .pending, p.kind != .genesis else { return }
        let message = Body.approvalMessage(canonicalBody: p.bodyBytes[...], kind: p.kind.rawValue, ledgerID: p.ledgerID)
        hints.withLock {
            if $0.messages.count >= Limits.verifiedSignaturesMemoMax { $0.messages.removeAll() }
            $0.messages[p.id] = message
        }
    }

    public func forgetMessage(of id: String) { _ = hints.withLock { $0.messages.removeValue(forKey: id) } }

    /// Verifies an approval signature on the calling thread when the message and key are known.
    /// Returns nil when they are not, or when the signature does not verify: the store then decides.
    public func preverify(id: String, keyName: String, signature: Signature) -> PreparedEntry.VerifiedSignature? {
        guard let (message, key) = hints.withLock({ h -> ([UInt8], PublicKey)? in
            guard let m = h.messages[id], let k = h.keys[keyName] else { return nil }
            return (m, k)
        }) else { return nil }
        return key.verified(signature, over: message, keyName: keyName)
    }

    private func refreshKeys(_ store: LedgerStore) {
        var keys: [String: PublicKey] = [:]
        for name in store.state.keyOrder {
            if let k = store.state.activeKey(name), k.role == .approver { keys[name] = k.publicKey }
        }
        hints.withLock { $0.keys = keys }
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
            if action > 0 { thread.async { self.flush() } }
        }
    }

    /// Runs on the store's thread: takes what is waiting (up to a batch) and commits it in one transaction.
    private func flush() {
        let (batch, more) = waiting.withLock { w in
            let n = min(w.requests.count, Limits.writeBatchRequestsMax)
            let batch = Array(w.requests.prefix(n))
            w.requests.removeFirst(n)
            // Requests arriving from now on schedule the next flush, queued behind this one.
            w.flushScheduled = !w.requests.isEmpty
            return (batch, !w.requests.isEmpty)
        }
        if more { thread.async { self.flush() } }
        guard !batch.isEmpty else { return }
        guard let store = box.store else {
            for (_, c) in batch { c.resume(returning: .failure(StoreError(.io, "the store is closed"))) }
            return
        }
        let before = store.state.size
        let started = DispatchTime.now().uptimeNanoseconds
        let results = store.write(batch.map(\.0), now: now)
        // Keys change only through entries, so the approver keys are re-read only when the chain moved.
        if store.state.size != before { refreshKeys(store) }
        metrics.recordBatch(size: batch.count, seconds: Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9,
                            entries: store.state.size - before, totalEntries: store.state.size)
        for ((_, c), r) in zip(batch, results) { c.resume(returning: r) }
    }

    // MARK: - Reads

    /// Runs `body` against the store on its thread, after every write queued before it.
    public func read<T: Sendable>(_ body: @escaping @Sendable (LedgerStore) throws(StoreError) -> T) async throws(StoreError) -> T {
        let result: Result<T, StoreError> = await withCheckedContinuation { c in
            let queued = thread.async {
                guard let store = self.box.store else { return c.resume(returning: .failure(StoreError(.io, "the store is closed"))) }
                do throws(StoreError) { c.resume(returning: .success(try body(store))) } catch { c.resume(returning: .failure(error)) }
            }
            if !queued { c.resume(returning: .failure(StoreError(.io, "the store is closed"))) }
        }
        return try result.get()
    }

    /// Takes the database's sequencer lock for this worker (see `LedgerStore.takeSequencerLock`):
    /// false while another process holds it. Once taken, the worker has caught up with the chain.
    public func takeSequencerLock() async throws(StoreError) -> Bool {
        try await read { store throws(StoreError) in
            guard try store.takeSequencerLock() else { return false }
            self.refreshKeys(store)
            self.metrics.setEntries(store.state.size)
            return true
        }
    }

    /// Refuses new writes, finishes the queued ones, closes the database and ends the store's thread.
    public func close() async {
        waiting.withLock { $0.closed = true }
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            let queued = thread.async {
                while self.waiting.withLock({ !$0.requests.isEmpty }) { self.flush() }
                self.box.store = nil
                c.resume()
            }
            if !queued { c.resume() }
        }
        thread.stop()
    }
}
