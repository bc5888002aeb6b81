/* test_rules.c -- the rules of principles 1, 2 and 5 on models built in C:
 * hard positives (what a user must hear about) and hard negatives (what
 * normal Korean reports hold and must not be flagged: official item
 * markers, notes, masks, form check boxes). */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>

#include <cmocka.h>

#include "tdoc.h"

static air_config *cfg; /* the shipped defaults, loaded once */

static int group_setup(void **state)
{
    (void)state;
    cfg = tdoc_config(NULL);
    return 0;
}

static int group_teardown(void **state)
{
    (void)state;
    air_config_free(cfg);
    return 0;
}

static int setup(void **state)
{
    *state = tdoc_new(AIR_FMT_HWPX);
    return 0;
}

static int teardown(void **state)
{
    air_doc_free(*state);
    return 0;
}

/* Metadata filled so that 501 stays quiet in the other rules' tests. */
static void fill_meta(air_doc *d)
{
    tdoc_meta(d, AIR_META_TITLE, "2026년 추진계획");
    tdoc_meta(d, AIR_META_CREATOR, "디지털정책과");
    tdoc_meta(d, AIR_META_SUBJECT, "문서 표준화");
    tdoc_meta(d, AIR_META_KEYWORDS, "AI, 문서");
}

/* Findings of rule 'id' for one paragraph of 'text' in the body. */
static size_t count_in(void **state, const char *id, const char *text)
{
    air_doc *d = *state;
    fill_meta(d);
    tdoc_para(d, tdoc_section(d), text);
    air_report *r = tdoc_check(d, cfg);
    size_t n = tdoc_count(r, id);
    air_report_free(r);
    return n;
}

/* ---- 101 merged-cells ----------------------------------------------------- */

static void merged_regions_listed(void **state)
{
    air_doc *d = *state;
    fill_meta(d);
    air_node *t = tdoc_table(d, tdoc_section(d), 3);
    tdoc_cell(d, t, 0, 0, 1, 2);  /* R1C1 spans two columns */
    tdoc_cell(d, t, 0, 2, 1, 1);
    tdoc_cell(d, t, 1, 0, 1, 1);
    tdoc_cell(d, t, 1, 1, 1, 1);
    tdoc_cell(d, t, 1, 2, 2, 1);  /* R2C3 spans two rows */
    tdoc_cell(d, t, 2, 0, 1, 1);
    tdoc_cell(d, t, 2, 1, 1, 1);
    air_report *r = tdoc_check(d, cfg);
    assert_int_equal(tdoc_count(r, "merged-cells"), 1);
    const air_finding *f = tdoc_finding(r, "merged-cells", 0);
    assert_int_equal(f->rule->number, 101);
    assert_int_equal(f->severity, AIR_SEV_ERROR);
    assert_int_equal(f->count, 2);
    assert_int_equal(f->nitems, 2);
    assert_int_equal(f->items[0].row, 1);
    assert_int_equal(f->items[0].col, 1);
    assert_int_equal(f->items[0].rowspan, 1);
    assert_int_equal(f->items[0].colspan, 2);
    assert_int_equal(f->items[1].row, 2);
    assert_int_equal(f->items[1].col, 3);
    assert_int_equal(f->items[1].rowspan, 2);
    assert_int_equal(f->loc.table, 1);
    assert_non_null(strstr(f->message[AIR_LANG_EN],
                           "row 1 col 1 (2 columns), row 2 col 3 (2 rows)"));
    assert_non_null(strstr(f->message[AIR_LANG_KO],
                           "1행 1열(2열 병합), 2행 3열(2행 병합)"));
    air_report_free(r);
}

