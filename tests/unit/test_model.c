/* test_model.c -- src/model: building, finishing (stories, locations),
 * the paragraph builder. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>

#include <cmocka.h>

#include "model/numfmt.h"
#include "tdoc.h"
#include "util/utf8.h"

static void locations_of_body_and_cells(void **state)
{
    (void)state;
    air_doc *d = tdoc_new(AIR_FMT_DOCX);
    air_node *sec = tdoc_section(d);
    air_node *p1 = tdoc_para(d, sec, "one");
    const char *texts[] = { "a", "b", "c", "d" };
    air_node *t = tdoc_grid(d, sec, 2, 2, texts);
    air_node *p2 = tdoc_para(d, sec, "two");
    air_doc_finish(d);

    assert_int_equal(p1->loc.section, 1);
    assert_int_equal(p1->loc.para, 1);
    assert_int_equal(p2->loc.para, 2);
    assert_int_equal(t->loc.table, 1);
    assert_int_equal(t->u.table.rows, 2);
    assert_int_equal(t->u.table.cols, 2);
    /* cell (1,0) holds "c": table 1, row 2, column 1, paragraph 1 */
    const air_node *c = air_table_cell_at(t, 1, 0);
    assert_non_null(c);
    const air_node *cp = c->first;
    assert_string_equal(cp->u.para.text, "c");
    assert_int_equal(cp->loc.table, 1);
    assert_int_equal(cp->loc.row, 2);
    assert_int_equal(cp->loc.col, 1);
    assert_int_equal(cp->loc.para, 1);
    assert_int_equal(cp->depth, 1);
    assert_int_equal(d->nparas, 6);
    assert_int_equal(p2->seq, 5);
    air_doc_free(d);
}

static void nested_table_depth_and_numbering(void **state)
{
    (void)state;
    air_doc *d = tdoc_new(AIR_FMT_HWPX);
    air_node *sec = tdoc_section(d);
    air_node *outer = tdoc_table(d, sec, 1);
    air_node *cell = tdoc_cell(d, outer, 0, 0, 1, 2);
    air_node *inner = tdoc_grid(d, cell, 1, 1, NULL);
    air_node *after = tdoc_table(d, sec, 1);
    tdoc_cell(d, after, 0, 0, 1, 1);
    air_doc_finish(d);
    assert_int_equal(outer->seq, 0);
    assert_int_equal(inner->seq, 1);
    assert_int_equal(after->seq, 2);
    assert_int_equal(inner->depth, 1);
    assert_int_equal(outer->depth, 0);
    assert_int_equal(outer->u.table.nmerges, 1);
    assert_int_equal(inner->first->first->first->depth, 2);
    assert_int_equal(d->ntables, 3);
    air_doc_free(d);
}

static void stories_of_other_containers(void **state)
{
    (void)state;
    air_doc *d = tdoc_new(AIR_FMT_DOCX);
    air_node *sec = tdoc_section(d);
    air_node *hdr = air_node_add(d, sec, AIR_NODE_HEADER);
    air_node *hp = tdoc_para(d, hdr, "header");
    air_node *body = tdoc_para(d, sec, "body");
    air_node *tb = air_node_add(d, body, AIR_NODE_TEXTBOX);
    air_node *tbp = tdoc_para(d, tb, "box");
    air_node *fn = air_node_add(d, body, AIR_NODE_FOOTNOTE);
    air_node *fnp = tdoc_para(d, fn, "note");
    air_doc_finish(d);
    assert_int_equal(hp->story, AIR_STORY_HEADER);
    assert_int_equal(body->story, AIR_STORY_MAIN);
    assert_int_equal(tbp->story, AIR_STORY_TEXTBOX);
    assert_int_equal(fnp->story, AIR_STORY_FOOTNOTE);
    assert_int_equal(tbp->loc.para, 1);
    assert_int_equal(body->loc.para, 1);
    assert_int_equal(d->nparas, 1);
    air_doc_free(d);
}

