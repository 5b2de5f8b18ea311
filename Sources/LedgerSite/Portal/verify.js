// Verification in the visitor's browser, with WebCrypto only (SHA-256, Ed25519): the signed
// checkpoint and its cosignatures, the key history, and any entry's inclusion proof and
// approvals. Nothing the server says is believed unless it is checked here against the
// anchors pinned in config.js (the genesis hash and the witness policy).
//
// Every check returns failures as {code, params} (the page words them in the visitor's
// language); a failure is never dropped.

const utf8 = new TextEncoder();
const WIDTH = 256;

/** Bytes → lowercase hex. */
export function hex(bytes) {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function fromBase64(text) {
  const bin = atob(text);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function concat(...parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}

function equal(a, b) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export async function sha256(bytes) {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
}

const importedKeys = new Map();
async function ed25519(publicKey, signature, message) {
  const id = hex(publicKey);
  let key = importedKeys.get(id);
  if (!key) {
    key = await crypto.subtle.importKey("raw", publicKey, { name: "Ed25519" }, false, ["verify"]);
    importedKeys.set(id, key);
  }
  return crypto.subtle.verify({ name: "Ed25519" }, key, signature, message);
}

const leafHash = (bytes) => sha256(concat(new Uint8Array([0]), bytes));
const nodeHash = (l, r) => sha256(concat(new Uint8Array([1]), l, r));

/** RFC 8785 canonical JSON of a value JSON.parse gave (the ledger has integers only). */
export function canonical(v) {
  if (v === null || typeof v === "boolean") return JSON.stringify(v);
  if (typeof v === "number") {
    if (!Number.isSafeInteger(v)) throw new Error("number");
    return String(v);
  }
  if (typeof v === "string") return JSON.stringify(v);
  if (Array.isArray(v)) return "[" + v.map(canonical).join(",") + "]";
  // UTF-16 code-unit order, as RFC 8785 sorts member names.
  return "{" + Object.keys(v).sort().map((k) => JSON.stringify(k) + ":" + canonical(v[k])).join(",") + "}";
}

/** tlog-tiles index path: 1234067 → x001/x234/067. */
export function indexPath(n) {
  const groups = [];
  do { groups.unshift(String(n % 1000).padStart(3, "0")); n = Math.floor(n / 1000); } while (n > 0);
  return groups.map((g, i) => (i < groups.length - 1 ? "x" + g : g)).join("/");
}

class Failure extends Error {
  constructor(code, params = {}) { super(code); this.code = code; this.params = params; }
}

/** Fetches the published log's files (same origin), each at most once. */
export class Log {
  constructor(base) { this.base = base; this.cache = new Map(); }

  async fetch(path, { fresh = false } = {}) {
    if (!fresh && this.cache.has(path)) return this.cache.get(path);
    const p = (async () => {
      const r = await fetch(this.base + path, { cache: fresh ? "no-cache" : "default" });
      if (r.status === 404) return null;
      if (!r.ok) throw new Failure("fetch", { path, status: r.status });
      return new Uint8Array(await r.arrayBuffer());
    })();
    this.cache.set(path, p);
    return p;
  }

  /** A tile of `size`'s tree; a partial tile that is gone is read from its full tile. */
  async tile(level, index, size) {
    const available = Math.floor(size / WIDTH ** (level === "entries" ? 0 : level));
    const width = Math.min(WIDTH, available - index * WIDTH);
    if (width <= 0) throw new Failure("tile_range", { level, index });
    const path = `tile/${level}/${indexPath(index)}` + (width === WIDTH ? "" : `.p/${width}`);
    let bytes = await this.fetch(path);
    if (bytes === null && width < WIDTH) {
      const full = await this.fetch(`tile/${level}/${indexPath(index)}`);
      if (full !== null) bytes = level === "entries" ? firstEntries(full, width) : full.slice(0, width * 32);
    }
    if (bytes === null) throw new Failure("tile_missing", { path });
    return { bytes, width, path };
  }
}

function splitBundle(bytes, path) {
  const out = [];
  let i = 0;
  while (i < bytes.length) {
    if (bytes.length - i < 2) throw new Failure("bundle_malformed", { path });
    const n = (bytes[i] << 8) | bytes[i + 1];
    if (n === 0 || bytes.length - i - 2 < n) throw new Failure("bundle_malformed", { path });
    out.push(bytes.subarray(i + 2, i + 2 + n));
    i += 2 + n;
  }
  return out;
}

function firstEntries(full, count) {
  const entries = splitBundle(full, "").slice(0, count);
  return concat(...entries.map((e) => concat(new Uint8Array([e.length >> 8, e.length & 255]), e)));
}

/** The Merkle tree of a checkpoint's size, read from the hash tiles. */
class TileTree {
  constructor(log, size) { this.log = log; this.size = size; }

  /** The hash of the complete, aligned subtree of 2^height leaves from `start`. */
  async complete(start, height) {
    const level = Math.floor(height / 8);
    const up = height % 8;
    const first = start / WIDTH ** level;
    const tile = await this.log.tile(level, Math.floor(first / WIDTH), this.size);
    const offset = first % WIDTH;
    let hashes = [];
    for (let i = 0; i < 2 ** up; i++) {
      const at = (offset + i) * 32;
      if (at + 32 > tile.bytes.length) throw new Failure("tile_malformed", { path: tile.path });
      hashes.push(tile.bytes.subarray(at, at + 32));
    }
    while (hashes.length > 1) {
      const next = [];
      for (let i = 0; i < hashes.length; i += 2) next.push(await nodeHash(hashes[i], hashes[i + 1]));
      hashes = next;
    }
    return hashes[0];
  }

  /** MTH of leaves [start, start+n) (RFC 9162 §2.1.1). */
  async hash(start, n) {
    if ((n & (n - 1)) === 0 && start % n === 0) return this.complete(start, Math.log2(n));
    const k = largestPowerBelow(n);
    return nodeHash(await this.hash(start, k), await this.hash(start + k, n - k));
  }

  /** The root computed from leaf `m`'s hash and the tree's other nodes (its audit path). */
  async rootWith(m, leaf, start = 0, n = this.size) {
    if (n === 1) return leaf;
    const k = largestPowerBelow(n);
    if (m < start + k) return nodeHash(await this.rootWith(m, leaf, start, k), await this.hash(start + k, n - k));
    return nodeHash(await this.hash(start, k), await this.rootWith(m, leaf, start + k, n - k));
  }
}

function largestPowerBelow(n) {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** Parses a C2SP signed note holding a tlog-checkpoint. */
export function parseCheckpoint(bytes) {
  let split = -1;
  for (let i = bytes.length - 2; i >= 0; i--) if (bytes[i] === 10 && bytes[i + 1] === 10) { split = i; break; }
  if (split < 0 || bytes[bytes.length - 1] !== 10) throw new Failure("checkpoint_malformed");
  const text = bytes.subarray(0, split + 1);
  const lines = new TextDecoder("utf-8", { fatal: true }).decode(text).split("\n");
  if (lines.length < 4 || !/^[0-9]+$/.test(lines[1])) throw new Failure("checkpoint_malformed");
  const root = fromBase64(lines[2]);
  if (root.length !== 32) throw new Failure("checkpoint_malformed");
  const signatures = [];
  for (const line of new TextDecoder().decode(bytes.subarray(split + 2)).split("\n").slice(0, -1)) {
    const m = /^\u2014 (\S+) ([A-Za-z0-9+/=]+)$/.exec(line);
    if (!m) throw new Failure("checkpoint_malformed");
    const raw = fromBase64(m[2]);
    signatures.push({ name: m[1], keyID: raw.subarray(0, 4), rest: raw.subarray(4) });
  }
  return { text, origin: lines[0], size: Number(lines[1]), root, signatures };
}

async function keyID(name, type, publicKey) {
  return (await sha256(concat(utf8.encode(name), new Uint8Array([10, type]), publicKey))).subarray(0, 4);
}

/** A parsed, canonical ledger entry fetched from the tiles, with its leaf hash. */
async function readEntry(log, seq, size) {
  const bundle = await log.tile("entries", Math.floor(seq / WIDTH), size);
  const entries = splitBundle(bundle.bytes, bundle.path);
  if (entries.length !== bundle.width) throw new Failure("bundle_malformed", { path: bundle.path });
  const bytes = entries[seq % WIDTH];
  let entry;
  const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  try { entry = JSON.parse(text); } catch { throw new Failure("entry_not_json", { seq }); }
  let canonicalText;
  try { canonicalText = canonical(entry); } catch { canonicalText = null; }
  if (canonicalText !== text) throw new Failure("entry_not_canonical", { seq });
  if (entry.seq !== seq) throw new Failure("entry_seq", { seq, found: entry.seq });
  return { entry, bytes, hash: await leafHash(bytes) };
}

/** Keys in force after entry `seq` (after the changes at `seq` and before), from a verified history. */
function keysThrough(history, seq) {
  const keys = new Map();
  for (const change of history) {
    if (change.seq > seq) break;
    for (const k of change.added) keys.set(k.name, { ...k, addedAt: change.seq });
    for (const name of change.revoked) keys.delete(name);
  }
  return keys;
}

/** Keys that approve entry `seq`: those in force before it; for genesis, its own keys (SPEC §4.1). */
const keysBefore = (history, seq) => keysThrough(history, seq === 0 ? 0 : seq - 1);

/** Both approvals of an entry against the approver keys in force before it (SPEC §4.1). */
async function checkApprovals(entry, seq, history, ledgerID) {
  const failures = [];
  const keys = keysBefore(history, seq);
  const message = utf8.encode(canonical({ body: entry.body, context: "jhf-ledger/v1/approval", kind: entry.kind, ledger_id: ledgerID }));
  const approvals = Array.isArray(entry.approvals) ? entry.approvals : [];
  const by = {};
  for (const a of approvals) {
    const key = keys.get(a.key);
    if (!key || key.role !== "approver") { failures.push(new Failure("approval_key", { seq, key: a.key })); continue; }
    let ok = false;
    try { ok = await ed25519(fromBase64(key.public_key), fromBase64(a.signature), message); } catch { ok = false; }
    if (!ok) { failures.push(new Failure("approval_signature", { seq, key: a.key })); continue; }
    by[key.institution] = a.key;
  }
  if (approvals.length !== 2 || !by.SHCP || !by.USAID) failures.push(new Failure("approval_missing", { seq }));
  return { failures, by };
}

/**
 * Verifies the checkpoint at `log`'s root and the key history the site lists: returns
 * {checkpoint, history, historyChecked, tree, failures, logKeys, cosigned}. `keyChanges` are the seqs of
 * genesis and every key update (from the site's data, which is not trusted: each one is
 * fetched, its inclusion and approvals checked).
 */
export async function verifyCheckpoint(log, config, keyChangeSeqs, dataSize) {
  const failures = [];
  const noteBytes = await log.fetch("checkpoint", { fresh: true });
  if (noteBytes === null) throw new Failure("checkpoint_missing");
  const cp = parseCheckpoint(noteBytes);
  if (cp.origin !== config.origin) failures.push(new Failure("checkpoint_origin", { origin: cp.origin, expected: config.origin }));
  if (cp.size < 1) throw new Failure("checkpoint_malformed");
  if (cp.size < dataSize) failures.push(new Failure("checkpoint_smaller", { size: cp.size, data: dataSize }));
  const tree = new TileTree(log, cp.size);
  // The key history: genesis anchors it (pinned hash), each key update is approved by the
  // keys before it; every one must be in the tree the checkpoint signs.
  const history = [];
  const before = failures.length;
  const seqs = keyChangeSeqs.filter((s) => s < cp.size);
  if (seqs[0] !== 0) failures.push(new Failure("history_genesis"));
  for (const seq of seqs) {
    try {
      const { entry, hash } = await readEntry(log, seq, cp.size);
      if (seq === 0 && hex(hash) !== config.genesis_hash) {
        failures.push(new Failure("genesis_pin", { found: hex(hash), expected: config.genesis_hash }));
      }
      if (entry.ledger_id !== config.ledger_id) failures.push(new Failure("entry_ledger", { seq }));
      const change = seq === 0
        ? { seq, added: entry.body?.keys ?? [], revoked: [] }
        : { seq, added: entry.body?.add ?? [], revoked: entry.body?.revoke ?? [] };
      if (entry.kind !== (seq === 0 ? "genesis" : "key_update")) failures.push(new Failure("history_kind", { seq }));
      history.push(change);
      const approvals = await checkApprovals(entry, seq, history, config.ledger_id);
      failures.push(...approvals.failures);
      const root = await tree.rootWith(seq, hash);
      if (!equal(root, cp.root)) failures.push(new Failure("history_inclusion", { seq }));
    } catch (e) {
      failures.push(e instanceof Failure ? e : new Failure("history_read", { seq, message: String(e) }));
    }
  }
  const historyChecked = failures.length === before;
  // The keys a checkpoint is judged by: those in force after entry size-1 (SPEC §12).
  const keys = keysThrough(history, cp.size - 1);
  // The log's signature (type 0x01) by a log key in force at size-1.
  const logKeys = [];
  const cosigned = [];
  for (const line of cp.signatures) {
    const key = keys.get(line.name);
    if (!key) continue;
    const pub = fromBase64(key.public_key);
    if (key.role === "log" && equal(line.keyID, await keyID(line.name, 1, pub))) {
      const ok = line.rest.length === 64 && await ed25519(pub, line.rest, cp.text);
      if (ok) logKeys.push(line.name); else failures.push(new Failure("log_signature", { key: line.name }));
    } else if ((key.role === "witness" || key.role === "approver") && equal(line.keyID, await keyID(line.name, 4, pub))) {
      let ok = false;
      let time = 0;
      if (line.rest.length === 72) {
        const view = new DataView(line.rest.buffer, line.rest.byteOffset, 8);
        const t = view.getBigUint64(0);
        time = Number(t);
        if (t <= 0x7fffffffffffffffn) {
          const message = concat(utf8.encode(`cosignature/v1\ntime ${t}\n`), cp.text);
          ok = await ed25519(pub, line.rest.subarray(8), message);
        }
      }
      if (ok) cosigned.push({ name: line.name, institution: key.institution, time });
      else failures.push(new Failure("cosignature", { key: line.name }));
    }
  }
  if (logKeys.length === 0) failures.push(new Failure("log_unsigned"));
  const policy = config.witness_policy;
  if (policy) {
    const counted = new Set(cosigned.map((c) => c.institution).filter((i) => policy.institutions.includes(i)));
    if (counted.size < policy.quorum) {
      const missing = policy.institutions.filter((i) => !counted.has(i));
      failures.push(new Failure("policy", { have: counted.size, need: policy.quorum, missing: missing.join(", ") }));
    }
  }
  return { checkpoint: cp, tree, history, historyChecked, failures, logKeys, cosigned };
}

/** Verifies one entry against a verified checkpoint: canonical bytes, inclusion, approvals. */
export async function verifyEntry(log, config, verified, seq) {
  const failures = [];
  const { checkpoint, tree, history } = verified;
  if (!(seq >= 0 && seq < checkpoint.size)) throw new Failure("entry_range", { seq, size: checkpoint.size });
  const { entry, hash } = await readEntry(log, seq, checkpoint.size);
  if (entry.ledger_id !== config.ledger_id) failures.push(new Failure("entry_ledger", { seq }));
  const root = await tree.rootWith(seq, hash);
  const included = equal(root, checkpoint.root);
  if (!included) failures.push(new Failure("inclusion", { seq }));
  const approvals = await checkApprovals(entry, seq, history, config.ledger_id);
  failures.push(...approvals.failures);
  return { entry, hash: hex(hash), included, approvals: approvals.by, failures, size: checkpoint.size };
}

export { Failure };
