#include "crashvfs.h"
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>

/// One undone change: the file's size before it and the bytes it overwrote.
typedef struct Undo {
    sqlite3_int64 offset;
    int length;              // bytes the change covered (0 for a truncation)
    unsigned char *old;      // their previous content, as far as the file had them
    int oldLength;
    sqlite3_int64 sizeBefore;
    struct Undo *next;       // the previous change (a stack, newest first)
} Undo;

/// The undo log of one path, kept across closes and reopens.
typedef struct Tracked {
    char *path;
    Undo *undo;
    struct Tracked *next;
} Tracked;

typedef struct CrashFile {
    sqlite3_file base;
    Tracked *tracked;        // NULL for files not tracked (none today)
    sqlite3_file *real;      // follows this struct in the same allocation
} CrashFile;

static sqlite3_vfs *realVFS;
static sqlite3_vfs crashVFS;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static Tracked *tracked;
static int64_t armedAt = -1, events, syncs;
static int tornMode, crashed;

static Tracked *trackedFor(const char *path) {
    for (Tracked *t = tracked; t; t = t->next) if (strcmp(t->path, path) == 0) return t;
    Tracked *t = calloc(1, sizeof *t);
    t->path = strdup(path);
    t->next = tracked;
    tracked = t;
    return t;
}

static void freeUndo(Undo *u) {
    while (u) { Undo *n = u->next; free(u->old); free(u); u = n; }
}

/// Puts every tracked file back as at its last sync. Called with the lock held.
static void crashNow(void) {
    crashed = 1;
    for (Tracked *t = tracked; t; t = t->next) {
        if (!t->undo) continue;
        sqlite3_file *f = malloc(realVFS->szOsFile);
        int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_MAIN_DB;
        if (realVFS->xOpen(realVFS, t->path, f, flags, &flags) == SQLITE_OK) {
            sqlite3_int64 syncedSize = 0;
            for (Undo *u = t->undo; u; u = u->next) {
                int keep = 0;
                if (tornMode && u == t->undo && u->length > 1) keep = u->length / 2;  // the newest write is torn
                if (u->oldLength > keep) f->pMethods->xWrite(f, u->old + keep, u->oldLength - keep, u->offset + keep);
                syncedSize = u->sizeBefore;
            }
            if (tornMode && t->undo->length > 1) {
                sqlite3_int64 tornEnd = t->undo->offset + t->undo->length / 2;
                if (tornEnd > syncedSize) syncedSize = tornEnd;
            }
            f->pMethods->xTruncate(f, syncedSize);
            f->pMethods->xClose(f);
        }
        free(f);
        freeUndo(t->undo);
        t->undo = NULL;
    }
}

/// Counts one event; crashes first if it is the armed one. Returns nonzero once crashed.
static int event(void) {
    if (crashed) return 1;
    if (armedAt >= 0 && events == armedAt) { crashNow(); return 1; }
    events++;
    return 0;
}

static int cClose(sqlite3_file *f) {
    CrashFile *c = (CrashFile *)f;
    int rc = c->real->pMethods->xClose(c->real);
    return rc;
}

static int cRead(sqlite3_file *f, void *buf, int n, sqlite3_int64 off) {
    CrashFile *c = (CrashFile *)f;
    return c->real->pMethods->xRead(c->real, buf, n, off);
}

static int cWrite(sqlite3_file *f, const void *buf, int n, sqlite3_int64 off) {
    CrashFile *c = (CrashFile *)f;
    pthread_mutex_lock(&lock);
    if (event()) { pthread_mutex_unlock(&lock); return SQLITE_IOERR_WRITE; }
    if (c->tracked) {
        Undo *u = calloc(1, sizeof *u);
        u->offset = off;
        u->length = n;
        c->real->pMethods->xFileSize(c->real, &u->sizeBefore);
        if (off < u->sizeBefore) {
            sqlite3_int64 avail = u->sizeBefore - off;
            u->oldLength = avail < n ? (int)avail : n;
            u->old = malloc(u->oldLength);
            if (c->real->pMethods->xRead(c->real, u->old, u->oldLength, off) != SQLITE_OK) memset(u->old, 0, u->oldLength);
        }
        u->next = c->tracked->undo;
        c->tracked->undo = u;
    }
    int rc = c->real->pMethods->xWrite(c->real, buf, n, off);
    pthread_mutex_unlock(&lock);
    return rc;
}

