import CSodium

/// A SHA-256 digest: 32 bytes, written as 64 lowercase hex characters.
public struct Hash: Hashable, Sendable, CustomStringConvertible {
    // Four words inline rather than an array: the verifier keeps one per disbursement.
    private let w0, w1, w2, w3: UInt64

    /// The 32 bytes of the digest.
    public var bytes: [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        for (i, w) in [w0, w1, w2, w3].enumerated() {
            for j in 0..<8 { out[i * 8 + j] = UInt8(truncatingIfNeeded: w >> (56 - 8 * UInt64(j))) }
        }
        return out
    }

    private init(words bytes: [UInt8]) {
        func word(_ i: Int) -> UInt64 {
            var w: UInt64 = 0
            for j in 0..<8 { w = w << 8 | UInt64(bytes[i * 8 + j]) }
            return w
        }
        (w0, w1, w2, w3) = (word(0), word(1), word(2), word(3))
    }

    /// Equality that takes the same time wherever the digests differ (for secrets' digests).
    public func constantTimeEquals(_ other: Hash) -> Bool {
        ((w0 ^ other.w0) | (w1 ^ other.w1) | (w2 ^ other.w2) | (w3 ^ other.w3)) == 0
    }

    /// The all-zero hash: `prev_hash` of entry 0.
    public static let zero = Hash(uncheckedBytes: [UInt8](repeating: 0, count: 32))

    /// Wraps 32 bytes; fails on any other length.
    public init(bytes: [UInt8]) throws(LedgerError) {
        guard bytes.count == 32 else {
            throw LedgerError(.schema, "a hash is 32 bytes, got \(bytes.count)")
        }
        self.init(words: bytes)
    }

    /// Wraps bytes already known to be 32 long (from SHA-256 itself).
    public init(uncheckedBytes bytes: [UInt8]) {
        precondition(bytes.count == 32)
        self.init(words: bytes)
    }

    /// Parses 64 lowercase hex characters.
    public init(hex: String) throws(LedgerError) {
        guard hex.utf8.count == 64, let b = Hex.decode(hex) else {
            throw LedgerError(.schema, "a hash is 64 lowercase hex characters")
        }
        self.init(words: b)
    }

    public var hex: String { Hex.encode(bytes) }
    public var description: String { hex }

    /// SHA-256 of `data`.
    public static func sha256(_ data: some Collection<UInt8>) -> Hash {
        var h = SHA256()
        h.update(data)
        return h.finalize()
    }

    /// The RFC 6962 leaf hash: SHA-256(0x00 || data). This is `entry_hash` (SPEC §4).
    public static func leaf(_ data: some Collection<UInt8>) -> Hash {
        var h = SHA256()
        h.update(CollectionOfOne(0x00))
        h.update(data)
        return h.finalize()
    }

    /// The RFC 6962 interior node hash: SHA-256(0x01 || left || right).
    public static func node(_ left: Hash, _ right: Hash) -> Hash {
        var h = SHA256()
        h.update(CollectionOfOne(0x01))
        h.update(left.bytes)
        h.update(right.bytes)
        return h.finalize()
    }
}

/// An incremental SHA-256 computation (libsodium `crypto_hash_sha256_*`).
public struct SHA256 {
    private var state = crypto_hash_sha256_state()

    public init() {
        _ = Sodium.ready
        crypto_hash_sha256_init(&state)
    }

    public mutating func update(_ data: some Collection<UInt8>) {
        let done: Void? = data.withContiguousStorageIfAvailable { buf in
            _ = crypto_hash_sha256_update(&state, buf.baseAddress, UInt64(buf.count))
        }
        if done == nil {
            let copy = Array(data)
            copy.withUnsafeBufferPointer { buf in
                _ = crypto_hash_sha256_update(&state, buf.baseAddress, UInt64(buf.count))
            }
        }
    }

    public mutating func finalize() -> Hash {
        var out = [UInt8](repeating: 0, count: 32)
        crypto_hash_sha256_final(&state, &out)
        return Hash(uncheckedBytes: out)
    }
}
