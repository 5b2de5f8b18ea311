import Foundation
import LedgerCore
import LedgerStore

/// Which disbursements a payment file orders.
public enum PaymentSelection: Sendable, Equatable {
    /// Every committed disbursement from this seq on that is not reversed and not yet ordered.
    case since(Int64)
    /// These disbursements, each of which must be committed and not reversed.
    case ids([String])
}

/// What `PaymentExport.run` did.
public struct PaymentExportResult: Sendable {
    public let messageID: String?
    public let orders: [PaymentOrder]
    /// Disbursements left out because an earlier file ordered them, with those files' message ids.
    public let alreadyOrdered: [(id: String, files: [String])]
    /// Disbursements ordered again because the export was forced, with the earlier files.
    public let reordered: [(id: String, files: [String])]
    /// Reversed disbursements left out (`since` only).
    public let reversed: [String]
    /// Disbursements held back because a scope they name is suspended now (`since` only), with the suspension.
    public let suspended: [(id: String, suspension: ActiveSuspension)]
}

/// Writes pain.001 payment files for committed disbursements and remembers what was ordered.
public enum PaymentExport {
    /// Selects the orders, writes the file (0600, never over an existing one) and records it in
    /// the store: the file is linked to its final name inside the recording transaction, which
    /// commits only once the file is in place (and the file is removed if the commit fails), so
    /// no payment is ever recorded as ordered without its file, and a second export cannot
    /// order the same payment without `force`.
    public static func run(store: some BankRecords, selection: PaymentSelection, debtorName: String, debtorAccount: String,
                           executionDate: String, out: String, force: Bool, now: String) throws -> PaymentExportResult {
        guard !FileManager.default.fileExists(atPath: out) else {
            throw StoreError(.conflict, field: "out", "\(out) already exists; payment files are never overwritten")
        }
        let all = try store.committedDisbursements()
        var chosen: [StoredDisbursement] = []
        var reversed: [String] = []
        var suspended: [(id: String, suspension: ActiveSuspension)] = []
        // Each was valid when appended, but the bank must not be told to pay into a scope that is
        // suspended now (SPEC §10.3): the replay's own table of active suspensions decides.
        func suspension(of d: StoredDisbursement) -> ActiveSuspension? {
            store.state.book.blocking(program: d.program, municipality: d.municipality, commitment: d.commitment)
        }
        switch selection {
        case .since(let seq):
            for d in all where d.payment.seq >= seq {
                if d.payment.reversedBy != nil {
                    reversed.append(d.payment.id)
                } else if let s = suspension(of: d) {
                    suspended.append((d.payment.id, s))
                } else {
                    chosen.append(d)
                }
            }
        case .ids(let ids):
            let byID = Dictionary(all.map { ($0.payment.id, $0) }, uniquingKeysWith: { a, _ in a })
            var seen = Set<String>()
            for id in ids {
                guard seen.insert(id).inserted else { throw LedgerError(.argument, field: "ids", "\(id) is given twice") }
                guard let d = byID[id] else { throw StoreError(.notFound, field: "ids", "\(id) is not a committed disbursement of this ledger") }
                if let r = d.payment.reversedBy { throw LedgerError(.argument, field: "ids", "\(id) is reversed (by \(r)); a reversed disbursement is never ordered") }
                if let s = suspension(of: d) {
                    throw LedgerError(.argument, field: "ids", rule: .r15,
                                      "\(id) names \(s.scope), which is suspended (\(s)); it is not ordered while the suspension lasts")
                }
                chosen.append(d)
            }
        }
        var orders: [PaymentOrder] = [], alreadyOrdered: [(String, [String])] = [], reordered: [(String, [String])] = []
        for d in chosen {
            if !d.orderedIn.isEmpty {
                if force { reordered.append((d.payment.id, d.orderedIn)) } else { alreadyOrdered.append((d.payment.id, d.orderedIn)); continue }
            }
            guard let account = d.payment.account else {
                throw StoreError(.notFound, field: "sealed", "the store has no sealed record for \(d.payment.id), so no account to pay")
            }
            orders.append(try PaymentOrder(id: d.payment.id, amount: d.payment.amount, currency: d.payment.currency, payeeName: d.payeeName,
                                           account: account, purpose: d.purpose))
        }
        guard !orders.isEmpty else {
            return PaymentExportResult(messageID: nil, orders: [], alreadyOrdered: alreadyOrdered, reordered: reordered, reversed: reversed,
                                       suspended: suspended)
        }
        let compactDate = executionDate.replacingOccurrences(of: "-", with: "")
        let header = try PaymentFileHeader(messageID: "JHF-\(compactDate)-\(try store.paymentFileCount() + 1)", createdAt: now,
                                           executionDate: executionDate, debtorName: debtorName, debtorAccount: debtorAccount)
        let bytes = try Pain001.document(header, orders: orders)
        try XMLWellFormed.check(bytes, field: "out")
        try writeAtomically(out, mode: FileMode.secret, record: { (place) throws(StoreError) in
            try store.recordPaymentFile(header, fileSHA256: Hash.sha256(bytes), orders: orders, forced: !reordered.isEmpty, place: place)
        }) { (w: FileHandle) throws(StoreError) in
            do { try w.write(contentsOf: bytes) } catch { throw StoreError(.io, field: "out", "write failed: \(error.localizedDescription)") }
        }
        return PaymentExportResult(messageID: header.messageID, orders: orders, alreadyOrdered: alreadyOrdered, reordered: reordered, reversed: reversed,
                                   suspended: suspended)
    }
}
