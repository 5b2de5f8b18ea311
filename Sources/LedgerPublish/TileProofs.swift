import LedgerCore
import LedgerStore

/// Proofs read from published tiles (SPEC §11): an entry's inclusion proof, and consistency
/// between two checkpoints, rebuilt from the hash tiles with the same `Merkle` functions a
/// store uses, and checked against the checkpoint's root before they are handed out.
public enum TileProofs {
    /// The published checkpoint's note and parsed text.
    public static func checkpoint(_ source: some TileSource) throws(StoreError) -> (note: [UInt8], checkpoint: Checkpoint) {
        guard let note = try source.fetch("checkpoint") else { throw StoreError(.notFound, field: "tiles", "\(source.name) has no checkpoint") }
        do throws(LedgerError) { return (note, try Checkpoint(text: try SignedNote(parsing: note).text)) } catch {
            throw StoreError(.invalid, field: "checkpoint", "the published checkpoint is not acceptable: \(error.message)")
        }
    }

    /// The hash tiles of a tree of `size` as a node reader.
    static func nodes(_ source: some TileSource, size: Int64) -> TileNodes {
        TileNodes(size: size) { ref in
            guard let bytes = try TileReader.fetchTile(ref, from: source) else { throw StoreError(.notFound, field: "tiles", "\(ref.path) is missing") }
            guard bytes.count % 32 == 0 else { throw StoreError(.invalid, field: "tiles", "\(ref.path) is not a whole number of hashes") }
            return stride(from: 0, to: bytes.count, by: 32).map { Hash(uncheckedBytes: Array(bytes[$0..<$0 + 32])) }
        }
    }

    /// A proof that the entry with `id` is in the published log: the entry bundles are read in
    /// order until it is found.
    public static func entryProof(_ source: some TileSource, id: String) throws(StoreError) -> EntryProof {
        let (note, c) = try checkpoint(source)
        let needle = JSONValue.string(id)
        for ref in TileLayout.entryBundles(size: c.size) {
            guard let bytes = try TileReader.fetchTile(ref, from: source) else { throw StoreError(.notFound, field: "tiles", "\(ref.path) is missing") }
            let entries: [ArraySlice<UInt8>]
            do throws(LedgerError) { entries = try EntryBundle.decode(bytes, count: ref.width, path: ref.path) } catch {
                throw StoreError(.invalid, field: "tiles", error.message)
            }
            for (i, e) in entries.enumerated() {
                guard case .object(let o)? = try? JSONParser.parse(Array(e)), case .object(let body)? = o["body"], body["id"] == needle else { continue }
                let seq = ref.index * Int64(TileLayout.width) + Int64(i)
                var reader = nodes(source, size: c.size)
                let proof: InclusionProof
                do {
                    let path = try Merkle.inclusionPath(index: seq, size: c.size) { level, index in try reader.node(level: level, index: index) }
                    proof = InclusionProof(leafIndex: seq, treeSize: c.size, path: path)
                    try proof.verify(leaf: Hash.leaf(e), root: c.root)
                } catch let error as StoreError {
                    throw error
                } catch {
                    throw StoreError(.invalid, field: "tiles", "the published tiles do not lead to the checkpoint's root: \(error)")
                }
                return EntryProof(entry: Array(e), inclusion: proof, checkpoint: note)
            }
        }
        throw StoreError(.notFound, field: "id", "no published entry has id \(id)")
    }

    /// The consistency proof from the tree of `first` entries to the published checkpoint's.
    public static func consistency(_ source: some TileSource, first: Int64, second: Int64) throws(StoreError) -> ConsistencyProof {
        var reader = nodes(source, size: second)
        do {
            let path = try Merkle.consistencyPath(first: first, second: second) { level, index in try reader.node(level: level, index: index) }
            return ConsistencyProof(first: first, second: second, path: path)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.invalid, field: "tiles", "no consistency proof from \(first) to \(second) in the published tiles: \(error)")
        }
    }
}
