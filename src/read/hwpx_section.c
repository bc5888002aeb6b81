/* hwpx_section.c -- the streaming walk of one HWPX section part
 * (Contents/sectionN.xml) into the model. One pass with xmlTextReader,
 * never a DOM, no recursion: open elements that need work at their end
 * are frames on an explicit stack, bounded by the XML depth limit.
 *
 * Consumes (local names, any prefix):
 *   hp:p@paraPrIDRef,styleIDRef,pageBreak,columnBreak  hp:run@charPrIDRef
 *   hp:t and its hp:tab hp:lineBreak hp:nbSpace hp:fwSpace hp:hyphen
 *     hp:deleteBegin hp:deleteEnd hp:insertBegin hp:insertEnd
 *   hp:compose@composeText  hp:dutmal/hp:mainText (hp:subText skipped)
 *   hp:secPr@outlineShapeIDRef  hp:ctrl  hp:fieldBegin@id,type
 *     /hp:parameters/hp:stringParam@name=Path|Command, /hp:subList (MEMO)
 *   hp:fieldEnd@beginIDRef  hp:switch/hp:case (the first) /hp:default
 *   hp:tbl@rowCnt,colCnt hp:tr hp:tc@header hp:cellAddr@colAddr,rowAddr
 *     hp:cellSpan@colSpan,rowSpan hp:subList
 *   hp:caption hp:drawText hp:footNote@instId hp:endNote@instId
 *   hp:header@applyPageType hp:footer hp:hiddenComment hp:memo
 *   hp:pic hc:img@binaryItemIDRef hp:shapeComment
 *   hp:equation/hp:script hp:ole hp:chart hp:video hp:textart@text
 *   hp:rect hp:ellipse hp:arc hp:polygon hp:curve hp:connectLine hp:line
 *   hp:btn hp:radioBtn hp:checkBtn hp:comboBox hp:listBox hp:edit
 *   hp:scrollBar
 * Skipped whole: hp:linesegarray, hp:colPr, hp:cellzoneList, hp:autoNum,
 * hp:newNum, hp:pageNum, hp:pageHiding, hp:pageNumCtrl, hp:bookmark,
 * hp:indexmark, hp:parameters outside fields. Anything else is walked
 * through: its known descendants count, its text does not.
 *
 * Stories: a paragraph list under an element this reader does not know
 * becomes a TEXTBOX (the corpus README's "other" story), so that no text
 * is lost and none of it counts as body text. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "read/hwpx.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/utf8.h"

/* Fields open at once in one paragraph (a field inside a field's result):
 * Hangul nests one or two. */
enum { MAX_FIELDS = 16 };
/* Grid columns tracked to place cells without hp:cellAddr: Hangul allows
 * far fewer; spans past this are broken input. */
enum { MAX_GRID = 16384 };
/* Row or column spans are clamped here: 2^31 in a file is an attack, and
 * a span still says "merged" (the corpus counts colSpan > 1). */
enum { MAX_SPAN = 65535 };
/* Cell addresses past this are clamped (a grid this large is broken). */
enum { MAX_ADDR = 1 << 24 };
/* Deleted text kept per paragraph: as much as the text itself may be. */
#define DELETED_MAX ((size_t)64 << 20)
/* Captured text: an image's description, an equation script, a URL. */
enum { CAPTURE_MAX = 16 * 1024 };

#define NO_SPAN ((size_t)-1)

typedef enum fkind {
    F_PARA,
    F_RUN,
    F_T,       /* hp:t, hp:mainText: text goes to the paragraph */
    F_TABLE,
    F_ROW,
    F_CELL,    /* also a container */
    F_BOX,     /* caption, drawText, notes, header, footer, comments */
    F_FIELD,   /* hp:fieldBegin with content */
    F_CAPTURE, /* text collected for 'cap' */
    F_SHAPE,   /* a drawing object: OBJECT "shape" unless it holds text */
    F_PIC,     /* hp:pic: 'node' is the IMAGE */
    F_OBJ      /* equation and other objects: 'node' is the OBJECT */
} fkind;

typedef enum capture {
    CAP_ALT,    /* hp:shapeComment of a picture */
    CAP_SCRIPT, /* hp:script of an equation */
    CAP_PATH,   /* a hyperlink field's Path parameter */
    CAP_COMMAND /* its Command parameter ("url;1;0;0;") */
} capture;

typedef struct frame {
    uint8_t kind; /* fkind */
    uint8_t cap;  /* capture, F_CAPTURE */
    bool flag;    /* F_SHAPE: held text; F_FIELD: a comment was made */
    int depth;
    int idx;      /* F_FIELD: field slot; F_TABLE: table index */
    uint32_t anchor;
    air_node *node;
} frame;

typedef struct field {
    uint32_t id;
    size_t span;
    bool has_path;
} field;

typedef struct para_open {
    air_node *node;
    air_pbuild pb;
    air_buf del;
    uint32_t para_pr, style;
    const air_hwp_charpr *cs; /* of the current run, or NULL */
    size_t ins_span;
    field fld[MAX_FIELDS];
    int nfld;
    uint8_t flags; /* AIR_PARA_* from the element */
} para_open;

typedef struct table_open {
    air_node *table;
    air_node *row;
    air_node *cell;
    uint32_t nrows;
    uint32_t decl_rows, decl_cols;
    uint32_t cursor;     /* next free column in the row */
    bool has_addr, has_span;
    uint32_t acol, arow, colspan, rowspan; /* of the open cell */
    uint32_t *below;     /* per column: first row not covered from above */
    uint32_t nbelow;     /* columns in use */
    uint32_t belowcap;
} table_open;

