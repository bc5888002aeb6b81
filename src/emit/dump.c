/* dump.c -- `airead dump`: the document model as one JSON document.
 *
 * The schema is versioned (AIR_DUMP_SCHEMA_VERSION) and documented in
 * man/airead-json.7: every node is an object with "kind", "story", "loc"
 * and, when it has any, "children"; kind-specific fields sit beside them.
 * The walk is iterative so that output depth never becomes C recursion
 * depth. */
#include "config.h"

#include <string.h>

#include "model/model.h"
#include "util/json.h"
#include "version.h"

static const char *align_name(air_align a)
{
    static const char *const names[] = { NULL, "left", "center", "right",
                                         "justify", "distribute" };
    return (unsigned)a < sizeof names / sizeof *names ? names[a] : NULL;
}

static void dump_spans(air_json *j, const air_para *p)
{
    if (p->nspans == 0)
        return;
    air_json_key(j, "spans");
    air_json_begin_array(j);
    for (uint32_t i = 0; i < p->nspans; i++) {
        const air_span *s = &p->spans[i];
        air_json_begin_object(j);
        air_json_kv_uint(j, "off", s->off);
        air_json_kv_uint(j, "len", s->len);
        air_json_key(j, "flags");
        air_json_begin_array(j);
        static const char *const flag_names[] = {
            "symfont", "sym", "field", "hidden", "inserted", "link",
            "compose", "bold", "italic", "superscript", "subscript"
        };
        for (unsigned b = 0; b < sizeof flag_names / sizeof *flag_names; b++)
            if (s->flags & (1u << b))
                air_json_string(j, flag_names[b]);
        air_json_end_array(j);
        if (s->code)
            air_json_kv_uint(j, "code", s->code);
        if (s->font)
            air_json_kv_string(j, "font", s->font);
        if (s->target)
            air_json_kv_string(j, "target", s->target);
        air_json_end_object(j);
    }
    air_json_end_array(j);
}

static void dump_para(air_json *j, const air_node *n)
{
    const air_para *p = &n->u.para;
    if (n->story == AIR_STORY_MAIN)
        air_json_kv_uint(j, "seq", n->seq);
    air_json_key(j, "text");
    air_json_stringn(j, p->text, p->len);
    if (p->nbreaks)
        air_json_kv_uint(j, "breaks", p->nbreaks);
    if (p->ntabs)
        air_json_kv_uint(j, "tabs", p->ntabs);
    if (p->style_id || p->style_name) {
        air_json_key(j, "style");
        air_json_begin_object(j);
        air_json_kv_string(j, "id", p->style_id);
        air_json_kv_string(j, "name", p->style_name);
        air_json_end_object(j);
    }
    if (p->outline_level >= 0)
        air_json_kv_int(j, "outline_level", p->outline_level);
    if (p->heading)
        air_json_kv_uint(j, "heading", p->heading);
    if (align_name(p->align))
        air_json_kv_string(j, "align", align_name(p->align));
    if (p->flags & AIR_PARA_PAGE_BREAK)
        air_json_kv_bool(j, "page_break", true);
    if (p->flags & AIR_PARA_COL_BREAK)
        air_json_kv_bool(j, "column_break", true);
    if (p->list.kind != AIR_LIST_NONE) {
        const air_list *l = &p->list;
        air_json_key(j, "list");
        air_json_begin_object(j);
        air_json_kv_string(j, "kind", air_list_kind_name(l->kind));
        air_json_kv_uint(j, "level", l->level);
        air_json_kv_string(j, "format", air_numfmt_name(l->fmt));
        air_json_kv_uint(j, "id", l->list_id);
        if (l->kind != AIR_LIST_BULLET)
            air_json_kv_int(j, "value", l->value);
        air_json_kv_string(j, "marker", l->marker);
        if (l->pattern)
            air_json_kv_string(j, "pattern", l->pattern);
        air_json_kv_bool(j, "from_style", l->from_style != 0);
        air_json_end_object(j);
    }
    dump_spans(j, p);
    if (p->deleted)
        air_json_kv_string(j, "deleted", p->deleted);
}

