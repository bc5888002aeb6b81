/* model.c -- building and walking the document model (see model.h). */
#include "config.h"

#include "model/model.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/error.h"
#include "util/utf8.h"

/* ======================================================================
 * Building
 * ====================================================================== */

air_doc *air_doc_new(air_format fmt, const char *name, uint64_t max_nodes)
{
    air_doc *doc = calloc(1, sizeof *doc);
    if (doc == NULL)
        return NULL;
    doc->format = fmt;
    doc->max_nodes = max_nodes ? max_nodes : UINT64_MAX;
    doc->name = air_arena_strdup(&doc->arena, name ? name : "-");
    doc->root = air_node_add(doc, NULL, AIR_NODE_DOC);
    if (doc->name == NULL || doc->root == NULL) {
        air_arena_free(&doc->arena);
        free(doc);
        return NULL;
    }
    return doc;
}

void air_doc_free(air_doc *doc)
{
    if (doc == NULL)
        return;
    air_arena_free(&doc->arena);
    free(doc);
}

air_format air_doc_format(const air_doc *doc)
{
    return doc->format;
}

const char *air_doc_name(const air_doc *doc)
{
    return doc->name;
}

air_node *air_node_add(air_doc *doc, air_node *parent, air_node_kind kind)
{
    if (doc->nnodes >= doc->max_nodes) {
        air_error(AIR_ELIMIT, "more than %llu document nodes (limit)",
                  (unsigned long long)doc->max_nodes);
        return NULL;
    }
    air_node *n = air_arena_alloc(&doc->arena, sizeof *n);
    if (n == NULL) {
        air_error(AIR_ENOMEM, "out of memory");
        return NULL;
    }
    doc->nnodes++;
    n->kind = (uint8_t)kind;
    if (kind == AIR_NODE_PARA) {
        n->u.para.text = "";
        n->u.para.outline_level = -1;
    } else if (kind == AIR_NODE_CELL) {
        n->u.cell.rowspan = n->u.cell.colspan = 1;
    }
    if (parent != NULL)
        air_node_append(parent, n);
    return n;
}

void air_node_append(air_node *parent, air_node *n)
{
    n->parent = parent;
    n->next = NULL;
    n->prev = parent->last;
    if (parent->last)
        parent->last->next = n;
    else
        parent->first = n;
    parent->last = n;
}

void air_node_prepend(air_node *parent, air_node *n)
{
    n->parent = parent;
    n->prev = NULL;
    n->next = parent->first;
    if (parent->first)
        parent->first->prev = n;
    else
        parent->last = n;
    parent->first = n;
}

void air_node_insert_before(air_node *next, air_node *n)
{
    air_node *p = next->parent;
    n->parent = p;
    n->next = next;
    n->prev = next->prev;
    if (next->prev)
        next->prev->next = n;
    else
        p->first = n;
    next->prev = n;
}

void air_node_unlink(air_node *n)
{
    air_node *p = n->parent;
    if (p == NULL)
        return;
    if (n->prev)
        n->prev->next = n->next;
    else
        p->first = n->next;
    if (n->next)
        n->next->prev = n->prev;
    else
        p->last = n->prev;
    n->parent = n->prev = n->next = NULL;
}

const char *air_doc_strndup(air_doc *doc, const char *s, size_t n)
{
    return s ? air_arena_strndup(&doc->arena, s, n) : NULL;
}

const char *air_doc_strdup(air_doc *doc, const char *s)
{
    return s ? air_arena_strdup(&doc->arena, s) : NULL;
}

/* A metadata value as the rules may rely on it: valid UTF-8 (bytes that
 * are not become U+FFFD, as in paragraph text; a binary reader may hand
 * over anything) and cut at the first NUL. */
static const char *meta_copy(air_doc *doc, const char *v, size_t n)
{
    if (v == NULL)
        return air_doc_strndup(doc, "", 0);
    const char *nul = memchr(v, '\0', n);
    if (nul != NULL)
        n = (size_t)(nul - v);
    if (air_utf8_is_valid(v, n))
        return air_doc_strndup(doc, v, n);
    if (n > SIZE_MAX / 3 - 1)
        return NULL;
    char *out = air_arena_alloc(&doc->arena, n * 3 + 1);
    if (out == NULL)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        i += air_utf8_decode(&cp, v + i, n - i);
        k += air_utf8_encode(out + k, cp);
    }
    out[k] = '\0';
    return out;
}

