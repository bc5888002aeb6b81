/* md_table.c -- tables as GFM pipe tables or HTML tables (principle 1).
 *
 * Every table of the document appears as a table:
 *
 *   plain (no spans, no covered cells)  -> pipe table; the first row is the
 *                                          header row GFM requires
 *   merged cells                        -> HTML <table> with rowspan and
 *                                          colspan (a pipe table cannot say
 *                                          that a value spans)
 *   merged cells, --tables expand       -> pipe table, the spanned value
 *                                          repeated in every covered slot
 *   a table in a cell                   -> "[중첩 표 N]" in the cell; the
 *                                          table follows its parent, after
 *                                          a "[중첩 표 N]" label
 *
 * Cell paragraphs are joined with "<br>" (or joined by the break detector)
 * and a cell is one line. A DOCX vMerge continuation cell (AIR_CELL_COVERED)
 * is not a cell of its own, but any text it holds is appended to the cell
 * that covers it: no text is lost.
 *
 * Rows are the table's ROW nodes in order; a cell's column and spans come
 * from the model, clamped to the table. The layout grid is capped
 * (MAX_GRID slots, MAX_COLS columns); a table past the caps is written as
 * an HTML table row by row, which needs no grid. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "emit/md.h"

enum {
    MAX_COLS = 4096,   /* no real table is wider; a huge colAddr is junk */
    MAX_GRID = 1 << 22 /* slots (rows x cols) laid out: 16 MiB of ints */
};

typedef struct tcell {
    const air_node *n;
    uint32_t row, col, rs, cs;
    size_t off, len; /* rendered text in the table's buffer */
    int32_t extra;   /* first covered cell whose text joins this one */
    int32_t next;    /* next covered cell joining the same anchor */
    bool covered;
} tcell;

static void put(md *m, air_buf *b, const char *s, size_t n)
{
    if (air_buf_add(b, s, n) != AIR_OK)
        md_fail(m, AIR_ENOMEM);
}

/* Queues nested table 't' to be written after its parent; returns its
 * label number. */
static uint32_t enqueue(md *m, const air_node *t)
{
    if (!md_grow(m, &m->queue, &m->qcap, m->qlen, sizeof *m->queue))
        return 0;
    uint32_t n = ++m->nested_seq;
    m->queue[m->qlen].table = t;
    m->queue[m->qlen].num = n;
    m->qlen++;
    return n;
}

void md_table_ref(md *m, md_para *pr, const air_node *t, air_buf *dst)
{
    char ref[48];
    snprintf(ref, sizeof ref, "[중첩 표 %u]", enqueue(m, t));
    md_render_break(m, pr, dst);
    md_render_literal(m, pr, ref, strlen(ref), dst);
    md_render_break(m, pr, dst);
}

/* Text of a text box or caption inside a cell or note, inline. */
static void inline_container(md *m, md_para *pr, const air_node *c,
                             air_buf *dst)
{
    if (m->nest >= MD_MAX_NEST) {
        /* Flatten what is left: text only, in document order. */
        for (const air_node *n = c->first; n;
             n = air_node_next_preorder(n, c)) {
            if (n->kind != AIR_NODE_PARA)
                continue;
            md_render_break(m, pr, dst);
            md_para sub;
            md_para_init(&sub, n, pr->ctx);
            md_render_range(m, &sub, 0, n->u.para.len, dst);
        }
        md_render_break(m, pr, dst);
        return;
    }
    m->nest++;
    for (const air_node *b = c->first; b; b = b->next) {
        md_render_break(m, pr, dst);
        if (b->kind == AIR_NODE_PARA)
            md_para_inline(m, b, pr->ctx, dst);
        else if (b->kind == AIR_NODE_TABLE)
            md_table_ref(m, pr, b, dst);
        pr->line.at_start = dst->len == 0 || pr->broke;
    }
    md_render_break(m, pr, dst);
    m->nest--;
}

