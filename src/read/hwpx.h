/* hwpx.h -- internals of the HWPX (OWPML, KS X 6101) reader, shared by
 * hwpx*.c in src/read. Not seen outside src/read.
 *
 *   air_read_hwpx (hwpx.c)
 *     META-INF/container.xml -> content.hpf (else Contents/content.hpf,
 *     else any *.hpf)
 *     hwpx_meta.c     content.hpf: opf:metadata, opf:manifest, opf:spine
 *     hwpx_header.c   Contents/header.xml -> air_hwp_info (hwp_info.h)
 *     hwpx_section.c  the streaming walk of each section into the model
 *     hwp_numbering.c list resolution and displayed markers (shared with
 *                     the HWP 5.0 reader)
 *
 * Elements and attributes are matched by local name, whatever their
 * prefix (generators write hp:, hs:, hc: or invented ones), and cheaply:
 * every name the reader knows is interned once per part in the parser's
 * dictionary, so matching a node is a pointer hash lookup (hwpx_names.c).
 * Reader-lifetime data lives in 'tmp' (freed at the end); what the model
 * keeps is copied into the document's arena. */
#ifndef AIR_READ_HWPX_H
#define AIR_READ_HWPX_H

#include <stdbool.h>
#include <stdint.h>

#include "model/model.h"
#include "read/hwp_info.h"
#include "read/xml.h"
#include "util/arena.h"

/* ---- names ---------------------------------------------------------------
 * X(enum suffix, local name): every element and attribute any HWPX part
 * reader asks about. */
