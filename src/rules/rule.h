/* rule.h -- what a rule is and what it may call.
 *
 * A rule is one .c file in src/rules/ holding one `const air_rule`
 * descriptor, listed once in rules.def. The engine (engine.c) walks the
 * document tree once, in pre-order and without recursion, and calls every
 * enabled rule's on_node for the node kinds it asked for; after the walk
 * it calls on_end. Rules take a const model and append findings through
 * the functions below: no printing, no global state. A rule that needs
 * memory across nodes of one document declares 'state_size' (zeroed per
 * document) and may take more with air_rule_alloc().
 *
 *   static void on_node(air_rule_ctx *ctx, const air_node *n)
 *   {
 *       if (n->depth > 0) {
 *           air_finding *f = air_finding_add(ctx, n);
 *           air_msg(f, "표 안에 표가 있습니다 (깊이 %u)",
 *                   "a table inside a table cell (depth %u)",
 *                   (unsigned)n->depth);
 *       }
 *   }
 *
 *   const air_rule air_rule_nested_table = {
 *       .id = "nested-table", .number = 102, .principle = 1,
 *       .severity = AIR_SEV_ERROR, .nodes = AIR_ON(AIR_NODE_TABLE),
 *       .on_node = on_node,
 *   };
 *
 * Data: a rule declares the keys of its section of the configuration
 * ('params', with a type each); the defaults live in rules/defaults.yaml
 * under rules: <id>:, a user file may override them, and the engine
 * checks and compiles every value when the configuration is loaded (a bad
 * value is "FILE:LINE: problem" then, never during a check). The rule
 * reads them with air_rule_chars(), air_rule_strings(), ... by key.
 *
 * Texts: the rule's page rules/<id>.md carries, in its YAML front matter,
 * the title, why it matters and how to fix it in Hangul and in Word, in
 * Korean and English; emitters show them beside the finding. The finding
 * itself says what is wrong here, in both languages (air_msg).
 *
 * Everything a rule gets is borrowed for the duration of the check.
 * Functions taking an air_finding accept NULL (out of memory, or the
 * per-document cap reached), so a rule never checks. */
#ifndef AIR_RULE_H
#define AIR_RULE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "airead.h"
#include "model/model.h"
#include "util/buf.h"

typedef struct air_rule_ctx air_rule_ctx;

/* ---- descriptor ---------------------------------------------------------- */

typedef enum air_param_type {
    AIR_PARAM_STRING = 1, /* a single value */
    AIR_PARAM_NUMBER,     /* a number (integer or decimal) */
    AIR_PARAM_BOOL,       /* true/false (also yes/no, on/off) */
    AIR_PARAM_STRINGS,    /* a list of strings */
    AIR_PARAM_CHARS,      /* a list of characters: "→", "⇒⇔" (each code
                             point of the string), "U+2190", "U+2190-21FF" */
    AIR_PARAM_PATTERNS,   /* a list of PCRE2 patterns (UTF, UCP) */
    AIR_PARAM_MAP         /* string keys to string values */
} air_param_type;

typedef struct air_rule_param {
    const char *key;
    air_param_type type;
} air_rule_param;

typedef struct air_rule {
    const char *id;        /* kebab-case, stable, never reused */
    int number;            /* 101..: stable, never reused */
    int principle;         /* 1..5 */
    air_severity severity; /* shipped default (defaults.yaml agrees) */
    uint32_t nodes;        /* kinds on_node wants: AIR_ON(k) | ... */
    const air_rule_param *params; /* { NULL, 0 }-terminated, or NULL */
    size_t state_size;     /* per-document state, zeroed; 0 for none */
    void (*on_begin)(air_rule_ctx *ctx, const air_doc *doc);
    void (*on_node)(air_rule_ctx *ctx, const air_node *n);
    void (*on_end)(air_rule_ctx *ctx, const air_doc *doc);
} air_rule;

#define AIR_ON(kind) (1u << (kind))

/* ---- data ---------------------------------------------------------------- */

typedef struct air_strlist {
    size_t n;
    const char *const *v;
} air_strlist;

/* A set of code points (sorted, merged ranges). */
typedef struct air_cpset air_cpset;
bool air_cpset_has(const air_cpset *set, uint32_t cp); /* NULL: false */
bool air_cpset_is_empty(const air_cpset *set);

/* A list of compiled PCRE2 patterns, matched as one alternation. */
typedef struct air_patterns air_patterns;

