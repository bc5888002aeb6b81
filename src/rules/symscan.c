/* symscan.c -- principle 2: the paragraph scan shared by the symbol rules
 * 201 arrow-symbol, 202 decorative-symbol and 203 emoji.
 *
 * False positives cost as much trust as misses, so three things are never
 * reported:
 *   - characters of the allow-list (`symbols: allow:`);
 *   - an item marker (`symbols: item-markers:`, the official □ ○ ◦ - · ㆍ
 *     • ※) at the start of an item: the paragraph, a line after a manual
 *     break, or after a gap of two spaces or more (a tab, U+3000) that lays
 *     items out on one line;
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
enum { MAX_DISTINCT = 64, LIST_SHOWN = 8 };

typedef struct tally {
    uint32_t cp, count;
} tally;

/* The ignore-pattern matches of one paragraph, found as the scan moves
 * forward: candidates come in increasing offsets and matches leftmost
 * first, so one current match and the place to search next suffice (no
 * cap, nothing stored per match). */
typedef struct ignored {
    const air_patterns *pat;
    const char *s;
    size_t len;
    size_t from;     /* where the next search starts */
    size_t ms, me;   /* the current match, when 'have' */
    bool have, done;
} ignored;

static bool is_ignored(ignored *ig, size_t off)
{
    while (!ig->done && (!ig->have || ig->me <= off)) {
        size_t ms, me;
        if (ig->from > ig->len ||
            !air_patterns_find(ig->pat, ig->s, ig->len, ig->from, &ms, &me)) {
            ig->done = true;
            break;
        }
        ig->have = true;
        ig->ms = ms;
        ig->me = me;
        /* Go on after the match; an empty match moves one character. */
        if (me > ms)
            ig->from = me;
        else if (ms < ig->len)
            ig->from = ms + air_utf8_decode(&(uint32_t){ 0 }, ig->s + ms,
                                            ig->len - ms);
        else
            ig->from = ig->len + 1;
    }
    return ig->have && off >= ig->ms && off < ig->me;
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

/* The symbol classes present in a paragraph, found in one pass and shared
 * by the rules that scan it in turn (the engine hands each node to every
 * rule before the next node): most paragraphs hold no symbol at all, and
 * then the other rules skip them without reading a character. */
typedef struct classes_seen {
    const air_node *para;
    uint32_t mask; /* bit c: a character of class c */
} classes_seen;

static const char classes_key; /* air_rule_shared()'s key */

_Static_assert(AIR_SYM_COUNT <= 32, "a class is a bit of classes_seen");

uint32_t air_symbols_present(air_rule_ctx *ctx, const air_node *para)
{
    const air_symbols *sym = air_rule_symbols(ctx);
    bool fresh;
    classes_seen *cs =
        air_rule_shared(ctx, &classes_key, sizeof *cs, &fresh);
    if (cs == NULL)
        return UINT32_MAX; /* no memory: scan as if every class were there */
    if (!fresh && cs->para == para)
        return cs->mask;
    const air_para *p = &para->u.para;
    uint32_t mask = 0;
    for (size_t i = 0; i < p->len;) {
        uint32_t cp;
        i += air_utf8_decode(&cp, p->text + i, p->len - i);
        mask |= UINT32_C(1) << air_symbols_classify(sym, cp);
    }
    cs->para = para;
    cs->mask = mask;
    return mask;
}

air_finding *air_symbols_scan(air_rule_ctx *ctx, const air_node *para,
                              air_symclass cls, uint32_t *count,
                              air_buf *list)
{
    const air_para *p = &para->u.para;
    const air_symbols *sym = air_rule_symbols(ctx);
    *count = 0;
    if (!(air_symbols_present(ctx, para) & (UINT32_C(1) << cls)))
        return NULL;
    ignored ig = { sym->ignore, p->text, p->len, 0, 0, 0, false, false };
    tally t[MAX_DISTINCT];
    size_t nt = 0;
    uint32_t total = 0, first = 0, last = 0;
    bool item_start = true;
    unsigned gap = 0; /* width of the spaces before this character */

    for (size_t i = 0; i < p->len;) {
        uint32_t cp;
        size_t k = air_utf8_decode(&cp, p->text + i, p->len - i);
        size_t off = i;
        i += k;
        if (cp == '\n') {
            item_start = true;
            continue;
        }
        if (air_is_space(cp)) {
            /* A tab or a wide space counts as two: items laid out on one
             * line are set apart by more than one space. */
            gap += cp == '\t' || cp == 0x3000 ? 2 : 1;
            continue;
        }
        bool at_start = item_start || gap >= 2;
        item_start = false;
        gap = 0;
        if (air_symbols_classify(sym, cp) != cls ||
            air_cpset_has(sym->allow, cp) ||
            (at_start && air_cpset_has(sym->item_markers, cp)))
            continue;
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