#define HWPX_NAMES(X)                                                       \
    /* META-INF/container.xml, content.hpf */                               \
    X(rootfile, "rootfile") X(full_path, "full-path")                       \
    X(media_type, "media-type") X(metadata, "metadata") X(meta, "meta")     \
    X(name, "name") X(title, "title") X(language, "language")               \
    X(creator, "creator") X(subject, "subject")                             \
    X(description, "description") X(manifest, "manifest") X(item, "item")  \
    X(id, "id") X(href, "href") X(spine, "spine") X(itemref, "itemref")     \
    X(idref, "idref")                                                       \
    /* header.xml */                                                        \
    X(fontface, "fontface") X(lang, "lang") X(font, "font")                 \
    X(face, "face") X(charPr, "charPr") X(fontRef, "fontRef")               \
    X(hangul, "hangul") X(latin, "latin") X(hanja, "hanja")                 \
    X(japanese, "japanese") X(other, "other") X(symbol, "symbol")           \
    X(user, "user") X(bold, "bold") X(italic, "italic")                     \
    X(supscript, "supscript") X(subscript, "subscript")                     \
    X(paraPr, "paraPr") X(align, "align") X(horizontal, "horizontal")       \
    X(heading, "heading") X(type, "type") X(idRef, "idRef")                 \
    X(level, "level") X(breakSetting, "breakSetting")                       \
    X(pageBreakBefore, "pageBreakBefore") X(style, "style")                 \
    X(engName, "engName") X(paraPrIDRef, "paraPrIDRef")                     \
    X(charPrIDRef, "charPrIDRef") X(numbering, "numbering")                 \
    X(paraHead, "paraHead") X(start, "start") X(numFormat, "numFormat")     \
    X(bullet, "bullet") X(chr, "char") X(useImage, "useImage")              \
    X(useImg, "useImg") X(binItem, "binItem") X(src, "src")                 \
    X(BinData, "BinData") X(refList, "refList")                             \
    /* both */                                                              \
    X(switch_, "switch") X(case_, "case") X(default_, "default")            \
    /* sections */                                                          \
    X(sec, "sec") X(p, "p") X(run, "run") X(t, "t") X(styleIDRef, "styleIDRef") \
    X(pageBreak, "pageBreak") X(columnBreak, "columnBreak")                 \
    X(secPr, "secPr") X(outlineShapeIDRef, "outlineShapeIDRef")             \
    X(ctrl, "ctrl") X(tab, "tab") X(lineBreak, "lineBreak")                 \
    X(nbSpace, "nbSpace") X(fwSpace, "fwSpace") X(hyphen, "hyphen")         \
    X(deleteBegin, "deleteBegin") X(deleteEnd, "deleteEnd")                 \
    X(insertBegin, "insertBegin") X(insertEnd, "insertEnd")                 \
    X(compose, "compose") X(composeText, "composeText")                     \
    X(dutmal, "dutmal") X(mainText, "mainText") X(subText, "subText")       \
    X(fieldBegin, "fieldBegin") X(fieldEnd, "fieldEnd")                     \
    X(beginIDRef, "beginIDRef") X(parameters, "parameters")                 \
    X(stringParam, "stringParam") X(subList, "subList")                     \
    X(tbl, "tbl") X(rowCnt, "rowCnt") X(colCnt, "colCnt") X(tr, "tr")       \
    X(tc, "tc") X(header, "header") X(cellAddr, "cellAddr")                 \
    X(colAddr, "colAddr") X(rowAddr, "rowAddr") X(cellSpan, "cellSpan")     \
    X(colSpan, "colSpan") X(rowSpan, "rowSpan") X(caption, "caption")       \
    X(drawText, "drawText") X(footNote, "footNote") X(endNote, "endNote")   \
    X(instId, "instId") X(number, "number") X(footer, "footer")             \
    X(applyPageType, "applyPageType") X(hiddenComment, "hiddenComment")     \
    X(memo, "memo") X(pic, "pic") X(img, "img")                             \
    X(binaryItemIDRef, "binaryItemIDRef") X(shapeComment, "shapeComment")   \
    X(equation, "equation") X(script, "script") X(ole, "ole")               \
    X(chart, "chart") X(video, "video") X(textart, "textart")               \
    X(text, "text") X(rect, "rect") X(ellipse, "ellipse") X(arc, "arc")     \
    X(polygon, "polygon") X(curve, "curve") X(connectLine, "connectLine")   \
    X(line, "line") X(container, "container") X(btn, "btn")                 \
    X(radioBtn, "radioBtn") X(checkBtn, "checkBtn")                         \
    X(comboBox, "comboBox") X(listBox, "listBox") X(edit, "edit")           \
    X(scrollBar, "scrollBar") X(linesegarray, "linesegarray")               \
    X(cellzoneList, "cellzoneList") X(autoNum, "autoNum")                   \
    X(newNum, "newNum") X(colPr, "colPr") X(bookmark, "bookmark")           \
    X(indexmark, "indexmark") X(pageNum, "pageNum")                         \
    X(pageHiding, "pageHiding") X(pageNumCtrl, "pageNumCtrl")              \
    /* version.xml */                                                       \
    X(application, "application") X(appVersion, "appVersion")

typedef enum hwpx_name {
    HN_NONE = 0,
#define HWPX_ENUM(id, str) HN_##id,
    HWPX_NAMES(HWPX_ENUM)
#undef HWPX_ENUM
    HN_COUNT
} hwpx_name;

/* Interned names of one part's parser: pointer -> hwpx_name. */
enum { HWPX_DICT_SIZE = 512 }; /* a power of two over 2 * HN_COUNT */

typedef struct hwpx_dict {
    const void *key[HWPX_DICT_SIZE];
    uint16_t val[HWPX_DICT_SIZE];
} hwpx_dict;

/* Interns every name in the parser dictionary of 'x' (just opened). */
void hwpx_dict_init(hwpx_dict *d, air_xml *x);

/* The name of interned string 'p' (an element or attribute local name of
 * the parser of 'd'), or HN_NONE. */
