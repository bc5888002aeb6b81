/* replay.c -- runs a fuzz target over files without libFuzzer.
 *
 *   replay_<target> [-t SECONDS] PATH...
 *
 * Each PATH is a file or a folder (its regular files, in name order, not
 * recursively; names starting with '.' and README files are skipped); a
 * PATH that does not exist is passed over (a target need not have
 * committed seeds or past crashes). Every
 * input is given to LLVMFuzzerTestOneInput() once. A crash is the crash of
 * this program (under ASan: its report); an input that runs longer than
 * SECONDS (default 10) is reported by name and the program fails. The
 * last line says how many inputs ran; no input at all is a failure, so a
 * seed folder that went missing cannot pass silently. */
#include "config.h"

#include <dirent.h>
#include <stdbool.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "fuzz.h"

static const char *volatile current = "";

static void on_alarm(int sig)
{
    (void)sig;
    static const char msg[] = "replay: time limit exceeded by input ";
    ssize_t w = write(2, msg, sizeof msg - 1);
    w = write(2, (const char *)current, strlen((const char *)current));
    w = write(2, "\n", 1);
    (void)w;
    _exit(1);
}

static int run_file(const char *path, unsigned seconds)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        fprintf(stderr, "replay: %s: cannot open\n", path);
        return -1;
    }
    size_t cap = 1 << 16, n = 0;
    unsigned char *buf = malloc(cap);
    for (;;) {
        if (buf == NULL) {
            fclose(f);
            fprintf(stderr, "replay: out of memory\n");
            return -1;
        }
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap)
            break;
        cap *= 2;
        buf = realloc(buf, cap);
    }
    fclose(f);
    /* A copy of exactly n bytes, so ASan sees a read past the input. */
    unsigned char *in = malloc(n ? n : 1);
    if (in == NULL) {
        free(buf);
        return -1;
    }
    memcpy(in, buf, n);
    free(buf);
    current = path;
    alarm(seconds);
    LLVMFuzzerTestOneInput(in, n);
    alarm(0);
    free(in);
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool skip_name(const char *name)
{
    return name[0] == '.' || strncmp(name, "README", 6) == 0;
}

/* Runs every regular file of folder 'dir'; the count, or -1. */
static long run_dir(const char *dir, unsigned seconds)
{
    DIR *d = opendir(dir);
    if (d == NULL) {
        fprintf(stderr, "replay: %s: cannot open the folder\n", dir);
        return -1;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (skip_name(e->d_name))
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            names = realloc(names, cap * sizeof *names);
            if (names == NULL)
                abort();
        }
        size_t len = strlen(dir) + strlen(e->d_name) + 2;
        names[n] = malloc(len);
        if (names[n] == NULL)
            abort();
        snprintf(names[n], len, "%s/%s", dir, e->d_name);
        n++;
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, cmp_str);
    long count = 0;
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        if (stat(names[i], &st) == 0 && S_ISREG(st.st_mode)) {
            if (run_file(names[i], seconds) != 0)
                count = -1;
            else if (count >= 0)
                count++;
        }
        free(names[i]);
    }
    free(names);
    return count;
}

int main(int argc, char **argv)
{
    unsigned seconds = 10;
    int i = 1;
    if (argc > 2 && strcmp(argv[1], "-t") == 0) {
        seconds = (unsigned)atoi(argv[2]);
        i = 3;
    }
    signal(SIGALRM, on_alarm);
    LLVMFuzzerInitialize(&argc, &argv);
    long total = 0;
    bool failed = false;
    for (; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) != 0)
            continue; /* a target without committed seeds or crashes */
        long k = S_ISDIR(st.st_mode) ? run_dir(argv[i], seconds)
                 : run_file(argv[i], seconds) == 0 ? 1
                                                    : -1;
        if (k < 0)
            failed = true;
        else
            total += k;
    }
    printf("replay: %ld inputs\n", total);
    if (total == 0) {
        fprintf(stderr, "replay: no input found\n");
        failed = true;
    }
    return failed ? 1 : 0;
}