typedef struct hwpx_walk {
    hwpx *h;
    air_doc *doc;
    const air_hwp_info *info;
    air_xml x;
    hwpx_dict names;
    hwpx_attrs at;
    hwpx_switch sw;
    air_node *section;
    const char *part;
    uint32_t outline_id;
    bool deleting;
    bool warned_other;
    uint32_t host_tables; /* tables begun in the current body block */
    frame *f;
    size_t nf, fcap;
    para_open *po;
    size_t np, pcap;
    table_open *to;
    size_t nt, tcap;
    air_node **cont;
    size_t ncont, contcap;
    air_buf cap;
} hwpx_walk;

/* ---- small helpers ------------------------------------------------------ */

static uint32_t id_of(const char *v)
{
    return (uint32_t)air_xml_long(v, (long)AIR_HWP_NO_ID, 0,
                                  (long)AIR_HWP_NO_ID);
}

static para_open *cur_para(hwpx_walk *w)
{
    return w->np ? &w->po[w->np - 1] : NULL;
}

static air_node *cur_cont(hwpx_walk *w)
{
    return w->cont[w->ncont - 1];
}

static air_status push_cont(hwpx_walk *w, air_node *n)
{
    air_status rc = air_array_grow((void **)&w->cont, &w->contcap, w->ncont + 1,
                                   sizeof *w->cont, 0);
    if (rc == AIR_OK)
        w->cont[w->ncont++] = n;
    return rc;
}

static air_status push(hwpx_walk *w, fkind kind, int depth, air_node *node,
                       int idx)
{
    air_status rc =
        air_array_grow((void **)&w->f, &w->fcap, w->nf + 1, sizeof *w->f, 0);
    if (rc != AIR_OK)
        return rc;
    frame *f = &w->f[w->nf++];
    memset(f, 0, sizeof *f);
    f->kind = (uint8_t)kind;
    f->depth = depth;
    f->node = node;
    f->idx = idx;
    return AIR_OK;
}

static frame *top(hwpx_walk *w)
{
    return w->nf ? &w->f[w->nf - 1] : NULL;
}

/* The status of a failed air_node_add(), whose message is set. */
static air_status add_failed(const air_doc *doc)
{
    return doc->nnodes >= doc->max_nodes ? AIR_ELIMIT : AIR_ENOMEM;
}

static air_node *add(hwpx_walk *w, air_node *parent, air_node_kind kind)
{
    air_node *n = air_node_add(w->doc, parent, kind);
    if (n != NULL)
        n->src_line = (uint32_t)air_xml_line(&w->x);
    return n;
}

/* An object met in a run: inline in the open paragraph at the current
 * text offset, or a block of the current container. */
static air_node *add_inline(hwpx_walk *w, air_node_kind kind)
{
    para_open *p = cur_para(w);
    air_node *n = add(w, p ? p->node : cur_cont(w), kind);
    if (n != NULL && p != NULL)
        n->anchor = air_pb_offset(&p->pb);
    return n;
}

static const char *tmp_dup(hwpx_walk *w, const char *s, size_t n)
{
    return air_arena_strndup(&w->h->tmp, s, n);
}

/* ---- text ---------------------------------------------------------------- */

/* Appends s[0..n) to the open paragraph, or to its deleted text inside a
 * tracked deletion; text in a symbol font gets a SYMFONT span. */
static air_status put_text(hwpx_walk *w, const char *s, size_t n)
{
    para_open *p = cur_para(w);
    if (p == NULL || n == 0)
        return AIR_OK;
    if (w->deleting) {
        if (p->del.len + n > DELETED_MAX)
            return AIR_OK;
        return air_buf_add(&p->del, s, n);
    }
    if (p->cs == NULL || p->cs->symbol_mask == 0)
        return air_pb_text(&p->pb, s, n);
    /* Split into stretches drawn by one symbol font (or none). */
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        size_t k = air_utf8_decode(&cp, s + i, n - i);
        const char *font = air_hwp_symfont_of(w->info, p->cs, cp);
        size_t j = i + k;
        while (j < n) {
            k = air_utf8_decode(&cp, s + j, n - j);
            if (air_hwp_symfont_of(w->info, p->cs, cp) != font)
                break;
            j += k;
        }
        air_status rc;
        if (font == NULL) {
            rc = air_pb_text(&p->pb, s + i, j - i);
        } else {
            air_span *last = p->pb.nspans ? &p->pb.spans[p->pb.nspans - 1]
                                          : NULL;
            if (last && last->flags == AIR_SPAN_SYMFONT &&
                last->font == font && last->off + last->len == p->pb.len) {
                rc = air_pb_text(&p->pb, s + i, j - i);
                last = &p->pb.spans[p->pb.nspans - 1];
                last->len = (uint32_t)(p->pb.len - last->off);
            } else {
                size_t si;
                rc = air_pb_span_begin(&p->pb, AIR_SPAN_SYMFONT, 0, font,
                                       NULL, &si);
                if (rc == AIR_OK)
                    rc = air_pb_text(&p->pb, s + i, j - i);
                air_pb_span_end(&p->pb, si);
            }
        }
        if (rc != AIR_OK)
            return rc;
        i = j;
    }
    return AIR_OK;
}

