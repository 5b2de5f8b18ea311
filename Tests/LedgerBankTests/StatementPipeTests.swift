import Foundation
import Testing
import LedgerCore
import LedgerStore
@testable import LedgerBank

/// The statement is read on a second thread and consumed on the caller's: the same items, in the
/// same order, with the same first error, as reading it on one thread.
@Suite struct StatementPipeTests {
    /// More rows than the pipe holds at once, so the reader has to wait for the consumer.
    static let rows = Limits.statementPipeBatchItemsMax * (Limits.statementPipeBatchesMax + 3) + 17

    static func csv(rows: Int, badAt bad: Int? = nil) -> String {
        var s = CSVStatementReader.header.joined(separator: ",") + "\n"
        for i in 1...rows {
            s += "S-1,002010077777777771,2026-11-11,,DBIT,,\(i == bad ? "1.001" : "\(i).00"),MXN,D-\(i),B-\(i),,,\n"
        }
        return s
    }

    func withFile<T>(_ text: String, _ body: (String) throws -> T) throws -> T {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try writeText("\(dir)/s.csv", text)
        return try body("\(dir)/s.csv")
    }

    @Test func everyItemArrivesOnceInOrder() throws {
        try withFile(Self.csv(rows: Self.rows)) { path in
            var piped: [BankItem] = []
            let info = try StatementPipe.run(path: path, format: .csv) { piped.append($0) }
            var direct: [BankItem] = []
            let directInfo = try CSVStatementReader(path: path).read { direct.append($0) }
            #expect(piped.count == Self.rows)
            #expect(piped == direct && info == directInfo)
            #expect(piped.map(\.line) == Array(2...(Self.rows + 1)))
        }
    }

    @Test func aCamtStatementGivesTheSameItemsAsItsReader() throws {
        let path = fixturePath("camt053/genkgo-camt053.v2.multi.statement.xml")
        var piped: [BankItem] = []
        let info = try StatementPipe.run(path: path, format: .camt053) { piped.append($0) }
        var direct: [BankItem] = []
        let directInfo = try Camt053Reader(stream: InputStream(fileAtPath: path)!) { direct.append($0) }.read()
        #expect(!piped.isEmpty && piped == direct && info == directInfo)
    }

    @Test(arguments: [1, 2, Limits.statementPipeBatchItemsMax, Limits.statementPipeBatchItemsMax + 1, rows])
    func itemsBeforeABadRowAreConsumedThenItsErrorIsThrown(_ bad: Int) throws {
        try withFile(Self.csv(rows: Self.rows, badAt: bad)) { path in
            var consumed = 0
            #expect { try StatementPipe.run(path: path, format: .csv) { _ in consumed += 1 } } throws: {
                ($0 as? LedgerError)?.field == "amount" && "\($0)".contains("line \(bad + 1): 1.001 has more decimals")
            }
            #expect(consumed == bad - 1)
        }
    }

    struct ConsumerFailed: Error, Equatable {}

    @Test(arguments: [1, 500, Limits.statementPipeBatchItemsMax * 2])
    func aConsumerErrorStopsTheReader(_ failAt: Int) throws {
        try withFile(Self.csv(rows: Self.rows)) { path in
            var consumed = 0
            #expect(throws: ConsumerFailed()) {
                try StatementPipe.run(path: path, format: .csv) { _ in
                    consumed += 1
                    if consumed == failAt { throw ConsumerFailed() }
                }
            }
            #expect(consumed == failAt)
        }
    }

    @Test func aMissingFileIsTheReadersError() throws {
        for (path, format) in [("/nonexistent/s.csv", StatementFormat.csv), ("/nonexistent/s.xml", .camt053)] {
            #expect { try StatementPipe.run(path: path, format: format) { _ in } } throws: {
                ($0 as? StoreError)?.code == .io && ($0 as? StoreError)?.field == (format == .csv ? path : "statement")
            }
        }
    }
}
