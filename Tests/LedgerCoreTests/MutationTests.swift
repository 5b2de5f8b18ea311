import Foundation
import Testing
@testable import LedgerCore

/// Random damage to a 200-entry export: every change is detected, except exactly the two
/// classes a hash chain cannot see without a pinned head or a checkpoint — entries removed
/// from the end, and the last entry's unsigned `committed_at` changed to another
/// well-formed time not earlier than the entry before it.
@Suite struct MutationTests {
    static let entryCount = 200
    static let ledger: LedgerBuilder = {
        var b = LedgerBuilder(ledgerID: Scenario.ledgerID)
        let g = Scenario.genesisBody(&b)
        b.append(.genesis(g), approvers: ["shcp-ana", "usaid-ben"], committedAt: Scenario.t0)
        let shcp = ["shcp-ana", "shcp-carlos"], usaid = ["usaid-ben", "usaid-dana"]
        var i = 1
        while b.lines.count < entryCount {
            let approvers = [shcp[i % 2], usaid[(i / 2) % 2]]
            let body: Body
            if i % 10 == 0 {
                body = .reversal(ReversalBody(id: "R-\(i)", reverses: "D-\(i - 1)", reason: "Returned by the bank", proposedAt: "2026-11-02T09:00:00Z"))
            } else if i == 55 {
                body = .budgetUpdate(BudgetUpdateBody(id: "B-\(i)", budgets: [Budget(category: .oversightGovernance, currency: "USD", amount: 9_000_000)],
                                                      reason: "Oversight envelope", proposedAt: "2026-11-02T09:00:00Z"))
            } else {
                body = Scenario.disbursement("D-\(i)", amount: Int64(1_000 + i), currency: i % 3 == 0 ? "USD" : "MXN", purpose: "Payment \(i)", n: i)
            }
            let failures = b.append(body, approvers: approvers, committedAt: Scenario.time(i * 60))
            precondition(failures.isEmpty, "\(failures)")
            i += 1
        }
        return b
    }()
    static let file = ledger.entriesFile

    static func verdict(_ bytes: [UInt8]) -> VerifyReport {
        var v = Verifier(jobs: 1)
        v.feed(splitLines(bytes))
        return v.finish()
    }

    /// True when `mutated` differs from the original only in the last entry's committed_at,
    /// and that value is a well-formed time not earlier than the previous entry's.
    static func isUndetectableEdit(_ mutated: [UInt8]) -> Bool {
        let original = splitLines(file), lines = splitLines(mutated)
        guard lines.count == original.count, lines.last?.terminated == true,
              zip(lines.dropLast(), original.dropLast()).allSatisfy({ $0.bytes == $1.bytes }),
              let edited = try? JSONParser.parse(lines.last!.bytes), JSONCanonical.isCanonical(lines.last!.bytes, value: edited),
              let before = try? JSONParser.parse(original.last!.bytes),
              edited.setting("committed_at", nil) == before.setting("committed_at", nil),
              case .string(let time)? = edited["committed_at"], FieldRules.timestamp(time) == nil,
              case .string(let previous)? = (try? JSONParser.parse(original[original.count - 2].bytes))?["committed_at"]
        else { return false }
        return !time.utf8.lexicographicallyPrecedes(previous.utf8)
    }

    @Test func theUndamagedExportIsValid() {
        let r = Self.verdict(Self.file)
        #expect(r.ok, "\(r.failures.prefix(3))")
        #expect(r.entries == Int64(Self.entryCount))
    }

