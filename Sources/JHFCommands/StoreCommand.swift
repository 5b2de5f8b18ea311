import ArgumentParser
import LedgerCore
import LedgerStore

/// `jhf store`: the database a ledger lives in.
struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Work with the database a ledger lives in (SQLite file or PostgreSQL).",
        subcommands: [StoreCopyCommand.self])
}

/// `jhf store copy`: a ledger copied to a new database, verified before and after.
struct StoreCopyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy a ledger to a new database (SQLite file ↔ PostgreSQL), verifying it before and after.",
        discussion: """
        The source is verified first as `jhf verify --db` does (every rule and signature, every
        stored Merkle node, the latest checkpoint); a source with any failure is not copied.
        The destination must be new: a SQLite file that does not exist, or an empty PostgreSQL
        database. The copy is written in one transaction, through the destination's own
        append-only rules, then verified and compared with the source (head and checkpoint).
        If anything fails, nothing is left at the destination. Stop writers of the source first:
        entries appended during the copy are not in it.
        """)

    @Option(help: "The ledger to copy: a SQLite file, or postgresql://user@host:port/dbname.") var from: String
    @Option(help: "The new database: a SQLite file that must not exist, or postgresql://user@host:port/dbname of an empty database.") var to: String
    @Option(help: "Threads for parsing and signature checks (1–64).") var jobs: Int = 1

    func validate() throws {
        guard (1...Limits.verifyJobsMax).contains(jobs) else { throw ValidationError("--jobs must be from 1 to \(Limits.verifyJobsMax)") }
    }

    func run() throws {
        let s = try guarded { try StoreCopy.copy(from: from, to: to, jobs: jobs) }
        let rows = s.rows.filter { $0.rows > 0 }.map { "\($0.table) \($0.rows)" }.joined(separator: ", ")
        Console.out("""
            copied ledger \(s.ledgerID): \(s.entries) entries, head \(s.head.hex)
            checkpoint:   \(s.checkpointSize.map { "\($0) entries, the same as the source's" } ?? "none signed")
            rows:         \(rows)
            verified:     the source before, the copy after (every rule, signature and Merkle node)
            """)
    }
}
