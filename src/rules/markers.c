/* markers.c -- principle 4: parsing item markers (see markers.h).
 *
 * The numeral systems and the enclosed characters of Unicode are code
 * (they are facts of writing); which forms count as markers is data
 * (`numbering: markers:` and the profile). The official Korean sequence
 * (행정업무규정 시행규칙 제2조) is 1. 가. 1) 가) (1) (가) ① ㉮; reports
 * also use Ⅰ., 1-1, ㄱ., a. and the enclosed forms ⑴ ㈎ ❶ that fonts
 * offer. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "rules/markers.h"
#include "util/utf8.h"

/* 가 나 다 ... 하, then 거 너 더 ... 허: the statutory order of Hangul
 * item numbers (시행규칙 제2조: "하. 이상 더 계속되는 경우에는 거., 너.,
 * 더., ..."). */
enum { NHANGUL = 28 };
static const uint32_t hangul_order[NHANGUL] = {
    0xAC00, 0xB098, 0xB2E4, 0xB77C, 0xB9C8, 0xBC14, 0xC0AC,
    0xC544, 0xC790, 0xCC28, 0xCE74, 0xD0C0, 0xD30C, 0xD558,
    0xAC70, 0xB108, 0xB354, 0xB7EC, 0xBA38, 0xBC84, 0xC11C,
    0xC5B4, 0xC800, 0xCC98, 0xCEE4, 0xD130, 0xD37C, 0xD5C8
};
/* ㄱ ㄴ ㄷ ... ㅎ (compatibility jamo). */
static const uint32_t jamo_order[14] = {
    0x3131, 0x3134, 0x3137, 0x3139, 0x3141, 0x3142, 0x3145,
    0x3147, 0x3148, 0x314A, 0x314B, 0x314C, 0x314D, 0x314E
};

static int index_of(const uint32_t *v, size_t n, uint32_t cp)
{
    for (size_t i = 0; i < n; i++)
        if (v[i] == cp)
            return (int)i + 1;
    return 0;
}

static uint32_t fold_fullwidth(uint32_t cp)
{
    if (cp >= 0xFF01 && cp <= 0xFF5E) /* ＡＢＣ １２３ （）．: ASCII forms */
        return cp - 0xFEE0;
    return cp;
}

static size_t dec(uint32_t *cp, const char *s, size_t n)
{
    if (n == 0) {
        *cp = 0;
        return 0;
    }
    size_t k = air_utf8_decode(cp, s, n);
    *cp = fold_fullwidth(*cp);
    return k;
}

/* ---- enclosed characters ----------------------------------------------- */

typedef struct enclosed {
    uint8_t sys, form;
    int32_t value;
} enclosed;

static bool in(uint32_t cp, uint32_t lo, uint32_t hi)
{
    return cp >= lo && cp <= hi;
}

