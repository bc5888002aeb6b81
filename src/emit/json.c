/* json.c -- the json report (one versioned document for a whole run) and
 * jsonl (one self-contained line per file, flushed as soon as written, for
 * batch pipelines). Both describe a file the same way:
 *
 *   { "path", "format", "status": "ok" | "unreadable",
 *     "reason" and "error" when unreadable,
 *     "counts": { "error", "warning", "info" },
 *     "findings": [ { "rule", "number", "principle", "severity",
 *                     "message", "location": {...}, "snippet", "count",
 *                     "items": [...], "fingerprint" } ] }
 *
 * Keys never change with --lang; only "message" (and the rule texts) do.
 * The schema version is AIR_REPORT_SCHEMA_VERSION. A jsonl report ends
 * with one line without "path" that holds the run's "summary" (the same
 * object as json's), unless the caller turns summaries off (--filter). */
#include "config.h"

#include <string.h>

#include "emit/emit.h"
#include "util/utf8.h"
#include "version.h"

static void kv_nz(air_json *j, const char *key, uint32_t v)
{
    if (v)
        air_json_kv_uint(j, key, v);
}

void air_emit_json_items(air_json *j, const air_finding *f)
{
    if (f->nitems == 0)
        return;
    air_json_key(j, "items");
    air_json_begin_array(j);
    for (size_t i = 0; i < f->nitems; i++) {
        const air_finding_item *it = &f->items[i];
        air_json_begin_object(j);
        if (it->text)
            air_json_kv_string(j, "text", it->text);
        if (it->code) {
            char code[16];
            snprintf(code, sizeof code, "U+%04X", (unsigned)it->code);
            air_json_kv_string(j, "code", code);
        }
        air_json_kv_uint(j, "count", it->count);
        kv_nz(j, "row", it->row);
        kv_nz(j, "col", it->col);
        kv_nz(j, "rowspan", it->rowspan);
        kv_nz(j, "colspan", it->colspan);
        if (it->font)
            air_json_kv_string(j, "font", it->font);
        air_json_end_object(j);
    }
    air_json_end_array(j);
}

static void write_location(air_json *j, const air_location *l)
{
    air_json_key(j, "location");
    air_json_begin_object(j);
    air_json_kv_string(j, "story", l->story ? l->story : "document");
    kv_nz(j, "section", l->section);
    kv_nz(j, "table", l->table);
    kv_nz(j, "row", l->row);
    kv_nz(j, "col", l->col);
    kv_nz(j, "paragraph", l->para);
    if (l->end > l->start) {
        air_json_kv_uint(j, "start", l->start);
        air_json_kv_uint(j, "end", l->end);
    }
    air_json_end_object(j);
}

static void write_finding(air_json *j, const air_finding *f, air_lang lang)
{
    air_json_begin_object(j);
    air_json_kv_string(j, "rule", f->rule->id);
    air_json_kv_int(j, "number", f->rule->number);
    air_json_kv_int(j, "principle", f->rule->principle);
    air_json_kv_string(j, "severity", air_severity_name(f->severity));
    air_json_kv_string(j, "message", f->message[lang]);
    write_location(j, &f->loc);
    air_json_kv_string(j, "snippet", f->snippet);
    air_json_kv_uint(j, "count", f->count);
    air_emit_json_items(j, f);
    air_json_kv_string(j, "fingerprint", f->fingerprint);
    air_json_end_object(j);
}

/* The members of one file object (the caller opens and closes it). */
static void write_file_body(air_emitter *e, const air_result *res)
{
    air_json *j = &e->j;
    air_json_kv_string(j, "path", res->path);
    air_json_kv_string(j, "format", air_format_name(res->format));
    air_json_kv_string(j, "status", air_emit_status(res));
    if (res->status != AIR_OK || res->report == NULL) {
        air_json_kv_string(j, "reason", air_status_key(res->status));
        air_json_kv_string(j, "error", res->error ? res->error : "");
        return;
    }
    const air_report *r = res->report;
    size_t n = air_report_count(r);
    unsigned counts[4] = { 0, 0, 0, 0 };
    for (size_t i = 0; i < n; i++)
        counts[air_report_finding(r, i)->severity & 3]++;
    air_json_key(j, "counts");
    air_json_begin_object(j);
    air_json_kv_uint(j, "error", counts[AIR_SEV_ERROR]);
    air_json_kv_uint(j, "warning", counts[AIR_SEV_WARNING]);
    air_json_kv_uint(j, "info", counts[AIR_SEV_INFO]);
    air_json_end_object(j);
    if (air_report_dropped(r))
        air_json_kv_uint(j, "dropped", air_report_dropped(r));
    air_json_key(j, "findings");
    air_json_begin_array(j);
    for (size_t i = 0; i < n; i++)
        write_finding(j, air_report_finding(r, i), e->opts.lang);
    air_json_end_array(j);
}

static void write_header(air_emitter *e)
{
    air_json *j = &e->j;
    air_json_kv_string(j, "tool", "airead");
    air_json_kv_string(j, "version", AIR_VERSION_STRING);
    air_json_kv_string(j, "schema_version", AIR_REPORT_SCHEMA_VERSION);
}

