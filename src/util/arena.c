/* arena.c -- see arena.h. */
#include "config.h"

#include "util/arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct air_arena_block {
    air_arena_block *prev;
    size_t size;                /* usable bytes after the header */
    max_align_t data[];
};

enum { MIN_BLOCK = 4096, MAX_BLOCK = 1 << 20 };
#define ALIGN (sizeof(max_align_t))

/* No request this large is honest; refusing it keeps every size
 * computation below from wrapping. */
#define MAX_REQUEST (SIZE_MAX / 2)

#ifdef AIR_ARENA_DEBUG

void *air_arena_alloc(air_arena *a, size_t n)
{
    if (n > MAX_REQUEST)
        return NULL;
    air_arena_block *b = calloc(1, sizeof *b + (n ? n : 1));
    if (b == NULL)
        return NULL;
    b->prev = a->head;
    b->size = n;
    a->head = b;
    a->total += n;
    return b->data;
}

#else

static size_t round_up(size_t n)
{
    return (n + ALIGN - 1) & ~(ALIGN - 1);
}

void *air_arena_alloc(air_arena *a, size_t n)
{
    if (n > MAX_REQUEST)
        return NULL;
    n = round_up(n ? n : 1);
    if (a->head == NULL || a->head->size - a->used < n) {
        size_t size = a->head ? a->head->size * 2 : MIN_BLOCK;
        if (size > MAX_BLOCK)
            size = MAX_BLOCK;
        if (size < n)
            size = n;
        air_arena_block *b = malloc(sizeof *b + size);
        if (b == NULL)
            return NULL;
        b->prev = a->head;
        b->size = size;
        a->head = b;
        a->used = 0;
    }
    void *p = (char *)a->head->data + a->used;
    a->used += n;
    a->total += n;
    memset(p, 0, n);
    return p;
}

#endif

char *air_arena_strndup(air_arena *a, const char *s, size_t n)
{
    if (n == SIZE_MAX)
        return NULL;
    char *p = air_arena_alloc(a, n + 1);
    if (p == NULL)
        return NULL;
    if (n)
        memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *air_arena_strdup(air_arena *a, const char *s)
{
    return s ? air_arena_strndup(a, s, strlen(s)) : NULL;
}

void *air_arena_memdup(air_arena *a, const void *p, size_t n)
{
    void *q = air_arena_alloc(a, n);
    if (q != NULL && n)
        memcpy(q, p, n);
    return q;
}

void air_arena_free(air_arena *a)
{
    air_arena_block *b = a->head;
    while (b != NULL) {
        air_arena_block *prev = b->prev;
        free(b);
        b = prev;
    }
    a->head = NULL;
    a->used = 0;
    a->total = 0;
}
