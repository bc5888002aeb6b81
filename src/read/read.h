/* read.h -- one reader per format, all building the model of model.h.
 *
 * A reader takes an open, sniffed package and an empty document and fills
 * the document; air_doc_open() (open.c) calls air_doc_finish() after it.
 * On failure it returns the status with the message set, and the caller
 * frees the half-built document. Readers never print. */
#ifndef AIR_READ_H
#define AIR_READ_H

#include "airead.h"
#include "model/model.h"
#include "pkg/pkg.h"

air_status air_read_hwpx(air_doc *doc, air_pkg *pkg);
air_status air_read_docx(air_doc *doc, air_pkg *pkg);
air_status air_read_hwp(air_doc *doc, air_pkg *pkg);

#endif
