/* data.c -- the typed values rules read from the configuration:
 * code-point sets and PCRE2 pattern lists, compiled once when the
 * configuration is loaded and shared read-only by every check.
 *
 * PCRE2 stays in src/rules (STYLE.md section 1): rules match through
 * air_patterns_find() and never include pcre2.h themselves. */
#include "config.h"

#define PCRE2_CODE_UNIT_WIDTH 8

#include "rules/data.h"

#include <pcre2.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "util/error.h"
#include "util/utf8.h"

/* ---- code-point sets --------------------------------------------------- */

struct air_cpset {
    size_t n;
    uint32_t (*r)[2]; /* sorted, disjoint, non-adjacent [lo, hi] */
};

bool air_cpset_has(const air_cpset *set, uint32_t cp)
{
    if (set == NULL)
        return false;
    size_t lo = 0, hi = set->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cp < set->r[mid][0])
            hi = mid;
        else if (cp > set->r[mid][1])
            lo = mid + 1;
        else
            return true;
    }
    return false;
}

void air_cpset_fill(const air_cpset *set, uint8_t *table, size_t n,
                    uint8_t value)
{
    if (set == NULL)
        return;
    for (size_t i = 0; i < set->n && set->r[i][0] < n; i++) {
        size_t hi = set->r[i][1] < n ? set->r[i][1] : n - 1;
        memset(table + set->r[i][0], value, hi - set->r[i][0] + 1);
    }
}

bool air_cpset_is_empty(const air_cpset *set)
{
    return set == NULL || set->n == 0;
}

static int cmp_range(const void *a, const void *b)
{
    const uint32_t *x = a, *y = b;
    return x[0] < y[0] ? -1 : x[0] > y[0];
}

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* "U+2190" at s: the code point and the bytes used, or 0 bytes. */
static size_t parse_uplus(const char *s, uint32_t *cp)
{
    if ((s[0] != 'U' && s[0] != 'u') || s[1] != '+')
        return 0;
    uint32_t v = 0;
    size_t i = 2;
    while (i < 8 && hexval((unsigned char)s[i]) >= 0)
        v = v * 16 + (uint32_t)hexval((unsigned char)s[i++]);
    if (i < 6 || v > 0x10FFFF) /* at least four hex digits */
        return 0;
    *cp = v;
    return i;
}

/* "U+2190-21FF", "U+2190-U+21FF" or "U+2190..U+21FF": a range. */
static bool parse_range(const char *s, uint32_t *lo, uint32_t *hi)
{
    size_t n = parse_uplus(s, lo);
    if (n == 0)
        return false;
    s += n;
    if (*s == '\0') {
        *hi = *lo;
        return true;
    }
    if (s[0] == '-')
        s++;
    else if (s[0] == '.' && s[1] == '.')
        s += 2;
    else
        return false;
    if (s[0] == 'U' || s[0] == 'u') {
        n = parse_uplus(s, hi);
    } else {
        char tmp[16];
        snprintf(tmp, sizeof tmp, "U+%s", s);
        n = parse_uplus(tmp, hi);
        n = n ? n - 2 : 0;
    }
    return n > 0 && s[n] == '\0' && *hi >= *lo;
}

static air_status finish_set(air_cpset **out, air_arena *a, uint32_t (*r)[2],
                             size_t n);

air_status air_cpset_build(air_cpset **out, air_arena *a, const air_cv *list)
{
    *out = NULL;
    size_t cap = 0;
    for (const air_cv *v = list->first; v; v = v->next)
        cap += strlen(v->str) + 1;
    uint32_t (*r)[2] = cap ? malloc(cap * sizeof *r) : NULL;
    if (cap && r == NULL)
        return AIR_ENOMEM;
    size_t n = 0;
    for (const air_cv *v = list->first; v; v = v->next) {
        if (v->kind != AIR_CV_SCALAR) {
            free(r);
            return air_error(AIR_ECONFIG, "%s:%u: expected a character "
                             "or U+XXXX, not a list or mapping",
                             v->file, v->line);
        }
        uint32_t lo, hi;
        if (parse_range(v->str, &lo, &hi)) {
            r[n][0] = lo;
            r[n][1] = hi;
            n++;
            continue;
        }
        if ((v->str[0] == 'U' || v->str[0] == 'u') && v->str[1] == '+') {
            free(r);
            return air_error(AIR_ECONFIG, "%s:%u: '%s' is not a code point "
                             "(U+XXXX) or range (U+XXXX-YYYY)",
                             v->file, v->line, v->str);
        }
        if (v->str[0] == '\0') {
            free(r);
            return air_error(AIR_ECONFIG, "%s:%u: empty character",
                             v->file, v->line);
        }
        /* Every code point of a literal string. */
        size_t len = strlen(v->str);
        for (size_t i = 0; i < len;) {
            uint32_t cp;
            i += air_utf8_decode(&cp, v->str + i, len - i);
            r[n][0] = r[n][1] = cp;
            n++;
        }
    }
    return finish_set(out, a, r, n);
}

