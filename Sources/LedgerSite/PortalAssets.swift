import Foundation
import LedgerCore
import LedgerStore

/// The portal's own files (HTML, CSS, ES modules; `Portal/` in this target's resources) and
/// `config.js`, which pins the operator's trust anchors: the genesis hash and the witness
/// policy given to `jhf publish site`. The pages never take those from the tiles they check.
enum PortalAssets {
    static func write(_ c: SiteContext, to files: SiteFiles) throws(StoreError) {
        guard let root = Bundle.module.resourceURL?.appendingPathComponent("Portal").path,
              let names = FileManager.default.enumerator(atPath: root)?.allObjects as? [String] else {
            throw StoreError(.io, field: "portal", "the portal's files are missing next to the jhf binary (jhf-ledger_LedgerSite.resources/Portal)")
        }
        for name in names.sorted() {
            var isDirectory: ObjCBool = false
            let path = root + "/" + name
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            guard let data = FileManager.default.contents(atPath: path) else { throw StoreError(.io, field: "portal", "cannot read \(path)") }
            try files.put(name, Array(data))
        }
        try files.put("config.js", config(c))
    }

    /// `export const CONFIG = {...};` with the pinned anchors and where the tiles are.
    static func config(_ c: SiteContext) -> String {
        let policy: JSONValue = c.options.witnessPolicy.map { p in
            .object(["quorum": .integer(Int64(p.quorum)), "institutions": .array(p.institutions.map { .string($0) }), "text": .string(p.description)])
        } ?? .null
        let config: JSONValue = .object([
            "genesis_hash": .string(c.options.genesis.hex), "witness_policy": policy, "tiles": .string(c.options.tilesPath),
            "base_url": .string(c.options.baseURL), "ledger_id": .string(c.ledgerID),
            "origin": .string(Checkpoint.origin(ledgerID: c.ledgerID)),
        ])
        return """
        // Written by `jhf publish site`: the trust anchors this site pins (compare them with the
        // agreement and the quarterly reports), and where the published log is.
        export const CONFIG = \(String(decoding: config.canonicalBytes, as: UTF8.self));

        """
    }
}