/* One code point that is a whole marker: ① ⑴ ⒈ ❶ ㉮ ㈎ ㉠ ⓐ ⒜ Ⓐ Ⅰ ⅰ. */
static bool enclosed_of(enclosed *e, uint32_t cp)
{
    struct range {
        uint32_t lo, hi;
        uint8_t sys, form;
        int32_t first;
    };
    static const struct range r[] = {
        { 0x2460, 0x2473, AIR_NS_DECIMAL, AIR_MF_CIRCLED, 1 },    /* ①-⑳ */
        { 0x3251, 0x325F, AIR_NS_DECIMAL, AIR_MF_CIRCLED, 21 },   /* ㉑-㉟ */
        { 0x32B1, 0x32BF, AIR_NS_DECIMAL, AIR_MF_CIRCLED, 36 },   /* ㊱-㊿ */
        { 0x2474, 0x2487, AIR_NS_DECIMAL, AIR_MF_PARENS, 1 },     /* ⑴-⒇ */
        { 0x2488, 0x249B, AIR_NS_DECIMAL, AIR_MF_DOT, 1 },        /* ⒈-⒛ */
        { 0x2776, 0x277F, AIR_NS_DECIMAL, AIR_MF_NEGATIVE, 1 },   /* ❶-❿ */
        { 0x24EB, 0x24F4, AIR_NS_DECIMAL, AIR_MF_NEGATIVE, 11 },  /* ⓫-⓴ */
        { 0x2780, 0x2789, AIR_NS_DECIMAL, AIR_MF_CIRCLED, 1 },    /* ➀-➉ */
        { 0x278A, 0x2793, AIR_NS_DECIMAL, AIR_MF_NEGATIVE, 1 },   /* ➊-➓ */
        { 0x24F5, 0x24FE, AIR_NS_DECIMAL, AIR_MF_DOUBLE, 1 },     /* ⓵-⓾ */
        { 0x326E, 0x327B, AIR_NS_HANGUL, AIR_MF_CIRCLED, 1 },     /* ㉮-㉻ */
        { 0x320E, 0x321B, AIR_NS_HANGUL, AIR_MF_PARENS, 1 },      /* ㈎-㈛ */
        { 0x3260, 0x326D, AIR_NS_JAMO, AIR_MF_CIRCLED, 1 },       /* ㉠-㉭ */
        { 0x3200, 0x320D, AIR_NS_JAMO, AIR_MF_PARENS, 1 },        /* ㈀-㈍ */
        { 0x24D0, 0x24E9, AIR_NS_LATIN_LOWER, AIR_MF_CIRCLED, 1 }, /* ⓐ-ⓩ */
        { 0x24B6, 0x24CF, AIR_NS_LATIN_UPPER, AIR_MF_CIRCLED, 1 }, /* Ⓐ-Ⓩ */
        { 0x249C, 0x24B5, AIR_NS_LATIN_LOWER, AIR_MF_PARENS, 1 },  /* ⒜-⒵ */
    };
    for (size_t i = 0; i < sizeof r / sizeof *r; i++)
        if (in(cp, r[i].lo, r[i].hi)) {
            e->sys = r[i].sys;
            e->form = r[i].form;
            e->value = r[i].first + (int32_t)(cp - r[i].lo);
            return true;
        }
    return false;
}

/* ---- numerals -------------------------------------------------------------*/

static int roman_digit(uint32_t c)
{
    switch (c | 0x20) {
    case 'i': return 1;
    case 'v': return 5;
    case 'x': return 10;
    case 'l': return 50;
    default: return 0;
    }
}

/* A Roman numeral of ASCII letters in one case, canonical (IV, not IIII),
 * s[0..n) whole. */
static int32_t roman_value(const char *s, size_t n)
{
    int32_t v = 0;
    for (size_t i = 0; i < n; i++) {
        int d = roman_digit((unsigned char)s[i]);
        int next = i + 1 < n ? roman_digit((unsigned char)s[i + 1]) : 0;
        if (d == 0)
            return 0;
        v += d < next ? -d : d;
    }
    if (v <= 0 || v > 50)
        return 0;
    /* canonical: writing v back gives the same letters */
    static const char *const ones[] = { "", "i", "ii", "iii", "iv", "v",
                                        "vi", "vii", "viii", "ix" };
    static const char *const tens[] = { "", "x", "xx", "xxx", "xl", "l" };
    char canon[16];
    snprintf(canon, sizeof canon, "%s%s", tens[v / 10], ones[v % 10]);
    if (strlen(canon) != n)
        return 0;
    for (size_t i = 0; i < n; i++)
        if ((s[i] | 0x20) != canon[i])
            return 0;
    return v;
}

/* Reads a numeral of 'sys' at s[0..n); sets *value (and *letter for a
 * lone I/V/X) and returns the bytes taken, 0 when there is none. */
