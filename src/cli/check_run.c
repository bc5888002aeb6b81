/* check_run.c -- `airead check` over many files: the work a worker process
 * does for one file, and what the parent does with the results.
 *
 *   worker: sniff (walks) -> configuration -> cache? -> open -> air_check
 *           -> the file's jsonl line (written to the cache too)
 *   parent: line -> air_record -> baseline (write, filter) -> exit status
 *           -> the emitter of the chosen format, in input order
 *
 * The jsonl line is the one form a result travels in: between processes,
 * in the cache and in `airead merge`, so the three can never disagree.
 * Messages are in the run's language; a line names its file, which the
 * parent replaces with the path of this run (a cache entry may come from
 * a copy of the file elsewhere). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/baseline.h"
#include "cli/batch.h"
#include "cli/cache.h"
#include "cli/check.h"
#include "cli/sha256.h"
#include "cli/sniff.h"

/* Reply flags of a worker (above the batch kinds). */
enum { FROM_CACHE = 32, INTO_CACHE = 64 };

/* A document is read whole for hashing only up to this size (a ZIP
 * package over 1 GiB is over the inflated-size limit anyway); larger
 * files are opened by path and not cached. */
enum { MAX_DOC = 1 << 30 };

typedef struct ctx {
    const check_args *a;
    air_lang lang;
    cfg_cache *cfgs;
    const air_config *cfg0;
    /* the document on stdin, read before the workers start */
    char *stdin_data;
    size_t stdin_len;
    air_status stdin_st;
    char stdin_err[200];
    /* --cache */
    bool use_cache;
    cache cache;
    char limits[160];
    /* parent */
    air_emitter *em;
    baseline *base;
    FILE *base_out;
    uint64_t accepted;
    uint64_t gone_shown;
    int worst;   /* exit status so far (besides findings) */
    bool failed; /* a finding at or above the failure level */
    bool write_error;
    uint64_t hits, writes;
} ctx;

static const char *display(const ctx *c, const batch_job *j)
{
    if (j->kind == IN_STDIN)
        return c->a->stdin_name ? c->a->stdin_name : "-";
    return j->path;
}

/* ---- reading ------------------------------------------------------------- */

static air_status read_fd(int fd, const char *name, char **out, size_t *len,
                          char *msg, size_t msgsize)
{
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    if (buf == NULL)
        return AIR_ENOMEM;
    for (;;) {
        if (n == cap) {
            if (cap >= MAX_DOC) {
                free(buf);
                snprintf(msg, msgsize, "%s: larger than %d bytes", name,
                         MAX_DOC);
                return AIR_ELIMIT;
            }
            char *nb = realloc(buf, cap * 2);
            if (nb == NULL) {
                free(buf);
                return AIR_ENOMEM;
            }
            buf = nb;
            cap *= 2;
        }
        ssize_t k = read(fd, buf + n, cap - n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k < 0) {
            snprintf(msg, msgsize, "%s: cannot read: %s", name,
                     strerror(errno));
            free(buf);
            return AIR_EIO;
        }
        if (k == 0)
            break;
        n += (size_t)k;
    }
    *out = buf;
    *len = n;
    return AIR_OK;
}

/* The whole file when it is a regular file small enough to hash; NULL
 * with AIR_OK when it is better opened by path. */
static air_status read_doc(const char *path, char **out, size_t *len,
                           char *msg, size_t msgsize)
{
    *out = NULL;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return AIR_OK; /* the library reports it as it always does */
    struct stat st;
    air_status rc = AIR_OK;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size < MAX_DOC)
        rc = read_fd(fd, path, out, len, msg, msgsize);
    close(fd);
    return rc;
}

/* ---- the worker ------------------------------------------------------------- */

static bool cacheable(air_status st)
{
    /* Outcomes that depend on the content and the settings only; not
     * I/O errors, not the time and memory limits of this run. */
    return st == AIR_OK || st == AIR_ENOTDOC || st == AIR_EFORMAT ||
           st == AIR_EUNSUPPORTED || st == AIR_EENCRYPTED ||
           st == AIR_ELIMIT;
}

