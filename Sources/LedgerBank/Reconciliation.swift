import Foundation
import LedgerCore
import LedgerStore

/// A bank statement's layout.
public enum StatementFormat: String, Sendable, CaseIterable {
    case camt053
    case csv
}

/// The outcome of `Reconciliation.run`: the recorded run and whether it was recorded just now.
public struct ReconcileOutcome: Sendable {
    public let run: StoredRun
    /// True when the same statement bytes were already reconciled: the stored result is returned.
    public let alreadyProcessed: Bool
    public var reconciled: Bool { run.outcome == "reconciled" }
}

/// Reconciles one bank statement against the ledger and records the run (docs/RECONCILIATION.md).
public enum Reconciliation {
    /// Reads the statement as a stream, classifies each booked item against the committed
    /// disbursements, adds the disbursements due for more than `notSeenAfterDays` that no
    /// statement has shown, and records everything in one transaction. A statement whose
    /// bytes were reconciled before is not read again: its recorded run is returned.
    /// `progress` is called every 4,096 items with the count so far (the total is not known ahead).
    public static func run(store: some BankRecords, statementPath: String, format: StatementFormat, notSeenAfterDays: Int, now: String,
                           progress: ((ReplayProgress) -> Void)? = nil) throws -> ReconcileOutcome {
        precondition((0...Limits.notSeenAfterDaysMax).contains(notSeenAfterDays), "checked by the caller")
        let digest = try BankFiles.sha256(path: statementPath)
        if let done = try store.reconciliationRun(statementSHA256: digest) {
            return ReconcileOutcome(run: done, alreadyProcessed: true)
        }
        var reconciler = Reconciler(payments: try store.committedDisbursements().map(\.payment))
        try store.forEachMatchedBooking { id, outflow, ref in reconciler.recordPrior(disbursementID: id, outflow: outflow, bankRef: ref) }
        let ledgerID = try store.ledgerID()
        let runID = try store.recordReconciliation(statementSHA256: digest) { (recorder) throws(StoreError) in
            do {
                var tally = Tally()
                var items: Int64 = 0
                func record(_ r: ReconciledItem) throws {
                    try tally.add(r)
                    try recorder.recordItem(ordinal: r.ordinal, klass: r.klass.rawValue, discrepancy: r.discrepancy, json: ReconcileJSON.item(r).canonicalBytes)
                }
                let onItem: (BankItem) throws -> Void = { item in
                    items += 1
                    if items % 4096 == 0 { progress?(ReplayProgress(done: items, fraction: nil)) }
                    // The booking is stored with the disbursement it matches; the insert itself says
                    // whether an earlier statement already reported it.
                    try record(reconciler.classify(item) { matched in
                        try !recorder.recordBooking(key: item.bookingKey, disbursementID: matched, outflow: item.isOutflow, bankRef: item.bankRef)
                    })
                }
                // The statement is parsed on a second thread while this one classifies and records.
                let info = try StatementPipe.run(path: statementPath, format: format, consume: onItem)
                guard let asOf = info.asOf else { throw LedgerError(.statement, field: "statement", "the file holds no statement") }
                for r in reconciler.notSeen(asOf: asOf, afterDays: notSeenAfterDays, currencies: info.currencies) { try record(r) }
                let summary = ReconcileJSON.summary(run: recorder.run, runAt: now, sha256: digest, info: info, ledgerID: ledgerID, size: store.size,
                                                    head: store.headHash, asOf: asOf, notSeenAfterDays: notSeenAfterDays, tally: tally)
                return (info.format, now, tally.discrepancies == 0 ? "reconciled" : "discrepancies", summary.canonicalBytes)
            } catch let e as StoreError {
                throw e
            } catch let e as LedgerError {
                throw StoreError(e)
            } catch {
                throw StoreError(.io, "\(error)")
            }
        }
        guard let stored = try store.reconciliationRun(statementSHA256: digest), stored.run == runID else {
            throw StoreError(.io, "the reconciliation run just recorded cannot be read back")
        }
        return ReconcileOutcome(run: stored, alreadyProcessed: false)
    }
}

/// Counts and totals by class, as a run goes.
struct Tally {
    var counts: [ReconcileClass: Int] = [:]
    var amounts: [ReconcileClass: [String: Int64]] = [:]
    var discrepancies = 0

    mutating func add(_ r: ReconciledItem) throws {
        counts[r.klass, default: 0] += 1
        let (sum, overflow) = amounts[r.klass, default: [:]][r.currency, default: 0].addingReportingOverflow(r.amount)
        guard !overflow, sum <= Limits.integerMagnitudeMax else {
            throw LedgerError(.statement, field: "amount", "the total of \(r.klass.rawValue) in \(r.currency) exceeds the ledger's integer range (2^53-1 minor units)")
        }
        amounts[r.klass, default: [:]][r.currency] = sum
        if r.discrepancy { discrepancies += 1 }
    }
}
