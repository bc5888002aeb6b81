/* cache.c -- see cache.h. */
#include "config.h"

#include "cli/cache.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "airead.h"
#include "cli/sha256.h"

/* An entry is a report line; anything larger is not worth keeping. */
enum { MAX_ENTRY = 64 << 20 };

static int mkdir_p(const char *path)
{
    char *p = strdup(path);
    if (p == NULL)
        return -1;
    int rc = 0;
    for (char *s = p + 1;; s++) {
        if (*s == '/' || *s == '\0') {
            char c = *s;
            *s = '\0';
            if (mkdir(p, 0777) != 0 && errno != EEXIST)
                rc = -1;
            *s = c;
            if (c == '\0' || rc != 0)
                break;
        }
    }
    free(p);
    return rc;
}

int cache_open(cache *c, const char *dir, uint64_t max_bytes)
{
    memset(c, 0, sizeof *c);
    size_t n = strlen(dir) + 8;
    c->dir = malloc(n);
    if (c->dir == NULL)
        return -1;
    snprintf(c->dir, n, "%s/v1", dir);
    c->max_bytes = max_bytes;
    if (mkdir_p(c->dir) != 0) {
        int e = errno;
        free(c->dir);
        c->dir = NULL;
        errno = e;
        return -1;
    }
    /* https://bford.info/cachedir/ : backup tools leave the folder out */
    char tag[4096];
    snprintf(tag, sizeof tag, "%s/CACHEDIR.TAG", dir);
    int fd = open(tag, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0) {
        static const char text[] =
            "Signature: 8a477f597d28d172789f06886806bc55\n"
            "# This file marks the folder as a cache of airead results.\n";
        ssize_t w = write(fd, text, sizeof text - 1);
        (void)w;
        close(fd);
    }
    return 0;
}

void cache_close(cache *c)
{
    free(c->dir);
    c->dir = NULL;
}

void cache_key(char out[65], const char *content, const char *context)
{
    sha256_ctx s;
    unsigned char d[32];
    sha256_init(&s);
    sha256_update(&s, "airead-cache-v1\n", 16);
    sha256_update(&s, content, strlen(content));
    sha256_update(&s, "\n", 1);
    sha256_update(&s, context, strlen(context));
    sha256_final(&s, d);
    for (int i = 0; i < 32; i++)
        snprintf(out + 2 * i, 3, "%02x", d[i]);
}

static void entry_path(char *out, size_t n, const cache *c, const char *key)
{
    snprintf(out, n, "%s/%.2s/%s", c->dir, key, key + 2);
}

char *cache_get(const cache *c, const char *key, size_t *len)
{
    char path[4096];
    entry_path(path, sizeof path, c, key);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return NULL;
    struct stat st;
    char *data = NULL;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 1 &&
        st.st_size <= MAX_ENTRY)
        data = malloc((size_t)st.st_size + 1);
    size_t got = 0;
    while (data && got < (size_t)st.st_size) {
        ssize_t k = read(fd, data + got, (size_t)st.st_size - got);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            break;
        got += (size_t)k;
    }
    if (data && (got != (size_t)st.st_size || data[0] != '{' ||
                 data[got - 1] != '\n')) {
        free(data);
        data = NULL;
    }
    if (data) {
        data[got] = '\0';
        *len = got;
        futimens(fd, NULL); /* used now: the last to go when pruning */
    }
    close(fd);
    return data;
}

bool cache_put(const cache *c, const char *key, const char *data, size_t len)
{
    if (len > MAX_ENTRY)
        return false;
    char path[4096], sub[4096];
    snprintf(sub, sizeof sub, "%s/%.2s", c->dir, key);
    if (mkdir(sub, 0777) != 0 && errno != EEXIST)
        return false;
    entry_path(path, sizeof path, c, key);
    /* a hidden temporary file beside the entry, renamed into place, and
     * removed when a signal ends the run */
    air_outfile *of = NULL;
    FILE *f = NULL;
    if (air_outfile_open(&of, &f, path) != AIR_OK)
        return false;
    bool ok = fwrite(data, 1, len, f) == len;
    return air_outfile_close(of, ok) == AIR_OK && ok;
}

/* ---- pruning ------------------------------------------------------------- */

typedef struct entry {
    char *path;
    time_t used;
    uint64_t size;
} entry;

static int by_age(const void *a, const void *b)
{
    const entry *x = a, *y = b;
    if (x->used != y->used)
        return x->used < y->used ? -1 : 1;
    return strcmp(x->path, y->path);
}

void cache_prune(const cache *c)
{
    DIR *top = opendir(c->dir);
    if (top == NULL)
        return;
    entry *v = NULL;
    size_t n = 0, cap = 0;
    uint64_t total = 0;
    time_t stale = time(NULL) - 3600;
    struct dirent *de;
    while ((de = readdir(top)) != NULL) {
        if (strlen(de->d_name) != 2 || de->d_name[0] == '.')
            continue;
        char sub[4096];
        snprintf(sub, sizeof sub, "%s/%s", c->dir, de->d_name);
        DIR *d = opendir(sub);
        if (d == NULL)
            continue;
        struct dirent *fe;
        while ((fe = readdir(d)) != NULL) {
            if (strcmp(fe->d_name, ".") == 0 || strcmp(fe->d_name, "..") == 0)
                continue;
            struct stat st;
            if (fstatat(dirfd(d), fe->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 ||
                !S_ISREG(st.st_mode))
                continue;
            if (fe->d_name[0] == '.') { /* a temporary file */
                /* a writer killed an hour ago is not coming back */
                if (st.st_mtime < stale)
                    unlinkat(dirfd(d), fe->d_name, 0);
                continue;
            }
            if (n == cap) {
                size_t nc = cap ? cap * 2 : 1024;
                entry *nv = realloc(v, nc * sizeof *nv);
                if (nv == NULL)
                    break;
                v = nv;
                cap = nc;
            }
            size_t pl = strlen(sub) + strlen(fe->d_name) + 2;
            v[n].path = malloc(pl);
            if (v[n].path == NULL)
                break;
            snprintf(v[n].path, pl, "%s/%s", sub, fe->d_name);
            v[n].used = st.st_mtime;
            v[n].size = (uint64_t)st.st_size;
            total += v[n].size;
            n++;
        }
        closedir(d);
    }
    closedir(top);
    if (total > c->max_bytes) {
        qsort(v, n, sizeof *v, by_age);
        uint64_t goal = c->max_bytes / 10 * 9;
        for (size_t i = 0; i < n && total > goal; i++)
            if (unlink(v[i].path) == 0 || errno == ENOENT)
                total -= v[i].size;
    }
    for (size_t i = 0; i < n; i++)
        free(v[i].path);
    free(v);
}
