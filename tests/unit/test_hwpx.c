/* test_hwpx.c -- src/read/hwpx*.c and hwp_numbering.c: the HWPX reader on
 * small packages kept readable under tests/fixtures/hwpx/ (zipped at build
 * time, mimetype first and stored). */
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

static air_status open_opts(air_doc **out, const char *name,
                            const air_open_opts *opts)
{
    const char *dir = getenv("AIR_FIXTURES");
    assert_non_null(dir);
    char path[1024];
    snprintf(path, sizeof path, "%s/%s.hwpx", dir, name);
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

/* The span of 'p' with 'flag' starting at byte 'off', or NULL. */
static const air_span *span_at(const air_node *p, uint32_t flag, uint32_t off)
{
    for (uint32_t i = 0; i < p->u.para.nspans; i++) {
        const air_span *s = &p->u.para.spans[i];
        if ((s->flags & flag) && s->off == off)
            return s;
    }
    return NULL;
}

static bool has_diag(const air_doc *d, const char *part)
{
    for (const air_diag *g = d->diags; g; g = g->next)
        if (strstr(g->msg, part))
            return true;
    return false;
}

static const char *marker(const air_doc *d, const char *text)
{
    return tdoc_find_para(d, text)->u.para.list.marker;
}

/* ---- metadata ----------------------------------------------------------- */

static void metadata_is_raw_first_wins_and_keeps_extras(void **state)
{
    (void)state;
    air_doc *d = open_fixture("hwpx-meta");
    const air_meta *m = &d->meta;
    assert_string_equal(m->field[AIR_META_TITLE], "예산 보고서");
    assert_string_equal(m->field[AIR_META_LANGUAGE], "ko");
    /* two opf:meta name="creator": the first wins in the field ... */
    assert_string_equal(m->field[AIR_META_CREATOR], "홍길동");
    /* ... an empty element is "", an absent one NULL, values untrimmed */
    assert_string_equal(m->field[AIR_META_SUBJECT], "");
    assert_null(m->field[AIR_META_LAST_MODIFIED_BY]);
    assert_string_equal(m->field[AIR_META_DESCRIPTION], "  설명  ");
    assert_string_equal(m->field[AIR_META_KEYWORDS], "예산, 보고");
    assert_string_equal(m->field[AIR_META_CREATED], "2024-01-02T03:04:05Z");
    assert_string_equal(m->field[AIR_META_MODIFIED], "2024-02-03T04:05:06Z");
    /* ... the last one in the extras; every element is an extra */
    int seen = 0;
    for (const air_meta_extra *e = m->extra; e; e = e->next) {
        if (strcmp(e->key, "meta:creator") == 0) {
            assert_string_equal(e->value, "나중 사람");
            seen |= 1;
        } else if (strcmp(e->key, "meta:date") == 0) {
            assert_string_equal(e->value, "2024년 1월 2일");
            seen |= 2;
        } else if (strcmp(e->key, "dc:creator") == 0) {
            assert_string_equal(e->value, "비표준 작성자");
            seen |= 4;
        } else if (strcmp(e->key, "opf:title") == 0) {
            seen |= 8;
        }
    }
    assert_int_equal(seen, 15);
    assert_string_equal(d->generator,
                        "Hancom Office Hangul 12, 0, 0, 1 WIN32LEWindows_10");
    air_doc_free(d);
}

static void package_file_from_container_and_spine_order(void **state)
{
    (void)state;
    air_doc *d = open_fixture("hwpx-layout");
    /* container.xml names Doc/package.hpf; hrefs are relative to it and
     * the spine reads section1 first */
    assert_int_equal(d->nsections, 2);
    const air_node *s0 = d->root->first;
    assert_string_equal(s0->first->u.para.text, "먼저 읽는 구역");
    assert_string_equal(s0->next->first->u.para.text, "둘째로 읽는 구역");
    /* without opf:title and opf:meta, dc:title/dc:creator fill in */
    assert_string_equal(d->meta.field[AIR_META_TITLE], "비표준 제목");
    assert_string_equal(d->meta.field[AIR_META_CREATOR], "작성자");
    assert_null(d->meta.field[AIR_META_LANGUAGE]);
    assert_true(has_diag(d, "non-standard <dc:title>"));
    assert_true(has_diag(d, "no header.xml"));
    air_doc_free(d);
}

static void sections_by_name_in_number_order(void **state)
{
    (void)state;
    air_doc *d = open_fixture("hwpx-byname");
    assert_int_equal(d->nsections, 2);
    assert_string_equal(d->root->first->first->u.para.text, "둘");
    assert_string_equal(d->root->first->next->first->u.para.text, "열");
    assert_true(has_diag(d, "sections found by name"));
    assert_true(has_diag(d, "no package file"));
    for (int f = 0; f < AIR_META_COUNT; f++)
        assert_null(d->meta.field[f]);
    air_doc_free(d);
}

/* ---- text --------------------------------------------------------------- */

static void breaks_tabs_and_special_characters(void **state)
{
    (void)state;
    air_doc *d = open_fixture("hwpx-text");
    const air_para *p = &tdoc_find_para(d, "첫 줄\n둘째 줄\t탭 뒤")->u.para;
    assert_int_equal(p->nbreaks, 1);
    assert_int_equal(p->ntabs, 1);
    assert_int_equal(p->align, AIR_ALIGN_JUSTIFY);
    /* nbSpace U+00A0, fwSpace U+3000, hyphen '-' */
    p = &tdoc_find_para(d, "A\xC2\xA0"
                           "B\xE3\x80\x80"
                           "C-D")
             ->u.para;
    assert_string_equal(p->style_name, "본문");
    assert_string_equal(p->style_id, "1");
    assert_int_equal(p->align, AIR_ALIGN_CENTER);
    /* a raw newline inside hp:t is whitespace, not a break */
    p = &tdoc_find_para(d, "줄 바꿈 문자")->u.para;
    assert_int_equal(p->nbreaks, 0);
    air_doc_free(d);
}

static void compose_dutmal_and_switch(void **state)
{
    (void)state;
    air_doc *d = open_fixture("hwpx-text");
    /* compose gives its composeText (a COMPOSE span); dutmal its main
     * text, not the annotation */
    const air_node *n = tdoc_find_para(d, "겹침 12본말");
    const air_span *s = span_at(n, AIR_SPAN_COMPOSE, 7);
    assert_non_null(s);
    assert_int_equal(s->len, 2);
    /* hp:switch: the first hp:case only */
    tdoc_find_para(d, "첫 경우");
    air_doc_free(d);
}

static void tracked_changes(void **state)
{
    (void)state;
    air_doc *d = open_fixture("hwpx-text");
    const air_node *n = tdoc_find_para(d, "변경 끝추가");
    const air_para *p = &n->u.para;
    assert_string_equal(p->deleted, " 추적 삭제");
    assert_true(p->flags & AIR_PARA_HAS_DELETED);
    assert_int_equal(p->nbreaks, 0); /* the deleted break is not one */
    const air_span *s = span_at(n, AIR_SPAN_INSERTED, 10);
    assert_non_null(s);
    assert_int_equal(s->len, 6);
    air_doc_free(d);
}

static void fields_keep_results_and_links(void **state)
{
    (void)state;
    air_doc *d = open_fixture("hwpx-text");
    const air_node *n = tdoc_find_para(d, "누름틀: 값 링크: 예시 또둘");
    const air_span *s = span_at(n, AIR_SPAN_FIELD, 11);
    assert_non_null(s);
    assert_int_equal(s->len, 3);
    assert_string_equal(s->target, "CLICK_HERE");
    /* a hyperlink across runs, URL from its Path parameter */
    s = span_at(n, AIR_SPAN_LINK, 23);
    assert_non_null(s);
    assert_int_equal(s->len, 6);
    assert_string_equal(s->target, "https://example.org/a");
    /* only a Command parameter: unescaped, cut at the first ';' */
    s = span_at(n, AIR_SPAN_LINK, 33);
    assert_non_null(s);
    assert_string_equal(s->target, "https://example.kr/b");
    air_doc_free(d);
}

static void symbol_font_text_is_marked(void **state)
{
    (void)state;
    air_doc *d = open_fixture("hwpx-text");
    const air_node *n = tdoc_find_para(d, "앞 \xEF\x83\xA8J 뒤 가A나");
    const air_span *s = span_at(n, AIR_SPAN_SYMFONT, 4);
    assert_non_null(s);
    assert_int_equal(s->len, 4); /* U+F0E8 and 'J' */
    assert_string_equal(s->font, "Wingdings");
    /* a shape whose Latin font only is Wingdings: the Latin letter */
    s = span_at(n, AIR_SPAN_SYMFONT, 16);
    assert_non_null(s);
    assert_int_equal(s->len, 1);
    assert_null(span_at(n, AIR_SPAN_SYMFONT, 13));
    air_doc_free(d);
}

static void breaks_and_any_prefix(void **state)
{
    (void)state;
    air_doc *d = open_fixture("hwpx-text");
    const air_para *p = &tdoc_find_para(d, "새 쪽")->u.para;
    assert_true(p->flags & AIR_PARA_PAGE_BREAK);
    assert_int_equal(p->align, AIR_ALIGN_RIGHT);
    assert_true(tdoc_find_para(d, "새 단")->u.para.flags & AIR_PARA_COL_BREAK);
    /* hs:p and an invented prefix read like hp:p */
    tdoc_find_para(d, "다른 이름공간");
    tdoc_find_para(d, "지어낸 접두어");
    /* <hp:p/> is an empty paragraph */
    assert_int_equal(d->nparas, 13);
    assert_true(tdoc_find_para(d, "새 쪽")->src_line > 0);
    air_doc_free(d);
}

/* ---- tables ------------------------------------------------------------- */

static void table_in_a_paragraph_with_text_around(void **state)
{
    (void)state;
    air_doc *d = open_fixture("hwpx-tables");
    const air_node *host = tdoc_find_para(d, "앞 글뒤 글");
    const air_node *t = host->first;
    assert_int_equal(t->kind, AIR_NODE_TABLE);
    assert_int_equal(t->anchor, strlen("앞 글"));
    assert_int_equal(t->u.table.rows, 2);
    assert_int_equal(t->u.table.cols, 3);
    assert_int_equal(t->u.table.decl_rows, 2);
    assert_int_equal(t->u.table.nmerges, 1);
    const air_node *c = air_table_cell_at(t, 0, 1);
    assert_non_null(c);
    assert_int_equal(c->u.cell.col, 0);
    assert_int_equal(c->u.cell.colspan, 2);
    /* the nested table sits in cell (1,1), one deeper */
    const air_node *inner = tdoc_nth(d, AIR_NODE_TABLE, 1);
    assert_int_equal(inner->depth, 1);
    assert_int_equal(inner->parent->kind, AIR_NODE_PARA);
    assert_string_equal(inner->parent->u.para.text, "셀 앞");
    assert_int_equal(inner->loc.table, 2);
    const air_node *ip = tdoc_find_para(d, "안2");
    assert_int_equal(ip->loc.row, 1);
    assert_int_equal(ip->loc.col, 2);
    assert_int_equal(tdoc_count_kind(d, AIR_NODE_TABLE), 4);
    air_doc_free(d);
}

static void cells_without_addresses_take_free_slots(void **state)
{
    (void)state;
    air_doc *d = open_fixture("hwpx-tables");
    const air_node *t = tdoc_nth(d, AIR_NODE_TABLE, 2);
    /* A spans two rows: D and E of the second row go right of it */
    const air_node *c = air_table_cell_at(t, 1, 0);
    assert_string_equal(c->first->u.para.text, "A");
    assert_string_equal(air_table_cell_at(t, 1, 1)->first->u.para.text, "D");
    assert_string_equal(air_table_cell_at(t, 1, 2)->first->u.para.text, "E");
    c = air_table_cell_at(t, 2, 2);
    assert_string_equal(c->first->u.para.text, "F");
    assert_int_equal(c->u.cell.colspan, 3);
    assert_int_equal(t->u.table.nmerges, 2);
    air_doc_free(d);
}

static void absurd_spans_are_clamped(void **state)
{
    (void)state;
    air_doc *d = open_fixture("hwpx-tables");
    const air_node *t = tdoc_nth(d, AIR_NODE_TABLE, 3);
    const air_cell *big = &tdoc_find_para(d, "큰")->parent->u.cell;
    assert_int_equal(big->colspan, 65535); /* 2^31 */
    assert_int_equal(big->rowspan, 1);     /* 0 */
    const air_cell *neg = &tdoc_find_para(d, "음")->parent->u.cell;
    assert_int_equal(neg->colspan, 1); /* -5 */
    assert_int_equal(t->u.table.cols, 2); /* colCnt */
    assert_int_equal(t->u.table.nmerges, 1);
    air_doc_free(d);
}

static void table_nesting_limit(void **state)
{
    (void)state;
    air_doc *d = open_fixture("hwpx-deep");
    assert_int_equal(tdoc_nth(d, AIR_NODE_TABLE, 3)->depth, 3);
    air_doc_free(d);

    air_open_opts o = AIR_OPEN_OPTS_INIT;
    o.limits.max_table_depth = 3;
    d = NULL;
    assert_int_equal(open_opts(&d, "hwpx-deep", &o), AIR_ELIMIT);
    assert_null(d);
    assert_non_null(strstr(air_last_error(), "tables nested more than 3"));
    assert_non_null(strstr(air_last_error(), "section0.xml"));

    /* the node limit keeps its own message */
    o = (air_open_opts)AIR_OPEN_OPTS_INIT;
    o.limits.max_nodes = 10;
    assert_int_equal(open_opts(&d, "hwpx-deep", &o), AIR_ELIMIT);
    assert_non_null(strstr(air_last_error(), "nodes"));
}

/* ---- numbering ---------------------------------------------------------- */

static void numbering_markers_count_like_hangul(void **state)
{
    (void)state;
    air_doc *d = open_fixture("hwpx-numbering");
    assert_string_equal(marker(d, "하나"), "1.");
    assert_null(marker(d, "본문"));
    assert_string_equal(marker(d, "가"), "가)");
    assert_string_equal(marker(d, "나"), "나)");
    assert_string_equal(marker(d, "셋째 수준"), "(1)");
    assert_string_equal(marker(d, "둘"), "2.");
    /* a shallower level advancing restarts the deeper ones */
    assert_string_equal(marker(d, "다시 가"), "가)");
    /* another numbering counts apart, from its start value */
    assert_string_equal(marker(d, "다섯"), "5.");
    assert_string_equal(marker(d, "여섯"), "6.");
    assert_string_equal(marker(d, "셋"), "3.");
    /* multi-level patterns: unused levels show their start value */
    assert_string_equal(marker(d, "다섯째 수준"), "3.가.a");
    assert_string_equal(marker(d, "여섯째 수준"), "3.가.1.①.a.1");
    assert_string_equal(marker(d, "일곱째 수준"), "3.가.1.①.a.1.1.");
    assert_string_equal(marker(d, "여덟째 수준"), "");
    const air_list *l = &tdoc_find_para(d, "다섯째 수준")->u.para.list;
    assert_int_equal(l->kind, AIR_LIST_NUMBER);
    assert_int_equal(l->level, 4);
    assert_int_equal(l->fmt, AIR_NUMFMT_LOWER_LETTER);
    assert_int_equal(l->list_id, 1);
    assert_string_equal(l->pattern, "^1.^2.^5");
    /* a paragraph hosting a table is numbered before the cell's */
    assert_string_equal(marker(d, "표 앞"), "4.");
    assert_string_equal(marker(d, "셀"), "5.");
    assert_string_equal(marker(d, "상자 앞"), "6.");
    /* a text box counts on its own */
    assert_string_equal(marker(d, "상자"), "1.");
    /* numbering continues in the next section */
    assert_string_equal(marker(d, "둘째 구역 번호"), "7.");
    /* a dangling numbering id: the kind, no marker */
    l = &tdoc_find_para(d, "없는 번호")->u.para.list;
    assert_int_equal(l->kind, AIR_LIST_NUMBER);
    assert_null(l->marker);
    air_doc_free(d);
}

static void outline_headings_and_bullets(void **state)
{
    (void)state;
    air_doc *d = open_fixture("hwpx-numbering");
    /* OUTLINE uses the section's outlineShapeIDRef numbering (3), the
     * heading's own idRef (0) being only the fallback */
    const air_para *p = &tdoc_find_para(d, "개요 하나")->u.para;
    assert_int_equal(p->list.kind, AIR_LIST_OUTLINE);
    assert_int_equal(p->list.list_id, 3);
    assert_int_equal(p->outline_level, 0);
    assert_int_equal(p->heading, 1);
    assert_true(p->list.from_style);
    assert_string_equal(p->list.marker, "I.");
    assert_string_equal(marker(d, "개요 둘"), "1.");
    /* "^1-^2-^3": each level in its own format */
    p = &tdoc_find_para(d, "개요 셋째 수준")->u.para;
    assert_string_equal(p->list.marker, "I-1-1");
    assert_false(p->list.from_style);
    assert_int_equal(p->outline_level, 2);
    assert_string_equal(marker(d, "둘째 구역 개요"), "II.");
    /* a NONE heading in a style named "개요 3": a heading, no list */
    p = &tdoc_find_para(d, "제목 3")->u.para;
    assert_int_equal(p->heading, 3);
    assert_int_equal(p->list.kind, AIR_LIST_NONE);
    assert_int_equal(p->outline_level, -1);
    /* bullets: the character is the marker */
    p = &tdoc_find_para(d, "네모")->u.para;
    assert_int_equal(p->list.kind, AIR_LIST_BULLET);
    assert_int_equal(p->list.fmt, AIR_NUMFMT_BULLET);
    assert_string_equal(p->list.marker, "□");
    p = &tdoc_find_para(d, "동그라미")->u.para;
    assert_string_equal(p->list.marker, "○");
    assert_int_equal(p->list.level, 1);
    assert_int_equal(p->list.list_id, 2);
    air_doc_free(d);
}

/* ---- stories and objects ------------------------------------------------ */

static void headers_footers_and_text_boxes(void **state)
{
    (void)state;
    air_doc *d = open_fixture("hwpx-stories");
    const air_node *sec = d->root->first;
    /* under the section, before the body paragraph holding the control */
    assert_int_equal(sec->first->kind, AIR_NODE_HEADER);
    assert_string_equal(sec->first->u.hf.which, "default");
    assert_int_equal(sec->first->next->kind, AIR_NODE_FOOTER);
    assert_string_equal(sec->first->next->u.hf.which, "odd");
    const air_node *h = tdoc_find_para(d, "머리표");
    assert_int_equal(h->story, AIR_STORY_HEADER);
    assert_int_equal(tdoc_nth(d, AIR_NODE_TABLE, 0)->story, AIR_STORY_HEADER);
    assert_int_equal(tdoc_find_para(d, "꼬리말")->story, AIR_STORY_FOOTER);
    /* a text box in a rectangle: inline at its place, no shape object */
    const air_node *host = tdoc_find_para(d, "본문  끝");
    assert_int_equal(host->first->kind, AIR_NODE_TEXTBOX);
    assert_int_equal(host->first->anchor, strlen("본문 "));
    assert_int_equal(tdoc_find_para(d, "상자 글")->story, AIR_STORY_TEXTBOX);
    /* main story: body paragraphs and the cell's, not the others' */
    assert_int_equal(d->nparas, 8);
    air_doc_free(d);
}

static void captions_notes_and_comments(void **state)
{
    (void)state;
    air_doc *d = open_fixture("hwpx-stories");
    const air_node *cap = tdoc_nth(d, AIR_NODE_CAPTION, 0);
    assert_int_equal(cap->parent->kind, AIR_NODE_PARA);
    assert_int_equal(tdoc_find_para(d, "표 1. 제목")->story, AIR_STORY_CAPTION);
    const air_node *fn = tdoc_nth(d, AIR_NODE_FOOTNOTE, 0);
    assert_int_equal(fn->anchor, strlen("각주 앞"));
    assert_string_equal(fn->u.note.id, "7");
    assert_int_equal(tdoc_find_para(d, "각주 글")->story, AIR_STORY_FOOTNOTE);
    const air_node *en = tdoc_nth(d, AIR_NODE_ENDNOTE, 0);
    assert_int_equal(en->anchor, strlen("각주 앞뒤"));
    /* a memo: its text is a comment, the text it marks stays main */
    const air_node *target = tdoc_find_para(d, "대상");
    assert_int_equal(target->story, AIR_STORY_MAIN);
    const air_span *s = span_at(target, AIR_SPAN_FIELD, 0);
    assert_non_null(s);
    assert_string_equal(s->target, "MEMO");
    assert_int_equal(tdoc_find_para(d, "메모 글")->story, AIR_STORY_COMMENT);
    assert_int_equal(tdoc_find_para(d, "숨은 설명")->story, AIR_STORY_COMMENT);
    assert_int_equal(tdoc_count_kind(d, AIR_NODE_COMMENT), 2);
    air_doc_free(d);
}

static void images_equations_shapes_and_unknown_lists(void **state)
{
    (void)state;
    air_doc *d = open_fixture("hwpx-stories");
    const air_node *img = tdoc_nth(d, AIR_NODE_IMAGE, 0);
    assert_string_equal(img->u.image.alt, "그림 설명");
    assert_string_equal(img->u.image.target, "BinData/image1.png");
    assert_int_equal(img->anchor, strlen("그림:"));
    const air_node *eq = tdoc_nth(d, AIR_NODE_OBJECT, 0);
    assert_string_equal(eq->u.object.what, "equation");
    assert_string_equal(eq->u.object.text, "a over b");
    assert_string_equal(tdoc_nth(d, AIR_NODE_OBJECT, 1)->u.object.what,
                        "shape");
    /* paragraphs under an element the reader does not know: kept, not
     * body text */
    assert_int_equal(tdoc_find_para(d, "모르는 곳")->story, AIR_STORY_TEXTBOX);
    assert_true(has_diag(d, "unknown element"));
    air_doc_free(d);
}

/* ---- broken structure ----------------------------------------------------- */

static void misplaced_elements_are_survived(void **state)
{
    (void)state;
    air_doc *d = open_fixture("hwpx-odd");
    /* a fieldEnd without its fieldBegin is ignored; a field left open
     * ends with its paragraph */
    const air_node *n = tdoc_find_para(d, "끝 없는 필드열린");
    const air_span *s = span_at(n, AIR_SPAN_LINK, strlen("끝 없는 필드"));
    assert_non_null(s);
    assert_int_equal(s->len, strlen("열린"));
    /* a deletion that runs into the next paragraph */
    assert_string_equal(tdoc_find_para(d, "지움")->u.para.deleted, "여기부터");
    assert_string_equal(tdoc_find_para(d, " 남음")->u.para.deleted,
                        "다음 문단도");
    /* a cell outside a table, a list outside any owner: kept apart */
    assert_int_equal(tdoc_find_para(d, "표 밖 칸")->story, AIR_STORY_TEXTBOX);
    assert_int_equal(tdoc_find_para(d, "구역 바로 아래 목록")->story,
                     AIR_STORY_TEXTBOX);
    /* absurd counts: every hp:tr is a row, colCnt past any grid is not
     * the width */
    const air_node *t = tdoc_nth(d, AIR_NODE_TABLE, 0);
    assert_int_equal(t->u.table.rows, 2);
    assert_int_equal(t->u.table.cols, 2);
    assert_int_equal(t->u.table.decl_rows, 0);
    assert_int_equal(tdoc_nth(d, AIR_NODE_TABLE, 1)->u.table.rows, 0);
    /* undefined shapes and styles: no style, no list */
    n = tdoc_find_para(d, "지움");
    assert_null(n->u.para.style_name);
    assert_int_equal(n->u.para.list.kind, AIR_LIST_NONE);
    air_doc_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(metadata_is_raw_first_wins_and_keeps_extras),
        cmocka_unit_test(package_file_from_container_and_spine_order),
        cmocka_unit_test(sections_by_name_in_number_order),
        cmocka_unit_test(breaks_tabs_and_special_characters),
        cmocka_unit_test(compose_dutmal_and_switch),
        cmocka_unit_test(tracked_changes),
        cmocka_unit_test(fields_keep_results_and_links),
        cmocka_unit_test(symbol_font_text_is_marked),
        cmocka_unit_test(breaks_and_any_prefix),
        cmocka_unit_test(table_in_a_paragraph_with_text_around),
        cmocka_unit_test(cells_without_addresses_take_free_slots),
        cmocka_unit_test(absurd_spans_are_clamped),
        cmocka_unit_test(table_nesting_limit),
        cmocka_unit_test(numbering_markers_count_like_hangul),
        cmocka_unit_test(outline_headings_and_bullets),
        cmocka_unit_test(headers_footers_and_text_boxes),
        cmocka_unit_test(captions_notes_and_comments),
        cmocka_unit_test(images_equations_shapes_and_unknown_lists),
        cmocka_unit_test(misplaced_elements_are_survived),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
