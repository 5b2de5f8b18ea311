import ArgumentParser
import AsyncHTTPClient
import Dispatch
import Foundation
import LedgerCore
import LedgerService
import LedgerStore
import NIOCore
import NIOHTTP1

/// `--server URL --token-file FILE`: run a command against a ledger service instead of a database.
struct RemoteOptions: ParsableArguments {
    @Option(help: "Ledger service URL, e.g. http://127.0.0.1:8080 (instead of --db).") var server: String?
    @Option(help: "File holding your bearer token for --server (mode 0600).") var tokenFile: String?

    /// The client, or nil when the command runs against a database.
    func client(db: String?) throws -> RemoteClient? {
        guard let server else {
            if db == nil { throw CLIFailure("error [argument]: db: give --db PATH or --server URL") }
            if tokenFile != nil { throw CLIFailure("error [argument]: token-file: only meaningful with --server") }
            return nil
        }
        if db != nil { throw CLIFailure("error [argument]: server: give either --db or --server, not both") }
        guard let url = URL(string: server), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
            throw CLIFailure("error [argument]: server: must be an http:// or https:// URL")
        }
        return RemoteClient(base: server.hasSuffix("/") ? String(server.dropLast()) : server, token: try tokenFile.map(RemoteClient.readToken))
    }
}

/// A small synchronous client of the ledger service (the CLI commands are synchronous).
/// Problem responses become CLI errors with the service's code, field and detail.
struct RemoteClient {
    let base: String
    let token: String?
    /// How long one request may take.
    static let timeoutSeconds: Int64 = 60
    /// Largest response the CLI accepts (a page of 1,000 entries is well under this).
    static let responseBytesMax = 64 << 20

    /// Reads a token file, refusing one that group or others may read (like a key file).
    static func readToken(_ path: String) throws -> String {
        try Files.requirePrivate(path, field: "token-file")
        let text = String(decoding: try Files.read(path, field: "token-file"), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw CLIFailure("error [key]: token-file: \(path) must hold one token of printable ASCII")
        }
        return text
    }

    struct Reply {
        let status: Int
        let body: [UInt8]
        var json: JSONValue {
            get throws {
                do { return try JSONParser.parse(body) } catch { throw CLIFailure("error [server]: the service sent a response that is not acceptable JSON: \(error.message)") }
            }
        }
    }

    func get(_ path: String) throws -> Reply { try send(.GET, path, body: nil) }

    /// The latest signed checkpoint note, or nil when the service has signed none (404).
    func latestCheckpoint() throws -> [UInt8]? {
        let reply = try send(.GET, "/v1/checkpoint", body: nil, notFoundIsAnswer: true)
        return reply.status == 404 ? nil : reply.body
    }
    func post(_ path: String, _ value: JSONValue) throws -> Reply { try send(.POST, path, body: value.canonicalBytes) }

    /// Sends one request and waits for the whole answer; 4xx/5xx answers are thrown as CLI errors
    /// (except 404 when `notFoundIsAnswer`: then "there is none" is the caller's to handle).
    private func send(_ method: HTTPMethod, _ path: String, body: [UInt8]?, notFoundIsAnswer: Bool = false) throws -> Reply {
        // The commands are synchronous: the request's future is waited for on this (non-event-loop)
        // thread, as NIO allows, with no task bridged through a semaphore.
        let reply: Reply
        do {
            var headers = HTTPHeaders()
            if let token { headers.add(name: "Authorization", value: "Bearer \(token)") }
            if body != nil { headers.add(name: "Content-Type", value: "application/json") }
            let request = try HTTPClient.Request(url: base + path, method: method, headers: headers, body: body.map { .bytes($0) })
            // The accumulator refuses an answer past the limit as it arrives, not after holding it.
            let accumulator = ResponseAccumulator(request: request, maxBodySize: Self.responseBytesMax)
            let response = try HTTPClient.shared.execute(request: request, delegate: accumulator, deadline: .now() + .seconds(Self.timeoutSeconds)).wait()
            reply = Reply(status: Int(response.status.code), body: response.body.map { Array($0.readableBytesView) } ?? [])
        } catch {
            throw CLIFailure("error [io]: server: cannot reach \(base): \(error)", status: ExitStatus.storage)
        }
        guard reply.status < 400 || (notFoundIsAnswer && reply.status == 404) else { throw Self.failure(reply) }
        return reply
    }

    /// A problem document as the CLI prints errors: `error [code]: RULE field: detail`.
    static func failure(_ reply: Reply) -> CLIFailure {
        guard case .object(let o)? = try? JSONParser.parse(reply.body), case .string(let code)? = o["code"], case .string(let detail)? = o["detail"] else {
            return CLIFailure("error [server]: the service answered HTTP \(reply.status)", status: reply.status >= 500 ? ExitStatus.storage : ExitStatus.invalid)
        }
        var text = "error [\(code)]: "
        if case .string(let rule)? = o["rule"] { text += "\(rule) " }
        if case .string(let field)? = o["field"] { text += "\(field): " }
        text += detail
        if case .array(let failures)? = o["failures"] {
            for case .object(let f) in failures {
                if case .string(let rule)? = f["rule"], case .string(let m)? = f["message"] { text += "\n  - \(rule) \(m)" }
            }
        }
        return CLIFailure(text, status: reply.status >= 500 ? ExitStatus.storage : ExitStatus.invalid)
    }

    // MARK: - The service's resources

    func proposal(id: String) throws -> ProposalRecord {
        let json = try get("/v1/proposals/\(Self.escape(id))").json
        do { return try ProposalRecord(json: json) } catch { throw CLIFailure("error [server]: the service sent a proposal that does not decode: \(error.description)") }
    }

    /// The commitment `id` with its figures now, or nil when the ledger has none by that id (404).
    func commitment(id: String) throws -> CommitmentView? {
        let reply = try send(.GET, "/v1/commitments/\(Self.escape(id))", body: nil, notFoundIsAnswer: true)
        if reply.status == 404 { return nil }
        do { return try CommitmentView(json: try reply.json) } catch let e as LedgerError {
            throw CLIFailure("error [server]: the service sent a commitment that does not decode: \(e.description)")
        }
    }

    /// The suspensions in force now.
    func activeSuspensions() throws -> [SuspensionView] {
        guard case .object(let o) = try get("/v1/suspensions?active=true").json, case .array(let list)? = o["suspensions"] else {
            throw CLIFailure("error [server]: the service's list of suspensions does not decode")
        }
        do { return try list.map { v throws(LedgerError) in try SuspensionView(json: v) } } catch {
            throw CLIFailure("error [server]: a listed suspension does not decode: \(error.description)")
        }
    }

    /// Every line of `/v1/entries` (or `/v1/sealed`) from seq 0 on, page by page.
    /// Sealed lines are paged by the seq of their disbursement, which `seqOf` gives.
    func forEachLine(_ resource: String, seqOf: (([UInt8]) -> Int64?)? = nil, _ body: ([UInt8]) throws -> Void) throws {
        let page = 1000
        var from: Int64 = 0
        while true {
            let reply = try get("/v1/\(resource)?from=\(from)&limit=\(page)")
            let lines = reply.body.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast().map { Array($0) }
            for line in lines { try body(line) }
            guard lines.count == page, let last = lines.last else { return }
            guard let next = seqOf.map({ $0(last) }) ?? from + Int64(page) else {
                throw CLIFailure("error [server]: the service sent a sealed record of no committed disbursement")
            }
            from = next + (seqOf == nil ? 0 : 1)
        }
    }

    static func escape(_ s: String) -> String { s.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? s }
}
