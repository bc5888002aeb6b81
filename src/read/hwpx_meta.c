/* hwpx_meta.c -- the package file (content.hpf, an OPF package): the
 * document's metadata (principle 5), its manifest and its spine.
 *
 * Consumes: opf:metadata/{opf:title opf:language opf:meta@name and any
 * other child (dc:creator, a bare opf:creator, ...)}, opf:manifest/
 * opf:item@id,href,media-type, opf:spine/opf:itemref@idref.
 *
 * Values are raw: not trimmed, "" for an empty element, absent (NULL) when
 * there is no element. The standard sources win: opf:title, opf:language
 * and opf:meta@name = creator, subject, description, keyword, CreatedDate,
 * ModifiedDate, lastsaveby; a field without its standard element is filled
 * from a non-standard one (dc:title, dc:creator, opf:creator, ...) and
 * noted in the diagnostics. A duplicated name: the first value wins in the
 * fields, the last one in the extras ("meta:<name>" for every opf:meta,
 * "opf:<name>" or "dc:<name>" for every other element). */
#include "config.h"

#include <string.h>

#include "read/hwpx.h"
#include "util/buf.h"
#include "util/error.h"

/* One metadata value: more than this is not a title. */
enum { META_VALUE_MAX = 64 * 1024 };
/* Metadata entries kept as extras: a real package has about ten. */
enum { MAX_EXTRAS = 1000 };
/* Manifest items and spine entries: sections and images of one document. */
enum { MAX_ITEMS = 100000 };

#define DC_NS "http://purl.org/dc/elements/1.1/"

typedef struct meta_val {
    const char *v; /* tmp, NULL when absent */
    size_t n;
    const char *source; /* non-standard: the element that gave it */
} meta_val;

typedef struct meta_walk {
    hwpx *h;
    air_xml x;
    hwpx_dict names;
    hwpx_attrs at;
    meta_val std[AIR_META_COUNT], alt[AIR_META_COUNT];
    size_t nextras;
} meta_walk;

static int meta_field_of(const char *name)
{
    static const struct {
        const char *name;
        air_meta_field f;
    } M[] = {
        { "creator", AIR_META_CREATOR },
        { "subject", AIR_META_SUBJECT },
        { "description", AIR_META_DESCRIPTION },
        { "keyword", AIR_META_KEYWORDS },
        { "CreatedDate", AIR_META_CREATED },
        { "ModifiedDate", AIR_META_MODIFIED },
        { "lastsaveby", AIR_META_LAST_MODIFIED_BY },
    };
    for (size_t i = 0; i < sizeof M / sizeof *M; i++)
        if (strcmp(name, M[i].name) == 0)
            return (int)M[i].f;
    return -1;
}

/* The field a non-standard element fills, or -1. */
static int alt_field_of(const char *local)
{
    static const struct {
        const char *name;
        air_meta_field f;
    } M[] = {
        { "title", AIR_META_TITLE },
        { "language", AIR_META_LANGUAGE },
        { "creator", AIR_META_CREATOR },
        { "subject", AIR_META_SUBJECT },
        { "description", AIR_META_DESCRIPTION },
        { "keyword", AIR_META_KEYWORDS },
        { "keywords", AIR_META_KEYWORDS },
        { "lastsaveby", AIR_META_LAST_MODIFIED_BY },
    };
    for (size_t i = 0; i < sizeof M / sizeof *M; i++)
        if (strcmp(local, M[i].name) == 0)
            return (int)M[i].f;
    return -1;
}

/* Sets extra 'key' to v[0..n): the last value of a name wins. */
static air_status set_extra(meta_walk *w, const char *key, const char *v,
                            size_t n)
{
    air_doc *doc = w->h->doc;
    for (air_meta_extra *e = doc->meta.extra; e; e = e->next)
        if (strcmp(e->key, key) == 0) {
            e->value = air_doc_strndup(doc, v, n);
            return e->value ? AIR_OK : air_error(AIR_ENOMEM, "out of memory");
        }
    if (w->nextras >= MAX_EXTRAS)
        return AIR_OK;
    w->nextras++;
    return air_doc_add_meta_extra(doc, key, v, n);
}

