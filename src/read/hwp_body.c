/* hwp_body.c -- the record walk of one BodyText/SectionN stream into the
 * model, giving the same shape as the HWPX reader gives the same document
 * (hwpx_section.c). One pass over the records, never recursion: records
 * nest by level, and the records that own children are frames on an
 * explicit stack, one per level (levels are 10 bits: at most 1024).
 *
 * Consumes (HWP 5.0 format document, 4.3):
 *   PARA_HEADER   character count, para shape id (16 bits at 8), style id
 *                 (8 bits at 10), break bits at 11 (page 2, column 3)
 *   PARA_TEXT     UTF-16LE; controls below U+0020: char controls take one
 *                 unit (10 line break, 13 paragraph end, 24 hyphen, 30
 *                 non-breaking space -> U+00A0, 31 fixed-width space ->
 *                 U+3000), inline controls eight (9 tab, 4 field end),
 *                 extended controls eight (their id in units 1-2), each
 *                 paired in order with a CTRL_HEADER child of the paragraph
 *   PARA_CHAR_SHAPE  (position, char shape id) runs: symbol-font spans
 *   CTRL_HEADER   by id: 'tbl ' TABLE (rows, cols) + LIST_HEADER per cell
 *                 (header cell: bit 18 of the list property at 4; column,
 *                 row, spans at 8..15), a LIST_HEADER before the
 *                 TABLE record being the caption; 'gso ' the description
 *                 at 44 (alt text), SHAPE_COMPONENT with its LIST_HEADER
 *                 (text box), PICTURE (bin id at 71), OLE, CONTAINER (child
 *                 components), TEXTART, the basic shapes; 'eqed' EQEDIT
 *                 (the script); 'fn  ' 'en  ' notes (number at 4); 'head'
 *                 'foot' (which pages, bits 0-1 at 4); 'tcmt' hidden
 *                 comment; 'secd' the outline numbering id (16 bits at 18;
 *                 its master-page lists are skipped, as the HWPX reader
 *                 skips masterpage*.xml); '%hlk' the command (at 11,
 *                 "url;..."); other '%xxx' fields as field spans; 'form'
 *   Skipped: 'cold' 'atno' 'nwno' 'pghd' 'pgct' 'pgnp' 'bokm' 'idxm'
 *   'tcps' 'tdut', line segments, range tags.
 *
 * Containers: paragraphs of a list follow their LIST_HEADER at the same
 * level (cells, text boxes, notes, headers); the owner of the list is the
 * frame one level up, which keeps the list's node as 'cont'. A list under
 * an owner this reader does not know becomes a TEXTBOX (the corpus
 * README's "other" story), as in the HWPX reader. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "read/hwp.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/utf8.h"

/* Fields open at once in one paragraph, as in the HWPX reader. */
enum { MAX_FIELDS = 16 };
/* Grid columns of a table: Hangul allows far fewer. */
enum { MAX_GRID = 16384 };
/* Frames: one per record level (10 bits). */
enum { MAX_LEVELS = 1024 };

#define NO_SPAN ((size_t)-1)

#define ID_TBL  HWP_CHID('t', 'b', 'l', ' ')
#define ID_GSO  HWP_CHID('g', 's', 'o', ' ')
#define ID_EQED HWP_CHID('e', 'q', 'e', 'd')
#define ID_FN   HWP_CHID('f', 'n', ' ', ' ')
#define ID_EN   HWP_CHID('e', 'n', ' ', ' ')
#define ID_HEAD HWP_CHID('h', 'e', 'a', 'd')
#define ID_FOOT HWP_CHID('f', 'o', 'o', 't')
#define ID_TCMT HWP_CHID('t', 'c', 'm', 't')
#define ID_SECD HWP_CHID('s', 'e', 'c', 'd')
#define ID_FORM HWP_CHID('f', 'o', 'r', 'm')
#define ID_HLK  HWP_CHID('%', 'h', 'l', 'k')
#define ID_TDUT HWP_CHID('t', 'd', 'u', 't')
#define ID_TCPS HWP_CHID('t', 'c', 'p', 's')

typedef enum fkind {
    F_PARA,  /* PARA_HEADER */
    F_CTRL,  /* CTRL_HEADER */
    F_SHAPE, /* SHAPE_COMPONENT */
    F_SKIP   /* children ignored */
} fkind;

/* What a shape component turned out to be. */
enum {
    SH_TEXT = 1 << 0,      /* its text box stands for it */
    SH_NODE = 1 << 1,      /* a picture or object node stands for it */
    SH_CONTAINER = 1 << 2, /* a group: its components stand for it */
    SH_SHAPE = 1 << 3      /* a drawing shape */
};

