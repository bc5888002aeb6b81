/* cv.c -- configuration values: YAML in (libyaml events) and out (libyaml
 * emitter). See cv.h. */
#include "config.h"

#include "rules/cv.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "util/buf.h"
#include "util/error.h"

/* A configuration file is a few KiB; 1 MiB leaves room for long lists. */
enum { MAX_CONFIG_BYTES = 1 << 20 };

air_cv *air_cv_new(air_arena *a, air_cv_kind kind, const char *file,
                   unsigned line)
{
    air_cv *v = air_arena_alloc(a, sizeof *v);
    if (v == NULL)
        return NULL;
    v->kind = kind;
    v->file = file;
    v->line = line;
    v->str = "";
    return v;
}

void air_cv_append(air_cv *parent, const char *key, air_cv *v)
{
    v->key = key;
    v->next = NULL;
    if (parent->last)
        parent->last->next = v;
    else
        parent->first = v;
    parent->last = v;
    parent->n++;
}

air_cv *air_cv_get(const air_cv *m, const char *key)
{
    if (m == NULL || m->kind != AIR_CV_MAP)
        return NULL;
    for (air_cv *v = m->first; v; v = v->next)
        if (strcmp(v->key, key) == 0)
            return v;
    return NULL;
}

/* ---- parsing ------------------------------------------------------------- */

typedef struct parse_state {
    air_arena *a;
    const char *file;
    unsigned line0;
    air_cv *stack[AIR_CV_MAX_DEPTH + 1];
    int depth;            /* containers open */
    const char *key;      /* pending key of the innermost map */
    unsigned key_line;
    air_cv *root;
} parse_state;

static air_status fail(const parse_state *ps, unsigned line, const char *what)
{
    return air_error(AIR_ECONFIG, "%s:%u: %s", ps->file, line, what);
}

static unsigned line_of(const parse_state *ps, const yaml_event_t *ev)
{
    return ps->line0 + (unsigned)ev->start_mark.line + 1;
}

/* Attaches 'v' to the innermost container (or makes it the root). */
static air_status attach(parse_state *ps, air_cv *v, unsigned line)
{
    if (ps->depth == 0) {
        if (v->kind != AIR_CV_MAP)
            return fail(ps, line, "the configuration must be a mapping "
                                  "(key: value lines)");
        ps->root = v;
        return AIR_OK;
    }
    air_cv *top = ps->stack[ps->depth - 1];
    if (top->kind == AIR_CV_SEQ) {
        air_cv_append(top, NULL, v);
        return AIR_OK;
    }
    if (air_cv_get(top, ps->key) != NULL) {
        char msg[300];
        snprintf(msg, sizeof msg, "'%s' is given twice", ps->key);
        return fail(ps, ps->key_line, msg);
    }
    air_cv_append(top, ps->key, v);
    ps->key = NULL;
    return AIR_OK;
}

static air_status on_event(parse_state *ps, const yaml_event_t *ev)
{
    unsigned line = line_of(ps, ev);
    air_cv *top = ps->depth ? ps->stack[ps->depth - 1] : NULL;
    switch (ev->type) {
    case YAML_ALIAS_EVENT:
        return fail(ps, line, "anchors and aliases (*name) are not "
                              "supported in a configuration");
    case YAML_SCALAR_EVENT: {
        if (ev->data.scalar.anchor)
            return fail(ps, line, "anchors (&name) are not supported");
        const char *s = air_arena_strndup(ps->a,
                                          (const char *)ev->data.scalar.value,
                                          ev->data.scalar.length);
        if (s == NULL)
            return AIR_ENOMEM;
        if (top && top->kind == AIR_CV_MAP && ps->key == NULL) {
            if (memchr(s, '\0', ev->data.scalar.length))
                return fail(ps, line, "a key holds a NUL character");
            ps->key = s;
            ps->key_line = line;
            return AIR_OK;
        }
        air_cv *v = air_cv_new(ps->a, AIR_CV_SCALAR, ps->file, line);
        if (v == NULL)
            return AIR_ENOMEM;
        v->str = s;
        v->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
        return attach(ps, v, line);
    }
    case YAML_SEQUENCE_START_EVENT:
    case YAML_MAPPING_START_EVENT: {
        if (top && top->kind == AIR_CV_MAP && ps->key == NULL)
            return fail(ps, line, "a key must be a plain string");
        if (ps->depth >= AIR_CV_MAX_DEPTH)
            return fail(ps, line, "nested too deeply");
        bool is_map = ev->type == YAML_MAPPING_START_EVENT;
        if ((is_map ? ev->data.mapping_start.anchor
                    : ev->data.sequence_start.anchor) != NULL)
            return fail(ps, line, "anchors (&name) are not supported");
        air_cv *v = air_cv_new(ps->a, is_map ? AIR_CV_MAP : AIR_CV_SEQ,
                               ps->file, line);
        if (v == NULL)
            return AIR_ENOMEM;
        air_status rc = attach(ps, v, line);
        if (rc != AIR_OK)
            return rc;
        ps->stack[ps->depth++] = v;
        return AIR_OK;
    }
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT:
        ps->depth--;
        ps->key = NULL;
        return AIR_OK;
    case YAML_DOCUMENT_START_EVENT:
        if (ps->root != NULL)
            return fail(ps, line, "only one YAML document is allowed");
        return AIR_OK;
    default:
        return AIR_OK;
    }
}

