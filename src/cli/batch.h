/* batch.h -- running one piece of work per input file in worker
 * processes, results handed back in input order.
 *
 *   inputs --(parent: paths, in order)--> N worker processes
 *          <--(pipes: one reply per file)-- each handles many files
 *   parent: replies reordered by input position, passed on as soon as
 *           every earlier file is done (streaming), progress on stderr
 *
 * Why processes: a document that sends a reader into a runaway loop or
 * allocation must not take the batch with it. Each worker runs under
 * setrlimit(RLIMIT_AS) (--max-memory); the parent keeps a deadline per
 * file (--timeout) and for the run (--time-budget), kills a worker that
 * passes one, reports that file and starts a fresh worker. A worker that
 * dies (a crash) costs only its file. Workers are forked once and serve
 * many files each, so the cost per file is two pipe messages, not a fork.
 *
 * Memory: at most 'window' files are between "read from the inputs" and
 * "passed on"; one slow file makes the others wait, never pile up.
 *
 * The parent passes each file on exactly once, in input order, to
 * ops->done (a worker's reply) or ops->failed (the file did not finish, or
 * the inputs could not be read at that place): the same calls, in the same
 * order, whatever the number of workers. */
#ifndef AIR_CLI_BATCH_H
#define AIR_CLI_BATCH_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "airead.h"
#include "cli/inputs.h"

typedef struct batch_job {
    uint64_t seq;    /* position in the inputs, from 0 */
    in_kind kind;
    const char *path;
} batch_job;

/* What a worker's work() returns. */
enum {
    BATCH_RESULT = 0,  /* the reply is the file's result */
    BATCH_SKIPPED = 1, /* not a document (walks only): counted, no reply */
    BATCH_FATAL = 2,   /* the reply is a message; the run stops (exit 2) */
    BATCH_RETIRE = 16  /* or'ed in: this worker should be replaced after
                          the reply (its heap hit the memory cap); higher
                          bits are the caller's, passed on to done() */
};

typedef struct batch_ops {
    /* In a worker process: does job 'j' and writes its reply to 'reply'. */
    int (*work)(void *ctx, const batch_job *j, FILE *reply);
    /* In the parent, in input order: a finished file's reply. Returns 0,
     * or an exit status that stops the run. */
    int (*done)(void *ctx, const batch_job *j, int code, const char *reply,
                size_t len);
    /* In the parent, in input order: a file that did not finish (time or
     * memory limit, crash, time budget) or an input that could not be
     * read; 'msg' names the path. Returns as done(). */
    int (*failed)(void *ctx, const batch_job *j, air_status st,
                  const char *msg);
} batch_ops;

typedef struct batch_opts {
    unsigned jobs;        /* worker processes, >= 1 */
    double timeout;       /* seconds per file; 0: no limit */
    double budget;        /* seconds for the whole run; 0: no limit */
    uint64_t max_memory;  /* address space of a worker; 0: no limit */
    bool progress;        /* a progress line on stderr */
    bool clear_line;      /* clear it before results are passed on (they
                             go to the same terminal) */
    air_lang lang;        /* of the progress line */
    /* A second inputs over the same operands that progress may run
     * ahead to learn the total (NULL: the total grows as files come). */
    inputs *counter;
} batch_opts;

typedef struct batch_stats {
    uint64_t files;   /* passed on (done or failed) */
    uint64_t skipped; /* BATCH_SKIPPED replies */
    uint64_t killed;  /* workers killed or lost */
    double seconds;
} batch_stats;

/* Runs the batch. Returns 0, or the status a callback stopped it with, or
 * AIR_EXIT_INTERNAL when workers cannot be started. */
int batch_run(const batch_opts *o, const batch_ops *ops, void *ctx,
              inputs *in, batch_stats *stats);

/* "2 GiB", "512 MiB", "1.5 GiB": a size for messages. */
void batch_size_text(char *out, size_t n, uint64_t bytes);

/* Parses "2G", "512M", "100k", "1048576" (binary units; a trailing "iB"
 * or "B" allowed) into bytes; "0" is none. -1 when malformed. */
int batch_parse_size(uint64_t *out, const char *s);

/* Parses seconds ("10", "0.5"); -1 when malformed or negative. */
int batch_parse_seconds(double *out, const char *s);

/* The number of processors online (at least 1). */
unsigned batch_cpus(void);

#endif
