/* data.h -- building the typed data of rule.h from configuration values
 * (engine-private). */
#ifndef AIR_RULES_DATA_H
#define AIR_RULES_DATA_H

#include "rules/cv.h"
#include "rules/rule.h"

/* A set from a SEQ of scalars ("→", "U+2190", "U+2190-21FF"); the set
 * lives in 'a'. AIR_ECONFIG with FILE:LINE on a bad entry. */
air_status air_cpset_build(air_cpset **out, air_arena *a, const air_cv *list);

/* The union of 'base' (may be NULL) and the code points cps[0..ncps). */
air_status air_cpset_union(air_cpset **out, air_arena *a,
                           const air_cpset *base, const uint32_t *cps,
                           size_t ncps);

/* Sets table[cp] = value for every code point cp < n of 'set'. */
void air_cpset_fill(const air_cpset *set, uint8_t *table, size_t n,
                    uint8_t value);

/* Compiled patterns from a SEQ of scalars. The list is also linked into
 * '*owned' so that air_patterns_free_all() frees the compiled code. */
air_status air_patterns_build(air_patterns **out, air_arena *a,
                              const air_cv *list, air_patterns **owned);
void air_patterns_free_all(air_patterns *owned);

#endif
