/* markers.h -- item markers of principle 4: what a typed "1.", "가)",
 * "(1)", "①", "Ⅰ.", "1-1", "□" at the start of a paragraph means, and the
 * same for the displayed marker of automatic numbering.
 *
 * A numbered marker is a numeral of some numeral system (decimal, 가나다,
 * ㄱㄴㄷ, Roman, Latin letters) written in some form ("1." "1)" "(1)" "①"
 * or a path "1-1-1"). The numeral system gives its value (가 = 1, 다 = 3,
 * ㉰ = 3); system, form and path shape together are its *style*: two
 * markers of one style belong to the same list level, markers of one
 * system in two forms ("1." and "1)") are a style change when they
 * continue each other.
 *
 * Which forms count as markers is data: templates written as the first
 * marker of a level looks ("1.", "가)", "(1)", "①", "1-1"), from
 * `numbering: markers:` and the profile's levels (compiled by config.c).
 * Bullets and notes are code-point sets of the same section. A paragraph
 * start is a marker only when a template matches it, the marker is
 * followed by a space (self-delimiting enclosed characters such as ①
 * excepted) and no `not-markers` pattern (dates "2026. 1. 5.", amounts,
 * decimals "1.5배") matches there.
 *
 * Everything here is pure: no allocation beyond the caller's arena, no
 * state between calls. */
#ifndef AIR_RULES_MARKERS_H
#define AIR_RULES_MARKERS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rules/rule.h"

/* Numeral systems: what a marker counts in. */
typedef enum air_numsys {
    AIR_NS_NONE = 0,
    AIR_NS_DECIMAL,      /* 1 2 3, ① ②, ⑴ ⑵, ❶ */
    AIR_NS_HANGUL,       /* 가 나 다 ... 하, ㉮, ㈎ */
    AIR_NS_JAMO,         /* ㄱ ㄴ ㄷ ... ㅎ, ㉠, ㈀ */
    AIR_NS_ROMAN_UPPER,  /* Ⅰ Ⅱ, I II */
    AIR_NS_ROMAN_LOWER,  /* ⅰ ⅱ, i ii */
    AIR_NS_LATIN_UPPER,  /* A B C, Ⓐ */
    AIR_NS_LATIN_LOWER,  /* a b c, ⓐ, ⒜ */
    AIR_NS_OTHER,        /* automatic numbering in a format not parsed */
    AIR_NS_COUNT
} air_numsys;

/* How the numeral is written. Enclosed characters take the form they
 * look like: ⑴ and ㈎ are PARENS, ⒈ is DOT. */
typedef enum air_mkform {
    AIR_MF_PLAIN = 0, /* 1 */
    AIR_MF_DOT,       /* 1. */
    AIR_MF_PAREN,     /* 1) */
    AIR_MF_PARENS,    /* (1) ⑴ ㈎ */
    AIR_MF_BRACKETS,  /* [1] */
    AIR_MF_CIRCLED,   /* ① ㉮ ㉠ ⓐ */
    AIR_MF_NEGATIVE,  /* ❶ ➊ (white on black) */
    AIR_MF_DOUBLE,    /* ⓵ (double circled) */
    AIR_MF_PATH,      /* 1-1, 1.1, 1-1-1 (a numeral per level) */
    AIR_MF_OTHER      /* automatic numbering whose marker is not parsed */
} air_mkform;

typedef enum air_marker_kind {
    AIR_MK_NONE = 0,
    AIR_MK_NUMBER, /* a numbered marker */
    AIR_MK_BULLET, /* □ ○ - · ... */
    AIR_MK_NOTE    /* ※ * : a note, not an item */
} air_marker_kind;

/* Deepest path marker parsed ("1-1-1-1-1-1"); deeper is not a marker. */
enum { AIR_MARKER_MAX_DEPTH = 6 };

/* The style of a marker: equal styles are the same kind of item. */
typedef struct air_mkstyle {
    uint8_t kind;   /* air_marker_kind */
    uint8_t sys;    /* air_numsys (NUMBER) */
    uint8_t form;   /* air_mkform (NUMBER) */
    uint8_t depth;  /* components of a PATH marker, else 1 */
    char sep;       /* PATH: '-' or '.', else 0 */
    uint32_t bullet; /* BULLET/NOTE: the character; OTHER: the list id */
    char close;      /* PATH: a final '.' or ')' ("1-1." "6.2."), else 0 */
} air_mkstyle;

typedef struct air_marker {
    air_mkstyle style;
    int32_t value;                          /* NUMBER: last component */
    int32_t path[AIR_MARKER_MAX_DEPTH];     /* PATH: every component */
    uint32_t start, end; /* bytes of the marker in the text it came from */
    /* A single I, V, X, i, v or x read as a Roman numeral might be a
     * letter (A B C ... I): its value as a letter, else 0. */
    int32_t letter_value;
} air_marker;

/* A compiled template: one style the parser recognises. */
typedef struct air_mktemplate {
    air_mkstyle style;
    bool plain_ok; /* PLAIN forms are only markers when a template says so */
} air_mktemplate;

/* The `numbering:` section compiled (config.c builds it once per
 * configuration; rules read it with air_rule_numbering()). */
struct air_numbering {
    const air_profile *profile;
    size_t ntemplates;
    const air_mktemplate *templates; /* markers + the profile's levels */
    const air_cpset *bullets;        /* bullets + the profile's bullets */
    const air_cpset *notes;          /* note marks: ※ * */
    const air_patterns *not_markers; /* vetoes at a marker's start */
    const air_patterns *parts;       /* paragraphs that begin a new part */
    const air_patterns *headings;    /* paragraphs that head what follows */
    const air_patterns *contents;    /* table-of-contents lines */
    const air_patterns *statutes;    /* items opening a quoted statute */
    const air_patterns *statute_articles; /* lines going on with it */
    const air_patterns *announces;   /* items announcing their sub-list */
    size_t nstatute_levels;          /* the law's levels, outermost first */
    const air_mktemplate *statute_levels;
    /* The profile's levels and bullets, compiled, outermost first. */
    size_t nlevels, nbullet_levels;
    const air_mktemplate *levels;
    const uint32_t *bullet_levels;
};

/* Parses one template ("1.", "(가)", "①", "1-1", "□") into *out.
 * Returns false when 's' is not a template this parser understands. */
bool air_mktemplate_parse(air_mktemplate *out, const char *s);

/* The marker at the start of s[0..len) (after leading spaces), or false.
 * Offsets in *out are relative to 's'. */
bool air_marker_parse(air_marker *out, const air_numbering *mk, const char *s,
                      size_t len);

/* The marker of automatic numbering 'l' (kind NUMBER/OUTLINE/BULLET with
 * a visible marker), or false when the paragraph shows none (an empty
 * level text). The displayed marker is parsed when it can be; else the
 * style comes from the format and list id and the value from l->value. */
bool air_marker_from_list(air_marker *out, const air_numbering *mk,
                          const air_list *l);

bool air_mkstyle_equal(const air_mkstyle *a, const air_mkstyle *b);

/* The index of the profile level whose template has the style of 's'
 * (a PLAIN template "1" also takes "1."), or -1; the same for bullets. */
int air_numbering_level(const air_numbering *mk, const air_mkstyle *s);

/* Writes the marker of style 's' with value 'value' ("3.", "다)", "(3)",
 * "③", or for a PATH the components of 'path' with the last replaced by
 * 'value') into buf, NUL-terminated; returns its length. */
size_t air_marker_format(char *buf, size_t cap, const air_mkstyle *s,
                         const int32_t *path, int32_t value);

#endif
