import Foundation
import Testing

/// Strings from a hostile bundle, bank statement or proposal reach people only visibly escaped:
/// no raw control, C1 control or bidi override in `jhf verify`, `jhf reconcile` (stdout,
/// summary.txt, items.csv), `jhf show` or the Markdown and HTML reports.
@Suite(.serialized) struct EscapingTests {
    /// Whether `text` holds any character a terminal or a bidi renderer would act on (a line
    /// feed, and for CSV a carriage return, are the renderers' own).
    static func hasUnsafe(_ text: String, allowing: Set<Unicode.Scalar> = ["\n"]) -> Bool {
        text.unicodeScalars.contains { u in
            !allowing.contains(u) && (u.value < 0x20 || (0x7F...0x9F).contains(u.value) || (0x202A...0x202E).contains(u.value)
                                      || (0x2066...0x2069).contains(u.value) || u.value == 0x2028 || u.value == 0x2029)
        }
    }

    @Test func verifyEscapesAHostileBundle() throws {
        let dir = try temporaryDirectory("jhf-escape")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: "\(dir)/b", withIntermediateDirectories: true)
        let lines = try read("\(CLIOutputTests.golden)/entries.jsonl").split(separator: "\n").map(String.init)
        // The second entry claims an unknown kind made of an escape sequence that retitles the terminal.
        let hostile = lines[1].replacingOccurrences(of: #""kind":"disbursement""#, with: #""kind":"\u001b]0;VALID\u0007\u009b2J\u202e""#)
        #expect(hostile != lines[1])
        try write("\(dir)/b/entries.jsonl", ([lines[0], hostile] + lines.dropFirst(2)).joined(separator: "\n") + "\n")
        let o = try jhf("verify", "--bundle", "\(dir)/b")
        #expect(o.status == 1, "\(o)")
        #expect(o.stdout.hasPrefix("INVALID"))
        #expect(!Self.hasUnsafe(o.stdout) && !Self.hasUnsafe(o.stderr), "\(o)")
        #expect(o.stdout.contains(#"\u001B]0;VALID\u0007\u009B2J\u202E"#), "\(o)")
        // JSON output keeps the exact string; RFC 8785 escapes its C0 controls.
        let json = try jhf("verify", "--bundle", "\(dir)/b", "--json")
        #expect(!json.stdout.dropLast().unicodeScalars.contains { $0.value < 0x20 } && json.stdout.contains(#"\u001b]0;VALID\u0007"#))
    }

    @Test func reconcileEscapesBankText() throws {
        let l = try BankCLITests.ledger()
        defer { l.remove() }
        // A CSV statement can carry any character: an unknown debit whose reference redraws the screen.
        let csv = "statement_id,account,booking_date,value_date,direction,reversal,amount,currency,end_to_end_id,bank_ref,remittance,creditor_account,return_reason\n"
            + "ST-9\u{1B}[2J\u{1B}[HRECONCILED\u{202E},\(BankCLITests.fund),2026-11-21,,DBIT,,10.00,MXN,,\t=HYPERLINK(1),\u{9B}x,,\n"
            + "ST-9,\(BankCLITests.fund),2026-11-21,,DBIT,,11.00,MXN,,\r=1+1,,,\n"
        try write("\(l.dir)/st.csv", csv)
        let o = try jhf("reconcile", "--db", l.db, "--statement", "\(l.dir)/st.csv", "--format", "csv", "--report", "\(l.dir)/r")
        #expect(o.status == 1, "\(o)")
        #expect(!Self.hasUnsafe(o.stdout) && !Self.hasUnsafe(o.stderr), "\(o)")
        #expect(o.stdout.contains(#"\u001B[2J\u001B[HRECONCILED\u202E"#), "\(o)")
        let summary = try read("\(l.dir)/r/summary.txt"), items = try read("\(l.dir)/r/items.csv")
        #expect(!Self.hasUnsafe(summary) && !Self.hasUnsafe(items, allowing: ["\n", "\r"]))
        #expect(summary.contains(#"\u001B[2J"#) && items.contains(#"\u001B[2J"#), "\(summary)\n\(items)")
        // A cell starting with a tab or carriage return is neutralised like one starting with = + - @.
        #expect(items.contains(#",'\u0009=HYPERLINK(1),"#) && items.contains(#",'\u000D=1+1,"#), "\(items)")
    }

