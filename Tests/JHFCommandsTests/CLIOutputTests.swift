import Foundation
import LedgerCore
@testable import LedgerStore
import Testing

/// The CLI is an interface: its full output and exit codes are compared here.
@Suite struct CLIOutputTests {
    static let golden = Repo.path("Tests/LedgerCoreTests/Fixtures/golden")
    static let goldenGenesis = "855222a489adfa87e61f5885efe674913dfaf4c20c55961f7e38144b80367a5a"

    static let goldenSummary = """
        ledger:       jhf.golden.v1 — Fondo Humanitario Conjunto — golden ledger
        entries:      8
        genesis hash: 855222a489adfa87e61f5885efe674913dfaf4c20c55961f7e38144b80367a5a
        head hash:    d8d5a76ead54b0cd2a404ed27acb5232a7bad2eba8df72c3bfcf8a688e53badb
        totals:
          humanitarian_stabilization MXN: net 3,400,000.00 MXN of envelope 500,000,000.00 MXN; disbursed 3,400,000.00 MXN, reversed 0.00 MXN
          humanitarian_stabilization USD: NET_USD
          institutional_strengthening USD: net 0.00 USD of envelope 80,000,000.00 USD; disbursed 0.00 USD, reversed 0.00 USD
          oversight_governance USD: net 0.00 USD of envelope 5,000,000.00 USD; disbursed 0.00 USD, reversed 0.00 USD
        keys:
          golden-job-log JOB log: added at seq 0
          golden-shcp-ana SHCP approver: added at seq 0, revoked at seq 6
          golden-shcp-carlos SHCP approver: added at seq 0
          golden-usaid-ben USAID approver: added at seq 0
          golden-usaid-dana USAID approver: added at seq 0
          golden-shcp-elena SHCP approver: added at seq 6
        """

