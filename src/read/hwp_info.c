/* hwp_info.c -- the tables of hwp_info.h: growing, looking up, and what
 * is derived once they are full (symbol fonts, outline styles). */
#include "config.h"

#include "read/hwp_info.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "read/symfont.h"
#include "util/error.h"
#include "util/utf8.h"

void air_hwp_info_init(air_hwp_info *info, air_doc *doc)
{
    memset(info, 0, sizeof *info);
    info->doc = doc;
}

void air_hwp_info_free(air_hwp_info *info)
{
    for (int l = 0; l < AIR_HWP_LANGS; l++)
        free(info->font[l]);
    free(info->charpr);
    free(info->parapr);
    free(info->style);
    free(info->num);
    free(info->bullet);
    memset(info, 0, sizeof *info);
}

/* Sets *out to entry 'id' of a table of '*n' entries of 'size' bytes at
 * '*v', growing it (zero-filled) to hold 'id'. */
static air_status slot(void **out, void **v, uint32_t *n, size_t size,
                       uint32_t id)
{
    *out = NULL;
    if (id >= AIR_HWP_MAX_ID)
        return AIR_OK;
    if (id >= *n) {
        uint32_t cap = *n ? *n : 16;
        while (cap <= id)
            cap *= 2;
        char *p = realloc(*v, (size_t)cap * size);
        if (p == NULL)
            return air_error(AIR_ENOMEM, "out of memory");
        memset(p + (size_t)*n * size, 0, (size_t)(cap - *n) * size);
        *v = p;
        *n = cap;
    }
    *out = (char *)*v + (size_t)id * size;
    return AIR_OK;
}

#define SLOT(out, field, count, id)                                         \
    slot((void **)(out), (void **)&(field), &(count), sizeof *(field), (id))

air_status air_hwp_font_at(air_hwp_font **out, air_hwp_info *info,
                           air_hwp_lang lang, uint32_t id)
{
    if ((unsigned)lang >= AIR_HWP_LANGS) {
        *out = NULL;
        return AIR_OK;
    }
    return SLOT(out, info->font[lang], info->nfont[lang], id);
}

air_status air_hwp_charpr_at(air_hwp_charpr **out, air_hwp_info *info,
                             uint32_t id)
{
    return SLOT(out, info->charpr, info->ncharpr, id);
}

air_status air_hwp_parapr_at(air_hwp_parapr **out, air_hwp_info *info,
                             uint32_t id)
{
    return SLOT(out, info->parapr, info->nparapr, id);
}

air_status air_hwp_style_at(air_hwp_style **out, air_hwp_info *info,
                            uint32_t id)
{
    return SLOT(out, info->style, info->nstyle, id);
}

air_status air_hwp_numbering_at(air_hwp_numbering **out, air_hwp_info *info,
                                uint32_t id)
{
    return SLOT(out, info->num, info->nnum, id);
}

air_status air_hwp_bullet_at(air_hwp_bullet **out, air_hwp_info *info,
                             uint32_t id)
{
    return SLOT(out, info->bullet, info->nbullet, id);
}

/* ---- lookups ------------------------------------------------------------ */

#define LOOKUP(field, count, id)                                            \
    ((id) < (count) && (field)[id].defined ? &(field)[id] : NULL)

const air_hwp_font *air_hwp_get_font(const air_hwp_info *info,
                                 air_hwp_lang lang, uint32_t id)
{
    if ((unsigned)lang >= AIR_HWP_LANGS)
        return NULL;
    return LOOKUP(info->font[lang], info->nfont[lang], id);
}

const air_hwp_charpr *air_hwp_get_charpr(const air_hwp_info *info, uint32_t id)
{
    return LOOKUP(info->charpr, info->ncharpr, id);
}

const air_hwp_parapr *air_hwp_get_parapr(const air_hwp_info *info, uint32_t id)
{
    return LOOKUP(info->parapr, info->nparapr, id);
}

const air_hwp_style *air_hwp_get_style(const air_hwp_info *info, uint32_t id)
{
    return LOOKUP(info->style, info->nstyle, id);
}

const air_hwp_numbering *air_hwp_get_numbering(const air_hwp_info *info,
                                           uint32_t id)
{
    return LOOKUP(info->num, info->nnum, id);
}

const air_hwp_bullet *air_hwp_get_bullet(const air_hwp_info *info, uint32_t id)
{
    return LOOKUP(info->bullet, info->nbullet, id);
}

/* ---- derived facts ------------------------------------------------------ */

