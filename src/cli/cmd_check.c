/* cmd_check.c -- `airead check [options] PATH...`: lint documents.
 *
 * Operands are files, folders (walked recursively: see inputs.h for the
 * order, the filters and symbolic links) and '-' (a document read from
 * stdin); --files-from adds a list of paths. In a walk, files that are
 * not documents (sniff.h) are skipped and counted; a file named
 * explicitly is always tried. A file that cannot be read is reported,
 * with its reason, in every format and the run goes on. The files are
 * checked by worker processes (check_run.c, batch.h) and reported in
 * input order, the same bytes whatever -j.
 *
 * Configuration: --config FILE for every document; --no-config for the
 * defaults; otherwise each document gets the user file air_config_find()
 * names for it (nearest .airead.yaml, then the user's own file). Loaded
 * configurations are kept per file name for the run.
 *
 * Exit status: 4 when a document hit an internal error, else 3 when one
 * could not be read, else 1 when a finding is at or above --fail-level,
 * else 0; 2 for usage and configuration errors. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/batch.h"
#include "cli/check.h"

static const cli_opt check_opts[] = {
    { "format", 'f', "FMT", "report format: text, json, jsonl, sarif, csv" },
    { "output", 'o', "FILE", "write the report to FILE instead of stdout" },
    { "fail-level", 0, "LEVEL",
      "exit 1 on findings at or above LEVEL: error (default), warning, "
      "info, none" },
    { "lang", 0, "LANG", "message language: ko or en (default: locale)" },
    { "config", 'c', "FILE", "use FILE over the defaults for every document" },
    { "no-config", 0, NULL, "use the defaults only (no configuration search)" },
    { "print-config", 0, NULL, "print the effective configuration and exit" },
    { "color", 0, "WHEN", "colour the text report: auto, always, never" },
    /* inputs */
    { "include", 0, "GLOB", "in folders, only files matching GLOB "
      "(repeatable)" },
    { "exclude", 0, "GLOB", "in folders, leave out files and folders "
      "matching GLOB (repeatable)" },
    { "files-from", 0, "FILE", "also check the paths listed in FILE ('-': "
      "stdin), one per line" },
    { "null", '0', NULL, "--files-from paths end with NUL, not newline" },
    { "follow-symlinks", 0, NULL, "follow symbolic links met in folders "
      "(default: not followed)" },
    { "stdin-name", 0, "NAME", "the name of the document read from '-' in "
      "reports and for its configuration" },
    { "filter", 0, NULL, "read paths on stdin, write one JSON line per path "
      "at once (jsonl, no summary)" },
    { "shard", 0, "K/N", "check only the K-th of N parts of the files "
      "(default from SLURM_ARRAY_* or JOB_COMPLETION_INDEX)" },
    { "shard-count", 0, "N", "the N of --shard for JOB_COMPLETION_INDEX "
      "(or AIREAD_SHARD_COUNT)" },
    /* running */
    { "jobs", 'j', "N", "check N files at a time (default: one per "
      "processor)" },
    { "timeout", 0, "SECONDS", "give up a file after SECONDS (default 60; "
      "0: never)" },
    { "max-memory", 0, "SIZE", "give up a file needing more than SIZE of "
      "memory (default 2G; 0: no limit)" },
    { "time-budget", 0, "SECONDS", "give up files not done SECONDS after "
      "the start (default: none)" },
    { "quiet", 'q', NULL, "no progress line and no notes on stderr" },
    /* summary */
    { "summary-only", 0, NULL, "write only the summary (text, json, jsonl, "
      "csv)" },
    { "no-summary", 0, NULL, "leave the summary out (text, jsonl)" },
    { "worst", 0, "N", "list the N files with most findings in the summary "
      "(default 10)" },
    /* re-runs */
    { "cache", 0, "DIR", "reuse results of unchanged files kept in DIR" },
    { "cache-size", 0, "SIZE", "keep at most SIZE in the cache (default "
      "1G)" },
    { "baseline", 0, "FILE", "leave out the findings FILE accepts; report "
      "its entries that no longer occur" },
    { "write-baseline", 0, "FILE", "write the findings of this run to FILE "
      "as a baseline" },
    { "limit", 0, "NAME=N", CLI_LIMIT_HELP },
    { NULL, 0, NULL, NULL }
};

