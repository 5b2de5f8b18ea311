/// The store's schema, as frozen SQL migrations: never edit one that has shipped;
/// add a new one. `PRAGMA user_version` counts the migrations applied.
enum Migrations {
    static let all: [String] = [v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11]

    static let v1 = """
    CREATE TABLE meta (
        key TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE entries (
        seq INTEGER PRIMARY KEY NOT NULL CHECK (seq >= 0),
        entry_hash BLOB NOT NULL UNIQUE CHECK (length(entry_hash) = 32),
        prev_hash BLOB NOT NULL CHECK (length(prev_hash) = 32),
        kind TEXT NOT NULL CHECK (kind IN ('genesis', 'key_update', 'budget_update', 'disbursement', 'reversal')),
        entry_id TEXT UNIQUE CHECK ((kind = 'genesis') = (entry_id IS NULL)),
        committed_at TEXT NOT NULL CHECK (length(committed_at) = 20),
        canonical BLOB NOT NULL CHECK (length(canonical) > 0)
    ) STRICT;

    -- Committed entries are append-only, and each one extends the chain by exactly one.
    CREATE TRIGGER entries_no_update BEFORE UPDATE ON entries
    BEGIN SELECT RAISE(ABORT, 'committed entries are append-only: UPDATE refused'); END;
    CREATE TRIGGER entries_no_delete BEFORE DELETE ON entries
    BEGIN SELECT RAISE(ABORT, 'committed entries are append-only: DELETE refused'); END;
    CREATE TRIGGER entries_extend_chain BEFORE INSERT ON entries
    WHEN NEW.seq != (SELECT count(*) FROM entries)
      OR NEW.prev_hash != coalesce((SELECT entry_hash FROM entries WHERE seq = NEW.seq - 1), zeroblob(32))
    BEGIN SELECT RAISE(ABORT, 'an entry must extend the chain: seq and prev_hash must follow the head'); END;

    CREATE TABLE proposals (
        id TEXT PRIMARY KEY NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('genesis', 'key_update', 'budget_update', 'disbursement', 'reversal')),
        ledger_id TEXT NOT NULL,
        body BLOB NOT NULL,
        approval_digest BLOB NOT NULL UNIQUE CHECK (length(approval_digest) = 32),
        status TEXT NOT NULL CHECK (status IN ('pending', 'committed')),
        created_at TEXT NOT NULL,
        committed_seq INTEGER UNIQUE REFERENCES entries(seq),
        CHECK ((status = 'committed') = (committed_seq IS NOT NULL))
    ) STRICT;

    -- A proposal may only move from pending to committed, and its content never changes.
    CREATE TRIGGER proposals_frozen BEFORE UPDATE ON proposals
    WHEN OLD.status = 'committed' OR NEW.body != OLD.body OR NEW.kind != OLD.kind OR NEW.id != OLD.id
      OR NEW.approval_digest != OLD.approval_digest
    BEGIN SELECT RAISE(ABORT, 'a proposal may only change from pending to committed'); END;
    CREATE TRIGGER proposals_no_delete_committed BEFORE DELETE ON proposals
    WHEN OLD.status = 'committed'
    BEGIN SELECT RAISE(ABORT, 'committed proposals cannot be deleted'); END;

    CREATE TABLE approvals (
        proposal_id TEXT NOT NULL REFERENCES proposals(id),
        institution TEXT NOT NULL CHECK (institution IN ('SHCP', 'USAID')),
        key_name TEXT NOT NULL,
        signature BLOB NOT NULL CHECK (length(signature) = 64),
        created_at TEXT NOT NULL,
        PRIMARY KEY (proposal_id, institution)
    ) STRICT;
    CREATE TRIGGER approvals_no_update BEFORE UPDATE ON approvals
    BEGIN SELECT RAISE(ABORT, 'approvals cannot be changed'); END;

    CREATE TABLE sealed (
        disbursement_id TEXT PRIMARY KEY NOT NULL REFERENCES proposals(id),
        record BLOB NOT NULL,
        digest BLOB NOT NULL CHECK (length(digest) = 32)
    ) STRICT;
    CREATE TRIGGER sealed_no_update BEFORE UPDATE ON sealed
    BEGIN SELECT RAISE(ABORT, 'sealed records cannot be changed'); END;
    CREATE TRIGGER sealed_no_delete BEFORE DELETE ON sealed
    BEGIN SELECT RAISE(ABORT, 'sealed records cannot be deleted'); END;
    """

