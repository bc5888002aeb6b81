/* symbol_font_glyph.c -- 204, principle 2: glyphs no AI can read.
 * Three kinds of character show a picture only through a font:
 *   - private-use code points (U+E000-F8FF; planes 15-16, where Hancom
 *     puts its own glyphs such as U+F02BA), `symbols: classes:
 *     private-use`;
 *   - a DOCX w:sym (the reader marks it AIR_SPAN_SYM, with font and code);
 *   - ordinary characters typed in a symbol font (Wingdings "Ø" is an
 *     arrow on paper and a capital O with stroke to a reader): spans the
 *     reader marks AIR_SPAN_SYMFONT, or whose font is in `fonts`.
 * Each occurrence counts once, named by code point and font. Spaces are
 * spaces in any font. One finding per paragraph.
 * Catalogue page: rules/symbol-font-glyph.md */
#include "config.h"

#include <string.h>
#include <strings.h>

#include "rules/rule.h"
#include "util/utf8.h"

/* Distinct (character, font) pairs spelled out in the message. */
enum { SHOWN = 8 };

static bool symbol_font(air_strlist fonts, const char *font)
{
    if (font == NULL)
        return false;
    for (size_t i = 0; i < fonts.n; i++)
        if (strcasecmp(fonts.v[i], font) == 0)
            return true;
    return false;
}

/* The span of 'p' that makes byte 'off' a symbol-font character, or NULL.
 * Spans are sorted by offset and few per paragraph. */
static const air_span *font_span(const air_para *p, air_strlist fonts,
                                 uint32_t off)
{
    const air_span *hit = NULL;
    for (uint32_t i = 0; i < p->nspans && p->spans[i].off <= off; i++) {
        const air_span *s = &p->spans[i];
        if (off >= s->off + s->len)
            continue;
        if ((s->flags & (AIR_SPAN_SYM | AIR_SPAN_SYMFONT)) ||
            symbol_font(fonts, s->font))
            hit = s; /* the innermost wins */
    }
    return hit;
}

/* The next reported character of 'p' at or after *i: its code point,
 * offset and font span (NULL for a private-use code point outside one).
 * Returns false at the end. */
typedef struct scan {
    const air_para *p;
    const air_symbols *sym;
    air_strlist fonts;
    bool any_span;
    uint32_t i;
} scan;

static bool next_glyph(scan *sc, uint32_t *cp, uint32_t *off,
                       const air_span **span)
{
    const air_para *p = sc->p;
    while (sc->i < p->len) {
        *off = sc->i;
        sc->i += (uint32_t)air_utf8_decode(cp, p->text + sc->i,
                                           p->len - sc->i);
        if (*cp == '\n' || air_is_space(*cp) ||
            air_cpset_has(sc->sym->allow, *cp))
            continue;
        *span = sc->any_span ? font_span(p, sc->fonts, *off) : NULL;
        if (*span ||
            air_symbols_classify(sc->sym, *cp) == AIR_SYM_PRIVATE_USE)
            return true;
    }
    return false;
}

static void on_node(air_rule_ctx *ctx, const air_node *n)
{
    const air_para *p = &n->u.para;
    const air_symbols *sym = air_rule_symbols(ctx);
    air_strlist fonts = air_rule_strings(ctx, "fonts");
    air_finding *f = NULL;
    uint32_t total = 0, first = 0, last = 0;
    bool any_span = false;
    for (uint32_t i = 0; i < p->nspans; i++)
        if ((p->spans[i].flags & (AIR_SPAN_SYM | AIR_SPAN_SYMFONT)) ||
            symbol_font(fonts, p->spans[i].font))
            any_span = true;

    /* Without a symbol-font span only private-use characters count. */
    if (!any_span &&
        !(air_symbols_present(ctx, n) & (UINT32_C(1) << AIR_SYM_PRIVATE_USE)))
        return;
    scan sc = { p, sym, fonts, any_span, 0 };
    uint32_t cp, off;
    const air_span *s;
    while (next_glyph(&sc, &cp, &off, &s)) {
        if (f == NULL) {
            f = air_finding_add(ctx, n);
            first = off;
        }
        last = sc.i;
        total++;
        /* A w:sym names its code as stored (F0E0); the text holds it. */
        air_finding_char(f, cp, s ? s->font : NULL);
    }
    if (f == NULL)
        return;
    air_finding_range(f, first, last);
    air_finding_count(f, total);

    /* The message spells out the first few distinct (character, font)
     * pairs; the items keep them all. */
    air_buf list = AIR_BUF_INIT;
    uint32_t seen_cp[SHOWN];
    const char *seen_font[SHOWN];
    unsigned shown = 0;
    bool more = false;
    sc.i = 0; /* the same scan again */
    while (next_glyph(&sc, &cp, &off, &s)) {
        const char *font = s ? s->font : NULL;
        unsigned k = 0;
        while (k < shown && !(seen_cp[k] == cp &&
                              (seen_font[k] == font ||
                               (seen_font[k] && font &&
                                strcmp(seen_font[k], font) == 0))))
            k++;
        if (k < shown)
            continue;
        if (shown == SHOWN) {
            more = true;
            break;
        }
        seen_cp[shown] = cp;
        seen_font[shown] = font;
        air_buf_printf(&list, font ? "%sU+%04X (%s)" : "%sU+%04X%s",
                       shown ? ", " : "", (unsigned)cp, font ? font : "");
        shown++;
    }
    if (more)
        air_buf_adds(&list, ", …");
    air_msg(f, "기호 글꼴·사용자 정의 영역 문자 %u개: %s",
            "symbol-font or private-use characters (%u): %s",
            (unsigned)total, air_buf_cstr(&list));
    air_buf_free(&list);
}

static const air_rule_param params[] = {
    { "fonts", AIR_PARAM_STRINGS },
    { NULL, 0 }
};

const air_rule air_rule_symbol_font_glyph = {
    .id = "symbol-font-glyph",
    .number = 204,
    .principle = 2,
    .severity = AIR_SEV_ERROR,
    .nodes = AIR_ON(AIR_NODE_PARA),
    .params = params,
    .on_node = on_node,
};
