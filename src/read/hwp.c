/* hwp.c -- HWP 5.0 binary reader: the FileHeader, the record streams,
 * then DocInfo, the sections in order, the summary information and the
 * numbering Hangul displays. See hwp.h for the parts.
 *
 * Consumes: FileHeader (signature, version, properties bit 0 "compressed";
 * the protection bits were checked in src/pkg); BodyText/SectionN by N.
 * Not read: DocOptions, Scripts, PrvText, PrvImage, DocHistory, XMLTemplate
 * (as the HWPX reader skips Preview/, Scripts/ and DocHistory/). */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "read/hwp.h"
#include "read/read.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/utf8.h"

/* Sections of one document, as for HWPX: thousands are an attack. */
enum { MAX_SECTIONS = 10000 };
/* Stream bytes read ahead per read call. */
enum { READ_CHUNK = 64 * 1024 };

/* ---- records ----------------------------------------------------------------
 */

air_status hwp_recs_open(hwp_recs *r, air_pkg *pkg, const char *part,
                         bool compressed)
{
    memset(r, 0, sizeof *r);
    r->part = part;
    r->name = air_pkg_name(pkg);
    r->in = malloc(READ_CHUNK);
    if (r->in == NULL)
        return air_error(AIR_ENOMEM, "out of memory");
    return compressed ? air_pkg_stream_open_deflated(&r->s, pkg, part)
                      : air_pkg_stream_open(&r->s, pkg, part);
}

void hwp_recs_close(hwp_recs *r)
{
    air_stream_close(r->s);
    free(r->in);
    free(r->data);
    memset(r, 0, sizeof *r);
}

/* Copies up to 'n' stream bytes to 'dst' (NULL: skips them); *got says
 * how many (fewer only at the end of the stream). */
static air_status take(hwp_recs *r, unsigned char *dst, size_t n, size_t *got)
{
    *got = 0;
    while (*got < n) {
        if (r->inpos == r->inlen) {
            if (r->eof)
                break;
            size_t k = 0;
            air_status rc = air_stream_read(r->s, r->in, READ_CHUNK, &k);
            if (rc != AIR_OK)
                return rc;
            r->inpos = 0;
            r->inlen = k;
            r->eof = k == 0;
            continue;
        }
        size_t k = r->inlen - r->inpos;
        if (k > n - *got)
            k = n - *got;
        if (dst)
            memcpy(dst + *got, r->in + r->inpos, k);
        r->inpos += k;
        *got += k;
    }
    return AIR_OK;
}

static air_status truncated(const hwp_recs *r)
{
    return air_error(AIR_EFORMAT, "%s: record %llu of %s is truncated", r->name,
                     (unsigned long long)r->index, r->part);
}

int hwp_recs_next(hwp_recs *r)
{
    unsigned char hd[4];
    size_t got;
    air_status rc = take(r, hd, 4, &got);
    if (rc != AIR_OK)
        return rc;
    if (got == 0)
        return 0;
    if (got < 4)
        return truncated(r);
    uint32_t h = hwp_u32(hd, 4, 0);
    r->tag = h & 0x3FF;
    r->level = (h >> 10) & 0x3FF;
    r->size = h >> 20;
    if (r->size == 0xFFF) {
        rc = take(r, hd, 4, &got);
        if (rc != AIR_OK)
            return rc;
        if (got < 4)
            return truncated(r);
        r->size = hwp_u32(hd, 4, 0);
    }
    /* The buffer grows with the bytes actually there, never with the
     * declared size alone: a record claiming 4 GiB in a small stream
     * costs only what the stream holds (the stream itself is bounded by
     * the part and total limits). */
    size_t have = 0;
    while (have < r->size) {
        if (have == r->cap) {
            size_t cap = r->cap ? r->cap * 2 : 4096;
            if (cap > r->size)
                cap = r->size;
            unsigned char *p = realloc(r->data, cap);
            if (p == NULL)
                return air_error(AIR_ENOMEM, "out of memory");
            r->data = p;
            r->cap = cap;
        }
        size_t want = (r->size < r->cap ? r->size : r->cap) - have;
        rc = take(r, r->data + have, want, &got);
        if (rc != AIR_OK)
            return rc;
        have += got;
        if (got < want)
            return truncated(r);
    }
    r->index++;
    return 1;
}

/* ---- strings
 * ----------------------------------------------------------------- */

const char *hwp_utf16_dup(hwp *h, const unsigned char *u, size_t n, bool doc)
{
    air_buf b = AIR_BUF_INIT;
    air_status rc = air_buf_grow(&b, n * 3 + 1);
    for (size_t i = 0; i < n && rc == AIR_OK; i++) {
        uint32_t c = hwp_u16(u, 2 * n, 2 * i);
        if (c == 0)
            break;
        if (c >= 0xD800 && c < 0xDC00 && i + 1 < n) {
            uint32_t d = hwp_u16(u, 2 * n, 2 * i + 2);
            if (d >= 0xDC00 && d < 0xE000) {
                c = 0x10000 + ((c - 0xD800) << 10) + (d - 0xDC00);
                i++;
            }
        }
        if (c >= 0xD800 && c < 0xE000)
            c = 0xFFFD;
        rc = air_buf_add_utf8(&b, c);
    }
    const char *s = NULL;
    if (rc == AIR_OK)
        s = doc ? air_doc_strndup(h->doc, air_buf_cstr(&b), b.len)
                : air_arena_strndup(&h->tmp, air_buf_cstr(&b), b.len);
    air_buf_free(&b);
    return s;
}