static int cTruncate(sqlite3_file *f, sqlite3_int64 size) {
    CrashFile *c = (CrashFile *)f;
    pthread_mutex_lock(&lock);
    if (event()) { pthread_mutex_unlock(&lock); return SQLITE_IOERR_TRUNCATE; }
    if (c->tracked) {
        Undo *u = calloc(1, sizeof *u);
        c->real->pMethods->xFileSize(c->real, &u->sizeBefore);
        u->offset = size;
        if (size < u->sizeBefore) {
            u->oldLength = (int)(u->sizeBefore - size);
            u->length = u->oldLength;
            u->old = malloc(u->oldLength);
            c->real->pMethods->xRead(c->real, u->old, u->oldLength, size);
        }
        u->next = c->tracked->undo;
        c->tracked->undo = u;
    }
    int rc = c->real->pMethods->xTruncate(c->real, size);
    pthread_mutex_unlock(&lock);
    return rc;
}

static int cSync(sqlite3_file *f, int flags) {
    CrashFile *c = (CrashFile *)f;
    pthread_mutex_lock(&lock);
    if (event()) { pthread_mutex_unlock(&lock); return SQLITE_IOERR_FSYNC; }
    syncs++;
    int rc = c->real->pMethods->xSync(c->real, flags);
    if (rc == SQLITE_OK && c->tracked) { freeUndo(c->tracked->undo); c->tracked->undo = NULL; }
    pthread_mutex_unlock(&lock);
    return rc;
}

static int cFileSize(sqlite3_file *f, sqlite3_int64 *size) { CrashFile *c = (CrashFile *)f; return c->real->pMethods->xFileSize(c->real, size); }
static int cLock(sqlite3_file *f, int l) { CrashFile *c = (CrashFile *)f; return c->real->pMethods->xLock(c->real, l); }
static int cUnlock(sqlite3_file *f, int l) { CrashFile *c = (CrashFile *)f; return c->real->pMethods->xUnlock(c->real, l); }
static int cCheckReserved(sqlite3_file *f, int *r) { CrashFile *c = (CrashFile *)f; return c->real->pMethods->xCheckReservedLock(c->real, r); }
static int cFileControl(sqlite3_file *f, int op, void *arg) { CrashFile *c = (CrashFile *)f; return c->real->pMethods->xFileControl(c->real, op, arg); }
static int cSectorSize(sqlite3_file *f) { CrashFile *c = (CrashFile *)f; return c->real->pMethods->xSectorSize(c->real); }
static int cDeviceChar(sqlite3_file *f) { CrashFile *c = (CrashFile *)f; return c->real->pMethods->xDeviceCharacteristics(c->real); }
static int cShmMap(sqlite3_file *f, int pg, int sz, int ext, void volatile **p) { CrashFile *c = (CrashFile *)f; return c->real->pMethods->xShmMap(c->real, pg, sz, ext, p); }
static int cShmLock(sqlite3_file *f, int off, int n, int flags) { CrashFile *c = (CrashFile *)f; return c->real->pMethods->xShmLock(c->real, off, n, flags); }
static void cShmBarrier(sqlite3_file *f) { CrashFile *c = (CrashFile *)f; c->real->pMethods->xShmBarrier(c->real); }
static int cShmUnmap(sqlite3_file *f, int del) { CrashFile *c = (CrashFile *)f; return c->real->pMethods->xShmUnmap(c->real, del); }

// Version 2: shared memory for WAL, no memory-mapped reads (every read goes through xRead).
static const sqlite3_io_methods methods = {
    2, cClose, cRead, cWrite, cTruncate, cSync, cFileSize, cLock, cUnlock, cCheckReserved,
    cFileControl, cSectorSize, cDeviceChar, cShmMap, cShmLock, cShmBarrier, cShmUnmap, 0, 0,
};

static int vOpen(sqlite3_vfs *vfs, const char *name, sqlite3_file *f, int flags, int *outFlags) {
    (void)vfs;
    CrashFile *c = (CrashFile *)f;
    c->real = (sqlite3_file *)&c[1];
    int rc = realVFS->xOpen(realVFS, name, c->real, flags, outFlags);
    if (rc != SQLITE_OK) { f->pMethods = 0; return rc; }
    pthread_mutex_lock(&lock);
    c->tracked = name ? trackedFor(name) : NULL;
    pthread_mutex_unlock(&lock);
    f->pMethods = &methods;
    return SQLITE_OK;
}