/* N of a style named "개요 N" or "Outline N" (the space optional), else 0. */
static uint8_t outline_style_level(const char *name)
{
    static const char *const PREFIX[] = { "\xEA\xB0\x9C\xEC\x9A\x94", /* 개요 */
                                          "Outline", "outline" };
    if (name == NULL)
        return 0;
    for (size_t i = 0; i < sizeof PREFIX / sizeof *PREFIX; i++) {
        size_t k = strlen(PREFIX[i]);
        if (strncmp(name, PREFIX[i], k) != 0)
            continue;
        const char *s = name + k;
        if (*s == ' ')
            s++;
        unsigned n = 0;
        int digits = 0;
        while (*s >= '0' && *s <= '9' && digits < 3) {
            n = n * 10 + (unsigned)(*s++ - '0');
            digits++;
        }
        if (digits > 0 && *s == '\0' && n >= 1 && n <= AIR_HWP_LEVELS)
            return (uint8_t)n;
    }
    return 0;
}

/* Sets b->shown (see air_hwp_info_finish). */
static air_status bullet_shown(air_hwp_info *info, air_hwp_bullet *b)
{
    b->shown = b->chr;
    if (!b->defined || b->chr == NULL)
        return AIR_OK;
    const char *font = "Wingdings";
    const air_hwp_charpr *cs = air_hwp_get_charpr(info, b->char_pr);
    for (int l = 0; cs && l < AIR_HWP_LANGS; l++) {
        const air_hwp_font *f = air_hwp_get_font(info, (air_hwp_lang)l,
                                                 cs->font[l]);
        if (f && f->symbol) {
            font = f->symbol;
            break;
        }
    }
    char out[64];
    size_t o = 0, n = strlen(b->chr);
    bool mapped = false;
    for (size_t i = 0; i < n && o + 4 < sizeof out;) {
        uint32_t cp, u = 0;
        i += air_utf8_decode(&cp, b->chr + i, n - i);
        if (cp >= 0xF020 && cp <= 0xF0FF)
            u = air_symfont_unicode(font, cp);
        mapped |= u != 0;
        o += air_utf8_encode(out + o, u ? u : cp);
    }
    if (!mapped)
        return AIR_OK;
    b->shown = air_doc_strndup(info->doc, out, o);
    return b->shown ? AIR_OK : air_error(AIR_ENOMEM, "out of memory");
}

air_status air_hwp_info_finish(air_hwp_info *info)
{
    bool any = false;
    for (int l = 0; l < AIR_HWP_LANGS; l++)
        for (uint32_t i = 0; i < info->nfont[l]; i++) {
            air_hwp_font *f = &info->font[l][i];
            f->symbol = NULL;
            if (f->defined && f->face) {
                f->symbol = air_symfont_match(f->face, strlen(f->face));
                any |= f->symbol != NULL;
            }
        }
    for (uint32_t i = 0; i < info->ncharpr; i++) {
        air_hwp_charpr *c = &info->charpr[i];
        c->symbol_mask = 0;
        if (!any || !c->defined)
            continue;
        for (int l = 0; l < AIR_HWP_LANGS; l++) {
            const air_hwp_font *f = air_hwp_get_font(info, (air_hwp_lang)l,
                                                 c->font[l]);
            if (f && f->symbol)
                c->symbol_mask |= (uint8_t)(1u << l);
        }
    }
    for (uint32_t i = 0; i < info->nstyle; i++) {
        air_hwp_style *s = &info->style[i];
        if (!s->defined)
            continue;
        if (!s->is_char) {
            s->heading = outline_style_level(s->name);
            if (s->heading == 0)
                s->heading = outline_style_level(s->eng_name);
        }
        if (s->id_text == NULL) {
            char num[16];
            snprintf(num, sizeof num, "%u", i);
            s->id_text = air_doc_strdup(info->doc, num);
            if (s->id_text == NULL)
                return air_error(AIR_ENOMEM, "out of memory");
        }
    }
    for (uint32_t i = 0; i < info->nbullet; i++) {
        air_status rc = bullet_shown(info, &info->bullet[i]);
        if (rc != AIR_OK)
            return rc;
    }
    return AIR_OK;
}

/* ---- scripts and symbol fonts ------------------------------------------- */

air_hwp_lang air_hwp_lang_of(uint32_t cp)
{
    if (cp < 0x250 || (cp >= 0x1E00 && cp < 0x1F00))
        return AIR_HWP_LATIN;
    if ((cp >= 0x1100 && cp < 0x1200) || (cp >= 0x3130 && cp < 0x3190) ||
        (cp >= 0xA960 && cp < 0xA980) || (cp >= 0xAC00 && cp < 0xD800))
        return AIR_HWP_HANGUL;
    if ((cp >= 0x2E80 && cp < 0x2FE0) || (cp >= 0x3400 && cp < 0x4DC0) ||
        (cp >= 0x4E00 && cp < 0xA000) || (cp >= 0xF900 && cp < 0xFB00) ||
        (cp >= 0x20000 && cp < 0x30000))
        return AIR_HWP_HANJA;
    if ((cp >= 0x3040 && cp < 0x3100) || (cp >= 0x31F0 && cp < 0x3200) ||
        (cp >= 0xFF65 && cp < 0xFFA0))
        return AIR_HWP_JAPANESE;
    if ((cp >= 0x2000 && cp < 0x2C00) || (cp >= 0x3000 && cp < 0x3040) ||
        (cp >= 0x3200 && cp < 0x3400) || (cp >= 0xE000 && cp < 0xF900) ||
        (cp >= 0x1F000 && cp < 0x20000) || cp >= 0xF0000)
        return AIR_HWP_SYMBOL;
    return AIR_HWP_OTHER;
}