static void plain_grid_and_covered_cells_are_fine(void **state)
{
    air_doc *d = *state;
    fill_meta(d);
    tdoc_grid(d, tdoc_section(d), 2, 3, NULL);
    /* A DOCX vMerge continuation: the anchor spans, the covered cell is
     * kept for its text and is no region of its own. */
    air_node *t = tdoc_table(d, tdoc_section(d), 2);
    tdoc_cell(d, t, 0, 0, 2, 1);
    tdoc_cell(d, t, 0, 1, 1, 1);
    air_node *cov = tdoc_cell(d, t, 1, 0, 2, 1);
    cov->u.cell.flags |= AIR_CELL_COVERED;
    tdoc_cell(d, t, 1, 1, 1, 1);
    air_report *r = tdoc_check(d, cfg);
    assert_int_equal(tdoc_count(r, "merged-cells"), 1);
    const air_finding *f = tdoc_finding(r, "merged-cells", 0);
    assert_int_equal(f->loc.table, 2);
    assert_int_equal(f->count, 1);
    air_report_free(r);
}

/* ---- 102 nested-table ------------------------------------------------------- */

static void nested_tables_any_depth(void **state)
{
    air_doc *d = *state;
    fill_meta(d);
    const char *texts[] = { "구분", "내용", "예산", NULL };
    air_node *outer = tdoc_grid(d, tdoc_section(d), 2, 2, texts);
    /* a table in cell (2,2), and a table inside that one */
    air_node *cell = (air_node *)air_table_cell_at(outer, 1, 1);
    air_node *inner = tdoc_grid(d, cell, 1, 2, NULL);
    air_node *icell = (air_node *)air_table_cell_at(inner, 0, 1);
    tdoc_grid(d, icell, 1, 1, NULL);
    air_report *r = tdoc_check(d, cfg);
    assert_int_equal(tdoc_count(r, "nested-table"), 2);
    const air_finding *f = tdoc_finding(r, "nested-table", 0);
    /* located at the cell that holds it */
    assert_int_equal(f->loc.table, 1);
    assert_int_equal(f->loc.row, 2);
    assert_int_equal(f->loc.col, 2);
    assert_non_null(strstr(f->message[AIR_LANG_EN], "table 2"));
    const air_finding *g = tdoc_finding(r, "nested-table", 1);
    assert_int_equal(g->loc.table, 2);
    assert_non_null(strstr(g->message[AIR_LANG_EN], "depth 2"));
    air_report_free(r);
}

static void nested_in_textbox_and_header(void **state)
{
    air_doc *d = *state;
    fill_meta(d);
    air_node *sec = tdoc_section(d);
    /* a table in a header: not nested */
    air_node *hdr = tdoc_node(d, sec, AIR_NODE_HEADER);
    air_node *ht = tdoc_grid(d, hdr, 1, 1, NULL);
    /* ... but a table in that header table's cell is */
    tdoc_grid(d, (air_node *)air_table_cell_at(ht, 0, 0), 1, 1, NULL);
    /* a text box in a cell keeps the cell's depth */
    air_node *t = tdoc_grid(d, sec, 1, 1, NULL);
    air_node *p = ((air_node *)air_table_cell_at(t, 0, 0))->first;
    air_node *tb = tdoc_node(d, p, AIR_NODE_TEXTBOX);
    tdoc_grid(d, tb, 1, 1, NULL);
    /* a footnote anchored in a cell starts again at depth 0 */
    air_node *fn = tdoc_node(d, p, AIR_NODE_FOOTNOTE);
    tdoc_grid(d, fn, 1, 1, NULL);
    air_report *r = tdoc_check(d, cfg);
    assert_int_equal(tdoc_count(r, "nested-table"), 2);
    assert_string_equal(tdoc_finding(r, "nested-table", 0)->loc.story,
                        "header");
    /* located at the cell holding the text box: table 3 (header tables
     * are 1 and 2), in the body */
    const air_finding *f = tdoc_finding(r, "nested-table", 1);
    assert_string_equal(f->loc.story, "main");
    assert_int_equal(f->loc.table, 3);
    assert_non_null(strstr(f->message[AIR_LANG_EN], "holds a table (table 4"));
    air_report_free(r);
}

