import Foundation
import LedgerCore

/// Writes to standard output and standard error; reads confirmations.
enum Console {
    static func out(_ text: String, terminator: String = "\n") { write(1, text + terminator) }

    /// An error or notice for a person: each line shown with controls and bidi overrides
    /// escaped, since errors quote input (field names, values, file contents).
    static func error(_ text: String) {
        write(2, text.split(separator: "\n", omittingEmptySubsequences: false).map { DisplayText.escaped(String($0)) }.joined(separator: "\n") + "\n")
    }

    /// Writes all of `text`; a reader that went away (`jhf … | head -1`) ends the output quietly.
    static func write(_ fd: Int32, _ text: String) {
        let bytes = Array(text.utf8)
        var done = 0
        while done < bytes.count {
            let n = bytes[done...].withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return }
            done += n
        }
    }

    /// Asks a yes/no question on standard input; only "y" or "yes" is yes.
    static func confirm(_ question: String) -> Bool {
        write(1, "\(question) [y/N] ")
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
