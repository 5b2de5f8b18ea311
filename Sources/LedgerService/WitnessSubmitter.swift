import AsyncHTTPClient
import Foundation
import LedgerCore
import LedgerStore
import Logging
import NIOCore
import ServiceLifecycle

/// Submits each new checkpoint to every configured witness (c2sp.org/tlog-witness), all at
/// once, and stores the cosignatures they return.
///
/// One task per witness follows the latest checkpoint. It sends `old <size>` with the size it
/// believes the witness cosigned last (0 at start) and the consistency proof from there; on 409
/// it resends from the size the witness reports (at most `witnessConflictsMax` times in a row);
/// any other failure backs off, doubling from `retryBackoffFirstMilliseconds` to
/// `retryBackoffMaxMilliseconds`. Appends never wait for a witness: the store signs
/// checkpoints on its own and this runs beside it.
struct WitnessSubmitter: ServiceLifecycle.Service {
    let worker: LedgerWorker
    let witnesses: [WitnessEndpoint]
    let policy: WitnessPolicy?
    let logger: Logger

    func run() async throws {
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        await cancelWhenGracefulShutdown {
            await withTaskGroup(of: Void.self) { group in
                for w in witnesses { group.addTask { await follow(w, client: client) } }
            }
        }
        try? await client.shutdown()
    }

    /// What one submission gave.
    enum Answer {
        case cosigned([SignedNote.SignatureLine])
        case conflict(Int64)
        case failed(String)
    }

    private func follow(_ w: WitnessEndpoint, client: HTTPClient) async {
        var believed: Int64 = 0, cosigned: Int64 = 0, failures = 0, conflicts = 0
        var policyReported: Int64 = 0
        while !Task.isCancelled {
            guard let latest = try? await worker.read({ s throws(StoreError) in try s.latestCheckpoint() }), latest.size > cosigned else {
                if !(await pause(milliseconds: ServiceLimits.checkpointPollMilliseconds)) { return }
                continue
            }
            worker.metrics.recordWitness(w.name, lag: latest.size - cosigned, cosigned: cosigned)
            switch await submit(latest, old: believed <= latest.size ? believed : 0, to: w, client: client) {
            case .cosigned(let lines):
                do {
                    for line in lines {
                        _ = try await worker.read { s throws(StoreError) in try s.cosign(size: latest.size, line: line, publicKey: w.publicKey) }
                    }
                    (believed, cosigned, failures, conflicts) = (latest.size, latest.size, 0, 0)
                    worker.metrics.recordWitness(w.name, lag: 0, cosigned: cosigned)
                    if policyReported < latest.size { policyReported = latest.size; await reportPolicy(size: latest.size) }
                } catch {
                    failures += 1
                    logger.error("a witness's cosignature could not be stored", metadata: ["witness": "\(w.name)", "size": "\(latest.size)", "error": "\(error.message)"])
                }
            case .conflict(let size) where size <= latest.size && conflicts < ServiceLimits.witnessConflictsMax:
                // The witness cosigned another size last: resend from there at once.
                (believed, conflicts) = (size, conflicts + 1)
                continue
            case .conflict(let size):
                failures += 1
                conflicts = 0
                worker.metrics.recordWitness(w.name, lag: latest.size - cosigned, cosigned: cosigned, failed: true)
                logger.error("a witness holds a checkpoint this log cannot extend", metadata: [
                    "witness": "\(w.name)", "witness_size": "\(size)", "log_size": "\(latest.size)",
                    "action": "a witness ahead of the log, or one that cosigned another history, means a fork: investigate"])
            case .failed(let why):
                failures += 1
                worker.metrics.recordWitness(w.name, lag: latest.size - cosigned, cosigned: cosigned, failed: true)
                logger.warning("a witness did not cosign", metadata: ["witness": "\(w.name)", "size": "\(latest.size)", "reason": "\(why)"])
            }
            if failures > 0, !(await pause(milliseconds: ServiceLimits.retryDelayMilliseconds(failures: failures))) { return }
        }
    }

    /// One add-checkpoint request: the answer, or why it failed.
    func submit(_ checkpoint: StoredCheckpoint, old: Int64, to w: WitnessEndpoint, client: HTTPClient) async -> Answer {
        do {
            let note = try SignedNote(parsing: checkpoint.note)
            let size = checkpoint.size
            let proof = old > 0 && old < size
                ? try await worker.read { s throws(StoreError) in try s.consistencyProof(first: old, second: size).path } : []
            let body = try AddCheckpointRequest(oldSize: old, proof: proof, note: note).bytes
            var request = HTTPClientRequest(url: w.url + "/add-checkpoint")
            request.method = .POST
            request.body = .bytes(ByteBuffer(bytes: body))
            let response = try await client.execute(request, timeout: .seconds(ServiceLimits.witnessRequestTimeoutSeconds))
            let reply = Array(try await response.body.collect(upTo: ServiceLimits.witnessReplyBytesMax).readableBytesView)
            switch response.status.code {
            case 200:
                // Only lines by this witness's key that verify over this checkpoint are kept.
                let cosigned = try SignedNote(parsing: checkpoint.note + reply)
                let key = CosignerKey(name: w.name, institution: "", publicKey: w.publicKey)
                let lines = cosigned.signatures.filter { line in
                    line.keyName.utf8.elementsEqual(w.name.utf8) && line.keyID == key.keyID && Cosignature.isValid(line, over: note.text, publicKey: w.publicKey)
                }
                return lines.isEmpty ? .failed("the answer holds no valid cosignature by \(w.name)") : .cosigned(lines)
            case 409:
                let text = String(decoding: reply, as: UTF8.self)
                guard response.headers.first(name: "Content-Type") == "text/x.tlog.size", text.hasSuffix("\n"), let n = Int64(text.dropLast()), n >= 0 else {
                    return .failed("409 without a text/x.tlog.size body")
                }
                return .conflict(n)
            default:
                return .failed("HTTP \(response.status.code): \(String(decoding: reply.prefix(200), as: UTF8.self))")
            }
        } catch {
            return .failed("\(error)")
        }
    }

    /// Records whether the checkpoint of `size` now meets the configured witness policy, with
    /// the ledger's active witness and approver keys as the trusted cosigners (SPEC §12).
    private func reportPolicy(size: Int64) async {
        guard let policy else { return }
        let check = try? await worker.read { s throws(StoreError) -> SignedNote.CosignatureCheck? in
            guard let c = try s.checkpoint(size: size), let note = try? SignedNote(parsing: c.note) else { return nil }
            return note.checkCosignatures(keys: CosignerKey.cosigners(s.state.keyOrder.compactMap { s.state.activeKey($0) }))
        }
        guard let check = check ?? nil else { return }
        worker.metrics.recordPolicy(size: size, met: policy.isMet(by: check))
    }
}
