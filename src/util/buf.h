/* buf.h -- a growable byte buffer with a hard cap.
 *
 * Every buffer that grows from input has a cap with a comment saying why
 * that number; going over it is AIR_ELIMIT, never a crash. The contents
 * are always NUL-terminated (ptr may be NULL while nothing was added). */
#ifndef AIR_BUF_H
#define AIR_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "airead.h"

typedef struct air_buf {
    char *ptr;
    size_t len;
    size_t cap;
    size_t max; /* hard cap on len; 0 means SIZE_MAX / 2 */
} air_buf;

#define AIR_BUF_INIT { NULL, 0, 0, 0 }

air_status air_buf_grow(air_buf *b, size_t extra);
air_status air_buf_add(air_buf *b, const void *p, size_t n);
air_status air_buf_addc(air_buf *b, char c);
air_status air_buf_adds(air_buf *b, const char *s);
air_status air_buf_printf(air_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
air_status air_buf_vprintf(air_buf *b, const char *fmt, va_list ap);
/* Appends code point cp as UTF-8 (invalid code points become U+FFFD). */
air_status air_buf_add_utf8(air_buf *b, uint32_t cp);

/* Empties the buffer, keeping its memory. */
void air_buf_clear(air_buf *b);
/* Gives the memory back; the buffer may be used again. */
void air_buf_free(air_buf *b);
/* Hands the memory to the caller (free() it); the buffer is left empty. */
char *air_buf_detach(air_buf *b);

/* Grows the array *v of *cap elements of 'size' bytes so that it holds at
 * least 'need': the capacity doubles (from 16) up to 'max' elements (0: no
 * cap of the caller's, only what size_t can count) and the new elements
 * are zeroed. Past the cap it is AIR_ELIMIT, and *v and *cap stay as they
 * were; the caller free()s *v. */
air_status air_array_grow(void **v, size_t *cap, size_t need, size_t size,
                          size_t max);

/* The contents, "" when empty; borrowed until the next change. */
static inline const char *air_buf_cstr(const air_buf *b)
{
    return b->ptr ? b->ptr : "";
}

#endif
