import ArgumentParser
import Foundation
import LedgerBank
import LedgerCore
import LedgerStore

/// `jhf-bench reconcile`: times the real `jhf reconcile` on a large ledger and large camt.053
/// statements, with peak RSS, to show that memory does not grow with the statement.
struct ReconcileBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "jhf reconcile wall time and peak RSS: an N-entry ledger against camt.053 statements of 1, 10,000 and --items bookings.")

    @Option(help: "Ledger database; created and filled to --entries if missing or shorter.") var db: String = "/tmp/jhf-bench-reconcile.sqlite"
    @Option(help: "Entries the ledger holds (genesis included).") var entries: Int = 100_000
    @Option(help: "Bookings in the large statement.") var items: Int = 100_000
    @Option(help: "Rounds; the best is reported.") var repeats: Int = 3
    @Option(help: "The jhf binary to time (default: the one beside jhf-bench).") var jhf: String?

    func validate() throws {
        guard entries >= 2 && entries <= 10_000_000 else { throw ValidationError("--entries must be from 2 to 10,000,000") }
        guard items >= 1 && items <= Limits.statementItemsMax else { throw ValidationError("--items must be from 1 to \(Limits.statementItemsMax)") }
        guard (1...20).contains(repeats) else { throw ValidationError("--repeats must be from 1 to 20") }
    }

    func run() throws {
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let binary = jhf ?? here.deletingLastPathComponent().appendingPathComponent("jhf").path
        guard FileManager.default.isExecutableFile(atPath: binary) else { throw BenchError("no jhf binary at \(binary); build it with swift build -c release") }
        let payments: [LedgerPayment]
        do {
            let store = try BenchLedger.fill(db: db, entries: entries)
            payments = try store.committedDisbursements().map(\.payment)
        }
        print("ledger:      \(entries) entries, \(payments.count) disbursements (\(db))")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jhf-bench-reconcile-\(getpid())").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for count in Array(Set([1, min(10_000, items), items])).sorted() {
            let statement = "\(dir)/statement-\(count).xml"
            try write(statement, payments: payments, count: count)
            let bytes = (try FileManager.default.attributesOfItem(atPath: statement)[.size] as? Int) ?? 0
            var best: Measure.ChildRun?
            for _ in 0..<repeats {
                // Each round reconciles into a fresh copy: a recorded statement would be answered from the record.
                let copy = "\(dir)/ledger.sqlite"
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: copy + suffix) }
                try FileManager.default.copyItem(atPath: db, toPath: copy)
                // The copy's dirty pages are written back now, not during the timed run.
                sync()
                let r = try Measure.child(binary, ["reconcile", "--db", copy, "--statement", statement])
                guard r.status == 0 else { throw BenchError("jhf reconcile exited \(r.status) on the \(count)-booking statement") }
                if best == nil || r.seconds < best!.seconds { best = r }
            }
            let b = best!
            print("statement:   \(count) bookings (\(Measure.mib(bytes))): best of \(repeats) \(String(format: "%.2f s", b.seconds)) "
                  + "(\(Int(Double(count) / b.seconds)) bookings/s), peak RSS \(Measure.mib(b.peakRSSBytes)), reconciled")
        }
    }

    /// A statement paying the first `count` disbursements once each, exactly as committed;
    /// past the last disbursement, incoming transfers (funding) that match nothing.
    private func write(_ path: String, payments: [LedgerPayment], count: Int) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), let h = FileHandle(forWritingAtPath: path) else { throw BenchError("cannot create \(path)") }
        defer { try? h.close() }
        var buffer = ""
        let bookings = (0..<count).lazy.map { i -> Camt053Writer.Booking in
            guard i < payments.count else {
                return Camt053Writer.Booking(amount: 100_000, currency: "MXN", direction: .credit, bookingDate: "2026-12-01", bankRef: "BNK-\(i)",
                                             remittance: "USAID tranche \(i)")
            }
            let p = payments[i]
            return Camt053Writer.Booking(amount: p.amount, currency: p.currency, bookingDate: "2026-12-01", bankRef: "BNK-\(i)", endToEndID: p.id,
                                         remittance: "\(p.id) pago", creditorAccount: p.account)
        }
        try Camt053Writer.write(statementID: "BENCH-\(count)", account: "002010077777777771", currency: "MXN", createdAt: "2026-12-02T06:00:00Z",
                                bookings: bookings) { piece in
            buffer += piece
            if buffer.utf8.count > 1 << 20 { try h.write(contentsOf: Array(buffer.utf8)); buffer = "" }
        }
        try h.write(contentsOf: Array(buffer.utf8))
    }
}
