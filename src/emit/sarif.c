/* sarif.c -- SARIF 2.1.0 (OASIS): one run, the rule catalogue as
 * tool.driver.rules, one result per finding with a physical location (the
 * file) and a logical location (section/table/row/col/paragraph), and a
 * partial fingerprint computed from content, so that a finding keeps its
 * identity when the text around it moves. Files that could not be read
 * become tool execution notifications of the invocation, each with its
 * reason. Validated against the official schema by a test
 * (tests/data/sarif-schema-2.1.0.json). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "emit/emit.h"
#include "version.h"

/* Unreadable files, kept for the invocation written at the end. */
typedef struct unread {
    char *path, *reason, *message;
    struct unread *next;
} unread;

typedef struct sarif_state {
    unread *first, *last;
} sarif_state;

static char *dupstr(const char *s)
{
    size_t n = strlen(s ? s : "") + 1;
    char *d = malloc(n);
    if (d)
        memcpy(d, s ? s : "", n);
    return d;
}

/* A path as a URI reference: unreserved characters and '/' kept, every
 * other byte percent-encoded (Korean names become %EB%B3%B4...). An
 * absolute path becomes a file: URI. */
static void write_uri(air_json *j, const char *path)
{
    air_buf b = AIR_BUF_INIT;
    if (path[0] == '/')
        air_buf_adds(&b, "file://");
    for (const unsigned char *s = (const unsigned char *)path; *s; s++) {
        if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
            (*s >= '0' && *s <= '9') || strchr("-._~/", *s))
            air_buf_addc(&b, (char)*s);
        else
            air_buf_printf(&b, "%%%02X", *s);
    }
    air_json_kv_string(j, "uri", air_buf_cstr(&b));
    air_buf_free(&b);
}

/* "physicalLocation": { "artifactLocation": { "uri": ... } } */
static void write_physical(air_json *j, const char *path)
{
    air_json_key(j, "physicalLocation");
    air_json_begin_object(j);
    air_json_key(j, "artifactLocation");
    air_json_begin_object(j);
    write_uri(j, path);
    air_json_end_object(j);
    air_json_end_object(j);
}

static const char *level(air_severity s)
{
    return s == AIR_SEV_ERROR ? "error"
           : s == AIR_SEV_WARNING ? "warning" : "note";
}

static void text_obj(air_json *j, const char *key, const char *text)
{
    air_json_key(j, key);
    air_json_begin_object(j);
    air_json_kv_string(j, "text", text);
    air_json_end_object(j);
}

static void write_rules(air_emitter *e)
{
    air_json *j = &e->j;
    const air_config *cfg = e->opts.config;
    air_lang l = e->opts.lang;
    air_json_key(j, "rules");
    air_json_begin_array(j);
    for (size_t i = 0; cfg && i < air_config_rule_count(cfg); i++) {
        const air_rule_info *r = air_config_rule(cfg, i);
        air_json_begin_object(j);
        air_json_kv_string(j, "id", r->id);
        air_json_kv_string(j, "name", r->id);
        text_obj(j, "shortDescription", r->title[l][0] ? r->title[l] : r->id);
        text_obj(j, "fullDescription", r->why[l][0] ? r->why[l] : r->id);
        air_buf help = AIR_BUF_INIT;
        air_buf_printf(&help, "%s\n%s: %s\nWord: %s", r->why[l],
                       l == AIR_LANG_EN ? "Hangul" : "한글", r->fix_hangul[l],
                       r->fix_word[l]);
        text_obj(j, "help", air_buf_cstr(&help));
        air_buf_free(&help);
        air_json_key(j, "defaultConfiguration");
        air_json_begin_object(j);
        air_json_kv_bool(j, "enabled", r->enabled);
        air_json_kv_string(j, "level", level(r->severity));
        air_json_end_object(j);
        air_json_key(j, "properties");
        air_json_begin_object(j);
        air_json_kv_int(j, "number", r->number);
        air_json_kv_int(j, "principle", r->principle);
        air_json_key(j, "tags");
        air_json_begin_array(j);
        char tag[32];
        snprintf(tag, sizeof tag, "principle-%d", r->principle);
        air_json_string(j, tag);
        air_json_end_array(j);
        air_json_end_object(j);
        air_json_end_object(j);
    }
    air_json_end_array(j);
}

static air_status sarif_begin(air_emitter *e)
{
    e->priv = calloc(1, sizeof(sarif_state));
    if (e->priv == NULL)
        return AIR_ENOMEM;
    air_json *j = &e->j;
    air_json_init(j, e->out, true);
    air_json_begin_object(j);
    air_json_kv_string(j, "$schema",
                       "https://docs.oasis-open.org/sarif/sarif/v2.1.0/"
                       "errata01/os/schemas/sarif-schema-2.1.0.json");
    air_json_kv_string(j, "version", "2.1.0");
    air_json_key(j, "runs");
    air_json_begin_array(j);
    air_json_begin_object(j);
    air_json_key(j, "tool");
    air_json_begin_object(j);
    air_json_key(j, "driver");
    air_json_begin_object(j);
    air_json_kv_string(j, "name", "airead");
    air_json_kv_string(j, "version", AIR_VERSION_STRING);
    air_json_kv_string(j, "semanticVersion", AIR_VERSION_STRING);
    write_rules(e);
    air_json_end_object(j);
    air_json_end_object(j);
    air_json_kv_string(j, "language", e->opts.lang == AIR_LANG_EN ? "en"
                                                                  : "ko");
    air_json_key(j, "results");
    air_json_begin_array(j);
    return AIR_OK;
}

