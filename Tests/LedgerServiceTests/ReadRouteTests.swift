import Glibc
import Hummingbird
import HummingbirdTesting
import LedgerCore
import LedgerService
import LedgerStore
import Testing

/// Public reads: health, metrics, ledger info, entries as exact bytes; their problems.
@Suite struct ReadRouteTests {
    @Test(arguments: StoreEngine.allCases)
    func publicReadsServeTheExactChain(_ engine: StoreEngine) async throws {
        let h = try Harness(engine)
        let lines = try LedgerStore(path: h.path).entries(from: 0, limit: 10).map(\.canonical)
        try await h.run { c in
            let health = try await h.call(c, .get, "/healthz", route: "/healthz")
            #expect(health.status == 200 && health.text == "ok\n")
            let info = try await h.call(c, .get, "/v1/ledger", route: "/v1/ledger")
            #expect(info.text == "{\"genesis_hash\":\"\(Hash.leaf(lines[0]).hex)\",\"head_hash\":\"\(Hash.leaf(lines[0]).hex)\",\"ledger_id\":\"jhf.svc.test\",\"size\":1}")
            let (id, message) = try await h.propose(c, Harness.disbursement("D-1"))
            _ = try await h.approve(c, id, key: "svc-shcp-a", message: message)
            _ = try await h.approve(c, id, key: "svc-usaid-a", message: message)
            let all = try LedgerStore(path: h.path).entries(from: 0, limit: 10).map(\.canonical)
            let entries = try await h.call(c, .get, "/v1/entries", route: "/v1/entries")
            #expect(entries.contentType == "application/jsonl")
            #expect(entries.body == all.flatMap { $0 + [0x0A] })
            #expect(try await h.call(c, .get, "/v1/entries?from=1&limit=1", route: "/v1/entries").body == all[1] + [0x0A])
            #expect(try await h.call(c, .get, "/v1/entries/1", route: "/v1/entries/{seq}").body == all[1])
            #expect(try await h.call(c, .get, "/v1/entries?from=2", route: "/v1/entries").body == [])
        }
        try h.checkOpenAPI()
    }

    @Test(arguments: [
        ("/v1/entries/3", 404, "seq"), ("/v1/entries/-1", 400, "seq"), ("/v1/entries/x", 400, "seq"),
        ("/v1/entries?limit=0", 400, "limit"), ("/v1/entries?limit=1001", 400, "limit"), ("/v1/entries?from=-5", 400, "from"),
        ("/v1/entries?from=abc", 400, "from"),
    ])
    func badReadsAreProblems(_ uri: String, _ status: Int, _ field: String) async throws {
        let h = try Harness()
        try await h.run { c in
            let r = try await h.call(c, .get, uri, route: uri.hasPrefix("/v1/entries/") ? "/v1/entries/{seq}" : "/v1/entries")
            #expect(r.status == status)
            #expect(r.contentType == "application/problem+json")
            #expect(r["field"] == .string(field))
            #expect(r["status"] == .integer(Int64(status)))
        }
        try h.checkOpenAPI()
    }

    @Test(arguments: StoreEngine.allCases)
    func proofsVerifyAgainstTheChain(_ engine: StoreEngine) async throws {
        let h = try Harness(engine)
        try await h.run { c in
            for n in 1...4 {
                let (id, message) = try await h.propose(c, Harness.disbursement("D-\(n)"))
                _ = try await h.approve(c, id, key: "svc-shcp-a", message: message)
                _ = try await h.approve(c, id, key: "svc-usaid-a", message: message)
            }
            // The auditor's own view: leaves from the entries, roots computed locally.
            let lines = try await h.call(c, .get, "/v1/entries", route: "/v1/entries").body.split(separator: 0x0A).map(Array.init)
            let leaves = lines.map { Hash.leaf($0) }
            #expect(leaves.count == 5)
            func root(_ n: Int) -> Hash { var t = MerkleFrontier(); for l in leaves.prefix(n) { t.append(l) }; return t.root }
            for size in 1...5 {
                for seq in 0..<size {
                    let r = try await h.call(c, .get, "/v1/proofs/inclusion?seq=\(seq)&size=\(size)", route: "/v1/proofs/inclusion")
                    #expect(r.status == 200, "\(r.text)")
                    try InclusionProof(json: r.json).verify(leaf: leaves[seq], root: root(size))
                }
                for first in 1...size {
                    let r = try await h.call(c, .get, "/v1/proofs/consistency?first=\(first)&second=\(size)", route: "/v1/proofs/consistency")
                    try ConsistencyProof(json: r.json).verify(firstRoot: root(first), secondRoot: root(size))
                }
            }
            // Without a size, the proof is for the whole ledger.
            let whole = try InclusionProof(json: try await h.call(c, .get, "/v1/proofs/inclusion?seq=2", route: "/v1/proofs/inclusion").json)
            #expect(whole.treeSize == 5)
            let grown = try ConsistencyProof(json: try await h.call(c, .get, "/v1/proofs/consistency?first=3", route: "/v1/proofs/consistency").json)
            #expect(grown.second == 5)
        }
        try h.checkOpenAPI()
    }

