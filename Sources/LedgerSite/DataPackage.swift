import LedgerCore

/// `data/datapackage.json`: the CSV tables as a Frictionless Data Package (v1 descriptor),
/// titles and descriptions in Spanish and English.
enum DataPackage {
    static func json(_ c: SiteContext) -> OpenJSON {
        .object([
            ("profile", .string("tabular-data-package")),
            ("name", .string("jhf-" + c.ledgerID.lowercased().map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" ? String($0) : "-" }.joined())),
            ("title", .string("\(c.title) — datos abiertos / open data")),
            ("description", .string("Desembolsos, compromisos y suspensiones del libro mayor \(c.ledgerID), verificado hasta la entrada \(c.state.size - 1). / Disbursements, commitments and suspensions of ledger \(c.ledgerID), verified up to entry \(c.state.size - 1).")),
            ("homepage", .string(c.options.baseURL + "/")),
            ("created", .string(c.lastCommittedAt)),
            ("licenses", .array([.object([("name", .string("CC-BY-4.0")), ("path", .string("https://creativecommons.org/licenses/by/4.0/")),
                                          ("title", .string("Creative Commons Attribution 4.0"))])])),
            ("resources", .array(OpenTable.all.map(resource))),
        ])
    }

    private static func resource(_ t: OpenTable) -> OpenJSON {
        var schema: [(String, OpenJSON)] = [
            ("fields", .array(t.fields.map { f in
                var members: [(String, OpenJSON)] = [("name", .string(f.name)), ("type", .string(f.type)),
                                                     ("title", .string(f.name)), ("description", .string("\(f.es) / \(f.en)"))]
                if f.required { members.append(("constraints", .object([("required", .bool(true))]))) }
                return .object(members)
            })),
            ("missingValues", .array([.string("")])),
        ]
        if let key = t.primaryKey { schema.append(("primaryKey", .array([.string(key)]))) }
        return .object([
            ("name", .string(t.name)), ("path", .string(t.path)), ("title", .string("\(t.es) / \(t.en)")),
            ("profile", .string("tabular-data-resource")), ("format", .string("csv")), ("mediatype", .string("text/csv")),
            ("encoding", .string("utf-8")),
            ("dialect", .object([("delimiter", .string(",")), ("lineTerminator", .string("\r\n")), ("header", .bool(true))])),
            ("schema", .object(schema)),
        ])
    }
}
