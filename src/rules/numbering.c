/* numbering.c -- principle 4 (문서 내 개요번호, 항목번호 체계 유지): the
 * outline a reader rebuilds from item markers, and what breaks it. See
 * numbering.h for what is and is not reported.
 *
 * Model. Each list context (a section's body, a table cell, a text box)
 * has a stack of open levels, outermost first. An item whose marker has
 * the style of an open level continues it: deeper levels end, its value
 * is compared with the level's last one. An item of a new style opens a
 * level below the innermost one. Automatic numbering says its level
 * itself: an item of the same list continues the open level of its list
 * and level, or opens one below its list's parent level.
 *
 * Bounds: a context keeps at most MAX_LEVELS open levels and MAX_SEEN
 * remembered parent/child styles; at most MAX_CONTEXTS contexts nest
 * (cells in cells); deeper ones are not analysed. Nothing recurses. */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "rules/markers.h"
#include "rules/numbering.h"
#include "util/utf8.h"

enum {
    MAX_LEVELS = 12,
    MAX_SEEN = 48,
    MAX_CONTEXTS = 16,
    MAX_INLINE = 50, /* markers continued within one line: "① a ② b" */
    MAX_RECENT = 6,  /* closed levels remembered for interleaved lists */
    MAX_QUOTE = 8,   /* levels of a quoted statute */
    MK = 40          /* bytes of a formatted marker */
};

typedef struct item {
    const air_node *node;  /* the paragraph */
    uint32_t start, end;   /* marker bytes in its text; equal: automatic */
    air_marker m;
    int32_t last;          /* value after inline continuations */
    bool is_auto;
    uint32_t list_id;
    uint8_t list_level;
    bool opens;     /* it cites a statute's article: a quotation follows */
    bool in_quote;  /* a later line of a paragraph quoting a statute */
    bool announces; /* "다음 각 호": the items that follow are its children */
} item;

typedef struct level {
    air_mkstyle style;
    int32_t path[AIR_MARKER_MAX_DEPTH]; /* PATH: the last item's path */
    int32_t last;                       /* the last value */
    item last_item;
    bool plain_since; /* a paragraph or table since the last item */
    uint32_t open_epoch, last_epoch; /* context epochs: opened, last item */
    bool dup_slack;   /* after a duplicate v, v+2 continues too */
    bool is_auto;
    uint32_t list_id;
    uint8_t list_level;
    int profile_level;
    /* a gap waiting for the next item, so that 1, 3, 2 is one swap */
    bool gap_pending;
    int32_t gap_from;
    item gap_item;
    /* a list restarted at 1 after text, until the next item says whether
     * it was a new list (2) or the old one misnumbered (old + 2) */
    bool reset_pending;
    int32_t reset_from;
    item reset_item;
    /* after a style change, the other style continues the level too */
    bool has_alt;
    air_mkstyle alt;
} level;

typedef struct seen {
    air_mkstyle parent, child;
} seen;

typedef struct context {
    const air_node *container;
    uint32_t epoch; /* paragraphs or tables between items so far */
    int n;
    level lv[MAX_LEVELS];
    int nrecent; /* levels closed lately, newest last */
    level recent[MAX_RECENT];
    int nseen;
    seen s[MAX_SEEN];
    int announcer; /* the level of an item announcing its sub-list, -1 */
    /* A quoted statute (numbering: statutes:): its items stand at the
     * law's own levels, apart from the outline, which sees them as text.
     * qbase: the outline's levels open when it began. */
    bool quote, q_announced;
    int qbase, qn;
    int qtier[MAX_QUOTE];
    int32_t qlast[MAX_QUOTE];
} context;

/* An issue found by the pass, kept until its rule reports it. */
typedef struct issue {
    const air_node *node;
    uint32_t start, end;
    const char *ko, *en;
    struct issue *next;
} issue;

/* The pass runs once per document for 401-403 together (the first of them
 * to end runs it, through air_rule_shared) and keeps every issue by kind,
 * in the order found; each rule then reports its own kind. */
typedef struct issues {
    issue *head[AIR_NUM_STYLE + 1], *tail[AIR_NUM_STYLE + 1];
} issues;

typedef struct state {
    air_rule_ctx *ctx;
    const air_numbering *nb;
    issues *out;
    int n;
    context c[MAX_CONTEXTS];
} state;

/* ---- findings ---------------------------------------------------------- */

static void fmt(char *buf, const air_mkstyle *s, const int32_t *path,
                int32_t v)
{
    air_marker_format(buf, MK, s, path, v);
}

static const char *keep(state *st, const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = air_rule_alloc(st->ctx, n);
    if (p != NULL)
        memcpy(p, s, n);
    return p;
}

static void report(state *st, air_numissue kind, const item *it,
                   const char *ko, const char *en)
{
    issue *i = air_rule_alloc(st->ctx, sizeof *i);
    if (i == NULL || (i->ko = keep(st, ko)) == NULL ||
        (i->en = keep(st, en)) == NULL)
        return;
    i->node = it->node;
    i->start = it->start;
    i->end = it->end;
    if (st->out->tail[kind])
        st->out->tail[kind]->next = i;
    else
        st->out->head[kind] = i;
    st->out->tail[kind] = i;
}

/* "3." or "3.~5." for the values missing between two. */
static void missing(char *buf, size_t cap, const air_mkstyle *s,
                    const int32_t *path, int32_t from, int32_t to)
{
    char a[MK], b[MK];
    fmt(a, s, path, from);
    if (from == to) {
        snprintf(buf, cap, "%s", a);
        return;
    }
    fmt(b, s, path, to);
    snprintf(buf, cap, "%s~%s", a, b);
}

