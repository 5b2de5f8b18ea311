import Dispatch

/// Runs async work from synchronous code (the CLI's commands, the benchmarks) and waits for it.
public enum Blocking {
    public static func run<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) -> Result<T, Error> {
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: Result<T, Error>?
        Task {
            do { result = .success(try await work()) } catch { result = .failure(error) }
            done.signal()
        }
        done.wait()
        return result!
    }
}
