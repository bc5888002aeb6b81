/* hwpx.c -- HWPX (OWPML, KS X 6101) reader: finds the package file, the
 * header and the sections, reads them in order, then numbers the
 * paragraphs as Hangul displays them. See hwpx.h for the parts.
 *
 * Consumes: META-INF/container.xml ocf:rootfile@full-path,media-type;
 * version.xml hv:HCFVersion@application,appVersion (the generator).
 *
 * Finding parts, as the corpus README's extractor does: the package file
 * named by container.xml, else Contents/content.hpf, else any *.hpf; the
 * sections in spine order (manifest items named section*.xml), else in
 * manifest order, else Contents/sectionN.xml by N. A manifest href is
 * taken from the package root, else from the package file's folder. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "read/hwpx.h"
#include "read/read.h"
#include "util/error.h"

/* Sections of one document: Hangul writes one per 구역; thousands are an
 * attack. */
enum { MAX_SECTIONS = 10000 };

static bool ends_with_ci(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcasecmp(s + n - k, suffix) == 0;
}

static const char *base_name(const char *s)
{
    const char *b = strrchr(s, '/');
    return b ? b + 1 : s;
}

/* "section<digits>.xml", any case; *num gets the digits' value. */
static bool is_section_name(const char *path, long *num)
{
    const char *b = base_name(path);
    if (strncasecmp(b, "section", 7) != 0 || !ends_with_ci(b, ".xml"))
        return false;
    const char *d = b + 7;
    long v = 0;
    int digits = 0;
    while (*d >= '0' && *d <= '9' && digits < 9) {
        v = v * 10 + (*d++ - '0');
        digits++;
    }
    if (num)
        *num = digits ? v : -1;
    return strcasecmp(d, ".xml") == 0;
}

/* The package part an href names: from the root, else from the folder of
 * the package file. Returns the archive's spelling, or NULL. */
static const char *resolve_href(hwpx *h, const char *href)
{
    if (href == NULL || *href == '\0')
        return NULL;
    while (*href == '/')
        href++;
    const char *p = air_pkg_find(h->pkg, href);
    if (p != NULL || h->hpf == NULL)
        return p;
    const char *slash = strrchr(h->hpf, '/');
    if (slash == NULL)
        return NULL;
    size_t dn = (size_t)(slash - h->hpf) + 1;
    size_t hn = strlen(href);
    char *full = air_arena_alloc(&h->tmp, dn + hn + 1);
    if (full == NULL)
        return NULL;
    memcpy(full, h->hpf, dn);
    memcpy(full + dn, href, hn + 1);
    return air_pkg_find(h->pkg, full);
}

/* ---- META-INF/container.xml and version.xml ------------------------------- */

/* Reads the first element named 'elem' (HN_NONE: the root) of part 'part' and copies the
 * attributes 'want' into out[] (tmp arena). A missing or broken part
 * leaves out[] NULL: both parts are hints. */
static air_status small_part(hwpx *h, const char *part, hwpx_name elem,
                             const hwpx_name *want, int n, const char **out,
                             bool (*accept)(const char **))
{
    for (int i = 0; i < n; i++)
        out[i] = NULL;
    if (!air_pkg_has(h->pkg, part))
        return AIR_OK;
    air_xml x;
    hwpx_dict *names = air_arena_alloc(&h->tmp, sizeof *names);
    hwpx_attrs *at = air_arena_alloc(&h->tmp, sizeof *at);
    if (names == NULL || at == NULL)
        return air_error(AIR_ENOMEM, "out of memory");
    air_status rc = air_xml_open(&x, h->pkg, part);
    if (rc == AIR_ENOMEM || rc == AIR_ELIMIT)
        return rc;
    if (rc != AIR_OK)
        return AIR_OK;
    hwpx_dict_init(names, &x);
    int r;
    while ((r = air_xml_next(&x)) == 1) {
        if (!air_xml_is_start(&x) ||
            (elem != HN_NONE && hwpx_elem(names, &x) != elem))
            continue;
        hwpx_get_attrs(at, names, &x, want, n);
        if (accept && !accept(at->v))
            continue;
        for (int i = 0; i < n; i++) {
            out[i] = at->v[i] ? air_arena_strdup(&h->tmp, at->v[i]) : NULL;
            if (at->v[i] && out[i] == NULL) {
                air_xml_close(&x);
                return air_error(AIR_ENOMEM, "out of memory");
            }
        }
        break;
    }
    air_xml_close(&x);
    if (r == AIR_ENOMEM || r == AIR_ELIMIT)
        return r;
    air_error_clear(); /* a broken hint is not an error */
    return AIR_OK;
}

