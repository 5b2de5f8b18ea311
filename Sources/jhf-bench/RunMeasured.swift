import ArgumentParser
import Foundation

/// `jhf-bench run-measured PROGRAM ARGS…`: runs a program and prints
/// `EXIT SECONDS PEAK_RSS_KIB` (helper of `Measure.child`; not for direct use).
struct RunMeasured: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run-measured", abstract: "Run a program; print its exit status, wall time and peak RSS (KiB).", shouldDisplay: false)

    @Argument(help: "The program to run.") var program: String
    @Argument(parsing: .captureForPassthrough, help: "Its arguments.") var arguments: [String] = []

    func run() throws {
        var usage = rusage()
        let start = Measure.now()
        let (status, _) = try Measure.spawn(program, arguments, captureOutput: false, usage: &usage)
        print("\(status) \(String(format: "%.4f", Measure.now() - start)) \(usage.ru_maxrss)")
    }
}
