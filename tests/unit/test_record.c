/* test_record.c -- jsonl lines read back (air_record): a batch worker's
 * result, a cache entry and a merged line must emit the very bytes they
 * came from, damaged lines must be refused, and summaries read back. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "airead.h"
#include "tdoc.h"
#include "util/arena.h"
#include "util/jsonr.h"

static air_config *cfg;

static int setup(void **state)
{
    (void)state;
    cfg = tdoc_config(NULL);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    air_config_free(cfg);
    return 0;
}

/* A document with findings of several kinds: merged cells (items with
 * spans), symbols (items with code points and a font), metadata (a
 * document-wide location), text with quotes and a line break. */
static air_report *sample_report(void)
{
    air_doc *d = tdoc_new(AIR_FMT_DOCX);
    tdoc_meta(d, AIR_META_TITLE, "제목 없음");
    air_node *sec = tdoc_section(d);
    tdoc_para(d, sec, "화살표 → 와 \"따옴표\" ★ 장식");
    air_node *p = tdoc_para(d, sec, "가 \xEF\x83\xA0 나");
    tdoc_span(d, p, 4, 3, AIR_SPAN_SYM, 0xF0E0, "Wingdings");
    air_node *t = tdoc_table(d, sec, 2);
    tdoc_cell(d, t, 0, 0, 1, 2);
    tdoc_cell(d, t, 1, 0, 1, 1);
    tdoc_cell(d, t, 1, 1, 1, 1);
    tdoc_para(d, sec, "문장이\n끊겼다 → 다시");
    air_report *r = tdoc_check(d, cfg);
    air_doc_free(d);
    return r;
}

/* The jsonl line (with its newline) of one result. */
static char *line_of(const air_result *res, air_lang lang, size_t *len)
{
    char *buf = NULL;
    FILE *f = open_memstream(&buf, len);
    assert_non_null(f);
    air_emit_opts eo = AIR_EMIT_OPTS_INIT;
    eo.lang = lang;
    eo.config = cfg;
    eo.no_summary = 1;
    air_emitter *em = NULL;
    assert_int_equal(air_emitter_new(&em, AIR_OUT_JSONL, f, &eo), AIR_OK);
    assert_int_equal(air_emitter_begin(em), AIR_OK);
    assert_int_equal(air_emitter_file(em, res), AIR_OK);
    assert_int_equal(air_emitter_end(em), AIR_OK);
    air_emitter_free(em);
    fclose(f);
    return buf;
}

static void round_trip_is_byte_identical(void **state)
{
    (void)state;
    air_report *r = sample_report();
    assert_true(air_report_count(r) >= 4);
    air_result res = { "보고서/a b.docx", AIR_FMT_DOCX, AIR_OK, NULL, r };
    for (int lang = 0; lang < AIR_LANG_COUNT; lang++) {
        size_t n1 = 0, n2 = 0;
        char *l1 = line_of(&res, (air_lang)lang, &n1);
        air_record *rec = NULL;
        assert_int_equal(air_record_parse(&rec, l1, n1, cfg), AIR_OK);
        const air_result *back = air_record_result(rec);
        assert_non_null(back);
        assert_null(air_record_summary(rec));
        assert_int_equal(air_report_count(back->report), air_report_count(r));
        assert_int_equal(air_report_max_severity(back->report),
                         air_report_max_severity(r));
        char *l2 = line_of(back, (air_lang)lang, &n2);
        assert_int_equal(n1, n2);
        assert_memory_equal(l1, l2, n1);
        free(l1);
        free(l2);
        air_record_free(rec);
    }
    air_report_free(r);
}