/* ---- 201 arrow-symbol ---------------------------------------------------------- */

static void arrows_counted_and_named(void **state)
{
    air_doc *d = *state;
    fill_meta(d);
    tdoc_para(d, tdoc_section(d), "처리 기간: 7일 → 3일 → 1일 (현행 ⇒ 개선)");
    air_report *r = tdoc_check(d, cfg);
    assert_int_equal(tdoc_count(r, "arrow-symbol"), 1);
    const air_finding *f = tdoc_finding(r, "arrow-symbol", 0);
    assert_int_equal(f->count, 3);
    assert_int_equal(f->nitems, 2);
    assert_string_equal(f->items[0].text, "→");
    assert_int_equal(f->items[0].code, 0x2192);
    assert_int_equal(f->items[0].count, 2);
    assert_int_equal(f->items[1].code, 0x21D2);
    assert_non_null(strstr(f->message[AIR_LANG_KO], "→ (U+2192) ×2"));
    /* the range covers the first to the last arrow */
    assert_int_equal(f->loc.start, strlen("처리 기간: 7일 "));
    assert_string_equal(f->loc.story, "main");
    assert_int_equal(f->loc.para, 1);
    air_report_free(r);
}

static void arrow_bullets_and_hands(void **state)
{
    assert_int_equal(count_in(state, "arrow-symbol", "▶ 추진 배경"), 1);
}

static void hands_are_arrows_not_emoji(void **state)
{
    air_doc *d = *state;
    fill_meta(d);
    tdoc_para(d, tdoc_section(d), "☞ 참고 ➔ 다음 ▷ 끝");
    air_report *r = tdoc_check(d, cfg);
    assert_int_equal(tdoc_count(r, "arrow-symbol"), 1);
    assert_int_equal(tdoc_finding(r, "arrow-symbol", 0)->count, 3);
    assert_int_equal(tdoc_count(r, "emoji"), 0);
    assert_int_equal(tdoc_count(r, "decorative-symbol"), 0);
    air_report_free(r);
}

static void allow_list_silences(void **state)
{
    air_config *c = tdoc_config("symbols:\n  allow: [\"→\"]\n");
    air_doc *d = *state;
    fill_meta(d);
    tdoc_para(d, tdoc_section(d), "7일 → 3일 ⇒ 1일");
    air_report *r = tdoc_check(d, c);
    assert_int_equal(tdoc_finding(r, "arrow-symbol", 0)->count, 1);
    assert_int_equal(tdoc_finding(r, "arrow-symbol", 0)->items[0].code,
                     0x21D2);
    air_report_free(r);
    air_config_free(c);
}

/* ---- 202 decorative-symbol: hard negatives ---------------------------------------- */

static void official_markers_at_item_start(void **state)
{
    air_doc *d = *state;
    fill_meta(d);
    air_node *sec = tdoc_section(d);
    const char *items[] = {
        "□ 추진 배경",         "○ 세부 내용을 정리함",
        "  - 하위 항목",       "· 가운뎃점 항목",
        "ㆍ 법령상 항목",       "• 글머리 항목",
        "◦ 작은 원 항목",       "※ 참고: 세부 일정은 추후 통보",
        "□추진 배경(붙여 씀)", "① 첫째 항목",
        "㉮ 법령 항목",        "\u3000○ 전각 공백 뒤 항목",
        "응시 자격        ○ 기준 : 공고일",
        "구분\t□ 세부\u3000\u3000○ 내용",
    };
    for (size_t i = 0; i < sizeof items / sizeof *items; i++)
        tdoc_para(d, sec, items[i]);
    /* lines after manual breaks, and a table cell */
    tdoc_para(d, sec, "□ 추진 배경\n ○ 현황\n  - 세부");
    const char *cells[] = { "○ 예산 확보", "□ 인력" };
    tdoc_grid(d, sec, 1, 2, cells);
    air_report *r = tdoc_check(d, cfg);
    /* (the manual breaks themselves are 302's business) */
    assert_int_equal(tdoc_count(r, "arrow-symbol") +
                         tdoc_count(r, "decorative-symbol") +
                         tdoc_count(r, "emoji"),
                     0);
    air_report_free(r);
}

