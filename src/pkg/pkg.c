/* pkg.c -- opening a package: sniffing, the entry table and its limits,
 * streams. Container specifics live in zip.c and ole.c. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <zlib.h>

#include "pkg/pkg_impl.h"
#include "util/error.h"

/* ======================================================================
 * Entry table
 * ====================================================================== */

/* A name is unsafe when it could address something outside the package
 * if anyone ever extracted it: absolute paths, drive letters and '..'
 * components. No document needs one, so such a package is refused. */
static bool is_unsafe_name(const char *s)
{
    if (s[0] == '/' || (s[0] && s[1] == ':'))
        return true;
    const char *p = s;
    while (*p) {
        const char *q = strchr(p, '/');
        size_t n = q ? (size_t)(q - p) : strlen(p);
        if (n == 2 && p[0] == '.' && p[1] == '.')
            return true;
        if (q == NULL)
            break;
        p = q + 1;
    }
    return false;
}

air_status pkg_add_entry(air_pkg *pkg, const char *name, uint64_t size,
                         uint64_t csize, uint64_t index, void *handle)
{
    if (pkg->n >= pkg->lim.max_entries)
        return air_error(AIR_ELIMIT, "%s: more than %u entries (limit)",
                         pkg->name, pkg->lim.max_entries);
    if (pkg->n == pkg->cap) {
        size_t cap = pkg->cap ? pkg->cap * 2 : 32;
        pkg_entry *e = realloc(pkg->entries, cap * sizeof *e);
        if (e == NULL)
            return air_error(AIR_ENOMEM, "out of memory");
        pkg->entries = e;
        pkg->cap = cap;
    }
    char *copy = strdup(name);
    if (copy == NULL)
        return air_error(AIR_ENOMEM, "out of memory");
    for (char *p = copy; *p; p++)
        if (*p == '\\')
            *p = '/';
    pkg_entry *e = &pkg->entries[pkg->n++];
    e->name = copy;
    e->size = size;
    e->csize = csize;
    e->index = index;
    e->handle = handle;
    return AIR_OK;
}

/* Names compare without regard to ASCII case: OPC part names are
 * case-insensitive and lookups fall back to that, so two spellings of one
 * name would leave which part is read to chance. */
static int cmp_entry_name(const void *a, const void *b)
{
    const pkg_entry *const *x = a, *const *y = b;
    int c = strcasecmp((*x)->name, (*y)->name);
    return c ? c : strcmp((*x)->name, (*y)->name);
}

/* Checked once, when the package opens, before any part is parsed:
 * names, duplicates and declared sizes. Inflated bytes are counted again
 * while reading (air_stream_read), since declared sizes can lie. */
air_status pkg_check_entry_limits(air_pkg *pkg)
{
    uint64_t total = 0;
    for (size_t i = 0; i < pkg->n; i++) {
        const pkg_entry *e = &pkg->entries[i];
        if (is_unsafe_name(e->name))
            return air_error(AIR_EFORMAT, "%s: unsafe entry name '%s' "
                             "(absolute path or '..')", pkg->name, e->name);
        if (e->size > pkg->lim.max_part_bytes)
            return air_error(AIR_ELIMIT, "%s: part %s declares %llu bytes, "
                             "over the limit of %llu per part", pkg->name,
                             e->name, (unsigned long long)e->size,
                             (unsigned long long)pkg->lim.max_part_bytes);
        /* Ratios are only meaningful on parts of some size: a 40-byte
         * run of spaces compresses 1000:1 and harms no one. */
        if (e->size > (1u << 20) && e->csize > 0 &&
            e->size / e->csize > pkg->lim.max_ratio)
            return air_error(AIR_ELIMIT, "%s: part %s compresses %llu:1, "
                             "over the ratio limit of %u:1 (ZIP bomb?)",
                             pkg->name, e->name,
                             (unsigned long long)(e->size / e->csize),
                             pkg->lim.max_ratio);
        total += e->size;
        if (total > pkg->lim.max_total_bytes)
            return air_error(AIR_ELIMIT, "%s: parts declare more than %llu "
                             "bytes in total (limit)", pkg->name,
                             (unsigned long long)pkg->lim.max_total_bytes);
    }
    if (pkg->n > 1) {
        const pkg_entry **sorted = malloc(pkg->n * sizeof *sorted);
        if (sorted == NULL)
            return air_error(AIR_ENOMEM, "out of memory");
        for (size_t i = 0; i < pkg->n; i++)
            sorted[i] = &pkg->entries[i];
        qsort(sorted, pkg->n, sizeof *sorted, cmp_entry_name);
        air_status rc = AIR_OK;
        for (size_t i = 1; i < pkg->n && rc == AIR_OK; i++) {
            const char *a = sorted[i - 1]->name, *b = sorted[i]->name;
            if (strcmp(a, b) == 0)
                rc = air_error(AIR_EFORMAT, "%s: duplicate entry name '%s'",
                               pkg->name, b);
            else if (strcasecmp(a, b) == 0)
                rc = air_error(AIR_EFORMAT, "%s: duplicate entry name '%s' "
                               "(also spelled '%s')", pkg->name, a, b);
        }
        free(sorted);
        return rc;
    }
    return AIR_OK;
}

