/* open.c -- air_doc_open(): package -> reader -> finished model. */
#include "config.h"

#include <pthread.h>

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
        rc = air_error(AIR_EUNSUPPORTED, "%s: HWP 5.0 binary document: not "
                       "supported yet", air_pkg_name(pkg));
        break;
    default:
        rc = air_error(AIR_ENOTDOC, "%s: not a document",
                       air_pkg_name(pkg));
        break;
    }
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