typedef struct frame {
    uint16_t level;
    uint8_t kind;    /* fkind */
    uint8_t sub;     /* F_SHAPE: SH_*; F_CTRL tbl: TABLE record seen */
    uint32_t id;     /* F_CTRL: control id */
    uint32_t anchor; /* inline objects: offset in the host paragraph */
    air_node *host;  /* the paragraph hosting inline nodes, or NULL */
    air_node *node;  /* F_CTRL: its node (table, note, ...), or NULL */
    air_node *cont;  /* the list whose paragraphs come next, or NULL */
    const char *alt; /* F_CTRL gso: the description (tmp), or NULL */
} frame;

typedef struct ctrl_ref {
    uint32_t id;
    uint32_t anchor;
    size_t span; /* a field's span, or NO_SPAN */
} ctrl_ref;

typedef struct para_open {
    air_node *node;
    air_pbuild pb;
    air_buf raw;  /* PARA_TEXT: UTF-16LE units */
    air_buf runs; /* PARA_CHAR_SHAPE: (position, id) pairs */
    uint32_t para_pr, style;
    uint8_t flags; /* AIR_PARA_* from the header */
    bool built;
    ctrl_ref *ctrl; /* extended controls in text order */
    size_t nctrl, ctrlcap, next_ctrl;
    size_t fld[MAX_FIELDS];
    int nfld;
} para_open;

typedef struct table_open {
    air_node *table;
    air_node *row;
    uint32_t row_addr; /* row address of the current ROW's cells */
    uint32_t rows, cols;
} table_open;

typedef struct hwp_walk {
    hwp *h;
    air_doc *doc;
    const air_hwp_info *info;
    const char *part;
    air_node *section;
    uint32_t outline_id;
    uint32_t host_tables; /* tables begun in the current body paragraph */
    bool warned_other;
    frame *f; /* MAX_LEVELS */
    size_t nf;
    para_open *po;
    size_t np, pcap;
    table_open *to;
    size_t nt, tcap;
} hwp_walk;

/* ---- small helpers ------------------------------------------------------ */

static air_status add_failed(const air_doc *doc)
{
    return doc->nnodes >= doc->max_nodes ? AIR_ELIMIT : AIR_ENOMEM;
}

static frame *top(hwp_walk *w)
{
    return w->nf ? &w->f[w->nf - 1] : NULL;
}

static frame *push(hwp_walk *w, fkind kind, uint32_t level)
{
    frame *f = &w->f[w->nf++]; /* levels rise by one: nf <= MAX_LEVELS */
    memset(f, 0, sizeof *f);
    f->kind = (uint8_t)kind;
    f->level = (uint16_t)level;
    return f;
}

/* An inline node in paragraph 'host' at 'anchor' (a block of the section
 * when there is no host). */
static air_node *add_inline(hwp_walk *w, air_node *host, uint32_t anchor,
                            air_node_kind kind)
{
    air_node *n = air_node_add(w->doc, host ? host : w->section, kind);
    if (n != NULL && host != NULL)
        n->anchor = anchor;
    return n;
}

/* The field type a control id names, as HWPX writes it. */
static const char *field_type(uint32_t id)
{
    static const struct {
        uint32_t id;
        const char *type;
    } T[] = {
        {HWP_CHID('%', 'c', 'l', 'k'), "CLICK_HERE"},
        {HWP_CHID('%', 'h', 'l', 'k'), "HYPERLINK"},
        {HWP_CHID('%', 'd', 't', 'e'), "DATE"},
        {HWP_CHID('%', 'd', 'd', 't'), "DOC_DATE"},
        {HWP_CHID('%', 'p', 'a', 't'), "PATH"},
        {HWP_CHID('%', 'b', 'm', 'k'), "BOOKMARK"},
        {HWP_CHID('%', 'm', 'm', 'g'), "MAILMERGE"},
        {HWP_CHID('%', 'x', 'r', 'f'), "CROSSREF"},
        {HWP_CHID('%', 'f', 'm', 'u'), "FORMULA"},
        {HWP_CHID('%', 's', 'm', 'r'), "SUMMARY"},
        {HWP_CHID('%', 'u', 's', 'r'), "USER_INFO"},
        {HWP_CHID('%', '%', 'm', 'e'), "MEMO"},
        {HWP_CHID('%', 'c', 'p', 'r'), "PRIVATE_INFO_SECURITY"},
        {HWP_CHID('%', 't', 'o', 'c'), "TABLE_OF_CONTENTS"},
    };
    for (size_t i = 0; i < sizeof T / sizeof *T; i++)
        if (T[i].id == id)
            return T[i].type;
    return "UNKNOWN";
}

static bool is_field(uint32_t id)
{
    return (id >> 24) == '%';
}

/* ---- paragraph text -------------------------------------------------------
 */

/* Appends code point 'cp' drawn with char shape 'cs': a run in a symbol
 * font gets (or extends) a SYMFONT span. */
