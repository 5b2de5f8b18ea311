import CSodium

/// An Ed25519 signing key held in memory that is wiped when the key is released.
///
/// It never prints: `description` and `debugDescription` are redacted, and no
/// accessor returns the seed except `seedForExport`, which key files need.
public final class SecretKey: @unchecked Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    // libsodium's 64-byte secret key: seed (32) || public key (32).
    private let storage: UnsafeMutablePointer<UInt8>
    public let publicKey: PublicKey

    /// Derives the key pair from a 32-byte seed (RFC 8032 private key).
    public init(seed: [UInt8]) throws(LedgerError) {
        guard seed.count == 32 else { throw LedgerError(.crypto, "a secret key seed is 32 bytes, got \(seed.count)") }
        _ = Sodium.ready
        storage = .allocate(capacity: 64)
        var pk = [UInt8](repeating: 0, count: 32)
        crypto_sign_seed_keypair(&pk, storage, seed)
        publicKey = PublicKey(uncheckedBytes: pk)
    }

    /// A new key from libsodium's random generator.
    public static func generate() -> SecretKey {
        var seed = SecureRandom.bytes(32)
        defer { sodium_memzero(&seed, 32) }
        // A 32-byte seed is always accepted.
        return try! SecretKey(seed: seed)
    }

    deinit {
        sodium_memzero(storage, 64)
        storage.deallocate()
    }

    /// Signs `message` (Ed25519, pure).
    public func sign(_ message: some Collection<UInt8>) -> Signature {
        var sig = [UInt8](repeating: 0, count: 64)
        let bytes = Array(message)
        crypto_sign_detached(&sig, nil, bytes, UInt64(bytes.count), storage)
        return try! Signature(bytes: sig)
    }

    /// The 32-byte seed, for writing a secret key file. Never log it.
    public var seedForExport: [UInt8] { Array(UnsafeBufferPointer(start: storage, count: 32)) }

    public var description: String { "SecretKey(public: \(publicKey.base64), secret: <redacted>)" }
    public var debugDescription: String { description }
}