const char *air_hwp_symfont_of(const air_hwp_info *info,
                               const air_hwp_charpr *cs, uint32_t cp)
{
    if (cs == NULL || cs->symbol_mask == 0)
        return NULL;
    air_hwp_lang l = air_hwp_lang_of(cp);
    if (!(cs->symbol_mask & (1u << l))) {
        /* A private-use code point means nothing in a text font: when any
         * slot of the shape is a symbol font, that font draws it. */
        if (!(cp >= 0xE000 && cp < 0xF900))
            return NULL;
        l = AIR_HWP_SYMBOL;
        while (!(cs->symbol_mask & (1u << l)))
            l = (air_hwp_lang)((l + 1) % AIR_HWP_LANGS);
    }
    const air_hwp_font *f = air_hwp_get_font(info, l, cs->font[l]);
    return f ? f->symbol : NULL;
}

/* ---- number formats ----------------------------------------------------- */

air_numfmt air_hwp_numfmt(const char *name)
{
    static const struct {
        const char *name;
        air_numfmt fmt;
    } F[] = {
        { "DIGIT", AIR_NUMFMT_DECIMAL },
        { "CIRCLED_DIGIT", AIR_NUMFMT_CIRCLED_DECIMAL },
        { "ROMAN_CAPITAL", AIR_NUMFMT_UPPER_ROMAN },
        { "ROMAN_SMALL", AIR_NUMFMT_LOWER_ROMAN },
        { "LATIN_CAPITAL", AIR_NUMFMT_UPPER_LETTER },
        { "LATIN_SMALL", AIR_NUMFMT_LOWER_LETTER },
        { "CIRCLED_LATIN_SMALL", AIR_NUMFMT_CIRCLED_LETTER },
        { "HANGUL_SYLLABLE", AIR_NUMFMT_HANGUL_SYLLABLE },
        { "CIRCLED_HANGUL_SYLLABLE", AIR_NUMFMT_CIRCLED_HANGUL_SYLLABLE },
        { "HANGUL_JAMO", AIR_NUMFMT_HANGUL_JAMO },
        { "CIRCLED_HANGUL_JAMO", AIR_NUMFMT_CIRCLED_HANGUL_JAMO },
        { "HANGUL_PHONETIC", AIR_NUMFMT_HANGUL_DIGIT },
        { "IDEOGRAPH", AIR_NUMFMT_IDEOGRAPH },
        { "CIRCLED_IDEOGRAPH", AIR_NUMFMT_CIRCLED_IDEOGRAPH },
    };
    if (name == NULL)
        return AIR_NUMFMT_DECIMAL;
    for (size_t i = 0; i < sizeof F / sizeof *F; i++)
        if (strcmp(name, F[i].name) == 0)
            return F[i].fmt;
    /* CIRCLED_LATIN_CAPITAL, DECAGON_CIRCLE(_HANJA), SYMBOL, USER_CHAR:
     * known, not rendered. */
    return AIR_NUMFMT_OTHER;
}

air_numfmt air_hwp_numfmt_code(unsigned code)
{
    /* hc:NumberType1 in schema order, which is HWP 5.0's code order */
    static const char *const CODES[] = {
        "DIGIT", "CIRCLED_DIGIT", "ROMAN_CAPITAL", "ROMAN_SMALL",
        "LATIN_CAPITAL", "LATIN_SMALL", "CIRCLED_LATIN_CAPITAL",
        "CIRCLED_LATIN_SMALL", "HANGUL_SYLLABLE", "CIRCLED_HANGUL_SYLLABLE",
        "HANGUL_JAMO", "CIRCLED_HANGUL_JAMO", "HANGUL_PHONETIC", "IDEOGRAPH",
        "CIRCLED_IDEOGRAPH", "DECAGON_CIRCLE", "DECAGON_CIRCLE_HANJA"
    };
    if (code >= sizeof CODES / sizeof *CODES)
        return AIR_NUMFMT_OTHER;
    return air_hwp_numfmt(CODES[code]);
}