static void report_gap(state *st, const level *L)
{
    const item *g = &L->gap_item;
    char prev[MK], cur[MK], miss[2 * MK + 2], ko[256], en[256];
    fmt(prev, &L->style, g->m.path, L->gap_from);
    fmt(cur, &L->style, g->m.path, g->m.value);
    missing(miss, sizeof miss, &L->style, g->m.path, L->gap_from + 1,
            g->m.value - 1);
    bool many = g->m.value - L->gap_from > 2;
    snprintf(ko, sizeof ko, "%s 다음에 %s: %s 이 없습니다", prev, cur, miss);
    snprintf(en, sizeof en, "%s follows %s: %s %s missing", cur, prev, miss,
             many ? "are" : "is");
    report(st, AIR_NUM_SEQUENCE, g, ko, en);
}

static void flush_gap(state *st, level *L)
{
    if (L->gap_pending)
        report_gap(st, L);
    L->gap_pending = false;
}

/* ---- the stack of open levels -------------------------------------------- */

static void pop_to(state *st, context *c, int k)
{
    while (c->n > k + 1) {
        level *L = &c->lv[--c->n];
        flush_gap(st, L);
        if (L->style.kind != AIR_MK_NUMBER)
            continue;
        if (c->nrecent == MAX_RECENT) {
            memmove(c->recent, c->recent + 1,
                    (MAX_RECENT - 1) * sizeof *c->recent);
            c->nrecent--;
        }
        c->recent[c->nrecent++] = *L;
    }
}

/* After a heading or at a new part: nothing open, nothing to resume. */
static void clear_levels(state *st, context *c)
{
    pop_to(st, c, -1);
    c->nrecent = 0;
    c->quote = false;
    c->announcer = -1;
}

static void mark_plain(context *c)
{
    c->epoch++;
    for (int i = 0; i < c->n; i++)
        c->lv[i].plain_since = true;
}

static void set_last(context *c, level *L, const item *it)
{
    L->last_epoch = c->epoch;
    L->last = it->last;
    L->last_item = *it;
    memcpy(L->path, it->m.path, sizeof L->path);
    L->plain_since = false;
}

static level *push(context *c, const item *it, int profile_level)
{
    if (c->n >= MAX_LEVELS)
        return NULL;
    level *L = &c->lv[c->n++];
    memset(L, 0, sizeof *L);
    L->style = it->m.style;
    L->is_auto = it->is_auto;
    L->list_id = it->list_id;
    L->list_level = it->list_level;
    L->profile_level = profile_level;
    L->open_epoch = c->epoch;
    set_last(c, L, it);
    return L;
}

static bool same_prefix(const level *L, const item *it)
{
    for (unsigned i = 0; i + 1 < it->m.style.depth; i++)
        if (L->path[i] != it->m.path[i])
            return false;
    return true;
}

static bool continues(const level *L, const item *it)
{
    return it->m.value == L->last + 1 ||
           (L->dup_slack && it->m.value == L->last + 2);
}

/* A lone I, V or X where a list of letters expects that letter. */
static void letter_reading(context *c, item *it)
{
    if (it->m.letter_value == 0)
        return;
    uint8_t latin = it->m.style.sys == AIR_NS_ROMAN_UPPER
                        ? AIR_NS_LATIN_UPPER
                        : AIR_NS_LATIN_LOWER;
    for (int i = c->n - 1; i >= 0; i--) {
        const level *L = &c->lv[i];
        if (L->style.kind == AIR_MK_NUMBER && L->style.sys == latin &&
            L->style.form == it->m.style.form &&
            L->last + 1 == it->m.letter_value) {
            it->m.style.sys = latin;
            it->m.value = it->last = it->m.letter_value;
            return;
        }
    }
}

/* The open level an item of this style continues: the innermost one its
 * value continues, else the innermost of its style; -1 for none.
 * Automatic numbering of another list is taken only when the value
 * continues it or starts anew: two lists of one look interleaved (section
 * numbers and numbered paragraphs, both "1.") are each in order as the
 * reader counted them. */
static int find_style(const context *c, const item *it)
{
    int any = -1;
    for (int i = c->n - 1; i >= 0; i--) {
        const level *L = &c->lv[i];
        if (!air_mkstyle_equal(&L->style, &it->m.style) &&
            !(L->has_alt && air_mkstyle_equal(&L->alt, &it->m.style) &&
              continues(L, it)))
            continue;
        if (it->is_auto && L->is_auto && L->list_id != it->list_id &&
            !continues(L, it) && it->m.value != 1)
            continue;
        if (continues(L, it) &&
            (it->m.style.form != AIR_MF_PATH || same_prefix(L, it)))
            return i;
        if (any < 0)
            any = i;
    }
    return any;
}

/* Does the text of the level's last item hold the marker 'want' after
 * its own, as in "1. 근거: 1) 법 제3조" followed by a paragraph "2)"? */
static bool inline_has(const level *L, const char *want)
{
    const air_node *n = L->last_item.node;
    if (n == NULL || n->kind != AIR_NODE_PARA)
        return false;
    const char *t = n->u.para.text + L->last_item.end;
    return strstr(t, want) != NULL;
}

/* ---- the checks ---------------------------------------------------------- */

