import LedgerCore
import LedgerSite
import LedgerStore

/// The config file's `site` member: what `jhf serve --site DIR` builds the public portal with.
///
///     "site": {"base_url": "https://transparencia.example.org/jhf", "ocid_prefix": "ocds-abc123",
///              "iati_org": "XM-DAC-…", "thresholds": {"USD": "25000.00", "MXN": "430000.00"}}
///
/// The genesis hash the pages pin is the served ledger's own; the witness policy is the
/// config's `witness_policy`.
public struct SiteSettings: Sendable {
    public let baseURL: String
    public let ocidPrefix: String?
    public let iatiOrganisation: String?
    /// Minor units by currency; USD 25,000.00 unless given.
    public let thresholds: [String: Int64]

    init(json: JSONValue) throws(LedgerError) {
        let r = try FieldReader(json, path: "site", fields: ["base_url"], optional: ["iati_org", "ocid_prefix", "thresholds"])
        baseURL = try r.string("base_url")
        ocidPrefix = r.has("ocid_prefix") ? try r.string("ocid_prefix") : nil
        iatiOrganisation = r.has("iati_org") ? try r.string("iati_org") : nil
        var thresholds = AuditReport.defaultThresholds
        if r.has("thresholds") {
            guard case .object(let o) = r.value("thresholds") else { throw r.fail("thresholds", "must be an object of currency codes to amounts, e.g. {\"USD\": \"25000.00\"}") }
            for member in o.members {
                guard FieldRules.currency(member.key) == nil, case .string(let text) = member.value,
                      let minor = AuditReport.threshold(text, currency: member.key) else {
                    throw LedgerError(.schema, field: "site.thresholds.\(member.key)",
                                      "must be an ISO 4217 code with a decimal amount as a string, e.g. \"25000.00\", of at most \(Limits.disbursementAmountMax) minor units")
                }
                thresholds[member.key] = minor
            }
        }
        self.thresholds = thresholds
        // The same checks `jhf publish site` makes, named under `site.`.
        do throws(StoreError) { _ = try options(genesis: .zero, policy: nil) } catch {
            throw LedgerError(.schema, field: "site.\(error.field)", error.message)
        }
    }

    /// The site's options for a ledger (its genesis) and the service's witness policy.
    func options(genesis: Hash, policy: WitnessPolicy?) throws(StoreError) -> SiteOptions {
        try SiteOptions(genesis: genesis, witnessPolicy: policy, baseURL: baseURL, ocidPrefix: ocidPrefix, iatiOrganisation: iatiOrganisation,
                        thresholds: thresholds)
    }
}
