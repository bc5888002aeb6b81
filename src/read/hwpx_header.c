/* hwpx_header.c -- Contents/header.xml into the format-neutral tables of
 * hwp_info.h (fonts, character and paragraph shapes, styles, numberings,
 * bullets), which hwp_numbering.c and the section walker use.
 *
 * Consumes: hh:fontface@lang/hh:font@id,face;
 * hh:charPr@id/{hh:fontRef@hangul,latin,hanja,japanese,other,symbol,user
 * hh:bold hh:italic hh:supscript hh:subscript};
 * hh:paraPr@id/{hh:align@horizontal hh:heading@type,idRef,level
 * hh:breakSetting@pageBreakBefore}; hh:style@id,type,name,engName,
 * paraPrIDRef,charPrIDRef; hh:numbering@id,start/hh:paraHead@start,level,
 * numFormat and its text (the pattern "^1."); hh:bullet@id,char,useImage;
 * hh:binItem@id,src|BinData (older packages); hp:switch (first hp:case).
 * Everything else is walked past. */
#include "config.h"

#include <string.h>

#include "read/hwpx.h"
#include "util/buf.h"
#include "util/error.h"

/* A level pattern is a few characters ("^1.^2.^3)"). */
enum { PATTERN_MAX = 256 };
/* Binary items of an old-style header: images of one document. */
enum { MAX_BIN = 100000 };

typedef struct head_walk {
    hwpx *h;
    air_hwp_info *info;
    air_xml x;
    hwpx_dict names;
    hwpx_attrs at;
    hwpx_switch sw;
    int lang;                     /* current fontface slot, -1 */
    int lang_depth;
    uint32_t charpr, parapr, num, bullet; /* current entries (ids) */
    int charpr_depth, parapr_depth, num_depth, bullet_depth; /* -1: not
                                                                inside */
} head_walk;

static uint32_t id_of(const char *v)
{
    return (uint32_t)air_xml_long(v, (long)AIR_HWP_NO_ID, 0,
                                  (long)AIR_HWP_NO_ID);
}

static int lang_of(const char *v)
{
    static const char *const L[AIR_HWP_LANGS] = {
        "HANGUL", "LATIN", "HANJA", "JAPANESE", "OTHER", "SYMBOL", "USER"
    };
    for (int i = 0; v && i < AIR_HWP_LANGS; i++)
        if (strcmp(v, L[i]) == 0)
            return i;
    return -1;
}

static uint8_t align_of(const char *v)
{
    if (v == NULL)
        return AIR_ALIGN_DEFAULT;
    if (strcmp(v, "JUSTIFY") == 0)
        return AIR_ALIGN_JUSTIFY;
    if (strcmp(v, "LEFT") == 0)
        return AIR_ALIGN_LEFT;
    if (strcmp(v, "RIGHT") == 0)
        return AIR_ALIGN_RIGHT;
    if (strcmp(v, "CENTER") == 0)
        return AIR_ALIGN_CENTER;
    if (strncmp(v, "DISTRIBUTE", 10) == 0)
        return AIR_ALIGN_DISTRIBUTE;
    return AIR_ALIGN_DEFAULT;
}

static const char *dup(head_walk *w, const char *s)
{
    return s ? air_doc_strdup(w->h->doc, s) : NULL;
}

#define NEED(p)                                                             \
    do {                                                                    \
        if ((p) == NULL)                                                    \
            return air_error(AIR_ENOMEM, "out of memory");                  \
    } while (0)

static air_status on_font(head_walk *w)
{
    static const hwpx_name WANT[] = { HN_id, HN_face };
    if (w->lang < 0)
        return AIR_OK;
    hwpx_get_attrs(&w->at, &w->names, &w->x, WANT, 2);
    air_hwp_font *f;
    air_status rc = air_hwp_font_at(&f, w->info, (air_hwp_lang)w->lang,
                                    id_of(w->at.v[0]));
    if (rc != AIR_OK || f == NULL)
        return rc;
    f->face = dup(w, w->at.v[1]);
    if (w->at.v[1])
        NEED(f->face);
    f->defined = true;
    return AIR_OK;
}

static air_status on_charpr(head_walk *w, int depth)
{
    static const hwpx_name WANT[] = { HN_id };
    hwpx_get_attrs(&w->at, &w->names, &w->x, WANT, 1);
    air_hwp_charpr *c;
    w->charpr = id_of(w->at.v[0]);
    air_status rc = air_hwp_charpr_at(&c, w->info, w->charpr);
    if (rc != AIR_OK || c == NULL)
        return rc;
    c->defined = true;
    for (int l = 0; l < AIR_HWP_LANGS; l++)
        c->font[l] = AIR_HWP_NO_ID;
    w->charpr_depth = air_xml_empty(&w->x) ? -1 : depth;
    return AIR_OK;
}