static void sequence(state *st, context *c, int k, const item *it)
{
    level *L = &c->lv[k];
    int32_t v = it->m.value, last = L->last;
    char prev[MK], cur[MK], want[MK], ko[256], en[256];

    if (L->reset_pending) {
        L->reset_pending = false;
        const item *r = &L->reset_item;
        if (v != last + 1 && v == L->reset_from + 2) {
            /* 1. (text) 1. (text) 3.: the second 1. stood for 2. */
            fmt(prev, &L->style, r->m.path, L->reset_from);
            fmt(cur, &L->style, r->m.path, r->m.value);
            fmt(want, &L->style, r->m.path, L->reset_from + 1);
            if (r->m.value == L->reset_from) {
                snprintf(ko, sizeof ko, "%s 다음에 또 %s: 번호가 겹칩니다 "
                         "(%s 이 와야 합니다)", prev, cur, want);
                snprintf(en, sizeof en, "%s follows %s again: duplicate "
                         "number (%s expected)", cur, prev, want);
            } else {
                snprintf(ko, sizeof ko, "%s 다음에 %s: 같은 수준에서 번호가 "
                         "다시 시작됩니다 (%s 이 와야 합니다)", prev, cur,
                         want);
                snprintf(en, sizeof en, "%s follows %s at the same level: "
                         "numbering restarts (%s expected)", cur, prev,
                         want);
            }
            report(st, AIR_NUM_SEQUENCE, r, ko, en);
            set_last(c, L, it);
            return;
        }
    }
    if (L->gap_pending) {
        const item *g = &L->gap_item;
        /* 1, 3, 2: the missing value comes right after: a swap */
        if (v == L->gap_from + 1 && last == L->gap_from + 2) {
            char a[MK];
            fmt(prev, &L->style, g->m.path, L->gap_from);
            fmt(a, &L->style, g->m.path, last);
            fmt(cur, &L->style, it->m.path, v);
            snprintf(ko, sizeof ko,
                     "%s 다음에 %s, 그 뒤에 %s: 번호 순서가 바뀌었습니다",
                     prev, a, cur);
            snprintf(en, sizeof en,
                     "%s follows %s and %s comes after it: swapped order",
                     a, prev, cur);
            report(st, AIR_NUM_SEQUENCE, g, ko, en);
            L->gap_pending = false;
            L->last_item = *it;
            L->plain_since = false;
            L->last_epoch = c->epoch;
            return;
        }
        flush_gap(st, L);
    }

    bool slack = L->dup_slack;
    L->dup_slack = false;
    if (v == last + 1 || (slack && v == last + 2)) {
        set_last(c, L, it);
        return;
    }
    fmt(prev, &L->style, L->path, last);
    fmt(cur, &it->m.style, it->m.path, v);
    fmt(want, &L->style, it->m.path, last + 1);
    if (v > last + 1) {
        set_last(c, L, it);
        L->gap_pending = true;
        L->gap_from = last;
        L->gap_item = *it;
        return;
    }
    if (L->plain_since && v == 1) {
        /* a new list after a paragraph or table may start anew; the next
         * item tells (see reset_pending above) */
        L->reset_pending = true;
        L->reset_from = last;
        L->reset_item = *it;
        set_last(c, L, it);
        return;
    }
    if (v == last) {
        snprintf(ko, sizeof ko,
                 "%s 다음에 또 %s: 번호가 겹칩니다 (%s 이 와야 합니다)", prev,
                 cur, want);
        snprintf(en, sizeof en,
                 "%s follows %s again: duplicate number (%s expected)", cur,
                 prev, want);
        report(st, AIR_NUM_SEQUENCE, it, ko, en);
        set_last(c, L, it);
        L->dup_slack = true;
        return;
    }
    if (v == 1) {
        snprintf(ko, sizeof ko,
                 "%s 다음에 %s: 같은 수준에서 번호가 다시 시작됩니다 "
                 "(%s 이 와야 합니다)", prev, cur, want);
        snprintf(en, sizeof en,
                 "%s follows %s at the same level: numbering restarts (%s "
                 "expected)", cur, prev, want);
        report(st, AIR_NUM_SEQUENCE, it, ko, en);
        /* Read it as the same style used one level down ("5. 과업내용"
         * then "1. ...", "2. ...", then "6."): the outer level stays
         * open and its next value still continues it. */
        push(c, it, L->profile_level);
        return;
    }
    snprintf(ko, sizeof ko,
             "%s 다음에 %s: 번호 순서가 어긋납니다 (%s 이 와야 합니다)", prev,
             cur, want);
    snprintf(en, sizeof en, "%s follows %s: out of order (%s expected)", cur,
             prev, want);
    report(st, AIR_NUM_SEQUENCE, it, ko, en);
    set_last(c, L, it);
}

/* A value far from the level's next one (3 missing, or 3 back): what an
 * interleaved list of one look shows, not a slip of one item. */
static bool far_off(const level *L, const item *it)
{
    return it->m.value > L->last + 3 || it->m.value < L->last - 2;
}

/* A closed level of the item's style whose value the item continues:
 * reopen it below the innermost open level. */
static bool resume(context *c, const item *it)
{
    for (int r = c->nrecent - 1; r >= 0; r--) {
        level *R = &c->recent[r];
        if (!air_mkstyle_equal(&R->style, &it->m.style) || !continues(R, it) ||
            (it->m.style.form == AIR_MF_PATH && !same_prefix(R, it)))
            continue;
        if (c->n >= MAX_LEVELS)
            return false;
        level *L = &c->lv[c->n++];
        *L = *R;
        memmove(c->recent + r, c->recent + r + 1,
                (size_t)(c->nrecent - r - 1) * sizeof *c->recent);
        c->nrecent--;
        L->dup_slack = false;
        set_last(c, L, it);
        return true;
    }
    return false;
}

