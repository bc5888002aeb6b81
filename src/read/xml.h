/* xml.h -- the streaming XML reader shared by the HWPX and DOCX readers.
 *
 * libxml2's pull reader (xmlTextReader) fed from a package stream through
 * xmlReaderForIO; never a DOM. Private to src/read: the only code that
 * includes <libxml/...>.
 *
 * Untrusted input. The options never include NOENT, DTDLOAD, DTDATTR,
 * DTDVALID, XINCLUDE or HUGE; NONET is always set. A DOCTYPE is refused
 * outright (no Office or Hancom part has one), so entity tricks (billion
 * laughs, external entities naming files or URLs) never get a chance.
 * libxml2's own limits without HUGE stay in force: 256 levels of nesting
 * and 10,000,000 bytes per text node; both are reported as AIR_ELIMIT.
 *
 * Strings returned here are borrowed from libxml2 and die on the next
 * air_xml_next(): copy what you keep into the document's arena at once. */
#ifndef AIR_READ_XML_H
#define AIR_READ_XML_H

#include <stdbool.h>

#include <libxml/xmlreader.h>

#include "airead.h"
#include "pkg/pkg.h"

#define AIR_XML_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOCDATA)

typedef struct air_xml {
    xmlTextReaderPtr r;
    air_stream *s;
    const char *part;       /* the part name, for messages (borrowed) */
    const char *pkgname;    /* the package name, for messages (borrowed) */
    uint32_t max_depth;
    air_status io_status;   /* set by the I/O callback on a limit */
    char io_msg[256];
    char err[256];          /* first parser error */
    int err_line;
    bool has_err;
    int type;               /* node type of the current node, cached */
} air_xml;

/* Opens part 'part' of 'pkg' for streaming. On failure nothing needs
 * closing. */
air_status air_xml_open(air_xml *x, air_pkg *pkg, const char *part);

/* Advances to the next node. Returns 1 on a node, 0 at the end of the
 * part, or a negative air_status with the message set ("section0.xml:
 * malformed XML: ... (line 3)"). */
int air_xml_next(air_xml *x);

/* Skips the current element's subtree: the next air_xml_next() returns
 * the node after it. Same return values as air_xml_next(). */
int air_xml_skip(air_xml *x);

/* The current node's type (XML_READER_TYPE_*), cached at each move:
 * asking libxml2 each time costs a call per question per node. */
static inline int air_xml_type(const air_xml *x)
{
    return x->type;
}

/* Local name of the current node (namespace prefix ignored: generators
 * write hp:, hs:, w: or an invented prefix for the same element). */
static inline const char *air_xml_name(const air_xml *x)
{
    const xmlChar *n = xmlTextReaderConstLocalName(x->r);
    return n ? (const char *)n : "";
}

static inline bool air_xml_is(const air_xml *x, const char *local)
{
    const xmlChar *n = xmlTextReaderConstLocalName(x->r);
    return n != NULL && xmlStrEqual(n, (const xmlChar *)local);
}

static inline int air_xml_depth(const air_xml *x)
{
    return xmlTextReaderDepth(x->r);
}

static inline bool air_xml_empty(const air_xml *x)
{
    return xmlTextReaderIsEmptyElement(x->r) == 1;
}

static inline bool air_xml_is_start(const air_xml *x)
{
    return x->type == XML_READER_TYPE_ELEMENT;
}

static inline bool air_xml_is_end(const air_xml *x)
{
    return x->type == XML_READER_TYPE_END_ELEMENT;
}

/* True for text, CDATA and (significant) whitespace nodes. */
static inline bool air_xml_is_text(const air_xml *x)
{
    int t = x->type;
    return t == XML_READER_TYPE_TEXT || t == XML_READER_TYPE_CDATA ||
           t == XML_READER_TYPE_WHITESPACE ||
           t == XML_READER_TYPE_SIGNIFICANT_WHITESPACE;
}

/* The value of a text node, or "" . */
static inline const char *air_xml_value(const air_xml *x)
{
    const xmlChar *v = xmlTextReaderConstValue(x->r);
    return v ? (const char *)v : "";
}

/* The value of the current element's attribute with local name 'local'
 * (any namespace), or NULL. Leaves the reader on the element. */
const char *air_xml_attr(air_xml *x, const char *local);

/* Line of the current node in the part (for messages). */
static inline int air_xml_line(const air_xml *x)
{
    return xmlTextReaderGetParserLineNumber(x->r);
}

void air_xml_close(air_xml *x);

/* Parses an XML boolean attribute ("1", "true", "on"); 'dflt' when NULL. */
bool air_xml_bool(const char *v, bool dflt);

/* Parses a decimal integer attribute, clamped to [lo, hi]; 'dflt' when
 * NULL or not a number. */
long air_xml_long(const char *v, long dflt, long lo, long hi);

#endif
