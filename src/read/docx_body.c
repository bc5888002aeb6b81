/* docx_body.c -- the streaming walk of a WordprocessingML story part
 * (document, header, footer, footnotes, endnotes, comments) into the
 * model. One pass with xmlTextReader, never a DOM, no recursion: open
 * elements that need work at their end are frames on an explicit stack.
 *
 * Consumes (local names, any namespace):
 *   w:body w:sectPr/{w:headerReference w:footerReference}@w:type,r:id
 *   w:p w:pPr/{w:pStyle w:numPr/{w:ilvl w:numId} w:outlineLvl
 *     w:pageBreakBefore w:jc w:sectPr}
 *   w:r w:rPr/{w:rFonts w:rStyle w:vanish w:b w:i w:vertAlign} w:t w:delText
 *     w:instrText w:tab w:ptab w:br@w:type w:cr w:sym@w:font,w:char
 *     w:noBreakHyphen w:softHyphen w:fldChar@w:fldCharType w:fldSimple
 *     w:hyperlink@r:id,w:anchor w:ins w:moveTo w:del w:moveFrom
 *     w:footnoteReference w:endnoteReference w:commentReference
 *   w:tbl w:tblGrid/w:gridCol w:tr w:trPr/{w:gridBefore w:tblHeader}
 *     w:tc w:tcPr/{w:gridSpan w:vMerge w:hMerge}
 *   w:txbxContent w:drawing wp:docPr@descr,title pic:pic pic:cNvPr a:blip
 *     c:chart dgm:relIds wps:wsp v:shape v:rect ... v:imagedata w:object
 *     o:OLEObject m:oMath m:oMathPara mc:AlternateContent/mc:Choice
 *   w:footnote w:endnote w:comment @w:id,w:type
 * Wrappers (w:sdt/w:sdtContent, w:customXml, w:smartTag, w:ruby/
 * w:rubyBase, w:dir, w:bdo, w:hdr, w:ftr) are descended; their property
 * elements and w:rt are skipped. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "read/docx.h"
#include "read/symfont.h"
#include "util/buf.h"
#include "util/error.h"

/* Paragraphs open at once (text boxes in text boxes): Word nests a few;
 * more is an attack. */
enum { MAX_PARA_NEST = 64 };
/* Fields open at once (a field inside a field's instruction or result). */
enum { MAX_FIELDS = 32 };
/* Grid columns of one table: Word allows 63; gridSpan values and
 * gridBefore beyond this are broken input. */
enum { MAX_GRID = 16384 };
/* Text kept of a field instruction: its first word is the field type. */
enum { INSTR_MAX = 48 };
/* Deleted text kept per paragraph: as much as the text itself may be. */
#define DELETED_MAX ((size_t)64 << 20)
/* Text of an equation kept in its OBJECT node. */
enum { MATH_MAX = 4096 };

#define NO_SPAN ((size_t)-1)

typedef enum fkind {
    F_PARA,
    F_RUN,
    F_SPAN, /* hyperlink, fldSimple, ins, moveTo: a span to close */
    F_DEL,  /* del, moveFrom: text goes to para.deleted */
    F_TABLE,
    F_ROW,
    F_CELL,
    F_BOX,     /* txbxContent, footnote, endnote, comment: a container */
    F_ALT,     /* mc:AlternateContent: 'flag' once a branch was taken */
    F_DRAWING, /* w:drawing: alt and title from wp:docPr */
    F_PIC,     /* pic:pic: 'node' is the IMAGE */
    F_SHAPE,   /* wps:wsp or a VML shape: 'flag' when it held text/image */
    F_OBJECT   /* w:object: OLE object or control */
} fkind;

typedef struct frame {
    uint8_t kind;
    bool flag;
    int depth;
    size_t span;
    air_node *node;
    const char *alt, *title, *what;
} frame;

typedef struct para_open {
    air_node *node;
    air_pbuild pb;
    air_buf del;
    docx_pprops pp;
    char style[128];
    const char *style_font; /* symbol font of the paragraph style, NULL */
    bool props_done;
    bool sect; /* carries the w:sectPr that ends its section */
} para_open;

typedef struct table_open {
    air_node *table;
    air_node *row;
    air_node *last; /* last anchor cell of the row (w:hMerge) */
    bool last_v;    /* ... and it anchors a vertical region */
    air_node *cell; /* the cell being opened */
    uint32_t nrows;
    uint32_t grid_cols; /* w:tblGrid/w:gridCol count */
    int32_t cursor;     /* next grid column, -1 before the row's first cell */
    uint32_t grid_before;
    bool header_row;
    bool placed;
    uint32_t span;
    uint8_t vmerge, hmerge; /* 0 none, 1 restart, 2 continue */
    size_t above_off;       /* this table's columns in w->above */
    size_t above_n;         /* columns of it in use */
} table_open;

typedef struct field {
    bool result; /* past fldChar separate */
    size_t span;
    int para; /* w->np - 1 when the span was opened, -1 */
    char instr[INSTR_MAX];
    size_t ilen;
} field;

typedef struct walker {
    docx *d;
    air_doc *doc;
    air_xml x;
    air_opc_rels rels;
    docx_part_kind kind;
    int which;
    const char *part;
    frame *f;
    size_t nf, fcap;
    para_open *p;
    size_t np;
    table_open *t;
    size_t nt, tcap;
    air_node **cont;
    size_t ncont, contcap;
    air_node **above; /* per grid column: the cell covering it above */
    size_t above_cap;
    int del_depth;
    int ndraw; /* open w:drawing elements of the current story */
    field fld[MAX_FIELDS];
    size_t nfld, fld_over;
    uint8_t pending; /* AIR_PARA_* for the next paragraph */
} walker;

enum { DESCEND, SKIP, CONSUMED };

/* ---- small helpers ------------------------------------------------------ */

static air_status nomem(void)
{
    return air_error(AIR_ENOMEM, "out of memory");
}

/* air_node_add failed: over the node limit, or out of memory (the
 * message is set). */
static air_status node_err(walker *w)
{
    return w->doc->nnodes >= w->doc->max_nodes ? AIR_ELIMIT : AIR_ENOMEM;
}

static air_status grow_array(void **v, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return AIR_OK;
    size_t nc = *cap ? *cap : 16;
    while (nc < need)
        nc *= 2;
    void *nv = realloc(*v, nc * size);
    if (nv == NULL)
        return nomem();
    *v = nv;
    *cap = nc;
    return AIR_OK;
}

static frame *push(walker *w, fkind kind)
{
    if (grow_array((void **)&w->f, &w->fcap, w->nf + 1, sizeof *w->f))
        return NULL;
    frame *f = &w->f[w->nf++];
    memset(f, 0, sizeof *f);
    f->kind = (uint8_t)kind;
    f->depth = air_xml_depth(&w->x);
    f->span = NO_SPAN;
    return f;
}

static frame *top(walker *w)
{
    return w->nf ? &w->f[w->nf - 1] : NULL;
}

/* The nearest open frame of 'kind' above any F_BOX (a text box starts a
 * new story: the drawing around it is not its own). */
static frame *nearest(walker *w, fkind kind)
{
    for (size_t i = w->nf; i-- > 0;) {
        if (w->f[i].kind == kind)
            return &w->f[i];
        if (w->f[i].kind == F_BOX)
            return NULL;
    }
    return NULL;
}

static para_open *cur_para(walker *w)
{
    return w->np ? &w->p[w->np - 1] : NULL;
}

