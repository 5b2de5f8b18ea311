/// A C2SP signed note (c2sp.org/signed-note): text, a blank line, and signature lines
/// `— <key name> base64(key ID ‖ signature)`.
///
/// Parsing follows the reference implementation (golang.org/x/mod/sumdb/note): the note
/// must be valid UTF-8 without control characters other than newline, end in a newline,
/// and split at its last blank line; every line after it must be a well-formed signature
/// line. Key IDs and signatures are kept as bytes, because lines from keys of other
/// algorithms are allowed and ignored.
public struct SignedNote: Equatable, Sendable {
    /// The signed text: every line ends in `\n`; the blank separator line is not included.
    public let text: [UInt8]
    public let signatures: [SignatureLine]

    /// One signature line.
    public struct SignatureLine: Equatable, Sendable {
        public let keyName: String
        /// The first 4 bytes of the decoded base64.
        public let keyID: [UInt8]
        /// The rest: for Ed25519 keys, the 64-byte signature.
        public let signature: [UInt8]

        public init(keyName: String, keyID: [UInt8], signature: [UInt8]) {
            (self.keyName, self.keyID, self.signature) = (keyName, keyID, signature)
        }

        /// The line as written, with its final newline.
        public var bytes: [UInt8] { Array("— \(keyName) \(Base64.encode(keyID + signature))\n".utf8) }
    }

    public init(text: [UInt8], signatures: [SignatureLine]) {
        (self.text, self.signatures) = (text, signatures)
    }

    /// The note's bytes: text, blank line, signature lines.
    public var bytes: [UInt8] { text + [0x0A] + signatures.flatMap(\.bytes) }

    /// Parses a note; a malformed one is refused with the reason.
    public init(parsing bytes: [UInt8]) throws(LedgerError) {
        func malformed(_ why: String) -> LedgerError { LedgerError(.crypto, field: "checkpoint", "malformed note: \(why)") }
        guard bytes.count <= Limits.noteBytesMax else { throw malformed("larger than \(Limits.noteBytesMax) bytes") }
        guard let string = String(validating: bytes, as: UTF8.self) else { throw malformed("invalid UTF-8") }
        guard !string.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" }) else { throw malformed("control character") }
        guard bytes.last == 0x0A else { throw malformed("no final newline") }
        // The last "\n\n": text up to and including its first newline, signatures after it.
        var split: Int?
        for i in stride(from: bytes.count - 2, through: 0, by: -1) where bytes[i] == 0x0A && bytes[i + 1] == 0x0A { split = i; break }
        guard let split else { throw malformed("no blank line") }
        text = Array(bytes[...split])
        let block = bytes[(split + 2)...]
        guard !block.isEmpty else { throw malformed("no signatures") }
        var lines: [SignatureLine] = []
        for raw in block.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast() {
            guard lines.count < Limits.noteSignaturesMax else { throw malformed("more than \(Limits.noteSignaturesMax) signatures") }
            lines.append(try Self.signatureLine(String(decoding: raw, as: UTF8.self), malformed))
        }
        signatures = lines
    }

    private static func signatureLine(_ line: String, _ malformed: (String) -> LedgerError) throws(LedgerError) -> SignatureLine {
        let prefix = "— "
        guard line.hasPrefix(prefix) else { throw malformed("malformed signature line: '\(line.prefix(120))'") }
        let rest = line.dropFirst(prefix.count)
        let parts = rest.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, Self.isValidKeyName(String(parts[0])), let decoded = Base64.decode(String(parts[1])), decoded.count >= 5 else {
            throw malformed("malformed signature line: '\(line.prefix(120))'")
        }
        return SignatureLine(keyName: String(parts[0]), keyID: Array(decoded.prefix(4)), signature: Array(decoded.dropFirst(4)))
    }

    /// A key name: non-empty, at most `Limits.noteKeyNameBytesMax` bytes, no whitespace and no `+`.
    public static func isValidKeyName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= Limits.noteKeyNameBytesMax
            && !name.unicodeScalars.contains { $0 == "+" || $0.properties.isWhitespace }
    }

    /// The C2SP key ID of an Ed25519 key: SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key)[0..<4].
    public static func keyID(name: String, publicKey: PublicKey) -> [UInt8] {
        Array(Hash.sha256(Array(name.utf8) + [0x0A, 0x01] + publicKey.bytes).bytes.prefix(4))
    }

    /// A signature line by `key` under `name` over `text`.
    public static func sign(_ text: [UInt8], name: String, key: SecretKey) -> SignatureLine {
        precondition(isValidKeyName(name), "invalid note key name")
        return SignatureLine(keyName: name, keyID: keyID(name: name, publicKey: key.publicKey), signature: key.sign(text).bytes)
    }

    /// What verifying a note against known keys found.
    public struct Verification: Equatable, Sendable {
        /// Names of the known keys whose signatures verified, in line order.
        public var verified: [String] = []
        /// Names of known keys whose signatures did not verify: the note must then be refused.
        public var invalid: [String] = []
        /// Lines from keys not given (ignored, as C2SP asks).
        public var unknown: [String] = []

        /// Valid: at least one known key verified and none failed.
        public var isValid: Bool { !verified.isEmpty && invalid.isEmpty }
    }

    /// Checks every line whose (name, key ID) belongs to one of `keys` (Ed25519 verifier keys).
    public func verify(keys: [NoteVerifierKey]) -> Verification {
        var result = Verification()
        for line in signatures {
            guard let key = keys.first(where: { $0.name.utf8.elementsEqual(line.keyName.utf8) && $0.keyID == line.keyID }) else {
                result.unknown.append(line.keyName)
                continue
            }
            if let signature = try? Signature(bytes: line.signature), key.publicKey.verify(signature, over: text) {
                result.verified.append(line.keyName)
            } else {
                result.invalid.append(line.keyName)
            }
        }
        return result
    }
}

/// An Ed25519 signed-note verifier key: a name and a public key, written
/// `<name>+<key ID hex>+base64(0x01 ‖ public key)`.
public struct NoteVerifierKey: Equatable, Sendable {
    public let name: String
    public let publicKey: PublicKey
    public var keyID: [UInt8] { SignedNote.keyID(name: name, publicKey: publicKey) }

    public init(name: String, publicKey: PublicKey) throws(LedgerError) {
        guard SignedNote.isValidKeyName(name) else {
            throw LedgerError(.crypto, field: "name", "a note key name is 1 to \(Limits.noteKeyNameBytesMax) bytes without spaces or '+'")
        }
        (self.name, self.publicKey) = (name, publicKey)
    }

    /// Parses the text form; the key ID must be the one the name and key give.
    public init(text: String) throws(LedgerError) {
        func bad(_ why: String) -> LedgerError { LedgerError(.crypto, field: "verifier_key", why) }
        let parts = text.split(separator: "+", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw bad("must be <name>+<key id>+<key>") }
        guard parts[1].utf8.count == 8, let id = Hex.decode(String(parts[1])) else { throw bad("the key ID must be 8 lowercase hex digits") }
        guard let material = Base64.decode(String(parts[2])), material.count == 33 else { throw bad("the key must be base64 of 33 bytes (0x01 and an Ed25519 public key)") }
        guard material[0] == 0x01 else { throw bad("unsupported key type \(material[0]); only Ed25519 (1)") }
        try self.init(name: String(parts[0]), publicKey: try PublicKey(bytes: Array(material.dropFirst())))
        guard keyID == id else { throw bad("the key ID does not match the name and key") }
    }

    public var text: String { "\(name)+\(Hex.encode(keyID))+\(Base64.encode([0x01] + publicKey.bytes))" }
}
