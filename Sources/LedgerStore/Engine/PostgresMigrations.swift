/// The PostgreSQL schema, as numbered migrations. Frozen: a migration that shipped is never
/// edited (a database that applied it would differ from one that applies the edit); changes
/// come as new migrations at the end. Each is a list of statements (PostgreSQL's extended
/// protocol takes one at a time), applied in one transaction with its `schema_migrations` row.
///
/// Migration 1 is the SQLite schema at its version 11 (the last of `Migrations.all`), with the same
/// tables, columns, keys and CHECKs, and the append-only rules as PL/pgSQL triggers. Two
/// things SQLite does not need: a `rowid` identity column on `proposals` (SQLite's implicit
/// rowid, which orders listings), and triggers refusing TRUNCATE, which skips row triggers.
enum PostgresMigrations {
    static let all: [[String]] = [v1]

    private static func refuse(_ trigger: String, _ timing: String, _ table: String, _ message: String, when: String? = nil) -> String {
        let condition = when.map { " WHEN (\($0))" } ?? ""
        let level = timing.hasSuffix("TRUNCATE") ? "STATEMENT" : "ROW"
        return "CREATE TRIGGER \(trigger) \(timing) ON \(table) FOR EACH \(level)\(condition) EXECUTE FUNCTION jhf_refuse('\(message)')"
    }

    /// A trigger function that refuses with `message` when `condition` holds (it may read other tables).
    private static func check(_ name: String, _ condition: String, _ message: String) -> String {
        """
        CREATE FUNCTION \(name)() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF \(condition) THEN RAISE EXCEPTION '\(message)' USING ERRCODE = 'P0001'; END IF;
          RETURN NEW;
        END $$
        """
    }

    private static let kinds = "'genesis', 'key_update', 'budget_update', 'disbursement', 'reversal', 'commitment', 'amendment', 'suspension'"

