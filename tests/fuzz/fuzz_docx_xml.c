/* fuzz_docx_xml.c -- the DOCX reader's XML, inside a well-formed package.
 *
 * The input is "document.xml SEP styles.xml SEP numbering.xml SEP
 * footnotes.xml SEP core.xml SEP document.xml.rels" (SEP is FUZZ_PART_SEP;
 * a missing or empty piece keeps the default below). [Content_Types].xml
 * and _rels/.rels are fixed and the ZIP is always valid, so every
 * mutation lands in the XML readers. Seeds are made at build time from the
 * DOCX samples and fixtures by mkseed. */
#include "config.h"

#include "fuzz.h"

#define S(x) x, sizeof x - 1
#define W "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/" \
          "2006/main\""
#define REL "http://schemas.openxmlformats.org/officeDocument/2006/" \
            "relationships/"

static const char TYPES[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
    "content-types\"><Default Extension=\"rels\" ContentType=\"application/"
    "vnd.openxmlformats-package.relationships+xml\"/><Default Extension="
    "\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/"
    "document.xml\" ContentType=\"application/vnd.openxmlformats-"
    "officedocument.wordprocessingml.document.main+xml\"/></Types>";

static const char RELS[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
    "relationships\"><Relationship Id=\"rId1\" Type=\"" REL
    "officeDocument\" Target=\"word/document.xml\"/><Relationship Id=\"rId2"
    "\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/"
    "metadata/core-properties\" Target=\"docProps/core.xml\"/>"
    "</Relationships>";

static const char DOC_RELS[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
    "relationships\">"
    "<Relationship Id=\"rId1\" Type=\"" REL "styles\" Target=\"styles.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"" REL "numbering\" "
    "Target=\"numbering.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"" REL "footnotes\" "
    "Target=\"footnotes.xml\"/>"
    "<Relationship Id=\"rId4\" Type=\"" REL "header\" Target=\"header1.xml\"/>"
    "<Relationship Id=\"rId5\" Type=\"" REL "image\" "
    "Target=\"media/image1.png\"/>"
    "<Relationship Id=\"rId6\" Type=\"" REL "hyperlink\" "
    "Target=\"https://example.org/\" TargetMode=\"External\"/>"
    "</Relationships>";

static const char DOCUMENT[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document " W "><w:body>"
    "<w:p><w:r><w:t>x</w:t></w:r></w:p></w:body></w:document>";

static const char STYLES[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:styles " W "/>";
static const char NUMBERING[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:numbering " W "/>";
static const char FOOTNOTES[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:footnotes " W "/>";
static const char CORE[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><cp:coreProperties "
    "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/"
    "core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
    "<dc:title>t</dc:title></cp:coreProperties>";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const fuzz_part fixed[] = {
        { "[Content_Types].xml", S(TYPES) },
        { "_rels/.rels", S(RELS) },
    };
    static const fuzz_part fuzzed[] = {
        { "word/document.xml", S(DOCUMENT) },
        { "word/styles.xml", S(STYLES) },
        { "word/numbering.xml", S(NUMBERING) },
        { "word/footnotes.xml", S(FOOTNOTES) },
        { "docProps/core.xml", S(CORE) },
        { "word/_rels/document.xml.rels", S(DOC_RELS) },
    };
    fuzz_xml_package(data, size, fixed, 2, fuzzed, 6);
    return 0;
}
