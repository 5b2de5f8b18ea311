import Foundation
import HummingbirdTesting
import LedgerCore
@testable import LedgerService
import LedgerStore
import Testing

/// Proposing, co-signing, withdrawing and expiry through the HTTP API, and every refusal.
@Suite struct ProposalRouteTests {
    @Test(arguments: StoreEngine.allCases)
    func proposeIsIdempotentByID(_ engine: StoreEngine) async throws {
        let h = try Harness(engine)
        try await h.run { c in
            let body = JSONValue.object(["body": Harness.disbursement("D-1"), "kind": .string("disbursement")])
            let first = try await h.call(c, .post, "/v1/proposals", route: "/v1/proposals", token: .proposer, json: body)
            #expect(first.status == 201)
            #expect(first["status"] == .string("pending"))
            #expect(try JSONParser.parse(first.body).canonicalBytes == first.body, "the answer is canonical JSON")
            let stored = try LedgerStore(path: h.path).proposal(id: "D-1")!
            #expect(first["body"] == stored.body.json && first["approval_digest"] == .string(stored.approvalDigest.hex))
            let again = try await h.call(c, .post, "/v1/proposals", route: "/v1/proposals", token: .proposer, json: body)
            #expect(again.status == 200)
            #expect(again.body == first.body)
            let other = try await h.call(c, .post, "/v1/proposals", route: "/v1/proposals", token: .proposer,
                                         json: .object(["body": Harness.disbursement("D-1", amount: 2000, purpose: "Other"), "kind": .string("disbursement")]))
            #expect(other.status == 409)
            #expect(other["code"] == .string("conflict"))
            #expect(other["field"] == .string("amount,purpose"))
        }
        try h.checkOpenAPI()
    }

    /// The sealed-record oracle: a second proposer token repeats a proposal's id with guesses of
    /// its sealed record. Every answer is the same, byte for byte, whether the guess is right or
    /// wrong, and whether the public fields match too; only the token that made it gets 200.
    @Test(arguments: StoreEngine.allCases)
    func repeatsTellOtherTokensNothingAboutSealedRecords(_ engine: StoreEngine) async throws {
        let h = try Harness(engine)
        try await h.run { c in
            func propose(_ body: JSONValue, as rawToken: String? = nil) async throws -> Exchange {
                try await h.call(c, .post, "/v1/proposals", route: "/v1/proposals", token: rawToken == nil ? .proposer : nil, rawToken: rawToken,
                                 json: .object(["body": body, "kind": .string("disbursement")]))
            }
            let secret = Harness.disbursement("D-1", taxID: "MAB9307148T4")
            #expect(try await propose(secret).status == 201)
            let guesses: [(String, JSONValue)] = [
                ("the right guess", secret),
                ("a wrong tax id", Harness.disbursement("D-1", taxID: "MAB9307148T5")),
                ("another well-formed tax id", Harness.disbursement("D-1", taxID: "XAXX010101000")),
                ("a wrong CLABE", Harness.disbursement("D-1", clabe: "002010077777777784", taxID: "MAB9307148T4")),
                ("wrong notes", Harness.disbursement("D-1", taxID: "MAB9307148T4", notes: "m")),
                ("a wrong public field, right sealed record", Harness.disbursement("D-1", amount: 2000, taxID: "MAB9307148T4")),
            ]
            var answers: [String: [String]] = [:]
            for (name, guess) in guesses {
                let r = try await propose(guess, as: Harness.secondProposer)
                #expect(r.status == 409, "\(name)")
                #expect(r["field"] == .string("id"), "\(name)")
                answers["\(r.status) \(r.contentType) \(r.text)", default: []].append(name)
            }
            #expect(answers.count == 1, "answers differ: \(answers)")
            #expect(!(answers.keys.first ?? "").contains("sealed"))
            // The token that made it: an exact repeat is idempotent; a sealed difference is named
            // as `sealed`, never by which of its fields.
            #expect(try await propose(secret).status == 200)
            for (name, guess) in guesses.dropFirst() {
                let r = try await propose(guess)
                #expect(r.status == 409, "\(name)")
                guard case .string(let field)? = r["field"] else { Issue.record("no field: \(r.text)"); continue }
                #expect(!field.contains("sealed.") && !r.text.contains("payee_tax_id") && !r.text.contains("payee_account"), "\(name): \(r.text)")
            }
            #expect(try await propose(guesses[1].1)["field"] == .string("sealed"))
            #expect(try await propose(guesses[5].1)["field"] == .string("amount"))
            #expect(try await propose(Harness.disbursement("D-1", amount: 7, taxID: "XAXX010101000"))["field"] == .string("amount,sealed"))
        }
        try h.checkOpenAPI()
    }

