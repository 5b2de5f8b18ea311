import Foundation
import Hummingbird
import HummingbirdTesting
import LedgerCore
@testable import LedgerService
import LedgerStore
import Testing

/// v1.1 through the service: commitments, amendments and suspensions are proposed and co-signed
/// like every other kind; R14 and R15 refuse at proposal (422 naming the rule, nothing stored)
/// and again at append; the read endpoints give the replay's figures.
@Suite struct CommitmentRouteTests {
    static func commitment(_ id: String, amount: Int = 500_000) -> JSONValue {
        try! JSONParser.parse("""
            {"id":"\(id)","title":"Medicamentos","supplier":{"name":"Distribuidora Médica"},"amount":\(amount),"currency":"MXN",
             "category":"humanitarian_stabilization","program":"clinics","municipality":"15033","procurement_method":"open",
             "reference":"LP-42","date_signed":"2026-10-20"}
            """)
    }

    static func payment(_ id: String, under commitment: String?, amount: Int = 1000, currency: String = "MXN") -> JSONValue {
        guard case .object(let o) = Harness.disbursement(id, amount: amount, currency: currency) else { preconditionFailure() }
        var members = o.members.map { ($0.key, $0.value) }
        if let commitment { members.append(("commitment", .string(commitment))) }
        return .object(members: members)
    }

