/* cmd_convert.c -- `airead convert`: documents to cleaned Markdown.
 *
 *   airead convert 보고서.hwpx                  Markdown on stdout
 *   airead convert 보고서.hwpx -o 보고서.md      one output file ('-': stdout)
 *   airead convert --out-dir md/ a.docx docs/   DIR/<name>.md per input; a
 *                                               directory's documents keep
 *                                               their relative path
 *
 * Every output is written to a temporary file in its target folder and
 * renamed into place, so a reader never sees a partial file and a failed
 * conversion leaves nothing behind. An unreadable input is reported on
 * one line and the batch goes on (exit status 3 at the end). With -j the
 * files are converted in parallel; messages still come in input order and
 * every output is byte-identical to a serial run. */
#include "config.h"

#include <errno.h>
#include <dirent.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"

static const cli_opt convert_opts[] = {
    {"output", 'o', "FILE",
     "write the Markdown to FILE ('-': stdout); one "
     "input only"},
    {"out-dir", 0, "DIR",
     "write DIR/NAME.md for each input, mirroring "
     "input folders"},
    {"tables", 0, "MODE",
     "merged cells as 'html' tables (default) or "
     "'expand'ed pipe tables"},
    {"media", 0, "DIR",
     "extract images into DIR (per document in a "
     "batch)"},
    {"headers", 0, NULL, "include headers and footers"},
    {"keep-symbols", 0, NULL,
     "keep symbol-font and private-use glyphs as "
     "stored"},
    {"no-front-matter", 0, NULL, "leave out the YAML front matter"},
    {"no-join", 0, NULL, "keep every line and paragraph break"},
    {"config", 'c', "FILE",
     "take the sentence data that decides joins "
     "from FILE (as 'check --config')"},
    {"jobs", 'j', "N", "convert N files at a time (default 1)"},
    {"limit", 0, "NAME=N", CLI_LIMIT_HELP},
    {"verbose", 'v', NULL,
     "per file: tables, images, notes, joins, "
     "symbols mapped and dropped"},
    {NULL, 0, NULL, NULL}};

typedef struct args {
    const char *output, *out_dir, *media, *config;
    air_md_tables tables;
    bool headers, keep_symbols, no_front_matter, no_join, verbose;
    long jobs;
    air_limits limits;
} args;

static int on_opt(void *ctx, const cli_opt *opt, const char *arg)
{
    args *a = ctx;
    const char *n = opt->lng;
    if (strcmp(n, "output") == 0)
        a->output = arg;
    else if (strcmp(n, "out-dir") == 0)
        a->out_dir = arg;
    else if (strcmp(n, "media") == 0)
        a->media = arg;
    else if (strcmp(n, "headers") == 0)
        a->headers = true;
    else if (strcmp(n, "keep-symbols") == 0)
        a->keep_symbols = true;
    else if (strcmp(n, "no-front-matter") == 0)
        a->no_front_matter = true;
    else if (strcmp(n, "no-join") == 0)
        a->no_join = true;
    else if (strcmp(n, "config") == 0)
        a->config = arg;
    else if (strcmp(n, "verbose") == 0)
        a->verbose = true;
    else if (strcmp(n, "tables") == 0) {
        if (strcmp(arg, "html") == 0)
            a->tables = AIR_MD_TABLES_HTML;
        else if (strcmp(arg, "expand") == 0)
            a->tables = AIR_MD_TABLES_EXPAND;
        else
            return cli_usage("convert: --tables takes 'html' or 'expand', "
                             "not '%s'",
                             arg);
    } else if (strcmp(n, "limit") == 0) {
        return cli_limit(&a->limits, "convert", arg);
    } else if (strcmp(n, "jobs") == 0) {
        char *end = NULL;
        a->jobs = strtol(arg, &end, 10);
        if (end == arg || *end || a->jobs < 1 || a->jobs > 256)
            return cli_usage("convert: --jobs takes a number from 1 to 256");
    }
    return 0;
}

/* ---- paths ------------------------------------------------------------- */

typedef struct job {
    char *in;    /* the input path ("-": stdin) */
    char *out;   /* the output path, NULL for stdout */
    char *media; /* where its images go, or NULL */
    int status;  /* exit status of this file */
    char *msg;   /* lines for stderr (malloc'd), or NULL */
    bool done;
} job;