static size_t numeral(int32_t *value, int32_t *letter, uint8_t sys,
                      const char *s, size_t n)
{
    uint32_t cp;
    size_t k = dec(&cp, s, n);
    *letter = 0;
    switch (sys) {
    case AIR_NS_DECIMAL: {
        size_t i = 0, nd = 0;
        int32_t v = 0;
        while (i < n && nd < 4) {
            size_t kk = dec(&cp, s + i, n - i);
            if (cp < '0' || cp > '9')
                break;
            if (nd == 0 && cp == '0')
                return 0; /* 01, 0: not an item number */
            v = v * 10 + (int32_t)(cp - '0');
            i += kk;
            nd++;
        }
        if (nd == 0 || nd > 3)
            return 0; /* 2026.: a year, not an item */
        *value = v;
        return i;
    }
    case AIR_NS_HANGUL:
        *value = index_of(hangul_order, NHANGUL, cp);
        return *value ? k : 0;
    case AIR_NS_JAMO:
        *value = index_of(jamo_order, 14, cp);
        return *value ? k : 0;
    case AIR_NS_ROMAN_UPPER:
    case AIR_NS_ROMAN_LOWER: {
        bool upper = sys == AIR_NS_ROMAN_UPPER;
        uint32_t lo = upper ? 0x2160 : 0x2170;
        if (in(cp, lo, lo + 11)) { /* Ⅰ-Ⅻ, ⅰ-ⅻ */
            *value = (int32_t)(cp - lo) + 1;
            return k;
        }
        size_t i = 0;
        while (i < n && i < 8 && roman_digit((unsigned char)s[i]) &&
               (upper ? s[i] >= 'A' && s[i] <= 'Z'
                      : s[i] >= 'a' && s[i] <= 'z'))
            i++;
        /* L alone is a letter more often than fifty */
        if (i == 0 || (i == 1 && (s[0] | 0x20) == 'l'))
            return 0;
        *value = roman_value(s, i);
        if (*value == 0)
            return 0;
        if (i == 1)
            *letter = (s[0] | 0x20) - 'a' + 1;
        return i;
    }
    case AIR_NS_LATIN_UPPER:
        if (cp >= 'A' && cp <= 'Z') {
            *value = (int32_t)(cp - 'A') + 1;
            return k;
        }
        return 0;
    case AIR_NS_LATIN_LOWER:
        if (cp >= 'a' && cp <= 'z') {
            *value = (int32_t)(cp - 'a') + 1;
            return k;
        }
        return 0;
    default:
        return 0;
    }
}

/* The numeral system a template's numeral names: 1 가 ㄱ Ⅰ I ⅰ i A a. */
static uint8_t template_sys(uint32_t cp)
{
    if (cp == '1')
        return AIR_NS_DECIMAL;
    if (cp == 0xAC00)
        return AIR_NS_HANGUL;
    if (cp == 0x3131)
        return AIR_NS_JAMO;
    if (cp == 'I' || cp == 0x2160)
        return AIR_NS_ROMAN_UPPER;
    if (cp == 'i' || cp == 0x2170)
        return AIR_NS_ROMAN_LOWER;
    if (cp == 'A')
        return AIR_NS_LATIN_UPPER;
    if (cp == 'a')
        return AIR_NS_LATIN_LOWER;
    return AIR_NS_NONE;
}

/* ---- templates --------------------------------------------------------- */

bool air_mktemplate_parse(air_mktemplate *out, const char *s)
{
    memset(out, 0, sizeof *out);
    size_t n = strlen(s);
    while (n > 0 && s[n - 1] == ' ')
        n--;
    while (n > 0 && *s == ' ')
        s++, n--;
    if (n == 0)
        return false;
    air_mkstyle *st = &out->style;
    st->kind = AIR_MK_NUMBER;
    st->depth = 1;
    uint32_t cp;
    size_t k = dec(&cp, s, n);
    enclosed e;
    if (k == n && enclosed_of(&e, cp)) {
        st->sys = e.sys;
        st->form = e.form;
        return e.value == 1;
    }
    /* a path: 1-1, 1.1, 1-1-1, with an optional final '.' */
    if (cp == '1' && n >= 3 && (s[1] == '-' || s[1] == '.') && s[2] == '1') {
        char sep = s[1];
        size_t i = 1;
        unsigned depth = 1;
        while (i + 1 < n && s[i] == sep && s[i + 1] == '1') {
            depth++;
            i += 2;
        }
        if (i < n && s[i] == '.' && sep == '-')
            i++;
        if (i != n || depth > AIR_MARKER_MAX_DEPTH)
            return false;
        st->sys = AIR_NS_DECIMAL;
        st->form = AIR_MF_PATH;
        st->depth = (uint8_t)depth;
        st->sep = sep;
        return true;
    }
    size_t i = 0;
    uint8_t open = 0;
    if (cp == '(' || cp == '[') {
        open = (uint8_t)cp;
        i += k;
        k = dec(&cp, s + i, n - i);
    }
    uint8_t sys = template_sys(cp);
    if (sys == AIR_NS_NONE)
        return false;
    i += k;
    uint32_t close = 0;
    if (i < n)
        i += dec(&close, s + i, n - i);
    if (i != n)
        return false;
    st->sys = sys;
    if (open == '(' && close == ')')
        st->form = AIR_MF_PARENS;
    else if (open == '[' && close == ']')
        st->form = AIR_MF_BRACKETS;
    else if (open)
        return false;
    else if (close == '.')
        st->form = AIR_MF_DOT;
    else if (close == ')')
        st->form = AIR_MF_PAREN;
    else if (close == 0 && (sys == AIR_NS_DECIMAL || cp == 0x2160 ||
                            cp == 0x2170)) {
        /* "1 개요" (Seoul), "Ⅰ 추진 배경": a Roman numeral character
         * stands alone, the letters I V X do not */
        st->form = AIR_MF_PLAIN;
        out->plain_ok = true;
    } else
        return false;
    return true;
}