    /// Proposal lifecycle outside the chain: the input each proposal was made from
    /// (so a repeated POST can be recognised), its expiry time, and withdrawal or expiry.
    static let v2 = """
    CREATE TABLE proposal_inputs (
        proposal_id TEXT PRIMARY KEY NOT NULL REFERENCES proposals(id),
        input BLOB NOT NULL CHECK (length(input) > 0),
        expires_at TEXT NOT NULL CHECK (length(expires_at) = 20)
    ) STRICT;
    CREATE TRIGGER proposal_inputs_no_update BEFORE UPDATE ON proposal_inputs
    BEGIN SELECT RAISE(ABORT, 'proposal inputs cannot be changed'); END;

    CREATE TABLE proposal_closures (
        proposal_id TEXT PRIMARY KEY NOT NULL REFERENCES proposals(id),
        status TEXT NOT NULL CHECK (status IN ('withdrawn', 'expired')),
        closed_at TEXT NOT NULL CHECK (length(closed_at) = 20),
        closed_by TEXT NOT NULL,
        reason TEXT NOT NULL
    ) STRICT;
    CREATE TRIGGER proposal_closures_no_update BEFORE UPDATE ON proposal_closures
    BEGIN SELECT RAISE(ABORT, 'a closed proposal stays closed'); END;
    CREATE TRIGGER proposal_closures_no_delete BEFORE DELETE ON proposal_closures
    BEGIN SELECT RAISE(ABORT, 'a closed proposal stays closed'); END;
    -- Only a pending proposal can be closed, and a closed one can never be committed.
    CREATE TRIGGER proposal_closures_pending_only BEFORE INSERT ON proposal_closures
    WHEN (SELECT status FROM proposals WHERE id = NEW.proposal_id) IS NOT 'pending'
    BEGIN SELECT RAISE(ABORT, 'only a pending proposal can be withdrawn or expire'); END;
    CREATE TRIGGER proposals_closed_stay_closed BEFORE UPDATE ON proposals
    WHEN EXISTS (SELECT 1 FROM proposal_closures WHERE proposal_id = OLD.id)
    BEGIN SELECT RAISE(ABORT, 'a withdrawn or expired proposal cannot be committed'); END;
    CREATE TRIGGER approvals_open_only BEFORE INSERT ON approvals
    WHEN EXISTS (SELECT 1 FROM proposal_closures WHERE proposal_id = NEW.proposal_id)
    BEGIN SELECT RAISE(ABORT, 'a withdrawn or expired proposal takes no approvals'); END;
    CREATE INDEX proposal_inputs_expiry ON proposal_inputs(expires_at);
    CREATE INDEX proposals_status ON proposals(status);
    """

    /// The Merkle tree over the entries (SPEC §7) and the signed checkpoints (SPEC §8).
    ///
    /// The tree keeps every complete subtree as entries are
    /// appended, so proofs are O(log n) reads. Level 0 holds the entry hashes themselves and is
    /// filled here for existing entries; higher levels need SHA-256, which SQL lacks, and are
    /// filled by the store when it opens (`LedgerStore.completeMerkleNodes`).
    static let v3 = """
    CREATE TABLE merkle_nodes (
        level INTEGER NOT NULL CHECK (level BETWEEN 0 AND 62),
        idx INTEGER NOT NULL CHECK (idx >= 0),
        hash BLOB NOT NULL CHECK (length(hash) = 32),
        PRIMARY KEY (level, idx)
    ) STRICT, WITHOUT ROWID;
    CREATE TRIGGER merkle_nodes_no_update BEFORE UPDATE ON merkle_nodes
    BEGIN SELECT RAISE(ABORT, 'Merkle nodes are append-only'); END;
    CREATE TRIGGER merkle_nodes_no_delete BEFORE DELETE ON merkle_nodes
    BEGIN SELECT RAISE(ABORT, 'Merkle nodes are append-only'); END;
    -- A leaf is the entry hash at the same position, and nothing else.
    CREATE TRIGGER merkle_leaves_are_entries BEFORE INSERT ON merkle_nodes
    WHEN NEW.level = 0 AND NEW.hash IS NOT (SELECT entry_hash FROM entries WHERE seq = NEW.idx)
    BEGIN SELECT RAISE(ABORT, 'a Merkle leaf must be the entry_hash of the entry at its index'); END;
    INSERT INTO merkle_nodes(level, idx, hash) SELECT 0, seq, entry_hash FROM entries ORDER BY seq;

    -- Every checkpoint the log key signed (SPEC §8), kept forever.
    CREATE TABLE checkpoints (
        size INTEGER PRIMARY KEY NOT NULL CHECK (size >= 1),
        root BLOB NOT NULL CHECK (length(root) = 32),
        note BLOB NOT NULL CHECK (length(note) BETWEEN 1 AND 65536),
        signed_at TEXT NOT NULL CHECK (length(signed_at) = 20)
    ) STRICT;
    CREATE TRIGGER checkpoints_no_delete BEFORE DELETE ON checkpoints
    BEGIN SELECT RAISE(ABORT, 'signed checkpoints are kept forever'); END;
    -- A checkpoint's claims never change; cosignatures only add lines at the end of its note.
    CREATE TRIGGER checkpoints_only_gain_signatures BEFORE UPDATE ON checkpoints
    WHEN NEW.size IS NOT OLD.size OR NEW.root IS NOT OLD.root OR NEW.signed_at IS NOT OLD.signed_at
      OR length(NEW.note) <= length(OLD.note) OR substr(NEW.note, 1, length(OLD.note)) IS NOT OLD.note
    BEGIN SELECT RAISE(ABORT, 'a checkpoint only gains signature lines'); END;
    CREATE TRIGGER checkpoints_cover_entries BEFORE INSERT ON checkpoints
    WHEN NEW.size > (SELECT coalesce(max(seq), -1) + 1 FROM entries)
    BEGIN SELECT RAISE(ABORT, 'a checkpoint cannot cover entries that do not exist'); END;
    """

    /// v1's chain trigger compared the new seq with `count(*)`, which SQLite answers by walking a
    /// whole B-tree: every append cost O(n) page reads (at 200,000 entries it dominated the
    /// write path). Seqs start at 0 and each insert must be the last plus one, so the count
    /// always equals `max(seq) + 1`, which SQLite reads from the end of the rowid B-tree.
    static let v4 = """
    DROP TRIGGER entries_extend_chain;
    CREATE TRIGGER entries_extend_chain BEFORE INSERT ON entries
    WHEN NEW.seq != (SELECT coalesce(max(seq), -1) + 1 FROM entries)
      OR NEW.prev_hash != coalesce((SELECT entry_hash FROM entries WHERE seq = NEW.seq - 1), zeroblob(32))
    BEGIN SELECT RAISE(ABORT, 'an entry must extend the chain: seq and prev_hash must follow the head'); END;
    """

