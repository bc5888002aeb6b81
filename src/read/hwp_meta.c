/* hwp_meta.c -- the document's metadata (principle 5) from the
 * \005HwpSummaryInformation stream: an OLE property set (MS-OLEPS) with
 * one section in the layout of the standard SummaryInformation, parsed
 * here from the raw bytes, every offset bounds-checked.
 *
 * Consumes: the first section's properties
 *   2 title, 3 subject, 4 author -> creator, 5 keywords, 6 comments ->
 *   description, 8 last author -> lastModifiedBy, 12 created, 13 last
 *   saved -> modified (FILETIME, written "YYYY-MM-DDTHH:MM:SSZ" as HWPX
 *   content.hpf writes them), 20 Hangul's date string -> extra meta:date
 * which is how Hangul fills content.hpf when it saves the same document
 * as HWPX (creator, subject, description, keyword, CreatedDate,
 * ModifiedDate, lastsaveby, date). Strings are VT_LPWSTR (UTF-16) or
 * VT_LPSTR (taken as UTF-8 when valid, else dropped); a value ends at its
 * first NUL, and its line ends become "\n" as an XML parser makes them
 * (CR LF and a lone CR), so that a multi-line comment reads as its HWPX
 * twin's. HWP has no language property: language stays absent. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "read/hwp.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/utf8.h"

/* A summary stream is a few hundred bytes; more is not metadata. */
enum { SUMMARY_MAX = 1 << 20 };
/* Properties of one section: the summary has about fifteen. */
enum { MAX_PROPS = 1000 };

enum { VT_LPSTR = 0x1E, VT_LPWSTR = 0x1F, VT_FILETIME = 0x40 };

static const struct {
    uint32_t pid;
    int field; /* air_meta_field, or -1 for the date extra */
} PIDS[] = {
    {2, AIR_META_TITLE},
    {3, AIR_META_SUBJECT},
    {4, AIR_META_CREATOR},
    {5, AIR_META_KEYWORDS},
    {6, AIR_META_DESCRIPTION},
    {8, AIR_META_LAST_MODIFIED_BY},
    {12, AIR_META_CREATED},
    {13, AIR_META_MODIFIED},
    {20, -1},
};

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian), and back. */
static void civil(int64_t days, int64_t *y, unsigned *m, unsigned *d)
{
    days += 719468;
    int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    unsigned doe = (unsigned)(days - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = (int64_t)yoe + era * 400 + (*m <= 2);
}

/* A FILETIME (100 ns since 1601-01-01 UTC) as "YYYY-MM-DDTHH:MM:SSZ";
 * 0 when the value is zero (Hangul writes 1601-01-01 for "never"). */
static size_t filetime(char *out, size_t cap, uint64_t ft)
{
    if (ft == 0)
        return 0;
    int64_t secs = (int64_t)(ft / 10000000u) - 11644473600LL;
    int64_t days = secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400);
    int64_t rem = secs - days * 86400;
    int64_t y;
    unsigned m, d;
    civil(days, &y, &m, &d);
    if (y < 1 || y > 9999)
        return 0;
    int k = snprintf(out, cap, "%04d-%02u-%02uT%02d:%02d:%02dZ", (int)y, m, d,
                     (int)(rem / 3600), (int)(rem / 60 % 60), (int)(rem % 60));
    return k > 0 && (size_t)k < cap ? (size_t)k : 0;
}

/* The value of the property at 'p' (within d[0..n)) as UTF-8 in 'out'.
 * False when it has no textual value. */
