/* test_markdown.c -- the Markdown emitter on models built in C: escaping,
 * headings, lists, breaks and the join hook, tables, symbols, notes,
 * images, text boxes, front matter. Each test states the Markdown a user
 * gets for one construct. */
#include "config.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "emit/md.h"
#include "tdoc.h"

static air_symmaps *maps;

static int load_maps(void **state)
{
    (void)state;
    const char *src = getenv("AIR_SOURCE_DIR");
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/rules/symbol-fonts", src ? src : ".");
    return air_symmaps_load(&maps, dir) == AIR_OK ? 0 : -1;
}

static int free_maps(void **state)
{
    (void)state;
    air_symmaps_free(maps);
    return 0;
}

/* The Markdown of 'doc' (caller frees), without front matter unless
 * 'opts' asks for it. */
static char *convert_with(air_doc *doc, const air_markdown_opts *opts,
                          const air_md_hooks *hooks)
{
    air_doc_finish(doc);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    air_markdown_opts o = AIR_MARKDOWN_OPTS_INIT;
    if (opts)
        o = *opts;
    else
        o.front_matter = 0;
    if (o.symbols == NULL)
        o.symbols = maps;
    assert_int_equal(air_md_convert(doc, &o, hooks, f), AIR_OK);
    fclose(f);
    return buf;
}

static char *convert(air_doc *doc)
{
    return convert_with(doc, NULL, NULL);
}

#define assert_md(doc, expected)                                               \
    do {                                                                       \
        char *got_ = convert(doc);                                             \
        assert_string_equal(got_, expected);                                   \
        free(got_);                                                            \
    } while (0)

/* A paragraph whose bytes [off, off+len) are in a span. */
static air_node *span_para(air_doc *doc, air_node *parent, const char *before,
                           const char *inside, const char *after,
                           uint32_t flags, uint32_t code, const char *font)
{
    air_node *p = air_node_add(doc, parent, AIR_NODE_PARA);
    assert_non_null(p);
    air_pbuild pb = AIR_PBUILD_INIT;
    size_t idx;
    assert_int_equal(air_pb_text(&pb, before, strlen(before)), AIR_OK);
    assert_int_equal(air_pb_span_begin(&pb, flags, code, font, NULL, &idx),
                     AIR_OK);
    assert_int_equal(air_pb_text(&pb, inside, strlen(inside)), AIR_OK);
    air_pb_span_end(&pb, idx);
    assert_int_equal(air_pb_text(&pb, after, strlen(after)), AIR_OK);
    assert_int_equal(air_pb_finish(&pb, doc, p), AIR_OK);
    air_pb_free(&pb);
    return p;
}

/* ---- escaping ---------------------------------------------------------- */

static void escapes_block_starts(void **state)
{
    (void)state;
    air_doc *d = tdoc_new(AIR_FMT_DOCX);
    air_node *s = tdoc_section(d);
    tdoc_para(d, s, "첫 줄\n1. 목록처럼 보이는 줄\n3) 괄호\n-5% 감소");
    tdoc_para(d, s, "2026. 1. 20.");
    tdoc_para(d, s, "# 제목이 아님");
    tdoc_para(d, s, "> 인용이 아님");
    tdoc_para(d, s, "+ 더하기");
    tdoc_para(d, s, "===");
    tdoc_para(d, s, "    네 칸 들여쓰기");
    assert_md(d, "첫 줄\\\n1\\. 목록처럼 보이는 줄\\\n3\\) 괄호\\\n"
                 "\\-5% 감소\n\n"
                 "2026\\. 1. 20.\n\n"
                 "\\# 제목이 아님\n\n"
                 "\\> 인용이 아님\n\n"
                 "\\+ 더하기\n\n"
                 "\\===\n\n"
                 "네 칸 들여쓰기\n");
    air_doc_free(d);
}

static void escapes_inline_characters(void **state)
{
    (void)state;
    air_doc *d = tdoc_new(AIR_FMT_DOCX);
    tdoc_para(
        d, tdoc_section(d),
        "*별* _밑줄_ a|b <tag> [링크](x) 3~6월 `코드` \\ R&D &amp; &#39 !");
    assert_md(d, "\\*별\\* \\_밑줄\\_ a\\|b \\<tag> \\[링크\\](x) 3\\~6월 "
                 "\\`코드\\` \\\\ R&D \\&amp; &#39 !\n");
    air_doc_free(d);
}

static void urls_become_autolinks(void **state)
{
    (void)state;
    /* A bare URL would be autolinked straight from the source, escapes
     * and all; "<URL>" keeps its text exact. */
    air_doc *d = tdoc_new(AIR_FMT_DOCX);
    air_node *s = tdoc_section(d);
    tdoc_para(d, s, "누리집 https://data.seoul.go.kr/a_b?x=1&y=*2*에서 확인");
    tdoc_para(d, s, "ns=\"http://schemas/xmlPackage\"&gt; 끝");
    tdoc_para(d, s, "xhttp://아님 http:// 만");
    assert_md(d, "누리집 <https://data.seoul.go.kr/a_b?x=1&y=*2*에서> 확인\n\n"
                 "ns=\"<http://schemas/xmlPackage\">\\&gt; 끝\n\n"
                 "xhttp://아님 http:// 만\n");
    air_doc_free(d);
}

