import Foundation
import LedgerCore

/// Writes to standard output and standard error; reads confirmations.
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Asks a yes/no question on standard input; only "y" or "yes" is yes.
    static func confirm(_ question: String) -> Bool {
        FileHandle.standardOutput.write(Data("\(question) [y/N] ".utf8))
        guard let answer = readLine() else { return false }
        return ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
    }
}

/// The wall clock, as ledger timestamps. `JHF_NOW` (a timestamp) fixes it, for reproducible runs.
enum Clock {
    static func now() throws -> String {
        if let fixed = ProcessInfo.processInfo.environment["JHF_NOW"] {
            if let p = FieldRules.timestamp(fixed) { throw CLIFailure("error: JHF_NOW \(p)") }
            return fixed
        }
        return Timestamp.string(unixSeconds: Int64(Date().timeIntervalSince1970))
    }
}
