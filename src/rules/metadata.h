/* metadata.h -- what 501 and 502 share: reading a metadata field by the
 * name the configuration uses. */
#ifndef AIR_RULES_METADATA_H
#define AIR_RULES_METADATA_H

#include "rules/rule.h"

/* The raw value of field 'name': one of the nine standard fields
 * ("title", "creator", "subject", "description", "keywords", "created",
 * "modified", "lastModifiedBy", "language") or an extra key as the reader
 * stores it ("app:Company", "custom:부서", "meta:date"). NULL when absent. */
const char *air_meta_value(const air_doc *doc, const char *name);

/* s[0..*n) without leading and trailing spaces (air_is_space, newlines);
 * returns the new start and sets *n. */
const char *air_meta_trim(const char *s, size_t *n);

#endif
