/* fuzz_util.c -- see fuzz.h. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "fuzz.h"

air_open_opts fuzz_open_opts(void)
{
    air_open_opts o = AIR_OPEN_OPTS_INIT;
    o.limits.max_part_bytes = 16u << 20;
    o.limits.max_total_bytes = 64u << 20;
    o.display_name = "fuzz";
    return o;
}

FILE *fuzz_null(void)
{
    static FILE *f;
    if (f == NULL)
        f = fopen("/dev/null", "w");
    if (f == NULL)
        abort();
    return f;
}

const air_config *fuzz_config(void)
{
    static air_config *cfg;
    if (cfg == NULL && air_config_load(&cfg, NULL) != AIR_OK) {
        fprintf(stderr, "fuzz: configuration: %s\n", air_last_error());
        abort();
    }
    return cfg;
}

const air_symmaps *fuzz_symbols(void)
{
    static air_symmaps *maps;
    if (maps == NULL && air_symmaps_load(&maps, NULL) != AIR_OK) {
        fprintf(stderr, "fuzz: symbol tables: %s\n", air_last_error());
        abort();
    }
    return maps;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    fuzz_config();
    fuzz_symbols();
    return 0;
}

/* ---- ZIP ---------------------------------------------------------------- */

static void put16(air_buf *b, unsigned v)
{
    unsigned char c[2] = { (unsigned char)v, (unsigned char)(v >> 8) };
    air_buf_add(b, c, 2);
}

static void put32(air_buf *b, unsigned long v)
{
    put16(b, (unsigned)(v & 0xFFFF));
    put16(b, (unsigned)(v >> 16));
}

void fuzz_zip(air_buf *out, const fuzz_part *parts, size_t n)
{
    unsigned long *offs = calloc(n ? n : 1, sizeof *offs);
    unsigned long *crcs = calloc(n ? n : 1, sizeof *crcs);
    if (offs == NULL || crcs == NULL)
        abort();
    for (size_t i = 0; i < n; i++) {
        const fuzz_part *p = &parts[i];
        size_t nl = strlen(p->name);
        crcs[i] = crc32(0, p->data, (uInt)p->len);
        offs[i] = (unsigned long)out->len;
        put32(out, 0x04034b50);
        put16(out, 20);
        put16(out, 0);     /* flags */
        put16(out, 0);     /* stored */
        put16(out, 0);     /* time */
        put16(out, 0x21);  /* date: 1980-01-01 */
        put32(out, crcs[i]);
        put32(out, (unsigned long)p->len);
        put32(out, (unsigned long)p->len);
        put16(out, (unsigned)nl);
        put16(out, 0);
        air_buf_add(out, p->name, nl);
        air_buf_add(out, p->data, p->len);
    }
    unsigned long cd = (unsigned long)out->len;
    for (size_t i = 0; i < n; i++) {
        const fuzz_part *p = &parts[i];
        size_t nl = strlen(p->name);
        put32(out, 0x02014b50);
        put16(out, 20);
        put16(out, 20);
        put16(out, 0);
        put16(out, 0);
        put16(out, 0);
        put16(out, 0x21);
        put32(out, crcs[i]);
        put32(out, (unsigned long)p->len);
        put32(out, (unsigned long)p->len);
        put16(out, (unsigned)nl);
        put16(out, 0); /* extra */
        put16(out, 0); /* comment */
        put16(out, 0); /* disk */
        put16(out, 0); /* internal attributes */
        put32(out, 0); /* external attributes */
        put32(out, offs[i]);
        air_buf_add(out, p->name, nl);
    }
    unsigned long cdlen = (unsigned long)out->len - cd;
    put32(out, 0x06054b50);
    put16(out, 0);
    put16(out, 0);
    put16(out, (unsigned)n);
    put16(out, (unsigned)n);
    put32(out, cdlen);
    put32(out, cd);
    put16(out, 0);
    free(offs);
    free(crcs);
}

size_t fuzz_split(const uint8_t *data, size_t size, fuzz_part *parts,
                  size_t n)
{
    const size_t seplen = sizeof FUZZ_PART_SEP - 1;
    size_t found = 0, start = 0;
    while (found < n) {
        size_t end = size;
        if (found + 1 < n)
            for (size_t i = start; i + seplen <= size; i++)
                if (memcmp(data + i, FUZZ_PART_SEP, seplen) == 0) {
                    end = i;
                    break;
                }
        parts[found].data = data + start;
        parts[found].len = end - start;
        found++;
        if (end == size)
            break;
        start = end + seplen;
    }
    return found;
}

/* ---- the whole path of one document ------------------------------------ */

void fuzz_document(const uint8_t *data, size_t size)
{
    air_open_opts oo = fuzz_open_opts();
    air_doc *doc = NULL;
    air_status rc = air_doc_open_mem(&doc, data, size, &oo);
    /* AIR_FUZZ_DEBUG=1: say how each input ended (are seeds documents?) */
    static int debug = -1;
    if (debug < 0)
        debug = getenv("AIR_FUZZ_DEBUG") != NULL;
    if (debug)
        fprintf(stderr, "fuzz: %s\n", rc == AIR_OK ? "read" : air_last_error());
    if (rc != AIR_OK)
        return;
    FILE *null = fuzz_null();
    air_report *rep = NULL;
    air_status st = air_check(&rep, doc, fuzz_config());
    air_result res = { "fuzz", air_doc_format(doc), st,
                       st == AIR_OK ? NULL : air_last_error(), rep };
    static const air_output outs[] = { AIR_OUT_TEXT, AIR_OUT_SARIF };
    for (size_t i = 0; i < sizeof outs / sizeof *outs; i++) {
        air_emit_opts eo = AIR_EMIT_OPTS_INIT;
        eo.config = fuzz_config();
        eo.lang = i ? AIR_LANG_EN : AIR_LANG_KO;
        air_emitter *em = NULL;
        if (air_emitter_new(&em, outs[i], null, &eo) == AIR_OK) {
            air_emitter_begin(em);
            air_emitter_file(em, &res);
            air_emitter_end(em);
        }
        air_emitter_free(em);
    }
    air_report_free(rep);
    air_dump_json(doc, null);
    air_markdown_opts mo = AIR_MARKDOWN_OPTS_INIT;
    mo.symbols = fuzz_symbols();
    mo.headers = 1;
    air_convert_markdown(doc, &mo, null);
    mo.tables = AIR_MD_TABLES_EXPAND;
    mo.join_breaks = 0;
    mo.front_matter = 0;
    air_convert_markdown(doc, &mo, null);
    air_doc_free(doc);
}

void fuzz_xml_package(const uint8_t *data, size_t size, const fuzz_part *fixed,
                      size_t nfixed, const fuzz_part *fuzzed, size_t nfuzzed)
{
    enum { MAXPARTS = 16 };
    fuzz_part parts[MAXPARTS], pieces[MAXPARTS];
    if (nfixed + nfuzzed > MAXPARTS)
        abort();
    size_t k = 0;
    for (size_t i = 0; i < nfixed; i++)
        parts[k++] = fixed[i];
    memset(pieces, 0, sizeof pieces);
    fuzz_split(data, size, pieces, nfuzzed);
    for (size_t i = 0; i < nfuzzed; i++) {
        parts[k] = fuzzed[i];
        if (pieces[i].len > 0) {
            parts[k].data = pieces[i].data;
            parts[k].len = pieces[i].len;
        }
        k++;
    }
    air_buf zip = AIR_BUF_INIT;
    fuzz_zip(&zip, parts, k);
    fuzz_document((const uint8_t *)zip.ptr, zip.len);
    air_buf_free(&zip);
}
