/* symscan.c -- principle 2: the paragraph scan shared by the symbol rules
 * 201 arrow-symbol, 202 decorative-symbol and 203 emoji.
 *
 * False positives cost as much trust as misses, so three things are never
 * reported:
 *   - characters of the allow-list (`symbols: allow:`);
 *   - an item marker (`symbols: item-markers:`, the official □ ○ ◦ - · ㆍ
 *     • ※) at the start of an item: the paragraph, or a line after a
 *     manual break, after any leading spaces;
 *   - characters inside a match of `symbols: ignore:` (masked names such
 *     as 홍○동, blanks □□□, check-box groups in forms, marks alone in a
 *     table cell).
 * A finding is one per paragraph and rule, naming every character with
 * its exact count: the paragraph is what a person edits, and the count
 * keeps totals exact. */
#include "config.h"

#include <string.h>

#include "rules/rule.h"
#include "util/buf.h"
#include "util/utf8.h"

bool air_is_space(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == 0xA0 ||
           (cp >= 0x2000 && cp <= 0x200B) || cp == 0x3000 || cp == 0xFEFF;
}

/* Distinct characters listed per finding; a paragraph with more distinct
 * symbols than this is already a finding, and the count stays exact. */
enum { MAX_DISTINCT = 64, MAX_IGNORED = 256, LIST_SHOWN = 8 };

typedef struct tally {
    uint32_t cp, count;
} tally;

/* The ignore-pattern matches of one paragraph, found on first need. */
typedef struct ignored {
    bool done;
    size_t n;
    uint32_t r[MAX_IGNORED][2];
} ignored;

static void find_ignored(ignored *ig, const air_patterns *pat,
                         const char *s, size_t len)
{
    ig->done = true;
    size_t from = 0, ms, me;
    while (ig->n < MAX_IGNORED && from <= len &&
           air_patterns_find(pat, s, len, from, &ms, &me)) {
        if (me > ms) {
            ig->r[ig->n][0] = (uint32_t)ms;
            ig->r[ig->n][1] = (uint32_t)me;
            ig->n++;
        }
        /* Go on after the match; an empty match moves one character. */
        if (me > from)
            from = me;
        else if (from < len)
            from += air_utf8_decode(&(uint32_t){ 0 }, s + from, len - from);
        else
            break;
    }
}

static bool is_ignored(const ignored *ig, size_t off)
{
    for (size_t i = 0; i < ig->n; i++)
        if (off >= ig->r[i][0] && off < ig->r[i][1])
            return true;
    return false;
}

/* "→ (U+2192) ×2, ⇒ (U+21D2) ×1": the same in every language. */
static void list_chars(air_buf *b, const tally *t, size_t n)
{
    for (size_t i = 0; i < n && i < LIST_SHOWN; i++) {
        char u[4];
        size_t k = air_utf8_encode(u, t[i].cp);
        air_buf_printf(b, "%s%.*s (U+%04X) ×%u", i ? ", " : "", (int)k, u,
                       (unsigned)t[i].cp, (unsigned)t[i].count);
    }
    if (n > LIST_SHOWN)
        air_buf_printf(b, ", … +%zu", n - LIST_SHOWN);
}

air_finding *air_symbols_scan(air_rule_ctx *ctx, const air_node *para,
                              air_symclass cls, uint32_t *count,
                              air_buf *list)
{
    const air_para *p = &para->u.para;
    const air_symbols *sym = air_rule_symbols(ctx);
    static _Thread_local ignored ig; /* large: not on the stack */
    ig.done = false;
    ig.n = 0;
    tally t[MAX_DISTINCT];
    size_t nt = 0;
    uint32_t total = 0, first = 0, last = 0;
    bool item_start = true;

    for (size_t i = 0; i < p->len;) {
        uint32_t cp;
        size_t k = air_utf8_decode(&cp, p->text + i, p->len - i);
        size_t off = i;
        i += k;
        if (cp == '\n') {
            item_start = true;
            continue;
        }
        if (air_is_space(cp))
            continue;
        bool at_start = item_start;
        item_start = false;
        if (air_symbols_classify(sym, cp) != cls ||
            air_cpset_has(sym->allow, cp) ||
            (at_start && air_cpset_has(sym->item_markers, cp)))
            continue;
        if (!ig.done)
            find_ignored(&ig, sym->ignore, p->text, p->len);
        if (is_ignored(&ig, off))
            continue;
        if (total == 0)
            first = (uint32_t)off;
        last = (uint32_t)i;
        total++;
        size_t j = 0;
        while (j < nt && t[j].cp != cp)
            j++;
        if (j == nt && nt < MAX_DISTINCT)
            t[nt++] = (tally){ cp, 0 };
        if (j < nt)
            t[j].count++;
        else
            t[MAX_DISTINCT - 1].count++; /* keep the total exact */
    }
    *count = total;
    if (total == 0)
        return NULL;

    air_finding *f = air_finding_add(ctx, para);
    air_finding_range(f, first, last);
    for (size_t j = 0; j < nt; j++) {
        char u[4];
        size_t k = air_utf8_encode(u, t[j].cp);
        air_finding_item *it = air_finding_item_add(f, u, k);
        if (it) {
            it->code = t[j].cp;
            it->count = t[j].count;
        }
    }
    air_finding_count(f, total);
    list_chars(list, t, nt);
    return f;
}
