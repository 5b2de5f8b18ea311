import CLinux
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A thread of its own that runs jobs one at a time, in the order they were queued: the
/// store's one writer.
///
/// Every write and read of the store runs here, and every request that writes waits for
/// it. As a libdispatch queue it spent much of its time runnable but waiting for a CPU
/// behind the very request threads that wait on it (figures in docs/benchmarks-history.md).
/// The thread therefore asks for a higher scheduling priority (a lower nice value)
/// when it starts. Linux keeps the nice value per thread, so only this thread changes;
/// lowering it needs `CAP_SYS_NICE` or an `RLIMIT_NICE` that allows it, and without
/// either the thread runs at the process's priority and says so in `priority`.
final class WriterThread: @unchecked Sendable {
    /// What became of the priority the thread asked for.
    enum Priority: Sendable, Equatable {
        /// The thread runs at this nice value.
        case set(nice: Int32)
        /// The thread runs at the process's nice value; `reason` is the system's answer.
        case unchanged(nice: Int32, reason: String)
    }

    typealias Job = @Sendable () -> Void

    // `jobs`, `stopping` and `finished` are guarded by `condition`.
    private let condition = NSCondition()
    private var jobs: [Job] = []
    private var stopping = false
    private var finished = false
    /// Set once by the thread before `init` returns.
    private var threadID = pthread_self()
    private(set) var priority: Priority = .unchanged(nice: 0, reason: "not started")

    /// Starts the thread and waits until it has tried to take nice value `nice`
    /// (nil leaves the thread at the process's priority). Linux shows at most 15 bytes of `name`.
    init(name: String, nice: Int32?) {
        precondition(name.utf8.count <= 15, "thread names are at most 15 bytes on Linux")
        let started = DispatchSemaphore(value: 0)
        let thread = Thread { [self] in
            threadID = pthread_self()
            // Named from inside: Foundation does not pass a name set before start() to Linux.
            _ = jhf_name_this_thread(name)
            priority = Self.takeNice(nice)
            started.signal()
            runJobs()
        }
        thread.start()
        started.wait()
    }

    /// Queues `job` to run after every job queued before it. Returns false, without queueing
    /// it, once `stop()` has been called: a caller waiting for the job must answer otherwise.
    @discardableResult
    func async(_ job: @escaping Job) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard !stopping else { return false }
        jobs.append(job)
        condition.signal()
        return true
    }

    /// Lets the jobs already queued run, then ends the thread; returns once it has ended.
    /// Called on the thread itself (the owner's last reference may go away in a job), it
    /// returns at once and the thread ends after its current jobs.
    func stop() {
        condition.lock()
        defer { condition.unlock() }
        stopping = true
        condition.broadcast()
        if pthread_equal(threadID, pthread_self()) != 0 { return }
        while !finished { condition.wait() }
    }

    private func runJobs() {
        var batch: [Job] = []
        while true {
            condition.lock()
            while jobs.isEmpty && !stopping { condition.wait() }
            if jobs.isEmpty {
                finished = true
                condition.broadcast()
                condition.unlock()
                return
            }
            // Swapping keeps both arrays' storage: no allocation per job in the steady state.
            swap(&batch, &jobs)
            condition.unlock()
            for job in batch { job() }
            batch.removeAll(keepingCapacity: true)
        }
    }

    /// Sets the calling thread's nice value. `setpriority(PRIO_PROCESS, 0, …)` acts on the
    /// calling thread alone on Linux (nice values are per thread there).
    private static func takeNice(_ nice: Int32?) -> Priority {
        let which = __priority_which_t(PRIO_PROCESS.rawValue)
        errno = 0
        let current = getpriority(which, 0)
        guard let nice, nice != current else { return .set(nice: current) }
        if setpriority(which, 0, nice) == 0 { return .set(nice: getpriority(which, 0)) }
        return .unchanged(nice: current, reason: String(cString: strerror(errno)))
    }
}