static const pkg_entry *find_entry(const air_pkg *pkg, const char *name)
{
    for (size_t i = 0; i < pkg->n; i++)
        if (strcmp(pkg->entries[i].name, name) == 0)
            return &pkg->entries[i];
    for (size_t i = 0; i < pkg->n; i++)
        if (strcasecmp(pkg->entries[i].name, name) == 0)
            return &pkg->entries[i];
    return NULL;
}

const char *air_pkg_find(const air_pkg *pkg, const char *name)
{
    if (name[0] == '/')
        name++;
    const pkg_entry *e = find_entry(pkg, name);
    return e ? e->name : NULL;
}

size_t air_pkg_count(const air_pkg *pkg)
{
    return pkg->n;
}

const char *air_pkg_entry(const air_pkg *pkg, size_t i)
{
    return i < pkg->n ? pkg->entries[i].name : NULL;
}

air_format air_pkg_format(const air_pkg *pkg)
{
    return pkg->format;
}

air_container air_pkg_container(const air_pkg *pkg)
{
    return pkg->container;
}

const char *air_pkg_name(const air_pkg *pkg)
{
    return pkg->name;
}

const air_limits *air_pkg_limits(const air_pkg *pkg)
{
    return &pkg->lim;
}

size_t air_pkg_damaged(const air_pkg *pkg)
{
    return pkg->damaged;
}

/* ======================================================================
 * Streams
 * ====================================================================== */

air_status air_pkg_stream_open(air_stream **out, air_pkg *pkg,
                               const char *name)
{
    *out = NULL;
    if (name[0] == '/')
        name++;
    const pkg_entry *e = find_entry(pkg, name);
    if (e == NULL)
        return air_error(AIR_EFORMAT, "%s: missing part %s", pkg->name,
                         name);
    air_stream *s = calloc(1, sizeof *s);
    if (s == NULL)
        return air_error(AIR_ENOMEM, "out of memory");
    s->pkg = pkg;
    s->entry = e;
    air_status rc;
    if (pkg->container == AIR_CONTAINER_ZIP) {
        s->kind = STREAM_ZIP;
        rc = zip_pkg_stream_open(s);
    } else if (e->handle == NULL) {
        rc = air_error(AIR_EFORMAT, "%s: stream %s is damaged (broken "
                       "sector chain)", pkg->name, e->name);
    } else {
        s->kind = STREAM_OLE;
        s->handle = e->handle;
        ole_pkg_stream_rewind(s);
        rc = AIR_OK;
    }
    if (rc != AIR_OK) {
        free(s);
        return rc;
    }
    *out = s;
    return AIR_OK;
}

/* Compressed bytes are read from the container in chunks of this size:
 * memory per open stream stays constant whatever the part's size. */
enum { INFLATE_CHUNK = 64 * 1024 };

struct pkg_inflate {
    z_stream zs;
    bool at_end; /* the deflate stream ended */
    bool in_eof; /* the container part is exhausted */
    unsigned char in[INFLATE_CHUNK];
};