typedef struct jobs {
    job *v;
    size_t n, cap;
} jobs;

static char *xstrdup(const char *s)
{
    char *d = strdup(s);
    if (d == NULL) {
        cli_error("out of memory");
        exit(AIR_EXIT_INTERNAL);
    }
    return d;
}

static char *join_path(const char *dir, const char *name)
{
    size_t a = strlen(dir), b = strlen(name);
    char *p = malloc(a + b + 2);
    if (p == NULL) {
        cli_error("out of memory");
        exit(AIR_EXIT_INTERNAL);
    }
    memcpy(p, dir, a);
    size_t k = a;
    if (a && dir[a - 1] != '/')
        p[k++] = '/';
    memcpy(p + k, name, b + 1);
    return p;
}

static job *add_job(jobs *js, const char *in)
{
    if (js->n == js->cap) {
        size_t nc = js->cap ? js->cap * 2 : 64;
        job *v = realloc(js->v, nc * sizeof *v);
        if (v == NULL) {
            cli_error("out of memory");
            exit(AIR_EXIT_INTERNAL);
        }
        js->v = v;
        js->cap = nc;
    }
    job *j = &js->v[js->n++];
    memset(j, 0, sizeof *j);
    j->in = xstrdup(in);
    return j;
}

/* "a/b/보고서.hwpx" -> "a/b/보고서.md" (keep_ext: "a/b/보고서.hwpx.md"). */
static char *md_name(const char *rel, bool keep_ext)
{
    const char *slash = strrchr(rel, '/');
    const char *base = slash ? slash + 1 : rel;
    const char *dot = keep_ext ? NULL : strrchr(base, '.');
    size_t stem = dot && dot != base ? (size_t)(dot - rel) : strlen(rel);
    char *p = malloc(stem + 4);
    if (p == NULL) {
        cli_error("out of memory");
        exit(AIR_EXIT_INTERNAL);
    }
    memcpy(p, rel, stem);
    memcpy(p + stem, ".md", 4);
    return p;
}

static bool has_doc_ext(const char *path)
{
    const char *dot = strrchr(path, '.');
    const char *slash = strrchr(path, '/');
    if (dot == NULL || (slash && dot < slash))
        return false;
    return strcasecmp(dot, ".hwpx") == 0 || strcasecmp(dot, ".docx") == 0 ||
           strcasecmp(dot, ".hwp") == 0;
}

/* Adds every document below folder 'root' (symbolic links are not
 * followed), with its output at out_dir/<path below root>.md. The walk
 * keeps its own stack of folders: no recursion on the tree's depth. */
static int walk(jobs *js, const char *root, const char *out_dir)
{
    char **stack = NULL;
    size_t n = 0, cap = 0;
    int rc = 0;
    stack = malloc(sizeof *stack);
    if (stack == NULL)
        return -1;
    stack[n++] = xstrdup(root);
    cap = 1;
    size_t rootlen = strlen(root);
    while (n > 0) {
        char *dir = stack[--n];
        DIR *d = opendir(dir);
        if (d == NULL) {
            rc = -1;
            free(dir);
            continue;
        }
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            char *path = join_path(dir, e->d_name);
            struct stat st;
            if (lstat(path, &st) != 0) {
                free(path);
                continue;
            }
            if (S_ISDIR(st.st_mode)) {
                if (n == cap) {
                    char **ns = realloc(stack, cap * 2 * sizeof *ns);
                    if (ns == NULL) {
                        free(path);
                        rc = -1;
                        break;
                    }
                    stack = ns;
                    cap *= 2;
                }
                stack[n++] = path;
                continue;
            }
            if (S_ISREG(st.st_mode) && has_doc_ext(path)) {
                job *j = add_job(js, path);
                const char *rel = path + rootlen;
                while (*rel == '/')
                    rel++;
                char *name = md_name(rel, false);
                j->out = join_path(out_dir, name);
                free(name);
            }
            free(path);
        }
        closedir(d);
        free(dir);
    }
    for (size_t i = 0; i < n; i++)
        free(stack[i]);
    free(stack);
    return rc;
}

static int by_in(const void *a, const void *b)
{
    return strcmp(((const job *)a)->in, ((const job *)b)->in);
}

