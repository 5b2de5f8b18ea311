// The statement readers (camt.053, CSV) live in a target of their own, without the store, so the
// fuzz target builds them alone; everyone who imports the bank code sees them as before.
@_exported import LedgerStatements