/* ---- headings and lists ------------------------------------------------ */

static void headings_from_outline_and_styles(void **state)
{
    (void)state;
    air_doc *d = tdoc_new(AIR_FMT_HWPX);
    air_node *s = tdoc_section(d);
    air_node *h1 = tdoc_para(d, s, "추진 배경");
    tdoc_list(h1, AIR_LIST_OUTLINE, 0, AIR_NUMFMT_DECIMAL, 1, 1, "1");
    air_node *h2 = tdoc_para(d, s, "관련 근거 #1");
    tdoc_list(h2, AIR_LIST_OUTLINE, 1, AIR_NUMFMT_DECIMAL, 1, 1, "1-1");
    air_node *h3 = tdoc_para(d, s, "Word 제목 3");
    h3->u.para.heading = 3;
    air_node *h9 = tdoc_para(d, s, "깊은 개요");
    h9->u.para.outline_level = 8;
    tdoc_para(d, s, "본문");
    air_node *empty = tdoc_para(d, s, "");
    empty->u.para.heading = 1;
    assert_md(d, "# 1 추진 배경\n\n"
                 "## 1-1 관련 근거 \\#1\n\n"
                 "### Word 제목 3\n\n"
                 "###### 깊은 개요\n\n"
                 "본문\n");
    air_doc_free(d);
}

static void typed_bullets_nest_by_marker(void **state)
{
    (void)state;
    air_doc *d = tdoc_new(AIR_FMT_HWPX);
    air_node *s = tdoc_section(d);
    tdoc_para(d, s, "□ 고령층 격차가 커지고 있음");
    tdoc_para(d, s, "○ 이용률은 38% 수준임");
    tdoc_para(d, s, "- 민원의 62%가 온라인 접수됨");
    tdoc_para(d, s, "○ 정보 접근이 어려워짐");
    tdoc_para(d, s, "□ 교육 시행");
    tdoc_para(d, s, "※ 출처: 실태조사(2025)");
    tdoc_para(d, s, "○ 목록이 끊긴 뒤의 항목");
    assert_md(d, "- □ 고령층 격차가 커지고 있음\n"
                 "  - ○ 이용률은 38% 수준임\n"
                 "    - \\- 민원의 62%가 온라인 접수됨\n"
                 "  - ○ 정보 접근이 어려워짐\n"
                 "- □ 교육 시행\n\n"
                 "※ 출처: 실태조사(2025)\n\n"
                 "- ○ 목록이 끊긴 뒤의 항목\n");
    air_doc_free(d);
}

static void typed_numbers_are_list_items(void **state)
{
    (void)state;
    air_doc *d = tdoc_new(AIR_FMT_DOCX);
    air_node *s = tdoc_section(d);
    tdoc_para(d, s, "1. 개요");
    tdoc_para(d, s, "가. 대상은 본관임");
    tdoc_para(d, s, "1) 준공 후 30년");
    tdoc_para(d, s, "(1) 세부");
    tdoc_para(d, s, "① 원문자");
    tdoc_para(d, s, "나. 기간은 1년임");
    tdoc_para(d, s, "2. 현황");
    tdoc_para(d, s, "1-1 서울식 번호");
    tdoc_para(d, s, "1.5배 증가");
    assert_md(d, "- 1\\. 개요\n"
                 "  - 가. 대상은 본관임\n"
                 "    - 1\\) 준공 후 30년\n"
                 "      - (1) 세부\n"
                 "        - ① 원문자\n"
                 "  - 나. 기간은 1년임\n"
                 "- 2\\. 현황\n"
                 "  - 1-1 서울식 번호\n\n"
                 "1.5배 증가\n");
    air_doc_free(d);
}

static void automatic_numbering_keeps_markers(void **state)
{
    (void)state;
    air_doc *d = tdoc_new(AIR_FMT_DOCX);
    air_node *s = tdoc_section(d);
    tdoc_list(tdoc_para(d, s, "노후 설비 교체"), AIR_LIST_NUMBER, 0,
              AIR_NUMFMT_DECIMAL, 2, 1, "1.");
    /* A skipped level nests one step only: deeper would be code. */
    tdoc_list(tdoc_para(d, s, "냉난방 설비 우선"), AIR_LIST_NUMBER, 2,
              AIR_NUMFMT_DECIMAL, 2, 1, "1)");
    tdoc_list(tdoc_para(d, s, "일반 글머리표"), AIR_LIST_BULLET, 1,
              AIR_NUMFMT_BULLET, 3, 0, "\xE2\x80\xA2"); /* • dropped */
    tdoc_list(tdoc_para(d, s, "점검 주기 단축"), AIR_LIST_NUMBER, 0,
              AIR_NUMFMT_DECIMAL, 2, 2, "2.");
    tdoc_list(tdoc_para(d, s, "공식 글머리표"), AIR_LIST_BULLET, 1,
              AIR_NUMFMT_BULLET, 3, 0, "\xE2\x96\xA1"); /* □ kept */
    tdoc_list(tdoc_para(d, s, ""), AIR_LIST_NUMBER, 0, AIR_NUMFMT_DECIMAL, 2, 3,
              "3.");
    assert_md(d, "- 1\\. 노후 설비 교체\n"
                 "  - 1\\) 냉난방 설비 우선\n"
                 "    - 일반 글머리표\n"
                 "- 2\\. 점검 주기 단축\n"
                 "  - □ 공식 글머리표\n");
    air_doc_free(d);
}