static int push_glob(const char ***v, size_t *n, const char *glob)
{
    const char **nv = realloc(*v, (*n + 1) * sizeof *nv);
    if (nv == NULL)
        return cli_usage("out of memory");
    nv[(*n)++] = glob;
    *v = nv;
    return 0;
}

static int parse_count(long *out, const char *arg, long min, long max,
                       const char *opt)
{
    char *end = NULL;
    errno = 0;
    long v = strtol(arg, &end, 10);
    if (end == arg || *end || errno || v < min || v > max)
        return cli_usage("check: --%s takes a number from %ld to %ld, not "
                         "'%s'", opt, min, max, arg);
    *out = v;
    return 0;
}

static int parse_shard(check_args *a, const char *arg)
{
    unsigned long k = 0, n = 0;
    char *end = NULL;
    k = strtoul(arg, &end, 10);
    if (end != arg && *end == '/') {
        const char *p = end + 1;
        n = strtoul(p, &end, 10);
        if (end == p)
            n = 0;
    }
    if (end == NULL || *end || n < 1 || n > 1000000 || k < 1 || k > n)
        return cli_usage("check: --shard takes K/N with 1 <= K <= N, not "
                         "'%s'", arg);
    a->shard_k = (unsigned)k;
    a->shard_n = (unsigned)n;
    return 0;
}

/* The options of the batch run (the rest are in on_opt). */
static int on_batch_opt(check_args *a, const char *o, const char *arg)
{
    if (strcmp(o, "include") == 0)
        return push_glob(&a->include, &a->ninclude, arg);
    if (strcmp(o, "exclude") == 0)
        return push_glob(&a->exclude, &a->nexclude, arg);
    if (strcmp(o, "files-from") == 0)
        a->files_from = arg;
    else if (strcmp(o, "null") == 0)
        a->nul = true;
    else if (strcmp(o, "follow-symlinks") == 0)
        a->follow_symlinks = true;
    else if (strcmp(o, "stdin-name") == 0)
        a->stdin_name = arg;
    else if (strcmp(o, "filter") == 0)
        a->filter = true;
    else if (strcmp(o, "shard") == 0)
        return parse_shard(a, arg);
    else if (strcmp(o, "shard-count") == 0)
        return parse_count(&a->shard_count, arg, 1, 1000000, o);
    else if (strcmp(o, "jobs") == 0)
        return parse_count(&a->jobs, arg, 1, 256, o);
    else if (strcmp(o, "timeout") == 0 || strcmp(o, "time-budget") == 0) {
        double *v = strcmp(o, "timeout") == 0 ? &a->timeout : &a->budget;
        if (batch_parse_seconds(v, arg) != 0)
            return cli_usage("check: --%s takes seconds (10, 0.5), not '%s'",
                             o, arg);
    } else if (strcmp(o, "max-memory") == 0 || strcmp(o, "cache-size") == 0) {
        uint64_t *v = strcmp(o, "max-memory") == 0 ? &a->max_memory
                                                   : &a->cache_size;
        if (batch_parse_size(v, arg) != 0)
            return cli_usage("check: --%s takes a size (2G, 512M), not '%s'",
                             o, arg);
    } else if (strcmp(o, "limit") == 0)
        return cli_limit(&a->limits, "check", arg);
    else if (strcmp(o, "quiet") == 0)
        a->quiet = true;
    else if (strcmp(o, "summary-only") == 0)
        a->summary_only = true;
    else if (strcmp(o, "no-summary") == 0)
        a->no_summary = true;
    else if (strcmp(o, "worst") == 0)
        return parse_count(&a->worst, arg, 0, 1000, o);
    else if (strcmp(o, "cache") == 0)
        a->cache_dir = arg;
    else if (strcmp(o, "baseline") == 0)
        a->baseline = arg;
    else if (strcmp(o, "write-baseline") == 0)
        a->write_baseline = arg;
    return 0;
}