static void write_result(air_emitter *e, const air_result *res,
                         const air_finding *f)
{
    air_json *j = &e->j;
    const air_config *cfg = e->opts.config;
    air_json_begin_object(j);
    air_json_kv_string(j, "ruleId", f->rule->id);
    for (size_t i = 0; cfg && i < air_config_rule_count(cfg); i++)
        if (air_config_rule(cfg, i)->number == f->rule->number)
            air_json_kv_uint(j, "ruleIndex", i);
    air_json_kv_string(j, "level", level(f->severity));
    text_obj(j, "message", f->message[e->opts.lang]);
    air_json_key(j, "locations");
    air_json_begin_array(j);
    air_json_begin_object(j);
    write_physical(j, res->path);
    air_buf b = AIR_BUF_INIT;
    air_emit_loc_path(&b, &f->loc);
    const char *fq = air_buf_cstr(&b);
    const char *name = strrchr(fq, '/');
    air_json_key(j, "logicalLocations");
    air_json_begin_array(j);
    air_json_begin_object(j);
    air_json_kv_string(j, "name", name ? name + 1 : fq);
    air_json_kv_string(j, "fullyQualifiedName", fq);
    air_json_kv_string(j, "kind", "element");
    air_json_end_object(j);
    air_json_end_array(j);
    air_buf_free(&b);
    air_json_end_object(j);
    air_json_end_array(j);
    air_json_key(j, "partialFingerprints");
    air_json_begin_object(j);
    air_json_kv_string(j, "aireadContent/v1", f->fingerprint);
    air_json_end_object(j);
    air_json_key(j, "properties");
    air_json_begin_object(j);
    air_json_kv_int(j, "number", f->rule->number);
    air_json_kv_int(j, "principle", f->rule->principle);
    air_json_kv_string(j, "snippet", f->snippet);
    air_json_kv_uint(j, "count", f->count);
    if (f->loc.end > f->loc.start) {
        air_json_kv_uint(j, "start", f->loc.start);
        air_json_kv_uint(j, "end", f->loc.end);
    }
    air_emit_json_items(j, f);
    air_json_end_object(j);
    air_json_end_object(j);
}

static air_status sarif_file(air_emitter *e, const air_result *res)
{
    if (res->status != AIR_OK || res->report == NULL) {
        sarif_state *st = e->priv;
        unread *u = calloc(1, sizeof *u);
        if (u == NULL)
            return AIR_ENOMEM;
        u->path = dupstr(res->path);
        u->reason = dupstr(air_status_key(res->status));
        u->message = dupstr(res->error);
        if (st->last)
            st->last->next = u;
        else
            st->first = u;
        st->last = u;
        return u->path && u->reason && u->message ? AIR_OK : AIR_ENOMEM;
    }
    for (size_t i = 0; i < air_report_count(res->report); i++)
        write_result(e, res, air_report_finding(res->report, i));
    return AIR_OK;
}

static air_status sarif_end(air_emitter *e)
{
    air_json *j = &e->j;
    sarif_state *st = e->priv;
    air_json_end_array(j); /* results */
    air_json_key(j, "invocations");
    air_json_begin_array(j);
    air_json_begin_object(j);
    air_json_kv_bool(j, "executionSuccessful", true);
    air_json_key(j, "toolExecutionNotifications");
    air_json_begin_array(j);
    for (unread *u = st ? st->first : NULL; u; u = u->next) {
        air_json_begin_object(j);
        air_json_kv_string(j, "level", "error");
        air_buf msg = AIR_BUF_INIT;
        air_buf_printf(&msg, "%s: %s", u->path, u->message);
        text_obj(j, "message", air_buf_cstr(&msg));
        air_buf_free(&msg);
        air_json_key(j, "descriptor");
        air_json_begin_object(j);
        air_json_kv_string(j, "id", "unreadable");
        air_json_end_object(j);
        air_json_key(j, "locations");
        air_json_begin_array(j);
        air_json_begin_object(j);
        write_physical(j, u->path);
        air_json_end_object(j);
        air_json_end_array(j);
        air_json_key(j, "properties");
        air_json_begin_object(j);
        air_json_kv_string(j, "reason", u->reason);
        air_json_end_object(j);
        air_json_end_object(j);
    }
    air_json_end_array(j);
    air_json_end_object(j);
    air_json_end_array(j); /* invocations */
    air_json_key(j, "properties");
    air_json_begin_object(j);
    air_emit_json_summary(e);
    air_json_end_object(j);
    air_json_end_object(j); /* run */
    air_json_end_array(j);  /* runs */
    air_json_end_object(j);
    air_json_finish(j);
    return AIR_OK;
}

static void sarif_free(air_emitter *e)
{
    sarif_state *st = e->priv;
    if (st == NULL)
        return;
    for (unread *u = st->first, *next; u; u = next) {
        next = u->next;
        free(u->path);
        free(u->reason);
        free(u->message);
        free(u);
    }
    free(st);
}

const air_emit_ops air_emit_sarif_ops = { sarif_begin, sarif_file,
                                          sarif_end, sarif_free };