static inline hwpx_name hwpx_lookup(const hwpx_dict *d, const void *p)
{
    uintptr_t h = ((uintptr_t)p >> 3) * (uintptr_t)0x9E3779B1u;
    size_t i = (size_t)(h >> 7) & (HWPX_DICT_SIZE - 1);
    while (d->key[i] != NULL) {
        if (d->key[i] == p)
            return (hwpx_name)d->val[i];
        i = (i + 1) & (HWPX_DICT_SIZE - 1);
    }
    return HN_NONE;
}

/* The current element's name. */
static inline hwpx_name hwpx_elem(const hwpx_dict *d, const air_xml *x)
{
    return hwpx_lookup(d, xmlTextReaderConstLocalName(x->r));
}

/* Attribute values copied out of the parser (its attribute values may
 * share one buffer): 'v[i]' is the value of attribute 'want[i]' of the
 * current element, or NULL. Valid until the next hwpx_attrs() on the same
 * 'hwpx_attrbuf'. Values beyond the buffer are cut at a character
 * boundary. */
enum { HWPX_ATTR_MAX = 8, HWPX_ATTRBUF = 8192 };

typedef struct hwpx_attrs {
    const char *v[HWPX_ATTR_MAX];
    char buf[HWPX_ATTRBUF];
} hwpx_attrs;

void hwpx_get_attrs(hwpx_attrs *a, const hwpx_dict *d, air_xml *x,
                    const hwpx_name *want, int n);

/* Appends the value of the current text node to 'b' (capped at 'max'
 * bytes in all: past it the text is dropped). */
struct air_buf;
air_status hwpx_text_append(struct air_buf *b, air_xml *x, size_t max);

/* hp:switch: of its hp:case branches the first is read, hp:default only
 * when there is no case; the others are skipped. Call hwpx_switch_start()
 * on every start of a switch, case or default element and
 * hwpx_switch_end() on every end element. */
enum { HWPX_SWITCH_NEST = 64 }; /* switches in switches: deeper ones are
                                   read whole */

typedef struct hwpx_switch {
    int depth[HWPX_SWITCH_NEST];
    bool taken[HWPX_SWITCH_NEST];
    int n, over;
} hwpx_switch;

/* True when the element (switch, case or default at 'depth') must be
 * skipped. */
bool hwpx_switch_start(hwpx_switch *s, hwpx_name nm, int depth, bool empty);
void hwpx_switch_end(hwpx_switch *s, int depth);

/* ---- the reader ----------------------------------------------------------
 */

typedef struct hwpx_item {
    const char *id;   /* tmp */
    const char *href; /* tmp, resolved to a package part name when found */
    const char *media_type;
} hwpx_item;

typedef struct hwpx {
    air_doc *doc;
    air_pkg *pkg;
    air_arena tmp;
    air_hwp_info info;
    const char *hpf; /* the package file part, or NULL */
    hwpx_item *items;
    size_t nitems, itemcap;
    const char **spine; /* item ids in reading order (tmp) */
    size_t nspine, spinecap;
    const char **bin;   /* BinData ids of header.xml binItems (tmp) */
    const char **binpart;
    size_t nbin, bincap;
    uint32_t max_table_depth;
    struct hwpx_walk *walk; /* the section walker, kept across sections */
} hwpx;

/* hwpx_meta.c: content.hpf -> doc->meta, x->items, x->spine. A broken
 * package file is a diagnostic, not an error: the sections may still be
 * found by name. */
air_status hwpx_read_hpf(hwpx *h, const char *part);

/* The package part of manifest item 'id' (BinData images), or NULL. */
const char *hwpx_item_part(const hwpx *h, const char *id);

/* hwpx_header.c: header.xml -> h->info (then air_hwp_info_finish). */
air_status hwpx_read_header(hwpx *h, const char *part);

/* hwpx_section.c: section part 'part' as section number 'index' (0-based)
 * of the document; hwpx_sections_done() frees the walker's buffers. */
air_status hwpx_read_section(hwpx *h, const char *part, uint32_t index);
void hwpx_sections_done(hwpx *h);

#endif
