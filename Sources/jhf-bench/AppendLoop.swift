import ArgumentParser
import Foundation
import LedgerCore
import LedgerStore

/// `jhf-bench append`: proposes and co-signs disbursements through the store's one append
/// path, printing `committed SEQ ENTRY_HASH` (flushed) after each commit returns.
///
/// It is also the child process of the crash-safety test: killed at any moment and run
/// again on the same database, it carries on from what the store holds.
struct AppendLoop: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "append",
        abstract: "Co-signed appends per second through the store's append path (propose, approve, approve).")

    @Option(help: "Ledger database (created with benchmark keys if missing).") var db: String
    @Option(help: "Entries to append.") var count: Int = 1000
    @Flag(help: "Print only the summary, not one line per commit.") var quiet = false

    func validate() throws {
        guard count >= 1 && count <= 10_000_000 else { throw ValidationError("--count must be from 1 to 10,000,000") }
    }

    func run() throws {
        let store: LedgerStore
        if FileManager.default.fileExists(atPath: db) {
            store = try LedgerStore(path: db)
        } else {
            store = try LedgerStore.create(path: db, ledgerID: BenchKeys.ledgerID, genesis: BenchKeys.genesis, now: now()).0
        }
        let start = Measure.now()
        for _ in 0..<count {
            let seq = store.state.size
            let id = seq == 0 ? "genesis" : "D-\(seq)"
            let record = try store.proposal(id: id)
                ?? store.propose(kind: .disbursement, input: BenchKeys.disbursementInput(Int(seq)), salt: BenchKeys.sealed(Int(seq)).salt, now: now()).record
            let message = record.body.approvalMessage(ledgerID: BenchKeys.ledgerID)
            var committed: (Int64, Hash)?
            for name in BenchKeys.approvers(Int(seq)) {
                if case .committed(let s, let h) = try store.approve(id: id, keyName: name, signature: BenchKeys.secrets[name]!.sign(message), now: now()) {
                    committed = (s, h)
                }
            }
            guard let (s, h) = committed else { throw BenchError("proposal \(id) was not committed after both approvals") }
            // Written unbuffered, after the commit returned: a killed child has reported only durable commits.
            if !quiet { FileHandle.standardOutput.write(Data("committed \(s) \(h.hex)\n".utf8)) }
        }
        let seconds = Measure.now() - start
        FileHandle.standardError.write(Data("appended \(count) co-signed entries in \(String(format: "%.2f", seconds)) s: \(String(format: "%.0f", Double(count) / seconds)) entries/s\n".utf8))
    }

    private func now() -> String { Timestamp.string(unixSeconds: Int64(Date().timeIntervalSince1970)) }
}
