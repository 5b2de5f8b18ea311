import LedgerCore

/// Prints laid-out reports as CommonMark with GitHub tables; every text is escaped.
enum ReportMarkdown {
    /// One document; several languages follow each other, separated by a rule.
    static func render(_ layouts: [[ReportBlock]]) -> String {
        layouts.map { blocks in blocks.map(render).joined(separator: "\n") }.joined(separator: "\n---\n\n")
    }

    private static func render(_ block: ReportBlock) -> String {
        switch block {
        case .title(let t): return "# \(escape(t))\n"
        case .heading(let t): return "## \(escape(t))\n"
        case .paragraph(let t): return "\(escape(t))\n"
        case .verdict(let t, _): return "**\(escape(t))**\n"
        case .facts(let facts):
            return facts.map { f in
                let value = f.code ? "`\(DisplayText.escaped(f.value))`" : escape(f.value)
                return f.label.isEmpty ? "  \(value)" : "- **\(escape(f.label)):** \(value)"
            }.joined(separator: "\n") + "\n"
        case .table(let header, let numeric, let rows):
            var lines = ["| " + header.map(escape).joined(separator: " | ") + " |"]
            lines.append("|" + header.indices.map { numeric.contains($0) ? "---:|" : "---|" }.joined())
            for row in rows { lines.append("| " + row.map(escape).joined(separator: " | ") + " |") }
            return lines.joined(separator: "\n") + "\n"
        }
    }

    /// Backslash-escapes the ASCII punctuation Markdown would read as markup (CommonMark §2.4),
    /// so that payee names, reasons and purposes print as written; controls and bidi overrides
    /// are first made visible escapes (`DisplayText`), whose backslash is then escaped in turn.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in DisplayText.escaped(s).unicodeScalars {
            if "\\`*_[]<>|#!~&".unicodeScalars.contains(c) { out.unicodeScalars.append("\\") }
            out.unicodeScalars.append(c)
        }
        return out
    }
}
