import Foundation
import Testing

/// The fuzz targets' seed corpus (Tests/Fuzz/corpus) replayed through a plain build of
/// `jhf-fuzz`: every input runs without a crash, and every target has inputs. The libFuzzer
/// runs themselves are Tests/Fuzz/run.sh, in the README's test command.
@Suite struct FuzzCorpusTests {
    @Test(arguments: ["json", "note", "camt053", "csv"])
    func theSeedCorpusRunsClean(_ target: String) throws {
        let dir = Repo.path("Tests/Fuzz/corpus/\(target)")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).sorted().map { "\(dir)/\($0)" }
        #expect(files.count >= 3, "\(target): a seed corpus of at least three inputs")
        let o = try run(Repo.products.appendingPathComponent("jhf-fuzz").path, [target] + files)
        #expect(o.status == 0 && o.stdout == "\(target): \(files.count) input(s) ran\n", "\(o)")
    }
}
