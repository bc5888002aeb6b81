/* record.c -- jsonl lines read back into results and reports (the inverse
 * of emit/json.c's jsonl writer), for batch workers, the cache and
 * `airead merge`.
 *
 * A line is untrusted (a cache file or a merged input may be damaged):
 * every field is checked for its type and range, strings are copied into
 * the record's arena, unknown members are ignored (a newer minor schema
 * version only adds members). The findings are rebuilt as they were
 * finished by the engine: same order, same fingerprints, counts and items,
 * so emitting them again writes the same bytes. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "rules/engine.h"
#include "util/error.h"
#include "util/jsonr.h"

struct air_record {
    air_arena arena; /* the result's strings */
    air_result res;
    air_report *report;
    air_summary *summary;
};

static const char *copy(air_record *rec, const char *s)
{
    return air_arena_strdup(&rec->arena, s ? s : "");
}

/* "encrypted" -> AIR_EENCRYPTED; AIR_EINTERNAL for an unknown key. */
static air_status status_of(const char *key)
{
    for (air_status st = AIR_ENOMEM; st >= AIR_EINTERNAL; st--)
        if (strcmp(air_status_key(st), key) == 0)
            return st;
    return AIR_EINTERNAL;
}

static air_format format_of(const char *name)
{
    static const air_format all[] = { AIR_FMT_HWPX, AIR_FMT_DOCX,
                                      AIR_FMT_HWP };
    for (size_t i = 0; i < sizeof all / sizeof *all; i++)
        if (strcmp(air_format_name(all[i]), name) == 0)
            return all[i];
    return AIR_FMT_UNKNOWN;
}

static uint32_t u32(const air_jv *o, const char *key)
{
    return (uint32_t)air_jv_uint(air_jv_get(o, key), UINT32_MAX, 0);
}

static air_status bad(const char *what)
{
    return air_error(AIR_EFORMAT, "not an airead report line: %s", what);
}

static air_status read_location(air_record *rec, air_location *l,
                                const air_jv *o)
{
    memset(l, 0, sizeof *l);
    if (o == NULL || o->kind != AIR_JV_OBJECT)
        return bad("finding without a location");
    const char *story = air_jv_str(air_jv_get(o, "story"), "document");
    if (strcmp(story, "document") != 0) {
        l->story = copy(rec, story);
        if (l->story == NULL)
            return air_error(AIR_ENOMEM, "out of memory");
    }
    l->section = u32(o, "section");
    l->table = u32(o, "table");
    l->row = u32(o, "row");
    l->col = u32(o, "col");
    l->para = u32(o, "paragraph");
    l->start = u32(o, "start");
    l->end = u32(o, "end");
    return AIR_OK;
}

static air_status read_items(air_record *rec, air_finding *f,
                             const air_jv *arr)
{
    if (arr == NULL)
        return AIR_OK;
    if (arr->kind != AIR_JV_ARRAY)
        return bad("items is not an array");
    if (arr->len == 0)
        return AIR_OK;
    air_finding_item *items =
        air_arena_alloc(&rec->report->arena, arr->len * sizeof *items);
    if (items == NULL)
        return air_error(AIR_ENOMEM, "out of memory");
    size_t k = 0;
    for (const air_jv *o = arr->first; o; o = o->next, k++) {
        air_finding_item *it = &items[k];
        const char *text = air_jv_str(air_jv_get(o, "text"), NULL);
        const char *code = air_jv_str(air_jv_get(o, "code"), NULL);
        const char *font = air_jv_str(air_jv_get(o, "font"), NULL);
        if (text && (it->text = air_arena_strdup(&rec->report->arena,
                                                 text)) == NULL)
            return air_error(AIR_ENOMEM, "out of memory");
        if (font && (it->font = air_arena_strdup(&rec->report->arena,
                                                 font)) == NULL)
            return air_error(AIR_ENOMEM, "out of memory");
        if (code && strncmp(code, "U+", 2) == 0)
            it->code = (uint32_t)strtoul(code + 2, NULL, 16);
        it->count = u32(o, "count");
        it->row = u32(o, "row");
        it->col = u32(o, "col");
        it->rowspan = u32(o, "rowspan");
        it->colspan = u32(o, "colspan");
    }
    f->items = items;
    f->nitems = arr->len;
    return AIR_OK;
}

