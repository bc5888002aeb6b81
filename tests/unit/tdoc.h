/* tdoc.h -- build document models in C for unit tests (no ZIP, no XML).
 * Every function aborts the test on failure, so tests stay short. */
#ifndef AIR_TDOC_H
#define AIR_TDOC_H

#include "model/model.h"

/* A new document with one section; free with air_doc_free(). */
air_doc *tdoc_new(air_format fmt);

/* The first section of 'doc'. */
air_node *tdoc_section(air_doc *doc);

/* A paragraph under 'parent' with 'text' ('\n' = manual break, '\t' = tab). */
air_node *tdoc_para(air_doc *doc, air_node *parent, const char *text);

/* A table under 'parent' (a section, a cell or a paragraph) with 'rows'
 * empty rows; add cells with tdoc_cell. */
air_node *tdoc_table(air_doc *doc, air_node *parent, unsigned rows);

/* A cell in row 'row' (0-based) of 'table' at column 'col' with spans. */
air_node *tdoc_cell(air_doc *doc, air_node *table, unsigned row,
                    unsigned col, unsigned rowspan, unsigned colspan);

/* A rows x cols table without merges, cell (r, c) holding texts[r*cols+c]
 * (NULL texts: empty cells). */
air_node *tdoc_grid(air_doc *doc, air_node *parent, unsigned rows,
                    unsigned cols, const char *const *texts);

/* Sets the automatic numbering of paragraph 'para'. */
void tdoc_list(air_node *para, air_list_kind kind, unsigned level,
               air_numfmt fmt, unsigned list_id, int value,
               const char *marker);

#endif
