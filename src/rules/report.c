/* report.c -- findings: how rules build them, and what the engine does
 * once the walk is over (order, snippets, fingerprints).
 *
 * Every string of a finding is copied into the report's arena, so a report
 * outlives its document (a batch frees each document as soon as it is
 * checked). Rule descriptors and texts are borrowed from the
 * configuration. */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "rules/engine.h"
#include "util/buf.h"
#include "util/utf8.h"

air_report *air_report_new(void)
{
    air_report *r = calloc(1, sizeof *r);
    return r;
}

void air_report_free(air_report *r)
{
    if (r == NULL)
        return;
    free(r->v);
    air_arena_free(&r->arena);
    free(r);
}

size_t air_report_count(const air_report *r)
{
    return r ? r->n : 0;
}

const air_finding *air_report_finding(const air_report *r, size_t i)
{
    return r && i < r->n ? &r->v[i]->f : NULL;
}

air_severity air_report_max_severity(const air_report *r)
{
    return r ? r->max : AIR_SEV_NONE;
}

size_t air_report_dropped(const air_report *r)
{
    return r ? r->dropped : 0;
}

static void set_loc(air_location *l, const air_node *n)
{
    memset(l, 0, sizeof *l);
    if (n->kind == AIR_NODE_DOC)
        return; /* the whole document: no story, no position */
    l->story = air_story_name((air_story)n->story);
    l->section = n->loc.section;
    l->para = n->kind == AIR_NODE_TABLE && n->parent &&
                      n->parent->kind != AIR_NODE_PARA
                  ? 0
                  : n->loc.para;
    l->table = n->loc.table;
    l->row = n->loc.row;
    l->col = n->loc.col;
}

air_finding *air_report_add(air_report *r, const air_rule_info *rule,
                            const air_node *n)
{
    air_xfinding *x = air_report_push(r, rule);
    if (x == NULL)
        return NULL;
    x->node = n;
    set_loc(&x->f.loc, n);
    return &x->f;
}

air_xfinding *air_report_push(air_report *r, const air_rule_info *rule)
{
    if (r->n >= AIR_MAX_FINDINGS) {
        r->dropped++;
        return NULL;
    }
    if (r->n == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 16;
        air_xfinding **v = realloc(r->v, cap * sizeof *v);
        if (v == NULL) {
            r->status = AIR_ENOMEM;
            return NULL;
        }
        r->v = v;
        r->cap = cap;
    }
    air_xfinding *x = air_arena_alloc(&r->arena, sizeof *x);
    if (x == NULL) {
        r->status = AIR_ENOMEM;
        return NULL;
    }
    x->f.rule = rule;
    x->f.severity = rule->severity;
    x->f.message[AIR_LANG_KO] = x->f.message[AIR_LANG_EN] = "";
    x->f.snippet = "";
    x->f.fingerprint = "";
    x->report = r;
    x->seq = (uint32_t)r->n;
    r->v[r->n++] = x;
    return x;
}

static air_report *owner(const air_finding *f)
{
    return ((const air_xfinding *)f)->report;
}

void air_finding_range(air_finding *f, uint32_t start, uint32_t end)
{
    if (f == NULL)
        return;
    air_xfinding *x = (air_xfinding *)f;
    if (x->node->kind != AIR_NODE_PARA)
        return;
    uint32_t len = x->node->u.para.len;
    if (start > len)
        start = len;
    if (end < start)
        end = start;
    if (end > len)
        end = len;
    f->loc.start = start;
    f->loc.end = end;
    x->has_range = true;
}

void air_finding_loc(air_finding *f, const air_node *where)
{
    if (f == NULL || where == NULL)
        return;
    uint32_t s = f->loc.start, e = f->loc.end;
    set_loc(&f->loc, where);
    f->loc.start = s;
    f->loc.end = e;
}

static const char *vformat(air_report *r, const char *fmt, va_list ap)
{
    air_buf b = AIR_BUF_INIT;
    if (air_buf_vprintf(&b, fmt, ap) != AIR_OK) {
        air_buf_free(&b);
        return NULL;
    }
    const char *s = air_arena_strndup(&r->arena, air_buf_cstr(&b), b.len);
    air_buf_free(&b);
    return s;
}

