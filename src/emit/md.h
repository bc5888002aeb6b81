/* md.h -- the Markdown emitter's private interface (airead convert).
 *
 * The emitter renders the model, never XML or ZIP, in one pass:
 *
 *   markdown.c   front matter, containers and paragraphs as blocks
 *                (headings, list items, plain paragraphs), joins across
 *                paragraphs, footnote definitions, media extraction
 *   md_inline.c  a paragraph's text as inline Markdown: escaping, symbol
 *                glyphs, manual breaks (joined or kept), footnote marks,
 *                images
 *   md_table.c   tables: GFM pipe tables, HTML tables for merged cells,
 *                expanded pipe tables, nested tables queued after their
 *                parent
 *   md_symbols.c rules/symbol-fonts/<font>.tsv
 *   join.c       the break detector shared with rules 301/302
 *
 * Output goes through a buffered FILE; a paragraph or a table cell is
 * rendered into a scratch buffer first (to know whether it is empty and to
 * trim it), never by repeated concatenation of the whole output. Nothing
 * recurses on input-controlled depth without a bound: text boxes in text
 * boxes past MD_MAX_NEST are flattened, and nested tables go through a
 * queue. */
#ifndef AIR_EMIT_MD_H
#define AIR_EMIT_MD_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "airead.h"
#include "emit/join.h"
#include "model/model.h"
#include "util/buf.h"

/* Hooks for tests: a fake break detector exercises the joining mechanics.
 * A NULL join means air_join_detect(). */
typedef struct air_md_hooks {
    air_join_fn join;
    void *join_user;
} air_md_hooks;

/* air_convert_markdown() with hooks ('hooks' may be NULL). */
air_status air_md_convert(const air_doc *doc, const air_markdown_opts *opts,
                          const air_md_hooks *hooks, FILE *out);

/* ---- shared by the emitter's files ------------------------------------ */

enum {
    MD_MAX_NEST = 32, /* text boxes / captions inside one another */
    MD_MAX_LIST = 16, /* list nesting kept; deeper items stay at 16 */
    MD_MAX_HEADING = 6
};

/* Where inline text goes: each has its own escaping and its own form of
 * a kept line break. */
typedef enum md_ctx {
    MD_BLOCK,   /* a paragraph or list item: "\" + newline */
    MD_HEADING, /* an ATX heading: one line, '#' escaped */
    MD_CELL,    /* a pipe-table cell: one line, "<br>", '|' escaped */
    MD_HTML,    /* an HTML table cell: HTML escapes, "<br>" */
    MD_NOTE     /* a footnote definition: like MD_BLOCK */
} md_ctx;

/* Line state of inline rendering (block-start escapes, trimming). */
typedef struct md_line {
    bool at_start; /* nothing visible yet on this output line */
    int digits;    /* digits since the line start; -1 once anything else */
} md_line;

/* One paragraph being rendered (possibly in several ranges). */
typedef struct md_para {
    const air_node *p;
    md_ctx ctx;
    md_line line;
    uint32_t span; /* cursor over p's spans */
    bool broke;    /* the last thing written was a kept break */
} md_para;

typedef struct md_queued {
    const air_node *table;
    uint32_t num; /* its label: "[중첩 표 num]" */
} md_queued;

typedef struct md_media {
    const char *target; /* borrowed from the model */
    char *name;         /* sanitised file name, malloc'd */
    bool written;
} md_media;

