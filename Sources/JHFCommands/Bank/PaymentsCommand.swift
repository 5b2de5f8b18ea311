import ArgumentParser
import LedgerBank
import LedgerCore
import LedgerStore

/// `jhf payments`: payment files for the bank.
struct PaymentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "payments",
        abstract: "Payment files: order committed disbursements from the bank (ISO 20022 pain.001.001.03).",
        subcommands: [PaymentsExport.self])
}

/// `jhf payments export`: one credit transfer per committed, unreversed, not yet ordered disbursement.
struct PaymentsExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a pain.001.001.03 file ordering committed disbursements; remember what was ordered.",
        discussion: """
        EndToEndId and InstrId are the disbursement id; amounts are decimals from minor units; the
        creditor account is the CLABE in the disbursement's sealed record. Disbursements ordered by an
        earlier file are left out (and listed) unless --force, which orders them again with a warning.
        Reversed disbursements are never ordered, nor (v1.1) those whose programme, municipality or
        commitment is suspended now: --since leaves them out and names each, --ids refuses.
        With nothing to order no file is written (exit 0).
        """)

    @Option(help: "Ledger database: a SQLite file, or postgresql://user@host:port/dbname.") var db: String
    @Option(help: "Order the committed disbursements from this seq on.") var since: Int64?
    @Option(parsing: .upToNextOption, help: "Order exactly these disbursement ids.") var ids: [String] = []
    @Option(help: "The fund's name as debtor (1-140 characters).") var debtorName: String
    @Option(help: "The fund's CLABE to pay from (18 digits, valid check digit).") var debtorAccount: String
    @Option(help: "Requested execution date, YYYY-MM-DD.") var executionDate: String
    @Option(help: "The pain.001 file to write (never overwritten).") var out: String
    @Flag(help: "Order again disbursements that an earlier file already ordered (warns for each).") var force = false

    func validate() throws {
        guard (since == nil) != ids.isEmpty else { throw ValidationError("give exactly one of --since SEQ or --ids ID...") }
        if let since, since < 0 { throw ValidationError("--since must be a seq of 0 or more") }
        if let p = FieldRules.clabe(debtorAccount) { throw ValidationError("--debtor-account: \(p)") }
        if let p = FieldRules.date(executionDate) { throw ValidationError("--execution-date: \(p)") }
        if let p = FieldRules.text(debtorName, min: 1, max: Limits.isoTextCharactersMax) { throw ValidationError("--debtor-name: \(p)") }
    }

    func run() throws {
        let now = try Clock.now()
        let r = try guarded {
            try PaymentExport.run(store: try LedgerStore(path: db), selection: since.map { .since($0) } ?? .ids(ids), debtorName: debtorName,
                                  debtorAccount: debtorAccount, executionDate: executionDate, out: out, force: force, now: now)
        }
        for (id, files) in r.reordered {
            Console.error("warning: \(id) was already ordered in \(files.joined(separator: ", ")); --force orders it AGAIN: the bank may pay it twice")
        }
        for (id, files) in r.alreadyOrdered { Console.error("skipped: \(id) already ordered in \(files.joined(separator: ", "))") }
        if !r.reversed.isEmpty { Console.error("skipped: \(r.reversed.count) reversed disbursement(s): \(r.reversed.joined(separator: ", "))") }
        for (id, s) in r.suspended {
            Console.error(DisplayText.escaped("held: \(id) is not ordered: \(s.scope) is suspended (\(s)); it can be ordered once resumed"))
        }
        guard let messageID = r.messageID else {
            Console.out("nothing to order: no committed, unreversed disbursement left to order; no file written")
            return
        }
        let totals = Dictionary(grouping: r.orders, by: \.currency).sorted { $0.key < $1.key }
            .map { Render.amount($0.value.reduce(0) { $0 + $1.amount }, $0.key) }
        Console.out("wrote \(out): message \(messageID), \(r.orders.count) transfer(s), \(totals.joined(separator: " + ")), execution date \(executionDate)")
    }
}
