/* inputs.c -- operands, folder walks and --files-from as one stream of
 * paths (see inputs.h for the order and the rules). */
#include "config.h"

#include "cli/inputs.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* A line of --files-from longer than this is not a path (PATH_MAX is 4096
 * on Linux); it is skipped up to its end. */
enum { MAX_LINE = 1 << 16 };

typedef struct strv {
    char **v;
    size_t n, cap;
} strv;

typedef struct frame {
    char *path;     /* the folder */
    size_t rootlen; /* length of the operand it was found under */
} frame;

typedef struct devino {
    dev_t dev;
    ino_t ino;
    bool used;
} devino;

struct inputs {
    in_opts o;
    char **operands;
    int nop, next_op;

    /* walk */
    frame *stack;
    size_t nstack, capstack;
    char *dir;        /* folder whose files are being handed out */
    size_t rootlen;
    strv files;       /* its file names, sorted */
    size_t next_file;
    devino *seen;     /* folders walked (open addressing) */
    size_t nseen, capseen;

    /* --files-from */
    int fd;           /* -1 when not open (yet) or done */
    bool from_opened, from_eof, own_fd;
    char *buf;
    size_t len, cap;
    bool overlong;    /* inside a line over MAX_LINE */

    char *cur;        /* the path handed out last */
    char err[256];
    uint64_t skipped;
};

/* ---- small helpers ------------------------------------------------------ */

static bool sv_push(strv *s, char *str)
{
    if (str == NULL)
        return false;
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 32;
        char **v = realloc(s->v, cap * sizeof *v);
        if (v == NULL) {
            free(str);
            return false;
        }
        s->v = v;
        s->cap = cap;
    }
    s->v[s->n++] = str;
    return true;
}

static void sv_clear(strv *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->v[i]);
    s->n = 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *join(const char *dir, const char *name)
{
    size_t n = strlen(dir), m = strlen(name);
    char *s = malloc(n + m + 2);
    if (s == NULL)
        return NULL;
    memcpy(s, dir, n);
    size_t k = n;
    if (n > 0 && dir[n - 1] != '/')
        s[k++] = '/';
    memcpy(s + k, name, m + 1);
    return s;
}

static const char *rel_of(const char *path, size_t rootlen)
{
    const char *r = path + rootlen;
    while (*r == '/')
        r++;
    return r;
}

/* 64-bit FNV-1a: stable across machines and releases (a shard assignment
 * must never change under a running job array). */
unsigned inputs_shard_of(const char *rel, unsigned n)
{
    uint64_t h = 0xcbf29ce484222325ull;
    while (rel[0] == '.' && rel[1] == '/')
        rel += 2;
    for (const unsigned char *s = (const unsigned char *)rel; *s; s++) {
        h ^= *s;
        h *= 0x100000001b3ull;
    }
    return n ? (unsigned)(h % n) : 0;
}

static bool in_shard(const inputs *in, const char *rel)
{
    return in->o.shard_n == 0 ||
           inputs_shard_of(rel, in->o.shard_n) == in->o.shard_k - 1;
}

bool inputs_glob(const char *pattern, const char *rel)
{
    while (rel[0] == '.' && rel[1] == '/')
        rel += 2;
    while (pattern[0] == '.' && pattern[1] == '/')
        pattern += 2;
    if (strchr(pattern, '/') == NULL) {
        const char *slash = strrchr(rel, '/');
        rel = slash ? slash + 1 : rel;
    }
    return fnmatch(pattern, rel, 0) == 0;
}

static bool excluded(const inputs *in, const char *rel)
{
    for (size_t i = 0; i < in->o.nexclude; i++)
        if (inputs_glob(in->o.exclude[i], rel))
            return true;
    return false;
}

static bool included(const inputs *in, const char *rel)
{
    if (excluded(in, rel))
        return false;
    if (in->o.ninclude == 0)
        return true;
    for (size_t i = 0; i < in->o.ninclude; i++)
        if (inputs_glob(in->o.include[i], rel))
            return true;
    return false;
}

/* Records folder (dev, ino); false when it was walked already. */
static bool first_visit(inputs *in, const struct stat *st)
{
    if (in->nseen * 2 >= in->capseen) {
        size_t cap = in->capseen ? in->capseen * 2 : 64;
        devino *t = calloc(cap, sizeof *t);
        if (t == NULL)
            return true; /* walk it again rather than lose it */
        for (size_t i = 0; i < in->capseen; i++) {
            if (!in->seen[i].used)
                continue;
            size_t k = ((size_t)in->seen[i].ino * 0x9E3779B97F4A7C15ull) &
                       (cap - 1);
            while (t[k].used)
                k = (k + 1) & (cap - 1);
            t[k] = in->seen[i];
        }
        free(in->seen);
        in->seen = t;
        in->capseen = cap;
    }
    size_t k = ((size_t)st->st_ino * 0x9E3779B97F4A7C15ull) &
               (in->capseen - 1);
    while (in->seen[k].used) {
        if (in->seen[k].dev == st->st_dev && in->seen[k].ino == st->st_ino)
            return false;
        k = (k + 1) & (in->capseen - 1);
    }
    in->seen[k].used = true;
    in->seen[k].dev = st->st_dev;
    in->seen[k].ino = st->st_ino;
    in->nseen++;
    return true;
}

