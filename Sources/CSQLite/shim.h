#include <sqlite3.h>

// sqlite3_config is variadic, which Swift cannot call: one fixed-argument wrapper per option used.

/// Turns off SQLite's memory statistics. With them on (the default), every allocation and
/// free takes a process-wide mutex to update counters the store never reads. Must run before
/// SQLite initializes (the first open); afterwards SQLite refuses it with SQLITE_MISUSE.
static inline int jhf_sqlite3_config_memstatus_off(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
