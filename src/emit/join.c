/* join.c -- the default join detector (see join.h).
 *
 * Principle 3: the sentence detector of rules 301/302 belongs here; the
 * emitter already calls this function at every candidate break. Until the
 * detector exists every break is kept, which loses nothing: a manual break
 * stays a Markdown hard break and a paragraph stays a paragraph. */
#include "config.h"

#include "emit/join.h"

air_join air_join_detect(const air_break *brk, void *user)
{
    (void)brk;
    (void)user;
    return AIR_JOIN_KEEP;
}