    /// Payment files ordered from the ledger (pain.001) and reconciliation runs against bank
    /// statements. Both are records of what happened: rows are only ever added.
    static let v5 = """
    CREATE TABLE payment_files (
        message_id TEXT PRIMARY KEY NOT NULL CHECK (length(message_id) BETWEEN 1 AND 35),
        created_at TEXT NOT NULL CHECK (length(created_at) = 20),
        execution_date TEXT NOT NULL CHECK (length(execution_date) = 10),
        debtor_account TEXT NOT NULL CHECK (length(debtor_account) = 18),
        file_sha256 BLOB NOT NULL CHECK (length(file_sha256) = 32),
        orders INTEGER NOT NULL CHECK (orders > 0),
        forced INTEGER NOT NULL CHECK (forced IN (0, 1))
    ) STRICT;
    CREATE TABLE payment_orders (
        message_id TEXT NOT NULL REFERENCES payment_files(message_id) DEFERRABLE INITIALLY DEFERRED,
        disbursement_id TEXT NOT NULL REFERENCES entries(entry_id),
        amount INTEGER NOT NULL CHECK (amount > 0),
        currency TEXT NOT NULL CHECK (length(currency) = 3),
        PRIMARY KEY (message_id, disbursement_id)
    ) STRICT;
    CREATE INDEX payment_orders_disbursement ON payment_orders(disbursement_id);
    CREATE TRIGGER payment_files_no_update BEFORE UPDATE ON payment_files
    BEGIN SELECT RAISE(ABORT, 'payment files are a record: UPDATE refused'); END;
    CREATE TRIGGER payment_files_no_delete BEFORE DELETE ON payment_files
    BEGIN SELECT RAISE(ABORT, 'payment files are a record: DELETE refused'); END;
    CREATE TRIGGER payment_orders_no_update BEFORE UPDATE ON payment_orders
    BEGIN SELECT RAISE(ABORT, 'payment orders are a record: UPDATE refused'); END;
    CREATE TRIGGER payment_orders_no_delete BEFORE DELETE ON payment_orders
    BEGIN SELECT RAISE(ABORT, 'payment orders are a record: DELETE refused'); END;
    -- Only committed disbursements are ever ordered.
    CREATE TRIGGER payment_orders_of_disbursements BEFORE INSERT ON payment_orders
    WHEN (SELECT kind FROM entries WHERE entry_id = NEW.disbursement_id) IS NOT 'disbursement'
    BEGIN SELECT RAISE(ABORT, 'only a committed disbursement can be ordered'); END;

    CREATE TABLE reconciliation_runs (
        run INTEGER PRIMARY KEY NOT NULL CHECK (run >= 1),
        statement_sha256 BLOB NOT NULL UNIQUE CHECK (length(statement_sha256) = 32),
        format TEXT NOT NULL CHECK (format IN ('camt.053.001.02', 'camt.053.001.08', 'csv')),
        run_at TEXT NOT NULL CHECK (length(run_at) = 20),
        ledger_size INTEGER NOT NULL CHECK (ledger_size >= 1),
        outcome TEXT NOT NULL CHECK (outcome IN ('reconciled', 'discrepancies')),
        summary BLOB NOT NULL CHECK (length(summary) > 0)
    ) STRICT;
    CREATE TABLE reconciliation_items (
        run INTEGER NOT NULL REFERENCES reconciliation_runs(run) DEFERRABLE INITIALLY DEFERRED,
        ordinal INTEGER NOT NULL CHECK (ordinal >= 1),
        class TEXT NOT NULL CHECK (class IN ('matched', 'amount_mismatch', 'currency_mismatch', 'account_mismatch', 'paid_twice', 'paid_but_reversed', 'returned', 'unknown_debit', 'unrelated_credit', 'already_seen', 'not_seen')),
        discrepancy INTEGER NOT NULL CHECK (discrepancy IN (0, 1)),
        item BLOB NOT NULL CHECK (length(item) > 0),
        PRIMARY KEY (run, ordinal)
    ) STRICT, WITHOUT ROWID;
    -- Every booking seen, once: a later statement that repeats it (an overlap) finds it here.
    CREATE TABLE bank_bookings (
        booking_key TEXT PRIMARY KEY NOT NULL,
        run INTEGER NOT NULL REFERENCES reconciliation_runs(run) DEFERRABLE INITIALLY DEFERRED,
        disbursement_id TEXT,
        outflow INTEGER NOT NULL CHECK (outflow IN (0, 1)),
        bank_ref TEXT
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX bank_bookings_disbursement ON bank_bookings(disbursement_id) WHERE disbursement_id IS NOT NULL;
    CREATE TRIGGER reconciliation_runs_no_update BEFORE UPDATE ON reconciliation_runs
    BEGIN SELECT RAISE(ABORT, 'reconciliation runs are a record: UPDATE refused'); END;
    CREATE TRIGGER reconciliation_runs_no_delete BEFORE DELETE ON reconciliation_runs
    BEGIN SELECT RAISE(ABORT, 'reconciliation runs are a record: DELETE refused'); END;
    CREATE TRIGGER reconciliation_items_no_update BEFORE UPDATE ON reconciliation_items
    BEGIN SELECT RAISE(ABORT, 'reconciliation items are a record: UPDATE refused'); END;
    CREATE TRIGGER reconciliation_items_no_delete BEFORE DELETE ON reconciliation_items
    BEGIN SELECT RAISE(ABORT, 'reconciliation items are a record: DELETE refused'); END;
    CREATE TRIGGER bank_bookings_no_update BEFORE UPDATE ON bank_bookings
    BEGIN SELECT RAISE(ABORT, 'bank bookings are a record: UPDATE refused'); END;
    CREATE TRIGGER bank_bookings_no_delete BEFORE DELETE ON bank_bookings
    BEGIN SELECT RAISE(ABORT, 'bank bookings are a record: DELETE refused'); END;
    """

