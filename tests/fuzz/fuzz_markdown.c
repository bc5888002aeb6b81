/* fuzz_markdown.c -- the Markdown emitter (and the rules and the dump) on
 * document models built straight from the input, without ZIP or XML, so
 * the fuzzer explores shapes of the model instead of package syntax.
 *
 * The input is text in a small language: bytes are paragraph text, and a
 * backslash starts an operation (the seeds in tests/fuzz/seeds/markdown/
 * are readable examples):
 *
 *   \P new paragraph        \n manual break       \\ a backslash
 *   \T table (a block)      \U table inside the paragraph (as in HWPX)
 *   \R new row              \C<r><c> new cell with row and column span
 *   \A<r><c> place the cell \Z<w><k> a large span or address (w: 0..3)
 *   \X text box  \N footnote  \M endnote  \K comment  \G caption
 *   \H header  \O footer  \I image  \J object (equation)
 *   \E close the innermost container (cell, table, text box, note, ...)
 *   \S<f> text in symbol font f  \Y<hi><lo> a symbol glyph  \F<b> a span
 *   with flags b (link, field, hidden, ...)  \s end the last span
 *   \#<kind><level><fmt><value> automatic numbering  \h<d> heading level
 *   \o<d> outline level  \D page break  \m<f>text\ metadata field f
 *   \Q new section
 *
 * A number after an operation is one byte: '0'..'9' stand for 0..9, any
 * other byte for its value. Every model is built through the model API
 * the readers use, within the limits they keep (spans up to 65,535,
 * addresses below 2^24), so what breaks here would break on a document. */
#include "config.h"

#include <stdbool.h>
#include <string.h>

#include "fuzz.h"
#include "model/model.h"

enum { MAX_FRAMES = 256, MAX_OPEN_SPANS = 16, MAX_NODES = 100000 };
enum { MAX_SPAN = 65535, MAX_ADDR = 1 << 24 };

typedef struct frame {
    air_node *node;  /* SECTION, CELL, TABLE, TEXTBOX, note, ... */
    air_node *para;  /* the open paragraph in it, or NULL */
    air_pbuild pb;
    size_t spans[MAX_OPEN_SPANS];
    int nspans;
    uint32_t col;    /* TABLE: next column in the current row */
} frame;

typedef struct builder {
    air_doc *doc;
    frame f[MAX_FRAMES];
    int n;
    bool dead; /* the node limit was reached: stop building */
    const uint8_t *p, *end;
} builder;

static const char *const FONTS[] = { "Wingdings", "Symbol", "Webdings",
                                     "Wingdings 2", "Wingdings 3",
                                     "Unknown Font", NULL };

static unsigned num(builder *b)
{
    if (b->p >= b->end)
        return 0;
    unsigned c = *b->p++;
    return c >= '0' && c <= '9' ? c - '0' : c;
}

static air_node *add(builder *b, air_node *parent, air_node_kind kind)
{
    if (b->dead)
        return NULL;
    air_node *n = air_node_add(b->doc, parent, kind);
    if (n == NULL)
        b->dead = true;
    return n;
}

static frame *top(builder *b)
{
    return &b->f[b->n - 1];
}

static bool is_block_container(const air_node *n)
{
    return n->kind != AIR_NODE_TABLE && n->kind != AIR_NODE_ROW;
}

static void end_para(builder *b, frame *f)
{
    if (f->para == NULL)
        return;
    while (f->nspans > 0)
        air_pb_span_end(&f->pb, f->spans[--f->nspans]);
    if (air_pb_finish(&f->pb, b->doc, f->para) != AIR_OK)
        f->para->u.para.text = "";
    f->para = NULL;
}

/* The open paragraph of the innermost block container, made if needed;
 * NULL inside a table outside any cell. */