static air_node *container(walker *w)
{
    return w->ncont ? w->cont[w->ncont - 1] : NULL;
}

static air_status push_container(walker *w, air_node *n)
{
    air_status rc = grow_array((void **)&w->cont, &w->contcap, w->ncont + 1,
                               sizeof *w->cont);
    if (rc == AIR_OK)
        w->cont[w->ncont++] = n;
    return rc;
}

static const char *attr(walker *w, const char *name)
{
    return air_xml_attr(&w->x, name);
}

static const char *tmpdup(walker *w, const char *s)
{
    return s ? air_arena_strdup(&w->d->tmp, s) : NULL;
}

static uint32_t line(walker *w)
{
    int l = air_xml_line(&w->x);
    return l > 0 ? (uint32_t)l : 0;
}

/* A node inside the innermost open paragraph, anchored at its text end;
 * a block-level stray goes to the container. */
static air_node *add_inline(walker *w, air_node_kind kind)
{
    para_open *po = cur_para(w);
    air_node *parent = po ? po->node : container(w);
    air_node *n = air_node_add(w->doc, parent, kind);
    if (n == NULL)
        return NULL;
    if (po)
        n->anchor = air_pb_offset(&po->pb);
    n->src_line = line(w);
    return n;
}

static air_status add_object(walker *w, const char *what, const char *text)
{
    air_node *n = add_inline(w, AIR_NODE_OBJECT);
    if (n == NULL)
        return node_err(w);
    n->u.object.what = what;
    n->u.object.text = text;
    return AIR_OK;
}

/* Reads the text of the current element (w:t, w:delText, w:instrText)
 * and hands each piece to 'sink'. Leaves the reader on its end. */
typedef air_status (*sink_fn)(walker *w, const char *s, size_t n);

static int read_text(walker *w, sink_fn sink)
{
    if (air_xml_empty(&w->x))
        return 1;
    int d = air_xml_depth(&w->x);
    int more;
    while ((more = air_xml_next(&w->x)) == 1) {
        if (air_xml_is_end(&w->x) && air_xml_depth(&w->x) == d)
            break;
        if (air_xml_is_text(&w->x)) {
            const char *v = air_xml_value(&w->x);
            air_status rc = sink(w, v, strlen(v));
            if (rc != AIR_OK)
                return rc;
        }
    }
    return more;
}

static air_status sink_text(walker *w, const char *s, size_t n)
{
    para_open *po = cur_para(w);
    return po ? air_pb_text(&po->pb, s, n) : AIR_OK;
}

static air_status sink_deleted(walker *w, const char *s, size_t n)
{
    para_open *po = cur_para(w);
    if (po == NULL)
        return AIR_OK;
    po->node->u.para.flags |= AIR_PARA_HAS_DELETED;
    return air_buf_add(&po->del, s, n);
}

static air_status sink_instr(walker *w, const char *s, size_t n)
{
    if (w->nfld == 0 || w->fld_over > 0)
        return AIR_OK;
    field *f = &w->fld[w->nfld - 1];
    if (f->result)
        return AIR_OK;
    size_t room = sizeof f->instr - 1 - f->ilen;
    if (n > room)
        n = room;
    memcpy(f->instr + f->ilen, s, n);
    f->ilen += n;
    f->instr[f->ilen] = '\0';
    return AIR_OK;
}

/* The field type: the first word of the instruction ("HYPERLINK",
 * "PAGE", "TOC"), copied into tmp (spans borrow it until finished). */
static const char *field_type(walker *w, const char *instr)
{
    while (*instr == ' ' || *instr == '\t')
        instr++;
    size_t n = 0;
    while (instr[n] && instr[n] != ' ' && instr[n] != '\t' && n < 40)
        n++;
    return air_arena_strndup(&w->d->tmp, instr, n);
}

/* ---- sub-parsers that consume a property element whole --------------------
 */

/* Calls 'child' for each element directly inside the current one;
 * 'child' returns DESCEND (walk into it: its children come back with
 * depth + 2), SKIP, or CONSUMED. Leaves the reader on the end. */
typedef int (*child_fn)(walker *w, void *ctx, const char *name, int rel);

static int each_child(walker *w, void *ctx, child_fn child)
{
    if (air_xml_empty(&w->x))
        return 1;
    int d = air_xml_depth(&w->x);
    int more = air_xml_next(&w->x);
    while (more == 1) {
        if (air_xml_is_end(&w->x) && air_xml_depth(&w->x) == d)
            return 1;
        if (!air_xml_is_start(&w->x)) {
            more = air_xml_next(&w->x);
            continue;
        }
        int act = child(w, ctx, air_xml_name(&w->x), air_xml_depth(&w->x) - d);
        if (act < 0)
            return act;
        more = act == SKIP ? air_xml_skip(&w->x) : air_xml_next(&w->x);
    }
    return more == 1 ? 1 : more;
}

static int sectpr_child(walker *w, void *ctx, const char *name, int rel)
{
    air_node *section = ctx;
    bool hdr = strcmp(name, "headerReference") == 0;
    if (rel != 1 || (!hdr && strcmp(name, "footerReference") != 0))
        return SKIP;
    air_opc_rel *r = air_opc_by_id(&w->rels, attr(w, "id"));
    /* A part referenced again (by a later section) is read once, under
     * the first: a hostile file cannot make us parse one header for each
     * of 100,000 sections, and its text is not reported twice. */
    if (r == NULL || r->external || r->used || section == NULL)
        return SKIP;
    r->used = true;
    const char *type = attr(w, "type");
    const char *which = "default";
    if (type && strcmp(type, "first") == 0)
        which = "first";
    else if (type && strcmp(type, "even") == 0)
        which = "even";
    docx *d = w->d;
    air_status rc =
        grow_array((void **)&d->hf, &d->hfcap, d->nhf + 1, sizeof *d->hf);
    if (rc != AIR_OK)
        return rc;
    docx_hfref *h = &d->hf[d->nhf++];
    h->section = section;
    h->part = r->target;
    h->which = which;
    h->footer = !hdr;
    return SKIP;
}

static int ppr_child(walker *w, void *ctx, const char *name, int rel)
{
    para_open *po = ctx;
    air_para *p = &po->node->u.para;
    if (rel == 2) {
        /* inside w:numPr */
        if (strcmp(name, "ilvl") == 0)
            po->pp.ilvl = (int8_t)air_xml_long(attr(w, "val"), 0, 0, 8);
        else if (strcmp(name, "numId") == 0)
            po->pp.num_id =
                (int32_t)air_xml_long(attr(w, "val"), 0, 0, INT32_MAX);
        return SKIP;
    }
    if (rel != 1)
        return SKIP;
    switch (name[0]) {
    case 'p':
        if (strcmp(name, "pStyle") == 0) {
            const char *v = attr(w, "val");
            if (v) {
                snprintf(po->style, sizeof po->style, "%s", v);
                po->pp.style = po->style;
            }
        } else if (strcmp(name, "pageBreakBefore") == 0) {
            if (air_xml_bool(attr(w, "val"), true))
                p->flags |= AIR_PARA_PAGE_BREAK;
        }
        return SKIP;
    case 'n': return strcmp(name, "numPr") == 0 ? DESCEND : SKIP;
    case 'o':
        if (strcmp(name, "outlineLvl") == 0)
            po->pp.outline = (int8_t)air_xml_long(attr(w, "val"), -1, 0, 9);
        return SKIP;
    case 'j':
        if (strcmp(name, "jc") == 0) {
            const char *v = attr(w, "val");
            if (v == NULL)
                return SKIP;
            if (strcmp(v, "left") == 0 || strcmp(v, "start") == 0)
                p->align = AIR_ALIGN_LEFT;
            else if (strcmp(v, "center") == 0)
                p->align = AIR_ALIGN_CENTER;
            else if (strcmp(v, "right") == 0 || strcmp(v, "end") == 0)
                p->align = AIR_ALIGN_RIGHT;
            else if (strcmp(v, "both") == 0)
                p->align = AIR_ALIGN_JUSTIFY;
            else if (strcmp(v, "distribute") == 0)
                p->align = AIR_ALIGN_DISTRIBUTE;
        }
        return SKIP;
    case 's':
        if (strcmp(name, "sectPr") == 0 && w->kind == DOCX_PART_DOCUMENT &&
            w->ncont == 1 && w->np == 1) {
            po->sect = true;
            int more = each_child(w, container(w), sectpr_child);
            return more < 0 ? more : CONSUMED;
        }
        return SKIP;
    default: return SKIP;
    }
}

