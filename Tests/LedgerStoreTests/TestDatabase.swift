import Foundation
import JHFTestSupport
@testable import LedgerStore

/// A ledger database for one test on one engine: a file in the test's temporary directory, or
/// a new database in the tests' PostgreSQL cluster. The store suites run every test that is
/// about the store's behaviour on both (`StoreEngine.allCases`).
struct TestDatabase {
    let engine: StoreEngine
    /// The database argument: a path, or a `postgresql://` URL.
    let location: String

    /// No database yet (a suite's value before its test makes one).
    static let none = TestDatabase(engine: .sqlite, location: "")

    private init(engine: StoreEngine, location: String) { (self.engine, self.location) = (engine, location) }

    init(_ engine: StoreEngine, dir: String) throws {
        self.engine = engine
        switch engine {
        case .sqlite: location = "\(dir)/ledger.sqlite"
        case .postgresql: location = try PostgresCluster.shared.get().makeDatabase()
        }
    }

    /// A connection past the store, as someone with the database (and the owner's rights) could open one.
    func raw() throws -> any SQLConnection {
        switch try StoreLocation(location) {
        case .sqlite(let path): return try SQLiteConnection(path: path, readOnly: false)
        case .postgresql(let address): return try PostgresSQLConnection(address)
        }
    }

    /// A statement written in SQLite's dialect, in this engine's.
    func sql(_ sqlite: String) -> String {
        guard engine == .postgresql else { return sqlite }
        let text = #/CAST\(replace\(CAST\((\w+) AS TEXT\), ('[^']*'), ('[^']*')\) AS BLOB\)/#
        return sqlite.replacingOccurrences(of: "zeroblob(32)", with: "decode(repeat('00', 32), 'hex')")
            .replacingOccurrences(of: "x'00'", with: "'\\x00'::bytea")
            .replacing(text) { m in "convert_to(replace(convert_from(\(m.1), 'UTF8'), \(m.2), \(m.3)), 'UTF8')" }
    }

    /// Takes the append-only triggers of `table` away, as an attacker with the database could
    /// (on PostgreSQL, its foreign-key checks too, which SQLite's raw connection does not make).
    func dropTriggers(_ names: [String], on table: String) throws {
        let c = try raw()
        switch engine {
        case .sqlite: try c.exec(names.map { "DROP TRIGGER \($0)" }.joined(separator: "; "))
        case .postgresql: try c.exec("ALTER TABLE \(table) DISABLE TRIGGER ALL")
        }
    }
}
