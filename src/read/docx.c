/* docx.c -- DOCX (OOXML WordprocessingML) reader: finds the parts and
 * reads them in the order the model needs (see docx.h).
 *
 * Consumes: _rels/.rels (officeDocument, core-properties,
 * extended-properties, custom-properties) and the main part's
 * relationships (styles, numbering, footnotes, endnotes, comments,
 * header, footer; hyperlinks and images are looked up by the body walk).
 *
 * Order: metadata; styles before numbering (w:numStyleLink names a
 * style); footnotes, endnotes and comments before the body, as detached
 * nodes that their reference marks attach; the body; then the headers and
 * footers each w:sectPr named, put first in their section. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "read/docx.h"
#include "read/read.h"
#include "util/error.h"

/* The main document part: the officeDocument relationship of the
 * package (transitional or strict; the corpus has word/document2.xml),
 * else the conventional name. */
static const char *main_part(docx *d, const air_opc_rels *pkgrels)
{
    const air_opc_rel *r = air_opc_by_type(pkgrels, "officeDocument");
    if (r != NULL && !r->external && air_pkg_has(d->pkg, r->target))
        return r->target;
    if (air_pkg_has(d->pkg, "word/document.xml"))
        return "word/document.xml";
    return NULL;
}

/* The target of the main part's relationship of 'type' when the part
 * exists; a listed but missing part is noted and read as absent. */
static const char *related(docx *d, const char *type)
{
    const air_opc_rel *r = air_opc_by_type(&d->rels, type);
    if (r == NULL || r->external)
        return NULL;
    if (!air_pkg_has(d->pkg, r->target)) {
        air_doc_diag(d->doc, "%s: %s part %s is missing", d->main, type,
                     r->target);
        return NULL;
    }
    return r->target;
}

static air_status read_notes(docx *d)
{
    static const char *const types[] = {"footnotes", "endnotes", "comments"};
    for (int i = 0; i < 3; i++) {
        const char *part = related(d, types[i]);
        if (part == NULL)
            continue;
        air_status rc = docx_walk(d, part, DOCX_PART_NOTES, NULL, i);
        if (rc != AIR_OK)
            return rc;
    }
    return AIR_OK;
}

static air_status read_headers_footers(docx *d)
{
    air_node **made = calloc(d->nhf ? d->nhf : 1, sizeof *made);
    if (made == NULL)
        return air_error(AIR_ENOMEM, "out of memory");
    air_status rc = AIR_OK;
    for (size_t i = 0; i < d->nhf && rc == AIR_OK; i++) {
        docx_hfref *h = &d->hf[i];
        if (!air_pkg_has(d->pkg, h->part)) {
            air_doc_diag(d->doc, "%s: %s part %s is missing", d->main,
                         h->footer ? "footer" : "header", h->part);
            continue;
        }
        air_node *n = air_node_add(
            d->doc, NULL, h->footer ? AIR_NODE_FOOTER : AIR_NODE_HEADER);
        if (n == NULL) {
            rc = d->doc->nnodes >= d->doc->max_nodes ? AIR_ELIMIT : AIR_ENOMEM;
            break;
        }
        n->u.hf.which = h->which;
        rc = docx_walk(d, h->part, DOCX_PART_HDRFTR, n, 0);
        made[i] = n;
    }
    /* Put them before their section's blocks, in w:sectPr order. */
    for (size_t i = d->nhf; rc == AIR_OK && i-- > 0;)
        if (made[i] != NULL)
            air_node_prepend(d->hf[i].section, made[i]);
    free(made);
    return rc;
}

air_status air_read_docx(air_doc *doc, air_pkg *pkg)
{
    docx d;
    memset(&d, 0, sizeof d);
    d.doc = doc;
    d.pkg = pkg;
    d.max_table_depth = air_pkg_limits(pkg)->max_table_depth;
    d.styles.default_para = -1;
    air_opc_rels pkgrels;
    air_status rc = air_opc_read_rels(&pkgrels, pkg, "", &d.tmp);
    if (rc != AIR_OK)
        goto done;
    d.main = main_part(&d, &pkgrels);
    if (d.main == NULL) {
        rc = air_error(AIR_EFORMAT,
                       "%s: DOCX without a main document part "
                       "(no officeDocument relationship, no "
                       "word/document.xml)",
                       air_pkg_name(pkg));
        goto done;
    }
    rc = docx_read_meta(&d, &pkgrels);
    if (rc == AIR_OK)
        rc = air_opc_read_rels(&d.rels, pkg, d.main, &d.tmp);
    if (rc != AIR_OK)
        goto done;
    const char *part = related(&d, "styles");
    if (part != NULL && (rc = docx_read_styles(&d, part)) != AIR_OK)
        goto done;
    part = related(&d, "numbering");
    if (part != NULL && (rc = docx_read_numbering(&d, part)) != AIR_OK)
        goto done;
    rc = read_notes(&d);
    if (rc == AIR_OK)
        rc = docx_walk(&d, d.main, DOCX_PART_DOCUMENT, NULL, 0);
    if (rc == AIR_OK)
        rc = read_headers_footers(&d);
done:
    for (int i = 0; i < 3; i++)
        free(d.notes[i].v);
    free(d.hf);
    air_arena_free(&d.tmp);
    return rc;
}
