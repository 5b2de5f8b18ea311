import LedgerCore
import LedgerStore

/// What `jhf publish site` is told: the trust anchors the pages pin, and where the site lives.
public struct SiteOptions: Sendable {
    /// The genesis entry_hash the institutions published out of band; the pages pin it.
    public let genesis: Hash
    /// The witness policy the pages require of every checkpoint (none: cosignatures are shown, not required).
    public let witnessPolicy: WitnessPolicy?
    /// The site's absolute URL (`https://host/path`, no trailing slash): OCDS `uri`s and package URLs use it.
    public let baseURL: String
    /// The OCDS ocid prefix the publisher registered (`ocds-` and six characters); no OCDS files without one.
    public let ocidPrefix: String?
    /// The IATI organisation identifier of the reporting organisation.
    public let iatiOrganisation: String
    /// Disclosure thresholds in minor units by currency (the quarterly reports need one per currency).
    public let thresholds: [String: Int64]
    /// Where the pages fetch the tiles, relative to the site root (`tlog/`, as `jhf serve` serves them).
    public let tilesPath: String
    /// Threads for the replay's parsing and signature checks.
    public let jobs: Int

    public init(genesis: Hash, witnessPolicy: WitnessPolicy?, baseURL: String, ocidPrefix: String?, iatiOrganisation: String? = nil,
                thresholds: [String: Int64], tilesPath: String = "tlog/", jobs: Int = 1) throws(StoreError) {
        let base = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        guard Self.isAbsoluteHTTP(base) else {
            throw StoreError(.invalid, field: "base_url", "'\(baseURL)' must be an absolute http or https URL without query or fragment, e.g. https://transparencia.example.org/jhf")
        }
        if let p = ocidPrefix, !Self.isOCIDPrefix(p) {
            throw StoreError(.invalid, field: "ocid_prefix", "'\(p)' must be 'ocds-' followed by six lowercase letters or digits, as the Open Contracting Partnership assigns them")
        }
        let org = iatiOrganisation ?? "XI-JHF"
        guard Self.isIATIIdentifier(org) else {
            throw StoreError(.invalid, field: "iati_org", "'\(org)' must be an IATI organisation identifier: letters, digits and '-', '_', '.', 3 to 64 characters")
        }
        guard !tilesPath.hasPrefix("/"), !tilesPath.contains(".."), tilesPath.hasSuffix("/"), Self.isPathText(tilesPath) else {
            throw StoreError(.invalid, field: "tiles_path", "'\(tilesPath)' must be a relative path ending in '/', without '..'")
        }
        (self.genesis, self.witnessPolicy, self.baseURL, self.ocidPrefix) = (genesis, witnessPolicy, base, ocidPrefix)
        (self.iatiOrganisation, self.thresholds, self.tilesPath, self.jobs) = (org, thresholds, tilesPath, jobs)
    }

    static func isAbsoluteHTTP(_ s: String) -> Bool {
        let lower = s.lowercased()
        let rest: Substring
        if lower.hasPrefix("https://") { rest = s.dropFirst(8) } else if lower.hasPrefix("http://") { rest = s.dropFirst(7) } else { return false }
        guard let host = rest.split(separator: "/", omittingEmptySubsequences: false).first, !host.isEmpty else { return false }
        return isPathText(String(rest)) && !s.contains("?") && !s.contains("#")
    }

    static func isOCIDPrefix(_ s: String) -> Bool {
        let b = Array(s.utf8)
        return b.count == 11 && s.hasPrefix("ocds-") && b[5...].allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) }
    }

    static func isIATIIdentifier(_ s: String) -> Bool {
        let b = Array(s.utf8)
        return (3...64).contains(b.count) && b.allSatisfy { c in
            (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c) || (0x30...0x39).contains(c) || c == 0x2D || c == 0x5F || c == 0x2E
        }
    }

    /// URL path characters that need no escaping (RFC 3986 unreserved, sub-delims but quotes, `/`, `:`, `@`, `%`).
    static func isPathText(_ s: String) -> Bool {
        s.utf8.allSatisfy { c in
            (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c) || (0x30...0x39).contains(c) || Array("-._~!$&()*+,;=:@/%".utf8).contains(c)
        }
    }
}
