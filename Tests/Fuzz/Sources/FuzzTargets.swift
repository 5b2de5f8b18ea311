import Foundation
import LedgerStatements
import LedgerCore

/// The inputs the ledger reads from strangers, each as a function of bytes that must never
/// crash, hang or leak: whatever the bytes, the reader returns a value or throws its error.
/// Invariants that must hold for accepted input are checked with `precondition`, so a
/// violation is a crash the fuzzer reports.
enum FuzzTargets {
    static let names = ["json", "note", "camt053", "csv"]

    static func run(_ target: String, _ bytes: [UInt8]) {
        switch target {
        case "json": json(bytes)
        case "note": note(bytes)
        case "camt053": camt053(bytes)
        case "csv": csv(bytes)
        default: fatalError("unknown fuzz target \(target); one of \(names.joined(separator: ", "))")
        }
    }

    /// The strict JSON parser: an accepted document re-parses from its canonical bytes to the
    /// same value, and those bytes are canonical. Then the verifier's per-line work (entry and
    /// body decoders of every kind, v1.1's included) on the same bytes, which must not crash.
    static func json(_ bytes: [UInt8]) {
        _ = PreparedEntry(line: Line(bytes: bytes), position: 1)
        guard let value = try? JSONParser.parse(bytes) else { return }
        let canonical = value.canonicalBytes
        guard let again = try? JSONParser.parse(canonical) else { preconditionFailure("canonical bytes of an accepted document do not parse") }
        precondition(again == value, "canonical bytes parse to another value")
        precondition(again.canonicalBytes == canonical, "canonical form is not stable")
        precondition(JSONCanonical.isCanonical(canonical, value: again), "canonical bytes are not recognised as canonical")
        _ = try? FieldReader(value, path: "", fields: ["id"])
    }

    /// The signed-note parser (checkpoints): an accepted note writes back to the same bytes,
    /// and its text goes through the checkpoint parser without crashing.
    static func note(_ bytes: [UInt8]) {
        guard let n = try? SignedNote(parsing: bytes) else { return }
        precondition(n.bytes == bytes, "a parsed note does not write back to its bytes")
        _ = try? Checkpoint(text: n.text)
    }

    /// The camt.053 reader (libxml2 SAX, streamed).
    static func camt053(_ bytes: [UInt8]) {
        let reader = Camt053Reader(stream: InputStream(data: Data(bytes))) { _ in }
        _ = try? reader.read()
    }

    /// The CSV statement reader, from a file as `jhf reconcile` reads it.
    static func csv(_ bytes: [UInt8]) {
        let path = scratch
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else { fatalError("cannot write \(path)") }
        _ = try? CSVStatementReader(path: path).read { _ in }
    }

    /// One scratch file per process (the fuzzer runs inputs one at a time).
    static let scratch: String = {
        let dir = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        return "\(dir)/jhf-fuzz-\(getpid()).csv"
    }()
}
