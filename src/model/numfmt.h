/* numfmt.h -- rendering a counter value in a numbering format, shared by
 * every reader that computes displayed markers (DOCX lvlText "%1.",
 * HWPX/HWP paraHead "^1."). libc only. */
#ifndef AIR_NUMFMT_H
#define AIR_NUMFMT_H

#include <stddef.h>

#include "model/model.h"

/* Writes 'value' in format 'fmt' to out[0..cap) (NUL-terminated, UTF-8)
 * and returns the length. Values a format cannot show (0 or negative,
 * past the end of a circled series) fall back to decimal, as Word and
 * Hangul do. NONE and BULLET write "". */
size_t air_numfmt_render(char *out, size_t cap, air_numfmt fmt, long value);

#endif
