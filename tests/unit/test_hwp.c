/* test_hwp.c -- src/read/hwp*.c and the OLE side of src/pkg: the HWP 5.0
 * reader on small compound files written at build time by
 * tests/tools/mkhwp.py (what each holds is listed there). */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "model/model.h"
#include "tdoc.h"

/* ---- helpers ------------------------------------------------------------ */

static void fixture_path(char *out, size_t cap, const char *name)
{
    const char *dir = getenv("AIR_FIXTURES");
    assert_non_null(dir);
    snprintf(out, cap, "%s/%s.hwp", dir, name);
}

static air_status open_opts(air_doc **out, const char *name,
                            const air_open_opts *opts)
{
    char path[1024];
    fixture_path(path, sizeof path, name);
    return air_doc_open(out, path, opts);
}

static air_doc *open_fixture(const char *name)
{
    air_doc *d = NULL;
    air_status rc = open_opts(&d, name, NULL);
    if (rc != AIR_OK)
        fail_msg("%s: %s", name, air_last_error());
    return d;
}

static int setup(void **state)
{
    *state = open_fixture("hwp-all");
    return 0;
}

static int teardown(void **state)
{
    air_doc_free(*state);
    return 0;
}

/* Opening 'name' fails with 'want' and a one-line message naming
 * 'words'. */
static void refused(const char *name, air_status want, const char *words)
{
    air_doc *d = NULL;
    air_status rc = open_opts(&d, name, NULL);
    assert_null(d);
    assert_int_equal(rc, want);
    const char *msg = air_last_error();
    assert_non_null(strstr(msg, words));
    assert_null(strchr(msg, '\n'));
}

/* ---- tests ------------------------------------------------------------------
 */

static void metadata_from_the_summary(void **state)
{
    air_doc *d = *state;
    assert_int_equal(air_doc_format(d), AIR_FMT_HWP);
    const char *const *m = d->meta.field;
    assert_string_equal(m[AIR_META_TITLE], "시험 문서");
    assert_string_equal(m[AIR_META_SUBJECT], "주제");
    assert_string_equal(m[AIR_META_CREATOR], "작성자");
    assert_string_equal(m[AIR_META_KEYWORDS], "키워드");
    /* CR LF as an XML parser gives it in the HWPX twin */
    assert_string_equal(m[AIR_META_DESCRIPTION], "설명\n둘째 줄");
    assert_string_equal(m[AIR_META_LAST_MODIFIED_BY], "수정자");
    assert_string_equal(m[AIR_META_CREATED], "2024-01-02T03:04:05Z");
    assert_string_equal(m[AIR_META_MODIFIED], "2024-02-03T04:05:06Z");
    assert_null(m[AIR_META_LANGUAGE]);
    assert_non_null(d->meta.extra);
    assert_string_equal(d->meta.extra->key, "meta:date");
    assert_string_equal(d->generator, "HWP 5.1.0.0");
}

static void text_controls(void **state)
{
    air_doc *d = *state;
    /* line break, tab, non-breaking and fixed-width spaces, hyphen, and a
     * surrogate pair; inline and extended controls leave nothing */
    const air_node *p =
        tdoc_find_para(d, "첫 줄\n둘째 줄\t탭 뒤\xC2\xA0\xE3\x80\x80"
                          "끝-말\xF0\x9F\x98\x80");
    assert_int_equal(p->u.para.nbreaks, 1);
    assert_int_equal(p->u.para.ntabs, 1);
    /* a record of more than 4095 bytes (extended size word) */
    const air_node *l = tdoc_find_para(d, "추진 계획")->next;
    assert_int_equal(l->u.para.len, 2100 * 3);
    assert_memory_equal(l->u.para.text, "가가", 6);
    /* the section definition and master page are not text */
    assert_string_equal(tdoc_nth(d, AIR_NODE_PARA, 0)->u.para.text,
                        "시험 문서");
    for (const air_node *n = d->root; n; n = air_node_next_preorder(n, d->root))
        if (n->kind == AIR_NODE_PARA)
            assert_null(strstr(n->u.para.text, "바탕쪽"));
}

static void outline_numbering_and_bullets(void **state)
{
    air_doc *d = *state;
    const air_node *a = tdoc_find_para(d, "추진 배경");
    assert_int_equal(a->u.para.list.kind, AIR_LIST_OUTLINE);
    assert_int_equal(a->u.para.outline_level, 0);
    assert_int_equal(a->u.para.heading, 1);
    assert_string_equal(a->u.para.list.marker, "1.");
    assert_string_equal(a->u.para.style_name, "개요 1");
    const air_node *b = tdoc_find_para(d, "세부 내용");
    assert_int_equal(b->u.para.list.level, 1);
    assert_int_equal(b->u.para.list.fmt, AIR_NUMFMT_HANGUL_SYLLABLE);
    assert_string_equal(b->u.para.list.marker, "가.");
    /* outline counting goes on after other paragraphs */
    assert_string_equal(tdoc_find_para(d, "추진 계획")->u.para.list.marker,
                        "2.");
    const air_node *n = tdoc_find_para(d, "번호 문단");
    assert_int_equal(n->u.para.list.kind, AIR_LIST_NUMBER);
    assert_int_equal(n->u.para.list.list_id, 1);
    assert_string_equal(n->u.para.list.marker, "1.");
    const air_node *g = tdoc_find_para(d, "글머리 문단");
    assert_int_equal(g->u.para.list.kind, AIR_LIST_BULLET);
    assert_string_equal(g->u.para.list.marker, "\xE2\x96\xA1"); /* □ */
    const air_node *last = tdoc_find_para(d, "마지막 쪽");
    assert_true(last->u.para.flags & AIR_PARA_PAGE_BREAK);
    assert_int_equal(last->u.para.align, AIR_ALIGN_CENTER);
}