/* An item continuing open level k. */
static void continue_level(state *st, context *c, int k, const item *it)
{
    level *L = &c->lv[k];
    /* A list starting anew after a paragraph or table, when an item was
     * opened since that paragraph ("3. 기대효과" / 목 차 / "Ⅰ." then
     * "1."): the new list belongs under that item; the old one stays. */
    if (it->m.style.kind == AIR_MK_NUMBER && it->m.value == 1 &&
        L->plain_since && L->last >= 2 && k + 1 < c->n &&
        c->lv[c->n - 1].open_epoch > L->last_epoch) {
        push(c, it, L->profile_level);
        return;
    }
    /* Two lists of one look interleaved (numbered section headings and
     * numbered paragraphs): a value that continues a level closed lately
     * resumes that list instead of breaking this one. */
    if (it->m.style.kind == AIR_MK_NUMBER && far_off(L, it) &&
        resume(c, it))
        return;
    pop_to(st, c, k);
    if (it->m.style.kind != AIR_MK_NUMBER) {
        set_last(c, L, it);
        return;
    }
    if (it->m.style.form == AIR_MF_PATH && !same_prefix(L, it)) {
        /* 1-2 then 2-1 without a 2 between them */
        char prev[MK], cur[MK], parent[MK], ko[256], en[256];
        air_mkstyle ps = it->m.style;
        ps.depth--;
        if (ps.depth == 1)
            ps.form = AIR_MF_PLAIN;
        fmt(prev, &L->style, L->path, L->last);
        fmt(cur, &it->m.style, it->m.path, it->m.value);
        fmt(parent, &ps, it->m.path, it->m.path[ps.depth - 1]);
        snprintf(ko, sizeof ko, "%s 다음에 %s: 그 사이에 %s 이 없습니다",
                 prev, cur, parent);
        snprintf(en, sizeof en, "%s follows %s: %s is missing between them",
                 cur, prev, parent);
        flush_gap(st, L);
        report(st, AIR_NUM_HIERARCHY, it, ko, en);
        set_last(c, L, it);
        return;
    }
    sequence(st, c, k, it);
}

/* 403: a new style continuing an open level's values ("1." then "2)").
 * Returns the level, or -1. */
static int style_change(state *st, context *c, const item *it)
{
    const air_mkstyle *s = &it->m.style;
    if (s->kind != AIR_MK_NUMBER || s->form == AIR_MF_OTHER ||
        it->m.value < 2)
        return -1;
    for (int i = c->n - 1; i >= 0; i--) {
        level *L = &c->lv[i];
        const air_mkstyle *ls = &L->style;
        if (ls->kind != AIR_MK_NUMBER || ls->sys != s->sys ||
            ls->form == AIR_MF_OTHER || !continues(L, it) ||
            (ls->form == AIR_MF_PATH) != (s->form == AIR_MF_PATH) ||
            (s->form == AIR_MF_PATH &&
             (ls->depth != s->depth || !same_prefix(L, it))))
            continue;
        char was[MK], cur[MK], want[MK], ko[256], en[256];
        fmt(want, s, it->m.path, it->m.value - 1);
        if (inline_has(L, want))
            return -1; /* its first item sits in the paragraph before */
        fmt(was, ls, L->path, L->last);
        fmt(cur, s, it->m.path, it->m.value);
        fmt(want, ls, it->m.path, it->m.value);
        snprintf(ko, sizeof ko,
                 "같은 수준에서 %s 다음에 %s: 번호 형식이 바뀝니다 "
                 "(%s 이 와야 합니다)", was, cur, want);
        snprintf(en, sizeof en,
                 "%s follows %s at the same level: the marker style changes "
                 "(%s expected)", cur, was, want);
        pop_to(st, c, i);
        flush_gap(st, L);
        report(st, AIR_NUM_STYLE, it, ko, en);
        /* the level goes on in either style: one finding per change */
        L->alt = *s;
        L->has_alt = true;
        set_last(c, L, it);
        return i;
    }
    return -1;
}

/* The innermost open level of the profile's numbered levels, or -1. */
static int profile_parent(const context *c)
{
    for (int i = c->n - 1; i >= 0; i--) {
        const level *L = &c->lv[i];
        if (L->style.kind != AIR_MK_NUMBER)
            continue; /* bullets between a number and its children */
        return L->profile_level >= 0 ? i : -1;
    }
    return -1;
}

/* The open level a path marker of style 's' hangs from: the innermost
 * path of smaller depth or plain/dotted decimal ("2", "2."); -1 for none. */
static int path_parent(const context *c, const air_mkstyle *s)
{
    for (int i = c->n - 1; i >= 0; i--) {
        const air_mkstyle *ls = &c->lv[i].style;
        if (ls->kind != AIR_MK_NUMBER || ls->sys != AIR_NS_DECIMAL)
            continue;
        if ((ls->form == AIR_MF_PATH && ls->depth < s->depth) ||
            ls->form == AIR_MF_PLAIN || ls->form == AIR_MF_DOT)
            return i;
    }
    return -1;
}

/* 402 for a path marker: 1-1-1 under 2 (it belongs under 1-1), or under
 * 1 (the 1-1 level is skipped). */
static bool path_hierarchy(state *st, const context *c, int j,
                           const item *it)
{
    const air_mkstyle *s = &it->m.style;
    const level *L = &c->lv[j];
    const air_mkstyle *ls = &L->style;
    char cur[MK], par[MK], miss[MK], ko[300], en[300];
    unsigned d = ls->form == AIR_MF_PATH ? ls->depth : 1;
    int32_t lpath[AIR_MARKER_MAX_DEPTH];
    memcpy(lpath, L->path, sizeof lpath);
    lpath[d - 1] = L->last;
    bool prefix_ok = true;
    for (unsigned k = 0; k < d; k++)
        if (lpath[k] != it->m.path[k])
            prefix_ok = false;
    if (d + 1 == s->depth && prefix_ok)
        return false;
    fmt(cur, s, it->m.path, it->m.value);
    fmt(par, ls, lpath, L->last);
    air_mkstyle want = *s;
    want.depth = (uint8_t)(s->depth - 1);
    if (want.depth == 1)
        want.form = AIR_MF_PLAIN;
    fmt(miss, &want, it->m.path, it->m.path[want.depth - 1]);
    if (d + 1 == s->depth || !prefix_ok) {
        snprintf(ko, sizeof ko,
                 "%s 이 %s 아래에 있습니다: %s 아래에 와야 합니다", cur, par,
                 miss);
        snprintf(en, sizeof en, "%s is under %s: it belongs under %s", cur,
                 par, miss);
    } else {
        snprintf(ko, sizeof ko, "%s 바로 아래에 %s: %s 수준이 빠졌습니다",
                 par, cur, miss);
        snprintf(en, sizeof en,
                 "%s directly under %s: the %s level is skipped", cur, par,
                 miss);
    }
    report(st, AIR_NUM_HIERARCHY, it, ko, en);
    return true;
}