static air_status put_cp(hwp_walk *w, para_open *p, const air_hwp_charpr *cs,
                         uint32_t cp)
{
    char tmp[4];
    size_t k = air_utf8_encode(tmp, cp);
    const char *font =
        cs && cs->symbol_mask ? air_hwp_symfont_of(w->info, cs, cp) : NULL;
    if (font == NULL)
        return air_pb_text(&p->pb, tmp, k);
    air_span *last = p->pb.nspans ? &p->pb.spans[p->pb.nspans - 1] : NULL;
    if (last && last->flags == AIR_SPAN_SYMFONT && last->font == font &&
        last->off + last->len == p->pb.len) {
        air_status rc = air_pb_text(&p->pb, tmp, k);
        last = &p->pb.spans[p->pb.nspans - 1];
        last->len = (uint32_t)(p->pb.len - last->off);
        return rc;
    }
    size_t si;
    air_status rc =
        air_pb_span_begin(&p->pb, AIR_SPAN_SYMFONT, 0, font, NULL, &si);
    if (rc == AIR_OK)
        rc = air_pb_text(&p->pb, tmp, k);
    air_pb_span_end(&p->pb, si);
    return rc;
}

typedef enum ctl_class { CTL_CHAR, CTL_INLINE, CTL_EXTENDED } ctl_class;

static ctl_class class_of(uint32_t c)
{
    switch (c) {
    case 4:
    case 5:
    case 6:
    case 7:
    case 8:
    case 9:
    case 19:
    case 20: return CTL_INLINE;
    case 1:
    case 2:
    case 3:
    case 11:
    case 12:
    case 14:
    case 15:
    case 16:
    case 17:
    case 18:
    case 21:
    case 22:
    case 23: return CTL_EXTENDED;
    default: return CTL_CHAR;
    }
}

static air_status on_control(hwp_walk *w, para_open *p, const unsigned char *u,
                             size_t n, size_t i)
{
    uint32_t c = hwp_u16(u, 2 * n, 2 * i);
    switch (class_of(c)) {
    case CTL_CHAR:
        if (c == 10)
            return air_pb_break(&p->pb);
        if (c == 24)
            return air_pb_text(&p->pb, "-", 1);
        if (c == 30)
            return put_cp(w, p, NULL, 0x00A0);
        if (c == 31)
            return put_cp(w, p, NULL, 0x3000);
        return AIR_OK; /* 13 ends the paragraph; the rest are reserved */
    case CTL_INLINE:
        if (c == 9)
            return air_pb_tab(&p->pb);
        if (c == 4 && p->nfld > 0)
            air_pb_span_end(&p->pb, p->fld[--p->nfld]);
        return AIR_OK;
    case CTL_EXTENDED: break;
    }
    air_status rc = air_array_grow((void **)&p->ctrl, &p->ctrlcap, p->nctrl + 1,
                                   sizeof *p->ctrl, 0);
    if (rc != AIR_OK)
        return rc;
    ctrl_ref *cr = &p->ctrl[p->nctrl++];
    cr->id = hwp_u16(u, 2 * n, 2 * i + 2) | hwp_u16(u, 2 * n, 2 * i + 4) << 16;
    cr->anchor = air_pb_offset(&p->pb);
    cr->span = NO_SPAN;
    if (c == 3 && p->nfld < MAX_FIELDS) {
        bool link = cr->id == ID_HLK;
        rc = air_pb_span_begin(
            &p->pb, AIR_SPAN_FIELD | (link ? AIR_SPAN_LINK : 0), 0, NULL,
            link ? NULL : field_type(cr->id), &cr->span);
        if (rc == AIR_OK)
            p->fld[p->nfld++] = cr->span;
    }
    return rc;
}

/* Builds the paragraph text from PARA_TEXT and PARA_CHAR_SHAPE, once:
 * before its first control is read (which needs its anchor) or when it
 * closes. */
static air_status build_text(hwp_walk *w, para_open *p)
{
    if (p->built)
        return AIR_OK;
    p->built = true;
    const unsigned char *u = (const unsigned char *)p->raw.ptr;
    size_t n = p->raw.len / 2;
    const unsigned char *rs = (const unsigned char *)p->runs.ptr;
    size_t nrs = p->runs.len / 8, r = 0;
    const air_hwp_charpr *cs = NULL;
    air_status rc = AIR_OK;
    for (size_t i = 0; i < n && rc == AIR_OK;) {
        while (r < nrs && hwp_u32(rs, p->runs.len, 8 * r) <= i) {
            cs = air_hwp_get_charpr(w->info,
                                    hwp_u32(rs, p->runs.len, 8 * r + 4));
            r++;
        }
        uint32_t c = hwp_u16(u, 2 * n, 2 * i);
        if (c < 32) {
            rc = on_control(w, p, u, n, i);
            i += class_of(c) == CTL_CHAR ? 1 : 8;
            continue;
        }
        i++;
        if (c >= 0xD800 && c < 0xDC00 && i < n) {
            uint32_t d = hwp_u16(u, 2 * n, 2 * i);
            if (d >= 0xDC00 && d < 0xE000) {
                c = 0x10000 + ((c - 0xD800) << 10) + (d - 0xDC00);
                i++;
            }
        }
        if (c >= 0xD800 && c < 0xE000)
            c = 0xFFFD;
        rc = put_cp(w, p, cs, c);
    }
    return rc;
}