    @Test(arguments: [
        ("/v1/proofs/inclusion", 400, "seq"), ("/v1/proofs/inclusion?seq=x", 400, "seq"), ("/v1/proofs/inclusion?seq=-1", 400, "seq"),
        ("/v1/proofs/inclusion?seq=1", 422, "seq"), ("/v1/proofs/inclusion?seq=0&size=2", 422, "size"),
        ("/v1/proofs/inclusion?seq=0&size=0", 400, "size"),
        ("/v1/proofs/consistency", 400, "first"), ("/v1/proofs/consistency?first=0", 400, "first"),
        ("/v1/proofs/consistency?first=2", 422, "first"), ("/v1/proofs/consistency?first=1&second=3", 422, "second"),
    ])
    func badProofRequestsAreProblems(_ uri: String, _ status: Int, _ field: String) async throws {
        let h = try Harness()
        try await h.run { c in
            let r = try await h.call(c, .get, uri, route: String(uri.prefix { $0 != "?" }))
            #expect(r.status == status, "\(r.text)")
            #expect(r["field"] == .string(field))
        }
        try h.checkOpenAPI()
    }

    @Test(arguments: StoreEngine.allCases)
    func checkpointsAreSignedAndServed(_ engine: StoreEngine) async throws {
        let h = try Harness(engine, signCheckpoints: true)
        try await h.run { c in
            // Genesis was committed before the service: nothing signed yet.
            let none = try await h.call(c, .get, "/v1/checkpoint", route: "/v1/checkpoint")
            #expect(none.status == 404)
            var notes: [[UInt8]] = []
            for n in 1...2 {
                let (id, message) = try await h.propose(c, Harness.disbursement("D-\(n)"))
                _ = try await h.approve(c, id, key: "svc-shcp-a", message: message)
                _ = try await h.approve(c, id, key: "svc-usaid-a", message: message)
                let latest = try await h.call(c, .get, "/v1/checkpoint", route: "/v1/checkpoint")
                #expect(latest.status == 200 && latest.contentType.hasPrefix("text/plain"))
                notes.append(latest.body)
            }
            let lines = try await h.call(c, .get, "/v1/entries", route: "/v1/entries").body.split(separator: 0x0A).map { Line(bytes: Array($0)) }
            for (i, note) in notes.enumerated() {
                // An auditor's verifier accepts each checkpoint against the entries it covers.
                var v = Verifier(checkpoint: note)
                v.feed(Array(lines.prefix(i + 2)))
                let report = v.finish()
                #expect(report.ok, "\(report.failures)")
                #expect(report.checkpoint?.logSignatures == ["svc-job-log"])
                #expect(try await h.call(c, .get, "/v1/checkpoints/\(i + 2)", route: "/v1/checkpoints/{size}").body == note)
            }
            #expect(try await h.call(c, .get, "/v1/checkpoints/1", route: "/v1/checkpoints/{size}").status == 404)
            #expect(try await h.call(c, .get, "/v1/checkpoints/0", route: "/v1/checkpoints/{size}")["field"] == .string("size"))
            #expect(try await h.call(c, .get, "/v1/checkpoints/x", route: "/v1/checkpoints/{size}").status == 400)
        }
        try h.checkOpenAPI()
    }

