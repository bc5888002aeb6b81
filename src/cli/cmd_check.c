/* cmd_check.c -- `airead check [options] PATH...`: lint documents.
 *
 * Operands are files, directories (walked recursively, entries in byte
 * order of their names, symbolic links to directories not followed) and
 * '-' (a document read from stdin). In a directory walk only names ending
 * in a document extension are taken (the format itself is sniffed from
 * the content); a file named explicitly is always tried. A file that
 * cannot be read is reported, with its reason, in every format and the run
 * goes on.
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

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"

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
    { NULL, 0, NULL, NULL }
};

typedef struct check_args {
    air_output fmt;
    const char *output;
    air_severity fail;
    int lang; /* -1: from the locale */
    const char *config;
    bool no_config;
    bool print_config;
    int color; /* -1 auto, 0 never, 1 always */
} check_args;

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
    }
    return 0;
}

/* ---- configurations, one per user file ----------------------------------- */

typedef struct cfg_entry {
    char *file; /* NULL: the defaults */
    air_config *cfg;
    struct cfg_entry *next;
} cfg_entry;

typedef struct cfg_cache {
    cfg_entry *head;
} cfg_cache;

/* The configuration for 'file' (NULL: defaults), loaded once. NULL after
 * printing the error. */
static air_config *cfg_get(cfg_cache *c, const char *file)
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

/* The configuration a document uses; NULL on a configuration error. */
static air_config *cfg_for(cfg_cache *c, const check_args *a,
                           const char *doc)
{
    if (a->config)
        return cfg_get(c, a->config);
    if (a->no_config)
        return cfg_get(c, NULL);
    char *found = NULL;
    if (air_config_find(&found, doc) != AIR_OK) {
        cli_error("out of memory");
        return NULL;
    }
    air_config *cfg = cfg_get(c, found);
    free(found);
    return cfg;
}

/* ---- inputs ---------------------------------------------------------------- */

static bool is_doc_name(const char *name)
{
    static const char *const exts[] = { ".hwpx", ".hwp", ".docx", ".docm",
                                        ".dotx", ".dotm" };
    size_t n = strlen(name);
    if (name[0] == '.' || strncmp(name, "~$", 2) == 0)
        return false; /* hidden files, Office lock files */
    for (size_t i = 0; i < sizeof exts / sizeof *exts; i++) {
        size_t k = strlen(exts[i]);
        if (n > k && strcasecmp(name + n - k, exts[i]) == 0)
            return true;
    }
    return false;
}

typedef struct run {
    const check_args *a;
    cfg_cache cfgs;
    air_emitter *em;
    air_lang lang;
    int worst;     /* exit status so far (besides findings) */
    bool failed;   /* a finding at or above the failure level */
    bool cfg_error;
} run;

/* Reads all of stdin: a document is at most this large (a ZIP package
 * over 1 GiB is over the inflated-size limit anyway). */
enum { MAX_STDIN = 1 << 30 };

