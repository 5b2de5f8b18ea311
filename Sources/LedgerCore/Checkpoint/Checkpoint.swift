/// A transparency-log checkpoint (c2sp.org/tlog-checkpoint) as SPEC §8 writes it: the
/// body of a signed note, exactly three lines.
///
///     jhf-ledger/<ledger_id>
///     <tree size, decimal>
///     <root hash, standard base64>
///
/// C2SP allows extension lines after these; SPEC §8 says the signed text is the three
/// lines, so a note with more is not a checkpoint of this format and is refused.
public struct Checkpoint: Equatable, Sendable {
    public let origin: String
    /// Entries covered: 0 ..< size.
    public let size: Int64
    /// Merkle root of those entries (SPEC §7).
    public let root: Hash

    public init(origin: String, size: Int64, root: Hash) {
        precondition(size >= 0 && !origin.isEmpty && !origin.contains("\n"))
        (self.origin, self.size, self.root) = (origin, size, root)
    }

    /// The origin line of ledger `ledgerID`.
    public static func origin(ledgerID: String) -> String { "jhf-ledger/\(ledgerID)" }

    /// The signed text: three lines, each ended by `\n`.
    public var text: [UInt8] { Array("\(origin)\n\(size)\n\(Base64.encode(root.bytes))\n".utf8) }

    /// Parses a note's text; each refusal names the line that broke the format.
    public init(text: [UInt8]) throws(LedgerError) {
        guard text.last == 0x0A else { throw LedgerError(.crypto, field: "checkpoint", "the checkpoint text must end with a newline") }
        let lines = text.dropLast().split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        guard lines.count == 3 else {
            throw LedgerError(.crypto, field: "checkpoint", "a checkpoint is exactly 3 lines (origin, size, root), got \(lines.count)")
        }
        guard !lines[0].isEmpty else { throw LedgerError(.crypto, field: "checkpoint.origin", "the origin line is empty") }
        let digits = lines[1].utf8
        guard !digits.isEmpty, digits.count <= 19, digits.allSatisfy({ (0x30...0x39).contains($0) }),
              digits.count == 1 || digits.first != 0x30, let size = Int64(lines[1]) else {
            throw LedgerError(.crypto, field: "checkpoint.size", "the size line must be a decimal number without sign or leading zeros")
        }
        guard let rootBytes = Base64.decode(lines[2]), rootBytes.count == 32 else {
            throw LedgerError(.crypto, field: "checkpoint.root", "the root line must be standard padded base64 of 32 bytes")
        }
        (origin, self.size, root) = (lines[0], size, try Hash(bytes: rootBytes))
    }
}
