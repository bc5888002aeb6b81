/* md_symbols.c -- symbol-font glyph tables (rules/symbol-fonts/<font>.tsv).
 *
 * Principle 2: text typed in Wingdings, Symbol and the like stores glyph
 * codes (ASCII, or Word's U+F000 + code) that mean nothing to a reader.
 * The tables say which Unicode character each glyph shows; they are data,
 * with their sources cited in each file, loaded at run time:
 *
 *   # comment
 *   font<TAB>Wingdings           one or more names of the font
 *   0x21<TAB>U+1F589<TAB>...     glyph code -> code point (rest ignored)
 *
 * (The rest is the name and, for some glyphs, the everyday character the
 * readers show in bullet markers: src/read/symfont_table.cmake.)
 *
 * Files are read in name order; a later line for the same font and code
 * wins. */
#include "config.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "airead.h"
#include "emit/md.h"
#include "util/buf.h"
#include "util/error.h"

#ifndef AIR_RULES_DATADIR
#define AIR_RULES_DATADIR "/usr/local/share/airead/rules"
#endif

/* A table file is a few kilobytes; anything far bigger is not one. */
enum { MAX_FILE = 1 << 20, MAX_FONTS = 64, MAX_NAMES = 8, MAX_NAME = 64 };

typedef struct symfont {
    char names[MAX_NAMES][MAX_NAME];
    int nnames;
    uint32_t cp[256]; /* 0: no mapping */
} symfont;

struct air_symmaps {
    symfont fonts[MAX_FONTS];
    int nfonts;
};

void air_symmaps_free(air_symmaps *maps)
{
    free(maps);
}

static symfont *find_font(air_symmaps *m, const char *name, size_t n)
{
    while (n > 0 && isspace((unsigned char)*name)) {
        name++;
        n--;
    }
    while (n > 0 && isspace((unsigned char)name[n - 1]))
        n--;
    for (int i = 0; i < m->nfonts; i++)
        for (int j = 0; j < m->fonts[i].nnames; j++)
            if (strlen(m->fonts[i].names[j]) == n &&
                strncasecmp(m->fonts[i].names[j], name, n) == 0)
                return &m->fonts[i];
    return NULL;
}

uint32_t air_symmaps_lookup(const air_symmaps *maps, const char *font,
                            uint32_t code)
{
    if (maps == NULL || font == NULL)
        return 0;
    if (code >= 0xF020 && code <= 0xF0FF)
        code -= 0xF000;
    if (code < 0x20 || code > 0xFF)
        return 0;
    const symfont *f = find_font((air_symmaps *)maps, font, strlen(font));
    return f ? f->cp[code] : 0;
}

