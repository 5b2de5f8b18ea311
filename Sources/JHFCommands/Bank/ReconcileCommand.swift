import ArgumentParser
import Foundation
import LedgerBank
import LedgerCore
import LedgerStore

/// `jhf reconcile`: a bank statement against the ledger.
struct ReconcileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "Reconcile a bank statement (camt.053.001.02/.08 or CSV) against committed disbursements.",
        discussion: """
        Every booked item is classified: matched, amount_mismatch, currency_mismatch, account_mismatch,
        paid_twice, paid_but_reversed, returned, unknown_debit (an alarm), unrelated_credit or
        already_seen (an overlapping statement); committed disbursements due for more than
        --not-seen-after days and in no statement are not_seen. The run is recorded in the store: the
        same statement again prints the recorded result, marked as already processed.
        Exit codes: 0 all reconciled, 1 discrepancies, 2 bad input, 3 storage error.
        """)

    @Option(help: "Ledger database: a SQLite file, or postgresql://user@host:port/dbname.") var db: String
    @Option(help: ArgumentHelp("The bank statement file.", valueName: "file")) var statement: String
    @Option(help: "Statement layout: camt053 (ISO 20022 camt.053.001.02 or .08) or csv (docs/RECONCILIATION.md).") var format: String = "camt053"
    @Option(help: ArgumentHelp("Days after its due date that a committed disbursement may go unseen before it is reported (0-\(Limits.notSeenAfterDaysMax)).",
                               valueName: "days"))
    var notSeenAfter: Int = Limits.notSeenAfterDaysDefault
    @Flag(help: "Print the result as JSON (Schemas/reconciliation.schema.json) instead of text.") var json = false
    @OptionGroup var progress: ProgressOptions
    @Option(help: ArgumentHelp("Also write summary.txt, reconciliation.json and items.csv into this directory.", valueName: "dir")) var report: String?

    func validate() throws {
        guard StatementFormat(rawValue: format) != nil else { throw ValidationError("--format must be camt053 or csv") }
        guard (0...Limits.notSeenAfterDaysMax).contains(notSeenAfter) else {
            throw ValidationError("--not-seen-after must be from 0 to \(Limits.notSeenAfterDaysMax) days")
        }
    }

    func run() throws {
        let now = try Clock.now()
        let (store, outcome) = try guarded { () throws -> (LedgerStore, ReconcileOutcome) in
            let store = try LedgerStore(path: db, check: .hashChain)
            let line = ProgressLine("reconciling", unit: "bookings", options: progress)
            defer { line.finish() }
            return (store, try Reconciliation.run(store: store, statementPath: statement, format: StatementFormat(rawValue: format)!,
                                                  notSeenAfterDays: notSeenAfter, now: now, progress: line.callback))
        }
        let render = ReconcileRender(store: store, outcome: outcome)
        if let report {
            try guarded { try render.writeReport(directory: report) }
        }
        try guarded {
            if json { try render.json { Console.out($0, terminator: "") } } else { try render.text { Console.out($0, terminator: "") } }
        }
        if !outcome.reconciled { throw ExitCode(ExitStatus.verificationFailed) }
    }
}
