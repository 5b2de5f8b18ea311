import Foundation
import Hummingbird
import HummingbirdTesting
import LedgerCore
import LedgerStore
import LedgerWitness
import Logging
import Testing

/// An in-memory log: leaves, checkpoints signed with a log key, consistency proofs.
struct TestLog {
    var origin = "jhf-ledger/jhf.witness.test"
    var keyName = "jhf-ledger/jhf.witness.test"
    var key = LedgerBuilder.testKey("witness-test-log")
    var leaves: [Hash] = []

    init(size: Int, seed: String = "a") { grow(to: size, seed: seed) }

    mutating func grow(to size: Int, seed: String = "a") {
        while leaves.count < size { leaves.append(Hash.leaf(Array("\(seed)-\(leaves.count)".utf8))) }
    }

    func node(_ level: Int, _ index: Int64) -> Hash {
        level == 0 ? leaves[Int(index)] : Hash.node(node(level - 1, 2 * index), node(level - 1, 2 * index + 1))
    }

    func checkpoint(size: Int? = nil, signer: SecretKey? = nil, name: String? = nil) -> SignedNote {
        let n = Int64(size ?? leaves.count)
        let text = Checkpoint(origin: origin, size: n, root: Merkle.root(size: n, node: node)).text
        return SignedNote(text: text, signatures: [SignedNote.sign(text, name: name ?? keyName, key: signer ?? key)])
    }

    func request(old: Int, size: Int? = nil, note: SignedNote? = nil) throws -> [UInt8] {
        let n = size ?? leaves.count
        let proof = old == 0 || old == n ? [] : try Merkle.consistencyPath(first: Int64(old), second: Int64(n), node: node)
        return try AddCheckpointRequest(oldSize: Int64(old), proof: proof, note: note ?? checkpoint(size: n)).bytes
    }

    var config: WitnessConfig {
        try! WitnessConfig(bytes: Array("""
            {"state": "w.db", "logs": [{"origin": "\(origin)", "keys": [{"name": "\(keyName)", "public_key": "\(key.publicKey.base64)"}]}]}
            """.utf8))
    }
}

func temporaryDirectory() throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jhf-witness-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}

@Suite("tlog-witness add-checkpoint")
struct WitnessTests {
    let dir: String
    let witnessKey = LedgerBuilder.testKey("asf-witness")

    init() throws { dir = try temporaryDirectory() }

    func witness(_ config: WitnessConfig, state: String = "w.db", clock: Int64 = 1_790_000_000) throws -> Witness {
        Witness(config: config, state: try WitnessState(path: "\(dir)/\(state)"), name: "asf.gob.mx/witness", key: witnessKey, clock: { clock })
    }

    func cosignatureIsValid(_ reply: Witness.Reply, over note: SignedNote) throws -> Bool {
        let cosigned = try SignedNote(parsing: note.bytes + reply.body)
        return cosigned.checkCosignatures(keys: [CosignerKey(name: "asf.gob.mx/witness", institution: "ASF", publicKey: witnessKey.publicKey)])
            .valid.map(\.timestamp) == [1_790_000_000]
    }

