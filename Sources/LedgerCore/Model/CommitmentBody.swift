/// How a contract was awarded: the OCDS `procurementMethod` codelist (SPEC §10.1).
public enum ProcurementMethod: String, Sendable, CaseIterable {
    case open, selective, limited, direct
}

/// A signed contract or grant agreement that obliges the fund to pay (SPEC §10.1 `commitment`):
/// an OCDS contract, an IATI outgoing commitment. Payments name it by id.
public struct CommitmentBody: Sendable, Equatable {
    public let id: String
    public let title: String
    public let supplierName: String
    /// The total value, in minor units.
    public let amount: Int64
    public let currency: String
    public let category: Category
    public let program: String
    public let municipality: String
    public let procurementMethod: ProcurementMethod
    /// The contract's number in the procurement system; may be empty.
    public let reference: String
    public let dateSigned: String
    public let proposedAt: String

    public static let fields = ["amount", "category", "currency", "date_signed", "id", "municipality", "procurement_method",
                                "program", "proposed_at", "reference", "supplier", "title"]

    public init(id: String, title: String, supplierName: String, amount: Int64, currency: String, category: Category,
                program: String, municipality: String, procurementMethod: ProcurementMethod, reference: String,
                dateSigned: String, proposedAt: String) {
        self.id = id
        self.title = title
        self.supplierName = supplierName
        self.amount = amount
        self.currency = currency
        self.category = category
        self.program = program
        self.municipality = municipality
        self.procurementMethod = procurementMethod
        self.reference = reference
        self.dateSigned = dateSigned
        self.proposedAt = proposedAt
    }

    public init(json: JSONValue, path: String = "body") throws(LedgerError) {
        let r = try FieldReader(json, path: path, fields: CommitmentBody.fields)
        id = try r.string("id", FieldRules.entryID)
        title = try r.text("title", min: 1, max: Limits.titleScalarsMax)
        let supplier = try FieldReader(r.value("supplier"), path: r.join("supplier"), fields: ["name"])
        supplierName = try supplier.text("name", min: 1, max: Limits.payeeNameScalarsMax)
        amount = try r.integer("amount", in: Limits.disbursementAmountMin...Limits.disbursementAmountMax, "from 1 to 10^15 (minor units)")
        currency = try r.string("currency", FieldRules.currency)
        category = try Budget.category(r, "category")
        program = try r.string("program", FieldRules.program)
        municipality = try r.string("municipality", FieldRules.municipality)
        let method = try r.string("procurement_method")
        guard let m = ProcurementMethod(rawValue: method) else { throw r.fail("procurement_method", "must be open, selective, limited or direct") }
        procurementMethod = m
        reference = try r.string("reference") { $0.isEmpty ? nil : FieldRules.text($0, min: 0, max: Limits.referenceScalarsMax) }
        dateSigned = try r.string("date_signed", FieldRules.date)
        proposedAt = try r.string("proposed_at", FieldRules.timestamp)
    }

    public var pair: BudgetPair { BudgetPair(category: category, currency: currency) }

    public var json: JSONValue {
        .object([
            "amount": .integer(amount), "category": .s(category.rawValue), "currency": .s(currency), "date_signed": .s(dateSigned),
            "id": .s(id), "municipality": .s(municipality), "procurement_method": .s(procurementMethod.rawValue),
            "program": .s(program), "proposed_at": .s(proposedAt), "reference": .s(reference),
            "supplier": .object(["name": .s(supplierName)]), "title": .s(title),
        ])
    }
}