static int on_opt(void *ctx, const cli_opt *opt, const char *arg)
{
    check_args *a = ctx;
    const char *o = opt->lng;
    if (strcmp(o, "format") == 0) {
        if (air_output_parse(&a->fmt, arg) != AIR_OK)
            return cli_usage("check: unknown format '%s' (text, json, jsonl, "
                             "sarif, csv)", arg);
    } else if (strcmp(o, "output") == 0) {
        a->output = arg;
    } else if (strcmp(o, "fail-level") == 0) {
        if (air_severity_parse(&a->fail, arg) != AIR_OK)
            return cli_usage("check: --fail-level takes error, warning, info "
                             "or none, not '%s'", arg);
    } else if (strcmp(o, "lang") == 0) {
        if (strcmp(arg, "ko") == 0)
            a->lang = AIR_LANG_KO;
        else if (strcmp(arg, "en") == 0)
            a->lang = AIR_LANG_EN;
        else
            return cli_usage("check: --lang takes ko or en, not '%s'", arg);
    } else if (strcmp(o, "config") == 0) {
        a->config = arg;
    } else if (strcmp(o, "no-config") == 0) {
        a->no_config = true;
    } else if (strcmp(o, "print-config") == 0) {
        a->print_config = true;
    } else if (strcmp(o, "color") == 0) {
        if (strcmp(arg, "auto") == 0)
            a->color = -1;
        else if (strcmp(arg, "always") == 0)
            a->color = 1;
        else if (strcmp(arg, "never") == 0)
            a->color = 0;
        else
            return cli_usage("check: --color takes auto, always or never");
    } else {
        return on_batch_opt(a, o, arg);
    }
    return 0;
}

/* ---- configurations, one per user file ----------------------------------- */

/* The configuration for 'file' (NULL: defaults), loaded once. NULL after
 * printing the error (to 'err' when not NULL). */
static air_config *cfg_get(cfg_cache *c, const char *file, FILE *err)
{
    for (cfg_entry *e = c->head; e; e = e->next)
        if ((e->file == NULL && file == NULL) ||
            (e->file && file && strcmp(e->file, file) == 0))
            return e->cfg;
    air_config_opts opts = AIR_CONFIG_OPTS_INIT;
    opts.file = file;
    opts.datadir = cli_datadir();
    air_config *cfg = NULL;
    if (air_config_load(&cfg, &opts) != AIR_OK) {
        if (err)
            fprintf(err, "%s", air_last_error());
        else
            cli_error("%s", air_last_error());
        return NULL;
    }
    cfg_entry *e = calloc(1, sizeof *e);
    char *copy = file ? strdup(file) : NULL;
    if (e == NULL || (file && copy == NULL)) {
        free(e);
        free(copy);
        air_config_free(cfg);
        cli_error("out of memory");
        return NULL;
    }
    e->file = copy;
    e->cfg = cfg;
    e->next = c->head;
    c->head = e;
    return cfg;
}

static void cfg_free(cfg_cache *c)
{
    for (cfg_entry *e = c->head, *next; e; e = next) {
        next = e->next;
        air_config_free(e->cfg);
        free(e->file);
        free(e);
    }
}

air_config *cfg_for(cfg_cache *c, const check_args *a, const char *doc,
                    FILE *err)
{
    if (a->config)
        return cfg_get(c, a->config, err);
    if (a->no_config)
        return cfg_get(c, NULL, err);
    char *found = NULL;
    if (air_config_find(&found, doc) != AIR_OK) {
        cli_error("out of memory");
        return NULL;
    }
    air_config *cfg = cfg_get(c, found, err);
    free(found);
    return cfg;
}

/* ---- language and colour ----------------------------------------------------- */

static bool want_color(int color, FILE *out)
{
    if (color >= 0)
        return color == 1;
    const char *nc = getenv("NO_COLOR");
    const char *term = getenv("TERM");
    if (nc && nc[0])
        return false;
    if (term && strcmp(term, "dumb") == 0)
        return false;
    return isatty(fileno(out));
}

/* ---- the command --------------------------------------------------------------- */

static int print_config(cfg_cache *cfgs, const check_args *a,
                        const char *first)
{
    air_config *cfg = cfg_for(cfgs, a, first, NULL);
    if (cfg == NULL)
        return AIR_EXIT_USAGE;
    if (air_config_print(cfg, stdout) != AIR_OK || fflush(stdout) != 0) {
        cli_error("cannot write the configuration");
        return AIR_EXIT_INTERNAL;
    }
    return AIR_EXIT_OK;
}

/* Sharding from the environment of a job array when --shard is not
 * given: Slurm (SLURM_ARRAY_TASK_ID counted from SLURM_ARRAY_TASK_MIN in
 * steps of SLURM_ARRAY_TASK_STEP, SLURM_ARRAY_TASK_COUNT tasks) or a
 * Kubernetes Indexed Job (JOB_COMPLETION_INDEX from 0, with the count from
 * --shard-count or AIREAD_SHARD_COUNT). Says so on stderr. */