/* 402 for a typed marker opening a level: the profile's order. Returns
 * true when it reported one. */
static bool hierarchy(state *st, context *c, const item *it, int pl)
{
    const air_mkstyle *s = &it->m.style;
    char cur[MK], par[MK], miss[MK], ko[300], en[300];
    fmt(cur, s, it->m.path, it->m.value);
    if (pl < 0 || s->kind != AIR_MK_NUMBER)
        return false;
    int p = profile_parent(c);
    if (p < 0)
        return false;
    const level *P = &c->lv[p];
    int pp = P->profile_level;
    const air_numbering *nb = st->nb;
    fmt(par, &P->style, P->path, P->last);
    if (pl > pp + 1) {
        fmt(miss, &nb->levels[pp + 1].style, NULL, 1);
        snprintf(ko, sizeof ko, "%s 바로 아래에 %s: %s 수준이 빠졌습니다",
                 par, cur, miss);
        snprintf(en, sizeof en,
                 "%s directly under %s: the %s level is skipped", cur, par,
                 miss);
        report(st, AIR_NUM_HIERARCHY, it, ko, en);
        return true;
    }
    if (pl < pp) {
        snprintf(ko, sizeof ko, "%s 아래에 %s: %s 은 %s 보다 상위 수준입니다",
                 par, cur, cur, par);
        snprintf(en, sizeof en, "%s under %s: %s is a higher level than %s",
                 cur, par, cur, par);
        report(st, AIR_NUM_HIERARCHY, it, ko, en);
        return true;
    }
    return false;
}

/* 403: the children of one kind of item written in two forms of one
 * numeral system ("1." → "가." in one place, "1." → "가)" in another). */
static void consistency(state *st, context *c, const item *it)
{
    if (c->n == 0 || it->is_auto || it->m.style.kind != AIR_MK_NUMBER)
        return;
    const level *P = &c->lv[c->n - 1];
    if (P->plain_since)
        return; /* text since the parent item: the parent is a guess */
    for (int i = 0; i < c->nseen; i++) {
        seen *sn = &c->s[i];
        if (!air_mkstyle_equal(&sn->parent, &P->style))
            continue;
        if (air_mkstyle_equal(&sn->child, &it->m.style))
            return;
        /* Another numeral system under the same kind of item is often a
         * different purpose (a list of chapters quoted under "1."), not
         * another way of writing the level: only forms of one system
         * ("가." and "가)") are compared. */
        if (sn->child.sys != it->m.style.sys)
            continue;
        /* "3-1." under "3." where "1)" was: a path names its level */
        if ((sn->child.form == AIR_MF_PATH) !=
            (it->m.style.form == AIR_MF_PATH))
            continue;
        char par[MK], was[MK], cur[MK], ko[300], en[300];
        fmt(par, &P->style, P->path, P->last);
        fmt(was, &sn->child, it->m.path, 1);
        fmt(cur, &it->m.style, it->m.path, it->m.value);
        snprintf(ko, sizeof ko,
                 "%s 아래 수준을 앞에서는 %s 형식으로, 여기서는 %s 형식으로 "
                 "썼습니다", par, was, cur);
        snprintf(en, sizeof en,
                 "the level under %s is written %s earlier and %s here", par,
                 was, cur);
        report(st, AIR_NUM_STYLE, it, ko, en);
        return;
    }
    if (c->nseen < MAX_SEEN) {
        c->s[c->nseen].parent = P->style;
        c->s[c->nseen].child = it->m.style;
        c->nseen++;
    }
}

/* An item opening a level below the innermost open one. */
static void open_level(state *st, context *c, const item *it)
{
    const air_mkstyle *s = &it->m.style;
    int pl = air_numbering_level(st->nb, s);
    if (s->kind == AIR_MK_NUMBER && s->form == AIR_MF_PATH) {
        /* a path says its parent: what is open below that ends here */
        int j = path_parent(c, s);
        if (j >= 0) {
            bool reported = path_hierarchy(st, c, j, it);
            pop_to(st, c, j);
            if (!reported)
                consistency(st, c, it);
        } else {
            int k = c->n - 1;
            while (k >= 0 && c->lv[k].style.kind == AIR_MK_NUMBER &&
                   c->lv[k].style.form == AIR_MF_PATH &&
                   c->lv[k].style.depth >= s->depth)
                k--;
            pop_to(st, c, k);
        }
        push(c, it, pl);
        return;
    }
    bool reported = hierarchy(st, c, it, s->kind == AIR_MK_NUMBER ? pl : -1);
    if (!reported)
        consistency(st, c, it);
    push(c, it, s->kind == AIR_MK_NUMBER ? pl : -1);
}

/* An item an open level takes by its style: it continues the level, or
 * continues its values in another style (403). False when none does. */
static bool by_style(state *st, context *c, const item *it)
{
    int k = find_style(c, it);
    if (k >= 0) {
        /* "13)" after "12." where a "1) 2)" list is open below: the level
         * above continues in another style rather than the list below
         * jumping; a duplicate or a single missing value stays below */
        const level *L = &c->lv[k];
        int32_t v = it->m.value;
        if (!continues(L, it) && v > L->last + 2 &&
            style_change(st, c, it) >= 0)
            return true;
        continue_level(st, c, k, it);
        return true;
    }
    return style_change(st, c, it) >= 0;
}

/* Automatic numbering opening a level below the innermost one: its list
 * placed it; a path it shows ("1.2") must still hang from its parent. */