air_status air_pkg_stream_open_deflated(air_stream **out, air_pkg *pkg,
                                        const char *name)
{
    air_status rc = air_pkg_stream_open(out, pkg, name);
    if (rc != AIR_OK)
        return rc;
    struct pkg_inflate *z = calloc(1, sizeof *z);
    if (z == NULL || inflateInit2(&z->zs, -15) != Z_OK) {
        free(z);
        air_stream_close(*out);
        *out = NULL;
        return air_error(AIR_ENOMEM, "out of memory");
    }
    (*out)->z = z;
    return AIR_OK;
}

static air_status raw_read(air_stream *s, void *buf, size_t n, size_t *got)
{
    return s->kind == STREAM_ZIP ? zip_pkg_stream_read(s, buf, n, got)
                                 : ole_pkg_stream_read(s, buf, n, got);
}

/* Inflates into buf[0..n): returns as soon as some bytes came out, or at
 * the end of the deflate stream (*got 0). Bytes after the end of the
 * deflate stream are ignored, as Hangul does. */
static air_status inflate_read(air_stream *s, void *buf, size_t n,
                               size_t *got)
{
    struct pkg_inflate *z = s->z;
    *got = 0;
    if (z->at_end || n == 0)
        return AIR_OK;
    uInt want = n > (1u << 30) ? (1u << 30) : (uInt)n;
    z->zs.next_out = buf;
    z->zs.avail_out = want;
    while (z->zs.avail_out == want) {
        if (z->zs.avail_in == 0 && !z->in_eof) {
            size_t k = 0;
            air_status rc = raw_read(s, z->in, sizeof z->in, &k);
            if (rc != AIR_OK)
                return rc;
            z->in_eof = k == 0;
            z->zs.next_in = z->in;
            z->zs.avail_in = (uInt)k;
        }
        int zr = inflate(&z->zs, Z_NO_FLUSH);
        if (zr == Z_STREAM_END) {
            z->at_end = true;
            break;
        }
        if (zr == Z_MEM_ERROR)
            return air_error(AIR_ENOMEM, "out of memory");
        if (zr == Z_BUF_ERROR && z->in_eof && z->zs.avail_in == 0)
            return air_error(AIR_EFORMAT, "%s: compressed stream %s is "
                             "truncated", s->pkg->name, s->entry->name);
        if (zr != Z_OK && zr != Z_BUF_ERROR)
            return air_error(AIR_EFORMAT, "%s: compressed stream %s is "
                             "damaged (%s)", s->pkg->name, s->entry->name,
                             z->zs.msg ? z->zs.msg : "bad deflate data");
    }
    *got = want - z->zs.avail_out;
    return AIR_OK;
}

air_status air_stream_read(air_stream *s, void *buf, size_t n, size_t *got)
{
    air_pkg *pkg = s->pkg;
    *got = 0;
    air_status rc = s->z ? inflate_read(s, buf, n, got)
                         : raw_read(s, buf, n, got);
    if (rc != AIR_OK)
        return rc;
    s->produced += *got;
    pkg->total_read += *got;
    if (s->produced > pkg->lim.max_part_bytes)
        return air_error(AIR_ELIMIT, "%s: part %s inflates past %llu bytes "
                         "(limit)", pkg->name, s->entry->name,
                         (unsigned long long)pkg->lim.max_part_bytes);
    if (pkg->total_read > pkg->lim.max_total_bytes)
        return air_error(AIR_ELIMIT, "%s: parts inflate past %llu bytes in "
                         "total (limit)", pkg->name,
                         (unsigned long long)pkg->lim.max_total_bytes);
    /* The ratio again, on bytes actually produced: a size field that
     * lies cannot hide a bomb. */
    if (s->produced > (1u << 20) && s->entry->csize > 0 &&
        s->produced / s->entry->csize > pkg->lim.max_ratio)
        return air_error(AIR_ELIMIT, "%s: part %s inflates over %u:1 "
                         "(ratio limit; ZIP bomb?)", pkg->name,
                         s->entry->name, pkg->lim.max_ratio);
    return AIR_OK;
}

const char *air_stream_name(const air_stream *s)
{
    return s->entry->name;
}

/* See air_pkg_read_count(): logged on close. A full log or a failed
 * realloc only loses statistics. */
enum { MAX_READS = 16384 };