static bool is_package_rootfile(const char **v)
{
    return v[0] != NULL &&
           ((v[1] && strcmp(v[1], "application/hwpml-package+xml") == 0) ||
            ends_with_ci(v[0], ".hpf"));
}

static air_status find_hpf(hwpx *h)
{
    static const hwpx_name WANT[] = { HN_full_path, HN_media_type };
    const char *v[2];
    air_status rc = small_part(h, "META-INF/container.xml", HN_rootfile,
                               WANT, 2, v, is_package_rootfile);
    if (rc != AIR_OK)
        return rc;
    if (v[0] && (h->hpf = air_pkg_find(h->pkg, v[0])) != NULL)
        return AIR_OK;
    if ((h->hpf = air_pkg_find(h->pkg, "Contents/content.hpf")) != NULL)
        return AIR_OK;
    for (size_t i = 0; i < air_pkg_count(h->pkg); i++)
        if (ends_with_ci(air_pkg_entry(h->pkg, i), ".hpf")) {
            h->hpf = air_pkg_entry(h->pkg, i);
            air_doc_diag(h->doc, "package file found by name: %s", h->hpf);
            return AIR_OK;
        }
    air_doc_diag(h->doc, "no package file (content.hpf): no metadata");
    return AIR_OK;
}

static air_status read_generator(hwpx *h)
{
    static const hwpx_name WANT[] = { HN_application, HN_appVersion };
    const char *v[2];
    air_status rc = small_part(h, "version.xml", HN_NONE, WANT, 2, v, NULL);
    if (rc != AIR_OK || v[0] == NULL || h->doc->generator != NULL)
        return rc;
    size_t a = strlen(v[0]), b = v[1] ? strlen(v[1]) : 0;
    char *g = air_arena_alloc(&h->doc->arena, a + b + 2);
    if (g == NULL)
        return air_error(AIR_ENOMEM, "out of memory");
    memcpy(g, v[0], a);
    if (b) {
        g[a] = ' ';
        memcpy(g + a + 1, v[1], b + 1);
    } else {
        g[a] = '\0';
    }
    h->doc->generator = g;
    return AIR_OK;
}

/* ---- sections --------------------------------------------------------------- */

typedef struct sec_ref {
    const char *part;
    long num;
} sec_ref;

static int by_num(const void *a, const void *b)
{
    const sec_ref *x = a, *y = b;
    if (x->num != y->num)
        return x->num < y->num ? -1 : 1;
    return strcmp(x->part, y->part);
}

static air_status add_section(sec_ref **v, size_t *n, size_t *cap,
                              const char *part, long num, air_arena *tmp)
{
    for (size_t i = 0; i < *n; i++)
        if (strcmp((*v)[i].part, part) == 0)
            return AIR_OK; /* listed twice: read once */
    if (*n >= MAX_SECTIONS)
        return air_error(AIR_ELIMIT, "more than %d sections (limit)",
                         MAX_SECTIONS);
    if (*n == *cap) {
        size_t c = *cap ? *cap * 2 : 8;
        sec_ref *p = air_arena_alloc(tmp, c * sizeof *p);
        if (p == NULL)
            return air_error(AIR_ENOMEM, "out of memory");
        if (*n)
            memcpy(p, *v, *n * sizeof *p);
        *v = p;
        *cap = c;
    }
    (*v)[*n].part = part;
    (*v)[*n].num = num;
    (*n)++;
    return AIR_OK;
}

static const hwpx_item *item_by_id(const hwpx *h, const char *id)
{
    for (size_t i = 0; i < h->nitems; i++)
        if (strcmp(h->items[i].id, id) == 0)
            return &h->items[i];
    return NULL;
}

