import Dispatch
import Foundation
import LedgerCore

/// Writes a valid signed ledger of N entries to `entries.jsonl`, streaming, and keeps a
/// sample of (line, message, keys, signatures) to measure the crypto ceiling on.
struct BundleGenerator {
    struct Sample {
        let line: [UInt8]
        let message: [UInt8]
        let keys: [PublicKey]
        let signatures: [Signature]
    }

    let sampleMax: Int
    private(set) var samples: [Sample] = []
    var sampleCount: Int { samples.count }
    static let batchEntries = 4096
    /// 2026-01-01T00:00:00Z; entry n is committed n seconds later.
    static let epoch: Int64 = 1_767_225_600

    init(sampleMax: Int) { self.sampleMax = sampleMax }

    /// Writes the file and returns its size in bytes.
    mutating func write(entries count: Int, to path: String) throws -> Int {
        guard FileManager.default.createFile(atPath: path, contents: nil), let out = FileHandle(forWritingAtPath: path) else {
            throw BenchError("cannot create \(path)")
        }
        defer { try? out.close() }
        var prev = Hash.zero
        var written = 0
        var buffer: [UInt8] = []
        var n = 0
        while n < count {
            let first = n, batch = min(Self.batchEntries, count - n)
            // Bodies and signatures in parallel; the chain itself is built in order.
            let signed = Self.parallel(batch) { i -> (Body, [Approval], [UInt8]) in
                let seq = first + i
                let body = seq == 0 ? Body.genesis(BenchKeys.genesis)
                    : BenchKeys.disbursement(seq, proposedAt: Timestamp.string(unixSeconds: Self.epoch + Int64(seq)))
                let message = body.approvalMessage(ledgerID: BenchKeys.ledgerID)
                let approvals = BenchKeys.approvers(seq).map { Approval(key: $0, signature: BenchKeys.secrets[$0]!.sign(message)) }
                return (body, approvals, message)
            }
            for (i, (body, approvals, message)) in signed.enumerated() {
                let seq = first + i
                let line = Entry(seq: Int64(seq), ledgerID: BenchKeys.ledgerID, prevHash: prev,
                                 committedAt: Timestamp.string(unixSeconds: Self.epoch + Int64(seq)), body: body, approvals: approvals).canonicalBytes
                prev = Hash.leaf(line)
                buffer += line
                buffer.append(0x0A)
                if seq > 0 && samples.count < sampleMax {
                    samples.append(Sample(line: line, message: message, keys: approvals.map { BenchKeys.secrets[$0.key]!.publicKey },
                                          signatures: approvals.map(\.signature)))
                }
            }
            try out.write(contentsOf: buffer)
            written += buffer.count
            buffer.removeAll(keepingCapacity: true)
            n += batch
        }
        return written
    }

    /// Entries per second on one core doing only the crypto of an entry: its leaf hash and two verifies.
    func cryptoCeiling() -> Double {
        var ok = 0
        let start = Measure.now()
        for s in samples {
            let h = Hash.leaf(s.line)
            if s.keys[0].verify(s.signatures[0], over: s.message) && s.keys[1].verify(s.signatures[1], over: s.message) && h != Hash.zero { ok += 1 }
        }
        let seconds = Measure.now() - start
        precondition(ok == samples.count, "a generated signature did not verify")
        return Double(samples.count) / seconds
    }

    private static func parallel<T>(_ count: Int, _ make: @Sendable (Int) -> T) -> [T] {
        var out = [T?](repeating: nil, count: count)
        out.withUnsafeMutableBufferPointer { buffer in
            // Each iteration writes only its own index.
            nonisolated(unsafe) let shared = buffer
            DispatchQueue.concurrentPerform(iterations: count) { shared[$0] = make($0) }
        }
        return out.map { $0! }
    }
}
