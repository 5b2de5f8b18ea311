// A test-only SQLite VFS that simulates power loss (in the manner of SQLite's own crash tests).
//
// It wraps the default unix VFS and keeps, for every file written through it, an undo log of
// the writes (and truncations) made since that file's last xSync. A simulated crash puts each
// file back as it was at its last sync: the bytes the unsynced writes overwrote are restored
// and the file is cut to its synced size. In torn mode the most recent unsynced write keeps its
// first half, as a sector-tearing disk might leave it. After the crash every further write,
// sync, truncate and delete fails, as they would on a dead machine.
#ifndef CRASHVFS_H
#define CRASHVFS_H
#include <stdint.h>

/// Registers the VFS as "crashvfs" (once, not as the default); returns SQLITE_OK. Its crash
/// state is process-wide: the tests that arm it run in one serialized suite.
int crashvfs_install(void);
/// Arms a crash just before write-or-sync event number `at` (counted from now, from 0);
/// `torn` leaves half of the last unsynced write. A negative `at` disarms.
void crashvfs_arm(int64_t at, int torn);
/// Write and sync events since the last arm.
int64_t crashvfs_events(void);
/// Whether the armed crash has happened.
int crashvfs_crashed(void);
/// Forgets the crash and every undo log: the files stay as the crash left them.
void crashvfs_reset(void);
/// xSync calls since the last arm (to show a test that syncs happen at all).
int64_t crashvfs_syncs(void);
#endif
