/* test_linebreak.c -- principle 3: the line-break detector, rules 301
 * (mid-sentence-break) and 302 (manual-line-break), and the Markdown join
 * that must follow them. Hard negatives first: the short complete lines
 * Korean 개조식 reports and forms are full of must never be reported; then
 * hard positives, Korean and English. */
#include "config.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "emit/md.h"
#include "rules/linebreak.h"
#include "tdoc.h"

static air_config *cfg; /* the shipped defaults, loaded once */
static const air_lb *lb;

static int group_setup(void **state)
{
    (void)state;
    cfg = tdoc_config(NULL);
    lb = air_config_linebreak(cfg);
    return lb ? 0 : -1;
}

static int group_teardown(void **state)
{
    (void)state;
    air_config_free(cfg);
    return 0;
}

/* ---- the detector on two lines ----------------------------------------- */

typedef struct pair {
    const char *before, *after;
} pair;

static air_lb_class classify(const char *before, const char *after,
                             bool is_line, air_lb_why *why)
{
    air_lb_break b = {before,  strlen(before), after, strlen(after),
                      is_line, NULL,           NULL};
    return air_lb_classify(lb, &b, why);
}

/* The pair as two paragraphs of table cell c of document d. */
static air_lb_class classify_in_cell(air_doc *d, air_node *c,
                                     const char *before, const char *after,
                                     air_lb_why *why)
{
    air_node *p = tdoc_para(d, c, before);
    air_node *q = tdoc_para(d, c, after);
    air_lb_break b = {before, strlen(before), after, strlen(after), false, p,
                      q};
    return air_lb_classify(lb, &b, why);
}

/* A pair that goes on after a space, and the sign that says so. */
typedef struct why_pair {
    const char *before, *after;
    air_lb_why why;
} why_pair;

/* Every pair goes on after a space for its own reason. */
static void expect_space(const why_pair *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        air_lb_why why;
        air_lb_class got = classify(v[i].before, v[i].after, false, &why);
        if (got != AIR_LB_CONTINUES_SPACE || why != v[i].why)
            fail_msg("\"%s\" | \"%s\": got %d (%s), want space (%s)",
                     v[i].before, v[i].after, (int)got, air_lb_why_name(why),
                     air_lb_why_name(v[i].why));
    }
}

/* Every pair is classified 'want'; a failure names the pair. */
static void expect_all(const pair *v, size_t n, air_lb_class want, bool is_line)
{
    for (size_t i = 0; i < n; i++) {
        air_lb_why why;
        air_lb_class got = classify(v[i].before, v[i].after, is_line, &why);
        if (got != want)
            fail_msg("\"%s\" | \"%s\": got %d (%s), want %d", v[i].before,
                     v[i].after, (int)got, air_lb_why_name(why), (int)want);
    }
}

static void items_and_headings_are_complete(void **state)
{
    (void)state;
    static const pair v[] = {
        {"□ 추진배경", "ㅇ 디지털 전환에 따라 문서 작성 방식이 바뀌고 있음"},
        {"Ⅰ. 추진배경", "1. 추진 목적"},
        {"ㅇ 불교 현안 파악 및 자료 수집․분석", "ㅇ 불교 관련 통계자료 구축"},
        {"- 2027년 상반기 발사를 목표로 단계별 점검 추진",
         "※ 3차 발사 대비 탑재 위성 중량 12% 증가"},
        {"   - 2027년 상반기 발사를 목표로 단계별",
         "     * 진척률은 내부 평가치"},
        {"ㅇ 불교에 관한 국내외 사례조사 분석 등", "ㅇ 네트워크 구축"},
        {"4.3.3 정비 매뉴얼 작성", "4.3.4 보급 매뉴얼 작성"},
        {"가. 공통요건",
         "국가공무원법 제33조 각호의 결격사유에 해당하지 아니한 자"},
        {"1.1 범위", "이 구매요구서는 유압식 잭에 대하여 적용한다."},
        {"교육과정 운영 결과를 보고함", "붙임 1. 계획서 1부."},
        {"○ 기본사항", "  - 응시자격요건에 해당되면 응시 가능"},
        {"(1) 제공받는 기관 : 인사혁신처", "(2) 제공목적 : 자격 확인"},
        {"① 첫째 항목", "② 둘째 항목"},
        {"제1조(목적) 이 규칙은 절차를 정함을 목적으로 한다.", "제2조(정의)"},
        {"안녕하십니까?", "귀농귀촌 아카데미 운영국입니다."},
        {"사업을 통해 지역 경제 활성화에 기여할 예정", "다음 사업은 추후 안내"},
        {"평가 요소", "★ 평가계획서의 평가 요소와 동일"},
        {"응시자 유의사항", "[별표 1] 제출 서류"},
    };
    expect_all(v, sizeof v / sizeof *v, AIR_LB_COMPLETE, false);
}

