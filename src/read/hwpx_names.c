/* hwpx_names.c -- matching HWPX names by pointer (see hwpx.h).
 *
 * libxml2's reader keeps element and attribute names in its parser
 * dictionary, so two equal names of one parser are one pointer; interning
 * the names the reader knows in the same dictionary turns every name test
 * into a hash lookup on the pointer, with no string compare. */
#include "config.h"

#include <string.h>

#include "read/hwpx.h"
#include "util/buf.h"

_Static_assert(HWPX_DICT_SIZE >= 2 * HN_COUNT,
               "HWPX_DICT_SIZE must stay over twice the names");

static const char *const NAMES[HN_COUNT] = {
    NULL,
#define HWPX_STR(id, str) str,
    HWPX_NAMES(HWPX_STR)
#undef HWPX_STR
};

void hwpx_dict_init(hwpx_dict *d, air_xml *x)
{
    memset(d, 0, sizeof *d);
    for (int n = 1; n < HN_COUNT; n++) {
        const void *p = xmlTextReaderConstString(x->r,
                                                 (const xmlChar *)NAMES[n]);
        if (p == NULL)
            continue; /* out of memory: the name never matches */
        uintptr_t h = ((uintptr_t)p >> 3) * (uintptr_t)0x9E3779B1u;
        size_t i = (size_t)(h >> 7) & (HWPX_DICT_SIZE - 1);
        while (d->key[i] != NULL && d->key[i] != p)
            i = (i + 1) & (HWPX_DICT_SIZE - 1);
        d->key[i] = p;
        d->val[i] = (uint16_t)n;
    }
}

/* The longest prefix of s (at least n bytes long) within n bytes that
 * does not cut a UTF-8 sequence. */
static size_t cut(const char *s, size_t n)
{
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--;
    return n;
}

void hwpx_get_attrs(hwpx_attrs *a, const hwpx_dict *d, air_xml *x,
                    const hwpx_name *want, int n)
{
    size_t used = 0;
    for (int i = 0; i < n; i++)
        a->v[i] = NULL;
    if (xmlTextReaderMoveToFirstAttribute(x->r) != 1)
        return;
    do {
        hwpx_name nm = hwpx_lookup(d, xmlTextReaderConstLocalName(x->r));
        if (nm == HN_NONE)
            continue;
        for (int i = 0; i < n; i++) {
            if (want[i] != nm || a->v[i] != NULL)
                continue;
            const char *v = (const char *)xmlTextReaderConstValue(x->r);
            if (v == NULL)
                break;
            size_t len = strlen(v);
            if (len > sizeof a->buf - 1 - used)
                len = cut(v, sizeof a->buf - 1 - used);
            memcpy(a->buf + used, v, len);
            a->buf[used + len] = '\0';
            a->v[i] = a->buf + used;
            used += len + 1;
            break;
        }
    } while (xmlTextReaderMoveToNextAttribute(x->r) == 1);
    xmlTextReaderMoveToElement(x->r);
}

air_status hwpx_text_append(air_buf *b, air_xml *x, size_t max)
{
    const char *v = air_xml_value(x);
    size_t n = strlen(v);
    if (b->len >= max)
        return AIR_OK;
    if (n > max - b->len)
        n = cut(v, max - b->len);
    return air_buf_add(b, v, n);
}

bool hwpx_switch_start(hwpx_switch *s, hwpx_name nm, int depth, bool empty)
{
    if (nm == HN_switch_) {
        if (empty)
            return false;
        if (s->n == HWPX_SWITCH_NEST) {
            s->over++;
            return false;
        }
        s->depth[s->n] = depth;
        s->taken[s->n] = false;
        s->n++;
        return false;
    }
    /* case or default: only directly inside the innermost switch */
    if (s->n == 0 || s->over || s->depth[s->n - 1] != depth - 1)
        return false;
    if (s->taken[s->n - 1])
        return true;
    s->taken[s->n - 1] = true;
    return false;
}

void hwpx_switch_end(hwpx_switch *s, int depth)
{
    if (s->over) {
        /* an unrecorded switch ends only at its own depth; an end at the
         * innermost recorded one means the overflowed ones are gone */
        if (s->n > 0 && s->depth[s->n - 1] == depth) {
            s->over = 0;
            s->n--;
        }
        return;
    }
    if (s->n > 0 && s->depth[s->n - 1] == depth)
        s->n--;
}