/* The leftmost match of any pattern in s[0..len) starting at or after
 * byte 'from' (ties: the longest). On a match sets [*mstart, *mend) and
 * returns true. NULL or an empty list never matches. Thread-safe. */
bool air_patterns_find(const air_patterns *p, const char *s, size_t len,
                       size_t from, size_t *mstart, size_t *mend);

/* True when some pattern matches anywhere in s[0..len) (patterns anchor
 * themselves with ^ and $). No allocation per call. Thread-safe. */
bool air_patterns_any(const air_patterns *p, const char *s, size_t len);

/* True when some pattern matches the whole of s[0..len). */
bool air_patterns_match_all(const air_patterns *p, const char *s,
                            size_t len);

/* The rule's own data by key, as declared in its 'params'. Asking for an
 * undeclared key or the wrong type is a bug (assert). */
const char *air_rule_string(const air_rule_ctx *ctx, const char *key);
double air_rule_number(const air_rule_ctx *ctx, const char *key);
bool air_rule_bool(const air_rule_ctx *ctx, const char *key);
air_strlist air_rule_strings(const air_rule_ctx *ctx, const char *key);
const air_cpset *air_rule_chars(const air_rule_ctx *ctx, const char *key);
const air_patterns *air_rule_patterns(const air_rule_ctx *ctx,
                                      const char *key);
/* A MAP param's value for 'name', or NULL. */
const char *air_rule_map_get(const air_rule_ctx *ctx, const char *key,
                             const char *name);

/* Shared data outside the rules' own sections. */

/* The numbering profile chosen by `numbering: profile:`. 'levels' are
 * marker templates, outermost first, written as the first marker of the
 * level would look: "1.", "가.", "1)", "(가)", "①", "㉮", or "1-1" for
 * a level that repeats its parent's number. 'bullets' are the bullet
 * characters allowed, outermost first. */
typedef struct air_profile {
    const char *name; /* "seoul", "statutory", or a user profile */
    air_strlist levels;
    air_strlist bullets;
} air_profile;
const air_profile *air_rule_profile(const air_rule_ctx *ctx);

/* Principle 4's shared data (`numbering:` besides the profile: marker
 * templates, bullets, notes, not-markers, parts, headings), compiled;
 * the struct and its parser are in rules/markers.h. */
typedef struct air_numbering air_numbering;
const air_numbering *air_rule_numbering(const air_rule_ctx *ctx);

/* Symbol classes of principle 2 (`symbols:`). A character belongs to the
 * first class, in this order, whose set holds it (as the corpus facts
 * count them). */
typedef enum air_symclass {
    AIR_SYM_NONE = 0,
    AIR_SYM_PRIVATE_USE, /* private-use: Wingdings/Symbol, Hancom PUA */
    AIR_SYM_ARROW,       /* arrows */
    AIR_SYM_REFERENCE,   /* reference-marks: ※ † ‡ § ¶ (not reported) */
    AIR_SYM_ENCLOSED,    /* enclosed-alnum: ① ㉮ (numbering, not reported) */
    AIR_SYM_SHAPE,       /* shapes: □ ■ ○ ● ★ • ... */
    AIR_SYM_EMOJI,       /* emoji and pictographs */
    AIR_SYM_BOX,         /* box-drawing (not reported) */
    AIR_SYM_COUNT
} air_symclass;

typedef struct air_symbols {
    const air_cpset *classes[AIR_SYM_COUNT]; /* [0] unused */
    const air_cpset *allow;        /* never reported by 201-204 */
    const air_cpset *item_markers; /* allowed at the start of an item */
    const air_patterns *ignore;    /* symbols inside a match, other than
                                      at the start of an item, are not
                                      reported by 201-203 */
    const uint8_t *bmp;            /* the class of every code point below
                                      U+10000, from 'classes': one load
                                      instead of a search per class for
                                      each character of every paragraph */
} air_symbols;
const air_symbols *air_rule_symbols(const air_rule_ctx *ctx);

air_symclass air_symbols_classify(const air_symbols *s, uint32_t cp);
/* "private-use", "arrows", ... as in the configuration. */
const char *air_symclass_name(air_symclass c);

/* The symbol classes present in paragraph 'para': bit c set when one of
 * its characters is of class c (UINT32_MAX when out of memory). Found in
 * one pass for every rule that asks about the same paragraph. */
uint32_t air_symbols_present(air_rule_ctx *ctx, const air_node *para);

