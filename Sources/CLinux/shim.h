// Linux calls Swift's Glibc module does not expose (GNU extensions).
#ifndef JHF_CLINUX_SHIM_H
#define JHF_CLINUX_SHIM_H
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <pthread.h>

/// Names the calling thread as `top -H` and /proc show it (at most 15 bytes).
static inline int jhf_name_this_thread(const char *name) {
    return pthread_setname_np(pthread_self(), name);
}
#endif