static air_status put_char(hwpx_walk *w, uint32_t cp)
{
    char tmp[4];
    return put_text(w, tmp, air_utf8_encode(tmp, cp));
}

static air_status put_tab(hwpx_walk *w)
{
    para_open *p = cur_para(w);
    if (p == NULL)
        return AIR_OK;
    if (w->deleting)
        return air_buf_addc(&p->del, '\t');
    return air_pb_tab(&p->pb);
}

static air_status put_break(hwpx_walk *w)
{
    para_open *p = cur_para(w);
    if (p == NULL)
        return AIR_OK;
    if (w->deleting) /* a deleted break is no break (corpus README) */
        return air_buf_addc(&p->del, ' ');
    return air_pb_break(&p->pb);
}

/* ---- paragraphs ---------------------------------------------------------- */

static air_status open_para(hwpx_walk *w)
{
    static const hwpx_name WANT[] = { HN_paraPrIDRef, HN_styleIDRef,
                                      HN_pageBreak, HN_columnBreak };
    air_status rc =
        air_array_grow((void **)&w->po, &w->pcap, w->np + 1, sizeof *w->po, 0);
    if (rc != AIR_OK)
        return rc;
    air_node *n = add(w, cur_cont(w), AIR_NODE_PARA);
    if (n == NULL)
        return add_failed(w->doc);
    if (w->np == 0)
        w->host_tables = 0;
    para_open *p = &w->po[w->np++];
    /* Keep the builder's buffers from the last paragraph at this level. */
    p->node = n;
    p->cs = NULL;
    p->ins_span = NO_SPAN;
    p->nfld = 0;
    air_buf_clear(&p->del);
    p->pb.len = 0;
    p->pb.nspans = 0;
    p->pb.nbreaks = p->pb.ntabs = 0;
    hwpx_get_attrs(&w->at, &w->names, &w->x, WANT, 4);
    p->para_pr = id_of(w->at.v[0]);
    p->style = id_of(w->at.v[1]);
    p->flags = 0;
    if (air_xml_bool(w->at.v[2], false))
        p->flags |= AIR_PARA_PAGE_BREAK;
    if (air_xml_bool(w->at.v[3], false))
        p->flags |= AIR_PARA_COL_BREAK;
    return AIR_OK;
}

static air_status close_para(hwpx_walk *w)
{
    para_open *p = cur_para(w);
    /* Spans still open end with the paragraph. */
    for (int i = 0; i < p->nfld; i++)
        if (p->fld[i].span != NO_SPAN)
            air_pb_span_end(&p->pb, p->fld[i].span);
    if (p->ins_span != NO_SPAN)
        air_pb_span_end(&p->pb, p->ins_span);
    air_status rc = air_pb_finish(&p->pb, w->doc, p->node);
    if (rc != AIR_OK)
        return rc;
    air_para *para = &p->node->u.para;
    if (p->del.len > 0) {
        para->deleted = air_doc_strndup(w->doc, p->del.ptr, p->del.len);
        if (para->deleted == NULL)
            return air_error(AIR_ENOMEM, "out of memory");
        para->flags |= AIR_PARA_HAS_DELETED;
    }
    para->flags |= p->flags;
    air_hwp_resolve_para(w->info, para, p->para_pr, p->style, w->outline_id);
    w->np--;
    return AIR_OK;
}

/* ---- fields --------------------------------------------------------------- */

static air_status open_field(hwpx_walk *w, int depth, bool empty)
{
    static const hwpx_name WANT[] = { HN_id, HN_type };
    para_open *p = cur_para(w);
    int slot = -1;
    hwpx_get_attrs(&w->at, &w->names, &w->x, WANT, 2);
    if (p != NULL && p->nfld < MAX_FIELDS && !w->deleting) {
        const char *type = w->at.v[1] ? w->at.v[1] : "";
        bool link = strcmp(type, "HYPERLINK") == 0;
        const char *target = tmp_dup(w, type, strlen(type));
        if (target == NULL)
            return air_error(AIR_ENOMEM, "out of memory");
        field *fl = &p->fld[p->nfld];
        fl->id = id_of(w->at.v[0]);
        fl->has_path = false;
        air_status rc = air_pb_span_begin(
            &p->pb, AIR_SPAN_FIELD | (link ? AIR_SPAN_LINK : 0), 0, NULL,
            link ? NULL : target, &fl->span);
        if (rc != AIR_OK)
            return rc;
        slot = p->nfld++;
    }
    if (empty)
        return AIR_OK;
    return push(w, F_FIELD, depth, NULL, slot);
}

static void close_field(hwpx_walk *w)
{
    static const hwpx_name WANT[] = { HN_beginIDRef };
    para_open *p = cur_para(w);
    if (p == NULL || p->nfld == 0)
        return;
    hwpx_get_attrs(&w->at, &w->names, &w->x, WANT, 1);
    uint32_t id = id_of(w->at.v[0]);
    int i = p->nfld - 1;
    while (i >= 0 && p->fld[i].id != id)
        i--;
    if (i < 0) {
        if (w->at.v[0] != NULL)
            return; /* ends a field of another paragraph */
        i = p->nfld - 1;
    }
    air_pb_span_end(&p->pb, p->fld[i].span);
    memmove(&p->fld[i], &p->fld[i + 1],
            (size_t)(p->nfld - i - 1) * sizeof *p->fld);
    p->nfld--;
}

/* The URL of a hyperlink: Path as is; Command is "url;flags..." with ':'
 * escaped as "\:". */