static bool push_dir(inputs *in, char *path, size_t rootlen)
{
    if (path == NULL)
        return false;
    if (in->nstack == in->capstack) {
        size_t cap = in->capstack ? in->capstack * 2 : 16;
        frame *s = realloc(in->stack, cap * sizeof *s);
        if (s == NULL) {
            free(path);
            return false;
        }
        in->stack = s;
        in->capstack = cap;
    }
    in->stack[in->nstack].path = path;
    in->stack[in->nstack].rootlen = rootlen;
    in->nstack++;
    return true;
}

/* Starts walking operand 'path' (a folder). */
static void start_walk(inputs *in, const char *path)
{
    struct stat st;
    if (stat(path, &st) == 0)
        first_visit(in, &st);
    push_dir(in, strdup(path), strlen(path));
}

/* ---- the walk ----------------------------------------------------------- */

/* Reads the folder on top of the stack: its files become the current list,
 * its subfolders go on the stack. Returns false after setting an error
 * item when the folder cannot be read. */
static bool read_dir(inputs *in, in_item *item, bool *have_item)
{
    frame f = in->stack[--in->nstack];
    free(in->dir);
    in->dir = f.path;
    in->rootlen = f.rootlen;
    sv_clear(&in->files);
    in->next_file = 0;
    *have_item = false;
    DIR *d = opendir(f.path);
    if (d == NULL) {
        const char *rel = rel_of(f.path, f.rootlen);
        if (!in_shard(in, rel))
            return true;
        snprintf(in->err, sizeof in->err, "%s: cannot read the folder: %s",
                 f.path, strerror(errno));
        item->path = f.path;
        item->kind = IN_ERROR;
        item->error = in->err;
        *have_item = true;
        return true;
    }
    strv subdirs = { NULL, 0, 0 };
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        const char *name = de->d_name;
        if (name[0] == '.')
            continue; /* ".", "..", hidden */
        char *path = join(f.path, name);
        if (path == NULL)
            continue;
        const char *rel = rel_of(path, f.rootlen);
        struct stat st;
        bool ok = fstatat(dirfd(d), name, &st, AT_SYMLINK_NOFOLLOW) == 0;
        if (ok && S_ISLNK(st.st_mode)) {
            if (!in->o.follow_symlinks || stat(path, &st) != 0) {
                if (in_shard(in, rel) && !excluded(in, rel))
                    in->skipped++;
                free(path);
                continue;
            }
        }
        if (ok && S_ISDIR(st.st_mode)) {
            if (excluded(in, rel)) {
                free(path);
            } else if (!first_visit(in, &st)) {
                /* a loop, or a second way into a folder walked already */
                if (in_shard(in, rel))
                    in->skipped++;
                free(path);
            } else {
                sv_push(&subdirs, path);
            }
            continue;
        }
        if (ok && S_ISREG(st.st_mode)) {
            free(path);
            sv_push(&in->files, strdup(name));
            continue;
        }
        /* devices, sockets, FIFOs: never documents, maybe never ending */
        if (in_shard(in, rel) && included(in, rel))
            in->skipped++;
        free(path);
    }
    closedir(d);
    if (in->files.n > 1)
        qsort(in->files.v, in->files.n, sizeof *in->files.v, cmp_str);
    if (subdirs.n > 1)
        qsort(subdirs.v, subdirs.n, sizeof *subdirs.v, cmp_str);
    for (size_t i = subdirs.n; i > 0; i--)
        push_dir(in, subdirs.v[i - 1], f.rootlen);
    free(subdirs.v);
    return true;
}

/* The next file of the walk in progress; false when the walk is over. */
static bool next_walked(inputs *in, in_item *item)
{
    for (;;) {
        while (in->next_file < in->files.n) {
            char *path = join(in->dir, in->files.v[in->next_file++]);
            if (path == NULL)
                continue;
            const char *rel = rel_of(path, in->rootlen);
            if (!in_shard(in, rel) || !included(in, rel)) {
                free(path);
                continue;
            }
            free(in->cur);
            in->cur = path;
            item->path = path;
            item->kind = IN_WALKED;
            item->error = NULL;
            return true;
        }
        if (in->nstack == 0)
            return false;
        bool have = false;
        read_dir(in, item, &have);
        if (have)
            return true;
    }
}

/* ---- operands and --files-from -------------------------------------------- */

/* A named path: a folder starts a walk (false), anything else is an item
 * (true) when it belongs to the shard. */
