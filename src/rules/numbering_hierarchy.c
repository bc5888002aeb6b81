/* numbering_hierarchy.c -- 402, principle 4: a skipped level, or a child marker that does not belong under its parent.
 * An AI reader rebuilds a document's outline from its item markers; when
 * they break, it attaches items to the wrong heading or loses them. The
 * analysis is shared by 401-403 (numbering.c); this rule keeps its own
 * kind of issue. Catalogue page: rules/numbering-hierarchy.md */
#include "config.h"

#include "rules/numbering.h"

static void on_end(air_rule_ctx *ctx, const air_doc *doc)
{
    air_numbering_check(ctx, doc, AIR_NUM_HIERARCHY);
}

const air_rule air_rule_numbering_hierarchy = {
    .id = "numbering-hierarchy",
    .number = 402,
    .principle = 4,
    .severity = AIR_SEV_WARNING,
    .on_end = on_end,
};