static void pbuild_maps_controls_and_counts(void **state)
{
    (void)state;
    air_doc *d = tdoc_new(AIR_FMT_DOCX);
    air_node *p = air_node_add(d, tdoc_section(d), AIR_NODE_PARA);
    air_pbuild pb = AIR_PBUILD_INIT;
    assert_int_equal(air_pb_text(&pb, "a\rb\x01", 4), AIR_OK);
    assert_int_equal(air_pb_break(&pb), AIR_OK);
    assert_int_equal(air_pb_tab(&pb), AIR_OK);
    size_t si;
    assert_int_equal(air_pb_span_begin(&pb, AIR_SPAN_SYM, 0xF0E0,
                                       "Wingdings", NULL, &si), AIR_OK);
    assert_int_equal(air_pb_char(&pb, 0xF0E0), AIR_OK);
    air_pb_span_end(&pb, si);
    assert_int_equal(air_pb_text(&pb, "\xFF", 1), AIR_OK);
    assert_int_equal(air_pb_finish(&pb, d, p), AIR_OK);
    air_pb_free(&pb);
    const air_para *pa = &p->u.para;
    assert_string_equal(pa->text, "a b \n\t\xEF\x83\xA0\xEF\xBF\xBD");
    assert_int_equal(pa->nbreaks, 1);
    assert_int_equal(pa->ntabs, 1);
    assert_int_equal(pa->nspans, 1);
    assert_int_equal(pa->spans[0].off, 6);
    assert_int_equal(pa->spans[0].len, 3);
    assert_string_equal(pa->spans[0].font, "Wingdings");
    air_doc_free(d);
}

static void node_limit_is_enforced(void **state)
{
    (void)state;
    air_doc *d = air_doc_new(AIR_FMT_DOCX, "x", 3);
    assert_non_null(d); /* root is node 1 */
    air_node *s = air_node_add(d, d->root, AIR_NODE_SECTION);
    assert_non_null(air_node_add(d, s, AIR_NODE_PARA));
    assert_null(air_node_add(d, s, AIR_NODE_PARA));
    assert_non_null(strstr(air_last_error(), "limit"));
    air_doc_free(d);
}

static void meta_first_value_wins(void **state)
{
    (void)state;
    air_doc *d = tdoc_new(AIR_FMT_HWPX);
    assert_int_equal(air_doc_set_meta(d, AIR_META_TITLE, "A", 1), AIR_OK);
    assert_int_equal(air_doc_set_meta(d, AIR_META_TITLE, "B", 1), AIR_OK);
    assert_string_equal(d->meta.field[AIR_META_TITLE], "A");
    assert_null(d->meta.field[AIR_META_SUBJECT]);
    assert_int_equal(air_doc_add_meta_extra(d, "app:Company", "x", 1),
                     AIR_OK);
    assert_int_equal(air_doc_add_meta_extra(d, "app:Company", "y", 1),
                     AIR_OK);
    assert_string_equal(d->meta.extra->value, "y");
    assert_null(d->meta.extra->next);
    air_doc_free(d);
}

/* The rules match metadata with PCRE2 in UTF mode: an invalid byte from
 * a reader once crashed the placeholder rule (found by fuzz_markdown). */
static void meta_values_are_valid_utf8(void **state)
{
    (void)state;
    air_doc *d = tdoc_new(AIR_FMT_HWP);
    assert_int_equal(air_doc_set_meta(d, AIR_META_TITLE, "a\xff\xed" "b", 4),
                     AIR_OK);
    assert_string_equal(d->meta.field[AIR_META_TITLE],
                        "a\xef\xbf\xbd\xef\xbf\xbd" "b");
    assert_int_equal(air_doc_set_meta(d, AIR_META_SUBJECT, "x\0y", 3),
                     AIR_OK);
    assert_string_equal(d->meta.field[AIR_META_SUBJECT], "x");
    assert_int_equal(air_doc_add_meta_extra(d, "k\xc0", "\xe0\x80", 2),
                     AIR_OK);
    assert_string_equal(d->meta.extra->key, "k" "\xef\xbf\xbd");
    assert_int_equal(air_utf8_is_valid(d->meta.extra->value,
                                       strlen(d->meta.extra->value)), 1);
    air_doc_free(d);
}

