import LedgerCore

extension LedgerStore {
    /// Checks a proposal whose id is already taken: returns if it repeats the stored one, as
    /// made by the same proposer from the same input (the repeat changes nothing), and throws
    /// a conflict otherwise.
    ///
    /// The answer must tell nothing about a sealed record to a caller who may not read it.
    /// Anyone but the proposer who made it gets one answer, the id is taken, whatever they
    /// sent: nothing of theirs is compared. The proposer who made it is told which public
    /// fields differ, and only that `sealed` does, never which of its fields.
    func checkRepeat(_ d: ProposalDraft) throws(StoreError) {
        let s = try db.prepare("SELECT proposed_by, input FROM proposals WHERE id = ?").bind(.text(d.id))
        defer { s.reset() }
        guard try s.step() else { throw StoreError(.corrupt, "proposal \(d.id) vanished while being read") }
        guard Proposer(column: s.text(0)) == d.proposer, !s.isNull(1) else {
            throw StoreError(.conflict, field: "id", rule: .r9,
                             "a proposal with id \(d.id) already exists; choose another id (only whoever made it can repeat it)")
        }
        let stored = s.blob(1)
        // Both are canonical JSON: equal bytes are exactly equal input.
        if Bytes.equal(stored, d.submittedBytes) { return }
        let storedValue: JSONValue
        do { storedValue = try JSONParser.parse(stored) } catch { throw StoreError(.corrupt, "stored input of proposal \(d.id) does not decode") }
        var differing: [String] = []
        for path in JSONDiff.paths(storedValue, d.submitted) {
            var name = path.hasPrefix("body.") ? String(path.dropFirst(5)) : path
            if name == "sealed" || name.hasPrefix("sealed.") || name.hasPrefix("sealed[") { name = "sealed" }
            if !differing.contains(where: { $0.sameUTF8(name) }) { differing.append(name) }
        }
        if differing.isEmpty { differing = ["body"] }
        throw StoreError(.conflict, field: differing.joined(separator: ","), rule: .r9,
                         "a different proposal with id \(d.id) already exists; fields that differ: \(differing.joined(separator: ", "))")
    }
}
