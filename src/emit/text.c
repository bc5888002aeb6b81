/* text.c -- the report for people: compiler-style lines,
 *
 *   보고서.hwpx: 구역 1, 표 2: 오류: 표 2에 병합된 셀 ... [merged-cells 101]
 *       | 구분 2025 상반기 …
 *
 * then, once per rule met in the file, why it matters and how to fix it in
 * Hangul and in Word, and at the end one summary line. Colour (ANSI) only
 * when the caller asks for it: the CLI asks on a terminal without
 * NO_COLOR. */
#include "config.h"

#include <string.h>

#include "emit/emit.h"

#define RESET "\033[0m"
#define BOLD "\033[1m"
#define DIM "\033[2m"

static const char *sev_color(air_severity s)
{
    switch (s) {
    case AIR_SEV_ERROR: return "\033[1;31m";
    case AIR_SEV_WARNING: return "\033[1;33m";
    default: return "\033[1;36m";
    }
}

static air_status text_begin(air_emitter *e)
{
    (void)e;
    return AIR_OK;
}

static void print_help(air_emitter *e, const air_rule_info *r)
{
    air_lang l = e->opts.lang;
    bool c = e->opts.color;
    bool en = l == AIR_LANG_EN;
    fprintf(e->out, "  %s= %s %d (%s)%s: %s\n", c ? BOLD : "", r->id,
            r->number, r->title[l], c ? RESET : "", r->why[l]);
    if (r->fix_hangul[l][0])
        fprintf(e->out, "    %s: %s\n", en ? "Hangul" : "한글",
                r->fix_hangul[l]);
    if (r->fix_word[l][0])
        fprintf(e->out, "    Word: %s\n", r->fix_word[l]);
}

static air_status text_file(air_emitter *e, const air_result *res)
{
    air_lang l = e->opts.lang;
    bool en = l == AIR_LANG_EN;
    bool c = e->opts.color;
    if (res->status != AIR_OK || res->report == NULL) {
        /* The library's message names the file already. */
        const char *msg = res->error ? res->error : "";
        size_t n = strlen(res->path);
        if (strncmp(msg, res->path, n) == 0 && strncmp(msg + n, ": ", 2) == 0)
            msg += n + 2;
        fprintf(e->out, "%s%s%s: %s%s (%s)%s: %s\n", c ? BOLD : "",
                res->path, c ? RESET : "", c ? sev_color(AIR_SEV_ERROR) : "",
                en ? "cannot read" : "읽을 수 없음",
                air_status_key(res->status), c ? RESET : "", msg);
        return AIR_OK;
    }
    const air_report *r = res->report;
    size_t n = air_report_count(r);
    air_buf loc = AIR_BUF_INIT;
    for (size_t i = 0; i < n; i++) {
        const air_finding *f = air_report_finding(r, i);
        air_buf_clear(&loc);
        air_emit_loc_text(&loc, &f->loc, l);
        fprintf(e->out, "%s%s:%s %s: %s%s:%s %s %s[%s %d]%s\n",
                c ? BOLD : "", res->path, c ? RESET : "", air_buf_cstr(&loc),
                c ? sev_color(f->severity) : "",
                air_emit_sev_word(f->severity, l), c ? RESET : "",
                f->message[l], c ? DIM : "", f->rule->id, f->rule->number,
                c ? RESET : "");
        if (f->snippet[0])
            fprintf(e->out, "    | %s\n", f->snippet);
    }
    air_buf_free(&loc);
    if (air_report_dropped(r))
        fprintf(e->out, en ? "%s: %zu more findings not shown (limit)\n"
                           : "%s: 한도를 넘은 지적 %zu건은 생략\n",
                res->path, air_report_dropped(r));
    /* Why and how, once per rule met, in rule-number order. */
    const air_rule_info *shown[64];
    size_t nshown = 0;
    for (size_t i = 0; i < n; i++) {
        const air_rule_info *ri = air_report_finding(r, i)->rule;
        size_t k = 0;
        while (k < nshown && shown[k] != ri)
            k++;
        if (k == nshown && nshown < sizeof shown / sizeof *shown)
            shown[nshown++] = ri;
    }
    for (size_t a = 1; a < nshown; a++)
        for (size_t b = a; b > 0 && shown[b - 1]->number > shown[b]->number;
             b--) {
            const air_rule_info *t = shown[b];
            shown[b] = shown[b - 1];
            shown[b - 1] = t;
        }
    for (size_t k = 0; k < nshown; k++)
        print_help(e, shown[k]);
    return AIR_OK;
}

/* The lines above the total line, for a batch: files by outcome,
 * findings by principle and rule, the baseline, the worst files. */
