/* emitter.c -- the public emitter calls, the summary and what every
 * format shares (location text, severity words). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "emit/emit.h"
#include "util/error.h"

static const char *const output_names[] = { "text", "json", "jsonl",
                                            "sarif", "csv" };

const char *air_output_name(air_output fmt)
{
    return (unsigned)fmt < sizeof output_names / sizeof *output_names
               ? output_names[fmt]
               : "?";
}

air_status air_output_parse(air_output *out, const char *name)
{
    for (unsigned i = 0; i < sizeof output_names / sizeof *output_names; i++)
        if (name && strcmp(name, output_names[i]) == 0) {
            *out = (air_output)i;
            return AIR_OK;
        }
    return AIR_EUSAGE;
}

void air_summary_add(air_summary *sum, const air_result *res)
{
    sum->files++;
    if (res->status != AIR_OK || res->report == NULL) {
        sum->unreadable++;
        unsigned k = (unsigned)-res->status;
        if (k < sizeof sum->unreadable_by / sizeof *sum->unreadable_by)
            sum->unreadable_by[k]++;
        return;
    }
    size_t n = air_report_count(res->report);
    if (n == 0)
        sum->clean++;
    else
        sum->with_findings++;
    sum->findings += n;
    for (size_t i = 0; i < n; i++) {
        const air_finding *f = air_report_finding(res->report, i);
        if ((unsigned)f->severity < 4)
            sum->by_severity[f->severity]++;
        if (f->rule->principle >= 1 && f->rule->principle <= 5)
            sum->by_principle[f->rule->principle]++;
        if (f->rule->number >= 0 && f->rule->number < AIR_SUMMARY_RULE_SLOTS)
            sum->by_rule[f->rule->number]++;
    }
}

air_status air_emitter_new(air_emitter **out, air_output fmt, FILE *stream,
                           const air_emit_opts *opts)
{
    *out = NULL;
    static const air_emit_ops *const ops[] = {
        &air_emit_text_ops, &air_emit_json_ops, &air_emit_jsonl_ops,
        &air_emit_sarif_ops, &air_emit_csv_ops
    };
    if ((unsigned)fmt >= sizeof ops / sizeof *ops || stream == NULL)
        return air_error(AIR_EUSAGE, "unknown output format");
    air_emitter *e = calloc(1, sizeof *e);
    if (e == NULL)
        return air_error(AIR_ENOMEM, "out of memory");
    air_emit_opts defaults = AIR_EMIT_OPTS_INIT;
    e->ops = ops[fmt];
    e->fmt = fmt;
    e->out = stream;
    e->opts = opts ? *opts : defaults;
    *out = e;
    return AIR_OK;
}

static air_status flushed(air_emitter *e, air_status rc)
{
    if (rc == AIR_OK && (fflush(e->out) != 0 || ferror(e->out)))
        return air_error(AIR_EIO, "cannot write the report");
    return rc;
}

air_status air_emitter_begin(air_emitter *e)
{
    return flushed(e, e->ops->begin(e));
}

/* Keeps the file among the worst ones when it belongs there: a sorted
 * array of at most opts.worst entries (insertion; the list is short). */
static air_status track_worst(air_emitter *e, const air_result *res)
{
    if (e->opts.worst == 0 || res->status != AIR_OK || res->report == NULL)
        return AIR_OK;
    uint64_t w = air_report_weight(res->report);
    if (w == 0)
        return AIR_OK;
    size_t cap = e->opts.worst < 1000 ? e->opts.worst : 1000;
    if (e->worst == NULL) {
        e->worst = calloc(cap, sizeof *e->worst);
        if (e->worst == NULL)
            return air_error(AIR_ENOMEM, "out of memory");
    }
    size_t at = e->nworst;
    while (at > 0 && (e->worst[at - 1].weight < w ||
                      (e->worst[at - 1].weight == w &&
                       strcmp(e->worst[at - 1].path, res->path) > 0)))
        at--;
    if (at >= cap)
        return AIR_OK;
    char *path = strdup(res->path);
    if (path == NULL)
        return air_error(AIR_ENOMEM, "out of memory");
    if (e->nworst == cap)
        free(e->worst[--e->nworst].path);
    memmove(&e->worst[at + 1], &e->worst[at],
            (e->nworst - at) * sizeof *e->worst);
    e->nworst++;
    air_worst *x = &e->worst[at];
    memset(x, 0, sizeof *x);
    x->path = path;
    x->weight = w;
    for (size_t i = 0; i < air_report_count(res->report); i++)
        x->by_severity[air_report_finding(res->report, i)->severity & 3]++;
    return AIR_OK;
}

air_status air_emitter_file(air_emitter *e, const air_result *res)
{
    air_summary_add(&e->sum, res);
    air_status rc = track_worst(e, res);
    if (e->opts.summary_only)
        return rc;
    if (rc == AIR_OK)
        rc = e->ops->file(e, res);
    e->nfiles++;
    /* Streamed formats reach the reader file by file. */
    if (e->fmt == AIR_OUT_JSONL || e->fmt == AIR_OUT_TEXT ||
        e->fmt == AIR_OUT_CSV)
        return flushed(e, rc);
    return rc;
}