    /// Drops the two unique indexes keyed by a hash: `entries.entry_hash` and
    /// `proposals.approval_digest`. Both constraints are implied by others: an entry's hash covers
    /// its `seq` (unique) and a proposal's approval digest covers its body, which holds its id
    /// (unique), so two equal hashes would take a SHA-256 collision. Nothing looks rows up by
    /// either hash. But a hash-keyed index puts each new row at a random leaf, so every
    /// co-signed disbursement dirtied two more B-tree pages in the write-ahead log (and split
    /// pages away from the right edge), which cost every append WAL writes.
    ///
    /// SQLite cannot drop a UNIQUE constraint in place, so both tables are rebuilt (SQLite's
    /// documented procedure: new table, copy, drop, rename), keeping every `seq` and proposal
    /// `rowid` (the proposal listing's cursor). Triggers on other tables that name the two
    /// tables are dropped first and recreated unchanged, as are the tables' own triggers and
    /// index. The store runs migrations with foreign keys off and checks them all before each
    /// commit (`LedgerStore.migrate`).
    static let v6 = """
    CREATE TABLE entries_v6 (
        seq INTEGER PRIMARY KEY NOT NULL CHECK (seq >= 0),
        entry_hash BLOB NOT NULL CHECK (length(entry_hash) = 32),
        prev_hash BLOB NOT NULL CHECK (length(prev_hash) = 32),
        kind TEXT NOT NULL CHECK (kind IN ('genesis', 'key_update', 'budget_update', 'disbursement', 'reversal')),
        entry_id TEXT UNIQUE CHECK ((kind = 'genesis') = (entry_id IS NULL)),
        committed_at TEXT NOT NULL CHECK (length(committed_at) = 20),
        canonical BLOB NOT NULL CHECK (length(canonical) > 0)
    ) STRICT;
    INSERT INTO entries_v6(seq, entry_hash, prev_hash, kind, entry_id, committed_at, canonical)
        SELECT seq, entry_hash, prev_hash, kind, entry_id, committed_at, canonical FROM entries ORDER BY seq;

    CREATE TABLE proposals_v6 (
        id TEXT PRIMARY KEY NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('genesis', 'key_update', 'budget_update', 'disbursement', 'reversal')),
        ledger_id TEXT NOT NULL,
        body BLOB NOT NULL,
        approval_digest BLOB NOT NULL CHECK (length(approval_digest) = 32),
        status TEXT NOT NULL CHECK (status IN ('pending', 'committed')),
        created_at TEXT NOT NULL,
        committed_seq INTEGER UNIQUE REFERENCES entries(seq),
        CHECK ((status = 'committed') = (committed_seq IS NOT NULL))
    ) STRICT;
    INSERT INTO proposals_v6(rowid, id, kind, ledger_id, body, approval_digest, status, created_at, committed_seq)
        SELECT rowid, id, kind, ledger_id, body, approval_digest, status, created_at, committed_seq FROM proposals ORDER BY rowid;

    DROP TRIGGER merkle_leaves_are_entries;
    DROP TRIGGER checkpoints_cover_entries;
    DROP TRIGGER payment_orders_of_disbursements;
    DROP TRIGGER proposal_closures_pending_only;
    DROP TABLE entries;
    DROP TABLE proposals;
    ALTER TABLE entries_v6 RENAME TO entries;
    ALTER TABLE proposals_v6 RENAME TO proposals;

    CREATE TRIGGER entries_no_update BEFORE UPDATE ON entries
    BEGIN SELECT RAISE(ABORT, 'committed entries are append-only: UPDATE refused'); END;
    CREATE TRIGGER entries_no_delete BEFORE DELETE ON entries
    BEGIN SELECT RAISE(ABORT, 'committed entries are append-only: DELETE refused'); END;
    CREATE TRIGGER entries_extend_chain BEFORE INSERT ON entries
    WHEN NEW.seq != (SELECT coalesce(max(seq), -1) + 1 FROM entries)
      OR NEW.prev_hash != coalesce((SELECT entry_hash FROM entries WHERE seq = NEW.seq - 1), zeroblob(32))
    BEGIN SELECT RAISE(ABORT, 'an entry must extend the chain: seq and prev_hash must follow the head'); END;

    CREATE INDEX proposals_status ON proposals(status);
    CREATE TRIGGER proposals_frozen BEFORE UPDATE ON proposals
    WHEN OLD.status = 'committed' OR NEW.body != OLD.body OR NEW.kind != OLD.kind OR NEW.id != OLD.id
      OR NEW.approval_digest != OLD.approval_digest
    BEGIN SELECT RAISE(ABORT, 'a proposal may only change from pending to committed'); END;
    CREATE TRIGGER proposals_no_delete_committed BEFORE DELETE ON proposals
    WHEN OLD.status = 'committed'
    BEGIN SELECT RAISE(ABORT, 'committed proposals cannot be deleted'); END;
    CREATE TRIGGER proposals_closed_stay_closed BEFORE UPDATE ON proposals
    WHEN EXISTS (SELECT 1 FROM proposal_closures WHERE proposal_id = OLD.id)
    BEGIN SELECT RAISE(ABORT, 'a withdrawn or expired proposal cannot be committed'); END;

    CREATE TRIGGER merkle_leaves_are_entries BEFORE INSERT ON merkle_nodes
    WHEN NEW.level = 0 AND NEW.hash IS NOT (SELECT entry_hash FROM entries WHERE seq = NEW.idx)
    BEGIN SELECT RAISE(ABORT, 'a Merkle leaf must be the entry_hash of the entry at its index'); END;
    CREATE TRIGGER checkpoints_cover_entries BEFORE INSERT ON checkpoints
    WHEN NEW.size > (SELECT coalesce(max(seq), -1) + 1 FROM entries)
    BEGIN SELECT RAISE(ABORT, 'a checkpoint cannot cover entries that do not exist'); END;
    CREATE TRIGGER payment_orders_of_disbursements BEFORE INSERT ON payment_orders
    WHEN (SELECT kind FROM entries WHERE entry_id = NEW.disbursement_id) IS NOT 'disbursement'
    BEGIN SELECT RAISE(ABORT, 'only a committed disbursement can be ordered'); END;
    CREATE TRIGGER proposal_closures_pending_only BEFORE INSERT ON proposal_closures
    WHEN (SELECT status FROM proposals WHERE id = NEW.proposal_id) IS NOT 'pending'
    BEGIN SELECT RAISE(ABORT, 'only a pending proposal can be withdrawn or expire'); END;
    """

