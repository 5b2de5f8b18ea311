import Dispatch

/// Pure work spread over threads: the verifier's batches and the benchmark's generator.
public enum Parallel {
    /// `(0..<count).map(transform)`, spread over up to `jobs` threads in contiguous chunks.
    /// Runs on the calling thread alone for one job or small counts. `T` is `Sendable`: each
    /// value is made on one thread and read on the caller's.
    public static func map<T: Sendable>(_ count: Int, jobs: Int, _ transform: @Sendable (Int) -> T) -> [T] {
        guard jobs > 1, count > 64 else { return (0..<count).map(transform) }
        var out = [T?](repeating: nil, count: count)
        let chunks = min(jobs * 4, count)
        out.withUnsafeMutableBufferPointer { buffer in
            // Each chunk writes only its own indices, so no two threads touch one element.
            nonisolated(unsafe) let shared = buffer
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                for i in count * c / chunks..<count * (c + 1) / chunks { shared[i] = transform(i) }
            }
        }
        return out.map { $0! }
    }
}
