/* outfile.c -- files written whole or not at all (see airead.h,
 * air_outfile_open).
 *
 * Every temporary file still open is listed in a fixed table that a
 * signal handler can walk without locks or allocation: a slot is claimed
 * (FREE -> CLAIMED) by one thread, its path written, then published
 * (ACTIVE); air_outfile_abort_all() unlinks the ACTIVE paths. Closing
 * renames or removes the file first and frees the slot after, so the
 * handler at worst unlinks a path that no longer exists. Only the
 * process that created a file removes it. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "airead.h"
#include "util/error.h"

/* A convert batch runs at most 256 jobs, each with one Markdown file and
 * one image open at a time. */
enum { SLOTS = 1024, PATH_BYTES = 4096 };
enum { FREE = 0, CLAIMED, ACTIVE };

static atomic_int slot_state[SLOTS];
static char slot_path[SLOTS][PATH_BYTES];
/* The process that made each file: a worker forked while its parent
 * writes a report inherits the table, and must not remove the parent's
 * file when it stops on a signal. */
static pid_t slot_pid[SLOTS];
static atomic_uint counter;

struct air_outfile {
    FILE *stream;
    int slot;
    char *path; /* the final name */
};

static int claim(void)
{
    for (int i = 0; i < SLOTS; i++) {
        int expect = FREE;
        if (atomic_compare_exchange_strong(&slot_state[i], &expect, CLAIMED))
            return i;
    }
    return -1;
}

air_status air_outfile_open(air_outfile **out, FILE **stream,
                            const char *path)
{
    *out = NULL;
    *stream = NULL;
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0;
    air_outfile *f = calloc(1, sizeof *f);
    char *final = strdup(path);
    if (f == NULL || final == NULL) {
        free(f);
        free(final);
        return air_error(AIR_ENOMEM, "out of memory");
    }
    f->path = final;
    f->slot = claim();
    if (f->slot < 0) {
        free(final);
        free(f);
        return air_error(AIR_EIO, "%s: too many files open for writing",
                         path);
    }
    char *tmp = slot_path[f->slot];
    int fd = -1;
    for (int tries = 0; fd < 0 && tries < 100; tries++) {
        /* "DIR/.NAME.airead-PID-N": hidden, unique, and beside the final
         * name so that the rename stays on one file system. */
        int n = snprintf(tmp, PATH_BYTES, "%.*s.%s.airead-%ld-%u",
                         (int)dirlen, path, path + dirlen, (long)getpid(),
                         atomic_fetch_add(&counter, 1));
        if (n < 0 || n >= PATH_BYTES) {
            errno = ENAMETOOLONG;
            break;
        }
        slot_pid[f->slot] = getpid();
        atomic_store(&slot_state[f->slot], ACTIVE);
        fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOCTTY,
                  0666);
        if (fd < 0) {
            atomic_store(&slot_state[f->slot], CLAIMED);
            if (errno != EEXIST)
                break;
        }
    }
    FILE *s = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (s == NULL) {
        air_status st = air_error(AIR_EIO, "%s: cannot write (%s)", path,
                                  strerror(errno));
        if (fd >= 0) {
            close(fd);
            unlink(tmp);
        }
        atomic_store(&slot_state[f->slot], FREE);
        free(final);
        free(f);
        return st;
    }
    f->stream = s;
    *out = f;
    *stream = s;
    return AIR_OK;
}

air_status air_outfile_close(air_outfile *f, int keep)
{
    if (f == NULL)
        return AIR_OK;
    const char *tmp = slot_path[f->slot];
    air_status st = AIR_OK;
    if (fclose(f->stream) != 0 && keep)
        st = air_error(AIR_EIO, "%s: cannot write (%s)", f->path,
                       strerror(errno));
    if (st == AIR_OK && keep && rename(tmp, f->path) != 0)
        st = air_error(AIR_EIO, "%s: cannot rename into place (%s)",
                       f->path, strerror(errno));
    if (st != AIR_OK || !keep)
        unlink(tmp);
    atomic_store(&slot_state[f->slot], FREE);
    free(f->path);
    free(f);
    return st;
}

void air_outfile_abort_all(void)
{
    pid_t self = getpid();
    for (int i = 0; i < SLOTS; i++)
        if (atomic_load(&slot_state[i]) == ACTIVE && slot_pid[i] == self)
            unlink(slot_path[i]);
}
