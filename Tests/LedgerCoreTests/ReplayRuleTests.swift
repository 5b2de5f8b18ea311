import Foundation
import Testing
@testable import LedgerCore

/// One named way to break a valid ledger, and the rule that must catch it.
struct Mutation: Sendable, CustomTestStringConvertible {
    let name: String
    let rule: Rule
    let make: @Sendable () -> (lines: [[UInt8]], sealed: [[UInt8]], lastTerminated: Bool, pinned: Hash?)
    var testDescription: String { "\(rule.rawValue) \(name)" }

    init(_ rule: Rule, _ name: String, lastTerminated: Bool = true, pinned: Hash? = nil, sealed: (@Sendable (LedgerBuilder) -> [[UInt8]])? = nil,
         _ edit: @escaping @Sendable (inout LedgerBuilder, inout [[UInt8]]) -> Void) {
        self.name = name
        self.rule = rule
        make = {
            var b = Scenario.base()
            var lines = b.lines
            edit(&b, &lines)
            let s = sealed?(b) ?? []
            return (lines, s, lastTerminated, pinned)
        }
    }
}

private let t9 = "2026-11-03T00:00:00Z"
private let nextTime = "2026-11-04T00:00:00Z"

/// Appends `body` signed by `approvers` to both the builder and the exported lines.
private func add(_ b: inout LedgerBuilder, _ lines: inout [[UInt8]], _ body: Body, _ approvers: [String] = ["shcp-ana", "usaid-ben"], at: String = nextTime) {
    b.append(body, approvers: approvers, committedAt: at)
    lines = b.lines
}

private func addRaw(_ b: inout LedgerBuilder, _ lines: inout [[UInt8]], _ line: [UInt8]) {
    b.append(line: line)
    lines = b.lines
}

private func keyUpdate(_ id: String, add: [KeyObject] = [], revoke: [String] = []) -> Body {
    .keyUpdate(KeyUpdateBody(id: id, add: add, revoke: revoke, reason: "Rotation", proposedAt: "2026-11-02T12:00:00Z"))
}

private func replaceBytes(_ line: [UInt8], _ from: String, _ to: String) -> [UInt8] {
    Array(String(decoding: line, as: UTF8.self).replacingOccurrences(of: from, with: to).utf8)
}

/// Adds S + L to a signature's S half: same point equation, non-canonical scalar.
private func nonCanonicalS(_ sig: [UInt8]) -> [UInt8] {
    let l = hex("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010")
    var out = sig
    var carry = 0
    for i in 0..<32 {
        let v = Int(sig[32 + i]) + Int(l[i]) + carry
        out[32 + i] = UInt8(v & 0xFF)
        carry = v >> 8
    }
    return out
}

