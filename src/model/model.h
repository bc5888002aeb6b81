/* model.h -- the document model: one tree per document, arena-owned.
 *
 * Every reader (HWPX, DOCX, HWP 5.0) builds this tree; rules and emitters
 * read it and never see XML, ZIP or OLE. The document owns every node and
 * string; everything handed out here is borrowed from it.
 *
 *   DOC
 *    +- SECTION (1 per HWPX section file / DOCX w:sectPr / HWP section)
 *    |   +- HEADER, FOOTER        story header/footer; children: blocks
 *    |   +- PARA                  a block: text + inline objects
 *    |   |   +- TABLE             inline table (HWPX: a table sits in a run)
 *    |   |   +- TEXTBOX, CAPTION  children: blocks
 *    |   |   +- FOOTNOTE, ENDNOTE children: blocks, anchored at the mark
 *    |   |   +- COMMENT           children: blocks
 *    |   |   +- IMAGE, OBJECT     leaves
 *    |   +- TABLE                 a block (DOCX tables are blocks)
 *    |       +- ROW
 *    |           +- CELL          children: blocks
 *
 * Blocks are PARA and TABLE. A node that sits inside a paragraph (inline
 * node) has 'anchor', the byte offset in the paragraph text where it
 * stands; the text never contains the object itself.
 *
 * Paragraph text is UTF-8 (always valid), NUL-terminated, with '\t' for
 * tabs and '\n' for manual line breaks and nothing else below U+0020:
 * readers map stray control characters and XML newlines to spaces.
 *
 * Locations: air_doc_finish() walks the tree once after reading and fills
 * 'story', 'depth' and 'loc' of every node, so readers only build shape.
 */
#ifndef AIR_MODEL_H
#define AIR_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "airead.h"
#include "util/arena.h"

/* ---- node kinds and stories ------------------------------------------- */

typedef enum air_node_kind {
    AIR_NODE_DOC = 0,
    AIR_NODE_SECTION,
    AIR_NODE_HEADER,
    AIR_NODE_FOOTER,
    AIR_NODE_PARA,
    AIR_NODE_TABLE,
    AIR_NODE_ROW,
    AIR_NODE_CELL,
    AIR_NODE_TEXTBOX,
    AIR_NODE_CAPTION,
    AIR_NODE_FOOTNOTE,
    AIR_NODE_ENDNOTE,
    AIR_NODE_COMMENT,
    AIR_NODE_IMAGE,
    AIR_NODE_OBJECT, /* equation, chart, OLE object, shape without text */
    AIR_NODE_KIND_COUNT
} air_node_kind;

/* The story a node belongs to: where its text sits for a reader. */
typedef enum air_story {
    AIR_STORY_MAIN = 0, /* body and table cells, at any depth */
    AIR_STORY_TEXTBOX,
    AIR_STORY_CAPTION,
    AIR_STORY_HEADER,
    AIR_STORY_FOOTER,
    AIR_STORY_FOOTNOTE,
    AIR_STORY_ENDNOTE,
    AIR_STORY_COMMENT,
    AIR_STORY_COUNT
} air_story;

/* ---- paragraphs --------------------------------------------------------- */

/* Span flags: a range of paragraph text with a property rules care about. */
enum {
    AIR_SPAN_SYMFONT = 1 << 0, /* typed in a symbol font (Wingdings, ...) */
    AIR_SPAN_SYM = 1 << 1,     /* a DOCX w:sym / symbol char element */
    AIR_SPAN_FIELD = 1 << 2,   /* the result text of a field */
    AIR_SPAN_HIDDEN = 1 << 3,  /* hidden text (w:vanish) */
    AIR_SPAN_INSERTED = 1 << 4, /* a tracked insertion */
    AIR_SPAN_LINK = 1 << 5,    /* hyperlink text; 'target' is the URL */
    AIR_SPAN_COMPOSE = 1 << 6, /* HWPX hp:compose (overlapped characters) */
    AIR_SPAN_BOLD = 1 << 7,
    AIR_SPAN_ITALIC = 1 << 8,
    AIR_SPAN_SUPERSCRIPT = 1 << 9,
    AIR_SPAN_SUBSCRIPT = 1 << 10
};

