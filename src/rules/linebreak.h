/* linebreak.h -- principle 3: the one line-break detector (rules-internal).
 *
 * "문장 중간에 Enter 넣지 않기": a sentence must not be cut by a paragraph
 * break or a manual line break. Rules 301 (mid-sentence-break) and 302
 * (manual-line-break) and the Markdown emitter (emit/join.c) all ask this
 * detector about a break and act on the same answer, so `airead convert`
 * joins exactly what `airead check` reports.
 *
 *   before (the line ending at the break)      after (the line after it)
 *   "각 부서는 매월 사용량을 점검하여"   |   "그 결과를 제출함."
 *                                       -> CONTINUES_SPACE (connective)
 *   "계약"                              |   "상대자가 시험을 의뢰한"
 *                                       -> CONTINUES_NOSPACE (word cut)
 *   "□ 추진 배경"                        |   "ㅇ 누리호 4차 발사를"
 *                                       -> COMPLETE (the next line is an
 *                                          item: a marker starts it)
 *
 * The language lives in data, under `sentences:` of rules/defaults.yaml
 * (item markers, labels, sentence and 개조식 endings, particles and
 * connective endings, noun look-alikes, brackets): the code holds only the
 * order of the questions and the one rule of Korean phonology that decides
 * which particle may follow a syllable (이/을/은 after a final consonant,
 * 가/를/는 after a vowel).
 *
 * Deterministic, linear in the length of the two lines (patterns only see
 * a bounded window at the break), no allocation per call. */
#ifndef AIR_RULES_LINEBREAK_H
#define AIR_RULES_LINEBREAK_H

#include <stdbool.h>
#include <stddef.h>

#include "airead.h"
#include "model/model.h"

typedef struct air_lb air_lb; /* compiled `sentences:` data */

typedef enum air_lb_class {
    AIR_LB_COMPLETE = 0,         /* the break is legitimate: keep it */
    AIR_LB_CONTINUES_SPACE = 1,  /* the sentence goes on: join with a space */
    AIR_LB_CONTINUES_NOSPACE = 2 /* the break cuts a word: join, no space */
} air_lb_class;

/* Why the detector answered as it did; rules name it in their messages. */
typedef enum air_lb_why {
    AIR_LB_WHY_NONE = 0,  /* nothing says the sentence goes on */
    AIR_LB_WHY_EMPTY,     /* one side of the break is empty */
    AIR_LB_WHY_STRUCTURE, /* heading, list item or page break next */
    AIR_LB_WHY_LINE,      /* a date, greeting, closing ... line; code */
    AIR_LB_WHY_TERMINAL,  /* the text before ends a sentence */
    AIR_LB_WHY_ITEM,      /* the next line starts an item or a label */
    AIR_LB_WHY_BRACKET,   /* a bracket or quote is still open */
    AIR_LB_WHY_COMMA,     /* the text before ends with a comma */
    AIR_LB_WHY_JOINER,    /* ~ / & ... : the text before is unfinished */
    AIR_LB_WHY_ENDING,    /* a particle, connective or adnominal ending */
    AIR_LB_WHY_NEXT,      /* the next line can only continue (및, 등을,
                             ~, :, a closing bracket, lower case) */
    AIR_LB_WHY_WORD,      /* a word is cut in two */
    AIR_LB_WHY_PROSE,     /* a long unfinished line runs on */
    AIR_LB_WHY_MARKER,    /* a bullet or box alone, its words next */
    AIR_LB_WHY_CELL,      /* a label in a cell cut before its head noun */
    AIR_LB_WHY_COUNT
} air_lb_why;

/* "ending", "comma", ...: stable names for tests and debugging. */
const char *air_lb_why_name(air_lb_why why);

/* One break. 'before' and 'after' are the text of the two lines as the
 * model holds it (UTF-8, not NUL-terminated, without the break itself).
 * 'prev' and 'next' are the paragraphs holding them (the same paragraph
 * for a manual break); either may be NULL. */
typedef struct air_lb_break {
    const char *before;
    size_t before_len;
    const char *after;
    size_t after_len;
    bool is_line; /* a manual line break, not a paragraph break */
    const air_node *prev;
    const air_node *next;
} air_lb_break;

/* Classifies 'b' with the data 'lb'; sets *why when 'why' is not NULL.
 * A NULL 'lb' keeps every break (AIR_LB_COMPLETE). Thread-safe. */
air_lb_class air_lb_classify(const air_lb *lb, const air_lb_break *b,
                             air_lb_why *why);

/* Whether the paragraph 'next' continues 'prev' as a candidate pair for
 * rule 301 and the Markdown join: both are paragraphs of the same
 * container, adjacent, neither holds a table or text box between them.
 * (The detector then decides.) */
bool air_lb_is_pair(const air_node *prev, const air_node *next);

/* ---- data ---------------------------------------------------------------- */

typedef struct air_rule_ctx air_rule_ctx;
struct air_cv;

/* Compiles the `sentences:` section of the configuration tree 'root' into
 * cfg (config.c calls it while loading). AIR_ECONFIG with FILE:LINE on a
 * bad value. */
air_status air_lb_setup(air_config *cfg, const struct air_cv *root);

/* The detector data for a rule (borrowed from the configuration). */
const air_lb *air_rule_linebreak(const air_rule_ctx *ctx);

/* The detector data of a loaded configuration (borrowed from it). */
const air_lb *air_config_linebreak(const air_config *cfg);

/* The data of the shipped defaults (rules/defaults.yaml from the default
 * data folder), loaded once per process; NULL when they cannot be loaded
 * (then every break is kept). */
const air_lb *air_lb_default(void);

#endif
