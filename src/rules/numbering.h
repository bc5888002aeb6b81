/* numbering.h -- principle 4: the numbering analysis shared by rules 401
 * numbering-sequence, 402 numbering-hierarchy and 403 numbering-style.
 *
 * One pass over the document reads every item marker (typed at the start
 * of a paragraph or of a line, or shown by automatic numbering) in its
 * list context -- the body of a section, each table cell, each text box;
 * a table does not break the body's lists -- and rebuilds the outline as
 * a reader does: a marker of a style already open continues that level
 * (and ends the deeper ones), a new style opens a level below. Then:
 *
 *   sequence  (401) gap, duplicate, wrong order, restart among siblings;
 *   hierarchy (402) a skipped level (automatic levels, 1-1-1 straight
 *             under 1, or the profile's order), a path marker under the
 *             wrong parent (1-1-1 under 2), a profile level above its
 *             parent;
 *   style     (403) one level written in two styles: "1." continued by
 *             "2)", or the children of one kind of item written "가."
 *             in one place and "1)" in another.
 *
 * Not findings: a list's first value, restarts under a new parent, after
 * a heading, a new part ([붙임 1]) or any paragraph or table between the
 * lists, bullets (no sequence), notes (※), automatic values as the reader
 * computed them, markers labelling equations or pictures, and the items of
 * a quoted statute (after "법인세법 제46조 【...】": the law's 항 ① > 호 1.
 * > 목 가., never checked; the outline goes on after the quotation). An
 * item announcing its sub-list ("다음 각 호") is the parent of the items
 * after it whatever their style. Every rule runs the same pass and keeps
 * its own kind. */
#ifndef AIR_RULES_NUMBERING_H
#define AIR_RULES_NUMBERING_H

#include "rules/rule.h"

typedef enum air_numissue {
    AIR_NUM_SEQUENCE = 1,
    AIR_NUM_HIERARCHY,
    AIR_NUM_STYLE
} air_numissue;

/* Analyses 'doc' and adds a finding for every issue of kind 'want'. */
void air_numbering_check(air_rule_ctx *ctx, const air_doc *doc,
                         air_numissue want);

#endif