let mutations: [Mutation] = [
    // R1 framing
    Mutation(.r1, "duplicate JSON key") { _, l in l[2] = replaceBytes(l[2], #""seq":2"#, #""seq":2,"seq":2"#) },
    Mutation(.r1, "float amount") { _, l in l[1] = replaceBytes(l[1], #""amount":100000"#, #""amount":100000.0"#) },
    Mutation(.r1, "insignificant white space") { _, l in l[1] = replaceBytes(l[1], #""kind":"#, #""kind": "#) },
    Mutation(.r1, "last line without newline", lastTerminated: false) { _, _ in },
    Mutation(.r1, "invalid UTF-8 byte") { _, l in l[1] = replaceBytes(l[1], "Clínica", "Cl") ; l[1].insert(0xFF, at: 40) },
    Mutation(.r1, "blank line") { _, l in l.append([]) },
    Mutation(.r1, "members out of order") { _, l in l[3] = replaceBytes(l[3], #""approvals":"#, #""zzz":1,"approvals":"#).dropFirst(0).map { $0 } },
    // R2 sequence
    Mutation(.r2, "seq skipped") { b, l in addRaw(&b, &l, Scenario.signedLine(b, kind: "reversal", body: ReversalBody(id: "R-2", reverses: "D-2", reason: "x", proposedAt: t9).json, approvers: ["shcp-ana", "usaid-ben"], committedAt: nextTime, seq: 5)) },
    Mutation(.r2, "line dropped from the middle") { _, l in l.remove(at: 1) },
    Mutation(.r2, "line duplicated") { _, l in l.insert(l[1], at: 2) },
    // R3 link
    Mutation(.r3, "prev_hash of an older entry") { b, l in addRaw(&b, &l, Scenario.signedLine(b, kind: "reversal", body: ReversalBody(id: "R-2", reverses: "D-2", reason: "x", proposedAt: t9).json, approvers: ["shcp-ana", "usaid-ben"], committedAt: nextTime, prevHash: Hash.leaf(b.lines[1]))) },
    Mutation(.r3, "zero prev_hash after genesis") { b, l in addRaw(&b, &l, Scenario.signedLine(b, kind: "reversal", body: ReversalBody(id: "R-2", reverses: "D-2", reason: "x", proposedAt: t9).json, approvers: ["shcp-ana", "usaid-ben"], committedAt: nextTime, prevHash: .zero)) },
    Mutation(.r3, "lines swapped") { _, l in l.swapAt(1, 2) },
    Mutation(.r3, "earlier committed_at edited") { _, l in l[1] = replaceBytes(l[1], Scenario.time(1), Scenario.time(2)) },
    // R4 ledger
    Mutation(.r4, "entry of another ledger") { b, l in addRaw(&b, &l, Scenario.signedLine(b, kind: "reversal", body: ReversalBody(id: "R-2", reverses: "D-2", reason: "x", proposedAt: t9).json, approvers: ["shcp-ana", "usaid-ben"], committedAt: nextTime, ledgerID: "jhf.other.ledger")) },
    Mutation(.r4, "second genesis") { b, l in addRaw(&b, &l, Scenario.signedLine(b, kind: "genesis", body: Scenario.genesisBody(&b).json, approvers: ["shcp-ana", "usaid-ben"], committedAt: nextTime)) },
    Mutation(.r4, "unknown kind") { b, l in addRaw(&b, &l, Scenario.signedLine(b, kind: "payment", body: ReversalBody(id: "R-2", reverses: "D-2", reason: "x", proposedAt: t9).json, approvers: ["shcp-ana", "usaid-ben"], committedAt: nextTime)) },
    Mutation(.r4, "genesis removed") { _, l in l.removeFirst() },
    // R5 schema
    Mutation(.r5, "extra field in body") { b, l in addRaw(&b, &l, Scenario.signedLine(b, kind: "reversal", body: ReversalBody(id: "R-2", reverses: "D-2", reason: "x", proposedAt: t9).json.setting("memo", .string("hi")), approvers: ["shcp-ana", "usaid-ben"], committedAt: nextTime)) },
    Mutation(.r5, "NFD text in purpose") { b, l in add(&b, &l, Scenario.disbursement("D-3", purpose: "Cli\u{301}nica")) },
    Mutation(.r5, "amount zero") { b, l in addRaw(&b, &l, Scenario.signedLine(b, kind: "disbursement", body: Scenario.disbursement("D-3").json.setting("amount", .integer(0)), approvers: ["shcp-ana", "usaid-ben"], committedAt: nextTime)) },
    Mutation(.r5, "municipality with state 33") { b, l in addRaw(&b, &l, Scenario.signedLine(b, kind: "disbursement", body: Scenario.disbursement("D-3").json.setting("municipality", .string("33001")), approvers: ["shcp-ana", "usaid-ben"], committedAt: nextTime)) },
    Mutation(.r5, "committed_at with fraction") { b, l in addRaw(&b, &l, Scenario.signedLine(b, kind: "reversal", body: ReversalBody(id: "R-2", reverses: "D-2", reason: "x", proposedAt: t9).json, approvers: ["shcp-ana", "usaid-ben"], committedAt: "2026-11-04T00:00:00.5Z")) },
    Mutation(.r5, "approval missing signature") { _, l in l[3] = rewrite(l[3]) { $0["approvals"] = .array([.object(["key": .string("shcp-ana")])]) } },
    // R6 approvals
    Mutation(.r6, "approval by a revoked key") { b, l in
        add(&b, &l, keyUpdate("K-1", revoke: ["shcp-ana"]))
        add(&b, &l, Scenario.disbursement("D-3"), ["shcp-ana", "usaid-ben"])
    },
    Mutation(.r6, "two SHCP approvals") { b, l in add(&b, &l, Scenario.disbursement("D-3"), ["shcp-ana", "shcp-carlos"]) },
    Mutation(.r6, "signature over another ledger_id") { b, l in addRaw(&b, &l, Scenario.signedLine(b, kind: "reversal", body: ReversalBody(id: "R-2", reverses: "D-2", reason: "x", proposedAt: t9).json, approvers: ["shcp-ana", "usaid-ben"], committedAt: nextTime, signedLedgerID: "jhf.other.ledger")) },
    Mutation(.r6, "non-canonical S") { _, l in
        l[1] = rewrite(l[1]) { e in
            guard case .array(let a) = e["approvals"]! else { return }
            let sig = Base64.decode({ if case .string(let s) = a[0]["signature"]! { return s }; return "" }())!
            e["approvals"] = .array([a[0].setting("signature", .string(Base64.encode(nonCanonicalS(sig)))), a[1]])
        }
    },
    Mutation(.r6, "only one approval") { _, l in l[1] = rewrite(l[1]) { e in if case .array(let a) = e["approvals"]! { e["approvals"] = .array([a[0]]) } } },
    Mutation(.r6, "approvals not sorted") { _, l in l[1] = rewrite(l[1]) { e in if case .array(let a) = e["approvals"]! { e["approvals"] = .array(a.reversed()) } } },
    Mutation(.r6, "log key approving") { b, l in add(&b, &l, Scenario.disbursement("D-3"), ["job-log", "usaid-ben"]) },
    Mutation(.r6, "signature over another kind") { b, l in
        var line = Scenario.signedLine(b, kind: "reversal", body: ReversalBody(id: "R-2", reverses: "D-2", reason: "x", proposedAt: t9).json, approvers: ["shcp-ana", "usaid-ben"], committedAt: nextTime)
        line = rewrite(line) { $0["body"] = $0["body"]!.setting("reason", .string("y")) }
        addRaw(&b, &l, line)
    },
    // R7 time
    Mutation(.r7, "one second earlier") { b, l in add(&b, &l, Scenario.disbursement("D-3"), at: "2026-11-02T00:00:02Z") },
    Mutation(.r7, "a day earlier") { b, l in add(&b, &l, Scenario.disbursement("D-3"), at: "2026-11-01T00:00:03Z") },
    Mutation(.r7, "an earlier year") { b, l in add(&b, &l, Scenario.disbursement("D-3"), at: "2025-11-02T00:00:03Z") },
    // R8 keys
    Mutation(.r8, "small-order public key") { b, l in
        let body = keyUpdate("K-1", add: [b.addSigner("shcp-zoe", institution: "SHCP")]).json
        let bad = JSONValue.array([.object(["institution": .string("SHCP"), "name": .string("shcp-zoe"),
                                            "public_key": .string(Base64.encode([1] + [UInt8](repeating: 0, count: 31))), "role": .string("approver")])])
        addRaw(&b, &l, Scenario.signedLine(b, kind: "key_update", body: body.setting("add", bad), approvers: ["shcp-ana", "usaid-ben"], committedAt: nextTime))
    },
    // A prime-order point plus a torsion point of order 8 (computed with libsodium's
    // crypto_core_ed25519_add): on the curve, not small order, but outside the prime-order subgroup.
    Mutation(.r8, "mixed-order public key (base point + order-8 point)") { b, l in
        let body = keyUpdate("K-1", add: [b.addSigner("shcp-zoe", institution: "SHCP")]).json
        let mixed = hex("98519eadf35b995233b51b5cd23e9cc5a28b639b5a4af0ec903cb960d81b7819")
        let bad = JSONValue.array([.object(["institution": .string("SHCP"), "name": .string("shcp-zoe"),
                                            "public_key": .string(Base64.encode(mixed)), "role": .string("approver")])])
        addRaw(&b, &l, Scenario.signedLine(b, kind: "key_update", body: body.setting("add", bad), approvers: ["shcp-ana", "usaid-ben"], committedAt: nextTime))
    },
    Mutation(.r8, "key name reused after revocation") { b, l in
        add(&b, &l, keyUpdate("K-1", add: [b.addSigner("shcp-eva", institution: "SHCP")], revoke: ["shcp-carlos"]))
        add(&b, &l, keyUpdate("K-2", add: [b.addSigner("shcp-carlos", institution: "SHCP", key: LedgerBuilder.testKey("other"))]))
    },
    Mutation(.r8, "public key reused under a new name") { b, l in
        add(&b, &l, keyUpdate("K-1", add: [b.addSigner("shcp-ana2", institution: "SHCP", key: LedgerBuilder.testKey("shcp-ana"))]))
    },
    Mutation(.r8, "revoking an unknown key") { b, l in add(&b, &l, keyUpdate("K-1", revoke: ["shcp-nobody"])) },
    Mutation(.r8, "revoking every USAID approver") { b, l in add(&b, &l, keyUpdate("K-1", revoke: ["usaid-ben", "usaid-dana"])) },
    Mutation(.r8, "revoking a key twice") { b, l in
        add(&b, &l, keyUpdate("K-1", revoke: ["shcp-carlos"]))
        add(&b, &l, keyUpdate("K-2", revoke: ["shcp-carlos"]))
    },
    // R9 ids
    Mutation(.r9, "duplicate id") { b, l in add(&b, &l, Scenario.disbursement("D-2", n: 2)) },
    Mutation(.r9, "double reversal") { b, l in add(&b, &l, .reversal(ReversalBody(id: "R-2", reverses: "D-1", reason: "again", proposedAt: t9))) },
    Mutation(.r9, "reversal of an unknown id") { b, l in add(&b, &l, .reversal(ReversalBody(id: "R-2", reverses: "D-404", reason: "x", proposedAt: t9))) },
    Mutation(.r9, "reversal of a reversal") { b, l in add(&b, &l, .reversal(ReversalBody(id: "R-2", reverses: "R-1", reason: "x", proposedAt: t9))) },
    Mutation(.r9, "id shared across kinds") { b, l in add(&b, &l, keyUpdate("D-1", revoke: ["shcp-carlos"])) },
    // R10 budget
    Mutation(.r10, "over budget") { b, l in add(&b, &l, Scenario.disbursement("D-3", amount: 900_001)) },
    Mutation(.r10, "currency not in genesis") { b, l in add(&b, &l, Scenario.disbursement("D-3", currency: "EUR")) },
    Mutation(.r10, "envelope below net spent") { b, l in
        add(&b, &l, .budgetUpdate(BudgetUpdateBody(id: "B-1", budgets: [Budget(category: .humanitarianStabilization, currency: "MXN", amount: 199_999)], reason: "Cut", proposedAt: t9)))
    },
    Mutation(.r10, "envelope in an unlisted currency") { b, l in
        add(&b, &l, .budgetUpdate(BudgetUpdateBody(id: "B-1", budgets: [Budget(category: .oversightGovernance, currency: "EUR", amount: 5)], reason: "New", proposedAt: t9)))
    },
    // R11 sealed
    Mutation(.r11, "sealed record not matching its digest", sealed: { b in
        [JSONValue.object(["id": .string("D-1"), "sealed": Scenario.sealed(2).json]).canonicalBytes]
    }) { _, _ in },
    Mutation(.r11, "bad CLABE check digit", sealed: { b in
        [JSONValue.object(["id": .string("D-1"), "sealed": Scenario.sealed(1).json.setting("payee_account", .object(["number": .string("002010077777777779"), "scheme": .string("CLABE")]))]).canonicalBytes]
    }) { _, _ in },
    Mutation(.r11, "sealed record for an unknown id", sealed: { b in
        [JSONValue.object(["id": .string("D-9"), "sealed": Scenario.sealed(1).json]).canonicalBytes]
    }) { _, _ in },
    Mutation(.r11, "duplicate sealed record", sealed: { b in
        let line = JSONValue.object(["id": .string("D-1"), "sealed": Scenario.sealed(1).json]).canonicalBytes
        return [line, line]
    }) { _, _ in },
    Mutation(.r11, "sealed records out of ledger order", sealed: { b in
        [JSONValue.object(["id": .string("D-2"), "sealed": Scenario.sealed(2).json]).canonicalBytes,
         JSONValue.object(["id": .string("D-1"), "sealed": Scenario.sealed(1).json]).canonicalBytes]
    }) { _, _ in },
    // R13 anchor
    Mutation(.r13, "pinned genesis differs", pinned: Hash.sha256([1])) { _, _ in },
    Mutation(.r13, "genesis replaced by a re-signed one", pinned: Hash.leaf(Scenario.base().lines[0])) { b, l in
        var other = LedgerBuilder(ledgerID: Scenario.ledgerID)
        var g = Scenario.genesisBody(&other)
        g = GenesisBody(title: "Forged", currencies: g.currencies, keys: g.keys, budgets: g.budgets, createdAt: g.createdAt)
        other.append(.genesis(g), approvers: ["shcp-ana", "usaid-ben"], committedAt: Scenario.t0)
        l = other.lines
    },
    Mutation(.r13, "pinned genesis of an empty export", pinned: Hash.sha256([2])) { _, l in l = [] },
]

@Suite("Replay rules R1–R11, R13: named mutation cases")
struct ReplayRuleTests {
    @Test func baseScenarioIsValid() {
        let b = Scenario.base()
        let sealed = b.sealed.map { JSONValue.object(["id": .string($0.id), "sealed": $0.record.json]).canonicalBytes }
        let r = verify(b.lines, sealed: sealed, pinned: Hash.leaf(b.lines[0]))
        #expect(r.failures == [], "\(r.failures)")
        #expect(r.ok && r.entries == 4)
        let mxn = r.totals.first { $0.pair.currency == "MXN" }!
        #expect(mxn.totals.disbursed == 300_000 && mxn.totals.reversed == 100_000 && mxn.totals.net == 200_000 && mxn.budget == 1_000_000)
    }

    @Test("a mutation is caught by its rule", arguments: mutations)
    func mutationCaught(_ m: Mutation) {
        let (lines, sealed, terminated, pinned) = m.make()
        let r = verify(lines, sealed: sealed, lastTerminated: terminated, pinned: pinned)
        #expect(!r.ok, "\(m.name): not detected")
        #expect(r.failures.contains { $0.rule == m.rule }, "\(m.name): expected \(m.rule.rawValue), got \(r.failures)")
    }

    @Test func everyRuleHasThreeNamedCases() {
        // R14, R15 and the v1.1 R5 limits: CommitmentRuleTests.
        for rule in Rule.allCases where rule != .r12 && rule < .r14 {
            #expect(mutations.filter { $0.rule == rule }.count >= 3, "\(rule.rawValue)")
        }
    }

    @Test func parallelVerificationAgrees() {
        var b = Scenario.base()
        for i in 0..<300 { b.append(Scenario.disbursement("X-\(i)", amount: 1, n: 1), approvers: ["shcp-ana", "usaid-ben"], committedAt: Scenario.time(10 + i)) }
        var lines = b.lines
        lines[150] = replaceBytes(lines[150], #""amount":1"#, #""amount":2"#)
        let one = verify(lines, jobs: 1), two = verify(lines, jobs: 2)
        #expect(one.failures == two.failures)
        #expect(one.failures.count == 3)
        #expect(one.headHash == two.headHash)
    }
}