static frame *para_frame(builder *b)
{
    frame *f = top(b);
    if (!is_block_container(f->node))
        return NULL;
    if (f->para == NULL) {
        f->para = add(b, f->node, AIR_NODE_PARA);
        if (f->para == NULL)
            return NULL;
        f->para->u.para.outline_level = -1;
    }
    return f;
}

static frame *push(builder *b, air_node *n)
{
    if (n == NULL || b->n == MAX_FRAMES)
        return NULL;
    frame *f = &b->f[b->n++];
    memset(f, 0, sizeof *f);
    air_pbuild init = AIR_PBUILD_INIT;
    f->pb = init;
    f->node = n;
    return f;
}

static void pop(builder *b)
{
    if (b->n <= 1)
        return;
    frame *f = top(b);
    end_para(b, f);
    air_pb_free(&f->pb);
    b->n--;
}

/* An inline container (text box, note, ...) or leaf in the open
 * paragraph. */
static air_node *inline_node(builder *b, air_node_kind kind)
{
    frame *f = para_frame(b);
    if (f == NULL)
        return NULL;
    air_node *n = add(b, f->para, kind);
    if (n != NULL)
        n->anchor = air_pb_offset(&f->pb);
    return n;
}

static void table_op(builder *b, bool inline_table)
{
    air_node *t;
    if (inline_table) {
        t = inline_node(b, AIR_NODE_TABLE);
    } else {
        frame *f = top(b);
        if (!is_block_container(f->node))
            return;
        end_para(b, f);
        t = add(b, f->node, AIR_NODE_TABLE);
    }
    push(b, t);
}

static frame *table_frame(builder *b)
{
    if (top(b)->node->kind == AIR_NODE_CELL && b->n > 1 &&
        b->f[b->n - 2].node->kind == AIR_NODE_TABLE)
        pop(b);
    frame *f = top(b);
    return f->node->kind == AIR_NODE_TABLE ? f : NULL;
}

static void row_op(builder *b)
{
    frame *f = table_frame(b);
    if (f != NULL && add(b, f->node, AIR_NODE_ROW) != NULL)
        f->col = 0;
}

static void cell_op(builder *b)
{
    unsigned rs = num(b), cs = num(b);
    frame *f = table_frame(b);
    if (f == NULL)
        return;
    air_node *row = f->node->last;
    if (row == NULL) {
        row = add(b, f->node, AIR_NODE_ROW);
        f->col = 0;
    }
    if (row == NULL)
        return;
    uint32_t r = 0;
    for (air_node *x = f->node->first; x != row; x = x->next)
        r++;
    air_node *c = add(b, row, AIR_NODE_CELL);
    if (c == NULL)
        return;
    c->u.cell.row = r;
    c->u.cell.col = f->col;
    c->u.cell.rowspan = rs ? rs : 1;
    c->u.cell.colspan = cs ? cs : 1;
    f->col += c->u.cell.colspan;
    push(b, c);
}

static air_cell *open_cell(builder *b)
{
    frame *f = top(b);
    return f->node->kind == AIR_NODE_CELL ? &f->node->u.cell : NULL;
}

static void place_op(builder *b)
{
    unsigned r = num(b), c = num(b);
    air_cell *cell = open_cell(b);
    if (cell) {
        cell->row = r;
        cell->col = c;
    }
}

static void big_op(builder *b)
{
    unsigned which = num(b) % 4, k = num(b);
    air_cell *cell = open_cell(b);
    if (cell == NULL)
        return;
    uint32_t span = 1 + (uint32_t)(k * 257u) % MAX_SPAN;
    uint32_t addr = (uint32_t)(k * 65793u) % MAX_ADDR;
    if (k == 255) {
        span = MAX_SPAN;
        addr = MAX_ADDR - 1;
    }
    switch (which) {
    case 0: cell->rowspan = span; break;
    case 1: cell->colspan = span; break;
    case 2: cell->row = addr; break;
    default: cell->col = addr; break;
    }
}