    /// RFC 9110: the authentication scheme's name is case-insensitive.
    @Test(arguments: ["Bearer", "bearer", "BEARER", "bEaReR"])
    func theBearerSchemeIsCaseInsensitive(_ scheme: String) async throws {
        let h = try Harness()
        try await h.run { c in
            let r = try await h.call(c, .get, "/v1/proposals", route: "/v1/proposals", rawToken: "\(scheme) \(Harness.tokens[.auditor]!)")
            #expect(r.status == 200, "\(scheme): \(r.text)")
            for bad in ["\(scheme)", "\(scheme)  \(Harness.tokens[.auditor]!)", "Basic \(Harness.tokens[.auditor]!)", "\(scheme)x \(Harness.tokens[.auditor]!)"] {
                let refused = try await h.call(c, .get, "/v1/proposals", route: "/v1/proposals", rawToken: bad)
                #expect(refused.status == 401 && refused["code"] == .string("unauthorized"), "\(bad)")
            }
        }
        try h.checkOpenAPI()
    }

    /// A POST must say its body is JSON: without Content-Type, or with another type, it is 415.
    @Test(arguments: [nil, "", "text/plain", "application/jsonx", "multipart/form-data"] as [String?])
    func aPostWithoutTheJSONMediaTypeIs415(_ type: String?) async throws {
        let h = try Harness()
        try await h.run { c in
            let r = try await h.call(c, .post, "/v1/proposals", route: "/v1/proposals", token: .proposer, raw: Self.okBody, contentType: type)
            #expect(r.status == 415 && r["code"] == .string("unsupported_media_type") && r["field"] == .string("Content-Type"), "\(String(describing: type)): \(r.text)")
        }
        #expect(try LedgerStore(path: h.path).proposal(id: "D-9") == nil)
        try h.checkOpenAPI()
    }

    /// A bad proposal request: its status, code and field.
    struct BadRequest: Sendable, CustomTestStringConvertible {
        let name: String
        let token: Role?
        var rawToken: String? = nil
        var contentType = "application/json"
        let body: [UInt8]
        let status: Int
        let code: String
        let field: String?
        var testDescription: String { name }
    }

    static let okBody = Array(JSONValue.object(["body": Harness.disbursement("D-9"), "kind": .string("disbursement")]).canonicalBytes)