/* Principle 2, shared by 201-203 (symscan.c): a finding on paragraph
 * 'para' listing each character of class 'cls' with its count, except
 * characters in the allow-list, item markers at the start of an item
 * (the paragraph, a line after a manual break, or after a gap of two
 * spaces or more; leading spaces skipped) and characters inside a match
 * of the ignore patterns. Returns NULL when
 * there is none; else sets *count (occurrences) and appends to 'list' the
 * characters as "→ (U+2192) ×2, ⇒ (U+21D2) ×1" for the rule's message. */
air_finding *air_symbols_scan(air_rule_ctx *ctx, const air_node *para,
                              air_symclass cls, uint32_t *count,
                              air_buf *list);

/* True for the spaces that may precede an item marker: space, tab,
 * U+00A0, U+2000-200B, U+3000. */
bool air_is_space(uint32_t cp);

/* ---- state ----------------------------------------------------------------*/

/* The rule's per-document state ('state_size' bytes, zeroed), or NULL. */
void *air_rule_state(air_rule_ctx *ctx);

/* Zeroed memory living until the end of this document's check; NULL when
 * out of memory (the check then fails with AIR_ENOMEM). */
void *air_rule_alloc(air_rule_ctx *ctx, size_t n);

/* Memory shared by every rule of this document's check that asks with the
 * same 'key' (the address of a static object of the shared analysis):
 * 'size' zeroed bytes on the first call, where *fresh is set true and the
 * caller fills it in; the same block, *fresh false, for every later call.
 * Lets rules that read one analysis (401-403) run it once. NULL
 * when out of memory, as air_rule_alloc(). */
void *air_rule_shared(air_rule_ctx *ctx, const void *key, size_t size,
                      bool *fresh);

/* The document being checked. */
const air_doc *air_rule_doc(const air_rule_ctx *ctx);

/* ---- findings ------------------------------------------------------------ */

/* A new finding of the calling rule about node 'n' (a PARA, TABLE, CELL,
 * ..., or the DOC root for the whole document). Its location is the
 * node's; its snippet and fingerprint come from the node's text. NULL when
 * out of memory or when the document reached the cap of findings. */
air_finding *air_finding_add(air_rule_ctx *ctx, const air_node *n);

/* The byte range [start, end) of the paragraph text the finding is about
 * (n must be a PARA); the snippet is taken around 'start'. */
void air_finding_range(air_finding *f, uint32_t start, uint32_t end);

/* Takes the location from 'where' instead (e.g. the cell holding a nested
 * table); the snippet and fingerprint still come from the finding's
 * node. */
void air_finding_loc(air_finding *f, const air_node *where);

/* The message, in Korean and in English, formatted over the same
 * arguments (both format strings are checked by the compiler). At least
 * one argument: use "%s", "" for none. A language that does not show an
 * argument skips it with "%.0s" (e.g. a Korean and an English list). */
#define air_msg(f, ko, en, ...)                                              \
    ((void)sizeof(printf(en, __VA_ARGS__)),                                  \
     air_finding_msg_((f), ko, en, __VA_ARGS__))
void air_finding_msg_(air_finding *f, const char *ko, const char *en, ...)
    __attribute__((format(printf, 2, 4)));

/* Lowers this finding's severity to 'sev' (never raises it above the
 * rule's configured severity): for a rule whose findings are of two
 * kinds, e.g. a line break after a complete sentence is only info. */
void air_finding_severity(air_finding *f, air_severity sev);

/* How many occurrences the finding stands for (default: the sum of its
 * items' counts, or 1). */
void air_finding_count(air_finding *f, uint32_t count);

/* Replaces the snippet (copied, cut to the bounded length). */
void air_finding_snippet(air_finding *f, const char *s, size_t n);

/* Appends a listed item (copied); returns it for the caller to fill the
 * numeric fields, or NULL when out of memory. */
air_finding_item *air_finding_item_add(air_finding *f, const char *text,
                                       size_t len);
/* Adds one occurrence of code point 'cp' (with 'font' when known): an
 * item per distinct (cp, font), counted. */
void air_finding_char(air_finding *f, uint32_t cp, const char *font);

/* Bounded length of snippets, in code points. */
enum { AIR_SNIPPET_CHARS = 60 };

/* Findings kept per document; more are counted in air_report_dropped(). */
enum { AIR_MAX_FINDINGS = 100000 };

#endif