static void dates_labels_addresses_signatures_are_complete(void **state)
{
    (void)state;
    static const pair v[] = {
        {"2026. 1. 5.", "서울특별시장"},
        {"2024년    월    일", "성   명 :               (인)"},
        {"20  .   .   .", "서약자 ○○○회사 대표 ○○○(인)"},
        {"신청 기간: 2026. 1. 5.(월)까지", "접수처: 민원실"},
        {"담당자: 홍길동", "전화: 02-2133-1234"},
        {"서울특별시 중구 세종대로 110", "(태평로1가)"},
        {"서울특별시 중구 세종대로 110", "서울특별시청"},
        {"(우편번호 30119) 세종특별자치시 갈매로 388",
         "정부세종청사 15동 문화체육관광부 운영지원과"},
        {"문화체육관광부장관 귀하",
         "본인은 경력경쟁채용 선발시험에 응시합니다."},
        {"☎ 02-2133-1234", "FAX 02-2133-1235"},
        {"부제목: 새로운 편집방식으로", "저자: 김민수"},
        {"① 폐업회사의 사업자등록번호를 아는 경우 :", "  - 민원증명 신청"},
        {"- 4·19민주묘지에 울려퍼지는 -", "『제2회 가을밤의 음악축제』"},
        {"전문임기제 가급", "(종무(불교))"},
        {"AAA", "AA+, AA0, AA-"},
        {"A+", "A0"},
        {"30매", "*4묶음"},
        {"16.1.1 ~ 17.12.5", "(휴직사유 및 기간 표시)"},
        {"-", "비고"},
    };
    expect_all(v, sizeof v / sizeof *v, AIR_LB_COMPLETE, false);
    expect_all(v, sizeof v / sizeof *v, AIR_LB_COMPLETE, true);
}

/* Words that end like a particle but are nouns, and endings that are
 * complete units. */
static void noun_look_alikes_are_complete(void **state)
{
    (void)state;
    static const pair v[] = {
        {"관계기관 업무 협의", "일정 조정"}, /* 협의: not 의 */
        {"전문가 정책 회의", "결과 공유"},
        {"예산 추가", "사업 확대"}, /* 추가: not 가 */
        {"성과 평가", "환류 체계"},
        {"회의 결과", "후속 조치"}, /* 과: never */
        {"문화체육관광부 운영지원과", "채용담당자 앞"},
        {"제도", "운영"},               /* 도: never */
        {"60% 미만", "재시험"},         /* 미만: not 만 */
        {"도로", "교통"},               /* 로 after a vowel, noun */
        {"학습 놀이", "활동"},          /* 놀이: not 이 */
        {"입찰 참가자격 제한", "공고"}, /* 제한: not ~한 */
        {"성별", "(남/여)"},
        {"차이", "분석"}, /* 이 after a vowel */
        {"기체의 압력 측정하기", "이상 기체 방정식을 활용하여 분자량 구하기"},
        {"분석 결과 보고 필요", "검토 의견은 별도 제출"},
    };
    expect_all(v, sizeof v / sizeof *v, AIR_LB_COMPLETE, false);
}

static void lists_in_cells_are_complete(void **state)
{
    (void)state;
    air_doc *d = tdoc_new(AIR_FMT_HWPX);
    air_node *t = tdoc_table(d, tdoc_section(d), 1);
    air_node *c = tdoc_cell(d, t, 0, 0, 1, 1);
    static const pair v[] = {
        {"강의법", "문답법"},
        {"탐구학습", "협동학습"},
        {"구술·발표", "실험·실습"},
        {"성명", "생년월일"}, /* two labels stacked */
        {"주소", "전화번호"},
        {"기동함대사", "제주기지전대"},
        {"홍길동", "김철수"},
    };
    for (size_t i = 0; i < sizeof v / sizeof *v; i++) {
        air_lb_why why;
        air_lb_class got =
            classify_in_cell(d, c, v[i].before, v[i].after, &why);
        if (got != AIR_LB_COMPLETE)
            fail_msg("\"%s\" | \"%s\" in a cell: %s", v[i].before, v[i].after,
                     air_lb_why_name(why));
    }
    air_doc_free(d);
}

static void english_complete_lines(void **state)
{
    (void)state;
    static const pair v[] = {
        {"Best regards,", "Tom Jebo"},
        {"Tom Jebo", "Escalation Engineer"},
        {"Dear Minister,", "I write to you about the proposal."},
        {"The group met in Geneva in June.", "it agreed on a text"},
        {"Checkable continuation", "single task item with continuation"},
        {"export MAVEN_OPTS=-Xmx512m", "mvn install"},
        {"Develop a working definition of Internet governance;",
         "Identify the public policy issues"},
        {"End With", "End Sub"},
        {"Contaminants that may be present in source water include:",
         "microbial contaminants, such as viruses and bacteria"},
    };
    expect_all(v, sizeof v / sizeof *v, AIR_LB_COMPLETE, false);
}

/* ---- hard positives ------------------------------------------------------ */

