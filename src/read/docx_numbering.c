/* docx_numbering.c -- numbering.xml and the markers Word displays
 * (principle 4).
 *
 * Consumes: w:abstractNum@w:abstractNumId with w:styleLink,
 * w:numStyleLink and w:lvl@w:ilvl/{w:start w:numFmt@w:val,w:format
 * (also inside mc:AlternateContent: the mc:Choice wins, the mc:Fallback
 * fills in what the Choice left unknown) w:lvlRestart w:pStyle w:isLgl
 * w:lvlText w:rPr/w:rFonts}; w:num@w:numId with w:abstractNumId and
 * w:lvlOverride@w:ilvl/{w:startOverride w:lvl}.
 *
 * Resolution follows the corpus README: w:numPr on the paragraph, then
 * through the style's basedOn chain (the default paragraph style when
 * there is no w:pStyle), numId and ilvl separately; a style-given number
 * without ilvl takes the level whose w:pStyle names the style; one
 * w:numStyleLink hop.
 *
 * Counting follows Word: the w:num elements of one abstractNum continue
 * one another, except a w:num with overrides, which counts on its own and
 * starts its overridden levels at w:startOverride; a level advancing
 * restarts the deeper levels (unless their w:lvlRestart says otherwise);
 * "%2" of a level not used yet shows its start value minus one (Word's
 * "0.1" under a missing first level). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/numfmt.h"
#include "read/docx.h"
#include "read/symfont.h"
#include "util/error.h"
#include "util/utf8.h"

/* Word writes tens of lists; past these counts a part is an attack. */
enum { MAX_ABS = 65536, MAX_NUMS = 65536 };

/* ---- formats ------------------------------------------------------------ */

/* The first item of a custom format ("001, 002, 003", "가, 나, 다"). */
static air_numfmt custom_format(const char *f)
{
    if (f == NULL)
        return AIR_NUMFMT_OTHER;
    while (*f == ' ')
        f++;
    if (strncmp(f, "01", 2) == 0 && (f[2] == ',' || f[2] == '\0'))
        return AIR_NUMFMT_DECIMAL_ZERO;
    if (f[0] == '1' && (f[1] == ',' || f[1] == '\0'))
        return AIR_NUMFMT_DECIMAL;
    uint32_t cp;
    size_t n = air_utf8_decode(&cp, f, strlen(f));
    if (n == 0 || (f[n] != ',' && f[n] != '\0'))
        return AIR_NUMFMT_OTHER;
    switch (cp) {
    case 0xAC00: return AIR_NUMFMT_HANGUL_SYLLABLE;         /* 가 */
    case 0x3131: return AIR_NUMFMT_HANGUL_JAMO;             /* ㄱ */
    case 0x2460: return AIR_NUMFMT_CIRCLED_DECIMAL;         /* ① */
    case 0x326E: return AIR_NUMFMT_CIRCLED_HANGUL_SYLLABLE; /* ㉮ */
    case 0x3260: return AIR_NUMFMT_CIRCLED_HANGUL_JAMO;     /* ㉠ */
    case 0x24D0: return AIR_NUMFMT_CIRCLED_LETTER;          /* ⓐ */
    case 0x4E00: return AIR_NUMFMT_IDEOGRAPH;               /* 一 */
    case 0xC77C: return AIR_NUMFMT_HANGUL_DIGIT;            /* 일 */
    case 'A': return AIR_NUMFMT_UPPER_LETTER;
    case 'a': return AIR_NUMFMT_LOWER_LETTER;
    case 'I': return AIR_NUMFMT_UPPER_ROMAN;
    case 'i': return AIR_NUMFMT_LOWER_ROMAN;
    default: return AIR_NUMFMT_OTHER;
    }
}

