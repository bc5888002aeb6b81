/* metadata.c -- see metadata.h. */
#include "config.h"

#include <string.h>

#include "rules/metadata.h"
#include "util/utf8.h"

const char *air_meta_value(const air_doc *doc, const char *name)
{
    for (int f = 0; f < AIR_META_COUNT; f++)
        if (strcmp(air_meta_field_name((air_meta_field)f), name) == 0)
            return doc->meta.field[f];
    for (const air_meta_extra *e = doc->meta.extra; e; e = e->next)
        if (e->key && strcmp(e->key, name) == 0)
            return e->value;
    return NULL;
}

static bool blank(uint32_t cp)
{
    return air_is_space(cp) || cp == '\n' || cp == '\r';
}

const char *air_meta_trim(const char *s, size_t *n)
{
    size_t len = *n;
    while (len > 0) {
        uint32_t cp;
        size_t k = air_utf8_decode(&cp, s, len);
        if (!blank(cp))
            break;
        s += k;
        len -= k;
    }
    while (len > 0) {
        uint32_t cp;
        size_t k = air_utf8_decode_back(&cp, s, len);
        if (!blank(cp))
            break;
        len -= k;
    }
    *n = len;
    return s;
}