bool air_mkstyle_equal(const air_mkstyle *a, const air_mkstyle *b)
{
    if (a->kind != b->kind)
        return false;
    if (a->kind != AIR_MK_NUMBER)
        return a->bullet == b->bullet;
    if (a->sys != b->sys || a->form != b->form)
        return false;
    if (a->form == AIR_MF_PATH)
        return a->depth == b->depth && a->sep == b->sep &&
               a->close == b->close;
    if (a->form == AIR_MF_OTHER)
        return a->bullet == b->bullet;
    return true;
}

static bool style_recognised(const air_numbering *mk, uint8_t sys,
                             uint8_t form)
{
    for (size_t i = 0; i < mk->ntemplates; i++)
        if (mk->templates[i].style.sys == sys &&
            mk->templates[i].style.form == form)
            return true;
    return false;
}

int air_numbering_level(const air_numbering *mk, const air_mkstyle *s)
{
    if (s->kind == AIR_MK_BULLET) {
        for (size_t i = 0; i < mk->nbullet_levels; i++)
            if (mk->bullet_levels[i] == s->bullet)
                return (int)i;
        return -1;
    }
    if (s->kind != AIR_MK_NUMBER)
        return -1;
    for (size_t i = 0; i < mk->nlevels; i++) {
        const air_mkstyle *t = &mk->levels[i].style;
        air_mkstyle bare = *s;
        bare.close = t->close; /* "1-1" takes "1-1." */
        if (air_mkstyle_equal(t, &bare))
            return (int)i;
        /* the Seoul "1" level is written "1" or "1." */
        if (t->form == AIR_MF_PLAIN && t->sys == s->sys &&
            s->form == AIR_MF_DOT)
            return (int)i;
    }
    return -1;
}

/* ---- parsing ------------------------------------------------------------- */

static bool is_space_at(const char *s, size_t n)
{
    uint32_t cp;
    if (n == 0)
        return true; /* the end of the text or line */
    dec(&cp, s, n);
    return air_is_space(cp) || cp == '\n';
}

/* What may follow a numbered marker: a space, or an opening bracket or
 * quote, as in "1.「국가계약법」" and "2-2.｢지침｣", written without a space
 * often enough. (Not '(': "1.(월)" is a date more often than an item.) */
static bool ends_marker(const char *s, size_t n)
{
    uint32_t cp;
    if (is_space_at(s, n))
        return true;
    dec(&cp, s, n);
    return cp == 0x300C || cp == 0x300E || cp == 0xFF62 || cp == 0x201C ||
           cp == 0x2018 || cp == 0x3008 || cp == 0x300A || cp == 0x3010;
}

/* After a bare number "1 ": the next word must not be a counter or a
 * unit ("3 개월", "2 명"), which would make it a quantity. */
