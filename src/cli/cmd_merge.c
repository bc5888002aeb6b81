/* cmd_merge.c -- `airead merge [options] FILE...`: jsonl reports of many
 * runs (shards, machines, GNU parallel jobs, Spark or Hadoop tasks) as one
 * report and summary, in any format.
 *
 * Each FILE ('-': stdin) holds jsonl lines as `airead check -f jsonl`
 * writes them. File lines are passed on in the order read; a path met
 * again is left out (the first line wins) and counted on stderr. Summary
 * lines (no "path") add only what file lines cannot tell: the files
 * skipped as not documents and the baseline counts; every other total is
 * recomputed from the file lines, so the merged summary of N shards equals
 * the summary of one run over the whole. A summary line closes the run of
 * the file lines before it in its FILE: when each of those paths was met
 * before, the run itself was (the same report given twice), and its
 * summary line is left out as well, counted on stderr. A line that is not
 * an airead
 * report line is reported with its file and line number; the merge goes
 * on and exits 3.
 *
 * Exit status as `airead check`: 1 when a file has findings at or above
 * --fail-level, 3 when a file was unreadable or an input line bad. */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

static const cli_opt merge_opts[] = {
    { "format", 'f', "FMT", "report format: text, json, jsonl, sarif, csv "
      "(default jsonl)" },
    { "output", 'o', "FILE", "write the report to FILE instead of stdout" },
    { "fail-level", 0, "LEVEL", "exit 1 on findings at or above LEVEL "
      "(default error)" },
    { "lang", 0, "LANG", "language of the report's own words: ko or en" },
    { "config", 'c', "FILE", "the rule catalogue (texts) of FILE" },
    { "summary-only", 0, NULL, "write only the summary" },
    { "no-summary", 0, NULL, "leave the summary out (text, jsonl)" },
    { "worst", 0, "N", "list the N files with most findings (default 10)" },
    { NULL, 0, NULL, NULL }
};

typedef struct margs {
    air_output fmt;
    const char *output, *config;
    air_severity fail;
    int lang;
    bool summary_only, no_summary;
    long worst;
} margs;

static int on_opt(void *ctx, const cli_opt *opt, const char *arg)
{
    margs *a = ctx;
    const char *o = opt->lng;
    if (strcmp(o, "format") == 0) {
        if (air_output_parse(&a->fmt, arg) != AIR_OK)
            return cli_usage("merge: unknown format '%s'", arg);
    } else if (strcmp(o, "output") == 0) {
        a->output = arg;
    } else if (strcmp(o, "fail-level") == 0) {
        if (air_severity_parse(&a->fail, arg) != AIR_OK)
            return cli_usage("merge: --fail-level takes error, warning, info "
                             "or none");
    } else if (strcmp(o, "lang") == 0) {
        if (strcmp(arg, "ko") != 0 && strcmp(arg, "en") != 0)
            return cli_usage("merge: --lang takes ko or en");
        a->lang = strcmp(arg, "en") == 0 ? AIR_LANG_EN : AIR_LANG_KO;
    } else if (strcmp(o, "config") == 0) {
        a->config = arg;
    } else if (strcmp(o, "summary-only") == 0) {
        a->summary_only = true;
    } else if (strcmp(o, "no-summary") == 0) {
        a->no_summary = true;
    } else if (strcmp(o, "worst") == 0) {
        char *end = NULL;
        a->worst = strtol(arg, &end, 10);
        if (end == arg || *end || a->worst < 0 || a->worst > 1000)
            return cli_usage("merge: --worst takes 0 to 1000");
    }
    return 0;
}

/* ---- paths seen (open addressing; memory follows the files) ------------- */

typedef struct pathset {
    char **v;
    size_t n, cap;
} pathset;

static uint64_t hash(const char *s)
{
    uint64_t h = 0xcbf29ce484222325ull;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 0x100000001b3ull;
    }
    return h;
}

/* Adds 'path'; false when it was there (or memory ran out). */
static bool add_path(pathset *p, const char *path)
{
    if (p->n * 2 >= p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 1024;
        char **v = calloc(cap, sizeof *v);
        if (v == NULL)
            return false;
        for (size_t i = 0; i < p->cap; i++) {
            if (p->v[i] == NULL)
                continue;
            size_t k = hash(p->v[i]) & (cap - 1);
            while (v[k])
                k = (k + 1) & (cap - 1);
            v[k] = p->v[i];
        }
        free(p->v);
        p->v = v;
        p->cap = cap;
    }
    size_t k = hash(path) & (p->cap - 1);
    while (p->v[k]) {
        if (strcmp(p->v[k], path) == 0)
            return false;
        k = (k + 1) & (p->cap - 1);
    }
    p->v[k] = strdup(path);
    if (p->v[k] == NULL)
        return false;
    p->n++;
    return true;
}

static void free_paths(pathset *p)
{
    for (size_t i = 0; i < p->cap; i++)
        free(p->v[i]);
    free(p->v);
}

/* ---- the command ---------------------------------------------------------- */

typedef struct merge {
    const margs *a;
    const air_config *cfg;
    air_emitter *em;
    pathset seen;
    uint64_t dups, skipped, accepted, gone;
    uint64_t run_lines, run_dups; /* the open run: file lines, met again */
    uint64_t dup_runs;            /* summary lines left out */
    bool baseline;
    int worst;
    bool failed;
} merge;