static air_hwp_charpr *cur_charpr(head_walk *w)
{
    air_hwp_charpr *c = NULL;
    if (w->charpr_depth >= 0)
        (void)air_hwp_charpr_at(&c, w->info, w->charpr); /* exists */
    return c;
}

static void on_fontref(head_walk *w)
{
    static const hwpx_name WANT[] = { HN_hangul, HN_latin, HN_hanja,
                                      HN_japanese, HN_other, HN_symbol,
                                      HN_user };
    air_hwp_charpr *c = cur_charpr(w);
    if (c == NULL)
        return;
    hwpx_get_attrs(&w->at, &w->names, &w->x, WANT, AIR_HWP_LANGS);
    for (int l = 0; l < AIR_HWP_LANGS; l++)
        c->font[l] = id_of(w->at.v[l]);
}

static air_status on_parapr(head_walk *w, int depth)
{
    static const hwpx_name WANT[] = { HN_id };
    hwpx_get_attrs(&w->at, &w->names, &w->x, WANT, 1);
    air_hwp_parapr *p;
    w->parapr = id_of(w->at.v[0]);
    air_status rc = air_hwp_parapr_at(&p, w->info, w->parapr);
    if (rc != AIR_OK || p == NULL)
        return rc;
    p->defined = true;
    w->parapr_depth = air_xml_empty(&w->x) ? -1 : depth;
    return AIR_OK;
}

static air_hwp_parapr *cur_parapr(head_walk *w)
{
    air_hwp_parapr *p = NULL;
    if (w->parapr_depth >= 0)
        (void)air_hwp_parapr_at(&p, w->info, w->parapr);
    return p;
}

static void on_heading(head_walk *w)
{
    static const hwpx_name WANT[] = { HN_type, HN_idRef, HN_level };
    air_hwp_parapr *p = cur_parapr(w);
    if (p == NULL)
        return;
    hwpx_get_attrs(&w->at, &w->names, &w->x, WANT, 3);
    const char *t = w->at.v[0];
    p->head = AIR_HWP_HEAD_NONE;
    if (t && strcmp(t, "OUTLINE") == 0)
        p->head = AIR_HWP_HEAD_OUTLINE;
    else if (t && strcmp(t, "NUMBER") == 0)
        p->head = AIR_HWP_HEAD_NUMBER;
    else if (t && strcmp(t, "BULLET") == 0)
        p->head = AIR_HWP_HEAD_BULLET;
    p->head_id = id_of(w->at.v[1]);
    p->level = (uint8_t)air_xml_long(w->at.v[2], 0, 0, AIR_HWP_LEVELS - 1);
}

static air_status on_style(head_walk *w)
{
    static const hwpx_name WANT[] = { HN_id, HN_type, HN_name, HN_engName,
                                      HN_paraPrIDRef, HN_charPrIDRef };
    hwpx_get_attrs(&w->at, &w->names, &w->x, WANT, 6);
    uint32_t id = id_of(w->at.v[0]);
    air_hwp_style *s;
    air_status rc = air_hwp_style_at(&s, w->info, id);
    if (rc != AIR_OK || s == NULL)
        return rc;
    s->name = dup(w, w->at.v[2]);
    s->eng_name = dup(w, w->at.v[3]);
    if ((w->at.v[2] && !s->name) || (w->at.v[3] && !s->eng_name))
        return air_error(AIR_ENOMEM, "out of memory");
    s->is_char = w->at.v[1] && strcmp(w->at.v[1], "CHAR") == 0;
    s->para_pr = id_of(w->at.v[4]);
    s->char_pr = id_of(w->at.v[5]);
    s->defined = true;
    return AIR_OK;
}

static air_status on_numbering(head_walk *w, int depth)
{
    static const hwpx_name WANT[] = { HN_id, HN_start };
    hwpx_get_attrs(&w->at, &w->names, &w->x, WANT, 2);
    air_hwp_numbering *n;
    w->num = id_of(w->at.v[0]);
    air_status rc = air_hwp_numbering_at(&n, w->info, w->num);
    if (rc != AIR_OK || n == NULL)
        return rc;
    n->defined = true;
    n->start = (int32_t)air_xml_long(w->at.v[1], 1, 0, INT32_MAX);
    w->num_depth = air_xml_empty(&w->x) ? -1 : depth;
    return AIR_OK;
}

