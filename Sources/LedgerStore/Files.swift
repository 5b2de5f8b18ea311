import Foundation

func fileExists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

/// Writes a file beside its final name (`.partial`), syncs it, runs `beforeRename` (e.g. records
/// the file in the store), then renames it into place; on any error the partial file is removed.
public func writeAtomically(_ path: String, beforeRename: () throws(StoreError) -> Void = {}, _ body: (FileHandle) throws(StoreError) -> Void) throws(StoreError) {
    let tmp = path + ".partial"
    guard FileManager.default.createFile(atPath: tmp, contents: nil), let w = FileHandle(forWritingAtPath: tmp) else {
        throw StoreError(.io, field: "out", "cannot create \(tmp)")
    }
    do {
        try body(w)
        try w.synchronize()
        try w.close()
        try beforeRename()
        try FileManager.default.moveItem(atPath: tmp, toPath: path)
    } catch let e as StoreError {
        try? FileManager.default.removeItem(atPath: tmp)
        throw e
    } catch {
        try? FileManager.default.removeItem(atPath: tmp)
        throw StoreError(.io, "cannot write \(path): \(error.localizedDescription)")
    }
}
