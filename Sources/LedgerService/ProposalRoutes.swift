import Hummingbird
import LedgerCore
import LedgerStore

/// Proposing, co-signing and withdrawing: the routes that write.
extension Routes {
    /// `POST /v1/proposals` `{"kind", "body"}`: 201 for a new proposal, 200 for an identical repeat
    /// by the token that made it; any other caller repeating the id gets the same 409 whatever it sent.
    func propose(_ request: Request, _ context: some RequestContext) async throws -> Response {
        let caller = try access.require(request, [.proposer], to: "proposing")
        let r = try await requestObject(request, fields: ["body", "kind"])
        let kindText = try field { () throws(LedgerError) in try r.string("kind") }
        guard let kind = EntryKind(rawValue: kindText), kind != .genesis else {
            throw Problem(status: .unprocessableContent, code: "schema", field: "kind", rule: .r5,
                          detail: "must be \(EntryKind.proposableList)")
        }
        let draft: ProposalDraft
        do { draft = try ProposalDraft(kind: kind, input: r.value("body"), salt: SecureRandom.bytes(Limits.saltBytes), now: worker.now,
                                                  proposer: .token(caller.name)) } catch {
            throw Problem(error)
        }
        guard case .proposed(let o) = try await write(.propose(draft)) else { preconditionFailure() }
        if o.created { worker.rememberMessage(of: o.record) }
        // The body as stored (with proposed_at and sealed_digest), so the proposer can check it
        // and a client can rebuild the approval message without another request.
        // The stored body is already canonical: it is copied in rather than serialized again.
        var bytes = Array(#"{"approval_digest":""#.utf8) + Array(o.record.approvalDigest.hex.utf8) + Array(#"","body":"#.utf8)
        bytes += o.record.bodyBytes
        for (key, value) in [("id", o.record.id), ("kind", o.record.kind.rawValue), ("ledger_id", o.record.ledgerID), ("status", o.record.status.rawValue)] {
            bytes += Array(",\"\(key)\":".utf8)
            JSONCanonical.write(.string(value), into: &bytes)
        }
        bytes.append(UInt8(ascii: "}"))
        var response = Response(status: o.created ? .created : .ok, headers: [.contentType: "application/json"],
                                body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        response.headers[.location] = "/v1/proposals/\(o.record.id)"
        return response
    }

    /// `GET /v1/proposals?status=&limit=&after=`: a page of proposals, without sealed records.
    func listProposals(_ request: Request) async throws -> Response {
        _ = try access.require(request, Role.allCases, to: "reading proposals")
        let statusText: String = request.uri.queryParameters.get("status").map { String($0) } ?? "pending"
        let status: ProposalRecord.Status?
        if statusText == "all" { status = nil } else {
            guard let s = ProposalRecord.Status(rawValue: statusText) else {
                throw Problem(status: .badRequest, code: "invalid", field: "status", detail: "must be pending, committed, withdrawn, expired or all")
            }
            status = s
        }
        let limit = try Self.integer(request, "limit", default: Int64(ServiceLimits.proposalsPageDefault), range: 1...Int64(ServiceLimits.proposalsPageMax))
        let after = try Self.integer(request, "after", default: 0, range: 0...Int64.max)
        let (records, next) = try await store { s throws(StoreError) in try s.proposals(status: status, after: after, limit: Int(limit)) }
        return Self.json(.object([
            "next": next.map { .integer($0) } ?? .null,
            "proposals": .array(records.map { $0.json(includeSealed: false) }),
        ]))
    }

    /// `GET /v1/proposals/{id}`: the sealed record only for officers, auditors and admins.
    func showProposal(_ request: Request, _ context: some RequestContext) async throws -> Response {
        let caller = try access.require(request, Role.allCases, to: "reading proposals")
        let id = try Self.id(context)
        guard let p = try await store({ s throws(StoreError) in try s.proposal(id: id) }) else {
            throw Problem(status: .notFound, code: "not_found", field: "id", detail: "no proposal with id \(id)")
        }
        return Self.json(p.json(includeSealed: caller.hasAny([.officer, .auditor])))
    }

    /// `POST /v1/proposals/{id}/approvals` `{"key", "signature"}`.
    func approve(_ request: Request, _ context: some RequestContext) async throws -> Response {
        _ = try access.require(request, [.officer], to: "approving")
        let id = try Self.id(context)
        let outcome: WriteOutcome
        do {
            let (key, signature) = try await keyAndSignature(request)
            let verified = worker.preverify(id: id, keyName: key, signature: signature)
            outcome = try await write(.approve(id: id, keyName: key, signature: signature, verified: verified))
        } catch let p as Problem {
            worker.metrics.recordRefusedApproval(reason: Self.refusalReason(p))
            throw p
        }
        guard case .approved(let a) = outcome else { preconditionFailure() }
        if case .committed = a { worker.forgetMessage(of: id) }
        var pairs: [(String, JSONValue)] = [("id", .string(id)), ("entry_hash", .null), ("seq", .null), ("waiting_for", .null)]
        switch a {
        case .recorded(let waiting): pairs += [("outcome", .string("recorded"))]; pairs[3].1 = .string(waiting)
        case .alreadyRecorded: pairs += [("outcome", .string("already_recorded"))]
        case .committed(let seq, let hash):
            pairs += [("outcome", .string("committed"))]
            pairs[1].1 = .string(hash.hex)
            pairs[2].1 = .integer(seq)
        }
        return Self.json(.object(try! JSONObject(pairs)))
    }

    /// `POST /v1/proposals/{id}/withdraw` `{"reason"}`: closes a pending proposal; the chain is untouched.
    func withdraw(_ request: Request, _ context: some RequestContext) async throws -> Response {
        let caller = try access.require(request, [.proposer], to: "withdrawing")
        let id = try Self.id(context)
        let r = try await requestObject(request, fields: ["reason"])
        let reason = try field { () throws(LedgerError) in try r.string("reason") }
        guard case .withdrawn(let p) = try await write(.withdraw(id: id, by: caller.name, reason: reason)) else { preconditionFailure() }
        worker.forgetMessage(of: id)
        return Self.json(p.json(includeSealed: false))
    }

    // MARK: - Helpers

    /// Queues a write for the next group commit; a refusal becomes a problem.
    func write(_ request: WriteRequest) async throws -> WriteOutcome {
        do { return try await worker.submit(request).get() } catch { throw Problem(error) }
    }

    /// The request body as a JSON object with exactly `fields`: size, media type and JSON checked first.
    func requestObject(_ request: Request, fields: [String]) async throws -> FieldReader {
        guard let type = request.headers[.contentType], MediaType.isJSON(type) else {
            throw Problem(status: .unsupportedMediaType, code: "unsupported_media_type", field: "Content-Type", detail: "must be application/json")
        }
        let buffer: ByteBuffer
        do { buffer = try await request.body.collect(upTo: bodyBytesMax) } catch let e as HTTPResponseError { throw e } catch {
            // A malformed chunk, or a client gone mid-body: the request's fault, answered (if
            // anyone still listens) and never logged as the service's error.
            throw Problem(status: .badRequest, code: "bad_request", field: "body", detail: "the request body could not be read: it is malformed or was cut short")
        }
        return try field { () throws(LedgerError) in try FieldReader(try JSONParser.parse(Array(buffer.readableBytesView)), path: "", fields: fields) }
    }

    /// A `{"key", "signature"}` body: a key name and an Ed25519 signature in canonical base64
    /// (approvals and cosignatures).
    func keyAndSignature(_ request: Request) async throws -> (String, Signature) {
        let r = try await requestObject(request, fields: ["key", "signature"])
        return try field { () throws(LedgerError) in
            let key = try r.string("key", FieldRules.keyName)
            guard let signature = try? Signature(base64: try r.string("signature")) else {
                throw r.fail("signature", "must be 64 bytes in canonical padded base64")
            }
            return (key, signature)
        }
    }

    func field<T>(_ body: () throws(LedgerError) -> T) throws -> T {
        do { return try body() } catch { throw Problem(error) }
    }

    static func id(_ context: some RequestContext) throws -> String {
        guard let id = context.parameters.get("id"), FieldRules.entryID(id) == nil || id == "genesis" else {
            throw Problem(status: .badRequest, code: "invalid", field: "id", detail: "is not a valid proposal id")
        }
        return id
    }

    /// The label of a refused approval in `jhf_approvals_refused_total`.
    static func refusalReason(_ p: Problem) -> String {
        switch (p.code, p.field) {
        case ("not_found", _): return "unknown_proposal"
        case ("unauthorized", _), ("forbidden", _): return "access"
        case (_, "signature"?): return p.code == "refused" ? "bad_signature" : "invalid_request"
        case ("refused", "key"?): return "key_not_approver"
        case ("refused", "institution"?): return "same_institution"
        case ("refused", "id"?): return "not_pending"
        case ("refused", _): return "ledger_rules"
        case ("too_large", _), ("json", _), ("schema", _), ("crypto", _), ("unsupported_media_type", _), ("invalid", _): return "invalid_request"
        default: return p.code
        }
    }
}