static air_status list_sections(hwpx *h, sec_ref **out, size_t *n)
{
    size_t cap = 0;
    long num;
    air_status rc = AIR_OK;
    *out = NULL;
    *n = 0;
    for (size_t i = 0; i < h->nspine && rc == AIR_OK; i++) {
        const hwpx_item *it = item_by_id(h, h->spine[i]);
        if (it && is_section_name(it->href, &num) && it->href[0])
            rc = add_section(out, n, &cap, it->href, num, &h->tmp);
    }
    for (size_t i = 0; *n == 0 && i < h->nitems && rc == AIR_OK; i++)
        if (is_section_name(h->items[i].href, &num) && h->items[i].href[0])
            rc = add_section(out, n, &cap, h->items[i].href, num, &h->tmp);
    if (rc != AIR_OK || *n > 0)
        return rc;
    for (size_t i = 0; i < air_pkg_count(h->pkg) && rc == AIR_OK; i++) {
        const char *e = air_pkg_entry(h->pkg, i);
        if (strncasecmp(e, "Contents/", 9) == 0 && !strchr(e + 9, '/') &&
            is_section_name(e, &num))
            rc = add_section(out, n, &cap, e, num, &h->tmp);
    }
    if (rc == AIR_OK && *n > 0) {
        qsort(*out, *n, sizeof **out, by_num);
        air_doc_diag(h->doc, "sections found by name (%zu)", *n);
    }
    return rc;
}

static const char *find_header(hwpx *h)
{
    for (size_t i = 0; i < h->nitems; i++)
        if (strcmp(h->items[i].id, "header") == 0 &&
            h->items[i].href[0])
            return h->items[i].href;
    for (size_t i = 0; i < h->nitems; i++)
        if (strcasecmp(base_name(h->items[i].href), "header.xml") == 0)
            return h->items[i].href;
    return air_pkg_find(h->pkg, "Contents/header.xml");
}

/* Manifest hrefs become package part names (NULL-free: "" when the part
 * does not exist). */
static void resolve_items(hwpx *h)
{
    for (size_t i = 0; i < h->nitems; i++) {
        const char *p = resolve_href(h, h->items[i].href);
        h->items[i].href = p ? p : "";
    }
    for (size_t i = 0; i < h->nbin; i++) {
        const char *p = resolve_href(h, h->binpart[i]);
        if (p == NULL) {
            /* old packages name the file under BinData/ */
            size_t n = strlen(h->binpart[i]);
            char *full = air_arena_alloc(&h->tmp, n + 9);
            if (full) {
                memcpy(full, "BinData/", 8);
                memcpy(full + 8, h->binpart[i], n + 1);
                p = air_pkg_find(h->pkg, full);
            }
        }
        h->binpart[i] = p ? p : h->binpart[i];
    }
}

static air_status read_all(hwpx *h)
{
    air_status rc = find_hpf(h);
    if (rc == AIR_OK && h->hpf)
        rc = hwpx_read_hpf(h, h->hpf);
    if (rc != AIR_OK)
        return rc;
    resolve_items(h);
    rc = read_generator(h);
    if (rc != AIR_OK)
        return rc;

    const char *header = find_header(h);
    if (header == NULL)
        air_doc_diag(h->doc, "no header.xml: numbering and styles "
                     "unresolved");
    else if ((rc = hwpx_read_header(h, header)) != AIR_OK)
        return rc;
    resolve_items(h); /* binItems of the header */

    sec_ref *secs;
    size_t nsecs;
    rc = list_sections(h, &secs, &nsecs);
    if (rc != AIR_OK)
        return rc;
    if (nsecs == 0)
        return air_error(AIR_EFORMAT, "%s: HWPX package without sections",
                         air_doc_name(h->doc));
    for (size_t i = 0; i < nsecs && rc == AIR_OK; i++)
        rc = hwpx_read_section(h, secs[i].part, (uint32_t)i);
    hwpx_sections_done(h);
    if (rc != AIR_OK)
        return rc;
    return air_hwp_number_doc(&h->info, h->doc);
}

air_status air_read_hwpx(air_doc *doc, air_pkg *pkg)
{
    hwpx h;
    memset(&h, 0, sizeof h);
    h.doc = doc;
    h.pkg = pkg;
    h.max_table_depth = air_pkg_limits(pkg)->max_table_depth;
    air_hwp_info_init(&h.info, doc);
    air_status rc = read_all(&h);
    hwpx_sections_done(&h);
    air_hwp_info_free(&h.info);
    air_arena_free(&h.tmp);
    return rc;
}
