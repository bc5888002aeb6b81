/* mkzip.c -- zips a directory into a package, for test fixtures.
 *
 *   mkzip OUT DIR
 *
 * Entries are added in sorted order, with 'mimetype' first and stored
 * uncompressed (HWPX, like ODF, wants it so), every timestamp fixed, so
 * the same directory always gives the same bytes. */
#define _POSIX_C_SOURCE 200809L
#define _XOPEN_SOURCE 700

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <zip.h>

static char **names;
static size_t nnames, cap;

static void add_name(const char *rel)
{
    if (nnames == cap) {
        cap = cap ? cap * 2 : 64;
        names = realloc(names, cap * sizeof *names);
        if (!names)
            exit(1);
    }
    names[nnames++] = strdup(rel);
}

static void walk(const char *root, const char *rel)
{
    char path[4096];
    snprintf(path, sizeof path, "%s%s%s", root, *rel ? "/" : "", rel);
    DIR *d = opendir(path);
    if (!d) {
        perror(path);
        exit(1);
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        char sub[4096], full[8192];
        snprintf(sub, sizeof sub, "%s%s%s", rel, *rel ? "/" : "", e->d_name);
        snprintf(full, sizeof full, "%s/%s", root, sub);
        struct stat st;
        if (stat(full, &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode))
            walk(root, sub);
        else
            add_name(sub);
    }
    closedir(d);
}

static int cmp(const void *a, const void *b)
{
    const char *x = *(const char *const *)a, *y = *(const char *const *)b;
    int mx = strcmp(x, "mimetype") == 0, my = strcmp(y, "mimetype") == 0;
    if (mx != my)
        return my - mx;
    return strcmp(x, y);
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: mkzip OUT DIR\n");
        return 2;
    }
    walk(argv[2], "");
    qsort(names, nnames, sizeof *names, cmp);
    remove(argv[1]);
    int err = 0;
    zip_t *za = zip_open(argv[1], ZIP_CREATE | ZIP_TRUNCATE, &err);
    if (!za) {
        fprintf(stderr, "mkzip: cannot create %s\n", argv[1]);
        return 1;
    }
    for (size_t i = 0; i < nnames; i++) {
        char full[8192];
        snprintf(full, sizeof full, "%s/%s", argv[2], names[i]);
        zip_source_t *src = zip_source_file(za, full, 0, -1);
        zip_int64_t idx = src ? zip_file_add(za, names[i], src,
                                             ZIP_FL_ENC_UTF_8)
                              : -1;
        if (idx < 0) {
            fprintf(stderr, "mkzip: %s: %s\n", full, zip_strerror(za));
            return 1;
        }
        zip_set_file_compression(za, (zip_uint64_t)idx,
                                 strcmp(names[i], "mimetype") == 0
                                     ? ZIP_CM_STORE
                                     : ZIP_CM_DEFLATE,
                                 0);
        zip_file_set_mtime(za, (zip_uint64_t)idx, 315532800 + 86400 * 366, 0);
    }
    if (zip_close(za) != 0) {
        fprintf(stderr, "mkzip: %s\n", zip_strerror(za));
        return 1;
    }
    return 0;
}
