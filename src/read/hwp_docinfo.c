/* hwp_docinfo.c -- the DocInfo stream into the format-neutral tables of
 * hwp_info.h, so that paragraphs get their style, outline level and
 * numbering exactly as the HWPX reader gives them.
 *
 * Consumes (HWP 5.0 format document, 4.2):
 *   ID_MAPPINGS   counts: [1..7] fonts per script slot (which FACE_NAME
 *                 records belong to which slot)
 *   BIN_DATA      property bits 0-3 (link, embedding, storage), bin id and
 *                 extension -> the stream BinData/BIN%04X.ext
 *   FACE_NAME     property, name (WORD length + UTF-16)
 *   CHAR_SHAPE    face ids per slot (7 WORDs), property at 46 (bit 0
 *                 italic, 1 bold, 15 superscript, 16 subscript)
 *   PARA_SHAPE    property 1 (alignment bits 2-4, page break before bit
 *                 19, head type bits 23-24, level bits 25-27), numbering or
 *                 bullet id at 30, and since 5.1 the full level (0-9) at 54
 *   STYLE         names, kind (bits 0-2 of the property), para shape and
 *                 char shape ids
 *   NUMBERING     7 levels of {head property (format bits 5-8), pattern},
 *                 start, 7 level starts (5.0.2.5+), then 3 more levels and
 *                 their starts (5.1+)
 *   BULLET        head property, the bullet character, image id
 * Ids are record indexes: char shapes, para shapes and styles from 0;
 * numberings and bullets from 1, as PARA_SHAPE and the section definition
 * refer to them (and as HWPX numbers them). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "read/hwp.h"
#include "util/error.h"

/* Binary items of one document (HWP ids are 16-bit). */
enum { MAX_BIN = 65535 };

#define NEED(p)                                                                \
    do {                                                                       \
        if ((p) == NULL)                                                       \
            return air_error(AIR_ENOMEM, "out of memory");                     \
    } while (0)

typedef struct info_walk {
    hwp *h;
    uint32_t nfonts[AIR_HWP_LANGS]; /* from ID_MAPPINGS */
    bool have_map;
    uint32_t face, charpr, parapr, style, num, bullet, bin; /* counters */
    uint32_t bincap;
} info_walk;

/* A WORD length then that many UTF-16 units at 'off': the string
 * (document arena) and *next the offset after it. NULL string when the
 * record ends first. */
static air_status wstring(const char **out, info_walk *w,
                          const unsigned char *d, size_t n, size_t off,
                          size_t *next)
{
    *out = NULL;
    size_t len = hwp_u16(d, n, off);
    *next = off + 2 + 2 * len;
    if (off + 2 > n || *next > n) {
        *next = n;
        return AIR_OK;
    }
    *out = hwp_utf16_dup(w->h, d + off + 2, len, true);
    NEED(*out);
    return AIR_OK;
}

static air_status on_face(info_walk *w, const unsigned char *d, size_t n)
{
    uint32_t i = w->face++;
    uint32_t lang = 0;
    if (w->have_map) {
        while (lang < AIR_HWP_LANGS && i >= w->nfonts[lang]) {
            i -= w->nfonts[lang];
            lang++;
        }
        if (lang >= AIR_HWP_LANGS)
            return AIR_OK; /* more faces than the mappings count */
    }
    air_hwp_font *f;
    air_status rc = air_hwp_font_at(&f, &w->h->info, (air_hwp_lang)lang, i);
    if (rc != AIR_OK || f == NULL)
        return rc;
    size_t next;
    rc = wstring(&f->face, w, d, n, 1, &next);
    f->defined = true;
    return rc;
}

static air_status on_charshape(info_walk *w, const unsigned char *d, size_t n)
{
    air_hwp_charpr *c;
    air_status rc = air_hwp_charpr_at(&c, &w->h->info, w->charpr++);
    if (rc != AIR_OK || c == NULL)
        return rc;
    for (int l = 0; l < AIR_HWP_LANGS; l++)
        c->font[l] = 2 * (size_t)l + 2 <= n ? hwp_u16(d, n, 2 * (size_t)l)
                                            : AIR_HWP_NO_ID;
    uint32_t prop = hwp_u32(d, n, 46);
    c->flags = 0;
    if (prop & 1)
        c->flags |= AIR_HWP_CHAR_ITALIC;
    if (prop & 2)
        c->flags |= AIR_HWP_CHAR_BOLD;
    if (prop & (1u << 15))
        c->flags |= AIR_HWP_CHAR_SUPER;
    if (prop & (1u << 16))
        c->flags |= AIR_HWP_CHAR_SUB;
    c->defined = true;
    return AIR_OK;
}