static bool is_lock_file(const char *path)
{
    const char *slash = strrchr(path, '/');
    return strncmp(slash ? slash + 1 : path, "~$", 2) == 0;
}

/* The jsonl line of one result (malloc'd). */
static char *result_line(const ctx *c, const air_config *cfg,
                         const air_result *res, size_t *len)
{
    char *line = NULL;
    *len = 0;
    FILE *f = open_memstream(&line, len);
    if (f == NULL)
        return NULL;
    air_emit_opts eo = AIR_EMIT_OPTS_INIT;
    eo.lang = c->lang;
    eo.config = cfg;
    eo.no_summary = 1;
    eo.worst = 0;
    air_emitter *em = NULL;
    bool ok = air_emitter_new(&em, AIR_OUT_JSONL, f, &eo) == AIR_OK &&
              air_emitter_begin(em) == AIR_OK &&
              air_emitter_file(em, res) == AIR_OK &&
              air_emitter_end(em) == AIR_OK;
    air_emitter_free(em);
    if (ferror(f))
        ok = false; /* a buffer that could not grow: a cut line */
    if (fclose(f) != 0 || !ok || *len == 0 || line[*len - 1] != '\n') {
        free(line);
        return NULL;
    }
    return line;
}

/* A cached line for 'key' that reads back; NULL on a miss. */
static char *cache_lookup(const ctx *c, const char *key,
                          const air_config *cfg, size_t *len,
                          air_status *status)
{
    char *entry = cache_get(&c->cache, key, len);
    if (entry == NULL)
        return NULL;
    air_record *rec = NULL;
    if (air_record_parse(&rec, entry, *len, cfg) != AIR_OK ||
        air_record_result(rec) == NULL) {
        air_record_free(rec);
        free(entry);
        return NULL; /* damaged: checked again and overwritten */
    }
    *status = air_record_result(rec)->status;
    air_record_free(rec);
    return entry;
}

/* The result of a file that ran out of memory under --max-memory (the
 * address-space cap makes running out the file's doing): unreadable, the
 * limit named, its report dropped, and this worker replaced. */
static int over_memory(const ctx *c, air_result *res, air_report **rep,
                       char *msg, size_t msgsize)
{
    char size[32];
    batch_size_text(size, sizeof size, c->a->max_memory);
    snprintf(msg, msgsize, "%s: over the memory limit of %s", res->path,
             size);
    res->status = AIR_ELIMIT;
    res->error = msg;
    res->report = NULL;
    air_report_free(*rep);
    *rep = NULL;
    return BATCH_RETIRE;
}

