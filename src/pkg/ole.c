/* ole.c -- OLE compound files (HWP 5.0 and the Office files airead
 * recognises to refuse them precisely) through libgsf's MS-OLE reader.
 *
 * Streams are listed recursively as '/'-separated paths
 * ("BodyText/Section0", "\005HwpSummaryInformation"); storages themselves
 * are not entries. libgsf validates the sector tables and FAT chains
 * (a chain that loops or points past the file fails to open); such an
 * entry stays listed without a stream (air_pkg_damaged) and fails when it
 * is opened, the others stay readable. The entry count, storage depth and
 * sizes are bounded here. libgsf's own g_warning() chatter about damaged
 * files is silenced: the failure comes back as one air_status line
 * instead.
 *
 * libgsf is opened with dlopen() the first time an OLE file is read, not
 * linked: it brings GLib, GObject, GIO and six more libraries whose
 * relocation and constructors cost a process about 5 ms at start, which a
 * sweep running one process per DOCX or HWPX file would pay for nothing.
 * The headers still give every function's type (__typeof__), so a call
 * through the table is checked as a direct call would be. */
#include "config.h"

#include <dlfcn.h>
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

/* Every libgsf, GObject and GLib function this file calls. */
#define GSF_FUNCTIONS(X)                                                     \
    X(gsf_init)                                                              \
    X(gsf_input_stdio_new)                                                   \
    X(gsf_input_memory_new)                                                  \
    X(gsf_input_name)                                                        \
    X(gsf_input_size)                                                        \
    X(gsf_input_seek)                                                        \
    X(gsf_input_remaining)                                                   \
    X(gsf_input_read)                                                        \
    X(gsf_infile_get_type)                                                   \
    X(gsf_infile_msole_new)                                                  \
    X(gsf_infile_num_children)                                               \
    X(gsf_infile_child_by_index)                                             \
    X(gsf_infile_name_by_index)                                              \
    X(g_type_check_instance_is_a)                                            \
    X(g_object_unref)                                                        \
    X(g_error_free)                                                          \
    X(g_log_set_handler)

static struct {
#define MEMBER(f) __typeof__(&f) f;
    GSF_FUNCTIONS(MEMBER)
#undef MEMBER
} gsf;

/* G(f)(args) calls f through the table; the parentheses keep a GLib
 * function-like macro of the same name from expanding. */
#define G(f) (gsf.f)

static pthread_once_t gsf_once = PTHREAD_ONCE_INIT;
static char gsf_problem[256]; /* empty once libgsf is usable */

static void quiet_log(const gchar *domain, GLogLevelFlags level,
                      const gchar *msg, gpointer data)
{
    (void)domain, (void)level, (void)msg, (void)data;
}

