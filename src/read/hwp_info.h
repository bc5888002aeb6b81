/* hwp_info.h -- the document-wide definitions of a Hangul document, kept
 * apart from its text, in one format-neutral structure shared by the HWPX
 * and HWP 5.0 readers; and the paragraph numbering Hangul displays.
 *
 * Both formats store the same tables, each entry found by its id:
 *
 *   what            HWPX (Contents/header.xml)   HWP 5.0 (DocInfo stream)
 *   fonts per lang  hh:fontface@lang/hh:font     HWPTAG_FACE_NAME, counted
 *                                                per language by ID_MAPPINGS
 *   char shapes     hh:charPr/hh:fontRef         HWPTAG_CHAR_SHAPE (face ids
 *                                                per language, attributes)
 *   para shapes     hh:paraPr/{hh:align          HWPTAG_PARA_SHAPE (attr1:
 *                   hh:heading@type,idRef,level  alignment bits 2-4, head
 *                   hh:breakSetting}             type bits 23-24, level bits
 *                                                25-27, page break bit 19;
 *                                                numbering/bullet id)
 *   styles          hh:style                     HWPTAG_STYLE
 *   numberings      hh:numbering/hh:paraHead     HWPTAG_NUMBERING (7 levels
 *                   (10 levels, 1-based)         + 3 extended since 5.1)
 *   bullets         hh:bullet@char               HWPTAG_BULLET
 *
 * A reader fills an air_hwp_info with the *_at() functions (ids as the
 * file writes them: HWPX ids as written, HWP 5.0 ids as the record index,
 * numberings and bullets from 1 as ParaShape refers to them), calls
 * air_hwp_info_finish() once, then for every paragraph
 * air_hwp_resolve_para() (style, alignment, outline level, list kind and
 * level), and once at the end of the document air_hwp_number_doc(), which
 * computes the value and marker Hangul displays for every numbered
 * paragraph. Nothing here knows XML or binary records.
 *
 * Ownership: strings (font faces, style names, level patterns, bullet
 * characters) are copied into the document's arena by the reader and live
 * as long as the document; the tables themselves are malloc'd and freed by
 * air_hwp_info_free(). libc and the model only. */
#ifndef AIR_READ_HWP_INFO_H
#define AIR_READ_HWP_INFO_H

#include <stdbool.h>
#include <stdint.h>

#include "model/model.h"

/* Hangul's seven script slots: every character shape names one font per
 * slot, and the script of a character picks the slot. */
typedef enum air_hwp_lang {
    AIR_HWP_HANGUL = 0,
    AIR_HWP_LATIN,
    AIR_HWP_HANJA,
    AIR_HWP_JAPANESE,
    AIR_HWP_OTHER,
    AIR_HWP_SYMBOL,
    AIR_HWP_USER,
    AIR_HWP_LANGS
} air_hwp_lang;

/* Numbering levels: HWPX and HWP 5.1 define 10, HWP 5.0 before 5.1 7. */
enum { AIR_HWP_LEVELS = 10 };

/* Ids past this are not stored (HWP 5.0 ids are 16-bit; an HWPX header
 * with more entries is broken or hostile). */
#define AIR_HWP_MAX_ID 65536u

/* The id HWPX writes for "none" (charPrIDRef="4294967295"). */
#define AIR_HWP_NO_ID 0xFFFFFFFFu

typedef struct air_hwp_font {
    const char *face;   /* document arena, or NULL */
    const char *symbol; /* canonical symbol-font name (static), or NULL:
                           set by air_hwp_info_finish() */
    bool defined;
} air_hwp_font;

enum {
    AIR_HWP_CHAR_BOLD = 1 << 0,
    AIR_HWP_CHAR_ITALIC = 1 << 1,
    AIR_HWP_CHAR_SUPER = 1 << 2,
    AIR_HWP_CHAR_SUB = 1 << 3
};

typedef struct air_hwp_charpr {
    uint32_t font[AIR_HWP_LANGS]; /* font id per slot */
    uint8_t flags;                /* AIR_HWP_CHAR_* */
    uint8_t symbol_mask; /* bit l: slot l's font is a symbol font (set by
                            air_hwp_info_finish()) */
    bool defined;
} air_hwp_charpr;

typedef enum air_hwp_head {
    AIR_HWP_HEAD_NONE = 0,
    AIR_HWP_HEAD_OUTLINE, /* 개요: the section's outline numbering */
    AIR_HWP_HEAD_NUMBER,  /* 문단 번호: numbering 'head_id' */
    AIR_HWP_HEAD_BULLET   /* 글머리표: bullet 'head_id' */
} air_hwp_head;