    static let badProposals: [BadRequest] = [
        BadRequest(name: "bad JSON", token: .proposer, body: Array(#"{"kind": "disbursement", "body": {"#.utf8), status: 400, code: "json", field: nil),
        BadRequest(name: "duplicate key", token: .proposer, body: Array(#"{"kind":"reversal","kind":"reversal","body":{}}"#.utf8), status: 400, code: "json", field: "kind"),
        BadRequest(name: "fraction", token: .proposer, body: Array(#"{"kind":"disbursement","body":{"amount":1.5}}"#.utf8), status: 400, code: "json", field: nil),
        BadRequest(name: "extra top-level field", token: .proposer, body: Array(#"{"kind":"reversal","body":{},"memo":1}"#.utf8), status: 422, code: "schema", field: "memo"),
        BadRequest(name: "extra body field", token: .proposer,
                   body: Array(#"{"kind":"reversal","body":{"id":"R-1","reverses":"D-1","reason":"x","memo":"y"}}"#.utf8), status: 422, code: "schema", field: "memo"),
        BadRequest(name: "wrong type", token: .proposer,
                   body: Array(JSONValue.object(["body": Harness.disbursement("D-9").replacing("amount", .string("1000")), "kind": .string("disbursement")]).canonicalBytes),
                   status: 422, code: "schema", field: "amount"),
        BadRequest(name: "kind not a string", token: .proposer, body: Array(#"{"kind":7,"body":{}}"#.utf8), status: 422, code: "schema", field: "kind"),
        BadRequest(name: "unknown kind", token: .proposer, body: Array(#"{"kind":"refund","body":{}}"#.utf8), status: 422, code: "schema", field: "kind"),
        BadRequest(name: "genesis", token: .proposer, body: Array(#"{"kind":"genesis","body":{}}"#.utf8), status: 422, code: "schema", field: "kind"),
        BadRequest(name: "bad CLABE", token: .proposer,
                   body: Array(String(decoding: okBody, as: UTF8.self).replacingOccurrences(of: "002010077777777771", with: "002010077777777772").utf8),
                   status: 422, code: "schema", field: "sealed.payee_account.number"),
        BadRequest(name: "currency not in genesis", token: .proposer,
                   body: Array(JSONValue.object(["body": Harness.disbursement("D-9", currency: "EUR"), "kind": .string("disbursement")]).canonicalBytes),
                   status: 422, code: "refused", field: nil),
        BadRequest(name: "over the envelope", token: .proposer,
                   body: Array(JSONValue.object(["body": Harness.disbursement("D-9", amount: 2_000_000), "kind": .string("disbursement")]).canonicalBytes),
                   status: 422, code: "refused", field: nil),
        BadRequest(name: "reversal of nothing", token: .proposer,
                   body: Array(#"{"kind":"reversal","body":{"id":"R-1","reverses":"D-404","reason":"x"}}"#.utf8), status: 422, code: "refused", field: nil),
        BadRequest(name: "oversized body", token: .proposer, body: Array(repeating: 0x20, count: 70_000) + okBody, status: 413, code: "too_large", field: "body"),
        BadRequest(name: "not JSON media type", token: .proposer, contentType: "text/plain", body: okBody, status: 415, code: "unsupported_media_type", field: "Content-Type"),
        BadRequest(name: "missing token", token: nil, body: okBody, status: 401, code: "unauthorized", field: "Authorization"),
        BadRequest(name: "wrong token", token: nil, rawToken: "Bearer not-a-token", body: okBody, status: 401, code: "unauthorized", field: "Authorization"),
        BadRequest(name: "not a bearer token", token: nil, rawToken: "Basic dG9rLXByb3Bvc2Vy", body: okBody, status: 401, code: "unauthorized", field: "Authorization"),
        BadRequest(name: "officer may not propose", token: .officer, body: okBody, status: 403, code: "forbidden", field: "Authorization"),
        BadRequest(name: "auditor may not propose", token: .auditor, body: okBody, status: 403, code: "forbidden", field: "Authorization"),
    ]

    @Test(arguments: badProposals)
    func badProposalIsRefusedAndStoresNothing(_ b: BadRequest) async throws {
        let h = try Harness()
        try await h.run { c in
            let r = try await h.call(c, .post, "/v1/proposals", route: "/v1/proposals", token: b.token, rawToken: b.rawToken, raw: b.body, contentType: b.contentType)
            #expect(r.status == b.status, "\(r.text)")
            #expect(r.contentType == "application/problem+json")
            #expect(r["code"] == .string(b.code), "\(r.text)")
            #expect(r["field"] == b.field.map { .string($0) }, "\(r.text)")
            #expect(!r.text.contains("tok-"), "a problem must never echo a token")
            let list = try await h.call(c, .get, "/v1/proposals?status=all", route: "/v1/proposals", token: .admin)
            guard case .array(let stored)? = list["proposals"] else { throw Unexpected(list.text) }
            #expect(stored.count == 1, "only the genesis proposal is stored")
        }
        try h.checkOpenAPI()
    }

    @Test(arguments: StoreEngine.allCases)
    func coSigningAppendsOnceBothInstitutionsApprove(_ engine: StoreEngine) async throws {
        let h = try Harness(engine)
        try await h.run { c in
            let (id, message) = try await h.propose(c, Harness.disbursement("D-1"))
            let first = try await h.approve(c, id, key: "svc-usaid-a", message: message)
            #expect(first.status == 200)
            #expect(first["outcome"] == .string("recorded") && first["waiting_for"] == .string("SHCP") && first["seq"] == .null)
            let replay = try await h.approve(c, id, key: "svc-usaid-a", message: message)
            #expect(replay["outcome"] == .string("already_recorded"))
            let second = try await h.approve(c, id, key: "svc-shcp-b", message: message)
            #expect(second["outcome"] == .string("committed") && second["seq"] == .integer(1))
            guard case .string(let hash)? = second["entry_hash"] else { throw Unexpected(second.text) }
            let entry = try await h.call(c, .get, "/v1/entries/1", route: "/v1/entries/{seq}")
            #expect(Hash.leaf(entry.body).hex == hash)
            // Replaying a committed approval answers with the same seq and hash; nothing changes.
            let again = try await h.approve(c, id, key: "svc-shcp-b", message: message)
            #expect(again.body == second.body)
            let late = try await h.approve(c, id, key: "svc-shcp-a", message: message)
            #expect(late.status == 422 && late["field"] == .string("id"))
            let info = try await h.call(c, .get, "/v1/ledger", route: "/v1/ledger")
            #expect(info["size"] == .integer(2))
        }
        #expect(try Bundle.verify(database: h.path, jobs: 1, pinnedGenesis: nil).ok)
        try h.checkOpenAPI()
    }

    @Test(arguments: StoreEngine.allCases)
    func refusedApprovalsNameFieldAndRule(_ engine: StoreEngine) async throws {
        let h = try Harness(engine)
        try await h.run { c in
            // Revoke svc-usaid-b first (a key_update co-signed through the API).
            let (kid, kmsg) = try await h.propose(c, kind: "key_update",
                                                  try JSONParser.parse(#"{"id":"K-1","add":[],"revoke":["svc-usaid-b"],"reason":"rotation"}"#))
            _ = try await h.approve(c, kid, key: "svc-shcp-a", message: kmsg)
            _ = try await h.approve(c, kid, key: "svc-usaid-a", message: kmsg)
            let (id, message) = try await h.propose(c, Harness.disbursement("D-1"))
            let (_, otherMessage) = try await h.propose(c, Harness.disbursement("D-2"))
            _ = try await h.approve(c, id, key: "svc-shcp-a", message: message)
            let cases: [(String, Exchange, Int, String, String?)] = [
                ("same institution", try await h.approve(c, id, key: "svc-shcp-b", message: message), 422, "refused", "institution"),
                ("revoked key", try await h.approve(c, id, key: "svc-usaid-b", message: message), 422, "refused", "key"),
                ("unknown key", try await h.approve(c, id, key: "svc-nobody", message: message), 422, "refused", "key"),
                ("key of neither institution (JOB log key)", try await h.approve(c, id, key: "svc-job-log", message: message), 422, "refused", "key"),
                ("signature over another body", try await h.approve(c, id, key: "svc-usaid-a", message: otherMessage), 422, "refused", "signature"),
                ("unknown proposal", try await h.approve(c, "D-404", key: "svc-usaid-a", message: message), 404, "not_found", "id"),
                ("proposer token", try await h.approve(c, id, key: "svc-usaid-a", message: message, token: .proposer), 403, "forbidden", "Authorization"),
                ("auditor token", try await h.approve(c, id, key: "svc-usaid-a", message: message, token: .auditor), 403, "forbidden", "Authorization"),
                ("no token", try await h.call(c, .post, "/v1/proposals/\(id)/approvals", route: "/v1/proposals/{id}/approvals",
                                              json: .object(["key": .string("svc-usaid-a"), "signature": .string("x")])), 401, "unauthorized", "Authorization"),
                ("malformed signature", try await h.call(c, .post, "/v1/proposals/\(id)/approvals", route: "/v1/proposals/{id}/approvals", token: .officer,
                                                         json: .object(["key": .string("svc-usaid-a"), "signature": .string("AAAA")])), 422, "schema", "signature"),
                ("extra field", try await h.call(c, .post, "/v1/proposals/\(id)/approvals", route: "/v1/proposals/{id}/approvals", token: .officer,
                                                 json: .object(["key": .string("svc-usaid-a"), "signature": .string("x"), "seq": .integer(1)])), 422, "schema", "seq"),
                ("wrong type", try await h.call(c, .post, "/v1/proposals/\(id)/approvals", route: "/v1/proposals/{id}/approvals", token: .officer,
                                                json: .object(["key": .integer(5), "signature": .string("x")])), 422, "schema", "key"),
                ("bad JSON", try await h.call(c, .post, "/v1/proposals/\(id)/approvals", route: "/v1/proposals/{id}/approvals", token: .officer,
                                              raw: Array("{\"key\":".utf8)), 400, "json", nil),
            ]
            for (name, r, status, code, field) in cases {
                #expect(r.status == status, "\(name): \(r.text)")
                #expect(r["code"] == .string(code), "\(name): \(r.text)")
                #expect(r["field"] == field.map { .string($0) }, "\(name): \(r.text)")
                if code == "refused" { #expect(r["rule"] == .string("R6") || field == "id", "\(name): \(r.text)") }
            }
            // None of them changed anything: still one approval, still pending.
            let p = try await h.call(c, .get, "/v1/proposals/\(id)", route: "/v1/proposals/{id}", token: .officer)
            #expect(p["status"] == .string("pending"))
            if case .array(let a)? = p["approvals"] { #expect(a.count == 1) } else { Issue.record("no approvals array") }
        }
        #expect(try Bundle.verify(database: h.path, jobs: 1, pinnedGenesis: nil).ok)
        try h.checkOpenAPI()
    }

    @Test(arguments: StoreEngine.allCases)
    func sealedRecordsOnlyForOfficersAndAuditors(_ engine: StoreEngine) async throws {
        let h = try Harness(engine)
        try await h.run { c in
            let (id, message) = try await h.propose(c, Harness.disbursement("D-1"))
            for (role, sees) in [(Role.officer, true), (.auditor, true), (.admin, true), (.proposer, false)] {
                let p = try await h.call(c, .get, "/v1/proposals/\(id)", route: "/v1/proposals/{id}", token: role)
                #expect(p.status == 200)
                #expect((p["sealed"] != nil) == sees, "\(role)")
            }
            #expect(try await h.call(c, .get, "/v1/proposals/\(id)", route: "/v1/proposals/{id}").status == 401)
            #expect(try await h.call(c, .get, "/v1/proposals/D-404", route: "/v1/proposals/{id}", token: .officer).status == 404)
            _ = try await h.approve(c, id, key: "svc-shcp-a", message: message)
            _ = try await h.approve(c, id, key: "svc-usaid-a", message: message)
            let sealed = try await h.call(c, .get, "/v1/sealed", route: "/v1/sealed", token: .auditor)
            #expect(sealed.status == 200 && sealed.contentType == "application/jsonl")
            #expect(sealed.body == (try LedgerStore(path: h.path).sealedLines()).flatMap { $0.bytes + [0x0A] })
            #expect(try await h.call(c, .get, "/v1/sealed?from=2", route: "/v1/sealed", token: .auditor).body == [])
            #expect(try await h.call(c, .get, "/v1/sealed", route: "/v1/sealed", token: .officer).status == 403)
            #expect(try await h.call(c, .get, "/v1/sealed", route: "/v1/sealed", token: .proposer).status == 403)
            #expect(try await h.call(c, .get, "/v1/sealed", route: "/v1/sealed").status == 401)
            let list = try await h.call(c, .get, "/v1/proposals?status=committed", route: "/v1/proposals", token: .auditor)
            #expect(!list.text.contains("\"sealed\":{"), "lists never carry sealed records")
        }
        try h.checkOpenAPI()
    }

    @Test(arguments: StoreEngine.allCases)
    func listingFiltersAndPages(_ engine: StoreEngine) async throws {
        let h = try Harness(engine)
        try await h.run { c in
            for n in 1...5 { _ = try await h.propose(c, Harness.disbursement("D-\(n)")) }
            func ids(_ uri: String) async throws -> ([String], JSONValue?) {
                let r = try await h.call(c, .get, uri, route: "/v1/proposals", token: .proposer)
                guard case .array(let items)? = r["proposals"] else { throw Unexpected(r.text) }
                return (items.compactMap { if case .object(let o) = $0, case .string(let s)? = o["id"] { return s } else { return nil } }, r["next"])
            }
            #expect(try await ids("/v1/proposals").0 == ["D-1", "D-2", "D-3", "D-4", "D-5"])
            #expect(try await ids("/v1/proposals?status=committed").0 == ["genesis"])
            let (page1, next) = try await ids("/v1/proposals?status=all&limit=2")
            #expect(page1 == ["genesis", "D-1"])
            guard case .integer(let after)? = next else { throw Unexpected("no next") }
            #expect(try await ids("/v1/proposals?status=all&limit=10&after=\(after)") == (["D-2", "D-3", "D-4", "D-5"], .null))
            for bad in ["/v1/proposals?status=done", "/v1/proposals?limit=0", "/v1/proposals?limit=1001", "/v1/proposals?after=-1"] {
                #expect(try await h.call(c, .get, bad, route: "/v1/proposals", token: .proposer).status == 400, "\(bad)")
            }
        }
        try h.checkOpenAPI()
    }

    @Test(arguments: StoreEngine.allCases)
    func withdrawalAndExpiryCloseProposalsWithoutTouchingTheChain(_ engine: StoreEngine) async throws {
        let h = try Harness(engine)
        try await h.run { c in
            let (id, message) = try await h.propose(c, Harness.disbursement("D-1"))
            let withdraw = { (id: String, token: Role, reason: String) async throws -> Exchange in
                try await h.call(c, .post, "/v1/proposals/\(id)/withdraw", route: "/v1/proposals/{id}/withdraw", token: token, json: .object(["reason": .string(reason)]))
            }
            #expect(try await withdraw(id, .officer, "x").status == 403)
            #expect(try await withdraw(id, .proposer, "").status == 422)
            let w = try await withdraw(id, .proposer, "Duplicate of D-2")
            #expect(w.status == 200 && w["status"] == .string("withdrawn"))
            #expect(try await withdraw(id, .proposer, "again").status == 200)
            let refused = try await h.approve(c, id, key: "svc-shcp-a", message: message)
            #expect(refused.status == 422 && refused["field"] == .string("id"))
            #expect(try await withdraw("D-404", .proposer, "x").status == 404)
            #expect(try await withdraw("genesis", .proposer, "x").status == 422)

            // Expiry: 14 days by default; the sweep closes it, and approvals are refused.
            let (old, oldMessage) = try await h.propose(c, Harness.disbursement("D-2"))
            h.clock.advance(days: 15)
            let late = try await h.approve(c, old, key: "svc-shcp-a", message: oldMessage)
            #expect(late.status == 422 && late["field"] == .string("id"), "\(late.text)")
            guard case .success(.expired(let ids)) = await h.worker.submit(.expireDue) else { throw Unexpected("sweep failed") }
            #expect(ids == ["D-2"])
            let p = try await h.call(c, .get, "/v1/proposals/\(old)", route: "/v1/proposals/{id}", token: .proposer)
            #expect(p["status"] == .string("expired"))
            #expect(try await h.call(c, .get, "/v1/proposals?status=expired", route: "/v1/proposals", token: .proposer).text.contains("\"id\":\"D-2\""))
            let info = try await h.call(c, .get, "/v1/ledger", route: "/v1/ledger")
            #expect(info["size"] == .integer(1))
        }
        try h.checkOpenAPI()
    }

    /// 50 clients approve the same 20 proposals at once: each is appended exactly once.
    @Test(arguments: [StoreError(.io, field: "db", "cannot open /srv/jhf/ledger.sqlite: disk I/O error"),
                      StoreError(.corrupt, "entry 7 does not extend the chain")])
    func storageErrorsAreLoggedNotShown(_ error: StoreError) {
        let p = Problem(error)
        #expect(p.status == .internalServerError)
        #expect(p.field == nil)
        #expect(p.detail == "storage error; the service log has the details")
        #expect(p.logDetail == error.description, "the log must get what the answer hides")
        // Refusals are shown in full and have nothing to log.
        #expect(Problem(StoreError(.refused, field: "key", "not an approver")).logDetail == nil)
    }

    @Test(arguments: StoreEngine.allCases)
    func concurrentApprovalsAppendEachProposalOnce(_ engine: StoreEngine) async throws {
        let h = try Harness(engine)
        try await h.run { c in
            var proposals: [(String, [UInt8])] = []
            for n in 1...20 { proposals.append(try await h.propose(c, Harness.disbursement("D-\(n)", amount: 10))) }
            let snapshot = proposals
            let answers = try await withThrowingTaskGroup(of: [(String, JSONValue?)].self) { group in
                for client in 0..<50 {
                    group.addTask {
                        var mine: [(String, JSONValue?)] = []
                        for k in 0..<20 {
                            let (id, message) = snapshot[(k + client) % 20]
                            let keys = client % 2 == 0 ? ["svc-shcp-a", "svc-usaid-b"] : ["svc-usaid-b", "svc-shcp-a"]
                            for key in keys {
                                let r = try await h.approve(c, id, key: key, message: message)
                                #expect(r.status == 200, "\(r.text)")
                                if r["outcome"] == .string("committed") { mine.append((id, r["seq"])) }
                            }
                        }
                        return mine
                    }
                }
                var all: [(String, JSONValue?)] = []
                for try await a in group { all += a }
                return all
            }
            // Every committed answer for a proposal names the same seq; 20 distinct seqs, 1…20.
            var seqs: [String: Set<Int64>] = [:]
            for (id, seq) in answers { if case .integer(let s)? = seq { seqs[id, default: []].insert(s) } }
            #expect(seqs.count == 20)
            #expect(seqs.values.allSatisfy { $0.count == 1 })
            #expect(Set(seqs.values.flatMap { $0 }) == Set(1...20))
        }
        let store = try LedgerStore(path: h.path)
        #expect(store.state.size == 21)
        #expect(try store.proposals(status: .committed).records.count == 21)
        #expect(try Bundle.verify(database: h.path, jobs: 1, pinnedGenesis: nil).ok)
    }
}

extension JSONValue {
    /// The object with one member's value replaced (for wrong-type cases).
    func replacing(_ key: String, _ value: JSONValue) -> JSONValue {
        guard case .object(let o) = self else { return self }
        return .object(try! JSONObject(o.members.map { ($0.key, $0.key == key ? value : $0.value) }))
    }
}
