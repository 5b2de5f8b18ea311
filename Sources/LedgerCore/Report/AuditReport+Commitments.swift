/// The v1.1 rows of a quarterly report: commitments, suspensions, the disclosure clock.
extension AuditReport {
    /// The most days a commitment at or above the threshold may take from signing to entering
    /// the ledger (the founding agreement's disclosure rule).
    public static let disclosureDaysMax: Int64 = 30

    /// The disclosure thresholds used when none is given: USD 25,000.00, as the founding
    /// agreement fixes it (other currencies need their own equivalent).
    public static let defaultThresholds: [String: Int64] = ["USD": 2_500_000]

    /// A disclosure threshold written in the currency's major unit (`25000` or `25000.00`) as
    /// minor units: a plain decimal from 0 to `Limits.disbursementAmountMax` minor units with at
    /// most the currency's decimals; nil otherwise.
    public static func threshold(_ text: String, currency: String) -> Int64? {
        guard case .success(let minor) = DecimalAmount.minorUnits(text, digits: Currency.minorUnitDigits(currency)),
              minor <= Limits.disbursementAmountMax else { return nil }
        return minor
    }

    /// The disclosure clock of a commitment: whole days from `date_signed` to the date of the
    /// `committed_at` that entered it in the ledger (late when above `disclosureDaysMax`).
    public static func disclosureDays(dateSigned: String, committedAt: String) -> Int64 {
        CommitmentCollector.days(from: dateSigned, to: String(committedAt.prefix(10)))
    }
    /// A commitment signed (entered the ledger), amended or terminated in the quarter.
    public struct CommitmentEventRow: Sendable, Equatable {
        public enum Event: String, Sendable { case signed, amended, terminated }
        public let seq: Int64
        public let committedAt: String
        /// The id of the entry: the commitment's own, or the amendment's.
        public let id: String
        public let commitment: String
        public let event: Event
        public let title: String
        public let supplier: String
        public let pair: BudgetPair
        /// The value after the event.
        public let value: Int64
        /// For an amendment, the value before it.
        public let previous: Int64?
        /// The contract's reference (signed) or the amendment's reason.
        public let note: String
    }

    /// What was paid under one commitment in the quarter, and its figures at the end of it.
    public struct CommitmentPaidRow: Sendable, Equatable {
        public let commitment: String
        public let title: String
        public let supplier: String
        public let pair: BudgetPair
        public internal(set) var disbursedInQuarter: Int64 = 0
        public internal(set) var reversedInQuarter: Int64 = 0
        public internal(set) var valueAtEnd: Int64 = 0
        public internal(set) var netAtEnd: Int64 = 0
        public internal(set) var terminated = false
        public var remainingAtEnd: Int64 { valueAtEnd - netAtEnd }
        public var netInQuarter: Int64 { disbursedInQuarter - reversedInQuarter }
    }

    /// A suspension in force at some time in the quarter.
    public struct SuspensionRow: Sendable, Equatable {
        public let scope: SuspensionScope
        public let id: String
        public let seq: Int64
        public let committedAt: String
        public let basis: SuspensionBasis
        public let reason: String
        /// The resume that lifted it, when that was committed by the end of the quarter.
        public internal(set) var resumedBy: String?
        public internal(set) var resumedSeq: Int64?
        public internal(set) var resumedAt: String?
        /// Days from the suspension to its resume, or to the end of the quarter while in force.
        public internal(set) var days: Int64 = 0
        public internal(set) var inForceAtEnd = true
    }

    /// A commitment at or above the disclosure threshold that entered the ledger in the quarter.
    public struct ClockRow: Sendable, Equatable {
        public let seq: Int64
        public let committedAt: String
        public let body: CommitmentBody
        /// Days from `date_signed` to the UTC date of `committed_at`.
        public let days: Int64
        /// More than 30 days.
        public let late: Bool
    }
}
