import LedgerCore
/// Prints laid-out reports as one self-contained, printable HTML page (no scripts, no
/// external resources); every text is escaped.
enum ReportHTML {
    static func render(_ layouts: [(ReportLanguage, [ReportBlock])], title: String) -> String {
        let lang = layouts.count == 1 ? layouts[0].0.rawValue : "en"
        var out = """
        <!DOCTYPE html>
        <html lang="\(lang)">
        <head>
        <meta charset="utf-8">
        <title>\(escape(title))</title>
        <style>
        \(style)
        </style>
        </head>
        <body>

        """
        for (language, blocks) in layouts {
            out += "<section lang=\"\(language.rawValue)\">\n"
            for b in blocks { out += render(b) }
            out += "</section>\n"
        }
        return out + "</body>\n</html>\n"
    }

    /// A4 landscape, table headers repeated on each page, rows kept whole, each language from a new page.
    private static let style = """
    @page { size: A4 landscape; margin: 12mm; }
    body { font-family: "DejaVu Sans", "Helvetica", "Arial", sans-serif; font-size: 9pt; color: #000; margin: 0; }
    section + section { break-before: page; }
    h1 { font-size: 16pt; margin: 0 0 6pt; }
    h2 { font-size: 12pt; margin: 14pt 0 4pt; border-bottom: 1px solid #444; break-after: avoid; }
    p.verdict { font-weight: bold; font-size: 11pt; padding: 4pt 6pt; border: 2px solid; }
    p.verdict.ok { border-color: #1a7f37; }
    p.verdict.failed { border-color: #b00020; }
    dl { display: grid; grid-template-columns: max-content auto; gap: 2pt 10pt; margin: 0; }
    dt { font-weight: bold; }
    dd { margin: 0; }
    code { font-family: "DejaVu Sans Mono", monospace; font-size: 8pt; word-break: break-all; }
    table { border-collapse: collapse; width: 100%; margin: 2pt 0 6pt; }
    thead { display: table-header-group; }
    tr { break-inside: avoid; }
    th, td { border: 1px solid #999; padding: 2pt 4pt; text-align: left; vertical-align: top; font-size: 8pt; }
    th { background: #eee; }
    td.num, th.num { text-align: right; white-space: nowrap; }
    td.one { white-space: nowrap; }
    td.long { overflow-wrap: anywhere; word-break: break-all; }
    """

    private static func render(_ block: ReportBlock) -> String {
        switch block {
        case .title(let t): return "<h1>\(escape(t))</h1>\n"
        case .heading(let t): return "<h2>\(escape(t))</h2>\n"
        case .paragraph(let t): return "<p>\(escape(t))</p>\n"
        case .verdict(let t, let ok): return "<p class=\"verdict \(ok ? "ok" : "failed")\">\(escape(t))</p>\n"
        case .facts(let facts):
            return "<dl>\n" + facts.map { f in
                "<dt>\(escape(f.label))</dt><dd>\(f.code ? "<code>\(escape(f.value))</code>" : escape(f.value))</dd>\n"
            }.joined() + "</dl>\n"
        case .table(let header, let numeric, let rows):
            func cell(_ tag: String, _ i: Int, _ text: String) -> String {
                "<\(tag)\(cellClass(text, numeric: numeric.contains(i)))>\(escape(text))</\(tag)>"
            }
            var out = "<table>\n<thead><tr>" + header.enumerated().map { cell("th", $0, $1) }.joined() + "</tr></thead>\n<tbody>\n"
            for row in rows { out += "<tr>" + row.enumerated().map { cell("td", $0, $1) }.joined() + "</tr>\n" }
            return out + "</tbody>\n</table>\n"
        }
    }

    /// Numbers, ids, codes and timestamps stay on one line; a cell holding a very long token
    /// (a base64 public key) may break anywhere, so no table runs off the page.
    private static func cellClass(_ text: String, numeric: Bool) -> String {
        if numeric { return " class=\"num\"" }
        let tokens = text.split(whereSeparator: { $0 == " " })
        if tokens.contains(where: { $0.count > 24 }) { return " class=\"long\"" }
        if tokens.count == 1 { return " class=\"one\"" }
        return ""
    }

    /// Escapes the five characters HTML gives meaning to in text and attribute values.
    /// Controls and bidi overrides shown as visible escapes (a payee name cannot reorder the
    /// page), then the markup characters escaped.
    static func escape(_ s: String) -> String { XMLText.escaped(DisplayText.escaped(s)) }
}
