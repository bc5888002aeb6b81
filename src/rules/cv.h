/* cv.h -- configuration values: a small YAML tree read with libyaml.
 *
 * Our own configuration is small and trusted more than documents, but a
 * user file may still be wrong: every node keeps its file and line so
 * that any problem is reported as "FILE:LINE: problem". Scalars stay
 * strings (typing happens when a rule's declared params are checked);
 * anchors, aliases and tags are refused; nesting is capped. Nodes live in
 * the arena given to the parser. */
#ifndef AIR_CV_H
#define AIR_CV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "airead.h"
#include "util/arena.h"

typedef enum air_cv_kind { AIR_CV_SCALAR = 0, AIR_CV_SEQ, AIR_CV_MAP } air_cv_kind;

typedef struct air_cv air_cv;
struct air_cv {
    air_cv_kind kind;
    const char *key; /* the key when this is a map entry's value */
    const char *str; /* SCALAR: the text ("" for an empty value) */
    bool plain;      /* SCALAR: written without quotes */
    const char *file;
    unsigned line;   /* 1-based */
    air_cv *first, *last, *next; /* SEQ items / MAP values, in order */
    size_t n;
};

/* Nesting allowed in a configuration file: far more than it needs. */
enum { AIR_CV_MAX_DEPTH = 32 };

/* Parses 'len' bytes of YAML named 'file' (for messages), whose first
 * line is line 'line0' + 1. The document must be a mapping (an empty
 * document gives an empty mapping). AIR_ECONFIG with "FILE:LINE: problem"
 * on error. */
air_status air_cv_parse(air_cv **out, air_arena *a, const char *file,
                        unsigned line0, const char *text, size_t len);

/* Reads and parses a whole file (at most 1 MiB: a configuration). */
air_status air_cv_load(air_cv **out, air_arena *a, const char *path);

/* The value of 'key' in map 'm', or NULL. */
air_cv *air_cv_get(const air_cv *m, const char *key);

/* A new node (for defaults made in code); NULL when out of memory. */
air_cv *air_cv_new(air_arena *a, air_cv_kind kind, const char *file,
                   unsigned line);
/* Appends 'v' to a SEQ, or as 'key' to a MAP. */
void air_cv_append(air_cv *parent, const char *key, air_cv *v);

/* Writes 'root' as YAML (block mappings, flow lists of scalars). */
air_status air_cv_print(const air_cv *root, FILE *out);

#endif