static void open_auto(state *st, context *c, const item *it)
{
    const air_mkstyle *s = &it->m.style;
    if (s->kind == AIR_MK_NUMBER && s->form == AIR_MF_PATH) {
        int j = path_parent(c, s);
        if (j >= 0)
            path_hierarchy(st, c, j, it);
    }
    push(c, it, air_numbering_level(st->nb, s));
}

static void auto_item(state *st, context *c, const item *it)
{
    for (int i = c->n - 1; i >= 0; i--) {
        level *L = &c->lv[i];
        if (!L->is_auto || L->list_id != it->list_id)
            continue;
        if (L->list_level == it->list_level) {
            continue_level(st, c, i, it);
            return;
        }
        if (L->list_level < it->list_level) {
            /* numbered items of another list (or typed) opened below the
             * parent stand at the levels between: "2." (list A) then
             * "1.2" (list B) then "(i)" (list A, third level) */
            bool between = false;
            for (int j = i + 1; j < c->n; j++) {
                const level *B = &c->lv[j];
                if (B->style.kind == AIR_MK_NUMBER &&
                    !(B->is_auto && B->list_id == it->list_id))
                    between = true;
            }
            if (between) {
                open_auto(st, c, it);
                return;
            }
            pop_to(st, c, i);
            if (it->list_level > L->list_level + 1 &&
                it->m.style.kind == AIR_MK_NUMBER &&
                L->style.kind == AIR_MK_NUMBER) {
                char par[MK], cur[MK], ko[300], en[300];
                fmt(par, &L->style, L->path, L->last);
                fmt(cur, &it->m.style, it->m.path, it->m.value);
                snprintf(ko, sizeof ko,
                         "%s(%u수준) 바로 아래에 %s(%u수준): 중간 수준이 "
                         "빠졌습니다", par, L->list_level + 1u, cur,
                         it->list_level + 1u);
                snprintf(en, sizeof en,
                         "%s (level %u) directly under %s (level %u): a "
                         "level is skipped", cur, it->list_level + 1u, par,
                         L->list_level + 1u);
                report(st, AIR_NUM_HIERARCHY, it, ko, en);
            }
            push(c, it, -1);
            return;
        }
    }
    if (!by_style(st, c, it))
        open_auto(st, c, it);
}

/* ---- quoted statutes ------------------------------------------------------ */

/* The law's level of a style (항 ① 0, 호 1. 1, ...), or -1. */
static int statute_tier(const air_numbering *nb, const air_mkstyle *s)
{
    for (size_t i = 0; i < nb->nstatute_levels; i++)
        if (air_mkstyle_equal(&nb->statute_levels[i].style, s))
            return (int)i;
    return -1;
}

static void start_quote(context *c)
{
    c->quote = true;
    c->q_announced = false;
    c->qbase = c->n;
    c->qn = 0;
}

/* Is the item the quoted law's? Not when its style is none of the law's
 * levels or skips one of them. When the outline around the quote has an open level of its
 * style, the law's reading wins when the item continues a law level, was
 * announced ("다음 각 호"), starts a list, or skips items of an open law
 * level; an item continuing the outline ("4." after "3. 관련 법령") or
 * breaking it where no law list of its style is open ends the quote. */
static bool quoted(const state *st, const context *c, const item *it,
                   int t)
{
    if (it->opens || it->m.style.kind != AIR_MK_NUMBER || t < 0)
        return false;
    /* the law skips no level (a quote may begin at a 호) */
    if (t > (c->qn > 0 ? c->qtier[c->qn - 1] + 1 : 1))
        return false;
    if (it->in_quote)
        return true; /* the lines of one paragraph stay together */
    const level *outer = NULL;
    for (int i = 0; i < c->qbase && i < c->n; i++)
        if (air_mkstyle_equal(&c->lv[i].style, &it->m.style))
            outer = &c->lv[i];
    if (outer == NULL)
        return true;
    int q = -1;
    for (int i = 0; i < c->qn; i++)
        if (c->qtier[i] == t)
            q = i;
    if (q >= 0 && it->m.value == c->qlast[q] + 1)
        return true;
    if (c->q_announced || it->m.value == 1)
        return true;
    return q >= 0 && !continues(outer, it);
}

/* An item of the quoted law: its level ends the deeper ones; nothing is
 * checked (a quote gives the relevant 항 and 호 only). The outline sees
 * the quote as text. */
static void quote_item(context *c, const item *it, int t)
{
    int i = c->qn;
    while (i > 0 && c->qtier[i - 1] >= t)
        i--;
    if (i >= MAX_QUOTE)
        i = MAX_QUOTE - 1;
    c->qtier[i] = t;
    c->qlast[i] = it->last;
    c->qn = i + 1;
    c->q_announced = it->announces;
    mark_plain(c);
}

/* An item announced by the one before ("3. ... 다음 각 호의 요건" then
 * "1."): a child level even in the announcing item's style. */
static bool announced(state *st, context *c, const item *it)
{
    if (c->announcer < 0 || c->announcer >= c->n || it->is_auto ||
        it->m.style.kind != AIR_MK_NUMBER || it->m.value != 1)
        return false;
    int k = find_style(c, it);
    if (k < 0 || k > c->announcer)
        return false;
    pop_to(st, c, c->announcer);
    push(c, it, air_numbering_level(st->nb, &it->m.style));
    return true;
}

static void add_item(state *st, context *c, item *it)
{
    if (c->quote) {
        int t = statute_tier(st->nb, &it->m.style);
        if (quoted(st, c, it, t)) {
            quote_item(c, it, t);
            return;
        }
        c->quote = false;
    }
    if (announced(st, c, it)) {
        /* placed */
    } else if (it->is_auto) {
        auto_item(st, c, it);
    } else {
        letter_reading(c, it);
        if (!by_style(st, c, it))
            open_level(st, c, it);
    }
    c->announcer = it->announces ? c->n - 1 : -1;
    if (it->opens)
        start_quote(c);
}

