import Foundation
import LedgerCore
import LedgerStore

/// Benchmark ledgers made through the store's own write path.
enum BenchLedger {
    /// Opens the store and appends co-signed disbursements until it holds `entries`: proposals
    /// and both approvals go through `LedgerStore.write` in group-committed batches, signatures
    /// made (and checked) here in parallel, as the service's request threads do.
    static func fill(db: String, entries: Int) throws -> LedgerStore {
        let now = "2026-01-01T00:00:00Z"
        let store: LedgerStore
        if FileManager.default.fileExists(atPath: db) {
            store = try LedgerStore(path: db)
        } else {
            store = try create(db: db, now: now)
        }
        store.checkpointSigner = CheckpointSigner(name: BenchKeys.log, key: BenchKeys.secrets[BenchKeys.log]!)
        let start = Measure.now(), startSize = store.state.size
        var lastReport = start
        // Three requests per disbursement: propose, approve, approve.
        let perBatch = Limits.writeBatchRequestsMax / 3
        while store.state.size < entries {
            let first = Int(store.state.size), count = min(perBatch, entries - first)
            let batch = try Parallel.map(count, jobs: ProcessInfo.processInfo.activeProcessorCount) { i -> Result<[WriteRequest], StoreError> in
                Result { () throws(StoreError) -> [WriteRequest] in try BenchLedger.requests(first + i, now: now) }
            }.flatMap { try $0.get() }
            for result in store.write(batch, now: now) { _ = try result.get() }
            if Measure.now() - lastReport > 10 {
                lastReport = Measure.now()
                let done = Double(store.state.size - startSize)
                FileHandle.standardError.write(Data("filled \(store.state.size) entries (\(Int(done / (lastReport - start))) /s)\n".utf8))
            }
        }
        if store.state.size > startSize {
            let seconds = Measure.now() - start
            print("filled:      \(store.state.size - startSize) co-signed disbursements in \(String(format: "%.0f", seconds)) s (\(Int(Double(store.state.size - startSize) / seconds))/s, group commits of \(perBatch))")
        }
        return store
    }

    /// A new ledger at `db` whose genesis both institutions have approved.
    static func create(db: String, now: String) throws -> LedgerStore {
        let store = try LedgerStore.create(path: db, ledgerID: BenchKeys.ledgerID, genesis: BenchKeys.genesis, now: now).0
        let message = try store.proposal(id: "genesis")!.body.approvalMessage(ledgerID: BenchKeys.ledgerID)
        for name in BenchKeys.approvers(0) { _ = try store.approve(id: "genesis", keyName: name, signature: BenchKeys.secrets[name]!.sign(message), now: now) }
        return store
    }

    /// Disbursement `n` as the service's writer receives it: the proposal, then both approvals,
    /// signed and verified here (as the service verifies on its request threads).
    static func requests(_ n: Int, now: String) throws(StoreError) -> [WriteRequest] {
        try requests(kind: .disbursement, input: BenchKeys.disbursementInput(n), salt: BenchKeys.sealed(n).salt, n: n, now: now)
    }

    /// A proposal of any kind and both approvals (by the approvers of entry `n`), as the writer receives them.
    static func requests(kind: EntryKind, input: JSONValue, salt: [UInt8], n: Int, now: String) throws(StoreError) -> [WriteRequest] {
        let draft = try ProposalDraft(kind: kind, input: input, salt: salt, now: now)
        let message = draft.body.approvalMessage(ledgerID: BenchKeys.ledgerID)
        return [.propose(draft)] + BenchKeys.approvers(n).map { name in
            let key = BenchKeys.secrets[name]!
            let signature = key.sign(message)
            return .approve(id: draft.id, keyName: name, signature: signature,
                            verified: key.publicKey.verified(signature, over: message, keyName: name))
        }
    }
}
