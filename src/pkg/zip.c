/* zip.c -- ZIP packages through libzip, read-only. The only file that
 * includes <zip.h>. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <zip.h>

#include "pkg/pkg_impl.h"
#include "util/error.h"

static air_status zip_failure(air_pkg *pkg, zip_error_t *ze)
{
    int code = zip_error_code_zip(ze);
    const char *why = zip_error_strerror(ze);
    if (code == ZIP_ER_NOZIP || code == ZIP_ER_INCONS)
        return air_error(AIR_EFORMAT, "%s: damaged ZIP archive (%s; "
                         "truncated?)", pkg->name, why);
    if (code == ZIP_ER_OPEN || code == ZIP_ER_READ)
        return air_error(AIR_EIO, "%s: %s", pkg->name, why);
    if (code == ZIP_ER_MEMORY)
        return air_error(AIR_ENOMEM, "out of memory");
    /* libzip says "No such file" for a directory record whose sizes call
     * for a ZIP64 field that is not there; the file itself is open. */
    if (code == ZIP_ER_NOENT)
        return air_error(AIR_EFORMAT, "%s: damaged ZIP archive (an entry's "
                         "directory record is inconsistent)", pkg->name);
    return air_error(AIR_EFORMAT, "%s: damaged ZIP archive (%s)", pkg->name,
                     why);
}

air_status zip_pkg_open(air_pkg *pkg, const char *path)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_t *za = NULL;
    air_status rc = AIR_OK;

    if (path != NULL) {
        int code = 0;
        za = zip_open(path, ZIP_RDONLY, &code);
        if (za == NULL)
            zip_error_init_with_code(&ze, code);
    } else {
        zip_source_t *src = zip_source_buffer_create(pkg->mem, pkg->memlen,
                                                     0, &ze);
        if (src != NULL) {
            za = zip_open_from_source(src, ZIP_RDONLY, &ze);
            if (za == NULL)
                zip_source_free(src);
        }
    }
    if (za == NULL) {
        rc = zip_failure(pkg, &ze);
        goto done;
    }
    pkg->zip = za;

    zip_int64_t n = zip_get_num_entries(za, 0);
    if (n < 0 || (uint64_t)n > pkg->lim.max_entries) {
        rc = air_error(AIR_ELIMIT, "%s: %lld ZIP entries, over the limit of "
                       "%u", pkg->name, (long long)n, pkg->lim.max_entries);
        goto done;
    }
    for (zip_int64_t i = 0; i < n && rc == AIR_OK; i++) {
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat_index(za, (zip_uint64_t)i, 0, &st) != 0 ||
            !(st.valid & ZIP_STAT_NAME)) {
            rc = air_error(AIR_EFORMAT, "%s: damaged ZIP entry %lld",
                           pkg->name, (long long)i);
            break;
        }
        if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) &&
            st.encryption_method != ZIP_EM_NONE) {
            rc = air_error(AIR_EENCRYPTED, "%s: encrypted ZIP entry %s "
                           "(password-protected archive)", pkg->name,
                           st.name);
            break;
        }
        uint64_t size = (st.valid & ZIP_STAT_SIZE) ? st.size : 0;
        uint64_t csize = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
        size_t len = strlen(st.name);
        if (len > 0 && st.name[len - 1] == '/')
            continue; /* a directory entry */
        rc = pkg_add_entry(pkg, st.name, size, csize, (uint64_t)i, NULL);
    }
done:
    zip_error_fini(&ze);
    return rc;
}

air_status zip_pkg_stream_open(air_stream *s)
{
    zip_t *za = s->pkg->zip;
    zip_file_t *zf = zip_fopen_index(za, s->entry->index, 0);
    if (zf == NULL) {
        zip_error_t *ze = zip_get_error(za);
        int code = zip_error_code_zip(ze);
        if (code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD ||
            code == ZIP_ER_ENCRNOTSUPP)
            return air_error(AIR_EENCRYPTED, "%s: encrypted ZIP entry %s",
                             s->pkg->name, s->entry->name);
        if (code == ZIP_ER_COMPNOTSUPP)
            return air_error(AIR_EUNSUPPORTED, "%s: part %s uses an "
                             "unsupported compression method", s->pkg->name,
                             s->entry->name);
        return air_error(AIR_EFORMAT, "%s: cannot open part %s (%s)",
                         s->pkg->name, s->entry->name, zip_strerror(za));
    }
    s->handle = zf;
    return AIR_OK;
}

air_status zip_pkg_stream_read(air_stream *s, void *buf, size_t n,
                               size_t *got)
{
    zip_int64_t r = zip_fread(s->handle, buf, n);
    zip_error_t *ze = r < 0 ? zip_file_get_error(s->handle) : NULL;
    /* Out of memory is not the file's corruption (zlib says Z_MEM_ERROR,
     * -4): under an address-space cap it is the memory limit. */
    if (ze && (zip_error_code_zip(ze) == ZIP_ER_MEMORY ||
               (zip_error_code_zip(ze) == ZIP_ER_ZLIB &&
                zip_error_code_system(ze) == -4)))
        return air_error(AIR_ENOMEM, "out of memory");
    if (r < 0)
        return air_error(AIR_EFORMAT, "%s: part %s is corrupt (%s)",
                         s->pkg->name, s->entry->name,
                         zip_file_strerror(s->handle));
    *got = (size_t)r;
    return AIR_OK;
}

void zip_pkg_stream_close(air_stream *s)
{
    if (s->handle)
        zip_fclose(s->handle);
    s->handle = NULL;
}

void zip_pkg_close(air_pkg *pkg)
{
    if (pkg->zip)
        zip_discard(pkg->zip);
    pkg->zip = NULL;
}