    /// Keys the Merkle nodes by the last leaf each subtree covers, then its level, instead of
    /// level then index. An append completes its leaf and the subtrees that leaf closes, all
    /// with the same last leaf: under the new key they are neighbours at the right edge of one
    /// B-tree, where under (level, idx) each level was its own key range and so its own page
    /// (about 7 of the 33 WAL frames of a four-disbursement transaction went to this table).
    /// `last_leaf = (idx + 1) * 2^level - 1` is checked on every row, so (level, idx) stays
    /// unique. Rebuilt like v6, triggers recreated unchanged.
    static let v7 = """
    CREATE TABLE merkle_nodes_v7 (
        last_leaf INTEGER NOT NULL CHECK (last_leaf = ((idx + 1) << level) - 1),
        level INTEGER NOT NULL CHECK (level BETWEEN 0 AND 62),
        idx INTEGER NOT NULL CHECK (idx >= 0),
        hash BLOB NOT NULL CHECK (length(hash) = 32),
        PRIMARY KEY (last_leaf, level)
    ) STRICT, WITHOUT ROWID;
    INSERT INTO merkle_nodes_v7(last_leaf, level, idx, hash)
        SELECT ((idx + 1) << level) - 1, level, idx, hash FROM merkle_nodes ORDER BY ((idx + 1) << level) - 1, level;
    DROP TABLE merkle_nodes;
    ALTER TABLE merkle_nodes_v7 RENAME TO merkle_nodes;
    CREATE TRIGGER merkle_nodes_no_update BEFORE UPDATE ON merkle_nodes
    BEGIN SELECT RAISE(ABORT, 'Merkle nodes are append-only'); END;
    CREATE TRIGGER merkle_nodes_no_delete BEFORE DELETE ON merkle_nodes
    BEGIN SELECT RAISE(ABORT, 'Merkle nodes are append-only'); END;
    CREATE TRIGGER merkle_leaves_are_entries BEFORE INSERT ON merkle_nodes
    WHEN NEW.level = 0 AND NEW.hash IS NOT (SELECT entry_hash FROM entries WHERE seq = NEW.idx)
    BEGIN SELECT RAISE(ABORT, 'a Merkle leaf must be the entry_hash of the entry at its index'); END;
    """