/* Sorts and merges r[0..n) (malloc'ed; freed here) into a set in 'a'. */
static air_status finish_set(air_cpset **out, air_arena *a, uint32_t (*r)[2],
                             size_t n)
{
    if (n > 0)
        qsort(r, n, sizeof *r, cmp_range);
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (m > 0 && r[i][0] <= r[m - 1][1] + 1) {
            if (r[i][1] > r[m - 1][1])
                r[m - 1][1] = r[i][1];
        } else {
            r[m][0] = r[i][0];
            r[m][1] = r[i][1];
            m++;
        }
    }
    air_cpset *set = air_arena_alloc(a, sizeof *set);
    if (set && m)
        set->r = air_arena_memdup(a, r, m * sizeof *r);
    free(r);
    if (set == NULL || (m && set->r == NULL))
        return AIR_ENOMEM;
    set->n = m;
    *out = set;
    return AIR_OK;
}

air_status air_cpset_union(air_cpset **out, air_arena *a,
                           const air_cpset *base, const uint32_t *cps,
                           size_t ncps)
{
    *out = NULL;
    size_t nb = base ? base->n : 0;
    uint32_t (*r)[2] = malloc((nb + ncps + 1) * sizeof *r);
    if (r == NULL)
        return AIR_ENOMEM;
    size_t n = 0;
    for (size_t i = 0; i < nb; i++, n++) {
        r[n][0] = base->r[i][0];
        r[n][1] = base->r[i][1];
    }
    for (size_t i = 0; i < ncps; i++, n++)
        r[n][0] = r[n][1] = cps[i];
    return finish_set(out, a, r, n);
}

/* ---- pattern lists ------------------------------------------------------- */

struct air_patterns {
    size_t n;
    pcre2_code **code;                /* interpreted */
    _Atomic(pcre2_code *) *jit;       /* JIT-compiled copies, once used */
    atomic_uint uses;                 /* matches run, up to JIT_AFTER + 1 */
    struct air_patterns *next_owned; /* the config's list, for freeing */
};

/* JIT-compiling costs about 110,000 instructions a pattern: with a hundred
 * patterns, more than all the matching a short document needs, and a
 * process per document pays it each time. So a list runs interpreted at
 * first and is JIT-compiled when it has run JIT_AFTER times, into copies
 * published atomically: a thread matching meanwhile uses the interpreted
 * code, never a code being compiled. */
enum { JIT_AFTER = 16 };

static void note_use(const air_patterns *cp)
{
    air_patterns *p = (air_patterns *)cp; /* arena memory, not const */
    if (atomic_load_explicit(&p->uses, memory_order_relaxed) > JIT_AFTER ||
        atomic_fetch_add_explicit(&p->uses, 1, memory_order_relaxed) !=
            JIT_AFTER)
        return;
    for (size_t i = 0; i < p->n; i++) {
        pcre2_code *c = pcre2_code_copy(p->code[i]);
        /* Without JIT (or memory), matching works the same, interpreted. */
        if (c != NULL && pcre2_jit_compile(c, PCRE2_JIT_COMPLETE) != 0) {
            pcre2_code_free(c);
            c = NULL;
        }
        atomic_store_explicit(&p->jit[i], c, memory_order_release);
    }
}

static pcre2_code *code_at(const air_patterns *cp, size_t i)
{
    air_patterns *p = (air_patterns *)cp;
    pcre2_code *c = atomic_load_explicit(&p->jit[i], memory_order_acquire);
    return c ? c : p->code[i];
}

air_status air_patterns_build(air_patterns **out, air_arena *a,
                              const air_cv *list, air_patterns **owned)
{
    *out = NULL;
    air_patterns *p = air_arena_alloc(a, sizeof *p);
    if (p == NULL)
        return AIR_ENOMEM;
    p->code = list->n ? air_arena_alloc(a, list->n * sizeof *p->code) : NULL;
    p->jit = list->n ? air_arena_alloc(a, list->n * sizeof *p->jit) : NULL;
    if (list->n && (p->code == NULL || p->jit == NULL))
        return AIR_ENOMEM;
    atomic_init(&p->uses, 0);
    for (size_t i = 0; i < list->n; i++)
        atomic_init(&p->jit[i], NULL);
    p->next_owned = *owned;
    *owned = p;
    for (const air_cv *v = list->first; v; v = v->next) {
        if (v->kind != AIR_CV_SCALAR)
            return air_error(AIR_ECONFIG, "%s:%u: expected a pattern, not "
                             "a list or mapping", v->file, v->line);
        int err = 0;
        PCRE2_SIZE off = 0;
        pcre2_code *c = pcre2_compile((PCRE2_SPTR)v->str, PCRE2_ZERO_TERMINATED,
                                      PCRE2_UTF | PCRE2_UCP,
                                      &err, &off, NULL);
        if (c == NULL) {
            PCRE2_UCHAR msg[256];
            pcre2_get_error_message(err, msg, sizeof msg);
            return air_error(AIR_ECONFIG, "%s:%u: bad pattern '%s' at "
                             "offset %zu: %s", v->file, v->line, v->str,
                             (size_t)off, (const char *)msg);
        }
        p->code[p->n++] = c;
    }
    *out = p;
    return AIR_OK;
}

