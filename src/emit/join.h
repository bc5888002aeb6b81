/* join.h -- the hook that decides whether a line or paragraph break in
 * the middle of a sentence is joined in the Markdown (principle 3).
 *
 * The Markdown emitter asks at every manual line break inside a paragraph
 * and at every boundary between two paragraphs of the same container (the
 * body, a cell, a text box, a note) that could continue one another: the
 * next paragraph is not a heading or a list item, neither is empty, and
 * no table or text box sits between them. It passes the text on both
 * sides of the break, as the model holds it (UTF-8, not escaped, not
 * NUL-terminated), and the paragraphs, so a detector may look at styles
 * or list markers too:
 *
 *   "각 부서는 매월 에너지 사용량을 점검하여" | "그 결과를 총무과에 제출함."
 *        before (the line ending at the break)   after (the line starting
 *                                                 after it)
 *
 * and the detector answers KEEP (a manual break stays a line break, a
 * paragraph stays a paragraph), JOIN_SPACE (one space: the sentence goes
 * on) or JOIN_NOSPACE (no space: the break splits a word, "개" | "선").
 *
 * air_join_detect() asks the detector rules 301 (mid-sentence-break) and
 * 302 (manual-line-break) share (rules/linebreak.h), so the Markdown joins
 * what they report. Tests pass their own function through air_md_hooks
 * (md.h). */
#ifndef AIR_EMIT_JOIN_H
#define AIR_EMIT_JOIN_H

#include <stddef.h>

#include "model/model.h"

typedef enum air_join {
    AIR_JOIN_KEEP = 0,   /* keep the break */
    AIR_JOIN_SPACE = 1,  /* join with one space */
    AIR_JOIN_NOSPACE = 2 /* join without a space: the break splits a word */
} air_join;

typedef enum air_break_kind {
    AIR_BREAK_PARA = 0, /* between paragraph 'prev' and paragraph 'next' */
    AIR_BREAK_LINE = 1  /* a manual line break inside 'prev' (== 'next') */
} air_break_kind;

typedef struct air_break {
    air_break_kind kind;
    const char *before;   /* the line ending at the break ... */
    size_t before_len;    /* ... in bytes (may be 0) */
    const char *after;    /* the line starting after the break ... */
    size_t after_len;     /* ... in bytes (may be 0) */
    const air_node *prev; /* the paragraph holding 'before' */
    const air_node *next; /* the paragraph holding 'after' */
} air_break;

/* A detector: 'user' is passed through unchanged. It must not keep the
 * pointers of 'brk' past the call. */
typedef air_join (*air_join_fn)(const air_break *brk, void *user);

/* The shared detector. 'user' is the air_config whose `sentences:` data
 * to use, or NULL for the shipped defaults. */
air_join air_join_detect(const air_break *brk, void *user);

#endif
