/// How much of its stored chain a store checks when it opens.
///
/// Neither check verifies approval signatures: those were verified when each entry was
/// appended, and `jhf verify --db` verifies them again. The two differ in what the store
/// can do afterwards.
public enum OpenCheck: Sendable, Equatable {
    /// Replays every rule of SPEC §6 except signatures and keeps the replay state in memory.
    /// Anything that proposes, approves or appends needs it (the default).
    case replay
    /// Checks the hash chain only: every row's stored bytes hash to its `entry_hash`, its
    /// `prev_hash` is the previous entry's hash, and `seq` counts from 0 without gaps. The
    /// replay state stays empty, so the store can read entries and record bank data but not
    /// propose or append. For read-only batch jobs (reconciliation), which would otherwise
    /// spend most of their time replaying rules that every append already enforced.
    case hashChain
}
