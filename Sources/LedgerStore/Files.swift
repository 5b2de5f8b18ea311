import Foundation

func fileExists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }
