/* docx.h -- internals of the DOCX (OOXML WordprocessingML) reader, shared
 * by docx*.c in src/read. Not installed, not seen outside src/read.
 *
 *   air_read_docx (docx.c)
 *     _rels/.rels -> main part (officeDocument, transitional or strict)
 *     main part rels -> styles, numbering, footnotes, endnotes, comments
 *     docx_meta.c      docProps/core.xml, app.xml, custom.xml
 *     docx_styles.c    styles.xml: paragraph styles, basedOn, numPr, headings
 *     docx_numbering.c numbering.xml, and the markers Word displays
 *     docx_body.c      the streaming walk of document, notes, comments,
 *                      headers and footers into the model
 *
 * Elements are matched by local name, so the transitional (w: =
 * schemas.openxmlformats.org) and strict (purl.oclc.org) namespaces read
 * alike. Reader-lifetime data lives in 'tmp' (freed at the end); what the
 * model keeps (style names, markers, targets) is copied into the
 * document's arena. */
#ifndef AIR_READ_DOCX_H
#define AIR_READ_DOCX_H

#include <stdbool.h>
#include <stdint.h>

#include "model/model.h"
#include "read/opc.h"
#include "read/xml.h"
#include "util/arena.h"

#define DOCX_LEVELS 9

/* ---- styles (docx_styles.c) --------------------------------------------- */

enum { DOCX_ST_PARA = 1, DOCX_ST_CHAR, DOCX_ST_TABLE, DOCX_ST_NUMBERING };

typedef struct docx_style {
    const char *id;       /* document arena */
    const char *name;     /* document arena, or NULL */
    const char *based_on; /* tmp arena, or NULL */
    int32_t num_id;       /* w:pPr/w:numPr/w:numId, -1 when not set here */
    int8_t ilvl;          /* w:numPr/w:ilvl, -1 when not set here */
    int8_t outline;       /* w:outlineLvl, -1 when not set here */
    uint8_t type;         /* DOCX_ST_* */
    uint8_t heading;      /* N for "heading N" / HeadingN, else 0 */
    bool is_default;
    bool font_set;       /* w:rPr/w:rFonts names a font */
    const char *symfont; /* that font when it is a symbol font, or NULL */
    /* Resolved through the basedOn chain, once (see docx_style_chain). */
    bool resolved;
    bool on_path; /* being resolved: a basedOn loop comes back here */
    int32_t r_num_id;
    int8_t r_ilvl, r_outline;
    bool r_font_set;
    const char *r_symfont;
    int32_t num_style; /* index of the style that gave r_num_id, -1 */
} docx_style;

typedef struct docx_styles {
    docx_style *v;
    size_t n;
    uint32_t *hash; /* open addressing over ids: index + 1, 0 = empty */
    size_t hcap;
    int32_t default_para; /* index of the default paragraph style, -1 */
    uint32_t *path;       /* n entries: the chain being resolved */
} docx_styles;

/* ---- numbering (docx_numbering.c) -----------------------------------------
 */

typedef struct docx_lvl {
    const char *text;   /* w:lvlText@w:val (tmp), NULL when absent */
    const char *font;   /* symbol font of the level's rPr, or NULL */
    const char *pstyle; /* w:pStyle@w:val (tmp), or NULL */
    int32_t start;      /* w:start, 0 when absent (ECMA-376 17.9.25) */
    int8_t restart;     /* w:lvlRestart, -1 when absent */
    uint8_t fmt;        /* air_numfmt */
    bool is_lgl;
    bool defined;
    const char *shown; /* bullet: the glyph shown (document arena), cached */
} docx_lvl;

typedef struct docx_counters {
    int32_t v[DOCX_LEVELS]; /* the last value shown at each level */
    bool init;
} docx_counters;

typedef struct docx_abs {
    long id;
    const char *num_style_link; /* tmp, or NULL */
    const char *style_link;     /* tmp, or NULL */
    docx_lvl lvl[DOCX_LEVELS];
    docx_counters cnt; /* shared by the nums without overrides */
} docx_abs;

typedef struct docx_num {
    long id;
    long abs_id;
    int32_t abs;         /* index of the resolved abstractNum */
    uint16_t start_mask; /* levels with a w:startOverride */
    int32_t start_ov[DOCX_LEVELS];
    docx_lvl *lvl_ov[DOCX_LEVELS]; /* w:lvlOverride/w:lvl (tmp), or NULL */
    docx_counters cnt;             /* own counters when start_mask != 0 */
} docx_num;

typedef struct docx_numbering {
    docx_abs *abs;
    size_t nabs;
    docx_num *num;
    size_t nnum;
} docx_numbering;

/* A paragraph's own numbering-related properties (w:pPr). */
typedef struct docx_pprops {
    const char *style; /* w:pStyle@w:val (tmp-lifetime copy), or NULL */
    int32_t num_id;    /* -1 when not set */
    int8_t ilvl;       /* -1 when not set */
    int8_t outline;    /* -1 when not set */
} docx_pprops;

/* ---- notes and comments read before the body -------------------------------
 */

typedef struct docx_idnode {
    long id;
    air_node *node; /* detached until its reference attaches it */
} docx_idnode;

typedef struct docx_idmap {
    docx_idnode *v;
    size_t n, cap;
} docx_idmap;

/* ---- header and footer references, read after the body ------------------- */

typedef struct docx_hfref {
    air_node *section;
    const char *part; /* tmp */
    const char *which;
    bool footer;
} docx_hfref;

/* ---- the reader --------------------------------------------------------- */

typedef struct docx {
    air_doc *doc;
    air_pkg *pkg;
    air_arena tmp;
    const char *main;  /* the main document part */
    air_opc_rels rels; /* the main part's relationships */
    docx_styles styles;
    docx_numbering num;
    docx_idmap notes[3]; /* footnotes, endnotes, comments */
    docx_hfref *hf;
    size_t nhf, hfcap;
    uint32_t max_table_depth;
} docx;

enum { DOCX_FOOTNOTES = 0, DOCX_ENDNOTES, DOCX_COMMENTS };

/* docx_meta.c: docProps/core.xml, app.xml and custom.xml found through
 * the package relationships 'pkgrels' (the docProps folder when not listed).
 * Broken metadata parts are recorded as diagnostics, not errors: they do
 * not hide the document. */
air_status docx_read_meta(docx *d, const air_opc_rels *pkgrels);

/* docx_styles.c */
air_status docx_read_styles(docx *d, const char *part);
docx_style *docx_style_find(docx_styles *s, const char *id);
/* Resolves numId, ilvl and outline level through the basedOn chain of
 * 'st' (loop-safe) and returns it. */
docx_style *docx_style_chain(docx_styles *s, docx_style *st);
/* The symbol font that runs in style 'id' (a paragraph or character
 * style, through basedOn) are typed in, or NULL; *set says whether the
 * style names a font at all (a non-symbol one hides a later default). */
const char *docx_style_symfont(docx_styles *s, const char *id, bool *set);
/* The heading level (1..9) a style name or id means, or 0. */
int docx_heading_of(const char *name, const char *id);

/* docx_numbering.c */
air_status docx_read_numbering(docx *d, const char *part);
/* Resolves the paragraph's numbering, style and outline level (as the
 * corpus README's numbering section says), advances Word's counters and
 * fills para->u.para (style_id, style_name, outline_level, heading, list). */
air_status docx_number_para(docx *d, air_node *para, const docx_pprops *pp);
/* Forgets every counter: each story part numbers from the start. */
void docx_numbering_reset(docx *d);
air_numfmt docx_numfmt(const char *val, const char *format);

/* docx_body.c */
typedef enum docx_part_kind {
    DOCX_PART_DOCUMENT,
    DOCX_PART_HDRFTR,
    DOCX_PART_NOTES /* footnotes, endnotes or comments */
} docx_part_kind;

/* Walks part 'part'. DOCUMENT: sections under the root; HDRFTR: blocks
 * into 'container'; NOTES: detached FOOTNOTE/ENDNOTE/COMMENT nodes into
 * d->notes[which]. */
air_status docx_walk(docx *d, const char *part, docx_part_kind kind,
                     air_node *container, int which);

#endif