static void endings_continue(void **state)
{
    (void)state;
    static const why_pair v[] = {
        {"각 부서는 매월 에너지 사용량을 점검하여",
         "그 결과를 총무과에 제출함.", AIR_LB_WHY_ENDING},
        {"서울시는 시민의", "안전을 위해 노력한다.", AIR_LB_WHY_ENDING},
        {"LANDING GEAR 정비 시 WING에", "사용하는 유압식 잭에 대하여",
         AIR_LB_WHY_ENDING},
        {"우주항공 5대 강국 입국을 주도하는", "우주항공청", AIR_LB_WHY_ENDING},
        {"AI 기반 적정공사비 산출을 위한", "공사비 변경 서비스 개발",
         AIR_LB_WHY_ENDING},
        {"성과품, 산출물 및", "프로그램과 소스 등을", AIR_LB_WHY_ENDING},
        {"해당하는 경우에는 동 입찰에 참여할", "수 없습니다.",
         AIR_LB_WHY_ENDING},
        {"민간경력만", "인정", AIR_LB_WHY_ENDING},
        {"장비 납품 시", "부하테스트를 할 수 있는 장비를 지참하여야 한다.",
         AIR_LB_WHY_ENDING},
        {"세부연구내용별", "Activity", AIR_LB_WHY_ENDING},
        {"입찰에 참가가능 하지만,", "다음의 경우에는 참가자격이 없습니다.",
         AIR_LB_WHY_COMMA},
        {"농업 및 축산업 종사자 36명(19.3%),", "귀농귀촌 체험 참여자 36명",
         AIR_LB_WHY_COMMA},
        {"(공동연구의", "경우 전원)", AIR_LB_WHY_BRACKET},
        {"- 행사운영의 안전성(안전관리, 보험, 우천 등",
         "기상 악화에 대한 대비)", AIR_LB_WHY_BRACKET},
        {"｢건설사업정보화 사업 관리지침", "준수｣", AIR_LB_WHY_BRACKET},
        {"2026.03.03. ~", "2026.04.13.", AIR_LB_WHY_JOINER},
        {"‘24.2.5.(월)", "~ 2.19.(월)", AIR_LB_WHY_NEXT},
        {"면허/허가/", "등록증 보유현황", AIR_LB_WHY_JOINER},
        {"예측모델 구조 설계", "및 변수 체계 정립", AIR_LB_WHY_NEXT},
        {"문제해결력, 창의력", "등을 신장시킬 수 있는 문항을 출제한다.",
         AIR_LB_WHY_NEXT},
        {"○사업담당자 연락처 : 사업, 제안요청서 문의", ": 귀농귀촌지원실 대리",
         AIR_LB_WHY_NEXT},
        {"인사혁신처 홈페이지", "(www.mpm.go.kr) 등을 통해 발급",
         AIR_LB_WHY_NEXT},
        {"5. 자격요건 검증을 위한 동의서 1부", "(별지 서식 제5호) : 필수서류",
         AIR_LB_WHY_NEXT},
        {"‘24.3.26.(화)", "예정", AIR_LB_WHY_NEXT},
        {"□", "경력1", AIR_LB_WHY_MARKER},
        {"※", "응시번호", AIR_LB_WHY_MARKER},
        {"4.3.3 정비 매뉴얼은 정비 단계별 정비주기, 절차, 방법, 소모성 및 "
         "재생품 "
         "교환",
         "주기, 검·교정 장비정비에 사용되는 공구가 명기되어 있어야 한다.",
         AIR_LB_WHY_PROSE},
    };
    expect_space(v, sizeof v / sizeof *v);
}

/* Each sign the sentence goes on, with a look-alike that must stay. */
static void conjunctions_glosses_and_lists(void **state)
{
    (void)state;
    static const why_pair go_on[] = {
        /* 과 after a final consonant joins two nouns */
        {"자신감과", "자아효능감", AIR_LB_WHY_ENDING},
        {"학생의 전문성과", "창의성을 함께 기른다.", AIR_LB_WHY_ENDING},
        /* ~고/~며 after a verb stem, causative or passive stems too */
        {"업무 효율을 높이고", "비용을 줄임", AIR_LB_WHY_ENDING},
        {"현장 의견을 살피며", "제도를 개선함", AIR_LB_WHY_ENDING},
        /* a word and its bracketed gloss end a line of prose wrapped by
         * hand */
        {"      상대자가 시험을 의뢰한 공인시험기관에 대해 시험성적서를 "
         "기품원 IQIS(종합품질정보서비스)",
         "      체계를 통해 직접 제출토록 요구할 경우 계약상대자는 "
         "이에 응하도록 하여야 한다.",
         AIR_LB_WHY_PROSE},
        /* under a hanging indent, 완료 is a noun of the sentence that the
         * hanging line ends */
        {"8.4.3 계약업체는 목록화 자료를 관련규정에 따라 입력하고 검수 시 "
         "검수관에게 목록화 자료 입력 완료",
         "      증빙서류를 제출하여야 한다.", AIR_LB_WHY_PROSE},
        /* a list set apart by bars wrapped onto a line that starts with
         * the bar */
        {"AUTHOR  |  COMMENTS  |  FILENAME  |  INFO  ",
         "|  KEYWORDS  |  NUMPAGES", AIR_LB_WHY_NEXT},
    };
    expect_space(go_on, sizeof go_on / sizeof *go_on);
    static const pair stay[] = {
        /* nouns and office names in 과, a masked office name */
        {"사업 성과", "점검"},
        {"사업 효과", "분석"},
        {"교무처 예산총괄과", "주무관 홍길동"},
        {"학과명  OOOOO과", "학번  2000112345"},
        /* nouns in 고 */
        {"옥외 광고", "관리 계획"},
        {"사업 신고", "접수 현황"},
        /* a bracketed title after a space ends a line of its own */
        {"제3장 세부 추진계획 및 분야별 이행 방안을 정리한 내용 【사분위 "
         "범위】",
         "각 기관은 다음 표의 범위를 확인하고 제출하여야 한다."},
        /* under a hanging indent, an item that ends in 완료 and the
         * unfinished item under it */
        {"8.4.3 계약업체는 목록화 자료를 관련규정에 따라 입력하고 검수 시 "
         "검수관에게 목록화 자료 입력 완료",
         "      증빙서류 제출 예정"},
        /* rows of a table drawn with bars; a border drawn down the left */
        {"| 구분 | 내용 |", "| 예산 | 100 |"},
        {"|HHHHHHHHHHHHHH", "|H 고정 값 15pt"},
    };
    expect_all(stay, sizeof stay / sizeof *stay, AIR_LB_COMPLETE, false);
    expect_all(stay, sizeof stay / sizeof *stay, AIR_LB_COMPLETE, true);
}