    /// Folds `proposal_inputs`, `sealed` and `approvals` into `proposals`: a proposal's input and
    /// expiry time, a disbursement's sealed record with its digest, and the one approval each
    /// institution may give (key, signature, time) become nullable columns of its row. Each of
    /// the three tables was keyed by the proposal id in a B-tree of its own, with a second
    /// B-tree for that key: a co-signed disbursement wrote six more B-trees' pages to the log
    /// than its row needed, and every approval joined four tables to read it back. Measured
    /// with `jhf-bench writer` and `load` (BENCHMARKS.md).
    ///
    /// The rules the tables' triggers and keys kept stay, on the columns: `proposals_frozen` now
    /// also refuses any change to input, expiry or sealed record; `proposals_approved_once`
    /// refuses to change or remove an approval once given (one per institution, as the
    /// approvals table's key said); approvals of a committed or closed proposal were already
    /// refused by `proposals_frozen` and `proposals_closed_stay_closed`, which refuse any change
    /// to such a row; `proposals_keep_sealed` refuses to delete a proposal holding a sealed
    /// record. A sealed record belongs to a disbursement only (the store never wrote one for
    /// another kind; now the schema says so).
    ///
    /// Two indexes become partial, over the rows they are for: `committed_seq` is unique among
    /// committed proposals (a pending one's NULL used to enter the index and move out of it on
    /// commit: two pages per transaction), and the status index keeps pending proposals only
    /// (the listing of pending proposals and the expiry sweep read it; committed ones are most
    /// rows and are listed in rowid order anyway). The expiry index is not rebuilt: the sweep
    /// reads the few pending proposals through the status index and checks each row's expiry.
    ///
    /// Rebuilt like v6 (every proposal keeps its rowid); `LedgerStore.migrate` refuses to start
    /// on a file with a broken reference, so no input or sealed record without its proposal can
    /// be dropped by the join below.
    static let v8 = """
    CREATE TABLE proposals_v8 (
        id TEXT PRIMARY KEY NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('genesis', 'key_update', 'budget_update', 'disbursement', 'reversal')),
        ledger_id TEXT NOT NULL,
        body BLOB NOT NULL,
        approval_digest BLOB NOT NULL CHECK (length(approval_digest) = 32),
        status TEXT NOT NULL CHECK (status IN ('pending', 'committed')),
        created_at TEXT NOT NULL,
        committed_seq INTEGER REFERENCES entries(seq),
        input BLOB CHECK (length(input) > 0),
        expires_at TEXT CHECK (length(expires_at) = 20),
        sealed_record BLOB CHECK (length(sealed_record) > 0),
        sealed_digest BLOB CHECK (length(sealed_digest) = 32),
        shcp_key TEXT CHECK (length(shcp_key) > 0),
        shcp_signature BLOB CHECK (length(shcp_signature) = 64),
        shcp_approved_at TEXT,
        usaid_key TEXT CHECK (length(usaid_key) > 0),
        usaid_signature BLOB CHECK (length(usaid_signature) = 64),
        usaid_approved_at TEXT,
        CHECK ((status = 'committed') = (committed_seq IS NOT NULL)),
        CHECK ((input IS NULL) = (expires_at IS NULL)),
        CHECK ((sealed_record IS NULL) = (sealed_digest IS NULL)),
        CHECK (sealed_record IS NULL OR kind = 'disbursement'),
        CHECK ((shcp_key IS NULL) = (shcp_signature IS NULL) AND (shcp_key IS NULL) = (shcp_approved_at IS NULL)),
        CHECK ((usaid_key IS NULL) = (usaid_signature IS NULL) AND (usaid_key IS NULL) = (usaid_approved_at IS NULL))
    ) STRICT;
    INSERT INTO proposals_v8(rowid, id, kind, ledger_id, body, approval_digest, status, created_at, committed_seq,
                             input, expires_at, sealed_record, sealed_digest,
                             shcp_key, shcp_signature, shcp_approved_at, usaid_key, usaid_signature, usaid_approved_at)
        SELECT p.rowid, p.id, p.kind, p.ledger_id, p.body, p.approval_digest, p.status, p.created_at, p.committed_seq,
               i.input, i.expires_at, s.record, s.digest,
               a.key_name, a.signature, a.created_at, b.key_name, b.signature, b.created_at
        FROM proposals p LEFT JOIN proposal_inputs i ON i.proposal_id = p.id LEFT JOIN sealed s ON s.disbursement_id = p.id
        LEFT JOIN approvals a ON a.proposal_id = p.id AND a.institution = 'SHCP'
        LEFT JOIN approvals b ON b.proposal_id = p.id AND b.institution = 'USAID'
        ORDER BY p.rowid;

    DROP TRIGGER proposal_closures_pending_only;
    DROP TABLE proposal_inputs;
    DROP TABLE sealed;
    DROP TABLE approvals;
    DROP TABLE proposals;
    ALTER TABLE proposals_v8 RENAME TO proposals;

    CREATE UNIQUE INDEX proposals_committed_seq ON proposals(committed_seq) WHERE committed_seq IS NOT NULL;
    CREATE INDEX proposals_pending ON proposals(status) WHERE status = 'pending';
    CREATE TRIGGER proposals_frozen BEFORE UPDATE ON proposals
    WHEN OLD.status = 'committed' OR NEW.body != OLD.body OR NEW.kind != OLD.kind OR NEW.id != OLD.id
      OR NEW.approval_digest != OLD.approval_digest OR NEW.ledger_id != OLD.ledger_id OR NEW.created_at != OLD.created_at
      OR NEW.input IS NOT OLD.input OR NEW.expires_at IS NOT OLD.expires_at
      OR NEW.sealed_record IS NOT OLD.sealed_record OR NEW.sealed_digest IS NOT OLD.sealed_digest
    BEGIN SELECT RAISE(ABORT, 'a proposal may only change from pending to committed'); END;
    CREATE TRIGGER proposals_no_delete_committed BEFORE DELETE ON proposals
    WHEN OLD.status = 'committed'
    BEGIN SELECT RAISE(ABORT, 'committed proposals cannot be deleted'); END;
    CREATE TRIGGER proposals_approved_once BEFORE UPDATE ON proposals
    WHEN (OLD.shcp_key IS NOT NULL AND (NEW.shcp_key IS NOT OLD.shcp_key OR NEW.shcp_signature IS NOT OLD.shcp_signature
                                        OR NEW.shcp_approved_at IS NOT OLD.shcp_approved_at))
      OR (OLD.usaid_key IS NOT NULL AND (NEW.usaid_key IS NOT OLD.usaid_key OR NEW.usaid_signature IS NOT OLD.usaid_signature
                                         OR NEW.usaid_approved_at IS NOT OLD.usaid_approved_at))
    BEGIN SELECT RAISE(ABORT, 'approvals cannot be changed'); END;
    CREATE TRIGGER proposals_keep_sealed BEFORE DELETE ON proposals
    WHEN OLD.sealed_record IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'sealed records cannot be deleted'); END;
    CREATE TRIGGER proposals_closed_stay_closed BEFORE UPDATE ON proposals
    WHEN EXISTS (SELECT 1 FROM proposal_closures WHERE proposal_id = OLD.id)
    BEGIN SELECT RAISE(ABORT, 'a withdrawn or expired proposal cannot be committed'); END;
    CREATE TRIGGER proposal_closures_pending_only BEFORE INSERT ON proposal_closures
    WHEN (SELECT status FROM proposals WHERE id = NEW.proposal_id) IS NOT 'pending'
    BEGIN SELECT RAISE(ABORT, 'only a pending proposal can be withdrawn or expire'); END;
    """

