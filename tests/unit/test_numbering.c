/* test_numbering.c -- principle 4: the marker parser and rules 401-403 on
 * models built in C. Hard negatives first: what normal Korean reports
 * hold (restarts under a new parent, bullets, notes, dates and amounts,
 * lists interrupted by paragraphs and tables, each table cell a list of
 * its own, automatic numbering as the reader computed it); then the hard
 * positives (gaps, duplicates, order, restarts among siblings, skipped
 * levels, a path under the wrong parent, style changes). */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "rules/engine.h"
#include "rules/markers.h"
#include "tdoc.h"

static air_config *cfg;  /* the shipped defaults (profile seoul) */
static air_config *stat; /* profile statutory */

static int group_setup(void **state)
{
    (void)state;
    cfg = tdoc_config(NULL);
    stat = tdoc_config("numbering:\n  profile: statutory\n");
    return 0;
}

static int group_teardown(void **state)
{
    (void)state;
    air_config_free(cfg);
    air_config_free(stat);
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

static const char *const SEQ = "numbering-sequence";
static const char *const HIER = "numbering-hierarchy";
static const char *const STY = "numbering-style";

/* Where the findings of rule 'id' are: "p3,p5" (body paragraph numbers)
 * or "t1r2c1p1" (table, row, column, paragraph in the cell). */
static const char *at(const air_report *r, const char *id)
{
    static char buf[512];
    buf[0] = 0;
    for (size_t i = 0; i < tdoc_count(r, id); i++) {
        const air_finding *f = tdoc_finding(r, id, i);
        char one[64];
        if (f->loc.table)
            snprintf(one, sizeof one, "%st%ur%uc%up%u", i ? "," : "",
                     (unsigned)f->loc.table, (unsigned)f->loc.row,
                     (unsigned)f->loc.col, (unsigned)f->loc.para);
        else
            snprintf(one, sizeof one, "%sp%u", i ? "," : "",
                     (unsigned)f->loc.para);
        strncat(buf, one, sizeof buf - strlen(buf) - 1);
    }
    return buf;
}

/* Body paragraphs from a NULL-terminated list, checked with 'c'. */
static air_report *body(air_doc *d, const air_config *c,
                        const char *const *lines)
{
    for (size_t i = 0; lines[i]; i++)
        tdoc_para(d, tdoc_section(d), lines[i]);
    return tdoc_check(d, c);
}

/* The three rules' findings for 'lines': "seq|hier|style" positions. */
static const char *judge(void **state, const air_config *c,
                         const char *const *lines)
{
    static char out[1600];
    air_report *r = body(*state, c, lines);
    char s[512], h[512];
    snprintf(s, sizeof s, "%s", at(r, SEQ));
    snprintf(h, sizeof h, "%s", at(r, HIER));
    snprintf(out, sizeof out, "%s|%s|%s", s, h, at(r, STY));
    air_report_free(r);
    return out;
}

/* A new empty document in *state, for a second case in one test. */
static void fresh(void **state)
{
    air_doc_free(*state);
    *state = tdoc_new(AIR_FMT_HWPX);
}

#define L(...) ((const char *const[]){ __VA_ARGS__, NULL })

/* ---- the marker parser ----------------------------------------------------*/

static const air_numbering *nb(void)
{
    return &cfg->numbering;
}

static bool parse(air_marker *m, const char *s)
{
    return air_marker_parse(m, nb(), s, strlen(s));
}

static void parses_official_markers(void **state)
{
    (void)state;
    struct {
        const char *text;
        int sys, form, value;
    } cases[] = {
        { "1. 추진 배경", AIR_NS_DECIMAL, AIR_MF_DOT, 1 },
        { "  12) 세부 계획", AIR_NS_DECIMAL, AIR_MF_PAREN, 12 },
        { "(3) 예산", AIR_NS_DECIMAL, AIR_MF_PARENS, 3 },
        { "⑶ 예산", AIR_NS_DECIMAL, AIR_MF_PARENS, 3 },
        { "다. 인력", AIR_NS_HANGUL, AIR_MF_DOT, 3 },
        { "하) 끝", AIR_NS_HANGUL, AIR_MF_PAREN, 14 },
        { "(나) 제도", AIR_NS_HANGUL, AIR_MF_PARENS, 2 },
        { "㈏ 제도", AIR_NS_HANGUL, AIR_MF_PARENS, 2 },
        { "④ 사업자는", AIR_NS_DECIMAL, AIR_MF_CIRCLED, 4 },
        { "④사업자는", AIR_NS_DECIMAL, AIR_MF_CIRCLED, 4 },
        { "㉰ 세부", AIR_NS_HANGUL, AIR_MF_CIRCLED, 3 },
        { "Ⅲ. 추진 계획", AIR_NS_ROMAN_UPPER, AIR_MF_DOT, 3 },
        { "IV. 기대 효과", AIR_NS_ROMAN_UPPER, AIR_MF_DOT, 4 },
        { "ㄷ. 문서 파일", AIR_NS_JAMO, AIR_MF_DOT, 3 },
        { "b) second", AIR_NS_LATIN_LOWER, AIR_MF_PAREN, 2 },
        { "Ⅱ 추진 계획", AIR_NS_ROMAN_UPPER, AIR_MF_PLAIN, 2 },
        { "거. 열다섯째", AIR_NS_HANGUL, AIR_MF_DOT, 15 },
        { "I am here", AIR_NS_NONE, 0, 0 },
        { "１．전각", AIR_NS_NONE, 0, 0 }, /* no space after it */
        { "１． 전각", AIR_NS_DECIMAL, AIR_MF_DOT, 1 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        air_marker m;
        bool ok = parse(&m, cases[i].text);
        if (cases[i].sys == AIR_NS_NONE) {
            assert_false(ok);
            continue;
        }
        assert_true(ok);
        assert_int_equal(m.style.kind, AIR_MK_NUMBER);
        assert_int_equal(m.style.sys, cases[i].sys);
        assert_int_equal(m.style.form, cases[i].form);
        assert_int_equal(m.value, cases[i].value);
    }
}

static void parses_paths_and_bullets(void **state)
{
    (void)state;
    air_marker m;
    assert_true(parse(&m, "1-2-3 세부"));
    assert_int_equal(m.style.form, AIR_MF_PATH);
    assert_int_equal(m.style.depth, 3);
    assert_int_equal(m.path[0], 1);
    assert_int_equal(m.path[1], 2);
    assert_int_equal(m.value, 3);
    assert_true(parse(&m, "3-1. 제출서류"));
    assert_int_equal(m.style.depth, 2);
    assert_true(parse(&m, "2.1 개요"));
    assert_int_equal(m.style.sep, '.');
    for (const char *const *b = L("□ 추진 배경", "○ 현황", "- 세부", "· 기타",
                                  "ㆍ 기타", "ㅇ 개요", "◦ 내용");
         *b; b++) {
        assert_true(parse(&m, *b));
        assert_int_equal(m.style.kind, AIR_MK_BULLET);
    }
    assert_true(parse(&m, "※ 참고"));
    assert_int_equal(m.style.kind, AIR_MK_NOTE);
    assert_true(parse(&m, "* 주석"));
    assert_int_equal(m.style.kind, AIR_MK_NOTE);
}

static void refuses_numbers_that_are_not_markers(void **state)
{
    (void)state;
    air_marker m;
    for (const char *const *s =
             L("2026. 1. 5.(월) 회의", "26. 1. 5. 개최", "1. 5.(월) 10:00",
               "1,000원을 지급", "1.5배 증가", "1.5 km 구간", "3.1절 기념",
               "제1조(목적)", "1.의 규정에 따라", "02-123-4567", "010-1234-5678",
               "2026년 계획", "10:30 회의", "--------", "○○○ 회사",
               "-5% 감소", "(사)한국협회", "1 2 3", "3 개월", "0. 개요",
               "오늘 1. 항목", "1.0 버전");
         *s; s++) {
        bool ok = parse(&m, *s);
        if (ok && m.style.kind == AIR_MK_NUMBER)
            fail_msg("'%s' parsed as a numbered marker", *s);
        if (ok && m.style.kind == AIR_MK_BULLET && (*s)[0] != '-')
            fail_msg("'%s' parsed as a bullet", *s);
    }
    /* a bare "1" is a marker only when the profile has a "1" level */
    assert_true(parse(&m, "1 추진 배경"));
    assert_int_equal(m.style.form, AIR_MF_PLAIN);
    assert_false(air_marker_parse(&m, &stat->numbering, "1 추진 배경", 15));
}

static void formats_markers(void **state)
{
    (void)state;
    char buf[40];
    air_mkstyle s = { .kind = AIR_MK_NUMBER, .sys = AIR_NS_HANGUL,
                      .form = AIR_MF_PAREN, .depth = 1 };
    air_marker_format(buf, sizeof buf, &s, NULL, 3);
    assert_string_equal(buf, "다)");
    s.form = AIR_MF_CIRCLED;
    air_marker_format(buf, sizeof buf, &s, NULL, 2);
    assert_string_equal(buf, "㉯");
    s.sys = AIR_NS_DECIMAL;
    s.form = AIR_MF_PARENS;
    air_marker_format(buf, sizeof buf, &s, NULL, 10);
    assert_string_equal(buf, "(10)");
    s.form = AIR_MF_PATH;
    s.depth = 3;
    s.sep = '-';
    int32_t path[6] = { 2, 1, 1 };
    air_marker_format(buf, sizeof buf, &s, path, 4);
    assert_string_equal(buf, "2-1-4");
    air_mkstyle r = { .kind = AIR_MK_NUMBER, .sys = AIR_NS_ROMAN_UPPER,
                      .form = AIR_MF_DOT, .depth = 1 };
    air_marker_format(buf, sizeof buf, &r, NULL, 4);
    assert_string_equal(buf, "IV.");
}

static void reads_automatic_markers(void **state)
{
    (void)state;
    air_list l = { AIR_LIST_OUTLINE, 1, AIR_NUMFMT_HANGUL_SYLLABLE, 0, 3, 2,
                   "나.", "^2." };
    air_marker m;
    assert_true(air_marker_from_list(&m, nb(), &l));
    assert_int_equal(m.style.sys, AIR_NS_HANGUL);
    assert_int_equal(m.style.form, AIR_MF_DOT);
    assert_int_equal(m.value, 2);
    l.marker = ""; /* an empty level text shows nothing */
    assert_false(air_marker_from_list(&m, nb(), &l));
    l.marker = "제2장";
    l.fmt = AIR_NUMFMT_DECIMAL;
    assert_true(air_marker_from_list(&m, nb(), &l));
    assert_int_equal(m.style.form, AIR_MF_OTHER);
    assert_int_equal(m.value, 2);
    air_list b = { AIR_LIST_BULLET, 0, AIR_NUMFMT_BULLET, 0, 1, 0, "□", NULL };
    assert_true(air_marker_from_list(&m, nb(), &b));
    assert_int_equal(m.style.kind, AIR_MK_BULLET);
    assert_int_equal(m.style.bullet, 0x25A1);
}

/* ---- hard negatives ------------------------------------------------------ */

static void restarts_under_new_parent(void **state)
{
    assert_string_equal(judge(state, cfg,
                              L("1. 추진 배경", "가. 현황", "나. 문제점",
                                "2. 추진 계획", "가. 예산", "나. 인력",
                                "1) 세부", "2) 세부", "다. 제도",
                                "3. 기대 효과")),
                        "||");
}

static void official_statutory_outline(void **state)
{
    assert_string_equal(
        judge(state, stat,
              L("1. 관련", "가. 근거", "1) 법", "가) 조", "(1) 항",
                "(가) 호", "① 목", "㉮ 세목", "㉯ 세목", "② 목", "(나) 호",
                "(2) 항", "나) 조", "2) 법", "나. 근거", "2. 관련")),
        "||");
}

static void seoul_outline_with_bullets(void **state)
{
    assert_string_equal(
        judge(state, cfg,
              L("1 추진 배경", "□ 현황", "○ 문제점", "- 세부 내용",
                "· 기타", "1-1 세부 과제", "1-1-1 예산", "1-1-2 인력",
                "1-2 제도", "2 추진 계획", "2-1 일정", "2-1-1 1단계")),
        "||");
}

static void bullets_have_no_sequence(void **state)
{
    assert_string_equal(judge(state, cfg,
                              L("□ 추진 배경", "○ 현황", "○ 문제점",
                                "- 세부", "- 세부", "○ 대책", "□ 계획",
                                "○ 일정", "※ 참고: 예산은 별도", "○ 예산")),
                        "||");
}

static void list_interrupted_by_paragraphs_notes_tables(void **state)
{
    air_doc *d = *state;
    air_node *s = tdoc_section(d);
    tdoc_para(d, s, "1. 추진 배경");
    tdoc_para(d, s, "최근 디지털 전환이 가속화되고 있다.");
    tdoc_para(d, s, "※ 2025년 기준");
    tdoc_para(d, s, "2. 추진 현황");
    tdoc_grid(d, s, 2, 2, L("구분", "내용", "1. 예산", "3. 인력"));
    tdoc_para(d, s, "3. 향후 계획");
    tdoc_para(d, s, "");
    tdoc_para(d, s, "4. 기대 효과");
    air_report *r = tdoc_check(d, cfg);
    assert_string_equal(at(r, SEQ), "");
    assert_string_equal(at(r, HIER), "");
    assert_string_equal(at(r, STY), "");
    air_report_free(r);
}

static void restart_after_paragraph_or_heading(void **state)
{
    assert_string_equal(
        judge(state, cfg,
              L("1. 관련 근거", "2. 추진 경과", "3. 향후 계획",
                "다음 서류를 제출하여 주시기 바랍니다.", "1. 신청서",
                "2. 사업계획서", "제2장 세부 내용", "1. 목적", "2. 범위",
                "[붙임 1] 신청 양식", "1. 성명", "2. 주소",
                "< 추진 일정 >", "1. 착수", "2. 완료")),
        "||");
}

static void dates_amounts_and_references(void **state)
{
    assert_string_equal(
        judge(state, cfg,
              L("1. 회의 개요", "2026. 1. 5.(월) 14:00, 본관 회의실",
                "2. 회의 결과", "1,000원 이상 지출 건 검토",
                "1.5배 증가한 예산", "제3조에 따른 심의",
                "3. 후속 조치", "02-2133-1234 (담당)", "4. 기타")),
        "||");
}

static void single_items_and_cells(void **state)
{
    air_doc *d = *state;
    air_node *s = tdoc_section(d);
    tdoc_para(d, s, "1. 유일한 항목");
    /* a numbering column: every cell is a list of its own */
    tdoc_grid(d, s, 4, 2,
              L("1.", "신청서", "2.", "계획서", "4.", "확약서", "2.", "기타"));
    air_node *t = tdoc_table(d, s, 1);
    air_node *cell = tdoc_cell(d, t, 0, 0, 1, 1);
    tdoc_para(d, cell, "가. 첫째");
    tdoc_para(d, cell, "나. 둘째");
    tdoc_para(d, cell, "다. 셋째");
    air_report *r = tdoc_check(d, cfg);
    assert_string_equal(at(r, SEQ), "");
    assert_string_equal(at(r, HIER), "");
    assert_string_equal(at(r, STY), "");
    air_report_free(r);
}

static void lines_of_one_item(void **state)
{
    /* a manual break inside an item is not text between items */
    assert_string_equal(judge(state, cfg,
                              L("1. 개요\n추진 배경은 다음과 같다", "1. 현황",
                                "2. 계획")),
                        "p2||");
}

static void inline_markers_continue(void **state)
{
    assert_string_equal(judge(state, cfg,
                              L("1. 다음 중 옳은 것은?", "① 가\t② 나\t③ 다",
                                "④ 라\t⑤ 마", "2. 다음 중 틀린 것은?",
                                "① 가", "② 나")),
                        "||");
}

static void articles_with_inline_first_item(void **state)
{
    assert_string_equal(
        judge(state, cfg,
              L("제1조(목적) 이 규정은 보안에 관하여 정한다.",
                "제2조(보안대책) ①사업자는 보안대책을 수립한다.",
                "②사업자는 누출금지 정보를 관리한다.",
                "③사업자가 위반한 경우 조치한다.",
                "제3조(자료 반납) ①사업자는 자료를 반납한다.",
                "②발주기관은 확인한다.")),
        "||");
}

static void automatic_numbering_as_computed(void **state)
{
    air_doc *d = *state;
    air_node *s = tdoc_section(d);
    const char *m[] = { "1.", "2.", "가.", "나.", "3.", "가." };
    int lv[] = { 0, 0, 1, 1, 0, 1 };
    int val[] = { 1, 2, 1, 2, 3, 1 };
    air_numfmt f[] = { AIR_NUMFMT_DECIMAL, AIR_NUMFMT_DECIMAL,
                       AIR_NUMFMT_HANGUL_SYLLABLE, AIR_NUMFMT_HANGUL_SYLLABLE,
                       AIR_NUMFMT_DECIMAL, AIR_NUMFMT_HANGUL_SYLLABLE };
    for (int i = 0; i < 6; i++)
        tdoc_list(tdoc_para(d, s, "항목"), AIR_LIST_OUTLINE, (unsigned)lv[i],
                  f[i], 1, val[i], m[i]);
    /* a second list started anew after a paragraph */
    tdoc_para(d, s, "다음과 같이 신청합니다.");
    tdoc_list(tdoc_para(d, s, "신청서"), AIR_LIST_NUMBER, 0,
              AIR_NUMFMT_DECIMAL, 2, 1, "1.");
    tdoc_list(tdoc_para(d, s, "계획서"), AIR_LIST_NUMBER, 0,
              AIR_NUMFMT_DECIMAL, 2, 2, "2.");
    /* numbering that shows nothing (an empty level text) */
    tdoc_list(tdoc_para(d, s, "[대도비라]"), AIR_LIST_NUMBER, 0,
              AIR_NUMFMT_DECIMAL, 3, 7, "");
    tdoc_list(tdoc_para(d, s, "[판권]"), AIR_LIST_NUMBER, 0,
              AIR_NUMFMT_DECIMAL, 3, 9, "");
    air_report *r = tdoc_check(d, cfg);
    assert_string_equal(at(r, SEQ), "");
    assert_string_equal(at(r, HIER), "");
    assert_string_equal(at(r, STY), "");
    air_report_free(r);
}

static void outline_across_sections(void **state)
{
    air_doc *d = *state;
    air_node *s1 = tdoc_section(d);
    tdoc_list(tdoc_para(d, s1, "개요"), AIR_LIST_OUTLINE, 0,
              AIR_NUMFMT_DECIMAL, 1, 1, "1.");
    tdoc_list(tdoc_para(d, s1, "현황"), AIR_LIST_OUTLINE, 0,
              AIR_NUMFMT_DECIMAL, 1, 2, "2.");
    air_node *s2 = tdoc_node(d, d->root, AIR_NODE_SECTION);
    tdoc_list(tdoc_para(d, s2, "계획"), AIR_LIST_OUTLINE, 0,
              AIR_NUMFMT_DECIMAL, 1, 3, "3.");
    tdoc_list(tdoc_para(d, s2, "효과"), AIR_LIST_OUTLINE, 0,
              AIR_NUMFMT_DECIMAL, 1, 4, "4.");
    /* a section whose numbering starts anew */
    air_node *s3 = tdoc_node(d, d->root, AIR_NODE_SECTION);
    tdoc_list(tdoc_para(d, s3, "부록"), AIR_LIST_OUTLINE, 0,
              AIR_NUMFMT_DECIMAL, 1, 1, "1.");
    air_report *r = tdoc_check(d, cfg);
    assert_string_equal(at(r, SEQ), "");
    assert_string_equal(at(r, HIER), "");
    air_report_free(r);
}

static void roman_list_past_fifty(void **state)
{
    /* "xlix." then "l.": 49 and 50 of a lower-roman list, not a letter */
    air_doc *d = *state;
    air_node *s = tdoc_section(d);
    static const char *const shown[] = {"xlviii.", "xlix.", "l.", "li.",
                                        "lii."};
    for (int i = 0; i < 5; i++)
        tdoc_list(tdoc_para(d, s, "항목"), AIR_LIST_NUMBER, 0,
                  AIR_NUMFMT_LOWER_ROMAN, 3, 48 + i, shown[i]);
    air_report *r = tdoc_check(d, cfg);
    assert_string_equal(at(r, SEQ), "");
    assert_string_equal(at(r, STY), "");
    air_report_free(r);
}

static void mixed_report_without_profile(void **state)
{
    /* Ⅰ./1./가. and □/○: neither profile, consistent in itself */
    assert_string_equal(
        judge(state, cfg,
              L("Ⅰ. 추진 배경", "1. 현황", "가. 인력", "나. 예산", "2. 문제점",
                "□ 세부", "○ 내용", "Ⅱ. 추진 계획", "1. 일정", "가. 1단계",
                "2. 예산", "Ⅲ. 기대 효과")),
        "||");
}

static void path_after_children_of_its_parent(void **state)
{
    assert_string_equal(
        judge(state, cfg,
              L("3. 입찰참가자격", "1) 자격 요건", "3-1. 제출서류", "1) 자격 관련",
                "2) 사후판정", "3-2. 등록", "1) 장소", "2) 등록", "4. 품명",
                "1) 품명")),
        "||");
}

static void table_of_contents_lines(void **state)
{
    air_doc *d = *state;
    air_node *s = tdoc_section(d);
    tdoc_para(d, s, "목 차");
    tdoc_para(d, s, "Ⅰ. 추진 배경\t3");
    tdoc_para(d, s, "Ⅱ. 추진 계획 ··········· 5");
    tdoc_para(d, s, "Ⅲ. 기대 효과\t9");
    tdoc_para(d, s, "Ⅰ. 추진 배경");
    tdoc_para(d, s, "Ⅱ. 추진 계획");
    air_node *toc = tdoc_para(d, s, "Ⅲ. 기대 효과");
    (void)toc;
    air_report *r = tdoc_check(d, cfg);
    assert_string_equal(at(r, SEQ), "");
    air_report_free(r);
}

static void new_list_under_item_opened_after_text(void **state)
{
    /* a table of contents without page numbers after a list: its "1."
     * items belong under Ⅰ., Ⅱ., not to the list before */
    assert_string_equal(
        judge(state, cfg,
              L("1. 과제 개요", "2. 주요 내용", "3. 기대 효과", "목 차",
                "Ⅰ. 제안 개요", "\t1. 목적", "\t2. 기대효과", "Ⅱ. 업체 현황",
                "\t1. 연혁", "\t2. 조직")),
        "||");
}

static void image_between_lists(void **state)
{
    air_doc *d = *state;
    air_node *s = tdoc_section(d);
    tdoc_para(d, s, "(1) 첫 문항");
    air_node *img = tdoc_para(d, s, "");
    tdoc_node(d, img, AIR_NODE_IMAGE);
    tdoc_para(d, s, "(1) 둘째 그림의 첫 문항");
    tdoc_para(d, s, "(2) 둘째 그림의 둘째 문항");
    air_report *r = tdoc_check(d, cfg);
    assert_string_equal(at(r, SEQ), "");
    air_report_free(r);
}

static void interleaved_lists_of_one_look(void **state)
{
    /* numbered section headings and running paragraph numbers, both
     * "N." but two automatic lists (the paragraphs' list continues over
     * several list ids, as Word's numbering instances of one definition
     * do): each is in order as the reader counted it */
    air_doc *d = *state;
    air_node *s = tdoc_section(d);
    struct { unsigned id; int v; } it[] = {
        { 1, 1 }, { 9, 54 }, { 9, 55 }, { 1, 2 }, { 10, 56 }, { 10, 57 },
        { 1, 3 }, { 11, 58 }, { 11, 59 },
    };
    for (size_t i = 0; i < sizeof it / sizeof *it; i++) {
        char m[8];
        snprintf(m, sizeof m, "%d.", it[i].v);
        tdoc_list(tdoc_para(d, s, "본문"), AIR_LIST_NUMBER, 0,
                  AIR_NUMFMT_DECIMAL, it[i].id, it[i].v,
                  air_doc_strdup(d, m));
    }
    air_report *r = tdoc_check(d, cfg);
    assert_string_equal(at(r, SEQ), "");
    air_report_free(r);
}

static void marker_before_a_bracket(void **state)
{
    assert_string_equal(
        judge(state, cfg,
              L("2-1. 아래의 자격을 모두 갖춘 자", "2-2.「국가계약법」 제27조의5",
                "2-3. 등록 안내")),
        "||");
}

/* ---- hard positives: 401 ---------------------------------------------------*/

static void gap(void **state)
{
    air_report *r = body(*state, cfg, L("1. 개요", "2. 현황", "4. 계획"));
    assert_string_equal(at(r, SEQ), "p3");
    const air_finding *f = tdoc_finding(r, SEQ, 0);
    assert_string_equal(f->message[AIR_LANG_KO],
                        "2. 다음에 4.: 3. 이 없습니다");
    assert_string_equal(f->message[AIR_LANG_EN],
                        "4. follows 2.: 3. is missing");
    assert_int_equal(f->loc.start, 0);
    assert_int_equal(f->loc.end, 2);
    air_report_free(r);
}

static void duplicate(void **state)
{
    air_report *r = body(*state, cfg,
                         L("1. 개요", "가. 인력", "나. 예산", "나. 제도", "2. 계획"));
    assert_string_equal(at(r, SEQ), "p4");
    assert_non_null(strstr(tdoc_finding(r, SEQ, 0)->message[AIR_LANG_KO],
                           "다. 이 와야"));
    air_report_free(r);
}

static void swapped_order_is_one_finding(void **state)
{
    assert_string_equal(
        judge(state, cfg, L("1. 개요", "3. 계획", "2. 현황", "4. 효과")),
        "p2||");
}

static void step_back(void **state)
{
    assert_string_equal(
        judge(state, cfg, L("가. 개요", "나. 현황", "다. 계획", "나. 효과")),
        "p4||");
}

static void restart_among_siblings(void **state)
{
    /* "5." then "1." with nothing between: the sub-list reuses the top
     * level's style; "6." later still continues the top level */
    assert_string_equal(
        judge(state, cfg,
              L("4. 기간", "5. 과업 내용", "1. 연구", "2. 개발", "6. 기타")),
        "p3||");
}

static void path_gap(void **state)
{
    assert_string_equal(
        judge(state, cfg, L("1 개요", "1-1 현황", "1-3 계획")), "p3||");
}

static void gaps_in_cells_and_lines(void **state)
{
    air_doc *d = *state;
    air_node *s = tdoc_section(d);
    air_node *t = tdoc_table(d, s, 1);
    air_node *cell = tdoc_cell(d, t, 0, 0, 1, 1);
    tdoc_para(d, cell, "1) 입찰 개요");
    tdoc_para(d, cell, "2) 자격");
    tdoc_para(d, cell, "4) 제출");
    tdoc_para(d, tdoc_cell(d, t, 0, 1, 1, 1), "가. 첫째\n나. 둘째\n라. 넷째");
    air_report *r = tdoc_check(d, cfg);
    assert_string_equal(at(r, SEQ), "t1r1c1p3,t1r1c2p1");
    air_report_free(r);
}

static void automatic_gap_and_restart(void **state)
{
    air_doc *d = *state;
    air_node *s = tdoc_section(d);
    tdoc_list(tdoc_para(d, s, "a"), AIR_LIST_NUMBER, 0, AIR_NUMFMT_DECIMAL, 4,
              1, "1.");
    tdoc_list(tdoc_para(d, s, "b"), AIR_LIST_NUMBER, 0, AIR_NUMFMT_DECIMAL, 4,
              2, "2.");
    /* a new list restarting right after the first one */
    tdoc_list(tdoc_para(d, s, "c"), AIR_LIST_NUMBER, 0, AIR_NUMFMT_DECIMAL, 5,
              1, "1.");
    tdoc_list(tdoc_para(d, s, "d"), AIR_LIST_NUMBER, 0, AIR_NUMFMT_DECIMAL, 5,
              2, "2.");
    /* a start value override that jumps */
    tdoc_list(tdoc_para(d, s, "e"), AIR_LIST_NUMBER, 0, AIR_NUMFMT_DECIMAL, 5,
              5, "5.");
    air_report *r = tdoc_check(d, cfg);
    assert_string_equal(at(r, SEQ), "p3,p5");
    air_report_free(r);
}

static void duplicate_across_text(void **state)
{
    /* after text a list may start anew at 1, unless the next item shows
     * that the 1 stood for 2 */
    assert_string_equal(
        judge(state, cfg,
              L("1. 기부 통계", "기부 건수는 다음과 같다.", "1. 답례품 통계",
                "답례품 현황은 다음과 같다.", "3. 포인트 통계")),
        "p3||");
    fresh(state);
    assert_string_equal(
        judge(state, cfg,
              L("1. 관련", "2. 경과", "추진 경과는 다음과 같다.", "2. 계획")),
        "p4||");
    fresh(state);
    assert_string_equal(
        judge(state, cfg,
              L("1. 관련", "2. 경과", "다음 서류를 제출합니다.", "1. 신청서",
                "2. 계획서")),
        "||");
}

static void style_change_over_a_jump_below(void **state)
{
    /* "13)" after "12." with a "1) 2)" list open below it */
    assert_string_equal(
        judge(state, cfg,
              L("11. 하도급", "1) 승인", "2) 확약", "12. 부당이득", "1) 환수",
                "2) 정산", "13) 기타사항")),
        "||p7");
}

static void style_switch_reported_once(void **state)
{
    assert_string_equal(
        judge(state, cfg,
              L("1. 개요", "2. 현황", "3) 계획", "4) 효과", "5. 기타")),
        "||p3");
}

/* ---- hard positives: 402 ---------------------------------------------------*/

static void path_under_wrong_parent(void **state)
{
    air_report *r = body(*state, cfg,
                         L("1 개요", "1-1 현황", "2 계획", "1-1-1 예산"));
    assert_string_equal(at(r, HIER), "p4");
    assert_string_equal(tdoc_finding(r, HIER, 0)->message[AIR_LANG_EN],
                        "1-1-1 is under 2: it belongs under 1-1");
    assert_string_equal(at(r, SEQ), "");
    air_report_free(r);
}

static void path_skips_a_level(void **state)
{
    assert_string_equal(judge(state, cfg, L("1 개요", "1-1-1 예산")), "|p2|");
    fresh(state);
    assert_string_equal(judge(state, cfg,
                              L("1-1 현황", "1-2 문제", "2-1 계획")),
                        "|p3|");
}

static void statutory_skipped_level(void **state)
{
    air_report *r = body(*state, stat, L("1. 개요", "1) 현황", "2) 문제"));
    assert_string_equal(at(r, HIER), "p2");
    assert_string_equal(tdoc_finding(r, HIER, 0)->message[AIR_LANG_KO],
                        "1. 바로 아래에 1): 가. 수준이 빠졌습니다");
    air_report_free(r);
}

static void statutory_inverted_level(void **state)
{
    assert_string_equal(
        judge(state, stat, L("가. 개요", "나. 현황", "1. 계획")), "|p3|");
    /* the same document under the Seoul profile: not judged by order */
    fresh(state);
    assert_string_equal(
        judge(state, cfg, L("가. 개요", "나. 현황", "1. 계획")), "||");
}

static void automatic_path_and_lists_between(void **state)
{
    /* list A "1." "2.", list B "1.2" under A's "2.", list A "(i)" on its
     * third level under B's item: the path is under the wrong parent,
     * the third level is not a skip (B's item stands between) */
    air_doc *d = *state;
    air_node *s = tdoc_section(d);
    tdoc_list(tdoc_para(d, s, "적용"), AIR_LIST_NUMBER, 0, AIR_NUMFMT_DECIMAL,
              1, 1, "1.");
    tdoc_list(tdoc_para(d, s, "일반 허가"), AIR_LIST_NUMBER, 0,
              AIR_NUMFMT_DECIMAL, 1, 2, "2.");
    tdoc_list(tdoc_para(d, s, "교육용 허가"), AIR_LIST_NUMBER, 1,
              AIR_NUMFMT_DECIMAL, 4, 2, "1.2");
    tdoc_list(tdoc_para(d, s, "설치"), AIR_LIST_NUMBER, 2,
              AIR_NUMFMT_LOWER_ROMAN, 1, 1, "(i)");
    air_report *r = tdoc_check(d, cfg);
    assert_string_equal(at(r, HIER), "p3");
    assert_string_equal(tdoc_finding(r, HIER, 0)->message[AIR_LANG_EN],
                        "1.2 is under 2.: it belongs under 1");
    air_report_free(r);
}

static void automatic_skipped_level(void **state)
{
    air_doc *d = *state;
    air_node *s = tdoc_section(d);
    tdoc_list(tdoc_para(d, s, "개요"), AIR_LIST_OUTLINE, 0,
              AIR_NUMFMT_DECIMAL, 1, 1, "1.");
    tdoc_list(tdoc_para(d, s, "현황"), AIR_LIST_OUTLINE, 2,
              AIR_NUMFMT_DECIMAL, 1, 1, "1)");
    air_report *r = tdoc_check(d, cfg);
    assert_string_equal(at(r, HIER), "p2");
    air_report_free(r);
}

/* ---- hard positives: 403 ---------------------------------------------------*/

static void style_change_at_same_level(void **state)
{
    air_report *r = body(*state, cfg,
                         L("1. 개요", "가. 현황", "2) 계획", "3) 효과"));
    assert_string_equal(at(r, STY), "p3");
    assert_string_equal(tdoc_finding(r, STY, 0)->message[AIR_LANG_EN],
                        "2) follows 1. at the same level: the marker style "
                        "changes (2. expected)");
    assert_string_equal(at(r, SEQ), "");
    air_report_free(r);
}

static void children_written_two_ways(void **state)
{
    assert_string_equal(judge(state, cfg,
                              L("1. 개요", "가. 현황", "나. 문제", "2. 계획",
                                "가) 일정", "나) 예산")),
                        "||p5");
    /* another numeral system under the same kind of item: not compared */
    fresh(state);
    assert_string_equal(judge(state, cfg,
                              L("1. 개요", "가. 현황", "2. 목차", "Ⅰ. 개요",
                                "Ⅱ. 현황")),
                        "||");
}

static void style_change_in_a_cell(void **state)
{
    air_doc *d = *state;
    air_node *t = tdoc_table(d, tdoc_section(d), 1);
    air_node *cell = tdoc_cell(d, t, 0, 0, 1, 1);
    tdoc_para(d, cell, "① 신청서");
    tdoc_para(d, cell, "(2) 계획서");
    air_report *r = tdoc_check(d, cfg);
    assert_string_equal(at(r, STY), "t1r1c1p2");
    air_report_free(r);
}

static void path_final_dot_is_a_style(void **state)
{
    assert_string_equal(
        judge(state, cfg,
              L("6. 검사", "6.1 검사의 책임", "6.1.1 공급자", "6.2. 필수 서류",
                "6.2.1 품질보증서", "6.3 시험성적서", "6.3.1 발급")),
        "||p4");
    fresh(state);
    assert_string_equal(
        judge(state, cfg,
              L("2. 적용", "2.1 일반", "2.1.1 장비", "3. 제원", "3.1 제원",
                "3.1.1. 주요 제원")),
        "||p6");
}

static void compact_path_is_no_date(void **state)
{
    air_marker m;
    assert_true(parse(&m, "6.2. 검수 시 필수 제출서류"));
    assert_int_equal(m.style.form, AIR_MF_PATH);
    assert_int_equal(m.style.close, '.');
    assert_false(parse(&m, "6.2.(월) 검수"));
    assert_false(parse(&m, "6. 2. 검수"));
    assert_false(parse(&m, "3. 2.~3. 5. 접수"));
    (void)state;
}

static void new_part_binds_afresh(void **state)
{
    assert_string_equal(judge(state, cfg,
                              L("1. 개요", "가. 현황", "2. 계획", "가. 일정",
                                "[별표 1] 서식", "1. 성명", "1) 한글",
                                "2. 주소", "1) 도로명")),
                        "||");
}

/* ---- pathological input: bounded and quick ------------------------------ */

static void deep_cells_and_many_styles(void **state)
{
    air_doc *d = *state;
    air_node *parent = tdoc_section(d);
    for (int i = 0; i < 40; i++) { /* cells in cells, deeper than kept */
        air_node *t = tdoc_table(d, parent, 1);
        parent = tdoc_cell(d, t, 0, 0, 1, 1);
        tdoc_para(d, parent, "1. 항목");
        tdoc_para(d, parent, "3. 항목");
    }
    /* more styles open at once than levels kept */
    air_node *s = tdoc_section(d);
    const char *const deep[] = { "Ⅰ. a", "1. a", "가. a", "1) a", "가) a",
        "(1) a", "(가) a", "① a", "㉮ a", "ㄱ. a", "a. a", "A. a", "i) a",
        "(a) a", "□ a", "○ a", "- a", "· a", "⑴ a", "❶ a" };
    for (size_t i = 0; i < sizeof deep / sizeof *deep; i++)
        tdoc_para(d, s, deep[i]);
    air_report *r = tdoc_check(d, cfg);
    assert_true(tdoc_count(r, SEQ) >= 16); /* the kept contexts report */
    air_report_free(r);
}

static void many_lines_in_one_paragraph(void **state)
{
    air_doc *d = *state;
    enum { N = 20000 };
    char *t = malloc(N * 10 + 1);
    assert_non_null(t);
    size_t at = 0;
    for (int i = 0; i < N; i++)
        at += (size_t)sprintf(t + at, "%s가. 가", i ? "\n" : "");
    tdoc_para(d, tdoc_section(d), t);
    free(t);
    air_report *r = tdoc_check(d, cfg);
    assert_int_equal(tdoc_count(r, SEQ), N - 1); /* each 가. repeats */
    air_report_free(r);
}

/* ---- quoted statutes ------------------------------------------------------*/

/* A law-interpretation document quoting articles: the law's own 항 (①),
 * 호 (1.) and 목 (가.), with only the relevant 항 given, are not the
 * document's outline; the outline goes on after the quote. */
static void statute_quote_keeps_its_own_numbering(void **state)
{
    assert_string_equal(
        judge(state, cfg,
              L("1. 사실관계", " ○ 모회사가 관계사와 계약을 맺음", "2. 질의요지",
                " ○ 분할이 적격분할에 해당하는지 여부", "3. 관련 법령",
                "○ 법인세법 제46조 【분할 시 분할법인등에 대한 과세】",
                " ② 제1항을 적용할 때 다음 각 호의 요건을 모두 갖춘 분할은",
                "  1. 분할등기일 현재 5년 이상 사업을 계속하던 내국법인이 다음 "
                "각 목의 요건을 모두 갖추어 분할하는 경우일 것",
                "   가. 분리하여 사업이 가능한 독립된 사업부문을 분할할 것",
                "   나. 분할하는 사업부문의 자산 및 부채가 포괄적으로 승계될 것",
                "  2. 분할법인등의 주주가 분할신설법인등의 주식만을 받을 것",
                "○ 법인세법 시행령 제82조의2 【적격분할의 요건 등】",
                " ② 분할하는 사업부문은 다음 각 호의 어느 하나에 해당하는 "
                "사업부문으로 한다.",
                "  1. 부동산 임대업을 주업으로 하는 사업부문",
                "  3. 주식등과 그와 관련된 자산·부채만으로 구성된 사업부문",
                " ⑤ 분할하는 사업부문이 주식등을 승계하는 경우에는",
                " ⑨ 분할신설법인등의 사업 계속 여부의 판정에 관하여는",
                "○ 법인세법 시행규칙 제41조 【독립된 사업부문의 판정】",
                " ① 부동산 임대업을 주업으로 하는 사업부문이란",
                "  1. 삭제 <2018.3.21>", "  2. 삭제 <2018.3.21>",
                "4. 회신", " ○ 귀 질의의 경우 기존 해석사례를 참고하기 바람")),
        "||");
    /* typed as in HWPX and DOCX: 「법령」 제N조(제목), the article an item
     * of the outline, a 호 list running past the outline's value */
    fresh(state);
    assert_string_equal(
        judge(state, cfg,
              L("가. 쟁점", "1) 분할이 적격분할인지 여부", "나. 관련 법령",
                "1) 「국세기본법」 제14조(실질 과세)",
                "① 과세의 대상이 되는 소득이 사실상 귀속되는 자가 따로 있을 "
                "때에는", "③ 다음 각 호의 어느 하나의 경우에는",
                "1. 제3자를 통한 간접적인 방법으로 거래한 경우",
                "2. 둘 이상의 행위 또는 거래를 거친 경우",
                "2) 조세특례제한법 시행령 제8조【연구개발비의 범위】",
                "② 제1항의 연구개발활동에는 다음 각 호의 활동을 포함하지 "
                "아니한다.", "7. 위탁받아 수행하는 연구활동",
                "3) 국제조세조정에 관한 법률 시행규칙 제 2조의 2  【분석절차 "
                "등】", "② 다음 각 호의 경우로 한다.", "1. 제품라인이 같은 경우",
                "제3조(정의) 이 법에서 사용하는 용어의 뜻은 다음과 같다.",
                "1. 거주자란 국내에 주소를 둔 개인을 말한다.",
                "다. 판단", "1) 청구법인의 주장을 살펴보면", "2) 따라서")),
        "||");
}

/* DOCX and HWPX typing: the first 항 on the article's line, the quote in
 * a table cell (a tribunal decision's 관련 법령 box), manual line breaks. */
static void statute_quote_inline_and_in_a_cell(void **state)
{
    assert_string_equal(
        judge(state, cfg,
              L("3. 관련 법령",
                "○ 「법인세법」 제46조(분할 시 분할법인등에 대한 과세) ① 내국법인이 "
                "분할로 해산하는 경우에는 다음 각 호의 금액을",
                "1. 분할법인등이 분할신설법인등으로부터 받은 양도가액",
                "2. 분할법인등의 분할등기일 현재의 순자산 장부가액",
                "③ 제2항에 따른 양도가액은 대통령령으로 정한다.", "4. 회신",
                "○ 적격분할에 해당함")),
        "||");
    air_doc *d = *state;
    air_doc_free(d);
    *state = d = tdoc_new(AIR_FMT_HWPX);
    air_node *cell = tdoc_cell(d, tdoc_table(d, tdoc_section(d), 1), 0, 0,
                               1, 1);
    tdoc_para(d, cell, "1. 처분개요");
    tdoc_para(d, cell, "2. 관련 법령");
    tdoc_para(d, cell, "소득세법 제97조【양도소득의 필요경비 계산】\n"
                       "① 거주자의 양도차익을 계산할 때 양도가액에서 공제할 "
                       "필요경비는 다음 각 호에서 규정하는 것으로 한다.\n"
                       "1. 취득가액\n가. 제94조제1항 각 호의 자산 취득에 든 "
                       "실지거래가액\n3. 그 밖에 대통령령으로 정하는 것");
    tdoc_para(d, cell, "3. 심리 및 판단");
    tdoc_para(d, cell, "5. 결론");
    air_report *r = tdoc_check(d, cfg);
    assert_string_equal(at(r, SEQ), "t1r1c1p5"); /* the cell's own gap */
    assert_string_equal(at(r, HIER), "");
    assert_string_equal(at(r, STY), "");
    air_report_free(r);
}

/* An item announcing its sub-list (다음 각 호) is its parent even when
 * the sub-list is written in its own style. */
static void announced_sub_list_in_the_same_style(void **state)
{
    assert_string_equal(
        judge(state, cfg,
              L("1. 목적", "2. 신청 자격은 다음 각 호와 같다.",
                "1. 공고일 현재 주민등록이 되어 있는 사람",
                "2. 세금을 체납하지 않은 사람", "3. 제출 서류")),
        "||");
}

/* The document's own outline breaking right after a quote is still
 * reported: a gap, a duplicate, a style change, a restart among
 * siblings announced by nothing. */
static void outline_breaks_after_a_quote(void **state)
{
    const char *quote[] = { "○ 법인세법 제46조 【분할 시 과세】",
                            " ① 내국법인이 분할로 해산하는 경우에는" };
    assert_string_equal(
        judge(state, cfg,
              L("1. 사실관계", "2. 질의요지", "3. 관련 법령", quote[0],
                quote[1], "5. 회신")),
        "p6||");
    fresh(state);
    assert_string_equal(
        judge(state, cfg,
              L("1. 사실관계", "2. 질의요지", "3. 관련 법령", quote[0],
                quote[1], "3. 회신", "4. 참고")),
        "p6||");
    fresh(state);
    assert_string_equal(
        judge(state, cfg,
              L("Ⅰ. 개요", "Ⅱ. 관련 법령", quote[0], quote[1], "Ⅳ. 회신")),
        "p5||");
    fresh(state);
    assert_string_equal(
        judge(state, cfg,
              L("1. 사실관계", "2. 질의요지", "3. 관련 법령", quote[0],
                quote[1], "4) 회신")),
        "||p6");
    /* after the quoted 호 list: 4. continues the outline, 6. skips 5. */
    fresh(state);
    assert_string_equal(
        judge(state, cfg,
              L("3. 관련 법령", quote[0], " ② 다음 각 호의 요건을 갖춘 분할",
                "  1. 5년 이상 사업을 계속할 것", "  2. 주식만을 받을 것",
                "4. 회신", "6. 참고")),
        "p7||");
    /* the outline's own sub-list restarting among siblings */
    fresh(state);
    assert_string_equal(
        judge(state, cfg,
              L("1. 개요", "가. 배경", "나. 목적", "2. 현황", "가. 인력",
                "다. 예산", "3. 계획")),
        "p6||");
}

/* A bracketed title right before a table (a unit line between) captions
 * it: the list goes on after the table; a true heading still restarts. */
static void table_caption_is_no_heading(void **state)
{
    air_doc *d = *state;
    air_node *s = tdoc_section(d);
    tdoc_para(d, s, "3. 통지관서 의견");
    tdoc_para(d, s, "1) 사실관계");
    tdoc_para(d, s, "< 연도별 영업이익률 >");
    tdoc_para(d, s, "                         (단위 : 백만원)");
    tdoc_cell(d, tdoc_table(d, s, 1), 0, 0, 1, 1);
    tdoc_para(d, s, "3) 판단");
    tdoc_para(d, s, "4. 심리 및 판단");
    tdoc_para(d, s, "<쟁점 1에 대하여>");
    tdoc_para(d, s, "1. 사실관계");
    air_report *r = tdoc_check(d, cfg);
    assert_string_equal(at(r, SEQ), "p5"); /* 1) then 3) */
    assert_string_equal(at(r, STY), "");
    air_report_free(r);
}

/* "붙  임 1. 공고문 / 2. 신청서": a spaced-out label begins a part. */
static void spaced_part_label(void **state)
{
    assert_string_equal(
        judge(state, cfg,
              L("1. 개요", "2. 일정", "3. 문의처", "붙  임 1. 평가위원 모집 공고문",
                "        2. 평가위원 등록 신청서 등.  끝.")),
        "||");
}

/* "(1) [equation] (2) [equation]" on each line labels equations. */
static void equation_labels_are_no_list(void **state)
{
    air_doc *d = *state;
    air_node *s = tdoc_section(d);
    for (int i = 0; i < 3; i++) {
        air_node *p = tdoc_para(d, s, "(1)        (2) ");
        tdoc_node(d, p, AIR_NODE_OBJECT);
        tdoc_node(d, p, AIR_NODE_OBJECT);
    }
    tdoc_para(d, s, "(1) 첫째");
    tdoc_para(d, s, "(3) 셋째");
    air_report *r = tdoc_check(d, cfg);
    assert_string_equal(at(r, SEQ), "p5"); /* text items are still a list */
    air_report_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(parses_official_markers),
        cmocka_unit_test(parses_paths_and_bullets),
        cmocka_unit_test(refuses_numbers_that_are_not_markers),
        cmocka_unit_test(formats_markers),
        cmocka_unit_test(reads_automatic_markers),
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
        T(restarts_under_new_parent),
        T(official_statutory_outline),
        T(seoul_outline_with_bullets),
        T(bullets_have_no_sequence),
        T(list_interrupted_by_paragraphs_notes_tables),
        T(restart_after_paragraph_or_heading),
        T(dates_amounts_and_references),
        T(single_items_and_cells),
        T(lines_of_one_item),
        T(inline_markers_continue),
        T(articles_with_inline_first_item),
        T(automatic_numbering_as_computed),
        T(outline_across_sections),
        T(roman_list_past_fifty),
        T(mixed_report_without_profile),
        T(path_after_children_of_its_parent),
        T(table_of_contents_lines),
        T(new_list_under_item_opened_after_text),
        T(image_between_lists),
        T(interleaved_lists_of_one_look),
        T(marker_before_a_bracket),
        T(gap),
        T(duplicate),
        T(swapped_order_is_one_finding),
        T(step_back),
        T(restart_among_siblings),
        T(path_gap),
        T(gaps_in_cells_and_lines),
        T(automatic_gap_and_restart),
        T(duplicate_across_text),
        T(style_change_over_a_jump_below),
        T(style_switch_reported_once),
        T(path_under_wrong_parent),
        T(path_skips_a_level),
        T(statutory_skipped_level),
        T(statutory_inverted_level),
        T(automatic_path_and_lists_between),
        T(automatic_skipped_level),
        T(style_change_at_same_level),
        T(children_written_two_ways),
        T(style_change_in_a_cell),
        T(new_part_binds_afresh),
        T(deep_cells_and_many_styles),
        T(many_lines_in_one_paragraph),
        T(path_final_dot_is_a_style),
        T(compact_path_is_no_date),
        T(statute_quote_keeps_its_own_numbering),
        T(announced_sub_list_in_the_same_style),
        T(outline_breaks_after_a_quote),
        T(statute_quote_inline_and_in_a_cell),
        T(table_caption_is_no_heading),
        T(spaced_part_label),
        T(equation_labels_are_no_list),
#undef T
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