air_status air_doc_set_meta(air_doc *doc, air_meta_field f, const char *v,
                            size_t n)
{
    if (f >= AIR_META_COUNT || doc->meta.field[f] != NULL)
        return AIR_OK;
    const char *copy = meta_copy(doc, v, n);
    if (copy == NULL)
        return air_error(AIR_ENOMEM, "out of memory");
    doc->meta.field[f] = copy;
    return AIR_OK;
}

air_status air_doc_add_meta_extra(air_doc *doc, const char *key,
                                  const char *v, size_t n)
{
    /* A later duplicate replaces the value, as the corpus facts do. */
    for (air_meta_extra *e = doc->meta.extra; e; e = e->next) {
        if (strcmp(e->key, key) == 0) {
            const char *copy = meta_copy(doc, v, n);
            if (copy == NULL)
                return air_error(AIR_ENOMEM, "out of memory");
            e->value = copy;
            return AIR_OK;
        }
    }
    air_meta_extra *e = air_arena_alloc(&doc->arena, sizeof *e);
    if (e == NULL)
        return air_error(AIR_ENOMEM, "out of memory");
    e->key = meta_copy(doc, key, strlen(key));
    e->value = meta_copy(doc, v, n);
    if (e->key == NULL || e->value == NULL)
        return air_error(AIR_ENOMEM, "out of memory");
    if (doc->meta.extra_last)
        doc->meta.extra_last->next = e;
    else
        doc->meta.extra = e;
    doc->meta.extra_last = e;
    return AIR_OK;
}

/* Enough to show what is wrong with a broken file, bounded so that one
 * with a million bad elements does not grow memory with them. */
enum { MAX_DIAGS = 100 };

void air_doc_diag(air_doc *doc, const char *fmt, ...)
{
    if (doc->ndiags >= MAX_DIAGS) {
        doc->ndiags++;
        return;
    }
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    air_diag *d = air_arena_alloc(&doc->arena, sizeof *d);
    if (d == NULL)
        return;
    d->msg = air_arena_strdup(&doc->arena, msg);
    if (d->msg == NULL)
        return;
    if (doc->diags_last)
        doc->diags_last->next = d;
    else
        doc->diags = d;
    doc->diags_last = d;
    doc->ndiags++;
}

/* ======================================================================
 * Finishing: stories, depths, sequence numbers and locations
 * ====================================================================== */

static air_story story_of_container(const air_node *n, air_story inherited)
{
    switch (n->kind) {
    case AIR_NODE_HEADER: return AIR_STORY_HEADER;
    case AIR_NODE_FOOTER: return AIR_STORY_FOOTER;
    case AIR_NODE_TEXTBOX: return AIR_STORY_TEXTBOX;
    case AIR_NODE_CAPTION: return AIR_STORY_CAPTION;
    case AIR_NODE_FOOTNOTE: return AIR_STORY_FOOTNOTE;
    case AIR_NODE_ENDNOTE: return AIR_STORY_ENDNOTE;
    case AIR_NODE_COMMENT: return AIR_STORY_COMMENT;
    default: return inherited;
    }
}

/* Containers whose paragraphs are numbered from 1 again. */
static bool restarts_para_count(const air_node *n)
{
    switch (n->kind) {
    case AIR_NODE_SECTION:
    case AIR_NODE_HEADER:
    case AIR_NODE_FOOTER:
    case AIR_NODE_CELL:
    case AIR_NODE_TEXTBOX:
    case AIR_NODE_CAPTION:
    case AIR_NODE_FOOTNOTE:
    case AIR_NODE_ENDNOTE:
    case AIR_NODE_COMMENT:
        return true;
    default:
        return false;
    }
}

/* Headers, footers, notes and comments keep no table depth: their place on
 * the page has nothing to do with the cell whose paragraph holds their
 * control (the corpus facts count depth the same way). Text boxes and
 * captions inside a cell keep the cell's depth. */
static bool resets_depth(const air_node *n)
{
    switch (n->kind) {
    case AIR_NODE_HEADER:
    case AIR_NODE_FOOTER:
    case AIR_NODE_FOOTNOTE:
    case AIR_NODE_ENDNOTE:
    case AIR_NODE_COMMENT:
        return true;
    default:
        return false;
    }
}

typedef struct finish_ctx {
    air_doc *doc;
    uint32_t section;
    uint32_t table_seq;
    uint32_t para_seq;
} finish_ctx;

/* Iterative pre-order walk: documents nest deeply (tables in cells in
 * tables), and recursion depth must not depend on the input. Each node's
 * own fields depend only on its parent's, which is visited first. */