static air_status set_link(hwpx_walk *w, int slot, bool is_path)
{
    para_open *p = cur_para(w);
    if (p == NULL || slot < 0 || slot >= p->nfld)
        return AIR_OK;
    field *fl = &p->fld[slot];
    air_span *sp = &p->pb.spans[fl->span];
    if (!(sp->flags & AIR_SPAN_LINK) || (!is_path && fl->has_path))
        return AIR_OK;
    const char *s = w->cap.ptr ? w->cap.ptr : "";
    size_t n = w->cap.len;
    char *url = air_arena_alloc(&w->h->tmp, n + 1);
    if (url == NULL)
        return air_error(AIR_ENOMEM, "out of memory");
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (!is_path && s[i] == ';')
            break;
        if (!is_path && s[i] == '\\' && i + 1 < n)
            i++;
        url[k++] = s[i];
    }
    url[k] = '\0';
    if (k == 0)
        return AIR_OK;
    sp->target = url;
    fl->has_path = is_path;
    return AIR_OK;
}

/* ---- tables --------------------------------------------------------------- */

/* True inside a header or footer: their tables move with them. */
static bool in_header_footer(const hwpx_walk *w)
{
    for (size_t i = w->ncont; i-- > 0;)
        if (w->cont[i]->kind == AIR_NODE_HEADER ||
            w->cont[i]->kind == AIR_NODE_FOOTER)
            return true;
    return false;
}

static air_status open_table(hwpx_walk *w, int depth)
{
    static const hwpx_name WANT[] = { HN_rowCnt, HN_colCnt };
    if (w->nt >= w->h->max_table_depth)
        return air_error(AIR_ELIMIT, "%s: %s: tables nested more than %u "
                         "deep (limit)", air_doc_name(w->doc), w->part,
                         w->h->max_table_depth);
    air_status rc = air_array_grow((void **)&w->to, &w->tcap, w->nt + 1,
                                   sizeof *w->to, w->h->max_table_depth);
    if (rc != AIR_OK)
        return rc;
    air_node *n = add_inline(w, AIR_NODE_TABLE);
    if (n == NULL)
        return add_failed(w->doc);
    if (!in_header_footer(w))
        w->host_tables++;
    table_open *t = &w->to[w->nt++];
    t->table = n;
    t->row = t->cell = NULL;
    t->nrows = 0;
    t->nbelow = 0;
    hwpx_get_attrs(&w->at, &w->names, &w->x, WANT, 2);
    t->decl_rows = (uint32_t)air_xml_long(w->at.v[0], 0, 0, MAX_ADDR);
    t->decl_cols = (uint32_t)air_xml_long(w->at.v[1], 0, 0, MAX_ADDR);
    return push(w, F_TABLE, depth, n, (int)(w->nt - 1));
}

static void close_table(hwpx_walk *w)
{
    table_open *t = &w->to[--w->nt];
    air_table *tb = &t->table->u.table;
    tb->rows = t->nrows;
    /* colCnt, unless absent or absurd: then air_doc_finish computes the
     * width from the cells */
    tb->cols = t->decl_cols <= MAX_GRID ? t->decl_cols : 0;
    tb->decl_rows = t->decl_rows;
    tb->decl_cols = t->decl_cols;
}

static table_open *cur_table(hwpx_walk *w)
{
    return w->nt ? &w->to[w->nt - 1] : NULL;
}

static air_status open_row(hwpx_walk *w, int depth)
{
    table_open *t = cur_table(w);
    air_node *r = add(w, t->table, AIR_NODE_ROW);
    if (r == NULL)
        return add_failed(w->doc);
    t->row = r;
    t->nrows++;
    t->cursor = 0;
    return push(w, F_ROW, depth, r, 0);
}

static air_status open_cell(hwpx_walk *w, int depth)
{
    static const hwpx_name WANT[] = { HN_header };
    table_open *t = cur_table(w);
    if (t->row == NULL) { /* a cell outside any hp:tr */
        t->row = add(w, t->table, AIR_NODE_ROW);
        if (t->row == NULL)
            return add_failed(w->doc);
        t->nrows++;
    }
    air_node *c = add(w, t->row, AIR_NODE_CELL);
    if (c == NULL)
        return add_failed(w->doc);
    hwpx_get_attrs(&w->at, &w->names, &w->x, WANT, 1);
    if (air_xml_bool(w->at.v[0], false))
        c->u.cell.flags |= AIR_CELL_HEADER;
    t->cell = c;
    t->has_addr = t->has_span = false;
    t->colspan = t->rowspan = 1;
    air_status rc = push(w, F_CELL, depth, c, 0);
    if (rc == AIR_OK)
        rc = push_cont(w, c);
    return rc;
}

static uint32_t span_of(const char *v)
{
    return (uint32_t)air_xml_long(v, 1, 1, MAX_SPAN);
}

static void on_cell_addr(hwpx_walk *w, bool is_span)
{
    static const hwpx_name ADDR[] = { HN_colAddr, HN_rowAddr };
    static const hwpx_name SPAN[] = { HN_colSpan, HN_rowSpan };
    table_open *t = cur_table(w);
    if (t == NULL || t->cell == NULL)
        return;
    hwpx_get_attrs(&w->at, &w->names, &w->x, is_span ? SPAN : ADDR, 2);
    if (is_span) {
        t->colspan = span_of(w->at.v[0]);
        t->rowspan = span_of(w->at.v[1]);
        t->has_span = true;
    } else if (w->at.v[0] && w->at.v[1]) {
        t->acol = (uint32_t)air_xml_long(w->at.v[0], 0, 0, MAX_ADDR);
        t->arow = (uint32_t)air_xml_long(w->at.v[1], 0, 0, MAX_ADDR);
        t->has_addr = true;
    }
}

