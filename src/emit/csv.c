/* csv.c -- one row per file (RFC 4180: comma-separated, CRLF line ends,
 * fields with commas, quotes or line breaks quoted), for spreadsheets:
 *
 *   path,format,status,reason,findings,error,warning,info,<rule id>...,message
 *
 * Each rule column holds that rule's number of findings in the file; the
 * rule columns follow the catalogue (all rules, enabled or not, so that
 * files from different runs line up). 'message' is the reason a file
 * could not be read. With summary_only (--summary-only) the output is the
 * summary instead, one "section,key,value" row per figure. */
#include "config.h"

#include <string.h>

#include "emit/emit.h"

static void field(FILE *out, const char *s)
{
    if (strpbrk(s, ",\"\r\n") == NULL) {
        fputs(s, out);
        return;
    }
    fputc('"', out);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', out);
        fputc(*s, out);
    }
    fputc('"', out);
}

static size_t nrules(const air_emitter *e)
{
    return e->opts.config ? air_config_rule_count(e->opts.config) : 0;
}

static air_status csv_begin(air_emitter *e)
{
    if (e->opts.summary_only) {
        fputs("section,key,value\r\n", e->out);
        return AIR_OK;
    }
    fputs("path,format,status,reason,findings,error,warning,info", e->out);
    for (size_t i = 0; i < nrules(e); i++) {
        fputc(',', e->out);
        field(e->out, air_config_rule(e->opts.config, i)->id);
    }
    fputs(",message\r\n", e->out);
    return AIR_OK;
}

static air_status csv_file(air_emitter *e, const air_result *res)
{
    bool ok = res->status == AIR_OK && res->report;
    field(e->out, res->path);
    fprintf(e->out, ",%s,%s,%s", air_format_name(res->format),
            air_emit_status(res), ok ? "" : air_status_key(res->status));
    size_t n = ok ? air_report_count(res->report) : 0;
    unsigned sev[4] = { 0, 0, 0, 0 };
    for (size_t i = 0; i < n; i++)
        sev[air_report_finding(res->report, i)->severity & 3]++;
    if (ok)
        fprintf(e->out, ",%zu,%u,%u,%u", n, sev[AIR_SEV_ERROR],
                sev[AIR_SEV_WARNING], sev[AIR_SEV_INFO]);
    else
        fputs(",,,,", e->out);
    for (size_t k = 0; k < nrules(e); k++) {
        const air_rule_info *r = air_config_rule(e->opts.config, k);
        unsigned c = 0;
        for (size_t i = 0; i < n; i++)
            if (air_report_finding(res->report, i)->rule->number == r->number)
                c++;
        if (ok)
            fprintf(e->out, ",%u", c);
        else
            fputc(',', e->out);
    }
    fputc(',', e->out);
    field(e->out, ok ? "" : (res->error ? res->error : ""));
    fputs("\r\n", e->out);
    return AIR_OK;
}

static void row(FILE *out, const char *section, const char *key,
                unsigned long long v)
{
    fprintf(out, "%s,", section);
    field(out, key);
    fprintf(out, ",%llu\r\n", v);
}

/* --summary-only: the summary as section,key,value rows (every rule of
 * the catalogue, so that runs line up). */
static air_status csv_end(air_emitter *e)
{
    if (!e->opts.summary_only)
        return AIR_OK;
    const air_summary *s = &e->sum;
    FILE *o = e->out;
    row(o, "files", "all", s->files);
    row(o, "files", "clean", s->clean);
    row(o, "files", "with_findings", s->with_findings);
    row(o, "files", "unreadable", s->unreadable);
    row(o, "files", "skipped", s->skipped);
    for (unsigned k = 1; k < sizeof s->unreadable_by / sizeof *s->unreadable_by;
         k++)
        if (s->unreadable_by[k])
            row(o, "unreadable", air_status_key(-(air_status)k),
                s->unreadable_by[k]);
    row(o, "findings", "all", s->findings);
    row(o, "severity", "error", s->by_severity[AIR_SEV_ERROR]);
    row(o, "severity", "warning", s->by_severity[AIR_SEV_WARNING]);
    row(o, "severity", "info", s->by_severity[AIR_SEV_INFO]);
    for (int p = 1; p <= 5; p++) {
        char key[4] = { (char)('0' + p), '\0' };
        row(o, "principle", key, s->by_principle[p]);
    }
    for (size_t i = 0; i < nrules(e); i++) {
        const air_rule_info *r = air_config_rule(e->opts.config, i);
        if (r->number >= 0 && r->number < AIR_SUMMARY_RULE_SLOTS)
            row(o, "rule", r->id, s->by_rule[r->number]);
    }
    if (s->baseline) {
        row(o, "baseline", "accepted", s->baseline_accepted);
        row(o, "baseline", "gone", s->baseline_gone);
    }
    for (size_t i = 0; i < e->nworst; i++)
        row(o, "worst", e->worst[i].path, e->worst[i].weight);
    return AIR_OK;
}

const air_emit_ops air_emit_csv_ops = { csv_begin, csv_file, csv_end, NULL };