static void span_begin(builder *b, uint32_t flags, uint32_t code,
                       const char *font, const char *target)
{
    frame *f = para_frame(b);
    if (f == NULL || f->nspans == MAX_OPEN_SPANS)
        return;
    size_t idx;
    if (air_pb_span_begin(&f->pb, flags, code, font, target, &idx) ==
        AIR_OK)
        f->spans[f->nspans++] = idx;
}

static void span_end(builder *b)
{
    frame *f = top(b);
    if (f->para != NULL && f->nspans > 0)
        air_pb_span_end(&f->pb, f->spans[--f->nspans]);
}

static void list_op(builder *b)
{
    unsigned kind = num(b) % 4, level = num(b) % 9, fmt = num(b) % 18;
    int value = (int)num(b) - 1;
    frame *f = para_frame(b);
    if (f == NULL)
        return;
    static const char *const markers[] = { "1.", "가.", "1)", "(가)", "①",
                                           "□", "-", NULL };
    air_list *l = &f->para->u.para.list;
    l->kind = (uint8_t)kind;
    l->level = (uint8_t)level;
    l->fmt = (uint8_t)fmt;
    l->list_id = (uint32_t)(value & 7);
    l->value = value;
    l->marker = markers[(unsigned)value % 8];
    l->pattern = value & 1 ? "%1." : NULL;
}

static void meta_op(builder *b)
{
    unsigned field = num(b) % AIR_META_COUNT;
    const uint8_t *s = b->p;
    while (b->p < b->end && *b->p != '\\')
        b->p++;
    air_doc_set_meta(b->doc, (air_meta_field)field, (const char *)s,
                     (size_t)(b->p - s));
    if (b->p < b->end)
        b->p++;
}

static void text(builder *b)
{
    const uint8_t *s = b->p;
    while (b->p < b->end && *b->p != '\\')
        b->p++;
    frame *f = para_frame(b);
    if (f != NULL)
        air_pb_text(&f->pb, (const char *)s, (size_t)(b->p - s));
}

static void section_op(builder *b)
{
    while (b->n > 1)
        pop(b);
    end_para(b, top(b));
    air_node *s = add(b, b->doc->root, AIR_NODE_SECTION);
    if (s != NULL)
        top(b)->node = s;
}

