import Foundation

#if JHF_LIBFUZZER
/// libFuzzer's entry point (the build passes `-sanitize=fuzzer,address -D JHF_LIBFUZZER`); the
/// target is chosen by the environment, one process per target.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzTargets.run(target, Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

let target: String = {
    guard let t = ProcessInfo.processInfo.environment["JHF_FUZZ_TARGET"], FuzzTargets.names.contains(t) else {
        fatalError("set JHF_FUZZ_TARGET to one of \(FuzzTargets.names.joined(separator: ", "))")
    }
    return t
}()
#else
/// Without libFuzzer: `jhf-fuzz TARGET FILE…` runs each file through the target once, so the
/// seed corpus (and any crash the fuzzer saved) is replayed by `swift test`.
@main
struct Replay {
    static func main() {
        let args = CommandLine.arguments.dropFirst()
        guard let target = args.first, FuzzTargets.names.contains(target) else {
            FileHandle.standardError.write(Data("usage: jhf-fuzz \(FuzzTargets.names.joined(separator: "|")) FILE…\n".utf8))
            exit(2)
        }
        var n = 0
        for file in args.dropFirst() {
            guard let data = FileManager.default.contents(atPath: file) else {
                FileHandle.standardError.write(Data("cannot read \(file)\n".utf8))
                exit(2)
            }
            FuzzTargets.run(target, Array(data))
            n += 1
        }
        print("\(target): \(n) input(s) ran")
    }
}
#endif
