extension String {
    /// True when both strings have the same UTF-8 bytes.
    ///
    /// Swift's `==` is Unicode canonical equivalence; everything the ledger hashes,
    /// signs or keeps unique is compared by bytes instead. This compares lengths first
    /// and then contiguous storage, which is much faster than a generic element walk.
    @inlinable
    public func sameUTF8(_ other: String) -> Bool {
        let a = utf8, b = other.utf8
        guard a.count == b.count else { return false }
        let fast = a.withContiguousStorageIfAvailable { pa in
            b.withContiguousStorageIfAvailable { pb in Bytes.equal(UnsafeRawBufferPointer(pa), UnsafeRawBufferPointer(pb)) }
        }
        if let result = fast ?? nil { return result }
        return a.elementsEqual(b)
    }
}

/// Byte-wise equality of memory, eight bytes at a time.
///
/// The store compares key names and approval messages (about 850 bytes) on every append; a
/// generic element walk costs several instructions per byte, this about one per eight.
public enum Bytes {
    @inlinable
    public static func equal(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        guard a.count == b.count else { return false }
        // The same memory (a string literal compared with itself, for one) is equal without a read.
        if a.baseAddress == b.baseAddress { return true }
        let n = a.count
        var i = 0
        while i + 8 <= n {
            guard a.loadUnaligned(fromByteOffset: i, as: UInt64.self) == b.loadUnaligned(fromByteOffset: i, as: UInt64.self) else { return false }
            i += 8
        }
        while i < n {
            guard a[i] == b[i] else { return false }
            i += 1
        }
        return true
    }

    @inlinable
    public static func equal(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        a.withUnsafeBytes { pa in b.withUnsafeBytes { pb in equal(pa, pb) } }
    }
}

extension Collection<UInt8> {
    /// True when these bytes are `lowercase` (an ASCII literal in lower case) up to ASCII case:
    /// only A–Z fold, any other byte must be equal. The comparison HTTP's case-insensitive
    /// tokens need (RFC 9110: media types, field names), without making strings of them.
    @inlinable
    public func equalsASCIIIgnoringCase(lowercase: some Collection<UInt8>) -> Bool {
        count == lowercase.count && zip(self, lowercase).allSatisfy { b, l in (b >= 0x41 && b <= 0x5A ? b | 0x20 : b) == l }
    }
}
