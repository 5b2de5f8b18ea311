/// Bounds of the HTTP service, in one place, units last.
public enum ServiceLimits {
    /// Entries returned by one `GET /v1/entries` or `/v1/sealed` page when no limit is given.
    public static let entriesPageDefault = 100
    /// Largest page of `GET /v1/entries` and `/v1/sealed`.
    public static let entriesPageMax = 1000
    /// Proposals in one `GET /v1/proposals` page when no limit is given, and at most.
    public static let proposalsPageDefault = 100
    public static let proposalsPageMax = 1000
    /// Commitments in one page of `GET /v1/commitments`, unless asked, and at most.
    public static let commitmentsPageDefault = 100
    public static let commitmentsPageMax = 1000
    /// Largest request body unless the config file says otherwise (64 KiB), and the most it may say.
    public static let requestBodyDefaultBytes = 64 * 1024
    public static let requestBodyMaxBytes = 1 << 20
    /// A connection left idle this long is closed, unless configured.
    public static let idleTimeoutDefaultSeconds: Int64 = 60
    /// Access tokens one config file may list.
    public static let tokensMax = 1000
    /// Length of a presented bearer token.
    public static let tokenBytesMax = 256
    /// How often pending proposals are checked for expiry.
    public static let expirySweepSeconds: Int64 = 60
    /// How often the service checks that its database connection is still there (PostgreSQL).
    public static let databaseWatchMilliseconds = 500
    /// The nice value the store's writer thread asks for unless configured (`writer_nice`):
    /// ahead of request threads, which all wait on it. See `WriterThread`.
    public static let writerNiceDefault: Int32 = -10
    /// Open connections kept at most unless configured, and the most that may be configured.
    /// Past the limit the oldest idle or unfinished connection is closed for each new one, so a
    /// flood of idle sockets cannot starve real clients; well under the descriptors `jhf serve`
    /// asks for at start (`connectionsMax` + `descriptorsReserve`).
    public static let connectionsDefault = 512
    public static let connectionsMax = 65_536
    /// Descriptors kept beyond the connection limit for the database, logs and accepting.
    public static let descriptorsReserve = 64
    /// Time from a request's first byte to its last, unless configured (a trickled head or body
    /// cannot keep a connection open past it).
    public static let requestDeadlineDefaultSeconds: Int64 = 30
    /// Time connections get to finish after SIGTERM or SIGINT, unless configured.
    public static let shutdownGraceDefaultSeconds: Int64 = 10
    /// Largest config file.
    public static let configBytesMax = 1 << 20
    /// Witnesses one config may list.
    public static let witnessesMax = 32
    /// How often the witness submitter and the publisher look for a new checkpoint.
    public static let checkpointPollMilliseconds: Int64 = 100
    /// How often `--site` looks for a newly published checkpoint to rebuild the portal from.
    public static let sitePollMilliseconds: Int64 = 500
    /// Backoff of the service's background tasks (witness submission, publishing) after a
    /// failure: the first delay, doubled per failure up to the last.
    public static let retryBackoffFirstMilliseconds: Int64 = 250
    public static let retryBackoffMaxMilliseconds: Int64 = 30_000

    /// The delay after `failures` (at least 1) failures in a row.
    static func retryDelayMilliseconds(failures: Int) -> Int64 {
        min(retryBackoffMaxMilliseconds, retryBackoffFirstMilliseconds << min(max(failures, 1) - 1, 16))
    }
    /// One add-checkpoint request, from connect to the last byte of the answer.
    public static let witnessRequestTimeoutSeconds: Int64 = 10
    /// 409 answers followed in a row before backing off (each resends from the size reported).
    public static let witnessConflictsMax = 3
    /// New entries one publication step plans in memory; a larger gap (a service started over
    /// an empty or old directory) is published in steps, group commits running between them.
    public static let publishPlanEntriesMax: Int64 = 65_536
    /// How long a client may cache `/tlog/checkpoint`.
    public static let checkpointMaxAgeSeconds = 2
    /// Largest answer read from a witness.
    public static let witnessReplyBytesMax = 64 * 1024
}
