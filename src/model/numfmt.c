/* numfmt.c -- see numfmt.h. Series as Word and Hangul display them. */
#include "config.h"

#include "model/numfmt.h"

#include <stdio.h>
#include <string.h>

#include "util/utf8.h"

static const uint32_t HANGUL_SYLLABLES[14] = {
    0xAC00, 0xB098, 0xB2E4, 0xB77C, 0xB9C8, 0xBC14, 0xC0AC,
    0xC544, 0xC790, 0xCC28, 0xCE74, 0xD0C0, 0xD30C, 0xD558
}; /* 가 나 다 라 마 바 사 아 자 차 카 타 파 하 */

static const uint32_t HANGUL_JAMO[14] = {
    0x3131, 0x3134, 0x3137, 0x3139, 0x3141, 0x3142, 0x3145,
    0x3147, 0x3148, 0x314A, 0x314B, 0x314C, 0x314D, 0x314E
}; /* ㄱ ㄴ ㄷ ㄹ ㅁ ㅂ ㅅ ㅇ ㅈ ㅊ ㅋ ㅌ ㅍ ㅎ */

static const uint32_t HANGUL_DIGITS[10] = {
    0xC601, 0xC77C, 0xC774, 0xC0BC, 0xC0AC,
    0xC624, 0xC721, 0xCE60, 0xD314, 0xAD6C
}; /* 영 일 이 삼 사 오 육 칠 팔 구 */

static const uint32_t IDEOGRAPH_DIGITS[10] = {
    0x3007, 0x4E00, 0x4E8C, 0x4E09, 0x56DB,
    0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D
}; /* 〇 一 二 三 四 五 六 七 八 九 */

typedef struct out_t {
    char *p;
    size_t cap, len;
} out_t;

static void put_cp(out_t *o, uint32_t cp)
{
    char tmp[4];
    size_t n = air_utf8_encode(tmp, cp);
    if (o->len + n < o->cap) {
        memcpy(o->p + o->len, tmp, n);
        o->len += n;
        o->p[o->len] = '\0';
    }
}

static void put_str(out_t *o, const char *s)
{
    size_t n = strlen(s);
    if (o->len + n < o->cap) {
        memcpy(o->p + o->len, s, n);
        o->len += n;
        o->p[o->len] = '\0';
    }
}

/* By hand rather than snprintf: a long document renders a marker per
 * numbered paragraph, and printf's machinery dominated that. */
static void put_decimal(out_t *o, long v, int width)
{
    char tmp[32];
    size_t n = sizeof tmp;
    unsigned long u = v < 0 ? 0ul - (unsigned long)v : (unsigned long)v;
    if (v < 0)
        width--; /* as printf's "%0*ld": the sign counts in the width */
    tmp[--n] = '\0';
    do {
        tmp[--n] = (char)('0' + u % 10);
        u /= 10;
        width--;
    } while (u > 0 && n > 1);
    while (width-- > 0 && n > 1)
        tmp[--n] = '0';
    if (v < 0 && n > 0)
        tmp[--n] = '-';
    put_str(o, tmp + n);
}

static void put_roman(out_t *o, long v, bool upper)
{
    static const struct { int v; const char *s; } R[] = {
        { 1000, "m" }, { 900, "cm" }, { 500, "d" }, { 400, "cd" },
        { 100, "c" }, { 90, "xc" }, { 50, "l" }, { 40, "xl" },
        { 10, "x" }, { 9, "ix" }, { 5, "v" }, { 4, "iv" }, { 1, "i" }
    };
    for (size_t i = 0; i < sizeof R / sizeof *R; i++)
        while (v >= R[i].v) {
            for (const char *s = R[i].s; *s; s++) {
                char c[2] = { upper ? (char)(*s - 'a' + 'A') : *s, 0 };
                put_str(o, c);
            }
            v -= R[i].v;
        }
}

