/* test_cli_batch.c -- the pieces of batch runs that have a contract of
 * their own: SHA-256 (cache keys), shard assignment (must never change
 * under a running job array), glob filters, size and time arguments,
 * sniffing of files met in walks, and the walk order. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/batch.h"
#include "cli/inputs.h"
#include "cli/sha256.h"
#include "cli/sniff.h"

/* FIPS 180-2 appendix B and the empty string. */
static void sha256_known_answers(void **state)
{
    (void)state;
    char hex[65];
    sha256_hex(hex, "", 0);
    assert_string_equal(hex, "e3b0c44298fc1c149afbf4c8996fb924"
                             "27ae41e4649b934ca495991b7852b855");
    sha256_hex(hex, "abc", 3);
    assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223"
                             "b00361a396177a9cb410ff61f20015ad");
    const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    sha256_hex(hex, two, strlen(two));
    assert_string_equal(hex, "248d6a61d20638b8e5c026930c3e6039"
                             "a33ce45964ff2167f6ecedd419db06c1");
}

/* A million 'a' fed in uneven pieces: the block boundary logic. */
static void sha256_pieces(void **state)
{
    (void)state;
    sha256_ctx c;
    unsigned char d[32];
    char piece[1024];
    memset(piece, 'a', sizeof piece);
    sha256_init(&c);
    size_t left = 1000000, k = 1;
    while (left > 0) {
        size_t n = k < left ? k : left;
        sha256_update(&c, piece, n);
        left -= n;
        k = k % 997 + 13;
    }
    sha256_final(&c, d);
    char hex[65];
    for (int i = 0; i < 32; i++)
        snprintf(hex + 2 * i, 3, "%02x", d[i]);
    assert_string_equal(hex, "cdc76e5c9914fb9281a1c7e284d73e67"
                             "f1809a48a497200e046d39ccc7112cd0");
}

/* The assignment is FNV-1a 64 modulo N: pinned values, so that a change
 * of the hash (which would move files between shards of a running job
 * array) fails here. */
static void shard_assignment_is_stable(void **state)
{
    (void)state;
    assert_int_equal(inputs_shard_of("", 7), 0xcbf29ce484222325ull % 7);
    assert_int_equal(inputs_shard_of("a", 1000), 0xaf63dc4c8601ec8cull % 1000);
    /* "./" in front does not move a file */
    assert_int_equal(inputs_shard_of("./보고서/a.hwpx", 13),
                     inputs_shard_of("보고서/a.hwpx", 13));
    /* a spread, not a constant */
    unsigned count[4] = { 0, 0, 0, 0 };
    char name[32];
    for (int i = 0; i < 400; i++) {
        snprintf(name, sizeof name, "dir/file-%d.hwpx", i);
        count[inputs_shard_of(name, 4)]++;
    }
    for (int k = 0; k < 4; k++)
        assert_in_range(count[k], 60, 140);
}

static void globs(void **state)
{
    (void)state;
    /* no '/': the base name */
    assert_true(inputs_glob("*.hwpx", "a/b/c.hwpx"));
    assert_false(inputs_glob("*.hwpx", "a/b/c.docx"));
    assert_true(inputs_glob("~$*", "x/~$보고서.docx"));
    assert_true(inputs_glob("old", "a/old"));
    /* with '/': the whole relative path, '*' crossing folders */
    assert_true(inputs_glob("archive/*", "archive/2020/a.hwpx"));
    assert_false(inputs_glob("archive/*", "new/archive/a.hwpx"));
    assert_true(inputs_glob("*/temp/*", "a/b/temp/c.docx"));
    assert_true(inputs_glob("./archive/*", "archive/a.hwpx"));
}

