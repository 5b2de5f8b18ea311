/// The four budget categories of the fund (SPEC §2).
public enum Category: String, Sendable, CaseIterable, Comparable {
    case humanitarianStabilization = "humanitarian_stabilization"
    case institutionalStrengthening = "institutional_strengthening"
    case financialTechnicalIntel = "financial_technical_intel"
    case oversightGovernance = "oversight_governance"

    /// Byte order of the names, as budgets are sorted.
    public static func < (a: Category, b: Category) -> Bool {
        a.rawValue.utf8.lexicographicallyPrecedes(b.rawValue.utf8)
    }
}

/// A (category, currency) pair: the unit of budget envelopes and totals.
public struct BudgetPair: Hashable, Sendable, Comparable {
    public let category: Category
    public let currency: String

    public init(category: Category, currency: String) {
        self.category = category
        self.currency = currency
    }

    public static func < (a: BudgetPair, b: BudgetPair) -> Bool {
        a.category != b.category ? a.category < b.category : a.currency.utf8.lexicographicallyPrecedes(b.currency.utf8)
    }
}

/// A budget envelope: at most `amount` minor units may be spent (net) on the pair.
public struct Budget: Sendable, Equatable {
    public let pair: BudgetPair
    public let amount: Int64

    public init(category: Category, currency: String, amount: Int64) {
        pair = BudgetPair(category: category, currency: currency)
        self.amount = amount
    }

    public init(json: JSONValue, path: String) throws(LedgerError) {
        let r = try FieldReader(json, path: path, fields: ["amount", "category", "currency"])
        let amount = try r.integer("amount", in: 0...Limits.integerMagnitudeMax, "from 0 to 2^53-1")
        let category = try Budget.category(r, "category")
        let currency = try r.string("currency", FieldRules.currency)
        self.init(category: category, currency: currency, amount: amount)
    }

    static func category(_ r: FieldReader, _ key: String) throws(LedgerError) -> Category {
        let s = try r.string(key)
        guard let c = Category(rawValue: s) else {
            throw r.fail(key, "must be one of \(Category.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return c
    }

    public var json: JSONValue {
        .object(["amount": .integer(amount), "category": .s(pair.category.rawValue), "currency": .s(pair.currency)])
    }

    /// Decodes a budget list: sorted by (category, currency), each pair once.
    static func list(_ r: FieldReader, _ key: String, nonEmpty: Bool) throws(LedgerError) -> [Budget] {
        let items = try r.array(key)
        if nonEmpty && items.isEmpty { throw r.fail(key, "must not be empty") }
        var out: [Budget] = []
        for (i, item) in items.enumerated() {
            out.append(try Budget(json: item, path: "\(r.join(key))[\(i)]"))
        }
        for i in out.indices.dropFirst() {
            if out[i - 1].pair == out[i].pair { throw r.fail(key, "lists (\(out[i].pair.category.rawValue), \(out[i].pair.currency)) twice") }
            if !(out[i - 1].pair < out[i].pair) { throw r.fail(key, "must be sorted by (category, currency)") }
        }
        return out
    }
}