/* Word's letter series: a..z, then aa..zz, aaa.. (the letter repeats). */
static void put_letters(out_t *o, long v, bool upper)
{
    long reps = (v - 1) / 26 + 1;
    char c = (char)((upper ? 'A' : 'a') + (v - 1) % 26);
    if (reps > 8)
        reps = 8;
    for (long i = 0; i < reps; i++) {
        char s[2] = { c, 0 };
        put_str(o, s);
    }
}

static void put_digits(out_t *o, long v, const uint32_t digits[10])
{
    char tmp[32];
    snprintf(tmp, sizeof tmp, "%ld", v);
    for (const char *s = tmp; *s; s++)
        put_cp(o, digits[*s - '0']);
}

size_t air_numfmt_render(char *out, size_t cap, air_numfmt fmt, long value)
{
    out_t o = { out, cap, 0 };
    if (cap == 0)
        return 0;
    out[0] = '\0';
    if (fmt == AIR_NUMFMT_NONE || fmt == AIR_NUMFMT_BULLET)
        return 0;
    if (value <= 0 && fmt != AIR_NUMFMT_DECIMAL &&
        fmt != AIR_NUMFMT_DECIMAL_ZERO) {
        put_decimal(&o, value, 1);
        return o.len;
    }
    switch (fmt) {
    case AIR_NUMFMT_DECIMAL_ZERO:
        put_decimal(&o, value, 2);
        break;
    case AIR_NUMFMT_UPPER_ROMAN:
    case AIR_NUMFMT_LOWER_ROMAN:
        if (value < 4000)
            put_roman(&o, value, fmt == AIR_NUMFMT_UPPER_ROMAN);
        else
            put_decimal(&o, value, 1);
        break;
    case AIR_NUMFMT_UPPER_LETTER:
    case AIR_NUMFMT_LOWER_LETTER:
        put_letters(&o, value, fmt == AIR_NUMFMT_UPPER_LETTER);
        break;
    case AIR_NUMFMT_HANGUL_SYLLABLE:
        put_cp(&o, HANGUL_SYLLABLES[(value - 1) % 14]);
        break;
    case AIR_NUMFMT_HANGUL_JAMO:
        put_cp(&o, HANGUL_JAMO[(value - 1) % 14]);
        break;
    case AIR_NUMFMT_CIRCLED_DECIMAL:
        if (value <= 20)
            put_cp(&o, 0x2460 + (uint32_t)value - 1);       /* ① .. ⑳ */
        else if (value <= 35)
            put_cp(&o, 0x3251 + (uint32_t)value - 21);      /* ㉑ .. ㉟ */
        else if (value <= 50)
            put_cp(&o, 0x32B1 + (uint32_t)value - 36);      /* ㊱ .. ㊿ */
        else
            put_decimal(&o, value, 1);
        break;
    case AIR_NUMFMT_CIRCLED_HANGUL_SYLLABLE:
        put_cp(&o, 0x326E + (uint32_t)((value - 1) % 14)); /* ㉮ .. ㉻ */
        break;
    case AIR_NUMFMT_CIRCLED_HANGUL_JAMO:
        put_cp(&o, 0x3260 + (uint32_t)((value - 1) % 14)); /* ㉠ .. ㉭ */
        break;
    case AIR_NUMFMT_CIRCLED_LETTER:
        if (value <= 26)
            put_cp(&o, 0x24D0 + (uint32_t)value - 1);       /* ⓐ .. ⓩ */
        else
            put_decimal(&o, value, 1);
        break;
    case AIR_NUMFMT_IDEOGRAPH:
        if (value == 10)
            put_cp(&o, 0x5341); /* 十 */
        else
            put_digits(&o, value, IDEOGRAPH_DIGITS);
        break;
    case AIR_NUMFMT_CIRCLED_IDEOGRAPH:
        if (value <= 10)
            put_cp(&o, 0x3280 + (uint32_t)value - 1);       /* ㊀ .. ㊉ */
        else
            put_decimal(&o, value, 1);
        break;
    case AIR_NUMFMT_HANGUL_DIGIT:
        put_digits(&o, value, HANGUL_DIGITS);
        break;
    default:
        put_decimal(&o, value, 1);
        break;
    }
    return o.len;
}