/* Reads the text content of the current element (the reader ends on its
 * end tag) into 'b'. */
static int read_text(meta_walk *w, air_buf *b)
{
    air_buf_clear(b);
    if (air_xml_empty(&w->x))
        return 1;
    int depth = air_xml_depth(&w->x);
    int rc;
    while ((rc = air_xml_next(&w->x)) == 1) {
        if (air_xml_is_end(&w->x) && air_xml_depth(&w->x) == depth)
            break;
        if (air_xml_is_text(&w->x)) {
            air_status st = hwpx_text_append(b, &w->x, META_VALUE_MAX);
            if (st != AIR_OK)
                return st;
        }
    }
    return rc;
}

static air_status keep(meta_walk *w, meta_val *slot, const air_buf *b,
                       const char *source)
{
    if (slot->v != NULL)
        return AIR_OK; /* the first one wins */
    slot->v = air_arena_strndup(&w->h->tmp, b->ptr ? b->ptr : "", b->len);
    slot->n = b->len;
    slot->source = source;
    return slot->v ? AIR_OK : air_error(AIR_ENOMEM, "out of memory");
}

/* A child of opf:metadata. */
static int on_meta_child(meta_walk *w, air_buf *b)
{
    static const hwpx_name WANT[] = { HN_name };
    hwpx_name nm = hwpx_elem(&w->names, &w->x);
    char key[160];
    int field = -1;
    bool standard = false;
    const xmlChar *uri = xmlTextReaderConstNamespaceUri(w->x.r);
    bool dc = uri && strcmp((const char *)uri, DC_NS) == 0;
    const char *local = air_xml_name(&w->x);

    if (nm == HN_meta) {
        hwpx_get_attrs(&w->at, &w->names, &w->x, WANT, 1);
        const char *name = w->at.v[0] ? w->at.v[0] : "";
        snprintf(key, sizeof key, "meta:%s", name);
        field = meta_field_of(name);
        standard = true;
    } else {
        snprintf(key, sizeof key, "%s:%s", dc ? "dc" : "opf", local);
        if ((nm == HN_title || nm == HN_language) && !dc) {
            field = nm == HN_title ? AIR_META_TITLE : AIR_META_LANGUAGE;
            standard = true;
        } else {
            field = alt_field_of(local);
        }
    }
    int rc = read_text(w, b);
    if (rc < 0)
        return rc;
    air_status st = set_extra(w, key, b->ptr ? b->ptr : "", b->len);
    if (st == AIR_OK && field >= 0) {
        meta_val *slot = standard ? &w->std[field] : &w->alt[field];
        const char *src = NULL;
        if (!standard) {
            src = air_arena_strdup(&w->h->tmp, key);
            if (src == NULL)
                return air_error(AIR_ENOMEM, "out of memory");
        }
        st = keep(w, slot, b, src);
    }
    return st != AIR_OK ? st : rc;
}

static air_status add_item(meta_walk *w)
{
    static const hwpx_name WANT[] = { HN_id, HN_href, HN_media_type };
    hwpx *h = w->h;
    if (h->nitems >= MAX_ITEMS)
        return AIR_OK;
    if (h->nitems == h->itemcap) {
        size_t cap = h->itemcap ? h->itemcap * 2 : 32;
        hwpx_item *v = air_arena_alloc(&h->tmp, cap * sizeof *v);
        if (v == NULL)
            return air_error(AIR_ENOMEM, "out of memory");
        if (h->nitems)
            memcpy(v, h->items, h->nitems * sizeof *v);
        h->items = v;
        h->itemcap = cap;
    }
    hwpx_get_attrs(&w->at, &w->names, &w->x, WANT, 3);
    hwpx_item *it = &h->items[h->nitems];
    it->id = air_arena_strdup(&h->tmp, w->at.v[0] ? w->at.v[0] : "");
    it->href = air_arena_strdup(&h->tmp, w->at.v[1] ? w->at.v[1] : "");
    it->media_type = air_arena_strdup(&h->tmp, w->at.v[2] ? w->at.v[2] : "");
    if (!it->id || !it->href || !it->media_type)
        return air_error(AIR_ENOMEM, "out of memory");
    h->nitems++;
    return AIR_OK;
}

