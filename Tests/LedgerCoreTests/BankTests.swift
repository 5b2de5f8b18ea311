import Testing
@testable import LedgerCore

/// Decimal amounts, XML text, pain.001 documents and the reconciler's classes (pure rules).
struct DecimalAmountTests {
    @Test(arguments: [
        ("0", 2, 0), ("1", 2, 100), ("1.5", 2, 150), ("1.50", 2, 150), ("2500000.00", 2, 250_000_000), ("12", 0, 12),
        ("1.234", 3, 1234), ("0.001", 3, 1), ("9999999999999999.99", 2, 999_999_999_999_999_999),
    ] as [(String, Int, Int64)])
    func parses(_ text: String, _ digits: Int, _ minor: Int64) throws {
        #expect(try DecimalAmount.minorUnits(text, digits: digits).get() == minor)
        // And back: the text of the minor units reads as the same amount.
        #expect(try DecimalAmount.minorUnits(DecimalAmount.text(minor, digits: digits), digits: digits).get() == minor)
    }

    @Test(arguments: [
        ("", DecimalAmount.Problem.notDecimal), (".5", .notDecimal), ("1.", .notDecimal), ("-1", .notDecimal), ("+1", .notDecimal),
        ("1e3", .notDecimal), ("1,000.00", .notDecimal), (" 1", .notDecimal), ("1.2.3", .notDecimal), ("١", .notDecimal),
        ("1.234", .tooManyDecimals(allowed: 2)), ("1.001", .tooManyDecimals(allowed: 2)), ("99999999999999999.99", .tooLarge),
    ])
    func refuses(_ text: String, _ problem: DecimalAmount.Problem) {
        #expect(DecimalAmount.minorUnits(text, digits: 2) == .failure(problem))
    }

    @Test func trailingZerosBeyondTheCurrencyAreExactWhenAllowed() {
        #expect(DecimalAmount.minorUnits("8.850", digits: 2, extraZeros: true) == .success(885))
        #expect(DecimalAmount.minorUnits("8.85000", digits: 2, extraZeros: true) == .success(885))
        #expect(DecimalAmount.minorUnits("8.851", digits: 2, extraZeros: true) == .failure(.tooManyDecimals(allowed: 2)))
        #expect(DecimalAmount.minorUnits("8.850", digits: 2) == .failure(.tooManyDecimals(allowed: 2)))
        #expect(DecimalAmount.minorUnits("2700.0", digits: 0, extraZeros: true) == .success(2700))
    }

    @Test func formatsWithoutFloatingPoint() {
        #expect(DecimalAmount.text(1, digits: 2) == "0.01")
        #expect(DecimalAmount.text(-150, digits: 2) == "-1.50")
        #expect(DecimalAmount.text(Int64.max, digits: 2) == "92233720368547758.07")
        #expect(DecimalAmount.text(Int64.min, digits: 2) == "-92233720368547758.08")
        #expect(DecimalAmount.text(5, digits: 0) == "5")
        #expect(DecimalAmount.text(5, digits: 3) == "0.005")
    }

    @Test func currencyTable() {
        #expect(Currency.known.contains("MXN") && Currency.known.contains("USD") && Currency.known.contains("JPY"))
        #expect(!Currency.known.contains("XAU") && !Currency.known.contains("ABC") && !Currency.known.contains("mxn"))
        #expect(Currency.minorUnitDigits("JPY") == 0 && Currency.minorUnitDigits("KWD") == 3 && Currency.minorUnitDigits("MXN") == 2)
    }
}

struct Pain001Tests {
    static let header = try! PaymentFileHeader(messageID: "JHF-20261121-1", createdAt: "2026-11-20T12:00:00Z", executionDate: "2026-11-21",
                                               debtorName: "Fondo Conjunto Humanitario", debtorAccount: "002010077777777771")

    static func order(_ id: String, _ amount: Int64, _ currency: String = "MXN", name: String = "Clínica San Cristóbal", purpose: String = "Medicines") -> PaymentOrder {
        try! PaymentOrder(id: id, amount: amount, currency: currency, payeeName: name, account: "032180000118359719", purpose: purpose)
    }