/* Parses one file into 'm'; the current font is the last "font" line. */
static air_status parse(air_symmaps *m, const char *path, char *text)
{
    symfont *cur = NULL;
    bool names_open = false; /* consecutive "font" lines name one font */
    unsigned lineno = 0;
    for (char *line = text; line && *line;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        lineno++;
        size_t len = strlen(line);
        if (len && line[len - 1] == '\r')
            line[--len] = '\0';
        if (len == 0 || line[0] == '#') {
            line = nl ? nl + 1 : NULL;
            continue;
        }
        char *tab = strchr(line, '\t');
        if (tab == NULL)
            return air_error(AIR_ECONFIG,
                             "%s:%u: expected two tab-separated "
                             "fields",
                             path, lineno);
        *tab = '\0';
        char *val = tab + 1;
        char *end = strchr(val, '\t');
        if (end)
            *end = '\0';
        if (strcmp(line, "font") == 0) {
            size_t vn = strlen(val);
            if (vn == 0 || vn >= MAX_NAME)
                return air_error(AIR_ECONFIG, "%s:%u: bad font name", path,
                                 lineno);
            if (!names_open) {
                cur = find_font(m, val, vn);
                if (cur == NULL) {
                    if (m->nfonts == MAX_FONTS)
                        return air_error(AIR_ECONFIG,
                                         "%s:%u: more than %d "
                                         "fonts",
                                         path, lineno, MAX_FONTS);
                    cur = &m->fonts[m->nfonts++];
                }
            }
            if (find_font(m, val, vn) == NULL) {
                if (cur->nnames == MAX_NAMES)
                    return air_error(AIR_ECONFIG,
                                     "%s:%u: more than %d names "
                                     "for one font",
                                     path, lineno, MAX_NAMES);
                memcpy(cur->names[cur->nnames++], val, vn + 1);
            }
            names_open = true;
        } else {
            names_open = false;
            char *e1 = NULL, *e2 = NULL;
            unsigned long code = 0, cp = 0;
            if (strncmp(line, "0x", 2) == 0)
                code = strtoul(line + 2, &e1, 16);
            if (strncmp(val, "U+", 2) == 0)
                cp = strtoul(val + 2, &e2, 16);
            if (e1 == NULL || *e1 || e1 == line + 2 || code < 0x20 ||
                code > 0xFF || e2 == NULL || *e2 || e2 == val + 2 || cp == 0 ||
                cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
                return air_error(AIR_ECONFIG,
                                 "%s:%u: expected '0xHH<TAB>"
                                 "U+XXXX'",
                                 path, lineno);
            if (cur == NULL)
                return air_error(AIR_ECONFIG,
                                 "%s:%u: a mapping before any "
                                 "'font' line",
                                 path, lineno);
            cur->cp[code] = (uint32_t)cp;
        }
        line = nl ? nl + 1 : NULL;
    }
    return AIR_OK;
}

static air_status load_file(air_symmaps *m, const char *path)
{
    air_buf b = AIR_BUF_INIT;
    b.max = MAX_FILE;
    air_status rc = AIR_OK;
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return air_error(AIR_ECONFIG, "%s: %s", path, strerror(errno));
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        rc = air_buf_add(&b, chunk, n);
        if (rc != AIR_OK) {
            rc = air_error(AIR_ECONFIG, "%s: larger than %d bytes", path,
                           MAX_FILE);
            goto done;
        }
    }
    if (ferror(f)) {
        rc = air_error(AIR_ECONFIG, "%s: cannot be read", path);
        goto done;
    }
    if (b.ptr)
        rc = parse(m, path, b.ptr);
done:
    fclose(f);
    air_buf_free(&b);
    return rc;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The default folder (see airead.h), in a static buffer. */
static const char *default_dir(char *buf, size_t n)
{
    const char *env = getenv("AIREAD_DATADIR");
    if (env && *env) {
        snprintf(buf, n, "%s/symbol-fonts", env);
        return buf;
    }
    snprintf(buf, n, "%s/symbol-fonts", AIR_RULES_DATADIR);
    return buf;
}

air_status air_symmaps_load(air_symmaps **out, const char *dir)
{
    *out = NULL;
    char def[4096];
    if (dir == NULL)
        dir = default_dir(def, sizeof def);
    air_symmaps *m = calloc(1, sizeof *m);
    if (m == NULL)
        return air_error(AIR_ENOMEM, "out of memory");
    air_status rc = AIR_OK;
    char **names = NULL;
    size_t nnames = 0, cap = 0;
    DIR *d = opendir(dir);
    if (d == NULL) {
        rc = air_error(AIR_ECONFIG, "%s: %s", dir, strerror(errno));
        goto done;
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t len = strlen(e->d_name);
        if (len < 5 || e->d_name[0] == '.' ||
            strcmp(e->d_name + len - 4, ".tsv") != 0)
            continue;
        if (nnames == cap) {
            size_t nc = cap ? cap * 2 : 16;
            char **nn = realloc(names, nc * sizeof *nn);
            if (nn == NULL) {
                rc = air_error(AIR_ENOMEM, "out of memory");
                break;
            }
            names = nn;
            cap = nc;
        }
        names[nnames] = strdup(e->d_name);
        if (names[nnames] == NULL) {
            rc = air_error(AIR_ENOMEM, "out of memory");
            break;
        }
        nnames++;
    }
    closedir(d);
    if (rc != AIR_OK)
        goto done;
    qsort(names, nnames, sizeof *names, by_name);
    for (size_t i = 0; i < nnames && rc == AIR_OK; i++) {
        air_buf p = AIR_BUF_INIT;
        rc = air_buf_printf(&p, "%s/%s", dir, names[i]);
        if (rc == AIR_OK)
            rc = load_file(m, p.ptr);
        air_buf_free(&p);
    }
done:
    for (size_t i = 0; i < nnames; i++)
        free(names[i]);
    free(names);
    if (rc != AIR_OK) {
        free(m);
        return rc;
    }
    *out = m;
    return AIR_OK;
}

/* ---- the process-wide default ------------------------------------------ */

static pthread_once_t default_once = PTHREAD_ONCE_INIT;
static air_symmaps *default_maps;

static void load_default(void)
{
    /* A missing data folder is not fatal here: glyphs are then dropped
     * and counted like any glyph without a mapping. The CLI loads the
     * tables itself and reports a broken folder. */
    if (air_symmaps_load(&default_maps, NULL) != AIR_OK)
        default_maps = NULL;
}

const air_symmaps *air_md_default_symmaps(void)
{
    pthread_once(&default_once, load_default);
    return default_maps;
}
