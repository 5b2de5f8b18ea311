import CSodium

/// An Ed25519 public key that is a canonical encoding of a point in the prime-order
/// subgroup other than the identity (SPEC §3; libsodium `crypto_core_ed25519_is_valid_point`).
public struct PublicKey: Hashable, Sendable, CustomStringConvertible {
    public let bytes: [UInt8]

    /// Why a byte string is not an acceptable public key.
    public enum Problem: Sendable, Equatable {
        case notBase64
        case wrongLength(Int)
        case notAValidPoint
    }

    /// Validates 32 bytes as an Ed25519 point of the prime-order subgroup.
    public init(bytes: [UInt8]) throws(LedgerError) {
        switch PublicKey.check(bytes) {
        case nil: self.bytes = bytes
        case .some(let p): throw PublicKey.error(p)
        }
    }

    /// Parses padded standard base64 and validates the point.
    public init(base64: String) throws(LedgerError) {
        guard let b = Base64.decode(base64) else { throw PublicKey.error(.notBase64) }
        try self.init(bytes: b)
    }

    /// Wraps bytes without checking the point. Only for bytes derived from a secret key.
    public init(uncheckedBytes bytes: [UInt8]) {
        assert(bytes.count == 32)
        self.bytes = bytes
    }

    /// Returns the problem with `bytes` as a public key, or nil when they are acceptable.
    public static func check(_ bytes: [UInt8]) -> Problem? {
        guard bytes.count == 32 else { return .wrongLength(bytes.count) }
        _ = Sodium.ready
        return crypto_core_ed25519_is_valid_point(bytes) == 1 ? nil : .notAValidPoint
    }

    static func error(_ p: Problem) -> LedgerError {
        switch p {
        case .notBase64: return LedgerError(.crypto, "public key is not canonical padded base64")
        case .wrongLength(let n): return LedgerError(.crypto, "public key is 32 bytes, got \(n)")
        case .notAValidPoint:
            return LedgerError(.crypto, "public key is not a valid Ed25519 point of the prime-order subgroup (small-order, identity or non-canonical)")
        }
    }

    public var base64: String { Base64.encode(bytes) }
    public var description: String { base64 }

    /// The proof that `signature` by this key (named `keyName`) verifies over `message`, or nil:
    /// the only way to make a `PreparedEntry.VerifiedSignature`.
    public func verified(_ signature: Signature, over message: [UInt8], keyName: String) -> PreparedEntry.VerifiedSignature? {
        guard verify(signature, over: message) else { return nil }
        return PreparedEntry.VerifiedSignature(keyName: keyName, publicKey: self, signature: signature, message: message)
    }

    /// Verifies a detached Ed25519 signature (RFC 8032, pure) over `message`.
    public func verify(_ signature: Signature, over message: some Collection<UInt8>) -> Bool {
        _ = Sodium.ready
        let run: (UnsafeBufferPointer<UInt8>) -> Bool = { msg in
            crypto_sign_verify_detached(signature.bytes, msg.baseAddress, UInt64(msg.count), self.bytes) == 0
        }
        if let r = message.withContiguousStorageIfAvailable(run) { return r }
        return Array(message).withUnsafeBufferPointer(run)
    }
}

/// A 64-byte Ed25519 signature, written as padded standard base64.
public struct Signature: Hashable, Sendable, CustomStringConvertible {
    public let bytes: [UInt8]

    public init(bytes: [UInt8]) throws(LedgerError) {
        guard bytes.count == 64 else { throw LedgerError(.crypto, "a signature is 64 bytes, got \(bytes.count)") }
        self.bytes = bytes
    }

    public init(base64: String) throws(LedgerError) {
        guard let b = Base64.decode(base64) else { throw LedgerError(.crypto, "signature is not canonical padded base64") }
        try self.init(bytes: b)
    }

    public var base64: String { Base64.encode(bytes) }
    public var description: String { base64 }
}
