/* airead.h -- the public interface of libairead.
 *
 * airead reads HWPX, DOCX (and later HWP 5.0) documents into one document
 * model, checks it against Seoul's five "AI Readable" principles and writes
 * reports and cleaned Markdown. This is the only public header; the CLI,
 * the tests and the fuzzers use the library through it (tests may also
 * include the private module headers).
 *
 * Ownership, once for the whole API: an object handed out by an *_open or
 * *_new function belongs to the caller, who frees it with the matching
 * *_free (NULL-safe, like free()). A pointer returned by a getter is
 * borrowed and lives as long as the object it came from.
 *
 * Errors: fallible functions return air_status (AIR_OK or a negative code).
 * On failure, air_last_error() gives one line about the input ("section0.xml:
 * table nested 1001 levels deep"). The message is per thread.
 */
#ifndef AIREAD_H
#define AIREAD_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- status ------------------------------------------------------------ */

typedef int air_status;

enum {
    AIR_OK = 0,
    AIR_ENOMEM = -1,       /* out of memory */
    AIR_EIO = -2,          /* the file cannot be opened or read */
    AIR_ENOTDOC = -3,      /* not a document: plain text, unknown bytes */
    AIR_EFORMAT = -4,      /* a document, but corrupt: bad ZIP, bad XML */
    AIR_EUNSUPPORTED = -5, /* a known format airead does not read */
    AIR_EENCRYPTED = -6,   /* password, DRM or distribution protected */
    AIR_ELIMIT = -7,       /* over a configured limit (size, depth, ...) */
    AIR_EUSAGE = -8,       /* bad argument from the caller */
    AIR_ECONFIG = -9,      /* bad configuration file or value */
    AIR_ETIMEOUT = -10,    /* over the time budget */
    AIR_EINTERNAL = -11    /* a bug in airead */
};

/* The last error message of this thread; never NULL (may be ""). */
const char *air_last_error(void);

/* A stable lower-case key for a status, used as the "reason" in JSON
 * ("encrypted", "limit", "not-a-document", ...). Never translated. */
const char *air_status_key(air_status st);

/* The library version, "MAJOR.MINOR.PATCH". */
const char *air_version(void);

/* ---- formats and limits ------------------------------------------------ */

typedef enum air_format {
    AIR_FMT_UNKNOWN = 0,
    AIR_FMT_HWPX,
    AIR_FMT_DOCX,
    AIR_FMT_HWP
} air_format;

/* "hwpx", "docx", "hwp" or "unknown". */
const char *air_format_name(air_format fmt);

/* Limits for untrusted input (DESIGN.md section 8). A file over any of
 * them is unreadable with AIR_ELIMIT and a message naming the limit. */
typedef struct air_limits {
    uint32_t max_entries;     /* ZIP entries or OLE streams per file */
    uint64_t max_part_bytes;  /* inflated bytes of one part */
    uint64_t max_total_bytes; /* inflated bytes of all parts read */
    uint32_t max_ratio;       /* inflated/compressed ratio of one part */
    uint32_t max_depth;       /* XML element nesting depth */
    uint32_t max_table_depth; /* tables nested in tables */
    uint64_t max_nodes;       /* model nodes (paragraphs, cells, ...) */
} air_limits;

#define AIR_LIMITS_INIT                                                      \
    {                                                                        \
        10000u, 256ull << 20, 1ull << 30, 1000u, 1000u, 64u, 10000000ull     \
    }

typedef struct air_open_opts {
    air_limits limits;
    const char *display_name; /* name used in messages; NULL: the path */
} air_open_opts;

#define AIR_OPEN_OPTS_INIT { AIR_LIMITS_INIT, NULL }

/* ---- documents --------------------------------------------------------- */

typedef struct air_doc air_doc; /* owns every node and string in it */

/* Reads the document at 'path' (opened read-only; never modified). The
 * format is sniffed from the content, never from the name. On success *out
 * is a new document the caller frees with air_doc_free(); on failure *out
 * is NULL and air_last_error() says why. 'opts' may be NULL. */
air_status air_doc_open(air_doc **out, const char *path,
                        const air_open_opts *opts);

/* The same for a document held in memory ('data' is borrowed for the call
 * only). 'opts->display_name' names it in messages. */
air_status air_doc_open_mem(air_doc **out, const void *data, size_t len,
                            const air_open_opts *opts);

void air_doc_free(air_doc *doc);

air_format air_doc_format(const air_doc *doc);

/* The name given at open time (path or display name); borrowed. */
const char *air_doc_name(const air_doc *doc);

/* ---- dump -------------------------------------------------------------- */

/* The version of the JSON schema written by air_dump_json(); documented in
 * man/airead-json.7. Bumped on any incompatible change. */
#define AIR_DUMP_SCHEMA_VERSION "1.0"

/* Writes the document model as one JSON document to 'out'. */
air_status air_dump_json(const air_doc *doc, FILE *out);

#ifdef __cplusplus
}
#endif
#endif