typedef struct md {
    const air_doc *doc;
    air_markdown_opts o;
    air_join_fn join;
    void *join_user;
    const air_symmaps *sym;
    FILE *f;
    air_status err;

    /* block writer */
    bool bol;       /* at the beginning of an output line */
    size_t indent;  /* spaces before every non-empty continuation line */
    int state;      /* MD_ST_* */
    bool open_item; /* the open block is a list item */
    const air_node *open_para; /* paragraph whose block is still open */

    /* lists: the stack of marker keys seen, and the Markdown list */
    uint32_t stack[MD_MAX_LIST];
    int depth;
    int md_base, md_prev; /* md_prev < 0: no Markdown list open */

    /* notes (footnotes and endnotes) in reference order */
    const air_node **notes;
    uint32_t nnotes;
    size_t capnotes;
    bool *note_md; /* referenced with [^n] (not only from HTML) */

    /* nested tables waiting for their parent to be written */
    md_queued *queue;
    size_t qhead, qlen, qcap;
    uint32_t nested_seq;

    md_media *media;
    size_t nmedia, capmedia;

    int nest; /* text boxes being written inside one another */
    air_md_stats st;
} md;

enum { MD_ST_START = 0, MD_ST_OPEN, MD_ST_CLOSED };

/* markdown.c */
void md_write(md *m, const char *s, size_t n);
void md_puts(md *m, const char *s);
/* Makes room for element n of the vector *vec (capacity *cap, elements of
 * 'size' bytes); false (and the error set) when out of memory. */
bool md_grow(md *m, void *vec, size_t *cap, size_t n, size_t size);
void md_fail(md *m, air_status st);
void md_end_block(md *m); /* terminates the open block, if any */
void md_begin_block(md *m, bool item);
/* The file name an image part gets under media_dir (extracting it on
 * first use), or NULL when media are not extracted. */
const char *md_media_name(md *m, const air_node *image);
/* Registers a note; returns its number (1-based). */
uint32_t md_note_ref(md *m, const air_node *note, bool in_md);

/* md_inline.c */
void md_para_init(md_para *pr, const air_node *p, md_ctx ctx);
/* Renders text bytes [from, to) of pr->p into dst (children are not
 * looked at: callers handle objects at their anchors). */
void md_render_range(md *m, md_para *pr, uint32_t from, uint32_t to,
                     air_buf *dst);
/* An inline object (note mark, image) at the current position. */
void md_render_inline_obj(md *m, md_para *pr, const air_node *obj,
                          air_buf *dst);
/* Escaped literal text (a marker, a label) at the current position. */
void md_render_literal(md *m, md_para *pr, const char *s, size_t n,
                       air_buf *dst);
/* A kept break between two paragraphs or lines in a one-line context
 * (cell: "<br>"); nothing when the output line is still empty. */
void md_render_break(md *m, md_para *pr, air_buf *dst);
/* Removes trailing blanks of dst. */
void md_trim_end(air_buf *dst);
/* Removes trailing blanks and kept breaks ("\\\n", "<br>"): a break at
 * the end of a block means nothing (and a backslash would show). */
void md_trim_block(air_buf *dst);
/* Asks the detector about a break (KEEP when joining is off). */
air_join md_ask_join(md *m, air_break_kind kind, const air_node *prev,
                     const char *before, size_t blen, const air_node *next,
                     const char *after, size_t alen);
/* The automatic marker a list paragraph shows as text ("1.", "가)", "□"),
 * or NULL for none (no list, or a plain bullet the list item conveys). */
const char *md_auto_marker(const air_node *p);
/* Percent-encodes what a link destination cannot hold. */
void md_link_dest(air_buf *dst, const char *s);

/* md_symbols.c: the tables of the default folder, loaded once per
 * process (NULL when they cannot be read). */
const air_symmaps *air_md_default_symmaps(void);

/* md_table.c */
void md_table(md *m, const air_node *table);
/* A reference to table 't' written later ('[중첩 표 N]', between breaks)
 * in a cell or note; the table joins the queue. */
void md_table_ref(md *m, md_para *pr, const air_node *t, air_buf *dst);
/* Writes the nested tables waiting in the queue (and theirs). */
void md_flush_queue(md *m);
/* Cell-context rendering of a paragraph (used for cells and notes):
 * text, inline objects, nested tables as references. */
void md_para_inline(md *m, const air_node *p, md_ctx ctx, air_buf *dst);

#endif