    /// 1,000 single-byte changes at random positions, in 10 groups that run in parallel.
    /// The seed is fixed so a failure can be replayed; the trial number is in the message.
    @Test(arguments: 0..<10)
    func randomByteChangesAreDetected(group: Int) {
        var rng = SplitMix64(seed: 0x4A48_465F_4C45_4447 &+ UInt64(group))
        for trial in 0..<100 {
            var bytes = Self.file
            let at = Int(rng.next() % UInt64(bytes.count))
            let old = bytes[at]
            bytes[at] = UInt8(truncatingIfNeeded: old &+ UInt8(1 + rng.next() % 255))
            let report = Self.verdict(bytes)
            let expectValid = Self.isUndetectableEdit(bytes)
            #expect(report.ok == expectValid,
                    "group \(group) trial \(trial): byte \(at) \(old) → \(bytes[at]); expected \(expectValid ? "valid" : "a failure")")
        }
    }

    /// Every digit of the last entry's committed_at set to every other digit: later,
    /// well-formed times pass (the documented blind spot); anything else is caught.
    @Test func lastCommittedAtEditsAreCaughtExactlyWhenTheyMustBe() {
        let lastLine = Self.ledger.lines.last!
        let start = Self.file.count - lastLine.count - 1
        let key = Array(#""committed_at":""#.utf8)
        let offset = (0...lastLine.count - key.count).first { Array(lastLine[$0..<$0 + key.count]) == key }! + key.count
        var undetectable = 0, caught = 0
        for i in 0..<20 {
            for digit in UInt8(ascii: "0")...UInt8(ascii: "9") {
                var bytes = Self.file
                guard bytes[start + offset + i] != digit else { continue }
                bytes[start + offset + i] = digit
                let expectValid = Self.isUndetectableEdit(bytes)
                #expect(Self.verdict(bytes).ok == expectValid, "character \(i) set to \(Character(UnicodeScalar(digit)))")
                if expectValid { undetectable += 1 } else { caught += 1 }
            }
        }
        // Both classes occur: later years are well-formed; months 13–19, or earlier times, are not accepted.
        #expect(undetectable > 0)
        #expect(caught > 0)
    }

    @Test func droppingAnyLineButTheLastIsDetected() {
        let lines = Self.ledger.lines
        for i in 0..<lines.count - 1 {
            var copy = lines
            copy.remove(at: i)
            #expect(!verify(copy).ok, "dropping line \(i) went unnoticed")
        }
    }

    @Test func truncationFromTheEndIsTheOtherBlindSpot() {
        let lines = Self.ledger.lines
        for k in [1, 2, 50, 199] {
            #expect(verify(Array(lines.dropLast(k))).ok, "a chain cut \(k) from the end is still a valid chain")
        }
        // But not when the head is known: removing everything is an empty export.
        #expect(!verify([]).ok)
    }

    @Test(arguments: [(0, 1), (1, 2), (5, 6), (17, 90), (100, 199), (198, 199), (0, 199)])
    func swappingTwoLinesIsDetected(_ a: Int, _ b: Int) {
        var lines = Self.ledger.lines
        lines.swapAt(a, b)
        #expect(!verify(lines).ok)
    }

    @Test(arguments: [0, 1, 10, 99, 198, 199])
    func duplicatingALineIsDetected(_ i: Int) {
        var lines = Self.ledger.lines
        lines.insert(lines[i], at: i + 1)
        #expect(!verify(lines).ok, "duplicate of line \(i) right after it")
        var appended = Self.ledger.lines
        appended.append(appended[i])
        #expect(!verify(appended).ok, "duplicate of line \(i) at the end")
    }

    @Test func randomReorderingsAreDetected() {
        var rng = SplitMix64(seed: 7)
        for trial in 0..<20 {
            var lines = Self.ledger.lines
            // Move one line to another place.
            let from = Int(rng.next() % UInt64(lines.count))
            var to = Int(rng.next() % UInt64(lines.count))
            if to == from { to = (from + 1) % lines.count }
            let line = lines.remove(at: from)
            lines.insert(line, at: to)
            #expect(!verify(lines).ok, "trial \(trial): line \(from) moved to \(to)")
        }
    }
}

/// A small, seedable generator (Steele, Lea and Flood's SplitMix64) so failures replay.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