    @Test func oneBlockPerCurrencyAndTheIdAsEndToEndId() throws {
        let xml = String(decoding: try Pain001.document(Self.header, orders: [Self.order("D-1", 250_000_000), Self.order("D-2", 150, "USD"), Self.order("D-3", 1)]),
                         as: UTF8.self)
        #expect(xml.contains("<PmtInfId>JHF-20261121-1-MXN</PmtInfId>") && xml.contains("<PmtInfId>JHF-20261121-1-USD</PmtInfId>"))
        #expect(xml.contains("<EndToEndId>D-1</EndToEndId>") && xml.contains("<InstdAmt Ccy=\"MXN\">2500000.00</InstdAmt>"))
        #expect(xml.contains("<InstdAmt Ccy=\"USD\">1.50</InstdAmt>") && xml.contains("<InstdAmt Ccy=\"MXN\">0.01</InstdAmt>"))
        #expect(xml.contains("<NbOfTxs>3</NbOfTxs>") && xml.contains("<CtrlSum>2500000.01</CtrlSum>"))
        // Several currencies: no group control sum, which would add pesos to dollars.
        #expect(xml.components(separatedBy: "<CtrlSum>").count == 3)
        #expect(xml.contains("<MmbId>032</MmbId>"))
    }

    @Test func textIsEscapedAndCutToISOLengths() throws {
        let long = String(repeating: "Á", count: 150)
        let xml = String(decoding: try Pain001.document(Self.header, orders: [Self.order("D-1", 5, name: long, purpose: "A & B <c> \"d\" 'e'")]), as: UTF8.self)
        #expect(xml.contains("<Nm>\(String(repeating: "Á", count: 140))</Nm>"))
        #expect(xml.contains("<Ustrd>D-1 A &amp; B &lt;c&gt; &quot;d&quot; &#39;e&#39;</Ustrd>"))
    }

    @Test(arguments: [
        ("an id longer than EndToEndId", "id"), ("a bad creditor CLABE", "sealed.payee_account.number"),
    ])
    func ordersRefused(_ label: String, _ field: String) {
        let id = label.hasPrefix("an id") ? String(repeating: "D", count: 36) : "D-1"
        let account = label.hasPrefix("a bad") ? "032180000118359710" : "032180000118359719"
        #expect { try PaymentOrder(id: id, amount: 1, currency: "MXN", payeeName: "P", account: account, purpose: "x") } throws: {
            ($0 as? LedgerError)?.field == field
        }
    }

    @Test(arguments: [
        ("message_id", "", "2026-11-20T12:00:00Z", "2026-11-21", "Fondo", "002010077777777771"),
        ("created_at", "M", "2026-11-20 12:00:00", "2026-11-21", "Fondo", "002010077777777771"),
        ("execution-date", "M", "2026-11-20T12:00:00Z", "2026-02-30", "Fondo", "002010077777777771"),
        ("debtor-name", "M", "2026-11-20T12:00:00Z", "2026-11-21", " Fondo", "002010077777777771"),
        ("debtor-account", "M", "2026-11-20T12:00:00Z", "2026-11-21", "Fondo", "00201007777777777"),
    ])
    func headersRefused(_ field: String, _ id: String, _ created: String, _ date: String, _ name: String, _ account: String) {
        #expect { try PaymentFileHeader(messageID: id, createdAt: created, executionDate: date, debtorName: name, debtorAccount: account) } throws: {
            ($0 as? LedgerError)?.field == field
        }
    }

    @Test func emptyOrOverflowingFilesAreRefused() {
        #expect(throws: LedgerError.self) { try Pain001.document(Self.header, orders: []) }
        let big = (0..<10).map { Self.order("D-\($0)", 999_999_999_999_999_999) }
        #expect { try Pain001.document(Self.header, orders: big) } throws: { ($0 as? LedgerError)?.field == "CtrlSum of MXN" }
    }
}

struct ReconcilerTests {
    static func payment(_ id: String, _ amount: Int64 = 10_000, currency: String = "MXN", reversedBy: String? = nil, valueDate: String = "2026-11-10",
                        seq: Int64 = 1) -> LedgerPayment {
        LedgerPayment(id: id, seq: seq, amount: amount, currency: currency, account: "032180000118359719", committedAt: "2026-11-09T10:00:00Z",
                      valueDate: valueDate, reversedBy: reversedBy)
    }

    static func item(_ e2e: String?, _ amount: Int64 = 10_000, currency: String = "MXN", direction: BankItem.Direction = .debit, reversal: Bool = false,
                     ref: String? = nil, remittance: String? = nil, account: String? = nil, key: String = "k") -> BankItem {
        BankItem(statementID: "S", account: "A", line: 7, direction: direction, reversal: reversal, amount: amount, currency: currency,
                 bookingDate: "2026-11-12", endToEndID: e2e, bankRef: ref, remittance: remittance, creditorAccount: account, returnReason: nil, bookingKey: key)
    }

