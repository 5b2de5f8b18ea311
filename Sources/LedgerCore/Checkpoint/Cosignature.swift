/// C2SP tlog-cosignature/v1 for Ed25519 (c2sp.org/tlog-cosignature, SPEC §12): the signature
/// line a witness or an approver adds to a checkpoint.
///
///     — <key name> base64(key ID ‖ timestamp ‖ signature)
///
/// The key ID is SHA-256(name ‖ 0x0A ‖ 0x04 ‖ public key)[0..<4]; the timestamp is seconds
/// since the epoch as a big-endian uint64 at most 2^63 − 1; the Ed25519 signature is over
/// `cosignature/v1\ntime <timestamp>\n` followed by the note text.
public enum Cosignature {
    /// The signature type byte of an Ed25519 cosignature key.
    public static let keyType: UInt8 = 0x04
    /// Timestamps above this are refused (the spec's bound).
    public static let timestampMax = UInt64(Int64.max)
    /// Bytes after the key ID: the timestamp (8) and the Ed25519 signature (64).
    public static let signatureBytes = 8 + 64

    /// SHA-256(name ‖ 0x0A ‖ 0x04 ‖ public key)[0..<4].
    public static func keyID(name: String, publicKey: PublicKey) -> [UInt8] {
        Array(Hash.sha256(Array(name.utf8) + [0x0A, keyType] + publicKey.bytes).bytes.prefix(4))
    }

    /// The signed message: the header line, the time line, then the note text.
    public static func message(text: [UInt8], timestamp: UInt64) -> [UInt8] {
        Array("cosignature/v1\ntime \(timestamp)\n".utf8) + text
    }

    /// A cosignature line by `key` under `name` over the note text, made at `timestamp`.
    public static func sign(_ text: [UInt8], name: String, key: SecretKey, timestamp: UInt64) -> SignedNote.SignatureLine {
        precondition(SignedNote.isValidKeyName(name) && timestamp <= timestampMax, "invalid cosignature name or time")
        let signature = key.sign(message(text: text, timestamp: timestamp))
        return SignedNote.SignatureLine(keyName: name, keyID: keyID(name: name, publicKey: key.publicKey),
                                        signature: bigEndian(timestamp) + signature.bytes)
    }

    /// The timestamp a line's signature bytes carry, when they have the cosignature's shape.
    public static func timestamp(of line: SignedNote.SignatureLine) -> UInt64? {
        guard line.signature.count == signatureBytes else { return nil }
        let t = line.signature.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return t <= timestampMax ? t : nil
    }

    /// Whether `line` is a valid cosignature by `publicKey` over `text` (its name and key ID
    /// are matched by the caller).
    public static func isValid(_ line: SignedNote.SignatureLine, over text: [UInt8], publicKey: PublicKey) -> Bool {
        guard let t = timestamp(of: line), let signature = try? Signature(bytes: Array(line.signature.dropFirst(8))) else { return false }
        return publicKey.verify(signature, over: message(text: text, timestamp: t))
    }

    static func bigEndian(_ v: UInt64) -> [UInt8] { (0..<8).map { UInt8(truncatingIfNeeded: v >> (56 - 8 * $0)) } }
}

/// A key trusted to cosign checkpoints: a ledger's witness or approver key, with the
/// institution a witness policy counts it under.
public struct CosignerKey: Equatable, Sendable {
    public let name: String
    public let institution: String
    public let publicKey: PublicKey
    public var keyID: [UInt8] { Cosignature.keyID(name: name, publicKey: publicKey) }

    public init(name: String, institution: String, publicKey: PublicKey) {
        (self.name, self.institution, self.publicKey) = (name, institution, publicKey)
    }

    /// The witness and approver keys among `keys` (the log key never cosigns).
    public static func cosigners(_ keys: [KeyObject]) -> [CosignerKey] {
        keys.filter { $0.role == .witness || $0.role == .approver }
            .map { CosignerKey(name: $0.name, institution: $0.institution, publicKey: $0.publicKey) }
    }
}

extension SignedNote {
    /// One valid cosignature on a note.
    public struct Cosigned: Equatable, Sendable {
        public let name: String
        public let institution: String
        public let timestamp: UInt64

        public init(name: String, institution: String, timestamp: UInt64) {
            (self.name, self.institution, self.timestamp) = (name, institution, timestamp)
        }
    }

    /// What checking a note's cosignatures found.
    public struct CosignatureCheck: Equatable, Sendable {
        /// Valid cosignatures by trusted keys, in line order.
        public var valid: [Cosigned] = []
        /// Names of trusted keys whose line did not verify: the note fails R12.
        public var invalid: [String] = []

        public init(valid: [Cosigned] = [], invalid: [String] = []) { (self.valid, self.invalid) = (valid, invalid) }

        /// The distinct institutions among the valid cosignatures.
        public var institutions: Set<String> { Set(valid.map(\.institution)) }
    }

    /// Checks every line whose (name, key ID) is one of `keys`' cosignature pairs; other lines
    /// (the log's, older type-0x01 lines by witness keys, unknown keys) are ignored.
    public func checkCosignatures(keys: [CosignerKey]) -> CosignatureCheck {
        var result = CosignatureCheck()
        for line in signatures {
            guard let key = keys.first(where: { $0.name.utf8.elementsEqual(line.keyName.utf8) && $0.keyID == line.keyID }) else { continue }
            if Cosignature.isValid(line, over: text, publicKey: key.publicKey), let t = Cosignature.timestamp(of: line) {
                result.valid.append(Cosigned(name: key.name, institution: key.institution, timestamp: t))
            } else {
                result.invalid.append(key.name)
            }
        }
        return result
    }
}