typedef struct rprops {
    uint32_t flags;
    const char *font;
    bool font_set; /* w:rFonts names a font (symbol or not) */
    char rstyle[128];
} rprops;

static int rpr_child(walker *w, void *ctx, const char *name, int rel)
{
    rprops *rp = ctx;
    if (rel != 1)
        return SKIP;
    if (strcmp(name, "rFonts") == 0) {
        static const char *const which[] = {"ascii", "hAnsi", "eastAsia", "cs"};
        for (size_t i = 0; i < 4 && rp->font == NULL; i++) {
            const char *f = attr(w, which[i]);
            if (f) {
                rp->font = air_symfont_match(f, strlen(f));
                rp->font_set = true;
            }
        }
    } else if (strcmp(name, "rStyle") == 0) {
        const char *v = attr(w, "val");
        snprintf(rp->rstyle, sizeof rp->rstyle, "%s", v ? v : "");
    } else if (strcmp(name, "vanish") == 0) {
        if (air_xml_bool(attr(w, "val"), true))
            rp->flags |= AIR_SPAN_HIDDEN;
    } else if (strcmp(name, "b") == 0) {
        if (air_xml_bool(attr(w, "val"), true))
            rp->flags |= AIR_SPAN_BOLD;
    } else if (strcmp(name, "i") == 0) {
        if (air_xml_bool(attr(w, "val"), true))
            rp->flags |= AIR_SPAN_ITALIC;
    } else if (strcmp(name, "vertAlign") == 0) {
        const char *v = attr(w, "val");
        if (v && strcmp(v, "superscript") == 0)
            rp->flags |= AIR_SPAN_SUPERSCRIPT;
        else if (v && strcmp(v, "subscript") == 0)
            rp->flags |= AIR_SPAN_SUBSCRIPT;
    }
    return SKIP;
}

static int grid_child(walker *w, void *ctx, const char *name, int rel)
{
    table_open *t = ctx;
    (void)w;
    if (rel == 1 && strcmp(name, "gridCol") == 0)
        t->grid_cols++;
    return SKIP;
}

static int trpr_child(walker *w, void *ctx, const char *name, int rel)
{
    table_open *t = ctx;
    if (rel != 1)
        return SKIP;
    if (strcmp(name, "gridBefore") == 0)
        t->grid_before = (uint32_t)air_xml_long(attr(w, "val"), 0, 0, MAX_GRID);
    else if (strcmp(name, "tblHeader") == 0)
        t->header_row = air_xml_bool(attr(w, "val"), true);
    return SKIP;
}

static uint8_t merge_val(const char *v)
{
    return v && strcmp(v, "restart") == 0 ? 1 : 2;
}

static int tcpr_child(walker *w, void *ctx, const char *name, int rel)
{
    table_open *t = ctx;
    if (rel != 1)
        return SKIP;
    if (strcmp(name, "gridSpan") == 0)
        t->span = (uint32_t)air_xml_long(attr(w, "val"), 1, 1, MAX_GRID);
    else if (strcmp(name, "vMerge") == 0)
        t->vmerge = merge_val(attr(w, "val"));
    else if (strcmp(name, "hMerge") == 0)
        t->hmerge = merge_val(attr(w, "val"));
    return SKIP;
}

/* ---- paragraphs -----------------------------------------------------------
 */

static air_status open_field_span(walker *w, field *f)
{
    para_open *po = cur_para(w);
    if (po == NULL || f->para >= 0)
        return AIR_OK;
    const char *type = field_type(w, f->instr);
    if (type == NULL)
        return nomem();
    air_status rc =
        air_pb_span_begin(&po->pb, AIR_SPAN_FIELD, 0, NULL, type, &f->span);
    if (rc == AIR_OK)
        f->para = (int)w->np - 1;
    return rc;
}

static air_status start_para(walker *w)
{
    if (w->np == MAX_PARA_NEST)
        return air_error(AIR_ELIMIT,
                         "%s: %s: paragraphs nested more than "
                         "%d deep in text boxes (limit)",
                         w->doc->name, w->part, MAX_PARA_NEST);
    air_node *n = air_node_add(w->doc, container(w), AIR_NODE_PARA);
    if (n == NULL)
        return node_err(w);
    n->src_line = line(w);
    n->u.para.flags |= w->pending;
    w->pending = 0;
    para_open *po = &w->p[w->np++];
    po->node = n;
    po->pp.style = NULL;
    po->pp.num_id = -1;
    po->pp.ilvl = po->pp.outline = -1;
    po->props_done = false;
    po->style_font = NULL;
    po->sect = false;
    air_buf_clear(&po->del);
    if (push(w, F_PARA) == NULL)
        return nomem();
    /* A field result running on from the previous paragraph. */
    for (size_t i = 0; i < w->nfld; i++) {
        if (w->fld[i].result) {
            air_status rc = open_field_span(w, &w->fld[i]);
            if (rc != AIR_OK)
                return rc;
        }
    }
    return AIR_OK;
}

static air_status para_props_done(walker *w, para_open *po)
{
    po->props_done = true;
    docx_styles *ss = &w->d->styles;
    const char *sid = po->pp.style;
    if (sid == NULL && ss->default_para >= 0)
        sid = ss->v[ss->default_para].id;
    bool set;
    po->style_font = docx_style_symfont(ss, sid, &set);
    return docx_number_para(w->d, po->node, &po->pp);
}

static air_status end_para(walker *w)
{
    para_open *po = cur_para(w);
    air_status rc = AIR_OK;
    if (!po->props_done)
        rc = para_props_done(w, po);
    for (size_t i = 0; i < w->nfld; i++) {
        field *f = &w->fld[i];
        if (f->para == (int)w->np - 1) {
            air_pb_span_end(&po->pb, f->span);
            f->para = -1;
        }
    }
    if (rc == AIR_OK)
        rc = air_pb_finish(&po->pb, w->doc, po->node);
    if (rc == AIR_OK && po->del.len > 0) {
        po->node->u.para.deleted =
            air_doc_strndup(w->doc, po->del.ptr, po->del.len);
        if (po->node->u.para.deleted == NULL)
            rc = nomem();
    }
    bool sect = po->sect;
    w->np--;
    if (rc == AIR_OK && sect) {
        /* This paragraph ends its section: what follows is the next. */
        air_node *s = air_node_add(w->doc, w->doc->root, AIR_NODE_SECTION);
        if (s == NULL)
            return node_err(w);
        w->cont[0] = s;
    }
    return rc;
}

