/* json.c -- see json.h. */
#include "config.h"

#include "util/json.h"

#include <math.h>
#include <string.h>

#include "util/utf8.h"

void air_json_init(air_json *j, FILE *out, bool pretty)
{
    memset(j, 0, sizeof *j);
    j->out = out;
    j->pretty = pretty;
}

static void newline(air_json *j)
{
    if (!j->pretty)
        return;
    fputc('\n', j->out);
    for (int i = 0; i < j->depth; i++)
        fputs("  ", j->out);
}

/* Before any value or key: a comma if the container has items. */
static void before_value(air_json *j)
{
    if (j->after_key) {
        j->after_key = false;
        return;
    }
    if (j->depth > 0 && j->depth <= AIR_JSON_MAX_DEPTH) {
        if (j->has_items[j->depth - 1])
            fputc(',', j->out);
        j->has_items[j->depth - 1] = 1;
        newline(j);
    }
}

static void open_container(air_json *j, char c)
{
    before_value(j);
    fputc(c, j->out);
    j->depth++;
    if (j->depth <= AIR_JSON_MAX_DEPTH)
        j->has_items[j->depth - 1] = 0;
}

static void close_container(air_json *j, char c)
{
    bool had = j->depth <= AIR_JSON_MAX_DEPTH && j->depth > 0 &&
               j->has_items[j->depth - 1];
    j->depth--;
    if (had)
        newline(j);
    fputc(c, j->out);
}

void air_json_begin_object(air_json *j) { open_container(j, '{'); }
void air_json_end_object(air_json *j) { close_container(j, '}'); }
void air_json_begin_array(air_json *j) { open_container(j, '['); }
void air_json_end_array(air_json *j) { close_container(j, ']'); }

void air_json_escape(FILE *out, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
            size_t k = i + 1;
            while (k < n && (unsigned char)s[k] >= 0x20 &&
                   (unsigned char)s[k] < 0x80 && s[k] != '"' &&
                   s[k] != '\\')
                k++;
            fwrite(s + i, 1, k - i, out);
            i = k;
            continue;
        }
        if (c < 0x80) {
            switch (c) {
            case '"': fputs("\\\"", out); break;
            case '\\': fputs("\\\\", out); break;
            case '\n': fputs("\\n", out); break;
            case '\r': fputs("\\r", out); break;
            case '\t': fputs("\\t", out); break;
            case '\b': fputs("\\b", out); break;
            case '\f': fputs("\\f", out); break;
            default:
                fputs("\\u00", out);
                fputc(hex[c >> 4], out);
                fputc(hex[c & 15], out);
            }
            i++;
            continue;
        }
        uint32_t cp;
        size_t k = air_utf8_decode(&cp, s + i, n - i);
        if (cp == AIR_UTF8_REPLACEMENT && k == 1)
            fputs("\xEF\xBF\xBD", out);
        else if (cp == 0x2028 || cp == 0x2029)
            fprintf(out, "\\u%04x", (unsigned)cp); /* safe for JS */
        else
            fwrite(s + i, 1, k, out);
        i += k;
    }
}

void air_json_key(air_json *j, const char *key)
{
    before_value(j);
    fputc('"', j->out);
    air_json_escape(j->out, key, strlen(key));
    fputs(j->pretty ? "\": " : "\":", j->out);
    j->after_key = true;
}

void air_json_stringn(air_json *j, const char *s, size_t n)
{
    before_value(j);
    fputc('"', j->out);
    air_json_escape(j->out, s, n);
    fputc('"', j->out);
}

void air_json_string(air_json *j, const char *s)
{
    if (s == NULL)
        air_json_null(j);
    else
        air_json_stringn(j, s, strlen(s));
}

void air_json_int(air_json *j, long long v)
{
    before_value(j);
    fprintf(j->out, "%lld", v);
}

void air_json_uint(air_json *j, unsigned long long v)
{
    before_value(j);
    fprintf(j->out, "%llu", v);
}

void air_json_double(air_json *j, double v)
{
    before_value(j);
    if (isfinite(v))
        fprintf(j->out, "%.6g", v);
    else
        fputs("null", j->out);
}

void air_json_bool(air_json *j, bool v)
{
    before_value(j);
    fputs(v ? "true" : "false", j->out);
}

void air_json_null(air_json *j)
{
    before_value(j);
    fputs("null", j->out);
}

void air_json_kv_string(air_json *j, const char *key, const char *s)
{
    air_json_key(j, key);
    air_json_string(j, s);
}

void air_json_kv_int(air_json *j, const char *key, long long v)
{
    air_json_key(j, key);
    air_json_int(j, v);
}

void air_json_kv_uint(air_json *j, const char *key, unsigned long long v)
{
    air_json_key(j, key);
    air_json_uint(j, v);
}

void air_json_kv_bool(air_json *j, const char *key, bool v)
{
    air_json_key(j, key);
    air_json_bool(j, v);
}

void air_json_finish(air_json *j)
{
    fputc('\n', j->out);
}
