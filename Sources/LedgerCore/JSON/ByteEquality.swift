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
