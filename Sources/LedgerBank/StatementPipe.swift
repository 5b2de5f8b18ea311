import Foundation
import LedgerCore
import LedgerStore

/// Reads a statement on a thread of its own and hands its items to the caller's thread in
/// order, in batches, so that parsing and recording run on two cores at once.
///
/// At most `Limits.statementPipeBatchesMax` batches of `Limits.statementPipeBatchItemsMax`
/// items wait between the two, so memory stays bounded whatever the statement's size. Errors
/// keep the order a single thread would give: items read before a bad element are consumed
/// first, then the reader's error is thrown; an error of the consumer stops the reader.
final class StatementPipe: @unchecked Sendable {
    /// Signalled when the reading thread has finished and released the file.
    private let readerDone = DispatchSemaphore(value: 0)
    // The fields below are guarded by `condition`.
    private let condition = NSCondition()
    private var batches: [[BankItem]] = []
    private var outcome: Result<StatementInfo, any Error>?
    private var stopped = false

    private struct Stopped: Error {}

    /// Reads `path` as `format` on a new thread, calls `consume` on this thread for each item,
    /// and returns the statement's description or throws the first error.
    static func run(path: String, format: StatementFormat, consume: (BankItem) throws -> Void) throws -> StatementInfo {
        let pipe = StatementPipe()
        let reader = Thread { pipe.read(path: path, format: format) }
        reader.start()
        defer {
            // The reader's file and parser are released before the caller goes on.
            pipe.stop()
            pipe.readerDone.wait()
        }
        while true {
            switch pipe.take() {
            case .batch(let items): for item in items { try consume(item) }
            case .end(let result): return try result.get()
            }
        }
    }

    private enum Next {
        case batch([BankItem])
        case end(Result<StatementInfo, any Error>)
    }

    private func read(path: String, format: StatementFormat) {
        defer { readerDone.signal() }
        var batch: [BankItem] = []
        batch.reserveCapacity(Limits.statementPipeBatchItemsMax)
        let result = Result { () throws -> StatementInfo in
            let onItem: (BankItem) throws -> Void = { item in
                batch.append(item)
                if batch.count == Limits.statementPipeBatchItemsMax {
                    try self.put(batch)
                    batch.removeAll(keepingCapacity: true)
                }
            }
            // The items read before an error are handed over first, as one thread would have.
            defer { if !batch.isEmpty { try? put(batch) } }
            switch format {
            case .camt053:
                guard let stream = InputStream(fileAtPath: path) else { throw StoreError(.io, field: "statement", "cannot open \(path)") }
                return try Camt053Reader(stream: stream, onItem: onItem).read()
            case .csv:
                return try CSVStatementReader(path: path).read(onItem)
            }
        }
        condition.lock()
        outcome = result
        condition.broadcast()
        condition.unlock()
    }

    /// Queues a batch, waiting while the consumer is behind; throws once the consumer stopped.
    private func put(_ batch: [BankItem]) throws {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= Limits.statementPipeBatchesMax && !stopped { condition.wait() }
        if stopped { throw Stopped() }
        batches.append(batch)
        condition.broadcast()
    }

    /// The next batch, or the reader's outcome once every batch before it was taken.
    private func take() -> Next {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && outcome == nil { condition.wait() }
        if !batches.isEmpty {
            condition.broadcast()
            return .batch(batches.removeFirst())
        }
        return .end(outcome!)
    }

    private func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }
}