static long env_long(const char *name, long dflt, bool *ok)
{
    const char *v = getenv(name);
    if (v == NULL || v[0] == '\0')
        return dflt;
    char *end = NULL;
    errno = 0;
    long n = strtol(v, &end, 10);
    if (end == v || *end || errno)
        *ok = false;
    return n;
}

static int shard_from_env(check_args *a)
{
    bool ok = true;
    const char *from = NULL;
    long count = a->shard_count ? a->shard_count
                                : env_long("AIREAD_SHARD_COUNT", 0, &ok);
    if (a->shard_n == 0 && getenv("SLURM_ARRAY_TASK_ID") &&
        getenv("SLURM_ARRAY_TASK_COUNT")) {
        long id = env_long("SLURM_ARRAY_TASK_ID", 0, &ok);
        long n = env_long("SLURM_ARRAY_TASK_COUNT", 0, &ok);
        long min = env_long("SLURM_ARRAY_TASK_MIN", 0, &ok);
        long step = env_long("SLURM_ARRAY_TASK_STEP", 1, &ok);
        long k = step > 0 ? (id - min) / step : -1;
        if (!ok || n < 1 || n > 1000000 || step < 1 || k < 0 || k >= n ||
            (id - min) % step)
            return cli_usage("check: no shard follows from SLURM_ARRAY_TASK_"
                             "ID=%s and SLURM_ARRAY_TASK_COUNT=%s: give "
                             "--shard K/N", getenv("SLURM_ARRAY_TASK_ID"),
                             getenv("SLURM_ARRAY_TASK_COUNT"));
        a->shard_k = (unsigned)k + 1;
        a->shard_n = (unsigned)n;
        from = "SLURM_ARRAY_TASK_ID";
    } else if (a->shard_n == 0 && getenv("JOB_COMPLETION_INDEX") &&
               count > 0) {
        long k = env_long("JOB_COMPLETION_INDEX", -1, &ok);
        if (!ok || count > 1000000 || k < 0 || k >= count)
            return cli_usage("check: JOB_COMPLETION_INDEX=%s is not below "
                             "the shard count %ld",
                             getenv("JOB_COMPLETION_INDEX"), count);
        a->shard_k = (unsigned)k + 1;
        a->shard_n = (unsigned)count;
        from = "JOB_COMPLETION_INDEX";
    } else if (!ok) {
        return cli_usage("check: AIREAD_SHARD_COUNT must be a number");
    } else if (a->shard_n == 0 && getenv("JOB_COMPLETION_INDEX") &&
               !a->quiet) {
        /* every pod of the Job would check everything */
        cli_error("JOB_COMPLETION_INDEX is set but no shard count "
                  "(--shard-count or AIREAD_SHARD_COUNT): checking every "
                  "file");
    }
    if (from && !a->quiet)
        cli_error("checking shard %u/%u (from %s)", a->shard_k, a->shard_n,
                  from);
    return 0;
}

/* Options that go together or not; derived defaults. */
static int settle(check_args *a, char **operands, int n)
{
    if (a->config && a->no_config)
        return cli_usage("check: --config and --no-config exclude each "
                         "other");
    if (a->filter) {
        if (a->fmt == AIR_OUT_TEXT)
            a->fmt = AIR_OUT_JSONL;
        if (a->fmt != AIR_OUT_JSONL)
            return cli_usage("check: --filter writes jsonl");
        if (a->files_from && strcmp(a->files_from, "-") != 0)
            return cli_usage("check: --filter reads the paths on stdin: "
                             "no --files-from");
        a->files_from = "-";
    }
    for (int i = 0; i < n; i++)
        if (strcmp(operands[i], "-") == 0 && a->files_from &&
            strcmp(a->files_from, "-") == 0)
            return cli_usage("check: '-' and --files-from - both want "
                             "stdin");
    if (a->summary_only && a->fmt == AIR_OUT_SARIF)
        return cli_usage("check: --summary-only takes text, json, jsonl or "
                         "csv");
    if (a->shard_count && a->shard_n == 0 && !getenv("JOB_COMPLETION_INDEX"))
        return cli_usage("check: --shard-count goes with "
                         "JOB_COMPLETION_INDEX; give --shard K/N");
    return shard_from_env(a);
}

