/* inputs.h -- the files a batch command works on, one at a time.
 *
 * Sources, in this order: the operands (files, folders, '-' for a document
 * on standard input), then the lines of --files-from (a file, or '-' for
 * standard input; newline- or NUL-separated). A folder is walked without
 * recursion on the tree's depth, in a fixed order: the files of a folder
 * in byte order of their names, then its subfolders, each in the same way.
 * Names starting with '.' are left out. Symbolic links met in a walk are
 * not followed unless follow_symlinks (then every folder is walked once:
 * loops and second paths to a folder are cut by device and inode). A
 * folder that cannot be read is an IN_ERROR item, the walk goes on.
 *
 * Filters, for files found in walks: include and exclude are fnmatch(3)
 * patterns matched against the path relative to the folder given (a
 * pattern without '/' against the base name); '*' matches '/' too. A file
 * is taken when it matches an include (or there are none) and no exclude;
 * an excluded folder is not walked. Sharding (--shard K/N) keeps the files
 * whose FNV-1a hash of that relative path (of the path as given for a
 * named file) is K-1 modulo N, so that N runs with K = 1..N split a tree
 * with no overlap, whatever the machine or the mount point.
 *
 * Memory: a walk holds the names of one folder and the stack of folders
 * still to walk, never the whole tree. */
#ifndef AIR_CLI_INPUTS_H
#define AIR_CLI_INPUTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct in_opts {
    const char **include;
    size_t ninclude;
    const char **exclude;
    size_t nexclude;
    bool follow_symlinks;
    unsigned shard_k, shard_n; /* 1 <= k <= n; n == 0: every file */
    const char *files_from;    /* NULL, a file or "-" */
    bool nul;                  /* --files-from is NUL-separated */
} in_opts;

typedef enum in_kind {
    IN_NAMED = 0, /* an operand or a line of --files-from */
    IN_WALKED,    /* found in a folder walk: skipped if not a document */
    IN_STDIN,     /* the operand '-': a document on standard input */
    IN_ERROR      /* a folder or --files-from that cannot be read */
} in_kind;

typedef struct in_item {
    const char *path;  /* borrowed until the next call */
    in_kind kind;
    const char *error; /* IN_ERROR: why, one line */
} in_item;

typedef struct inputs inputs;

/* A new source over operands[0..n) (borrowed: they must outlive it).
 * NULL when out of memory. */
inputs *inputs_new(const in_opts *o, char **operands, int n);

enum { IN_END = 0, IN_ITEM = 1, IN_WAIT = 2 };

/* The next item: IN_ITEM with *item set, IN_END, or IN_WAIT when the
 * next line of --files-from has not arrived yet: poll inputs_fd() and
 * call again with may_read set once it is readable (a read is never
 * attempted without may_read, so a slow producer never blocks the
 * caller). */
int inputs_next(inputs *in, in_item *item, bool may_read);

/* The descriptor to poll after IN_WAIT, or -1. */
int inputs_fd(const inputs *in);

/* Entries of walks left out as not regular files or folders (symbolic
 * links not followed, devices, sockets, FIFOs), and symbolic-link loops
 * cut. Counted only for the files of this shard. */
uint64_t inputs_skipped(const inputs *in);

void inputs_free(inputs *in);

/* The shard a relative path belongs to, 0 .. n-1 (exposed for tests). */
unsigned inputs_shard_of(const char *rel, unsigned n);

/* Whether 'rel' (a path below a walked folder) matches 'pattern' as
 * include and exclude patterns do (exposed for tests). */
bool inputs_glob(const char *pattern, const char *rel);

#endif