typedef struct air_hwp_parapr {
    uint32_t head_id;  /* numbering or bullet id (HWPX heading@idRef) */
    uint8_t head;      /* air_hwp_head */
    uint8_t level;     /* 0-based (HWPX heading@level) */
    uint8_t align;     /* air_align */
    bool page_break_before;
    bool defined;
} air_hwp_parapr;

typedef struct air_hwp_style {
    const char *name;     /* local (Korean) name, document arena, or NULL */
    const char *eng_name; /* English name, or NULL */
    const char *id_text;  /* the id in decimal (document arena): the
                             model's style_id; air_hwp_info_finish()
                             fills it when the reader did not */
    uint32_t para_pr;     /* its paragraph shape id */
    uint32_t char_pr;
    uint8_t heading;      /* N for a paragraph style named "개요 N" or
                             "Outline N" (1..10), else 0 */
    bool is_char;         /* a character style */
    bool defined;
} air_hwp_style;

typedef struct air_hwp_level {
    const char *text;    /* the pattern ("^1.", "(^2)", "^1.^2"), document
                            arena, or NULL when the level has none */
    int32_t start;       /* the level's first value */
    uint8_t fmt;         /* air_numfmt */
    bool defined;
} air_hwp_level;

typedef struct air_hwp_numbering {
    air_hwp_level level[AIR_HWP_LEVELS];
    int32_t start;       /* HWPX numbering@start, HWP "시작 번호" */
    bool defined;
} air_hwp_numbering;

typedef struct air_hwp_bullet {
    const char *chr;   /* the bullet character as stored (UTF-8, document
                          arena), or NULL (an image bullet without one) */
    const char *shown; /* the glyph displayed: 'chr' with symbol-font
                          codes mapped to Unicode; set by
                          air_hwp_info_finish() */
    uint32_t char_pr;  /* its character shape (AIR_HWP_NO_ID: none) */
    bool image;
    bool defined;
} air_hwp_bullet;

typedef struct air_hwp_info {
    air_doc *doc; /* whose arena holds the strings */
    air_hwp_font *font[AIR_HWP_LANGS];
    uint32_t nfont[AIR_HWP_LANGS];
    air_hwp_charpr *charpr;
    uint32_t ncharpr;
    air_hwp_parapr *parapr;
    uint32_t nparapr;
    air_hwp_style *style;
    uint32_t nstyle;
    air_hwp_numbering *num;
    uint32_t nnum;
    air_hwp_bullet *bullet;
    uint32_t nbullet;
} air_hwp_info;

/* ---- filling (readers) ---------------------------------------------------
 * Each *_at() sets *out to the zeroed (or earlier filled) entry for 'id',
 * growing the table; the caller fills it and sets 'defined'. *out is NULL
 * (and the status AIR_OK) when 'id' >= AIR_HWP_MAX_ID: such an entry is
 * ignored. AIR_ENOMEM when out of memory. */

void air_hwp_info_init(air_hwp_info *info, air_doc *doc);
void air_hwp_info_free(air_hwp_info *info);

air_status air_hwp_font_at(air_hwp_font **out, air_hwp_info *info,
                           air_hwp_lang lang, uint32_t id);
air_status air_hwp_charpr_at(air_hwp_charpr **out, air_hwp_info *info,
                             uint32_t id);
air_status air_hwp_parapr_at(air_hwp_parapr **out, air_hwp_info *info,
                             uint32_t id);
air_status air_hwp_style_at(air_hwp_style **out, air_hwp_info *info,
                            uint32_t id);
air_status air_hwp_numbering_at(air_hwp_numbering **out, air_hwp_info *info,
                                uint32_t id);
air_status air_hwp_bullet_at(air_hwp_bullet **out, air_hwp_info *info,
                             uint32_t id);

/* Marks symbol fonts and the character shapes using them and the styles
 * named "개요 N" / "Outline N", gives every style without one its
 * decimal 'id_text', and sets each bullet's 'shown' glyph. Hangul stores
 * its bullet glyphs as Wingdings codes in the private-use area (U+F06C
 * for ●, U+F0A7 for ▪, U+F0FC for ✓): codes U+F020..U+F0FF are mapped
 * through the bullet's own symbol font when its character shape has one,
 * else through Wingdings; other characters are shown as they are. Call
 * once after filling; AIR_ENOMEM on failure. */
air_status air_hwp_info_finish(air_hwp_info *info);