static bool is_quantity(const char *s, size_t n)
{
    static const char *const units[] = {
        "개", "명", "원", "일", "월", "년", "시", "분", "초", "회", "건",
        "차", "층", "번", "호", "조", "항", "장", "절", "인", "세", "주",
        "권", "부", "매", "쪽", "면", "배", "곳", "대", "편", "종", "점",
        "개월", "시간", "주년", "만", "천", "억", "만원", "억원", "%",
        "km", "m", "kg", "cm", "mm", "ha", "㎡", "㎞", "톤", NULL
    };
    size_t i = 0;
    uint32_t cp;
    while (i < n) {
        size_t k = dec(&cp, s + i, n - i);
        if (!air_is_space(cp))
            break;
        i += k;
    }
    size_t w = i;
    while (w < n) {
        size_t k = dec(&cp, s + w, n - w);
        if (air_is_space(cp) || cp == '\n' || cp == ',' || cp == '.' ||
            cp == ')' || cp == '(')
            break;
        w += k;
    }
    if (w == i)
        return true; /* "1" and nothing: a number, not an item */
    dec(&cp, s + i, n - i);
    if (cp < 0x80 && !((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z'))
        return true; /* "1 2 3", "1 -": numbers, not items */
    for (size_t u = 0; units[u]; u++)
        if (strlen(units[u]) == w - i &&
            memcmp(units[u], s + i, w - i) == 0)
            return true;
    return false;
}

/* A path "1-1", "1.1.1" of exactly 'depth' components at s. */
static size_t read_path(air_marker *m, const air_mkstyle *t, const char *s,
                        size_t n)
{
    size_t i = 0;
    for (unsigned c = 0; c < t->depth; c++) {
        if (c > 0) {
            if (i >= n || s[i] != t->sep)
                return 0;
            i++;
        }
        int32_t v = 0, letter;
        size_t k = numeral(&v, &letter, AIR_NS_DECIMAL, s + i, n - i);
        if (k == 0 || k > 2)
            return 0; /* 02-123-4567 is a telephone number */
        m->path[c] = v;
        i += k;
    }
    /* exactly this depth: 1-1-1 is not 1-1 followed by "-1" */
    if (i + 1 < n && (s[i] == '-' || s[i] == '.') && s[i + 1] >= '0' &&
        s[i + 1] <= '9')
        return 0;
    if (i < n && (s[i] == '-' || s[i] == '~'))
        return 0;
    if (i < n && (s[i] == '.' || (t->sep == '-' && s[i] == ')')))
        i++; /* 1-1. 1.1. 1-1) */
    m->value = m->path[t->depth - 1];
    return i;
}

/* One template at s[0..n): the bytes of the marker, or 0. */
static size_t match_template(air_marker *m, const air_mkstyle *t,
                             const char *s, size_t n)
{
    if (t->form == AIR_MF_PATH)
        return read_path(m, t, s, n);
    size_t i = 0;
    uint32_t cp;
    if (t->form == AIR_MF_PARENS || t->form == AIR_MF_BRACKETS) {
        i = dec(&cp, s, n);
        if (cp != (t->form == AIR_MF_PARENS ? '(' : '['))
            return 0;
    }
    size_t k = numeral(&m->value, &m->letter_value, t->sys, s + i, n - i);
    if (k == 0)
        return 0;
    i += k;
    uint32_t want = 0;
    switch (t->form) {
    case AIR_MF_DOT: want = '.'; break;
    case AIR_MF_PAREN:
    case AIR_MF_PARENS: want = ')'; break;
    case AIR_MF_BRACKETS: want = ']'; break;
    default: break;
    }
    if (want) {
        if (i >= n)
            return 0;
        i += dec(&cp, s + i, n - i);
        if (cp != want)
            return 0;
    }
    return i;
}

/* Only the patterns that can start with a digit apply to a decimal; the
 * caller handles this by running not_markers on every numbered marker. */
static bool vetoed(const air_numbering *mk, const char *s, size_t n)
{
    size_t ms, me;
    return mk->not_markers &&
           air_patterns_find(mk->not_markers, s, n, 0, &ms, &me) && ms == 0;
}

static bool is_bulletish_letter(uint32_t cp)
{
    /* letters used as bullets: ㅇ (for ○), o, O */
    return cp == 0x3147 || cp == 'o' || cp == 'O';
}

static bool parse(air_marker *out, const air_numbering *mk, const char *s,
                  size_t len, bool strict)
{
    memset(out, 0, sizeof *out);
    size_t i = 0;
    uint32_t cp = 0;
    while (i < len) {
        size_t k = air_utf8_decode(&cp, s + i, len - i);
        if (!air_is_space(cp))
            break;
        i += k;
    }
    if (i >= len)
        return false;
    const char *p = s + i;
    size_t n = len - i;
    size_t k = dec(&cp, p, n);
    uint32_t next = 0;
    dec(&next, p + k, n - k);
    out->start = (uint32_t)i;
    out->style.depth = 1;

    if (air_cpset_has(mk->notes, cp)) {
        out->style.kind = AIR_MK_NOTE;
        out->style.bullet = cp;
        out->end = (uint32_t)(i + k);
        return true;
    }
    enclosed e;
    if (enclosed_of(&e, cp)) {
        if (strict && !style_recognised(mk, e.sys, e.form))
            return false;
        if (enclosed_of(&(enclosed){ 0 }, next) && next != cp)
            return false; /* ①② as a list of references */
        out->style.kind = AIR_MK_NUMBER;
        out->style.sys = e.sys;
        out->style.form = e.form;
        out->value = e.value;
        out->end = (uint32_t)(i + k);
        return true;
    }
    if (!is_bulletish_letter(cp) || !strict) {
        /* numbered templates, the most specific first (paths, then
         * enclosed forms, then the rest in configuration order) */
        static const uint8_t order[] = { AIR_MF_PATH, AIR_MF_PARENS,
                                         AIR_MF_BRACKETS, AIR_MF_DOT,
                                         AIR_MF_PAREN, AIR_MF_PLAIN };
        for (size_t o = 0; o < sizeof order; o++) {
            unsigned best_depth = 0;
            size_t best = 0;
            air_marker m;
            for (size_t t = 0; t < mk->ntemplates; t++) {
                const air_mkstyle *ts = &mk->templates[t].style;
                if (ts->form != order[o] || ts->depth < best_depth)
                    continue;
                memset(&m, 0, sizeof m);
                size_t got = match_template(&m, ts, p, n);
                if (got == 0 ||
                    (strict && !(ts->form == AIR_MF_PLAIN
                                     ? is_space_at(p + got, n - got)
                                     : ends_marker(p + got, n - got))))
                    continue;
                if (ts->form == AIR_MF_PLAIN &&
                    (!mk->templates[t].plain_ok ||
                     is_quantity(p + got, n - got) || m.value > 99 ||
                     (ts->sys != AIR_NS_DECIMAL && cp < 0x2160)))
                    continue;
                if (ts->depth > best_depth || best == 0) {
                    m.style = *ts;
                    if (ts->form == AIR_MF_PATH &&
                        (p[got - 1] == '.' || p[got - 1] == ')'))
                        m.style.close = p[got - 1];
                    m.start = (uint32_t)i;
                    m.end = (uint32_t)(i + got);
                    *out = m;
                    best = got;
                    best_depth = ts->depth;
                }
            }
            if (best) {
                if (strict && vetoed(mk, p, n)) {
                    memset(out, 0, sizeof *out);
                    return false;
                }
                out->style.kind = AIR_MK_NUMBER;
                return true;
            }
        }
        if (!strict) {
            /* a displayed marker of a form no template names: try all */
            static const char *const all[] = { "1.", "1)", "(1)", "가.",
                "가)", "(가)", "ㄱ.", "ㄱ)", "(ㄱ)", "I.", "I)", "(I)",
                "i.", "i)", "(i)", "A.", "A)", "(A)", "a.", "a)", "(a)",
                "1.1", "1.1.1", "1.1.1.1", "1-1", "1-1-1", "1", "[1]",
                NULL };
            for (size_t t = 0; all[t]; t++) {
                air_mktemplate tt;
                air_marker m;
                memset(&m, 0, sizeof m);
                if (!air_mktemplate_parse(&tt, all[t]))
                    continue;
                size_t got = match_template(&m, &tt.style, p, n);
                if (got && got == n) {
                    m.style = tt.style;
                    if (tt.style.form == AIR_MF_PATH &&
                        (p[got - 1] == '.' || p[got - 1] == ')'))
                        m.style.close = p[got - 1];
                    m.style.kind = AIR_MK_NUMBER;
                    m.start = (uint32_t)i;
                    m.end = (uint32_t)(i + got);
                    *out = m;
                    return true;
                }
            }
        }
    }
    if (air_cpset_has(mk->bullets, cp) || (!strict && k == n)) {
        if (next == cp && strict)
            return false; /* ----, ○○○: a rule line or a mask */
        if (cp == '-' && next >= '0' && next <= '9')
            return false; /* -5%: a negative number */
        if (is_bulletish_letter(cp) && !is_space_at(p + k, n - k))
            return false;
        out->style.kind = AIR_MK_BULLET;
        out->style.bullet = cp;
        out->end = (uint32_t)(i + k);
        return true;
    }
    return false;
}

bool air_marker_parse(air_marker *out, const air_numbering *mk,
                      const char *s, size_t len)
{
    return parse(out, mk, s, len, true);
}

static uint8_t sys_of_fmt(uint8_t fmt)
{
    switch (fmt) {
    case AIR_NUMFMT_DECIMAL:
    case AIR_NUMFMT_DECIMAL_ZERO:
    case AIR_NUMFMT_CIRCLED_DECIMAL: return AIR_NS_DECIMAL;
    case AIR_NUMFMT_UPPER_ROMAN: return AIR_NS_ROMAN_UPPER;
    case AIR_NUMFMT_LOWER_ROMAN: return AIR_NS_ROMAN_LOWER;
    case AIR_NUMFMT_UPPER_LETTER: return AIR_NS_LATIN_UPPER;
    case AIR_NUMFMT_LOWER_LETTER:
    case AIR_NUMFMT_CIRCLED_LETTER: return AIR_NS_LATIN_LOWER;
    case AIR_NUMFMT_HANGUL_SYLLABLE:
    case AIR_NUMFMT_CIRCLED_HANGUL_SYLLABLE: return AIR_NS_HANGUL;
    case AIR_NUMFMT_HANGUL_JAMO:
    case AIR_NUMFMT_CIRCLED_HANGUL_JAMO: return AIR_NS_JAMO;
    default: return AIR_NS_OTHER;
    }
}

bool air_marker_from_list(air_marker *out, const air_numbering *mk,
                          const air_list *l)
{
    memset(out, 0, sizeof *out);
    out->style.depth = 1;
    const char *m = l->marker;
    size_t n = m ? strlen(m) : 0;
    while (n > 0 && (m[n - 1] == ' ' || m[n - 1] == '\t'))
        n--;
    if (l->kind == AIR_LIST_BULLET) {
        uint32_t cp = 0x2022; /* • when the reader gives no character */
        size_t i = 0;
        while (i < n && (m[i] == ' ' || m[i] == '\t'))
            i++;
        if (i < n)
            air_utf8_decode(&cp, m + i, n - i);
        out->style.kind = AIR_MK_BULLET;
        out->style.bullet = cp;
        return true;
    }
    if (l->kind != AIR_LIST_NUMBER && l->kind != AIR_LIST_OUTLINE)
        return false;
    if (m != NULL && n == 0)
        return false; /* an empty level text: nothing is shown */
    if (m != NULL && parse(out, mk, m, n, false) &&
        out->style.kind == AIR_MK_NUMBER) {
        out->start = out->end = 0;
        /* the list's format settles what the shown text leaves open:
         * "l." of a lower-roman list is 50, not the letter l */
        uint8_t sys = sys_of_fmt(l->fmt);
        if (sys != AIR_NS_OTHER && sys != out->style.sys &&
            l->value > 0) {
            out->style.sys = sys;
            out->value = l->value;
        }
        return true;
    }
    if (l->fmt == AIR_NUMFMT_NONE || l->fmt == AIR_NUMFMT_BULLET)
        return false;
    memset(out, 0, sizeof *out);
    out->style.kind = AIR_MK_NUMBER;
    out->style.sys = sys_of_fmt(l->fmt);
    out->style.form = AIR_MF_OTHER;
    out->style.depth = 1;
    out->style.bullet = l->list_id;
    out->value = l->value;
    return true;
}

/* ---- formatting -------------------------------------------------------- */

static size_t put_cp(char *buf, size_t cap, size_t at, uint32_t cp)
{
    char u[4];
    size_t k = air_utf8_encode(u, cp);
    if (at + k < cap)
        memcpy(buf + at, u, k);
    return at + k;
}

static size_t put_numeral(char *buf, size_t cap, size_t at, uint8_t sys,
                          int32_t v)
{
    char tmp[32];
    tmp[0] = 0;
    switch (sys) {
    case AIR_NS_HANGUL:
        if (v >= 1 && v <= NHANGUL)
            return put_cp(buf, cap, at, hangul_order[v - 1]);
        break;
    case AIR_NS_JAMO:
        if (v >= 1 && v <= 14)
            return put_cp(buf, cap, at, jamo_order[v - 1]);
        break;
    case AIR_NS_ROMAN_UPPER:
    case AIR_NS_ROMAN_LOWER:
        if (v >= 1 && v <= 50) {
            static const char *const ones[] = { "", "I", "II", "III", "IV",
                                                "V", "VI", "VII", "VIII",
                                                "IX" };
            static const char *const tens[] = { "", "X", "XX", "XXX", "XL",
                                                "L" };
            snprintf(tmp, sizeof tmp, "%s%s", tens[v / 10], ones[v % 10]);
            if (sys == AIR_NS_ROMAN_LOWER)
                for (char *c = tmp; *c; c++)
                    *c = (char)(*c | 0x20);
        }
        break;
    case AIR_NS_LATIN_UPPER:
    case AIR_NS_LATIN_LOWER:
        if (v >= 1 && v <= 26)
            snprintf(tmp, sizeof tmp, "%c",
                     (sys == AIR_NS_LATIN_UPPER ? 'A' : 'a') + v - 1);
        break;
    default:
        break;
    }
    if (tmp[0] == 0)
        snprintf(tmp, sizeof tmp, "%d", (int)v);
    for (const char *c = tmp; *c; c++)
        at = put_cp(buf, cap, at, (unsigned char)*c);
    return at;
}

static uint32_t enclosed_cp(uint8_t sys, uint8_t form, int32_t v)
{
    if (v < 1)
        return 0;
    if (form == AIR_MF_CIRCLED) {
        switch (sys) {
        case AIR_NS_DECIMAL:
            return v <= 20   ? 0x2460 + (uint32_t)v - 1
                   : v <= 35 ? 0x3251 + (uint32_t)v - 21
                   : v <= 50 ? 0x32B1 + (uint32_t)v - 36
                             : 0;
        case AIR_NS_HANGUL: return v <= 14 ? 0x326E + (uint32_t)v - 1 : 0;
        case AIR_NS_JAMO: return v <= 14 ? 0x3260 + (uint32_t)v - 1 : 0;
        case AIR_NS_LATIN_LOWER: return v <= 26 ? 0x24D0 + (uint32_t)v - 1 : 0;
        case AIR_NS_LATIN_UPPER: return v <= 26 ? 0x24B6 + (uint32_t)v - 1 : 0;
        default: return 0;
        }
    }
    if (form == AIR_MF_NEGATIVE && sys == AIR_NS_DECIMAL)
        return v <= 10 ? 0x2776 + (uint32_t)v - 1
               : v <= 20 ? 0x24EB + (uint32_t)v - 11 : 0;
    if (form == AIR_MF_DOUBLE && sys == AIR_NS_DECIMAL)
        return v <= 10 ? 0x24F5 + (uint32_t)v - 1 : 0;
    return 0;
}

size_t air_marker_format(char *buf, size_t cap, const air_mkstyle *s,
                         const int32_t *path, int32_t value)
{
    size_t at = 0;
    if (cap == 0)
        return 0;
    if (s->kind != AIR_MK_NUMBER) {
        at = put_cp(buf, cap, 0, s->bullet);
    } else if (s->form == AIR_MF_PATH) {
        for (unsigned c = 0; c < s->depth; c++) {
            if (c > 0)
                at = put_cp(buf, cap, at, (uint32_t)s->sep);
            int32_t v = c + 1 == s->depth || path == NULL ? value : path[c];
            at = put_numeral(buf, cap, at, AIR_NS_DECIMAL, v);
        }
        if (s->close)
            at = put_cp(buf, cap, at, (unsigned char)s->close);
    } else {
        uint32_t e = enclosed_cp(s->sys, s->form, value);
        if (e) {
            at = put_cp(buf, cap, 0, e);
        } else {
            if (s->form == AIR_MF_PARENS || s->form == AIR_MF_BRACKETS ||
                s->form == AIR_MF_CIRCLED || s->form == AIR_MF_NEGATIVE ||
                s->form == AIR_MF_DOUBLE)
                at = put_cp(buf, cap, at,
                            s->form == AIR_MF_BRACKETS ? '[' : '(');
            at = put_numeral(buf, cap, at, s->sys, value);
            switch (s->form) {
            case AIR_MF_DOT: at = put_cp(buf, cap, at, '.'); break;
            case AIR_MF_PAREN:
            case AIR_MF_PARENS:
            case AIR_MF_CIRCLED:
            case AIR_MF_NEGATIVE:
            case AIR_MF_DOUBLE: at = put_cp(buf, cap, at, ')'); break;
            case AIR_MF_BRACKETS: at = put_cp(buf, cap, at, ']'); break;
            default: break;
            }
        }
    }
    if (at >= cap)
        at = cap - 1;
    buf[at] = 0;
    return at;
}