/* Places the cell just closed: at its hp:cellAddr, or else at the first
 * grid slot of its row not covered by a row span from above. */
static air_status close_cell(hwpx_walk *w)
{
    table_open *t = cur_table(w);
    air_cell *c = &t->cell->u.cell;
    uint32_t row = t->nrows ? t->nrows - 1 : 0;
    uint32_t col = t->cursor;
    while (col < t->nbelow && t->below[col] > row)
        col++;
    if (t->has_addr) {
        row = t->arow;
        col = t->acol;
    }
    c->row = row;
    c->col = col;
    c->rowspan = t->rowspan;
    c->colspan = t->colspan;
    uint32_t end = col + t->colspan;
    if (end > MAX_GRID)
        end = MAX_GRID;
    if (end > t->belowcap) {
        size_t cap = t->belowcap;
        air_status rc = air_array_grow((void **)&t->below, &cap, end,
                                       sizeof *t->below, MAX_GRID);
        if (rc != AIR_OK)
            return rc;
        t->belowcap = (uint32_t)cap;
    }
    for (uint32_t k = t->nbelow; k < end; k++)
        t->below[k] = 0;
    if (end > t->nbelow)
        t->nbelow = end;
    for (uint32_t k = col; k < end; k++)
        if (t->below[k] < row + t->rowspan)
            t->below[k] = row + t->rowspan;
    t->cursor = col + t->colspan;
    t->cell = NULL;
    w->ncont--;
    return AIR_OK;
}

/* ---- stories ---------------------------------------------------------------- */

static air_status open_box(hwpx_walk *w, air_node *n, int depth, bool empty)
{
    if (n == NULL)
        return add_failed(w->doc);
    if (empty)
        return AIR_OK;
    air_status rc = push(w, F_BOX, depth, n, 0);
    if (rc == AIR_OK)
        rc = push_cont(w, n);
    return rc;
}

static air_status open_note(hwpx_walk *w, air_node_kind kind, int depth,
                            bool empty)
{
    static const hwpx_name WANT[] = { HN_instId, HN_number };
    hwpx_get_attrs(&w->at, &w->names, &w->x, WANT, 2);
    air_node *n = add_inline(w, kind);
    if (n != NULL) {
        const char *id = w->at.v[0] ? w->at.v[0] : w->at.v[1];
        n->u.note.id = air_doc_strdup(w->doc, id);
        if (id && n->u.note.id == NULL)
            return air_error(AIR_ENOMEM, "out of memory");
    }
    return open_box(w, n, depth, empty);
}

static air_status open_hf(hwpx_walk *w, air_node_kind kind, int depth,
                          bool empty)
{
    static const hwpx_name WANT[] = { HN_applyPageType };
    hwpx_get_attrs(&w->at, &w->names, &w->x, WANT, 1);
    /* Under the section, where its tables keep their XML order among the
     * body's: before the body block holding the control, or after it
     * when that block began a table before the control. */
    air_node *n = add(w, NULL, kind);
    if (n != NULL) {
        air_node *host = w->np ? w->po[0].node : NULL;
        while (host && host->parent && host->parent != w->section)
            host = host->parent;
        if (host && host->parent == w->section && w->host_tables == 0)
            air_node_insert_before(host, n);
        else
            air_node_append(w->section, n);
        const char *t = w->at.v[0];
        n->u.hf.which = t == NULL || strcmp(t, "BOTH") == 0 ? "default"
                        : strcmp(t, "EVEN") == 0           ? "even"
                        : strcmp(t, "ODD") == 0            ? "odd"
                                                           : "default";
    }
    return open_box(w, n, depth, empty);
}

/* hp:subList: the paragraphs of its owner; an owner this reader does not
 * know gives an "other" story (a TEXTBOX). */
static air_status open_sublist(hwpx_walk *w, int depth, bool empty)
{
    frame *f = top(w);
    if (f && (f->kind == F_CELL || f->kind == F_BOX))
        return AIR_OK;
    if (f && f->kind == F_FIELD && !f->flag) {
        f->flag = true; /* a memo's text */
        return open_box(w, add_inline(w, AIR_NODE_COMMENT), depth, empty);
    }
    if (!w->warned_other) {
        w->warned_other = true;
        air_doc_diag(w->doc, "%s: paragraphs under an unknown element (line "
                     "%d) kept as a text box", w->part, air_xml_line(&w->x));
    }
    return open_box(w, add_inline(w, AIR_NODE_TEXTBOX), depth, empty);
}

/* ---- objects ---------------------------------------------------------------- */

static air_status open_object(hwpx_walk *w, const char *what, int depth,
                              bool empty, fkind kind)
{
    air_node *n = add_inline(w, kind == F_PIC ? AIR_NODE_IMAGE
                                              : AIR_NODE_OBJECT);
    if (n == NULL)
        return add_failed(w->doc);
    if (kind != F_PIC)
        n->u.object.what = what;
    if (kind == F_OBJ && strcmp(what, "textart") == 0) {
        static const hwpx_name WANT[] = { HN_text };
        hwpx_get_attrs(&w->at, &w->names, &w->x, WANT, 1);
        n->u.object.text = air_doc_strdup(w->doc, w->at.v[0]);
        if (w->at.v[0] && n->u.object.text == NULL)
            return air_error(AIR_ENOMEM, "out of memory");
    }
    return empty ? AIR_OK : push(w, kind, depth, n, 0);
}