static air_status on_break(walker *w)
{
    para_open *po = cur_para(w);
    if (po == NULL || w->del_depth > 0)
        return AIR_OK;
    const char *type = attr(w, "type");
    uint8_t flag = 0;
    if (type && strcmp(type, "page") == 0)
        flag = AIR_PARA_PAGE_BREAK;
    else if (type && strcmp(type, "column") == 0)
        flag = AIR_PARA_COL_BREAK;
    else
        return air_pb_break(&po->pb);
    /* A break before any text puts this paragraph on the new page; after
     * text, what follows it (the next paragraph) starts there. */
    if (air_pb_offset(&po->pb) == 0)
        po->node->u.para.flags |= flag;
    else
        w->pending |= flag;
    return AIR_OK;
}

static long hexnum(const char *s)
{
    if (s == NULL)
        return -1;
    char *end;
    long v = strtol(s, &end, 16);
    return end == s || v < 0 || v > 0x10FFFF ? -1 : v;
}

/* w:sym: Word's convention is that codes 00xx and F0xx name the same
 * glyph xx of the symbol font; the text gets U+F0xx (the corpus facts
 * render it so) and a SYM span keeps the font and the code. */
static air_status on_sym(walker *w)
{
    para_open *po = cur_para(w);
    if (po == NULL || w->del_depth > 0)
        return AIR_OK;
    long code = hexnum(attr(w, "char"));
    if (code < 0)
        return AIR_OK;
    const char *font = attr(w, "font");
    const char *f = font ? air_symfont_match(font, strlen(font)) : NULL;
    if (f == NULL && font != NULL)
        f = tmpdup(w, font);
    uint32_t cp = (uint32_t)code;
    if (cp < 0x100)
        cp += 0xF000;
    size_t span;
    air_status rc = air_pb_span_begin(&po->pb, AIR_SPAN_SYM, (uint32_t)code, f,
                                      NULL, &span);
    if (rc == AIR_OK)
        rc = air_pb_char(&po->pb, cp);
    air_pb_span_end(&po->pb, span);
    return rc;
}

static air_status on_fldchar(walker *w)
{
    const char *t = attr(w, "fldCharType");
    if (t == NULL)
        return AIR_OK;
    if (strcmp(t, "begin") == 0) {
        if (w->nfld == MAX_FIELDS || w->fld_over > 0) {
            w->fld_over++;
            return AIR_OK;
        }
        field *f = &w->fld[w->nfld++];
        f->result = false;
        f->span = NO_SPAN;
        f->para = -1;
        f->ilen = 0;
        f->instr[0] = '\0';
    } else if (strcmp(t, "separate") == 0) {
        if (w->fld_over > 0 || w->nfld == 0)
            return AIR_OK;
        field *f = &w->fld[w->nfld - 1];
        if (!f->result) {
            f->result = true;
            return open_field_span(w, f);
        }
    } else if (strcmp(t, "end") == 0) {
        if (w->fld_over > 0) {
            w->fld_over--;
            return AIR_OK;
        }
        if (w->nfld == 0)
            return AIR_OK;
        field *f = &w->fld[--w->nfld];
        para_open *po = cur_para(w);
        if (f->para >= 0 && po != NULL && f->para == (int)w->np - 1)
            air_pb_span_end(&po->pb, f->span);
    }
    return AIR_OK;
}

/* Opens a span frame: hyperlink, fldSimple, ins, moveTo. */
static air_status span_frame(walker *w, uint32_t flags, const char *target)
{
    frame *f = push(w, F_SPAN);
    if (f == NULL)
        return nomem();
    para_open *po = cur_para(w);
    if (po == NULL)
        return AIR_OK;
    return air_pb_span_begin(&po->pb, flags, 0, NULL, target, &f->span);
}

static air_status on_hyperlink(walker *w)
{
    const air_opc_rel *r = air_opc_by_id(&w->rels, attr(w, "id"));
    const char *url = r ? r->target : NULL;
    const char *anchor = attr(w, "anchor");
    const char *target = url;
    if (anchor != NULL) {
        size_t ul = url ? strlen(url) : 0, al = strlen(anchor);
        char *s = air_arena_alloc(&w->d->tmp, ul + al + 2);
        if (s == NULL)
            return nomem();
        if (ul)
            memcpy(s, url, ul);
        s[ul] = '#';
        memcpy(s + ul + 1, anchor, al + 1);
        target = s;
    }
    return span_frame(w, AIR_SPAN_LINK, target);
}