static void numfmt_series(void **state)
{
    (void)state;
    char b[64];
    static const struct { air_numfmt f; long v; const char *want; } cases[] = {
        { AIR_NUMFMT_DECIMAL, 12, "12" },
        { AIR_NUMFMT_DECIMAL_ZERO, 3, "03" },
        { AIR_NUMFMT_UPPER_ROMAN, 14, "XIV" },
        { AIR_NUMFMT_LOWER_ROMAN, 9, "ix" },
        { AIR_NUMFMT_LOWER_LETTER, 28, "bb" },
        { AIR_NUMFMT_HANGUL_SYLLABLE, 1, "가" },
        { AIR_NUMFMT_HANGUL_SYLLABLE, 14, "하" },
        { AIR_NUMFMT_HANGUL_JAMO, 3, "ㄷ" },
        { AIR_NUMFMT_CIRCLED_DECIMAL, 1, "①" },
        { AIR_NUMFMT_CIRCLED_DECIMAL, 21, "㉑" },
        { AIR_NUMFMT_CIRCLED_DECIMAL, 51, "51" },
        { AIR_NUMFMT_CIRCLED_HANGUL_SYLLABLE, 2, "㉯" },
        { AIR_NUMFMT_CIRCLED_HANGUL_JAMO, 1, "㉠" },
        { AIR_NUMFMT_IDEOGRAPH, 3, "三" },
        { AIR_NUMFMT_HANGUL_DIGIT, 2, "이" },
        { AIR_NUMFMT_BULLET, 1, "" },
        { AIR_NUMFMT_HANGUL_SYLLABLE, 0, "0" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        air_numfmt_render(b, sizeof b, cases[i].f, cases[i].v);
        assert_string_equal(b, cases[i].want);
    }
}

static void prepend_puts_node_first(void **state)
{
    (void)state;
    air_doc *d = tdoc_new(AIR_FMT_DOCX);
    air_node *sec = tdoc_section(d);
    air_node *p1 = tdoc_para(d, sec, "body");
    air_node *h = air_node_add(d, NULL, AIR_NODE_HEADER);
    assert_non_null(h);
    tdoc_para(d, h, "header");
    air_node_prepend(sec, h);
    assert_ptr_equal(sec->first, h);
    assert_ptr_equal(h->next, p1);
    assert_ptr_equal(p1->prev, h);
    assert_ptr_equal(sec->last, p1);
    air_doc_finish(d);
    assert_int_equal(h->first->story, AIR_STORY_HEADER);
    assert_int_equal(p1->loc.para, 1);
    air_doc_free(d);
}

static void insert_before_keeps_both_neighbours(void **state)
{
    (void)state;
    air_doc *d = tdoc_new(AIR_FMT_HWPX);
    air_node *sec = tdoc_section(d);
    air_node *p1 = tdoc_para(d, sec, "one");
    air_node *p2 = tdoc_para(d, sec, "two");
    air_node *h = air_node_add(d, NULL, AIR_NODE_HEADER);
    air_node *f = air_node_add(d, NULL, AIR_NODE_FOOTER);
    assert_non_null(h);
    assert_non_null(f);
    air_node_insert_before(p2, h); /* between two siblings */
    air_node_insert_before(p1, f); /* first of its parent */
    assert_ptr_equal(sec->first, f);
    assert_ptr_equal(f->next, p1);
    assert_ptr_equal(p1->next, h);
    assert_ptr_equal(h->next, p2);
    assert_ptr_equal(p2->prev, h);
    assert_ptr_equal(h->parent, sec);
    assert_ptr_equal(sec->last, p2);
    air_doc_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(locations_of_body_and_cells),
        cmocka_unit_test(nested_table_depth_and_numbering),
        cmocka_unit_test(stories_of_other_containers),
        cmocka_unit_test(pbuild_maps_controls_and_counts),
        cmocka_unit_test(node_limit_is_enforced),
        cmocka_unit_test(meta_first_value_wins),
        cmocka_unit_test(meta_values_are_valid_utf8),
        cmocka_unit_test(numfmt_series),
        cmocka_unit_test(prepend_puts_node_first),
        cmocka_unit_test(insert_before_keeps_both_neighbours),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
