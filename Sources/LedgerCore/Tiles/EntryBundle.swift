/// A tlog-tiles entry bundle (SPEC §11): each entry's canonical bytes (the `entries.jsonl` line
/// without its newline), prefixed by its length as a big-endian uint16.
public enum EntryBundle {
    /// The bundle of `entries`; each must be 1 to 65,535 bytes (v1.1's R5 limit guarantees it).
    public static func encode(_ entries: [[UInt8]]) throws(LedgerError) -> [UInt8] {
        guard entries.count <= TileLayout.width else {
            throw LedgerError(.tiles, field: "entries", "a bundle holds at most \(TileLayout.width) entries, got \(entries.count)")
        }
        var out: [UInt8] = []
        out.reserveCapacity(entries.reduce(0) { $0 + $1.count + 2 })
        for (i, e) in entries.enumerated() {
            guard (1...Limits.entryBytesMax).contains(e.count) else {
                throw LedgerError(.tiles, field: "entries[\(i)]", "an entry in a bundle is 1 to \(Limits.entryBytesMax) bytes, got \(e.count)")
            }
            out.append(UInt8(e.count >> 8))
            out.append(UInt8(e.count & 0xFF))
            out += e
        }
        return out
    }

    /// The entries of a bundle that must hold exactly `count` of them; refuses a truncated
    /// bundle, trailing bytes, an empty entry, or another count.
    public static func decode(_ bytes: [UInt8], count: Int, path: String) throws(LedgerError) -> [ArraySlice<UInt8>] {
        var out: [ArraySlice<UInt8>] = []
        out.reserveCapacity(count)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            guard bytes.endIndex - i >= 2 else { throw LedgerError(.tiles, field: path, "a length prefix is cut off at byte \(i)") }
            let length = Int(bytes[i]) << 8 | Int(bytes[i + 1])
            guard length > 0 else { throw LedgerError(.tiles, field: path, "entry \(out.count) has length 0") }
            guard bytes.endIndex - (i + 2) >= length else {
                throw LedgerError(.tiles, field: path, "entry \(out.count) claims \(length) bytes; \(bytes.endIndex - i - 2) remain")
            }
            guard out.count < count else { throw LedgerError(.tiles, field: path, "the bundle holds more than the \(count) entries its path says") }
            out.append(bytes[(i + 2)..<(i + 2 + length)])
            i += 2 + length
        }
        guard out.count == count else { throw LedgerError(.tiles, field: path, "the bundle holds \(out.count) entries; its path says \(count)") }
        return out
    }
}