static bool named(inputs *in, const char *path, in_item *item, bool *taken)
{
    struct stat st;
    *taken = false;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        start_walk(in, path);
        return false;
    }
    if (!in_shard(in, path))
        return false;
    free(in->cur);
    in->cur = strdup(path);
    if (in->cur == NULL)
        return false;
    item->path = in->cur;
    item->kind = IN_NAMED;
    item->error = NULL;
    *taken = true;
    return true;
}

static bool open_from(inputs *in, in_item *item)
{
    in->from_opened = true;
    if (strcmp(in->o.files_from, "-") == 0) {
        in->fd = 0;
        return false;
    }
    in->fd = open(in->o.files_from, O_RDONLY | O_CLOEXEC);
    if (in->fd < 0) {
        in->from_eof = true;
        snprintf(in->err, sizeof in->err, "%s: cannot read the list of "
                 "files: %s", in->o.files_from, strerror(errno));
        item->path = in->o.files_from;
        item->kind = IN_ERROR;
        item->error = in->err;
        return true;
    }
    in->own_fd = true;
    return false;
}

/* Takes one complete line out of the buffer into in->cur; false when
 * there is none (at the end, the rest counts as a line). */
static bool take_line(inputs *in)
{
    char sep = in->o.nul ? '\0' : '\n';
    for (;;) {
        /* no buffer yet before the first read of an empty list */
        char *end = in->len ? memchr(in->buf, sep, in->len) : NULL;
        size_t n;
        if (end)
            n = (size_t)(end - in->buf);
        else if (in->from_eof && in->len > 0)
            n = in->len;
        else
            return false;
        bool skip = in->overlong;
        in->overlong = false;
        char *line = skip ? NULL : malloc(n + 1);
        if (line) {
            memcpy(line, in->buf, n);
            line[n] = '\0';
            if (!in->o.nul && n > 0 && line[n - 1] == '\r')
                line[n - 1] = '\0';
        }
        size_t used = end ? n + 1 : n;
        memmove(in->buf, in->buf + used, in->len - used);
        in->len -= used;
        if (line && line[0]) {
            free(in->cur);
            in->cur = line;
            return true;
        }
        free(line);
    }
}

static void read_more(inputs *in)
{
    if (in->len == in->cap) {
        if (in->cap >= MAX_LINE) {
            in->overlong = true; /* drop what we have of this line */
            in->len = 0;
        } else {
            size_t cap = in->cap ? in->cap * 2 : 4096;
            char *b = realloc(in->buf, cap);
            if (b == NULL) {
                in->from_eof = true;
                return;
            }
            in->buf = b;
            in->cap = cap;
        }
    }
    ssize_t got;
    do
        got = read(in->fd, in->buf + in->len, in->cap - in->len);
    while (got < 0 && errno == EINTR);
    if (got <= 0)
        in->from_eof = true;
    else
        in->len += (size_t)got;
}

int inputs_next(inputs *in, in_item *item, bool may_read)
{
    for (;;) {
        if (next_walked(in, item))
            return IN_ITEM;
        if (in->next_op < in->nop) {
            const char *op = in->operands[in->next_op++];
            if (strcmp(op, "-") == 0) {
                if (!in_shard(in, op))
                    continue;
                item->path = op;
                item->kind = IN_STDIN;
                item->error = NULL;
                return IN_ITEM;
            }
            bool taken;
            if (named(in, op, item, &taken) && taken)
                return IN_ITEM;
            continue;
        }
        if (in->o.files_from == NULL)
            return IN_END;
        if (!in->from_opened && open_from(in, item))
            return IN_ITEM;
        if (take_line(in)) {
            char *line = in->cur;
            in->cur = NULL;
            bool taken;
            bool got = named(in, line, item, &taken);
            free(line);
            if (got && taken)
                return IN_ITEM;
            continue;
        }
        if (in->from_eof)
            return IN_END;
        if (!may_read)
            return IN_WAIT;
        read_more(in);
        may_read = false; /* one read per call: the caller polls again */
    }
}

int inputs_fd(const inputs *in)
{
    return in->from_opened && !in->from_eof ? in->fd : -1;
}

uint64_t inputs_skipped(const inputs *in)
{
    return in->skipped;
}

inputs *inputs_new(const in_opts *o, char **operands, int n)
{
    inputs *in = calloc(1, sizeof *in);
    if (in == NULL)
        return NULL;
    in->o = *o;
    in->operands = operands;
    in->nop = n;
    in->fd = -1;
    return in;
}

void inputs_free(inputs *in)
{
    if (in == NULL)
        return;
    for (size_t i = 0; i < in->nstack; i++)
        free(in->stack[i].path);
    free(in->stack);
    free(in->dir);
    sv_clear(&in->files);
    free(in->files.v);
    free(in->seen);
    if (in->own_fd)
        close(in->fd);
    free(in->buf);
    free(in->cur);
    free(in);
}