static void log_read(air_pkg *pkg, const air_stream *s)
{
    if (pkg->nreads == pkg->readcap) {
        if (pkg->readcap >= MAX_READS)
            return;
        size_t cap = pkg->readcap ? pkg->readcap * 2 : 16;
        pkg_read *r = realloc(pkg->reads, cap * sizeof *r);
        if (r == NULL)
            return;
        pkg->reads = r;
        pkg->readcap = cap;
    }
    pkg->reads[pkg->nreads].entry = s->entry;
    pkg->reads[pkg->nreads].bytes = s->produced;
    pkg->nreads++;
}

size_t air_pkg_read_count(const air_pkg *pkg)
{
    return pkg->nreads;
}

const char *air_pkg_read_at(const air_pkg *pkg, size_t i, uint64_t *bytes)
{
    if (i >= pkg->nreads)
        return NULL;
    if (bytes)
        *bytes = pkg->reads[i].bytes;
    return pkg->reads[i].entry->name;
}

void air_stream_close(air_stream *s)
{
    if (s == NULL)
        return;
    log_read(s->pkg, s);
    if (s->z) {
        inflateEnd(&s->z->zs);
        free(s->z);
    }
    if (s->kind == STREAM_ZIP)
        zip_pkg_stream_close(s);
    free(s);
}

air_status air_pkg_read_all(air_pkg *pkg, const char *name, air_buf *out,
                            uint64_t max)
{
    air_stream *s = NULL;
    air_status rc = air_pkg_stream_open(&s, pkg, name);
    if (rc != AIR_OK)
        goto done;
    if (max == 0)
        max = pkg->lim.max_part_bytes;
    uint64_t start = out->len;
    for (;;) {
        rc = air_buf_grow(out, 65536);
        if (rc != AIR_OK)
            goto done;
        size_t got = 0;
        rc = air_stream_read(s, out->ptr + out->len, 65536, &got);
        if (rc != AIR_OK)
            goto done;
        if (got == 0)
            break;
        out->len += got;
        out->ptr[out->len] = '\0';
        if (out->len - start > max) {
            rc = air_error(AIR_ELIMIT, "%s: part %s over %llu bytes (limit)",
                           pkg->name, name, (unsigned long long)max);
            goto done;
        }
    }
done:
    air_stream_close(s);
    return rc;
}

/* ======================================================================
 * Sniffing
 * ====================================================================== */

/* Reads at most 'max' bytes of a part (for sniffing); "" when missing. */
static air_status peek_part(air_pkg *pkg, const char *name, air_buf *out,
                            uint64_t max)
{
    air_buf_clear(out);
    if (!air_pkg_has(pkg, name))
        return AIR_OK;
    air_stream *s = NULL;
    air_status rc = air_pkg_stream_open(&s, pkg, name);
    while (rc == AIR_OK && out->len < max) {
        size_t got = 0;
        rc = air_buf_grow(out, 4096);
        if (rc == AIR_OK)
            rc = air_stream_read(s, out->ptr + out->len, 4096, &got);
        if (rc != AIR_OK || got == 0)
            break;
        out->len += got;
        out->ptr[out->len] = '\0';
    }
    air_stream_close(s);
    return rc;
}