static void summary_block(air_emitter *e)
{
    const air_summary *s = &e->sum;
    bool en = e->opts.lang == AIR_LANG_EN;
    FILE *o = e->out;
    fprintf(o, en ? "summary: %llu clean, %llu with findings, "
                    "%llu unreadable"
                  : "요약: 문제 없음 %llu, 문제 있음 %llu, 읽지 못함 %llu",
            (unsigned long long)s->clean,
            (unsigned long long)s->with_findings,
            (unsigned long long)s->unreadable);
    const char *sep = " (";
    for (unsigned k = 1; k < sizeof s->unreadable_by / sizeof *s->unreadable_by;
         k++)
        if (s->unreadable_by[k]) {
            fprintf(o, "%s%s %llu", sep, air_status_key(-(air_status)k),
                    (unsigned long long)s->unreadable_by[k]);
            sep = ", ";
        }
    if (sep[0] == ',')
        fputc(')', o);
    fprintf(o, en ? ", %llu skipped (not documents)\n"
                  : ", 건너뜀 %llu (문서 아님)\n",
            (unsigned long long)s->skipped);
    if (s->findings) {
        fputs(en ? "by principle:" : "원칙별:", o);
        for (int p = 1; p <= 5; p++)
            fprintf(o, "%s %d %s %llu", p > 1 ? "," : "", p,
                    air_emit_principle_word(p, e->opts.lang),
                    (unsigned long long)s->by_principle[p]);
        fputs(en ? "\nby rule:" : "\n규칙별:", o);
        sep = " ";
        for (int r = 0; r < AIR_SUMMARY_RULE_SLOTS; r++) {
            if (s->by_rule[r] == 0)
                continue;
            const char *id = air_emit_rule_id(e, r);
            fprintf(o, "%s%s%s%d %llu", sep, id, id[0] ? " " : "", r,
                    (unsigned long long)s->by_rule[r]);
            sep = ", ";
        }
        fputc('\n', o);
    }
    if (s->baseline)
        fprintf(o, en ? "baseline: %llu findings accepted, %llu entries no "
                        "longer occur\n"
                      : "기준선: 인정된 지적 %llu, 더 이상 없는 항목 %llu\n",
                (unsigned long long)s->baseline_accepted,
                (unsigned long long)s->baseline_gone);
    if (e->nworst == 0)
        return;
    fputs(en ? "worst files (error 4, warning 2, info 1):\n"
             : "문제가 많은 파일 (오류 4, 경고 2, 정보 1점):\n", o);
    for (size_t i = 0; i < e->nworst; i++) {
        const air_worst *w = &e->worst[i];
        fprintf(o, en ? "  %6llu  %s (%llu errors, %llu warnings, %llu info)\n"
                      : "  %6llu  %s (오류 %llu, 경고 %llu, 정보 %llu)\n",
                (unsigned long long)w->weight, w->path,
                (unsigned long long)w->by_severity[AIR_SEV_ERROR],
                (unsigned long long)w->by_severity[AIR_SEV_WARNING],
                (unsigned long long)w->by_severity[AIR_SEV_INFO]);
    }
}

static air_status text_end(air_emitter *e)
{
    const air_summary *s = &e->sum;
    if (e->opts.no_summary && !e->opts.summary_only)
        return AIR_OK;
    if (s->files == 0 && s->skipped == 0 && !e->opts.summary_only)
        return AIR_OK;
    if (s->files > 1 || s->skipped || s->baseline || e->opts.summary_only)
        summary_block(e);
    unsigned long long err = s->by_severity[AIR_SEV_ERROR],
                       warn = s->by_severity[AIR_SEV_WARNING],
                       info = s->by_severity[AIR_SEV_INFO];
    if (e->opts.lang == AIR_LANG_EN) {
        fprintf(e->out, "%llu file%s checked: %llu error%s, %llu warning%s, "
                        "%llu info",
                (unsigned long long)s->files, s->files == 1 ? "" : "s", err,
                err == 1 ? "" : "s", warn, warn == 1 ? "" : "s", info);
        if (s->unreadable)
            fprintf(e->out, "; %llu unreadable",
                    (unsigned long long)s->unreadable);
    } else {
        fprintf(e->out, "파일 %llu개 검사: 오류 %llu, 경고 %llu, 정보 %llu",
                (unsigned long long)s->files, err, warn, info);
        if (s->unreadable)
            fprintf(e->out, ", 읽지 못한 파일 %llu",
                    (unsigned long long)s->unreadable);
    }
    fputc('\n', e->out);
    return AIR_OK;
}

const air_emit_ops air_emit_text_ops = { text_begin, text_file, text_end,
                                         NULL };