static void sizes_and_seconds(void **state)
{
    (void)state;
    uint64_t v = 0;
    assert_int_equal(batch_parse_size(&v, "2G"), 0);
    assert_true(v == 2ull << 30);
    assert_int_equal(batch_parse_size(&v, "512MiB"), 0);
    assert_true(v == 512ull << 20);
    assert_int_equal(batch_parse_size(&v, "1.5k"), 0);
    assert_true(v == 1536);
    assert_int_equal(batch_parse_size(&v, "100"), 0);
    assert_true(v == 100);
    assert_int_equal(batch_parse_size(&v, "0"), 0);
    assert_true(v == 0);
    assert_int_equal(batch_parse_size(&v, "-1G"), -1);
    assert_int_equal(batch_parse_size(&v, "2X"), -1);
    assert_int_equal(batch_parse_size(&v, ""), -1);
    char text[32];
    batch_size_text(text, sizeof text, 2ull << 30);
    assert_string_equal(text, "2 GiB");
    batch_size_text(text, sizeof text, 1536ull << 20);
    assert_string_equal(text, "1.5 GiB");
    double s = 0;
    assert_int_equal(batch_parse_seconds(&s, "0.5"), 0);
    assert_true(s == 0.5);
    assert_int_equal(batch_parse_seconds(&s, "10"), 0);
    assert_int_equal(batch_parse_seconds(&s, "-3"), -1);
    assert_int_equal(batch_parse_seconds(&s, "soon"), -1);
}

/* A ZIP local header naming one entry, with 'data' stored after it. */
static size_t zip_entry(unsigned char *out, const char *name,
                        const char *data)
{
    size_t n = strlen(name), d = strlen(data);
    memset(out, 0, 30);
    memcpy(out, "PK\3\4", 4);
    out[18] = (unsigned char)d;
    out[26] = (unsigned char)n;
    memcpy(out + 30, name, n);
    memcpy(out + 30 + n, data, d);
    return 30 + n + d;
}

static void sniffing(void **state)
{
    (void)state;
    unsigned char b[512];
    size_t n = zip_entry(b, "mimetype", "application/hwp+zip");
    assert_true(sniff_candidate(b, n));
    n = zip_entry(b, "mimetype", "application/vnd.oasis.opendocument.text");
    assert_false(sniff_candidate(b, n));
    n = zip_entry(b, "[Content_Types].xml", "<x/>");
    n += zip_entry(b + n, "xl/workbook.xml", "<x/>");
    assert_false(sniff_candidate(b, n)); /* a workbook */
    n = zip_entry(b, "[Content_Types].xml", "<x/>");
    n += zip_entry(b + n, "word/document.xml", "<x/>");
    assert_true(sniff_candidate(b, n));
    n = zip_entry(b, "[Content_Types].xml", "<x/>");
    assert_true(sniff_candidate(b, n)); /* undecided: the reader decides */
    static const unsigned char ole[8] = { 0xD0, 0xCF, 0x11, 0xE0,
                                          0xA1, 0xB1, 0x1A, 0xE1 };
    assert_true(sniff_candidate(ole, 8));
    assert_true(sniff_candidate((const unsigned char *)"HWP Document File "
                                                       "V3.00", 23));
    assert_false(sniff_candidate((const unsigned char *)"%PDF-1.7", 8));
    assert_false(sniff_candidate((const unsigned char *)"plain text\n", 11));
    assert_false(sniff_candidate((const unsigned char *)"", 0));
    assert_false(sniff_candidate((const unsigned char *)"\x89PNG\r\n", 6));
}

/* ---- the walk --------------------------------------------------------- */

static void touch(const char *dir, const char *name)
{
    char p[512];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    FILE *f = fopen(p, "w");
    assert_non_null(f);
    fputs("x", f);
    fclose(f);
}

static void sub(const char *dir, const char *name)
{
    char p[512];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    assert_int_equal(mkdir(p, 0755), 0);
}

/* Files of a folder in byte order, then its subfolders; hidden names
 * left out; --exclude prunes a folder; --include keeps matching files. */
