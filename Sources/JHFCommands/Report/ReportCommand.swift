import ArgumentParser
import LedgerCore
import LedgerReport
import LedgerStore

/// `jhf report`: the quarterly audit report, from the same replay as `jhf verify`.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Quarterly audit report: verdict, totals, budget use, reversals, key changes and disclosed disbursements.",
        discussion: """
        The ledger is verified from genesis as by `jhf verify`; the report carries the verdict and is printed \
        even when verification fails (exit 1 then). Entries count in the quarter of their committed_at (UTC). \
        Amount thresholds are in the currency's major unit (USD=25000 or USD=25000.00).
        """)

    @Option(help: "The quarter, YYYYQn (e.g. 2026Q4).") var quarter: String
    @Option(help: "Ledger database: a SQLite file, or postgresql://user@host:port/dbname.") var db: String?
    @Option(help: "Export bundle directory.") var bundle: String?
    @OptionGroup var remote: RemoteOptions
    @Option(help: "en, es or both (default both; Markdown and HTML only).") var lang: String?
    @Option(help: "md, html or json (JSON: Schemas/audit-report.schema.json).") var format: String = "md"
    @Option(help: ArgumentHelp("Disclosure threshold CUR=AMOUNT, repeatable; default USD=25000.00. Every currency with disbursements in the quarter needs one.",
                               valueName: "CUR=AMOUNT")) var threshold: [String] = []
    @Option(help: "Pinned genesis entry_hash (64 hex digits), published out of band (rule R13).") var genesis: String?
    @Option(help: "An earlier checkpoint note you kept: the entries it covered must be unchanged (rule R12).") var since: String?
    @Option(help: "Threads for parsing and signature checks (1–64).") var jobs: Int = 1
    @OptionGroup var progress: ProgressOptions

    func validate() throws {
        try LedgerReplay.validate(db: db, bundle: bundle, remote: remote)
        guard (1...Limits.verifyJobsMax).contains(jobs) else { throw ValidationError("--jobs must be from 1 to \(Limits.verifyJobsMax)") }
    }

    func run() throws {
        let q = try guarded { try Quarter(quarter) }
        guard ["md", "html", "json"].contains(format) else { throw CLIFailure("error [argument]: format: must be md, html or json") }
        let languages: [ReportLanguage]
        switch lang {
        case nil, "both": languages = [.en, .es]
        case "en": languages = [.en]
        case "es": languages = [.es]
        default: throw CLIFailure("error [argument]: lang: must be en, es or both")
        }
        if format == "json" && lang != nil {
            throw CLIFailure("error [argument]: lang: a JSON report is language-neutral; --lang applies to md and html")
        }
        let thresholds = try Self.thresholds(threshold)
        var verifier = try LedgerReplay.run(db: db, bundle: bundle, remote: remote, jobs: jobs,
                                            pinned: try LedgerReplay.pinnedGenesis(genesis), since: try LedgerReplay.earlierCheckpoint(since),
                                            audit: AuditCollector(quarter: q, thresholds: thresholds), progress: ProgressLine("replaying", options: progress))
        let verdict = verifier.finish()
        guard let report = try guarded({ try verifier.auditReport(verdict) }) else { preconditionFailure("the verifier was given a collector") }
        switch format {
        case "json": Console.out(Render.json(report.json))
        case "html": Console.out(ReportDocument.html(report, languages: languages), terminator: "")
        default: Console.out(ReportDocument.markdown(report, languages: languages), terminator: "")
        }
        if !verdict.ok { throw ExitCode(ExitStatus.verificationFailed) }
    }

    /// `CUR=AMOUNT` options as minor units by currency; USD=25000.00 unless USD is given.
    static func thresholds(_ options: [String]) throws -> [String: Int64] {
        var out: [String: Int64] = [:]
        for option in options {
            let parts = option.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2, FieldRules.currency(parts[0]) == nil else {
                throw CLIFailure("error [argument]: threshold: \"\(option)\" must be CUR=AMOUNT with an ISO 4217 code, e.g. MXN=430000.00")
            }
            guard out[parts[0]] == nil else { throw CLIFailure("error [argument]: threshold: \(parts[0]) is given twice") }
            guard let minor = AuditReport.threshold(parts[1], currency: parts[0]) else {
                throw CLIFailure("error [argument]: threshold: \(parts[0]) amount \"\(parts[1])\" must be a decimal from 0 to \(Limits.disbursementAmountMax) minor units with at most \(Currency.minorUnitDigits(parts[0])) decimals")
            }
            out[parts[0]] = minor
        }
        return out.merging(AuditReport.defaultThresholds) { given, _ in given }
    }
}