/* ---- paragraphs ------------------------------------------------------------
 */

static para_open *cur_para(hwp_walk *w)
{
    return w->np ? &w->po[w->np - 1] : NULL;
}

static air_status open_para(hwp_walk *w, air_node *cont, uint32_t level,
                            const unsigned char *d, size_t n)
{
    air_status rc =
        air_array_grow((void **)&w->po, &w->pcap, w->np + 1, sizeof *w->po, 0);
    if (rc != AIR_OK)
        return rc;
    air_node *node = air_node_add(w->doc, cont, AIR_NODE_PARA);
    if (node == NULL)
        return add_failed(w->doc);
    if (level == 0)
        w->host_tables = 0;
    para_open *p = &w->po[w->np++];
    /* Keep the buffers of the last paragraph at this depth. */
    p->node = node;
    p->pb.len = 0;
    p->pb.nspans = 0;
    p->pb.nbreaks = p->pb.ntabs = 0;
    air_buf_clear(&p->raw);
    air_buf_clear(&p->runs);
    p->built = false;
    p->nctrl = p->next_ctrl = 0;
    p->nfld = 0;
    p->para_pr = hwp_u16(d, n, 8);
    p->style = hwp_u8(d, n, 10);
    uint32_t brk = hwp_u8(d, n, 11);
    p->flags = 0;
    if (brk & 4)
        p->flags |= AIR_PARA_PAGE_BREAK;
    if (brk & 8)
        p->flags |= AIR_PARA_COL_BREAK;
    push(w, F_PARA, level);
    return AIR_OK;
}

static air_status close_para(hwp_walk *w)
{
    para_open *p = cur_para(w);
    air_status rc = build_text(w, p);
    if (rc != AIR_OK)
        return rc;
    while (p->nfld > 0) /* fields still open end with the paragraph */
        air_pb_span_end(&p->pb, p->fld[--p->nfld]);
    rc = air_pb_finish(&p->pb, w->doc, p->node);
    if (rc != AIR_OK)
        return rc;
    air_para *para = &p->node->u.para;
    para->flags |= p->flags;
    air_hwp_resolve_para(w->info, para, p->para_pr, p->style, w->outline_id);
    w->np--;
    return AIR_OK;
}

/* Appends the bytes of a PARA_TEXT or PARA_CHAR_SHAPE record. */
static air_status keep(air_buf *b, const unsigned char *d, size_t n)
{
    return n ? air_buf_add(b, d, n) : AIR_OK;
}

/* Inserts the text a control stands for (덧말's main text, 글자 겹침's
 * characters: HWPX writes both into the run) at the control's anchor:
 * text, spans and the anchors of the controls after it move. 'k' is the
 * index of the control. */
static air_status insert_text(para_open *p, size_t k, const char *s,
                              bool compose)
{
    uint32_t at = p->ctrl[k].anchor;
    size_t old = p->pb.len, nspans = p->pb.nspans;
    air_status rc = air_pb_text(&p->pb, s, strlen(s));
    if (rc != AIR_OK)
        return rc;
    uint32_t n = (uint32_t)(p->pb.len - old);
    if (n == 0 || at > old)
        return AIR_OK;
    /* rotate [at, old) and [old, old + n), a piece at a time */
    char *t = p->pb.text;
    char tmp[256];
    for (uint32_t done = 0; done < n;) {
        uint32_t c = n - done < sizeof tmp ? n - done : (uint32_t)sizeof tmp;
        memcpy(tmp, t + old + done, c);
        memmove(t + at + done + c, t + at + done, old - at);
        memcpy(t + at + done, tmp, c);
        done += c;
    }
    for (size_t i = 0; i < nspans; i++) {
        air_span *sp = &p->pb.spans[i];
        if (sp->off >= at)
            sp->off += n;
        else if (sp->off + sp->len > at)
            sp->len += n;
    }
    for (size_t j = k + 1; j < p->nctrl; j++)
        if (p->ctrl[j].anchor >= at)
            p->ctrl[j].anchor += n;
    if (!compose)
        return AIR_OK;
    size_t si;
    rc = air_pb_span_begin(&p->pb, AIR_SPAN_COMPOSE, 0, NULL, NULL, &si);
    if (rc != AIR_OK)
        return rc;
    /* keep the spans sorted by offset; spans are found by index, so the
     * ones moved up move their index */
    air_span sp = p->pb.spans[si];
    sp.off = at;
    sp.len = n;
    size_t i = si;
    while (i > 0 && p->pb.spans[i - 1].off > at) {
        p->pb.spans[i] = p->pb.spans[i - 1];
        i--;
    }
    p->pb.spans[i] = sp;
    for (size_t j = 0; j < p->nctrl; j++)
        if (p->ctrl[j].span != NO_SPAN && p->ctrl[j].span >= i &&
            p->ctrl[j].span < si)
            p->ctrl[j].span++;
    for (int j = 0; j < p->nfld; j++)
        if (p->fld[j] >= i && p->fld[j] < si)
            p->fld[j]++;
    return AIR_OK;
}

