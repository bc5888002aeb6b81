/* lbreport.h -- principle 3: findings of rules 301 and 302 (rules-only). */
#ifndef AIR_RULES_LBREPORT_H
#define AIR_RULES_LBREPORT_H

#include "rules/linebreak.h"
#include "rules/rule.h"

/* Sets the snippet of 'f' to both sides of a break, "…시민의⏎안전을…":
 * the end of 'before' and the start of 'after', each cut to a couple of
 * dozen characters. NULL-safe. */
void air_lb_snippet(air_finding *f, const char *before, size_t blen,
                    const char *after, size_t alen);

/* Why the sentence goes on, in words of 'lang' ("" for a reason that does
 * not say so). Static strings. */
const char *air_lb_reason(air_lb_why why, air_lang lang);

#endif