/* ---- breaks and the join hook ------------------------------------------ */

/* The shared detector (rules 301/302) decides: a break inside a sentence
 * is joined, one after a complete line or before an item stays a hard
 * break. */
static void manual_breaks_follow_the_detector(void **state)
{
    (void)state;
    air_doc *d = tdoc_new(AIR_FMT_HWPX);
    air_node *s = tdoc_section(d);
    tdoc_para(d, s, "각 부서는 점검하여\n그 결과를 제출함.\n\n- 대시로 시작\n");
    tdoc_para(d, s, "□ 항목의\n둘째 줄");
    tdoc_para(d, s, "서울특별시 중구 세종대로 110\n서울특별시청");
    air_node *h = tdoc_para(d, s, "제목의\n둘째 줄");
    h->u.para.heading = 2;
    assert_md(d, "각 부서는 점검하여 그 결과를 제출함.\\\n"
                 "\\- 대시로 시작\n\n"
                 "- □ 항목의 둘째 줄\n\n"
                 "서울특별시 중구 세종대로 110\\\n"
                 "서울특별시청\n\n"
                 "## 제목의 둘째 줄\n");
    air_doc_free(d);
}

typedef struct call_log {
    char calls[8][160];
    int n;
} call_log;

/* A fake detector: joins after "고" with a space, after "개" or "부"
 * without one (a split word), keeps everything else; records each call
 * as "KIND:before|after". */
static air_join fake_detector(const air_break *b, void *user)
{
    call_log *log = user;
    if (log && log->n < 8)
        snprintf(log->calls[log->n++], sizeof log->calls[0], "%s:%.*s|%.*s",
                 b->kind == AIR_BREAK_LINE ? "line" : "para",
                 (int)b->before_len, b->before, (int)b->after_len, b->after);
    if (b->before_len >= 3) {
        const char *end = b->before + b->before_len - 3;
        if (memcmp(end, "고", 3) == 0)
            return AIR_JOIN_SPACE;
        if (memcmp(end, "개", 3) == 0 || memcmp(end, "부", 3) == 0)
            return AIR_JOIN_NOSPACE;
    }
    return AIR_JOIN_KEEP;
}

static void join_hook_joins_paragraphs_and_lines(void **state)
{
    (void)state;
    air_doc *d = tdoc_new(AIR_FMT_HWPX);
    air_node *s = tdoc_section(d);
    tdoc_para(d, s, "냉방 온도를 26도 이상으로 유지하고");
    tdoc_para(d, s, "점심시간에는 소등하였음.");
    tdoc_para(d, s, "절감된 예산은 시설 개\n선에 사용할 계획임.");
    tdoc_para(d, s, "사업은 3월부");
    tdoc_para(d, s, "터 시작함.");
    tdoc_para(d, s, "점검 결과는 공개함.\n자료는 요청할 수 있음.");
    tdoc_para(d, s, "□ 항목은 이어지지 않고");
    tdoc_para(d, s, "□ 새 항목임");
    call_log log = {.n = 0};
    air_md_hooks hooks = {fake_detector, &log};
    char *got = convert_with(d, NULL, &hooks);
    assert_string_equal(
        got, "냉방 온도를 26도 이상으로 유지하고 점심시간에는 소등하였음.\n\n"
             "절감된 예산은 시설 개선에 사용할 계획임.\n\n"
             "사업은 3월부터 시작함.\n\n"
             "점검 결과는 공개함.\\\n"
             "자료는 요청할 수 있음.\n\n"
             "- □ 항목은 이어지지 않고\n"
             "- □ 새 항목임\n");
    free(got);
    /* The detector saw the text on both sides of every candidate break
     * (in whatever order); a list item is never a candidate. */
    static const char *const want[] = {
        "para:냉방 온도를 26도 이상으로 유지하고|점심시간에는 소등하였음.",
        "para:점심시간에는 소등하였음.|절감된 예산은 시설 개",
        "line:절감된 예산은 시설 개|선에 사용할 계획임.",
        "para:선에 사용할 계획임.|사업은 3월부",
        "para:사업은 3월부|터 시작함.",
        "para:터 시작함.|점검 결과는 공개함.",
        "line:점검 결과는 공개함.|자료는 요청할 수 있음.",
    };
    assert_int_equal(log.n, 7);
    for (size_t i = 0; i < 7; i++) {
        bool seen = false;
        for (int k = 0; k < log.n; k++)
            seen = seen || strcmp(log.calls[k], want[i]) == 0;
        if (!seen)
            fail_msg("the detector was not asked: %s", want[i]);
    }
    air_doc_free(d);
}

