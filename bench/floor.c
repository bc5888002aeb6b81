/* floor.c -- the benchmark's floor: the least work any reader of these
 * documents must do. For each file it opens the ZIP package with libzip,
 * inflates exactly the parts airead read (the "parts" of `airead dump`)
 * and walks every XML part with libxml2's xmlTextReader, with the options
 * airead uses, doing nothing with the nodes. Other parts (mimetype) are
 * only inflated. Links libzip and libxml2, nothing else.
 *
 *   floor LIST      LIST: one line per file, "PATH<TAB>PART<TAB>PART..."
 *                   ('-': standard input)
 *
 * Prints the number of files, parts, inflated bytes and XML nodes; exit
 * status 1 when a listed file or part could not be read. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/xmlreader.h>
#include <zip.h>

/* The same options as src/read/xml.h. */
#define FLOOR_XML_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOCDATA)

static unsigned long long n_bytes, n_nodes, n_parts, n_files;
static int failed;

typedef struct part {
    zip_file_t *zf;
} part;

static int read_cb(void *ctx, char *buf, int len)
{
    part *p = ctx;
    zip_int64_t r = zip_fread(p->zf, buf, (zip_uint64_t)len);
    if (r < 0)
        return -1;
    n_bytes += (unsigned long long)r;
    return (int)r;
}

static int close_cb(void *ctx)
{
    (void)ctx;
    return 0;
}

static void quiet(void *ctx, xmlErrorPtr e)
{
    (void)ctx;
    (void)e;
}

static int is_xml(const char *name)
{
    size_t n = strlen(name);
    static const char *const ext[] = { ".xml", ".rels", ".hpf" };
    for (size_t i = 0; i < sizeof ext / sizeof *ext; i++) {
        size_t k = strlen(ext[i]);
        if (n >= k && strcasecmp(name + n - k, ext[i]) == 0)
            return 1;
    }
    return 0;
}

/* airead names parts with '/' whatever the archive wrote and looks them
 * up exactly, then ignoring ASCII case. */
static zip_int64_t locate(zip_t *za, const char *name)
{
    zip_int64_t i = zip_name_locate(za, name, 0);
    if (i < 0)
        i = zip_name_locate(za, name, ZIP_FL_NOCASE);
    if (i >= 0)
        return i;
    zip_int64_t n = zip_get_num_entries(za, 0);
    for (zip_int64_t k = 0; k < n; k++) {
        const char *e = zip_get_name(za, (zip_uint64_t)k, 0);
        if (e == NULL || strlen(e) != strlen(name))
            continue;
        size_t j = 0;
        while (e[j] && (e[j] == name[j] || (e[j] == '\\' && name[j] == '/')))
            j++;
        if (e[j] == '\0')
            return k;
    }
    return -1;
}

static void walk_part(zip_t *za, const char *path, const char *name)
{
    zip_int64_t i = locate(za, name);
    part p = { NULL };
    if (i >= 0)
        p.zf = zip_fopen_index(za, (zip_uint64_t)i, 0);
    if (p.zf == NULL) {
        fprintf(stderr, "floor: %s: cannot open part %s\n", path, name);
        failed = 1;
        return;
    }
    n_parts++;
    if (is_xml(name)) {
        xmlTextReaderPtr r = xmlReaderForIO(read_cb, close_cb, &p, NULL,
                                            NULL, FLOOR_XML_OPTIONS);
        if (r != NULL) {
            xmlTextReaderSetStructuredErrorHandler(r, quiet, NULL);
            while (xmlTextReaderRead(r) == 1)
                n_nodes++;
            xmlFreeTextReader(r);
        }
    } else {
        char buf[4096];
        while (read_cb(&p, buf, sizeof buf) > 0)
            ;
    }
    zip_fclose(p.zf);
}

static void walk_file(char *line)
{
    char *save = NULL;
    const char *path = strtok_r(line, "\t", &save);
    if (path == NULL || *path == '\0')
        return;
    int code = 0;
    zip_t *za = zip_open(path, ZIP_RDONLY, &code);
    if (za == NULL) {
        fprintf(stderr, "floor: %s: not a ZIP package\n", path);
        failed = 1;
        return;
    }
    n_files++;
    const char *name;
    while ((name = strtok_r(NULL, "\t", &save)) != NULL)
        walk_part(za, path, name);
    zip_discard(za);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: floor LIST\n");
        return 2;
    }
    FILE *in = strcmp(argv[1], "-") == 0 ? stdin : fopen(argv[1], "r");
    if (in == NULL) {
        perror(argv[1]);
        return 2;
    }
    xmlInitParser();
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    while ((len = getline(&line, &cap, in)) > 0) {
        if (line[len - 1] == '\n')
            line[len - 1] = '\0';
        walk_file(line);
    }
    free(line);
    if (in != stdin)
        fclose(in);
    xmlCleanupParser();
    printf("%llu files, %llu parts, %llu bytes, %llu XML nodes\n", n_files,
           n_parts, n_bytes, n_nodes);
    return failed;
}
