import LedgerCore

/// Reads of v1.1 commitments and suspensions: the replay's figures with the signed bodies.
extension LedgerStore {
    /// The commitment `id` with its figures now, or nil if no committed commitment has that id.
    public func commitmentView(id: String) throws(StoreError) -> CommitmentView? {
        guard let record = state.commitment(id) else { return nil }
        return try view(of: record)
    }

    /// Commitments in chain order, from position `after` (0-based), at most `limit`; and the
    /// position to continue from, if more remain.
    public func commitmentViews(after: Int, limit: Int) throws(StoreError) -> (views: [CommitmentView], next: Int?) {
        let all = state.book.commitments
        guard after < all.count else { return ([], nil) }
        let end = min(all.count, after + limit)
        var out: [CommitmentView] = []
        for r in all[after..<end] { out.append(try view(of: r)) }
        return (out, end < all.count ? end : nil)
    }

    /// Suspension entries in chain order; with `activeOnly`, the suspends not yet resumed.
    public func suspensionViews(activeOnly: Bool) throws(StoreError) -> [SuspensionView] {
        var out: [SuspensionView] = []
        var openAt: [SuspensionScope: Int] = [:]
        let seqs = activeOnly ? state.book.activeInOrder.map(\.seq) : state.book.suspensionSeqs
        for seq in seqs {
            let (entry, _) = try committedEntry(seq: seq)
            guard case .suspension(let s) = entry.body else { throw StoreError(.corrupt, "entry \(seq) is not the suspension the replay recorded") }
            if s.action == .resume, let i = openAt.removeValue(forKey: s.scope) {
                out[i] = SuspensionView(body: out[i].body, seq: out[i].seq, committedAt: out[i].committedAt, resumedSeq: seq)
            }
            if s.action == .suspend { openAt[s.scope] = out.count }
            out.append(SuspensionView(body: s, seq: seq, committedAt: entry.committedAt, resumedSeq: nil))
        }
        return out
    }

    private func view(of record: CommitmentRecord) throws(StoreError) -> CommitmentView {
        let (entry, _) = try committedEntry(seq: record.seq)
        guard case .commitment(let body) = entry.body else { throw StoreError(.corrupt, "entry \(record.seq) is not the commitment the replay recorded") }
        var amendments: [CommitmentView.Amendment] = []
        for seq in record.amendmentSeqs {
            let (e, _) = try committedEntry(seq: seq)
            guard case .amendment(let a) = e.body else { throw StoreError(.corrupt, "entry \(seq) is not the amendment the replay recorded") }
            amendments.append(.init(id: a.id, seq: seq, committedAt: e.committedAt, amount: a.amount, reason: a.reason))
        }
        return CommitmentView(body: body, committedAt: entry.committedAt, status: .init(record: record, book: state.book), amendments: amendments)
    }

    /// The decoded entry at `seq`, which the replay accepted.
    func committedEntry(seq: Int64) throws(StoreError) -> (Entry, EntryRow) {
        guard let row = try entries(from: seq, limit: 1).first, row.seq == seq else {
            throw StoreError(.corrupt, "entry \(seq) is missing from the store")
        }
        do {
            return (try Entry(json: try JSONParser.parse(row.canonical)), row)
        } catch {
            throw StoreError(.corrupt, "entry \(seq) does not decode: \(error.message)")
        }
    }
}