/* ---- paragraphs ---------------------------------------------------------- */

/* "① a ② b ③ c" in one line: the value of the last marker continuing the
 * first one. Enclosed markers may stand anywhere; others need a space
 * before them. */
static int32_t inline_last(const air_marker *m, const char *s, size_t n)
{
    int32_t v = m->value;
    bool enclosed = m->style.form == AIR_MF_CIRCLED ||
                    m->style.form == AIR_MF_NEGATIVE ||
                    m->style.form == AIR_MF_DOUBLE;
    size_t from = m->end;
    for (int step = 0; step < MAX_INLINE && from < n; step++) {
        char want[MK];
        air_marker_format(want, sizeof want, &m->style, m->path, v + 1);
        size_t wl = strlen(want);
        const char *hit = NULL;
        for (size_t i = from; i + wl <= n; i++) {
            if (memcmp(s + i, want, wl) != 0)
                continue;
            if (!enclosed) {
                uint32_t before = 0, after = ' ';
                if (i == 0)
                    continue;
                air_utf8_decode_back(&before, s, i);
                if (i + wl < n)
                    air_utf8_decode(&after, s + i + wl, n - i - wl);
                if (!air_is_space(before) || !air_is_space(after))
                    continue;
            }
            hit = s + i;
            break;
        }
        if (hit == NULL)
            break;
        v++;
        from = (size_t)(hit - s) + wl;
    }
    return v;
}

static bool is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        i += air_utf8_decode(&cp, s + i, n - i);
        if (!air_is_space(cp) && cp != '\n')
            return false;
    }
    return true;
}

static bool matches(const air_patterns *p, const char *s, size_t n)
{
    size_t ms, me;
    return p && air_patterns_find(p, s, n, 0, &ms, &me) && ms == 0;
}

/* A table-of-contents line: a TOC style (toc 1, 목차 1) or a page number
 * at the end after a tab or dot leader (`numbering: contents:`). */
static bool is_contents(const air_numbering *nb, const air_para *p)
{
    static const char *const styles[] = { "toc", "목차", "차례",
                                          "contents", NULL };
    const char *names[2] = { p->style_name, p->style_id };
    for (int i = 0; i < 2; i++)
        for (int j = 0; names[i] && styles[j]; j++)
            if (strncasecmp(names[i], styles[j], strlen(styles[j])) == 0)
                return true;
    size_t ms, me;
    const char *nl = memchr(p->text, '\n', p->len);
    size_t n = nl ? (size_t)(nl - p->text) : p->len;
    return nb->contents &&
           air_patterns_find(nb->contents, p->text, n, 0, &ms, &me);
}

/* What an item's text says of the items after it: a statute's article
 * cited (a quotation follows) or a sub-list announced. 'line' is its
 * line, 'at' the end of its marker there. */
static void item_says(const air_numbering *nb, item *it, const char *line,
                      size_t ll, size_t at)
{
    size_t ms, me;
    const air_para *p = &it->node->u.para;
    it->opens = matches(nb->statutes, line + at, ll - at);
    it->announces =
        nb->announces && air_patterns_find(nb->announces, p->text + it->end,
                                           p->len - it->end, 0, &ms, &me);
}

static bool holds(const air_node *n, air_node_kind kind)
{
    for (const air_node *ch = n->first; ch; ch = ch->next)
        if (ch->kind == kind)
            return true;
    return false;
}

/* At most 30 characters besides spaces ("(단위 : 백만원)"). */
static bool is_short(const air_para *p)
{
    size_t n = 0;
    for (size_t i = 0; i < p->len && n <= 30;) {
        uint32_t cp;
        i += air_utf8_decode(&cp, p->text + i, p->len - i);
        if (!air_is_space(cp) && cp != '\n')
            n++;
    }
    return n <= 30;
}

/* A title right before a table, a short line (unit, note) or two
 * between them: the table's caption, not a heading of what follows. */
static bool captions_table(const air_node *n)
{
    int k = 0;
    for (const air_node *s = n->next; s && k < 3; s = s->next, k++) {
        if (s->kind == AIR_NODE_TABLE ||
            (s->kind == AIR_NODE_PARA && holds(s, AIR_NODE_TABLE)))
            return true;
        if (s->kind != AIR_NODE_PARA || !is_short(&s->u.para))
            return false;
    }
    return false;
}

/* Markers and nothing else on a line of a paragraph holding equations or
 * pictures: "(1) [equation] (2) [equation]" labels them, no list. */
static bool labels_only(const air_numbering *nb, const air_node *n,
                        const char *line, size_t ll, size_t at)
{
    if (!holds(n, AIR_NODE_OBJECT) && !holds(n, AIR_NODE_IMAGE))
        return false;
    for (int step = 0; step < MAX_INLINE; step++) {
        air_marker m;
        if (is_blank(line + at, ll - at))
            return true;
        if (!air_marker_parse(&m, nb, line + at, ll - at))
            return false;
        at += m.end;
    }
    return false;
}