static void walk_order_and_filters(void **state)
{
    (void)state;
    char root[] = "/tmp/airead-walk-XXXXXX";
    assert_non_null(mkdtemp(root));
    touch(root, "b.hwpx");
    touch(root, "a.docx");
    touch(root, ".hidden.hwpx");
    sub(root, "z");
    sub(root, "m");
    sub(root, "old");
    touch(root, "z/c.hwpx");
    touch(root, "m/d.hwpx");
    touch(root, "m/e.txt");
    touch(root, "old/f.hwpx");
    char *ops[] = { root };
    const char *excl[] = { "old" };
    const char *incl[] = { "*.hwpx", "*.docx" };
    in_opts o;
    memset(&o, 0, sizeof o);
    o.exclude = excl;
    o.nexclude = 1;
    o.include = incl;
    o.ninclude = 2;
    inputs *in = inputs_new(&o, ops, 1);
    assert_non_null(in);
    const char *want[] = { "a.docx", "b.hwpx", "m/d.hwpx", "z/c.hwpx" };
    in_item it;
    for (size_t i = 0; i < 4; i++) {
        assert_int_equal(inputs_next(in, &it, true), IN_ITEM);
        assert_int_equal(it.kind, IN_WALKED);
        char p[512];
        snprintf(p, sizeof p, "%s/%s", root, want[i]);
        assert_string_equal(it.path, p);
    }
    assert_int_equal(inputs_next(in, &it, true), IN_END);
    inputs_free(in);

    /* Shards split the same walk with no overlap and no gap. */
    unsigned seen = 0;
    for (unsigned k = 1; k <= 3; k++) {
        memset(&o, 0, sizeof o);
        o.shard_k = k;
        o.shard_n = 3;
        in = inputs_new(&o, ops, 1);
        while (inputs_next(in, &it, true) == IN_ITEM)
            seen++;
        inputs_free(in);
    }
    assert_int_equal(seen, 6); /* all but the hidden one */
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    assert_int_equal(system(cmd), 0);
}

/* --files-from: NUL-separated, a final line without its end, a carriage
 * return dropped (newline mode), empty lines ignored. */
static void files_from_lists(void **state)
{
    (void)state;
    char list[] = "/tmp/airead-list-XXXXXX";
    int fd = mkstemp(list);
    assert_true(fd >= 0);
    static const char nl[] = "one.hwpx\r\n\ntwo words.docx\nthree";
    assert_int_equal(write(fd, nl, sizeof nl - 1), (ssize_t)(sizeof nl - 1));
    close(fd);
    in_opts o;
    memset(&o, 0, sizeof o);
    o.files_from = list;
    inputs *in = inputs_new(&o, NULL, 0);
    in_item it;
    const char *want[] = { "one.hwpx", "two words.docx", "three" };
    for (size_t i = 0; i < 3; i++) {
        assert_int_equal(inputs_next(in, &it, true), IN_ITEM);
        assert_int_equal(it.kind, IN_NAMED);
        assert_string_equal(it.path, want[i]);
    }
    assert_int_equal(inputs_next(in, &it, true), IN_END);
    inputs_free(in);

    static const char z[] = "a\nb\0c d\0";
    FILE *f = fopen(list, "wb");
    fwrite(z, 1, sizeof z - 1, f);
    fclose(f);
    o.nul = true;
    in = inputs_new(&o, NULL, 0);
    assert_int_equal(inputs_next(in, &it, true), IN_ITEM);
    assert_string_equal(it.path, "a\nb");
    assert_int_equal(inputs_next(in, &it, true), IN_ITEM);
    assert_string_equal(it.path, "c d");
    assert_int_equal(inputs_next(in, &it, true), IN_END);
    inputs_free(in);
    unlink(list);

    /* a list that cannot be read is an error item, then the end */
    o.files_from = "/nonexistent/list";
    in = inputs_new(&o, NULL, 0);
    assert_int_equal(inputs_next(in, &it, true), IN_ITEM);
    assert_int_equal(it.kind, IN_ERROR);
    assert_int_equal(inputs_next(in, &it, true), IN_END);
    inputs_free(in);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(sha256_known_answers),
        cmocka_unit_test(sha256_pieces),
        cmocka_unit_test(shard_assignment_is_stable),
        cmocka_unit_test(globs),
        cmocka_unit_test(sizes_and_seconds),
        cmocka_unit_test(sniffing),
        cmocka_unit_test(walk_order_and_filters),
        cmocka_unit_test(files_from_lists),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
