import LedgerCore

/// The committed chain as readers see it: entries, the Merkle tree over them, the checkpoints
/// signed for it. Publishing (tiles, proofs) and the service's reads need nothing more.
///
/// `LedgerStore` is the one implementation, on either engine (SQLite or PostgreSQL, behind
/// `SQLConnection`): the protocols name what each kind of caller may do, not how it is stored.
public protocol ChainStore: AnyObject {
    /// The number of committed entries.
    var size: Int64 { get }
    /// The hash of the last committed entry (zero for an empty chain).
    var headHash: Hash { get }
    /// The replay state after the last committed entry (empty when opened with `.hashChain`).
    var state: ReplayState { get }
    func ledgerID() throws(StoreError) -> String
    /// Calls `body` for each committed entry from `seq` on, in order.
    func forEachEntryRow(from seq: Int64, _ body: (EntryRow) throws(StoreError) -> Void) throws(StoreError)
    /// Committed entries, `limit` at most, from `seq`.
    func entries(from seq: Int64, limit: Int) throws(StoreError) -> [EntryRow]
    func merkleNode(level: Int, index: Int64) throws(StoreError) -> Hash
    func merkleRoot(size: Int64) throws(StoreError) -> Hash
    func inclusionProof(seq: Int64, size: Int64) throws(StoreError) -> InclusionProof
    func consistencyProof(first: Int64, second: Int64) throws(StoreError) -> ConsistencyProof
    func latestCheckpoint() throws(StoreError) -> StoredCheckpoint?
    func checkpoint(size: Int64) throws(StoreError) -> StoredCheckpoint?
}

/// Proposals and approvals, and the one path that appends: `write` applies requests in one
/// transaction, each entry appended only after the replay state accepted its exact bytes.
public protocol ProposalStore: ChainStore {
    func proposal(id: String) throws(StoreError) -> ProposalRecord?
    func proposals(status: ProposalRecord.Status?, after: Int64, limit: Int) throws(StoreError) -> (records: [ProposalRecord], next: Int64?)
    func write(_ requests: [WriteRequest], now: String) -> [Result<WriteOutcome, StoreError>]
    func commitmentView(id: String) throws(StoreError) -> CommitmentView?
    func commitmentViews(after: Int, limit: Int) throws(StoreError) -> (views: [CommitmentView], next: Int?)
    func suspensionViews(activeOnly: Bool) throws(StoreError) -> [SuspensionView]
}

/// What the bank code records beside the chain: payment files and their orders, reconciliation
/// runs, their items and the bookings they matched. Each record is written in one transaction.
public protocol BankRecords: ChainStore {
    func committedDisbursements() throws(StoreError) -> [StoredDisbursement]
    func paymentFileCount() throws(StoreError) -> Int64
    func recordPaymentFile(_ header: PaymentFileHeader, fileSHA256: Hash, orders: [PaymentOrder], forced: Bool,
                           place: () throws(StoreError) -> Void) throws(StoreError)
    func reconciliationRun(statementSHA256: Hash) throws(StoreError) -> StoredRun?
    func forEachMatchedBooking(_ body: (_ disbursementID: String, _ outflow: Bool, _ bankRef: String?) -> Void) throws(StoreError)
    func forEachReconciliationItem(run: Int64, discrepanciesOnly: Bool, _ body: (String, Bool, [UInt8]) throws -> Void) throws
    func recordReconciliation(statementSHA256: Hash, _ body: (BankRecorder) throws(StoreError) -> (format: String, runAt: String, outcome: String, summary: [UInt8]))
        throws(StoreError) -> Int64
}

extension LedgerStore: ProposalStore, BankRecords {}