static void symbol_font_span(void **state)
{
    air_doc *d = *state;
    const air_node *p = tdoc_find_para(d, "기호 \xEF\x83\xA0 끝");
    assert_int_equal(p->u.para.nspans, 1);
    const air_span *s = &p->u.para.spans[0];
    assert_true(s->flags & AIR_SPAN_SYMFONT);
    assert_int_equal(s->off, 7);
    assert_int_equal(s->len, 3);
    assert_string_equal(s->font, "Wingdings");
}

static void tables_merges_nesting_and_caption(void **state)
{
    air_doc *d = *state;
    const air_node *host = tdoc_find_para(d, "앞  뒤");
    const air_node *t = tdoc_nth(d, AIR_NODE_TABLE, 0);
    assert_ptr_equal(t->parent, host);
    assert_int_equal(t->anchor, 4);
    assert_int_equal(t->u.table.rows, 2);
    assert_int_equal(t->u.table.cols, 2);
    assert_int_equal(t->u.table.nmerges, 1);
    const air_node *c = air_table_cell_at(t, 0, 1);
    assert_non_null(c);
    assert_int_equal(c->u.cell.colspan, 2);
    assert_true(c->u.cell.flags & AIR_CELL_HEADER);
    assert_false(air_table_cell_at(t, 1, 0)->u.cell.flags & AIR_CELL_HEADER);
    assert_string_equal(c->first->u.para.text, "병합");
    const air_node *inner = tdoc_nth(d, AIR_NODE_TABLE, 1);
    assert_int_equal(inner->depth, 1);
    assert_non_null(air_node_ancestor(inner, AIR_NODE_CELL));
    assert_string_equal(inner->first->first->first->u.para.text, "안쪽");
    const air_node *cap = tdoc_nth(d, AIR_NODE_CAPTION, 0);
    assert_ptr_equal(cap->parent, host);
    assert_string_equal(cap->first->u.para.text, "표 제목");
    assert_int_equal(cap->first->story, AIR_STORY_CAPTION);
}

static void shapes_notes_headers_fields(void **state)
{
    air_doc *d = *state;
    const air_node *box = tdoc_nth(d, AIR_NODE_TEXTBOX, 0);
    assert_string_equal(box->parent->u.para.text, "도형");
    assert_int_equal(box->anchor, 0);
    assert_string_equal(box->first->u.para.text, "글상자 내용");
    const air_node *img = tdoc_nth(d, AIR_NODE_IMAGE, 0);
    assert_int_equal(img->anchor, 6);
    assert_string_equal(img->u.image.alt, "그림 설명");
    assert_string_equal(img->u.image.target, "BinData/BIN0001.png");
    const air_node *fn = tdoc_nth(d, AIR_NODE_FOOTNOTE, 0);
    assert_string_equal(fn->parent->u.para.text, "본문");
    assert_string_equal(fn->first->u.para.text, "각주 내용");
    const air_node *hd = tdoc_nth(d, AIR_NODE_HEADER, 0);
    assert_int_equal(hd->parent->kind, AIR_NODE_SECTION);
    assert_string_equal(hd->next->u.para.text, "본문");
    assert_string_equal(hd->first->u.para.text, "머리말 글");
    assert_int_equal(hd->first->story, AIR_STORY_HEADER);
    /* a hyperlink keeps its text and URL; dutmal gives its main text */
    const air_node *f = tdoc_find_para(d, "링크: 여기 수식 본말!");
    assert_int_equal(f->u.para.nspans, 1);
    assert_true(f->u.para.spans[0].flags & AIR_SPAN_LINK);
    assert_string_equal(f->u.para.spans[0].target, "https://example.com/a");
    assert_int_equal(f->u.para.spans[0].off, 8);
    assert_int_equal(f->u.para.spans[0].len, 6);
    const air_node *eq = tdoc_nth(d, AIR_NODE_OBJECT, 0);
    assert_string_equal(eq->u.object.what, "equation");
    assert_string_equal(eq->u.object.text, "a over b");
    assert_int_equal(tdoc_count_kind(d, AIR_NODE_TABLE), 2);
    assert_int_equal(d->nparas, 18); /* 14 in the body, 4 in cells */
}

