/* jsonr.c -- see jsonr.h. A recursive-descent parser whose depth is
 * capped by AIR_JSONR_MAX_DEPTH; numbers are read by hand so that the
 * locale's decimal point never matters. */
#include "config.h"

#include "util/jsonr.h"

#include <string.h>

#include "util/buf.h"
#include "util/error.h"
#include "util/utf8.h"

typedef struct parser {
    const char *s;
    size_t n, i;
    air_arena *a;
} parser;

static air_status bad(const parser *p, const char *what)
{
    return air_error(AIR_EFORMAT, "JSON: %s at byte %zu", what, p->i);
}

static void skip_ws(parser *p)
{
    while (p->i < p->n && (p->s[p->i] == ' ' || p->s[p->i] == '\t' ||
                           p->s[p->i] == '\n' || p->s[p->i] == '\r'))
        p->i++;
}

static bool lit(parser *p, const char *word)
{
    size_t k = strlen(word);
    if (p->n - p->i < k || memcmp(p->s + p->i, word, k) != 0)
        return false;
    p->i += k;
    return true;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static bool hex4(parser *p, uint32_t *out)
{
    if (p->n - p->i < 4)
        return false;
    uint32_t v = 0;
    for (int k = 0; k < 4; k++) {
        int h = hexval(p->s[p->i + (size_t)k]);
        if (h < 0)
            return false;
        v = v << 4 | (uint32_t)h;
    }
    p->i += 4;
    *out = v;
    return true;
}

/* A string after its opening quote, decoded into the arena. */
static air_status string(parser *p, const char **out, size_t *len)
{
    air_buf b = AIR_BUF_INIT;
    air_status rc = AIR_OK;
    for (;;) {
        if (p->i >= p->n) {
            rc = bad(p, "unterminated string");
            break;
        }
        unsigned char c = (unsigned char)p->s[p->i];
        if (c == '"') {
            p->i++;
            break;
        }
        if (c < 0x20) {
            rc = bad(p, "control character in a string");
            break;
        }
        if (c != '\\') {
            /* A run of plain bytes, checked as UTF-8 at once. */
            size_t start = p->i;
            while (p->i < p->n && p->s[p->i] != '"' && p->s[p->i] != '\\' &&
                   (unsigned char)p->s[p->i] >= 0x20)
                p->i++;
            if (!air_utf8_is_valid(p->s + start, p->i - start)) {
                rc = bad(p, "invalid UTF-8 in a string");
                break;
            }
            rc = air_buf_add(&b, p->s + start, p->i - start);
            if (rc != AIR_OK)
                break;
            continue;
        }
        p->i++;
        if (p->i >= p->n) {
            rc = bad(p, "unterminated escape");
            break;
        }
        char e = p->s[p->i++];
        const char *plain = strchr("\"\\/bfnrt", e);
        if (plain && e) {
            static const char map[] = "\"\\/\b\f\n\r\t";
            rc = air_buf_addc(&b, map[plain - "\"\\/bfnrt"]);
        } else if (e == 'u') {
            uint32_t cp, lo;
            if (!hex4(p, &cp)) {
                rc = bad(p, "bad \\u escape");
                break;
            }
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                if (!lit(p, "\\u") || !hex4(p, &lo) || lo < 0xDC00 ||
                    lo > 0xDFFF) {
                    rc = bad(p, "unpaired surrogate");
                    break;
                }
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                rc = bad(p, "unpaired surrogate");
                break;
            }
            rc = air_buf_add_utf8(&b, cp);
        } else {
            rc = bad(p, "bad escape");
        }
        if (rc != AIR_OK)
            break;
    }
    if (rc == AIR_OK) {
        *len = b.len;
        *out = air_arena_strndup(p->a, air_buf_cstr(&b), b.len);
        if (*out == NULL)
            rc = air_error(AIR_ENOMEM, "out of memory");
    }
    air_buf_free(&b);
    return rc;
}

static air_status number(parser *p, double *out)
{
    bool neg = false;
    if (p->s[p->i] == '-') {
        neg = true;
        p->i++;
    }
    if (p->i >= p->n || p->s[p->i] < '0' || p->s[p->i] > '9')
        return bad(p, "bad number");
    double v = 0;
    if (p->s[p->i] == '0')
        p->i++;
    else
        while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9')
            v = v * 10 + (p->s[p->i++] - '0');
    if (p->i < p->n && p->s[p->i] == '.') {
        p->i++;
        double scale = 0.1;
        if (p->i >= p->n || p->s[p->i] < '0' || p->s[p->i] > '9')
            return bad(p, "bad number");
        while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9') {
            v += (p->s[p->i++] - '0') * scale;
            scale /= 10;
        }
    }
    if (p->i < p->n && (p->s[p->i] == 'e' || p->s[p->i] == 'E')) {
        p->i++;
        bool eneg = false;
        if (p->i < p->n && (p->s[p->i] == '+' || p->s[p->i] == '-'))
            eneg = p->s[p->i++] == '-';
        if (p->i >= p->n || p->s[p->i] < '0' || p->s[p->i] > '9')
            return bad(p, "bad number");
        int ex = 0;
        while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9') {
            if (ex < 400)
                ex = ex * 10 + (p->s[p->i] - '0');
            p->i++;
        }
        for (int k = 0; k < ex && v != 0; k++)
            v = eneg ? v / 10 : v * 10;
    }
    *out = neg ? -v : v;
    return AIR_OK;
}