static int by_out(const void *a, const void *b)
{
    const job *x = *(job *const *)a, *y = *(job *const *)b;
    int c = strcmp(x->out ? x->out : "", y->out ? y->out : "");
    return c ? c : strcmp(x->in, y->in);
}

/* Two inputs that would write one file ("a.hwpx" and "a.docx" -> "a.md"):
 * all but the first in input order keep their extension ("a.docx.md"),
 * then a counter if that is taken too. Deterministic. */
static void resolve_clashes(jobs *js)
{
    if (js->n < 2)
        return;
    job **idx = malloc(js->n * sizeof *idx);
    if (idx == NULL)
        return;
    for (int round = 0; round < 3; round++) {
        for (size_t i = 0; i < js->n; i++)
            idx[i] = &js->v[i];
        qsort(idx, js->n, sizeof *idx, by_out);
        bool clash = false;
        for (size_t i = 1; i < js->n; i++) {
            if (idx[i]->out == NULL || idx[i - 1]->out == NULL ||
                strcmp(idx[i]->out, idx[i - 1]->out) != 0)
                continue;
            clash = true;
            char *fixed;
            if (round == 0) {
                /* Out dir prefix + relative name with the extension. */
                size_t keep = strlen(idx[i]->out) - 3; /* drop ".md" */
                const char *ext = strrchr(idx[i]->in, '.');
                size_t el = ext ? strlen(ext) : 0;
                fixed = malloc(keep + el + 4);
                if (fixed == NULL)
                    break;
                snprintf(fixed, keep + el + 4, "%.*s%s.md", (int)keep,
                         idx[i]->out, ext ? ext : "");
            } else {
                size_t n = strlen(idx[i]->out) + 16;
                fixed = malloc(n);
                if (fixed == NULL)
                    break;
                snprintf(fixed, n, "%.*s-%zu.md", (int)strlen(idx[i]->out) - 3,
                         idx[i]->out, i);
            }
            free(idx[i]->out);
            idx[i]->out = fixed;
        }
        if (!clash)
            break;
    }
    free(idx);
}

/* mkdir -p for the folder holding 'path' (or 'path' itself). */
static int make_dirs(const char *path, bool parent_only)
{
    char *p = xstrdup(path);
    if (parent_only) {
        char *slash = strrchr(p, '/');
        if (slash == NULL) {
            free(p);
            return 0;
        }
        *slash = '\0';
    }
    int rc = 0;
    for (char *s = p + 1; rc == 0; s++) {
        if (*s == '/' || *s == '\0') {
            char c = *s;
            *s = '\0';
            if (*p && mkdir(p, 0777) != 0 && errno != EEXIST)
                rc = -1;
            *s = c;
            if (c == '\0')
                break;
        }
    }
    free(p);
    return rc;
}

/* 'p' made absolute and normalised lexically ("." and ".." resolved,
 * "//" collapsed); NULL when the current folder is unknown. */
static char *absolute(const char *p)
{
    char cwd[4096];
    char *full;
    if (p[0] == '/') {
        full = xstrdup(p);
    } else {
        if (getcwd(cwd, sizeof cwd) == NULL)
            return NULL;
        full = join_path(cwd, p);
    }
    char *out = malloc(strlen(full) + 2);
    if (out == NULL) {
        free(full);
        return NULL;
    }
    size_t k = 0;
    for (char *seg = full; *seg;) {
        while (*seg == '/')
            seg++;
        char *end = seg;
        while (*end && *end != '/')
            end++;
        size_t len = (size_t)(end - seg);
        if (len == 0 || (len == 1 && seg[0] == '.')) {
            /* nothing */
        } else if (len == 2 && seg[0] == '.' && seg[1] == '.') {
            while (k > 0 && out[k - 1] != '/')
                k--;
            if (k > 0)
                k--;
        } else {
            out[k++] = '/';
            memcpy(out + k, seg, len);
            k += len;
        }
        seg = end;
    }
    if (k == 0)
        out[k++] = '/';
    out[k] = '\0';
    free(full);
    return out;
}

/* The relative path from folder 'from' to folder 'to', or 'to' as given
 * when it cannot be worked out. */