static void cut_words_join_without_space(void **state)
{
    (void)state;
    static const pair v[] = {
        {"기술검사관 협의 후 작성", "      하여야 한다."},
        {"품질 및 형식승인 기준 등을 적용", "해야 한다."},
        {"배점한도의 30%에 해당", "하는 평점을 부여"},
        {"계약체결일로", "부터 7일 이내"},
        {"응", "시"},
        {"격", "요"},
        {"절감된 예산은 청사 시설 개", "선에 사용할 계획임."},
        {"교체하는 사업은 3월부", "터 시작함."},
    };
    expect_all(v, sizeof v / sizeof *v, AIR_LB_CONTINUES_NOSPACE, false);
    expect_all(v, sizeof v / sizeof *v, AIR_LB_CONTINUES_NOSPACE, true);
    /* One-syllable words are words: "이 구매요구서는", "수 없음". */
    assert_int_equal(
        classify("1.1 범위", "이 구매요구서는 적용한다.", false, NULL),
        AIR_LB_COMPLETE);
    assert_int_equal(classify("참여할", "수 없습니다.", true, NULL),
                     AIR_LB_CONTINUES_SPACE);
    /* A space typed before the break: between words, not inside one. */
    assert_int_equal(classify("협의 후 작성 ", "하여야 한다.", false, NULL),
                     AIR_LB_COMPLETE);
}

static void labels_cut_in_cells(void **state)
{
    (void)state;
    air_doc *d = tdoc_new(AIR_FMT_HWPX);
    air_node *t = tdoc_table(d, tdoc_section(d), 1);
    air_node *c = tdoc_cell(d, t, 0, 0, 1, 1);
    static const pair v[] = {
        {"응시", "자격"},
        {"계약", "금액"},
        {"복수국적", "해당여부"},
        {"최종", "학력"},
        {"정부수입인지", "붙이는 란"},
        {"연구개발과제", "실무담당자"},
        /* a head noun that needs the noun before it, head or not */
        {"자격", "요건"},
        {"결격사유", "유무"},
        {"전문임기제", "가급"}, /* a letter grade grades the post */
    };
    for (size_t i = 0; i < sizeof v / sizeof *v; i++) {
        air_lb_why why;
        if (classify_in_cell(d, c, v[i].before, v[i].after, &why) !=
                AIR_LB_CONTINUES_SPACE ||
            why != AIR_LB_WHY_CELL)
            fail_msg("\"%s\" | \"%s\" in a cell: %s", v[i].before, v[i].after,
                     air_lb_why_name(why));
    }
    /* The same words outside a table are two short lines. */
    assert_int_equal(classify("응시", "자격", false, NULL), AIR_LB_COMPLETE);
    assert_int_equal(classify("전문임기제", "가급", false, NULL),
                     AIR_LB_COMPLETE);
    air_doc_free(d);
}

/* The break between the 2nd and 3rd of three one-line paragraphs of a
 * fresh cell, or between the 1st and 2nd when 'first' is set. */
static air_lb_class three_in_cell(const char *l1, const char *l2,
                                  const char *l3, bool first)
{
    air_doc *d = tdoc_new(AIR_FMT_HWPX);
    air_node *t = tdoc_table(d, tdoc_section(d), 1);
    air_node *c = tdoc_cell(d, t, 0, 0, 1, 1);
    air_node *p1 = tdoc_para(d, c, l1);
    air_node *p2 = tdoc_para(d, c, l2);
    air_node *p3 = tdoc_para(d, c, l3);
    const char *b = first ? l1 : l2, *a = first ? l2 : l3;
    air_lb_break brk = {
        b, strlen(b), a, strlen(a), false, first ? p1 : p2, first ? p2 : p3};
    air_lb_class got = air_lb_classify(lb, &brk, NULL);
    air_doc_free(d);
    return got;
}

/* One label laid out over three lines of a narrow cell goes on where two
 * labels stacked would not; a two-line cell of two labels stays. */
static void labels_over_three_lines(void **state)
{
    (void)state;
    assert_int_equal(three_in_cell("해당", "분야", "경력", false),
                     AIR_LB_CONTINUES_SPACE);
    assert_int_equal(three_in_cell("본사업", "참  여", "기  간", true),
                     AIR_LB_CONTINUES_SPACE);
    assert_int_equal(three_in_cell("성명", "생년월일", "연락처", false),
                     AIR_LB_COMPLETE);
    assert_int_equal(three_in_cell("성명", "생년월일", "연락처", true),
                     AIR_LB_COMPLETE);
    assert_int_equal(three_in_cell("(서명)", "분야", "경력", false),
                     AIR_LB_COMPLETE);
}

static void english_continues(void **state)
{
    (void)state;
    static const pair v[] = {
        {"The ITU estimates that between 1993 and 1998 the",
         "settlement payments grew"},
        {"Fecal Coliform or ", "E. coli"},
        {"Table 7 - sampling results showing TREATMENT OF",
         " SURFACE WATER SOURCES"},
        {"THE WORKING GROUP ", "ON INTERNET GOVERNANCE"},
        {"Footnote ", "or endnote ref"},
        {"Java 17 (released Sept 2021),", "(as well as later versions)"},
        {"Internet service providers in developing countries pay for the full",
         "cost of the international link to the backbone"},
    };
    expect_all(v, sizeof v / sizeof *v, AIR_LB_CONTINUES_SPACE, true);
}

/* The finer questions: a lead-in before a list, a marker alone on its
 * line, letters spaced out, statute numbers, prose wrapped by hand
 * against formulas and label lines, short labels cut in a cell. */
