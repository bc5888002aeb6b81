/* ole.c -- OLE compound files (HWP 5.0 and the Office files airead
 * recognises to refuse them precisely) through libgsf's MS-OLE reader.
 *
 * Streams are listed recursively as '/'-separated paths
 * ("BodyText/Section0", "\005HwpSummaryInformation"); storages themselves
 * are not entries. libgsf validates the sector tables and FAT chains
 * (a chain that loops or points past the file fails to open); such an
 * entry stays listed without a stream (air_pkg_damaged) and fails when it
 * is opened, the others stay readable. The entry count, storage depth and sizes are bounded here. libgsf's own
 * g_warning() chatter about damaged files is silenced: the failure comes
 * back as one air_status line instead. */
#include "config.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include <gsf/gsf-infile-msole.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-input-memory.h>
#include <gsf/gsf-input-stdio.h>
#include <gsf/gsf-utils.h>

#include "pkg/pkg_impl.h"
#include "util/error.h"

/* Storages nest in real files two or three deep; a chain of 32 is not a
 * document, and the bound keeps recursion away from the input's reach. */
enum { MAX_STORAGE_DEPTH = 32 };

static void quiet_log(const gchar *domain, GLogLevelFlags level,
                      const gchar *msg, gpointer data)
{
    (void)domain, (void)level, (void)msg, (void)data;
}

static pthread_once_t gsf_once = PTHREAD_ONCE_INIT;

static void init_gsf(void)
{
    gsf_init();
    g_log_set_handler("libgsf",
                      G_LOG_LEVEL_MASK | G_LOG_FLAG_FATAL |
                          G_LOG_FLAG_RECURSION,
                      quiet_log, NULL);
    g_log_set_handler(NULL,
                      G_LOG_LEVEL_MASK | G_LOG_FLAG_FATAL |
                          G_LOG_FLAG_RECURSION,
                      quiet_log, NULL);
    g_log_set_handler("libgsf:msole",
                      G_LOG_LEVEL_MASK | G_LOG_FLAG_FATAL |
                          G_LOG_FLAG_RECURSION,
                      quiet_log, NULL);
}

static air_status list_storage(air_pkg *pkg, GsfInfile *dir,
                               const char *prefix, int depth)
{
    if (depth > MAX_STORAGE_DEPTH)
        return air_error(AIR_ELIMIT, "%s: OLE storages nested more than %d "
                         "deep (limit)", pkg->name, MAX_STORAGE_DEPTH);
    int n = gsf_infile_num_children(dir);
    for (int i = 0; i < n; i++) {
        GsfInput *child = gsf_infile_child_by_index(dir, i);
        if (child == NULL) {
            /* libgsf refuses an entry whose sector chain loops or leaves
             * the file. Keep its name without a stream: opening it fails
             * with a clear message, so a damaged image does not make the
             * text unreadable while a damaged text stream does. */
            const char *nm = gsf_infile_name_by_index(dir, i);
            char path[1024];
            snprintf(path, sizeof path, "%s%s%s", prefix, *prefix ? "/" : "",
                     nm ? nm : "");
            pkg->damaged++;
            air_status rc = pkg_add_entry(pkg, path, 0, 0, 0, NULL);
            if (rc != AIR_OK)
                return rc;
            continue;
        }
        const char *nm = gsf_input_name(child);
        char path[1024];
        snprintf(path, sizeof path, "%s%s%s", prefix, *prefix ? "/" : "",
                 nm ? nm : "");
        air_status rc;
        if (GSF_IS_INFILE(child) &&
            gsf_infile_num_children(GSF_INFILE(child)) >= 0) {
            rc = list_storage(pkg, GSF_INFILE(child), path, depth + 1);
            g_object_unref(child);
        } else {
            uint64_t size = (uint64_t)gsf_input_size(child);
            rc = pkg_add_entry(pkg, path, size, size, 0, child);
            if (rc != AIR_OK)
                g_object_unref(child);
        }
        if (rc != AIR_OK)
            return rc;
    }
    return AIR_OK;
}

air_status ole_pkg_open(air_pkg *pkg, const char *path)
{
    pthread_once(&gsf_once, init_gsf);
    GError *err = NULL;
    GsfInput *in;
    if (path != NULL)
        in = gsf_input_stdio_new(path, &err);
    else
        in = gsf_input_memory_new(pkg->mem, (gsf_off_t)pkg->memlen, FALSE);
    if (in == NULL) {
        air_status rc = air_error(AIR_EIO, "%s: %s", pkg->name,
                                  err ? err->message : "cannot open");
        if (err)
            g_error_free(err);
        return rc;
    }
    pkg->ole_input = in;
    GsfInfile *ole = gsf_infile_msole_new(in, &err);
    if (ole == NULL) {
        air_status rc = air_error(AIR_EFORMAT, "%s: damaged OLE compound "
                                  "file (%s)", pkg->name,
                                  err ? err->message : "unreadable");
        if (err)
            g_error_free(err);
        return rc;
    }
    pkg->ole = ole;
    return list_storage(pkg, ole, "", 0);
}

void ole_pkg_stream_rewind(air_stream *s)
{
    gsf_input_seek(s->handle, 0, G_SEEK_SET);
}

air_status ole_pkg_stream_read(air_stream *s, void *buf, size_t n,
                               size_t *got)
{
    GsfInput *in = s->handle;
    gsf_off_t left = gsf_input_remaining(in);
    if (left <= 0) {
        *got = 0;
        return AIR_OK;
    }
    size_t k = (gsf_off_t)n < left ? n : (size_t)left;
    if (gsf_input_read(in, k, buf) == NULL)
        return air_error(AIR_EFORMAT, "%s: stream %s is damaged (broken "
                         "sector chain)", s->pkg->name, s->entry->name);
    *got = k;
    return AIR_OK;
}

void ole_pkg_close(air_pkg *pkg)
{
    for (size_t i = 0; i < pkg->n; i++)
        if (pkg->entries[i].handle)
            g_object_unref(pkg->entries[i].handle);
    if (pkg->ole)
        g_object_unref(pkg->ole);
    if (pkg->ole_input)
        g_object_unref(pkg->ole_input);
    pkg->ole = pkg->ole_input = NULL;
}