static void no_join_keeps_every_break(void **state)
{
    (void)state;
    air_doc *d = tdoc_new(AIR_FMT_HWPX);
    air_node *s = tdoc_section(d);
    tdoc_para(d, s, "유지하고");
    tdoc_para(d, s, "시설 개\n선");
    call_log log = {.n = 0};
    air_md_hooks hooks = {fake_detector, &log};
    air_markdown_opts o = AIR_MARKDOWN_OPTS_INIT;
    o.front_matter = 0;
    o.join_breaks = 0;
    char *got = convert_with(d, &o, &hooks);
    assert_string_equal(got, "유지하고\n\n시설 개\\\n선\n");
    assert_int_equal(log.n, 0);
    free(got);
    air_doc_free(d);
}

static void joins_inside_table_cells(void **state)
{
    (void)state;
    air_doc *d = tdoc_new(AIR_FMT_DOCX);
    air_node *t = tdoc_table(d, tdoc_section(d), 2);
    tdoc_para(d, tdoc_cell(d, t, 0, 0, 1, 1), "구분");
    air_node *c = tdoc_cell(d, t, 1, 0, 1, 1);
    tdoc_para(d, c, "온도를 유지하고");
    tdoc_para(d, c, "소등함");
    tdoc_para(d, c, "별도 줄");
    air_md_hooks hooks = {fake_detector, NULL};
    char *got = convert_with(d, NULL, &hooks);
    assert_string_equal(got, "| 구분 |\n| --- |\n"
                             "| 온도를 유지하고 소등함<br>별도 줄 |\n");
    free(got);
    air_doc_free(d);
}

/* ---- tables ------------------------------------------------------------ */

static void plain_table_is_a_pipe_table(void **state)
{
    (void)state;
    air_doc *d = tdoc_new(AIR_FMT_DOCX);
    air_node *s = tdoc_section(d);
    const char *cells[] = {"과정",    "인원",          "기초|심화",
                           "3,000명", "찾아가는 교육", NULL};
    tdoc_grid(d, s, 3, 2, cells);
    assert_md(d, "| 과정 | 인원 |\n"
                 "| --- | --- |\n"
                 "| 기초\\|심화 | 3,000명 |\n"
                 "| 찾아가는 교육 |  |\n");
    air_doc_free(d);
}

static void cell_paragraphs_and_breaks_become_br(void **state)
{
    (void)state;
    air_doc *d = tdoc_new(AIR_FMT_DOCX);
    air_node *t = tdoc_table(d, tdoc_section(d), 1);
    air_node *c = tdoc_cell(d, t, 0, 0, 1, 1);
    tdoc_para(d, c, "첫 문단");
    tdoc_para(d, c, "");
    tdoc_para(d, c, "둘째 줄\n셋째 줄");
    tdoc_list(tdoc_para(d, c, "번호 항목"), AIR_LIST_NUMBER, 0,
              AIR_NUMFMT_DECIMAL, 1, 1, "1.");
    assert_md(d, "| 첫 문단<br>둘째 줄<br>셋째 줄<br>1. 번호 항목 |\n"
                 "| --- |\n");
    air_doc_free(d);
}

static air_doc *merged_doc(void)
{
    /* 권역(rowspan 2) | 교육 인원 (colspan 2)
     *                 | 계획 | 실적
     * 도심권           | 1,200명 | 1,150명 */
    air_doc *d = tdoc_new(AIR_FMT_HWPX);
    air_node *t = tdoc_table(d, tdoc_section(d), 3);
    tdoc_para(d, tdoc_cell(d, t, 0, 0, 2, 1), "권역");
    tdoc_para(d, tdoc_cell(d, t, 0, 1, 1, 2), "교육 인원");
    tdoc_para(d, tdoc_cell(d, t, 1, 1, 1, 1), "계획");
    tdoc_para(d, tdoc_cell(d, t, 1, 2, 1, 1), "실적");
    tdoc_para(d, tdoc_cell(d, t, 2, 0, 1, 1), "도심권<x>");
    tdoc_para(d, tdoc_cell(d, t, 2, 1, 1, 1), "1,200명");
    tdoc_para(d, tdoc_cell(d, t, 2, 2, 1, 1), "1,150명 & 더");
    return d;
}

static void merged_cells_become_html(void **state)
{
    (void)state;
    air_doc *d = merged_doc();
    assert_md(d, "<table>\n"
                 "<tr><td rowspan=\"2\">권역</td>"
                 "<td colspan=\"2\">교육 인원</td></tr>\n"
                 "<tr><td>계획</td><td>실적</td></tr>\n"
                 "<tr><td>도심권&lt;x&gt;</td><td>1,200명</td>"
                 "<td>1,150명 &amp; 더</td></tr>\n"
                 "</table>\n");
    air_doc_free(d);
}