typedef struct air_span {
    uint32_t off, len;  /* byte range in the paragraph text */
    uint32_t flags;     /* AIR_SPAN_* */
    uint32_t code;      /* SYM: the character code as stored (e.g. 0xF0E0) */
    const char *font;   /* SYMFONT/SYM: the font name; else NULL */
    const char *target; /* LINK: the URL; FIELD: the field type; else NULL */
} air_span;

/* Number formats of automatic numbering, from DOCX w:numFmt, HWPX
 * numFormat and HWP 5.0 numbering shapes. */
typedef enum air_numfmt {
    AIR_NUMFMT_NONE = 0,
    AIR_NUMFMT_DECIMAL,         /* 1 2 3 */
    AIR_NUMFMT_DECIMAL_ZERO,    /* 01 02 */
    AIR_NUMFMT_UPPER_ROMAN,     /* I II */
    AIR_NUMFMT_LOWER_ROMAN,     /* i ii */
    AIR_NUMFMT_UPPER_LETTER,    /* A B */
    AIR_NUMFMT_LOWER_LETTER,    /* a b */
    AIR_NUMFMT_HANGUL_SYLLABLE, /* 가 나 다 */
    AIR_NUMFMT_HANGUL_JAMO,     /* ㄱ ㄴ ㄷ */
    AIR_NUMFMT_CIRCLED_DECIMAL, /* ① ② */
    AIR_NUMFMT_CIRCLED_HANGUL_SYLLABLE, /* ㉮ ㉯ */
    AIR_NUMFMT_CIRCLED_HANGUL_JAMO,     /* ㉠ ㉡ */
    AIR_NUMFMT_CIRCLED_LETTER,  /* ⓐ ⓑ */
    AIR_NUMFMT_IDEOGRAPH,       /* 一 二 三 */
    AIR_NUMFMT_CIRCLED_IDEOGRAPH,
    AIR_NUMFMT_HANGUL_DIGIT,    /* 일 이 삼 */
    AIR_NUMFMT_BULLET,          /* a bullet character */
    AIR_NUMFMT_OTHER            /* known to exist, not rendered */
} air_numfmt;

typedef enum air_list_kind {
    AIR_LIST_NONE = 0,
    AIR_LIST_NUMBER,  /* automatic numbering (DOCX numPr, HWPX NUMBER) */
    AIR_LIST_BULLET,  /* automatic bullet */
    AIR_LIST_OUTLINE  /* HWPX/HWP outline numbering (개요 번호) */
} air_list_kind;

/* Automatic numbering of one paragraph, resolved through styles. */
typedef struct air_list {
    uint8_t kind;        /* air_list_kind */
    uint8_t level;       /* 0-based */
    uint8_t fmt;         /* air_numfmt of this level */
    uint8_t from_style;  /* 1 when it came through the paragraph style */
    uint32_t list_id;    /* DOCX numId, HWPX numbering/bullet id */
    int32_t value;       /* the counter value shown at this level */
    const char *marker;  /* the displayed marker ("1.", "가)", "□"), or NULL */
    const char *pattern; /* the level text as defined ("%1.", "^1)"), or NULL */
} air_list;

typedef enum air_align {
    AIR_ALIGN_DEFAULT = 0,
    AIR_ALIGN_LEFT,
    AIR_ALIGN_CENTER,
    AIR_ALIGN_RIGHT,
    AIR_ALIGN_JUSTIFY,
    AIR_ALIGN_DISTRIBUTE
} air_align;

