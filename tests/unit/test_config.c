/* test_config.c -- src/rules configuration and engine: defaults, user
 * files over them, errors as FILE:LINE, the catalogue and its pages,
 * search order, and what the engine guarantees about reports (order,
 * snippets, fingerprints). */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <pthread.h>

#include "rules/engine.h"
#include "tdoc.h"
#include "util/utf8.h"

/* The error of loading 'yaml' over the defaults: must fail with
 * AIR_ECONFIG and a message ":LINE: " containing 'what'. */
static void expect_error(const char *yaml, unsigned line, const char *what)
{
    air_config *c = NULL;
    air_status st = tdoc_config_try(&c, yaml);
    assert_int_equal(st, AIR_ECONFIG);
    assert_null(c);
    char tag[32];
    snprintf(tag, sizeof tag, ":%u: ", line);
    const char *msg = air_last_error();
    if (strstr(msg, tag) == NULL || strstr(msg, what) == NULL)
        fail_msg("expected line %u and '%s', got: %s", line, what, msg);
}

static void defaults_load(void **state)
{
    (void)state;
    air_config *c = tdoc_config(NULL);
    assert_true(air_config_rule_count(c) >= 8);
    int last = 0;
    for (size_t i = 0; i < air_config_rule_count(c); i++) {
        const air_rule_info *r = air_config_rule(c, i);
        assert_true(r->number > last); /* catalogue in number order */
        last = r->number;
        assert_true(r->enabled);
        assert_true(r->principle >= 1 && r->principle <= 5);
        assert_int_equal(r->severity, r->default_severity);
    }
    assert_string_equal(air_config_rule_find(c, "102")->id, "nested-table");
    assert_int_equal(air_config_rule_find(c, "emoji")->number, 203);
    assert_null(air_config_rule_find(c, "no-such-rule"));
    assert_null(air_config_file(c));
    air_config_free(c);
}

/* Every registered rule has rules/<id>.md with texts in both languages,
 * and every page belongs to a registered rule. */
static void every_rule_has_its_page(void **state)
{
    (void)state;
    air_config *c = tdoc_config(NULL);
    for (size_t i = 0; i < air_config_rule_count(c); i++) {
        const air_rule_info *r = air_config_rule(c, i);
        for (int l = 0; l < AIR_LANG_COUNT; l++) {
            if (!r->title[l][0] || !r->why[l][0] || !r->fix_hangul[l][0] ||
                !r->fix_word[l][0])
                fail_msg("rules/%s.md lacks a text (title, why, fix.hangul, "
                         "fix.word in ko and en)", r->id);
        }
    }
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/rules", getenv("AIR_SOURCE_DIR"));
    DIR *d = opendir(dir);
    assert_non_null(d);
    struct dirent *de;
    size_t pages = 0;
    while ((de = readdir(d)) != NULL) {
        size_t n = strlen(de->d_name);
        if (n < 4 || strcmp(de->d_name + n - 3, ".md") != 0 ||
            strcmp(de->d_name, "README.md") == 0)
            continue;
        char id[256];
        snprintf(id, sizeof id, "%.*s", (int)(n - 3), de->d_name);
        if (air_config_rule_find(c, id) == NULL)
            fail_msg("rules/%s has no rule", de->d_name);
        pages++;
    }
    closedir(d);
    assert_int_equal(pages, air_config_rule_count(c));
    air_config_free(c);
}

/* The shipped severity of a rule is the same in its descriptor, in
 * defaults.yaml and in its page. */
static void severities_agree(void **state)
{
    (void)state;
    for (size_t i = 0; i < air_registry_count(); i++) {
        const air_rule *r = air_registry_get(i);
        char path[4096];
        snprintf(path, sizeof path, "%s/rules/%s.md",
                 getenv("AIR_SOURCE_DIR"), r->id);
        FILE *f = fopen(path, "r");
        assert_non_null(f);
        char line[512], want[64];
        snprintf(want, sizeof want, "severity: %s\n",
                 air_severity_name(r->severity));
        bool found = false;
        while (fgets(line, sizeof line, f))
            if (strcmp(line, want) == 0)
                found = true;
        fclose(f);
        if (!found)
            fail_msg("%s: page does not say '%s'", r->id, want);
    }
    air_config *c = tdoc_config(NULL);
    for (size_t i = 0; i < air_registry_count(); i++) {
        const air_rule *r = air_registry_get(i);
        assert_int_equal(air_config_rule_find(c, r->id)->default_severity,
                         r->severity);
        assert_int_equal(air_config_rule_find(c, r->id)->severity,
                         r->severity);
    }
    air_config_free(c);
}