void air_doc_finish(air_doc *doc)
{
    finish_ctx c = { doc, 0, 0, 0 };
    air_node *root = doc->root;
    root->story = AIR_STORY_MAIN;
    root->depth = 0;
    memset(&root->loc, 0, sizeof root->loc);

    /* A container's 'seq' counts its paragraphs while the walk is inside
     * it (set to 0 when the container is visited, before its children). */
    air_node *n = root->first;
    while (n != NULL) {
        air_node *p = n->parent;
        n->story = (uint8_t)story_of_container(n, (air_story)p->story);
        n->depth = resets_depth(n) ? 0 : p->depth;
        n->loc = p->loc;

        switch (n->kind) {
        case AIR_NODE_SECTION:
            n->u.section_index = c.section;
            n->loc.section = ++c.section;
            n->loc.para = 0;
            n->seq = 0;
            break;
        case AIR_NODE_TABLE: {
            n->seq = c.table_seq++;
            n->loc.table = c.table_seq;
            n->loc.row = n->loc.col = 0;
            n->u.table.nmerges = 0;
            uint32_t rows = 0, cols = 0;
            for (air_node *r = n->first; r; r = r->next) {
                if (r->kind != AIR_NODE_ROW)
                    continue;
                rows++;
                for (air_node *cell = r->first; cell; cell = cell->next) {
                    if (cell->kind != AIR_NODE_CELL)
                        continue;
                    const air_cell *ce = &cell->u.cell;
                    if (!(ce->flags & AIR_CELL_COVERED) &&
                        (ce->rowspan > 1 || ce->colspan > 1))
                        n->u.table.nmerges++;
                    if (ce->col + ce->colspan > cols)
                        cols = ce->col + ce->colspan;
                }
            }
            if (n->u.table.rows == 0)
                n->u.table.rows = rows;
            if (n->u.table.cols == 0)
                n->u.table.cols = cols;
            break;
        }
        case AIR_NODE_CELL:
            n->depth = (uint16_t)(p->depth + 1);
            n->loc.row = n->u.cell.row + 1;
            n->loc.col = n->u.cell.col + 1;
            n->loc.para = 0;
            n->seq = 0;
            break;
        case AIR_NODE_PARA: {
            /* The nearest container that numbers paragraphs. */
            air_node *cont = p;
            while (cont->parent && !restarts_para_count(cont) &&
                   cont->kind != AIR_NODE_DOC)
                cont = cont->parent;
            n->loc.para = ++cont->seq;
            if (n->story == AIR_STORY_MAIN)
                n->seq = c.para_seq++;
            break;
        }
        default:
            if (restarts_para_count(n)) {
                n->seq = 0;
                n->loc.para = 0;
            }
            break;
        }
        if (n->kind == AIR_NODE_ROW)
            n->depth = p->depth;

        /* Advance in pre-order. */
        if (n->first) {
            n = n->first;
            continue;
        }
        while (n != NULL && n->next == NULL)
            n = n->parent == root ? NULL : n->parent;
        if (n != NULL)
            n = n->next;
    }
    doc->nsections = c.section;
    doc->ntables = c.table_seq;
    doc->nparas = c.para_seq;
}

/* ======================================================================
 * Paragraph builder
 * ====================================================================== */

/* A paragraph over 64 MiB of text is not a report: it is an attack or a
 * broken file. The cap keeps one text node from taking all memory. */
#define PB_DEFAULT_MAX ((size_t)64 << 20)

static air_status pb_reserve(air_pbuild *pb, size_t extra)
{
    size_t max = pb->max_len ? pb->max_len : PB_DEFAULT_MAX;
    if (extra > max || pb->len > max - extra)
        return air_error(AIR_ELIMIT,
                         "paragraph text over %zu MiB (limit)", max >> 20);
    if (pb->len + extra + 1 <= pb->cap)
        return AIR_OK;
    size_t cap = pb->cap ? pb->cap : 256;
    while (cap < pb->len + extra + 1)
        cap *= 2;
    char *t = realloc(pb->text, cap);
    if (t == NULL)
        return air_error(AIR_ENOMEM, "out of memory");
    pb->text = t;
    pb->cap = cap;
    return AIR_OK;
}

