import Foundation
import LedgerCore
import LedgerStore

/// The v1.1 shape of a generated ledger: how many commitments (entries 1…commitments) and
/// suspensions (spread evenly over the rest; the first half suspend distinct municipalities no
/// payment names, the second half resume them). With commitments, a third of the disbursements
/// are made under one of them (same currency and category).
struct LedgerShape: Sendable {
    var commitments = 0
    var suspensions = 0

    func body(_ seq: Int, count: Int, proposedAt: String) -> Body {
        if seq == 0 { return .genesis(BenchKeys.genesis) }
        if seq <= commitments { return BenchKeys.commitment(seq, proposedAt: proposedAt) }
        let rest = count - 1 - commitments
        if suspensions > 0, rest > suspensions {
            let spacing = rest / suspensions, p = seq - 1 - commitments
            if p % spacing == spacing / 2, p / spacing < suspensions {
                let j = p / spacing, half = (suspensions + 1) / 2
                let scope = SuspensionScope.municipality("25" + String(1000 + (j < half ? j : j - half) % 1000).dropFirst())
                return .suspension(SuspensionBody(id: "S-\(j)", action: j < half ? .suspend : .resume, scope: scope,
                                                  basis: .humanRights, reason: "Benchmark suspension \(j)", proposedAt: proposedAt))
            }
        }
        return BenchKeys.disbursement(seq, proposedAt: proposedAt, commitment: BenchKeys.commitment(for: seq, commitments: commitments))
    }
}

/// Writes a valid signed ledger of N entries to `entries.jsonl`, streaming, and the
/// checkpoint of all of them signed by the benchmark log key to `checkpoint`.
enum BundleGenerator {
    static let batchEntries = 4096
    /// 2026-01-01T00:00:00Z; entry n is committed n seconds later.
    static let epoch: Int64 = 1_767_225_600

    /// Writes the files into `directory` and returns the size of `entries.jsonl` in bytes.
    static func write(entries count: Int, into directory: String, shape: LedgerShape = LedgerShape()) throws -> Int {
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
                let body = shape.body(seq, count: count, proposedAt: Timestamp.string(unixSeconds: Self.epoch + Int64(seq)))
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