void md_para_inline(md *m, const air_node *p, md_ctx ctx, air_buf *dst)
{
    md_para pr;
    md_para_init(&pr, p, ctx);
    const char *marker = md_auto_marker(p);
    if (marker) {
        md_render_literal(m, &pr, marker, strlen(marker), dst);
        md_render_literal(m, &pr, " ", 1, dst);
    }
    uint32_t pos = 0, len = p->u.para.len;
    for (const air_node *c = p->first; c && m->err == AIR_OK; c = c->next) {
        uint32_t a = c->anchor < pos ? pos : c->anchor > len ? len : c->anchor;
        md_render_range(m, &pr, pos, a, dst);
        pos = a;
        switch (c->kind) {
        case AIR_NODE_TABLE: {
            /* Its caption first, as in markdown.c. */
            const air_node *t = c;
            while (c->next && c->next->kind == AIR_NODE_CAPTION &&
                   c->next->anchor == t->anchor) {
                c = c->next;
                inline_container(m, &pr, c, dst);
            }
            md_table_ref(m, &pr, t, dst);
            break;
        }
        case AIR_NODE_TEXTBOX:
        case AIR_NODE_CAPTION: inline_container(m, &pr, c, dst); break;
        default: md_render_inline_obj(m, &pr, c, dst); break;
        }
    }
    md_render_range(m, &pr, pos, len, dst);
    md_trim_block(dst);
}

static bool starts_item(const air_node *p)
{
    const air_para *pa = &p->u.para;
    return pa->heading || pa->list.kind != AIR_LIST_NONE;
}

/* The text of one cell: paragraphs joined by "<br>" (or by the break
 * detector), nested tables as references. */
static void cell_text(md *m, const air_node *cell, md_ctx ctx, air_buf *dst)
{
    air_buf one = AIR_BUF_INIT;
    const air_node *prev = NULL; /* last paragraph written, if adjacent */
    md_para sep;
    md_para_init(&sep, cell, ctx);
    for (const air_node *b = cell->first; b && m->err == AIR_OK; b = b->next) {
        if (b->kind == AIR_NODE_TABLE) {
            sep.line.at_start = dst->len == 0;
            md_table_ref(m, &sep, b, dst);
            prev = NULL;
            continue;
        }
        if (b->kind != AIR_NODE_PARA)
            continue;
        air_buf_clear(&one);
        md_para_inline(m, b, ctx, &one);
        if (one.len == 0) {
            prev = NULL;
            continue;
        }
        if (dst->len) {
            air_join j = AIR_JOIN_KEEP;
            if (prev && prev == b->prev && !starts_item(b)) {
                const air_para *a = &prev->u.para, *z = &b->u.para;
                const char *nl = memchr(z->text, '\n', z->len);
                uint32_t bs = a->len;
                while (bs > 0 && a->text[bs - 1] != '\n')
                    bs--;
                j = md_ask_join(m, AIR_BREAK_PARA, prev, a->text + bs,
                                a->len - bs, b, z->text,
                                nl ? (size_t)(nl - z->text) : z->len);
            }
            md_trim_end(dst);
            if (j == AIR_JOIN_SPACE)
                put(m, dst, " ", 1);
            else if (j == AIR_JOIN_KEEP &&
                     !(dst->len >= 4 &&
                       memcmp(dst->ptr + dst->len - 4, "<br>", 4) == 0))
                put(m, dst, "<br>", 4);
        }
        put(m, dst, one.ptr, one.len);
        prev = b;
    }
    /* A reference written last leaves a break behind it. */
    md_trim_block(dst);
    air_buf_free(&one);
}

/* ---- layout ------------------------------------------------------------ */

typedef struct tlayout {
    tcell *cells;
    size_t ncells, cap;
    uint32_t nrows, ncols;
    int32_t *grid; /* nrows x ncols: cell index + 1, 0 empty; or NULL */
    bool too_wide, collide, spans, covered;
} tlayout;

static bool add_cell(md *m, tlayout *l, const air_node *c, uint32_t row)
{
    if (!md_grow(m, &l->cells, &l->cap, l->ncells, sizeof *l->cells))
        return false;
    tcell *t = &l->cells[l->ncells++];
    memset(t, 0, sizeof *t);
    t->n = c;
    t->row = row;
    t->col = c->u.cell.col;
    t->rs = c->u.cell.rowspan ? c->u.cell.rowspan : 1;
    t->cs = c->u.cell.colspan ? c->u.cell.colspan : 1;
    t->extra = t->next = -1;
    t->covered = (c->u.cell.flags & AIR_CELL_COVERED) != 0;
    return true;
}