/* ---- tables
 * -------------------------------------------------------------------- */

static bool in_header_footer(const hwp_walk *w)
{
    for (size_t i = 0; i < w->nf; i++)
        if (w->f[i].kind == F_CTRL &&
            (w->f[i].id == ID_HEAD || w->f[i].id == ID_FOOT))
            return true;
    return false;
}

static air_status open_table(hwp_walk *w, frame *f)
{
    if (w->nt >= w->h->max_table_depth)
        return air_error(AIR_ELIMIT,
                         "%s: %s: tables nested more than %u "
                         "deep (limit)",
                         air_doc_name(w->doc), w->part, w->h->max_table_depth);
    air_status rc = air_array_grow((void **)&w->to, &w->tcap, w->nt + 1,
                                   sizeof *w->to, w->h->max_table_depth);
    if (rc != AIR_OK)
        return rc;
    air_node *n = add_inline(w, f->host, f->anchor, AIR_NODE_TABLE);
    if (n == NULL)
        return add_failed(w->doc);
    if (!in_header_footer(w))
        w->host_tables++;
    table_open *t = &w->to[w->nt++];
    memset(t, 0, sizeof *t);
    t->table = n;
    f->node = n;
    return AIR_OK;
}

static void close_table(hwp_walk *w)
{
    table_open *t = &w->to[--w->nt];
    air_table *tb = &t->table->u.table;
    tb->rows = t->rows;
    tb->cols = t->cols <= MAX_GRID ? t->cols : 0;
    tb->decl_rows = t->rows;
    tb->decl_cols = t->cols;
}

/* A cell's LIST_HEADER: column, row, column span and row span at 8. */
static air_node *open_cell(hwp_walk *w, const unsigned char *d, size_t n)
{
    table_open *t = &w->to[w->nt - 1];
    uint32_t col = hwp_u16(d, n, 8), row = hwp_u16(d, n, 10);
    uint32_t cs = hwp_u16(d, n, 12), rs = hwp_u16(d, n, 14);
    /* Cells come row by row; a new row address starts a new row. */
    if (t->row == NULL || row != t->row_addr) {
        t->row = air_node_add(w->doc, t->table, AIR_NODE_ROW);
        if (t->row == NULL)
            return NULL;
        t->row_addr = row;
    }
    air_node *c = air_node_add(w->doc, t->row, AIR_NODE_CELL);
    if (c != NULL) {
        c->u.cell.row = row;
        c->u.cell.col = col;
        c->u.cell.colspan = cs ? cs : 1;
        c->u.cell.rowspan = rs ? rs : 1;
        if (hwp_u32(d, n, 4) & (1u << 18)) /* 제목 셀: HWPX tc@header */
            c->u.cell.flags |= AIR_CELL_HEADER;
    }
    return c;
}

/* ---- lists
 * ---------------------------------------------------------------------- */

static void warn_other(hwp_walk *w, uint32_t id)
{
    if (w->warned_other)
        return;
    w->warned_other = true;
    air_doc_diag(w->doc,
                 "%s: paragraphs under an unknown control '%c%c%c%c' "
                 "kept as a text box",
                 w->part, (int)(id >> 24) & 0x7F, (int)(id >> 16) & 0x7F,
                 (int)(id >> 8) & 0x7F, (int)id & 0x7F);
}

/* A LIST_HEADER under frame 'f': the container its paragraphs go to. */
static air_status on_list(hwp_walk *w, frame *f, const unsigned char *d,
                          size_t n)
{
    air_node *c = NULL;
    if (f->kind == F_SHAPE) {
        f->sub |= SH_TEXT;
        c = add_inline(w, f->host, f->anchor, AIR_NODE_TEXTBOX);
    } else if (f->kind != F_CTRL) {
        return AIR_OK;
    } else if (f->id == ID_TBL) {
        c = f->sub ? open_cell(w, d, n)
                   : add_inline(w, f->host, f->anchor, AIR_NODE_CAPTION);
    } else if (f->id == ID_GSO || f->id == ID_EQED || f->id == ID_FORM) {
        c = add_inline(w, f->host, f->anchor, AIR_NODE_CAPTION);
    } else if (f->id == ID_FN || f->id == ID_EN || f->id == ID_HEAD ||
               f->id == ID_FOOT || f->id == ID_TCMT) {
        c = f->node;
    } else if (f->id == ID_SECD) {
        return AIR_OK; /* master pages: not read, as in HWPX */
    } else if (is_field(f->id)) {
        c = add_inline(w, f->host, f->anchor, AIR_NODE_COMMENT);
    } else {
        warn_other(w, f->id);
        c = add_inline(w, f->host, f->anchor, AIR_NODE_TEXTBOX);
    }
    if (c == NULL)
        return add_failed(w->doc);
    f->cont = c;
    return AIR_OK;
}

