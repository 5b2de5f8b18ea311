import Foundation
import Testing
import LedgerCore
@testable import LedgerStore

/// The database and its -wal and -shm files are never readable by group or others, and an
/// output file is put in place only where nothing is; each case under umask 022.
@Suite(.serialized) struct FilePermissionTests {
    let base: LedgerStoreTests

    init() throws { base = try LedgerStoreTests() }

    func mode(_ path: String) -> Int {
        var st = stat()
        guard stat(path, &st) == 0 else { return -1 }
        return Int(st.st_mode & 0o777)
    }

    /// Runs `body` with the process's umask at 022 (the suite is serialized; the umask is restored).
    func withUmask022<T>(_ body: () throws -> T) rethrows -> T {
        let old = umask(0o022)
        defer { umask(old) }
        return try body()
    }

    @Test func theDatabaseAndItsWALAreCreated0600() throws {
        try withUmask022 {
            let (store, keys) = try base.makeStore()
            // While the store is open (and has written), all three files exist.
            let p = try base.propose(store, "D-1", amount: 5)
            _ = try store.approve(id: "D-1", keyName: "shcp-ana", signature: keys["shcp-ana"]!.sign(p.body.approvalMessage(ledgerID: p.ledgerID)), now: "2026-11-02T00:00:01Z")
            for file in [base.dbPath, base.dbPath + "-wal", base.dbPath + "-shm"] { #expect(mode(file) == 0o600, "\(file)") }
        }
    }

    @Test(arguments: ["", "-wal", "-shm"])
    func aDatabaseOthersMayReadIsRefusedAndLeftAsItIs(suffix: String) throws {
        let (store, _) = try base.makeStore()
        _ = store
        let file = base.dbPath + suffix
        if !FileManager.default.fileExists(atPath: file) { FileManager.default.createFile(atPath: file, contents: nil) }
        chmod(file, 0o640)
        let before = try Data(contentsOf: URL(fileURLWithPath: base.dbPath))
        #expect {
            _ = try LedgerStore(path: base.dbPath)
        } throws: { e in
            guard let e = e as? StoreError else { return false }
            return e.code == .invalid && e.field == "db" && e.message.contains("run chmod 600 \(file)") && e.message.contains("mode 640")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: base.dbPath)) == before)
        #expect(mode(file) == 0o640)
    }

    @Test func anOutputFileNeverReplacesOne() throws {
        let path = "\(base.dir)/out.txt"
        try Data("keep".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.self) {
            try writeAtomically(path, mode: FileMode.secret) { (w: FileHandle) throws(StoreError) in try? w.write(contentsOf: Data("new".utf8)) }
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep")
        #expect(!FileManager.default.fileExists(atPath: path + ".partial"))
    }

    @Test func aFailedRecordRemovesThePlacedFile() throws {
        let path = "\(base.dir)/recorded.txt"
        #expect(throws: StoreError.self) {
            try writeAtomically(path, mode: FileMode.secret, record: { (place) throws(StoreError) in
                try place()
                #expect(FileManager.default.fileExists(atPath: path))
                throw StoreError(.io, "the commit failed")
            }) { (w: FileHandle) throws(StoreError) in try? w.write(contentsOf: Data("x".utf8)) }
        }
        #expect(!FileManager.default.fileExists(atPath: path) && !FileManager.default.fileExists(atPath: path + ".partial"))
        // A record that never places the file leaves nothing either, and says so.
        #expect(throws: StoreError.self) {
            try writeAtomically(path, mode: FileMode.secret, record: { _ throws(StoreError) in }) { _ throws(StoreError) in }
        }
        #expect(!FileManager.default.fileExists(atPath: path) && !FileManager.default.fileExists(atPath: path + ".partial"))
        try withUmask022 {
            try writeAtomically(path, mode: FileMode.secret) { (w: FileHandle) throws(StoreError) in try? w.write(contentsOf: Data("x".utf8)) }
        }
        #expect(mode(path) == 0o600)
    }
}