    static let ledger = [payment("D-1"), payment("D-2", 5_000), payment("D-3", reversedBy: "R-3"), payment("D-4", currency: "USD"),
                         payment("D-5", valueDate: "2026-11-30")]

    /// Each case: the items fed in order, and the class of the last one.
    @Test(arguments: [
        ("matched by EndToEndId", [item("D-1")], ReconcileClass.matched),
        ("matched by remittance word", [item(nil, remittance: "pago D-2 clinica", key: "r")].map { i in var j = i; j.amount = 5_000; return j }, .matched),
        ("matched to the sealed account", [item("D-1", account: "032180000118359719")], .matched),
        ("amount too high", [item("D-1", 10_001)], .amountMismatch),
        ("amount too low", [item("D-2", 4_999)], .amountMismatch),
        ("peso payment of a dollar disbursement", [item("D-4")], .currencyMismatch),
        ("dollar payment of a peso disbursement", [item("D-1", currency: "USD")], .currencyMismatch),
        ("another account", [item("D-1", account: "002010077777777771")], .accountMismatch),
        ("another account, matched by remittance", [item(nil, remittance: "D-1", account: "002010077777777771")], .accountMismatch),
        ("second payment", [item("D-1", key: "a"), item("D-1", key: "b")], .paidTwice),
        ("third payment by bank reference", [item("D-1", ref: "B1", key: "a"), item("D-1", key: "b"), item(nil, ref: "B1", key: "c")], .paidTwice),
        ("paid after the ledger reversed it", [item("D-3")], .paidButReversed),
        ("paid twice after reversal", [item("D-3", key: "a"), item("D-3", key: "b")], .paidButReversed),
        ("credit back", [item("D-1", key: "a"), item("D-1", direction: .credit, key: "b")], .returned),
        // ISO 20022 RvslInd: the entry's own CdtDbtInd says where the money goes; the indicator
        // says that it undoes an earlier entry of the other direction.
        ("bank reversal of the debit (CRDT, RvslInd)", [item("D-2", 5_000, key: "a"), item("D-2", 5_000, direction: .credit, reversal: true, key: "b")], .returned),
        ("CRDT with RvslInd alone is money in, not a payment", [item("D-2", 5_000, direction: .credit, reversal: true)], .returned),
        ("DBIT with RvslInd alone is money out", [item("D-2", 5_000, reversal: true)], .matched),
        ("DBIT with RvslInd undoes a return", [item("D-2", 5_000, key: "a"), item("D-2", 5_000, direction: .credit, key: "b"),
                                             item("D-2", 5_000, reversal: true, key: "c")], .matched),
        ("DBIT with RvslInd after a payment is paid twice", [item("D-2", 5_000, key: "a"), item("D-2", 5_000, reversal: true, key: "b")], .paidTwice),
        ("CRDT with RvslInd for no disbursement", [item("Z-1", direction: .credit, reversal: true)], .unrelatedCredit),
        ("DBIT with RvslInd for no disbursement", [item("Z-1", reversal: true)], .unknownDebit),
        ("return of a reversed disbursement", [item("D-3", direction: .credit)], .returned),
        ("debit with no disbursement", [item("X-9")], .unknownDebit),
        ("debit with no reference known", [item(nil, ref: "nobody", remittance: "rent")], .unknownDebit),
        ("funding credit", [item(nil, direction: .credit, remittance: "USAID tranche 3")], .unrelatedCredit),
        ("credit for an unknown id", [item("Z-1", direction: .credit)], .unrelatedCredit),
        ("repaid after a return", [item("D-1", key: "a"), item("D-1", direction: .credit, key: "b"), item("D-1", key: "c")], .matched),
    ])
    func classifies(_ label: String, _ items: [BankItem], _ expected: ReconcileClass) {
        var r = Reconciler(payments: Self.ledger)
        var last: ReconciledItem?
        for i in items { last = r.classify(i, alreadySeen: false) }
        #expect(last?.klass == expected, "\(label): \(last?.message ?? "")")
        let expectedDiscrepancy = ![.matched, .unrelatedCredit, .alreadySeen].contains(expected) && label != "return of a reversed disbursement"
        #expect(last?.discrepancy == expectedDiscrepancy)
    }