static void op(builder *b)
{
    unsigned c = b->p < b->end ? *b->p++ : 0;
    frame *f;
    air_node *n;
    switch (c) {
    case '\\':
        if ((f = para_frame(b)) != NULL)
            air_pb_text(&f->pb, "\\", 1);
        break;
    case 'P':
        end_para(b, top(b));
        para_frame(b);
        break;
    case 'n':
        if ((f = para_frame(b)) != NULL)
            air_pb_break(&f->pb);
        break;
    case 'T': table_op(b, false); break;
    case 'U': table_op(b, true); break;
    case 'R': row_op(b); break;
    case 'C': cell_op(b); break;
    case 'A': place_op(b); break;
    case 'Z': big_op(b); break;
    case 'X': push(b, inline_node(b, AIR_NODE_TEXTBOX)); break;
    case 'N': push(b, inline_node(b, AIR_NODE_FOOTNOTE)); break;
    case 'M': push(b, inline_node(b, AIR_NODE_ENDNOTE)); break;
    case 'K': push(b, inline_node(b, AIR_NODE_COMMENT)); break;
    case 'G': push(b, inline_node(b, AIR_NODE_CAPTION)); break;
    case 'I':
        if ((n = inline_node(b, AIR_NODE_IMAGE)) != NULL) {
            n->u.image.alt = "그림 [1] | *x*";
            n->u.image.target = "word/media/../image1.png";
        }
        break;
    case 'J':
        if ((n = inline_node(b, AIR_NODE_OBJECT)) != NULL) {
            n->u.object.what = "equation";
            n->u.object.text = "a | b `c`";
        }
        break;
    case 'H':
    case 'O':
        if (b->n == 1) {
            end_para(b, top(b));
            n = add(b, top(b)->node,
                    c == 'H' ? AIR_NODE_HEADER : AIR_NODE_FOOTER);
            if (n != NULL)
                n->u.hf.which = "default";
            push(b, n);
        }
        break;
    case 'E': pop(b); break;
    case 'S': {
        unsigned k = num(b) % (sizeof FONTS / sizeof *FONTS);
        span_begin(b, AIR_SPAN_SYMFONT, 0, FONTS[k], NULL);
        break;
    }
    case 'Y': {
        uint32_t code = num(b) << 8;
        code |= num(b);
        span_begin(b, AIR_SPAN_SYM, code, "Wingdings", NULL);
        if ((f = para_frame(b)) != NULL)
            air_pb_char(&f->pb, code);
        span_end(b);
        break;
    }
    case 'F': {
        uint32_t flags = num(b) & ~(uint32_t)(AIR_SPAN_SYMFONT |
                                               AIR_SPAN_SYM);
        span_begin(b, flags, 0, NULL,
                   flags & AIR_SPAN_LINK    ? "https://example.org/a_(b)"
                   : flags & AIR_SPAN_FIELD ? "PAGE"
                                            : NULL);
        break;
    }
    case 's': span_end(b); break;
    case '#': list_op(b); break;
    case 'h':
        if ((f = para_frame(b)) != NULL)
            f->para->u.para.heading = (uint8_t)(num(b) % 10);
        break;
    case 'o':
        if ((f = para_frame(b)) != NULL)
            f->para->u.para.outline_level = (int8_t)((int)(num(b) % 11) - 1);
        break;
    case 'D':
        if ((f = para_frame(b)) != NULL)
            f->para->u.para.flags |= AIR_PARA_PAGE_BREAK;
        break;
    case 'm': meta_op(b); break;
    case 'Q': section_op(b); break;
    default: break;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static builder b;
    memset(&b, 0, sizeof b);
    b.doc = air_doc_new(size && (data[0] & 1) ? AIR_FMT_HWPX : AIR_FMT_DOCX,
                        "fuzz", MAX_NODES);
    if (b.doc == NULL)
        return 0;
    b.p = data;
    b.end = data + size;
    air_node *sec = air_node_add(b.doc, b.doc->root, AIR_NODE_SECTION);
    if (sec == NULL || push(&b, sec) == NULL) {
        air_doc_free(b.doc);
        return 0;
    }
    while (b.p < b.end && !b.dead) {
        if (*b.p == '\\') {
            b.p++;
            op(&b);
        } else {
            text(&b);
        }
    }
    while (b.n > 1)
        pop(&b);
    end_para(&b, top(&b));
    air_pb_free(&top(&b)->pb);
    air_doc_finish(b.doc);

    FILE *null = fuzz_null();
    air_report *rep = NULL;
    if (air_check(&rep, b.doc, fuzz_config()) == AIR_OK) {
        air_result res = { "fuzz", air_doc_format(b.doc), AIR_OK, NULL, rep };
        air_emit_opts eo = AIR_EMIT_OPTS_INIT;
        eo.config = fuzz_config();
        air_emitter *em = NULL;
        if (air_emitter_new(&em, AIR_OUT_JSON, null, &eo) == AIR_OK) {
            air_emitter_begin(em);
            air_emitter_file(em, &res);
            air_emitter_end(em);
        }
        air_emitter_free(em);
    }
    air_report_free(rep);
    air_dump_json(b.doc, null);
    air_markdown_opts mo = AIR_MARKDOWN_OPTS_INIT;
    mo.symbols = fuzz_symbols();
    mo.headers = 1;
    air_convert_markdown(b.doc, &mo, null);
    mo.tables = AIR_MD_TABLES_EXPAND;
    mo.keep_symbols = 1;
    mo.join_breaks = 0;
    air_convert_markdown(b.doc, &mo, null);
    air_doc_free(b.doc);
    return 0;
}
