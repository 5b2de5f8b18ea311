import Hummingbird
import LedgerStore

/// Builds the service application over a ledger database.
public enum Service {
    public static func application(database: String, host: String, port: Int) throws(StoreError) -> some ApplicationProtocol {
        let ledger = try LedgerActor(path: database)
        return Application(router: Routes.router(ledger), configuration: .init(address: .hostname(host, port: port), serverName: "jhf-ledger"))
    }
}