static void expand_repeats_spanned_values(void **state)
{
    (void)state;
    air_doc *d = merged_doc();
    air_markdown_opts o = AIR_MARKDOWN_OPTS_INIT;
    o.front_matter = 0;
    o.tables = AIR_MD_TABLES_EXPAND;
    char *got = convert_with(d, &o, NULL);
    assert_string_equal(got, "| 권역 | 교육 인원 | 교육 인원 |\n"
                             "| --- | --- | --- |\n"
                             "| 권역 | 계획 | 실적 |\n"
                             "| 도심권\\<x> | 1,200명 | 1,150명 & 더 |\n");
    free(got);
    air_doc_free(d);
}

static void covered_cell_text_is_not_lost(void **state)
{
    (void)state;
    /* DOCX: a vMerge restart in row 0 continued in row 1; the
     * continuation cell still holds text. */
    air_doc *d = tdoc_new(AIR_FMT_DOCX);
    air_node *t = tdoc_table(d, tdoc_section(d), 2);
    tdoc_para(d, tdoc_cell(d, t, 0, 0, 2, 1), "병합");
    tdoc_para(d, tdoc_cell(d, t, 0, 1, 1, 1), "가");
    air_node *cov = tdoc_cell(d, t, 1, 0, 1, 1);
    cov->u.cell.flags |= AIR_CELL_COVERED;
    tdoc_para(d, cov, "숨은 글");
    tdoc_para(d, tdoc_cell(d, t, 1, 1, 1, 1), "나");
    assert_md(d, "<table>\n"
                 "<tr><td rowspan=\"2\">병합<br>숨은 글</td><td>가</td></tr>\n"
                 "<tr><td>나</td></tr>\n"
                 "</table>\n");
    air_doc_free(d);
}

static void nested_table_follows_its_parent(void **state)
{
    (void)state;
    air_doc *d = tdoc_new(AIR_FMT_HWPX);
    air_node *s = tdoc_section(d);
    air_node *t = tdoc_table(d, s, 2);
    tdoc_para(d, tdoc_cell(d, t, 0, 0, 1, 1), "배움터");
    tdoc_para(d, tdoc_cell(d, t, 0, 1, 1, 1), "반별 인원");
    tdoc_para(d, tdoc_cell(d, t, 1, 0, 1, 1), "종로구");
    air_node *c = tdoc_cell(d, t, 1, 1, 1, 1);
    tdoc_para(d, c, "다음과 같음");
    const char *inner[] = {"구분", "인원", "오전반", "120명"};
    /* HWPX: the nested table sits in a paragraph of the cell. */
    air_node *host = tdoc_para(d, c, "");
    air_node *nt = tdoc_grid(d, host, 2, 2, inner);
    nt->anchor = 0;
    tdoc_para(d, s, "표 다음 문단");
    assert_md(d, "| 배움터 | 반별 인원 |\n"
                 "| --- | --- |\n"
                 "| 종로구 | 다음과 같음<br>\\[중첩 표 1\\] |\n\n"
                 "\\[중첩 표 1\\]\n\n"
                 "| 구분 | 인원 |\n"
                 "| --- | --- |\n"
                 "| 오전반 | 120명 |\n\n"
                 "표 다음 문단\n");
    air_doc_free(d);
}

static void table_inside_a_paragraph_splits_it(void **state)
{
    (void)state;
    air_doc *d = tdoc_new(AIR_FMT_HWPX);
    air_node *p = tdoc_para(d, tdoc_section(d), "앞 글뒤 글");
    const char *cells[] = {"A"};
    air_node *t = tdoc_grid(d, p, 1, 1, cells);
    t->anchor = (uint32_t)strlen("앞 글");
    assert_md(d, "앞 글\n\n| A |\n| --- |\n\n뒤 글\n");
    air_doc_free(d);
}

static void empty_table_still_a_table(void **state)
{
    (void)state;
    air_doc *d = tdoc_new(AIR_FMT_DOCX);
    tdoc_table(d, tdoc_section(d), 0);
    assert_md(d, "<table>\n</table>\n");
    air_doc_free(d);
}

/* ---- symbols ----------------------------------------------------------- */