static bool has_prefix(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

static bool any_entry_with_prefix(const air_pkg *pkg, const char *prefix)
{
    for (size_t i = 0; i < pkg->n; i++)
        if (strncasecmp(pkg->entries[i].name, prefix, strlen(prefix)) == 0)
            return true;
    return false;
}

static air_status sniff_zip(air_pkg *pkg)
{
    air_buf b = AIR_BUF_INIT;
    air_status rc = peek_part(pkg, "mimetype", &b, 256);
    if (rc != AIR_OK)
        goto done;
    const char *mime = air_buf_cstr(&b);
    while (*mime == ' ' || *mime == '\t' || *mime == '\n' || *mime == '\r')
        mime++;

    if (has_prefix(mime, "application/hwp+zip") ||
        has_prefix(mime, "application/haansofthwpx") ||
        air_pkg_has(pkg, "Contents/content.hpf") ||
        any_entry_with_prefix(pkg, "Contents/section")) {
        pkg->format = AIR_FMT_HWPX;
        /* An encrypted (password or distribution) HWPX says so in its
         * ODF-style manifest: <odf:encryption-data> per encrypted part.
         * A byte search suffices; the manifest is small. */
        rc = peek_part(pkg, "META-INF/manifest.xml", &b, 1u << 20);
        if (rc == AIR_OK && strstr(air_buf_cstr(&b), "encryption-data"))
            rc = air_error(AIR_EENCRYPTED, "%s: encrypted HWPX package "
                           "(password or distribution document)", pkg->name);
        goto done;
    }
    if (has_prefix(mime, "application/vnd.oasis.opendocument")) {
        rc = air_error(AIR_EUNSUPPORTED, "%s: OpenDocument file (%.60s): "
                       "not supported", pkg->name, mime);
        goto done;
    }
    if (air_pkg_has(pkg, "[Content_Types].xml")) {
        rc = peek_part(pkg, "[Content_Types].xml", &b, 4u << 20);
        if (rc != AIR_OK)
            goto done;
        const char *ct = air_buf_cstr(&b);
        if (strstr(ct, "wordprocessingml") || strstr(ct, "ms-word.") ||
            any_entry_with_prefix(pkg, "word/")) {
            pkg->format = AIR_FMT_DOCX;
        } else if (strstr(ct, "spreadsheetml")) {
            rc = air_error(AIR_EUNSUPPORTED, "%s: Excel workbook (OOXML "
                           "spreadsheet): not supported", pkg->name);
        } else if (strstr(ct, "presentationml")) {
            rc = air_error(AIR_EUNSUPPORTED, "%s: PowerPoint presentation "
                           "(OOXML): not supported", pkg->name);
        } else {
            rc = air_error(AIR_ENOTDOC, "%s: OOXML package without a word "
                           "processing document (not a document)", pkg->name);
        }
        goto done;
    }
    if (any_entry_with_prefix(pkg, "word/document")) {
        pkg->format = AIR_FMT_DOCX;
        goto done;
    }
    rc = air_error(AIR_ENOTDOC, "%s: ZIP archive that is neither HWPX nor "
                   "DOCX (not a document)", pkg->name);
done:
    air_buf_free(&b);
    return rc;
}

/* HWP 5.0 FileHeader: a 32-byte signature, a version, then property bits
 * (HWP 5.0 format document, section 3.2.1). */
enum {
    HWP_FLAG_PASSWORD = 1 << 1,
    HWP_FLAG_DISTRIBUTION = 1 << 2,
    HWP_FLAG_DRM = 1 << 4,
    HWP_FLAG_CERT_ENCRYPTED = 1 << 8,
    HWP_FLAG_CERT_DRM = 1 << 10
};

static uint32_t le32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
           (uint32_t)p[3] << 24;
}

