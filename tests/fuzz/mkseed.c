/* mkseed.c -- makes a seed for a multi-part XML fuzz target from a
 * package: the named parts, in order, joined by FUZZ_PART_SEP.
 *
 *   mkseed OUT PACKAGE PART...
 *
 * A part the package lacks is written empty (the target then uses its
 * default). Built and run at build time; the seeds are not committed. */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zip.h>

#include "fuzz.h" /* FUZZ_PART_SEP */

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: mkseed OUT PACKAGE PART...\n");
        return 2;
    }
    int err = 0;
    zip_t *za = zip_open(argv[2], ZIP_RDONLY, &err);
    if (za == NULL) {
        fprintf(stderr, "mkseed: %s: cannot open (libzip error %d)\n",
                argv[2], err);
        return 1;
    }
    FILE *out = fopen(argv[1], "wb");
    if (out == NULL) {
        perror(argv[1]);
        return 1;
    }
    for (int i = 3; i < argc; i++) {
        if (i > 3)
            fputs(FUZZ_PART_SEP, out);
        zip_file_t *zf = zip_fopen(za, argv[i], ZIP_FL_NOCASE);
        if (zf == NULL)
            continue;
        char buf[65536];
        zip_int64_t n;
        while ((n = zip_fread(zf, buf, sizeof buf)) > 0)
            fwrite(buf, 1, (size_t)n, out);
        zip_fclose(zf);
    }
    zip_discard(za);
    return fclose(out) == 0 ? 0 : 1;
}