/* Footnote, endnote and comment references attach the note read before. */
static air_status on_note_ref(walker *w, int which)
{
    para_open *po = cur_para(w);
    /* Marks inside the notes and comments themselves point at nothing we
     * show (and a note naming itself would nest in itself). */
    if (w->kind == DOCX_PART_NOTES)
        return AIR_OK;
    long id = air_xml_long(attr(w, "id"), -1, -1, INT32_MAX);
    docx_idmap *m = &w->d->notes[which];
    size_t lo = 0, hi = m->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (m->v[mid].id < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (po == NULL || lo >= m->n || m->v[lo].id != id)
        return AIR_OK;
    air_node *n = m->v[lo].node;
    if (n->parent != NULL)
        return AIR_OK; /* referenced twice: it stays at the first mark */
    air_node_append(po->node, n);
    n->anchor = air_pb_offset(&po->pb);
    return AIR_OK;
}

/* ---- tables
 * ------------------------------------------------------------------ */

static air_status start_table(walker *w)
{
    if (w->nt >= w->d->max_table_depth)
        return air_error(AIR_ELIMIT,
                         "%s: %s: tables nested more than %u "
                         "deep (line %d; limit)",
                         w->doc->name, w->part, w->d->max_table_depth,
                         air_xml_line(&w->x));
    air_status rc =
        grow_array((void **)&w->t, &w->tcap, w->nt + 1, sizeof *w->t);
    if (rc != AIR_OK)
        return rc;
    air_node *n = air_node_add(w->doc, container(w), AIR_NODE_TABLE);
    if (n == NULL)
        return node_err(w);
    n->src_line = line(w);
    table_open *t = &w->t[w->nt];
    memset(t, 0, sizeof *t);
    t->table = n;
    t->cursor = -1;
    if (w->nt > 0) {
        /* After the outer table's columns: they do not grow while this
         * table is open (it sits inside one of its placed cells). */
        table_open *outer = &w->t[w->nt - 1];
        t->above_off = outer->above_off + outer->above_n;
    }
    w->nt++;
    if (push(w, F_TABLE) == NULL)
        return nomem();
    return AIR_OK;
}

static air_status end_table(walker *w)
{
    table_open *t = &w->t[--w->nt];
    air_table *tb = &t->table->u.table;
    tb->decl_cols = t->grid_cols;
    tb->cols = t->grid_cols; /* 0: air_doc_finish computes the width */
    return AIR_OK;
}

static air_status start_row(walker *w, table_open *t)
{
    air_node *r = air_node_add(w->doc, t->table, AIR_NODE_ROW);
    if (r == NULL)
        return node_err(w);
    r->src_line = line(w);
    t->row = r;
    t->nrows++;
    t->cursor = -1;
    t->grid_before = 0;
    t->header_row = false;
    t->last = NULL;
    return AIR_OK;
}

/* Column 'col' of table 't' in w->above, grown (zeroed) on demand. */
static air_node **above_at(walker *w, table_open *t, uint32_t col)
{
    if (col >= t->above_n) {
        size_t need = t->above_off + col + 1;
        if (grow_array((void **)&w->above, &w->above_cap, need,
                       sizeof *w->above))
            return NULL;
        /* Clear what an earlier table left in these slots. */
        memset(w->above + t->above_off + t->above_n, 0,
               (col + 1 - t->above_n) * sizeof *w->above);
        t->above_n = col + 1;
    }
    return &w->above[t->above_off + col];
}

/* Gives the open cell its grid position and merges, once its w:tcPr is
 * read (or known to be absent). vMerge continuation and hMerge
 * continuation cells stay as CELL nodes flagged COVERED (their text is
 * kept); the anchor grows. w->above holds, per grid column, the anchor of
 * the vertical region (begun by w:vMerge="restart") that the row above
 * ends with, else NULL: a continue with no region above continues
 * nothing (ECMA-376 Part 1, w:vMerge) and stays a cell of its own, with
 * its text, as Word shows it. */
static air_status place_cell(walker *w, table_open *t)
{
    air_node *cell = t->cell;
    air_cell *c = &cell->u.cell;
    t->placed = true;
    if (t->cursor < 0)
        t->cursor = (int32_t)t->grid_before;
    uint32_t col = (uint32_t)t->cursor;
    uint32_t span = t->span ? t->span : 1;
    if (col + span > MAX_GRID)
        return air_error(AIR_ELIMIT,
                         "%s: %s: table wider than %d grid "
                         "columns (line %d; limit)",
                         w->doc->name, w->part, MAX_GRID, air_xml_line(&w->x));
    c->row = t->nrows ? t->nrows - 1 : 0;
    c->col = col;
    c->colspan = span;
    if (t->header_row)
        c->flags |= AIR_CELL_HEADER;
    air_node *anchor = cell;
    bool vregion = t->vmerge == 1;
    if (t->hmerge == 2 && t->last != NULL) {
        anchor = t->last;
        anchor->u.cell.colspan += span;
        c->flags |= AIR_CELL_COVERED;
        vregion = t->last_v;
    } else if (t->vmerge == 2) {
        air_node **a = above_at(w, t, col);
        if (a == NULL)
            return nomem();
        if (*a != NULL && (*a)->u.cell.row + (*a)->u.cell.rowspan == c->row) {
            anchor = *a;
            anchor->u.cell.rowspan++;
            c->flags |= AIR_CELL_COVERED;
            vregion = true;
        }
    }
    for (uint32_t k = 0; k < span; k++) {
        air_node **a = above_at(w, t, col + k);
        if (a == NULL)
            return nomem();
        *a = vregion ? anchor : NULL;
    }
    t->last = anchor;
    t->last_v = vregion;
    t->cursor = (int32_t)(col + span);
    return AIR_OK;
}

static air_status start_cell(walker *w, table_open *t)
{
    if (t->row == NULL) {
        air_status rc = start_row(w, t);
        if (rc != AIR_OK)
            return rc;
    }
    air_node *c = air_node_add(w->doc, t->row, AIR_NODE_CELL);
    if (c == NULL)
        return node_err(w);
    c->src_line = line(w);
    t->cell = c;
    t->placed = false;
    t->span = 1;
    t->vmerge = t->hmerge = 0;
    if (push(w, F_CELL) == NULL)
        return nomem();
    return push_container(w, c);
}

/* ---- element starts
 * ----------------------------------------------------------- */

static bool in_para_frame(walker *w)
{
    frame *f = top(w);
    return f != NULL && f->kind == F_PARA;
}

/* Sets the span of run frame 'f' (still empty: w:rPr comes first):
 * opens it, changes it, or abandons it when 'flags' is 0 (an empty span
 * that is never ended is dropped by air_pb_finish). */
static air_status run_span(walker *w, frame *f, uint32_t flags,
                           const char *font)
{
    para_open *po = cur_para(w);
    if (po == NULL)
        return AIR_OK;
    if (f->span != NO_SPAN) {
        air_span *sp = &po->pb.spans[f->span];
        if (flags == 0) {
            f->span = NO_SPAN;
            return AIR_OK;
        }
        sp->flags = flags;
        sp->font = font;
        return AIR_OK;
    }
    if (flags == 0)
        return AIR_OK;
    return air_pb_span_begin(&po->pb, flags, 0, font, NULL, &f->span);
}

static int start_textbox(walker *w)
{
    frame *sh = nearest(w, F_SHAPE);
    if (sh)
        sh->flag = true;
    air_node *n = add_inline(w, AIR_NODE_TEXTBOX);
    if (n == NULL)
        return node_err(w);
    frame *f = push(w, F_BOX);
    if (f == NULL)
        return nomem();
    f->node = n;
    f->span = (size_t)w->ndraw; /* a text box is a story of its own */
    w->ndraw = 0;
    air_status rc = push_container(w, n);
    return rc ? rc : DESCEND;
}

static int start_pic(walker *w)
{
    air_node *n = add_inline(w, AIR_NODE_IMAGE);
    if (n == NULL)
        return node_err(w);
    frame *dr = nearest(w, F_DRAWING);
    if (dr) {
        n->u.image.alt = dr->alt;
        n->u.image.title = dr->title;
    }
    frame *f = push(w, F_PIC);
    if (f == NULL)
        return nomem();
    f->node = n;
    return DESCEND;
}

static bool is_alt(const char *name)
{
    return strcmp(name, "AlternateContent") == 0 ||
           strcmp(name, "Choice") == 0 || strcmp(name, "Fallback") == 0;
}

/* mc:AlternateContent: the first branch only (Choice before Fallback), so
 * that text boxes are not read twice. */
static int on_alt(walker *w, const char *name)
{
    if (name[0] == 'A')
        return push(w, F_ALT) ? DESCEND : nomem();
    frame *tf = top(w);
    if (tf == NULL || tf->kind != F_ALT || tf->flag)
        return SKIP;
    tf->flag = true;
    return DESCEND;
}

static int on_drawing_child(walker *w, const char *name)
{
    air_status rc;
    if (is_alt(name))
        return on_alt(w, name);
    switch (name[0]) {
    case 't':
        if (strcmp(name, "txbxContent") == 0)
            return start_textbox(w);
        if (strcmp(name, "txBody") == 0)
            return SKIP;
        break;
    case 'p':
        if (strcmp(name, "pic") == 0)
            return start_pic(w);
        break;
    case 'w':
        if (strcmp(name, "wsp") == 0)
            return push(w, F_SHAPE) ? DESCEND : nomem();
        break;
    case 'd':
        if (strcmp(name, "docPr") == 0) {
            frame *f = nearest(w, F_DRAWING);
            if (f) {
                f->alt = air_doc_strdup(w->doc, attr(w, "descr"));
                f->title = air_doc_strdup(w->doc, attr(w, "title"));
            }
            return SKIP;
        }
        break;
    case 'c':
        if (strcmp(name, "cNvPr") == 0) {
            frame *f = nearest(w, F_PIC);
            if (f && f->node->u.image.alt == NULL)
                f->node->u.image.alt = air_doc_strdup(w->doc, attr(w, "descr"));
            return SKIP;
        }
        if (strcmp(name, "chart") == 0)
            return (rc = add_object(w, "chart", NULL)) ? rc : SKIP;
        break;
    case 'r':
        if (strcmp(name, "relIds") == 0)
            return (rc = add_object(w, "diagram", NULL)) ? rc : SKIP;
        break;
    case 'b':
        if (strcmp(name, "blip") == 0) {
            frame *f = nearest(w, F_PIC);
            const char *id = attr(w, "embed");
            if (id == NULL)
                id = attr(w, "link");
            const air_opc_rel *r = air_opc_by_id(&w->rels, id);
            if (f && r)
                f->node->u.image.target = air_doc_strdup(w->doc, r->target);
            return SKIP;
        }
        if (strcmp(name, "bodyPr") == 0)
            return SKIP;
        break;
    case 's':
        if (strcmp(name, "spPr") == 0 || strcmp(name, "style") == 0)
            return SKIP;
        break;
    default: break;
    }
    return DESCEND;
}

/* Element names the switch in on_start does not know, sorted for
 * bsearch: VML shapes (a frame, for their alt text and images), and
 * property or bookkeeping elements with nothing to read below (skipped
 * unread). Everything else is descended. */
enum { N_SHAPE = 1, N_SKIP };

typedef struct name_act {
    const char *name;
    int act;
} name_act;

static const name_act NAMES[] = {
    {"annotationRef", N_SKIP},
    {"arc", N_SHAPE},
    {"background", N_SKIP},
    {"bookmarkEnd", N_SKIP},
    {"bookmarkStart", N_SKIP},
    {"cNvGraphicFramePr", N_SKIP},
    {"commentRangeEnd", N_SKIP},
    {"commentRangeStart", N_SKIP},
    {"continuationSeparator", N_SKIP},
    {"curve", N_SHAPE},
    {"customXmlPr", N_SKIP},
    {"delInstrText", N_SKIP},
    {"effectExtent", N_SKIP},
    {"endnoteRef", N_SKIP},
    {"extLst", N_SKIP},
    {"extrusion", N_SKIP},
    {"ffData", N_SKIP},
    {"fill", N_SKIP},
    {"fldData", N_SKIP},
    {"footnoteRef", N_SKIP},
    {"formulas", N_SKIP},
    {"handles", N_SKIP},
    {"image", N_SHAPE},
    {"lastRenderedPageBreak", N_SKIP},
    {"line", N_SHAPE},
    {"lock", N_SKIP},
    {"numPr", N_SKIP},
    {"oval", N_SHAPE},
    {"path", N_SKIP},
    {"permEnd", N_SKIP},
    {"permStart", N_SKIP},
    {"polyline", N_SHAPE},
    {"positionH", N_SKIP},
    {"positionV", N_SKIP},
    {"proofErr", N_SKIP},
    {"rect", N_SHAPE},
    {"roundrect", N_SHAPE},
    {"rt", N_SKIP},
    {"rubyPr", N_SKIP},
    {"sdtEndPr", N_SKIP},
    {"sdtPr", N_SKIP},
    {"separator", N_SKIP},
    {"shadow", N_SKIP},
    {"shape", N_SHAPE},
    {"shapetype", N_SKIP},
    {"smartTagPr", N_SKIP},
    {"stroke", N_SKIP},
    {"tblGrid", N_SKIP},
    {"tblPr", N_SKIP},
    {"tblPrEx", N_SKIP},
    {"tcPr", N_SKIP},
    {"textpath", N_SKIP},
    {"trPr", N_SKIP},
    {"wrap", N_SKIP},
};

static int cmp_name(const void *key, const void *elem)
{
    return strcmp(key, ((const name_act *)elem)->name);
}

static int name_action(const char *name)
{
    const name_act *a = bsearch(name, NAMES, sizeof NAMES / sizeof *NAMES,
                                sizeof *NAMES, cmp_name);
    return a ? a->act : 0;
}

static int on_math(walker *w)
{
    /* The linear text of the equation (its m:t runs), not in the
     * paragraph text (the corpus README excludes math). */
    char buf[MATH_MAX];
    size_t n = 0;
    int d = air_xml_depth(&w->x);
    bool in_t = false;
    int more = 1;
    if (!air_xml_empty(&w->x)) {
        while ((more = air_xml_next(&w->x)) == 1) {
            int type = air_xml_type(&w->x);
            if (type == XML_READER_TYPE_END_ELEMENT) {
                if (air_xml_depth(&w->x) == d)
                    break;
                in_t = false;
            } else if (type == XML_READER_TYPE_ELEMENT) {
                in_t = air_xml_is(&w->x, "t") && !air_xml_empty(&w->x);
            } else if (in_t && air_xml_is_text(&w->x)) {
                const char *v = air_xml_value(&w->x);
                size_t l = strlen(v);
                if (l > sizeof buf - 1 - n)
                    l = sizeof buf - 1 - n;
                memcpy(buf + n, v, l);
                n += l;
            }
        }
    }
    if (more < 0)
        return more;
    const char *text = n ? air_doc_strndup(w->doc, buf, n) : NULL;
    air_status rc;
    return (rc = add_object(w, "equation", text)) ? rc : CONSUMED;
}

static int on_start(walker *w)
{
    const char *name = air_xml_name(&w->x);
    frame *tf = top(w);
    air_status rc = AIR_OK;

    /* Properties come first: act on them once the next child starts. */
    if (tf != NULL && tf->kind == F_PARA) {
        para_open *po = cur_para(w);
        if (!po->props_done && strcmp(name, "pPr") != 0) {
            rc = para_props_done(w, po);
            if (rc != AIR_OK)
                return rc;
        }
    } else if (tf != NULL && tf->kind == F_CELL) {
        table_open *t = &w->t[w->nt - 1];
        if (!t->placed && strcmp(name, "tcPr") != 0) {
            rc = place_cell(w, t);
            if (rc != AIR_OK)
                return rc;
        }
    }

    /* Inside w:drawing only DrawingML: its a:p, a:r, a:t are shape
     * text, not the story's paragraphs. */
    if (w->ndraw > 0)
        return on_drawing_child(w, name);

    para_open *po = cur_para(w);
    switch (name[0]) {
    case 't':
        if (name[1] == '\0') {
            int more =
                read_text(w, w->del_depth > 0 ? sink_deleted : sink_text);
            return more < 0 ? more : CONSUMED;
        }
        if (strcmp(name, "tab") == 0) {
            if (po && w->del_depth == 0)
                rc = air_pb_tab(&po->pb);
            return rc ? rc : SKIP;
        }
        if (strcmp(name, "tc") == 0) {
            if (w->nt == 0)
                return DESCEND;
            rc = start_cell(w, &w->t[w->nt - 1]);
            return rc ? rc : DESCEND;
        }
        if (strcmp(name, "tr") == 0) {
            if (w->nt == 0)
                return DESCEND;
            rc = start_row(w, &w->t[w->nt - 1]);
            if (rc == AIR_OK && push(w, F_ROW) == NULL)
                rc = nomem();
            return rc ? rc : DESCEND;
        }
        if (strcmp(name, "tbl") == 0) {
            rc = start_table(w);
            return rc ? rc : DESCEND;
        }
        if (strcmp(name, "tcPr") == 0 && tf && tf->kind == F_CELL &&
            !w->t[w->nt - 1].placed) {
            table_open *t = &w->t[w->nt - 1];
            int more = each_child(w, t, tcpr_child);
            if (more < 0)
                return more;
            rc = place_cell(w, t);
            return rc ? rc : CONSUMED;
        }
        if (strcmp(name, "trPr") == 0 && w->nt > 0) {
            int more = each_child(w, &w->t[w->nt - 1], trpr_child);
            return more < 0 ? more : CONSUMED;
        }
        if (strcmp(name, "tblGrid") == 0 && w->nt > 0) {
            w->t[w->nt - 1].grid_cols = 0;
            int more = each_child(w, &w->t[w->nt - 1], grid_child);
            return more < 0 ? more : CONSUMED;
        }
        if (strcmp(name, "txbxContent") == 0)
            return start_textbox(w);
        if (strcmp(name, "textbox") == 0)
            return DESCEND;
        break;
    case 'r':
        if (name[1] == '\0') {
            frame *f = push(w, F_RUN);
            if (f == NULL)
                return nomem();
            /* Runs in a paragraph style set in a symbol font are in it
             * unless their w:rPr says otherwise. */
            if (po != NULL && po->style_font != NULL)
                rc = run_span(w, f, AIR_SPAN_SYMFONT, po->style_font);
            return rc ? rc : DESCEND;
        }
        if (strcmp(name, "rPr") == 0) {
            if (tf == NULL || tf->kind != F_RUN)
                return SKIP;
            rprops rp;
            memset(&rp, 0, sizeof rp);
            int more = each_child(w, &rp, rpr_child);
            if (more < 0)
                return more;
            /* The font: direct, else the character style's, else the
             * paragraph style's (already on the run's span). */
            bool set = rp.font_set;
            if (!set && rp.rstyle[0])
                rp.font = docx_style_symfont(&w->d->styles, rp.rstyle, &set);
            if (!set && po != NULL)
                rp.font = po->style_font;
            if (rp.font)
                rp.flags |= AIR_SPAN_SYMFONT;
            rc = run_span(w, tf, rp.flags, rp.font);
            return rc ? rc : CONSUMED;
        }
        if (strcmp(name, "relIds") == 0)
            return (rc = add_object(w, "diagram", NULL)) ? rc : SKIP;
        break;
    case 'p':
        if (name[1] == '\0') {
            rc = start_para(w);
            return rc ? rc : DESCEND;
        }
        if (strcmp(name, "pPr") == 0) {
            if (!in_para_frame(w))
                return SKIP;
            int more = each_child(w, po, ppr_child);
            if (more < 0)
                return more;
            rc = para_props_done(w, po);
            return rc ? rc : CONSUMED;
        }
        if (strcmp(name, "ptab") == 0) {
            if (po && w->del_depth == 0)
                rc = air_pb_tab(&po->pb);
            return rc ? rc : SKIP;
        }
        if (strcmp(name, "pic") == 0)
            return start_pic(w);
        break;
    case 'b':
        if (strcmp(name, "br") == 0) {
            rc = on_break(w);
            return rc ? rc : SKIP;
        }
        if (strcmp(name, "body") == 0 && w->kind == DOCX_PART_DOCUMENT) {
            air_node *s = air_node_add(w->doc, w->doc->root, AIR_NODE_SECTION);
            if (s == NULL)
                return node_err(w);
            rc = push_container(w, s);
            return rc ? rc : DESCEND;
        }
        break;
    case 'c':
        if (strcmp(name, "cr") == 0) {
            if (po && w->del_depth == 0)
                rc = air_pb_break(&po->pb);
            return rc ? rc : SKIP;
        }
        if (strcmp(name, "commentReference") == 0) {
            rc = on_note_ref(w, DOCX_COMMENTS);
            return rc ? rc : SKIP;
        }
        if (strcmp(name, "comment") == 0 && w->kind == DOCX_PART_NOTES &&
            air_xml_depth(&w->x) == 1)
            break; /* below, with the notes */
        if (strcmp(name, "chart") == 0)
            return (rc = add_object(w, "chart", NULL)) ? rc : SKIP;
        break;
    case 'd':
        if (strcmp(name, "delText") == 0) {
            int more = read_text(w, sink_deleted);
            return more < 0 ? more : CONSUMED;
        }
        if (strcmp(name, "del") == 0) {
            if (push(w, F_DEL) == NULL)
                return nomem();
            w->del_depth++;
            return DESCEND;
        }
        if (strcmp(name, "drawing") == 0) {
            if (push(w, F_DRAWING) == NULL)
                return nomem();
            w->ndraw++;
            return DESCEND;
        }
        break;
    case 'i':
        if (strcmp(name, "instrText") == 0) {
            int more = read_text(w, sink_instr);
            return more < 0 ? more : CONSUMED;
        }
        if (strcmp(name, "ins") == 0) {
            rc = span_frame(w, AIR_SPAN_INSERTED, NULL);
            return rc ? rc : DESCEND;
        }
        if (strcmp(name, "imagedata") == 0) {
            if (nearest(w, F_OBJECT))
                return SKIP; /* an OLE object's preview picture */
            frame *sh = nearest(w, F_SHAPE);
            air_node *n = add_inline(w, AIR_NODE_IMAGE);
            if (n == NULL)
                return node_err(w);
            const air_opc_rel *r = air_opc_by_id(&w->rels, attr(w, "id"));
            if (r == NULL)
                r = air_opc_by_id(&w->rels, attr(w, "relid"));
            if (r)
                n->u.image.target = air_doc_strdup(w->doc, r->target);
            n->u.image.title = air_doc_strdup(w->doc, attr(w, "title"));
            if (sh) {
                sh->flag = true;
                n->u.image.alt = sh->alt;
                if (n->u.image.title == NULL)
                    n->u.image.title = sh->title;
            }
            return SKIP;
        }
        break;
    case 'f':
        if (strcmp(name, "fldChar") == 0) {
            rc = on_fldchar(w);
            return rc ? rc : SKIP;
        }
        if (strcmp(name, "fldSimple") == 0) {
            const char *instr = attr(w, "instr");
            const char *type = field_type(w, instr ? instr : "");
            if (type == NULL)
                return nomem();
            rc = span_frame(w, AIR_SPAN_FIELD, type);
            return rc ? rc : DESCEND;
        }
        if (strcmp(name, "footnoteReference") == 0) {
            rc = on_note_ref(w, DOCX_FOOTNOTES);
            return rc ? rc : SKIP;
        }
        if ((strcmp(name, "footnote") == 0) && w->kind == DOCX_PART_NOTES &&
            air_xml_depth(&w->x) == 1)
            break;
        break;
    case 'e':
        if (strcmp(name, "endnoteReference") == 0) {
            rc = on_note_ref(w, DOCX_ENDNOTES);
            return rc ? rc : SKIP;
        }
        break;
    case 'h':
        if (strcmp(name, "hyperlink") == 0) {
            rc = on_hyperlink(w);
            return rc ? rc : DESCEND;
        }
        break;
    case 'm':
        if (strcmp(name, "moveFrom") == 0) {
            if (push(w, F_DEL) == NULL)
                return nomem();
            w->del_depth++;
            return DESCEND;
        }
        if (strcmp(name, "moveTo") == 0) {
            rc = span_frame(w, AIR_SPAN_INSERTED, NULL);
            return rc ? rc : DESCEND;
        }
        break;
    case 'n':
        if (strcmp(name, "noBreakHyphen") == 0) {
            if (po && w->del_depth == 0)
                rc = air_pb_char(&po->pb, 0x2011);
            return rc ? rc : SKIP;
        }
        break;
    case 's':
        if (strcmp(name, "sym") == 0) {
            rc = on_sym(w);
            return rc ? rc : SKIP;
        }
        if (strcmp(name, "softHyphen") == 0) {
            if (po && w->del_depth == 0)
                rc = air_pb_char(&po->pb, 0x00AD);
            return rc ? rc : SKIP;
        }
        if (strcmp(name, "sectPr") == 0) {
            if (w->kind == DOCX_PART_DOCUMENT && w->ncont == 1 && w->np == 0) {
                int more = each_child(w, container(w), sectpr_child);
                return more < 0 ? more : CONSUMED;
            }
            return SKIP;
        }
        break;
    case 'o':
        if (strcmp(name, "oMath") == 0 || strcmp(name, "oMathPara") == 0)
            return on_math(w);
        if (strcmp(name, "object") == 0) {
            frame *f = push(w, F_OBJECT);
            if (f == NULL)
                return nomem();
            f->what = "ole";
            return DESCEND;
        }
        break;
    case 'O':
        if (strcmp(name, "OLEObject") == 0) {
            frame *f = nearest(w, F_OBJECT);
            const char *prog = attr(w, "ProgID");
            if (f && prog && strncmp(prog, "Equation", 8) == 0)
                f->what = "equation";
            return SKIP;
        }
        break;
    case 'A':
    case 'C':
    case 'F':
        if (is_alt(name))
            return on_alt(w, name);
        break;
    case 'w':
        if (strcmp(name, "wsp") == 0)
            return push(w, F_SHAPE) ? DESCEND : nomem();
        break;
    default: break;
    }

    /* Notes and comments: detached containers, attached at their mark. */
    if (w->kind == DOCX_PART_NOTES && air_xml_depth(&w->x) == 1 &&
        (strcmp(name, "footnote") == 0 || strcmp(name, "endnote") == 0 ||
         strcmp(name, "comment") == 0)) {
        const char *type = attr(w, "type");
        if (type && (strcmp(type, "separator") == 0 ||
                     strcmp(type, "continuationSeparator") == 0 ||
                     strcmp(type, "continuationNotice") == 0))
            return SKIP;
        static const air_node_kind kinds[] = {
            AIR_NODE_FOOTNOTE, AIR_NODE_ENDNOTE, AIR_NODE_COMMENT};
        air_node *n = air_node_add(w->doc, NULL, kinds[w->which]);
        if (n == NULL)
            return node_err(w);
        n->src_line = line(w);
        const char *id = attr(w, "id");
        n->u.note.id = air_doc_strdup(w->doc, id);
        docx_idmap *m = &w->d->notes[w->which];
        rc = grow_array((void **)&m->v, &m->cap, m->n + 1, sizeof *m->v);
        if (rc != AIR_OK)
            return rc;
        m->v[m->n].id = air_xml_long(id, -1, -1, INT32_MAX);
        m->v[m->n].node = n;
        m->n++;
        frame *f = push(w, F_BOX);
        if (f == NULL)
            return nomem();
        f->node = n;
        f->span = (size_t)w->ndraw;
        rc = push_container(w, n);
        return rc ? rc : DESCEND;
    }
    int act = name_action(name);
    if (act == N_SKIP)
        return SKIP;
    if (act == N_SHAPE) {
        frame *f = push(w, F_SHAPE);
        if (f == NULL)
            return nomem();
        f->alt = air_doc_strdup(w->doc, attr(w, "alt"));
        f->title = air_doc_strdup(w->doc, attr(w, "title"));
        return DESCEND;
    }
    return DESCEND;
}

/* ---- element ends ----------------------------------------------------------
 */

static air_status on_end(walker *w, frame *f)
{
    para_open *po = cur_para(w);
    switch ((fkind)f->kind) {
    case F_PARA: return end_para(w);
    case F_RUN:
    case F_SPAN:
        if (po && f->span != NO_SPAN)
            air_pb_span_end(&po->pb, f->span);
        return AIR_OK;
    case F_DEL: w->del_depth--; return AIR_OK;
    case F_TABLE: return end_table(w);
    case F_ROW:
        if (w->nt > 0)
            w->t[w->nt - 1].row = NULL;
        return AIR_OK;
    case F_CELL: {
        table_open *t = &w->t[w->nt - 1];
        air_status rc = t->placed ? AIR_OK : place_cell(w, t);
        w->ncont--;
        return rc;
    }
    case F_BOX:
        w->ncont--;
        w->ndraw = (int)f->span;
        return AIR_OK;
    case F_DRAWING: w->ndraw--; return AIR_OK;
    case F_SHAPE:
        if (!f->flag && nearest(w, F_OBJECT) == NULL)
            return add_object(w, "shape", NULL);
        return AIR_OK;
    case F_OBJECT: return add_object(w, f->what, NULL);
    default: return AIR_OK;
    }
}

static air_status close_frames(walker *w, int depth)
{
    while (w->nf > 0 && w->f[w->nf - 1].depth == depth) {
        frame f = w->f[--w->nf];
        air_status rc = on_end(w, &f);
        if (rc != AIR_OK)
            return rc;
    }
    return AIR_OK;
}

/* ---- the walk --------------------------------------------------------------
 */

static int cmp_idnode(const void *a, const void *b)
{
    long x = ((const docx_idnode *)a)->id, y = ((const docx_idnode *)b)->id;
    return x < y ? -1 : x > y;
}

air_status docx_walk(docx *d, const char *part, docx_part_kind kind,
                     air_node *base, int which)
{
    walker w;
    memset(&w, 0, sizeof w);
    w.d = d;
    w.doc = d->doc;
    w.kind = kind;
    w.which = which;
    air_status rc = AIR_OK;
    w.p = calloc(MAX_PARA_NEST, sizeof *w.p);
    if (w.p == NULL)
        return nomem();
    for (size_t i = 0; i < MAX_PARA_NEST; i++)
        w.p[i].del.max = DELETED_MAX;
    if (base != NULL)
        rc = push_container(&w, base);
    if (rc == AIR_OK)
        rc = air_opc_read_rels(&w.rels, d->pkg, part, &d->tmp);
    if (rc != AIR_OK)
        goto done;
    docx_numbering_reset(d);
    rc = air_xml_open(&w.x, d->pkg, part);
    if (rc != AIR_OK)
        goto done;
    w.part = w.x.part;
    int more = air_xml_next(&w.x);
    while (more == 1) {
        int type = air_xml_type(&w.x);
        if (type == XML_READER_TYPE_ELEMENT) {
            int act = on_start(&w);
            if (act < 0) {
                rc = act;
                break;
            }
            if (act == SKIP) {
                more = air_xml_skip(&w.x);
                continue;
            }
            if (act == DESCEND && air_xml_empty(&w.x))
                rc = close_frames(&w, air_xml_depth(&w.x));
        } else if (type == XML_READER_TYPE_END_ELEMENT) {
            rc = close_frames(&w, air_xml_depth(&w.x));
        }
        if (rc != AIR_OK)
            break;
        more = air_xml_next(&w.x);
    }
    if (rc == AIR_OK && more < 0)
        rc = more;
    /* A truncated part leaves frames open: close what is open so the
     * model stays whole (the error, if any, is reported as is). */
    while (rc == AIR_OK && w.nf > 0) {
        frame f = w.f[--w.nf];
        rc = on_end(&w, &f);
    }
    air_xml_close(&w.x);
    if (rc == AIR_OK && kind == DOCX_PART_NOTES) {
        docx_idmap *m = &d->notes[which];
        bool sorted = true;
        for (size_t i = 1; i < m->n && sorted; i++)
            sorted = m->v[i - 1].id <= m->v[i].id;
        if (!sorted)
            qsort(m->v, m->n, sizeof *m->v, cmp_idnode);
    }
done:
    for (size_t i = 0; i < MAX_PARA_NEST; i++) {
        air_pb_free(&w.p[i].pb);
        air_buf_free(&w.p[i].del);
    }
    free(w.p);
    free(w.f);
    free(w.t);
    free(w.cont);
    free(w.above);
    return rc;
}