    static let v1: [String] = [
        """
        CREATE FUNCTION jhf_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'P0001'; END $$
        """,
        "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY CHECK (version >= 1), applied_at TIMESTAMPTZ NOT NULL DEFAULT now())",
        "CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)",
        """
        CREATE TABLE entries (
            seq BIGINT PRIMARY KEY NOT NULL CHECK (seq >= 0),
            entry_hash BYTEA NOT NULL CHECK (length(entry_hash) = 32),
            prev_hash BYTEA NOT NULL CHECK (length(prev_hash) = 32),
            kind TEXT NOT NULL CHECK (kind IN (\(kinds))),
            entry_id TEXT UNIQUE CHECK ((kind = 'genesis') = (entry_id IS NULL)),
            committed_at TEXT NOT NULL CHECK (length(committed_at) = 20),
            canonical BYTEA NOT NULL CHECK (length(canonical) > 0)
        )
        """,
        refuse("entries_no_update", "BEFORE UPDATE", "entries", "committed entries are append-only: UPDATE refused"),
        refuse("entries_no_delete", "BEFORE DELETE", "entries", "committed entries are append-only: DELETE refused"),
        refuse("entries_no_truncate", "BEFORE TRUNCATE", "entries", "committed entries are append-only: TRUNCATE refused"),
        check("jhf_entries_extend_chain", """
            NEW.seq <> (SELECT coalesce(max(seq), -1) + 1 FROM entries)
               OR NEW.prev_hash <> coalesce((SELECT entry_hash FROM entries WHERE seq = NEW.seq - 1), decode(repeat('00', 32), 'hex'))
            """, "an entry must extend the chain: seq and prev_hash must follow the head"),
        "CREATE TRIGGER entries_extend_chain BEFORE INSERT ON entries FOR EACH ROW EXECUTE FUNCTION jhf_entries_extend_chain()",
        """
        CREATE TABLE proposals (
            id TEXT PRIMARY KEY NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN (\(kinds))),
            ledger_id TEXT NOT NULL,
            body BYTEA NOT NULL,
            approval_digest BYTEA NOT NULL CHECK (length(approval_digest) = 32),
            status TEXT NOT NULL CHECK (status IN ('pending', 'committed')),
            created_at TEXT NOT NULL,
            committed_seq BIGINT REFERENCES entries(seq),
            input BYTEA CHECK (length(input) > 0),
            expires_at TEXT CHECK (length(expires_at) = 20),
            sealed_record BYTEA CHECK (length(sealed_record) > 0),
            sealed_digest BYTEA CHECK (length(sealed_digest) = 32),
            shcp_key TEXT CHECK (length(shcp_key) > 0),
            shcp_signature BYTEA CHECK (length(shcp_signature) = 64),
            shcp_approved_at TEXT,
            usaid_key TEXT CHECK (length(usaid_key) > 0),
            usaid_signature BYTEA CHECK (length(usaid_signature) = 64),
            usaid_approved_at TEXT,
            proposed_by TEXT CHECK (length(proposed_by) > 0),
            rowid BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE NOT NULL,
            CHECK ((status = 'committed') = (committed_seq IS NOT NULL)),
            CHECK ((input IS NULL) = (expires_at IS NULL)),
            CHECK ((sealed_record IS NULL) = (sealed_digest IS NULL)),
            CHECK (sealed_record IS NULL OR kind = 'disbursement'),
            CHECK ((shcp_key IS NULL) = (shcp_signature IS NULL) AND (shcp_key IS NULL) = (shcp_approved_at IS NULL)),
            CHECK ((usaid_key IS NULL) = (usaid_signature IS NULL) AND (usaid_key IS NULL) = (usaid_approved_at IS NULL))
        )
        """,
        "CREATE UNIQUE INDEX proposals_committed_seq ON proposals(committed_seq) WHERE committed_seq IS NOT NULL",
        "CREATE INDEX proposals_pending ON proposals(status) WHERE status = 'pending'",
        """
        CREATE TABLE proposal_closures (
            proposal_id TEXT PRIMARY KEY NOT NULL REFERENCES proposals(id),
            status TEXT NOT NULL CHECK (status IN ('withdrawn', 'expired')),
            closed_at TEXT NOT NULL CHECK (length(closed_at) = 20),
            closed_by TEXT NOT NULL,
            reason TEXT NOT NULL
        )
        """,
        check("jhf_proposals_content_fixed", """
            NEW.id IS DISTINCT FROM OLD.id OR NEW.kind IS DISTINCT FROM OLD.kind OR NEW.ledger_id IS DISTINCT FROM OLD.ledger_id
               OR NEW.body IS DISTINCT FROM OLD.body OR NEW.approval_digest IS DISTINCT FROM OLD.approval_digest
               OR NEW.created_at IS DISTINCT FROM OLD.created_at OR NEW.input IS DISTINCT FROM OLD.input
               OR NEW.expires_at IS DISTINCT FROM OLD.expires_at OR NEW.sealed_record IS DISTINCT FROM OLD.sealed_record
               OR NEW.sealed_digest IS DISTINCT FROM OLD.sealed_digest OR NEW.proposed_by IS DISTINCT FROM OLD.proposed_by
               OR NEW.rowid IS DISTINCT FROM OLD.rowid
            """, "a proposal''s content is fixed when it is made: only its approvals and its commit are written later"),
        "CREATE TRIGGER proposals_content_fixed BEFORE UPDATE ON proposals FOR EACH ROW EXECUTE FUNCTION jhf_proposals_content_fixed()",
        refuse("proposals_frozen", "BEFORE UPDATE", "proposals", "a proposal may only change from pending to committed",
               when: "OLD.status = 'committed'"),
        refuse("proposals_shcp_approved_once", "BEFORE UPDATE OF shcp_key, shcp_signature, shcp_approved_at", "proposals",
               "approvals cannot be changed", when: "OLD.shcp_key IS NOT NULL"),
        refuse("proposals_usaid_approved_once", "BEFORE UPDATE OF usaid_key, usaid_signature, usaid_approved_at", "proposals",
               "approvals cannot be changed", when: "OLD.usaid_key IS NOT NULL"),
        refuse("proposals_no_delete_committed", "BEFORE DELETE", "proposals", "committed proposals cannot be deleted",
               when: "OLD.status = 'committed'"),
        refuse("proposals_keep_sealed", "BEFORE DELETE", "proposals", "sealed records cannot be deleted", when: "OLD.sealed_record IS NOT NULL"),
        refuse("proposals_no_truncate", "BEFORE TRUNCATE", "proposals", "proposals cannot be truncated"),
        check("jhf_proposals_closed_stay_closed", "EXISTS (SELECT 1 FROM proposal_closures WHERE proposal_id = OLD.id)",
              "a withdrawn or expired proposal cannot be committed"),
        "CREATE TRIGGER proposals_closed_stay_closed BEFORE UPDATE ON proposals FOR EACH ROW EXECUTE FUNCTION jhf_proposals_closed_stay_closed()",
        refuse("proposal_closures_no_update", "BEFORE UPDATE", "proposal_closures", "a closed proposal stays closed"),
        refuse("proposal_closures_no_delete", "BEFORE DELETE", "proposal_closures", "a closed proposal stays closed"),
        refuse("proposal_closures_no_truncate", "BEFORE TRUNCATE", "proposal_closures", "a closed proposal stays closed"),
        check("jhf_proposal_closures_pending_only", "(SELECT status FROM proposals WHERE id = NEW.proposal_id) IS DISTINCT FROM 'pending'",
              "only a pending proposal can be withdrawn or expire"),
        "CREATE TRIGGER proposal_closures_pending_only BEFORE INSERT ON proposal_closures FOR EACH ROW EXECUTE FUNCTION jhf_proposal_closures_pending_only()",
        """
        CREATE TABLE merkle_nodes (
            last_leaf BIGINT NOT NULL CHECK (last_leaf = ((idx + 1) << level) - 1),
            level INTEGER NOT NULL CHECK (level BETWEEN 0 AND 62),
            idx BIGINT NOT NULL CHECK (idx >= 0),
            hash BYTEA NOT NULL CHECK (length(hash) = 32),
            PRIMARY KEY (last_leaf, level)
        )
        """,
        refuse("merkle_nodes_no_update", "BEFORE UPDATE", "merkle_nodes", "Merkle nodes are append-only"),
        refuse("merkle_nodes_no_delete", "BEFORE DELETE", "merkle_nodes", "Merkle nodes are append-only"),
        refuse("merkle_nodes_no_truncate", "BEFORE TRUNCATE", "merkle_nodes", "Merkle nodes are append-only"),
        check("jhf_merkle_leaves_are_entries", "NEW.level = 0 AND NEW.hash IS DISTINCT FROM (SELECT entry_hash FROM entries WHERE seq = NEW.idx)",
              "a Merkle leaf must be the entry_hash of the entry at its index"),
        "CREATE TRIGGER merkle_leaves_are_entries BEFORE INSERT ON merkle_nodes FOR EACH ROW EXECUTE FUNCTION jhf_merkle_leaves_are_entries()",
        """
        CREATE TABLE checkpoints (
            size BIGINT PRIMARY KEY NOT NULL CHECK (size >= 1),
            root BYTEA NOT NULL CHECK (length(root) = 32),
            note BYTEA NOT NULL CHECK (length(note) BETWEEN 1 AND 65536),
            signed_at TEXT NOT NULL CHECK (length(signed_at) = 20)
        )
        """,
        refuse("checkpoints_no_delete", "BEFORE DELETE", "checkpoints", "signed checkpoints are kept forever"),
        refuse("checkpoints_no_truncate", "BEFORE TRUNCATE", "checkpoints", "signed checkpoints are kept forever"),
        check("jhf_checkpoints_only_gain_signatures", """
            NEW.size IS DISTINCT FROM OLD.size OR NEW.root IS DISTINCT FROM OLD.root OR NEW.signed_at IS DISTINCT FROM OLD.signed_at
               OR length(NEW.note) <= length(OLD.note) OR substring(NEW.note FROM 1 FOR length(OLD.note)) IS DISTINCT FROM OLD.note
            """, "a checkpoint only gains signature lines"),
        "CREATE TRIGGER checkpoints_only_gain_signatures BEFORE UPDATE ON checkpoints FOR EACH ROW EXECUTE FUNCTION jhf_checkpoints_only_gain_signatures()",
        check("jhf_checkpoints_cover_entries", "NEW.size > (SELECT coalesce(max(seq), -1) + 1 FROM entries)",
              "a checkpoint cannot cover entries that do not exist"),
        "CREATE TRIGGER checkpoints_cover_entries BEFORE INSERT ON checkpoints FOR EACH ROW EXECUTE FUNCTION jhf_checkpoints_cover_entries()",
        """
        CREATE TABLE payment_files (
            message_id TEXT PRIMARY KEY NOT NULL CHECK (length(message_id) BETWEEN 1 AND 35),
            created_at TEXT NOT NULL CHECK (length(created_at) = 20),
            execution_date TEXT NOT NULL CHECK (length(execution_date) = 10),
            debtor_account TEXT NOT NULL CHECK (length(debtor_account) = 18),
            file_sha256 BYTEA NOT NULL CHECK (length(file_sha256) = 32),
            orders BIGINT NOT NULL CHECK (orders > 0),
            forced BIGINT NOT NULL CHECK (forced IN (0, 1))
        )
        """,
        """
        CREATE TABLE payment_orders (
            message_id TEXT NOT NULL REFERENCES payment_files(message_id) DEFERRABLE INITIALLY DEFERRED,
            disbursement_id TEXT NOT NULL REFERENCES entries(entry_id),
            amount BIGINT NOT NULL CHECK (amount > 0),
            currency TEXT NOT NULL CHECK (length(currency) = 3),
            PRIMARY KEY (message_id, disbursement_id)
        )
        """,
        "CREATE INDEX payment_orders_disbursement ON payment_orders(disbursement_id)",
        check("jhf_payment_orders_of_disbursements",
              "(SELECT kind FROM entries WHERE entry_id = NEW.disbursement_id) IS DISTINCT FROM 'disbursement'",
              "only a committed disbursement can be ordered"),
        "CREATE TRIGGER payment_orders_of_disbursements BEFORE INSERT ON payment_orders FOR EACH ROW EXECUTE FUNCTION jhf_payment_orders_of_disbursements()",
        """
        CREATE TABLE reconciliation_runs (
            run BIGINT PRIMARY KEY NOT NULL CHECK (run >= 1),
            statement_sha256 BYTEA NOT NULL UNIQUE CHECK (length(statement_sha256) = 32),
            format TEXT NOT NULL CHECK (format IN ('camt.053.001.02', 'camt.053.001.08', 'csv')),
            run_at TEXT NOT NULL CHECK (length(run_at) = 20),
            ledger_size BIGINT NOT NULL CHECK (ledger_size >= 1),
            outcome TEXT NOT NULL CHECK (outcome IN ('reconciled', 'discrepancies')),
            summary BYTEA NOT NULL CHECK (length(summary) > 0)
        )
        """,
        """
        CREATE TABLE reconciliation_items (
            run BIGINT NOT NULL REFERENCES reconciliation_runs(run) DEFERRABLE INITIALLY DEFERRED,
            ordinal BIGINT NOT NULL CHECK (ordinal >= 1),
            class TEXT NOT NULL CHECK (class IN ('matched', 'amount_mismatch', 'currency_mismatch', 'account_mismatch', 'paid_twice',
                                                 'paid_but_reversed', 'returned', 'unknown_debit', 'unrelated_credit', 'already_seen', 'not_seen')),
            discrepancy BIGINT NOT NULL CHECK (discrepancy IN (0, 1)),
            item BYTEA NOT NULL CHECK (length(item) > 0),
            PRIMARY KEY (run, ordinal)
        )
        """,
        """
        CREATE TABLE bank_bookings (
            booking_key TEXT PRIMARY KEY NOT NULL,
            run BIGINT NOT NULL REFERENCES reconciliation_runs(run) DEFERRABLE INITIALLY DEFERRED,
            disbursement_id TEXT,
            outflow BIGINT NOT NULL CHECK (outflow IN (0, 1)),
            bank_ref TEXT
        )
        """,
        "CREATE INDEX bank_bookings_disbursement ON bank_bookings(disbursement_id) WHERE disbursement_id IS NOT NULL",
    ] + ["payment_files", "payment_orders", "reconciliation_runs", "reconciliation_items", "bank_bookings"].flatMap { table -> [String] in
        let what = table.replacingOccurrences(of: "_", with: " ")
        let label = what.prefix(1).uppercased() + what.dropFirst()
        return [
            refuse("\(table)_no_update", "BEFORE UPDATE", table, "\(what) are a record: UPDATE refused"),
            refuse("\(table)_no_delete", "BEFORE DELETE", table, "\(what) are a record: DELETE refused"),
            refuse("\(table)_no_truncate", "BEFORE TRUNCATE", table, "\(label) are a record: TRUNCATE refused"),
        ]
    } + [
        refuse("meta_no_update", "BEFORE UPDATE", "meta", "the ledger id is fixed at creation"),
        refuse("meta_no_delete", "BEFORE DELETE", "meta", "the ledger id is fixed at creation"),
        refuse("meta_no_truncate", "BEFORE TRUNCATE", "meta", "the ledger id is fixed at creation"),
    ]
}