static int work(void *vc, const batch_job *j, FILE *reply)
{
    ctx *c = vc;
    const check_args *a = c->a;
    const char *name = display(c, j);
    bool walked = j->kind == IN_WALKED;
    if (walked) {
        bool readable = false;
        if (is_lock_file(j->path) ||
            (!sniff_path(j->path, &readable) && readable))
            return BATCH_SKIPPED;
    }
    const char *cfg_doc = j->kind == IN_STDIN ? a->stdin_name : j->path;
    air_config *cfg = cfg_for(c->cfgs, a, cfg_doc, reply);
    if (cfg == NULL)
        return BATCH_FATAL;

    char msg[600] = "";
    char *own = NULL;
    const char *data = NULL;
    size_t len = 0;
    air_status st = AIR_OK;
    if (j->kind == IN_STDIN) {
        st = c->stdin_st;
        snprintf(msg, sizeof msg, "%s", c->stdin_err);
        data = c->stdin_data;
        len = c->stdin_len;
    } else if (c->use_cache) {
        st = read_doc(j->path, &own, &len, msg, sizeof msg);
        data = own;
    }

    int code = BATCH_RESULT;
    char key[65] = "";
    if (st == AIR_OK && data && c->use_cache) {
        char digest[65], context[512];
        sha256_hex(digest, data, len);
        snprintf(context, sizeof context, "%s\n%s\n%s\n%s", air_version(),
                 air_config_fingerprint(cfg),
                 c->lang == AIR_LANG_EN ? "en" : "ko", c->limits);
        cache_key(key, digest, context);
        size_t elen = 0;
        air_status cst = AIR_OK;
        char *entry = cache_lookup(c, key, cfg, &elen, &cst);
        if (entry) {
            if (walked && cst == AIR_ENOTDOC)
                code = BATCH_SKIPPED;
            else
                fwrite(entry, 1, elen, reply);
            free(entry);
            free(own);
            return code == BATCH_SKIPPED ? code : code | FROM_CACHE;
        }
    }

    air_open_opts oo = AIR_OPEN_OPTS_INIT;
    oo.limits = a->limits;
    oo.display_name = name;
    air_doc *doc = NULL;
    air_report *rep = NULL;
    if (st == AIR_OK)
        st = data ? air_doc_open_mem(&doc, data, len, &oo)
                  : air_doc_open(&doc, j->path, &oo);
    air_result res = { name, AIR_FMT_UNKNOWN, st, NULL, NULL };
    if (st == AIR_OK) {
        res.format = air_doc_format(doc);
        st = air_check(&rep, doc, cfg);
        res.status = st;
        res.report = rep;
    }
    air_doc_free(doc);
    free(own);
    if (walked && st == AIR_ENOTDOC) {
        air_report_free(rep);
        return BATCH_SKIPPED;
    }
    if (st == AIR_ENOMEM && a->max_memory)
        code |= over_memory(c, &res, &rep, msg, sizeof msg);
    if (st != AIR_OK && msg[0] == '\0')
        snprintf(msg, sizeof msg, "%s",
                 air_last_error()[0] ? air_last_error() : air_status_key(st));
    if (res.status != AIR_OK)
        res.error = msg;
    size_t llen = 0;
    char *line = result_line(c, cfg, &res, &llen);
    if (line == NULL && a->max_memory && rep) {
        /* the report was checked, but its line did not fit */
        code |= over_memory(c, &res, &rep, msg, sizeof msg);
        line = result_line(c, cfg, &res, &llen);
    }
    air_report_free(rep);
    if (line == NULL) {
        fprintf(reply, "%s: cannot write the result", name);
        return BATCH_FATAL | BATCH_RETIRE;
    }
    st = res.status;
    if (code & BATCH_RETIRE)
        key[0] = '\0'; /* a limit of this run: not for the cache */
    if (key[0] && cacheable(st) && cache_put(&c->cache, key, line, llen))
        code |= INTO_CACHE;
    fwrite(line, 1, llen, reply);
    free(line);
    return code;
}

/* ---- the parent ---------------------------------------------------------------- */

static void account(ctx *c, const air_result *res)
{
    if (res->status != AIR_OK) {
        int code = cli_exit_for(res->status);
        if (code == AIR_EXIT_USAGE) /* not about the input: a bug */
            code = AIR_EXIT_INTERNAL;
        if (code > c->worst)
            c->worst = code;
        return;
    }
    const air_report *rep = res->report;
    if (rep && c->a->fail != AIR_SEV_NONE && air_report_count(rep) > 0 &&
        air_report_max_severity(rep) >= c->a->fail)
        c->failed = true;
}

static int emit_result(ctx *c, const air_result *res)
{
    account(c, res);
    if (air_emitter_file(c->em, res) != AIR_OK && !c->write_error) {
        c->write_error = true;
        cli_error("cannot write the report: %s", strerror(errno));
        return AIR_EXIT_INTERNAL; /* a reader that went away: stop */
    }
    return 0;
}

static int failed(void *vc, const batch_job *j, air_status st,
                  const char *msg)
{
    ctx *c = vc;
    air_result res = { display(c, j), AIR_FMT_UNKNOWN, st, msg, NULL };
    return emit_result(c, &res);
}