static void para(state *st, context *c, const air_node *n)
{
    const air_para *p = &n->u.para;
    const air_numbering *nb = st->nb;
    if (is_contents(nb, p))
        return; /* it repeats a heading: transparent */
    item it;
    memset(&it, 0, sizeof it);
    it.node = n;
    if (p->list.kind != AIR_LIST_NONE &&
        air_marker_from_list(&it.m, nb, &p->list)) {
        it.is_auto = true;
        it.list_id = p->list.list_id;
        it.list_level = p->list.level;
        it.last = it.m.value;
        const char *nl = memchr(p->text, '\n', p->len);
        item_says(nb, &it, p->text, nl ? (size_t)(nl - p->text) : p->len,
                  0);
        if (p->heading > 0 || p->outline_level >= 0)
            c->quote = false; /* the document's own heading */
        add_item(st, c, &it);
        return;
    }
    const char *t = p->text;
    size_t len = p->len, off = 0;
    bool first = true, quoting = false;
    if (is_blank(t, len)) {
        /* an image, equation or shape on a line of its own stands between
         * two lists as a paragraph does; an empty paragraph does not */
        for (const air_node *ch = n->first; ch; ch = ch->next)
            if (ch->kind == AIR_NODE_IMAGE || ch->kind == AIR_NODE_OBJECT ||
                ch->kind == AIR_NODE_TEXTBOX) {
                mark_plain(c);
                break;
            }
        return;
    }
    while (off <= len) {
        const char *nl = memchr(t + off, '\n', len - off);
        size_t end = nl ? (size_t)(nl - t) : len;
        const char *line = t + off;
        size_t ll = end - off;
        size_t sp = 0;
        while (sp < ll) {
            uint32_t cp;
            size_t k = air_utf8_decode(&cp, line + sp, ll - sp);
            if (!air_is_space(cp))
                break;
            sp += k;
        }
        if (sp < ll) {
            air_marker m;
            if (c->quote && matches(nb->statute_articles, line, ll)) {
                /* another article of the quoted law: still quoted */
                c->qn = 0;
                c->q_announced = false;
                if (first)
                    mark_plain(c);
            } else if (first && matches(nb->parts, line, ll)) {
                clear_levels(st, c);
                c->nseen = 0;
            } else if (first && matches(nb->headings, line, ll)) {
                if (captions_table(n))
                    mark_plain(c);
                else
                    clear_levels(st, c);
            } else if (air_marker_parse(&m, nb, line, ll)) {
                if (labels_only(nb, n, line, ll, m.end)) {
                    if (first)
                        mark_plain(c);
                } else if (m.style.kind != AIR_MK_NOTE) {
                    memset(&it, 0, sizeof it);
                    it.node = n;
                    it.m = m;
                    it.start = (uint32_t)off + m.start;
                    it.end = (uint32_t)off + m.end;
                    it.last = m.style.kind == AIR_MK_NUMBER
                                  ? inline_last(&m, line, ll)
                                  : m.value;
                    item_says(nb, &it, line, ll, m.end);
                    it.in_quote = !first && quoting;
                    if (first && (p->heading > 0 || p->outline_level >= 0))
                        c->quote = false; /* the document's own heading */
                    add_item(st, c, &it);
                }
            } else if (first && (p->heading > 0 || p->outline_level >= 0)) {
                clear_levels(st, c);
            } else {
                if (first)
                    mark_plain(c);
                /* text citing an article with its title quotes it; a
                 * later line without a marker goes on with its item */
                if (matches(nb->statutes, line, ll))
                    start_quote(c);
            }
            if (first)
                quoting = c->quote;
        }
        first = false;
        if (nl == NULL)
            break;
        off = end + 1;
    }
}

/* ---- contexts ------------------------------------------------------------ */

static const air_node *container_of(const air_node *n)
{
    for (const air_node *a = n->parent; a; a = a->parent)
        if (a->kind == AIR_NODE_CELL || a->kind == AIR_NODE_TEXTBOX ||
            a->kind == AIR_NODE_SECTION || a->kind == AIR_NODE_DOC)
            return a;
    return n;
}

static bool is_ancestor(const air_node *a, const air_node *n)
{
    for (const air_node *p = n; p; p = p->parent)
        if (p == a)
            return true;
    return false;
}

static void end_context(state *st)
{
    context *c = &st->c[--st->n];
    clear_levels(st, c);
}

/* The context of 'container', ending the ones the walk has left; NULL
 * past the nesting bound. */
static context *context_for(state *st, const air_node *container)
{
    while (st->n > 0 && st->c[st->n - 1].container != container &&
           !is_ancestor(st->c[st->n - 1].container, container))
        end_context(st);
    if (st->n > 0 && st->c[st->n - 1].container == container)
        return &st->c[st->n - 1];
    if (st->n >= MAX_CONTEXTS)
        return NULL;
    context *c = &st->c[st->n++];
    c->container = container;
    c->n = 0;
    c->epoch = 0;
    c->nseen = 0;
    c->nrecent = 0;
    c->announcer = -1;
    c->quote = false;
    c->qn = 0;
    return c;
}

static bool wanted_story(const air_node *n)
{
    return n->story == AIR_STORY_MAIN || n->story == AIR_STORY_TEXTBOX;
}

static void analyse(air_rule_ctx *ctx, const air_doc *doc, issues *out)
{
    state *st = air_rule_alloc(ctx, sizeof *st);
    if (st == NULL)
        return;
    st->ctx = ctx;
    st->nb = air_rule_numbering(ctx);
    st->out = out;
    for (const air_node *n = doc->root; n;
         n = air_node_next_preorder(n, doc->root)) {
        if (n->kind != AIR_NODE_PARA && n->kind != AIR_NODE_TABLE)
            continue;
        if (!wanted_story(n))
            continue;
        context *c = context_for(st, container_of(n));
        if (c == NULL)
            continue;
        if (n->kind == AIR_NODE_TABLE)
            mark_plain(c); /* a table between lists: they may restart */
        else
            para(st, c, n);
    }
    while (st->n > 0)
        end_context(st);
}

void air_numbering_check(air_rule_ctx *ctx, const air_doc *doc,
                         air_numissue want)
{
    static const char key;
    bool fresh;
    issues *all = air_rule_shared(ctx, &key, sizeof *all, &fresh);
    if (all == NULL)
        return;
    if (fresh)
        analyse(ctx, doc, all);
    for (const issue *i = all->head[want]; i; i = i->next) {
        air_finding *f = air_finding_add(ctx, i->node);
        if (i->end > i->start)
            air_finding_range(f, i->start, i->end);
        air_msg(f, "%s%.0s", "%.0s%s", i->ko, i->en);
    }
}