/* ---- looking up ---------------------------------------------------------
 * The defined entry for 'id', or NULL. */

const air_hwp_font *air_hwp_get_font(const air_hwp_info *info,
                                 air_hwp_lang lang, uint32_t id);
const air_hwp_charpr *air_hwp_get_charpr(const air_hwp_info *info, uint32_t id);
const air_hwp_parapr *air_hwp_get_parapr(const air_hwp_info *info, uint32_t id);
const air_hwp_style *air_hwp_get_style(const air_hwp_info *info, uint32_t id);
const air_hwp_numbering *air_hwp_get_numbering(const air_hwp_info *info,
                                           uint32_t id);
const air_hwp_bullet *air_hwp_get_bullet(const air_hwp_info *info, uint32_t id);

/* The script slot Hangul draws code point 'cp' with: Hangul syllables and
 * jamo -> HANGUL, CJK ideographs -> HANJA, kana -> JAPANESE, Latin
 * letters, digits and ASCII punctuation -> LATIN, private-use and symbol
 * blocks -> SYMBOL, anything else -> OTHER. */
air_hwp_lang air_hwp_lang_of(uint32_t cp);

/* The symbol font (canonical name) used for 'cp' in character shape 'cs',
 * or NULL. Cheap when the shape uses no symbol font. */
const char *air_hwp_symfont_of(const air_hwp_info *info,
                               const air_hwp_charpr *cs, uint32_t cp);

/* The air_numfmt of an HWPX number format name ("DIGIT",
 * "HANGUL_SYLLABLE", "CIRCLED_DIGIT", ...); AIR_NUMFMT_OTHER for a name
 * not rendered, AIR_NUMFMT_DECIMAL for NULL (the schema default). */
air_numfmt air_hwp_numfmt(const char *name);

/* The same for an HWP 5.0 number shape code: the codes 0..16 are the
 * HWPX names in schema order (0 DIGIT, 1 CIRCLED_DIGIT, 2 ROMAN_CAPITAL,
 * ... 8 HANGUL_SYLLABLE ... 16 DECAGON_CIRCLE_HANJA). */
air_numfmt air_hwp_numfmt_code(unsigned code);

/* ---- paragraphs (hwp_numbering.c) ---------------------------------------
 * Resolves paragraph 'p' from its paragraph shape and style as the corpus
 * README's numbering section says, and fills style_id, style_name, align,
 * outline_level, heading, AIR_PARA_PAGE_BREAK (page break before), and
 * list.{kind, level, fmt, list_id, pattern, from_style}; for a bullet
 * also list.marker. 'outline_id' is the numbering of the paragraph's
 * section outline (HWPX secPr@outlineShapeIDRef, HWP section definition),
 * 0 when it has none: then the heading's own idRef is used.
 *   OUTLINE -> AIR_LIST_OUTLINE, outline_level = level, heading = level+1
 *   NUMBER  -> AIR_LIST_NUMBER, list_id = idRef
 *   BULLET  -> AIR_LIST_BULLET, marker = the glyph shown, pattern = the
 *              character as stored
 *   NONE with a style "개요 N" / "Outline N" -> heading = N, no list
 * 'from_style' is set when the paragraph's shape is its style's shape.
 * Undefined ids leave the matching fields unset. */
void air_hwp_resolve_para(const air_hwp_info *info, air_para *p,
                          uint32_t para_pr_id, uint32_t style_id,
                          uint32_t outline_id);

/* Computes list.value and list.marker of every paragraph of 'doc' with
 * AIR_LIST_NUMBER or AIR_LIST_OUTLINE, in document order, as Hangul
 * counts: one set of counters per numbering id (outline and paragraph
 * numbering apart), continuing across sections and across paragraphs of
 * other kinds; a level shows its paraHead start value the first time and
 * one more each time after; a paragraph at level L restarts every level
 * deeper than L. A level a pattern names that has not been used yet shows
 * its start value. Paragraphs of other stories (text boxes, notes,
 * headers...) count on their own set, apart from the body. The marker is
 * the level's pattern with "^k" (k = 1..9) replaced by level k's value in
 * level k's format, "^n" by the level path ("1.1.2") and "^N" by the path
 * and a final period; "" when the level has no pattern. HWPX has no
 * in-body restart of paragraph numbers (hp:newNum restarts pages, notes,
 * pictures, tables and equations only): Hangul's "new list" takes a new
 * numbering id, which this counts apart. Out of memory -> AIR_ENOMEM. */
air_status air_hwp_number_doc(const air_hwp_info *info, air_doc *doc);

#endif