    @Test func aReturnSuggestsAReversalProposalUnlessTheLedgerReversedIt() throws {
        var r = Reconciler(payments: Self.ledger)
        let returned = r.classify(Self.item("D-1", direction: .credit), alreadySeen: false)
        #expect(returned.suggestion != nil)
        let text = String(decoding: returned.suggestion!.canonicalBytes, as: UTF8.self)
        #expect(text.contains(#""kind":"reversal""#) && text.contains(#""reverses":"D-1""#) && text.contains(#""id":"D-1-return""#))
        let body = try #require({ if case .object(let o) = returned.suggestion!, case .object(let b)? = o["body"] { return b } else { return nil } }())
        #expect(FieldRules.entryID(Reconciler.reversalID(for: String(repeating: "x", count: 64))) == nil)
        #expect(body["reason"] != nil)
        #expect(r.classify(Self.item("D-3", direction: .credit), alreadySeen: false).suggestion == nil)
    }

    @Test func alreadySeenBookingsCountOnce() {
        var r = Reconciler(payments: Self.ledger)
        #expect(r.classify(Self.item("D-1"), alreadySeen: false).klass == .matched)
        let again = r.classify(Self.item("D-1"), alreadySeen: true)
        #expect(again.klass == .alreadySeen && !again.discrepancy)
        #expect(r.classify(Self.item("X-1"), alreadySeen: true).klass == .alreadySeen)
    }

    @Test func priorRunsCount() {
        var r = Reconciler(payments: Self.ledger)
        r.recordPrior(disbursementID: "D-1", outflow: true, bankRef: "B-77")
        #expect(r.classify(Self.item("D-1", key: "n"), alreadySeen: false).klass == .paidTwice)
        let byRef = r.classify(Self.item(nil, direction: .credit, ref: "B-77"), alreadySeen: false)
        #expect(byRef.klass == .returned && byRef.matchedBy == .bankRef && byRef.disbursementID == "D-1")
    }

    @Test func notSeenAfterTheConfiguredDays() {
        var r = Reconciler(payments: Self.ledger)
        _ = r.classify(Self.item("D-2", 5_000), alreadySeen: false)
        // D-1 due 2026-11-10: 6 days before the 16th. D-2 paid, D-3 reversed, D-5 not due yet.
        #expect(r.notSeen(asOf: "2026-11-16", afterDays: 5, currencies: nil).map(\.disbursementID) == ["D-1", "D-4"])
        #expect(r.notSeen(asOf: "2026-11-16", afterDays: 5, currencies: ["MXN"]).map(\.disbursementID) == ["D-1"])
        #expect(r.notSeen(asOf: "2026-11-15", afterDays: 5, currencies: nil).isEmpty)
        #expect(r.notSeen(asOf: "2026-12-31", afterDays: 0, currencies: ["MXN"]).map(\.disbursementID) == ["D-1", "D-5"])
        #expect(r.notSeen(asOf: "2026-12-31", afterDays: 0, currencies: ["MXN"]).allSatisfy { $0.klass == .notSeen && $0.discrepancy })
    }

    @Test func civilDates() {
        #expect(CivilDate("1970-01-01")?.days == 0)
        #expect(CivilDate("2000-03-01")!.days - CivilDate("2000-02-28")!.days == 2)
        #expect(CivilDate("2026-11-22T08:00:00")?.days == CivilDate("2026-11-22")?.days)
        #expect(CivilDate("2026-02-29") == nil && CivilDate("x") == nil)
    }

    @Test func bookingKeysNumberEqualBookingsWithoutReferences() {
        var k = BookingKeys(), k2 = BookingKeys()
        let a = k.key(account: "A", entryRef: nil, detail: "#0", fields: ["2026-11-12", "100"])
        let b = k.key(account: "A", entryRef: nil, detail: "#0", fields: ["2026-11-12", "100"])
        #expect(a != b)
        #expect(k2.key(account: "A", entryRef: nil, detail: "#0", fields: ["2026-11-12", "100"]) == a)
        #expect(k.key(account: "A", entryRef: "R", detail: "x", fields: []) == k2.key(account: "A", entryRef: "R", detail: "x", fields: ["other"]))
        #expect(k.key(account: "A", entryRef: "R", detail: "x", fields: []) != k.key(account: "B", entryRef: "R", detail: "x", fields: []))
    }
}