static void masks_blanks_and_check_boxes(void **state)
{
    air_doc *d = *state;
    fill_meta(d);
    air_node *sec = tdoc_section(d);
    const char *texts[] = {
        "서약자 ○○○회사 대표 홍○동 (인)",
        "소 속 : □□□□□□",
        "기간: 201○. ○. ○. ～ 201○. ○. ○.",
        "공동계약 :  ■ 공동이행방식 □ 분담이행방식",
        "동의 여부: 예 □ 아니오 □",
        "계획 및 성과물 도출 시기(■)",
        "[○] 신청용  [ ] 협약",
        "☑ 논술      □구술·발표       □토의",
        "라. 시공업체: △△건설(주)",
        "계약 내용을 숙지∙승낙하여야 하며, <과정•기능>을 기술",
        "시행일: 2026. ○. ○.",
        "☒  VAT applies",
    };
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
        tdoc_para(d, sec, texts[i]);
    /* marks alone in table cells (yes/no, ratings) */
    const char *cells[] = { "항목", "●", "◎", "○", "★★", "■" };
    tdoc_grid(d, sec, 2, 3, cells);
    air_report *r = tdoc_check(d, cfg);
    for (size_t i = 0; i < air_report_count(r); i++)
        print_message("unexpected: %s | %s\n",
                      air_report_finding(r, i)->message[AIR_LANG_EN],
                      air_report_finding(r, i)->snippet);
    assert_int_equal(air_report_count(r), 0);
    air_report_free(r);
}

/* A long form paragraph: hundreds of masks, then one real symbol. */
static void many_ignored_then_one(void **state)
{
    air_doc *d = *state;
    fill_meta(d);
    static char text[8000];
    text[0] = '\0';
    for (int i = 0; i < 400; i++)
        strcat(text, "홍○동 ");
    strcat(text, "★ 끝");
    tdoc_para(d, tdoc_section(d), text);
    air_report *r = tdoc_check(d, cfg);
    assert_int_equal(air_report_count(r), 1);
    assert_int_equal(tdoc_finding(r, "decorative-symbol", 0)->count, 1);
    assert_int_equal(tdoc_finding(r, "decorative-symbol", 0)->items[0].code,
                     0x2605);
    air_report_free(r);
}

/* ---- 202 decorative-symbol: hard positives ----------------------------------------- */

static void decorative_bullets_and_stars(void **state)
{
    air_doc *d = *state;
    fill_meta(d);
    air_node *sec = tdoc_section(d);
    tdoc_para(d, sec, "★ 핵심 과제");          /* 1: not an item marker */
    tdoc_para(d, sec, "■ 추진 배경");          /* 2: not official */
    tdoc_para(d, sec, "□ 항목 ★강조 ◆예산");   /* 3: □ fine, 2 others */
    tdoc_para(d, sec, "증감: △1,234 ▲5%");     /* 4: signs by glyph */
    tdoc_para(d, sec, "가 ○ 나 ● 다");         /* 5: ● mid-text */
    air_report *r = tdoc_check(d, cfg);
    assert_int_equal(tdoc_count(r, "decorative-symbol"), 5);
    assert_int_equal(tdoc_finding(r, "decorative-symbol", 0)->count, 1);
    assert_int_equal(tdoc_finding(r, "decorative-symbol", 1)->count, 1);
    const air_finding *f = tdoc_finding(r, "decorative-symbol", 2);
    assert_int_equal(f->count, 2);
    assert_int_equal(f->items[0].code, 0x2605);
    assert_int_equal(f->items[1].code, 0x25C6);
    assert_int_equal(tdoc_finding(r, "decorative-symbol", 3)->count, 2);
    /* ○ between spaces mid-text is a stray bullet; ● too */
    assert_int_equal(tdoc_finding(r, "decorative-symbol", 4)->count, 2);
    air_report_free(r);
}