/* ---- controls
 * -------------------------------------------------------------------- */

static air_status add_object(hwp_walk *w, frame *f, const char *what,
                             air_node **out)
{
    air_node *n = add_inline(w, f->host, f->anchor, AIR_NODE_OBJECT);
    if (n == NULL)
        return add_failed(w->doc);
    n->u.object.what = what;
    if (out)
        *out = n;
    return AIR_OK;
}

/* A hyperlink's URL: the command "url;flags..." with ':' escaped "\:". */
static air_status set_link(hwp_walk *w, para_open *p, const ctrl_ref *cr,
                           const unsigned char *d, size_t n)
{
    if (cr == NULL || cr->span == NO_SPAN || n < 11)
        return AIR_OK;
    size_t len = hwp_u16(d, n, 9);
    if (11 + 2 * len > n)
        len = (n - 11) / 2;
    const char *cmd = hwp_utf16_dup(w->h, d + 11, len, false);
    if (cmd == NULL)
        return air_error(AIR_ENOMEM, "out of memory");
    char *url = air_arena_alloc(&w->h->tmp, strlen(cmd) + 1);
    if (url == NULL)
        return air_error(AIR_ENOMEM, "out of memory");
    size_t k = 0;
    for (const char *s = cmd; *s && *s != ';'; s++) {
        if (*s == '\\' && s[1])
            s++;
        url[k++] = *s;
    }
    url[k] = '\0';
    if (k > 0)
        p->pb.spans[cr->span].target = url;
    return AIR_OK;
}

static air_status open_hf(hwp_walk *w, frame *f, air_node_kind kind,
                          const unsigned char *d, size_t n)
{
    /* Under the section, where its tables keep their order among the
     * body's: before the body paragraph holding the control, or after it
     * when that paragraph began a table before the control. */
    air_node *hf = air_node_add(w->doc, NULL, kind);
    if (hf == NULL)
        return add_failed(w->doc);
    air_node *host = w->np ? w->po[0].node : NULL;
    if (host && host->parent == w->section && w->host_tables == 0)
        air_node_insert_before(host, hf);
    else
        air_node_append(w->section, hf);
    uint32_t which = hwp_u32(d, n, 4) & 3;
    hf->u.hf.which = which == 1 ? "even" : which == 2 ? "odd" : "default";
    f->node = hf;
    return AIR_OK;
}

static air_status open_note(hwp_walk *w, frame *f, air_node_kind kind,
                            const unsigned char *d, size_t n)
{
    air_node *note = add_inline(w, f->host, f->anchor, kind);
    if (note == NULL)
        return add_failed(w->doc);
    char num[16];
    snprintf(num, sizeof num, "%u", hwp_u32(d, n, 4));
    note->u.note.id = air_doc_strdup(w->doc, num);
    if (note->u.note.id == NULL)
        return air_error(AIR_ENOMEM, "out of memory");
    f->node = note;
    return AIR_OK;
}

/* A CTRL_HEADER child of paragraph frame 'pf': paired with the next
 * extended control of the paragraph text. */