static air_status add_itemref(meta_walk *w)
{
    static const hwpx_name WANT[] = { HN_idref };
    hwpx *h = w->h;
    hwpx_get_attrs(&w->at, &w->names, &w->x, WANT, 1);
    if (w->at.v[0] == NULL || h->nspine >= MAX_ITEMS)
        return AIR_OK;
    if (h->nspine == h->spinecap) {
        size_t cap = h->spinecap ? h->spinecap * 2 : 32;
        const char **v = air_arena_alloc(&h->tmp, cap * sizeof *v);
        if (v == NULL)
            return air_error(AIR_ENOMEM, "out of memory");
        if (h->nspine)
            memcpy(v, h->spine, h->nspine * sizeof *v);
        h->spine = v;
        h->spinecap = cap;
    }
    h->spine[h->nspine] = air_arena_strdup(&h->tmp, w->at.v[0]);
    if (h->spine[h->nspine] == NULL)
        return air_error(AIR_ENOMEM, "out of memory");
    h->nspine++;
    return AIR_OK;
}

static air_status walk(meta_walk *w, air_buf *b)
{
    int meta_depth = -1; /* depth of opf:metadata while inside it */
    int rc;
    while ((rc = air_xml_next(&w->x)) == 1) {
        if (!air_xml_is_start(&w->x)) {
            if (air_xml_is_end(&w->x) && air_xml_depth(&w->x) == meta_depth)
                meta_depth = -1;
            continue;
        }
        int depth = air_xml_depth(&w->x);
        if (meta_depth >= 0 && depth == meta_depth + 1) {
            rc = on_meta_child(w, b);
            if (rc < 0)
                return rc;
            continue;
        }
        air_status st = AIR_OK;
        switch (hwpx_elem(&w->names, &w->x)) {
        case HN_metadata:
            if (!air_xml_empty(&w->x))
                meta_depth = depth;
            break;
        case HN_item:
            st = add_item(w);
            break;
        case HN_itemref:
            st = add_itemref(w);
            break;
        default:
            break;
        }
        if (st != AIR_OK)
            return st;
    }
    return rc < 0 ? rc : AIR_OK;
}

air_status hwpx_read_hpf(hwpx *h, const char *part)
{
    meta_walk *w = air_arena_alloc(&h->tmp, sizeof *w);
    if (w == NULL)
        return air_error(AIR_ENOMEM, "out of memory");
    w->h = h;
    air_buf b = { 0 };
    air_status rc = air_xml_open(&w->x, h->pkg, part);
    if (rc != AIR_OK)
        return rc;
    hwpx_dict_init(&w->names, &w->x);
    rc = walk(w, &b);
    air_xml_close(&w->x);
    air_buf_free(&b);
    if (rc != AIR_OK)
        return rc;
    for (int f = 0; f < AIR_META_COUNT; f++) {
        const meta_val *v = w->std[f].v ? &w->std[f] : &w->alt[f];
        if (v->v == NULL)
            continue;
        if (v->source)
            air_doc_diag(h->doc, "%s: %s taken from non-standard <%s>", part,
                         air_meta_field_name((air_meta_field)f), v->source);
        rc = air_doc_set_meta(h->doc, (air_meta_field)f, v->v, v->n);
        if (rc != AIR_OK)
            return rc;
    }
    return AIR_OK;
}

const char *hwpx_item_part(const hwpx *h, const char *id)
{
    if (id == NULL)
        return NULL;
    for (size_t i = 0; i < h->nitems; i++)
        if (strcmp(h->items[i].id, id) == 0)
            return h->items[i].href;
    for (size_t i = 0; i < h->nbin; i++)
        if (strcmp(h->bin[i], id) == 0)
            return h->binpart[i];
    return NULL;
}
