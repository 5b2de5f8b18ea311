import ArgumentParser
import LedgerCore
import LedgerStore

/// `jhf show`: one proposal and, if committed, where it sits in the chain.
struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show a proposal: body, approval digest, approvals, status, sealed record.")

    @Option(help: "Ledger database: a SQLite file, or postgresql://user@host:port/dbname.") var db: String?
    @OptionGroup var remote: RemoteOptions
    @Option(help: "Proposal id.") var id: String
    @Flag(help: "Print JSON instead of text.") var json = false

    func run() throws {
        let p: ProposalRecord
        if let client = try remote.client(db: db) {
            p = try client.proposal(id: id)
        } else {
            let store = try guarded { try LedgerStore(path: db!, check: .hashChain) }
            guard let found = try guarded({ try store.proposal(id: id) }) else { throw CLIFailure("error [not_found]: id: no proposal with id \(id)") }
            p = found
        }
        Console.out(json ? Render.json(p.json(includeSealed: true)) : Render.proposal(p))
    }
}

/// `jhf list`: proposals by status.
struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List proposals.")

    @Option(help: "Ledger database: a SQLite file, or postgresql://user@host:port/dbname.") var db: String?
    @OptionGroup var remote: RemoteOptions
    @Option(help: "pending, committed, withdrawn, expired or all.") var status: String = "all"
    @Flag(help: "Print JSON Lines instead of a table.") var json = false

    func run() throws {
        let client = try remote.client(db: db)
        let filter: ProposalRecord.Status?
        switch status {
        case "all": filter = nil
        case let s: guard let v = ProposalRecord.Status(rawValue: s) else {
            throw CLIFailure("error [argument]: status: must be pending, committed, withdrawn, expired or all")
        }; filter = v
        }
        var items: [ProposalRecord] = []
        if let client {
            var after: Int64 = 0
            while true {
                guard case .object(let o) = try client.get("/v1/proposals?status=\(status)&limit=1000&after=\(after)").json,
                      case .array(let page)? = o["proposals"] else { throw CLIFailure("error [server]: the proposal list does not decode") }
                for v in page {
                    do { items.append(try ProposalRecord(json: v)) } catch { throw CLIFailure("error [server]: a listed proposal does not decode: \(error.description)") }
                }
                guard case .integer(let next)? = o["next"] else { break }
                after = next
            }
        } else {
            items = try guarded { try LedgerStore(path: db!, check: .hashChain).proposals(status: filter).records }
        }
        if json {
            for p in items { Console.out(Render.json(p.json(includeSealed: false))) }
            return
        }
        Console.out("status     seq   kind           id                         digest")
        for p in items {
            let seq = p.committedSeq.map(String.init) ?? "-"
            Console.out(DisplayText.escaped("\(pad(p.status.rawValue, 10)) \(pad(seq, 5)) \(pad(p.kind.rawValue, 14)) \(pad(p.id, 26)) \(p.approvalDigest.spokenGroups)"))
        }
        Console.out("\(items.count) proposal(s)")
    }

    private func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
}