static void copy_png(air_doc *d)
{
    FILE *f = tmpfile();
    assert_non_null(f);
    uint64_t written = 0;
    assert_int_equal(air_doc_copy_part(d, "BinData/BIN0001.png", f, &written),
                     AIR_OK);
    assert_int_equal(written, 67);
    unsigned char head[8];
    rewind(f);
    assert_int_equal(fread(head, 1, 8, f), 8);
    assert_memory_equal(head, "\x89PNG\r\n\x1a\n", 8);
    fclose(f);
}

static void images_are_copied_inflated(void **state)
{
    copy_png(*state);
}

static void uncompressed_without_summary(void **state)
{
    (void)state;
    air_doc *d = open_fixture("hwp-plain");
    assert_string_equal(tdoc_nth(d, AIR_NODE_PARA, 0)->u.para.text,
                        "압축하지 않은 문서");
    assert_null(d->meta.field[AIR_META_TITLE]);
    copy_png(d); /* stored as it is */
    air_doc_free(d);
}

static void protected_documents_are_refused(void **state)
{
    (void)state;
    refused("hwp-password", AIR_EENCRYPTED, "password");
    refused("hwp-distribution", AIR_EENCRYPTED, "distribution");
    refused("hwp-drm", AIR_EENCRYPTED, "DRM");
}

static void damaged_image_storage_keeps_the_text(void **state)
{
    (void)state;
    air_doc *d = open_fixture("hwp-broken-bindata");
    assert_string_equal(tdoc_nth(d, AIR_NODE_PARA, 0)->u.para.text,
                        "시험 문서");
    assert_int_equal(tdoc_count_kind(d, AIR_NODE_TABLE), 2);
    /* the image itself cannot be copied: one clear line */
    FILE *f = tmpfile();
    assert_non_null(f);
    air_status rc = air_doc_copy_part(d, "BinData/BIN0001.png", f, NULL);
    fclose(f);
    assert_int_equal(rc, AIR_EFORMAT);
    assert_non_null(strstr(air_last_error(), "BIN0001"));
    assert_null(strchr(air_last_error(), '\n'));
    air_doc_free(d);
}

static void broken_files_give_one_line(void **state)
{
    (void)state;
    refused("hwp-broken-body", AIR_EFORMAT, "BodyText/Section0");
    refused("hwp-truncated", AIR_EFORMAT, "truncated");
    refused("hwp-deep", AIR_ELIMIT, "nested more than 64");
    refused("hwp-bomb", AIR_ELIMIT, "ratio");
}

static void inflated_bytes_count_against_the_limits(void **state)
{
    (void)state;
    air_open_opts o = AIR_OPEN_OPTS_INIT;
    /* over every stored size, under what DocInfo and the section inflate
     * to */
    o.limits.max_part_bytes = 1024;
    air_doc *d = NULL;
    assert_int_equal(open_opts(&d, "hwp-all", &o), AIR_ELIMIT);
    assert_null(d);
    assert_non_null(strstr(air_last_error(), "inflates past 1024"));
    o = (air_open_opts)AIR_OPEN_OPTS_INIT;
    o.limits.max_table_depth = 1;
    assert_int_equal(open_opts(&d, "hwp-all", &o), AIR_ELIMIT);
    o = (air_open_opts)AIR_OPEN_OPTS_INIT;
    o.limits.max_nodes = 10;
    assert_int_equal(open_opts(&d, "hwp-all", &o), AIR_ELIMIT);
}

static void read_from_memory(void **state)
{
    (void)state;
    char path[1024];
    fixture_path(path, sizeof path, "hwp-all");
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    static unsigned char buf[1 << 16];
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    air_doc *d = NULL;
    assert_int_equal(air_doc_open_mem(&d, buf, n, NULL), AIR_OK);
    assert_string_equal(d->meta.field[AIR_META_TITLE], "시험 문서");
    air_doc_free(d);
    /* every prefix of the file: refused or read, never a crash */
    for (size_t k = 0; k < n; k += 97) {
        d = NULL;
        if (air_doc_open_mem(&d, buf, k, NULL) == AIR_OK)
            air_doc_free(d);
        else
            assert_null(strchr(air_last_error(), '\n'));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(metadata_from_the_summary, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(text_controls, setup, teardown),
        cmocka_unit_test_setup_teardown(outline_numbering_and_bullets, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(symbol_font_span, setup, teardown),
        cmocka_unit_test_setup_teardown(tables_merges_nesting_and_caption,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(shapes_notes_headers_fields, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(images_are_copied_inflated, setup,
                                        teardown),
        cmocka_unit_test(uncompressed_without_summary),
        cmocka_unit_test(protected_documents_are_refused),
        cmocka_unit_test(damaged_image_storage_keeps_the_text),
        cmocka_unit_test(broken_files_give_one_line),
        cmocka_unit_test(inflated_bytes_count_against_the_limits),
        cmocka_unit_test(read_from_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
