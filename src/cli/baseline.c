/* baseline.c -- see baseline.h. Entries are kept sorted by (path,
 * fingerprint) so that a file's entries and a finding are found by binary
 * search; memory is one small record per accepted finding. */
#include "config.h"

#include "cli/baseline.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"

typedef struct bentry {
    char *path; /* shared by the entries of one file */
    char *rule;
    char fp[24];
    uint64_t order; /* line order, for reporting */
    bool matched;
    bool checked;   /* its file was checked in this run */
} bentry;

struct baseline {
    bentry *v;
    size_t n;
};

static int cmp_entry(const void *a, const void *b)
{
    const bentry *x = a, *y = b;
    int c = strcmp(x->path, y->path);
    return c ? c : strcmp(x->fp, y->fp);
}

static int cmp_order(const void *a, const void *b)
{
    const bentry *x = a, *y = b;
    return x->order < y->order ? -1 : x->order > y->order;
}

/* Undoes the \t \n \r \\ escapes in place. */
static void unescape(char *s)
{
    char *o = s;
    for (; *s; s++) {
        if (*s == '\\' && s[1]) {
            s++;
            *o++ = *s == 't' ? '\t' : *s == 'n' ? '\n' : *s == 'r' ? '\r'
                                                                  : *s;
        } else {
            *o++ = *s;
        }
    }
    *o = '\0';
}

baseline *baseline_load(const char *file)
{
    FILE *f = strcmp(file, "-") == 0 ? stdin : fopen(file, "r");
    if (f == NULL) {
        cli_error("%s: cannot read the baseline: %s", file, strerror(errno));
        return NULL;
    }
    baseline *b = calloc(1, sizeof *b);
    size_t cap = 0;
    char *line = NULL;
    size_t lcap = 0;
    ssize_t len;
    unsigned long lineno = 0;
    bool ok = b != NULL;
    char *last_path = NULL;
    while (ok && (len = getline(&line, &lcap, f)) >= 0) {
        lineno++;
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (lineno == 1 && strncmp(line, "# airead baseline ", 18) != 0) {
            cli_error("%s:1: not an airead baseline", file);
            ok = false;
            break;
        }
        if (len == 0 || line[0] == '#')
            continue;
        char *t1 = strchr(line, '\t');
        char *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
        if (t2 == NULL || t1 - line >= 24 || t1 == line) {
            cli_error("%s:%lu: expected FINGERPRINT<TAB>RULE<TAB>PATH", file,
                      lineno);
            ok = false;
            break;
        }
        *t1 = *t2 = '\0';
        unescape(t2 + 1);
        if (b->n == cap) {
            size_t nc = cap ? cap * 2 : 256;
            bentry *nv = realloc(b->v, nc * sizeof *nv);
            if (nv == NULL) {
                ok = false;
                break;
            }
            b->v = nv;
            cap = nc;
        }
        bentry *e = &b->v[b->n];
        memset(e, 0, sizeof *e);
        /* consecutive lines of one file share its path string */
        if (last_path && strcmp(last_path, t2 + 1) == 0)
            e->path = last_path;
        else
            e->path = last_path = strdup(t2 + 1);
        e->rule = strdup(t1 + 1);
        snprintf(e->fp, sizeof e->fp, "%s", line);
        e->order = b->n;
        b->n++;
        if (e->path == NULL || e->rule == NULL)
            ok = false;
    }
    free(line);
    if (f != stdin)
        fclose(f);
    if (!ok) {
        baseline_free(b);
        return NULL;
    }
    if (b->n > 1)
        qsort(b->v, b->n, sizeof *b->v, cmp_entry);
    return b;
}

/* The first entry of 'path', and how many there are. */
static bentry *range(baseline *b, const char *path, size_t *count)
{
    size_t lo = 0, hi = b->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(b->v[mid].path, path) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t end = lo;
    while (end < b->n && strcmp(b->v[end].path, path) == 0)
        end++;
    *count = end - lo;
    return b->v + lo;
}

typedef struct apply_ctx {
    bentry *first;
    size_t count;
    uint64_t accepted;
} apply_ctx;

static int keep(const air_finding *f, void *vctx)
{
    apply_ctx *c = vctx;
    size_t lo = 0, hi = c->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int cmp = strcmp(c->first[mid].fp, f->fingerprint);
        if (cmp == 0) {
            bentry *e = &c->first[mid];
            if (strcmp(e->rule, f->rule->id) != 0)
                return 1;
            e->matched = true;
            c->accepted++;
            return 0;
        }
        if (cmp < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 1;
}

uint64_t baseline_apply(baseline *b, const char *path, air_report *r)
{
    apply_ctx c = { NULL, 0, 0 };
    c.first = range(b, path, &c.count);
    for (size_t i = 0; i < c.count; i++)
        c.first[i].checked = true;
    if (c.count && r)
        air_report_filter(r, keep, &c);
    return c.accepted;
}

uint64_t baseline_gone(baseline *b,
                       void (*fn)(void *ctx, const char *path,
                                  const char *rule, const char *fp),
                       void *ctx)
{
    uint64_t gone = 0;
    if (b->n > 1)
        qsort(b->v, b->n, sizeof *b->v, cmp_order);
    const char *last = NULL;
    bool exists = true;
    for (size_t i = 0; i < b->n; i++) {
        bentry *e = &b->v[i];
        if (e->matched)
            continue;
        if (!e->checked) {
            if (e->path != last) {
                struct stat st;
                last = e->path;
                exists = lstat(e->path, &st) == 0 || errno != ENOENT;
            }
            if (exists)
                continue; /* not in this run (another shard, not named) */
        }
        gone++;
        if (fn)
            fn(ctx, e->path, e->rule, e->fp);
    }
    if (b->n > 1)
        qsort(b->v, b->n, sizeof *b->v, cmp_entry);
    return gone;
}

void baseline_free(baseline *b)
{
    if (b == NULL)
        return;
    if (b->n > 1)
        qsort(b->v, b->n, sizeof *b->v, cmp_order);
    const char *last = NULL;
    for (size_t i = 0; i < b->n; i++) {
        if (b->v[i].path != last) {
            last = b->v[i].path;
            free(b->v[i].path);
        }
        free(b->v[i].rule);
    }
    free(b->v);
    free(b);
}

void baseline_write_header(FILE *out)
{
    fputs("# airead baseline 1\n"
          "# fingerprint\trule\tpath (findings accepted; see airead(1))\n",
          out);
}

static void escaped(FILE *out, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '\t': fputs("\\t", out); break;
        case '\n': fputs("\\n", out); break;
        case '\r': fputs("\\r", out); break;
        case '\\': fputs("\\\\", out); break;
        default: fputc(*s, out);
        }
    }
}

void baseline_write(FILE *out, const char *path, const air_report *r)
{
    for (size_t i = 0; i < air_report_count(r); i++) {
        const air_finding *f = air_report_finding(r, i);
        fprintf(out, "%s\t%s\t", f->fingerprint, f->rule->id);
        escaped(out, path);
        fputc('\n', out);
    }
}