static air_status value(parser *p, air_jv **out, int depth);

/* An array or object after its opening bracket. */
static air_status members(parser *p, air_jv *c, int depth)
{
    bool obj = c->kind == AIR_JV_OBJECT;
    char close = obj ? '}' : ']';
    air_jv *last = NULL;
    skip_ws(p);
    if (p->i < p->n && p->s[p->i] == close) {
        p->i++;
        return AIR_OK;
    }
    for (;;) {
        const char *key = NULL;
        size_t klen = 0;
        skip_ws(p);
        if (obj) {
            if (p->i >= p->n || p->s[p->i] != '"')
                return bad(p, "member name expected");
            p->i++;
            air_status rc = string(p, &key, &klen);
            if (rc != AIR_OK)
                return rc;
            skip_ws(p);
            if (p->i >= p->n || p->s[p->i] != ':')
                return bad(p, "':' expected");
            p->i++;
        }
        air_jv *v = NULL;
        air_status rc = value(p, &v, depth + 1);
        if (rc != AIR_OK)
            return rc;
        v->key = key;
        if (last)
            last->next = v;
        else
            c->first = v;
        last = v;
        c->len++;
        skip_ws(p);
        if (p->i < p->n && p->s[p->i] == ',') {
            p->i++;
            continue;
        }
        if (p->i < p->n && p->s[p->i] == close) {
            p->i++;
            return AIR_OK;
        }
        return bad(p, obj ? "',' or '}' expected" : "',' or ']' expected");
    }
}

static air_status value(parser *p, air_jv **out, int depth)
{
    if (depth > AIR_JSONR_MAX_DEPTH)
        return bad(p, "nested too deeply");
    skip_ws(p);
    if (p->i >= p->n)
        return bad(p, "value expected");
    air_jv *v = air_arena_alloc(p->a, sizeof *v);
    if (v == NULL)
        return air_error(AIR_ENOMEM, "out of memory");
    *out = v;
    char c = p->s[p->i];
    switch (c) {
    case '{':
    case '[':
        p->i++;
        v->kind = c == '{' ? AIR_JV_OBJECT : AIR_JV_ARRAY;
        return members(p, v, depth);
    case '"':
        p->i++;
        v->kind = AIR_JV_STRING;
        return string(p, &v->str, &v->len);
    case 't':
    case 'f':
        v->kind = AIR_JV_BOOL;
        v->b = c == 't';
        return lit(p, c == 't' ? "true" : "false") ? AIR_OK
                                                  : bad(p, "bad literal");
    case 'n':
        v->kind = AIR_JV_NULL;
        return lit(p, "null") ? AIR_OK : bad(p, "bad literal");
    default:
        v->kind = AIR_JV_NUMBER;
        return number(p, &v->num);
    }
}

air_status air_jsonr_parse(air_jv **out, air_arena *a, const char *text,
                           size_t n)
{
    *out = NULL;
    parser p = { text, n, 0, a };
    air_jv *v = NULL;
    air_status rc = value(&p, &v, 0);
    if (rc != AIR_OK)
        return rc;
    skip_ws(&p);
    if (p.i != n)
        return bad(&p, "text after the value");
    *out = v;
    return AIR_OK;
}

const air_jv *air_jv_get(const air_jv *o, const char *key)
{
    if (o == NULL || o->kind != AIR_JV_OBJECT)
        return NULL;
    for (const air_jv *m = o->first; m; m = m->next)
        if (strcmp(m->key, key) == 0)
            return m;
    return NULL;
}

const char *air_jv_str(const air_jv *v, const char *dflt)
{
    return v && v->kind == AIR_JV_STRING ? v->str : dflt;
}

uint64_t air_jv_uint(const air_jv *v, uint64_t max, uint64_t dflt)
{
    if (v == NULL || v->kind != AIR_JV_NUMBER || v->num < 0 ||
        v->num > (double)max || v->num != (double)(uint64_t)v->num)
        return dflt;
    return (uint64_t)v->num;
}