static void lead_ins_markers_spacing_prose(void **state)
{
    (void)state;
    static const pair complete[] = {
        /* a lead-in ending in a comma introduces the items below */
        {"주요 추진 내용은 다음과 같이,", "- 첫째, 예산을 절감함"},
        {"현장 점검 결과에 대하여,", "1) 시설 노후화가 심각함"},
        /* letters spaced out, not a word cut after one syllable */
        {"주 문", "원고의 청구를 기각한다."},
        {"신 청 인", "홍길동"},
        /* statute numbering: "2의2." starts an item */
        {"2의2. 정의", "3. 적용범위"},
        {"제3조 ② 제1항의 경우에 그 기관의 장은", "2의2. 다음 각 호의 사항"},
        /* a long formula line, then a label line: no prose */
        {"매출액 = 영업이익 + 판매비와 관리비 + 매출원가의 합계로 산출하며 "
         "이를 기준으로 평가를",
         "이용기간 : 5년"},
        {"가.", "추진 배경"}, /* an outline number with its stop */
    };
    expect_all(complete, sizeof complete / sizeof *complete, AIR_LB_COMPLETE,
               false);
    static const struct {
        const char *before, *after;
        air_lb_class want;
        air_lb_why why;
    } v[] = {
        /* a comma with no lead-in: the list runs on */
        {"예산, 인력,", "- 장비 보강이 필요함", AIR_LB_CONTINUES_SPACE,
         AIR_LB_WHY_COMMA},
        /* the marker alone, its text in the next paragraph */
        {"1)", "시설 점검 실시", AIR_LB_CONTINUES_SPACE, AIR_LB_WHY_MARKER},
        {"①", "점검 대상 선정", AIR_LB_CONTINUES_SPACE, AIR_LB_WHY_MARKER},
        /* prose wrapped by hand: a long sentence, its end on the next line */
        {"신청인은 신청서를 작성하여 해당 기관의 담당 부서에 제출하여야 하며 "
         "처리 결과는 추후 통보",
         "예정이다.", AIR_LB_CONTINUES_SPACE, AIR_LB_WHY_PROSE},
        /* a particle starting the next line: the word was cut */
        {"평가 결과 공개 범위 및 방법 : 기관 홈페이지 게시 및 개별 통지를 "
         "원칙으로 하되 일부 항목",
         "은 비공개로 한다.", AIR_LB_CONTINUES_NOSPACE, AIR_LB_WHY_WORD},
    };
    for (size_t i = 0; i < sizeof v / sizeof *v; i++) {
        air_lb_why why;
        air_lb_class got = classify(v[i].before, v[i].after, false, &why);
        if (got != v[i].want || why != v[i].why)
            fail_msg("\"%s\" | \"%s\": got %d (%s), want %d (%s)", v[i].before,
                     v[i].after, (int)got, air_lb_why_name(why), (int)v[i].want,
                     air_lb_why_name(v[i].why));
    }

    /* In a cell of two lines: two short halves join; longer ones only
     * before a head noun; a label ending in its head noun stays. */
    air_doc *d = tdoc_new(AIR_FMT_HWPX);
    air_node *t = tdoc_table(d, tdoc_section(d), 1);
    static const struct {
        const char *before, *after;
        air_lb_class want;
    } cell[] = {
        {"영업", "이익", AIR_LB_CONTINUES_SPACE},
        {"재판매", "가격", AIR_LB_CONTINUES_SPACE},
        {"종 류", "규격", AIR_LB_COMPLETE}, /* 종류: a head noun */
        {"사업명", "기간", AIR_LB_COMPLETE},
        {"기동함대사", "제주기지전대", AIR_LB_COMPLETE},
        {"국가연구개발", "사업관리자", AIR_LB_CONTINUES_SPACE},
        {"첫 줄", "둘째 줄", AIR_LB_COMPLETE}, /* two phrases, not one cut */
    };
    for (size_t i = 0; i < sizeof cell / sizeof *cell; i++) {
        air_lb_why why;
        air_node *c = tdoc_cell(d, t, 0, (unsigned)i, 1, 1);
        air_lb_class got =
            classify_in_cell(d, c, cell[i].before, cell[i].after, &why);
        if (got != cell[i].want)
            fail_msg("\"%s\" | \"%s\" in a cell: got %d (%s)", cell[i].before,
                     cell[i].after, (int)got, air_lb_why_name(why));
    }
    air_doc_free(d);
}

/* A line of a numbered clause wrapped at the right margin. */
#define WRAPPED                                                                                  \
    "6.5.2 계약상대자는 납품(설치) 후 검사관 또는 운용부대 기술검사관 " \
    "입회하여 8시간 이내 장비"

/* Text wrapped by hand under a hanging indent; code, web addresses,
 * English clauses after a comma and contents lines keep their breaks. */