static void markers_configurable(void **state)
{
    air_config *c = tdoc_config("symbols:\n"
                                "  item-markers: [\"□\", \"❍\"]\n");
    air_doc *d = *state;
    fill_meta(d);
    tdoc_para(d, tdoc_section(d), "❍ 사용자 지정 항목 기호");
    tdoc_para(d, tdoc_section(d), "• 이제는 허용되지 않음");
    air_report *r = tdoc_check(d, c);
    assert_int_equal(tdoc_count(r, "decorative-symbol"), 1);
    assert_int_equal(tdoc_finding(r, "decorative-symbol", 0)->items[0].code,
                     0x2022);
    air_report_free(r);
    air_config_free(c);
}

/* ---- 203 emoji ------------------------------------------------------------------------ */

static void emoji_and_icons(void **state)
{
    air_doc *d = *state;
    fill_meta(d);
    air_node *sec = tdoc_section(d);
    tdoc_para(d, sec, "☎ 02-120");
    tdoc_para(d, sec, "제출 완료 ✔ 😀👍");
    tdoc_para(d, sec, "① ② ③ ※ § 제1조"); /* numbering, notes: none */
    air_report *r = tdoc_check(d, cfg);
    assert_int_equal(tdoc_count(r, "emoji"), 2);
    assert_int_equal(tdoc_finding(r, "emoji", 1)->count, 3);
    assert_int_equal(air_report_count(r), 2);
    air_report_free(r);
}

/* ---- 204 symbol-font-glyph ------------------------------------------------------------- */

static void private_use_and_symbol_fonts(void **state)
{
    air_doc *d = *state;
    fill_meta(d);
    air_node *sec = tdoc_section(d);
    tdoc_para(d, sec, "\xEF\x82\xA7 항목");            /* U+F0A7 */
    tdoc_para(d, sec, "도장 \xF3\xB0\x8A\xBA");         /* U+F02BA */
    /* a DOCX w:sym, rendered as U+F0E0 with its font */
    air_node *p = tdoc_para(d, sec, "가 \xEF\x83\xA0 나");
    tdoc_span(d, p, 4, 3, AIR_SPAN_SYM, 0xF0E0, "Wingdings");
    /* "Ø" typed in Wingdings (a reader-marked symbol-font run) and a run
     * in a font of the configured list; the space is not counted */
    air_node *q = tdoc_para(d, sec, "Ø 추진 ab");
    tdoc_span(d, q, 0, 3, AIR_SPAN_SYMFONT, 0, "Wingdings");
    tdoc_span(d, q, 10, 2, 0, 0, "Webdings");
    tdoc_para(d, sec, "평범한 문장입니다.");
    air_report *r = tdoc_check(d, cfg);
    assert_int_equal(tdoc_count(r, "symbol-font-glyph"), 4);
    const air_finding *f = tdoc_finding(r, "symbol-font-glyph", 0);
    assert_int_equal(f->items[0].code, 0xF0A7);
    assert_null(f->items[0].font);
    f = tdoc_finding(r, "symbol-font-glyph", 1);
    assert_int_equal(f->items[0].code, 0xF02BA);
    f = tdoc_finding(r, "symbol-font-glyph", 2);
    assert_int_equal(f->items[0].code, 0xF0E0);
    assert_string_equal(f->items[0].font, "Wingdings");
    assert_non_null(strstr(f->message[AIR_LANG_EN], "U+F0E0 (Wingdings)"));
    f = tdoc_finding(r, "symbol-font-glyph", 3);
    assert_int_equal(f->count, 3); /* Ø, a, b */
    assert_int_equal(f->items[0].code, 0xD8);
    /* PUA characters are not shapes or emoji as well */
    assert_int_equal(air_report_count(r), 4);
    air_report_free(r);
}

