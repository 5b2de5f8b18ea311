import LedgerCore

/// A quarterly report as a document: bilingual (or one-language) Markdown or printable HTML.
/// The one entry point to the report's layout, for `jhf report` and the public site.
public enum ReportDocument {
    /// Markdown, one language after the other in the order given.
    public static func markdown(_ report: AuditReport, languages: [ReportLanguage]) -> String {
        ReportMarkdown.render(languages.map { ReportLayout(report, $0).blocks })
    }

    /// One self-contained HTML page (no scripts, no external resources).
    public static func html(_ report: AuditReport, languages: [ReportLanguage]) -> String {
        ReportHTML.render(languages.map { ($0, ReportLayout(report, $0).blocks) },
                          title: languages.map { "\($0.words.title) \(report.quarter)" }.joined(separator: " / "))
    }
}