static air_status open_shape(hwpx_walk *w, int depth, bool empty)
{
    para_open *p = cur_para(w);
    if (empty)
        return open_object(w, "shape", depth, true, F_OBJ);
    air_status rc = push(w, F_SHAPE, depth, NULL, 0);
    if (rc == AIR_OK)
        top(w)->anchor = p ? air_pb_offset(&p->pb) : 0;
    return rc;
}

static air_status close_shape(hwpx_walk *w, const frame *f)
{
    if (f->flag)
        return AIR_OK; /* its text box stands for it */
    para_open *p = cur_para(w);
    air_node *n = add(w, p ? p->node : cur_cont(w), AIR_NODE_OBJECT);
    if (n == NULL)
        return add_failed(w->doc);
    n->anchor = f->anchor;
    n->u.object.what = "shape";
    return AIR_OK;
}

static void mark_shape_text(hwpx_walk *w)
{
    for (size_t i = w->nf; i-- > 0;) {
        if (w->f[i].kind == F_SHAPE) {
            w->f[i].flag = true;
            return;
        }
        if (w->f[i].kind == F_PARA || w->f[i].kind == F_CELL ||
            w->f[i].kind == F_BOX)
            return;
    }
}

static frame *find_frame(hwpx_walk *w, fkind kind)
{
    for (size_t i = w->nf; i-- > 0;) {
        if (w->f[i].kind == kind)
            return &w->f[i];
        if (w->f[i].kind == F_PARA || w->f[i].kind == F_BOX)
            return NULL;
    }
    return NULL;
}

static air_status on_img(hwpx_walk *w)
{
    static const hwpx_name WANT[] = { HN_binaryItemIDRef };
    frame *f = find_frame(w, F_PIC);
    if (f == NULL || f->node->u.image.target)
        return AIR_OK;
    hwpx_get_attrs(&w->at, &w->names, &w->x, WANT, 1);
    const char *part = hwpx_item_part(w->h, w->at.v[0]);
    if (part) {
        f->node->u.image.target = air_doc_strdup(w->doc, part);
        if (f->node->u.image.target == NULL)
            return air_error(AIR_ENOMEM, "out of memory");
    }
    return AIR_OK;
}

static air_status open_capture(hwpx_walk *w, capture cap, int depth,
                               int slot)
{
    air_buf_clear(&w->cap);
    air_status rc = push(w, F_CAPTURE, depth, NULL, slot);
    if (rc == AIR_OK)
        top(w)->cap = (uint8_t)cap;
    return rc;
}

static air_status close_capture(hwpx_walk *w, const frame *f)
{
    const char *s = w->cap.ptr ? w->cap.ptr : "";
    frame *o;
    switch ((capture)f->cap) {
    case CAP_ALT:
        if ((o = find_frame(w, F_PIC)) != NULL && !o->node->u.image.alt) {
            o->node->u.image.alt = air_doc_strndup(w->doc, s, w->cap.len);
            if (o->node->u.image.alt == NULL)
                return air_error(AIR_ENOMEM, "out of memory");
        }
        return AIR_OK;
    case CAP_SCRIPT:
        if ((o = find_frame(w, F_OBJ)) != NULL && !o->node->u.object.text) {
            o->node->u.object.text = air_doc_strndup(w->doc, s, w->cap.len);
            if (o->node->u.object.text == NULL)
                return air_error(AIR_ENOMEM, "out of memory");
        }
        return AIR_OK;
    case CAP_PATH:
    case CAP_COMMAND:
        return set_link(w, f->idx, f->cap == CAP_PATH);
    }
    return AIR_OK;
}

static air_status on_param(hwpx_walk *w, int depth, bool empty)
{
    static const hwpx_name WANT[] = { HN_name };
    frame *f = top(w);
    if (empty || f == NULL || f->kind != F_FIELD)
        return AIR_OK;
    hwpx_get_attrs(&w->at, &w->names, &w->x, WANT, 1);
    const char *n = w->at.v[0];
    if (n && strcmp(n, "Path") == 0)
        return open_capture(w, CAP_PATH, depth, f->idx);
    if (n && strcmp(n, "Command") == 0)
        return open_capture(w, CAP_COMMAND, depth, f->idx);
    return AIR_OK;
}

/* ---- the walk ----------------------------------------------------------------- */

enum { DESCEND = 1, SKIP = 2 };

