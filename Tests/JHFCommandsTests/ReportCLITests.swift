import Foundation
import LedgerCore
import Testing

/// `jhf report`: the full Markdown output, the same JSON from a database and its export, the
/// HTML rendered by headless Chromium, a failing ledger, and refused options.
@Suite("jhf report")
struct ReportCLITests {
    static let base = ["report", "--quarter", "2026Q4", "--threshold", "MXN=430000"]

    /// The demo ledger with a signed checkpoint; `extra` adds D-3 with a payee full of markup characters.
    static func ledger(markup: Bool = false) throws -> DemoLedger {
        let l = try DemoLedger.make()
        if markup {
            try write(l.input("d3"), DemoLedger.d2.replacingOccurrences(of: #""id": "D-2""#, with: #""id": "D-3""#)
                .replacingOccurrences(of: "Banco de Alimentos de Ciudad Juárez A.C.", with: #"<b>Escuela \"Niños\" & Co</b> | *uno*"#))
            try l.must(jhf("propose", "--db", l.db, "--kind", "disbursement", "--file", l.input("d3")))
            try l.approve("D-3")
        }
        try CLIOutputTests.signCheckpoint(l)
        return l
    }

    /// The hashes the verifier prints, to fill the golden file's placeholders (sealed salts are random).
    static func hashes(_ l: DemoLedger) throws -> [String: String] {
        let v = try JSONParser.parse(Array(try jhf("verify", "--db", l.db, "--json").stdout.utf8))
        guard case .object(let o) = v, case .string(let g)? = o["genesis_hash"], case .string(let h)? = o["head_hash"],
              case .string(let r)? = o["root"] else { throw Unexpected("verify --json") }
        return ["{genesis_hash}": g, "{head_hash}": h, "{root}": r]
    }

    @Test(arguments: ["en", "es"])
    func markdownIsTheGoldenText(_ lang: String) throws {
        let l = try Self.ledger()
        defer { l.remove() }
        let o = try jhf(Self.base + ["--db", l.db, "--lang", lang])
        #expect(o.status == 0 && o.stderr.isEmpty, "\(o)")
        let golden = Repo.path("Tests/JHFCommandsTests/Golden/report-demo-\(lang).md")
        if ProcessInfo.processInfo.environment["JHF_UPDATE_GOLDEN"] == "1" {
            var text = o.stdout
            for (placeholder, value) in try Self.hashes(l) { text = text.replacingOccurrences(of: value, with: placeholder) }
            try write(golden, text)
        }
        var expected = try read(golden)
        for (placeholder, value) in try Self.hashes(l) { expected = expected.replacingOccurrences(of: placeholder, with: value) }
        #expect(o.stdout == expected)
    }

    @Test func bothLanguagesFollowEachOther() throws {
        let l = try Self.ledger()
        defer { l.remove() }
        let both = try jhf(Self.base + ["--db", l.db]).stdout
        let en = try jhf(Self.base + ["--db", l.db, "--lang", "en"]).stdout
        let es = try jhf(Self.base + ["--db", l.db, "--lang", "es"]).stdout
        #expect(both == en + "\n---\n\n" + es)
    }

    @Test func jsonIsTheSameFromTheDatabaseAndItsExportAndMatchesTheSchema() throws {
        let l = try Self.ledger()
        defer { l.remove() }
        try l.must(jhf("export", "--db", l.db, "--out", "\(l.dir)/bundle", "--sealed"))
        let fromDB = try jhf(Self.base + ["--db", l.db, "--format", "json"])
        let fromBundle = try jhf(Self.base + ["--bundle", "\(l.dir)/bundle", "--format", "json", "--jobs", "3"])
        #expect(fromDB.status == 0 && fromBundle.status == 0)
        #expect(fromDB.stdout == fromBundle.stdout)
        try write("\(l.dir)/report.json", fromDB.stdout)
        let check = try validate("audit-report", ["\(l.dir)/report.json"])
        #expect(check.status == 0, "\(check)")
        // The figures: D-1 (MXN 2,500,000.00) disclosed and reversed by R-1, D-2 (USD 48,000,000.00) disclosed.
        #expect(fromDB.stdout.contains(#""disbursements":[{"amount":250000000,"category":"humanitarian_stabilization","committed_at":"2026-11-20T12:00:00Z","currency":"MXN","id":"D-1","municipality":"15033","municipality_name":"Ecatepec de Morelos""#))
        #expect(fromDB.stdout.contains(#""reversed_by":"R-1""#))
        #expect(fromDB.stdout.contains(#""thresholds":[{"amount":43000000,"currency":"MXN"},{"amount":2500000,"currency":"USD"}]"#))
    }

    /// The printable HTML is rendered to PDF by headless Chromium; its text holds both languages,
    /// each from its own page, with markup characters printed as written.
    @Test func htmlRendersInHeadlessChromium() throws {
        let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
        let chrome = try #require(chromium, "headless Chromium is missing: run bash .ci/setup")
        let l = try Self.ledger(markup: true)
        defer { l.remove() }
        let o = try jhf(Self.base + ["--db", l.db, "--format", "html"])
        #expect(o.status == 0, "\(o)")
        #expect(o.stdout.contains("&lt;b&gt;Escuela &quot;Niños&quot; &amp; Co&lt;/b&gt; | *uno*"))
        #expect(!o.stdout.contains("<b>") && !o.stdout.contains("<script"))
        let html = "\(l.dir)/report.html", pdf = "\(l.dir)/report.pdf"
        try write(html, o.stdout)
        let profile = "\(l.dir)/chromium-profile"
        let render = try run(chrome, ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-pdf-header-footer",
                                      "--user-data-dir=\(profile)", "--print-to-pdf=\(pdf)", "file://\(html)"])
        #expect(FileManager.default.fileExists(atPath: pdf), "\(render)")
        let info = try run("/usr/bin/pdfinfo", [pdf])
        let pages = info.stdout.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
        #expect(pages >= 2, "Spanish starts on a new page: \(info)")
        let text = try run("/usr/bin/pdftotext", ["-layout", pdf, "-"]).stdout
        for expected in ["Quarterly audit report — 2026Q4", "Informe trimestral de auditoría — 2026Q4", "VALID: every rule holds",
                         "VÁLIDO: se cumplen todas las reglas", "Ecatepec de Morelos", "Juárez", "48,000,000.00 USD", "Contract cancelled",
                         "<b>Escuela", "\"Niños\" &"] {
            #expect(text.contains(expected), "PDF text lacks \(expected):\n\(text)")
        }
        // The English part ends before the page holding the Spanish title.
        let pagesText = text.split(separator: "\u{0C}").map(String.init)
        let spanishPage = pagesText.firstIndex { $0.contains("Informe trimestral de auditoría") }
        #expect(spanishPage.map { !pagesText[$0].contains("Quarterly audit report") } ?? false)
    }

    @Test func aTamperedExportIsReportedAsInvalidWithExitOne() throws {
        let l = try Self.ledger()
        defer { l.remove() }
        try l.must(jhf("export", "--db", l.db, "--out", "\(l.dir)/bundle"))
        let path = "\(l.dir)/bundle/entries.jsonl"
        try write(path, try read(path).replacingOccurrences(of: "Medicines and staff", with: "Medicines and staf"))
        let o = try jhf(Self.base + ["--bundle", "\(l.dir)/bundle", "--lang", "en"])
        #expect(o.status == 1, "\(o)")
        #expect(o.stdout.contains("**INVALID: 5 failure(s) found; the figures below are those of the entries the replay accepted.**"), "\(o)")
        #expect(o.stdout.contains("| 1 | R6 |"))
    }

    struct Refusal: CustomTestStringConvertible, Sendable {
        let name: String
        let arguments: [String]
        let status: Int32
        let stderr: String
        var testDescription: String { name }
    }

    static let refusals: [Refusal] = [
        Refusal(name: "quarter", arguments: ["--quarter", "2026Q5"], status: 2,
                stderr: "error [argument]: quarter: must be YYYYQn with a year from 0001 to 9999 and n from 1 to 4, e.g. 2026Q4\n"),
        Refusal(name: "format", arguments: ["--format", "pdf"], status: 2, stderr: "error [argument]: format: must be md, html or json\n"),
        Refusal(name: "language", arguments: ["--lang", "fr"], status: 2, stderr: "error [argument]: lang: must be en, es or both\n"),
        Refusal(name: "language with JSON", arguments: ["--lang", "es", "--format", "json"], status: 2,
                stderr: "error [argument]: lang: a JSON report is language-neutral; --lang applies to md and html\n"),
        Refusal(name: "threshold without a currency", arguments: ["--threshold", "25000"], status: 2,
                stderr: "error [argument]: threshold: \"25000\" must be CUR=AMOUNT with an ISO 4217 code, e.g. MXN=430000.00\n"),
        Refusal(name: "threshold with a lowercase code", arguments: ["--threshold", "usd=25000"], status: 2,
                stderr: "error [argument]: threshold: \"usd=25000\" must be CUR=AMOUNT with an ISO 4217 code, e.g. MXN=430000.00\n"),
        Refusal(name: "threshold with three decimals", arguments: ["--threshold", "USD=25000.001"], status: 2,
                stderr: "error [argument]: threshold: USD amount \"25000.001\" must be a decimal from 0 to 1000000000000000 minor units with at most 2 decimals\n"),
        Refusal(name: "negative threshold", arguments: ["--threshold", "USD=-1"], status: 2,
                stderr: "error [argument]: threshold: USD amount \"-1\" must be a decimal from 0 to 1000000000000000 minor units with at most 2 decimals\n"),
        Refusal(name: "threshold with a thousands separator", arguments: ["--threshold", "USD=25,000"], status: 2,
                stderr: "error [argument]: threshold: USD amount \"25,000\" must be a decimal from 0 to 1000000000000000 minor units with at most 2 decimals\n"),
        Refusal(name: "threshold beyond the largest disbursement", arguments: ["--threshold", "USD=10000000000000.01"], status: 2,
                stderr: "error [argument]: threshold: USD amount \"10000000000000.01\" must be a decimal from 0 to 1000000000000000 minor units with at most 2 decimals\n"),
        Refusal(name: "threshold given twice", arguments: ["--threshold", "USD=1", "--threshold", "USD=2"], status: 2,
                stderr: "error [argument]: threshold: USD is given twice\n"),
    ]

    @Test(arguments: refusals)
    func refused(_ r: Refusal) throws {
        let l = try Self.ledger()
        defer { l.remove() }
        let quarter = r.arguments.contains("--quarter") ? [] : ["--quarter", "2026Q4"]
        let o = try jhf(["report", "--db", l.db, "--threshold", "MXN=430000"] + quarter + r.arguments)
        #expect(o.status == r.status && o.stdout.isEmpty && o.stderr == r.stderr, "\(o)")
    }

    @Test func aCurrencyWithoutThresholdIsNamed() throws {
        let l = try Self.ledger()
        defer { l.remove() }
        let o = try jhf("report", "--db", l.db, "--quarter", "2026Q4")
        #expect(o.status == 2 && o.stdout.isEmpty)
        #expect(o.stderr == "error [argument]: threshold: the quarter has MXN disbursements or commitments but no MXN disclosure threshold; give --threshold MXN=AMOUNT (the MXN equivalent of the USD threshold your agreement fixes)\n", "\(o)")
    }

    @Test func exactlyOneSource() throws {
        let none = try jhf("report", "--quarter", "2026Q4")
        #expect(none.status == 2 && none.stderr.contains("give exactly one of --db, --bundle or --server"), "\(none)")
        let two = try jhf("report", "--quarter", "2026Q4", "--db", "/nonexistent/a", "--bundle", "/nonexistent/b")
        #expect(two.status == 2 && two.stderr.contains("give exactly one of --db, --bundle or --server"), "\(two)")
        let missing = try jhf("report", "--quarter", "2026Q4", "--db", "/nonexistent/ledger.sqlite")
        #expect(missing.status == 3 && missing.stderr == "error [io]: db: no ledger database at /nonexistent/ledger.sqlite\n", "\(missing)")
    }
}