    static func suspension(_ id: String, _ action: String, _ scope: String) -> JSONValue {
        try! JSONParser.parse(#"{"id":"\#(id)","action":"\#(action)","scope":\#(scope),"basis":"human_rights","reason":"CNDH"}"#)
    }

    /// Proposes and co-signs; the entry must be committed.
    func commit(_ h: Harness, _ c: any TestClientProtocol, kind: String, _ body: JSONValue) async throws {
        let (id, message) = try await h.propose(c, kind: kind, body)
        _ = try await h.approve(c, id, key: "svc-shcp-a", message: message)
        let r = try await h.approve(c, id, key: "svc-usaid-a", message: message)
        #expect(r["outcome"] == .string("committed"), "\(id): \(r.text)")
    }

    @Test(arguments: StoreEngine.allCases)
    func refusedAtProposalAndAtAppendAndReadBack(_ engine: StoreEngine) async throws {
        let h = try Harness(engine)
        try await h.run { c in
            try await commit(h, c, kind: "commitment", Self.commitment("C-1"))
            try await commit(h, c, kind: "disbursement", Self.payment("P-1", under: "C-1", amount: 200_000))
            try await commit(h, c, kind: "suspension", Self.suspension("S-1", "suspend", #"{"program":"water"}"#))

            let refusals: [(String, String, JSONValue, String)] = [
                ("over what remains", "disbursement", Self.payment("P-2", under: "C-1", amount: 300_001), "R14"),
                ("unknown commitment", "disbursement", Self.payment("P-2", under: "C-404"), "R14"),
                ("commitment in another currency", "disbursement", Self.payment("P-2", under: "C-1", currency: "USD"), "R14"),
                ("amendment below what is paid", "amendment", try JSONParser.parse(#"{"id":"A-1","commitment":"C-1","amount":199999,"reason":"cut"}"#), "R14"),
                ("suspend twice", "suspension", Self.suspension("S-2", "suspend", #"{"program":"water"}"#), "R15"),
                ("resume what is not suspended", "suspension", Self.suspension("S-2", "resume", #"{"municipality":"15033"}"#), "R15"),
            ]
            for (name, kind, body, rule) in refusals {
                let r = try await h.call(c, .post, "/v1/proposals", route: "/v1/proposals", token: .proposer,
                                         json: .object(["body": body, "kind": .string(kind)]))
                #expect(r.status == 422 && r["code"] == .string("refused"), "\(name): \(r.text)")
                guard case .array(let failures)? = r["failures"], case .object(let f)? = failures.first else {
                    Issue.record("\(name): no failures: \(r.text)"); continue
                }
                #expect(f["rule"] == .string(rule), "\(name): \(r.text)")
                guard case .object(let b) = body, case .string(let id)? = b["id"] else { continue }
                let stored = try await h.call(c, .get, "/v1/proposals/\(id)", route: "/v1/proposals/{id}", token: .auditor)
                #expect(stored.status == 404, "\(name): a refused proposal was stored")
            }
            let schema = try await h.call(c, .post, "/v1/proposals", route: "/v1/proposals", token: .proposer, json: .object([
                "kind": .string("suspension"), "body": Self.suspension("S-2", "suspend", #"{"program":"water","municipality":"15033"}"#)]))
            #expect(schema.status == 422 && schema["code"] == .string("schema") && schema["field"] == .string("scope"), "\(schema.text)")

            // The state changes between proposal and second approval: the append re-checks (R15).
            let (pid, pmsg) = try await h.propose(c, Self.payment("P-3", under: "C-1", amount: 1000))
            _ = try await h.approve(c, pid, key: "svc-shcp-a", message: pmsg)
            try await commit(h, c, kind: "suspension", Self.suspension("S-3", "suspend", #"{"commitment":"C-1"}"#))
            let late = try await h.approve(c, pid, key: "svc-usaid-a", message: pmsg)
            #expect(late.status == 422 && late["code"] == .string("refused"), "\(late.text)")
            #expect(late.text.contains("R15") && late.text.contains("commitment C-1 is suspended"), "\(late.text)")
            let still = try await h.call(c, .get, "/v1/proposals/\(pid)", route: "/v1/proposals/{id}", token: .auditor)
            #expect(still["status"] == .string("pending"))

            let view = try await h.call(c, .get, "/v1/commitments/C-1", route: "/v1/commitments/{id}")
            #expect(view.status == 200, "\(view.text)")
            for (key, value) in [("value", 500_000), ("disbursed", 200_000), ("reversed", 0), ("net", 200_000), ("remaining", 300_000)] {
                #expect(view[key] == .integer(Int64(value)), "\(key): \(view.text)")
            }
            #expect(view["status"] == .string("suspended") && view["amendments"] == .array([]) && view["seq"] == .integer(1))
            let decoded = try CommitmentView(json: view.json)
            #expect(decoded.body.title == "Medicamentos" && decoded.remaining == 300_000)
            let page = try await h.call(c, .get, "/v1/commitments?limit=1", route: "/v1/commitments")
            if case .array(let list)? = page["commitments"] { #expect(list.count == 1) } else { Issue.record("\(page.text)") }
            #expect(page["next"] == .null)
            let missing = try await h.call(c, .get, "/v1/commitments/C-404", route: "/v1/commitments/{id}")
            #expect(missing.status == 404 && missing["code"] == .string("not_found"))
            let bad = try await h.call(c, .get, "/v1/commitments/C%201", route: "/v1/commitments/{id}")
            #expect(bad.status == 400 && bad["field"] == .string("id"))
            let active = try await h.call(c, .get, "/v1/suspensions?active=true", route: "/v1/suspensions")
            guard case .array(let list)? = active["suspensions"] else { Issue.record("\(active.text)"); return }
            #expect(list.count == 2)
            let all = try await h.call(c, .get, "/v1/suspensions", route: "/v1/suspensions")
            if case .array(let l)? = all["suspensions"] { #expect(l.count == 2) }
            let wrong = try await h.call(c, .get, "/v1/suspensions?active=yes", route: "/v1/suspensions")
            #expect(wrong.status == 400 && wrong["field"] == .string("active"))
        }
        let report = try Bundle.verify(database: h.path, jobs: 1, pinnedGenesis: nil)
        #expect(report.ok && report.commitments.map(\.record.net) == [200_000] && report.suspensions.count == 2)
        try h.checkOpenAPI()
    }

    @Test(arguments: StoreEngine.allCases)
    func aResumeIsListedWithTheSuspensionItLifted(_ engine: StoreEngine) async throws {
        let h = try Harness(engine)
        try await h.run { c in
            try await commit(h, c, kind: "suspension", Self.suspension("S-1", "suspend", #"{"municipality":"15033"}"#))
            try await commit(h, c, kind: "suspension", Self.suspension("S-2", "resume", #"{"municipality":"15033"}"#))
            let all = try await h.call(c, .get, "/v1/suspensions", route: "/v1/suspensions")
            guard case .array(let list)? = all["suspensions"], list.count == 2, case .object(let first) = list[0] else { Issue.record("\(all.text)"); return }
            #expect(first["resumed_seq"] == .integer(2))
            let active = try await h.call(c, .get, "/v1/suspensions?active=true", route: "/v1/suspensions")
            #expect(active["suspensions"] == .array([]))
            try await commit(h, c, kind: "disbursement", Self.payment("P-1", under: nil))
        }
        try h.checkOpenAPI()
    }
}