static int on_start(hwpx_walk *w)
{
    int depth = air_xml_depth(&w->x);
    bool empty = air_xml_empty(&w->x);
    hwpx_name nm = hwpx_elem(&w->names, &w->x);
    para_open *p;
    air_status rc = AIR_OK;
    static const hwpx_name RUN[] = { HN_charPrIDRef };
    static const hwpx_name SECPR[] = { HN_outlineShapeIDRef };
    static const hwpx_name COMPOSE[] = { HN_composeText };

    switch (nm) {
    case HN_switch_:
    case HN_case_:
    case HN_default_:
        return hwpx_switch_start(&w->sw, nm, depth, empty) ? SKIP : DESCEND;
    case HN_p:
        rc = open_para(w);
        if (rc == AIR_OK)
            rc = empty ? close_para(w) : push(w, F_PARA, depth, NULL, 0);
        break;
    case HN_run:
        if ((p = cur_para(w)) != NULL) {
            hwpx_get_attrs(&w->at, &w->names, &w->x, RUN, 1);
            p->cs = air_hwp_get_charpr(w->info, id_of(w->at.v[0]));
            if (!empty)
                rc = push(w, F_RUN, depth, NULL, 0);
        }
        break;
    case HN_t:
    case HN_mainText:
        if (!empty && cur_para(w))
            rc = push(w, F_T, depth, NULL, 0);
        break;
    case HN_subText:
        return SKIP; /* dutmal annotation: not body text */
    case HN_tab:
        rc = put_tab(w);
        break;
    case HN_lineBreak:
        rc = put_break(w);
        break;
    case HN_nbSpace:
        rc = put_char(w, 0x00A0);
        break;
    case HN_fwSpace:
        rc = put_char(w, 0x3000);
        break;
    case HN_hyphen:
        rc = put_text(w, "-", 1);
        break;
    case HN_deleteBegin:
        w->deleting = true;
        break;
    case HN_deleteEnd:
        w->deleting = false;
        break;
    case HN_insertBegin:
        if ((p = cur_para(w)) != NULL && p->ins_span == NO_SPAN)
            rc = air_pb_span_begin(&p->pb, AIR_SPAN_INSERTED, 0, NULL, NULL,
                                   &p->ins_span);
        break;
    case HN_insertEnd:
        if ((p = cur_para(w)) != NULL && p->ins_span != NO_SPAN) {
            air_pb_span_end(&p->pb, p->ins_span);
            p->ins_span = NO_SPAN;
        }
        break;
    case HN_compose:
        if ((p = cur_para(w)) != NULL) {
            hwpx_get_attrs(&w->at, &w->names, &w->x, COMPOSE, 1);
            const char *t = w->at.v[0];
            if (t && *t) {
                size_t si = NO_SPAN;
                if (!w->deleting)
                    rc = air_pb_span_begin(&p->pb, AIR_SPAN_COMPOSE, 0, NULL,
                                           NULL, &si);
                if (rc == AIR_OK)
                    rc = put_text(w, t, strlen(t));
                if (si != NO_SPAN)
                    air_pb_span_end(&p->pb, si);
            }
        }
        return rc != AIR_OK ? rc : SKIP;
    case HN_secPr:
        hwpx_get_attrs(&w->at, &w->names, &w->x, SECPR, 1);
        if (w->at.v[0])
            w->outline_id = id_of(w->at.v[0]);
        break;
    case HN_fieldBegin:
        rc = open_field(w, depth, empty);
        break;
    case HN_fieldEnd:
        close_field(w);
        break;
    case HN_parameters:
        if (top(w) == NULL || top(w)->kind != F_FIELD)
            return SKIP;
        break;
    case HN_stringParam:
        rc = on_param(w, depth, empty);
        break;
    case HN_subList:
        rc = open_sublist(w, depth, empty);
        break;
    case HN_tbl:
        rc = open_table(w, depth);
        if (rc == AIR_OK && empty)
            w->nf--, close_table(w);
        break;
    case HN_tr:
        if (cur_table(w)) {
            rc = open_row(w, depth);
            if (rc == AIR_OK && empty)
                w->nf--, cur_table(w)->row = NULL;
        }
        break;
    case HN_tc:
        if (cur_table(w)) {
            rc = open_cell(w, depth);
            if (rc == AIR_OK && empty)
                w->nf--, rc = close_cell(w);
        }
        break;
    case HN_cellAddr:
    case HN_cellSpan:
        on_cell_addr(w, nm == HN_cellSpan);
        break;
    case HN_caption:
        rc = open_box(w, add_inline(w, AIR_NODE_CAPTION), depth, empty);
        break;
    case HN_drawText:
        mark_shape_text(w);
        rc = open_box(w, add_inline(w, AIR_NODE_TEXTBOX), depth, empty);
        break;
    case HN_footNote:
        rc = open_note(w, AIR_NODE_FOOTNOTE, depth, empty);
        break;
    case HN_endNote:
        rc = open_note(w, AIR_NODE_ENDNOTE, depth, empty);
        break;
    case HN_header:
        rc = open_hf(w, AIR_NODE_HEADER, depth, empty);
        break;
    case HN_footer:
        rc = open_hf(w, AIR_NODE_FOOTER, depth, empty);
        break;
    case HN_hiddenComment:
    case HN_memo:
        rc = open_box(w, add_inline(w, AIR_NODE_COMMENT), depth, empty);
        break;
    case HN_pic:
        rc = open_object(w, NULL, depth, empty, F_PIC);
        break;
    case HN_img:
        rc = on_img(w);
        break;
    case HN_shapeComment:
        if (!empty && find_frame(w, F_PIC))
            rc = open_capture(w, CAP_ALT, depth, 0);
        else
            return SKIP;
        break;
    case HN_equation:
        rc = open_object(w, "equation", depth, empty, F_OBJ);
        break;
    case HN_script:
        if (!empty && find_frame(w, F_OBJ))
            rc = open_capture(w, CAP_SCRIPT, depth, 0);
        break;
    case HN_ole:
        rc = open_object(w, "ole", depth, empty, F_OBJ);
        break;
    case HN_chart:
        rc = open_object(w, "chart", depth, empty, F_OBJ);
        break;
    case HN_video:
        rc = open_object(w, "video", depth, empty, F_OBJ);
        break;
    case HN_textart:
        rc = open_object(w, "textart", depth, empty, F_OBJ);
        break;
    case HN_btn:
    case HN_radioBtn:
    case HN_checkBtn:
    case HN_comboBox:
    case HN_listBox:
    case HN_edit:
    case HN_scrollBar:
        rc = open_object(w, "form", depth, empty, F_OBJ);
        break;
    case HN_rect:
    case HN_ellipse:
    case HN_arc:
    case HN_polygon:
    case HN_curve:
    case HN_connectLine:
    case HN_line:
        rc = open_shape(w, depth, empty);
        break;
    case HN_linesegarray:
    case HN_colPr:
    case HN_cellzoneList:
    case HN_autoNum:
    case HN_newNum:
    case HN_pageNum:
    case HN_pageHiding:
    case HN_pageNumCtrl:
    case HN_bookmark:
    case HN_indexmark:
        return SKIP;
    default:
        break;
    }
    return rc != AIR_OK ? rc : DESCEND;
}