    /// Rewrites two of v8's triggers on `proposals` to refuse the same changes without reading
    /// what every legitimate UPDATE leaves alone. v8's `proposals_frozen` compared ten columns of
    /// the old and new row on every UPDATE, the body and sealed record byte by byte (they take
    /// several pages); with `proposals_approved_once` that was a measurable share of the store writer's
    /// instructions per co-signed disbursement (`jhf-bench writer` under callgrind).
    ///
    /// - `proposals_content_fixed` refuses any UPDATE that names a column a proposal is made
    ///   with (its id, kind, ledger, body, approval digest, creation time, input, expiry, sealed
    ///   record and digest), whatever value it writes. A column can only change through an
    ///   UPDATE that names it, so nothing that v8 refused gets through; an UPDATE that writes
    ///   the same value back, which v8 let pass, is refused too. The store never names them.
    /// - `proposals_frozen` keeps the rest of v8's rule: a committed proposal does not change.
    /// - `proposals_shcp_approved_once` and `proposals_usaid_approved_once` refuse any UPDATE
    ///   that names an institution's approval columns once that institution has approved.
    static let v9 = """
    DROP TRIGGER proposals_frozen;
    DROP TRIGGER proposals_approved_once;
    CREATE TRIGGER proposals_content_fixed
    BEFORE UPDATE OF id, kind, ledger_id, body, approval_digest, created_at, input, expires_at, sealed_record, sealed_digest ON proposals
    BEGIN SELECT RAISE(ABORT, 'a proposal''s content is fixed when it is made: only its approvals and its commit are written later'); END;
    CREATE TRIGGER proposals_frozen BEFORE UPDATE ON proposals
    WHEN OLD.status = 'committed'
    BEGIN SELECT RAISE(ABORT, 'a proposal may only change from pending to committed'); END;
    CREATE TRIGGER proposals_shcp_approved_once BEFORE UPDATE OF shcp_key, shcp_signature, shcp_approved_at ON proposals
    WHEN OLD.shcp_key IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'approvals cannot be changed'); END;
    CREATE TRIGGER proposals_usaid_approved_once BEFORE UPDATE OF usaid_key, usaid_signature, usaid_approved_at ON proposals
    WHEN OLD.usaid_key IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'approvals cannot be changed'); END;
    """

    /// Records who made each proposal: the name of the service token that proposed it, or
    /// NULL for a proposal made with direct access to the database (`jhf propose --db`) and for
    /// every proposal made before v10. A repeated proposal is answered as idempotent only to
    /// whoever made it: any other caller is told only that the id is taken, so that a proposer
    /// token cannot use repeats to test guesses about another proposal's sealed record.
    /// `proposed_by` joins the columns that `proposals_content_fixed` refuses to change.
    static let v10 = """
    ALTER TABLE proposals ADD COLUMN proposed_by TEXT CHECK (length(proposed_by) > 0);
    DROP TRIGGER proposals_content_fixed;
    CREATE TRIGGER proposals_content_fixed
    BEFORE UPDATE OF id, kind, ledger_id, body, approval_digest, created_at, input, expires_at, sealed_record, sealed_digest,
                     proposed_by ON proposals
    BEGIN SELECT RAISE(ABORT, 'a proposal''s content is fixed when it is made: only its approvals and its commit are written later'); END;
    """

