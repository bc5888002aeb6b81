/* pkg.h -- the package layer: containers opened read-only, formats sniffed
 * from content, limits enforced before any XML is parsed.
 *
 * The only code that uses libzip (ZIP packages: HWPX, DOCX) and libgsf's
 * OLE reader (compound files: HWP 5.0, encrypted OOXML, legacy .doc).
 * Readers ask for parts by name and get a byte stream; they never see the
 * container.
 *
 *   air_pkg_open(path) -> sniff -> { ZIP: entry table checked against the
 *   limits (count, names, duplicates, encryption, declared sizes, ratio);
 *   OLE: stream table checked the same way } -> air_pkg_stream_open(name)
 *   -> air_stream_read() counts the inflated bytes actually produced, so a
 *   lying size field cannot get past max_part_bytes or max_total_bytes.
 *
 * Part names use '/' whatever the archive wrote ('Contents\section0.xml'
 * is found as 'Contents/section0.xml'); lookup is exact first, then
 * ASCII case-insensitive (OPC part names are case-insensitive). */
#ifndef AIR_PKG_H
#define AIR_PKG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "airead.h"
#include "util/buf.h"

typedef struct air_pkg air_pkg;
typedef struct air_stream air_stream;

typedef enum air_container {
    AIR_CONTAINER_ZIP = 1,
    AIR_CONTAINER_OLE
} air_container;

/* Opens and sniffs the file at 'path'. On success *out is a package the
 * caller closes with air_pkg_close() and air_pkg_format() says what it is
 * (HWPX, DOCX or HWP; other recognised-but-unreadable files fail here with
 * a precise message: "HWP 3.0 document: not supported", "encrypted OOXML
 * package", "not a document (plain text)"). 'name' is used in messages
 * (NULL: the path). */
air_status air_pkg_open(air_pkg **out, const char *path, const char *name,
                        const air_limits *lim);

/* The same for bytes in memory, which are copied. */
air_status air_pkg_open_mem(air_pkg **out, const void *data, size_t len,
                            const char *name, const air_limits *lim);

void air_pkg_close(air_pkg *pkg);

air_format air_pkg_format(const air_pkg *pkg);
air_container air_pkg_container(const air_pkg *pkg);
const char *air_pkg_name(const air_pkg *pkg);
const air_limits *air_pkg_limits(const air_pkg *pkg);

/* Entries (ZIP members or OLE streams, '/'-separated paths), in archive
 * order. Borrowed. */
size_t air_pkg_count(const air_pkg *pkg);
const char *air_pkg_entry(const air_pkg *pkg, size_t i);

/* The archive's own spelling of part 'name' (a borrowed string), or NULL
 * when there is no such part. */
const char *air_pkg_find(const air_pkg *pkg, const char *name);

static inline bool air_pkg_has(const air_pkg *pkg, const char *name)
{
    return air_pkg_find(pkg, name) != NULL;
}

/* Opens part 'name' for reading. Fails with AIR_EFORMAT when it is
 * missing or cannot be inflated. */
air_status air_pkg_stream_open(air_stream **out, air_pkg *pkg,
                               const char *name);

/* The same, the part's bytes inflated as raw deflate (RFC 1951, no zlib
 * header: HWP 5.0 compressed streams) as they are read, in chunks. The
 * part, total and ratio limits count the inflated bytes; a damaged or
 * truncated deflate stream fails the read with AIR_EFORMAT. */
air_status air_pkg_stream_open_deflated(air_stream **out, air_pkg *pkg,
                                        const char *name);

/* Reads up to 'n' bytes; *got is 0 at the end. Enforces max_part_bytes
 * and max_total_bytes on the bytes actually produced (AIR_ELIMIT). */
air_status air_stream_read(air_stream *s, void *buf, size_t n, size_t *got);

/* The part name (archive spelling) of an open stream. */
const char *air_stream_name(const air_stream *s);

void air_stream_close(air_stream *s);

/* The streams read so far, in the order they were closed: part name
 * (borrowed) and the inflated bytes each produced. A part read twice
 * (sniffed, then parsed) appears twice. `airead dump` lists them, the
 * benchmark's floor program reads exactly these parts, and the largest
 * bounds the memory a streaming reader should need. The log keeps at
 * most 16384 reads (above the readers' 10,000 sections): it must not
 * grow without bound. */
size_t air_pkg_read_count(const air_pkg *pkg);
const char *air_pkg_read_at(const air_pkg *pkg, size_t i, uint64_t *bytes);

/* Reads all of part 'name' into 'out' (appended), within the limits and
 * at most 'max' bytes (0: max_part_bytes). */
air_status air_pkg_read_all(air_pkg *pkg, const char *name, air_buf *out,
                            uint64_t max);

/* OLE entries whose sector chain libgsf refuses (it loops or leaves the
 * file): listed, so that a reader knows they exist, but opening one fails
 * with AIR_EFORMAT. A damaged image storage then does not make the text
 * unreadable, while a damaged text stream does. Always 0 for ZIP. */
size_t air_pkg_damaged(const air_pkg *pkg);

/* ---- internal: shared by zip.c, ole.c and sniff.c ---------------------- */

/* Classifies raw bytes that are neither ZIP nor OLE (DRM wrappers, PDF,
 * RTF, HWP 3.0, text) and returns the status with the message set. */
air_status air_pkg_classify_other(const unsigned char *head, size_t n,
                                  const char *name);

#endif