/* ---- the document
 * --------------------------------------------------------------- */

/* HWP 5.0 FileHeader (format document 3.2.1): the signature, the version
 * at 32 and the properties at 36. */
static air_status read_file_header(hwp *h)
{
    air_buf b = AIR_BUF_INIT;
    air_status rc = air_pkg_read_all(h->pkg, "FileHeader", &b, 4096);
    if (rc == AIR_OK &&
        (b.len < 40 || memcmp(b.ptr, "HWP Document File", 17) != 0))
        rc = air_error(AIR_EFORMAT,
                       "%s: damaged HWP document (bad "
                       "FileHeader)",
                       air_doc_name(h->doc));
    if (rc == AIR_OK) {
        const unsigned char *p = (const unsigned char *)b.ptr;
        h->version = hwp_u32(p, b.len, 32);
        h->flags = hwp_u32(p, b.len, 36);
        h->compressed = h->flags & 1;
        if (h->version >> 24 != 5)
            rc = air_error(AIR_EUNSUPPORTED,
                           "%s: HWP document version "
                           "%u.%u.%u.%u: not supported",
                           air_doc_name(h->doc), h->version >> 24,
                           (h->version >> 16) & 0xFF, (h->version >> 8) & 0xFF,
                           h->version & 0xFF);
    }
    if (rc == AIR_OK) {
        char g[64];
        snprintf(g, sizeof g, "HWP %u.%u.%u.%u", h->version >> 24,
                 (h->version >> 16) & 0xFF, (h->version >> 8) & 0xFF,
                 h->version & 0xFF);
        h->doc->generator = air_doc_strdup(h->doc, g);
        if (h->doc->generator == NULL)
            rc = air_error(AIR_ENOMEM, "out of memory");
    }
    air_buf_free(&b);
    return rc;
}

typedef struct sec_ref {
    const char *part;
    unsigned long num;
} sec_ref;

static int by_num(const void *a, const void *b)
{
    const sec_ref *x = a, *y = b;
    return x->num < y->num ? -1 : x->num > y->num;
}

/* BodyText/Section<digits>, in the order of their numbers. */
static air_status list_sections(hwp *h, sec_ref **out, size_t *n)
{
    size_t cap = 0;
    *out = NULL;
    *n = 0;
    for (size_t i = 0; i < air_pkg_count(h->pkg); i++) {
        const char *e = air_pkg_entry(h->pkg, i);
        if (strncasecmp(e, "BodyText/Section", 16) != 0)
            continue;
        const char *d = e + 16;
        unsigned long v = 0;
        int digits = 0;
        while (*d >= '0' && *d <= '9' && digits < 9) {
            v = v * 10 + (unsigned long)(*d++ - '0');
            digits++;
        }
        if (digits == 0 || *d != '\0')
            continue;
        if (*n >= MAX_SECTIONS)
            return air_error(AIR_ELIMIT,
                             "%s: more than %d sections "
                             "(limit)",
                             air_doc_name(h->doc), MAX_SECTIONS);
        if (*n == cap) {
            cap = cap ? cap * 2 : 8;
            sec_ref *p = air_arena_alloc(&h->tmp, cap * sizeof *p);
            if (p == NULL)
                return air_error(AIR_ENOMEM, "out of memory");
            if (*n)
                memcpy(p, *out, *n * sizeof *p);
            *out = p;
        }
        (*out)[*n].part = e;
        (*out)[*n].num = v;
        (*n)++;
    }
    if (*n > 1)
        qsort(*out, *n, sizeof **out, by_num);
    return AIR_OK;
}

static air_status read_all(hwp *h)
{
    air_status rc = read_file_header(h);
    if (rc != AIR_OK)
        return rc;
    if (air_pkg_damaged(h->pkg) > 0)
        air_doc_diag(h->doc, "%zu OLE entries with a broken sector chain "
                     "(not read)", air_pkg_damaged(h->pkg));
    if (!air_pkg_has(h->pkg, "DocInfo"))
        air_doc_diag(h->doc, "no DocInfo stream: numbering and styles "
                             "unresolved");
    else if ((rc = hwp_read_docinfo(h)) != AIR_OK)
        return rc;
    sec_ref *secs;
    size_t nsecs;
    rc = list_sections(h, &secs, &nsecs);
    if (rc != AIR_OK)
        return rc;
    if (nsecs == 0)
        return air_error(AIR_EFORMAT,
                         "%s: HWP document without sections "
                         "(no BodyText/Section0 stream)",
                         air_doc_name(h->doc));
    for (size_t i = 0; i < nsecs && rc == AIR_OK; i++)
        rc = hwp_read_section(h, secs[i].part, (uint32_t)i);
    hwp_sections_done(h);
    if (rc == AIR_OK)
        rc = hwp_read_summary(h);
    if (rc != AIR_OK)
        return rc;
    return air_hwp_number_doc(&h->info, h->doc);
}

air_status air_read_hwp(air_doc *doc, air_pkg *pkg)
{
    hwp h;
    memset(&h, 0, sizeof h);
    h.doc = doc;
    h.pkg = pkg;
    h.max_table_depth = air_pkg_limits(pkg)->max_table_depth;
    air_hwp_info_init(&h.info, doc);
    air_status rc = read_all(&h);
    hwp_sections_done(&h);
    air_hwp_info_free(&h.info);
    air_arena_free(&h.tmp);
    return rc;
}