static air_status sniff_ole(air_pkg *pkg)
{
    air_buf b = AIR_BUF_INIT;
    air_status rc = AIR_OK;
    if (air_pkg_has(pkg, "FileHeader")) {
        rc = peek_part(pkg, "FileHeader", &b, 256);
        if (rc != AIR_OK)
            goto done;
        if (b.len < 40 || memcmp(b.ptr, "HWP Document File", 17) != 0) {
            rc = air_error(AIR_EFORMAT, "%s: damaged HWP document (bad "
                           "FileHeader signature)", pkg->name);
            goto done;
        }
        uint32_t flags = le32((const unsigned char *)b.ptr + 36);
        if (flags & (HWP_FLAG_DRM | HWP_FLAG_CERT_DRM))
            rc = air_error(AIR_EENCRYPTED, "%s: DRM-protected HWP document",
                           pkg->name);
        else if (flags & (HWP_FLAG_PASSWORD | HWP_FLAG_CERT_ENCRYPTED))
            rc = air_error(AIR_EENCRYPTED, "%s: password-protected HWP "
                           "document", pkg->name);
        else if (flags & HWP_FLAG_DISTRIBUTION)
            rc = air_error(AIR_EENCRYPTED, "%s: distribution (배포용) HWP "
                           "document: its text is encrypted", pkg->name);
        else
            pkg->format = AIR_FMT_HWP;
        goto done;
    }
    if (air_pkg_has(pkg, "EncryptionInfo") ||
        air_pkg_has(pkg, "EncryptedPackage"))
        rc = air_error(AIR_EENCRYPTED, "%s: encrypted OOXML package "
                       "(password-protected Office document)", pkg->name);
    else if (air_pkg_has(pkg, "WordDocument"))
        rc = air_error(AIR_EUNSUPPORTED, "%s: Word 97-2003 document (.doc): "
                       "not supported", pkg->name);
    else if (air_pkg_has(pkg, "Workbook") || air_pkg_has(pkg, "Book"))
        rc = air_error(AIR_EUNSUPPORTED, "%s: Excel 97-2003 workbook: not "
                       "supported", pkg->name);
    else if (air_pkg_has(pkg, "PowerPoint Document"))
        rc = air_error(AIR_EUNSUPPORTED, "%s: PowerPoint 97-2003 "
                       "presentation: not supported", pkg->name);
    else if (air_pkg_has(pkg, "\005HwpSummaryInformation") ||
             any_entry_with_prefix(pkg, "BodyText/"))
        rc = air_error(AIR_EFORMAT, "%s: damaged HWP document (no "
                       "FileHeader stream)", pkg->name);
    else if (pkg->damaged > 0)
        rc = air_error(AIR_EFORMAT, "%s: damaged OLE compound file (%zu "
                       "entries with broken sector chains)", pkg->name,
                       pkg->damaged);
    else
        rc = air_error(AIR_ENOTDOC, "%s: OLE compound file of an unknown "
                       "kind (not a document)", pkg->name);
done:
    air_buf_free(&b);
    return rc;
}

static bool contains(const unsigned char *h, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; i + k <= n; i++)
        if (memcmp(h + i, needle, k) == 0)
            return true;
    return false;
}

air_status air_pkg_classify_other(const unsigned char *h, size_t n,
                                  const char *name)
{
    if (n == 0)
        return air_error(AIR_ENOTDOC, "%s: empty file (not a document)",
                         name);
    /* DRM wrappers put a vendor tag at the very start of the file. */
    if (contains(h, n < 64 ? n : 64, "MARKANY") ||
        contains(h, n < 64 ? n : 64, "DOCUMENTSAFER"))
        return air_error(AIR_EENCRYPTED, "%s: DRM-protected document "
                         "(MarkAny DocumentSafer)", name);
    if (contains(h, n < 64 ? n : 64, "FASOO") ||
        contains(h, n < 64 ? n : 64, "DRMONE"))
        return air_error(AIR_EENCRYPTED, "%s: DRM-protected document "
                         "(Fasoo)", name);
    if (n >= 5 && memcmp(h, "SCDSA", 5) == 0)
        return air_error(AIR_EENCRYPTED, "%s: DRM-protected document "
                         "(SoftCamp)", name);
    if (n >= 17 && memcmp(h, "HWP Document File", 17) == 0)
        return air_error(AIR_EUNSUPPORTED, "%s: HWP 3.0 document: not "
                         "supported", name);
    if (n >= 5 && memcmp(h, "%PDF-", 5) == 0)
        return air_error(AIR_EUNSUPPORTED, "%s: PDF document: not supported",
                         name);
    if (n >= 5 && memcmp(h, "{\\rtf", 5) == 0)
        return air_error(AIR_EUNSUPPORTED, "%s: RTF document: not supported",
                         name);
    if (contains(h, n, "<HWPML"))
        return air_error(AIR_EUNSUPPORTED, "%s: HWPML (Hangul XML) document: "
                         "not supported", name);
    if (n >= 2 && h[0] == 'P' && h[1] == 'K')
        return air_error(AIR_EFORMAT, "%s: damaged ZIP archive", name);
    bool text = true;
    for (size_t i = 0; i < n; i++)
        if (h[i] == 0 || (h[i] < 0x20 && h[i] != '\t' && h[i] != '\n' &&
                          h[i] != '\r' && h[i] != '\f'))
            text = false;
    if (text)
        return air_error(AIR_ENOTDOC, "%s: plain text file (not a document)",
                         name);
    return air_error(AIR_ENOTDOC, "%s: unknown file type (not a document)",
                     name);
}