static void bad_files_give_file_and_line(void **state)
{
    (void)state;
    expect_error("rules:\n  merged-cells: [unclosed\n", 3, "");
    expect_error("rules:\n  merged-cells:\n    severity: loud\n", 3,
                 "severity: 'loud'");
    expect_error("rules:\n  no-such-rule: off\n", 2, "unknown rule");
    expect_error("symbols:\n  allow: [\"→\"]\n  colour: red\n", 3,
                 "unknown key 'colour'");
    expect_error("rules:\n  arrow-symbol:\n    enabled: maybe\n", 3,
                 "not true or false");
    expect_error("rules:\n  emoji: loud\n", 2, "a rule takes");
    expect_error("symbols:\n  allow: \"→\"\n", 2, "must be a list");
    expect_error("symbols:\n  allow: [\"U+ZZ12\"]\n", 2,
                 "not a code point");
    expect_error("symbols:\n  ignore:\n    - '(unclosed'\n", 3,
                 "bad pattern");
    expect_error("numbering:\n  profile: nowhere\n", 2,
                 "no numbering profile named 'nowhere'");
    expect_error("rules:\n  symbol-font-glyph:\n    colours: [a]\n", 3,
                 "has no setting 'colours'");
    expect_error("a: &x 1\n", 1, "anchors");
    expect_error("rules:\n  emoji: off\nrules:\n  emoji: on\n", 3,
                 "given twice");
    expect_error("- just\n- a list\n", 1, "must be a mapping");
}

static void overrides(void **state)
{
    (void)state;
    air_config *c = tdoc_config("rules:\n"
                                "  merged-cells: off\n"
                                "  arrow-symbol: error\n"
                                "  emoji:\n"
                                "    severity: info\n"
                                "numbering:\n"
                                "  profile: statutory\n");
    assert_false(air_config_rule_find(c, "merged-cells")->enabled);
    assert_int_equal(air_config_rule_find(c, "arrow-symbol")->severity,
                     AIR_SEV_ERROR);
    assert_true(air_config_rule_find(c, "arrow-symbol")->enabled);
    assert_int_equal(air_config_rule_find(c, "emoji")->severity,
                     AIR_SEV_INFO);
    assert_int_equal(air_config_rule_find(c, "emoji")->default_severity,
                     AIR_SEV_WARNING);
    assert_non_null(air_config_file(c));

    air_doc *d = tdoc_new(AIR_FMT_DOCX);
    air_node *t = tdoc_table(d, tdoc_section(d), 1);
    tdoc_cell(d, t, 0, 0, 1, 2);
    tdoc_para(d, tdoc_section(d), "가 → 나 ☎");
    air_report *r = tdoc_check(d, c);
    assert_int_equal(tdoc_count(r, "merged-cells"), 0);
    assert_int_equal(tdoc_finding(r, "arrow-symbol", 0)->severity,
                     AIR_SEV_ERROR);
    assert_int_equal(tdoc_finding(r, "emoji", 0)->severity, AIR_SEV_INFO);
    assert_int_equal(air_report_max_severity(r), AIR_SEV_ERROR);
    air_report_free(r);
    air_doc_free(d);
    air_config_free(c);
}

static void user_profiles(void **state)
{
    (void)state;
    air_config *c = tdoc_config("numbering:\n"
                                "  profile: mine\n"
                                "  profiles:\n"
                                "    mine:\n"
                                "      levels: [\"I.\", \"1.\"]\n"
                                "      bullets: [\"-\"]\n");
    assert_string_equal(c->profile.name, "mine");
    assert_int_equal(c->profile.levels.n, 2);
    assert_string_equal(c->profile.levels.v[0], "I.");
    air_config_free(c);
    c = tdoc_config(NULL);
    assert_string_equal(c->profile.name, "seoul");
    assert_int_equal(c->profile.levels.n, 3);
    assert_string_equal(c->profile.bullets.v[0], "□");
    air_config_free(c);
}

