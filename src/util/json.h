/* json.h -- a small streaming JSON writer (RFC 8259) over a FILE.
 *
 * Keeps track of commas and indentation; strings are written as UTF-8
 * with the required escapes (invalid UTF-8 becomes U+FFFD, so the output
 * is always valid JSON). Compact mode writes one line (for jsonl). */
#ifndef AIR_JSON_H
#define AIR_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Deep enough for the model's own nesting (tables are capped at 64
 * levels, each costing a handful of JSON levels). */
enum { AIR_JSON_MAX_DEPTH = 1024 };

typedef struct air_json {
    FILE *out;
    bool pretty;
    int depth;
    bool after_key;
    unsigned char has_items[AIR_JSON_MAX_DEPTH];
} air_json;

void air_json_init(air_json *j, FILE *out, bool pretty);

void air_json_begin_object(air_json *j);
void air_json_end_object(air_json *j);
void air_json_begin_array(air_json *j);
void air_json_end_array(air_json *j);

void air_json_key(air_json *j, const char *key);
void air_json_string(air_json *j, const char *s);      /* NULL: null */
void air_json_stringn(air_json *j, const char *s, size_t n);
void air_json_int(air_json *j, long long v);
void air_json_uint(air_json *j, unsigned long long v);
void air_json_double(air_json *j, double v);
void air_json_bool(air_json *j, bool v);
void air_json_null(air_json *j);

/* Convenience: key + value. */
void air_json_kv_string(air_json *j, const char *key, const char *s);
void air_json_kv_int(air_json *j, const char *key, long long v);
void air_json_kv_uint(air_json *j, const char *key, unsigned long long v);
void air_json_kv_bool(air_json *j, const char *key, bool v);

/* Ends the document with a newline. */
void air_json_finish(air_json *j);

/* Writes s[0..n) as a JSON string body (no quotes) to 'out'. */
void air_json_escape(FILE *out, const char *s, size_t n);

#endif