static int vDelete(sqlite3_vfs *vfs, const char *name, int syncDir) {
    (void)vfs;
    pthread_mutex_lock(&lock);
    int dead = crashed;
    if (!dead) {
        Tracked *t = trackedFor(name);
        freeUndo(t->undo);
        t->undo = NULL;
    }
    pthread_mutex_unlock(&lock);
    if (dead) return SQLITE_IOERR_DELETE;
    return realVFS->xDelete(realVFS, name, syncDir);
}

static int vAccess(sqlite3_vfs *v, const char *n, int f, int *r) { (void)v; return realVFS->xAccess(realVFS, n, f, r); }
static int vFullPathname(sqlite3_vfs *v, const char *n, int len, char *out) { (void)v; return realVFS->xFullPathname(realVFS, n, len, out); }
static void *vDlOpen(sqlite3_vfs *v, const char *n) { (void)v; return realVFS->xDlOpen(realVFS, n); }
static void vDlError(sqlite3_vfs *v, int n, char *m) { (void)v; realVFS->xDlError(realVFS, n, m); }
static void (*vDlSym(sqlite3_vfs *v, void *h, const char *s))(void) { (void)v; return realVFS->xDlSym(realVFS, h, s); }
static void vDlClose(sqlite3_vfs *v, void *h) { (void)v; realVFS->xDlClose(realVFS, h); }
static int vRandomness(sqlite3_vfs *v, int n, char *out) { (void)v; return realVFS->xRandomness(realVFS, n, out); }
static int vSleep(sqlite3_vfs *v, int us) { (void)v; return realVFS->xSleep(realVFS, us); }
static int vCurrentTime(sqlite3_vfs *v, double *t) { (void)v; return realVFS->xCurrentTime(realVFS, t); }
static int vGetLastError(sqlite3_vfs *v, int n, char *m) { (void)v; return realVFS->xGetLastError ? realVFS->xGetLastError(realVFS, n, m) : 0; }
static int vCurrentTimeInt64(sqlite3_vfs *v, sqlite3_int64 *t) { (void)v; return realVFS->xCurrentTimeInt64(realVFS, t); }

int crashvfs_install(void) {
    pthread_mutex_lock(&lock);
    if (realVFS) { pthread_mutex_unlock(&lock); return SQLITE_OK; }
    // Finding the default VFS initializes SQLite: the caller lets the store apply its
    // process-wide settings first (they are taken only before SQLite is initialized).
    realVFS = sqlite3_vfs_find(0);
    crashVFS = (sqlite3_vfs){
        2, (int)(sizeof(CrashFile) + realVFS->szOsFile), realVFS->mxPathname, 0, "crashvfs", 0,
        vOpen, vDelete, vAccess, vFullPathname, vDlOpen, vDlError, vDlSym, vDlClose, vRandomness, vSleep,
        vCurrentTime, vGetLastError, vCurrentTimeInt64, 0, 0, 0,
    };
    // Not the default: only connections that name "crashvfs" use it, so tests running beside
    // the power-loss tests in the same process are never touched by a simulated crash.
    int rc = sqlite3_vfs_register(&crashVFS, 0);
    pthread_mutex_unlock(&lock);
    return rc;
}

void crashvfs_arm(int64_t at, int torn) {
    pthread_mutex_lock(&lock);
    armedAt = at; tornMode = torn; events = 0; syncs = 0; crashed = 0;
    pthread_mutex_unlock(&lock);
}

int64_t crashvfs_events(void) { pthread_mutex_lock(&lock); int64_t e = events; pthread_mutex_unlock(&lock); return e; }
int64_t crashvfs_syncs(void) { pthread_mutex_lock(&lock); int64_t e = syncs; pthread_mutex_unlock(&lock); return e; }
int crashvfs_crashed(void) { pthread_mutex_lock(&lock); int c = crashed; pthread_mutex_unlock(&lock); return c; }

void crashvfs_reset(void) {
    pthread_mutex_lock(&lock);
    for (Tracked *t = tracked; t; t = t->next) { freeUndo(t->undo); t->undo = NULL; }
    armedAt = -1; crashed = 0; events = 0; syncs = 0;
    pthread_mutex_unlock(&lock);
}
