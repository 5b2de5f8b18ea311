import ArgumentParser
import Dispatch
import Foundation
import LedgerCore
import LedgerStore

/// `--quiet`: no progress line.
struct ProgressOptions: ParsableArguments {
    @Flag(help: "Show no progress on standard error (it is shown only when standard error is a terminal).") var quiet = false
}

/// A progress line on standard error for long work: what is done of what, the rate, and the
/// time left when the whole is known. Shown only when standard error is a terminal and
/// `--quiet` was not given; redrawn at most four times a second; never on standard output,
/// so it cannot mix with a report or JSON.
final class ProgressLine: @unchecked Sendable {
    private let verb: String
    private let unit: String
    private let enabled: Bool
    private let started = DispatchTime.now().uptimeNanoseconds
    private var lastDrawn: UInt64 = 0
    private var drawn = false

    init(_ verb: String, unit: String = "entries", options: ProgressOptions) {
        self.verb = verb
        self.unit = unit
        enabled = !options.quiet && isatty(2) == 1
    }

    /// The callback to hand to the work, or nil when nothing is shown.
    var callback: ((ReplayProgress) -> Void)? { enabled ? { [self] in update($0) } : nil }

    func update(_ p: ReplayProgress) {
        let now = DispatchTime.now().uptimeNanoseconds
        guard enabled, now - lastDrawn >= 250_000_000 || p.fraction == 1 else { return }
        lastDrawn = now
        let seconds = Double(now - started) / 1e9
        var text = "\(verb): \(DecimalAmount.grouped(String(p.done))) \(unit)"
        if let f = p.fraction { text += String(format: " (%.0f%%)", min(f, 1) * 100) }
        if seconds > 0.5 { text += ", \(DecimalAmount.grouped(String(Int64(Double(p.done) / seconds))))/s" }
        if let f = p.fraction, f > 0.01, f < 1, seconds > 1 { text += ", about \(Self.duration(seconds * (1 - f) / f)) left" }
        Console.write(2, "\r\u{1B}[K" + text)
        drawn = true
    }

    /// Clears the line, so what follows starts on a clean one.
    func finish() {
        if drawn { Console.write(2, "\r\u{1B}[K") }
        drawn = false
    }

    static func duration(_ s: Double) -> String {
        s < 90 ? "\(Int(s.rounded())) s" : s < 5400 ? "\(Int((s / 60).rounded())) min" : String(format: "%.1f h", s / 3600)
    }
}
