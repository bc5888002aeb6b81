/* fuzz_hwpx_xml.c -- the HWPX reader's XML, inside a well-formed package.
 *
 * The input is "section0.xml SEP header.xml SEP content.hpf" (SEP is
 * FUZZ_PART_SEP; a missing or empty piece keeps the default below). The
 * package around it (mimetype, container.xml) is fixed and its ZIP is
 * always valid, so every mutation lands in the XML readers. Seeds are made
 * at build time from the HWPX samples and fixtures by mkseed. */
#include "config.h"

#include <string.h>

#include "fuzz.h"

#define S(x) x, sizeof x - 1

static const char HPF[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<opf:package xmlns:opf=\"http://www.idpf.org/2007/opf/\" "
    "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
    "<opf:metadata><opf:title>t</opf:title></opf:metadata><opf:manifest>"
    "<opf:item id=\"header\" href=\"Contents/header.xml\" "
    "media-type=\"application/xml\"/>"
    "<opf:item id=\"section0\" href=\"Contents/section0.xml\" "
    "media-type=\"application/xml\"/></opf:manifest><opf:spine>"
    "<opf:itemref idref=\"header\"/><opf:itemref idref=\"section0\"/>"
    "</opf:spine></opf:package>";

static const char HEADER[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<hh:head xmlns:hh=\"http://www.hancom.co.kr/hwpml/2011/head\" "
    "version=\"1.4\" secCnt=\"1\"><hh:refList/></hh:head>";

static const char SECTION[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<hs:sec xmlns:hs=\"http://www.hancom.co.kr/hwpml/2011/section\" "
    "xmlns:hp=\"http://www.hancom.co.kr/hwpml/2011/paragraph\">"
    "<hp:p><hp:run><hp:t>x</hp:t></hp:run></hp:p></hs:sec>";

static const char CONTAINER[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<ocf:container xmlns:ocf=\"urn:oasis:names:tc:opendocument:xmlns:"
    "container\"><ocf:rootfiles><ocf:rootfile full-path=\"Contents/"
    "content.hpf\" media-type=\"application/hwpml-package+xml\"/>"
    "</ocf:rootfiles></ocf:container>";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const fuzz_part fixed[] = {
        { "mimetype", S("application/hwp+zip") },
        { "META-INF/container.xml", S(CONTAINER) },
    };
    static const fuzz_part fuzzed[] = {
        { "Contents/section0.xml", S(SECTION) },
        { "Contents/header.xml", S(HEADER) },
        { "Contents/content.hpf", S(HPF) },
    };
    fuzz_xml_package(data, size, fixed, 2, fuzzed, 3);
    return 0;
}
