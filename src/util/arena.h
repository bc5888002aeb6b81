/* arena.h -- bump allocator: one per document, freed all at once.
 *
 * The rule of the house: the document owns everything it contains; readers
 * copy into the document's arena; rules and emitters only borrow. Blocks
 * grow geometrically from 4 KiB to 1 MiB; an allocation larger than a block
 * gets a block of its own. Built with AIR_ARENA_DEBUG, every allocation is
 * a separate malloc() so ASan and valgrind see each one.
 *
 * Allocation never fails silently: on exhaustion it returns NULL and the
 * caller turns that into AIR_ENOMEM. */
#ifndef AIR_ARENA_H
#define AIR_ARENA_H

#include <stddef.h>

typedef struct air_arena_block air_arena_block;

typedef struct air_arena {
    air_arena_block *head; /* current block (or debug list) */
    size_t used;           /* bytes used in head */
    size_t total;          /* bytes handed out, for statistics */
} air_arena;

#define AIR_ARENA_INIT { NULL, 0, 0 }

/* Zero-filled, aligned for any object. NULL when out of memory. */
void *air_arena_alloc(air_arena *a, size_t n);

/* A NUL-terminated copy of s[0..n) (s may hold NULs; they are kept). */
char *air_arena_strndup(air_arena *a, const char *s, size_t n);
char *air_arena_strdup(air_arena *a, const char *s);

/* A copy of n bytes. */
void *air_arena_memdup(air_arena *a, const void *p, size_t n);

void air_arena_free(air_arena *a);

#endif
