import Foundation
import LedgerCore
import LedgerStore

/// Writes a valid signed ledger of N entries to `entries.jsonl`, streaming, and the
/// checkpoint of all of them signed by the benchmark log key to `checkpoint`.
enum BundleGenerator {
    static let batchEntries = 4096
    /// 2026-01-01T00:00:00Z; entry n is committed n seconds later.
    static let epoch: Int64 = 1_767_225_600

    /// Writes the files into `directory` and returns the size of `entries.jsonl` in bytes.
    static func write(entries count: Int, into directory: String) throws -> Int {
        let path = "\(directory)/\(Bundle.entriesFile)"
        guard FileManager.default.createFile(atPath: path, contents: nil), let out = FileHandle(forWritingAtPath: path) else {
            throw BenchError("cannot create \(path)")
        }
        defer { try? out.close() }
        var prev = Hash.zero
        var tree = MerkleFrontier()
        var written = 0
        var buffer: [UInt8] = []
        var n = 0
        while n < count {
            let first = n, batch = min(Self.batchEntries, count - n)
            // Bodies and signatures in parallel; the chain itself is built in order.
            let signed = Parallel.map(batch, jobs: ProcessInfo.processInfo.activeProcessorCount) { i -> (Body, [Approval]) in
                let seq = first + i
                let body = seq == 0 ? Body.genesis(BenchKeys.genesis)
                    : BenchKeys.disbursement(seq, proposedAt: Timestamp.string(unixSeconds: Self.epoch + Int64(seq)))
                let message = body.approvalMessage(ledgerID: BenchKeys.ledgerID)
                let approvals = BenchKeys.approvers(seq).map { Approval(key: $0, signature: BenchKeys.secrets[$0]!.sign(message)) }
                return (body, approvals)
            }
            for (i, (body, approvals)) in signed.enumerated() {
                let seq = first + i
                let line = Entry(seq: Int64(seq), ledgerID: BenchKeys.ledgerID, prevHash: prev,
                                 committedAt: Timestamp.string(unixSeconds: Self.epoch + Int64(seq)), body: body, approvals: approvals).canonicalBytes
                prev = Hash.leaf(line)
                tree.append(prev)
                buffer += line
                buffer.append(0x0A)
            }
            try out.write(contentsOf: buffer)
            written += buffer.count
            buffer.removeAll(keepingCapacity: true)
            n += batch
        }
        let text = Checkpoint(origin: Checkpoint.origin(ledgerID: BenchKeys.ledgerID), size: Int64(count), root: tree.root).text
        let note = SignedNote(text: text, signatures: [SignedNote.sign(text, name: BenchKeys.log, key: BenchKeys.secrets[BenchKeys.log]!)])
        guard FileManager.default.createFile(atPath: "\(directory)/\(Bundle.checkpointFile)", contents: Data(note.bytes)) else {
            throw BenchError("cannot write \(directory)/\(Bundle.checkpointFile)")
        }
        return written
    }
}
