/* symfont.c -- see symfont.h. The glyph tables hold only the characters
 * whose Unicode twin is beyond doubt (Symbol's Greek, arrows and
 * operators; Wingdings' bullets, boxes, arrows and circled digits); they
 * are data, the fourth column of rules/symbol-fonts/<font>.tsv. */
#include "config.h"

#include "read/symfont.h"

#include <string.h>
#include <strings.h>

/* Fonts with a private (non-Unicode) encoding: a character code names a
 * picture. Unicode-encoded symbol fonts (Segoe UI Symbol, Cambria Math)
 * are not here: their characters are what they say. */
static const char *const SYMBOL_FONTS[] = {"Symbol",
                                           "Wingdings",
                                           "Wingdings 2",
                                           "Wingdings 3",
                                           "Webdings",
                                           "MT Extra",
                                           "Marlett",
                                           "ZapfDingbats",
                                           "Zapf Dingbats",
                                           "ITC Zapf Dingbats",
                                           "Monotype Sorts",
                                           "Bookshelf Symbol 7",
                                           "MS Reference Specialty",
                                           "MS Outlook",
                                           "Symbol MT",
                                           "Euclid Symbol",
                                           "Euclid Extra",
                                           "Segoe MDL2 Assets"};

const char *air_symfont_match(const char *name, size_t n)
{
    if (name == NULL)
        return NULL;
    while (n > 0 && (*name == ' ' || *name == '\t')) {
        name++;
        n--;
    }
    while (n > 0 && (name[n - 1] == ' ' || name[n - 1] == '\t'))
        n--;
    for (size_t i = 0; i < sizeof SYMBOL_FONTS / sizeof *SYMBOL_FONTS; i++) {
        const char *f = SYMBOL_FONTS[i];
        if (strlen(f) == n && strncasecmp(f, name, n) == 0)
            return f;
    }
    return NULL;
}

typedef struct glyph {
    uint8_t code;
    uint32_t cp;
} glyph;

typedef struct glyph_table {
    const char *font;
    const glyph *g; /* sorted by code */
    size_t n;
} glyph_table;

/* GLYPHS_<n>[] and TABLES[]: the glyphs of rules/symbol-fonts/<font>.tsv
 * that have an everyday character (their fourth column), made at build
 * time. */
#include "read/symfont_table.h"

static uint32_t lookup(const glyph *t, size_t n, uint32_t code)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (t[mid].code == code)
            return t[mid].cp;
        if (t[mid].code < code)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

uint32_t air_symfont_unicode(const char *font, uint32_t code)
{
    if (font == NULL)
        return 0;
    if (code >= 0xF020 && code <= 0xF0FF)
        code -= 0xF000;
    if (code < 0x20 || code > 0xFF)
        return 0;
    for (size_t i = 0; i < sizeof TABLES / sizeof *TABLES; i++)
        if (strcasecmp(font, TABLES[i].font) == 0)
            return lookup(TABLES[i].g, TABLES[i].n, code);
    return 0;
}