static void unreadable_and_renamed(void **state)
{
    (void)state;
    air_result res = { "old/a.hwpx", AIR_FMT_UNKNOWN, AIR_EENCRYPTED,
                       "old/a.hwpx: encrypted HWPX package", NULL };
    size_t n = 0;
    char *l = line_of(&res, AIR_LANG_EN, &n);
    air_record *rec = NULL;
    assert_int_equal(air_record_parse(&rec, l, n, cfg), AIR_OK);
    const air_result *back = air_record_result(rec);
    assert_int_equal(back->status, AIR_EENCRYPTED);
    assert_null(back->report);
    assert_null(air_record_report(rec));
    /* a cache entry of a copy: the path and the message follow */
    assert_int_equal(air_record_set_path(rec, "new/b.hwpx"), AIR_OK);
    back = air_record_result(rec);
    assert_string_equal(back->path, "new/b.hwpx");
    assert_string_equal(back->error, "new/b.hwpx: encrypted HWPX package");
    air_record_free(rec);
    free(l);
}

static int not_error(const air_finding *f, void *ctx)
{
    (void)ctx;
    return f->severity != AIR_SEV_ERROR;
}

static void filter_keeps_order_and_max(void **state)
{
    (void)state;
    air_report *r = sample_report();
    size_t n = air_report_count(r), errors = 0;
    for (size_t i = 0; i < n; i++)
        errors += air_report_finding(r, i)->severity == AIR_SEV_ERROR;
    assert_true(errors > 0 && errors < n);
    const air_finding *last = air_report_finding(r, n - 1);
    bool last_kept = last->severity != AIR_SEV_ERROR;
    air_report_filter(r, not_error, NULL);
    assert_int_equal(air_report_count(r), n - errors);
    assert_true(air_report_max_severity(r) < AIR_SEV_ERROR);
    if (last_kept)
        assert_ptr_equal(air_report_finding(r, n - errors - 1), last);
    assert_int_equal(air_report_weight(r), 2 * (n - errors));
    air_report_free(r);
}

static air_status parse_text(const char *text)
{
    air_record *rec = NULL;
    air_status st = air_record_parse(&rec, text, strlen(text), cfg);
    air_record_free(rec);
    return st;
}

static void damaged_lines_refused(void **state)
{
    (void)state;
    assert_int_equal(parse_text(""), AIR_EFORMAT);
    assert_int_equal(parse_text("[1,2]"), AIR_EFORMAT);
    assert_int_equal(parse_text("{\"tool\":\"other\",\"path\":\"a\"}"),
                     AIR_EFORMAT);
    /* another major version */
    assert_int_equal(parse_text("{\"tool\":\"airead\",\"schema_version\":"
                                "\"2.0\",\"path\":\"a\",\"status\":\"ok\","
                                "\"findings\":[]}"),
                     AIR_EFORMAT);
    /* a later minor version with a member we do not know: fine */
    assert_int_equal(parse_text("{\"tool\":\"airead\",\"schema_version\":"
                                "\"1.9\",\"path\":\"a\",\"status\":\"ok\","
                                "\"new\":{\"x\":[1]},\"findings\":[]}"),
                     AIR_OK);
    /* cut in the middle, as a killed writer would leave it */
    assert_int_equal(parse_text("{\"tool\":\"airead\",\"schema_version\":"
                                "\"1.1\",\"path\":\"a\",\"status\":\"ok\","
                                "\"findings\":[{\"rule\""),
                     AIR_EFORMAT);
    /* a rule this catalogue lacks */
    assert_int_equal(parse_text("{\"tool\":\"airead\",\"schema_version\":"
                                "\"1.1\",\"path\":\"a\",\"status\":\"ok\","
                                "\"findings\":[{\"rule\":\"x\",\"number\":"
                                "899,\"severity\":\"error\",\"location\":"
                                "{}}]}"),
                     AIR_ECONFIG);
}