void air_finding_msg_(air_finding *f, const char *ko, const char *en, ...)
{
    if (f == NULL)
        return;
    air_report *r = owner(f);
    va_list ap, ap2;
    va_start(ap, en);
    va_copy(ap2, ap);
    const char *k = vformat(r, ko, ap);
    const char *e = vformat(r, en, ap2);
    va_end(ap2);
    va_end(ap);
    if (k == NULL || e == NULL) {
        r->status = AIR_ENOMEM;
        return;
    }
    f->message[AIR_LANG_KO] = k;
    f->message[AIR_LANG_EN] = e;
}

void air_finding_severity(air_finding *f, air_severity sev)
{
    if (f && sev >= AIR_SEV_INFO && sev < f->severity)
        f->severity = sev;
}

void air_finding_count(air_finding *f, uint32_t count)
{
    if (f == NULL)
        return;
    f->count = count;
    ((air_xfinding *)f)->count_set = true;
}

/* One line, at most AIR_SNIPPET_CHARS code points of s[0..n), with "…"
 * where text was cut ('cut_before' when s does not start the text). */
static const char *make_snippet(air_report *r, const char *s, size_t n,
                                bool cut_before)
{
    size_t keep = air_utf8_prefix(s, n, AIR_SNIPPET_CHARS);
    bool cut_after = keep < n;
    air_buf b = AIR_BUF_INIT;
    air_status rc = AIR_OK;
    if (cut_before)
        rc = air_buf_adds(&b, "…");
    for (size_t i = 0; i < keep && rc == AIR_OK; i++) {
        char c = s[i];
        rc = air_buf_addc(&b, c == '\n' || c == '\t' ? ' ' : c);
    }
    if (cut_after && rc == AIR_OK)
        rc = air_buf_adds(&b, "…");
    const char *out = rc == AIR_OK ? air_arena_strndup(&r->arena,
                                                       air_buf_cstr(&b), b.len)
                                   : NULL;
    air_buf_free(&b);
    if (out == NULL)
        r->status = AIR_ENOMEM;
    return out ? out : "";
}

void air_finding_snippet(air_finding *f, const char *s, size_t n)
{
    if (f == NULL)
        return;
    f->snippet = make_snippet(owner(f), s, n, false);
    ((air_xfinding *)f)->snippet_set = true;
}

air_finding_item *air_finding_item_add(air_finding *f, const char *text,
                                       size_t len)
{
    if (f == NULL)
        return NULL;
    air_report *r = owner(f);
    air_xfinding *x = (air_xfinding *)f;
    air_xitem *it = air_arena_alloc(&r->arena, sizeof *it);
    const char *t = text ? air_arena_strndup(&r->arena, text, len) : NULL;
    if (it == NULL || (text && t == NULL)) {
        r->status = AIR_ENOMEM;
        return NULL;
    }
    it->item.text = t;
    it->item.count = 1;
    if (x->items_last)
        x->items_last->next = it;
    else
        x->items = it;
    x->items_last = it;
    f->nitems++;
    return &it->item;
}

void air_finding_char(air_finding *f, uint32_t cp, const char *font)
{
    if (f == NULL)
        return;
    air_xfinding *x = (air_xfinding *)f;
    for (air_xitem *it = x->items; it; it = it->next) {
        const char *itf = it->item.font;
        if (it->item.code == cp &&
            ((itf == NULL && font == NULL) ||
             (itf && font && strcmp(itf, font) == 0))) {
            it->item.count++;
            return;
        }
    }
    char u[4];
    size_t n = air_utf8_encode(u, cp);
    air_finding_item *item = air_finding_item_add(f, u, n);
    if (item == NULL)
        return;
    item->code = cp;
    if (font) {
        item->font = air_arena_strdup(&owner(f)->arena, font);
        if (item->font == NULL)
            owner(f)->status = AIR_ENOMEM;
    }
}

/* ---- finishing ----------------------------------------------------------- */

/* Pre-order index of every node that has a finding: one walk over the
 * tree with a small open-addressing table of those nodes, so the cost is
 * O(nodes + findings) and memory follows the findings, not the tree. */
typedef struct node_slot {
    const air_node *node;
    uint64_t order;
} node_slot;

static size_t slot_of(const node_slot *t, size_t mask, const air_node *n)
{
    size_t h = ((uintptr_t)n >> 4) * 0x9E3779B97F4A7C15ull;
    size_t i = h & mask;
    while (t[i].node != NULL && t[i].node != n)
        i = (i + 1) & mask;
    return i;
}

