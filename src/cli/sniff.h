/* sniff.h -- is a file found in a folder walk worth opening?
 *
 * A share holds spreadsheets, PDFs, images and archives next to the
 * documents; opening each to find out costs time and floods a report.
 * This looks at the first bytes only (at most SNIFF_BYTES): a ZIP package
 * (its first local headers name the parts: HWPX 'mimetype', OOXML
 * 'word/', or nothing decisive), an OLE compound file (HWP 5.0, Word,
 * encrypted OOXML), a DRM wrapper or an HWP 3.0 file is a candidate; the
 * rest (PDF, images, text, a ZIP whose parts are a workbook or a
 * presentation, OpenDocument) is not a document. A candidate is then
 * opened, and the library has the last word (a ZIP that is neither HWPX
 * nor DOCX is "not a document" there). The format itself is never taken
 * from a file name. */
#ifndef AIR_CLI_SNIFF_H
#define AIR_CLI_SNIFF_H

#include <stdbool.h>
#include <stddef.h>

enum { SNIFF_BYTES = 4096 };

/* Whether bytes head[0..n) (the start of a file) may be a document. */
bool sniff_candidate(const unsigned char *head, size_t n);

/* The same for the file at 'path' (false when it cannot be read: the
 * caller treats it as a candidate if it wants the error reported). */
bool sniff_path(const char *path, bool *readable);

#endif
