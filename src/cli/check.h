/* check.h -- what cmd_check.c (options, configuration, output file) and
 * check_run.c (the run over many files) share. */
#ifndef AIR_CLI_CHECK_H
#define AIR_CLI_CHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "cli/cli.h"

typedef struct check_args {
    air_output fmt;
    const char *output;
    air_severity fail;
    int lang; /* -1: from the locale */
    const char *config;
    bool no_config;
    bool print_config;
    int color; /* -1 auto, 0 never, 1 always */

    /* inputs */
    const char **include, **exclude; /* malloc'd arrays of argv strings */
    size_t ninclude, nexclude;
    const char *files_from;
    bool nul, follow_symlinks, filter;
    const char *stdin_name;
    unsigned shard_k, shard_n; /* n == 0: not given */
    long shard_count;          /* --shard-count, 0: not given */
    /* running */
    long jobs;              /* 0: one per processor */
    double timeout;         /* seconds per file, 0: none */
    double budget;          /* seconds for the run, 0: none */
    uint64_t max_memory;    /* bytes per worker, 0: none */
    bool quiet;
    /* summary */
    bool summary_only, no_summary;
    long worst;
    /* re-runs */
    const char *cache_dir;
    uint64_t cache_size;
    const char *baseline, *write_baseline;
    /* reading */
    air_limits limits; /* --limit; AIR_LIMITS_INIT at first */
} check_args;

/* Defaults of the batch options. */
#define CHECK_TIMEOUT_DEFAULT 60.0
#define CHECK_MAX_MEMORY_DEFAULT (2ull << 30)
#define CHECK_CACHE_SIZE_DEFAULT (1ull << 30)

/* ---- configurations, one per user file (cmd_check.c) ---- */

typedef struct cfg_entry {
    char *file; /* NULL: the defaults */
    air_config *cfg;
    struct cfg_entry *next;
} cfg_entry;

typedef struct cfg_cache {
    cfg_entry *head;
} cfg_cache;

/* The configuration document 'doc' uses (NULL: the current folder);
 * NULL after printing the error, or writing it to 'err' when not NULL. */
air_config *cfg_for(cfg_cache *c, const check_args *a, const char *doc,
                    FILE *err);

/* ---- the run (check_run.c) ---- */

/* Checks the operands (and --files-from) into stream 'out' with the
 * report catalogue 'cfg0' ('color': ANSI colours in the text report).
 * Returns the exit status; AIR_EXIT_USAGE means no report was made (a
 * configuration error) and the output should be dropped. */
int check_files(const check_args *a, air_lang lang, bool color,
                cfg_cache *cfgs, const air_config *cfg0, FILE *out,
                char **operands, int noperands);

#endif