static air_status on_parashape(info_walk *w, const unsigned char *d, size_t n)
{
    static const uint8_t ALIGN[8] = {AIR_ALIGN_JUSTIFY,    AIR_ALIGN_LEFT,
                                     AIR_ALIGN_RIGHT,      AIR_ALIGN_CENTER,
                                     AIR_ALIGN_DISTRIBUTE, AIR_ALIGN_DISTRIBUTE,
                                     AIR_ALIGN_DEFAULT,    AIR_ALIGN_DEFAULT};
    air_hwp_parapr *p;
    air_status rc = air_hwp_parapr_at(&p, &w->h->info, w->parapr++);
    if (rc != AIR_OK || p == NULL)
        return rc;
    uint32_t a = hwp_u32(d, n, 0);
    p->align = ALIGN[(a >> 2) & 7];
    p->page_break_before = (a >> 19) & 1;
    p->head = (uint8_t)((a >> 23) & 3); /* 0 none, 1 outline, 2 number,
                                           3 bullet: air_hwp_head */
    uint32_t level = (a >> 25) & 7;
    /* 5.1: ten outline levels, the level as a whole word at 54 (a value
     * out of range there is not a level: keep the 3-bit one) */
    if (n >= 58 && hwp_u32(d, n, 54) < AIR_HWP_LEVELS)
        level = hwp_u32(d, n, 54);
    p->level = (uint8_t)(level < AIR_HWP_LEVELS ? level : AIR_HWP_LEVELS - 1);
    p->head_id = hwp_u16(d, n, 30);
    p->defined = true;
    return AIR_OK;
}

static air_status on_style(info_walk *w, const unsigned char *d, size_t n)
{
    uint32_t id = w->style++;
    air_hwp_style *s;
    air_status rc = air_hwp_style_at(&s, &w->h->info, id);
    if (rc != AIR_OK || s == NULL)
        return rc;
    size_t off;
    if ((rc = wstring(&s->name, w, d, n, 0, &off)) != AIR_OK ||
        (rc = wstring(&s->eng_name, w, d, n, off, &off)) != AIR_OK)
        return rc;
    char num[16];
    snprintf(num, sizeof num, "%u", id);
    s->id_text = air_doc_strdup(w->h->doc, num);
    NEED(s->id_text);
    s->is_char = (hwp_u8(d, n, off) & 7) == 1;
    s->para_pr = off + 6 <= n ? hwp_u16(d, n, off + 4) : AIR_HWP_NO_ID;
    s->char_pr = off + 8 <= n ? hwp_u16(d, n, off + 6) : AIR_HWP_NO_ID;
    s->defined = true;
    return AIR_OK;
}

/* Number format codes of a paragraph head (bits 5-8 of its property),
 * by the HWPX names they share (format document table "번호 모양"). */
static uint8_t numfmt_of(uint32_t code)
{
    static const char *const NAMES[] = {"DIGIT",
                                        "CIRCLED_DIGIT",
                                        "ROMAN_CAPITAL",
                                        "ROMAN_SMALL",
                                        "LATIN_CAPITAL",
                                        "LATIN_SMALL",
                                        "CIRCLED_LATIN_CAPITAL",
                                        "CIRCLED_LATIN_SMALL",
                                        "HANGUL_SYLLABLE",
                                        "CIRCLED_HANGUL_SYLLABLE",
                                        "HANGUL_JAMO",
                                        "CIRCLED_HANGUL_JAMO",
                                        "HANGUL_PHONETIC",
                                        "IDEOGRAPH",
                                        "CIRCLED_IDEOGRAPH",
                                        "DECAGON_CIRCLE",
                                        "DECAGON_CIRCLE_HANJA"};
    if (code < sizeof NAMES / sizeof *NAMES)
        return (uint8_t)air_hwp_numfmt(NAMES[code]);
    return AIR_NUMFMT_OTHER;
}

/* One paragraph head: 12 bytes of properties, then the pattern. */
static air_status head_level(info_walk *w, air_hwp_level *lv,
                             const unsigned char *d, size_t n, size_t *off)
{
    if (*off + 14 > n) {
        *off = n;
        return AIR_OK;
    }
    uint32_t prop = hwp_u32(d, n, *off);
    const char *text;
    air_status rc = wstring(&text, w, d, n, *off + 12, off);
    if (rc != AIR_OK)
        return rc;
    lv->fmt = numfmt_of((prop >> 5) & 0xF);
    lv->text = text ? text : "";
    lv->start = 1;
    lv->defined = true;
    return AIR_OK;
}