static air_status read_finding(air_record *rec, const air_jv *o,
                               const air_config *cfg)
{
    air_report *r = rec->report;
    char num[24];
    uint64_t number = air_jv_uint(air_jv_get(o, "number"), 100000, 0);
    snprintf(num, sizeof num, "%llu", (unsigned long long)number);
    const air_rule_info *rule = air_config_rule_find(cfg, num);
    if (rule == NULL)
        return air_error(AIR_ECONFIG, "rule %s (%s) is not in this "
                         "airead's catalogue", num,
                         air_jv_str(air_jv_get(o, "rule"), "?"));
    air_xfinding *x = air_report_push(r, rule);
    if (x == NULL)
        return r->status != AIR_OK ? air_error(AIR_ENOMEM, "out of memory")
                                   : AIR_OK; /* over the cap: dropped */
    air_finding *f = &x->f;
    air_severity sev = rule->severity;
    const char *sname = air_jv_str(air_jv_get(o, "severity"), "");
    if (air_severity_parse(&sev, sname) != AIR_OK || sev == AIR_SEV_NONE)
        return bad("finding with a bad severity");
    f->severity = sev;
    const char *msg = air_arena_strdup(
        &r->arena, air_jv_str(air_jv_get(o, "message"), ""));
    const char *snip = air_arena_strdup(
        &r->arena, air_jv_str(air_jv_get(o, "snippet"), ""));
    const char *fp = air_arena_strdup(
        &r->arena, air_jv_str(air_jv_get(o, "fingerprint"), ""));
    if (msg == NULL || snip == NULL || fp == NULL)
        return air_error(AIR_ENOMEM, "out of memory");
    f->message[AIR_LANG_KO] = f->message[AIR_LANG_EN] = msg;
    f->snippet = snip;
    f->fingerprint = fp;
    f->count = u32(o, "count");
    air_status rc = read_location(rec, &f->loc, air_jv_get(o, "location"));
    if (rc == AIR_OK)
        rc = read_items(rec, f, air_jv_get(o, "items"));
    if (sev > r->max)
        r->max = sev;
    return rc;
}

static air_status read_file(air_record *rec, const air_jv *o,
                            const air_config *cfg)
{
    rec->res.path = copy(rec, air_jv_str(air_jv_get(o, "path"), ""));
    rec->res.format = format_of(air_jv_str(air_jv_get(o, "format"), ""));
    const char *status = air_jv_str(air_jv_get(o, "status"), "");
    if (rec->res.path == NULL)
        return air_error(AIR_ENOMEM, "out of memory");
    if (strcmp(status, "ok") != 0) {
        if (strcmp(status, "unreadable") != 0)
            return bad("unknown status");
        rec->res.status =
            status_of(air_jv_str(air_jv_get(o, "reason"), ""));
        rec->res.error = copy(rec, air_jv_str(air_jv_get(o, "error"), ""));
        return rec->res.error ? AIR_OK
                              : air_error(AIR_ENOMEM, "out of memory");
    }
    const air_jv *findings = air_jv_get(o, "findings");
    if (findings == NULL || findings->kind != AIR_JV_ARRAY)
        return bad("file without findings");
    rec->report = air_report_new();
    if (rec->report == NULL)
        return air_error(AIR_ENOMEM, "out of memory");
    for (const air_jv *f = findings->first; f; f = f->next) {
        air_status rc = read_finding(rec, f, cfg);
        if (rc != AIR_OK)
            return rc;
    }
    rec->report->dropped += (size_t)air_jv_uint(air_jv_get(o, "dropped"),
                                                SIZE_MAX / 2, 0);
    rec->res.report = rec->report;
    return AIR_OK;
}

static void read_counts(uint64_t *v, size_t nv, const air_jv *o,
                        const char *const *keys)
{
    for (size_t i = 0; i < nv; i++)
        if (keys[i])
            v[i] = air_jv_uint(air_jv_get(o, keys[i]), UINT64_MAX / 2, 0);
}