static air_status on_ctrl(hwp_walk *w, uint32_t level, const unsigned char *d,
                          size_t n)
{
    para_open *p = cur_para(w);
    air_status rc = build_text(w, p);
    if (rc != AIR_OK)
        return rc;
    const ctrl_ref *cr =
        p->next_ctrl < p->nctrl ? &p->ctrl[p->next_ctrl] : NULL;
    p->next_ctrl++;
    uint32_t id = hwp_u32(d, n, 0);
    frame *f = push(w, F_CTRL, level);
    f->id = id;
    f->host = p->node;
    f->anchor = cr ? cr->anchor : air_pb_offset(&p->pb);
    switch (id) {
    case ID_TBL: return open_table(w, f);
    case ID_GSO:
        if (n >= 46) {
            size_t len = hwp_u16(d, n, 44);
            if (46 + 2 * len <= n && len > 0) {
                f->alt = hwp_utf16_dup(w->h, d + 46, len, false);
                if (f->alt == NULL)
                    return air_error(AIR_ENOMEM, "out of memory");
            }
        }
        return AIR_OK;
    case ID_EQED: return add_object(w, f, "equation", &f->node);
    case ID_FORM: return add_object(w, f, "form", &f->node);
    case ID_FN: return open_note(w, f, AIR_NODE_FOOTNOTE, d, n);
    case ID_EN: return open_note(w, f, AIR_NODE_ENDNOTE, d, n);
    case ID_HEAD: return open_hf(w, f, AIR_NODE_HEADER, d, n);
    case ID_FOOT: return open_hf(w, f, AIR_NODE_FOOTER, d, n);
    case ID_TCMT:
        f->node = add_inline(w, f->host, f->anchor, AIR_NODE_COMMENT);
        return f->node ? AIR_OK : add_failed(w->doc);
    case ID_SECD: w->outline_id = hwp_u16(d, n, 18); return AIR_OK;
    case ID_TDUT:
    case ID_TCPS: {
        f->kind = F_SKIP;
        size_t len = hwp_u16(d, n, 4);
        if (cr == NULL || cr->id != id || 6 + 2 * len > n || len == 0)
            return AIR_OK;
        const char *t = hwp_utf16_dup(w->h, d + 6, len, false);
        if (t == NULL)
            return air_error(AIR_ENOMEM, "out of memory");
        return insert_text(p, p->next_ctrl - 1, t, id == ID_TCPS);
    }
    default:
        if (id == ID_HLK && cr && cr->id == id)
            return set_link(w, p, cr, d, n);
        if (is_field(id))
            return AIR_OK;
        /* column definitions, page numbers, bookmarks, ...: nothing to
         * read, and no list of theirs is text of the document */
        f->kind = F_SKIP;
        return AIR_OK;
    }
}

/* ---- shapes
 * -------------------------------------------------------------------- */

static const frame *find_ctrl(const hwp_walk *w, uint32_t id)
{
    for (size_t i = w->nf; i-- > 0;) {
        if (w->f[i].kind == F_CTRL)
            return w->f[i].id == id ? &w->f[i] : NULL;
    }
    return NULL;
}

static air_status on_picture(hwp_walk *w, frame *f, const unsigned char *d,
                             size_t n)
{
    air_node *img = add_inline(w, f->host, f->anchor, AIR_NODE_IMAGE);
    if (img == NULL)
        return add_failed(w->doc);
    f->sub |= SH_NODE;
    uint32_t bin = hwp_u16(d, n, 71);
    if (bin >= 1 && bin <= w->h->nbin && w->h->bin[bin - 1].part) {
        img->u.image.target = air_doc_strdup(w->doc, w->h->bin[bin - 1].part);
        if (img->u.image.target == NULL)
            return air_error(AIR_ENOMEM, "out of memory");
    }
    const frame *g = find_ctrl(w, ID_GSO);
    if (g && g->alt) {
        img->u.image.alt = air_doc_strdup(w->doc, g->alt);
        if (img->u.image.alt == NULL)
            return air_error(AIR_ENOMEM, "out of memory");
    }
    return AIR_OK;
}

static air_status on_shape_child(hwp_walk *w, frame *f, const hwp_recs *r)
{
    switch (r->tag) {
    case HWPTAG_SHAPE_COMPONENT: {
        frame *c = push(w, F_SHAPE, r->level);
        c->host = f->host;
        c->anchor = f->anchor;
        f->sub |= SH_CONTAINER;
        return AIR_OK;
    }
    case HWPTAG_LIST_HEADER: return on_list(w, f, r->data, r->size);
    case HWPTAG_SHAPE_COMPONENT_PICTURE:
        return on_picture(w, f, r->data, r->size);
    case HWPTAG_SHAPE_COMPONENT_OLE:
        f->sub |= SH_NODE;
        return add_object(w, f, "ole", NULL);
    case HWPTAG_SHAPE_COMPONENT_TEXTART:
        f->sub |= SH_NODE;
        return add_object(w, f, "textart", NULL);
    case HWPTAG_VIDEO_DATA:
        f->sub |= SH_NODE;
        return add_object(w, f, "video", NULL);
    case HWPTAG_CHART_DATA:
        f->sub |= SH_NODE;
        return add_object(w, f, "chart", NULL);
    case HWPTAG_SHAPE_COMPONENT_CONTAINER:
        f->sub |= SH_CONTAINER;
        return AIR_OK;
    default: f->sub |= SH_SHAPE; return AIR_OK;
    }
}

static air_status close_shape(hwp_walk *w, frame *f)
{
    if (f->sub & (SH_TEXT | SH_NODE | SH_CONTAINER))
        return AIR_OK;
    return add_object(w, f, "shape", NULL);
}

/* ---- the walk
 * -------------------------------------------------------------------- */

static air_status close_frame(hwp_walk *w)
{
    frame *f = &w->f[w->nf - 1];
    air_status rc = AIR_OK;
    if (f->kind == F_PARA)
        rc = close_para(w);
    else if (f->kind == F_SHAPE)
        rc = close_shape(w, f);
    else if (f->kind == F_CTRL && f->id == ID_TBL && f->node)
        close_table(w);
    w->nf--;
    return rc;
}