air_numfmt docx_numfmt(const char *val, const char *format)
{
    static const struct {
        const char *name;
        air_numfmt fmt;
    } map[] = {
        {"decimal", AIR_NUMFMT_DECIMAL},
        {"bullet", AIR_NUMFMT_BULLET},
        {"none", AIR_NUMFMT_NONE},
        {"lowerLetter", AIR_NUMFMT_LOWER_LETTER},
        {"upperLetter", AIR_NUMFMT_UPPER_LETTER},
        {"lowerRoman", AIR_NUMFMT_LOWER_ROMAN},
        {"upperRoman", AIR_NUMFMT_UPPER_ROMAN},
        {"decimalZero", AIR_NUMFMT_DECIMAL_ZERO},
        {"ganada", AIR_NUMFMT_HANGUL_SYLLABLE},
        {"chosung", AIR_NUMFMT_HANGUL_JAMO},
        {"decimalEnclosedCircle", AIR_NUMFMT_CIRCLED_DECIMAL},
        {"decimalEnclosedCircleChinese", AIR_NUMFMT_CIRCLED_DECIMAL},
        {"ideographEnclosedCircle", AIR_NUMFMT_CIRCLED_IDEOGRAPH},
        {"koreanDigital", AIR_NUMFMT_HANGUL_DIGIT},
        {"koreanDigital2", AIR_NUMFMT_IDEOGRAPH},
        {"ideographDigital", AIR_NUMFMT_IDEOGRAPH},
        {"japaneseCounting", AIR_NUMFMT_IDEOGRAPH},
        {"chineseCounting", AIR_NUMFMT_IDEOGRAPH},
        {"decimalHalfWidth", AIR_NUMFMT_DECIMAL},
    };
    if (val == NULL)
        return AIR_NUMFMT_DECIMAL; /* the schema default */
    if (strcmp(val, "custom") == 0)
        return custom_format(format);
    for (size_t i = 0; i < sizeof map / sizeof *map; i++)
        if (strcmp(val, map[i].name) == 0)
            return map[i].fmt;
    return AIR_NUMFMT_OTHER; /* shown as decimal */
}

/* ---- reading numbering.xml ---------------------------------------------- */

static void lvl_init(docx_lvl *l)
{
    memset(l, 0, sizeof *l);
    l->restart = -1;
    l->fmt = AIR_NUMFMT_DECIMAL;
    l->defined = true;
}

typedef struct nreader {
    docx *d;
    docx_abs *abs;
    size_t nabs, abscap;
    docx_num *num;
    size_t nnum, numcap;
    docx_abs *cur_abs;
    docx_num *cur_num;
    int ov_level;  /* current w:lvlOverride level, -1 */
    docx_lvl *lvl; /* the w:lvl being read, or NULL */
    int lvl_depth;
    bool fmt_known; /* the w:lvl has a w:numFmt other than OTHER */
} nreader;

static air_status grow(void **v, size_t *cap, size_t n, size_t size, size_t max,
                       const char *what, docx *d)
{
    if (n < *cap)
        return AIR_OK;
    if (n >= max)
        return air_error(AIR_ELIMIT,
                         "%s: numbering with more than %zu %s "
                         "(limit)",
                         air_pkg_name(d->pkg), max, what);
    size_t nc = *cap ? *cap * 2 : 32;
    void *nv = realloc(*v, nc * size);
    if (nv == NULL)
        return air_error(AIR_ENOMEM, "out of memory");
    *v = nv;
    *cap = nc;
    return AIR_OK;
}

/* One element inside a w:lvl. Returns true to descend into it. */
static bool on_lvl_child(nreader *r, air_xml *x, const char *name)
{
    docx_lvl *l = r->lvl;
    const char *val = air_xml_attr(x, "val");
    if (strcmp(name, "start") == 0) {
        l->start = (int32_t)air_xml_long(val, 0, -1000000, 1000000);
    } else if (strcmp(name, "numFmt") == 0) {
        if (!r->fmt_known) {
            char v[64];
            snprintf(v, sizeof v, "%s", val ? val : "decimal");
            l->fmt = (uint8_t)docx_numfmt(v, air_xml_attr(x, "format"));
            r->fmt_known = l->fmt != AIR_NUMFMT_OTHER;
        }
    } else if (strcmp(name, "lvlRestart") == 0) {
        l->restart = (int8_t)air_xml_long(val, -1, 0, 9);
    } else if (strcmp(name, "pStyle") == 0) {
        l->pstyle = val ? air_arena_strdup(&r->d->tmp, val) : NULL;
    } else if (strcmp(name, "isLgl") == 0) {
        l->is_lgl = air_xml_bool(val, true);
    } else if (strcmp(name, "lvlText") == 0) {
        l->text = air_doc_strdup(r->d->doc, val ? val : "");
    } else if (strcmp(name, "rFonts") == 0) {
        const char *f = air_xml_attr(x, "ascii");
        if (f == NULL)
            f = air_xml_attr(x, "hAnsi");
        if (f != NULL)
            l->font = air_symfont_match(f, strlen(f));
    } else if (strcmp(name, "rPr") == 0 ||
               strcmp(name, "AlternateContent") == 0 ||
               strcmp(name, "Choice") == 0 || strcmp(name, "Fallback") == 0) {
        return true;
    }
    return false;
}