static air_status read_summary(air_record *rec, const air_jv *o,
                               const air_config *cfg)
{
    air_summary *s = calloc(1, sizeof *s);
    if (s == NULL)
        return air_error(AIR_ENOMEM, "out of memory");
    rec->summary = s;
    if (o->kind != AIR_JV_OBJECT)
        return bad("summary is not an object");
    const uint64_t max = UINT64_MAX / 2;
    s->files = air_jv_uint(air_jv_get(o, "files"), max, 0);
    s->clean = air_jv_uint(air_jv_get(o, "clean"), max, 0);
    s->with_findings = air_jv_uint(air_jv_get(o, "with_findings"), max, 0);
    s->unreadable = air_jv_uint(air_jv_get(o, "unreadable"), max, 0);
    s->findings = air_jv_uint(air_jv_get(o, "findings"), max, 0);
    s->skipped = air_jv_uint(air_jv_get(o, "skipped"), max, 0);
    const air_jv *by = air_jv_get(o, "unreadable_by_reason");
    for (const air_jv *m = by && by->kind == AIR_JV_OBJECT ? by->first : NULL;
         m; m = m->next) {
        unsigned k = (unsigned)-status_of(m->key);
        if (k < sizeof s->unreadable_by / sizeof *s->unreadable_by)
            s->unreadable_by[k] += air_jv_uint(m, max, 0);
    }
    static const char *const sev[4] = { NULL, "info", "warning", "error" };
    read_counts(s->by_severity, 4, air_jv_get(o, "by_severity"), sev);
    static const char *const pr[6] = { NULL, "1", "2", "3", "4", "5" };
    read_counts(s->by_principle, 6, air_jv_get(o, "by_principle"), pr);
    by = air_jv_get(o, "by_rule");
    for (const air_jv *m = by && by->kind == AIR_JV_OBJECT ? by->first : NULL;
         m; m = m->next) {
        const air_rule_info *r = air_config_rule_find(cfg, m->key);
        if (r && r->number >= 0 && r->number < AIR_SUMMARY_RULE_SLOTS)
            s->by_rule[r->number] += air_jv_uint(m, max, 0);
    }
    const air_jv *bl = air_jv_get(o, "baseline");
    if (bl && bl->kind == AIR_JV_OBJECT) {
        s->baseline = 1;
        s->baseline_accepted = air_jv_uint(air_jv_get(bl, "accepted"), max, 0);
        s->baseline_gone = air_jv_uint(air_jv_get(bl, "gone"), max, 0);
    }
    return AIR_OK;
}

air_status air_record_parse(air_record **out, const char *line, size_t len,
                            const air_config *cfg)
{
    *out = NULL;
    air_record *rec = calloc(1, sizeof *rec);
    if (rec == NULL)
        return air_error(AIR_ENOMEM, "out of memory");
    /* The parsed tree lives only for the call. */
    air_arena tree = AIR_ARENA_INIT;
    air_jv *root = NULL;
    air_status rc = air_jsonr_parse(&root, &tree, line, len);
    if (rc == AIR_OK && root->kind != AIR_JV_OBJECT)
        rc = bad("not an object");
    if (rc == AIR_OK &&
        strcmp(air_jv_str(air_jv_get(root, "tool"), ""), "airead") != 0)
        rc = bad("no \"tool\": \"airead\"");
    if (rc == AIR_OK) {
        /* Same major version: a minor version only adds members. */
        const char *v = air_jv_str(air_jv_get(root, "schema_version"), "");
        const char *ours = AIR_REPORT_SCHEMA_VERSION;
        size_t major = strcspn(ours, ".");
        if (strncmp(v, ours, major + 1) != 0)
            rc = air_error(AIR_EFORMAT, "report schema version %s, this "
                           "airead reads %.*s.x", v[0] ? v : "(none)",
                           (int)major, ours);
    }
    if (rc == AIR_OK) {
        const air_jv *sum = air_jv_get(root, "summary");
        if (air_jv_get(root, "path") == NULL && sum)
            rc = read_summary(rec, sum, cfg);
        else if (air_jv_get(root, "path"))
            rc = read_file(rec, root, cfg);
        else
            rc = bad("neither a file nor a summary");
    }
    air_arena_free(&tree);
    if (rc != AIR_OK) {
        air_record_free(rec);
        return rc;
    }
    *out = rec;
    return AIR_OK;
}

const air_result *air_record_result(const air_record *rec)
{
    return rec && rec->summary == NULL ? &rec->res : NULL;
}

air_report *air_record_report(air_record *rec)
{
    return rec ? rec->report : NULL;
}

const air_summary *air_record_summary(const air_record *rec)
{
    return rec ? rec->summary : NULL;
}

air_status air_record_set_path(air_record *rec, const char *path)
{
    const char *p = air_arena_strdup(&rec->arena, path);
    if (p == NULL)
        return air_error(AIR_ENOMEM, "out of memory");
    const char *old = rec->res.path ? rec->res.path : "";
    const char *err = rec->res.error;
    size_t n = strlen(old);
    if (err && n && strncmp(err, old, n) == 0 && err[n] == ':') {
        size_t k = strlen(path), rest = strlen(err + n);
        char *e = air_arena_alloc(&rec->arena, k + rest + 1);
        if (e == NULL)
            return air_error(AIR_ENOMEM, "out of memory");
        memcpy(e, path, k);
        memcpy(e + k, err + n, rest + 1);
        rec->res.error = e;
    }
    rec->res.path = p;
    return AIR_OK;
}

void air_record_free(air_record *rec)
{
    if (rec == NULL)
        return;
    air_report_free(rec->report);
    free(rec->summary);
    air_arena_free(&rec->arena);
    free(rec);
}