    @Test func firstContactThenGrowthAreCosigned() throws {
        var log = TestLog(size: 5)
        let w = try witness(log.config)
        let first = w.addCheckpoint(try log.request(old: 0))
        #expect(first.status == 200 && first.body.first == 0xE2, "\(String(decoding: first.body, as: UTF8.self))")
        #expect(try cosignatureIsValid(first, over: log.checkpoint()))
        log.grow(to: 1000)
        let grown = w.addCheckpoint(try log.request(old: 5))
        #expect(grown.status == 200)
        #expect(try cosignatureIsValid(grown, over: log.checkpoint()))
        // The same checkpoint again is cosigned again (old size = size, same root).
        #expect(w.addCheckpoint(try log.request(old: 1000)).status == 200)
        #expect(try w.state.latest(origin: log.origin)?.size == 1000)
        // The state file is private.
        let mode = try FileManager.default.attributesOfItem(atPath: "\(dir)/w.db")[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func staleOldSizeIs409WithTheSizeCosigned() throws {
        var log = TestLog(size: 5)
        let w = try witness(log.config)
        #expect(w.addCheckpoint(try log.request(old: 0)).status == 200)
        log.grow(to: 9)
        for old in [0, 3, 7] {
            let r = w.addCheckpoint(try log.request(old: old))
            #expect(r == Witness.Reply(status: 409, contentType: "text/x.tlog.size", body: Array("5\n".utf8)), "old \(old)")
        }
        // The log recovers by resending from the size the witness reported.
        #expect(w.addCheckpoint(try log.request(old: 5)).status == 200)
    }

    @Test func aForkIsRefusedAndKeptAsEvidence() throws {
        let log = TestLog(size: 8)
        let w = try witness(log.config)
        #expect(w.addCheckpoint(try log.request(old: 0)).status == 200)
        // The same key signs another history: same size, other root → 409.
        var fork = TestLog(size: 8, seed: "b")
        let sameSize = w.addCheckpoint(try fork.request(old: 8))
        #expect(sameSize.status == 409 && sameSize.body == Array("8\n".utf8))
        // Longer, with a proof from its own tree → 422.
        fork.grow(to: 12, seed: "b")
        #expect(w.addCheckpoint(try fork.request(old: 8)).status == 422)
        // A history that shares the first entries but rewrites the eighth → 422.
        var rewritten = TestLog(size: 7)
        rewritten.leaves.append(Hash.leaf(Array("rewritten".utf8)))
        rewritten.grow(to: 10)
        #expect(w.addCheckpoint(try rewritten.request(old: 8)).status == 422)
        #expect(try w.state.evidence(origin: log.origin).map(\.reason).map { $0.prefix(12) } == ["same size 8,", "inconsistent", "inconsistent"])
        #expect(try w.state.latest(origin: log.origin)?.size == 8)
    }

    @Test func unknownOriginIs404() throws {
        let log = TestLog(size: 3)
        var other = TestLog(size: 3)
        other.origin = "jhf-ledger/another"
        let w = try witness(log.config)
        #expect(w.addCheckpoint(try other.request(old: 0)).status == 404)
    }

    @Test(arguments: [
        ("signed by another key", TestLog(size: 3).checkpoint(signer: LedgerBuilder.testKey("intruder"))),
        ("signed under another name", TestLog(size: 3).checkpoint(name: "someone-else")),
    ])
    func noValidLogSignatureIs403(_ what: String, _ note: SignedNote) throws {
        let log = TestLog(size: 3)
        let w = try witness(log.config)
        #expect(w.addCheckpoint(try log.request(old: 0, note: note)).status == 403, "\(what)")
        // A trusted key's line that does not verify is refused too.
        let good = log.checkpoint()
        var sig = good.signatures[0].signature
        sig[3] ^= 1
        let broken = SignedNote(text: good.text, signatures: [SignedNote.SignatureLine(keyName: log.keyName, keyID: good.signatures[0].keyID, signature: sig)])
        #expect(w.addCheckpoint(try log.request(old: 0, note: broken)).status == 403)
        #expect(try w.state.latest(origin: log.origin) == nil)
    }

    @Test func aRotatedLogKeyIsAConfigurationChange() throws {
        var log = TestLog(size: 4)
        let newKey = LedgerBuilder.testKey("witness-test-log-2")
        let config = try WitnessConfig(bytes: Array("""
            {"state": "w.db", "logs": [{"origin": "\(log.origin)", "keys": [
              {"name": "\(log.keyName)", "public_key": "\(log.key.publicKey.base64)"},
              {"name": "\(log.keyName)", "public_key": "\(newKey.publicKey.base64)"}]}]}
            """.utf8))
        let w = try witness(config)
        #expect(w.addCheckpoint(try log.request(old: 0)).status == 200)
        log.grow(to: 6)
        log.key = newKey
        #expect(w.addCheckpoint(try log.request(old: 4)).status == 200)
    }

    static let body = Array("jhf-ledger/jhf.witness.test\n3\n".utf8)
    @Test(arguments: [
        ("empty", ""),
        ("no old line", "\n"),
        ("old with leading zero", "old 01\n\n"),
        ("old negative", "old -1\n\n"),
        ("old with plus", "old +1\n\n"),
        ("old with two spaces", "old  1\n\n"),
        ("proof line not base64", "old 1\nnot base64!\n\n"),
        ("proof line of 31 bytes", "old 1\n\(Base64.encode(Array(repeating: 1, count: 31)))\n\n"),
        ("no blank line", "old 0\n"),
        ("no checkpoint", "old 0\n\n"),
        ("checkpoint without signatures", "old 0\n\njhf-ledger/x\n3\n\(Base64.encode(Array(repeating: 1, count: 32)))\n\n"),
        ("64 proof lines", "old 1\n" + String(repeating: "\(Base64.encode(Array(repeating: 1, count: 32)))\n", count: 64) + "\n"),
    ])
    func malformedRequestsAre400(_ what: String, _ body: String) throws {
        let w = try witness(TestLog(size: 3).config)
        #expect(w.addCheckpoint(Array(body.utf8)).status == 400, "\(what)")
    }

    @Test func oldLargerThanTheCheckpointIs400AndAProofFromZeroIs400() throws {
        let log = TestLog(size: 3)
        let w = try witness(log.config)
        let note = log.checkpoint()
        let tooLarge = AddCheckpointRequest.bytes(old: 4, proof: [], note: note)
        #expect(w.addCheckpoint(tooLarge).status == 400)
        let proofFromZero = AddCheckpointRequest.bytes(old: 0, proof: [log.leaves[0]], note: note)
        #expect(w.addCheckpoint(proofFromZero).status == 400)
    }

    @Test func aWrongProofIs422() throws {
        var log = TestLog(size: 5)
        let w = try witness(log.config)
        #expect(w.addCheckpoint(try log.request(old: 0)).status == 200)
        log.grow(to: 9)
        var proof = try Merkle.consistencyPath(first: 5, second: 9, node: log.node)
        proof[0] = Hash.leaf([1])
        #expect(w.addCheckpoint(AddCheckpointRequest.bytes(old: 5, proof: proof, note: log.checkpoint())).status == 422)
        #expect(w.addCheckpoint(AddCheckpointRequest.bytes(old: 5, proof: [], note: log.checkpoint())).status == 422)
        #expect(try w.state.latest(origin: log.origin)?.size == 5)
    }

    /// Many requests race from the same old size: exactly one wins each size; the others learn
    /// the new size (409) and the state only grows.
    @Test func concurrentRequestsForOneOriginHaveOneWinnerPerSize() async throws {
        var log = TestLog(size: 2)
        let w = try witness(log.config)
        #expect(w.addCheckpoint(try log.request(old: 0)).status == 200)
        log.grow(to: 40)
        let requests = try (3...40).map { try log.request(old: 2, size: $0) }
        let statuses = await withTaskGroup(of: Int.self) { group in
            for r in requests { group.addTask { w.addCheckpoint(r).status } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(statuses.filter { $0 == 200 }.count == 1 && statuses.filter { $0 == 409 }.count == requests.count - 1)
        #expect(try w.state.latest(origin: log.origin)!.size > 2)
    }

    @Test func theStateRefusesToGoBackEvenFromOutside() throws {
        var log = TestLog(size: 6)
        let w = try witness(log.config)
        #expect(w.addCheckpoint(try log.request(old: 0)).status == 200)
        log.grow(to: 7)
        #expect(w.addCheckpoint(try log.request(old: 6)).status == 200)
        for sql in ["UPDATE logs SET size = 5", "UPDATE logs SET root = zeroblob(32)", "DELETE FROM logs", "UPDATE logs SET origin = 'x'"] {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
            p.arguments = ["\(dir)/w.db", sql]
            p.standardError = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
            #expect(p.terminationStatus != 0, "\(sql)")
        }
        // Reopened, it remembers.
        let again = try witness(log.config)
        #expect(try again.state.latest(origin: log.origin)?.size == 7)
        #expect(again.addCheckpoint(try log.request(old: 6)) == Witness.Reply(status: 409, contentType: "text/x.tlog.size", body: Array("7\n".utf8)))
    }

    @Test func overHTTPTheStatusesAndContentTypesAreTheProtocols() async throws {
        var log = TestLog(size: 5)
        let first = try log.request(old: 0), note5 = log.checkpoint()
        log.grow(to: 7)
        let stale = try log.request(old: 3)
        let w = try witness(log.config)
        let app = WitnessServer.application(witness: w, host: "127.0.0.1", port: 0, logger: Logger(label: "test"))
        let replies = try await app.test(.router) { client in
            func post(_ body: [UInt8]) async throws -> Witness.Reply {
                try await client.execute(uri: "/add-checkpoint", method: .post, body: ByteBuffer(bytes: body)) { r in
                    Witness.Reply(status: Int(r.status.code), contentType: r.headers[.contentType] ?? "", body: Array(r.body.readableBytesView))
                }
            }
            let health = try await client.execute(uri: "/healthz", method: .get) { Int($0.status.code) }
            return [try await post(first), try await post(stale), try await post(Array("old x\n\n".utf8)),
                    try await post(Array(repeating: 0x41, count: WitnessLimits.requestBytesMax + 1)),
                    Witness.Reply(status: health, contentType: "", body: [])]
        }
        #expect(replies[0].status == 200)
        #expect(try cosignatureIsValid(replies[0], over: note5))
        #expect(replies[1] == Witness.Reply(status: 409, contentType: "text/x.tlog.size", body: Array("5\n".utf8)))
        #expect(replies[2].status == 400 && replies[3].status == 413 && replies[4].status == 200)
    }

    @Test(arguments: [
        (#"{"logs": []}"#, "state"),
        (#"{"state": "w.db", "logs": []}"#, "logs"),
        (#"{"state": "w.db", "logs": [{"origin": "x", "keys": []}]}"#, "logs[0].keys"),
        (#"{"state": "w.db", "logs": [{"origin": "x", "keys": [{"name": "a b", "public_key": "AAAA"}]}]}"#, "logs[0].keys[0].public_key"),
        (#"{"state": "w.db", "logs": [{"origin": "", "keys": []}]}"#, "logs[0].origin"),
        (#"{"state": "w.db", "extra": 1, "logs": []}"#, "extra"),
    ])
    func configRefusalsNameTheMember(_ json: String, _ field: String) {
        #expect { try WitnessConfig(bytes: Array(json.utf8)) } throws: { e in
            (e as! LedgerError).field == field
        }
    }
}

extension AddCheckpointRequest {
    /// A body built without the type's own checks (for requests it would refuse).
    static func bytes(old: Int64, proof: [Hash], note: SignedNote) -> [UInt8] {
        Array("old \(old)\n".utf8) + proof.flatMap { Array(Base64.encode($0.bytes).utf8) + [0x0A] } + [0x0A] + note.bytes
    }
}