/* --print-config output read back as a user file gives the same output. */
static void print_round_trips(void **state)
{
    (void)state;
    air_config *c = tdoc_config("rules:\n  emoji: info\n"
                                "symbols:\n  allow: [\"→\", \"U+2605\"]\n");
    char *a = NULL, *b = NULL;
    size_t na = 0, nb = 0;
    FILE *f = open_memstream(&a, &na);
    assert_int_equal(air_config_print(c, f), AIR_OK);
    fclose(f);
    air_config_free(c);
    /* drop the comment lines that name the sources */
    const char *body = a;
    while (*body == '#')
        body = strchr(body, '\n') + 1;
    c = tdoc_config(body);
    f = open_memstream(&b, &nb);
    assert_int_equal(air_config_print(c, f), AIR_OK);
    fclose(f);
    const char *body2 = b;
    while (*body2 == '#')
        body2 = strchr(body2, '\n') + 1;
    assert_string_equal(body, body2);
    /* the same effective configuration, the same fingerprint */
    assert_int_equal(strlen(air_config_fingerprint(c)), 16);
    air_config *d = tdoc_config(NULL);
    assert_string_not_equal(air_config_fingerprint(c),
                            air_config_fingerprint(d));
    air_config *e = tdoc_config("rules:\n  emoji: info\n"
                                "symbols:\n  allow: [\"→\", \"U+2605\"]\n");
    assert_string_equal(air_config_fingerprint(c), air_config_fingerprint(e));
    air_config_free(d);
    air_config_free(e);
    assert_non_null(strstr(body, "emoji:\n    enabled: true\n    severity: "
                                 "info"));
    air_config_free(c);
    free(a);
    free(b);
}