static air_status assign_order(air_report *r, const air_doc *doc)
{
    size_t size = 16;
    while (size < r->n * 2 + 2)
        size *= 2;
    node_slot *t = calloc(size, sizeof *t);
    if (t == NULL)
        return AIR_ENOMEM;
    size_t mask = size - 1;
    for (size_t i = 0; i < r->n; i++)
        t[slot_of(t, mask, r->v[i]->node)].node = r->v[i]->node;
    uint64_t k = 0;
    for (const air_node *n = doc->root; n;
         n = air_node_next_preorder(n, doc->root)) {
        size_t s = slot_of(t, mask, n);
        if (t[s].node == n)
            t[s].order = k;
        k++;
    }
    for (size_t i = 0; i < r->n; i++)
        r->v[i]->order = t[slot_of(t, mask, r->v[i]->node)].order;
    free(t);
    return AIR_OK;
}

static const air_node *first_text(const air_node *root)
{
    for (const air_node *n = root; n; n = air_node_next_preorder(n, root))
        if (n->kind == AIR_NODE_PARA && n->u.para.len > 0) {
            const char *s = n->u.para.text;
            size_t i = 0;
            while (s[i] == ' ' || s[i] == '\t' || s[i] == '\n')
                i++;
            if (s[i] != '\0')
                return n;
        }
    return NULL;
}

static void default_snippet(air_report *r, air_xfinding *x)
{
    const air_node *n = x->node;
    if (n->kind == AIR_NODE_PARA) {
        const air_para *p = &n->u.para;
        size_t from = 0;
        if (x->has_range) {
            /* A little context before the range. */
            size_t back = air_utf8_suffix(p->text, x->f.loc.start, 20);
            from = back;
        }
        x->f.snippet = make_snippet(r, p->text + from, p->len - from,
                                    from > 0);
        return;
    }
    if (n->kind == AIR_NODE_DOC)
        return;
    const air_node *t = first_text(n);
    if (t)
        x->f.snippet = make_snippet(r, t->u.para.text, t->u.para.len, false);
}

/* 64-bit FNV-1a: small, fast, and stable across platforms. */
static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
    const unsigned char *s = p;
    for (size_t i = 0; i < n; i++) {
        h ^= s[i];
        h *= 0x100000001b3ull;
    }
    return h;
}

static uint64_t fnv_str(uint64_t h, const char *s)
{
    return fnv(h, s ? s : "", (s ? strlen(s) : 0) + 1);
}

static uint64_t fnv_u32(uint64_t h, uint32_t v)
{
    unsigned char b[4] = { (unsigned char)v, (unsigned char)(v >> 8),
                           (unsigned char)(v >> 16), (unsigned char)(v >> 24) };
    return fnv(h, b, 4);
}

/* The content a finding is about: its paragraph's text, or every text of
 * its table or container, plus the table's shape. Positions never enter,
 * so a finding keeps its fingerprint when text is added elsewhere. */
/* The hash of rule and text, kept for the next finding: findings come in
 * document order, and one paragraph may hold many (a numbered line each),
 * so hashing its text once keeps the report linear in the text. */
typedef struct hash_memo {
    const air_node *node;
    const air_rule_info *rule;
    uint64_t h;
} hash_memo;

static uint64_t content_hash(const air_xfinding *x, hash_memo *memo)
{
    uint64_t h;
    const air_node *root = x->node;
    if (memo->node == root && memo->rule == x->f.rule) {
        h = memo->h;
    } else {
        h = fnv_str(0xcbf29ce484222325ull, x->f.rule->id);
        if (root->kind != AIR_NODE_DOC) {
            for (const air_node *n = root; n;
                 n = air_node_next_preorder(n, root)) {
                if (n->kind == AIR_NODE_PARA)
                    h = fnv(h, n->u.para.text, n->u.para.len + 1);
                else if (n->kind == AIR_NODE_TABLE)
                    h = fnv_u32(fnv_u32(h, n->u.table.rows),
                                n->u.table.cols);
            }
        }
        memo->node = root;
        memo->rule = x->f.rule;
        memo->h = h;
    }
    for (const air_xitem *it = x->items; it; it = it->next) {
        const air_finding_item *i = &it->item;
        h = fnv_str(h, i->text);
        h = fnv_u32(h, i->code);
        h = fnv_u32(h, i->count);
        h = fnv_u32(fnv_u32(h, i->row), i->col);
        h = fnv_u32(fnv_u32(h, i->rowspan), i->colspan);
        h = fnv_str(h, i->font);
    }
    return h;
}

