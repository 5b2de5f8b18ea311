/// The body of a C2SP tlog-witness `add-checkpoint` request (c2sp.org/tlog-witness):
///
///     old <size>\n
///     <base64 consistency proof hash>\n      (0 to 63 lines)
///     \n
///     <checkpoint note>
///
/// Parsing is strict: a body that does not have this shape is refused with the reason, which
/// the witness answers with 400 Bad Request.
public struct AddCheckpointRequest: Equatable, Sendable {
    /// The size the log believes the witness last cosigned.
    public let oldSize: Int64
    /// The consistency proof from `oldSize` to the checkpoint's size.
    public let proof: [Hash]
    /// The whole note as sent, and its parsed parts.
    public let note: SignedNote
    public let checkpoint: Checkpoint

    public init(oldSize: Int64, proof: [Hash], note: SignedNote) throws(LedgerError) {
        (self.oldSize, self.proof, self.note) = (oldSize, proof, note)
        checkpoint = try Checkpoint(text: note.text)
    }

    /// The request body.
    public var bytes: [UInt8] {
        Array("old \(oldSize)\n".utf8) + proof.flatMap { Array(Base64.encode($0.bytes).utf8) + [0x0A] } + [0x0A] + note.bytes
    }

    public init(parsing body: [UInt8]) throws(LedgerError) {
        func bad(_ why: String) -> LedgerError { LedgerError(.schema, field: "add-checkpoint", why) }
        guard body.count <= Limits.witnessRequestBytesMax else { throw bad("the body is larger than \(Limits.witnessRequestBytesMax) bytes") }
        var rest = body[...]
        func line() -> ArraySlice<UInt8>? {
            guard let nl = rest.firstIndex(of: 0x0A) else { return nil }
            defer { rest = rest[(nl + 1)...] }
            return rest[..<nl]
        }
        guard let first = line(), first.starts(with: Array("old ".utf8)) else { throw bad("the first line must be 'old <size>'") }
        let digits = first.dropFirst(4)
        guard !digits.isEmpty, digits.count <= 19, digits.allSatisfy({ (0x30...0x39).contains($0) }), digits.count == 1 || digits.first != 0x30,
              let old = Int64(String(decoding: digits, as: UTF8.self)) else {
            throw bad("the old size must be a decimal number without sign or leading zeros")
        }
        var proof: [Hash] = []
        while true {
            guard let l = line() else { throw bad("no blank line before the checkpoint") }
            if l.isEmpty { break }
            guard proof.count < Limits.witnessProofHashesMax else { throw bad("more than \(Limits.witnessProofHashesMax) consistency proof lines") }
            guard let bytes = Base64.decode(String(decoding: l, as: UTF8.self)), bytes.count == 32, let h = try? Hash(bytes: bytes) else {
                throw bad("consistency proof line \(proof.count + 1) is not standard base64 of 32 bytes")
            }
            proof.append(h)
        }
        let note: SignedNote
        do throws(LedgerError) { note = try SignedNote(parsing: Array(rest)) } catch { throw bad("the checkpoint: \(error.message)") }
        do throws(LedgerError) { try self.init(oldSize: old, proof: proof, note: note) } catch { throw bad("the checkpoint: \(error.message)") }
        guard oldSize > 0 || proof.isEmpty else { throw bad("the consistency proof must be empty when the old size is 0") }
    }
}
