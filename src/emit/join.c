/* join.c -- the join detector of the Markdown emitter (see join.h).
 *
 * Principle 3: the emitter joins exactly the breaks rules 301 and 302
 * report as mid-sentence, because it asks the same detector
 * (rules/linebreak.c) with the same data and the same candidate pairs:
 * a paragraph break is only a candidate when air_lb_is_pair() says so
 * (rule 301 walks the same pairs), a manual break always is (rule 302
 * reports every one). */
#include "config.h"

#include "emit/join.h"
#include "rules/linebreak.h"

air_join air_join_detect(const air_break *brk, void *user)
{
    const air_config *cfg = user;
    const air_lb *lb = cfg ? air_config_linebreak(cfg) : air_lb_default();
    bool is_line = brk->kind == AIR_BREAK_LINE;
    if (!is_line && !air_lb_is_pair(brk->prev, brk->next))
        return AIR_JOIN_KEEP;
    air_lb_break b = { brk->before, brk->before_len, brk->after,
                       brk->after_len, is_line, brk->prev, brk->next };
    switch (air_lb_classify(lb, &b, NULL)) {
    case AIR_LB_CONTINUES_SPACE:
        return AIR_JOIN_SPACE;
    case AIR_LB_CONTINUES_NOSPACE:
        return AIR_JOIN_NOSPACE;
    default:
        return AIR_JOIN_KEEP;
    }
}
