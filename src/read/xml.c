/* xml.c -- see xml.h. */
#include "config.h"

#include "read/xml.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/error.h"

static int read_cb(void *ctx, char *buf, int len)
{
    air_xml *x = ctx;
    size_t got = 0;
    air_status rc = air_stream_read(x->s, buf, (size_t)len, &got);
    if (rc != AIR_OK) {
        x->io_status = rc;
        snprintf(x->io_msg, sizeof x->io_msg, "%s", air_last_error());
        return -1;
    }
    return (int)got;
}

static int close_cb(void *ctx)
{
    (void)ctx;
    return 0;
}

static void on_error(void *ctx, xmlErrorPtr e)
{
    air_xml *x = ctx;
    if (x->has_err || e == NULL)
        return;
    if (e->level < XML_ERR_ERROR)
        return;
    x->has_err = true;
    x->err_line = e->line;
    snprintf(x->err, sizeof x->err, "%s", e->message ? e->message : "?");
    size_t n = strlen(x->err);
    while (n > 0 && (x->err[n - 1] == '\n' || x->err[n - 1] == ' '))
        x->err[--n] = '\0';
}

air_status air_xml_open(air_xml *x, air_pkg *pkg, const char *part)
{
    memset(x, 0, sizeof *x);
    air_status rc = air_pkg_stream_open(&x->s, pkg, part);
    if (rc != AIR_OK)
        return rc;
    x->part = air_stream_name(x->s);
    x->pkgname = air_pkg_name(pkg);
    x->max_depth = air_pkg_limits(pkg)->max_depth;
    x->r = xmlReaderForIO(read_cb, close_cb, x, NULL, NULL, AIR_XML_OPTIONS);
    if (x->r == NULL) {
        air_stream_close(x->s);
        x->s = NULL;
        return air_error(AIR_ENOMEM, "out of memory");
    }
    xmlTextReaderSetStructuredErrorHandler(x->r, on_error, x);
    return AIR_OK;
}

/* Turns a failed read into one line about the input. */
static int failure(air_xml *x)
{
    if (x->io_status != AIR_OK) {
        air_error(x->io_status, "%s", x->io_msg);
        return x->io_status;
    }
    if (x->has_err) {
        if (strstr(x->err, "Excessive depth"))
            return air_error(AIR_ELIMIT, "%s: %s: XML nested deeper than "
                             "256 levels (limit)", x->pkgname, x->part);
        if (strstr(x->err, "huge text node") ||
            strstr(x->err, "too long") || strstr(x->err, "too large"))
            return air_error(AIR_ELIMIT, "%s: %s: XML text node over "
                             "10,000,000 bytes (limit)", x->pkgname, x->part);
        return air_error(AIR_EFORMAT, "%s: %s: malformed XML: %s (line %d)",
                         x->pkgname, x->part, x->err, x->err_line);
    }
    return air_error(AIR_EFORMAT, "%s: %s: malformed XML", x->pkgname,
                     x->part);
}

static int after_move(air_xml *x, int more)
{
    x->type = XML_READER_TYPE_NONE;
    if (more < 0)
        return failure(x);
    if (more == 0)
        return x->has_err ? failure(x) : 0;
    int t = xmlTextReaderNodeType(x->r);
    x->type = t;
    if (t == XML_READER_TYPE_DOCUMENT_TYPE)
        return air_error(AIR_EFORMAT, "%s: %s: XML with a DOCTYPE "
                         "(DTDs and entities are refused)", x->pkgname,
                         x->part);
    if (t == XML_READER_TYPE_ENTITY_REFERENCE)
        return air_error(AIR_EFORMAT, "%s: %s: XML entity reference "
                         "(entities are refused)", x->pkgname, x->part);
    if (t == XML_READER_TYPE_ELEMENT &&
        (uint32_t)xmlTextReaderDepth(x->r) >= x->max_depth)
        return air_error(AIR_ELIMIT, "%s: %s: XML nested deeper than %u "
                         "levels (limit)", x->pkgname, x->part,
                         x->max_depth);
    return 1;
}

int air_xml_next(air_xml *x)
{
    return after_move(x, xmlTextReaderRead(x->r));
}

int air_xml_skip(air_xml *x)
{
    return after_move(x, xmlTextReaderNext(x->r));
}

const char *air_xml_attr(air_xml *x, const char *local)
{
    const char *found = NULL;
    if (xmlTextReaderMoveToFirstAttribute(x->r) != 1)
        return NULL;
    do {
        const xmlChar *n = xmlTextReaderConstLocalName(x->r);
        if (n != NULL && xmlStrEqual(n, (const xmlChar *)local)) {
            found = (const char *)xmlTextReaderConstValue(x->r);
            break;
        }
    } while (xmlTextReaderMoveToNextAttribute(x->r) == 1);
    xmlTextReaderMoveToElement(x->r);
    return found;
}

void air_xml_close(air_xml *x)
{
    if (x->r)
        xmlFreeTextReader(x->r);
    air_stream_close(x->s);
    x->r = NULL;
    x->s = NULL;
}

bool air_xml_bool(const char *v, bool dflt)
{
    if (v == NULL)
        return dflt;
    if (strcmp(v, "1") == 0 || strcasecmp(v, "true") == 0 ||
        strcasecmp(v, "on") == 0)
        return true;
    if (strcmp(v, "0") == 0 || strcasecmp(v, "false") == 0 ||
        strcasecmp(v, "off") == 0)
        return false;
    return dflt;
}

long air_xml_long(const char *v, long dflt, long lo, long hi)
{
    if (v == NULL)
        return dflt;
    errno = 0;
    char *end;
    long n = strtol(v, &end, 10);
    if (end == v)
        return dflt;
    if (errno == ERANGE)
        n = n < 0 ? LONG_MIN : LONG_MAX;
    if (n < lo)
        n = lo;
    if (n > hi)
        n = hi;
    return n;
}
