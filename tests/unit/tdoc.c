/* tdoc.c -- see tdoc.h. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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
    /* Runs between breaks go in whole: UTF-8 must not be cut. */
    for (const char *s = text; *s;) {
        if (*s == '\n') {
            assert_int_equal(air_pb_break(&pb), AIR_OK);
            s++;
            continue;
        }
        size_t n = strcspn(s, "\n");
        assert_int_equal(air_pb_text(&pb, s, n), AIR_OK);
        s += n;
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

void tdoc_span(air_doc *doc, air_node *para, unsigned off, unsigned len,
               unsigned flags, unsigned code, const char *font)
{
    air_para *p = &para->u.para;
    air_span *v = air_arena_alloc(&doc->arena, (p->nspans + 1) * sizeof *v);
    assert_non_null(v);
    if (p->nspans)
        memcpy(v, p->spans, p->nspans * sizeof *v);
    air_span *sp = &v[p->nspans];
    sp->off = off;
    sp->len = len;
    sp->flags = flags;
    sp->code = code;
    sp->font = font ? air_doc_strdup(doc, font) : NULL;
    p->spans = v;
    p->nspans++;
}

void tdoc_meta(air_doc *doc, air_meta_field f, const char *value)
{
    assert_int_equal(air_doc_set_meta(doc, f, value, strlen(value)), AIR_OK);
}

air_node *tdoc_node(air_doc *doc, air_node *parent, air_node_kind kind)
{
    air_node *n = air_node_add(doc, parent, kind);
    assert_non_null(n);
    return n;
}

const air_node *tdoc_find_para(const air_doc *doc, const char *text)
{
    for (const air_node *n = doc->root; n;
         n = air_node_next_preorder(n, doc->root))
        if (n->kind == AIR_NODE_PARA && strcmp(n->u.para.text, text) == 0)
            return n;
    fail_msg("no paragraph \"%s\"", text);
    return NULL;
}

const air_node *tdoc_nth(const air_doc *doc, air_node_kind kind, int k)
{
    int left = k;
    for (const air_node *n = doc->root; n;
         n = air_node_next_preorder(n, doc->root))
        if (n->kind == kind && left-- == 0)
            return n;
    fail_msg("no %s number %d", air_node_kind_name(kind), k);
    return NULL;
}

int tdoc_count_kind(const air_doc *doc, air_node_kind kind)
{
    int c = 0;
    for (const air_node *n = doc->root; n;
         n = air_node_next_preorder(n, doc->root))
        c += n->kind == kind;
    return c;
}

air_status tdoc_config_try(air_config **out, const char *yaml)
{
    const char *src = getenv("AIR_SOURCE_DIR");
    assert_non_null(src);
    char datadir[4096];
    snprintf(datadir, sizeof datadir, "%s/rules", src);
    air_config_opts opts = AIR_CONFIG_OPTS_INIT;
    opts.datadir = datadir;
    char path[] = "/tmp/airead-test-XXXXXX";
    if (yaml) {
        int fd = mkstemp(path);
        assert_true(fd >= 0);
        size_t n = strlen(yaml);
        assert_int_equal(write(fd, yaml, n), (ssize_t)n);
        close(fd);
        opts.file = path;
    }
    air_status st = air_config_load(out, &opts);
    if (yaml)
        unlink(path);
    return st;
}

air_config *tdoc_config(const char *yaml)
{
    air_config *cfg = NULL;
    air_status st = tdoc_config_try(&cfg, yaml);
    if (st != AIR_OK)
        fail_msg("configuration: %s", air_last_error());
    return cfg;
}

air_report *tdoc_check(air_doc *doc, const air_config *cfg)
{
    air_doc_finish(doc);
    air_report *r = NULL;
    assert_int_equal(air_check(&r, doc, cfg), AIR_OK);
    assert_non_null(r);
    return r;
}

size_t tdoc_count(const air_report *r, const char *id)
{
    size_t n = 0;
    for (size_t i = 0; i < air_report_count(r); i++)
        if (strcmp(air_report_finding(r, i)->rule->id, id) == 0)
            n++;
    return n;
}

const air_finding *tdoc_finding(const air_report *r, const char *id,
                                size_t i)
{
    for (size_t k = 0; k < air_report_count(r); k++) {
        const air_finding *f = air_report_finding(r, k);
        if (strcmp(f->rule->id, id) == 0 && i-- == 0)
            return f;
    }
    return NULL;
}

char *tdoc_markdown(const air_doc *doc, const air_markdown_opts *o)
{
    air_markdown_opts plain = AIR_MARKDOWN_OPTS_INIT;
    plain.front_matter = 0;
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    assert_int_equal(air_convert_markdown(doc, o ? o : &plain, f), AIR_OK);
    assert_int_equal(fclose(f), 0);
    return buf;
}
