/* open.c -- air_doc_open(): package -> reader -> finished model. */
#include "config.h"

#include <pthread.h>
#include <stdbool.h>

#include <libxml/parser.h>

#include "read/read.h"
#include "util/error.h"

static pthread_once_t xml_once = PTHREAD_ONCE_INIT;

static void init_xml(void)
{
    /* Once per process, before any thread parses (libxml2 is thread-safe
     * after this). */
    xmlInitParser();
}

/* The package's log of parts read, copied into the document. Every
 * stream is closed once the reader returns. */
static air_status copy_reads(air_doc *doc, const air_pkg *pkg)
{
    size_t n = air_pkg_read_count(pkg);
    if (n == 0)
        return AIR_OK;
    doc->parts = air_arena_alloc(&doc->arena, n * sizeof *doc->parts);
    if (doc->parts == NULL)
        return air_error(AIR_ENOMEM, "out of memory");
    for (size_t i = 0; i < n; i++) {
        air_doc_part *p = &doc->parts[i];
        p->name = air_doc_strdup(doc, air_pkg_read_at(pkg, i, &p->bytes));
        if (p->name == NULL)
            return air_error(AIR_ENOMEM, "out of memory");
    }
    doc->nparts = (uint32_t)n;
    return AIR_OK;
}

static air_status read_pkg(air_doc **out, air_pkg *pkg,
                           const air_open_opts *opts)
{
    air_format fmt = air_pkg_format(pkg);
    air_doc *doc = air_doc_new(fmt, air_pkg_name(pkg),
                               opts->limits.max_nodes);
    if (doc == NULL)
        return air_error(AIR_ENOMEM, "out of memory");
    air_status rc;
    switch (fmt) {
    case AIR_FMT_HWPX:
        rc = air_read_hwpx(doc, pkg);
        break;
    case AIR_FMT_DOCX:
        rc = air_read_docx(doc, pkg);
        break;
    case AIR_FMT_HWP:
        rc = air_read_hwp(doc, pkg);
        break;
    default:
        rc = air_error(AIR_ENOTDOC, "%s: not a document",
                       air_pkg_name(pkg));
        break;
    }
    if (rc == AIR_OK)
        rc = copy_reads(doc, pkg);
    if (rc != AIR_OK) {
        air_doc_free(doc);
        return rc;
    }
    air_doc_finish(doc);
    *out = doc;
    return AIR_OK;
}

air_status air_doc_open(air_doc **out, const char *path,
                        const air_open_opts *opts)
{
    *out = NULL;
    air_open_opts def = AIR_OPEN_OPTS_INIT;
    if (opts == NULL)
        opts = &def;
    pthread_once(&xml_once, init_xml);
    air_error_clear();
    air_pkg *pkg = NULL;
    air_status rc = air_pkg_open(&pkg, path, opts->display_name,
                                 &opts->limits);
    if (rc != AIR_OK)
        return rc;
    rc = read_pkg(out, pkg, opts);
    air_pkg_close(pkg);
    if (rc == AIR_OK) {
        (*out)->src_path = air_doc_strdup(*out, path);
        (*out)->src_limits = opts->limits;
        if ((*out)->src_path == NULL) {
            air_doc_free(*out);
            *out = NULL;
            return air_error(AIR_ENOMEM, "out of memory");
        }
    }
    return rc;
}

air_status air_doc_open_mem(air_doc **out, const void *data, size_t len,
                            const air_open_opts *opts)
{
    *out = NULL;
    air_open_opts def = AIR_OPEN_OPTS_INIT;
    if (opts == NULL)
        opts = &def;
    pthread_once(&xml_once, init_xml);
    air_error_clear();
    air_pkg *pkg = NULL;
    air_status rc = air_pkg_open_mem(&pkg, data, len,
                                     opts->display_name
                                         ? opts->display_name
                                         : "-",
                                     &opts->limits);
    if (rc != AIR_OK)
        return rc;
    rc = read_pkg(out, pkg, opts);
    air_pkg_close(pkg);
    return rc;
}

air_status air_doc_copy_part(const air_doc *doc, const char *part, FILE *out,
                             uint64_t *written)
{
    if (written)
        *written = 0;
    if (doc->src_path == NULL)
        return air_error(AIR_EUNSUPPORTED, "%s: read from memory: its parts "
                         "cannot be copied", doc->name);
    air_pkg *pkg = NULL;
    air_stream *s = NULL;
    air_status rc = air_pkg_open(&pkg, doc->src_path, doc->name,
                                 &doc->src_limits);
    if (rc != AIR_OK)
        goto done;
    /* HWP 5.0 keeps BinData items as raw deflate unless the item (or the
     * whole document) is stored uncompressed; the model does not say
     * which, so a stream that is not deflate data from its first bytes
     * is copied as it is stored. */
    bool deflated = air_pkg_format(pkg) == AIR_FMT_HWP;
    rc = deflated ? air_pkg_stream_open_deflated(&s, pkg, part)
                  : air_pkg_stream_open(&s, pkg, part);
    if (rc != AIR_OK)
        goto done;
    /* The stream counts what it inflates against the part and total
     * limits, so a lying size field cannot fill the disk. */
    for (bool first = true;; first = false) {
        char buf[16384];
        size_t got = 0;
        rc = air_stream_read(s, buf, sizeof buf, &got);
        if (rc == AIR_EFORMAT && first && deflated) {
            air_stream_close(s);
            s = NULL;
            deflated = false;
            rc = air_pkg_stream_open(&s, pkg, part);
            if (rc == AIR_OK)
                rc = air_stream_read(s, buf, sizeof buf, &got);
        }
        if (rc != AIR_OK || got == 0)
            break;
        if (fwrite(buf, 1, got, out) != got) {
            rc = air_error(AIR_EIO, "%s: cannot write the copy of %s",
                           doc->name, part);
            break;
        }
        if (written)
            *written += got;
    }
done:
    air_stream_close(s);
    air_pkg_close(pkg);
    return rc;
}