static void hanging_indent_code_and_contents(void **state)
{
    (void)state;
    air_lb_why why;
    /* the next line stands under the text after "6.5.2 " */
    assert_int_equal(classify(WRAPPED,
                              "      시운전을 실시하고 장비성능에 문제가 없을 "
                              "경우 검사관 또는",
                              false, &why),
                     AIR_LB_CONTINUES_SPACE);
    assert_int_equal(why, AIR_LB_WHY_PROSE);
    /* an indent that hangs from nothing, or an item under the line */
    static const pair complete[] = {
        {WRAPPED,
         "  시운전을 실시하고 장비성능에 문제가 없을 경우 검사관 또는"},
        {WRAPPED, "      - 시운전을 실시하고 장비성능에 문제가 없을 경우"},
        {"1. 개요",
         "    본 사업은 공공기관의 문서 작성 방식을 개선하기 위한 것이다."},
        /* code, web addresses */
        {"    }", "}"},
        {"   * (eg a header part) */", "  public static Part createLink("},
        {"see http://www.docx4java.org/", "Supporting jars are in the zip"},
        /* English: a capital after a comma, a title and its byline */
        {"and international peace and security,",
         "Convinced also that racial discrimination harms"},
        {"Plutext Pty. Ltd.,", "PO Box 317,"},
        {"The Methodologists' Corner", "by Jeff Valentine"},
        {"using the condition editor", "c. \tselecting an existing condition"},
        /* contents lines */
        {"Ⅰ. 추진배경 ········ 3", "Ⅱ. 추진방향 ········ 5"},
        {"docx to PDF via Documents4j\t30",
         "docx to PDF via Microsoft Graph\t30"},
        /* nouns that look like endings or bound nouns */
        {"하나", "본문"},
        {"지어낸 접두어", "줄 바꿈 문자"},
    };
    expect_all(complete, sizeof complete / sizeof *complete, AIR_LB_COMPLETE,
               false);
    /* A statement still open after a bracket goes on. */
    assert_int_equal(
        classify("Image createImagePart(WordprocessingMLPackage wordMLPackage,",
                 "      Part sourcePart, byte[] bytes)", false, NULL),
        AIR_LB_CONTINUES_SPACE);
    /* Korean after a comma goes on whatever letter follows. */
    assert_int_equal(classify("예산, 인력,", "AI 기반 장비 보강", false, NULL),
                     AIR_LB_CONTINUES_SPACE);
    assert_int_equal(classify("노력하나", "성과가 없음", false, NULL),
                     AIR_LB_CONTINUES_SPACE);
}

static void structure_keeps_breaks(void **state)
{
    (void)state;
    air_doc *d = tdoc_new(AIR_FMT_DOCX);
    air_node *s = tdoc_section(d);
    air_node *a = tdoc_para(d, s, "각 부서는 매월 점검하여");
    air_node *h = tdoc_para(d, s, "그 결과를 제출함");
    air_node *li = tdoc_para(d, s, "그 결과를 제출함");
    tdoc_list(li, AIR_LIST_NUMBER, 0, AIR_NUMFMT_DECIMAL, 1, 1, "1.");
    air_node *c1 = tdoc_para(d, s, "시민의");
    air_node *c2 = tdoc_para(d, s, "안전을 위해");
    c1->u.para.align = AIR_ALIGN_CENTER;
    c2->u.para.align = AIR_ALIGN_RIGHT;
    h->u.para.heading = 2;
    const char *x = "각 부서는 매월 점검하여", *y = "그 결과를 제출함";
    air_lb_break b1 = {x, strlen(x), y, strlen(y), false, a, h};
    air_lb_break b2 = {x, strlen(x), y, strlen(y), false, h, li};
    air_lb_break b3 = {"시민의", 9, "안전을 위해", 16, false, c1, c2};
    air_lb_why why;
    assert_int_equal(air_lb_classify(lb, &b1, &why), AIR_LB_COMPLETE);
    assert_int_equal(why, AIR_LB_WHY_STRUCTURE);
    assert_int_equal(air_lb_classify(lb, &b2, &why), AIR_LB_COMPLETE);
    assert_int_equal(air_lb_classify(lb, &b3, &why), AIR_LB_COMPLETE);
    /* A manual break inside one paragraph knows no structure. */
    b1.is_line = true;
    assert_int_equal(air_lb_classify(lb, &b1, NULL), AIR_LB_CONTINUES_SPACE);
    /* No data: every break is kept. */
    assert_int_equal(air_lb_classify(NULL, &b1, NULL), AIR_LB_COMPLETE);
    /* One title over two paragraphs of its heading style, cut after a
     * comma, goes on; without the comma they are two headings. */
    air_node *h1 = tdoc_para(d, s, "최초 발사하는 한국형발사체,");
    air_node *h2 = tdoc_para(d, s, "국민이 정한 그 이름은 누리");
    h1->u.para.heading = h2->u.para.heading = 3;
    const char *t1 = "최초 발사하는 한국형발사체,",
               *t2 = "국민이 정한 그 이름은 누리";
    air_lb_break b4 = {t1, strlen(t1), t2, strlen(t2), false, h1, h2};
    assert_int_equal(air_lb_classify(lb, &b4, NULL), AIR_LB_CONTINUES_SPACE);
    b4.before_len--; /* without the comma */
    assert_int_equal(air_lb_classify(lb, &b4, &why), AIR_LB_COMPLETE);
    assert_int_equal(why, AIR_LB_WHY_STRUCTURE);
    h2->u.para.heading = 2; /* another level: another heading */
    b4.before_len++;
    assert_int_equal(air_lb_classify(lb, &b4, NULL), AIR_LB_COMPLETE);
    air_doc_free(d);
}

static void bounded_and_safe_on_odd_input(void **state)
{
    (void)state;
    /* Empty sides, spaces only, a very long line, deep brackets: defined
     * answers, no overrun (ASan/valgrind run this). */
    assert_int_equal(classify("", "다음", false, NULL), AIR_LB_COMPLETE);
    assert_int_equal(classify("앞", "", true, NULL), AIR_LB_COMPLETE);
    assert_int_equal(classify(" \t\u3000", "  ", true, NULL), AIR_LB_COMPLETE);
    char *big = malloc(200001);
    assert_non_null(big);
    for (size_t i = 0; i < 200000; i += 3)
        memcpy(big + i, "가", 3);
    big[200000 - 200000 % 3] = '\0';
    air_lb_why why;
    classify(big, big, false, &why);
    memset(big, '(', 5000);
    big[5000] = '\0';
    assert_int_equal(classify(big, "닫힘", true, NULL), AIR_LB_CONTINUES_SPACE);
    memset(big, ')', 5000);
    assert_int_equal(classify(big, "닫힘", true, NULL), AIR_LB_COMPLETE);
    free(big);
}

