import Foundation
import LedgerCore
import LedgerStore

/// A C2SP tlog-witness (c2sp.org/tlog-witness): checks an add-checkpoint request against the
/// logs it is configured for and its own memory, and answers with its cosignature.
///
/// The checks run in the protocol's order, each with its status code: a malformed body 400;
/// an unknown origin 404; no valid signature by a configured log key 403; an old size above
/// the checkpoint's 400; an old size that is not the one last cosigned 409 (body: that size,
/// `text/x.tlog.size`); a consistency proof that does not verify 422; the same size with
/// another root 409. Only then is the checkpoint recorded (atomically) and cosigned.
public final class Witness: Sendable {
    public let config: WitnessConfig
    public let state: WitnessState
    private let name: String
    private let key: SecretKey
    private let clock: @Sendable () -> Int64

    public init(config: WitnessConfig, state: WitnessState, name: String, key: SecretKey,
                clock: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970) }) {
        (self.config, self.state, self.name, self.key, self.clock) = (config, state, name, key, clock)
    }

    /// The answer to one request.
    public struct Reply: Equatable, Sendable {
        public let status: Int
        public let contentType: String
        public let body: [UInt8]

        public init(status: Int, contentType: String, body: [UInt8]) { (self.status, self.contentType, self.body) = (status, contentType, body) }

        public static func text(_ status: Int, _ message: String) -> Reply {
            Reply(status: status, contentType: "text/plain; charset=utf-8", body: Array((message + "\n").utf8))
        }
    }

    /// The cosigning key's verifier form, for the log's configuration.
    public var cosignerName: String { name }
    public var publicKey: PublicKey { key.publicKey }

    /// Handles one `POST /add-checkpoint` body.
    public func addCheckpoint(_ body: [UInt8]) -> Reply {
        let request: AddCheckpointRequest
        do throws(LedgerError) { request = try AddCheckpointRequest(parsing: body) } catch { return .text(400, error.message) }
        let c = request.checkpoint
        guard let keys = config.keys(origin: c.origin) else { return .text(404, "unknown log origin") }
        let v = request.note.verify(keys: keys)
        guard v.isValid else { return .text(403, "no valid signature by a configured key of this log") }
        guard request.oldSize <= c.size else { return .text(400, "the old size \(request.oldSize) is larger than the checkpoint's \(c.size)") }
        let now = clock()
        let outcome: WitnessState.Outcome
        do throws(StoreError) { outcome = try state.advance(request, now: now) } catch { return .text(500, "the witness could not record the checkpoint") }
        switch outcome {
        case .conflict(let size, _):
            return Reply(status: 409, contentType: "text/x.tlog.size", body: Array("\(size)\n".utf8))
        case .inconsistent(let why):
            return .text(422, why)
        case .advanced:
            return Reply(status: 200, contentType: "text/plain; charset=utf-8",
                         body: Cosignature.sign(request.note.text, name: name, key: key, timestamp: UInt64(max(0, now))).bytes)
        }
    }
}
