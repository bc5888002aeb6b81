/* test_hwp_numbering.c -- src/read/hwp_info.c and hwp_numbering.c through
 * their format-neutral interface, filled by hand as the HWP 5.0 reader
 * fills it from DocInfo records (no XML, no package). */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>

#include <cmocka.h>

#include "read/hwp_info.h"
#include "tdoc.h"

/* numbering 1: "^1." DIGIT, "^1.^2" HANGUL_SYLLABLE (code 8) from 3;
 * bullets 1 "※", 2 U+F06C (Wingdings ●); para shapes: 0 none, 1 number level 0, 2 number level 1,
 * 3 outline level 0, 4 bullet; style 0 "바탕글" (shape 0), 1 "개요 1"
 * (shape 3), 2 "Outline 2" (shape 0). Fonts: slot SYMBOL font 1 is
 * Symbol; char shape 1 uses it for the symbol slot only. */
static void fill(air_hwp_info *info, air_doc *doc)
{
    air_hwp_info_init(info, doc);
    air_hwp_numbering *n;
    assert_int_equal(air_hwp_numbering_at(&n, info, 1), AIR_OK);
    n->defined = true;
    n->level[0] = (air_hwp_level){ "^1.", 1, (uint8_t)air_hwp_numfmt_code(0),
                                   true };
    n->level[1] = (air_hwp_level){ "^1.^2", 3,
                                   (uint8_t)air_hwp_numfmt_code(8), true };
    air_hwp_bullet *b;
    assert_int_equal(air_hwp_bullet_at(&b, info, 1), AIR_OK);
    *b = (air_hwp_bullet){ .chr = "※", .char_pr = AIR_HWP_NO_ID,
                           .defined = true };
    assert_int_equal(air_hwp_bullet_at(&b, info, 2), AIR_OK);
    *b = (air_hwp_bullet){ .chr = "\xEF\x81\xAC", /* U+F06C */
                           .char_pr = AIR_HWP_NO_ID, .defined = true };
    static const struct {
        uint8_t head, level;
    } P[] = { { AIR_HWP_HEAD_NONE, 0 },    { AIR_HWP_HEAD_NUMBER, 0 },
              { AIR_HWP_HEAD_NUMBER, 1 },  { AIR_HWP_HEAD_OUTLINE, 0 },
              { AIR_HWP_HEAD_BULLET, 0 } };
    for (uint32_t i = 0; i < 5; i++) {
        air_hwp_parapr *p;
        assert_int_equal(air_hwp_parapr_at(&p, info, i), AIR_OK);
        p->head = P[i].head;
        p->level = P[i].level;
        p->head_id = 1;
        p->align = AIR_ALIGN_LEFT;
        p->defined = true;
    }
    static const char *const S[] = { "바탕글", "개요 1", "Outline 2" };
    static const uint32_t SP[] = { 0, 3, 0 };
    for (uint32_t i = 0; i < 3; i++) {
        air_hwp_style *s;
        assert_int_equal(air_hwp_style_at(&s, info, i), AIR_OK);
        s->name = S[i];
        s->para_pr = SP[i];
        s->defined = true;
    }
    for (int l = 0; l < AIR_HWP_LANGS; l++) {
        air_hwp_font *f;
        assert_int_equal(air_hwp_font_at(&f, info, (air_hwp_lang)l, 0),
                         AIR_OK);
        *f = (air_hwp_font){ "함초롬바탕", NULL, true };
        assert_int_equal(air_hwp_font_at(&f, info, (air_hwp_lang)l, 1),
                         AIR_OK);
        *f = (air_hwp_font){ "Symbol", NULL, true };
    }
    air_hwp_charpr *c;
    assert_int_equal(air_hwp_charpr_at(&c, info, 1), AIR_OK);
    c->defined = true;
    c->font[AIR_HWP_SYMBOL] = 1;
    assert_int_equal(air_hwp_info_finish(info), AIR_OK);
}

static air_node *numbered(air_doc *d, air_node *parent,
                          const air_hwp_info *info, uint32_t shape,
                          uint32_t style)
{
    air_node *p = tdoc_para(d, parent, "x");
    air_hwp_resolve_para(info, &p->u.para, shape, style, 0);
    return p;
}