void air_patterns_free_all(air_patterns *owned)
{
    for (air_patterns *p = owned; p; p = p->next_owned)
        for (size_t i = 0; i < p->n; i++) {
            pcre2_code_free(p->code[i]);
            pcre2_code_free(atomic_load(&p->jit[i]));
        }
}

/* Runs pattern i at 'from'; fills [*s, *e). Model text is valid UTF-8, so
 * the check is skipped. */
static bool run_one(pcre2_code *c, pcre2_match_data *md, const char *s,
                    size_t len, size_t from, size_t *ms, size_t *me,
                    uint32_t opts)
{
    int rc = pcre2_match(c, (PCRE2_SPTR)s, len, from,
                         PCRE2_NO_UTF_CHECK | opts, md, NULL);
    if (rc < 0)
        return false;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    *ms = ov[0];
    *me = ov[1];
    return true;
}

bool air_patterns_find(const air_patterns *p, const char *s, size_t len,
                       size_t from, size_t *mstart, size_t *mend)
{
    if (p == NULL || p->n == 0 || from > len)
        return false;
    note_use(p);
    bool found = false;
    size_t best_s = 0, best_e = 0;
    for (size_t i = 0; i < p->n; i++) {
        pcre2_match_data *md = pcre2_match_data_create_from_pattern(
            p->code[i], NULL);
        if (md == NULL)
            return false;
        size_t ms, me;
        if (run_one(code_at(p, i), md, s, len, from, &ms, &me, 0) &&
            (!found || ms < best_s || (ms == best_s && me > best_e))) {
            found = true;
            best_s = ms;
            best_e = me;
        }
        pcre2_match_data_free(md);
    }
    if (found) {
        *mstart = best_s;
        *mend = best_e;
    }
    return found;
}

/* One match data per thread, made on first use and kept until the thread
 * ends: the pattern lists of the line-break detector are matched at every
 * break of every document, and one pair of offsets is all these callers
 * read. A thread-specific key frees it (with PCRE2's frames) when a worker
 * thread exits. */
static pthread_key_t md_key;
static pthread_once_t md_once = PTHREAD_ONCE_INIT;
static bool md_key_ok;

static void md_free(void *md)
{
    pcre2_match_data_free(md);
}

static void md_key_make(void)
{
    md_key_ok = pthread_key_create(&md_key, md_free) == 0;
}

static pcre2_match_data *thread_md(void)
{
    if (pthread_once(&md_once, md_key_make) != 0 || !md_key_ok)
        return NULL;
    pcre2_match_data *md = pthread_getspecific(md_key);
    if (md == NULL) {
        md = pcre2_match_data_create(1, NULL);
        if (md != NULL && pthread_setspecific(md_key, md) != 0) {
            pcre2_match_data_free(md);
            md = NULL;
        }
    }
    return md;
}

bool air_patterns_any(const air_patterns *p, const char *s, size_t len)
{
    if (p == NULL || p->n == 0)
        return false;
    pcre2_match_data *md = thread_md();
    if (md == NULL)
        return false;
    note_use(p);
    for (size_t i = 0; i < p->n; i++) {
        int rc = pcre2_match(code_at(p, i), (PCRE2_SPTR)s, len, 0,
                             PCRE2_NO_UTF_CHECK, md, NULL);
        if (rc >= 0)
            return true; /* 0: matched, offsets not kept (one pair) */
    }
    return false;
}

bool air_patterns_match_all(const air_patterns *p, const char *s, size_t len)
{
    if (p == NULL)
        return false;
    note_use(p);
    for (size_t i = 0; i < p->n; i++) {
        pcre2_match_data *md = pcre2_match_data_create_from_pattern(
            p->code[i], NULL);
        if (md == NULL)
            return false;
        size_t ms, me;
        bool ok = run_one(code_at(p, i), md, s, len, 0, &ms, &me,
                          PCRE2_ANCHORED | PCRE2_ENDANCHORED);
        pcre2_match_data_free(md);
        if (ok)
            return true;
    }
    return false;
}
