/// A quarterly audit report (the data; renderers turn it into Markdown, HTML or JSON).
///
/// Built by `AuditCollector` from the same replay that verifies the ledger, so its figures
/// are those of the verdict it carries. Amounts are integers in minor units. It holds no
/// sealed data (bank details, tax ids) and no time of its own making: the same ledger and
/// options give the same report, byte for byte.
public struct AuditReport: Sendable {
    public let quarter: Quarter
    public let verification: VerifyReport
    /// Entries committed in the quarter: how many, their seq range, and how many of each kind.
    public let entryCount: Int64
    public let firstSeq: Int64?
    public let lastSeq: Int64?
    public let countsByKind: [EntryKind: Int64]
    public let byCategory: [CategoryRow]
    public let byCurrency: [CurrencyRow]
    public let byProgram: [ProgramRow]
    public let byMunicipality: [MunicipalityRow]
    /// Envelopes and cumulative net spending at the end of the quarter.
    public let budgetUse: [BudgetUseRow]
    /// The seq of the last entry the budget figures include, nil if none.
    public let budgetAsOfSeq: Int64?
    public let reversals: [ReversalRow]
    public let keyChanges: [KeyChangeRow]
    public let budgetChanges: [BudgetChangeRow]
    /// Disclosure thresholds in minor units, by currency, sorted by currency.
    public let thresholds: [(currency: String, amount: Int64)]
    public let disclosures: [DisclosureRow]
    /// v1.1: commitments signed, amended or terminated in the quarter.
    public let commitmentEvents: [CommitmentEventRow]
    /// v1.1: commitments paid under (or whose payments were reversed) in the quarter.
    public let commitmentsPaid: [CommitmentPaidRow]
    /// v1.1: suspensions in force at some time in the quarter.
    public let suspensions: [SuspensionRow]
    /// v1.1: the disclosure clock: commitments at or above the threshold that entered the ledger in the quarter.
    public let clock: [ClockRow]
    public var clockLate: Int { clock.filter(\.late).count }
    public var clockOnTime: Int { clock.count - clockLate }

    /// Disbursed and reversed in the quarter. A reversal counts in the quarter it was committed,
    /// under the category, program and municipality of the disbursement it reverses.
    public struct PeriodTotals: Sendable, Equatable {
        public internal(set) var disbursements: Int64 = 0
        public internal(set) var disbursed: Int64 = 0
        public internal(set) var reversals: Int64 = 0
        public internal(set) var reversed: Int64 = 0
        public var net: Int64 { disbursed - reversed }

        public init() {}

        mutating func add(_ o: PeriodTotals) {
            disbursements += o.disbursements
            disbursed += o.disbursed
            reversals += o.reversals
            reversed += o.reversed
        }
    }

    public struct CategoryRow: Sendable, Equatable {
        public let pair: BudgetPair
        public let totals: PeriodTotals
    }

    public struct CurrencyRow: Sendable, Equatable {
        public let currency: String
        public let totals: PeriodTotals
    }

    public struct ProgramRow: Sendable, Equatable {
        public let program: String
        public let currency: String
        public let totals: PeriodTotals
    }

    public struct MunicipalityRow: Sendable, Equatable {
        public let code: String
        /// INEGI's names; nil when the catalogue lacks the code.
        public let name: Municipalities.Name?
        public let currency: String
        public let totals: PeriodTotals
    }

    public struct BudgetUseRow: Sendable, Equatable {
        public let pair: BudgetPair
        /// nil where no envelope was set.
        public let envelope: Int64?
        public let disbursed: Int64
        public let reversed: Int64
        public var net: Int64 { disbursed - reversed }
        public var remaining: Int64? { envelope.map { $0 - net } }
        /// Share of the envelope used, in hundredths of a percent, rounded down; nil without a positive envelope.
        public var usedBasisPoints: Int64? {
            guard let envelope, envelope > 0 else { return nil }
            // net ≤ 2^53 and 10^4 < 2^14: the product fits in Int64.
            return net.multipliedReportingOverflow(by: 10_000).overflow ? nil : net * 10_000 / envelope
        }
    }

    public struct ReversalRow: Sendable, Equatable {
        public let seq: Int64
        public let committedAt: String
        public let id: String
        public let reverses: String
        public let reason: String
        /// The reversed disbursement: its amount, pair, program and municipality.
        public let amount: Int64
        public let pair: BudgetPair
        public let program: String
        public let municipality: String
    }

    public struct KeyChangeRow: Sendable, Equatable {
        public let seq: Int64
        public let committedAt: String
        /// nil for the genesis entry, which has no id.
        public let id: String?
        public let added: [KeyObject]
        public let revoked: [String]
        /// nil for the genesis entry.
        public let reason: String?
    }

    public struct BudgetChangeRow: Sendable, Equatable {
        public let seq: Int64
        public let committedAt: String
        public let id: String?
        public let budgets: [Change]
        public let reason: String?

        public struct Change: Sendable, Equatable {
            public let pair: BudgetPair
            public let amount: Int64
            /// The envelope before this entry, nil if there was none.
            public let previous: Int64?
        }
    }

    public struct DisclosureRow: Sendable, Equatable {
        public let seq: Int64
        public let committedAt: String
        public let body: DisbursementBody
        /// The id of a reversal committed in the quarter, if any.
        public internal(set) var reversedBy: String?
    }
}

extension AuditReport.KeyChangeRow {
    /// The key change entry `seq` makes (genesis lists the first keys); nil for other kinds.
    public init?(_ entry: Entry, seq: Int64) {
        switch entry.body {
        case .genesis(let g): self.init(seq: seq, committedAt: entry.committedAt, id: nil, added: g.keys, revoked: [], reason: nil)
        case .keyUpdate(let u): self.init(seq: seq, committedAt: entry.committedAt, id: u.id, added: u.add, revoked: u.revoke, reason: u.reason)
        default: return nil
        }
    }
}
