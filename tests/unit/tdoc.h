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

/* Adds a span [off, off+len) to 'para' (spans must be added in order of
 * 'off'). 'font' is copied; NULL for none. */
void tdoc_span(air_doc *doc, air_node *para, unsigned off, unsigned len,
               unsigned flags, unsigned code, const char *font);

/* Sets metadata field 'f' (the first value set wins). */
void tdoc_meta(air_doc *doc, air_meta_field f, const char *value);

/* A node of any kind under 'parent' (a HEADER, TEXTBOX, ...). */
air_node *tdoc_node(air_doc *doc, air_node *parent, air_node_kind kind);

/* ---- finding nodes (abort the test when absent) ---------------------- */

/* The first paragraph (any story, pre-order) whose text is 'text'. */
const air_node *tdoc_find_para(const air_doc *doc, const char *text);

/* The k-th (0-based, pre-order) node of 'kind'. */
const air_node *tdoc_nth(const air_doc *doc, air_node_kind kind, int k);

/* How many nodes of 'kind' the document has. */
int tdoc_count_kind(const air_doc *doc, air_node_kind kind);

/* ---- checking ---------------------------------------------------------- */

/* The shipped configuration with 'yaml' (may be NULL) laid over it as a
 * user file; data from $AIR_SOURCE_DIR/rules. Aborts the test when it does
 * not load; free with air_config_free(). */
air_config *tdoc_config(const char *yaml);

/* Like tdoc_config() but returns the status and leaves the message in
 * air_last_error(); *out is NULL on failure. */
air_status tdoc_config_try(air_config **out, const char *yaml);

/* Finishes 'doc' (air_doc_finish) and checks it. */
air_report *tdoc_check(air_doc *doc, const air_config *cfg);

/* The Markdown of 'doc' with options 'o' (NULL: the defaults without
 * front matter), as a new string to free(); fails the test on error. */
char *tdoc_markdown(const air_doc *doc, const air_markdown_opts *o);

/* Findings of rule 'id' in 'r', and the i-th of them (NULL past the end). */
size_t tdoc_count(const air_report *r, const char *id);
const air_finding *tdoc_finding(const air_report *r, const char *id,
                                size_t i);

#endif