air_status air_emitter_end(air_emitter *e)
{
    return flushed(e, e->ops->end(e));
}

const air_summary *air_emitter_summary(const air_emitter *e)
{
    return &e->sum;
}

void air_emitter_skipped(air_emitter *e, uint64_t n)
{
    e->sum.skipped += n;
}

void air_emitter_baseline(air_emitter *e, uint64_t accepted, uint64_t gone)
{
    e->sum.baseline = 1;
    e->sum.baseline_accepted += accepted;
    e->sum.baseline_gone += gone;
}

void air_emitter_free(air_emitter *e)
{
    if (e == NULL)
        return;
    if (e->ops->free)
        e->ops->free(e);
    for (size_t i = 0; i < e->nworst; i++)
        free(e->worst[i].path);
    free(e->worst);
    free(e);
}

/* ---- shared words -------------------------------------------------------- */

const char *air_emit_sev_word(air_severity s, air_lang lang)
{
    static const char *const ko[] = { "없음", "정보", "경고", "오류" };
    static const char *const en[] = { "none", "info", "warning", "error" };
    if ((unsigned)s > AIR_SEV_ERROR)
        s = AIR_SEV_NONE;
    return lang == AIR_LANG_EN ? en[s] : ko[s];
}

const char *air_emit_principle_word(int principle, air_lang lang)
{
    static const char *const ko[] = { "", "표", "기호", "문장", "번호",
                                      "문서정보" };
    static const char *const en[] = { "", "tables", "symbols", "sentences",
                                      "numbering", "metadata" };
    if (principle < 1 || principle > 5)
        return "";
    return lang == AIR_LANG_EN ? en[principle] : ko[principle];
}

const char *air_emit_status(const air_result *res)
{
    return res->status == AIR_OK && res->report ? "ok" : "unreadable";
}

static const char *story_word(const char *story, air_lang lang)
{
    static const char *const names[][3] = {
        { "textbox", "글상자", "text box" }, { "caption", "캡션", "caption" },
        { "header", "머리말", "header" },    { "footer", "꼬리말", "footer" },
        { "footnote", "각주", "footnote" },  { "endnote", "미주", "endnote" },
        { "comment", "메모", "comment" },
    };
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strcmp(story, names[i][0]) == 0)
            return names[i][lang == AIR_LANG_EN ? 2 : 1];
    return story;
}

void air_emit_loc_text(air_buf *b, const air_location *l, air_lang lang)
{
    bool en = lang == AIR_LANG_EN;
    if (l->story == NULL) {
        air_buf_adds(b, en ? "document properties" : "문서 정보");
        return;
    }
    const char *sep = "";
    if (l->section) {
        air_buf_printf(b, en ? "section %u" : "구역 %u", (unsigned)l->section);
        sep = ", ";
    }
    if (strcmp(l->story, "main") != 0) {
        air_buf_printf(b, "%s%s", sep, story_word(l->story, lang));
        sep = ", ";
    }
    if (l->table) {
        air_buf_printf(b, en ? "%stable %u" : "%s표 %u", sep,
                       (unsigned)l->table);
        if (l->row)
            air_buf_printf(b, en ? " row %u col %u" : " %u행 %u열",
                           (unsigned)l->row, (unsigned)l->col);
        sep = ", ";
    }
    if (l->para)
        air_buf_printf(b, en ? "%sparagraph %u" : "%s문단 %u", sep,
                       (unsigned)l->para);
}

void air_emit_loc_path(air_buf *b, const air_location *l)
{
    if (l->story == NULL) {
        air_buf_adds(b, "document");
        return;
    }
    const char *sep = "";
    if (l->section) {
        air_buf_printf(b, "section[%u]", (unsigned)l->section);
        sep = "/";
    }
    if (strcmp(l->story, "main") != 0) {
        air_buf_printf(b, "%s%s", sep, l->story);
        sep = "/";
    }
    if (l->table) {
        air_buf_printf(b, "%stable[%u]", sep, (unsigned)l->table);
        if (l->row)
            air_buf_printf(b, "/row[%u]/col[%u]", (unsigned)l->row,
                           (unsigned)l->col);
        sep = "/";
    }
    if (l->para)
        air_buf_printf(b, "%sparagraph[%u]", sep, (unsigned)l->para);
    if (b->len == 0)
        air_buf_adds(b, "document");
}

const char *air_emit_rule_id(const air_emitter *e, int number)
{
    const air_config *cfg = e->opts.config;
    if (cfg == NULL)
        return "";
    char num[16];
    snprintf(num, sizeof num, "%d", number);
    const air_rule_info *r = air_config_rule_find(cfg, num);
    return r ? r->id : "";
}
