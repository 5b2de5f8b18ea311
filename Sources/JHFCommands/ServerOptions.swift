import Logging

/// The options `jhf serve` and `jhf witness serve` share, checked the same way.
enum ServerOptions {
    /// How often a standby asks for the sequencer lock.
    static let standbyPollMilliseconds = 500

    /// `--listen HOST:PORT`.
    static func listen(_ text: String) throws -> (host: String, port: Int) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port) else {
            throw CLIFailure("error [argument]: listen: must be HOST:PORT with a port from 0 to 65535")
        }
        return (String(text[..<colon]), port)
    }

    /// `--log-level`.
    static func logLevel(_ text: String) throws -> Logger.Level {
        guard let level = Logger.Level(rawValue: text) else {
            throw CLIFailure("error [argument]: log-level: must be trace, debug, info, notice, warning, error or critical")
        }
        return level
    }
}