static int run_check(const cli_cmd *cmd, int argc, char **argv)
{
    check_args a;
    memset(&a, 0, sizeof a);
    a.fmt = AIR_OUT_TEXT;
    a.fail = AIR_SEV_ERROR;
    a.lang = -1;
    a.color = -1;
    a.timeout = CHECK_TIMEOUT_DEFAULT;
    a.max_memory = CHECK_MAX_MEMORY_DEFAULT;
    a.cache_size = CHECK_CACHE_SIZE_DEFAULT;
    a.worst = 10;
    air_limits lim = AIR_LIMITS_INIT;
    a.limits = lim;
    int first = 0;
    int rc = cli_parse(cmd, argc, argv, on_opt, &a, &first);
    if (rc == 0)
        rc = settle(&a, argv + first, argc - first);
    if (rc != 0) {
        free(a.include);
        free(a.exclude);
        return rc < 0 ? AIR_EXIT_OK : rc;
    }

    cfg_cache cfgs = { NULL };
    air_lang lang = a.lang >= 0 ? (air_lang)a.lang : cli_lang_from_env();
    if (a.print_config) {
        rc = print_config(&cfgs, &a, first < argc ? argv[first] : NULL);
        goto done;
    }
    if (first >= argc && a.files_from == NULL) {
        rc = cli_usage("check: no PATH given");
        goto done;
    }

    /* The catalogue for the report comes from the first document's
     * configuration (rule texts and ids do not change with the file). */
    const char *doc0 = first < argc ? argv[first] : NULL;
    if (doc0 && strcmp(doc0, "-") == 0)
        doc0 = a.stdin_name;
    air_config *cfg0 = cfg_for(&cfgs, &a, doc0, NULL);
    if (cfg0 == NULL) {
        rc = AIR_EXIT_USAGE;
        goto done;
    }
    air_outfile *of = NULL;
    FILE *out = cli_open_output(a.output, &of);
    if (out == NULL) {
        cli_error("%s", air_last_error());
        rc = AIR_EXIT_USAGE;
        goto done;
    }
    bool color = a.fmt == AIR_OUT_TEXT && want_color(a.color, out);
    rc = check_files(&a, lang, color, &cfgs, cfg0, out, argv + first,
                     argc - first);
    bool keep = rc != AIR_EXIT_USAGE;
    if (cli_close_output(out, of, keep) != 0 && keep) {
        cli_error("%s: cannot write the report", a.output ? a.output : "-");
        rc = AIR_EXIT_INTERNAL;
    }
done:
    cfg_free(&cfgs);
    free(a.include);
    free(a.exclude);
    return rc;
}

const cli_cmd cli_cmd_check = {
    "check", "[options] PATH...",
    "Check documents (files, folders, '-' for stdin) against the five AI "
    "Readable principles.",
    check_opts, run_check
};

/* ---- airead rules ------------------------------------------------------------- */

static const cli_opt rules_opts[] = {
    { "format", 'f', "FMT", "text (default) or json" },
    { "lang", 0, "LANG", "language of the titles: ko or en" },
    { "config", 'c', "FILE", "show the settings FILE gives" },
    { NULL, 0, NULL, NULL }
};

static int run_rules(const cli_cmd *cmd, int argc, char **argv)
{
    check_args a;
    memset(&a, 0, sizeof a);
    a.fmt = AIR_OUT_TEXT;
    a.lang = -1;
    int first = 0;
    int rc = cli_parse(cmd, argc, argv, on_opt, &a, &first);
    if (rc != 0)
        return rc < 0 ? AIR_EXIT_OK : rc;
    if (first < argc)
        return cli_usage("rules: takes no operands");
    if (a.fmt != AIR_OUT_TEXT && a.fmt != AIR_OUT_JSON)
        return cli_usage("rules: --format takes text or json");
    air_config_opts opts = AIR_CONFIG_OPTS_INIT;
    opts.file = a.config;
    opts.datadir = cli_datadir();
    air_config *cfg = NULL;
    if (air_config_load(&cfg, &opts) != AIR_OK) {
        cli_error("%s", air_last_error());
        return AIR_EXIT_USAGE;
    }
    air_lang lang = a.lang >= 0 ? (air_lang)a.lang : cli_lang_from_env();
    air_status st = air_rules_print(cfg, a.fmt, lang, stdout);
    air_config_free(cfg);
    if (st != AIR_OK) {
        cli_error("%s", air_last_error());
        return AIR_EXIT_INTERNAL;
    }
    return AIR_EXIT_OK;
}

const cli_cmd cli_cmd_rules = {
    "rules", "[options]",
    "List the rules with id, number, principle, severity and title.",
    rules_opts, run_rules
};