static void dump_fields(air_json *j, const air_node *n)
{
    air_json_kv_string(j, "kind", air_node_kind_name(n->kind));
    if (n->kind != AIR_NODE_SECTION && n->kind != AIR_NODE_ROW)
        air_json_kv_string(j, "story", air_story_name(n->story));
    if (n->parent && n->parent->kind == AIR_NODE_PARA)
        air_json_kv_uint(j, "anchor", n->anchor);
    if (n->kind != AIR_NODE_ROW && n->kind != AIR_NODE_SECTION) {
        air_json_key(j, "loc");
        air_json_begin_object(j);
        air_json_kv_uint(j, "section", n->loc.section);
        if (n->loc.para)
            air_json_kv_uint(j, "para", n->loc.para);
        if (n->loc.table) {
            air_json_kv_uint(j, "table", n->loc.table);
            if (n->loc.row)
                air_json_kv_uint(j, "row", n->loc.row);
            if (n->loc.col)
                air_json_kv_uint(j, "col", n->loc.col);
        }
        air_json_end_object(j);
    }
    if (n->src_line)
        air_json_kv_uint(j, "line", n->src_line);

    switch (n->kind) {
    case AIR_NODE_PARA:
        dump_para(j, n);
        break;
    case AIR_NODE_TABLE: {
        const air_table *t = &n->u.table;
        air_json_kv_uint(j, "index", n->seq);
        air_json_kv_uint(j, "depth", n->depth);
        air_json_kv_uint(j, "rows", t->rows);
        air_json_kv_uint(j, "cols", t->cols);
        if (t->decl_rows || t->decl_cols) {
            air_json_key(j, "declared");
            air_json_begin_object(j);
            air_json_kv_uint(j, "rows", t->decl_rows);
            air_json_kv_uint(j, "cols", t->decl_cols);
            air_json_end_object(j);
        }
        air_json_kv_uint(j, "merges", t->nmerges);
        break;
    }
    case AIR_NODE_CELL: {
        const air_cell *c = &n->u.cell;
        air_json_kv_uint(j, "row", c->row);
        air_json_kv_uint(j, "col", c->col);
        air_json_kv_uint(j, "rowspan", c->rowspan);
        air_json_kv_uint(j, "colspan", c->colspan);
        if (c->flags & AIR_CELL_COVERED)
            air_json_kv_bool(j, "covered", true);
        if (c->flags & AIR_CELL_HEADER)
            air_json_kv_bool(j, "header", true);
        break;
    }
    case AIR_NODE_IMAGE:
        air_json_kv_string(j, "alt", n->u.image.alt);
        if (n->u.image.title)
            air_json_kv_string(j, "title", n->u.image.title);
        if (n->u.image.target)
            air_json_kv_string(j, "target", n->u.image.target);
        break;
    case AIR_NODE_OBJECT:
        air_json_kv_string(j, "what", n->u.object.what);
        if (n->u.object.text)
            air_json_kv_string(j, "text", n->u.object.text);
        break;
    case AIR_NODE_FOOTNOTE:
    case AIR_NODE_ENDNOTE:
        if (n->u.note.id)
            air_json_kv_string(j, "id", n->u.note.id);
        if (n->u.note.mark)
            air_json_kv_string(j, "mark", n->u.note.mark);
        break;
    case AIR_NODE_HEADER:
    case AIR_NODE_FOOTER:
        if (n->u.hf.which)
            air_json_kv_string(j, "which", n->u.hf.which);
        break;
    case AIR_NODE_SECTION:
        air_json_kv_uint(j, "index", n->u.section_index);
        break;
    default:
        break;
    }
}

/* Pre-order, iteratively: open a node, descend into "children", close
 * objects and arrays on the way back up. */
static void dump_tree(air_json *j, const air_node *root)
{
    const air_node *n = root->first;
    if (n == NULL)
        return;
    for (;;) {
        air_json_begin_object(j);
        dump_fields(j, n);
        if (n->first) {
            air_json_key(j, "children");
            air_json_begin_array(j);
            n = n->first;
            continue;
        }
        air_json_end_object(j);
        while (n->next == NULL) {
            n = n->parent;
            if (n == root)
                return;
            air_json_end_array(j);  /* children */
            air_json_end_object(j); /* the parent */
        }
        n = n->next;
    }
}

air_status air_dump_json(const air_doc *doc, FILE *out)
{
    air_json j;
    air_json_init(&j, out, true);
    air_json_begin_object(&j);
    air_json_kv_string(&j, "schema", "airead-dump");
    air_json_kv_string(&j, "schema_version", AIR_DUMP_SCHEMA_VERSION);
    air_json_key(&j, "tool");
    air_json_begin_object(&j);
    air_json_kv_string(&j, "name", "airead");
    air_json_kv_string(&j, "version", AIR_VERSION_STRING);
    air_json_end_object(&j);
    air_json_kv_string(&j, "file", doc->name);
    air_json_kv_string(&j, "format", air_format_name(doc->format));
    if (doc->generator)
        air_json_kv_string(&j, "generator", doc->generator);

    air_json_key(&j, "metadata");
    air_json_begin_object(&j);
    for (int f = 0; f < AIR_META_COUNT; f++)
        air_json_kv_string(&j, air_meta_field_name((air_meta_field)f),
                           doc->meta.field[f]);
    air_json_end_object(&j);
    air_json_key(&j, "metadata_extra");
    air_json_begin_object(&j);
    for (const air_meta_extra *e = doc->meta.extra; e; e = e->next)
        air_json_kv_string(&j, e->key, e->value);
    air_json_end_object(&j);

    air_json_key(&j, "counts");
    air_json_begin_object(&j);
    air_json_kv_uint(&j, "sections", doc->nsections);
    air_json_kv_uint(&j, "paragraphs", doc->nparas);
    air_json_kv_uint(&j, "tables", doc->ntables);
    air_json_kv_uint(&j, "nodes", doc->nnodes);
    air_json_end_object(&j);

    air_json_key(&j, "parts");
    air_json_begin_array(&j);
    for (uint32_t i = 0; i < doc->nparts; i++) {
        air_json_begin_object(&j);
        air_json_kv_string(&j, "name", doc->parts[i].name);
        air_json_kv_uint(&j, "bytes", doc->parts[i].bytes);
        air_json_end_object(&j);
    }
    air_json_end_array(&j);

    air_json_key(&j, "diagnostics");
    air_json_begin_array(&j);
    for (const air_diag *d = doc->diags; d; d = d->next)
        air_json_string(&j, d->msg);
    air_json_end_array(&j);

    air_json_key(&j, "body");
    air_json_begin_array(&j);
    dump_tree(&j, doc->root);
    air_json_end_array(&j);
    air_json_end_object(&j);
    air_json_finish(&j);
    return ferror(out) ? AIR_EIO : AIR_OK;
}
