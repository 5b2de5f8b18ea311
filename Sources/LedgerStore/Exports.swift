// The store layer's error type and line reader live in a target of their own (so the statement readers, and
// their fuzz target, need not build the store and its PostgreSQL driver); everyone who imports
// the store sees it as before.
@_exported import LedgerStoreBase