/* ---- rules 301 and 302 ----------------------------------------------------
 */

static void fill_meta(air_doc *d)
{
    tdoc_meta(d, AIR_META_TITLE, "2026년 추진계획");
    tdoc_meta(d, AIR_META_CREATOR, "디지털정책과");
    tdoc_meta(d, AIR_META_SUBJECT, "문서 표준화");
    tdoc_meta(d, AIR_META_KEYWORDS, "AI, 문서");
}

static void rule_301_reports_pairs_of_one_container(void **state)
{
    (void)state;
    air_doc *d = tdoc_new(AIR_FMT_HWPX);
    fill_meta(d);
    air_node *s = tdoc_section(d);
    tdoc_para(d, s, "□ 에너지 절감");
    tdoc_para(d, s, "ㅇ 각 부서는 매월 에너지 사용량을 점검하여");
    tdoc_para(d, s, "그 결과를 총무과에 제출함");
    tdoc_para(d, s, "ㅇ 점검 결과는 누리집에 공개할");
    const char *cells[] = {"시민의", "안전을 위해"};
    tdoc_grid(d, s, 1, 2, cells); /* not a pair: different cells */
    tdoc_para(d, s, "수 있음");   /* not a pair: a table between */
    air_node *t = tdoc_table(d, s, 1);
    air_node *c = tdoc_cell(d, t, 0, 0, 1, 1);
    tdoc_para(d, c, "복수국적");
    tdoc_para(d, c, "해당여부");
    air_report *r = tdoc_check(d, cfg);
    assert_int_equal(tdoc_count(r, "mid-sentence-break"), 2);
    const air_finding *f = tdoc_finding(r, "mid-sentence-break", 0);
    assert_int_equal(f->severity, AIR_SEV_WARNING);
    assert_int_equal(f->loc.para, 2);
    assert_string_equal(
        f->snippet,
        "ㅇ 각 부서는 매월 에너지 사용량을 점검하여⏎그 결과를 총무과에 "
        "제출함");
    assert_non_null(strstr(f->message[AIR_LANG_KO], "다음 문단"));
    assert_non_null(strstr(f->message[AIR_LANG_EN], "next paragraph"));
    f = tdoc_finding(r, "mid-sentence-break", 1);
    assert_int_equal(f->loc.row, 1);
    assert_int_equal(f->loc.col, 1);
    assert_string_equal(f->snippet, "복수국적⏎해당여부");
    air_report_free(r);
    air_doc_free(d);
}

static void rule_302_reports_every_manual_break(void **state)
{
    (void)state;
    air_doc *d = tdoc_new(AIR_FMT_DOCX);
    fill_meta(d);
    air_node *s = tdoc_section(d);
    tdoc_para(d, s, "서울특별시 중구 세종대로 110\n서울특별시청");
    tdoc_para(d, s,
              "☞ 개인정보의 수집·이용과 관련하여 동의를 거부할 권리가 "
              "있으며, 다만 동의거부 시 공무원 \n   채용 및 임용 제한을 "
              "받을 수 있습니다.");
    tdoc_para(d, s, "기술검사관 협의 후 작성\n하여야 한다.");
    air_report *r = tdoc_check(d, cfg);
    assert_int_equal(tdoc_count(r, "manual-line-break"), 3);
    assert_int_equal(tdoc_count(r, "mid-sentence-break"), 0);
    const air_finding *f = tdoc_finding(r, "manual-line-break", 0);
    assert_int_equal(f->severity, AIR_SEV_INFO);
    assert_int_equal(f->loc.start, strlen("서울특별시 중구 세종대로 110"));
    assert_int_equal(f->loc.end, f->loc.start + 1);
    f = tdoc_finding(r, "manual-line-break", 1);
    assert_int_equal(f->severity, AIR_SEV_WARNING);
    assert_non_null(strstr(f->snippet, "다만 동의거부 시 공무원⏎채용 및 임용"));
    assert_true(strncmp(f->snippet, "…", strlen("…")) == 0);
    f = tdoc_finding(r, "manual-line-break", 2);
    assert_int_equal(f->severity, AIR_SEV_WARNING);
    assert_non_null(strstr(f->message[AIR_LANG_EN], "cuts a word"));
    assert_non_null(strstr(f->message[AIR_LANG_KO], "낱말"));
    assert_int_equal(air_report_max_severity(r), AIR_SEV_WARNING);
    air_report_free(r);
    air_doc_free(d);
}

static void only_complete_breaks_stay_info(void **state)
{
    (void)state;
    air_doc *d = tdoc_new(AIR_FMT_DOCX);
    fill_meta(d);
    tdoc_para(d, tdoc_section(d), "2026. 1. 5.\n서울특별시장");
    air_report *r = tdoc_check(d, cfg);
    assert_int_equal(air_report_count(r), 1);
    assert_int_equal(air_report_max_severity(r), AIR_SEV_INFO);
    air_report_free(r);
    /* A user severity above warning raises the mid-sentence ones only. */
    air_config *c = tdoc_config("rules:\n  manual-line-break: error\n");
    r = tdoc_check(d, c);
    assert_int_equal(air_report_max_severity(r), AIR_SEV_INFO);
    air_report_free(r);
    air_config_free(c);
    air_doc_free(d);
}