static int merge_line(merge *m, const char *name, unsigned long lineno,
                      const char *line, size_t len)
{
    air_record *rec = NULL;
    if (air_record_parse(&rec, line, len, m->cfg) != AIR_OK) {
        cli_error("%s:%lu: %s", name, lineno, air_last_error());
        m->worst = m->worst > AIR_EXIT_UNREADABLE ? m->worst
                                                  : AIR_EXIT_UNREADABLE;
        return 0;
    }
    const air_summary *s = air_record_summary(rec);
    const air_result *res = air_record_result(rec);
    int rc = 0;
    if (s == NULL)
        m->run_lines++;
    if (s) {
        /* A run whose every path was met before was merged already. */
        if (m->run_lines > 0 && m->run_dups == m->run_lines) {
            m->dup_runs++;
        } else {
            m->skipped += s->skipped;
            if (s->baseline) {
                m->baseline = true;
                m->accepted += s->baseline_accepted;
                m->gone += s->baseline_gone;
            }
        }
        m->run_lines = m->run_dups = 0;
    } else if (!add_path(&m->seen, res->path)) {
        m->dups++;
        m->run_dups++;
    } else {
        if (res->status != AIR_OK) {
            int code = cli_exit_for(res->status);
            if (code == AIR_EXIT_USAGE)
                code = AIR_EXIT_INTERNAL;
            if (code > m->worst)
                m->worst = code;
        } else if (m->a->fail != AIR_SEV_NONE && res->report &&
                   air_report_count(res->report) > 0 &&
                   air_report_max_severity(res->report) >= m->a->fail) {
            m->failed = true;
        }
        if (air_emitter_file(m->em, res) != AIR_OK)
            rc = AIR_EXIT_INTERNAL;
    }
    air_record_free(rec);
    return rc;
}

static int merge_file(merge *m, const char *name)
{
    FILE *f = strcmp(name, "-") == 0 ? stdin : fopen(name, "r");
    if (f == NULL) {
        cli_error("%s: cannot read: %s", name, strerror(errno));
        if (m->worst < AIR_EXIT_UNREADABLE)
            m->worst = AIR_EXIT_UNREADABLE;
        return 0;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    unsigned long lineno = 0;
    int rc = 0;
    m->run_lines = m->run_dups = 0;
    while (rc == 0 && (len = getline(&line, &cap, f)) >= 0) {
        lineno++;
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            len--;
        if (len == 0)
            continue;
        rc = merge_line(m, name, lineno, line, (size_t)len);
    }
    free(line);
    if (f != stdin)
        fclose(f);
    return rc;
}

static int run(const cli_cmd *cmd, int argc, char **argv)
{
    margs a;
    memset(&a, 0, sizeof a);
    a.fmt = AIR_OUT_JSONL;
    a.fail = AIR_SEV_ERROR;
    a.lang = -1;
    a.worst = 10;
    int first = 0;
    int rc = cli_parse(cmd, argc, argv, on_opt, &a, &first);
    if (rc != 0)
        return rc < 0 ? AIR_EXIT_OK : rc;
    if (first >= argc)
        return cli_usage("merge: no FILE given");
    if (a.summary_only && a.fmt == AIR_OUT_SARIF)
        return cli_usage("merge: --summary-only takes text, json, jsonl or "
                         "csv");
    air_config_opts co = AIR_CONFIG_OPTS_INIT;
    co.file = a.config;
    co.datadir = cli_datadir();
    air_config *cfg = NULL;
    if (air_config_load(&cfg, &co) != AIR_OK) {
        cli_error("%s", air_last_error());
        return AIR_EXIT_USAGE;
    }
    air_outfile *of = NULL;
    FILE *out = cli_open_output(a.output, &of);
    if (out == NULL) {
        cli_error("%s", air_last_error());
        air_config_free(cfg);
        return AIR_EXIT_USAGE;
    }
    merge m;
    memset(&m, 0, sizeof m);
    m.a = &a;
    m.cfg = cfg;
    air_emit_opts eo = AIR_EMIT_OPTS_INIT;
    eo.lang = a.lang >= 0 ? (air_lang)a.lang : cli_lang_from_env();
    eo.config = cfg;
    eo.no_summary = a.no_summary;
    eo.summary_only = a.summary_only;
    eo.worst = (unsigned)a.worst;
    rc = 0;
    if (air_emitter_new(&m.em, a.fmt, out, &eo) != AIR_OK ||
        air_emitter_begin(m.em) != AIR_OK)
        rc = AIR_EXIT_INTERNAL;
    for (int i = first; i < argc && rc == 0; i++)
        rc = merge_file(&m, argv[i]);
    if (rc == 0) {
        air_emitter_skipped(m.em, m.skipped);
        if (m.baseline)
            air_emitter_baseline(m.em, m.accepted, m.gone);
        if (air_emitter_end(m.em) != AIR_OK)
            rc = AIR_EXIT_INTERNAL;
    }
    if (rc != 0)
        cli_error("cannot write the report");
    if (cli_close_output(out, of, rc == 0) != 0 && rc == 0) {
        cli_error("%s: cannot write the report", a.output ? a.output : "-");
        rc = AIR_EXIT_INTERNAL;
    }
    if (m.dups)
        cli_error("%llu paths met more than once: the first line of each "
                  "was kept", (unsigned long long)m.dups);
    if (m.dup_runs)
        cli_error("%llu summary lines of runs met more than once were left "
                  "out (their skipped files and baseline counts counted "
                  "once)", (unsigned long long)m.dup_runs);
    air_emitter_free(m.em);
    free_paths(&m.seen);
    air_config_free(cfg);
    if (rc != 0)
        return rc;
    if (m.worst)
        return m.worst;
    return m.failed ? AIR_EXIT_FINDINGS : AIR_EXIT_OK;
}

const cli_cmd cli_cmd_merge = {
    "merge", "[options] FILE...",
    "Merge jsonl reports of many runs (shards, machines) into one report "
    "and summary.",
    merge_opts, run
};