static void symbol_fonts_are_mapped(void **state)
{
    (void)state;
    air_doc *d = tdoc_new(AIR_FMT_DOCX);
    air_node *s = tdoc_section(d);
    /* Wingdings U+F0FC (check mark), ASCII 'l' in Wingdings, Symbol 'Þ'
     * (rightwards double arrow), a w:sym F0E8. */
    span_para(d, s, "", "\xEF\x83\xBC", " 확인", AIR_SPAN_SYMFONT, 0,
              "Wingdings");
    span_para(d, s, "가 ", "l", " 나", AIR_SPAN_SYMFONT, 0, "wingdings");
    span_para(d, s, "제출 ", "\xC3\x9E", " 배정", AIR_SPAN_SYMFONT, 0,
              "Symbol");
    span_para(d, s, "", "\xEF\x83\xA8", " 안내", AIR_SPAN_SYM, 0xF0E8,
              "Wingdings");
    air_md_stats st;
    air_markdown_opts o = AIR_MARKDOWN_OPTS_INIT;
    o.front_matter = 0;
    o.stats = &st;
    char *got = convert_with(d, &o, NULL);
    assert_string_equal(got, "\xE2\x9C\x93 확인\n\n"
                             "가 \xE2\x9A\xAB 나\n\n"
                             "제출 \xE2\x87\x92 배정\n\n"
                             "\xF0\x9F\xA1\xBA 안내\n");
    assert_int_equal(st.sym_mapped, 4);
    assert_int_equal(st.sym_dropped, 0);
    free(got);
    air_doc_free(d);
}

static void unmappable_glyphs_are_dropped_and_counted(void **state)
{
    (void)state;
    air_doc *d = tdoc_new(AIR_FMT_HWPX);
    air_node *s = tdoc_section(d);
    span_para(d, s, "로고 ", "\xEF\x83\xBF", "끝", AIR_SPAN_SYMFONT, 0,
              "Wingdings"); /* 0xFF: no Unicode character */
    tdoc_para(d, s, "사용자 정의 \xEE\x80\x80 문자"); /* U+E000 */
    span_para(d, s, "", "\xEF\x80\xA1", "", AIR_SPAN_SYMFONT, 0,
              "Marlett"); /* a font without a table */
    air_md_stats st;
    air_markdown_opts o = AIR_MARKDOWN_OPTS_INIT;
    o.front_matter = 0;
    o.stats = &st;
    char *got = convert_with(d, &o, NULL);
    assert_string_equal(got, "로고 끝\n\n사용자 정의 문자\n");
    assert_int_equal(st.sym_dropped, 3);
    free(got);
    o.keep_symbols = 1;
    got = convert_with(d, &o, NULL);
    assert_string_equal(got, "로고 \xEF\x83\xBF끝\n\n"
                             "사용자 정의 \xEE\x80\x80 문자\n\n"
                             "\xEF\x80\xA1\n");
    assert_int_equal(st.sym_kept, 3);
    free(got);
    air_doc_free(d);
}

static void symbol_tables_load_and_look_up(void **state)
{
    (void)state;
    assert_int_equal(air_symmaps_lookup(maps, "Wingdings", 0xFC), 0x2713);
    assert_int_equal(air_symmaps_lookup(maps, "WINGDINGS", 0xF0FC), 0x2713);
    assert_int_equal(air_symmaps_lookup(maps, "Symbol", 0xDE), 0x21D2);
    assert_int_equal(air_symmaps_lookup(maps, "Symbol MT", 0x61), 0x03B1);
    assert_int_equal(air_symmaps_lookup(maps, "Wingdings 2", 0x50), 0x1F5F8);
    assert_int_equal(air_symmaps_lookup(maps, "Wingdings 3", 0x21), 0x2B60);
    assert_int_equal(air_symmaps_lookup(maps, "Webdings", 0x21), 0x1F577);
    assert_int_equal(air_symmaps_lookup(maps, "Wingdings", 0xFF), 0);
    assert_int_equal(air_symmaps_lookup(maps, "Arial", 0x41), 0);
    assert_int_equal(air_symmaps_lookup(maps, "Wingdings", 0x1F), 0);
}