static void data_is_configurable(void **state)
{
    (void)state;
    air_doc *d = tdoc_new(AIR_FMT_DOCX);
    fill_meta(d);
    air_node *s = tdoc_section(d);
    tdoc_para(d, s, "□ 업무 협조");
    tdoc_para(d, s, "요청 사항");
    air_config *c = tdoc_config("sentences:\n  continues-end: ['협조$']\n");
    air_report *r = tdoc_check(d, c);
    assert_int_equal(tdoc_count(r, "mid-sentence-break"), 1);
    air_report_free(r);
    air_config_free(c);
    air_config *bad = NULL;
    assert_int_equal(tdoc_config_try(&bad, "sentences:\n  brackets: ['(']\n"),
                     AIR_ECONFIG);
    assert_non_null(strstr(air_last_error(), "bracket"));
    assert_int_equal(tdoc_config_try(&bad, "sentences:\n  prose-min: lots\n"),
                     AIR_ECONFIG);
    air_doc_free(d);
}

/* ---- the Markdown join follows the rules ------------------------------ */

static char *markdown(air_doc *d, air_md_stats *st)
{
    air_doc_finish(d);
    air_markdown_opts o = AIR_MARKDOWN_OPTS_INIT;
    o.front_matter = 0;
    o.stats = st;
    o.config = cfg;
    return tdoc_markdown(d, &o);
}

static void convert_joins_what_the_rules_report(void **state)
{
    (void)state;
    air_doc *d = tdoc_new(AIR_FMT_HWPX);
    fill_meta(d);
    air_node *s = tdoc_section(d);
    tdoc_para(d, s, "각 부서는 매월 사용량을 점검하여");
    tdoc_para(d, s, "그 결과를 제출한다.");
    tdoc_para(d, s, "서울특별시 중구 세종대로 110\n서울특별시청");
    tdoc_para(d, s, "기술검사관 협의 후 작성\n하여야 한다.");
    tdoc_para(d, s, "동의 거부 시 공무원 채용에\n제한을 받는다.");
    tdoc_para(d, s, "2026. 1. 5.");
    tdoc_para(d, s, "서울특별시장");
    air_node *t = tdoc_table(d, s, 1);
    air_node *c = tdoc_cell(d, t, 0, 0, 1, 1);
    tdoc_para(d, c, "응");
    tdoc_para(d, c, "시");
    air_md_stats st;
    memset(&st, 0, sizeof st);
    char *out = markdown(d, &st);
    assert_non_null(
        strstr(out, "각 부서는 매월 사용량을 점검하여 그 결과를 제출한다."));
    assert_non_null(
        strstr(out, "서울특별시 중구 세종대로 110\\\n서울특별시청"));
    assert_non_null(strstr(out, "작성하여야 한다."));
    assert_non_null(strstr(out, "공무원 채용에 제한을 받는다."));
    assert_non_null(strstr(out, "2026\\. 1. 5.\n\n서울특별시장"));
    assert_non_null(strstr(out, "| 응시 |"));
    /* Exactly the breaks 301 reports and 302 warns about. */
    air_report *r = tdoc_check(d, cfg);
    size_t warned = 0;
    for (size_t i = 0; i < tdoc_count(r, "manual-line-break"); i++)
        if (tdoc_finding(r, "manual-line-break", i)->severity ==
            AIR_SEV_WARNING)
            warned++;
    assert_int_equal(st.joins, tdoc_count(r, "mid-sentence-break") + warned);
    assert_int_equal(st.joins, 4);
    air_report_free(r);
    free(out);
    air_doc_free(d);
}

static void convert_keeps_breaks_with_no_join_data(void **state)
{
    (void)state;
    /* --no-join: nothing joined, nothing lost. */
    air_doc *d = tdoc_new(AIR_FMT_HWPX);
    air_node *s = tdoc_section(d);
    tdoc_para(d, s, "각 부서는 점검하여\n그 결과를 제출함.");
    air_doc_finish(d);
    air_markdown_opts o = AIR_MARKDOWN_OPTS_INIT;
    o.front_matter = 0;
    o.join_breaks = 0;
    char *buf = tdoc_markdown(d, &o);
    assert_string_equal(buf, "각 부서는 점검하여\\\n그 결과를 제출함.\n");
    free(buf);
    air_doc_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(items_and_headings_are_complete),
        cmocka_unit_test(dates_labels_addresses_signatures_are_complete),
        cmocka_unit_test(noun_look_alikes_are_complete),
        cmocka_unit_test(lists_in_cells_are_complete),
        cmocka_unit_test(english_complete_lines),
        cmocka_unit_test(endings_continue),
        cmocka_unit_test(conjunctions_glosses_and_lists),
        cmocka_unit_test(cut_words_join_without_space),
        cmocka_unit_test(labels_cut_in_cells),
        cmocka_unit_test(labels_over_three_lines),
        cmocka_unit_test(english_continues),
        cmocka_unit_test(lead_ins_markers_spacing_prose),
        cmocka_unit_test(hanging_indent_code_and_contents),
        cmocka_unit_test(structure_keeps_breaks),
        cmocka_unit_test(bounded_and_safe_on_odd_input),
        cmocka_unit_test(rule_301_reports_pairs_of_one_container),
        cmocka_unit_test(rule_302_reports_every_manual_break),
        cmocka_unit_test(only_complete_breaks_stay_info),
        cmocka_unit_test(data_is_configurable),
        cmocka_unit_test(convert_joins_what_the_rules_report),
        cmocka_unit_test(convert_keeps_breaks_with_no_join_data),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