static air_status on_end(hwpx_walk *w, int depth)
{
    hwpx_switch_end(&w->sw, depth);
    frame *f = top(w);
    if (f == NULL || f->depth != depth)
        return AIR_OK;
    frame fr = *f;
    w->nf--;
    switch ((fkind)fr.kind) {
    case F_PARA:
        return close_para(w);
    case F_RUN:
        if (cur_para(w))
            cur_para(w)->cs = NULL;
        return AIR_OK;
    case F_TABLE:
        close_table(w);
        return AIR_OK;
    case F_ROW: {
        table_open *t = cur_table(w);
        if (t)
            t->row = NULL;
        return AIR_OK;
    }
    case F_CELL:
        return close_cell(w);
    case F_BOX:
        w->ncont--;
        return AIR_OK;
    case F_CAPTURE:
        return close_capture(w, &fr);
    case F_SHAPE:
        return close_shape(w, &fr);
    default:
        return AIR_OK;
    }
}

static air_status on_text(hwpx_walk *w)
{
    frame *f = top(w);
    if (f == NULL)
        return AIR_OK;
    if (f->kind == F_T) {
        const char *v = air_xml_value(&w->x);
        return put_text(w, v, strlen(v));
    }
    if (f->kind == F_CAPTURE)
        return hwpx_text_append(&w->cap, &w->x, CAPTURE_MAX);
    return AIR_OK;
}

static air_status walk(hwpx_walk *w)
{
    int r = air_xml_next(&w->x);
    while (r == 1) {
        int what = DESCEND;
        int type = air_xml_type(&w->x);
        if (type == XML_READER_TYPE_ELEMENT) {
            what = on_start(w);
            if (what < 0)
                return what;
        } else if (type == XML_READER_TYPE_END_ELEMENT) {
            air_status rc = on_end(w, air_xml_depth(&w->x));
            if (rc != AIR_OK)
                return rc;
        } else if (air_xml_is_text(&w->x)) {
            air_status rc = on_text(w);
            if (rc != AIR_OK)
                return rc;
        }
        r = what == SKIP ? air_xml_skip(&w->x) : air_xml_next(&w->x);
    }
    return r < 0 ? r : AIR_OK;
}

/* A part that ends early (the parser stops at end of input without an
 * error for some truncations) leaves frames open: close them so that the
 * text read so far is kept. */
static air_status close_all(hwpx_walk *w)
{
    air_status rc = AIR_OK;
    while (w->nf > 0 && rc == AIR_OK)
        rc = on_end(w, w->f[w->nf - 1].depth);
    return rc;
}

air_status hwpx_read_section(hwpx *h, const char *part, uint32_t index)
{
    (void)index;
    if (h->walk == NULL) {
        h->walk = calloc(1, sizeof *h->walk);
        if (h->walk == NULL)
            return air_error(AIR_ENOMEM, "out of memory");
    }
    hwpx_walk *w = h->walk;
    w->h = h;
    w->doc = h->doc;
    w->info = &h->info;
    w->nf = w->np = w->nt = w->ncont = 0;
    w->outline_id = 0;
    w->deleting = false;
    memset(&w->sw, 0, sizeof w->sw);
    w->section = air_node_add(h->doc, h->doc->root, AIR_NODE_SECTION);
    if (w->section == NULL)
        return add_failed(h->doc);
    air_status rc = push_cont(w, w->section);
    if (rc != AIR_OK)
        return rc;
    rc = air_xml_open(&w->x, h->pkg, part);
    if (rc != AIR_OK)
        return rc;
    w->part = w->x.part;
    hwpx_dict_init(&w->names, &w->x);
    rc = walk(w);
    if (rc == AIR_OK)
        rc = close_all(w);
    air_xml_close(&w->x);
    return rc;
}

void hwpx_sections_done(hwpx *h)
{
    hwpx_walk *w = h->walk;
    if (w == NULL)
        return;
    for (size_t i = 0; i < w->pcap; i++) {
        air_pb_free(&w->po[i].pb);
        air_buf_free(&w->po[i].del);
    }
    for (size_t i = 0; i < w->tcap; i++)
        free(w->to[i].below);
    free(w->po);
    free(w->to);
    free(w->f);
    free(w->cont);
    air_buf_free(&w->cap);
    free(w);
    h->walk = NULL;
}