static int load_gsf(void)
{
    void *h = dlopen(AIR_GSF_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (h == NULL) {
        snprintf(gsf_problem, sizeof gsf_problem, "%s", dlerror());
        return -1;
    }
    void *sym;
#define LOOKUP(f)                                                            \
    if ((sym = dlsym(h, #f)) == NULL) {                                      \
        snprintf(gsf_problem, sizeof gsf_problem,                            \
                 AIR_GSF_SONAME " has no %s", #f);                           \
        return -1;                                                           \
    }                                                                        \
    memcpy(&gsf.f, &sym, sizeof gsf.f);
    GSF_FUNCTIONS(LOOKUP)
#undef LOOKUP
    return 0; /* the library stays loaded until the process ends */
}

static void init_gsf(void)
{
    if (load_gsf() != 0)
        return;
    G(gsf_init)();
    const char *domains[] = {"libgsf", NULL, "libgsf:msole"};
    for (size_t i = 0; i < sizeof domains / sizeof *domains; i++)
        G(g_log_set_handler)(domains[i],
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
    int n = G(gsf_infile_num_children)(dir);
    for (int i = 0; i < n; i++) {
        GsfInput *child = G(gsf_infile_child_by_index)(dir, i);
        if (child == NULL) {
            /* libgsf refuses an entry whose sector chain loops or leaves
             * the file. Keep its name without a stream: opening it fails
             * with a clear message, so a damaged image does not make the
             * text unreadable while a damaged text stream does. */
            const char *nm = G(gsf_infile_name_by_index)(dir, i);
            char path[1024];
            snprintf(path, sizeof path, "%s%s%s", prefix, *prefix ? "/" : "",
                     nm ? nm : "");
            pkg->damaged++;
            air_status rc = pkg_add_entry(pkg, path, 0, 0, 0, NULL);
            if (rc != AIR_OK)
                return rc;
            continue;
        }
        const char *nm = G(gsf_input_name)(child);
        char path[1024];
        snprintf(path, sizeof path, "%s%s%s", prefix, *prefix ? "/" : "",
                 nm ? nm : "");
        air_status rc;
        if (G(g_type_check_instance_is_a)((GTypeInstance *)child,
                                          G(gsf_infile_get_type)()) &&
            G(gsf_infile_num_children)((GsfInfile *)child) >= 0) {
            rc = list_storage(pkg, (GsfInfile *)child, path, depth + 1);
            G(g_object_unref)(child);
        } else {
            uint64_t size = (uint64_t)G(gsf_input_size)(child);
            rc = pkg_add_entry(pkg, path, size, size, 0, child);
            if (rc != AIR_OK)
                G(g_object_unref)(child);
        }
        if (rc != AIR_OK)
            return rc;
    }
    return AIR_OK;
}

air_status ole_pkg_open(air_pkg *pkg, const char *path)
{
    pthread_once(&gsf_once, init_gsf);
    if (gsf_problem[0] != '\0')
        return air_error(AIR_EIO, "%s: reading an OLE compound file (HWP "
                         "5.0) needs libgsf: %s", pkg->name, gsf_problem);
    GError *err = NULL;
    GsfInput *in;
    if (path != NULL)
        in = G(gsf_input_stdio_new)(path, &err);
    else
        in = G(gsf_input_memory_new)(pkg->mem, (gsf_off_t)pkg->memlen, FALSE);
    if (in == NULL) {
        air_status rc = air_error(AIR_EIO, "%s: %s", pkg->name,
                                  err ? err->message : "cannot open");
        if (err)
            G(g_error_free)(err);
        return rc;
    }
    pkg->ole_input = in;
    GsfInfile *ole = G(gsf_infile_msole_new)(in, &err);
    if (ole == NULL) {
        air_status rc = air_error(AIR_EFORMAT, "%s: damaged OLE compound "
                                  "file (%s)", pkg->name,
                                  err ? err->message : "unreadable");
        if (err)
            G(g_error_free)(err);
        return rc;
    }
    pkg->ole = ole;
    return list_storage(pkg, ole, "", 0);
}

void ole_pkg_stream_rewind(air_stream *s)
{
    G(gsf_input_seek)(s->handle, 0, G_SEEK_SET);
}

air_status ole_pkg_stream_read(air_stream *s, void *buf, size_t n,
                               size_t *got)
{
    GsfInput *in = s->handle;
    gsf_off_t left = G(gsf_input_remaining)(in);
    if (left <= 0) {
        *got = 0;
        return AIR_OK;
    }
    size_t k = (gsf_off_t)n < left ? n : (size_t)left;
    if (G(gsf_input_read)(in, k, buf) == NULL)
        return air_error(AIR_EFORMAT, "%s: stream %s is damaged (broken "
                         "sector chain)", s->pkg->name, s->entry->name);
    *got = k;
    return AIR_OK;
}

void ole_pkg_close(air_pkg *pkg)
{
    for (size_t i = 0; i < pkg->n; i++)
        if (pkg->entries[i].handle)
            G(g_object_unref)(pkg->entries[i].handle);
    if (pkg->ole)
        G(g_object_unref)(pkg->ole);
    if (pkg->ole_input)
        G(g_object_unref)(pkg->ole_input);
    pkg->ole = pkg->ole_input = NULL;
}
