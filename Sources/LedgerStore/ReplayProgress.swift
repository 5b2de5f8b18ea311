/// How far a long pass over a ledger or file has come, for a progress display.
public struct ReplayProgress: Sendable {
    /// Entries (or items) handled so far.
    public let done: Int64
    /// The share of the work done (0…1), when the whole is known.
    public let fraction: Double?

    public init(done: Int64, fraction: Double?) {
        self.done = done
        self.fraction = fraction
    }
}