static air_status on_ctrl_child(hwp_walk *w, frame *f, const hwp_recs *r)
{
    const unsigned char *d = r->data;
    size_t n = r->size;
    switch (r->tag) {
    case HWPTAG_LIST_HEADER: return on_list(w, f, d, n);
    case HWPTAG_TABLE:
        if (f->id == ID_TBL && f->node && !f->sub) {
            table_open *t = &w->to[w->nt - 1];
            t->rows = hwp_u16(d, n, 4);
            t->cols = hwp_u16(d, n, 6);
            f->sub = 1;
        }
        return AIR_OK;
    case HWPTAG_SHAPE_COMPONENT:
        if (f->id == ID_GSO) {
            frame *c = push(w, F_SHAPE, r->level);
            c->host = f->host;
            c->anchor = f->anchor;
        }
        return AIR_OK;
    case HWPTAG_EQEDIT:
        if (f->id == ID_EQED && f->node && !f->node->u.object.text) {
            size_t len = hwp_u16(d, n, 4);
            if (6 + 2 * len > n)
                len = n > 6 ? (n - 6) / 2 : 0;
            f->node->u.object.text = hwp_utf16_dup(w->h, d + 6, len, true);
            if (f->node->u.object.text == NULL)
                return air_error(AIR_ENOMEM, "out of memory");
        }
        return AIR_OK;
    default: return AIR_OK;
    }
}

static air_status on_record(hwp_walk *w, const hwp_recs *r)
{
    while (w->nf > 0 && top(w)->level >= r->level) {
        air_status rc = close_frame(w);
        if (rc != AIR_OK)
            return rc;
    }
    frame *f = top(w);
    if (f == NULL) {
        if (r->level == 0 && r->tag == HWPTAG_PARA_HEADER)
            return open_para(w, w->section, 0, r->data, r->size);
        return AIR_OK;
    }
    if (r->level != f->level + 1u || f->kind == F_SKIP)
        return AIR_OK; /* a level skipped, or content not read */
    if (r->tag == HWPTAG_PARA_HEADER) {
        if (f->kind != F_PARA && f->cont != NULL)
            return open_para(w, f->cont, r->level, r->data, r->size);
        push(w, F_SKIP, r->level); /* a paragraph outside any list */
        return AIR_OK;
    }
    switch ((fkind)f->kind) {
    case F_PARA:
        switch (r->tag) {
        case HWPTAG_PARA_TEXT: return keep(&cur_para(w)->raw, r->data, r->size);
        case HWPTAG_PARA_CHAR_SHAPE:
            return keep(&cur_para(w)->runs, r->data, r->size);
        case HWPTAG_CTRL_HEADER: return on_ctrl(w, r->level, r->data, r->size);
        default: return AIR_OK;
        }
    case F_CTRL: return on_ctrl_child(w, f, r);
    case F_SHAPE: return on_shape_child(w, f, r);
    default: return AIR_OK;
    }
}

air_status hwp_read_section(hwp *h, const char *part, uint32_t index)
{
    (void)index;
    if (h->walk == NULL) {
        h->walk = calloc(1, sizeof *h->walk);
        if (h->walk == NULL)
            return air_error(AIR_ENOMEM, "out of memory");
        h->walk->f = malloc(MAX_LEVELS * sizeof *h->walk->f);
        if (h->walk->f == NULL)
            return air_error(AIR_ENOMEM, "out of memory");
    }
    hwp_walk *w = h->walk;
    w->h = h;
    w->doc = h->doc;
    w->info = &h->info;
    w->part = part;
    w->nf = w->np = w->nt = 0;
    w->outline_id = 0;
    w->host_tables = 0;
    w->section = air_node_add(h->doc, h->doc->root, AIR_NODE_SECTION);
    if (w->section == NULL)
        return add_failed(h->doc);
    hwp_recs r;
    air_status rc = hwp_recs_open(&r, h->pkg, part, h->compressed);
    int more = rc == AIR_OK ? hwp_recs_next(&r) : rc;
    while (more == 1) {
        rc = on_record(w, &r);
        if (rc != AIR_OK)
            break;
        more = hwp_recs_next(&r);
    }
    hwp_recs_close(&r);
    if (rc == AIR_OK && more < 0)
        rc = more;
    while (rc == AIR_OK && w->nf > 0)
        rc = close_frame(w);
    return rc;
}

void hwp_sections_done(hwp *h)
{
    hwp_walk *w = h->walk;
    if (w == NULL)
        return;
    for (size_t i = 0; i < w->pcap; i++) {
        air_pb_free(&w->po[i].pb);
        air_buf_free(&w->po[i].raw);
        air_buf_free(&w->po[i].runs);
        free(w->po[i].ctrl);
    }
    free(w->po);
    free(w->to);
    free(w->f);
    free(w);
    h->walk = NULL;
}