    @Test func verifyGoldenBundleText() throws {
        let o = try jhf("verify", "--bundle", Self.golden, "--genesis", Self.goldenGenesis)
        #expect(o.status == 0)
        #expect(o.stderr == "")
        #expect(o.stdout == "VALID: every rule holds.\n" + Self.goldenSummary.replacingOccurrences(
            of: "NET_USD", with: "net 48,000,000.00 USD of envelope 120,000,000.00 USD; disbursed 63,000,000.00 USD, reversed 15,000,000.00 USD") + "\n")
    }

    @Test func verifyGoldenBundleJSON() throws {
        let o = try jhf("verify", "--bundle", Self.golden, "--json", "--jobs", "2")
        #expect(o.status == 0)
        #expect(o.stdout == """
            {"checkpoint":null,"entries":8,"failure_count":0,"failures":[],"genesis_hash":"855222a489adfa87e61f5885efe674913dfaf4c20c55961f7e38144b80367a5a",\
            "head_hash":"d8d5a76ead54b0cd2a404ed27acb5232a7bad2eba8df72c3bfcf8a688e53badb","keys":[\
            {"added_seq":0,"institution":"JOB","name":"golden-job-log","public_key":"DzNktBu98du+PHyoICu8idzVtbsRdzhJ5GeTQGXTfdI=","revoked_seq":null,"role":"log"},\
            {"added_seq":0,"institution":"SHCP","name":"golden-shcp-ana","public_key":"73PCjhJHSnfEpLh1cyZ4nI4WNOe0oOG02PqJCdzpU6E=","revoked_seq":6,"role":"approver"},\
            {"added_seq":0,"institution":"SHCP","name":"golden-shcp-carlos","public_key":"1W+St51joShHam3hbFdmxqKY5/j/ybd7sP0NDs4moT4=","revoked_seq":null,"role":"approver"},\
            {"added_seq":0,"institution":"USAID","name":"golden-usaid-ben","public_key":"aDhpJwuSZAJogoAwg/X+Sa7EBRjj7QsiZm7ZM1gYGk0=","revoked_seq":null,"role":"approver"},\
            {"added_seq":0,"institution":"USAID","name":"golden-usaid-dana","public_key":"YOYDEz7zqIysD50Um80VNX1rkm4KSBcuf1uOqGHxULw=","revoked_seq":null,"role":"approver"},\
            {"added_seq":6,"institution":"SHCP","name":"golden-shcp-elena","public_key":"xeIkt7BeZaqf6snaHnWebtkLWWes+E20AppFp+gsNbw=","revoked_seq":null,"role":"approver"}],\
            "ledger_id":"jhf.golden.v1","ok":true,"root":"2e5c375193c1a2a9a4c0038e99a7eb74f66af355424383f50131e1e5838d8dd5","title":"Fondo Humanitario Conjunto — golden ledger","totals":[\
            {"budget":50000000000,"category":"humanitarian_stabilization","currency":"MXN","disbursed":340000000,"net":340000000,"reversed":0},\
            {"budget":12000000000,"category":"humanitarian_stabilization","currency":"USD","disbursed":6300000000,"net":4800000000,"reversed":1500000000},\
            {"budget":8000000000,"category":"institutional_strengthening","currency":"USD","disbursed":0,"net":0,"reversed":0},\
            {"budget":500000000,"category":"oversight_governance","currency":"USD","disbursed":0,"net":0,"reversed":0}]}

            """)
    }

    @Test func verifyTamperedGoldenBundleText() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try write("\(dir)/entries.jsonl", try read("\(Self.golden)/entries.jsonl").replacingOccurrences(of: #""amount":4800000000"#, with: #""amount":4900000000"#))
        try write("\(dir)/sealed.jsonl", try read("\(Self.golden)/sealed.jsonl"))
        let o = try jhf("verify", "--bundle", dir, "--genesis", Self.goldenGenesis)
        #expect(o.status == 1)
        #expect(o.stdout == "INVALID: 4 failure(s).\n" + Self.goldenSummary.replacingOccurrences(
            of: "NET_USD", with: "net 0.00 USD of envelope 120,000,000.00 USD; disbursed 15,000,000.00 USD, reversed 15,000,000.00 USD") + """

            failures:
              seq 2 R6 approvals: approval by golden-shcp-carlos: signature does not verify over this ledger, kind and body
              seq 2 R6 approvals: approval by golden-usaid-dana: signature does not verify over this ledger, kind and body
              seq 3 R3 link: prev_hash bb5e2935734c1dda3748ade823ed982ad73e1b0c264d2aa64f187bff59195716 is not the entry_hash of the previous line (25ce297b894dc8e48a4dd4fb3bb7e3d50184c8fcf7ffbe4cbb441e70eff01c19)
              - R11 sealed: sealed.jsonl line 2: sealed record for D-0002, which is not a disbursement accepted by the replay

            """)
    }

    /// A bundle with the golden entries and a checkpoint over all 8, signed by the golden log key.
    static func goldenWithCheckpoint(editLast: Bool) throws -> String {
        let dir = try temporaryDirectory()
        var entries = try read("\(golden)/entries.jsonl")
        let lines = entries.split(separator: "\n").map { Array($0.utf8) }
        var tree = MerkleFrontier()
        for line in lines { tree.append(Hash.leaf(line)) }
        let c = Checkpoint(origin: Checkpoint.origin(ledgerID: "jhf.golden.v1"), size: 8, root: tree.root)
        let note = SignedNote(text: c.text, signatures: [SignedNote.sign(c.text, name: "golden-job-log", key: LedgerBuilder.testKey("golden-job-log"))])
        try Data(note.bytes).write(to: URL(fileURLWithPath: "\(dir)/checkpoint"))
        if editLast {
            // The last entry's committed_at is not signed by the approvers; only the checkpoint protects it.
            let last = String(decoding: lines[7], as: UTF8.self)
            guard let range = last.range(of: #""committed_at":"[^"]*""#, options: .regularExpression) else { throw CocoaError(.fileReadCorruptFile) }
            entries = entries.replacingOccurrences(of: last, with: last.replacingCharacters(in: range, with: #""committed_at":"2026-12-31T23:59:59Z""#))
        }
        try write("\(dir)/entries.jsonl", entries)
        return dir
    }

    @Test func verifyChecksTheExportsCheckpoint() throws {
        let good = try Self.goldenWithCheckpoint(editLast: false)
        defer { try? FileManager.default.removeItem(atPath: good) }
        let o = try jhf("verify", "--bundle", good, "--genesis", Self.goldenGenesis, "--json")
        #expect(o.status == 0, "\(o)")
        #expect(o.stdout.contains(#""checkpoint":{"log_signatures":["golden-job-log"],"origin":"jhf-ledger/jhf.golden.v1","other_signatures":0,"root":"2e5c375193c1a2a9a4c0038e99a7eb74f66af355424383f50131e1e5838d8dd5","size":8}"#))

        let edited = try Self.goldenWithCheckpoint(editLast: true)
        defer { try? FileManager.default.removeItem(atPath: edited) }
        // Without the checkpoint the edit is invisible: the chain still holds.
        try FileManager.default.moveItem(atPath: "\(edited)/checkpoint", toPath: "\(edited)/checkpoint.aside")
        #expect(try jhf("verify", "--bundle", edited, "--genesis", Self.goldenGenesis).status == 0)
        try FileManager.default.moveItem(atPath: "\(edited)/checkpoint.aside", toPath: "\(edited)/checkpoint")
        let r = try jhf("verify", "--bundle", edited, "--genesis", Self.goldenGenesis)
        #expect(r.status == 1)
        #expect(r.stdout.hasPrefix("INVALID: 1 failure(s).\n"))
        #expect(r.stdout.contains("  seq 7 R12 checkpoint: the checkpoint's root 2e5c375193c1a2a9a4c0038e99a7eb74f66af355424383f50131e1e5838d8dd5 is not the Merkle root "), "\(r)")
    }

    @Test func verifySinceAnEarlierCheckpoint() throws {
        let good = try Self.goldenWithCheckpoint(editLast: false)
        defer { try? FileManager.default.removeItem(atPath: good) }
        // The golden bundle's checkpoint, kept by an auditor, still matches the same export.
        try FileManager.default.copyItem(atPath: "\(good)/checkpoint", toPath: "\(good)/kept.checkpoint")
        #expect(try jhf("verify", "--bundle", good, "--since", "\(good)/kept.checkpoint").status == 0)
        // A later export whose last entry was re-timed and re-checkpointed: its own checkpoint
        // would be re-signed by a dishonest service, but the kept one exposes the change.
        let edited = try Self.goldenWithCheckpoint(editLast: true)
        defer { try? FileManager.default.removeItem(atPath: edited) }
        try FileManager.default.removeItem(atPath: "\(edited)/checkpoint")
        let r = try jhf("verify", "--bundle", edited, "--since", "\(good)/kept.checkpoint")
        #expect(r.status == 1)
        #expect(r.stdout.contains("  seq 7 R12 checkpoint: the earlier checkpoint (--since)'s root 2e5c375193c1a2a9a4c0038e99a7eb74f66af355424383f50131e1e5838d8dd5 is not the Merkle root "), "\(r)")
        #expect(r.stdout.contains("entries it covered were changed since it was signed"))
        let missing = try jhf("verify", "--bundle", good, "--since", "\(good)/no-such-file")
        #expect(missing.status == 3 && missing.stderr == "error [io]: since: \(good)/no-such-file does not exist\n", "\(missing)")
    }

    /// Signs a checkpoint of the whole demo ledger with the demo log key, as the service would.
    static func signCheckpoint(_ l: DemoLedger) throws {
        let keyJSON = try JSONParser.parse(Array(try read(Repo.path("Keys.example/demo-job-log.key")).utf8))
        guard case .object(let k) = keyJSON, case .string(let seed)? = k["secret_key"] else { throw Unexpected("key file") }
        let store = try LedgerStore(path: l.db)
        try store.db.writeTransaction { () throws(StoreError) in
            try store.signCheckpointLocked(CheckpointSigner(name: "demo-job-log", key: try! SecretKey(seed: Base64.decode(seed)!)), now: "2026-11-20T12:00:00Z")
        }
    }

    @Test func entryProofIsWrittenAndCheckedOffline() throws {
        let l = try DemoLedger.make()
        defer { l.remove() }
        let proofFile = "\(l.dir)/d2.proof.json"
        // No checkpoint yet: the CLI does not sign them.
        let early = try jhf("proof", "--db", l.db, "--id", "D-2", "--out", proofFile)
        #expect(early.status == 2 && early.stderr == "error [refused]: checkpoint: no signed checkpoint covers seq 2 yet (the service signs them with --log-key)\n", "\(early)")
        // Sign one as the service would, with the demo log key.
        try Self.signCheckpoint(l)
        #expect(try jhf("proof", "--db", l.db, "--id", "D-2", "--out", proofFile).stdout == "wrote the proof of D-2 to \(proofFile)\n")
        let ok = try jhf("verify-proof", proofFile, "--keys", Repo.path("Keys.example/registry.json"))
        #expect(ok.status == 0)
        #expect(ok.stdout == "VALID: disbursement D-2 is entry 2 of ledger jhf.cli.test; checkpoint of 4 entries signed by demo-job-log\n")
        // The proof file matches its schema.
        let check = try run("/usr/bin/env", ["python3", Repo.path("Tests/Tools/validate_schema.py"), Repo.path("Schemas"), "entry-proof", proofFile])
        #expect(check.status == 0, "\(check)")

        // Another amount in the entry: the path no longer leads to the signed root.
        let text = try read(proofFile)
        try write("\(l.dir)/forged.json", text.replacingOccurrences(of: #""amount":4800000000"#, with: #""amount":4900000000"#))
        let forged = try jhf("verify-proof", "\(l.dir)/forged.json", "--keys", Repo.path("Keys.example/registry.json"))
        #expect(forged.status == 1)
        #expect(forged.stdout == "INVALID: path: the inclusion path does not lead to the root of the tree of 4 leaves\n", "\(forged)")
        // Keys without the ledger's log key: nobody trusted signed the checkpoint.
        let approversOnly = try JSONParser.parse(Array(try read(Repo.path("Keys.example/registry.json")).utf8))
        guard case .array(let items) = approversOnly else { throw Unexpected("registry") }
        try write("\(l.dir)/approvers.json", String(decoding: JSONValue.array(items.filter { item in
            if case .object(let o) = item, o["role"] == .string("log") { return false }
            return true
        }).canonicalBytes, as: UTF8.self))
        let untrusted = try jhf("verify-proof", proofFile, "--keys", "\(l.dir)/approvers.json")
        #expect(untrusted.status == 1 && untrusted.stdout == "INVALID: R12 checkpoint: no signature by a given log key ()\n", "\(untrusted)")
        // An id that is not in the ledger.
        let unknown = try jhf("proof", "--db", l.db, "--id", "D-404")
        #expect(unknown.status == 2 && unknown.stderr == "error [not_found]: id: no committed entry has id D-404\n", "\(unknown)")
    }

    @Test func witnessCosignsOnlyAConsistentCheckpoint() throws {
        let l = try DemoLedger.make()
        defer { l.remove() }
        let cosign = ["checkpoint", "cosign", "--db", l.db, "--key", l.key("demo-usaid-ben")]
        let none = try jhf(cosign)
        #expect(none.status == 2 && none.stderr == "error [refused]: checkpoint: the ledger has no signed checkpoint yet\n", "\(none)")
        try Self.signCheckpoint(l)
        #expect(try jhf(cosign).stdout == "cosigned the checkpoint of 4 entries as demo-usaid-ben\n")
        #expect(try jhf(cosign).stdout == "the checkpoint of 4 entries already carries demo-usaid-ben's cosignature\n")
        // The cosigned checkpoint still verifies and reports the tlog-cosignature/v1 line.
        let report = try jhf("verify", "--db", l.db, "--json")
        #expect(report.status == 0 && report.stdout.contains(#""cosignatures":[{"institution":"USAID","name":"demo-usaid-ben","timestamp":"#)
                && report.stdout.contains(#""log_signatures":["demo-job-log"],"origin":"jhf-ledger/jhf.cli.test","other_signatures":0"#), "\(report)")
        #expect(try jhf("verify", "--db", l.db, "--witness-policy", "1 of USAID").status == 0)
        let short = try jhf("verify", "--db", l.db, "--witness-policy", "2 of SHCP,USAID")
        #expect(short.status == 1 && short.stdout.contains("seq 3 R12 checkpoint: the checkpoint does not meet the witness policy '2 of SHCP,USAID': valid cosignatures by 1 (USAID)"), "\(short)")
        // A proof of inclusion carries the cosigned checkpoint; verify-proof applies the policy too.
        let proofFile = "\(l.dir)/proof.json"
        _ = try jhf("proof", "--db", l.db, "--id", "D-2", "--out", proofFile)
        let registry = Repo.path("Keys.example/registry.json")
        #expect(try jhf("verify-proof", proofFile, "--keys", registry, "--witness-policy", "1 of USAID").stdout
                == "VALID: disbursement D-2 is entry 2 of ledger jhf.cli.test; checkpoint of 4 entries signed by demo-job-log, cosigned by demo-usaid-ben\n")
        let unmet = try jhf("verify-proof", proofFile, "--keys", registry, "--witness-policy", "1 of SHCP")
        #expect(unmet.status == 1 && unmet.stdout == "INVALID: R12 checkpoint: the checkpoint does not meet the witness policy '1 of SHCP': valid cosignatures by none of those institutions\n", "\(unmet)")
        let malformed = try jhf("verify-proof", proofFile, "--keys", registry, "--witness-policy", "1 of")
        #expect(malformed.status == 2 && malformed.stderr == "error [schema]: witness_policy: must be '<k> of <INSTITUTION>,<INSTITUTION>,…', e.g. '2 of ASF,GAO,JOB'\n", "\(malformed)")
        // The witness remembers what it cosigned: a checkpoint of the same size with another root is refused.
        let statePath = l.key("demo-usaid-ben") + ".cosigned"
        let kept = try read(statePath)
        let lines = kept.split(separator: "\n")
        try write(statePath, "\(lines[0])\n\(lines[1])\n\(Base64.encode(Merkle.emptyRoot.bytes))\n")
        let forked = try jhf(cosign)
        #expect(forked.status == 2 && forked.stderr.hasPrefix("error [refused]: R12 checkpoint: the checkpoint of 4 entries is not consistent with the one of 4 you cosigned"), "\(forked)")
        // And one of more entries than the ledger now has: it shrank.
        try write(statePath, "\(lines[0])\n9\n\(lines[2])\n")
        #expect(try jhf(cosign).stderr == "error [refused]: R12 checkpoint: you cosigned 9 entries before; the latest checkpoint has 4: the ledger shrank\n")
    }

    @Test func verifyWithTheWrongPinnedGenesis() throws {
        let o = try jhf("verify", "--bundle", Self.golden, "--genesis", String(repeating: "0", count: 64))
        #expect(o.status == 1)
        #expect(o.stdout.hasSuffix("""
            failures:
              seq 0 R13 anchor: entry 0's entry_hash 855222a489adfa87e61f5885efe674913dfaf4c20c55961f7e38144b80367a5a is not the pinned genesis hash 0000000000000000000000000000000000000000000000000000000000000000

            """))
    }

    /// One command line, its exit status, and the exact standard error it must print.
    struct ErrorCase: Sendable, CustomTestStringConvertible {
        let name: String
        let arguments: @Sendable (DemoLedger) throws -> [String]
        let status: Int32
        let stderr: @Sendable (DemoLedger) -> String
        var testDescription: String { name }
    }

    static let errorCases: [ErrorCase] = [
        ErrorCase(name: "fraction in a proposal file", arguments: { l in
            try write("\(l.dir)/in/bad.json", #"{"id":"X-1","amount":1.5}"#)
            return ["propose", "--db", l.db, "--kind", "disbursement", "--file", "\(l.dir)/in/bad.json"]
        }, status: 2, stderr: { l in "error [json]: file (\(l.dir)/in/bad.json): number at byte 21 has a fraction or exponent; only integers are allowed\n" }),
        ErrorCase(name: "bad CLABE check digit", arguments: { l in
            try write("\(l.dir)/in/bad.json", DemoLedger.d1.replacingOccurrences(of: "\"D-1\"", with: "\"D-9\"").replacingOccurrences(of: "002010077777777771", with: "002010077777777772"))
            return ["propose", "--db", l.db, "--kind", "disbursement", "--file", "\(l.dir)/in/bad.json"]
        }, status: 2, stderr: { _ in "error [schema]: R5 sealed.payee_account.number: CLABE check digit is 2, expected 1\n" }),
        ErrorCase(name: "extra field in a proposal", arguments: { l in
            try write("\(l.dir)/in/bad.json", #"{"id":"R-9","reverses":"D-2","reason":"r","memo":"x"}"#)
            return ["propose", "--db", l.db, "--kind", "reversal", "--file", "\(l.dir)/in/bad.json"]
        }, status: 2, stderr: { _ in "error [schema]: R5 memo: unknown field (allowed: id, proposed_at, reason, reverses)\n" }),
        ErrorCase(name: "id used before, other content", arguments: { l in
            try write("\(l.dir)/in/bad.json", #"{"id":"R-1","reverses":"D-1","reason":"another reason"}"#)
            return ["propose", "--db", l.db, "--kind", "reversal", "--file", "\(l.dir)/in/bad.json"]
        }, status: 2, stderr: { _ in "error [conflict]: R9 reason: a different proposal with id R-1 already exists; fields that differ: reason\n" }),
        ErrorCase(name: "reversal of a reversed disbursement", arguments: { l in
            try write("\(l.dir)/in/bad.json", #"{"id":"R-2","reverses":"D-1","reason":"again"}"#)
            return ["propose", "--db", l.db, "--kind", "reversal", "--file", "\(l.dir)/in/bad.json"]
        }, status: 2, stderr: { _ in "error [refused]: proposal R-2 breaks ledger rules\n  - R9 ids: disbursement D-1 was already reversed at seq 3\n" }),
        ErrorCase(name: "unknown kind", arguments: { l in ["propose", "--db", l.db, "--kind", "refund", "--file", l.input("r1")] },
                  status: 2, stderr: { _ in "error [argument]: kind: must be disbursement, reversal, key_update, budget_update, commitment, amendment or suspension\n" }),
        ErrorCase(name: "key file readable by others", arguments: { l in
            try write("\(l.dir)/open.key", try read(l.key("demo-usaid-dana")), mode: 0o644)
            return ["approve", "--db", l.db, "--id", "D-1", "--key", "\(l.dir)/open.key", "--yes"]
        }, status: 2, stderr: { l in "error [key]: key: \(l.dir)/open.key is accessible by group or others (mode 644); run chmod 600 \(l.dir)/open.key\n" }),
        ErrorCase(name: "approval of an unknown proposal", arguments: { l in ["approve", "--db", l.db, "--id", "D-404", "--key", l.key("demo-shcp-ana"), "--yes"] },
                  status: 2, stderr: { _ in "error [not_found]: id: no proposal with id D-404\n" }),
        ErrorCase(name: "log key as approver", arguments: { l in
            try write("\(l.dir)/in/d9.json", DemoLedger.d1.replacingOccurrences(of: "\"D-1\"", with: "\"D-9\""))
            _ = try jhf("propose", "--db", l.db, "--kind", "disbursement", "--file", "\(l.dir)/in/d9.json")
            return ["approve", "--db", l.db, "--id", "D-9", "--key", l.key("demo-job-log"), "--yes"]
        }, status: 2, stderr: { _ in "error [refused]: R6 key: approval by demo-job-log: key has role log, not approver\n" }),
        ErrorCase(name: "second approval by the same institution", arguments: { l in
            try write("\(l.dir)/in/d9.json", DemoLedger.d1.replacingOccurrences(of: "\"D-1\"", with: "\"D-9\""))
            _ = try jhf("propose", "--db", l.db, "--kind", "disbursement", "--file", "\(l.dir)/in/d9.json")
            _ = try jhf("approve", "--db", l.db, "--id", "D-9", "--key", l.key("demo-shcp-ana"), "--yes")
            return ["approve", "--db", l.db, "--id", "D-9", "--key", l.key("demo-shcp-carlos"), "--yes"]
        }, status: 2, stderr: { _ in "error [refused]: R6 institution: SHCP has already approved (key demo-shcp-ana); one approval per institution\n" }),
        ErrorCase(name: "show of an unknown id", arguments: { l in ["show", "--db", l.db, "--id", "nope"] },
                  status: 2, stderr: { _ in "error [not_found]: id: no proposal with id nope\n" }),
        ErrorCase(name: "both --db and --server", arguments: { l in ["list", "--db", l.db, "--server", "http://127.0.0.1:9"] },
                  status: 2, stderr: { _ in "error [argument]: server: give either --db or --server, not both\n" }),
        ErrorCase(name: "server URL not http", arguments: { _ in ["list", "--server", "ftp://example.invalid"] },
                  status: 2, stderr: { _ in "error [argument]: server: must be an http:// or https:// URL\n" }),
        ErrorCase(name: "token file readable by others", arguments: { l in
            try write("\(l.dir)/open.token", "jhf_demo\n", mode: 0o644)
            return ["list", "--server", "http://127.0.0.1:9", "--token-file", "\(l.dir)/open.token"]
        }, status: 2, stderr: { l in "error [key]: token-file: \(l.dir)/open.token is accessible by group or others (mode 644); run chmod 600 \(l.dir)/open.token\n" }),
        ErrorCase(name: "unknown status filter", arguments: { l in ["list", "--db", l.db, "--status", "bogus"] },
                  status: 2, stderr: { _ in "error [argument]: status: must be pending, committed, withdrawn, expired or all\n" }),
        ErrorCase(name: "pinned genesis not hex", arguments: { l in ["verify", "--db", l.db, "--genesis", "zz"] },
                  status: 2, stderr: { _ in "error [schema]: genesis: must be 64 lowercase hex digits\n" }),
        ErrorCase(name: "init over an existing ledger", arguments: { l in
            ["init", "--db", l.db, "--ledger-id", "jhf.x.y", "--title", "T", "--keys", Repo.path("Keys.example/registry.json")]
        }, status: 2, stderr: { l in "error [conflict]: db: \(l.db) already exists; refusing to overwrite a ledger\n" }),
        ErrorCase(name: "export into a used directory", arguments: { l in
            _ = try jhf("export", "--db", l.db, "--out", "\(l.dir)/out")
            return ["export", "--db", l.db, "--out", "\(l.dir)/out"]
        }, status: 2, stderr: { l in "error [conflict]: out: \(l.dir)/out/entries.jsonl already exists; choose an empty directory\n" }),
        ErrorCase(name: "proof over an existing file", arguments: { l in
            try write("\(l.dir)/taken.json", "keep me\n")
            return ["proof", "--db", l.db, "--id", "D-2", "--out", "\(l.dir)/taken.json"]
        }, status: 2, stderr: { l in "error [conflict]: out: \(l.dir)/taken.json already exists; it is never overwritten\n" }),
        ErrorCase(name: "database readable by others", arguments: { l in
            try FileManager.default.copyItem(atPath: l.db, toPath: "\(l.dir)/open.sqlite")
            chmod("\(l.dir)/open.sqlite", 0o644)
            return ["list", "--db", "\(l.dir)/open.sqlite"]
        }, status: 2, stderr: { l in
            "error [invalid]: db: \(l.dir)/open.sqlite may be accessed by group or others (mode 644) and holds sealed records; run chmod 600 \(l.dir)/open.sqlite\n"
        }),
        ErrorCase(name: "proposal file over the document limit", arguments: { l in
            try write("\(l.dir)/in/huge.json", "[" + String(repeating: "1,", count: 600_000) + "1]")
            return ["propose", "--db", l.db, "--kind", "disbursement", "--file", "\(l.dir)/in/huge.json"]
        }, status: 2, stderr: { l in "error [too_large]: file: \(l.dir)/in/huge.json is larger than 1048576 bytes, the limit for this input\n" }),
        ErrorCase(name: "key list over the document limit", arguments: { l in
            try write("\(l.dir)/in/keys.json", String(repeating: " ", count: (1 << 20) + 1))
            return ["init", "--db", "\(l.dir)/new.sqlite", "--ledger-id", "jhf.x.y", "--title", "T", "--keys", "\(l.dir)/in/keys.json"]
        }, status: 2, stderr: { l in "error [too_large]: keys: \(l.dir)/in/keys.json is larger than 1048576 bytes, the limit for this input\n" }),
        ErrorCase(name: "missing database", arguments: { l in ["show", "--db", "\(l.dir)/missing.sqlite", "--id", "x"] },
                  status: 3, stderr: { l in "error [io]: db: no ledger database at \(l.dir)/missing.sqlite\n" }),
        ErrorCase(name: "missing bundle", arguments: { l in ["verify", "--bundle", "\(l.dir)/nothing"] },
                  status: 3, stderr: { l in "error [io]: bundle: \(l.dir)/nothing/entries.jsonl does not exist\n" }),
        ErrorCase(name: "both --db and --bundle", arguments: { l in ["verify", "--db", l.db, "--bundle", l.dir] }, status: 2, stderr: { _ in
            "Error: give exactly one of --db, --bundle, --server or --tiles\nUsage: jhf verify [--db <db>] [--bundle <bundle>] [--tiles <tiles>] [--server <server>] [--token-file <token-file>] [--genesis <genesis>] [--since <since>] [--witness-policy <witness-policy>] [--json] [--jobs <jobs>] [--quiet]\n  See 'jhf verify --help' for more information.\n"
        }),
    ]

    @Test(arguments: errorCases)
    func refusedWithAClearError(_ c: ErrorCase) throws {
        let l = try DemoLedger.make()
        defer { l.remove() }
        let before = try l.must(jhf("verify", "--db", l.db, "--json")).stdout
        let o = try jhf(c.arguments(l))
        #expect(o.status == c.status, "\(o)")
        #expect(o.stderr == c.stderr(l))
        // Nothing already stored changed.
        #expect(try jhf("verify", "--db", l.db, "--json").stdout == before)
    }

    @Test func demoLedgerListing() throws {
        let l = try DemoLedger.make()
        defer { l.remove() }
        let o = try l.must(jhf("list", "--db", l.db))
        // Disbursement digests depend on the random salt; mask the four spoken groups.
        let masked = o.stdout.replacing(/[0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}$/.anchorsMatchLineEndings(), with: "xxxx xxxx xxxx xxxx")
        #expect(masked == """
            status     seq   kind           id                         digest
            committed  0     genesis        genesis                    xxxx xxxx xxxx xxxx
            committed  1     disbursement   D-1                        xxxx xxxx xxxx xxxx
            committed  2     disbursement   D-2                        xxxx xxxx xxxx xxxx
            committed  3     reversal       R-1                        xxxx xxxx xxxx xxxx
            4 proposal(s)

            """)
    }

    @Test func approvalFlowOutput() throws {
        let l = try DemoLedger.make()
        defer { l.remove() }
        try write("\(l.dir)/in/d9.json", DemoLedger.d2.replacingOccurrences(of: "\"D-2\"", with: "\"D-9\""))
        let proposed = try l.must(jhf("propose", "--db", l.db, "--kind", "disbursement", "--file", "\(l.dir)/in/d9.json"))
        let digest = try #require(proposed.stdout.firstMatch(of: /"approval_digest":"([0-9a-f]{64})"/)?.1)
        #expect(proposed.stdout == "{\"approval_digest\":\"\(digest)\",\"id\":\"D-9\"}\n")
        let groups = stride(from: 0, to: 16, by: 4).map { i in digest.dropFirst(i).prefix(4) }.joined(separator: " ")

        let first = try l.must(jhf("approve", "--db", l.db, "--id", "D-9", "--key", l.key("demo-usaid-dana"), "--yes"))
        #expect(first.stdout == """
            proposal D-9 (disbursement) — pending
              amount:      48,000,000.00 USD
              payee:       Banco de Alimentos de Ciudad Juárez A.C.
              category:    humanitarian_stabilization / food_aid
              municipality:08037
              purpose:     Food baskets
              value date:  2026-12-01
              sealed:      CLABE 032180000118359719, RFC (none)
              approvals:   none yet
              digest:      \(groups)
            sealed record matches sealed_digest.
            approval digest: \(groups)  (\(digest))
            approval by demo-usaid-dana recorded; waiting for SHCP.

            """)
        let again = try l.must(jhf("approve", "--db", l.db, "--id", "D-9", "--key", l.key("demo-usaid-dana"), "--yes"))
        #expect(again.stdout.hasSuffix("this approval was already recorded; nothing changed.\n"))
        let second = try l.must(jhf("approve", "--db", l.db, "--id", "D-9", "--key", l.key("demo-shcp-carlos"), "--yes"))
        let last = try #require(second.stdout.split(separator: "\n").last)
        #expect(last.wholeMatch(of: /committed: seq 4 entry_hash [0-9a-f]{64}/) != nil)
    }

    @Test func declinedConfirmationSignsNothing() throws {
        let l = try DemoLedger.make()
        defer { l.remove() }
        try write("\(l.dir)/in/d9.json", DemoLedger.d2.replacingOccurrences(of: "\"D-2\"", with: "\"D-9\""))
        try l.must(jhf("propose", "--db", l.db, "--kind", "disbursement", "--file", "\(l.dir)/in/d9.json"))
        let o = try jhf("approve", "--db", l.db, "--id", "D-9", "--key", l.key("demo-usaid-dana"), stdin: "n\n")
        #expect(o.status == 2)
        #expect(o.stderr == "not signed: confirmation declined\n")
        #expect(try jhf("show", "--db", l.db, "--id", "D-9").stdout.contains("approvals:   none yet"))
    }

    @Test(arguments: ["keygen", "init", "propose", "approve", "show", "list", "export", "verify", "report", "proof", "verify-proof", "checkpoint cosign",
                      "payments export", "reconcile", "serve", "token"])
    func everyOptionHasHelp(_ command: String) throws {
        let o = try jhf(command.split(separator: " ").map(String.init) + ["--help"])
        #expect(o.status == 0)
        // Every option has help text: on its own line after two spaces, or on the next, indented line.
        let lines = (o.stdout.components(separatedBy: "OPTIONS:\n").last ?? "").split(separator: "\n", omittingEmptySubsequences: false)
        for (i, line) in lines.enumerated() where line.hasPrefix("  -") {
            let sameLine = line.dropFirst(2).contains("  ")
            let nextLine = i + 1 < lines.count && lines[i + 1].hasPrefix("                    ")
            #expect(sameLine || nextLine, "no help text: \(line)")
        }
    }

    @Test func rootHelpDocumentsExitCodes() throws {
        let o = try jhf("--help")
        #expect(o.stdout.contains("""
            Exit codes (the same for every command):
              0  success
              1  verification found failures
              2  usage error, invalid input, or a refused proposal or approval
              3  storage or I/O error
            """))
    }
}