static air_status on_element(nreader *r, air_xml *x, bool *descend)
{
    int depth = air_xml_depth(x);
    const char *name = air_xml_name(x);
    air_status rc = AIR_OK;
    *descend = false;
    if (r->lvl != NULL && depth <= r->lvl_depth)
        r->lvl = NULL;
    if (depth <= 1) {
        r->cur_abs = NULL;
        r->cur_num = NULL;
    }
    if (r->lvl != NULL) {
        *descend = on_lvl_child(r, x, name);
        return AIR_OK;
    }
    if (depth == 0) {
        *descend = true;
    } else if (depth == 1 && strcmp(name, "abstractNum") == 0) {
        rc = grow((void **)&r->abs, &r->abscap, r->nabs, sizeof *r->abs,
                  MAX_ABS, "abstract lists", r->d);
        if (rc != AIR_OK)
            return rc;
        docx_abs *a = &r->abs[r->nabs++];
        memset(a, 0, sizeof *a);
        for (int k = 0; k < DOCX_LEVELS; k++)
            a->lvl[k].restart = -1; /* undefined levels restart as usual */
        a->id =
            air_xml_long(air_xml_attr(x, "abstractNumId"), -1, 0, INT32_MAX);
        r->cur_abs = a;
        *descend = true;
    } else if (depth == 1 && strcmp(name, "num") == 0) {
        rc = grow((void **)&r->num, &r->numcap, r->nnum, sizeof *r->num,
                  MAX_NUMS, "lists", r->d);
        if (rc != AIR_OK)
            return rc;
        docx_num *n = &r->num[r->nnum++];
        memset(n, 0, sizeof *n);
        n->id = air_xml_long(air_xml_attr(x, "numId"), -1, 0, INT32_MAX);
        n->abs_id = -1;
        n->abs = -1;
        r->cur_num = n;
        r->ov_level = -1;
        *descend = true;
    } else if (r->cur_abs != NULL && depth == 2) {
        const char *val = air_xml_attr(x, "val");
        if (strcmp(name, "lvl") == 0) {
            long il = air_xml_long(air_xml_attr(x, "ilvl"), -1, -1, 99);
            if (il >= 0 && il < DOCX_LEVELS) {
                r->lvl = &r->cur_abs->lvl[il];
                lvl_init(r->lvl);
                r->lvl_depth = depth;
                r->fmt_known = false;
                *descend = true;
            }
        } else if (strcmp(name, "numStyleLink") == 0 && val) {
            r->cur_abs->num_style_link = air_arena_strdup(&r->d->tmp, val);
        } else if (strcmp(name, "styleLink") == 0 && val) {
            r->cur_abs->style_link = air_arena_strdup(&r->d->tmp, val);
        }
    } else if (r->cur_num != NULL && depth == 2) {
        if (strcmp(name, "abstractNumId") == 0) {
            r->cur_num->abs_id =
                air_xml_long(air_xml_attr(x, "val"), -1, 0, INT32_MAX);
        } else if (strcmp(name, "lvlOverride") == 0) {
            long il = air_xml_long(air_xml_attr(x, "ilvl"), -1, -1, 99);
            r->ov_level = il >= 0 && il < DOCX_LEVELS ? (int)il : -1;
            *descend = r->ov_level >= 0;
        }
    } else if (r->cur_num != NULL && depth == 3 && r->ov_level >= 0) {
        docx_num *n = r->cur_num;
        if (strcmp(name, "startOverride") == 0) {
            n->start_mask |= (uint16_t)(1u << r->ov_level);
            n->start_ov[r->ov_level] = (int32_t)air_xml_long(
                air_xml_attr(x, "val"), 0, -1000000, 1000000);
        } else if (strcmp(name, "lvl") == 0) {
            docx_lvl *l = air_arena_alloc(&r->d->tmp, sizeof *l);
            if (l == NULL)
                return air_error(AIR_ENOMEM, "out of memory");
            lvl_init(l);
            n->lvl_ov[r->ov_level] = l;
            r->lvl = l;
            r->lvl_depth = depth;
            r->fmt_known = false;
            *descend = true;
        }
    }
    return AIR_OK;
}