static void malformed_table_names_file_and_line(void **state)
{
    (void)state;
    char dir[] = "/tmp/airead-symXXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[4200];
    snprintf(path, sizeof path, "%s/bad.tsv", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("# a comment\nfont\tTest\n0x41\tU+0041\n0x42 U+0042\n", f);
    fclose(f);
    air_symmaps *m = NULL;
    assert_int_equal(air_symmaps_load(&m, dir), AIR_ECONFIG);
    assert_null(m);
    assert_non_null(strstr(air_last_error(), "bad.tsv:4:"));
    remove(path);
    rmdir(dir);
}

/* ---- notes, images, text boxes, headers -------------------------------- */

static void footnotes_become_definitions(void **state)
{
    (void)state;
    air_doc *d = tdoc_new(AIR_FMT_DOCX);
    air_node *s = tdoc_section(d);
    air_node *p = tdoc_para(d, s, "총 사업비 12억 원");
    air_node *fn = air_node_add(d, p, AIR_NODE_FOOTNOTE);
    fn->anchor = p->u.para.len;
    tdoc_para(d, fn, "본예산 기준임");
    tdoc_para(d, fn, "둘째 문단");
    air_node *p2 = tdoc_para(d, s, "미주가 있는 문장");
    air_node *en = air_node_add(d, p2, AIR_NODE_ENDNOTE);
    en->anchor = (uint32_t)strlen("미주가");
    tdoc_para(d, en, "미주 내용");
    assert_md(d, "총 사업비 12억 원[^1]\n\n"
                 "미주가[^2] 있는 문장\n\n"
                 "[^1]: 본예산 기준임\\\n"
                 "    둘째 문단\n\n"
                 "[^2]: 미주 내용\n");
    air_doc_free(d);
}

static void note_in_html_cell_stays_visible(void **state)
{
    (void)state;
    air_doc *d = merged_doc();
    air_node *cell = d->root->first->first->first->first; /* 권역 */
    air_node *p = cell->first;
    air_node *fn = air_node_add(d, p, AIR_NODE_FOOTNOTE);
    fn->anchor = p->u.para.len;
    tdoc_para(d, fn, "권역 구분은 2026년 기준");
    char *got = convert(d);
    assert_non_null(strstr(got, "<td rowspan=\"2\">권역<sup>1</sup></td>"));
    assert_non_null(strstr(got, "</table>\n\n1\\) 권역 구분은 2026년 기준\n"));
    free(got);
    air_doc_free(d);
}

static void images_are_referenced(void **state)
{
    (void)state;
    air_doc *d = tdoc_new(AIR_FMT_HWPX);
    air_node *p = tdoc_para(d, tdoc_section(d), "그림: ");
    air_node *img = air_node_add(d, p, AIR_NODE_IMAGE);
    img->anchor = p->u.para.len;
    img->u.image.alt = "연령대별 [이용률]\n막대그래프";
    img->u.image.target = "BinData/image 1(a).png";
    assert_md(d, "그림: ![연령대별 \\[이용률\\] 막대그래프]"
                 "(BinData/image%201%28a%29.png)\n");
    air_doc_free(d);
}

static void text_box_at_its_anchor(void **state)
{
    (void)state;
    air_doc *d = tdoc_new(AIR_FMT_HWPX);
    air_node *s = tdoc_section(d);
    air_node *p = tdoc_para(d, s, "앞 문장. 뒤 문장.");
    air_node *tb = air_node_add(d, p, AIR_NODE_TEXTBOX);
    tb->anchor = (uint32_t)strlen("앞 문장. ");
    tdoc_para(d, tb, "상자 안의 글");
    tdoc_para(d, tb, "□ 상자 속 항목");
    air_node *hd = air_node_add(d, s, AIR_NODE_HEADER);
    tdoc_para(d, hd, "머리말");
    assert_md(d, "앞 문장.\n\n상자 안의 글\n\n- □ 상자 속 항목\n\n뒤 문장.\n");
    air_markdown_opts o = AIR_MARKDOWN_OPTS_INIT;
    o.front_matter = 0;
    o.headers = 1;
    char *got = convert_with(d, &o, NULL);
    assert_string_equal(got, "앞 문장.\n\n상자 안의 글\n\n- □ 상자 속 항목\n\n"
                             "뒤 문장.\n\n머리말\n");
    free(got);
    air_doc_free(d);
}

/* ---- front matter ------------------------------------------------------ */

static void front_matter_holds_the_metadata(void **state)
{
    (void)state;
    air_doc *d = tdoc_new(AIR_FMT_HWPX);
    d->name = "/자료/보고서.hwpx";
    const char *title = "2026년 \"시민\" 계획\\안\n둘째 줄";
    assert_int_equal(air_doc_set_meta(d, AIR_META_TITLE, title, strlen(title)),
                     AIR_OK);
    assert_int_equal(air_doc_set_meta(d, AIR_META_CREATOR, "디지털정책과",
                                      strlen("디지털정책과")),
                     AIR_OK);
    assert_int_equal(air_doc_set_meta(d, AIR_META_SUBJECT, "  ", 2), AIR_OK);
    assert_int_equal(air_doc_set_meta(d, AIR_META_KEYWORDS, "yes: no", 7),
                     AIR_OK);
    assert_int_equal(
        air_doc_set_meta(d, AIR_META_CREATED, "2026-01-15T09:00:00Z", 20),
        AIR_OK);
    tdoc_para(d, tdoc_section(d), "본문");
    air_markdown_opts o = AIR_MARKDOWN_OPTS_INIT;
    char *got = convert_with(d, &o, NULL);
    assert_string_equal(got,
                        "---\n"
                        "title: \"2026년 \\\"시민\\\" 계획\\\\안\\n둘째 줄\"\n"
                        "author: \"디지털정책과\"\n"
                        "keywords: \"yes: no\"\n"
                        "created: \"2026-01-15T09:00:00Z\"\n"
                        "source: \"보고서.hwpx\"\n"
                        "format: \"hwpx\"\n"
                        "---\n\n"
                        "본문\n");
    free(got);
    air_doc_free(d);
}

/* ---- pathological models ---------------------------------------------- */

static void deep_text_boxes_are_flattened(void **state)
{
    (void)state;
    /* 200 text boxes inside one another: no recursion past the bound, and
     * every paragraph's text is still written. */
    air_doc *d = tdoc_new(AIR_FMT_HWPX);
    air_node *parent = tdoc_para(d, tdoc_section(d), "바깥");
    for (int i = 0; i < 200; i++) {
        air_node *tb = air_node_add(d, parent, AIR_NODE_TEXTBOX);
        assert_non_null(tb);
        parent = tdoc_para(d, tb, i == 199 ? "가장 안쪽" : "상자");
    }
    char *got = convert(d);
    assert_non_null(strstr(got, "가장 안쪽"));
    size_t boxes = 0;
    for (const char *q = got; (q = strstr(q, "상자")) != NULL; q++)
        boxes++;
    assert_int_equal(boxes, 199);
    free(got);
    air_doc_free(d);
}

static void absurd_spans_fall_back_to_html(void **state)
{
    (void)state;
    /* A colspan of four billion and a clashing cell: no grid is laid out,
     * the cells are written row by row, no text is lost. */
    air_doc *d = tdoc_new(AIR_FMT_HWPX);
    air_node *t = tdoc_table(d, tdoc_section(d), 2);
    tdoc_para(d, tdoc_cell(d, t, 0, 0, 1, 4000000000u), "넓음");
    tdoc_para(d, tdoc_cell(d, t, 1, 0, 1, 1), "a");
    tdoc_para(d, tdoc_cell(d, t, 1, 0, 1, 1), "b");
    assert_md(d, "<table>\n"
                 "<tr><td colspan=\"4000000000\">넓음</td></tr>\n"
                 "<tr><td>a</td><td>b</td></tr>\n"
                 "</table>\n");
    air_doc_free(d);
}

static void very_deep_lists_stay_lists(void **state)
{
    (void)state;
    /* 30 marker families in a row nest one step each, up to the bound. */
    static const char *const marks[] = {
        "□",   "○",  "-",   "·",   "ㆍ",   "①", "㉮", "㉠", "⑴", "1.",
        "가.", "1)", "가)", "(1)", "(가)", "•", "◦",  "▪",  "◆", "◇"};
    air_doc *d = tdoc_new(AIR_FMT_HWPX);
    air_node *s = tdoc_section(d);
    char text[64];
    for (size_t i = 0; i < sizeof marks / sizeof *marks; i++) {
        snprintf(text, sizeof text, "%s 항목", marks[i]);
        tdoc_para(d, s, text);
    }
    char *got = convert(d);
    /* The deepest item is indented 2 x (MD_MAX_LIST - 1) spaces. */
    char deepest[64];
    memset(deepest, ' ', 2 * (MD_MAX_LIST - 1));
    snprintf(deepest + 2 * (MD_MAX_LIST - 1), 32, "- ◇ 항목\n");
    assert_non_null(strstr(got, deepest));
    free(got);
    air_doc_free(d);
}

static void output_is_deterministic(void **state)
{
    (void)state;
    air_doc *d = merged_doc();
    tdoc_para(d, tdoc_section(d), "□ 항목\n둘째 줄");
    char *a = convert(d);
    char *b = convert(d);
    assert_string_equal(a, b);
    free(a);
    free(b);
    air_doc_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(escapes_block_starts),
        cmocka_unit_test(escapes_inline_characters),
        cmocka_unit_test(urls_become_autolinks),
        cmocka_unit_test(headings_from_outline_and_styles),
        cmocka_unit_test(typed_bullets_nest_by_marker),
        cmocka_unit_test(typed_numbers_are_list_items),
        cmocka_unit_test(automatic_numbering_keeps_markers),
        cmocka_unit_test(manual_breaks_follow_the_detector),
        cmocka_unit_test(join_hook_joins_paragraphs_and_lines),
        cmocka_unit_test(no_join_keeps_every_break),
        cmocka_unit_test(joins_inside_table_cells),
        cmocka_unit_test(plain_table_is_a_pipe_table),
        cmocka_unit_test(cell_paragraphs_and_breaks_become_br),
        cmocka_unit_test(merged_cells_become_html),
        cmocka_unit_test(expand_repeats_spanned_values),
        cmocka_unit_test(covered_cell_text_is_not_lost),
        cmocka_unit_test(nested_table_follows_its_parent),
        cmocka_unit_test(table_inside_a_paragraph_splits_it),
        cmocka_unit_test(empty_table_still_a_table),
        cmocka_unit_test(symbol_fonts_are_mapped),
        cmocka_unit_test(unmappable_glyphs_are_dropped_and_counted),
        cmocka_unit_test(symbol_tables_load_and_look_up),
        cmocka_unit_test(malformed_table_names_file_and_line),
        cmocka_unit_test(footnotes_become_definitions),
        cmocka_unit_test(note_in_html_cell_stays_visible),
        cmocka_unit_test(images_are_referenced),
        cmocka_unit_test(text_box_at_its_anchor),
        cmocka_unit_test(front_matter_holds_the_metadata),
        cmocka_unit_test(deep_text_boxes_are_flattened),
        cmocka_unit_test(absurd_spans_fall_back_to_html),
        cmocka_unit_test(very_deep_lists_stay_lists),
        cmocka_unit_test(output_is_deterministic),
    };
    return cmocka_run_group_tests(tests, load_maps, free_maps);
}