static void summary_line_read_back(void **state)
{
    (void)state;
    const char *line =
        "{\"tool\":\"airead\",\"version\":\"0.1.0\",\"schema_version\":\"1.1\","
        "\"summary\":{\"files\":5,\"clean\":1,\"with_findings\":3,"
        "\"unreadable\":1,\"unreadable_by_reason\":{\"encrypted\":1},"
        "\"skipped\":7,\"findings\":9,\"by_severity\":{\"error\":2,"
        "\"warning\":7,\"info\":0},\"by_principle\":{\"1\":2,\"2\":7},"
        "\"by_rule\":{\"merged-cells\":2,\"arrow-symbol\":7},"
        "\"baseline\":{\"accepted\":4,\"gone\":1},\"worst\":[]}}";
    air_record *rec = NULL;
    assert_int_equal(air_record_parse(&rec, line, strlen(line), cfg),
                     AIR_OK);
    assert_null(air_record_result(rec));
    const air_summary *s = air_record_summary(rec);
    assert_non_null(s);
    assert_int_equal(s->files, 5);
    assert_int_equal(s->skipped, 7);
    assert_int_equal(s->unreadable_by[-AIR_EENCRYPTED], 1);
    assert_int_equal(s->by_severity[AIR_SEV_WARNING], 7);
    assert_int_equal(s->by_principle[2], 7);
    assert_int_equal(s->by_rule[101], 2);
    assert_int_equal(s->by_rule[201], 7);
    assert_true(s->baseline);
    assert_int_equal(s->baseline_accepted, 4);
    assert_int_equal(s->baseline_gone, 1);
    air_record_free(rec);
}

/* ---- the JSON reader itself ------------------------------------------ */

static void jsonr_values(void **state)
{
    (void)state;
    air_arena a = AIR_ARENA_INIT;
    air_jv *v = NULL;
    const char *t = " {\"s\":\"a\\u00e9\\ud83d\\ude00\\n\",\"n\":-12.5e1,"
                    "\"u\":4294967295,\"b\":true,\"z\":null,\"e\":[]} ";
    assert_int_equal(air_jsonr_parse(&v, &a, t, strlen(t)), AIR_OK);
    assert_string_equal(air_jv_str(air_jv_get(v, "s"), ""),
                        "a\xC3\xA9\xF0\x9F\x98\x80\n");
    assert_true(air_jv_get(v, "n")->num == -125.0);
    assert_int_equal(air_jv_uint(air_jv_get(v, "u"), UINT32_MAX, 0),
                     4294967295u);
    assert_int_equal(air_jv_uint(air_jv_get(v, "n"), 1000, 7), 7);
    assert_true(air_jv_get(v, "b")->b);
    assert_int_equal(air_jv_get(v, "z")->kind, AIR_JV_NULL);
    assert_int_equal(air_jv_get(v, "e")->len, 0);
    assert_null(air_jv_get(v, "missing"));
    air_arena_free(&a);
}

static void jsonr_refuses(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "{\"a\":1,}", "[1 2]", "\"\\ud800\"", "\"\\udc00x\"", "\"\x01\"",
        "\"\xC3\"", "01x", "{\"a\"}", "tru", "[1]]", "\"abc",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        air_arena a = AIR_ARENA_INIT;
        air_jv *v = NULL;
        assert_int_equal(air_jsonr_parse(&v, &a, bad[i], strlen(bad[i])),
                         AIR_EFORMAT);
        assert_null(v);
        air_arena_free(&a);
    }
    /* nesting is capped, not followed into a stack overflow */
    char deep[20001];
    memset(deep, '[', 10000);
    memset(deep + 10000, ']', 10000);
    deep[20000] = '\0';
    air_arena a = AIR_ARENA_INIT;
    air_jv *v = NULL;
    assert_int_equal(air_jsonr_parse(&v, &a, deep, 20000), AIR_EFORMAT);
    assert_non_null(strstr(air_last_error(), "nested too deeply"));
    air_arena_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(round_trip_is_byte_identical),
        cmocka_unit_test(unreadable_and_renamed),
        cmocka_unit_test(filter_keeps_order_and_max),
        cmocka_unit_test(damaged_lines_refused),
        cmocka_unit_test(summary_line_read_back),
        cmocka_unit_test(jsonr_values),
        cmocka_unit_test(jsonr_refuses),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