static int cmp_abs(const void *a, const void *b)
{
    long x = ((const docx_abs *)a)->id, y = ((const docx_abs *)b)->id;
    return x < y ? -1 : x > y;
}

static int cmp_num(const void *a, const void *b)
{
    long x = ((const docx_num *)a)->id, y = ((const docx_num *)b)->id;
    return x < y ? -1 : x > y;
}

/* The first element with id 'id' in an array sorted by id (stable:
 * the first definition in the part wins). */
#define LOWER_BOUND(arr, n, key, out)                                          \
    do {                                                                       \
        size_t lo_ = 0, hi_ = (n);                                             \
        while (lo_ < hi_) {                                                    \
            size_t mid_ = (lo_ + hi_) / 2;                                     \
            if ((arr)[mid_].id < (key))                                        \
                lo_ = mid_ + 1;                                                \
            else                                                               \
                hi_ = mid_;                                                    \
        }                                                                      \
        (out) = lo_ < (n) && (arr)[lo_].id == (key) ? (long)lo_ : -1;          \
    } while (0)

static long find_abs(const docx_numbering *nb, long id)
{
    long i;
    LOWER_BOUND(nb->abs, nb->nabs, id, i);
    return i;
}

static docx_num *find_num(docx_numbering *nb, long id)
{
    long i;
    LOWER_BOUND(nb->num, nb->nnum, id, i);
    return i >= 0 ? &nb->num[i] : NULL;
}

/* Sorts by id keeping the part's order among equal ids (qsort is not
 * stable: the index breaks ties). */
static void sort_stable(void *v, size_t n, size_t size,
                        int (*cmp)(const void *, const void *))
{
    /* Insertion sort on nearly sorted input (Word writes ids in order);
     * falls back to qsort for large unsorted input, where ties are
     * meaningless anyway. */
    char *a = v;
    if (n > 4096) {
        qsort(v, n, size, cmp);
        return;
    }
    char tmp[sizeof(docx_abs) > sizeof(docx_num) ? sizeof(docx_abs)
                                                 : sizeof(docx_num)];
    for (size_t i = 1; i < n; i++) {
        size_t j = i;
        memcpy(tmp, a + i * size, size);
        while (j > 0 && cmp(a + (j - 1) * size, tmp) > 0) {
            memcpy(a + j * size, a + (j - 1) * size, size);
            j--;
        }
        if (j != i)
            memcpy(a + j * size, tmp, size);
    }
}

/* w:num -> w:abstractNum, following one w:numStyleLink hop: the linked
 * numbering style's numId names a w:num whose abstractNum holds the
 * levels. One hop only, so a link that loops ends. */
static void link_nums(docx *d)
{
    docx_numbering *nb = &d->num;
    for (size_t i = 0; i < nb->nnum; i++) {
        docx_num *n = &nb->num[i];
        long a = find_abs(nb, n->abs_id);
        if (a >= 0 && nb->abs[a].num_style_link != NULL) {
            docx_style *st = docx_style_chain(
                &d->styles,
                docx_style_find(&d->styles, nb->abs[a].num_style_link));
            docx_num *n2 =
                st && st->r_num_id > 0 ? find_num(nb, st->r_num_id) : NULL;
            long a2 = n2 ? find_abs(nb, n2->abs_id) : -1;
            if (a2 >= 0)
                a = a2;
        }
        n->abs = (int32_t)a;
    }
}