air_status air_cv_parse(air_cv **out, air_arena *a, const char *file,
                        unsigned line0, const char *text, size_t len)
{
    *out = NULL;
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser))
        return air_error(AIR_ENOMEM, "out of memory");
    yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
    yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);

    parse_state ps;
    memset(&ps, 0, sizeof ps);
    ps.a = a;
    ps.file = file;
    ps.line0 = line0;
    air_status rc = AIR_OK;
    for (;;) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&parser, &ev)) {
            unsigned line = line0 + (unsigned)parser.problem_mark.line + 1;
            rc = air_error(AIR_ECONFIG, "%s:%u: %s%s%s", file, line,
                           parser.problem ? parser.problem : "bad YAML",
                           parser.context ? " " : "",
                           parser.context ? parser.context : "");
            break;
        }
        bool end = ev.type == YAML_STREAM_END_EVENT;
        rc = on_event(&ps, &ev);
        yaml_event_delete(&ev);
        if (rc != AIR_OK || end)
            break;
    }
    yaml_parser_delete(&parser);
    if (rc != AIR_OK)
        return rc;
    if (ps.root == NULL) {
        ps.root = air_cv_new(a, AIR_CV_MAP, file, line0 + 1);
        if (ps.root == NULL)
            return AIR_ENOMEM;
    }
    *out = ps.root;
    return AIR_OK;
}

air_status air_cv_load(air_cv **out, air_arena *a, const char *path)
{
    *out = NULL;
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return air_error(AIR_ECONFIG, "%s: cannot read: %s", path,
                         strerror(errno));
    air_buf b = AIR_BUF_INIT;
    b.max = MAX_CONFIG_BYTES;
    char chunk[8192];
    size_t n;
    air_status rc = AIR_OK;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (air_buf_add(&b, chunk, n) != AIR_OK) {
            rc = air_error(AIR_ECONFIG, "%s: larger than %d bytes", path,
                           MAX_CONFIG_BYTES);
            break;
        }
    }
    if (rc == AIR_OK && ferror(f))
        rc = air_error(AIR_ECONFIG, "%s: cannot read", path);
    fclose(f);
    const char *name = air_arena_strdup(a, path);
    if (rc == AIR_OK && name == NULL)
        rc = AIR_ENOMEM;
    if (rc == AIR_OK)
        rc = air_cv_parse(out, a, name, 0, air_buf_cstr(&b), b.len);
    air_buf_free(&b);
    return rc;
}

/* ---- printing ------------------------------------------------------------ */

static bool all_scalars(const air_cv *v)
{
    for (const air_cv *c = v->first; c; c = c->next)
        if (c->kind != AIR_CV_SCALAR)
            return false;
    return true;
}

static int emit_scalar(yaml_emitter_t *em, const char *s)
{
    yaml_event_t ev;
    yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s,
                                 (int)strlen(s), 1, 1,
                                 YAML_ANY_SCALAR_STYLE);
    return yaml_emitter_emit(em, &ev);
}

/* Iterative: the tree depth is capped, but the emitter needs events in
 * order, which an explicit stack gives as well as recursion would. */
static int emit_tree(yaml_emitter_t *em, const air_cv *root)
{
    const air_cv *stack[AIR_CV_MAX_DEPTH + 2];
    const air_cv *next[AIR_CV_MAX_DEPTH + 2];
    int depth = 0;
    yaml_event_t ev;
    const air_cv *v = root;
    for (;;) {
        if (v != NULL) {
            const air_cv *parent = depth ? stack[depth - 1] : NULL;
            if (parent && parent->kind == AIR_CV_MAP &&
                !emit_scalar(em, v->key))
                return 0;
            if (v->kind == AIR_CV_SCALAR) {
                if (!emit_scalar(em, v->str))
                    return 0;
                v = v->next;
                continue;
            }
            if (v->kind == AIR_CV_MAP)
                yaml_mapping_start_event_initialize(
                    &ev, NULL, NULL, 1, YAML_BLOCK_MAPPING_STYLE);
            else
                yaml_sequence_start_event_initialize(
                    &ev, NULL, NULL, 1,
                    all_scalars(v) ? YAML_FLOW_SEQUENCE_STYLE
                                   : YAML_BLOCK_SEQUENCE_STYLE);
            if (!yaml_emitter_emit(em, &ev))
                return 0;
            stack[depth] = v;
            next[depth] = v->next;
            depth++;
            v = v->first;
            continue;
        }
        if (depth == 0)
            return 1;
        depth--;
        if (stack[depth]->kind == AIR_CV_MAP)
            yaml_mapping_end_event_initialize(&ev);
        else
            yaml_sequence_end_event_initialize(&ev);
        if (!yaml_emitter_emit(em, &ev))
            return 0;
        if (depth == 0)
            return 1;
        v = next[depth];
    }
}

air_status air_cv_print(const air_cv *root, FILE *out)
{
    yaml_emitter_t em;
    yaml_event_t ev;
    if (!yaml_emitter_initialize(&em))
        return air_error(AIR_ENOMEM, "out of memory");
    yaml_emitter_set_output_file(&em, out);
    yaml_emitter_set_unicode(&em, 1);
    yaml_emitter_set_width(&em, 78);
    yaml_emitter_set_indent(&em, 2);
    int ok = 1;
    yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
    ok = ok && yaml_emitter_emit(&em, &ev);
    yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1);
    ok = ok && yaml_emitter_emit(&em, &ev);
    ok = ok && emit_tree(&em, root);
    yaml_document_end_event_initialize(&ev, 1);
    ok = ok && yaml_emitter_emit(&em, &ev);
    yaml_stream_end_event_initialize(&ev);
    ok = ok && yaml_emitter_emit(&em, &ev);
    ok = ok && yaml_emitter_flush(&em);
    yaml_emitter_delete(&em);
    return ok ? AIR_OK : air_error(AIR_EIO, "cannot write the configuration");
}
