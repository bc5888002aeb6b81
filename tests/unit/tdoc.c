/* tdoc.c -- see tdoc.h. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>

#include <cmocka.h>

#include "tdoc.h"

air_doc *tdoc_new(air_format fmt)
{
    air_doc *doc = air_doc_new(fmt, "test", 0);
    assert_non_null(doc);
    assert_non_null(air_node_add(doc, doc->root, AIR_NODE_SECTION));
    return doc;
}

air_node *tdoc_section(air_doc *doc)
{
    return doc->root->first;
}

air_node *tdoc_para(air_doc *doc, air_node *parent, const char *text)
{
    air_node *p = air_node_add(doc, parent, AIR_NODE_PARA);
    assert_non_null(p);
    air_pbuild pb = AIR_PBUILD_INIT;
    for (const char *s = text; *s; s++) {
        if (*s == '\n')
            assert_int_equal(air_pb_break(&pb), AIR_OK);
        else
            assert_int_equal(air_pb_text(&pb, s, 1), AIR_OK);
    }
    assert_int_equal(air_pb_finish(&pb, doc, p), AIR_OK);
    air_pb_free(&pb);
    return p;
}

air_node *tdoc_table(air_doc *doc, air_node *parent, unsigned rows)
{
    air_node *t = air_node_add(doc, parent, AIR_NODE_TABLE);
    assert_non_null(t);
    for (unsigned r = 0; r < rows; r++)
        assert_non_null(air_node_add(doc, t, AIR_NODE_ROW));
    return t;
}

air_node *tdoc_cell(air_doc *doc, air_node *table, unsigned row,
                    unsigned col, unsigned rowspan, unsigned colspan)
{
    air_node *r = table->first;
    for (unsigned i = 0; i < row && r; i++)
        r = r->next;
    assert_non_null(r);
    air_node *c = air_node_add(doc, r, AIR_NODE_CELL);
    assert_non_null(c);
    c->u.cell.row = row;
    c->u.cell.col = col;
    c->u.cell.rowspan = rowspan;
    c->u.cell.colspan = colspan;
    return c;
}

air_node *tdoc_grid(air_doc *doc, air_node *parent, unsigned rows,
                    unsigned cols, const char *const *texts)
{
    air_node *t = tdoc_table(doc, parent, rows);
    for (unsigned r = 0; r < rows; r++)
        for (unsigned c = 0; c < cols; c++) {
            air_node *cell = tdoc_cell(doc, t, r, c, 1, 1);
            tdoc_para(doc, cell, texts && texts[r * cols + c]
                                     ? texts[r * cols + c]
                                     : "");
        }
    return t;
}

void tdoc_list(air_node *para, air_list_kind kind, unsigned level,
               air_numfmt fmt, unsigned list_id, int value,
               const char *marker)
{
    air_list *l = &para->u.para.list;
    l->kind = (uint8_t)kind;
    l->level = (uint8_t)level;
    l->fmt = (uint8_t)fmt;
    l->list_id = list_id;
    l->value = value;
    l->marker = marker;
}
