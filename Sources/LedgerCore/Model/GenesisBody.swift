/// The body of entry 0: the ledger's title, currencies, first keys and budgets.
public struct GenesisBody: Sendable, Equatable {
    public let title: String
    public let currencies: [String]
    public let keys: [KeyObject]
    public let budgets: [Budget]
    public let createdAt: String

    public static let fields = ["budgets", "created_at", "currencies", "keys", "title"]

    public init(title: String, currencies: [String], keys: [KeyObject], budgets: [Budget], createdAt: String) {
        self.title = title
        self.currencies = currencies
        self.keys = keys
        self.budgets = budgets
        self.createdAt = createdAt
    }

    public init(json: JSONValue, path: String = "body") throws(LedgerError) {
        let r = try FieldReader(json, path: path, fields: GenesisBody.fields)
        title = try r.text("title", min: 1, max: Limits.titleScalarsMax)
        var currencies: [String] = []
        for (i, c) in try r.array("currencies").enumerated() {
            guard case .string(let s) = c, FieldRules.currency(s) == nil else {
                throw r.fail("currencies[\(i)]", "must be an ISO 4217 code of three capital letters")
            }
            currencies.append(s)
        }
        if currencies.isEmpty { throw r.fail("currencies", "must not be empty") }
        try r.requireSorted("currencies", currencies.map { Array($0.utf8) }, strict: true, what: "currency")
        self.currencies = currencies
        var keys: [KeyObject] = []
        for (i, k) in try r.array("keys").enumerated() {
            keys.append(try KeyObject(json: k, path: "\(r.join("keys"))[\(i)]"))
        }
        try r.requireSorted("keys", keys.map { Array($0.name.utf8) }, strict: false, what: "name")
        self.keys = keys
        budgets = try Budget.list(r, "budgets", nonEmpty: false)
        createdAt = try r.string("created_at", FieldRules.timestamp)
    }

    public var json: JSONValue {
        .object([
            "budgets": .array(budgets.map(\.json)),
            "created_at": .s(createdAt),
            "currencies": .array(currencies.map { .s($0) }),
            "keys": .array(keys.map(\.json)),
            "title": .s(title),
        ])
    }
}