static char *rel_path(const char *from, const char *to)
{
    char *a = absolute(from), *b = absolute(to);
    if (a == NULL || b == NULL) {
        free(a);
        free(b);
        return xstrdup(to);
    }
    /* The longest common prefix ending at a folder boundary. */
    size_t i = 0, last = 0;
    while (a[i] && a[i] == b[i]) {
        i++;
        if (a[i - 1] == '/')
            last = i - 1;
    }
    if ((a[i] == '\0' || a[i] == '/') && (b[i] == '\0' || b[i] == '/'))
        last = i;
    size_t ups = 0;
    for (const char *s = a + last; *s; s++)
        if (*s == '/')
            ups++;
    const char *rest = b + last;
    while (*rest == '/')
        rest++;
    char *out = malloc(ups * 3 + strlen(rest) + 2);
    if (out == NULL) {
        free(a);
        free(b);
        return xstrdup(to);
    }
    size_t k = 0;
    for (size_t u = 0; u < ups; u++) {
        memcpy(out + k, "../", 3);
        k += 3;
    }
    strcpy(out + k, rest);
    k = strlen(out);
    if (k == 0)
        strcpy(out, ".");
    else if (out[k - 1] == '/')
        out[k - 1] = '\0';
    free(a);
    free(b);
    return out;
}

/* ---- one file ---------------------------------------------------------- */

typedef struct ctx {
    const args *a;
    const air_symmaps *sym;
    const air_config *cfg; /* --config, or NULL for the defaults */
    jobs *js;
    size_t next;
    pthread_mutex_t mu;
    pthread_cond_t cv;
} ctx;