/* ---- search order ------------------------------------------------------------ */

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void search_order(void **state)
{
    (void)state;
    char root[] = "/tmp/airead-find-XXXXXX";
    assert_non_null(mkdtemp(root));
    char p[4096], q[4096], home[1024], xdg[1024];
    snprintf(p, sizeof p, "%s/a", root);
    mkdir(p, 0700);
    snprintf(p, sizeof p, "%s/a/b", root);
    mkdir(p, 0700);
    snprintf(home, sizeof home, "%s/home", root);
    mkdir(home, 0700);
    snprintf(xdg, sizeof xdg, "%s/xdg", root);
    mkdir(xdg, 0700);
    snprintf(p, sizeof p, "%s/xdg/airead", root);
    mkdir(p, 0700);
    char *old_home = getenv("HOME") ? strdup(getenv("HOME")) : NULL;
    char *old_xdg = getenv("XDG_CONFIG_HOME") ? strdup(getenv("XDG_CONFIG_HOME"))
                                              : NULL;
    setenv("HOME", home, 1);
    unsetenv("XDG_CONFIG_HOME");

    char doc[2048];
    snprintf(doc, sizeof doc, "%s/a/b/report.hwpx", root);
    write_file(doc, "x");
    char *found = NULL;
    assert_int_equal(air_config_find(&found, doc), AIR_OK);
    assert_null(found); /* nothing anywhere */

    snprintf(q, sizeof q, "%s/.airead.yaml", home);
    write_file(q, "");
    assert_int_equal(air_config_find(&found, doc), AIR_OK);
    assert_string_equal(found, q); /* ~/.airead.yaml */
    free(found);

    setenv("XDG_CONFIG_HOME", xdg, 1);
    snprintf(q, sizeof q, "%s/xdg/airead/config.yaml", root);
    write_file(q, "");
    assert_int_equal(air_config_find(&found, doc), AIR_OK);
    assert_string_equal(found, q); /* XDG before ~/.airead.yaml */
    free(found);

    snprintf(q, sizeof q, "%s/a/.airead.yaml", root);
    write_file(q, "");
    assert_int_equal(air_config_find(&found, doc), AIR_OK);
    assert_string_equal(found, q); /* a parent folder before the user's */
    free(found);

    snprintf(q, sizeof q, "%s/a/b/.airead.yaml", root);
    write_file(q, "");
    assert_int_equal(air_config_find(&found, doc), AIR_OK);
    assert_string_equal(found, q); /* the document's folder first */
    free(found);

    if (old_home)
        setenv("HOME", old_home, 1);
    if (old_xdg)
        setenv("XDG_CONFIG_HOME", old_xdg, 1);
    else
        unsetenv("XDG_CONFIG_HOME");
    free(old_home);
    free(old_xdg);
    char cmd[4200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    assert_int_equal(system(cmd), 0);
}

/* ---- the engine's guarantees ------------------------------------------------- */

static void findings_in_document_order(void **state)
{
    (void)state;
    air_config *c = tdoc_config(NULL);
    air_doc *d = tdoc_new(AIR_FMT_HWPX); /* no metadata: 501 first */
    air_node *sec = tdoc_section(d);
    tdoc_para(d, sec, "첫째 ☎ 문단 →");
    air_node *t = tdoc_table(d, sec, 1);
    tdoc_para(d, tdoc_cell(d, t, 0, 0, 1, 2), "셀 ★ 안");
    tdoc_para(d, sec, "끝 ⇒");
    air_report *r = tdoc_check(d, c);
    const char *want[] = { "missing-metadata", "emoji", "arrow-symbol",
                           "merged-cells", "decorative-symbol",
                           "arrow-symbol" };
    assert_int_equal(air_report_count(r), 6);
    for (size_t i = 0; i < 6; i++)
        assert_string_equal(air_report_finding(r, i)->rule->id, want[i]);
    /* the paragraph's two findings: by byte offset, ☎ before → */
    const air_finding *f = air_report_finding(r, 1);
    assert_int_equal(f->loc.start, strlen("첫째 "));
    air_report_free(r);
    air_doc_free(d);
    air_config_free(c);
}

static const char *fingerprint_of_second(const char *before, char *out)
{
    air_config *c = tdoc_config(NULL);
    air_doc *d = tdoc_new(AIR_FMT_HWPX);
    air_node *sec = tdoc_section(d);
    if (before)
        tdoc_para(d, sec, before);
    tdoc_para(d, sec, "현행 → 개선");
    tdoc_para(d, sec, "현행 → 개선"); /* same text again */
    air_report *r = tdoc_check(d, c);
    const air_finding *f1 = tdoc_finding(r, "arrow-symbol", 0);
    const air_finding *f2 = tdoc_finding(r, "arrow-symbol", 1);
    assert_string_not_equal(f1->fingerprint, f2->fingerprint);
    assert_int_equal(strlen(f2->fingerprint), 16);
    strcpy(out, f2->fingerprint);
    air_report_free(r);
    air_doc_free(d);
    air_config_free(c);
    return out;
}

static void fingerprints_follow_content(void **state)
{
    (void)state;
    char a[17], b[17];
    fingerprint_of_second(NULL, a);
    fingerprint_of_second("새로 넣은 문단", b);
    assert_string_equal(a, b); /* moved down, same fingerprint */
}

static void snippets_bounded_and_whole(void **state)
{
    (void)state;
    air_config *c = tdoc_config(NULL);
    air_doc *d = tdoc_new(AIR_FMT_HWPX);
    char text[4096] = "";
    for (int i = 0; i < 40; i++)
        strcat(text, "가나다 ");
    strcat(text, "→\n끝");
    for (int i = 0; i < 40; i++)
        strcat(text, " 라마바");
    tdoc_para(d, tdoc_section(d), text);
    air_report *r = tdoc_check(d, c);
    const air_finding *f = tdoc_finding(r, "arrow-symbol", 0);
    const char *s = f->snippet;
    assert_true(air_utf8_is_valid(s, strlen(s)));
    assert_null(strchr(s, '\n'));
    assert_true(air_utf8_count(s, strlen(s)) <= AIR_SNIPPET_CHARS + 2);
    assert_non_null(strstr(s, "→ 끝")); /* the arrow, with context */
    assert_true(strncmp(s, "…", strlen("…")) == 0);
    air_report_free(r);
    air_doc_free(d);
    air_config_free(c);
}

static void disabled_rules_do_not_run(void **state)
{
    (void)state;
    air_config *c = tdoc_config("rules:\n  missing-metadata: off\n"
                                "  placeholder-metadata: off\n"
                                "  arrow-symbol:\n    enabled: false\n");
    air_doc *d = tdoc_new(AIR_FMT_HWPX);
    tdoc_para(d, tdoc_section(d), "→");
    air_report *r = tdoc_check(d, c);
    assert_int_equal(air_report_count(r), 0);
    assert_int_equal(air_report_max_severity(r), AIR_SEV_NONE);
    air_report_free(r);
    air_doc_free(d);
    air_config_free(c);
}

/* A library client may emit without a configuration at hand: rule ids in
 * the summary then fall back to numbers, and every format still works. */
static void emitters_without_config(void **state)
{
    (void)state;
    air_config *c = tdoc_config(NULL);
    air_doc *d = tdoc_new(AIR_FMT_HWPX);
    tdoc_para(d, tdoc_section(d), "가 → 나");
    air_report *r = tdoc_check(d, c);
    air_result res = { "a.hwpx", AIR_FMT_HWPX, AIR_OK, NULL, r };
    air_result bad = { "b.docx", AIR_FMT_UNKNOWN, AIR_EENCRYPTED,
                       "b.docx: encrypted", NULL };
    for (int fmt = AIR_OUT_TEXT; fmt <= AIR_OUT_CSV; fmt++) {
        char *buf = NULL;
        size_t n = 0;
        FILE *f = open_memstream(&buf, &n);
        air_emitter *e = NULL;
        assert_int_equal(air_emitter_new(&e, (air_output)fmt, f, NULL),
                         AIR_OK);
        assert_int_equal(air_emitter_begin(e), AIR_OK);
        assert_int_equal(air_emitter_file(e, &res), AIR_OK);
        assert_int_equal(air_emitter_file(e, &bad), AIR_OK);
        assert_int_equal(air_emitter_end(e), AIR_OK);
        const air_summary *sum = air_emitter_summary(e);
        assert_int_equal(sum->files, 2);
        assert_int_equal(sum->unreadable, 1);
        assert_int_equal(sum->unreadable_by[-AIR_EENCRYPTED], 1);
        assert_int_equal(sum->by_rule[201], 1);
        assert_int_equal(sum->by_principle[2], 1);
        air_emitter_free(e);
        fclose(f);
        assert_non_null(strstr(buf, "b.docx"));
        if (fmt == AIR_OUT_JSON)
            assert_non_null(strstr(buf, "\"201\": 1"));
        if (fmt == AIR_OUT_TEXT)
            assert_non_null(strstr(buf, "a.hwpx: 구역 1, 문단 1: 경고: "
                                        "화살표 기호 1개"));
        if (fmt == AIR_OUT_JSONL)
            assert_non_null(strstr(buf, "\"reason\":\"encrypted\""));
        free(buf);
    }
    air_report_free(r);
    air_doc_free(d);
    air_config_free(c);
}

/* One configuration shared by threads checking documents at once (batch
 * mode): every thread gets the same findings as a single-threaded run. */
typedef struct job {
    const air_config *cfg;
    const air_doc *doc;
    size_t count;
    char first_fp[17];
    air_status st;
} job;

static void *check_job(void *arg)
{
    job *j = arg;
    for (int round = 0; round < 20; round++) {
        air_report *r = NULL;
        j->st = air_check(&r, j->doc, j->cfg);
        if (j->st != AIR_OK)
            return NULL;
        j->count = air_report_count(r);
        snprintf(j->first_fp, sizeof j->first_fp, "%s",
                 j->count ? air_report_finding(r, 0)->fingerprint : "");
        air_report_free(r);
    }
    return NULL;
}

static void shared_config_across_threads(void **state)
{
    (void)state;
    air_config *c = tdoc_config(NULL);
    air_doc *d = tdoc_new(AIR_FMT_HWPX);
    air_node *sec = tdoc_section(d);
    for (int i = 0; i < 50; i++) {
        tdoc_para(d, sec, "홍○동 □ 예 ■ 아니오 → ★ ☎ \xEF\x82\xA7");
        tdoc_para(d, sec, "□ 추진 배경");
    }
    air_doc_finish(d);
    job base = { c, d, 0, "", AIR_OK };
    check_job(&base);
    assert_int_equal(base.st, AIR_OK);
    assert_true(base.count > 100);
    enum { N = 4 };
    pthread_t t[N];
    job jobs[N];
    for (int i = 0; i < N; i++) {
        jobs[i] = (job){ c, d, 0, "", AIR_OK };
        assert_int_equal(pthread_create(&t[i], NULL, check_job, &jobs[i]), 0);
    }
    for (int i = 0; i < N; i++) {
        pthread_join(t[i], NULL);
        assert_int_equal(jobs[i].st, AIR_OK);
        assert_int_equal(jobs[i].count, base.count);
        assert_string_equal(jobs[i].first_fp, base.first_fp);
    }
    air_doc_free(d);
    air_config_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(defaults_load),
        cmocka_unit_test(every_rule_has_its_page),
        cmocka_unit_test(severities_agree),
        cmocka_unit_test(bad_files_give_file_and_line),
        cmocka_unit_test(overrides),
        cmocka_unit_test(user_profiles),
        cmocka_unit_test(print_round_trips),
        cmocka_unit_test(search_order),
        cmocka_unit_test(findings_in_document_order),
        cmocka_unit_test(fingerprints_follow_content),
        cmocka_unit_test(snippets_bounded_and_whole),
        cmocka_unit_test(disabled_rules_do_not_run),
        cmocka_unit_test(emitters_without_config),
        cmocka_unit_test(shared_config_across_threads),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