    /// Format v1.1 (SPEC §10): the `kind` CHECK of `entries` and `proposals` admits the three new
    /// kinds (commitment, amendment, suspension). SQLite cannot change a CHECK in place, so both
    /// tables are rebuilt as in v6 (new table, copy, drop, rename), keeping every `seq` and
    /// proposal `rowid`, every column and constraint otherwise as they were after v10. The
    /// triggers of other tables that name the two tables are dropped first and recreated
    /// unchanged, as are the tables' own triggers and indexes.
    static let v11 = """
    CREATE TABLE entries_v11 (
        seq INTEGER PRIMARY KEY NOT NULL CHECK (seq >= 0),
        entry_hash BLOB NOT NULL CHECK (length(entry_hash) = 32),
        prev_hash BLOB NOT NULL CHECK (length(prev_hash) = 32),
        kind TEXT NOT NULL CHECK (kind IN ('genesis', 'key_update', 'budget_update', 'disbursement', 'reversal', 'commitment', 'amendment', 'suspension')),
        entry_id TEXT UNIQUE CHECK ((kind = 'genesis') = (entry_id IS NULL)),
        committed_at TEXT NOT NULL CHECK (length(committed_at) = 20),
        canonical BLOB NOT NULL CHECK (length(canonical) > 0)
    ) STRICT;
    INSERT INTO entries_v11(seq, entry_hash, prev_hash, kind, entry_id, committed_at, canonical)
        SELECT seq, entry_hash, prev_hash, kind, entry_id, committed_at, canonical FROM entries ORDER BY seq;

    CREATE TABLE proposals_v11 (
        id TEXT PRIMARY KEY NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('genesis', 'key_update', 'budget_update', 'disbursement', 'reversal', 'commitment', 'amendment', 'suspension')),
        ledger_id TEXT NOT NULL,
        body BLOB NOT NULL,
        approval_digest BLOB NOT NULL CHECK (length(approval_digest) = 32),
        status TEXT NOT NULL CHECK (status IN ('pending', 'committed')),
        created_at TEXT NOT NULL,
        committed_seq INTEGER REFERENCES entries(seq),
        input BLOB CHECK (length(input) > 0),
        expires_at TEXT CHECK (length(expires_at) = 20),
        sealed_record BLOB CHECK (length(sealed_record) > 0),
        sealed_digest BLOB CHECK (length(sealed_digest) = 32),
        shcp_key TEXT CHECK (length(shcp_key) > 0),
        shcp_signature BLOB CHECK (length(shcp_signature) = 64),
        shcp_approved_at TEXT,
        usaid_key TEXT CHECK (length(usaid_key) > 0),
        usaid_signature BLOB CHECK (length(usaid_signature) = 64),
        usaid_approved_at TEXT,
        proposed_by TEXT CHECK (length(proposed_by) > 0),
        CHECK ((status = 'committed') = (committed_seq IS NOT NULL)),
        CHECK ((input IS NULL) = (expires_at IS NULL)),
        CHECK ((sealed_record IS NULL) = (sealed_digest IS NULL)),
        CHECK (sealed_record IS NULL OR kind = 'disbursement'),
        CHECK ((shcp_key IS NULL) = (shcp_signature IS NULL) AND (shcp_key IS NULL) = (shcp_approved_at IS NULL)),
        CHECK ((usaid_key IS NULL) = (usaid_signature IS NULL) AND (usaid_key IS NULL) = (usaid_approved_at IS NULL))
    ) STRICT;
    INSERT INTO proposals_v11(rowid, id, kind, ledger_id, body, approval_digest, status, created_at, committed_seq,
                              input, expires_at, sealed_record, sealed_digest,
                              shcp_key, shcp_signature, shcp_approved_at, usaid_key, usaid_signature, usaid_approved_at, proposed_by)
        SELECT rowid, id, kind, ledger_id, body, approval_digest, status, created_at, committed_seq,
               input, expires_at, sealed_record, sealed_digest,
               shcp_key, shcp_signature, shcp_approved_at, usaid_key, usaid_signature, usaid_approved_at, proposed_by
        FROM proposals ORDER BY rowid;

    DROP TRIGGER merkle_leaves_are_entries;
    DROP TRIGGER checkpoints_cover_entries;
    DROP TRIGGER payment_orders_of_disbursements;
    DROP TRIGGER proposal_closures_pending_only;
    DROP TABLE entries;
    DROP TABLE proposals;
    ALTER TABLE entries_v11 RENAME TO entries;
    ALTER TABLE proposals_v11 RENAME TO proposals;

    CREATE TRIGGER entries_no_update BEFORE UPDATE ON entries
    BEGIN SELECT RAISE(ABORT, 'committed entries are append-only: UPDATE refused'); END;
    CREATE TRIGGER entries_no_delete BEFORE DELETE ON entries
    BEGIN SELECT RAISE(ABORT, 'committed entries are append-only: DELETE refused'); END;
    CREATE TRIGGER entries_extend_chain BEFORE INSERT ON entries
    WHEN NEW.seq != (SELECT coalesce(max(seq), -1) + 1 FROM entries)
      OR NEW.prev_hash != coalesce((SELECT entry_hash FROM entries WHERE seq = NEW.seq - 1), zeroblob(32))
    BEGIN SELECT RAISE(ABORT, 'an entry must extend the chain: seq and prev_hash must follow the head'); END;

    CREATE UNIQUE INDEX proposals_committed_seq ON proposals(committed_seq) WHERE committed_seq IS NOT NULL;
    CREATE INDEX proposals_pending ON proposals(status) WHERE status = 'pending';
    CREATE TRIGGER proposals_content_fixed
    BEFORE UPDATE OF id, kind, ledger_id, body, approval_digest, created_at, input, expires_at, sealed_record, sealed_digest,
                     proposed_by ON proposals
    BEGIN SELECT RAISE(ABORT, 'a proposal''s content is fixed when it is made: only its approvals and its commit are written later'); END;
    CREATE TRIGGER proposals_frozen BEFORE UPDATE ON proposals
    WHEN OLD.status = 'committed'
    BEGIN SELECT RAISE(ABORT, 'a proposal may only change from pending to committed'); END;
    CREATE TRIGGER proposals_shcp_approved_once BEFORE UPDATE OF shcp_key, shcp_signature, shcp_approved_at ON proposals
    WHEN OLD.shcp_key IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'approvals cannot be changed'); END;
    CREATE TRIGGER proposals_usaid_approved_once BEFORE UPDATE OF usaid_key, usaid_signature, usaid_approved_at ON proposals
    WHEN OLD.usaid_key IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'approvals cannot be changed'); END;
    CREATE TRIGGER proposals_no_delete_committed BEFORE DELETE ON proposals
    WHEN OLD.status = 'committed'
    BEGIN SELECT RAISE(ABORT, 'committed proposals cannot be deleted'); END;
    CREATE TRIGGER proposals_keep_sealed BEFORE DELETE ON proposals
    WHEN OLD.sealed_record IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'sealed records cannot be deleted'); END;
    CREATE TRIGGER proposals_closed_stay_closed BEFORE UPDATE ON proposals
    WHEN EXISTS (SELECT 1 FROM proposal_closures WHERE proposal_id = OLD.id)
    BEGIN SELECT RAISE(ABORT, 'a withdrawn or expired proposal cannot be committed'); END;

    CREATE TRIGGER merkle_leaves_are_entries BEFORE INSERT ON merkle_nodes
    WHEN NEW.level = 0 AND NEW.hash IS NOT (SELECT entry_hash FROM entries WHERE seq = NEW.idx)
    BEGIN SELECT RAISE(ABORT, 'a Merkle leaf must be the entry_hash of the entry at its index'); END;
    CREATE TRIGGER checkpoints_cover_entries BEFORE INSERT ON checkpoints
    WHEN NEW.size > (SELECT coalesce(max(seq), -1) + 1 FROM entries)
    BEGIN SELECT RAISE(ABORT, 'a checkpoint cannot cover entries that do not exist'); END;
    CREATE TRIGGER payment_orders_of_disbursements BEFORE INSERT ON payment_orders
    WHEN (SELECT kind FROM entries WHERE entry_id = NEW.disbursement_id) IS NOT 'disbursement'
    BEGIN SELECT RAISE(ABORT, 'only a committed disbursement can be ordered'); END;
    CREATE TRIGGER proposal_closures_pending_only BEFORE INSERT ON proposal_closures
    WHEN (SELECT status FROM proposals WHERE id = NEW.proposal_id) IS NOT 'pending'
    BEGIN SELECT RAISE(ABORT, 'only a pending proposal can be withdrawn or expire'); END;
    """
}