air_status docx_read_numbering(docx *d, const char *part)
{
    nreader r;
    memset(&r, 0, sizeof r);
    r.d = d;
    r.ov_level = -1;
    air_xml x;
    air_status rc = air_xml_open(&x, d->pkg, part);
    if (rc != AIR_OK)
        return rc;
    int more = air_xml_next(&x);
    while (more == 1) {
        if (!air_xml_is_start(&x)) {
            more = air_xml_next(&x);
            continue;
        }
        bool descend;
        rc = on_element(&r, &x, &descend);
        if (rc != AIR_OK)
            break;
        more = descend ? air_xml_next(&x) : air_xml_skip(&x);
    }
    if (rc == AIR_OK && more < 0)
        rc = more;
    air_xml_close(&x);
    docx_numbering *nb = &d->num;
    if (rc == AIR_OK) {
        sort_stable(r.abs, r.nabs, sizeof *r.abs, cmp_abs);
        sort_stable(r.num, r.nnum, sizeof *r.num, cmp_num);
        if (r.nabs > 0)
            nb->abs = air_arena_memdup(&d->tmp, r.abs, r.nabs * sizeof *r.abs);
        if (r.nnum > 0)
            nb->num = air_arena_memdup(&d->tmp, r.num, r.nnum * sizeof *r.num);
        if ((r.nabs > 0 && nb->abs == NULL) || (r.nnum > 0 && nb->num == NULL))
            rc = air_error(AIR_ENOMEM, "out of memory");
        else {
            nb->nabs = r.nabs;
            nb->nnum = r.nnum;
            link_nums(d);
        }
    }
    free(r.abs);
    free(r.num);
    return rc;
}

void docx_numbering_reset(docx *d)
{
    for (size_t i = 0; i < d->num.nabs; i++)
        d->num.abs[i].cnt.init = false;
    for (size_t i = 0; i < d->num.nnum; i++)
        d->num.num[i].cnt.init = false;
}

/* ---- the displayed marker ----------------------------------------------- */

static const docx_lvl *level_of(const docx_numbering *nb, const docx_num *n,
                                int k)
{
    if (n->lvl_ov[k] != NULL)
        return n->lvl_ov[k];
    return &nb->abs[n->abs].lvl[k];
}

/* Advances Word's counters for a paragraph at level 'L' of list 'n'. */
static docx_counters *advance(docx_numbering *nb, docx_num *n, int L)
{
    bool own = n->start_mask != 0;
    for (int k = 0; k < DOCX_LEVELS && !own; k++)
        own = n->lvl_ov[k] != NULL;
    docx_counters *c = own ? &n->cnt : &nb->abs[n->abs].cnt;
    if (!c->init) {
        for (int k = 0; k < DOCX_LEVELS; k++) {
            int32_t s = level_of(nb, n, k)->start;
            if (own && (n->start_mask & (1u << k)))
                s = n->start_ov[k];
            c->v[k] = s - 1;
        }
        c->init = true;
    }
    c->v[L]++;
    for (int k = L + 1; k < DOCX_LEVELS; k++) {
        const docx_lvl *l = level_of(nb, n, k);
        if (l->restart == 0 || (l->restart > 0 && L >= l->restart))
            continue;
        c->v[k] = l->start - 1;
    }
    return c;
}

/* The glyph a bullet level shows: its lvlText, with symbol-font codes
 * mapped to their Unicode twins where one is obvious. */
static const char *bullet_text(air_doc *doc, docx_lvl *l)
{
    const char *t = l->text ? l->text : "";
    if (l->shown != NULL)
        return l->shown;
    if (l->font == NULL)
        return l->shown = t;
    char out[64];
    size_t o = 0, n = strlen(t);
    for (size_t i = 0; i < n && o + 4 < sizeof out;) {
        uint32_t cp;
        i += air_utf8_decode(&cp, t + i, n - i);
        uint32_t u = air_symfont_unicode(l->font, cp);
        o += air_utf8_encode(out + o, u ? u : cp);
    }
    return l->shown = air_doc_strndup(doc, out, o);
}

