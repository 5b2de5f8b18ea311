import ArgumentParser
import LedgerCore
import LedgerSite
import LedgerStore

/// `jhf publish site`: the bilingual public portal and its open data, from a published log.
struct PublishSite: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "Write the public portal (HTML, CSS, ES modules) and its open data (OCDS, IATI, CSV) from a log published as tiles.",
        discussion: """
        The log is replayed and verified first, exactly as `jhf verify --tiles` does, against the pinned \
        genesis hash and witness policy; nothing is written unless it verifies (exit 1, with the failures). \
        The pages pin the same anchors and verify, in the visitor's browser, the checkpoint and every entry \
        they show; they fetch the tiles from <site>/tlog/ (--tiles-path), where `jhf serve --publish` serves \
        them. Incremental: a file whose bytes are already there is not rewritten.
        """)

    @Option(help: "The published log: a URL or a directory (as `jhf publish tiles` wrote it).") var tiles: String
    @Option(help: "Directory of the site (created if missing).") var out: String
    @Option(help: "Pinned genesis entry_hash (64 hex digits), published out of band (rule R13); the pages pin it too.") var genesis: String
    @Option(help: "The site's absolute URL, e.g. https://transparencia.example.org/jhf (OCDS and CSV links use it).") var baseURL: String
    @Option(help: "Witness policy the checkpoint must meet, e.g. \"2 of ASF,GAO,JOB\"; the pages require it too.") var witnessPolicy: String?
    @Option(help: "OCDS ocid prefix registered with the Open Contracting Partnership (ocds-xxxxxx); without it no OCDS files are written.") var ocidPrefix: String?
    @Option(help: "IATI organisation identifier of the reporting organisation (default XI-JHF).") var iatiOrg: String?
    @Option(help: ArgumentHelp("Disclosure threshold CUR=AMOUNT, repeatable; default USD=25000.00 (as `jhf report`).", valueName: "CUR=AMOUNT"))
    var threshold: [String] = []
    @Option(help: "Where the pages fetch the tiles, relative to the site root.") var tilesPath: String = "tlog/"
    @Option(help: "Threads for parsing and signature checks (1–64).") var jobs: Int = 1
    @OptionGroup var progress: ProgressOptions

    func validate() throws {
        guard (1...Limits.verifyJobsMax).contains(jobs) else { throw ValidationError("--jobs must be from 1 to \(Limits.verifyJobsMax)") }
    }

    func run() throws {
        guard let pinned = try LedgerReplay.pinnedGenesis(genesis) else { preconditionFailure("--genesis is required") }
        let options = try guarded {
            try SiteOptions(genesis: pinned, witnessPolicy: try LedgerReplay.witnessPolicy(witnessPolicy), baseURL: baseURL,
                            ocidPrefix: ocidPrefix, iatiOrganisation: iatiOrg, thresholds: try Report.thresholds(threshold),
                            tilesPath: tilesPath, jobs: jobs)
        }
        let line = ProgressLine("verifying", options: progress)
        let result = try guarded {
            try SiteBuilder.build(from: HTTPTiles.source(tiles), out: out, options: options, progress: line.callback)
        }
        line.finish()
        guard result.verification.ok else {
            Console.out(Render.report(result.verification))
            Console.error("error [verification]: the published log does not verify; nothing was written to \(out)")
            throw ExitCode(ExitStatus.verificationFailed)
        }
        Console.out("site for \(result.verification.entries) entries in \(out): \(result.written.count) file(s) written, \(result.kept) unchanged")
    }
}