static air_status on_numbering(info_walk *w, const unsigned char *d, size_t n)
{
    air_hwp_numbering *num;
    air_status rc = air_hwp_numbering_at(&num, &w->h->info, ++w->num);
    if (rc != AIR_OK || num == NULL)
        return rc;
    num->defined = true;
    size_t off = 0;
    for (int l = 0; l < 7 && rc == AIR_OK; l++)
        rc = head_level(w, &num->level[l], d, n, &off);
    if (rc != AIR_OK)
        return rc;
    num->start = (int32_t)hwp_u16(d, n, off);
    off += 2;
    for (int l = 0; l < 7 && off + 4 <= n; l++, off += 4)
        if (num->level[l].defined)
            num->level[l].start = (int32_t)hwp_u32(d, n, off);
    for (int l = 7; l < AIR_HWP_LEVELS && rc == AIR_OK && off < n; l++)
        rc = head_level(w, &num->level[l], d, n, &off);
    for (int l = 7; l < AIR_HWP_LEVELS && off + 4 <= n; l++, off += 4)
        if (num->level[l].defined)
            num->level[l].start = (int32_t)hwp_u32(d, n, off);
    for (int l = 0; l < AIR_HWP_LEVELS; l++)
        if (num->level[l].start < 0)
            num->level[l].start = 1;
    return rc;
}

static air_status on_bullet(info_walk *w, const unsigned char *d, size_t n)
{
    air_hwp_bullet *b;
    air_status rc = air_hwp_bullet_at(&b, &w->h->info, ++w->bullet);
    if (rc != AIR_OK || b == NULL)
        return rc;
    b->defined = true;
    b->chr = NULL;
    if (n >= 14 && hwp_u16(d, n, 12) != 0) {
        b->chr = hwp_utf16_dup(w->h, d + 12, 1, true);
        NEED(b->chr);
    }
    b->image = hwp_u32(d, n, 14) != 0;
    return AIR_OK;
}

static air_status on_bindata(info_walk *w, const unsigned char *d, size_t n)
{
    hwp *h = w->h;
    if (h->nbin >= MAX_BIN)
        return AIR_OK;
    if (h->nbin == w->bincap) {
        uint32_t cap = w->bincap ? w->bincap * 2 : 16;
        hwp_bin *v = air_arena_alloc(&h->tmp, cap * sizeof *v);
        NEED(v);
        if (h->nbin)
            memcpy(v, h->bin, h->nbin * sizeof *v);
        h->bin = v;
        w->bincap = cap;
    }
    hwp_bin *b = &h->bin[h->nbin++];
    b->part = NULL;
    uint32_t type = hwp_u16(d, n, 0) & 0xF;
    if (type != 1 && type != 2)
        return AIR_OK; /* a link to a file outside the document */
    const char *ext = NULL;
    size_t next;
    air_status rc = wstring(&ext, w, d, n, 4, &next);
    if (rc != AIR_OK)
        return rc;
    char name[64];
    snprintf(name, sizeof name, "BinData/BIN%04X%s%.16s", hwp_u16(d, n, 2),
             ext && *ext ? "." : "", ext ? ext : "");
    b->part = air_pkg_find(h->pkg, name);
    return AIR_OK;
}

static air_status on_record(info_walk *w, const hwp_recs *r)
{
    const unsigned char *d = r->data;
    size_t n = r->size;
    switch (r->tag) {
    case HWPTAG_ID_MAPPINGS:
        for (int l = 0; l < AIR_HWP_LANGS; l++)
            w->nfonts[l] = hwp_u32(d, n, 4 + 4 * (size_t)l);
        w->have_map = true;
        return AIR_OK;
    case HWPTAG_BIN_DATA: return on_bindata(w, d, n);
    case HWPTAG_FACE_NAME: return on_face(w, d, n);
    case HWPTAG_CHAR_SHAPE: return on_charshape(w, d, n);
    case HWPTAG_PARA_SHAPE: return on_parashape(w, d, n);
    case HWPTAG_STYLE: return on_style(w, d, n);
    case HWPTAG_NUMBERING: return on_numbering(w, d, n);
    case HWPTAG_BULLET: return on_bullet(w, d, n);
    default: return AIR_OK;
    }
}

air_status hwp_read_docinfo(hwp *h)
{
    info_walk w;
    memset(&w, 0, sizeof w);
    w.h = h;
    hwp_recs r;
    air_status rc = hwp_recs_open(&r, h->pkg, "DocInfo", h->compressed);
    int more = rc == AIR_OK ? hwp_recs_next(&r) : rc;
    while (more == 1) {
        /* The tables sit at level 1 under ID_MAPPINGS (level 0 in some
         * writers); deeper records are parts of an entry, not entries. */
        rc = r.level <= 1 ? on_record(&w, &r) : AIR_OK;
        if (rc != AIR_OK)
            break;
        more = hwp_recs_next(&r);
    }
    hwp_recs_close(&r);
    if (rc == AIR_OK && more < 0)
        rc = more;
    if (rc == AIR_OK)
        air_hwp_info_finish(&h->info);
    return rc;
}
