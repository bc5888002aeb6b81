/* buf.c -- see buf.h. */
#include "config.h"

#include "util/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/error.h"
#include "util/utf8.h"

air_status air_buf_grow(air_buf *b, size_t extra)
{
    size_t max = b->max ? b->max : SIZE_MAX / 2;
    if (extra > max || b->len > max - extra)
        return air_error(AIR_ELIMIT, "text buffer over its limit of %zu bytes",
                         max);
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return AIR_OK;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap = cap < SIZE_MAX / 2 ? cap * 2 : need;
    char *p = realloc(b->ptr, cap);
    if (p == NULL)
        return air_error(AIR_ENOMEM, "out of memory");
    b->ptr = p;
    b->cap = cap;
    return AIR_OK;
}

air_status air_array_grow(void **v, size_t *cap, size_t need, size_t size,
                          size_t max)
{
    if (need <= *cap)
        return AIR_OK;
    size_t lim = SIZE_MAX / 2 / (size ? size : 1);
    if (max == 0 || max > lim)
        max = lim;
    if (need > max)
        return air_error(AIR_ELIMIT, "array over its limit of %zu elements",
                         max);
    size_t c = *cap ? *cap * 2 : 16; /* *cap <= max: no overflow */
    while (c < need)
        c *= 2;
    if (c > max)
        c = max;
    void *p = realloc(*v, c * size);
    if (p == NULL)
        return air_error(AIR_ENOMEM, "out of memory");
    memset((char *)p + *cap * size, 0, (c - *cap) * size);
    *v = p;
    *cap = c;
    return AIR_OK;
}

air_status air_buf_add(air_buf *b, const void *p, size_t n)
{
    air_status rc = air_buf_grow(b, n);
    if (rc != AIR_OK)
        return rc;
    if (n)
        memcpy(b->ptr + b->len, p, n);
    b->len += n;
    b->ptr[b->len] = '\0';
    return AIR_OK;
}

air_status air_buf_addc(air_buf *b, char c)
{
    return air_buf_add(b, &c, 1);
}

air_status air_buf_adds(air_buf *b, const char *s)
{
    return air_buf_add(b, s, strlen(s));
}

air_status air_buf_vprintf(air_buf *b, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0)
        return air_error(AIR_EINTERNAL, "bad format string");
    air_status rc = air_buf_grow(b, (size_t)n);
    if (rc != AIR_OK)
        return rc;
    vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
    return AIR_OK;
}

air_status air_buf_printf(air_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    air_status rc = air_buf_vprintf(b, fmt, ap);
    va_end(ap);
    return rc;
}

air_status air_buf_add_utf8(air_buf *b, uint32_t cp)
{
    char tmp[4];
    size_t n = air_utf8_encode(tmp, cp);
    return air_buf_add(b, tmp, n);
}

void air_buf_clear(air_buf *b)
{
    b->len = 0;
    if (b->ptr)
        b->ptr[0] = '\0';
}

void air_buf_free(air_buf *b)
{
    free(b->ptr);
    b->ptr = NULL;
    b->len = b->cap = 0;
}

char *air_buf_detach(air_buf *b)
{
    char *p = b->ptr;
    b->ptr = NULL;
    b->len = b->cap = 0;
    return p;
}
