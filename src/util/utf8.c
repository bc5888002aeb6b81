/* utf8.c -- see utf8.h. */
#include "config.h"

#include "util/utf8.h"

size_t air_utf8_encode(char out[4], uint32_t cp)
{
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = AIR_UTF8_REPLACEMENT;
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

size_t air_utf8_decode(uint32_t *cp, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    unsigned char c = u[0];
    size_t len;
    uint32_t v, min;

    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2, v = c & 0x1F, min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3, v = c & 0x0F, min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4, v = c & 0x07, min = 0x10000;
    } else {
        *cp = AIR_UTF8_REPLACEMENT;
        return 1;
    }
    if (n < len) {
        *cp = AIR_UTF8_REPLACEMENT;
        return 1;
    }
    for (size_t i = 1; i < len; i++) {
        if ((u[i] & 0xC0) != 0x80) {
            *cp = AIR_UTF8_REPLACEMENT;
            return 1;
        }
        v = (v << 6) | (u[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
        *cp = AIR_UTF8_REPLACEMENT;
        return 1;
    }
    *cp = v;
    return len;
}

int air_utf8_is_valid(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        size_t k = air_utf8_decode(&cp, s + i, n - i);
        if (cp == AIR_UTF8_REPLACEMENT &&
            !(k == 3 && (unsigned char)s[i] == 0xEF &&
              (unsigned char)s[i + 1] == 0xBF &&
              (unsigned char)s[i + 2] == 0xBD))
            return 0;
        i += k;
    }
    return 1;
}

size_t air_utf8_count(const char *s, size_t n)
{
    size_t count = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            count++;
    return count;
}

size_t air_utf8_prefix(const char *s, size_t n, size_t chars)
{
    size_t i = 0;
    while (i < n && chars > 0) {
        uint32_t cp;
        i += air_utf8_decode(&cp, s + i, n - i);
        chars--;
    }
    return i;
}

size_t air_utf8_suffix(const char *s, size_t n, size_t chars)
{
    size_t i = n;
    while (i > 0 && chars > 0) {
        uint32_t cp;
        i -= air_utf8_decode_back(&cp, s, i);
        chars--;
    }
    return i;
}

size_t air_utf8_decode_back(uint32_t *cp, const char *s, size_t n)
{
    size_t start = n - 1;
    size_t lim = n >= 4 ? n - 4 : 0;
    while (start > lim && ((unsigned char)s[start] & 0xC0) == 0x80)
        start--;
    size_t k = air_utf8_decode(cp, s + start, n - start);
    if (start + k != n) {           /* stray continuation byte */
        *cp = AIR_UTF8_REPLACEMENT;
        return 1;
    }
    return k;
}