static air_status open_stdin(air_doc **doc, char *msg, size_t msgsize)
{
    *doc = NULL;
    msg[0] = '\0';
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    if (buf == NULL)
        return AIR_ENOMEM;
    size_t n;
    while ((n = fread(buf + len, 1, cap - len, stdin)) > 0) {
        len += n;
        if (len == cap) {
            if (cap >= MAX_STDIN) {
                free(buf);
                snprintf(msg, msgsize, "-: larger than %d bytes",
                         MAX_STDIN);
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
    }
    air_open_opts opts = AIR_OPEN_OPTS_INIT;
    opts.display_name = "-";
    air_status st = air_doc_open_mem(doc, buf, len, &opts);
    free(buf);
    return st;
}

static void check_one(run *r, const char *path)
{
    air_config *cfg = cfg_for(&r->cfgs, r->a, path);
    if (cfg == NULL) {
        r->cfg_error = true;
        return;
    }
    air_doc *doc = NULL;
    air_status st;
    char own[200] = "";
    if (strcmp(path, "-") == 0)
        st = open_stdin(&doc, own, sizeof own);
    else
        st = air_doc_open(&doc, path, NULL);
    air_result res = { path, AIR_FMT_UNKNOWN, st, NULL, NULL };
    air_report *rep = NULL;
    char msg[600];
    if (st == AIR_OK) {
        res.format = air_doc_format(doc);
        st = air_check(&rep, doc, cfg);
        res.status = st;
        res.report = rep;
    }
    if (st != AIR_OK) {
        snprintf(msg, sizeof msg, "%s",
                 own[0] ? own
                        : air_last_error()[0] ? air_last_error()
                                              : air_status_key(st));
        res.error = msg;
        int code = cli_exit_for(st);
        if (code == AIR_EXIT_USAGE) /* not about the input: a bug */
            code = AIR_EXIT_INTERNAL;
        if (code > r->worst)
            r->worst = code;
    }
    air_doc_free(doc);
    if (rep && air_report_max_severity(rep) >= r->a->fail &&
        r->a->fail != AIR_SEV_NONE && air_report_count(rep) > 0)
        r->failed = true;
    if (air_emitter_file(r->em, &res) != AIR_OK)
        r->worst = AIR_EXIT_INTERNAL;
    air_report_free(rep);
}

/* Walks 'root' depth-first without recursion, entries in byte order. */
typedef struct pathv {
    char **v;
    size_t n, cap;
} pathv;

static bool pv_push(pathv *p, char *s)
{
    if (s == NULL)
        return false;
    if (p->n == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 64;
        char **v = realloc(p->v, cap * sizeof *v);
        if (v == NULL) {
            free(s);
            return false;
        }
        p->v = v;
        p->cap = cap;
    }
    p->v[p->n++] = s;
    return true;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *join(const char *dir, const char *name)
{
    size_t n = strlen(dir), m = strlen(name);
    char *s = malloc(n + m + 2);
    if (s == NULL)
        return NULL;
    memcpy(s, dir, n);
    size_t k = n;
    if (n == 0 || dir[n - 1] != '/')
        s[k++] = '/';
    memcpy(s + k, name, m + 1);
    return s;
}

static void walk(run *r, const char *root)
{
    pathv stack = { NULL, 0, 0 };
    if (!pv_push(&stack, strdup(root))) {
        r->worst = AIR_EXIT_INTERNAL;
        return;
    }
    while (stack.n > 0 && !r->cfg_error) {
        char *dir = stack.v[--stack.n];
        DIR *d = opendir(dir);
        if (d == NULL) {
            air_result res = { dir, AIR_FMT_UNKNOWN, AIR_EIO,
                               strerror(errno), NULL };
            air_emitter_file(r->em, &res);
            if (r->worst < AIR_EXIT_UNREADABLE)
                r->worst = AIR_EXIT_UNREADABLE;
            free(dir);
            continue;
        }
        pathv names = { NULL, 0, 0 };
        struct dirent *de;
        while ((de = readdir(d)) != NULL) {
            if (de->d_name[0] == '.')
                continue; /* ".", "..", hidden */
            if (!pv_push(&names, strdup(de->d_name)))
                r->worst = AIR_EXIT_INTERNAL;
        }
        closedir(d);
        if (names.n > 1)
            qsort(names.v, names.n, sizeof *names.v, cmp_str);
        /* Files of this folder and its subfolders, in name order: a
         * subfolder is pushed so that it is walked where its name sorts. */
        pathv subdirs = { NULL, 0, 0 };
        for (size_t i = 0; i < names.n; i++) {
            char *p = join(dir, names.v[i]);
            struct stat st;
            if (p && lstat(p, &st) == 0 && S_ISDIR(st.st_mode)) {
                pv_push(&subdirs, p);
                continue;
            }
            if (p && is_doc_name(names.v[i]) && stat(p, &st) == 0 &&
                S_ISREG(st.st_mode))
                check_one(r, p);
            free(p);
        }
        /* Subfolders after the files, first name on top of the stack. */
        for (size_t i = subdirs.n; i > 0; i--)
            pv_push(&stack, subdirs.v[i - 1]);
        free(subdirs.v);
        for (size_t i = 0; i < names.n; i++)
            free(names.v[i]);
        free(names.v);
        free(dir);
    }
    for (size_t i = 0; i < stack.n; i++)
        free(stack.v[i]);
    free(stack.v);
}

/* ---- language and colour ----------------------------------------------------- */

/* Korean unless the locale names another language. */
static air_lang lang_from_env(void)
{
    const char *vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
    for (size_t i = 0; i < 3; i++) {
        const char *v = getenv(vars[i]);
        if (v == NULL || v[0] == '\0')
            continue;
        if (strcmp(v, "C") == 0 || strcmp(v, "POSIX") == 0 ||
            strncmp(v, "C.", 2) == 0 || strncmp(v, "ko", 2) == 0)
            return AIR_LANG_KO;
        return AIR_LANG_EN;
    }
    return AIR_LANG_KO;
}

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

static int print_config(run *r, const char *first)
{
    air_config *cfg = cfg_for(&r->cfgs, r->a, first);
    if (cfg == NULL)
        return AIR_EXIT_USAGE;
    if (air_config_print(cfg, stdout) != AIR_OK || fflush(stdout) != 0) {
        cli_error("cannot write the configuration");
        return AIR_EXIT_INTERNAL;
    }
    return AIR_EXIT_OK;
}

/* The report goes to a temporary file next to FILE, renamed into place at
 * the end, so that a reader never sees half a report. */
static FILE *open_output(const char *path, char **tmp)
{
    *tmp = NULL;
    if (path == NULL || strcmp(path, "-") == 0)
        return stdout;
    size_t n = strlen(path);
    char *t = malloc(n + 16);
    if (t == NULL)
        return NULL;
    snprintf(t, n + 16, "%s.tmpXXXXXX", path);
    int fd = mkstemp(t);
    if (fd < 0) {
        free(t);
        return NULL;
    }
    FILE *f = fdopen(fd, "w");
    if (f == NULL) {
        close(fd);
        unlink(t);
        free(t);
        return NULL;
    }
    *tmp = t;
    return f;
}

static int close_output(FILE *f, char *tmp, const char *path, bool ok)
{
    if (f == stdout)
        return fflush(stdout) == 0 ? 0 : -1;
    int rc = fclose(f);
    if (ok && rc == 0)
        rc = rename(tmp, path);
    if (!ok || rc != 0)
        unlink(tmp);
    free(tmp);
    return rc;
}

static int run_check(const cli_cmd *cmd, int argc, char **argv)
{
    check_args a = { AIR_OUT_TEXT, NULL, AIR_SEV_ERROR, -1, NULL,
                     false, false, -1 };
    int first = 0;
    int rc = cli_parse(cmd, argc, argv, on_opt, &a, &first);
    if (rc != 0)
        return rc < 0 ? AIR_EXIT_OK : rc;
    if (a.config && a.no_config)
        return cli_usage("check: --config and --no-config exclude each "
                         "other");

    run r;
    memset(&r, 0, sizeof r);
    r.a = &a;
    r.lang = a.lang >= 0 ? (air_lang)a.lang : lang_from_env();
    if (a.print_config) {
        rc = print_config(&r, first < argc ? argv[first] : NULL);
        cfg_free(&r.cfgs);
        return rc;
    }
    if (first >= argc)
        return cli_usage("check: no PATH given");

    /* The catalogue for the report comes from the first document's
     * configuration (rule texts and ids do not change with the file). */
    air_config *cfg0 = cfg_for(&r.cfgs, &a, argv[first]);
    if (cfg0 == NULL) {
        cfg_free(&r.cfgs);
        return AIR_EXIT_USAGE;
    }
    char *tmp = NULL;
    FILE *out = open_output(a.output, &tmp);
    if (out == NULL) {
        cli_error("%s: cannot write: %s", a.output, strerror(errno));
        cfg_free(&r.cfgs);
        return AIR_EXIT_USAGE;
    }
    air_emit_opts eo = AIR_EMIT_OPTS_INIT;
    eo.lang = r.lang;
    eo.color = a.fmt == AIR_OUT_TEXT && want_color(a.color, out);
    eo.config = cfg0;
    if (air_emitter_new(&r.em, a.fmt, out, &eo) != AIR_OK ||
        air_emitter_begin(r.em) != AIR_OK) {
        cli_error("cannot write the report");
        close_output(out, tmp, a.output, false);
        air_emitter_free(r.em);
        cfg_free(&r.cfgs);
        return AIR_EXIT_INTERNAL;
    }
    for (int i = first; i < argc && !r.cfg_error; i++) {
        struct stat st;
        if (strcmp(argv[i], "-") != 0 && stat(argv[i], &st) == 0 &&
            S_ISDIR(st.st_mode))
            walk(&r, argv[i]);
        else
            check_one(&r, argv[i]);
    }
    bool ok = !r.cfg_error && air_emitter_end(r.em) == AIR_OK;
    if (close_output(out, tmp, a.output, !r.cfg_error) != 0 && !r.cfg_error) {
        cli_error("%s: cannot write the report", a.output ? a.output : "-");
        ok = false;
    }
    air_emitter_free(r.em);
    cfg_free(&r.cfgs);
    if (r.cfg_error)
        return AIR_EXIT_USAGE;
    if (!ok || r.worst == AIR_EXIT_INTERNAL)
        return AIR_EXIT_INTERNAL;
    if (r.worst == AIR_EXIT_UNREADABLE)
        return AIR_EXIT_UNREADABLE;
    return r.failed ? AIR_EXIT_FINDINGS : AIR_EXIT_OK;
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
    check_args a = { AIR_OUT_TEXT, NULL, AIR_SEV_ERROR, -1, NULL,
                     false, false, -1 };
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
    air_lang lang = a.lang >= 0 ? (air_lang)a.lang : lang_from_env();
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
