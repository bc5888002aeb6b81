/* baseline.h -- accepting a share's existing findings (--baseline FILE,
 * --write-baseline FILE).
 *
 * A baseline lists findings by file path and content fingerprint (the
 * finding's "fingerprint": a hash of the rule and the content it is about,
 * never its position), so that an edit elsewhere in a document keeps its
 * old findings accepted and only new ones count. The file is text, one
 * finding per line, in run order, easy to review and to keep in version
 * control:
 *
 *   # airead baseline 1
 *   0123456789abcdef<TAB>merged-cells<TAB>reports/2024/a.hwpx
 *
 * (a tab, a newline or a backslash in a path is written \t, \n, \\). Paths
 * are as the run names them, so a baseline applies to runs over the same
 * operands. An entry "no longer occurs" when its file was checked and
 * has no such finding any more, or when its file is gone. */
#ifndef AIR_CLI_BASELINE_H
#define AIR_CLI_BASELINE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "airead.h"

typedef struct baseline baseline;

/* Reads FILE. NULL after printing one line about the problem. */
baseline *baseline_load(const char *file);

/* Leaves out of 'r' the findings of 'path' the baseline holds and marks
 * the file checked; returns how many were left out. Call it only for
 * files that were read (an unreadable file keeps its entries). */
uint64_t baseline_apply(baseline *b, const char *path, air_report *r);

/* Calls 'fn' for each entry that no longer occurs (see above), in file
 * order; returns their number. */
uint64_t baseline_gone(baseline *b,
                       void (*fn)(void *ctx, const char *path,
                                  const char *rule, const char *fp),
                       void *ctx);

void baseline_free(baseline *b);

/* Writing: the header, then one line per finding of each result. */
void baseline_write_header(FILE *out);
void baseline_write(FILE *out, const char *path, const air_report *r);

#endif
