/// Something that gathers figures while the verifier replays a ledger: it sees each entry
/// before and after the replay state takes it, and whether the replay applied its effects,
/// so it reads totals from the replay's own state and never re-implements a rule.
public protocol ReplayObserver: Sendable {
    /// Called before the replay of `p`, with the state it will be replayed against.
    mutating func willReplay(_ p: PreparedEntry, state: ReplayState)
    /// Called after the replay of `p`; `applied` says whether the replay took its effects.
    mutating func didReplay(_ p: PreparedEntry, applied: Bool, state: ReplayState)
}

extension AuditCollector: ReplayObserver {}