    /// Witnesses and approvers of the ledger add signature lines over HTTP; the line must verify
    /// with the ledger's own key of that name, and only the one line is ever added.
    @Test(arguments: StoreEngine.allCases)
    func witnessesCosignCheckpointsOverHTTP(_ engine: StoreEngine) async throws {
        let h = try Harness(engine, signCheckpoints: true)
        try await h.run { c in
            let (id, message) = try await h.propose(c, Harness.disbursement("D-1"))
            _ = try await h.approve(c, id, key: "svc-shcp-a", message: message)
            _ = try await h.approve(c, id, key: "svc-usaid-a", message: message)
            let note = try SignedNote(parsing: try await h.call(c, .get, "/v1/checkpoint", route: "/v1/checkpoint").body)
            func cosign(_ key: String, signer: String? = nil, size: Int = 2, text: [UInt8]? = nil, token: Role? = .witness) async throws -> Exchange {
                let line = Cosignature.sign(text ?? note.text, name: key, key: LedgerBuilder.testKey(signer ?? key), timestamp: 1_790_000_000)
                return try await h.call(c, .post, "/v1/checkpoints/\(size)/cosignatures", route: "/v1/checkpoints/{size}/cosignatures", token: token,
                                        json: .object(["key": .string(key), "signature": .string(Base64.encode(line.signature))]))
            }
            let added = try await cosign("svc-asf-witness")
            #expect(added.status == 201 && added["added"] == .bool(true) && added["signature_lines"] == .integer(2), "\(added.text)")
            let again = try await cosign("svc-asf-witness")
            #expect(again.status == 200 && again["added"] == .bool(false) && again["signature_lines"] == .integer(2))
            // An approver may cosign too, with an officer's token.
            #expect(try await cosign("svc-usaid-b", token: .officer).status == 201)
            let served = try SignedNote(parsing: try await h.call(c, .get, "/v1/checkpoints/2", route: "/v1/checkpoints/{size}").body)
            #expect(served.text == note.text && served.signatures.map(\.keyName) == ["svc-job-log", "svc-asf-witness", "svc-usaid-b"])
            let keys = [CosignerKey(name: "svc-asf-witness", institution: "ASF", publicKey: LedgerBuilder.testKey("svc-asf-witness").publicKey)]
            #expect(served.checkCosignatures(keys: keys) == .init(valid: [.init(name: "svc-asf-witness", institution: "ASF", timestamp: 1_790_000_000)]))

            // Refusals: each names its field, and the note is unchanged.
            let refusals: [(Exchange, Int, String)] = [
                (try await cosign("svc-job-log"), 422, "key"),                                   // the log key is not a witness
                (try await cosign("svc-gao-witness"), 422, "key"),                               // not a key of this ledger
                (try await cosign("svc-asf-witness", signer: "other"), 422, "signature"),        // signed by another key
                (try await cosign("svc-asf-witness", text: Array("other text\n".utf8)), 422, "signature"),
                (try await cosign("svc-asf-witness", size: 9), 404, "size"),                     // no such checkpoint
                (try await cosign("svc-asf-witness", token: .auditor), 403, "Authorization"),
                (try await cosign("svc-asf-witness", token: nil), 401, "Authorization"),
            ]
            for (r, status, field) in refusals {
                #expect(r.status == status && r["field"] == .string(field), "\(r.status) \(r.text)")
            }
            // Not the 72 bytes of a cosignature: too short, or a bare type-0x01 signature as before v1.1.
            let plain = LedgerBuilder.testKey("svc-asf-witness").sign(note.text).base64
            for text in ["AAAA", plain] {
                let bad = try await h.call(c, .post, "/v1/checkpoints/2/cosignatures", route: "/v1/checkpoints/{size}/cosignatures", token: .witness,
                                           json: .object(["key": .string("svc-asf-witness"), "signature": .string(text)]))
                #expect(bad.status == 422 && bad["field"] == .string("signature"))
            }
            #expect(try await h.call(c, .get, "/v1/checkpoints/2", route: "/v1/checkpoints/{size}").body == served.bytes)
        }
        try h.checkOpenAPI()
    }