static const char *render(air_doc *doc, const docx_numbering *nb,
                          const docx_num *n, int L, const docx_counters *c)
{
    const docx_lvl *lv = level_of(nb, n, L);
    const char *t = lv->text ? lv->text : "";
    char out[256];
    size_t o = 0;
    for (; *t && o + 1 < sizeof out; t++) {
        if (t[0] == '%' && t[1] >= '1' && t[1] <= '9') {
            int k = t[1] - '1';
            const docx_lvl *kl = level_of(nb, n, k);
            air_numfmt f = (air_numfmt)kl->fmt;
            if (lv->is_lgl && f != AIR_NUMFMT_NONE)
                f = AIR_NUMFMT_DECIMAL;
            long v = c->v[k];
            if (v < 0 && k != L)
                v = 0;
            o += air_numfmt_render(out + o, sizeof out - o, f, v);
            t++;
        } else {
            out[o++] = *t;
        }
    }
    out[o] = '\0';
    return air_doc_strndup(doc, out, o);
}

/* The level a style-given number uses when no ilvl says: the level whose
 * w:pStyle names the style. */
static int level_by_style(const docx_numbering *nb, const docx_num *n,
                          const char *style)
{
    if (style == NULL)
        return -1;
    for (int k = 0; k < DOCX_LEVELS; k++) {
        const docx_lvl *l = level_of(nb, n, k);
        if (l->defined && l->pstyle && strcmp(l->pstyle, style) == 0)
            return k;
    }
    return -1;
}

air_status docx_number_para(docx *d, air_node *node, const docx_pprops *pp)
{
    air_para *p = &node->u.para;
    docx_styles *ss = &d->styles;
    docx_style *own = pp->style ? docx_style_find(ss, pp->style) : NULL;
    docx_style *eff = own;
    if (eff == NULL && ss->default_para >= 0)
        eff = &ss->v[ss->default_para];
    if (own != NULL) {
        p->style_id = own->id;
        p->style_name = own->name;
    } else if (pp->style != NULL) {
        p->style_id = air_doc_strdup(d->doc, pp->style);
    } else if (eff != NULL) {
        p->style_id = eff->id;
        p->style_name = eff->name;
    }
    docx_style *ch = docx_style_chain(ss, eff);
    int32_t num_id = pp->num_id >= 0 ? pp->num_id : ch ? ch->r_num_id : -1;
    int ilvl = pp->ilvl >= 0 ? pp->ilvl : ch ? ch->r_ilvl : -1;
    int outline = pp->outline >= 0 ? pp->outline : ch ? ch->r_outline : -1;
    bool from_style = pp->num_id < 0 && num_id > 0;

    p->outline_level = (int8_t)(outline >= 0 && outline <= 8 ? outline : -1);
    int heading = eff ? eff->heading : 0;
    if (heading == 0 && p->outline_level >= 0)
        heading = p->outline_level + 1;
    p->heading = (uint8_t)heading;

    if (num_id <= 0)
        return AIR_OK;
    docx_numbering *nb = &d->num;
    docx_num *n = find_num(nb, num_id);
    if (n == NULL || n->abs < 0)
        return AIR_OK; /* undefined list: Word shows no number */
    if (ilvl < 0 && from_style) {
        ilvl = level_by_style(nb, n, eff ? eff->id : NULL);
        if (ilvl < 0 && ch->num_style >= 0)
            ilvl = level_by_style(nb, n, ss->v[ch->num_style].id);
    }
    if (ilvl < 0)
        ilvl = 0;
    docx_lvl *lv =
        n->lvl_ov[ilvl] ? n->lvl_ov[ilvl] : &nb->abs[n->abs].lvl[ilvl];
    if (!lv->defined)
        return AIR_OK; /* undefined level: no number either */

    air_list *l = &p->list;
    l->level = (uint8_t)ilvl;
    l->fmt = lv->fmt;
    l->from_style = from_style;
    l->list_id = (uint32_t)num_id;
    l->pattern = lv->text;
    docx_counters *c = advance(nb, n, ilvl);
    l->value = c->v[ilvl];
    if (lv->fmt == AIR_NUMFMT_BULLET) {
        l->kind = AIR_LIST_BULLET;
        l->marker = bullet_text(d->doc, lv);
    } else {
        l->kind = AIR_LIST_NUMBER;
        l->marker = render(d->doc, nb, n, ilvl, c);
    }
    if (l->marker == NULL)
        return air_error(AIR_ENOMEM, "out of memory");
    return AIR_OK;
}
