/* hwp.h -- internals of the HWP 5.0 binary reader, shared by hwp*.c in
 * src/read. Not seen outside src/read.
 *
 *   air_read_hwp (hwp.c)
 *     FileHeader      version and flags (encryption, distribution and DRM
 *                     were refused by src/pkg already)
 *     DocInfo         hwp_docinfo.c -> air_hwp_info (hwp_info.h), BinData
 *     BodyText/SectionN  hwp_body.c: the record walk into the model
 *     \005HwpSummaryInformation  hwp_meta.c: the property set -> metadata
 *     hwp_numbering.c list resolution and displayed markers (shared with
 *                     the HWPX reader)
 *
 * Every stream is a sequence of records (HWP 5.0 format document, 4.1):
 * a 32-bit header holding the tag (bits 0-9), the level (bits 10-19) and
 * the size (bits 20-31; 0xFFF: the size follows as a 32-bit word), then
 * the data. Levels nest records: a record at level L+1 after one at level
 * L belongs to it. Streams are inflated (raw deflate) when the FileHeader
 * says so; records are read one at a time into one reused buffer. */
#ifndef AIR_READ_HWP_H
#define AIR_READ_HWP_H

#include <stdbool.h>
#include <stdint.h>

#include "model/model.h"
#include "pkg/pkg.h"
#include "read/hwp_info.h"
#include "util/arena.h"

/* ---- tags (HWPTAG_BEGIN = 0x10) ------------------------------------------ */

enum {
    HWPTAG_DOCUMENT_PROPERTIES = 0x10,
    HWPTAG_ID_MAPPINGS = 0x11,
    HWPTAG_BIN_DATA = 0x12,
    HWPTAG_FACE_NAME = 0x13,
    HWPTAG_CHAR_SHAPE = 0x15,
    HWPTAG_NUMBERING = 0x17,
    HWPTAG_BULLET = 0x18,
    HWPTAG_PARA_SHAPE = 0x19,
    HWPTAG_STYLE = 0x1A,
    HWPTAG_PARA_HEADER = 0x42,
    HWPTAG_PARA_TEXT = 0x43,
    HWPTAG_PARA_CHAR_SHAPE = 0x44,
    HWPTAG_CTRL_HEADER = 0x47,
    HWPTAG_LIST_HEADER = 0x48,
    HWPTAG_SHAPE_COMPONENT = 0x4C,
    HWPTAG_TABLE = 0x4D,
    HWPTAG_SHAPE_COMPONENT_LINE = 0x4E,
    HWPTAG_SHAPE_COMPONENT_RECTANGLE = 0x4F,
    HWPTAG_SHAPE_COMPONENT_ELLIPSE = 0x50,
    HWPTAG_SHAPE_COMPONENT_ARC = 0x51,
    HWPTAG_SHAPE_COMPONENT_POLYGON = 0x52,
    HWPTAG_SHAPE_COMPONENT_CURVE = 0x53,
    HWPTAG_SHAPE_COMPONENT_OLE = 0x54,
    HWPTAG_SHAPE_COMPONENT_PICTURE = 0x55,
    HWPTAG_SHAPE_COMPONENT_CONTAINER = 0x56,
    HWPTAG_EQEDIT = 0x58,
    HWPTAG_SHAPE_COMPONENT_TEXTART = 0x5A,
    HWPTAG_FORM_OBJECT = 0x5B,
    HWPTAG_CHART_DATA = 0x5F,
    HWPTAG_VIDEO_DATA = 0x62
};

/* Control ids: four characters, the first in the high byte
 * (MAKE_4CHID), stored little-endian. */
#define HWP_CHID(a, b, c, d)                                                   \
    ((uint32_t)(a) << 24 | (uint32_t)(b) << 16 | (uint32_t)(c) << 8 |          \
     (uint32_t)(d))

/* ---- little-endian fields, bounds-checked --------------------------------
 * A field past the end of the record reads as 0: records grow between
 * versions, and older files simply lack the later fields. */

static inline uint32_t hwp_u8(const unsigned char *p, size_t n, size_t off)
{
    return off < n ? p[off] : 0;
}

static inline uint32_t hwp_u16(const unsigned char *p, size_t n, size_t off)
{
    return off + 2 <= n ? (uint32_t)p[off] | (uint32_t)p[off + 1] << 8 : 0;
}

static inline uint32_t hwp_u32(const unsigned char *p, size_t n, size_t off)
{
    return off + 4 <= n
               ? (uint32_t)p[off] | (uint32_t)p[off + 1] << 8 |
                     (uint32_t)p[off + 2] << 16 | (uint32_t)p[off + 3] << 24
               : 0;
}

/* ---- records ---------------------------------------------------------------
 */

typedef struct hwp_recs {
    air_stream *s;
    const char *name; /* the package's, for messages */
    const char *part;
    unsigned char *in; /* stream bytes read ahead */
    size_t inlen, inpos;
    bool eof;
    unsigned char *data; /* the current record's data (reused) */
    size_t cap;
    /* the current record */
    uint32_t tag, level;
    size_t size;
    uint64_t index; /* records read so far */
} hwp_recs;

/* Opens stream 'part' of 'pkg' for records, inflating it when
 * 'compressed'. Close with hwp_recs_close() (also on failure). */
air_status hwp_recs_open(hwp_recs *r, air_pkg *pkg, const char *part,
                         bool compressed);

/* Reads the next record: 1 with r->tag/level/size/data set, 0 at the
 * end, or a negative status (a truncated record, a read error). */
int hwp_recs_next(hwp_recs *r);

void hwp_recs_close(hwp_recs *r);

/* ---- the reader ------------------------------------------------------------
 */

typedef struct hwp_bin {
    const char *part; /* the BinData stream (package spelling), or NULL */
} hwp_bin;

typedef struct hwp {
    air_doc *doc;
    air_pkg *pkg;
    air_arena tmp;
    air_hwp_info info;
    uint32_t version; /* FileHeader: 0xMMnnPPrr (5.0.3.2 = 0x05000302) */
    uint32_t flags;   /* FileHeader properties */
    bool compressed;
    hwp_bin *bin; /* BIN_DATA records, id 1 at index 0 (tmp) */
    uint32_t nbin;
    uint32_t max_table_depth;
    struct hwp_walk *walk; /* the section walker, kept across sections */
} hwp;

/* UTF-16LE units[0..n) appended to 'out' as UTF-8 in the tmp arena or
 * the document arena ('doc' true); surrogate pairs are joined, a lone
 * surrogate becomes U+FFFD, the string ends at the first NUL. NULL when
 * out of memory. */
const char *hwp_utf16_dup(hwp *h, const unsigned char *units, size_t n,
                          bool doc);

/* hwp_docinfo.c: the DocInfo stream -> h->info (then
 * air_hwp_info_finish) and h->bin. */
air_status hwp_read_docinfo(hwp *h);

/* hwp_body.c: section stream 'part' as section 'index' (0-based);
 * hwp_sections_done() frees the walker. */
air_status hwp_read_section(hwp *h, const char *part, uint32_t index);
void hwp_sections_done(hwp *h);

/* hwp_meta.c: \005HwpSummaryInformation -> doc->meta. A damaged property
 * set is a diagnostic, not an error. */
air_status hwp_read_summary(hwp *h);

#endif