/* ======================================================================
 * Opening
 * ====================================================================== */

static const unsigned char OLE_MAGIC[8] = { 0xD0, 0xCF, 0x11, 0xE0,
                                            0xA1, 0xB1, 0x1A, 0xE1 };

static air_status open_common(air_pkg **out, air_pkg *pkg, const char *path,
                              const unsigned char *head, size_t n)
{
    air_status rc;
    if (n >= 4 && head[0] == 'P' && head[1] == 'K' &&
        ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6) ||
         (head[2] == 7 && head[3] == 8))) {
        pkg->container = AIR_CONTAINER_ZIP;
        rc = zip_pkg_open(pkg, path);
        if (rc == AIR_OK)
            rc = pkg_check_entry_limits(pkg);
        if (rc == AIR_OK)
            rc = sniff_zip(pkg);
    } else if (n >= 8 && memcmp(head, OLE_MAGIC, 8) == 0) {
        pkg->container = AIR_CONTAINER_OLE;
        rc = ole_pkg_open(pkg, path);
        if (rc == AIR_OK)
            rc = pkg_check_entry_limits(pkg);
        if (rc == AIR_OK)
            rc = sniff_ole(pkg);
    } else {
        rc = air_pkg_classify_other(head, n, pkg->name);
    }
    if (rc != AIR_OK) {
        air_pkg_close(pkg);
        return rc;
    }
    *out = pkg;
    return AIR_OK;
}

static air_pkg *pkg_new(const char *name, const air_limits *lim)
{
    air_pkg *pkg = calloc(1, sizeof *pkg);
    if (pkg == NULL)
        return NULL;
    air_limits def = AIR_LIMITS_INIT;
    pkg->lim = lim ? *lim : def;
    pkg->name = strdup(name ? name : "-");
    if (pkg->name == NULL) {
        free(pkg);
        return NULL;
    }
    return pkg;
}

air_status air_pkg_open(air_pkg **out, const char *path, const char *name,
                        const air_limits *lim)
{
    *out = NULL;
    air_pkg *pkg = pkg_new(name ? name : path, lim);
    if (pkg == NULL)
        return air_error(AIR_ENOMEM, "out of memory");
    /* Inputs are read-only, always: O_RDONLY here, ZIP_RDONLY in zip.c. */
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        air_status rc = air_error(AIR_EIO, "%s: %s", pkg->name,
                                  strerror(errno));
        air_pkg_close(pkg);
        return rc;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        air_status rc = air_error(AIR_EIO, "%s: not a regular file",
                                  pkg->name);
        close(fd);
        air_pkg_close(pkg);
        return rc;
    }
    unsigned char head[512];
    ssize_t n = read(fd, head, sizeof head);
    close(fd);
    if (n < 0) {
        air_status rc = air_error(AIR_EIO, "%s: %s", pkg->name,
                                  strerror(errno));
        air_pkg_close(pkg);
        return rc;
    }
    return open_common(out, pkg, path, head, (size_t)n);
}

air_status air_pkg_open_mem(air_pkg **out, const void *data, size_t len,
                            const char *name, const air_limits *lim)
{
    *out = NULL;
    air_pkg *pkg = pkg_new(name, lim);
    if (pkg == NULL)
        return air_error(AIR_ENOMEM, "out of memory");
    pkg->mem = malloc(len ? len : 1);
    if (pkg->mem == NULL) {
        air_pkg_close(pkg);
        return air_error(AIR_ENOMEM, "out of memory");
    }
    if (len)
        memcpy(pkg->mem, data, len);
    pkg->memlen = len;
    return open_common(out, pkg, NULL, pkg->mem, len < 512 ? len : 512);
}

void air_pkg_close(air_pkg *pkg)
{
    if (pkg == NULL)
        return;
    if (pkg->container == AIR_CONTAINER_ZIP)
        zip_pkg_close(pkg);
    else if (pkg->container == AIR_CONTAINER_OLE)
        ole_pkg_close(pkg);
    for (size_t i = 0; i < pkg->n; i++)
        free(pkg->entries[i].name);
    free(pkg->entries);
    free(pkg->reads);
    free(pkg->mem);
    free(pkg->name);
    free(pkg);
}
