import LedgerCore
import LedgerStore

/// The one owner of the store inside the service: every read and write goes through
/// this actor, so SQLite sees one connection used by one task at a time.
public actor LedgerActor {
    private let store: LedgerStore

    public init(path: String) throws(StoreError) {
        store = try LedgerStore(path: path)
    }

    /// What `GET /v1/ledger` reports.
    public struct Info: Sendable {
        public let ledgerID: String
        public let size: Int64
        public let genesisHash: Hash?
        public let headHash: Hash?
    }

    public func info() throws(StoreError) -> Info {
        let s = store.state
        return Info(ledgerID: try store.ledgerID(), size: s.size, genesisHash: s.genesisHash, headHash: s.size > 0 ? s.headHash : nil)
    }

    /// Up to `limit` committed entries from `seq`: their seq and canonical bytes.
    public func entries(from seq: Int64, limit: Int) throws(StoreError) -> [EntryRow] {
        try store.entries(from: seq, limit: limit)
    }
}