static void add_msg(job *j, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void add_msg(job *j, const char *fmt, ...)
{
    char line[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    size_t old = j->msg ? strlen(j->msg) : 0, n = strlen(line);
    char *m = realloc(j->msg, old + n + 2);
    if (m == NULL)
        return;
    memcpy(m + old, line, n);
    m[old + n] = '\n';
    m[old + n + 1] = '\0';
    j->msg = m;
}

/* Reads all of stdin, within the package limits. */
static air_status read_stdin(char **data, size_t *len)
{
    const size_t cap = (size_t)1 << 30;
    size_t n = 0, sz = 1 << 16;
    char *b = malloc(sz);
    if (b == NULL)
        return AIR_ENOMEM;
    for (;;) {
        if (n == sz) {
            if (sz >= cap) {
                free(b);
                return AIR_ELIMIT;
            }
            char *nb = realloc(b, sz * 2);
            if (nb == NULL) {
                free(b);
                return AIR_ENOMEM;
            }
            b = nb;
            sz *= 2;
        }
        size_t got = fread(b + n, 1, sz - n, stdin);
        n += got;
        if (got == 0)
            break;
    }
    if (ferror(stdin)) {
        free(b);
        return AIR_EIO;
    }
    *data = b;
    *len = n;
    return AIR_OK;
}

static void convert_one(const ctx *c, job *j)
{
    const args *a = c->a;
    air_doc *doc = NULL;
    air_status st;
    if (strcmp(j->in, "-") == 0) {
        char *data = NULL;
        size_t len = 0;
        st = read_stdin(&data, &len);
        if (st == AIR_OK) {
            air_open_opts oo = AIR_OPEN_OPTS_INIT;
            oo.limits = a->limits;
            oo.display_name = "-";
            st = air_doc_open_mem(&doc, data, len, &oo);
            free(data);
        } else {
            add_msg(j, "airead: -: cannot read standard input");
            j->status = cli_exit_for(st);
            return;
        }
    } else {
        air_open_opts oo = AIR_OPEN_OPTS_INIT;
        oo.limits = a->limits;
        st = air_doc_open(&doc, j->in, &oo);
    }
    if (st != AIR_OK) {
        add_msg(j, "airead: %s", air_last_error());
        j->status = cli_exit_for(st);
        return;
    }

    air_md_stats stats;
    memset(&stats, 0, sizeof stats);
    air_markdown_opts mo = AIR_MARKDOWN_OPTS_INIT;
    mo.tables = a->tables;
    mo.keep_symbols = a->keep_symbols;
    mo.headers = a->headers;
    mo.front_matter = !a->no_front_matter;
    mo.join_breaks = !a->no_join;
    mo.symbols = c->sym;
    mo.config = c->cfg;
    mo.stats = &stats;
    char *link = NULL;
    if (j->media && strcmp(j->in, "-") != 0) {
        if (make_dirs(j->media, false) != 0) {
            add_msg(j, "airead: %s: cannot create the folder", j->media);
            j->status = AIR_EXIT_INTERNAL;
            air_doc_free(doc);
            return;
        }
        mo.media_dir = j->media;
        if (j->out) {
            char *dir = xstrdup(j->out);
            char *slash = strrchr(dir, '/');
            if (slash)
                *slash = '\0';
            link = rel_path(slash ? dir : ".", j->media);
            free(dir);
            mo.media_link = link;
        }
    } else if (j->media) {
        add_msg(j, "airead: -: images of standard input are not extracted");
    }

    FILE *out = stdout;
    air_outfile *of = NULL;
    if (j->out) {
        if (make_dirs(j->out, true) != 0) {
            add_msg(j, "airead: %s: cannot create its folder", j->out);
            j->status = AIR_EXIT_INTERNAL;
            goto done;
        }
        if (air_outfile_open(&of, &out, j->out) != AIR_OK) {
            add_msg(j, "airead: %s", air_last_error());
            j->status = AIR_EXIT_INTERNAL;
            goto done;
        }
    }
    st = air_convert_markdown(doc, &mo, out);
    if (of) {
        air_status cst = air_outfile_close(of, st == AIR_OK);
        if (st == AIR_OK)
            st = cst;
    }
    if (st != AIR_OK) {
        add_msg(j, "airead: %s: %s", j->out ? j->out : "-",
                st == AIR_EIO ? "cannot write the Markdown" : air_last_error());
        /* A table too large to lay out is about the input (3); a write
         * that failed is not (4). */
        j->status = st == AIR_EIO ? AIR_EXIT_INTERNAL : cli_exit_for(st);
    } else if (a->verbose) {
        add_msg(j,
                "airead: %s -> %s: %u tables (%u HTML, %u nested), "
                "%u images (%u extracted), %u notes, %u joins, symbol "
                "glyphs %llu mapped, %llu dropped, %llu kept",
                j->in, j->out ? j->out : "stdout", stats.tables,
                stats.html_tables, stats.nested, stats.images,
                stats.images_written, stats.notes, stats.joins,
                (unsigned long long)stats.sym_mapped,
                (unsigned long long)stats.sym_dropped,
                (unsigned long long)stats.sym_kept);
    }
done:
    free(link);
    air_doc_free(doc);
}

static void *worker(void *arg)
{
    ctx *c = arg;
    for (;;) {
        pthread_mutex_lock(&c->mu);
        size_t i = c->next++;
        pthread_mutex_unlock(&c->mu);
        if (i >= c->js->n)
            return NULL;
        convert_one(c, &c->js->v[i]);
        pthread_mutex_lock(&c->mu);
        c->js->v[i].done = true;
        pthread_cond_broadcast(&c->cv);
        pthread_mutex_unlock(&c->mu);
    }
}

/* ---- the command ------------------------------------------------------- */

static int plan(const args *a, int argc, char **argv, int first, jobs *js)
{
    int nin = argc - first;
    if (nin == 0)
        return cli_usage("convert: no input given");
    if (a->output && a->out_dir)
        return cli_usage("convert: -o and --out-dir do not go together");
    for (int i = first; i < argc; i++) {
        const char *in = argv[i];
        struct stat st;
        bool dir =
            strcmp(in, "-") != 0 && stat(in, &st) == 0 && S_ISDIR(st.st_mode);
        if (dir) {
            if (!a->out_dir)
                return cli_usage("convert: '%s' is a folder: use --out-dir "
                                 "DIR",
                                 in);
            size_t before = js->n;
            if (walk(js, in, a->out_dir) != 0) {
                cli_error("%s: cannot read the folder", in);
                return AIR_EXIT_UNREADABLE;
            }
            qsort(js->v + before, js->n - before, sizeof *js->v, by_in);
        } else {
            job *j = add_job(js, in);
            if (a->out_dir) {
                const char *slash = strrchr(in, '/');
                char *name = md_name(slash ? slash + 1 : in, false);
                j->out = join_path(a->out_dir,
                                   strcmp(in, "-") == 0 ? "stdin.md" : name);
                free(name);
            }
        }
    }
    if (a->output) {
        if (js->n != 1)
            return cli_usage("convert: -o takes one input");
        if (strcmp(a->output, "-") != 0)
            js->v[0].out = xstrdup(a->output);
    } else if (!a->out_dir && js->n != 1) {
        return cli_usage("convert: several inputs: use --out-dir DIR");
    }
    resolve_clashes(js);
    if (a->media) {
        for (size_t i = 0; i < js->n; i++) {
            job *j = &js->v[i];
            if (!a->out_dir) {
                j->media = xstrdup(a->media);
                continue;
            }
            /* DIR/<output path below out-dir, without ".md"> */
            const char *rel = j->out + strlen(a->out_dir);
            while (*rel == '/')
                rel++;
            char *stem = xstrdup(rel);
            stem[strlen(stem) - 3] = '\0';
            j->media = join_path(a->media, stem);
            free(stem);
        }
    }
    return 0;
}

static int run(const cli_cmd *cmd, int argc, char **argv)
{
    args a;
    memset(&a, 0, sizeof a);
    a.jobs = 1;
    air_limits lim = AIR_LIMITS_INIT;
    a.limits = lim;
    int first = 0;
    int rc = cli_parse(cmd, argc, argv, on_opt, &a, &first);
    if (rc != 0)
        return rc < 0 ? AIR_EXIT_OK : rc;
    jobs js = {NULL, 0, 0};
    rc = plan(&a, argc, argv, first, &js);
    if (rc != 0)
        goto done;

    air_config *cfg = NULL;
    if (a.config) {
        air_config_opts co = AIR_CONFIG_OPTS_INIT;
        co.file = a.config;
        if (air_config_load(&cfg, &co) != AIR_OK) {
            cli_error("%s", air_last_error());
            rc = AIR_EXIT_USAGE;
            goto done;
        }
    }

    /* The glyph tables of the same data folder as the rules (see
     * cli_datadir); NULL leaves the choice to the library. */
    air_symmaps *sym = NULL;
    const char *datadir = cli_datadir();
    char symdir[4096 + 16];
    if (datadir)
        snprintf(symdir, sizeof symdir, "%s/symbol-fonts", datadir);
    if (air_symmaps_load(&sym, datadir ? symdir : NULL) != AIR_OK)
        cli_error("symbol-font tables not loaded (%s): such glyphs are "
                  "dropped",
                  air_last_error());

    ctx c;
    memset(&c, 0, sizeof c);
    c.a = &a;
    c.sym = sym;
    c.cfg = cfg;
    c.js = &js;
    pthread_mutex_init(&c.mu, NULL);
    pthread_cond_init(&c.cv, NULL);
    size_t nthreads = (size_t)a.jobs < js.n ? (size_t)a.jobs : js.n;
    pthread_t *th = calloc(nthreads ? nthreads : 1, sizeof *th);
    size_t started = 0;
    if (nthreads > 1 && th) {
        for (; started < nthreads; started++)
            if (pthread_create(&th[started], NULL, worker, &c) != 0)
                break;
    }
    int worst = AIR_EXIT_OK;
    for (size_t i = 0; i < js.n; i++) {
        if (started == 0) {
            convert_one(&c, &js.v[i]); /* serial: on this thread */
        } else {
            pthread_mutex_lock(&c.mu);
            while (!js.v[i].done)
                pthread_cond_wait(&c.cv, &c.mu);
            pthread_mutex_unlock(&c.mu);
        }
        if (js.v[i].msg)
            fputs(js.v[i].msg, stderr);
        int s = js.v[i].status;
        if (s == AIR_EXIT_INTERNAL ||
            (s == AIR_EXIT_UNREADABLE && worst != AIR_EXIT_INTERNAL))
            worst = s;
    }
    for (size_t i = 0; i < started; i++)
        pthread_join(th[i], NULL);
    free(th);
    pthread_mutex_destroy(&c.mu);
    pthread_cond_destroy(&c.cv);
    air_symmaps_free(sym);
    air_config_free(cfg);
    rc = worst;
done:
    for (size_t i = 0; i < js.n; i++) {
        free(js.v[i].in);
        free(js.v[i].out);
        free(js.v[i].media);
        free(js.v[i].msg);
    }
    free(js.v);
    return rc;
}

const cli_cmd cli_cmd_convert = {
    "convert", "[options] PATH...",
    "Write cleaned Markdown (GFM with YAML front matter) of documents.",
    convert_opts, run};