air_status air_pb_text(air_pbuild *pb, const char *s, size_t n)
{
    air_status rc = pb_reserve(pb, n);
    if (rc != AIR_OK)
        return rc;
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c < 0x7F) {
            /* Fast path: a run of printable ASCII. */
            size_t j = i + 1;
            while (j < n && (unsigned char)s[j] >= 0x20 &&
                   (unsigned char)s[j] < 0x7F)
                j++;
            memcpy(pb->text + pb->len, s + i, j - i);
            pb->len += j - i;
            i = j;
            continue;
        }
        if (c < 0x80) {
            if (c == '\t') {
                pb->text[pb->len++] = '\t';
                pb->ntabs++;
            } else {
                pb->text[pb->len++] = ' ';
            }
            i++;
            continue;
        }
        uint32_t cp;
        size_t k = air_utf8_decode(&cp, s + i, n - i);
        if (cp == AIR_UTF8_REPLACEMENT && k == 1) {
            /* U+FFFD takes 3 bytes for 1 consumed: reserve the rest. */
            rc = pb_reserve(pb, 2 + (n - i));
            if (rc != AIR_OK)
                return rc;
            pb->len += air_utf8_encode(pb->text + pb->len, cp);
        } else if ((cp >= 0x80 && cp < 0xA0) || cp == 0x2028 ||
                   cp == 0x2029) {
            /* C1 controls and Unicode line/paragraph separators. */
            pb->text[pb->len++] = ' ';
        } else {
            memcpy(pb->text + pb->len, s + i, k);
            pb->len += k;
        }
        i += k;
    }
    pb->text[pb->len] = '\0';
    return AIR_OK;
}

air_status air_pb_char(air_pbuild *pb, uint32_t cp)
{
    char tmp[4];
    size_t n = air_utf8_encode(tmp, cp);
    return air_pb_text(pb, tmp, n);
}

air_status air_pb_break(air_pbuild *pb)
{
    air_status rc = pb_reserve(pb, 1);
    if (rc != AIR_OK)
        return rc;
    pb->text[pb->len++] = '\n';
    pb->text[pb->len] = '\0';
    pb->nbreaks++;
    return AIR_OK;
}

air_status air_pb_tab(air_pbuild *pb)
{
    return air_pb_text(pb, "\t", 1);
}

/* Spans per paragraph: generous for real text (a span per run), bounded
 * against a paragraph of a million one-character hyperlinks. */
enum { PB_MAX_SPANS = 1 << 20 };

air_status air_pb_span_begin(air_pbuild *pb, uint32_t flags, uint32_t code,
                             const char *font, const char *target,
                             size_t *out_index)
{
    if (pb->nspans == pb->spancap) {
        if (pb->spancap >= PB_MAX_SPANS)
            return air_error(AIR_ELIMIT, "more than %d text spans in one "
                             "paragraph (limit)", PB_MAX_SPANS);
        size_t cap = pb->spancap ? pb->spancap * 2 : 8;
        air_span *s = realloc(pb->spans, cap * sizeof *s);
        if (s == NULL)
            return air_error(AIR_ENOMEM, "out of memory");
        pb->spans = s;
        pb->spancap = cap;
    }
    air_span *sp = &pb->spans[pb->nspans];
    sp->off = (uint32_t)pb->len;
    sp->len = 0;
    sp->flags = flags;
    sp->code = code;
    sp->font = font;
    sp->target = target;
    *out_index = pb->nspans++;
    return AIR_OK;
}

void air_pb_span_end(air_pbuild *pb, size_t index)
{
    if (index < pb->nspans)
        pb->spans[index].len = (uint32_t)(pb->len - pb->spans[index].off);
}

air_status air_pb_finish(air_pbuild *pb, air_doc *doc, air_node *para)
{
    air_para *p = &para->u.para;
    p->text = air_arena_strndup(&doc->arena, pb->text ? pb->text : "",
                                pb->len);
    if (p->text == NULL)
        return air_error(AIR_ENOMEM, "out of memory");
    p->len = (uint32_t)pb->len;
    p->nbreaks = pb->nbreaks;
    p->ntabs = pb->ntabs;

    size_t keep = 0;
    for (size_t i = 0; i < pb->nspans; i++)
        if (pb->spans[i].len > 0)
            keep++;
    p->nspans = (uint32_t)keep;
    p->spans = NULL;
    if (keep > 0) {
        air_span *out = air_arena_alloc(&doc->arena, keep * sizeof *out);
        if (out == NULL)
            return air_error(AIR_ENOMEM, "out of memory");
        size_t j = 0;
        for (size_t i = 0; i < pb->nspans; i++) {
            if (pb->spans[i].len == 0)
                continue;
            out[j] = pb->spans[i];
            /* Font and target strings may be borrowed from the reader:
             * copy them into the document. */
            out[j].font = air_doc_strdup(doc, pb->spans[i].font);
            out[j].target = air_doc_strdup(doc, pb->spans[i].target);
            j++;
        }
        p->spans = out;
    }
    pb->len = 0;
    pb->nspans = 0;
    pb->nbreaks = pb->ntabs = 0;
    pb->space_pending = false;
    if (pb->text)
        pb->text[0] = '\0';
    return AIR_OK;
}

