/* jsonr.h -- a small JSON reader (RFC 8259) into a tree in an arena.
 *
 * For reading airead's own reports back (jsonl lines from batch workers,
 * caches and merges), not for arbitrary documents: the input is one value
 * held in memory, values live in the caller's arena, objects keep their
 * members in order (lookups are linear; report objects are small). Input
 * is untrusted: nesting is capped (AIR_JSONR_MAX_DEPTH, the parser
 * recurses at most that deep), strings are checked UTF-8 and \u escapes
 * (surrogate pairs included) are decoded; a bad input is AIR_EFORMAT with
 * the byte offset in the message. */
#ifndef AIR_JSONR_H
#define AIR_JSONR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "airead.h"
#include "util/arena.h"

/* A report nests about six levels; anything far deeper is not ours. */
enum { AIR_JSONR_MAX_DEPTH = 64 };

typedef enum air_jv_kind {
    AIR_JV_NULL = 0,
    AIR_JV_BOOL,
    AIR_JV_NUMBER,
    AIR_JV_STRING,
    AIR_JV_ARRAY,
    AIR_JV_OBJECT
} air_jv_kind;

typedef struct air_jv {
    air_jv_kind kind;
    bool b;             /* AIR_JV_BOOL */
    double num;         /* AIR_JV_NUMBER */
    const char *str;    /* AIR_JV_STRING: NUL-terminated (may hold NULs) */
    size_t len;         /* string length in bytes; members of a container */
    struct air_jv *first;  /* first member of an array or object */
    struct air_jv *next;   /* next member of the parent container */
    const char *key;       /* member name inside an object, else NULL */
} air_jv;

/* Parses text[0..n) (one value, whitespace around it allowed) into nodes
 * allocated from 'a'. On failure *out is NULL and air_last_error() says
 * where. */
air_status air_jsonr_parse(air_jv **out, air_arena *a, const char *text,
                           size_t n);

/* The member 'key' of object 'o', or NULL (also when 'o' is NULL or not
 * an object). */
const air_jv *air_jv_get(const air_jv *o, const char *key);

/* The string, or 'dflt' when 'v' is missing or not a string. */
const char *air_jv_str(const air_jv *v, const char *dflt);

/* A non-negative integer value, or 'dflt' when missing, negative, not an
 * integer or above 'max'. */
uint64_t air_jv_uint(const air_jv *v, uint64_t max, uint64_t dflt);

#endif
