import Hummingbird
import LedgerCore
import LedgerStore

/// Public reads of v1.1 commitments and suspensions: what the replay knows now.
extension Routes {
    /// `GET /v1/commitments?after=&limit=`: commitments in chain order with their figures.
    func listCommitments(_ request: Request) async throws -> Response {
        let limit = try Self.integer(request, "limit", default: Int64(ServiceLimits.commitmentsPageDefault),
                                     range: 1...Int64(ServiceLimits.commitmentsPageMax))
        let after = try Self.integer(request, "after", default: 0, range: 0...Int64(Int32.max))
        let (views, next) = try await store { s throws(StoreError) in try s.commitmentViews(after: Int(after), limit: Int(limit)) }
        return Self.json(.object(["commitments": .array(views.map(\.json)), "next": next.map { .integer(Int64($0)) } ?? .null]))
    }

    /// `GET /v1/commitments/{id}`: one commitment, its amendments, disbursed, reversed, remaining and status.
    func showCommitment(_ context: some RequestContext) async throws -> Response {
        guard let id = context.parameters.get("id"), FieldRules.entryID(id) == nil else {
            throw Problem(status: .badRequest, code: "invalid", field: "id", detail: "is not a valid entry id")
        }
        guard let view = try await store({ s throws(StoreError) in try s.commitmentView(id: id) }) else {
            throw Problem(status: .notFound, code: "not_found", field: "id", detail: "no committed commitment with id \(id)")
        }
        return Self.json(view.json)
    }

    /// `GET /v1/suspensions?active=true|false`: suspension entries; with `active=true` only the
    /// suspends not yet resumed.
    func listSuspensions(_ request: Request) async throws -> Response {
        let activeOnly: Bool
        let active: String? = request.uri.queryParameters.get("active").map { String($0) }
        switch active {
        case nil, "false"?: activeOnly = false
        case "true"?: activeOnly = true
        default: throw Problem(status: .badRequest, code: "invalid", field: "active", detail: "must be true or false")
        }
        let views = try await store { s throws(StoreError) in try s.suspensionViews(activeOnly: activeOnly) }
        return Self.json(.object(["suspensions": .array(views.map(\.json))]))
    }
}
