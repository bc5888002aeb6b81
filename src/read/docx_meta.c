/* docx_meta.c -- DOCX metadata (principle 5).
 *
 * Consumes:
 *   docProps/core.xml   cp:coreProperties/{dc:title dc:creator dc:subject
 *                       dc:description cp:keywords dcterms:created
 *                       dcterms:modified cp:lastModifiedBy dc:language}
 *                       into the nine fields, any other child as core:<name>
 *   docProps/app.xml    Properties/<leaf> as app:<name> (leaves only: the
 *                       vectors HeadingPairs, TitlesOfParts are skipped)
 *   docProps/custom.xml Properties/property@name/<vt:*> as custom:<name>
 * Values are raw (not trimmed); an empty element is "", an absent one
 * NULL (the corpus README's definition). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "read/docx.h"
#include "util/buf.h"
#include "util/error.h"

/* A metadata value is a line or a paragraph; 1 MiB is far beyond any
 * real one and keeps a hostile part from growing memory. */
#define META_MAX ((size_t)1 << 20)

/* Reads the text of the current element (all of its descendants) into
 * 'out' and leaves the reader on its end. *leaf is false when the element
 * has element children. */
static int read_value(air_xml *x, air_buf *out, bool *leaf)
{
    air_buf_clear(out);
    *leaf = true;
    if (air_xml_empty(x))
        return 1;
    int d = air_xml_depth(x);
    int rc;
    while ((rc = air_xml_next(x)) == 1) {
        if (air_xml_is_end(x) && air_xml_depth(x) == d)
            break;
        if (air_xml_is_start(x))
            *leaf = false;
        else if (air_xml_is_text(x)) {
            const char *v = air_xml_value(x);
            air_status st = air_buf_add(out, v, strlen(v));
            if (st != AIR_OK)
                return st;
        }
    }
    return rc;
}

static int meta_field(const char *local)
{
    static const char *const names[AIR_META_COUNT] = {
        "title",   "creator",  "subject",        "description", "keywords",
        "created", "modified", "lastModifiedBy", "language"};
    for (int i = 0; i < AIR_META_COUNT; i++)
        if (strcmp(local, names[i]) == 0)
            return i;
    return -1;
}

typedef enum { CORE, APP, CUSTOM } meta_part;

static air_status add_extra(air_doc *doc, const char *prefix, const char *name,
                            const air_buf *v)
{
    char key[256];
    snprintf(key, sizeof key, "%s:%s", prefix, name);
    return air_doc_add_meta_extra(doc, key, air_buf_cstr(v), v->len);
}

static air_status read_part(docx *d, const char *part, meta_part which)
{
    air_xml x;
    air_buf val = AIR_BUF_INIT;
    val.max = META_MAX;
    char name[200];
    air_status rc = air_xml_open(&x, d->pkg, part);
    if (rc != AIR_OK)
        return rc;
    int more;
    while ((more = air_xml_next(&x)) == 1) {
        if (!air_xml_is_start(&x) || air_xml_depth(&x) == 0)
            continue;
        bool leaf;
        if (which == CUSTOM) {
            /* property@name holds one vt:* value element. */
            if (air_xml_depth(&x) != 1 || !air_xml_is(&x, "property")) {
                more = air_xml_skip(&x);
                if (more != 1)
                    break;
                continue;
            }
            const char *pn = air_xml_attr(&x, "name");
            snprintf(name, sizeof name, "%s", pn ? pn : "");
            more = read_value(&x, &val, &leaf);
            if (more != 1)
                break;
            /* <vt:lpwstr>value</vt:lpwstr>: the text below it. */
            rc = add_extra(d->doc, "custom", name, &val);
        } else {
            snprintf(name, sizeof name, "%s", air_xml_name(&x));
            more = read_value(&x, &val, &leaf);
            if (more != 1)
                break;
            if (which == CORE) {
                int f = meta_field(name);
                if (f >= 0)
                    rc = air_doc_set_meta(d->doc, (air_meta_field)f,
                                          air_buf_cstr(&val), val.len);
                else
                    rc = add_extra(d->doc, "core", name, &val);
            } else if (leaf) {
                rc = add_extra(d->doc, "app", name, &val);
                if (rc == AIR_OK && strcmp(name, "Application") == 0 &&
                    d->doc->generator == NULL)
                    d->doc->generator =
                        air_doc_strndup(d->doc, air_buf_cstr(&val), val.len);
            }
        }
        if (rc != AIR_OK)
            break;
    }
    if (rc == AIR_OK && more < 0)
        rc = more;
    air_xml_close(&x);
    air_buf_free(&val);
    return rc;
}

air_status docx_read_meta(docx *d, const air_opc_rels *pkgrels)
{
    static const struct {
        const char *type, *dflt;
        meta_part which;
    } parts[] = {
        {"core-properties", "docProps/core.xml", CORE},
        {"extended-properties", "docProps/app.xml", APP},
        {"custom-properties", "docProps/custom.xml", CUSTOM},
    };
    for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) {
        const air_opc_rel *r = air_opc_by_type(pkgrels, parts[i].type);
        const char *part = r && !r->external ? r->target : parts[i].dflt;
        if (!air_pkg_has(d->pkg, part))
            continue;
        air_status rc = read_part(d, part, parts[i].which);
        if (rc == AIR_ENOMEM)
            return rc;
        if (rc != AIR_OK) {
            /* Metadata is not the document: say so and read on. */
            air_doc_diag(d->doc, "%s", air_last_error());
            air_error_clear();
        }
    }
    return AIR_OK;
}