/* ---- 501/502 metadata ------------------------------------------------------------------- */

static void missing_fields_listed(void **state)
{
    air_doc *d = *state;
    tdoc_meta(d, AIR_META_TITLE, "  \u3000 ");
    tdoc_meta(d, AIR_META_SUBJECT, "주제");
    tdoc_meta(d, AIR_META_CREATOR, "디지털정책과");
    air_report *r = tdoc_check(d, cfg);
    assert_int_equal(tdoc_count(r, "missing-metadata"), 1);
    const air_finding *f = tdoc_finding(r, "missing-metadata", 0);
    assert_int_equal(f->count, 2);
    assert_string_equal(f->items[0].text, "title");
    assert_string_equal(f->items[1].text, "keywords");
    assert_null(f->loc.story); /* the whole document */
    assert_non_null(strstr(f->message[AIR_LANG_KO], "제목, 키워드"));
    assert_non_null(strstr(f->message[AIR_LANG_EN], "title, keywords"));
    air_report_free(r);
}

static void required_fields_configurable(void **state)
{
    air_config *c = tdoc_config("rules:\n  missing-metadata:\n"
                                "    fields: [title, custom:부서]\n");
    air_doc *d = *state;
    tdoc_meta(d, AIR_META_TITLE, "보고서");
    assert_int_equal(air_doc_add_meta_extra(d, "custom:부서", "정책과", 9),
                     AIR_OK);
    air_report *r = tdoc_check(d, c);
    assert_int_equal(tdoc_count(r, "missing-metadata"), 0);
    air_report_free(r);
    air_config_free(c);
}

static void placeholders(void **state)
{
    air_doc *d = *state;
    tdoc_meta(d, AIR_META_TITLE, " 제목 없음 ");
    tdoc_meta(d, AIR_META_CREATOR, "Administrator");
    tdoc_meta(d, AIR_META_SUBJECT, "<%DESCRIPTION%>");
    tdoc_meta(d, AIR_META_KEYWORDS, "AI, 문서");
    tdoc_meta(d, AIR_META_DESCRIPTION, "Untitled3");
    air_report *r = tdoc_check(d, cfg);
    assert_int_equal(tdoc_count(r, "placeholder-metadata"), 4);
    const air_finding *f = tdoc_finding(r, "placeholder-metadata", 0);
    assert_string_equal(f->items[0].text, "title");
    assert_string_equal(f->snippet, "제목 없음");
    assert_int_equal(tdoc_count(r, "missing-metadata"), 0);
    air_report_free(r);
}

static void real_metadata_is_clean(void **state)
{
    air_doc *d = *state;
    fill_meta(d);
    tdoc_meta(d, AIR_META_DESCRIPTION, "2026년 업무 계획");
    tdoc_para(d, tdoc_section(d), "1. 추진 배경");
    air_report *r = tdoc_check(d, cfg);
    assert_int_equal(air_report_count(r), 0);
    air_report_free(r);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(merged_regions_listed),
        T(plain_grid_and_covered_cells_are_fine),
        T(nested_tables_any_depth),
        T(nested_in_textbox_and_header),
        T(arrows_counted_and_named),
        T(arrow_bullets_and_hands),
        T(hands_are_arrows_not_emoji),
        T(allow_list_silences),
        T(official_markers_at_item_start),
        T(masks_blanks_and_check_boxes),
        T(many_ignored_then_one),
        T(decorative_bullets_and_stars),
        T(markers_configurable),
        T(emoji_and_icons),
        T(private_use_and_symbol_fonts),
        T(missing_fields_listed),
        T(required_fields_configurable),
        T(placeholders),
        T(real_metadata_is_clean),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