static int done(void *vc, const batch_job *j, int code, const char *reply,
                size_t len)
{
    ctx *c = vc;
    const char *name = display(c, j);
    if (code & FROM_CACHE)
        c->hits++;
    if (code & INTO_CACHE)
        c->writes++;
    air_record *rec = NULL;
    if (air_record_parse(&rec, reply, len, c->cfg0) != AIR_OK ||
        air_record_result(rec) == NULL ||
        air_record_set_path(rec, name) != AIR_OK) {
        char msg[600];
        snprintf(msg, sizeof msg, "%s: unusable result (%s)", name,
                 air_last_error());
        air_record_free(rec);
        return failed(c, j, AIR_EINTERNAL, msg);
    }
    air_report *rep = air_record_report(rec);
    if (rep && c->base_out)
        baseline_write(c->base_out, name, rep);
    if (rep && c->base)
        c->accepted += baseline_apply(c->base, name, rep);
    int rc = emit_result(c, air_record_result(rec));
    air_record_free(rec);
    return rc;
}

static void show_gone(void *vc, const char *path, const char *rule,
                      const char *fp)
{
    ctx *c = vc;
    if (c->a->quiet)
        return;
    if (c->gone_shown++ < 50)
        cli_error("baseline: %s: %s %s no longer occurs", path, rule, fp);
}

/* ---- the run --------------------------------------------------------------------- */

static bool has_stdin_operand(char **operands, int n)
{
    for (int i = 0; i < n; i++)
        if (strcmp(operands[i], "-") == 0)
            return true;
    return false;
}