/* hh:paraHead of the current numbering: its attributes, then its text
 * (the reader ends on its end tag). */
static int on_parahead(head_walk *w, air_buf *b)
{
    static const hwpx_name WANT[] = { HN_start, HN_level, HN_numFormat,
                                      HN_charPrIDRef };
    air_hwp_numbering *n = NULL;
    if (w->bullet_depth >= 0) {
        /* a bullet's head: only its character shape matters */
        air_hwp_bullet *bl = NULL;
        (void)air_hwp_bullet_at(&bl, w->info, w->bullet);
        hwpx_get_attrs(&w->at, &w->names, &w->x, WANT, 4);
        if (bl)
            bl->char_pr = id_of(w->at.v[3]);
        return 1;
    }
    if (w->num_depth >= 0)
        (void)air_hwp_numbering_at(&n, w->info, w->num);
    if (n == NULL)
        return 1;
    hwpx_get_attrs(&w->at, &w->names, &w->x, WANT, 3);
    long level = air_xml_long(w->at.v[1], 0, 0, 1000);
    if (level < 1 || level > AIR_HWP_LEVELS)
        return 1; /* levels are 1-based; others are not numbering levels */
    air_hwp_level *lv = &n->level[level - 1];
    lv->defined = true;
    lv->start = (int32_t)air_xml_long(w->at.v[0], 1, 0, INT32_MAX);
    lv->fmt = (uint8_t)air_hwp_numfmt(w->at.v[2]);
    lv->text = NULL;

    air_buf_clear(b);
    int rc = 1;
    if (!air_xml_empty(&w->x)) {
        int depth = air_xml_depth(&w->x);
        while ((rc = air_xml_next(&w->x)) == 1) {
            if (air_xml_is_end(&w->x) && air_xml_depth(&w->x) == depth)
                break;
            if (air_xml_is_text(&w->x)) {
                air_status st = hwpx_text_append(b, &w->x, PATTERN_MAX);
                if (st != AIR_OK)
                    return st;
            }
        }
        if (rc < 0)
            return rc;
    }
    /* an empty paraHead defines a level without a marker: "" */
    n->level[level - 1].text =
        b->len ? air_doc_strndup(w->h->doc, b->ptr, b->len) : "";
    NEED(n->level[level - 1].text);
    return rc;
}

static air_status on_bullet(head_walk *w, int depth)
{
    static const hwpx_name WANT[] = { HN_id, HN_chr, HN_useImage, HN_useImg };
    hwpx_get_attrs(&w->at, &w->names, &w->x, WANT, 4);
    air_hwp_bullet *b;
    air_status rc = air_hwp_bullet_at(&b, w->info, id_of(w->at.v[0]));
    if (rc != AIR_OK || b == NULL)
        return rc;
    b->defined = true;
    b->char_pr = AIR_HWP_NO_ID;
    w->bullet = id_of(w->at.v[0]);
    w->bullet_depth = air_xml_empty(&w->x) ? -1 : depth;
    b->image = air_xml_bool(w->at.v[2], false) ||
               air_xml_bool(w->at.v[3], false);
    b->chr = NULL;
    if (w->at.v[1] && *w->at.v[1]) {
        b->chr = dup(w, w->at.v[1]);
        NEED(b->chr);
    }
    return AIR_OK;
}

static air_status on_binitem(head_walk *w)
{
    static const hwpx_name WANT[] = { HN_id, HN_src, HN_BinData, HN_href };
    hwpx *h = w->h;
    hwpx_get_attrs(&w->at, &w->names, &w->x, WANT, 4);
    const char *src = w->at.v[1] ? w->at.v[1]
                                 : w->at.v[2] ? w->at.v[2] : w->at.v[3];
    if (w->at.v[0] == NULL || src == NULL || h->nbin >= MAX_BIN)
        return AIR_OK;
    if (h->nbin == h->bincap) {
        size_t cap = h->bincap ? h->bincap * 2 : 16;
        const char **v = air_arena_alloc(&h->tmp, 2 * cap * sizeof *v);
        NEED(v);
        if (h->nbin) {
            memcpy(v, h->bin, h->nbin * sizeof *v);
            memcpy(v + cap, h->binpart, h->nbin * sizeof *v);
        }
        h->bin = v;
        h->binpart = v + cap;
        h->bincap = cap;
    }
    h->bin[h->nbin] = air_arena_strdup(&h->tmp, w->at.v[0]);
    h->binpart[h->nbin] = air_arena_strdup(&h->tmp, src);
    NEED(h->bin[h->nbin]);
    NEED(h->binpart[h->nbin]);
    h->nbin++;
    return AIR_OK;
}

