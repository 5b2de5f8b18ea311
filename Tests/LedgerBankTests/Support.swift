import Foundation
import LedgerBank
import LedgerCore
import LedgerStore

/// Reads a file from Tests/LedgerBankTests/Fixtures.
func fixturePath(_ path: String) -> String {
    Bundle.module.resourceURL!.appendingPathComponent("Fixtures").appendingPathComponent(path).path
}

func temporaryDirectory() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("jhf-bank-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

func writeText(_ path: String, _ text: String) throws { try Data(text.utf8).write(to: URL(fileURLWithPath: path)) }
func readText(_ path: String) throws -> String { String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self) }

/// Runs a program; its exit status and combined output.
func runTool(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: executable)
    p.arguments = arguments
    let pipe = Pipe()
    p.standardOutput = pipe
    p.standardError = pipe
    try p.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// `xmllint --schema XSD FILE`: nil when the file validates, else xmllint's complaint.
func xsdProblems(_ file: String, xsd: String) throws -> String? {
    let r = try runTool("/usr/bin/xmllint", ["--noout", "--schema", fixturePath("xsd/\(xsd)"), file])
    return r.status == 0 ? nil : r.output
}

/// A ledger built through the store's own write path: genesis, then disbursements and reversals.
struct BankLedger {
    static let ledgerID = "jhf.bank.test"
    static let names = ["t-shcp", "t-usaid"]
    static let secrets = Dictionary(uniqueKeysWithValues: names.map { ($0, LedgerBuilder.testKey($0)) })
    static let fundAccount = "002010077777777771"
    static let payeeAccount = "032180000118359719"
    static let now = "2026-11-10T09:00:00Z"

    let dir: String
    let store: LedgerStore
    var db: String { "\(dir)/ledger.sqlite" }

    struct Disbursement {
        var id: String
        var amount: Int64
        var currency = "MXN"
        var valueDate = "2026-11-10"
        var account = BankLedger.payeeAccount
        /// JSON string contents (escapes allowed); nil: `Clínica N` and `Medicinas N`.
        var payeeJSON: String? = nil
        var purposeJSON: String? = nil
    }

    /// Commits `disbursements`, then a reversal of each id in `reversed` (id `R-<id>`).
    static func make(_ disbursements: [Disbursement], reversed: [String] = []) throws -> BankLedger {
        let dir = try temporaryDirectory()
        let keys = [try KeyObject(name: "t-shcp", institution: "SHCP", publicKey: secrets["t-shcp"]!.publicKey, role: .approver),
                    try KeyObject(name: "t-usaid", institution: "USAID", publicKey: secrets["t-usaid"]!.publicKey, role: .approver)]
        let genesis = GenesisBody(title: "Bank test ledger", currencies: ["MXN", "USD"], keys: keys, budgets: [], createdAt: now)
        let (store, _) = try LedgerStore.create(path: "\(dir)/ledger.sqlite", ledgerID: ledgerID, genesis: genesis, now: now)
        let ledger = BankLedger(dir: dir, store: store)
        try ledger.approve("genesis")
        var requests: [WriteRequest] = []
        func flush() throws {
            for r in store.write(requests, now: now) { _ = try r.get() }
            requests = []
        }
        for (n, d) in disbursements.enumerated() {
            let input = try JSONParser.parse("""
                {"id":"\(d.id)","amount":\(d.amount),"currency":"\(d.currency)","category":"humanitarian_stabilization","program":"clinics",
                 "municipality":"15033","payee":{"name":"\(d.payeeJSON ?? "Clínica \(n)")"},"purpose":"\(d.purposeJSON ?? "Medicinas \(n)")","value_date":"\(d.valueDate)",
                 "sealed":{"notes":"","payee_account":{"number":"\(d.account)","scheme":"CLABE"},"payee_tax_id":""}}
                """)
            requests += try ledger.proposeAndApprove(.disbursement, input, salt: Array(Hash.sha256(Array("salt\(n)".utf8)).bytes.prefix(16)))
            if requests.count >= Limits.writeBatchRequestsMax - 3 { try flush() }
        }
        for id in reversed {
            let input = try JSONParser.parse(#"{"id":"R-\#(id)","reverses":"\#(id)","reason":"Cancelled"}"#)
            requests += try ledger.proposeAndApprove(.reversal, input, salt: [])
            if requests.count >= Limits.writeBatchRequestsMax - 3 { try flush() }
        }
        try flush()
        return ledger
    }

    func proposeAndApprove(_ kind: EntryKind, _ input: JSONValue, salt: [UInt8]) throws -> [WriteRequest] {
        let draft = try ProposalDraft(kind: kind, input: input, salt: salt, now: BankLedger.now)
        let message = draft.body.approvalMessage(ledgerID: BankLedger.ledgerID)
        return [.propose(draft)] + BankLedger.names.map { .approve(id: draft.id, keyName: $0, signature: BankLedger.secrets[$0]!.sign(message)) }
    }

    func approve(_ id: String) throws {
        let message = try store.proposal(id: id)!.body.approvalMessage(ledgerID: BankLedger.ledgerID)
        for name in BankLedger.names { _ = try store.approve(id: id, keyName: name, signature: BankLedger.secrets[name]!.sign(message), now: BankLedger.now) }
    }

    /// A camt.053.001.02 statement of the fund's peso account, written into the ledger's directory.
    func statement(_ name: String, id: String = "S-1", createdAt: String = "2026-11-12T08:00:00Z", currency: String = "MXN",
                   _ bookings: [Camt053Writer.Booking]) throws -> String {
        let path = "\(dir)/\(name)"
        var text = ""
        Camt053Writer.write(statementID: id, account: BankLedger.fundAccount, currency: currency, createdAt: createdAt, bookings: bookings) { text += $0 }
        try writeText(path, text)
        return path
    }

    func reconcile(_ path: String, format: StatementFormat = .camt053, days: Int = 5) throws -> ReconcileOutcome {
        try Reconciliation.run(store: store, statementPath: path, format: format, notSeenAfterDays: days, now: "2026-11-12T12:00:00Z")
    }

    /// The classes of a run's items, in order.
    func classes(_ outcome: ReconcileOutcome) throws -> [String] {
        var out: [String] = []
        try store.forEachReconciliationItem(run: outcome.run.run) { k, _, _ in out.append(k) }
        return out
    }

    func remove() { try? FileManager.default.removeItem(atPath: dir) }
}

/// A debit booking paying `id`.
func pay(_ id: String, _ amount: Int64, currency: String = "MXN", ref: String, date: String = "2026-11-11", account: String? = nil) -> Camt053Writer.Booking {
    Camt053Writer.Booking(amount: amount, currency: currency, bookingDate: date, bankRef: ref, endToEndID: id, creditorAccount: account)
}
