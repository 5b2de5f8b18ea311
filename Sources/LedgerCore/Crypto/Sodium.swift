import CSodium

/// libsodium must be initialised once before use; every crypto entry point touches this.
enum Sodium {
    static let ready: Bool = {
        let rc = sodium_init()
        precondition(rc >= 0, "libsodium failed to initialise")
        return true
    }()
}

/// Cryptographically secure random bytes from libsodium (`randombytes_buf`).
public enum SecureRandom {
    public static func bytes(_ count: Int) -> [UInt8] {
        _ = Sodium.ready
        var out = [UInt8](repeating: 0, count: count)
        out.withUnsafeMutableBytes { randombytes_buf($0.baseAddress!, count) }
        return out
    }
}
