import LedgerCore
import LedgerReport
import LedgerStore

/// The quarterly reports, one per quarter the log spans, exactly as `jhf report` prints them
/// (`--format json`, bilingual Markdown and HTML), in `data/reports/`.
enum ReportFiles {
    static func write(_ c: SiteContext, to files: SiteFiles) throws(StoreError) {
        for report in c.reports {
            let q = report.quarter.description
            try files.put("data/reports/\(q).json", report.json.canonicalBytes + [0x0A])
            try files.put("data/reports/\(q).md", ReportDocument.markdown(report, languages: [.es, .en]))
            try files.put("data/reports/\(q).html", ReportDocument.html(report, languages: [.es, .en]))
        }
    }
}
