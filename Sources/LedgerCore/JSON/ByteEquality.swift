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
            b.withContiguousStorageIfAvailable { pb in pa.elementsEqual(pb) }
        }
        if let result = fast ?? nil { return result }
        return a.elementsEqual(b)
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
