/* test_symfont.c -- src/read/symfont: which fonts are symbol fonts and
 * which glyphs map back to Unicode. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>

#include <cmocka.h>

#include "read/symfont.h"

static void matches_symbol_fonts_only(void **state)
{
    (void)state;
    assert_string_equal(air_symfont_match("wingdings", 9), "Wingdings");
    assert_string_equal(air_symfont_match(" Wingdings 2 ", 13),
                        "Wingdings 2");
    assert_string_equal(air_symfont_match("SYMBOL", 6), "Symbol");
    assert_null(air_symfont_match("Arial", 5));
    assert_null(air_symfont_match("Segoe UI Symbol", 15));
    assert_null(air_symfont_match("Wingdings", 4)); /* "Wing" */
    assert_null(air_symfont_match(NULL, 0));
}

static void maps_obvious_glyphs(void **state)
{
    (void)state;
    /* Word's default bullets: Symbol F0B7, Wingdings F0A7 and F0D8. */
    assert_int_equal(air_symfont_unicode("Symbol", 0xF0B7), 0x2022);
    assert_int_equal(air_symfont_unicode("Symbol", 0xB7), 0x2022);
    assert_int_equal(air_symfont_unicode("Wingdings", 0xF0A7), 0x25AA);
    assert_int_equal(air_symfont_unicode("Wingdings", 0xF0D8), 0x27A2);
    assert_int_equal(air_symfont_unicode("Wingdings", 0xF0E8), 0x2794);
    assert_int_equal(air_symfont_unicode("Wingdings", 0x6F), 0x25A1);
    assert_int_equal(air_symfont_unicode("Symbol", 0x61), 0x03B1);
    assert_int_equal(air_symfont_unicode("Symbol", 0xAE), 0x2192);
    /* Every table entry is reachable: the tables are sorted. */
    assert_int_equal(air_symfont_unicode("Symbol", 0x22), 0x2200);
    assert_int_equal(air_symfont_unicode("Symbol", 0xF2), 0x222B);
    assert_int_equal(air_symfont_unicode("Wingdings", 0x21), 0x270F);
    assert_int_equal(air_symfont_unicode("Wingdings", 0xFE), 0x2611);
    /* Every name of a font in rules/symbol-fonts shares its table. */
    assert_int_equal(air_symfont_unicode("Symbol MT", 0xF0B7), 0x2022);
    /* No obvious twin: 0. */
    assert_int_equal(air_symfont_unicode("Wingdings", 0xFF), 0);
    assert_int_equal(air_symfont_unicode("Webdings", 0x41), 0);
    assert_int_equal(air_symfont_unicode("Symbol", 0x1234), 0);
    assert_int_equal(air_symfont_unicode(NULL, 0xB7), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(matches_symbol_fonts_only),
        cmocka_unit_test(maps_obvious_glyphs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
