/* docx_styles.c -- styles.xml: what the paragraph styles say about
 * numbering, outline levels and headings.
 *
 * Consumes: w:styles/w:style@w:type,w:styleId,w:default with w:name@w:val,
 * w:basedOn@w:val, w:pPr/w:numPr/{w:ilvl,w:numId}@w:val and
 * w:pPr/w:outlineLvl@w:val, w:rPr/w:rFonts@w:ascii,w:hAnsi. Everything
 * else (docDefaults, latentStyles, table properties, pPrChange) is
 * skipped unread. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "read/docx.h"
#include "read/symfont.h"
#include "util/error.h"

/* Word writes a few hundred styles at most; a hundred thousand is an
 * attack on memory. */
enum { MAX_STYLES = 100000 };

static uint32_t hash_str(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

const char *docx_style_symfont(docx_styles *s, const char *id, bool *set)
{
    docx_style *st = docx_style_chain(s, docx_style_find(s, id));
    *set = st != NULL && st->r_font_set;
    return st ? st->r_symfont : NULL;
}

int docx_heading_of(const char *name, const char *id)
{
    if (name != NULL && strncasecmp(name, "heading ", 8) == 0 &&
        name[8] >= '1' && name[8] <= '9' && name[9] == '\0')
        return name[8] - '0';
    if (id != NULL && strncasecmp(id, "heading", 7) == 0 && id[7] >= '1' &&
        id[7] <= '9' && id[8] == '\0')
        return id[7] - '0';
    return 0;
}

docx_style *docx_style_find(docx_styles *s, const char *id)
{
    if (id == NULL || s->hcap == 0)
        return NULL;
    size_t mask = s->hcap - 1;
    for (size_t i = hash_str(id) & mask;; i = (i + 1) & mask) {
        uint32_t k = s->hash[i];
        if (k == 0)
            return NULL;
        if (strcmp(s->v[k - 1].id, id) == 0)
            return &s->v[k - 1];
    }
}

/* Walks the chain from 'st' down to the first style already resolved (or
 * its end, or back to a style on the path: a loop), then resolves the
 * path bottom-up, so every style is resolved once and a long chain costs
 * its length, not its square. A loop inherits nothing past itself. */
docx_style *docx_style_chain(docx_styles *s, docx_style *st)
{
    if (st == NULL || st->resolved)
        return st;
    size_t n = 0;
    docx_style *below = NULL; /* the resolved style the path ends on */
    for (docx_style *c = st; c != NULL;) {
        if (c->resolved) {
            below = c;
            break;
        }
        if (c->on_path || n == s->n)
            break;
        c->on_path = true;
        s->path[n++] = (uint32_t)(c - s->v);
        c = c->based_on ? docx_style_find(s, c->based_on) : NULL;
    }
    while (n-- > 0) {
        docx_style *c = &s->v[s->path[n]];
        c->r_num_id = below ? below->r_num_id : -1;
        c->num_style = below ? below->num_style : -1;
        c->r_ilvl = below ? below->r_ilvl : -1;
        c->r_outline = below ? below->r_outline : -1;
        c->r_font_set = below ? below->r_font_set : false;
        c->r_symfont = below ? below->r_symfont : NULL;
        if (c->font_set) {
            c->r_font_set = true;
            c->r_symfont = c->symfont;
        }
        if (c->num_id >= 0) {
            c->r_num_id = c->num_id;
            c->num_style = (int32_t)s->path[n];
        }
        if (c->ilvl >= 0)
            c->r_ilvl = c->ilvl;
        if (c->outline >= 0)
            c->r_outline = c->outline;
        c->on_path = false;
        c->resolved = true;
        below = c;
    }
    return st;
}

static uint8_t style_type(const char *t)
{
    if (t == NULL || strcmp(t, "paragraph") == 0)
        return DOCX_ST_PARA;
    if (strcmp(t, "character") == 0)
        return DOCX_ST_CHAR;
    if (strcmp(t, "table") == 0)
        return DOCX_ST_TABLE;
    if (strcmp(t, "numbering") == 0)
        return DOCX_ST_NUMBERING;
    return 0;
}

static air_status build_hash(docx *d)
{
    docx_styles *s = &d->styles;
    s->path = air_arena_alloc(&d->tmp, (s->n + 1) * sizeof *s->path);
    if (s->path == NULL)
        return air_error(AIR_ENOMEM, "out of memory");
    size_t cap = 16;
    while (cap < s->n * 2)
        cap *= 2;
    s->hash = air_arena_alloc(&d->tmp, cap * sizeof *s->hash);
    if (s->hash == NULL)
        return air_error(AIR_ENOMEM, "out of memory");
    s->hcap = cap;
    for (size_t k = 0; k < s->n; k++) {
        /* The first definition of an id wins, as in Word. */
        if (docx_style_find(s, s->v[k].id) != NULL)
            continue;
        size_t i = hash_str(s->v[k].id) & (cap - 1);
        while (s->hash[i] != 0)
            i = (i + 1) & (cap - 1);
        s->hash[i] = (uint32_t)k + 1;
    }
    return AIR_OK;
}

air_status docx_read_styles(docx *d, const char *part)
{
    docx_styles *s = &d->styles;
    s->default_para = -1;
    air_xml x;
    air_status rc = air_xml_open(&x, d->pkg, part);
    if (rc != AIR_OK)
        return rc;
    docx_style *v = NULL;
    size_t n = 0, cap = 0;
    docx_style *cur = NULL;
    int more = air_xml_next(&x);
    while (more == 1) {
        if (!air_xml_is_start(&x)) {
            more = air_xml_next(&x);
            continue;
        }
        int depth = air_xml_depth(&x);
        const char *name = air_xml_name(&x);
        bool descend = false;
        if (depth == 0) {
            descend = true; /* w:styles */
        } else if (depth == 1) {
            cur = NULL;
            if (strcmp(name, "style") == 0) {
                if (n == MAX_STYLES) {
                    rc = air_error(AIR_ELIMIT,
                                   "%s: %s: more than %d "
                                   "styles (limit)",
                                   air_pkg_name(d->pkg), part, MAX_STYLES);
                    break;
                }
                if (n == cap) {
                    size_t nc = cap ? cap * 2 : 64;
                    docx_style *nv = realloc(v, nc * sizeof *nv);
                    if (nv == NULL) {
                        rc = air_error(AIR_ENOMEM, "out of memory");
                        break;
                    }
                    v = nv;
                    cap = nc;
                }
                cur = &v[n++];
                memset(cur, 0, sizeof *cur);
                cur->num_id = -1;
                cur->ilvl = cur->outline = -1;
                cur->num_style = -1;
                cur->type = style_type(air_xml_attr(&x, "type"));
                cur->is_default =
                    air_xml_bool(air_xml_attr(&x, "default"), false);
                const char *id = air_xml_attr(&x, "styleId");
                cur->id = air_doc_strdup(d->doc, id ? id : "");
                if (cur->id == NULL) {
                    rc = air_error(AIR_ENOMEM, "out of memory");
                    break;
                }
                descend = true;
            }
        } else if (cur != NULL) {
            const char *val = air_xml_attr(&x, "val");
            if (depth == 2 && strcmp(name, "name") == 0) {
                cur->name = air_doc_strdup(d->doc, val ? val : "");
            } else if (depth == 2 && strcmp(name, "basedOn") == 0) {
                cur->based_on = val ? air_arena_strdup(&d->tmp, val) : NULL;
            } else if (depth == 2 &&
                       (strcmp(name, "pPr") == 0 || strcmp(name, "rPr") == 0)) {
                descend = true;
            } else if (depth == 3 && strcmp(name, "rFonts") == 0) {
                const char *f = air_xml_attr(&x, "ascii");
                if (f == NULL)
                    f = air_xml_attr(&x, "hAnsi");
                if (f != NULL) {
                    cur->font_set = true;
                    cur->symfont = air_symfont_match(f, strlen(f));
                }
            } else if (depth == 3 && strcmp(name, "numPr") == 0) {
                descend = true;
            } else if (depth == 3 && strcmp(name, "outlineLvl") == 0) {
                cur->outline = (int8_t)air_xml_long(val, -1, 0, 9);
            } else if (depth == 4 && strcmp(name, "ilvl") == 0) {
                cur->ilvl = (int8_t)air_xml_long(val, 0, 0, 8);
            } else if (depth == 4 && strcmp(name, "numId") == 0) {
                cur->num_id = (int32_t)air_xml_long(val, 0, 0, INT32_MAX);
            }
        }
        more = descend ? air_xml_next(&x) : air_xml_skip(&x);
    }
    if (rc == AIR_OK && more < 0)
        rc = more;
    air_xml_close(&x);
    if (rc == AIR_OK && n > 0) {
        s->v = air_arena_memdup(&d->tmp, v, n * sizeof *v);
        if (s->v == NULL)
            rc = air_error(AIR_ENOMEM, "out of memory");
        else
            s->n = n;
    }
    free(v);
    if (rc != AIR_OK)
        return rc;
    for (size_t i = 0; i < s->n; i++) {
        docx_style *st = &s->v[i];
        st->heading = (uint8_t)docx_heading_of(st->name, st->id);
        if (st->type == DOCX_ST_PARA && st->is_default && s->default_para < 0)
            s->default_para = (int32_t)i;
    }
    return build_hash(d);
}