static bool value_of(hwp *h, const unsigned char *d, size_t n, size_t p,
                     air_buf *out)
{
    air_buf_clear(out);
    uint32_t type = hwp_u32(d, n, p);
    uint32_t len = hwp_u32(d, n, p + 4);
    if (p + 8 > n)
        return false;
    if (type == VT_LPWSTR) {
        if (len > (n - p - 8) / 2)
            return false;
        const char *s = hwp_utf16_dup(h, d + p + 8, len, false);
        return s && air_buf_adds(out, s) == AIR_OK;
    }
    if (type == VT_LPSTR) {
        if (len > n - p - 8)
            return false;
        const char *s = (const char *)d + p + 8;
        size_t k = strnlen(s, len);
        return air_utf8_is_valid(s, k) && air_buf_add(out, s, k) == AIR_OK;
    }
    if (type == VT_FILETIME) {
        char tmp[32];
        uint64_t ft = (uint64_t)hwp_u32(d, n, p + 4) |
                      (uint64_t)hwp_u32(d, n, p + 8) << 32;
        size_t k = filetime(tmp, sizeof tmp, ft);
        return k > 0 && p + 12 <= n && air_buf_add(out, tmp, k) == AIR_OK;
    }
    return false;
}

static void unix_lines(air_buf *b)
{
    size_t k = 0;
    for (size_t i = 0; i < b->len; i++) {
        if (b->ptr[i] == '\r') {
            b->ptr[k++] = '\n';
            if (i + 1 < b->len && b->ptr[i + 1] == '\n')
                i++;
        } else {
            b->ptr[k++] = b->ptr[i];
        }
    }
    b->len = k;
    if (b->ptr)
        b->ptr[k] = '\0';
}

static air_status parse(hwp *h, const unsigned char *d, size_t n)
{
    /* header: byte order FFFE, version, OS, CLSID, section count at 24;
     * then FMTID (16 bytes) and offset per section */
    if (n < 48 || hwp_u16(d, n, 0) != 0xFFFE || hwp_u32(d, n, 24) == 0) {
        air_doc_diag(h->doc, "HwpSummaryInformation: not a property set");
        return AIR_OK;
    }
    size_t sec = hwp_u32(d, n, 44);
    uint32_t nprops = hwp_u32(d, n, sec + 4);
    if (sec + 8 > n || nprops > MAX_PROPS || nprops > (n - sec - 8) / 8) {
        air_doc_diag(h->doc, "HwpSummaryInformation: damaged section");
        return AIR_OK;
    }
    air_buf v = AIR_BUF_INIT;
    air_status rc = AIR_OK;
    for (size_t k = 0; k < sizeof PIDS / sizeof *PIDS && rc == AIR_OK; k++)
        for (uint32_t i = 0; i < nprops; i++) {
            size_t e = sec + 8 + 8 * (size_t)i;
            if (hwp_u32(d, n, e) != PIDS[k].pid)
                continue;
            size_t p = sec + hwp_u32(d, n, e + 4);
            if (p >= n || !value_of(h, d, n, p, &v))
                break;
            unix_lines(&v);
            if (PIDS[k].field >= 0)
                rc = air_doc_set_meta(h->doc, (air_meta_field)PIDS[k].field,
                                      air_buf_cstr(&v), v.len);
            else
                rc = air_doc_add_meta_extra(h->doc, "meta:date",
                                            air_buf_cstr(&v), v.len);
            break;
        }
    air_buf_free(&v);
    return rc;
}

air_status hwp_read_summary(hwp *h)
{
    const char *part = air_pkg_find(h->pkg, "\005HwpSummaryInformation");
    if (part == NULL) {
        air_doc_diag(h->doc, "no HwpSummaryInformation: no metadata");
        return AIR_OK;
    }
    air_buf b = AIR_BUF_INIT;
    air_status rc = air_pkg_read_all(h->pkg, part, &b, SUMMARY_MAX);
    if (rc == AIR_OK)
        rc = parse(h, (const unsigned char *)air_buf_cstr(&b), b.len);
    else if (rc == AIR_EFORMAT || rc == AIR_ELIMIT) {
        air_doc_diag(h->doc, "%s", air_last_error());
        air_error_clear();
        rc = AIR_OK;
    }
    air_buf_free(&b);
    return rc;
}