static void layout(md *m, const air_node *table, tlayout *l)
{
    uint32_t r = 0;
    for (const air_node *row = table->first; row; row = row->next) {
        if (row->kind != AIR_NODE_ROW)
            continue;
        for (const air_node *c = row->first; c; c = c->next)
            if (c->kind == AIR_NODE_CELL && !add_cell(m, l, c, r))
                return;
        r++;
    }
    l->nrows = r;
    uint64_t ncols = 0;
    for (size_t i = 0; i < l->ncells; i++) {
        tcell *t = &l->cells[i];
        if (t->rs > l->nrows - t->row)
            t->rs = l->nrows - t->row;
        if (t->col >= MAX_COLS || t->cs > MAX_COLS) {
            l->too_wide = true;
            continue;
        }
        if ((uint64_t)t->col + t->cs > ncols)
            ncols = (uint64_t)t->col + t->cs;
        if (t->covered)
            l->covered = true;
        else if (t->rs > 1 || t->cs > 1)
            l->spans = true;
    }
    if (ncols > MAX_COLS)
        l->too_wide = true;
    l->ncols = (uint32_t)ncols;
    if (l->too_wide || l->nrows == 0 || l->ncols == 0 ||
        (uint64_t)l->nrows * l->ncols > MAX_GRID)
        return;
    l->grid = calloc((size_t)l->nrows * l->ncols, sizeof *l->grid);
    if (l->grid == NULL) {
        md_fail(m, AIR_ENOMEM);
        return;
    }
    for (size_t i = 0; i < l->ncells; i++) {
        tcell *t = &l->cells[i];
        if (t->covered)
            continue;
        for (uint32_t dr = 0; dr < t->rs; dr++)
            for (uint32_t dc = 0; dc < t->cs; dc++) {
                int32_t *g =
                    &l->grid[(size_t)(t->row + dr) * l->ncols + t->col + dc];
                if (*g)
                    l->collide = true;
                else
                    *g = (int32_t)i + 1;
            }
    }
}

/* ---- writing ----------------------------------------------------------- */

static void cell_out(md *m, tlayout *l, const air_buf *text, int32_t i,
                     air_buf *row)
{
    const tcell *t = &l->cells[i];
    size_t start = row->len;
    put(m, row, text->ptr ? text->ptr + t->off : "", t->len);
    for (int32_t x = t->extra; x >= 0; x = l->cells[x].next) {
        if (row->len > start)
            put(m, row, "<br>", 4);
        put(m, row, text->ptr + l->cells[x].off, l->cells[x].len);
    }
}

static void write_pipe(md *m, tlayout *l, const air_buf *text)
{
    air_buf row = AIR_BUF_INIT;
    for (uint32_t r = 0; r < l->nrows && m->err == AIR_OK; r++) {
        air_buf_clear(&row);
        put(m, &row, "|", 1);
        for (uint32_t c = 0; c < l->ncols; c++) {
            int32_t g = l->grid[(size_t)r * l->ncols + c];
            put(m, &row, " ", 1);
            if (g) {
                air_buf cellb = AIR_BUF_INIT;
                cell_out(m, l, text, g - 1, &cellb);
                put(m, &row, air_buf_cstr(&cellb), cellb.len);
                air_buf_free(&cellb);
            }
            put(m, &row, " |", 2);
        }
        put(m, &row, "\n", 1);
        if (r == 0) {
            put(m, &row, "|", 1);
            for (uint32_t c = 0; c < l->ncols; c++)
                put(m, &row, " --- |", 6);
            put(m, &row, "\n", 1);
        }
        md_write(m, row.ptr, row.len);
    }
    air_buf_free(&row);
}

