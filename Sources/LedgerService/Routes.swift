import Hummingbird
import LedgerCore
import LedgerStore

/// Every route of the service, under `/v1`, plus `/healthz` and `/metrics`.
///
/// Public reads: `/healthz`, `/metrics`, `/v1/ledger`, `/v1/entries`, `/v1/commitments`, `/v1/suspensions`. Proposals need any
/// known token to read, `proposer` to propose or withdraw, `officer` to approve; sealed
/// records need `officer` or `auditor` (in a proposal) and `auditor` (`/v1/sealed`).
public struct Routes: Sendable {
    let worker: LedgerWorker
    let access: Access
    let bodyBytesMax: Int
    /// The directory `--publish` keeps the tiles in, served read-only under `/tlog/`.
    let publishDirectory: String?
    /// The directory `--site` keeps the public portal in, served read-only at `/`.
    let siteDirectory: String?

    public init(worker: LedgerWorker, access: Access, bodyBytesMax: Int = ServiceLimits.requestBodyDefaultBytes, publishDirectory: String? = nil,
                siteDirectory: String? = nil) {
        (self.worker, self.access, self.bodyBytesMax, self.publishDirectory, self.siteDirectory) = (worker, access, bodyBytesMax, publishDirectory, siteDirectory)
    }

    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: ServiceMiddleware(metrics: worker.metrics))
        router.get("/healthz") { _, _ in Self.text("ok\n") }
        router.get("/metrics") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(string: worker.metrics.render())))
        }
        router.get("/v1/ledger") { _, _ in try await ledgerInfo() }
        router.get("/tlog/checkpoint") { _, _ in try await published("checkpoint") }
        router.get("/tlog/tile/**") { request, _ in try await published(String(request.uri.path.dropFirst("/tlog/".count))) }
        router.head("/tlog/checkpoint") { _, _ in try await published("checkpoint", head: true) }
        router.head("/tlog/tile/**") { request, _ in try await published(String(request.uri.path.dropFirst("/tlog/".count)), head: true) }
        router.get("/") { _, _ in try await siteFile("") }
        router.head("/") { _, _ in try await siteFile("", head: true) }
        router.get("/**") { request, _ in try await siteFile(String(request.uri.path.dropFirst())) }
        router.head("/**") { request, _ in try await siteFile(String(request.uri.path.dropFirst()), head: true) }
        router.get("/v1/entries") { request, _ in try await entries(request) }
        router.get("/v1/entries/{seq}") { _, context in try await entry(context) }
        router.get("/v1/sealed") { request, _ in try await sealed(request) }
        router.get("/v1/checkpoint") { _, _ in try await latestCheckpoint() }
        router.get("/v1/checkpoints/{size}") { _, context in try await checkpoint(context) }
        router.post("/v1/checkpoints/{size}/cosignatures") { request, context in try await cosign(request, context) }
        router.get("/v1/proofs/inclusion") { request, _ in try await inclusionProof(request) }
        router.get("/v1/proofs/consistency") { request, _ in try await consistencyProof(request) }
        router.get("/v1/commitments") { request, _ in try await listCommitments(request) }
        router.get("/v1/commitments/{id}") { _, context in try await showCommitment(context) }
        router.get("/v1/suspensions") { request, _ in try await listSuspensions(request) }
        router.post("/v1/proposals") { request, context in try await propose(request, context) }
        router.get("/v1/proposals") { request, _ in try await listProposals(request) }
        router.get("/v1/proposals/{id}") { request, context in try await showProposal(request, context) }
        router.post("/v1/proposals/{id}/approvals") { request, context in try await approve(request, context) }
        router.post("/v1/proposals/{id}/withdraw") { request, context in try await withdraw(request, context) }
        return router
    }

    // MARK: - Public reads

    func ledgerInfo() async throws -> Response {
        let (ledgerID, size, genesis, head) = try await store { s throws(StoreError) in
            (try s.ledgerID(), s.state.size, s.state.genesisHash, s.state.size > 0 ? s.state.headHash : nil)
        }
        return Self.json(.object([
            "ledger_id": .string(ledgerID), "size": .integer(size),
            "genesis_hash": genesis.map { .string($0.hex) } ?? .null, "head_hash": head.map { .string($0.hex) } ?? .null,
        ]))
    }

    func entries(_ request: Request) async throws -> Response {
        let from = try Self.integer(request, "from", default: 0, range: 0...Limits.integerMagnitudeMax)
        let limit = try Self.integer(request, "limit", default: Int64(ServiceLimits.entriesPageDefault), range: 1...Int64(ServiceLimits.entriesPageMax))
        let rows = try await store { s throws(StoreError) in try s.entries(from: from, limit: Int(limit)) }
        return Self.jsonLines(rows.map(\.canonical))
    }

    func entry(_ context: some RequestContext) async throws -> Response {
        guard let text = context.parameters.get("seq"), let seq = Int64(text), seq >= 0 else {
            throw Problem(status: .badRequest, code: "invalid", field: "seq", detail: "must be a non-negative integer")
        }
        guard let row = try await store({ s throws(StoreError) in try s.entries(from: seq, limit: 1) }).first, row.seq == seq else {
            throw Problem(status: .notFound, code: "not_found", field: "seq", detail: "no committed entry at seq \(seq)")
        }
        return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: row.canonical)))
    }

    func sealed(_ request: Request) async throws -> Response {
        _ = try access.require(request, [.auditor], to: "reading sealed records")
        let from = try Self.integer(request, "from", default: 0, range: 0...Limits.integerMagnitudeMax)
        let limit = try Self.integer(request, "limit", default: Int64(ServiceLimits.entriesPageDefault), range: 1...Int64(ServiceLimits.entriesPageMax))
        let lines = try await store { s throws(StoreError) in try s.sealedLines(from: from, limit: Int(limit)) }
        return Self.jsonLines(lines.map(\.bytes))
    }

    // MARK: - Checkpoints (public: signed notes over public entries)

    func latestCheckpoint() async throws -> Response {
        guard let c = try await store({ s throws(StoreError) in try s.latestCheckpoint() }) else {
            throw Problem(status: .notFound, code: "not_found", detail: "no checkpoint has been signed yet (the service signs with --log-key)")
        }
        return Self.note(c.note)
    }

    func checkpoint(_ context: some RequestContext) async throws -> Response {
        let size = try Self.size(context)
        guard let c = try await store({ s throws(StoreError) in try s.checkpoint(size: size) }) else {
            throw Problem(status: .notFound, code: "not_found", field: "size", detail: "no checkpoint was signed for size \(size)")
        }
        return Self.note(c.note)
    }

    static func size(_ context: some RequestContext) throws -> Int64 {
        guard let text = context.parameters.get("size"), let size = Int64(text), size >= 1 else {
            throw Problem(status: .badRequest, code: "invalid", field: "size", detail: "must be a positive integer")
        }
        return size
    }

    /// `POST /v1/checkpoints/{size}/cosignatures` `{"key", "signature"}`: a witness or approver key of
    /// the ledger adds its tlog-cosignature/v1 line; `signature` is base64(timestamp ‖ Ed25519
    /// signature), the line's bytes after the key ID (SPEC §12). The witness's own tool checks
    /// consistency with what it cosigned before; the service checks the cosignature and that
    /// the key is one of the ledger's. 201 when added, 200 if already there.
    func cosign(_ request: Request, _ context: some RequestContext) async throws -> Response {
        _ = try access.require(request, [.witness, .officer], to: "cosigning a checkpoint")
        let size = try Self.size(context)
        let r = try await requestObject(request, fields: ["key", "signature"])
        let (key, timestamped) = try field { () throws(LedgerError) in
            let key = try r.string("key", FieldRules.keyName)
            guard let bytes = Base64.decode(try r.string("signature")), bytes.count == Cosignature.signatureBytes else {
                throw r.fail("signature", "must be base64 of \(Cosignature.signatureBytes) bytes: a tlog-cosignature/v1 timestamp (8) and Ed25519 signature (64)")
            }
            return (key, bytes)
        }
        let (added, lines) = try await store { s throws(StoreError) in
            // On the store's thread, between group commits: a rare write outside the batch path.
            let added = try s.cosign(size: size, keyName: key, timestamped: timestamped)
            let note = try s.checkpoint(size: size).map { c throws(StoreError) in
                do throws(LedgerError) { return try SignedNote(parsing: c.note).signatures.count } catch { throw StoreError(.corrupt, error.message) }
            }
            return (added, note ?? 0)
        }
        return Self.json(.object(["size": .integer(size), "key": .string(key), "added": .bool(added), "signature_lines": .integer(Int64(lines))]),
                         status: added ? .created : .ok)
    }

    /// A signed note, as C2SP tooling fetches it.
    static func note(_ bytes: [UInt8]) -> Response {
        Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    // MARK: - Proofs (public: they reveal only hashes of public entries)

    func inclusionProof(_ request: Request) async throws -> Response {
        let seq = try Self.required(request, "seq", range: 0...Limits.integerMagnitudeMax)
        let size = try Self.optional(request, "size", range: 1...Limits.integerMagnitudeMax)
        let proof = try await store { s throws(StoreError) in try s.inclusionProof(seq: seq, size: size ?? s.state.size) }
        return Self.json(proof.json)
    }

    func consistencyProof(_ request: Request) async throws -> Response {
        let first = try Self.required(request, "first", range: 1...Limits.integerMagnitudeMax)
        let second = try Self.optional(request, "second", range: 1...Limits.integerMagnitudeMax)
        let proof = try await store { s throws(StoreError) in try s.consistencyProof(first: first, second: second ?? s.state.size) }
        return Self.json(proof.json)
    }

    // MARK: - Helpers

    /// Runs a read on the store's thread; store errors become problems.
    func store<T: Sendable>(_ body: @escaping @Sendable (LedgerStore) throws(StoreError) -> T) async throws -> T {
        do { return try await worker.read(body) } catch { throw Problem(error) }
    }

    static func text(_ s: String) -> Response {
        Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: s)))
    }

    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: value.canonicalBytes)))
    }

    static func jsonLines(_ lines: [[UInt8]]) -> Response {
        var body: [UInt8] = []
        body.reserveCapacity(lines.reduce(0) { $0 + $1.count + 1 })
        for line in lines { body += line; body.append(0x0A) }
        return Response(status: .ok, headers: [.contentType: "application/jsonl"], body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    static func integer(_ request: Request, _ name: String, default value: Int64, range: ClosedRange<Int64>) throws -> Int64 {
        try optional(request, name, range: range) ?? value
    }

    /// A query parameter that must be given.
    static func required(_ request: Request, _ name: String, range: ClosedRange<Int64>) throws -> Int64 {
        guard let n = try optional(request, name, range: range) else {
            throw Problem(status: .badRequest, code: "invalid", field: name, detail: "is required")
        }
        return n
    }

    /// A query parameter, nil when absent; an integer in `range` when present.
    static func optional(_ request: Request, _ name: String, range: ClosedRange<Int64>) throws -> Int64? {
        guard let text = request.uri.queryParameters.get(name) else { return nil }
        guard let n = Int64(text), range.contains(n) else {
            throw Problem(status: .badRequest, code: "invalid", field: name, detail: "must be an integer from \(range.lowerBound) to \(range.upperBound)")
        }
        return n
    }
}
