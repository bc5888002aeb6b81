/* error.h -- the per-thread last error message.
 *
 * air_error() records a one-line message about the input and returns the
 * status, so a failing path reads `return air_error(AIR_EFORMAT, ...)`. */
#ifndef AIR_ERROR_H
#define AIR_ERROR_H

#include "airead.h"

air_status air_error(air_status st, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Prefixes the current message with "prefix: " (e.g. a part name). */
void air_error_prefix(const char *prefix);

void air_error_clear(void);

#endif