void air_pb_free(air_pbuild *pb)
{
    free(pb->text);
    free(pb->spans);
    memset(pb, 0, sizeof *pb);
}

/* ======================================================================
 * Reading
 * ====================================================================== */

const char *air_format_name(air_format fmt)
{
    switch (fmt) {
    case AIR_FMT_HWPX: return "hwpx";
    case AIR_FMT_DOCX: return "docx";
    case AIR_FMT_HWP: return "hwp";
    default: return "unknown";
    }
}

const char *air_node_kind_name(air_node_kind k)
{
    static const char *const names[AIR_NODE_KIND_COUNT] = {
        "doc", "section", "header", "footer", "para", "table", "row",
        "cell", "textbox", "caption", "footnote", "endnote", "comment",
        "image", "object"
    };
    return (unsigned)k < AIR_NODE_KIND_COUNT ? names[k] : "?";
}

const char *air_story_name(air_story s)
{
    static const char *const names[AIR_STORY_COUNT] = {
        "main", "textbox", "caption", "header", "footer", "footnote",
        "endnote", "comment"
    };
    return (unsigned)s < AIR_STORY_COUNT ? names[s] : "?";
}

const char *air_meta_field_name(air_meta_field f)
{
    static const char *const names[AIR_META_COUNT] = {
        "title", "creator", "subject", "description", "keywords",
        "created", "modified", "lastModifiedBy", "language"
    };
    return (unsigned)f < AIR_META_COUNT ? names[f] : "?";
}

const char *air_numfmt_name(air_numfmt f)
{
    switch (f) {
    case AIR_NUMFMT_NONE: return "none";
    case AIR_NUMFMT_DECIMAL: return "decimal";
    case AIR_NUMFMT_DECIMAL_ZERO: return "decimal-zero";
    case AIR_NUMFMT_UPPER_ROMAN: return "upper-roman";
    case AIR_NUMFMT_LOWER_ROMAN: return "lower-roman";
    case AIR_NUMFMT_UPPER_LETTER: return "upper-letter";
    case AIR_NUMFMT_LOWER_LETTER: return "lower-letter";
    case AIR_NUMFMT_HANGUL_SYLLABLE: return "hangul-syllable";
    case AIR_NUMFMT_HANGUL_JAMO: return "hangul-jamo";
    case AIR_NUMFMT_CIRCLED_DECIMAL: return "circled-decimal";
    case AIR_NUMFMT_CIRCLED_HANGUL_SYLLABLE: return "circled-hangul-syllable";
    case AIR_NUMFMT_CIRCLED_HANGUL_JAMO: return "circled-hangul-jamo";
    case AIR_NUMFMT_CIRCLED_LETTER: return "circled-letter";
    case AIR_NUMFMT_IDEOGRAPH: return "ideograph";
    case AIR_NUMFMT_CIRCLED_IDEOGRAPH: return "circled-ideograph";
    case AIR_NUMFMT_HANGUL_DIGIT: return "hangul-digit";
    case AIR_NUMFMT_BULLET: return "bullet";
    case AIR_NUMFMT_OTHER: return "other";
    }
    return "?";
}

const char *air_list_kind_name(air_list_kind k)
{
    switch (k) {
    case AIR_LIST_NONE: return "none";
    case AIR_LIST_NUMBER: return "number";
    case AIR_LIST_BULLET: return "bullet";
    case AIR_LIST_OUTLINE: return "outline";
    }
    return "?";
}

const air_node *air_node_ancestor(const air_node *n, air_node_kind kind)
{
    for (n = n->parent; n != NULL; n = n->parent)
        if (n->kind == kind)
            return n;
    return NULL;
}

const air_node *air_node_next_preorder(const air_node *n,
                                       const air_node *root)
{
    if (n->first)
        return n->first;
    while (n != NULL && n != root) {
        if (n->next)
            return n->next;
        n = n->parent;
    }
    return NULL;
}

const air_node *air_table_cell_at(const air_node *table, uint32_t row,
                                  uint32_t col)
{
    for (const air_node *r = table->first; r; r = r->next) {
        for (const air_node *c = r->first; c; c = c->next) {
            if (c->kind != AIR_NODE_CELL || (c->u.cell.flags & AIR_CELL_COVERED))
                continue;
            const air_cell *ce = &c->u.cell;
            if (row >= ce->row && row - ce->row < ce->rowspan &&
                col >= ce->col && col - ce->col < ce->colspan)
                return c;
        }
    }
    return NULL;
}