enum {
    AIR_PARA_PAGE_BREAK = 1 << 0, /* starts on a new page */
    AIR_PARA_COL_BREAK = 1 << 1,  /* starts in a new column */
    AIR_PARA_HAS_DELETED = 1 << 2 /* tracked deletions were removed */
};

typedef struct air_para {
    const char *text;      /* UTF-8, NUL-terminated; "" when empty */
    uint32_t len;          /* bytes of text */
    uint32_t nbreaks;      /* manual line breaks ('\n' in text) */
    uint32_t ntabs;        /* tabs ('\t' in text) */
    uint32_t nspans;
    const air_span *spans; /* sorted by 'off' */
    const char *style_id;   /* may be NULL */
    const char *style_name; /* may be NULL */
    int8_t outline_level;   /* 0-based outline level, -1 when none */
    uint8_t heading;        /* 1..9 from a heading style / outline, else 0 */
    uint8_t align;          /* air_align */
    uint8_t flags;          /* AIR_PARA_* */
    air_list list;
    const char *deleted;    /* tracked-deleted text, or NULL */
} air_para;

/* ---- tables ------------------------------------------------------------- */

typedef struct air_table {
    uint32_t rows, cols;          /* as read: tr count, grid width */
    uint32_t decl_rows, decl_cols; /* as declared (rowCnt, gridCol), or 0 */
    uint32_t nmerges;             /* cells with rowspan or colspan > 1 */
} air_table;

enum {
    AIR_CELL_COVERED = 1 << 0, /* DOCX vMerge continuation kept for its text */
    AIR_CELL_HEADER = 1 << 1   /* a header row/cell */
};

typedef struct air_cell {
    uint32_t row, col;         /* 0-based grid position */
    uint32_t rowspan, colspan; /* >= 1 */
    uint32_t flags;            /* AIR_CELL_* */
} air_cell;

/* ---- objects ------------------------------------------------------------ */

typedef struct air_image {
    const char *alt;    /* alt text / description, or NULL */
    const char *title;  /* name or title, or NULL */
    const char *target; /* package part holding the image, or NULL */
} air_image;

typedef struct air_object {
    const char *what; /* "equation", "chart", "ole", "shape", ... */
    const char *text; /* a textual form when one exists, or NULL */
} air_object;

typedef struct air_note {
    const char *id;     /* the note id in the source, or NULL */
    const char *mark;   /* custom reference mark, or NULL */
} air_note;

typedef struct air_hf {
    const char *which; /* "default", "first", "even", ... */
} air_hf;

/* ---- nodes -------------------------------------------------------------- */

/* Where a person finds a node. Numbers are 1-based; 0 means "not in one".
 * 'para' counts blocks' paragraphs within their container (section body,
 * cell, text box, note); 'table' is the table's number in document order
 * (pre-order over all tables of every story); row/col are the innermost
 * cell's grid position. */
typedef struct air_loc {
    uint32_t section;
    uint32_t para;
    uint32_t table;
    uint32_t row, col;
} air_loc;

typedef struct air_node air_node;

struct air_node {
    uint8_t kind;   /* air_node_kind */
    uint8_t story;  /* air_story, filled by air_doc_finish() */
    uint16_t depth; /* enclosing table cells, filled by air_doc_finish() */
    uint32_t anchor; /* inline nodes: byte offset in the parent's text */
    uint32_t seq;   /* PARA: 0-based index among main-story paragraphs;
                       TABLE: 0-based index among all tables */
    uint32_t src_line; /* line in the source part, 0 when unknown */
    air_node *parent, *first, *last, *next, *prev;
    air_loc loc;
    union {
        air_para para;
        air_table table;
        air_cell cell;
        air_image image;
        air_object object;
        air_note note;
        air_hf hf;
        uint32_t section_index; /* SECTION: 0-based */
    } u;
};

/* ---- metadata ----------------------------------------------------------- */

