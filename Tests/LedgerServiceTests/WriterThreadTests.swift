import Foundation
import Glibc
import Synchronization
import Testing
@testable import LedgerService

/// The store's writer thread: jobs one at a time in order, on one thread of its own, at the
/// nice value it asked for, and an orderly stop.
@Suite struct WriterThreadTests {
    static func niceOfThisThread() -> Int32 { getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0) }

    /// Runs `job` on `thread` and waits for it.
    static func onThread<T: Sendable>(_ thread: WriterThread, _ job: @escaping @Sendable () -> T) -> T {
        let result = Mutex<T?>(nil)
        let done = DispatchSemaphore(value: 0)
        #expect(thread.async { result.withLock { $0 = job() }; done.signal() })
        done.wait()
        return result.withLock { $0! }
    }

    @Test func runsJobsInOrderOnOneThreadOfItsOwn() {
        let thread = WriterThread(name: "jhf-test", nice: nil)
        defer { thread.stop() }
        let seen = Mutex<[(Int, pthread_t)]>([])
        let done = DispatchSemaphore(value: 0)
        for i in 0..<1000 {
            thread.async {
                seen.withLock { $0.append((i, pthread_self())) }
                if i == 999 { done.signal() }
            }
        }
        done.wait()
        let s = seen.withLock { $0 }
        #expect(s.map(\.0) == Array(0..<1000))
        #expect(Set(s.map { UInt($0.1) }).count == 1)
        #expect(pthread_equal(s[0].1, pthread_self()) == 0)
    }

    @Test func theThreadCarriesItsName() throws {
        let thread = WriterThread(name: "jhf-test-name", nice: nil)
        defer { thread.stop() }
        let comm = Self.onThread(thread) { try? String(contentsOfFile: "/proc/thread-self/comm", encoding: .utf8) }
        #expect(comm == "jhf-test-name\n")
    }

    /// Raising one's own nice value needs no privilege, so this runs the same everywhere.
    @Test func takesAHigherNiceValueForItselfOnly() {
        let before = Self.niceOfThisThread()
        let target = min(before + 5, 19)
        let thread = WriterThread(name: "jhf-test", nice: target)
        defer { thread.stop() }
        #expect(thread.priority == .set(nice: target))
        #expect(Self.onThread(thread) { Self.niceOfThisThread() } == target)
        #expect(Self.niceOfThisThread() == before, "the caller's thread must keep its nice value")
    }

    @Test func withoutANiceValueItRunsAtTheProcesssOwn() {
        let thread = WriterThread(name: "jhf-test", nice: nil)
        defer { thread.stop() }
        #expect(thread.priority == .set(nice: Self.niceOfThisThread()))
    }

    /// Lowering the nice value needs CAP_SYS_NICE or RLIMIT_NICE: with it the thread takes the
    /// value; without, it keeps the process's and says why. Either way it works.
    @Test func aLowerNiceValueIsTakenOrRefusedWithAReason() {
        let before = Self.niceOfThisThread()
        let thread = WriterThread(name: "jhf-test", nice: before - 5)
        defer { thread.stop() }
        switch thread.priority {
        case .set(let nice): #expect(nice == before - 5)
        case .unchanged(let nice, let reason):
            #expect(nice == before)
            #expect(!reason.isEmpty)
        }
        #expect(Self.onThread(thread) { 42 } == 42)
    }

    @Test func stopRunsWhatIsQueuedThenRefusesMore() {
        let thread = WriterThread(name: "jhf-test", nice: nil)
        let count = Mutex(0)
        let gate = DispatchSemaphore(value: 0)
        thread.async { gate.wait() }
        for _ in 0..<100 { thread.async { count.withLock { $0 += 1 } } }
        gate.signal()
        thread.stop()
        #expect(count.withLock { $0 } == 100)
        #expect(!thread.async { count.withLock { $0 += 1 } })
        thread.stop()  // a second stop returns at once
        #expect(count.withLock { $0 } == 100)
    }

    @Test func stopCalledOnTheThreadItselfDoesNotWaitForItself() {
        let thread = WriterThread(name: "jhf-test", nice: nil)
        let after = Mutex(false)
        let done = DispatchSemaphore(value: 0)
        thread.async {
            thread.stop()
            after.withLock { $0 = true }
            done.signal()
        }
        done.wait()
        thread.stop()
        #expect(after.withLock { $0 })
    }
}