    @Test func showAndReportsEscapeAPayeeName() throws {
        let l = try DemoLedger.make()
        defer { l.remove() }
        try write(l.input("d3"), DemoLedger.d2.replacingOccurrences(of: #""id": "D-2""#, with: #""id": "D-3""#)
            .replacingOccurrences(of: "Banco de Alimentos de Ciudad Juárez A.C.", with: #"Escuela \u202eA.C. ojnaB\u202c \u0085x"#))
        let proposed = try jhf("propose", "--db", l.db, "--kind", "disbursement", "--file", l.input("d3"))
        guard proposed.status == 0 else { return }  // format v1.1's text rules may refuse it outright: nothing to show
        let show = try l.must(jhf("show", "--db", l.db, "--id", "D-3"))
        #expect(!Self.hasUnsafe(show.stdout) && show.stdout.contains(#"Escuela \u202EA.C. ojnaB\u202C \u0085x"#), "\(show)")
        try l.approve("D-3")
        try CLIOutputTests.signCheckpoint(l)
        for format in ["md", "html"] {
            let r = try jhf(["report", "--quarter", "2026Q4", "--threshold", "MXN=430000", "--db", l.db, "--format", format])
            #expect(r.status == 0, "\(r)")
            #expect(!Self.hasUnsafe(r.stdout), "\(format)")
            #expect(r.stdout.contains("u202EA.C. ojnaB"), "\(format)")
        }
    }
}

/// A bundle line past the format's 1 MiB limit is an R1 failure, reported with its length.
@Suite struct OverlongLineTests {
    @Test func verifyReportsAnOverlongLine() throws {
        let dir = try temporaryDirectory("jhf-long")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: "\(dir)/b", withIntermediateDirectories: true)
        let lines = try read("\(CLIOutputTests.golden)/entries.jsonl").split(separator: "\n").map(String.init)
        let long = "{\"pad\":\"" + String(repeating: "x", count: 3 << 20) + "\"}"
        try write("\(dir)/b/entries.jsonl", ([lines[0], long] + lines.dropFirst(1)).joined(separator: "\n") + "\n")
        let o = try jhf("verify", "--bundle", "\(dir)/b")
        #expect(o.status == 1, "\(o)")
        #expect(o.stdout.contains("seq 1 R1 framing: line is \(long.utf8.count) bytes; the limit is 1048576 bytes"), "\(o)")
    }
}

/// Progress on long commands: on standard error, only when it is a terminal (run under
/// `script`, which gives the command one), never with `--quiet`, never in standard output.
@Suite struct ProgressTests {
    /// `arguments` run under a pseudo-terminal; everything it wrote.
    func onATerminal(_ arguments: [String]) throws -> String {
        let command = ([Repo.jhf] + arguments).map { "'\($0)'" }.joined(separator: " ")
        return try run("/usr/bin/script", ["-qec", command, "/dev/null"]).stdout
    }

    @Test(arguments: [
        (["verify", "--bundle", CLIOutputTests.golden], "verifying: 8 entries (100%)"),
        (["report", "--quarter", "2026Q4", "--bundle", CLIOutputTests.golden, "--format", "json", "--threshold", "MXN=1", "--threshold", "USD=1"], "replaying: 8 entries (100%)"),
    ])
    func progressOnlyOnATerminal(_ arguments: [String], _ line: String) throws {
        let shown = try onATerminal(arguments)
        #expect(shown.contains("\r\u{1B}[K" + line), "\(shown.prefix(300))")
        #expect(!(try onATerminal(arguments + ["--quiet"])).contains(line))
        // Not a terminal: nothing on standard error, and standard output is the same as on a terminal minus the progress.
        let piped = try jhf(arguments)
        #expect(!piped.stderr.contains(line) && !piped.stdout.contains(line))
    }

    @Test func exportShowsProgress() throws {
        let l = try DemoLedger.make()
        defer { l.remove() }
        let shown = try onATerminal(["export", "--db", l.db, "--out", "\(l.dir)/b"])
        #expect(shown.contains("exporting: 4 entries (100%)"), "\(shown)")
        #expect(try jhf("export", "--db", l.db, "--out", "\(l.dir)/c").stderr.isEmpty)
    }
}