typedef enum air_meta_field {
    AIR_META_TITLE = 0,
    AIR_META_CREATOR,
    AIR_META_SUBJECT,
    AIR_META_DESCRIPTION,
    AIR_META_KEYWORDS,
    AIR_META_CREATED,
    AIR_META_MODIFIED,
    AIR_META_LAST_MODIFIED_BY,
    AIR_META_LANGUAGE,
    AIR_META_COUNT
} air_meta_field;

/* A value is NULL when the element is absent and "" when it is empty;
 * values are raw (not trimmed) but always valid UTF-8 without NUL, like
 * paragraph text (air_doc_set_meta replaces invalid bytes). */
typedef struct air_meta_extra {
    const char *key; /* "app:Company", "custom:Department", "meta:date" */
    const char *value;
    struct air_meta_extra *next;
} air_meta_extra;

typedef struct air_meta {
    const char *field[AIR_META_COUNT];
    air_meta_extra *extra, *extra_last;
} air_meta;

/* ---- the document ------------------------------------------------------- */

/* A non-fatal problem met while reading (unknown element, recovered
 * inconsistency); kept for `airead dump` and --verbose. */
typedef struct air_diag {
    const char *msg;
    struct air_diag *next;
} air_diag;

/* A package part the reader read, with the bytes it inflated (see
 * air_pkg_read_count in pkg/pkg.h). */
typedef struct air_doc_part {
    const char *name;
    uint64_t bytes;
} air_doc_part;

struct air_doc {
    air_arena arena;
    air_format format;
    const char *name;    /* path or display name */
    const char *generator; /* producing application when known */
    air_meta meta;
    air_node *root;      /* kind DOC */
    uint32_t nsections;
    uint32_t ntables;    /* all stories */
    uint32_t nparas;     /* main story */
    uint64_t nnodes;
    uint64_t max_nodes;  /* from the open options */
    air_diag *diags, *diags_last;
    uint32_t ndiags;
    /* The file the document was read from (NULL when read from memory)
     * and the limits it was read with: air_doc_copy_part() opens it again
     * to copy an image part for `airead convert --media`. */
    const char *src_path;
    air_limits src_limits;
    /* The parts read, in order; `airead dump` lists them. */
    air_doc_part *parts;
    uint32_t nparts;
};

/* ---- building (readers) ------------------------------------------------- */

/* A new empty document with a DOC root; NULL when out of memory. */
air_doc *air_doc_new(air_format fmt, const char *name, uint64_t max_nodes);

/* Appends a new node of 'kind' as the last child of 'parent' (NULL for
 * the root, or for a detached node attached later with air_node_append). Returns NULL and sets the error (AIR_ENOMEM, or AIR_ELIMIT
 * past max_nodes) on failure. */
air_node *air_node_add(air_doc *doc, air_node *parent, air_node_kind kind);

/* Appends the detached node 'n' (parent NULL: made with a NULL parent or
 * unlinked) with its subtree as the last child of 'parent'. Readers use
 * it to attach content read before its anchor (DOCX footnotes). */
void air_node_append(air_node *parent, air_node *n);

/* The same, as the first child: for content that belongs before blocks
 * already read (DOCX headers and footers, known only at the end of their
 * section). */
void air_node_prepend(air_node *parent, air_node *n);

/* The same, as the sibling just before 'next' (which has a parent): for
 * content whose place comes before a block already begun (HWPX headers and
 * footers, whose control sits inside a body paragraph). */
void air_node_insert_before(air_node *next, air_node *n);

/* Removes 'n' (and its subtree) from its parent. The memory stays in the
 * arena until the document is freed. */
void air_node_unlink(air_node *n);

/* Copies s[0..n) into the arena (NUL-terminated); NULL when out of memory.
 * A NULL 's' gives NULL. */
const char *air_doc_strndup(air_doc *doc, const char *s, size_t n);
const char *air_doc_strdup(air_doc *doc, const char *s);