int check_files(const check_args *a, air_lang lang, bool color,
                cfg_cache *cfgs, const air_config *cfg0, FILE *out,
                char **operands, int noperands)
{
    ctx c;
    memset(&c, 0, sizeof c);
    c.a = a;
    c.lang = lang;
    c.cfgs = cfgs;
    c.cfg0 = cfg0;
    int rc = AIR_EXIT_OK;
    air_outfile *base_of = NULL;
    inputs *in = NULL, *counter = NULL;

    if (has_stdin_operand(operands, noperands))
        c.stdin_st = read_fd(0, display(&c, &(batch_job){ 0, IN_STDIN, "-" }),
                             &c.stdin_data, &c.stdin_len, c.stdin_err,
                             sizeof c.stdin_err);
    if (a->cache_dir) {
        if (cache_open(&c.cache, a->cache_dir, a->cache_size) != 0) {
            cli_error("%s: cannot use as a cache: %s", a->cache_dir,
                      strerror(errno));
            rc = AIR_EXIT_USAGE;
            goto done;
        }
        c.use_cache = true;
        const air_limits lim = a->limits;
        snprintf(c.limits, sizeof c.limits, "%u %llu %llu %u %u %u %llu",
                 lim.max_entries, (unsigned long long)lim.max_part_bytes,
                 (unsigned long long)lim.max_total_bytes, lim.max_ratio,
                 lim.max_depth, lim.max_table_depth,
                 (unsigned long long)lim.max_nodes);
    }
    if (a->baseline && (c.base = baseline_load(a->baseline)) == NULL) {
        rc = AIR_EXIT_USAGE;
        goto done;
    }
    if (a->write_baseline) {
        if (air_outfile_open(&base_of, &c.base_out, a->write_baseline) !=
            AIR_OK) {
            cli_error("%s", air_last_error());
            rc = AIR_EXIT_USAGE;
            goto done;
        }
        baseline_write_header(c.base_out);
    }

    in_opts io;
    memset(&io, 0, sizeof io);
    io.include = a->include;
    io.ninclude = a->ninclude;
    io.exclude = a->exclude;
    io.nexclude = a->nexclude;
    io.follow_symlinks = a->follow_symlinks;
    io.shard_k = a->shard_k;
    io.shard_n = a->shard_n;
    io.files_from = a->files_from;
    io.nul = a->nul;
    in = inputs_new(&io, operands, noperands);
    bool progress = !a->quiet && !a->filter && isatty(2);
    if (progress && !(a->files_from && strcmp(a->files_from, "-") == 0))
        counter = inputs_new(&io, operands, noperands);
    if (in == NULL) {
        cli_error("out of memory");
        rc = AIR_EXIT_INTERNAL;
        goto done;
    }

    air_emit_opts eo = AIR_EMIT_OPTS_INIT;
    eo.lang = lang;
    eo.color = color;
    eo.config = cfg0;
    eo.no_summary = a->no_summary || a->filter;
    eo.summary_only = a->summary_only;
    eo.worst = (unsigned)a->worst;
    if (air_emitter_new(&c.em, a->fmt, out, &eo) != AIR_OK ||
        air_emitter_begin(c.em) != AIR_OK) {
        cli_error("cannot write the report");
        rc = AIR_EXIT_INTERNAL;
        goto done;
    }

    batch_opts bo;
    memset(&bo, 0, sizeof bo);
    bo.jobs = a->jobs > 0 ? (unsigned)a->jobs : batch_cpus();
    bo.timeout = a->timeout;
    bo.budget = a->budget;
    bo.max_memory = a->max_memory;
    bo.progress = progress;
    bo.clear_line = progress && out == stdout && isatty(1);
    bo.lang = lang;
    bo.counter = counter;
    batch_ops ops = { work, done, failed };
    batch_stats stats;
    int stop = batch_run(&bo, &ops, &c, in, &stats);
    if (stop == AIR_EXIT_USAGE) {
        rc = AIR_EXIT_USAGE; /* a configuration error: no report */
        goto done;
    }

    air_emitter_skipped(c.em, stats.skipped + inputs_skipped(in));
    if (c.base) {
        uint64_t gone = baseline_gone(c.base, show_gone, &c);
        if (c.gone_shown > 50 && !a->quiet)
            cli_error("baseline: %llu more entries no longer occur",
                      (unsigned long long)(c.gone_shown - 50));
        air_emitter_baseline(c.em, c.accepted, gone);
    }
    if (air_emitter_end(c.em) != AIR_OK || stop != 0 || c.write_error) {
        if (!c.write_error)
            cli_error("cannot write the report");
        rc = AIR_EXIT_INTERNAL;
        goto done;
    }
    if (c.base_out) {
        c.base_out = NULL;
        air_status bst = air_outfile_close(base_of, 1);
        base_of = NULL;
        if (bst != AIR_OK) {
            cli_error("%s: cannot write the baseline", a->write_baseline);
            rc = AIR_EXIT_INTERNAL;
            goto done;
        }
    }
    if (c.use_cache && c.writes > 0)
        cache_prune(&c.cache);
    if (progress && c.use_cache)
        cli_error("%llu of %llu results from the cache",
                  (unsigned long long)c.hits, (unsigned long long)stats.files);
    if (c.worst == AIR_EXIT_INTERNAL)
        rc = AIR_EXIT_INTERNAL;
    else if (c.worst == AIR_EXIT_UNREADABLE)
        rc = AIR_EXIT_UNREADABLE;
    else
        rc = c.failed ? AIR_EXIT_FINDINGS : AIR_EXIT_OK;
    /* --filter: each line carries its file's status and `airead merge`
     * of the lines gives the run's; a pipeline stage (Spark RDD.pipe,
     * Hadoop streaming) fails its task on any status but 0. */
    if (a->filter && rc != AIR_EXIT_INTERNAL)
        rc = AIR_EXIT_OK;
done:
    air_outfile_close(base_of, 0);
    air_emitter_free(c.em);
    inputs_free(in);
    inputs_free(counter);
    baseline_free(c.base);
    if (c.use_cache)
        cache_close(&c.cache);
    free(c.stdin_data);
    return rc;
}