static void resolves_and_numbers_paragraphs(void **state)
{
    (void)state;
    air_doc *d = tdoc_new(AIR_FMT_HWP);
    air_hwp_info info;
    fill(&info, d);
    air_node *sec = tdoc_section(d);
    air_node *a = numbered(d, sec, &info, 1, 0);
    air_node *b = numbered(d, sec, &info, 2, 0);
    air_node *c = numbered(d, sec, &info, 2, 0);
    air_node *e = numbered(d, sec, &info, 1, 0);
    air_node *f = numbered(d, sec, &info, 2, 0);
    air_node *o = numbered(d, sec, &info, 3, 1);
    air_node *u = numbered(d, sec, &info, 4, 0);
    air_node *h = numbered(d, sec, &info, 0, 2);
    assert_int_equal(air_hwp_number_doc(&info, d), AIR_OK);

    assert_string_equal(a->u.para.list.marker, "1.");
    assert_string_equal(a->u.para.style_name, "바탕글");
    assert_string_equal(a->u.para.style_id, "0"); /* filled by finish */
    assert_int_equal(a->u.para.align, AIR_ALIGN_LEFT);
    /* a level's own start (3), rendered in its format, under level 1 */
    assert_string_equal(b->u.para.list.marker, "1.다");
    assert_int_equal(b->u.para.list.value, 3);
    assert_int_equal(b->u.para.list.fmt, AIR_NUMFMT_HANGUL_SYLLABLE);
    assert_string_equal(c->u.para.list.marker, "1.라");
    assert_string_equal(e->u.para.list.marker, "2.");
    assert_string_equal(f->u.para.list.marker, "2.다"); /* restarted */
    /* outline: counted apart from paragraph numbering of the same id */
    assert_int_equal(o->u.para.list.kind, AIR_LIST_OUTLINE);
    assert_string_equal(o->u.para.list.marker, "1.");
    assert_int_equal(o->u.para.heading, 1);
    assert_true(o->u.para.list.from_style);
    assert_string_equal(u->u.para.list.marker, "※");
    /* a Wingdings code in the private-use area shows its glyph */
    const air_hwp_bullet *w = air_hwp_get_bullet(&info, 2);
    assert_string_equal(w->shown, "\xE2\x97\x8F"); /* U+25CF */
    assert_string_equal(air_hwp_get_bullet(&info, 1)->shown, "※");
    /* "Outline 2" with no head: a heading by its style name */
    assert_int_equal(h->u.para.heading, 2);
    assert_int_equal(h->u.para.list.kind, AIR_LIST_NONE);
    air_hwp_info_free(&info);
    air_doc_free(d);
}

static void scripts_pick_the_symbol_font_slot(void **state)
{
    (void)state;
    air_doc *d = tdoc_new(AIR_FMT_HWP);
    air_hwp_info info;
    fill(&info, d);
    const air_hwp_charpr *c = air_hwp_get_charpr(&info, 1);
    assert_non_null(c);
    assert_int_equal(c->symbol_mask, 1u << AIR_HWP_SYMBOL);
    assert_int_equal(air_hwp_lang_of(0xAC00), AIR_HWP_HANGUL);
    assert_int_equal(air_hwp_lang_of('A'), AIR_HWP_LATIN);
    assert_int_equal(air_hwp_lang_of(0x4E00), AIR_HWP_HANJA);
    assert_int_equal(air_hwp_lang_of(0x2192), AIR_HWP_SYMBOL);
    /* an arrow is drawn by the symbol slot, a letter by the Latin one;
     * a private-use code point by whichever slot is a symbol font */
    assert_string_equal(air_hwp_symfont_of(&info, c, 0x2192), "Symbol");
    assert_null(air_hwp_symfont_of(&info, c, 'A'));
    assert_string_equal(air_hwp_symfont_of(&info, c, 0xF0E8), "Symbol");
    assert_null(air_hwp_symfont_of(&info, air_hwp_get_charpr(&info, 0),
                                   0x2192));
    /* ids past the table are ignored, not an error */
    air_hwp_charpr *big;
    assert_int_equal(air_hwp_charpr_at(&big, &info, AIR_HWP_MAX_ID), AIR_OK);
    assert_null(big);
    assert_int_equal(air_hwp_numfmt_code(2), AIR_NUMFMT_UPPER_ROMAN);
    assert_int_equal(air_hwp_numfmt_code(99), AIR_NUMFMT_OTHER);
    air_hwp_info_free(&info);
    air_doc_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(resolves_and_numbers_paragraphs),
        cmocka_unit_test(scripts_pick_the_symbol_font_slot),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