static int cmp_finding(const void *a, const void *b)
{
    const air_xfinding *x = *(air_xfinding *const *)a;
    const air_xfinding *y = *(air_xfinding *const *)b;
    if (x->order != y->order)
        return x->order < y->order ? -1 : 1;
    if (x->f.loc.start != y->f.loc.start)
        return x->f.loc.start < y->f.loc.start ? -1 : 1;
    if (x->f.rule->number != y->f.rule->number)
        return x->f.rule->number < y->f.rule->number ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

typedef struct fp_slot {
    uint64_t h;
    uint32_t seen;
    bool used;
} fp_slot;

static air_status fingerprints(air_report *r)
{
    size_t size = 16;
    while (size < r->n * 2 + 2)
        size *= 2;
    fp_slot *t = calloc(size, sizeof *t);
    if (t == NULL)
        return AIR_ENOMEM;
    hash_memo memo = { NULL, NULL, 0 };
    for (size_t i = 0; i < r->n; i++) {
        air_xfinding *x = r->v[i];
        uint64_t h = content_hash(x, &memo);
        size_t s = (size_t)(h * 0x9E3779B97F4A7C15ull) & (size - 1);
        while (t[s].used && t[s].h != h)
            s = (s + 1) & (size - 1);
        t[s].used = true;
        t[s].h = h;
        uint32_t k = ++t[s].seen;
        /* The k-th finding with the same content (in document order). */
        uint64_t fp = k == 1 ? h : fnv_u32(h, k);
        char hex[17];
        snprintf(hex, sizeof hex, "%016llx", (unsigned long long)fp);
        x->f.fingerprint = air_arena_strdup(&r->arena, hex);
        if (x->f.fingerprint == NULL) {
            free(t);
            return AIR_ENOMEM;
        }
    }
    free(t);
    return AIR_OK;
}

air_status air_report_finish(air_report *r, const air_doc *doc)
{
    if (r->status != AIR_OK)
        return r->status;
    for (size_t i = 0; i < r->n; i++) {
        air_xfinding *x = r->v[i];
        if (x->f.nitems) {
            air_finding_item *arr =
                air_arena_alloc(&r->arena, x->f.nitems * sizeof *arr);
            if (arr == NULL)
                return AIR_ENOMEM;
            size_t k = 0;
            uint32_t total = 0;
            for (air_xitem *it = x->items; it; it = it->next) {
                arr[k++] = it->item;
                total += it->item.count;
            }
            x->f.items = arr;
            if (!x->count_set)
                x->f.count = total;
        }
        if (!x->count_set && x->f.nitems == 0)
            x->f.count = 1;
        if (!x->snippet_set)
            default_snippet(r, x);
    }
    air_status rc = assign_order(r, doc);
    if (rc != AIR_OK)
        return rc;
    if (r->n > 1)
        qsort(r->v, r->n, sizeof *r->v, cmp_finding);
    rc = fingerprints(r);
    if (rc != AIR_OK)
        return rc;
    for (size_t i = 0; i < r->n; i++) {
        r->v[i]->node = NULL; /* the document may go now */
        if (r->v[i]->f.severity > r->max)
            r->max = r->v[i]->f.severity;
    }
    return r->status;
}

/* ---- after the check ------------------------------------------------------ */

void air_report_filter(air_report *r,
                       int (*keep)(const air_finding *f, void *ctx),
                       void *ctx)
{
    if (r == NULL)
        return;
    size_t k = 0;
    r->max = AIR_SEV_NONE;
    for (size_t i = 0; i < r->n; i++) {
        if (!keep(&r->v[i]->f, ctx))
            continue;
        r->v[k++] = r->v[i];
        if (r->v[i]->f.severity > r->max)
            r->max = r->v[i]->f.severity;
    }
    r->n = k;
}

uint64_t air_report_weight(const air_report *r)
{
    static const unsigned weight[4] = { 0, 1, 2, 4 };
    uint64_t w = 0;
    for (size_t i = 0; r && i < r->n; i++)
        w += weight[r->v[i]->f.severity & 3];
    return w;
}
