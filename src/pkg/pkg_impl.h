/* pkg_impl.h -- private to src/pkg: the package and stream structures
 * shared by pkg.c (common part, sniffing), zip.c and ole.c. */
#ifndef AIR_PKG_IMPL_H
#define AIR_PKG_IMPL_H

#include "pkg/pkg.h"

typedef struct pkg_entry {
    char *name;       /* '/'-separated, as the archive spells it otherwise */
    uint64_t size;    /* declared inflated size */
    uint64_t csize;   /* compressed size (ZIP), = size for OLE */
    uint64_t index;   /* ZIP index */
    void *handle;     /* OLE: the GsfInput of the stream (owned), NULL
                         when libgsf refused it (damaged) */
} pkg_entry;

/* One stream read, logged when it closes. */
typedef struct pkg_read {
    const pkg_entry *entry;
    uint64_t bytes;   /* inflated bytes the stream produced */
} pkg_read;

struct air_pkg {
    air_container container;
    air_format format;
    char *name;
    air_limits lim;
    uint64_t total_read; /* inflated bytes produced by all streams */
    pkg_entry *entries;
    size_t n, cap;
    unsigned char *mem;  /* copy of the input for open_mem, or NULL */
    size_t memlen;
    void *zip;           /* zip_t * */
    void *ole;           /* GsfInfile * */
    void *ole_input;     /* GsfInput * under the OLE reader */
    size_t damaged;      /* OLE entries listed without a stream */
    pkg_read *reads;     /* every stream closed, in order (see pkg.h) */
    size_t nreads, readcap;
};

typedef enum { STREAM_ZIP, STREAM_OLE } stream_kind;

struct air_stream {
    air_pkg *pkg;
    const pkg_entry *entry;
    stream_kind kind;
    void *handle;        /* zip_file_t * or GsfInput * (borrowed) */
    uint64_t produced;
    struct pkg_inflate *z; /* raw deflate state, or NULL */
};

/* pkg.c */
air_status pkg_add_entry(air_pkg *pkg, const char *name, uint64_t size,
                         uint64_t csize, uint64_t index, void *handle);
air_status pkg_check_entry_limits(air_pkg *pkg);

/* zip.c */
air_status zip_pkg_open(air_pkg *pkg, const char *path);
air_status zip_pkg_stream_open(air_stream *s);
air_status zip_pkg_stream_read(air_stream *s, void *buf, size_t n,
                               size_t *got);
void zip_pkg_stream_close(air_stream *s);
void zip_pkg_close(air_pkg *pkg);

/* ole.c */
air_status ole_pkg_open(air_pkg *pkg, const char *path);
air_status ole_pkg_stream_read(air_stream *s, void *buf, size_t n,
                               size_t *got);
void ole_pkg_stream_rewind(air_stream *s);
void ole_pkg_close(air_pkg *pkg);

#endif
