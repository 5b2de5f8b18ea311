/// Every bound the ledger enforces, in one place, units last.
///
/// Format bounds come from the specification (SPEC §1–§5) and must not change
/// without a format version bump; operating bounds protect the tools.
public enum Limits {
    // MARK: Format bounds (SPEC §1)
    /// Largest JSON document a parser accepts (1 MiB).
    public static let documentBytesMax = 1 << 20
    /// Deepest nesting of arrays and objects; the top-level value is depth 1.
    public static let nestingDepthMax = 16
    /// Largest magnitude of a JSON integer: 2^53 - 1.
    public static let integerMagnitudeMax: Int64 = (1 << 53) - 1

    // MARK: Field bounds (SPEC §4.2, §5)
    public static let titleScalarsMax = 200
    public static let reasonScalarsMax = 1000
    public static let purposeScalarsMax = 1000
    public static let payeeNameScalarsMax = 200
    public static let notesScalarsMax = 2000
    /// Smallest and largest disbursement, in minor units.
    public static let disbursementAmountMin: Int64 = 1
    public static let disbursementAmountMax: Int64 = 1_000_000_000_000_000
    public static let saltBytes = 16
    public static let clabeDigits = 18
    /// Length of an entry id of any kind (SPEC §2).
    public static let entryIDCharactersMax = 64
    /// Length of a key name (SPEC §2, v1.1).
    public static let keyNameCharactersMax = 128
    /// Largest canonical entry (JCS(entry), without the newline), so that every entry fits a
    /// tlog-tiles entry bundle's uint16 length prefix (SPEC §10, R5).
    public static let entryBytesMax = 65_535
    /// Longest commitment reference (the contract's number), in Unicode scalars (SPEC §10.1).
    public static let referenceScalarsMax = 100
    /// Smallest and largest new total value of an amendment, in minor units; 0 terminates.
    public static let amendmentAmountMin: Int64 = 0

    // MARK: Operating bounds
    /// Failures kept in one verification report; further ones are counted, not listed.
    public static let reportFailuresMax = 10_000
    /// Entries parsed and signature-checked together by the verifier.
    public static let verifyBatchEntriesMax = 2048
    /// Entry bundles a tile reader fetches at once (8 × 256 = one verify batch).
    public static let tileFetchWindow = 8
    /// Worker threads the verifier may use.
    public static let verifyJobsMax = 64
    /// Members of one array that the ledger format could ever need (keys, budgets, currencies).
    public static let listItemsMax = 1000
    /// How long a proposal waits for both approvals before it expires, unless configured (14 days).
    public static let proposalLifetimeDefaultSeconds: Int64 = 14 * 86_400
    /// Longest proposal lifetime that may be configured (1 year).
    public static let proposalLifetimeMaxSeconds: Int64 = 366 * 86_400
    /// Approvals whose verified signatures the store remembers until their entry is appended.
    public static let verifiedSignaturesMemoMax = 100_000
    /// SQLite's page cache per store connection, in KiB: large writes (a 100,000-booking
    /// reconciliation inserts into three B-trees at random keys) stay in memory until commit.
    public static let storePageCacheKiB = 32_768
    /// Entry rows the store reads per statement when it walks the chain (a PostgreSQL statement's
    /// rows arrive whole, so a page bounds that memory).
    public static let storeReadPageRows: Int64 = 4096
    /// Parameters PostgreSQL takes in one statement (its protocol counts them in 16 bits).
    public static let postgresParametersMax = 65_535
    /// Write requests the store commits together in one durable transaction (group commit).
    public static let writeBatchRequestsMax = 512
    /// Hashes in one Merkle audit path: enough for a tree of 2^63 leaves (inclusion needs at
    /// most 63, consistency at most 64 including the first root).
    public static let merklePathHashesMax = 64
    /// Size of one signed note (a checkpoint with its signature lines), in bytes.
    public static let noteBytesMax = 65_536
    /// Signature lines in one signed note: the log key's and cosignatures (C2SP asks
    /// verifiers to accept at least 16).
    public static let noteSignaturesMax = 100
    /// Length of a signed-note key name, in bytes.
    public static let noteKeyNameBytesMax = 256
    /// Consistency proof lines in a tlog-witness add-checkpoint request (the protocol's bound).
    public static let witnessProofHashesMax = 63
    /// An add-checkpoint request body: the old size line, the proof lines, a blank line, a note.
    public static let witnessRequestBytesMax = 32 + witnessProofHashesMax * 45 + 1 + noteBytesMax
    /// Rows in one list of a quarterly audit report (disclosed disbursements, reversals,
    /// program or municipality totals); a report refuses rather than truncate.
    public static let reportRowsMax = 1_000_000
    /// Length of a withdrawal reason, in Unicode scalars.
    public static let withdrawalReasonScalarsMax = 1000

    // MARK: Payment files and bank statements
    /// Digits of a bank amount (whole and fraction): ISO 20022 allows 18 in total.
    public static let bankAmountDigitsMax = 18
    /// Length of ISO 20022 references (MsgId, PmtInfId, EndToEndId, InstrId), in characters.
    public static let isoReferenceCharactersMax = 35
    /// Length of ISO 20022 names and unstructured remittance lines (Max140Text), in characters.
    public static let isoTextCharactersMax = 140
    /// Transactions in one payment file.
    public static let paymentOrdersMax = 1_000_000
    /// Bytes of one bank statement file (camt.053 or CSV); it is read as a stream.
    public static let statementBytesMax: Int64 = 4 << 30
    /// Bytes of one element's text or one CSV line in a statement.
    public static let statementFieldBytesMax = 65_536
    /// Items (booked transactions) in one statement file.
    public static let statementItemsMax = 10_000_000
    /// Items in one batch handed from the statement's reading thread to the recording one.
    public static let statementPipeBatchItemsMax = 1024
    /// Batches read ahead of the recording thread; with the batch size, what bounds the memory.
    public static let statementPipeBatchesMax = 4
    /// Days after which a committed disbursement not seen in any statement is reported, unless configured.
    public static let notSeenAfterDaysDefault = 5
    /// Longest configurable wait before a committed disbursement counts as not seen (1 year).
    public static let notSeenAfterDaysMax = 366

    // The public site (`jhf publish site`).
    /// Quarters a site publishes reports for (a quarter's report is written per quarter the log spans: 100 years).
    public static let siteQuartersMax = 400
    /// Payments per page file of the site's payment list (the browser fetches one page at a time).
    public static let sitePaymentsPerPage = 1000
    /// Bytes a streamed site file gathers before each write (1 MiB).
    public static let siteWriteBufferBytes = 1 << 20
}