static void write_html(md *m, tlayout *l, const air_buf *text)
{
    air_buf row = AIR_BUF_INIT;
    md_puts(m, "<table>\n");
    size_t i = 0;
    for (uint32_t r = 0; r < l->nrows && m->err == AIR_OK; r++) {
        air_buf_clear(&row);
        put(m, &row, "<tr>", 4);
        for (; i < l->ncells && l->cells[i].row == r; i++) {
            const tcell *t = &l->cells[i];
            /* A covered cell whose text went to its anchor is no cell. */
            if (t->covered && (l->grid || t->len == 0))
                continue;
            bool th = (t->n->u.cell.flags & AIR_CELL_HEADER) != 0;
            char open[64];
            int k = snprintf(open, sizeof open, "<%s", th ? "th" : "td");
            if (t->rs > 1 && !t->covered)
                k += snprintf(open + k, sizeof open - k, " rowspan=\"%u\"",
                              t->rs);
            if (t->cs > 1 && !t->covered)
                k += snprintf(open + k, sizeof open - k, " colspan=\"%u\"",
                              t->cs);
            put(m, &row, open, (size_t)k);
            put(m, &row, ">", 1);
            cell_out(m, l, text, (int32_t)i, &row);
            put(m, &row, th ? "</th>" : "</td>", 5);
        }
        put(m, &row, "</tr>\n", 6);
        md_write(m, row.ptr, row.len);
    }
    md_puts(m, "</table>\n");
    air_buf_free(&row);
}

void md_table(md *m, const air_node *table)
{
    tlayout l;
    memset(&l, 0, sizeof l);
    layout(m, table, &l);
    bool pipe = l.grid && !l.collide && !l.covered && !l.spans;
    bool expand = l.grid && !l.collide && m->o.tables == AIR_MD_TABLES_EXPAND;
    md_ctx ctx = pipe || expand ? MD_CELL : MD_HTML;

    /* Render every cell once, in document order. */
    air_buf text = AIR_BUF_INIT;
    air_buf one = AIR_BUF_INIT;
    for (size_t i = 0; i < l.ncells && m->err == AIR_OK; i++) {
        tcell *t = &l.cells[i];
        air_buf_clear(&one);
        cell_text(m, t->n, ctx, &one);
        t->off = text.len;
        t->len = one.len;
        put(m, &text, one.ptr ? one.ptr : "", one.len);
        if (!t->covered || t->len == 0 || l.grid == NULL)
            continue;
        /* Its text joins the cell covering its slot. */
        int32_t g =
            t->col < l.ncols ? l.grid[(size_t)t->row * l.ncols + t->col] : 0;
        if (g == 0)
            g = t->row > 0 && t->col < l.ncols
                    ? l.grid[(size_t)(t->row - 1) * l.ncols + t->col]
                    : 0;
        if (g) {
            int32_t *link = &l.cells[g - 1].extra;
            while (*link >= 0)
                link = &l.cells[*link].next;
            *link = (int32_t)i;
        } else {
            t->covered = false; /* nothing covers it: a cell after all */
            t->rs = t->cs = 1;
        }
    }
    air_buf_free(&one);

    md_begin_block(m, false);
    m->md_prev = -1;
    if (m->err == AIR_OK) {
        if (l.nrows == 0 || l.ncells == 0)
            md_puts(m, "<table>\n</table>\n");
        else if (pipe || expand)
            write_pipe(m, &l, &text);
        else
            write_html(m, &l, &text);
    }
    m->state = MD_ST_CLOSED;
    m->open_para = NULL;
    m->st.tables++;
    if (!(pipe || expand) || l.nrows == 0 || l.ncells == 0)
        m->st.html_tables++;
    air_buf_free(&text);
    free(l.grid);
    free(l.cells);
}

void md_flush_queue(md *m)
{
    while (m->qhead < m->qlen && m->err == AIR_OK) {
        md_queued q = m->queue[m->qhead++];
        char label[48];
        snprintf(label, sizeof label, "[중첩 표 %u]", q.num);
        md_para pr;
        md_para_init(&pr, q.table, MD_BLOCK);
        air_buf b = AIR_BUF_INIT;
        md_render_literal(m, &pr, label, strlen(label), &b);
        md_begin_block(m, false);
        m->md_prev = -1;
        md_write(m, b.ptr, b.len);
        air_buf_free(&b);
        md_table(m, q.table);
        m->st.nested++;
    }
    m->qhead = m->qlen = 0;
}