/* Sets a metadata field (copied); the first value set wins, as in the
 * corpus facts ("duplicated names: the first one wins"). */
air_status air_doc_set_meta(air_doc *doc, air_meta_field f, const char *v,
                            size_t n);
air_status air_doc_add_meta_extra(air_doc *doc, const char *key,
                                  const char *v, size_t n);

/* Records a non-fatal reading problem (printf-style, copied). At most
 * 100 are kept: a broken document must not grow memory without bound. */
void air_doc_diag(air_doc *doc, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Fills story, depth, seq and loc of every node and the document counts.
 * Readers call it once, last. */
void air_doc_finish(air_doc *doc);

/* ---- paragraph builder -------------------------------------------------- */

/* Readers collect a paragraph's text here, then copy it into the document
 * with air_pb_finish(). One builder per open paragraph (paragraphs nest
 * through text boxes and notes); reuse a builder after finishing it. */
typedef struct air_pbuild {
    char *text;
    size_t len, cap;
    air_span *spans;
    size_t nspans, spancap;
    uint32_t nbreaks, ntabs;
    size_t max_len;      /* cap on text bytes: 0 means 64 MiB */
    bool space_pending;  /* collapse-whitespace state, for readers that
                            need it */
} air_pbuild;

#define AIR_PBUILD_INIT { NULL, 0, 0, NULL, 0, 0, 0, 0, 0, false }

/* Appends UTF-8 text; invalid bytes become U+FFFD; control characters
 * below U+0020 (and U+007F) become spaces, except that "\t" adds a tab and
 * "\n", "\r" become spaces (use air_pb_break for a manual break). */
air_status air_pb_text(air_pbuild *pb, const char *s, size_t n);
air_status air_pb_char(air_pbuild *pb, uint32_t cp);
air_status air_pb_break(air_pbuild *pb); /* manual line break: '\n' */
air_status air_pb_tab(air_pbuild *pb);   /* '\t' */

/* Opens a span at the current end of text; close it with air_pb_span_end
 * (spans may not overlap-cross, they may nest). Returns the span index. */
air_status air_pb_span_begin(air_pbuild *pb, uint32_t flags, uint32_t code,
                             const char *font, const char *target,
                             size_t *out_index);
void air_pb_span_end(air_pbuild *pb, size_t index);

/* Bytes of text so far: the anchor for an inline node added now. */
static inline uint32_t air_pb_offset(const air_pbuild *pb)
{
    return (uint32_t)pb->len;
}

/* Copies the text and spans into 'para' (a PARA node's u.para) and empties
 * the builder. Empty spans are dropped. */
air_status air_pb_finish(air_pbuild *pb, air_doc *doc, air_node *para);

void air_pb_free(air_pbuild *pb);

/* ---- reading (rules, emitters) ----------------------------------------- */

const char *air_node_kind_name(air_node_kind k); /* "para", "table", ... */
const char *air_story_name(air_story s);          /* "main", "header", ... */
const char *air_meta_field_name(air_meta_field f); /* "title", "creator"... */
const char *air_numfmt_name(air_numfmt f);        /* "decimal", ... */
const char *air_list_kind_name(air_list_kind k);  /* "number", ... */

static inline bool air_node_is_block(const air_node *n)
{
    return n->kind == AIR_NODE_PARA || n->kind == AIR_NODE_TABLE;
}

/* The nearest ancestor of 'kind', or NULL. */
const air_node *air_node_ancestor(const air_node *n, air_node_kind kind);

/* Pre-order traversal: the node after 'n' within the subtree of 'root'
 * (children first, then siblings, then up), or NULL at the end. */
const air_node *air_node_next_preorder(const air_node *n,
                                       const air_node *root);

/* The cell at grid position (row, col) of 'table': the anchor cell that
 * covers it, or NULL when no cell covers it. O(cells). */
const air_node *air_table_cell_at(const air_node *table, uint32_t row,
                                  uint32_t col);

#endif