static void on_flag(head_walk *w, uint8_t flag)
{
    air_hwp_charpr *c = cur_charpr(w);
    if (c)
        c->flags |= flag;
}

static int on_start(head_walk *w, air_buf *b)
{
    int depth = air_xml_depth(&w->x);
    bool empty = air_xml_empty(&w->x);
    hwpx_name nm = hwpx_elem(&w->names, &w->x);
    static const hwpx_name LANG[] = { HN_lang };
    static const hwpx_name ALIGN[] = { HN_horizontal };
    static const hwpx_name BREAK[] = { HN_pageBreakBefore };
    air_hwp_parapr *p;
    air_status st = AIR_OK;
    switch (nm) {
    case HN_switch_:
    case HN_case_:
    case HN_default_:
        return hwpx_switch_start(&w->sw, nm, depth, empty) ? 2 : 1;
    case HN_fontface:
        hwpx_get_attrs(&w->at, &w->names, &w->x, LANG, 1);
        w->lang = empty ? -1 : lang_of(w->at.v[0]);
        w->lang_depth = depth;
        return 1;
    case HN_font:
        st = on_font(w);
        break;
    case HN_charPr:
        /* hh:charPr in refList; hp:charPr elsewhere is another thing */
        st = on_charpr(w, depth);
        break;
    case HN_fontRef:
        on_fontref(w);
        return 1;
    case HN_bold:
        on_flag(w, AIR_HWP_CHAR_BOLD);
        return 1;
    case HN_italic:
        on_flag(w, AIR_HWP_CHAR_ITALIC);
        return 1;
    case HN_supscript:
        on_flag(w, AIR_HWP_CHAR_SUPER);
        return 1;
    case HN_subscript:
        on_flag(w, AIR_HWP_CHAR_SUB);
        return 1;
    case HN_paraPr:
        st = on_parapr(w, depth);
        break;
    case HN_align:
        if ((p = cur_parapr(w)) != NULL) {
            hwpx_get_attrs(&w->at, &w->names, &w->x, ALIGN, 1);
            p->align = align_of(w->at.v[0]);
        }
        return 1;
    case HN_heading:
        on_heading(w);
        return 1;
    case HN_breakSetting:
        if ((p = cur_parapr(w)) != NULL) {
            hwpx_get_attrs(&w->at, &w->names, &w->x, BREAK, 1);
            p->page_break_before = air_xml_bool(w->at.v[0], false);
        }
        return 1;
    case HN_style:
        st = on_style(w);
        break;
    case HN_numbering:
        st = on_numbering(w, depth);
        break;
    case HN_paraHead:
        return on_parahead(w, b);
    case HN_bullet:
        st = on_bullet(w, depth);
        break;
    case HN_binItem:
        st = on_binitem(w);
        break;
    default:
        break;
    }
    return st != AIR_OK ? st : 1;
}

static void on_end(head_walk *w, int depth)
{
    hwpx_switch_end(&w->sw, depth);
    if (depth == w->charpr_depth)
        w->charpr_depth = -1;
    if (depth == w->parapr_depth)
        w->parapr_depth = -1;
    if (depth == w->num_depth)
        w->num_depth = -1;
    if (depth == w->bullet_depth)
        w->bullet_depth = -1;
    if (depth == w->lang_depth)
        w->lang = -1;
}

air_status hwpx_read_header(hwpx *h, const char *part)
{
    head_walk *w = air_arena_alloc(&h->tmp, sizeof *w);
    if (w == NULL)
        return air_error(AIR_ENOMEM, "out of memory");
    w->h = h;
    w->info = &h->info;
    w->lang = w->lang_depth = -1;
    w->charpr_depth = w->parapr_depth = w->num_depth = -1;
    w->bullet_depth = -1;
    air_status rc = air_xml_open(&w->x, h->pkg, part);
    if (rc != AIR_OK)
        return rc;
    hwpx_dict_init(&w->names, &w->x);
    air_buf b = { 0 };
    int r = air_xml_next(&w->x);
    while (r == 1) {
        int skip = 1;
        if (air_xml_is_start(&w->x)) {
            skip = on_start(w, &b);
            if (skip < 0) {
                r = skip;
                break;
            }
        } else if (air_xml_is_end(&w->x)) {
            on_end(w, air_xml_depth(&w->x));
        }
        r = skip == 2 ? air_xml_skip(&w->x) : air_xml_next(&w->x);
    }
    air_xml_close(&w->x);
    air_buf_free(&b);
    if (r < 0)
        return r;
    return air_hwp_info_finish(&h->info);
}