void air_emit_json_summary(air_emitter *e)
{
    air_json *j = &e->j;
    const air_summary *s = &e->sum;
    air_json_key(j, "summary");
    air_json_begin_object(j);
    air_json_kv_uint(j, "files", s->files);
    air_json_kv_uint(j, "clean", s->clean);
    air_json_kv_uint(j, "with_findings", s->with_findings);
    air_json_kv_uint(j, "unreadable", s->unreadable);
    air_json_key(j, "unreadable_by_reason");
    air_json_begin_object(j);
    for (unsigned k = 1; k < sizeof s->unreadable_by / sizeof *s->unreadable_by;
         k++)
        if (s->unreadable_by[k])
            air_json_kv_uint(j, air_status_key(-(air_status)k),
                             s->unreadable_by[k]);
    air_json_end_object(j);
    air_json_kv_uint(j, "skipped", s->skipped);
    air_json_kv_uint(j, "findings", s->findings);
    air_json_key(j, "by_severity");
    air_json_begin_object(j);
    air_json_kv_uint(j, "error", s->by_severity[AIR_SEV_ERROR]);
    air_json_kv_uint(j, "warning", s->by_severity[AIR_SEV_WARNING]);
    air_json_kv_uint(j, "info", s->by_severity[AIR_SEV_INFO]);
    air_json_end_object(j);
    air_json_key(j, "by_principle");
    air_json_begin_object(j);
    for (int p = 1; p <= 5; p++) {
        char key[4] = { (char)('0' + p), '\0' };
        air_json_kv_uint(j, key, s->by_principle[p]);
    }
    air_json_end_object(j);
    air_json_key(j, "by_rule");
    air_json_begin_object(j);
    for (int r = 0; r < AIR_SUMMARY_RULE_SLOTS; r++) {
        if (s->by_rule[r] == 0)
            continue;
        const char *id = air_emit_rule_id(e, r);
        char num[16];
        snprintf(num, sizeof num, "%d", r);
        air_json_kv_uint(j, id[0] ? id : num, s->by_rule[r]);
    }
    air_json_end_object(j);
    if (s->baseline) {
        air_json_key(j, "baseline");
        air_json_begin_object(j);
        air_json_kv_uint(j, "accepted", s->baseline_accepted);
        air_json_kv_uint(j, "gone", s->baseline_gone);
        air_json_end_object(j);
    }
    air_json_key(j, "worst");
    air_json_begin_array(j);
    for (size_t i = 0; i < e->nworst; i++) {
        const air_worst *w = &e->worst[i];
        air_json_begin_object(j);
        air_json_kv_string(j, "path", w->path);
        air_json_kv_uint(j, "weight", w->weight);
        air_json_kv_uint(j, "error", w->by_severity[AIR_SEV_ERROR]);
        air_json_kv_uint(j, "warning", w->by_severity[AIR_SEV_WARNING]);
        air_json_kv_uint(j, "info", w->by_severity[AIR_SEV_INFO]);
        air_json_end_object(j);
    }
    air_json_end_array(j);
    air_json_end_object(j);
}

static void write_rules(air_emitter *e)
{
    const air_config *cfg = e->opts.config;
    if (cfg == NULL)
        return;
    air_json *j = &e->j;
    air_lang l = e->opts.lang;
    air_json_key(j, "rules");
    air_json_begin_object(j);
    for (size_t i = 0; i < air_config_rule_count(cfg); i++) {
        const air_rule_info *r = air_config_rule(cfg, i);
        air_json_key(j, r->id);
        air_json_begin_object(j);
        air_json_kv_int(j, "number", r->number);
        air_json_kv_int(j, "principle", r->principle);
        air_json_kv_bool(j, "enabled", r->enabled);
        air_json_kv_string(j, "severity", air_severity_name(r->severity));
        air_json_kv_string(j, "title", r->title[l]);
        air_json_kv_string(j, "why", r->why[l]);
        air_json_kv_string(j, "fix_hangul", r->fix_hangul[l]);
        air_json_kv_string(j, "fix_word", r->fix_word[l]);
        air_json_kv_string(j, "page", r->page);
        air_json_end_object(j);
    }
    air_json_end_object(j);
}

/* ---- json ---------------------------------------------------------------- */

static air_status json_begin(air_emitter *e)
{
    air_json_init(&e->j, e->out, true);
    air_json_begin_object(&e->j);
    write_header(e);
    air_json_kv_string(&e->j, "lang", e->opts.lang == AIR_LANG_EN ? "en"
                                                                   : "ko");
    if (!e->opts.summary_only) {
        air_json_key(&e->j, "files");
        air_json_begin_array(&e->j);
    }
    return AIR_OK;
}

static air_status json_file(air_emitter *e, const air_result *res)
{
    air_json_begin_object(&e->j);
    write_file_body(e, res);
    air_json_end_object(&e->j);
    return AIR_OK;
}

static air_status json_end(air_emitter *e)
{
    if (!e->opts.summary_only)
        air_json_end_array(&e->j);
    air_emit_json_summary(e);
    write_rules(e);
    air_json_end_object(&e->j);
    air_json_finish(&e->j);
    return AIR_OK;
}

const air_emit_ops air_emit_json_ops = { json_begin, json_file, json_end,
                                         NULL };

/* ---- jsonl --------------------------------------------------------------- */

static air_status jsonl_begin(air_emitter *e)
{
    (void)e;
    return AIR_OK;
}

static air_status jsonl_file(air_emitter *e, const air_result *res)
{
    air_json_init(&e->j, e->out, false);
    air_json_begin_object(&e->j);
    write_header(e);
    write_file_body(e, res);
    air_json_end_object(&e->j);
    air_json_finish(&e->j);
    return AIR_OK;
}

/* The last line: the run's summary (no "path"), unless asked not to. */
static air_status jsonl_end(air_emitter *e)
{
    if (e->opts.no_summary && !e->opts.summary_only)
        return AIR_OK;
    air_json_init(&e->j, e->out, false);
    air_json_begin_object(&e->j);
    write_header(e);
    air_emit_json_summary(e);
    air_json_end_object(&e->j);
    air_json_finish(&e->j);
    return AIR_OK;
}

const air_emit_ops air_emit_jsonl_ops = { jsonl_begin, jsonl_file, jsonl_end,
                                          NULL };
