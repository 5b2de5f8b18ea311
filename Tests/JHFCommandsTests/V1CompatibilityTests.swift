import Foundation
import LedgerCore
import Testing

/// Every v1 ledger the tools wrote still verifies under v1.1, with the same report: a ledger
/// written by the format v1 release (Fixtures/v1-ledger/make.sh, run with that release's `jhf`)
/// and that release's own `verify` output, text and JSON, compared byte for byte.
@Suite struct V1CompatibilityTests {
    static let dir = Repo.path("Tests/JHFCommandsTests/Fixtures/v1-ledger")

    @Test func theV1ReleasesLedgerGetsTheV1ReleasesReport() throws {
        let text = try jhf("verify", "--bundle", "\(Self.dir)/bundle")
        #expect(text.status == 0 && text.stderr.isEmpty, "\(text)")
        let expectedText = try read("\(Self.dir)/verify.txt")
        #expect(text.stdout == expectedText)
        let json = try jhf("verify", "--bundle", "\(Self.dir)/bundle", "--json")
        let expectedJSON = try read("\(Self.dir)/verify.json")
        #expect(json.status == 0 && json.stdout == expectedJSON)
    }

    @Test func theGoldenBundleVerifiesWithoutV11Members() throws {
        let o = try jhf("verify", "--bundle", Repo.path("Tests/LedgerCoreTests/Fixtures/golden"), "--json")
        #expect(o.status == 0, "\(o)")
        let v = try JSONParser.parse(Array(o.stdout.utf8))
        guard case .object(let report) = v else { Issue.record("not an object"); return }
        #expect(report["ok"] == .bool(true) && report["commitments"] == nil && report["suspensions"] == nil)
    }
}