    @Test(arguments: StoreEngine.allCases)
    func onlyTheLedgersLogKeyMaySignCheckpoints(_ engine: StoreEngine) throws {
        let h = try Harness(engine)
        #expect(throws: StoreError.self) { try LedgerWorker(path: h.path, signer: CheckpointSigner(name: "svc-shcp-a", key: LedgerBuilder.testKey("svc-shcp-a"))) }
        #expect(throws: StoreError.self) { try LedgerWorker(path: h.path, signer: CheckpointSigner(name: "svc-job-log", key: LedgerBuilder.testKey("other"))) }
    }

    /// The worker's store thread takes the nice value asked for and /metrics shows it. Raising
    /// it needs no privilege, so this runs the same everywhere.
    @Test(arguments: StoreEngine.allCases)
    func theWritersNiceValueIsTakenAndShown(_ engine: StoreEngine) async throws {
        let h = try Harness(engine)
        let before = getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)
        let worker = try LedgerWorker(path: h.path, writerNice: min(before + 3, 19))
        #expect(worker.writerPriority.nice == min(before + 3, 19) && worker.writerPriority.unchangedBecause == nil)
        #expect(worker.metrics.render().contains("\njhf_store_writer_nice \(min(before + 3, 19)).0\n"))
        #expect(try await worker.read { $0.state.size } == (try await h.worker.read { $0.state.size }))
        await worker.close()
        await #expect(throws: StoreError.self) { try await worker.read { $0.state.size } }
    }

    /// The OpenAPI document passes openapi-spec-validator and the structural checks.
    @Test func openAPIDocumentIsValid() throws {
        let (status, text) = try Harness.checkOpenAPI("--check")
        #expect(status == 0, "\(text)")
        #expect(text.hasPrefix("openapi.yaml: 22 paths, sound OpenAPI 3.1"))
    }

    @Test(arguments: StoreEngine.allCases)
    func unknownRouteIsAProblem(_ engine: StoreEngine) async throws {
        let h = try Harness(engine)
        try await h.run { c in
            let r = try await h.call(c, .get, "/v1/nothing", route: "/v1/nothing")
            #expect(r.status == 404)
            #expect(r.contentType == "application/problem+json")
            #expect(r["code"] == .string("not_found"))
        }
    }

    @Test(arguments: StoreEngine.allCases)
    func metricsCountRequestsCommitsAndRefusals(_ engine: StoreEngine) async throws {
        let h = try Harness(engine)
        try await h.run { c in
            let (id, message) = try await h.propose(c, Harness.disbursement("D-1"))
            _ = try await h.approve(c, id, key: "svc-shcp-a", message: message)
            _ = try await h.approve(c, id, key: "svc-shcp-b", message: message)  // refused: same institution
            _ = try await h.approve(c, id, key: "svc-usaid-a", message: [1, 2, 3])  // refused: over another message
            _ = try await h.approve(c, id, key: "svc-usaid-a", message: message)
            let m = try await h.call(c, .get, "/metrics", route: "/metrics")
            #expect(m.contentType.hasPrefix("text/plain; version=0.0.4"))
            for line in [
                "jhf_http_requests_total{method=\"POST\",route=\"/v1/proposals/{id}/approvals\",status=\"200\"} 2",
                "jhf_http_requests_total{method=\"POST\",route=\"/v1/proposals/{id}/approvals\",status=\"422\"} 2",
                "jhf_approvals_refused_total{reason=\"same_institution\"} 1",
                "jhf_approvals_refused_total{reason=\"bad_signature\"} 1",
                "jhf_entries_committed_total 1", "jhf_ledger_entries 2.0",  // gauges are floating point in swift-prometheus
            ] {
                #expect(m.text.contains(line + "\n"), "missing: \(line)")
            }
            #expect(m.text.contains("jhf_http_request_duration_seconds_bucket{method=\"POST\",route=\"/v1/proposals\",le=\"+Inf\"} 1"))
            // Every sample line is `name{labels} value` or `name value`, and label values are quoted and escaped.
            for line in m.text.split(separator: "\n") where !line.hasPrefix("#") {
                #expect(line.wholeMatch(of: /[a-z_]+(\{([a-z_]+="([^"\\\n]|\\["\\n])*",?)+\})? [0-9.eE+-]+|[a-z_]+(\{.*\})? (\+Inf|NaN)/) != nil, "\(line)")
            }
        }
        try h.checkOpenAPI()
    }
}
