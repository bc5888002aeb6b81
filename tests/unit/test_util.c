/* test_util.c -- src/util: UTF-8, buffers, arena, JSON writer. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "util/arena.h"
#include "util/buf.h"
#include "util/json.h"
#include "util/utf8.h"

static void utf8_round_trip(void **state)
{
    (void)state;
    const uint32_t cps[] = { 0x41, 0xE9, 0xAC00, 0x2192, 0x1F600, 0xF02B };
    for (size_t i = 0; i < sizeof cps / sizeof *cps; i++) {
        char b[4];
        uint32_t back;
        size_t n = air_utf8_encode(b, cps[i]);
        assert_int_equal(air_utf8_decode(&back, b, n), n);
        assert_int_equal(back, cps[i]);
    }
}

static void utf8_rejects_invalid(void **state)
{
    (void)state;
    uint32_t cp;
    /* overlong '/', a lone continuation byte, a surrogate, truncated */
    assert_int_equal(air_utf8_decode(&cp, "\xC0\xAF", 2), 1);
    assert_int_equal(cp, AIR_UTF8_REPLACEMENT);
    assert_int_equal(air_utf8_decode(&cp, "\x80", 1), 1);
    assert_int_equal(cp, AIR_UTF8_REPLACEMENT);
    assert_int_equal(air_utf8_decode(&cp, "\xED\xA0\x80", 3), 1);
    assert_int_equal(cp, AIR_UTF8_REPLACEMENT);
    assert_int_equal(air_utf8_decode(&cp, "\xEA\xB0", 2), 1);
    assert_false(air_utf8_is_valid("\xEA\xB0", 2));
    assert_true(air_utf8_is_valid("가나다", strlen("가나다")));
    assert_true(air_utf8_is_valid("\xEF\xBF\xBD", 3));
}

static void utf8_prefix_suffix(void **state)
{
    (void)state;
    const char *s = "가나다라";
    size_t n = strlen(s);
    assert_int_equal(air_utf8_count(s, n), 4);
    assert_int_equal(air_utf8_prefix(s, n, 2), 6);
    assert_int_equal(air_utf8_suffix(s, n, 1), 9);
    uint32_t cp;
    assert_int_equal(air_utf8_decode_back(&cp, s, n), 3);
    assert_int_equal(cp, 0xB77C); /* 라 */
}

static void buf_respects_cap(void **state)
{
    (void)state;
    air_buf b = AIR_BUF_INIT;
    b.max = 8;
    assert_int_equal(air_buf_adds(&b, "12345678"), AIR_OK);
    assert_int_equal(air_buf_addc(&b, '9'), AIR_ELIMIT);
    assert_string_equal(air_buf_cstr(&b), "12345678");
    air_buf_clear(&b);
    assert_int_equal(air_buf_printf(&b, "%d-%s", 7, "x"), AIR_OK);
    assert_string_equal(b.ptr, "7-x");
    air_buf_free(&b);
}

/* Readers keep their open paragraphs, tables and frames in arrays that
 * grow with the input: old elements survive, new ones start zeroed, and a
 * cap (the caller's or size_t's) is an error that leaves the array whole. */
static void array_grows_zeroed_within_cap(void **state)
{
    (void)state;
    int *v = NULL;
    size_t cap = 0;
    assert_int_equal(air_array_grow((void **)&v, &cap, 1, sizeof *v, 0),
                     AIR_OK);
    assert_int_equal(cap, 16);
    for (size_t i = 0; i < cap; i++)
        assert_int_equal(v[i], 0);
    v[15] = 7;
    int *before = v;
    assert_int_equal(air_array_grow((void **)&v, &cap, 16, sizeof *v, 0),
                     AIR_OK);
    assert_ptr_equal(v, before); /* room enough: nothing moves */
    assert_int_equal(air_array_grow((void **)&v, &cap, 40, sizeof *v, 0),
                     AIR_OK);
    assert_int_equal(cap, 64);
    assert_int_equal(v[15], 7);
    for (size_t i = 16; i < cap; i++)
        assert_int_equal(v[i], 0);

    /* The caller's cap: the capacity stops at it, one more is refused. */
    assert_int_equal(air_array_grow((void **)&v, &cap, 65, sizeof *v, 100),
                     AIR_OK);
    assert_int_equal(cap, 100);
    assert_int_equal(v[99], 0);
    before = v;
    assert_int_equal(air_array_grow((void **)&v, &cap, 101, sizeof *v, 100),
                     AIR_ELIMIT);
    assert_ptr_equal(v, before);
    assert_int_equal(cap, 100);
    assert_int_equal(v[15], 7);
    free(v);

    /* Elements so large that their count times their size overflows. */
    char *big = NULL;
    size_t bigcap = 0;
    assert_int_equal(air_array_grow((void **)&big, &bigcap, 3, SIZE_MAX / 4, 0),
                     AIR_ELIMIT);
    assert_null(big);
    assert_int_equal(bigcap, 0);
}

static void arena_copies(void **state)
{
    (void)state;
    air_arena a = AIR_ARENA_INIT;
    char *s = air_arena_strndup(&a, "abc\0def", 7);
    assert_memory_equal(s, "abc\0def", 8);
    /* Many allocations, including one larger than a block. */
    for (int i = 0; i < 10000; i++)
        assert_non_null(air_arena_alloc(&a, 24));
    char *big = air_arena_alloc(&a, 3u << 20);
    assert_non_null(big);
    assert_int_equal(big[(3u << 20) - 1], 0);
    air_arena_free(&a);
}

static void json_escapes_and_commas(void **state)
{
    (void)state;
    char *mem = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&mem, &len);
    air_json j;
    air_json_init(&j, f, false);
    air_json_begin_object(&j);
    air_json_kv_string(&j, "a", "x\"\n\x01\xFF");
    air_json_key(&j, "b");
    air_json_begin_array(&j);
    air_json_int(&j, -1);
    air_json_null(&j);
    air_json_end_array(&j);
    air_json_end_object(&j);
    fclose(f);
    assert_string_equal(mem,
                        "{\"a\":\"x\\\"\\n\\u0001\xEF\xBF\xBD\",\"b\":[-1,null]}");
    free(mem);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(utf8_round_trip),
        cmocka_unit_test(utf8_rejects_invalid),
        cmocka_unit_test(utf8_prefix_suffix),
        cmocka_unit_test(buf_respects_cap),
        cmocka_unit_test(array_grows_zeroed_within_cap),
        cmocka_unit_test(arena_copies),
        cmocka_unit_test(json_escapes_and_commas),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
