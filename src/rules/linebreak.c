/* linebreak.c -- principle 3: is a break in the middle of a sentence?
 *
 * One detector for rules 301/302 and the Markdown join (linebreak.h). It
 * asks a fixed sequence of questions about the line before the break and
 * the line after it; the words and signs each question looks for come
 * from `sentences:` in rules/defaults.yaml.
 *
 * Why this order: false positives cost as much trust as misses, and
 * Korean 개조식 writing is full of legitimate short lines that end in a
 * noun without a period. So the signs that a break is legitimate come
 * first (structure, a complete line, a sentence ending, an item marker or
 * a label on the next line), then the signs that the sentence goes on,
 * strongest first (an open bracket, a word cut in two, a comma, a
 * particle or connective ending, a next line that can only continue), and
 * last the one weak sign: a long unfinished line of prose followed by an
 * unmarked line. Nothing found: the break is kept.
 *
 * Cost: every pattern runs on a window of at most WINDOW bytes at the
 * break, the bracket scan is one pass over the line before; no allocation
 * (patterns share a per-thread match block, see air_patterns_any). */
#include "config.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules/cv.h"
#include "rules/data.h"
#include "rules/engine.h"
#include "rules/linebreak.h"
#include "util/error.h"
#include "util/utf8.h"

/* Bytes of a line the patterns see at the break: about 40 Hangul
 * syllables, more than any ending, marker or label they look for. */
enum { WINDOW = 120 };
/* Bytes of a line that whole-line patterns (dates, greetings) look at;
 * longer lines are never such lines. */
enum { WHOLE_MAX = 256 };
/* Nesting of brackets followed in a line; deeper input is still scanned,
 * only the innermost levels past this are forgotten. */
enum { MAX_NEST = 16 };
/* Bracket pairs read from the configuration. */
enum { MAX_BRACKETS = 32 };

struct air_lb {
    const air_patterns *markers, *labels, *complete, *terminal, *item_end,
        *cont_end, *noun_end, *cont_start, *joins_start, *particles_start,
        *sentence_ends, *cell_heads, *cell_bound, *lead_ins, *code, *code_lines,
        *code_open;
    air_strlist after_cons, after_vowel, after_vowel_l, after_any;
    air_strlist single_words;
    const air_cpset *joiners;
    uint32_t brackets[MAX_BRACKETS][2];
    size_t nbrackets;
    size_t prose_min;  /* display columns */
    size_t cell_max;   /* Hangul syllables */
    size_t cell_short; /* Hangul syllables */
};

static const char *const why_names[AIR_LB_WHY_COUNT] = {
    "none", "empty",   "structure", "line",   "terminal",
    "item", "bracket", "comma",     "joiner", "ending",
    "next", "word",    "prose",     "marker", "cell",
};

const char *air_lb_why_name(air_lb_why why)
{
    return why < AIR_LB_WHY_COUNT ? why_names[why] : "?";
}

/* ==== text helpers ======================================================= */

typedef struct span {
    const char *s;
    size_t n;
} span;

static bool is_hangul(uint32_t cp)
{
    return cp >= 0xAC00 && cp <= 0xD7A3;
}

/* Final consonant (받침) of a Hangul syllable: 0 none, 8 is ㄹ. */
static unsigned jong(uint32_t cp)
{
    return (unsigned)((cp - 0xAC00) % 28);
}

static bool is_wide(uint32_t cp)
{
    return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
           (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
           (cp >= 0xFFE0 && cp <= 0xFFE6);
}

static span trim(const char *s, size_t n)
{
    size_t b = 0, e = n;
    uint32_t cp;
    while (b < e) {
        size_t k = air_utf8_decode(&cp, s + b, e - b);
        if (!air_is_space(cp))
            break;
        b += k;
    }
    while (e > b) {
        size_t k = air_utf8_decode_back(&cp, s, e);
        if (!air_is_space(cp))
            break;
        e -= k;
    }
    return (span){s + b, e - b};
}

static uint32_t first_cp(span t)
{
    uint32_t cp = 0;
    if (t.n)
        air_utf8_decode(&cp, t.s, t.n);
    return cp;
}

static uint32_t last_cp(span t, size_t *len)
{
    uint32_t cp = 0;
    size_t k = t.n ? air_utf8_decode_back(&cp, t.s, t.n) : 0;
    if (len)
        *len = k;
    return cp;
}

/* The last WINDOW bytes of t, starting after a space when the cut falls
 * inside a word (so that "^" and "\s" anchors see whole words). */
static span tail(span t)
{
    if (t.n <= WINDOW)
        return t;
    size_t off = t.n - WINDOW;
    while (off < t.n && ((unsigned char)t.s[off] & 0xC0) == 0x80)
        off++;
    for (size_t i = off; i < t.n; i++)
        if (t.s[i] == ' ') {
            off = i + 1;
            break;
        }
    return (span){t.s + off, t.n - off};
}

static span head(span t)
{
    if (t.n <= WINDOW)
        return t;
    size_t n = WINDOW;
    while (n > 0 && ((unsigned char)t.s[n] & 0xC0) == 0x80)
        n--;
    return (span){t.s, n};
}

static bool any(const air_patterns *p, span t)
{
    return t.n && air_patterns_any(p, t.s, t.n);
}

static size_t columns(span t)
{
    size_t c = 0;
    for (size_t i = 0; i < t.n;) {
        uint32_t cp;
        i += air_utf8_decode(&cp, t.s + i, t.n - i);
        c += is_wide(cp) ? 2 : 1;
    }
    return c;
}

/* The last word of t (after its last space). */
static span last_word(span t)
{
    size_t i = t.n;
    while (i > 0) {
        uint32_t cp;
        size_t k = air_utf8_decode_back(&cp, t.s, i);
        if (air_is_space(cp))
            break;
        i -= k;
    }
    return (span){t.s + i, t.n - i};
}

static bool ends_with(span t, const char *w)
{
    size_t k = strlen(w);
    return k && k <= t.n && memcmp(t.s + t.n - k, w, k) == 0;
}

/* ==== brackets ============================================================ */

static bool is_latin_or_digit(uint32_t cp)
{
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
           (cp >= '0' && cp <= '9');
}

static bool has_hangul(span t)
{
    for (size_t i = 0; i < t.n;) {
        uint32_t cp;
        i += air_utf8_decode(&cp, t.s + i, t.n - i);
        if (is_hangul(cp))
            return true;
    }
    return false;
}

/* A web address ends in '/' without joining anything. */
static bool is_url(span w)
{
    for (size_t i = 0; i + 2 < w.n; i++)
        if (w.s[i] == ':' && w.s[i + 1] == '/' && w.s[i + 2] == '/')
            return true;
    return w.n > 4 && memcmp(w.s, "www.", 4) == 0;
}

/* Whether cp opens a bracket of some configured pair. */
static bool is_opener(const air_lb *lb, uint32_t cp)
{
    for (size_t i = 0; i < lb->nbrackets; i++)
        if (lb->brackets[i][0] == cp)
            return true;
    return false;
}

static bool is_closer(const air_lb *lb, uint32_t cp)
{
    for (size_t i = 0; i < lb->nbrackets; i++)
        if (lb->brackets[i][1] == cp)
            return true;
    return false;
}

static bool is_pair(const air_lb *lb, uint32_t open, uint32_t close)
{
    for (size_t i = 0; i < lb->nbrackets; i++)
        if (lb->brackets[i][0] == open && lb->brackets[i][1] == close)
            return true;
    return false;
}

/* Follows the brackets of t from the start; returns the depth left open
 * and sets *end_of_first to the byte after the bracket that closes the
 * one t starts with (0 when t does not start with one, or it stays open).
 * A closer without its opener ("1)", "가)") is an item marker or a stray:
 * ignored. Mixed pairs the configuration allows (｢…」) match. */
static size_t scan_brackets(const air_lb *lb, span t, size_t *end_of_first)
{
    uint32_t stack[MAX_NEST];
    size_t depth = 0, lost = 0;
    *end_of_first = 0;
    for (size_t i = 0; i < t.n;) {
        uint32_t cp;
        i += air_utf8_decode(&cp, t.s + i, t.n - i);
        if (is_opener(lb, cp)) {
            if (depth < MAX_NEST)
                stack[depth++] = cp;
            else
                lost++;
            continue;
        }
        if (!is_closer(lb, cp))
            continue;
        if (lost) {
            lost--;
            continue;
        }
        /* Close the innermost matching opener and what it left open. */
        size_t j = depth;
        while (j > 0 && !is_pair(lb, stack[j - 1], cp))
            j--;
        if (j == 0)
            continue;
        depth = j - 1;
        if (depth == 0 && lost == 0 && *end_of_first == 0 &&
            is_opener(lb, first_cp(t)))
            *end_of_first = i;
    }
    return depth + lost;
}

static bool leaves_open(const air_lb *lb, span t)
{
    size_t end;
    return scan_brackets(lb, t, &end) > 0;
}

/* Whether t is one bracketed group, "(세종시 근무)". Sets *rest to what
 * follows a leading group ("(url) 등을 통해" -> "등을 통해"). */
static bool bracket_group(const air_lb *lb, span t, span *rest)
{
    *rest = (span){NULL, 0};
    size_t end;
    scan_brackets(lb, t, &end);
    if (end == 0)
        return false;
    *rest = trim(t.s + end, t.n - end);
    return rest->n == 0;
}

/* t without a bracketed gloss glued to its last word ("기품원
 * IQIS(종합품질정보서비스)" -> "기품원 IQIS"): the line ends, for the
 * sentence, on the word the brackets explain. Only the last WINDOW bytes
 * are searched; t is returned whole when it ends otherwise. */
static span drop_gloss(const air_lb *lb, span t)
{
    uint32_t cp;
    if (t.n == 0 || !is_closer(lb, last_cp(t, NULL)))
        return t;
    span w = tail(t);
    for (size_t i = 0; i < w.n;) {
        size_t k = air_utf8_decode(&cp, w.s + i, w.n - i);
        span rest;
        if (is_opener(lb, cp) && i > 0 &&
            bracket_group(lb, (span){w.s + i, w.n - i}, &rest)) {
            uint32_t before;
            air_utf8_decode_back(&before, w.s, i);
            if (!is_hangul(before) && !is_latin_or_digit(before))
                return t; /* "… 【사분위 범위】": a title of its own */
            return (span){t.s, (size_t)(w.s + i - t.s)};
        }
        i += k;
    }
    return t;
}

/* ==== endings ============================================================= */

static bool in_list(air_strlist l, span w, size_t *len)
{
    for (size_t i = 0; i < l.n; i++)
        if (ends_with(w, l.v[i])) {
            *len = strlen(l.v[i]);
            return true;
        }
    return false;
}

/* A one-syllable particle at the end of word w that agrees with the
 * syllable before it (이/을/은 after a final consonant, 가/를/는/와 after a
 * vowel, 로 after a vowel or ㄹ, 에/의 after anything). */
static bool particle_end(const air_lb *lb, span w)
{
    size_t k = 0;
    int kind;
    if (in_list(lb->after_cons, w, &k))
        kind = 0;
    else if (in_list(lb->after_vowel, w, &k))
        kind = 1;
    else if (in_list(lb->after_vowel_l, w, &k))
        kind = 2;
    else if (in_list(lb->after_any, w, &k))
        kind = 3;
    else
        return false;
    if (k >= w.n)
        return false; /* the particle alone is not a word ending in it */
    uint32_t cp;
    air_utf8_decode_back(&cp, w.s, w.n - k);
    if (!is_hangul(cp))
        /* After a Latin word, a number or a bracket ("WING에", "(타이어)에")
         * the sound is unknown: any particle of the lists counts, but for
         * 과, which also ends the names of offices written with a mask
         * ("OOOO과"). */
        return !(k == 3 && memcmp(w.s + w.n - 3, "\xea\xb3\xbc", 3) == 0) &&
               (is_latin_or_digit(cp) || cp == '%' || cp == ')' ||
                cp == 0xFF09 || cp == ']');
    unsigned j = jong(cp);
    switch (kind) {
    case 0: return j != 0;
    case 1: return j == 0;
    case 2: return j == 0 || j == 8;
    default: return true;
    }
}

/* Whether t ends in a particle, a connective or adnominal ending or a
 * connecting word, and not in a noun that only looks like one. */
static bool continues_end(const air_lb *lb, span t)
{
    span w = tail(t);
    if (any(lb->noun_end, w))
        return false;
    return any(lb->cont_end, w) || particle_end(lb, last_word(t));
}

/* ==== the English rule ==================================================== */

static bool is_lower(uint32_t cp)
{
    return cp >= 'a' && cp <= 'z';
}

/* Words of t and how many start with a capital letter. */
static void count_words(span t, size_t *words, size_t *caps)
{
    *words = *caps = 0;
    bool in = false;
    for (size_t i = 0; i < t.n; i++) {
        unsigned char c = (unsigned char)t.s[i];
        if (c == ' ' || c == '\t') {
            in = false;
        } else if (!in) {
            in = true;
            (*words)++;
            if (c >= 'A' && c <= 'Z')
                (*caps)++;
        }
    }
}

/* An English line in Title Case: a heading or a title ("The
 * Methodologists' Corner⏎by Jeff Valentine" is a title and its byline). */
static bool title_case(span t)
{
    size_t words, caps;
    count_words(t, &words, &caps);
    return words >= 2 && caps * 5 >= words * 3;
}

/* An English line without a final stop followed by one in lower case
 * goes on ("... the settlement⏎mechanisms ..."), unless either looks like
 * code or the line before is a short or Title Case heading. A manual
 * break needs four words before it, a paragraph break a full line. */
static bool english_runs_on(const air_lb *lb, span b, span a, bool is_line)
{
    if (!is_lower(first_cp(a)) || !is_latin_or_digit(last_cp(b, NULL)))
        return false;
    if (any(lb->code, tail(b)) || any(lb->code, head(a)))
        return false;
    size_t words, caps;
    count_words(b, &words, &caps);
    if (words < 4 || caps * 5 >= words * 3)
        return false;
    return is_line || columns(b) >= lb->prose_min;
}

/* ==== separated lists ===================================================== */

static bool is_bar(uint32_t cp)
{
    return cp == '|' || cp == 0xFF5C;
}

/* Whether t holds a bar after its first character: values set apart,
 * not a border drawn down the left ("|HHHH⏎|HHHH"). */
static bool inner_bar(span t)
{
    uint32_t cp;
    size_t i = t.n ? air_utf8_decode(&cp, t.s, t.n) : 0;
    while (i < t.n) {
        i += air_utf8_decode(&cp, t.s + i, t.n - i);
        if (is_bar(cp))
            return true;
    }
    return false;
}

/* A list of values set apart by bars, wrapped by hand so that the next
 * line starts with the bar ("AUTHOR | INFO⏎| KEYWORDS | NUMPAGES"): the
 * list goes on. A row of a table drawn with bars ends with one ("| a |
 * b |"), and so does the row before it: kept. */
static bool list_goes_on(span b, span a)
{
    if (!is_bar(first_cp(a)) || is_bar(last_cp(a, NULL)) ||
        is_bar(last_cp(b, NULL)))
        return false;
    return inner_bar(b) && inner_bar(a);
}

/* ==== the weak rules ====================================================== */

/* Whether some word of t before the last carries a particle or an
 * ending: t reads as a sentence, not a formula or a list of nouns. */
static bool reads_as_sentence(const air_lb *lb, span t)
{
    span rest = trim(t.s, t.n - last_word(t).n);
    for (int i = 0; i < 12 && rest.n; i++) {
        span w = last_word(rest);
        if (continues_end(lb, w))
            return true;
        rest = trim(rest.s, rest.n - w.n);
    }
    return false;
}

/* A long line that stops on a word (or on a word and its bracketed
 * gloss), with no ending that closes it (an item ending such as 완료 or
 * 예정 counts only when item_ends), and is no label line: the shape of
 * text wrapped by hand. */
static bool long_open_line(const air_lb *lb, span rawb, span b, bool item_ends)
{
    b = drop_gloss(lb, b);
    uint32_t e = last_cp(b, NULL);
    if (columns(rawb) < lb->prose_min ||
        (item_ends && any(lb->item_end, tail(b))) ||
        (!is_hangul(e) && !is_latin_or_digit(e)))
        return false; /* "…【사분위 범위】", "…개정되기 전의 것)": titles */
    for (size_t i = 0; i + 1 < b.n; i++)
        if (b.s[i] == ':' && b.s[i + 1] == ' ')
            return false; /* "이용기간 : 5년": a label and its value */
    for (size_t i = 0; i + 2 < b.n; i++)
        if (!memcmp(b.s + i, "\xef\xbc\x9a", 3))
            return false; /* the full-width colon "：" */
    if (any(lb->code, b))
        return false; /* a formula or a line of code */
    /* Korean: English lines wrapped by hand are the English rule's. */
    return has_hangul(b) && reads_as_sentence(lb, b);
}

/* Display columns of the blank run that starts t. */
static size_t indent(span t)
{
    size_t c = 0;
    for (size_t i = 0; i < t.n;) {
        uint32_t cp;
        size_t k = air_utf8_decode(&cp, t.s + i, t.n - i);
        if (!air_is_space(cp))
            break;
        c += cp == '\t' ? 4 : is_wide(cp) ? 2 : 1;
        i += k;
    }
    return c;
}

/* Whether a ends a sentence: its last line stops on a sentence ending,
 * or a sentence ends inside it. */
static bool ends_sentence(const air_lb *lb, span a)
{
    return any(lb->terminal, tail(a)) || any(lb->sentence_ends, a);
}

/* A long line without any ending, followed by an unmarked line that ends
 * the sentence: prose wrapped by hand ("... 소모성 및 재생품 교환⏎주기,
 * 검·교정 ... 명기되어야 한다."). */
static bool prose_runs_on(const air_lb *lb, span rawb, span b, span a)
{
    uint32_t c = first_cp(a);
    if ((!is_hangul(c) && !is_latin_or_digit(c)) ||
        !long_open_line(lb, rawb, b, true))
        return false;
    return ends_sentence(lb, a);
}

/* A long line wrapped by hand under a hanging indent: the next line is
 * pushed right with blanks to stand under the text after the item
 * marker ("6.3.2 계약상대자는 … 부정당 행위가⏎      발생되지 않도록 …"),
 * or under the text of the line before when that was itself such a
 * continuation. A noun such as 완료 or 예정 that could end an item ends
 * no item here when the hanging line closes a sentence ("… 목록화 자료
 * 입력 완료⏎      증빙서류를 제출하여야 한다."): 개조식 items carry no
 * sentence ending, so the two lines are one sentence. */
static bool hangs_on(const air_lb *lb, span rawb, span b, span rawa, span a)
{
    size_t w = indent(rawa);
    uint32_t c = first_cp(a);
    if (w < 2 || (!is_hangul(c) && !is_latin_or_digit(c) && c != '(') ||
        !long_open_line(lb, rawb, b, !ends_sentence(lb, a)))
        return false;
    size_t h = indent(rawb);
    if (any(lb->markers, head(b))) {
        span m = b; /* the marker: the first word and the blanks after */
        size_t i = 0;
        while (i < m.n && m.s[i] != ' ')
            i++;
        m.n = i;
        h += columns(m);
        h += indent((span){b.s + i, b.n - i});
    }
    return w + 1 >= h && w <= h + 1;
}

/* ==== the cell rule ====================================================== */

/* Syllables of t when it holds only Hangul syllables and spaces, else 0. */
static size_t hangul_only(span t)
{
    size_t n = 0;
    for (size_t i = 0; i < t.n;) {
        uint32_t cp;
        i += air_utf8_decode(&cp, t.s + i, t.n - i);
        if (is_hangul(cp))
            n++;
        else if (!air_is_space(cp))
            return 0;
    }
    return n;
}

/* Whether a short label ends in a head noun, its letters spaced out or
 * not ("종 류" is "종류"). */
static bool ends_in_head(const air_lb *lb, span t)
{
    char buf[4 * 16]; /* cell-max syllables at most are ever short */
    size_t n = 0;
    span w = tail(t);
    for (size_t i = 0; i < w.n && n < sizeof buf; i++)
        if (w.s[i] != ' ')
            buf[n++] = w.s[i];
    if (n == sizeof buf)
        return any(lb->cell_heads, w);
    return air_patterns_any(lb->cell_heads, buf, n);
}

/* Two short Hangul parts of a cell label, the second finishing the
 * first: "응시⏎자격", "복수국적⏎해당여부" (see `cell-heads`). */
static bool label_cut(const air_lb *lb, span b, span a)
{
    size_t nb = hangul_only(b), na = hangul_only(a);
    if (nb == 0 || na == 0 || nb > lb->cell_max || na > lb->cell_max)
        return false;
    if (any(lb->cell_bound, a))
        return true; /* "자격⏎요건": a head that needs its noun */
    if (ends_in_head(lb, b))
        return false; /* "성명⏎생년월일": two labels stacked */
    /* Two short single words: "영업⏎이익", "재판매⏎가격"; not two
     * phrases of their own ("첫 줄⏎둘째 줄"). */
    if (nb <= lb->cell_short + 1 && na <= lb->cell_short + 1 &&
        nb + na <= 2 * lb->cell_short + 1 && last_word(b).n == b.n &&
        last_word(a).n == a.n)
        return true;
    return ends_in_head(lb, a);
}

/* The text of paragraph p when it is one short line of a cell. */
static bool one_line(const air_node *p, span *out)
{
    if (p == NULL || p->kind != AIR_NODE_PARA || p->u.para.nbreaks > 0)
        return false;
    *out = trim(p->u.para.text, p->u.para.len);
    return out->n > 0;
}

/* A short label in a table cell cut before its head noun, or one line
 * of a label laid out over three or more lines of a narrow cell: when
 * the line above was cut from it, or the line below is cut from the next
 * ("해당⏎분야⏎경력", "본사업⏎참 여⏎기 간"), the cell holds one label, not
 * labels stacked one a line. */
static bool cell_label_cut(const air_lb *lb, const air_lb_break *brk, span b,
                           span a)
{
    if (brk->prev == NULL ||
        air_node_ancestor(brk->prev, AIR_NODE_CELL) == NULL)
        return false;
    if (label_cut(lb, b, a))
        return true;
    span x;
    if (brk->is_line || !one_line(brk->prev, &x) || !one_line(brk->next, &x) ||
        !hangul_only(b) || !hangul_only(a) || hangul_only(b) > lb->cell_max ||
        hangul_only(a) > lb->cell_max)
        return false;
    const air_node *p = brk->prev->prev, *q = brk->next->next;
    if (air_lb_is_pair(p, brk->prev) && one_line(p, &x) && label_cut(lb, x, b))
        return true;
    return air_lb_is_pair(brk->next, q) && one_line(q, &x) &&
           label_cut(lb, a, x);
}

/* ==== the questions ======================================================= */

static bool structural(const air_lb_break *b)
{
    if (b->is_line || b->prev == NULL || b->next == NULL)
        return false;
    const air_para *p = &b->prev->u.para, *n = &b->next->u.para;
    /* A title set over two paragraphs of one heading style, the first
     * stopping on a comma ("…한국형발사체,⏎국민이 정한 그 이름은"), is
     * one heading cut by Enter. */
    span t = trim(b->before, b->before_len);
    uint32_t e = last_cp(t, NULL);
    if (p->heading && p->heading == n->heading && p->align == n->align &&
        (e == ',' || e == 0xFF0C || e == 0x3001))
        return false;
    /* Differently aligned paragraphs are different units: a centred
     * title over body text, a right-aligned date under a letter. */
    bool aligned_apart = p->align != AIR_ALIGN_DEFAULT &&
                         n->align != AIR_ALIGN_DEFAULT && p->align != n->align;
    return p->heading || n->heading || n->outline_level >= 0 ||
           n->list.kind != AIR_LIST_NONE || aligned_apart ||
           (n->flags & (AIR_PARA_PAGE_BREAK | AIR_PARA_COL_BREAK));
}

/* A line that is only an item marker: "□", "※", "①", "1)". */
static bool lone_marker(const air_lb *lb, span b)
{
    size_t n = air_utf8_count(b.s, b.n);
    if (n > 4 || !any(lb->markers, b))
        return false;
    bool named = n == 1; /* □, ①: one sign */
    for (size_t i = 0; i < b.n;) {
        uint32_t cp;
        i += air_utf8_decode(&cp, b.s + i, b.n - i);
        if (air_is_space(cp))
            return false;
        named = named || is_hangul(cp) || (cp >= '0' && cp <= '9');
    }
    return named; /* 1), (가): a number; not ○○○, a masked name */
}

/* Both lines a single Hangul syllable: text set vertically, one
 * syllable per line, in a narrow cell ("응⏎시⏎자⏎격"). */
static bool vertical(span b, span a)
{
    size_t kb, ka;
    uint32_t cb = last_cp(b, &kb), ca = last_cp(a, &ka);
    return kb == b.n && ka == a.n && is_hangul(cb) && is_hangul(ca);
}

/* Whether the word before the last word of t is one syllable too: text
 * spaced out letter by letter ("주 문", "신 청 인"), not a cut word. */
static bool spaced_letters(span t)
{
    span w = last_word(t);
    span rest = trim(t.s, t.n - w.n);
    span w2 = last_word(rest);
    size_t k;
    last_cp(w2, &k);
    return w2.n > 0 && k == w2.n;
}

/* A single Hangul syllable left alone at the end of 'b' (after a space)
 * that is not a word of its own, and 'a' going on straight after the
 * break with a Hangul syllable: a word cut after its first syllable
 * ("시설 개⏎선에"). */
static bool syllable_cut(const air_lb *lb, span b, span rawa)
{
    span w = last_word(b);
    size_t k;
    uint32_t c = last_cp(w, &k);
    if (k != w.n || w.n == b.n || !is_hangul(c) || rawa.n == 0 ||
        spaced_letters(b))
        return false;
    uint32_t first;
    air_utf8_decode(&first, rawa.s, rawa.n);
    if (!is_hangul(first))
        return false;
    for (size_t i = 0; i < lb->single_words.n; i++)
        if (strlen(lb->single_words.v[i]) == w.n &&
            memcmp(lb->single_words.v[i], w.s, w.n) == 0)
            return false;
    return true;
}

/* The mirror case: the line after the break starts, with no space, with a
 * single syllable that is not a word of its own ("3월부⏎터 시작함"): the
 * last syllable of a word cut in two. */
static bool syllable_tail(const air_lb *lb, span rawa)
{
    uint32_t c;
    if (rawa.n == 0)
        return false;
    size_t k = air_utf8_decode(&c, rawa.s, rawa.n);
    if (!is_hangul(c))
        return false;
    if (k < rawa.n) {
        uint32_t next;
        size_t k2 = air_utf8_decode(&next, rawa.s + k, rawa.n - k);
        if (!air_is_space(next) && next != '.' && next != ',')
            return false;
        /* "종 류": letters spaced out, not the tail of a cut word */
        span rest = trim(rawa.s + k + k2, rawa.n - k - k2);
        span w = rest;
        for (size_t i = 0; i < rest.n; i++)
            if (rest.s[i] == ' ') {
                w.n = i;
                break;
            }
        size_t kw;
        uint32_t cw = last_cp(w, &kw);
        if (w.n && kw == w.n && is_hangul(cw))
            return false;
    }
    for (size_t i = 0; i < lb->single_words.n; i++)
        if (strlen(lb->single_words.v[i]) == k &&
            memcmp(lb->single_words.v[i], rawa.s, k) == 0)
            return false;
    return true;
}

#define ANSWER(cls, w)                                                         \
    do {                                                                       \
        if (why)                                                               \
            *why = (w);                                                        \
        return (cls);                                                          \
    } while (0)

air_lb_class air_lb_classify(const air_lb *lb, const air_lb_break *brk,
                             air_lb_why *why)
{
    if (why)
        *why = AIR_LB_WHY_NONE;
    if (lb == NULL)
        return AIR_LB_COMPLETE;
    span rawb = {brk->before, brk->before_len};
    span rawa = {brk->after, brk->after_len};
    span b = trim(rawb.s, rawb.n), a = trim(rawa.s, rawa.n);
    if (b.n == 0 || a.n == 0)
        ANSWER(AIR_LB_COMPLETE, AIR_LB_WHY_EMPTY);
    if (structural(brk))
        ANSWER(AIR_LB_COMPLETE, AIR_LB_WHY_STRUCTURE);
    if (b.n <= WHOLE_MAX && any(lb->complete, b))
        ANSWER(AIR_LB_COMPLETE, AIR_LB_WHY_LINE);
    /* Lines of code: no Hangul on either side. A statement cut after an
     * operator goes on ("x = ⏎ f(y);"); whole lines keep their breaks: a
     * statement or block ends before the break or a comment, tag or block
     * starts after it ("a = b;", "}", "# comment", "<w:p>"), unless the
     * line before leaves a bracket open ("f(a, ⏎ b);"). */
    if (!has_hangul(b) && !has_hangul(a)) {
        if (any(lb->code_open, (span){rawb.s, b.s + b.n - rawb.s}))
            ANSWER(AIR_LB_CONTINUES_SPACE, AIR_LB_WHY_JOINER);
        if ((any(lb->code_lines, b) || any(lb->code_lines, a)) &&
            !leaves_open(lb, b))
            ANSWER(AIR_LB_COMPLETE, AIR_LB_WHY_LINE);
    }

    span bt = tail(b), ah = head(a);
    /* A space typed before the break: the break is between words. */
    bool space_before = b.s + b.n < rawb.s + rawb.n;
    uint32_t lastc = last_cp(b, NULL);
    bool joiner = air_cpset_has(lb->joiners, lastc) && !is_url(last_word(b));

    if (leaves_open(lb, b))
        ANSWER(AIR_LB_CONTINUES_SPACE, AIR_LB_WHY_BRACKET);
    if (any(lb->terminal, bt))
        ANSWER(AIR_LB_COMPLETE, AIR_LB_WHY_TERMINAL);
    /* A bullet or box alone on its line, its words on the next ("□⏎경력1",
     * "※⏎응시번호"): one item cut in two. A dash alone is a value ("-"
     * for none), not a marker. */
    bool a_item = any(lb->markers, ah) || any(lb->labels, ah);
    if (!a_item && lone_marker(lb, b) && lastc != '-')
        ANSWER(AIR_LB_CONTINUES_SPACE, AIR_LB_WHY_MARKER);
    bool comma = lastc == ',' || lastc == 0xFF0C || lastc == 0x3001;
    if (a_item) {
        /* "2026. 2. 15. ~⏎2. 19." : a range goes on over a number that
         * looks like an item marker. */
        if (joiner && lastc != '/' && lastc != 0xFF0F)
            ANSWER(AIR_LB_CONTINUES_SPACE, AIR_LB_WHY_JOINER);
        /* "…수취하다가,⏎(1) 2003년부터 …": a sentence run through
         * numbered clauses; not a lead-in ("…에 대하여,⏎가) …"). */
        if (comma && !any(lb->lead_ins, bt))
            ANSWER(AIR_LB_CONTINUES_SPACE, AIR_LB_WHY_COMMA);
        ANSWER(AIR_LB_COMPLETE, AIR_LB_WHY_ITEM);
    }

    bool hangul_end = is_hangul(lastc) && !space_before;
    bool ends = continues_end(lb, b);
    if (vertical(b, a) ||
        (hangul_end && (syllable_cut(lb, b, rawa) || syllable_tail(lb, rawa))))
        ANSWER(AIR_LB_CONTINUES_NOSPACE, AIR_LB_WHY_WORD);
    if (hangul_end &&
        ((!ends && any(lb->joins_start, ah)) || any(lb->particles_start, ah)))
        ANSWER(AIR_LB_CONTINUES_NOSPACE, AIR_LB_WHY_WORD);
    /* English: a capital after a comma starts a clause or a line of its
     * own ("…and security,⏎Convinced that…", "Dear Okatu,⏎Thanks…",
     * an address over lines). */
    uint32_t c0 = first_cp(a);
    if (comma && !(c0 >= 'A' && c0 <= 'Z' && !has_hangul(b)))
        ANSWER(AIR_LB_CONTINUES_SPACE, AIR_LB_WHY_COMMA);
    if (joiner)
        ANSWER(AIR_LB_CONTINUES_SPACE, AIR_LB_WHY_JOINER);

    span rest;
    bool group = bracket_group(lb, a, &rest);
    if (ends && !group)
        ANSWER(AIR_LB_CONTINUES_SPACE, AIR_LB_WHY_ENDING);
    if ((any(lb->cont_start, ah) ||
         (rest.n && any(lb->cont_start, head(rest)))) &&
        !(is_lower(first_cp(a)) && title_case(b)))
        ANSWER(AIR_LB_CONTINUES_SPACE, AIR_LB_WHY_NEXT);
    if (english_runs_on(lb, b, a, brk->is_line))
        ANSWER(AIR_LB_CONTINUES_SPACE, AIR_LB_WHY_NEXT);
    if (list_goes_on(b, a))
        ANSWER(AIR_LB_CONTINUES_SPACE, AIR_LB_WHY_NEXT);
    if (cell_label_cut(lb, brk, b, a))
        ANSWER(AIR_LB_CONTINUES_SPACE, AIR_LB_WHY_CELL);
    if (!group &&
        (prose_runs_on(lb, rawb, b, a) || hangs_on(lb, rawb, b, rawa, a)))
        ANSWER(AIR_LB_CONTINUES_SPACE, AIR_LB_WHY_PROSE);
    ANSWER(AIR_LB_COMPLETE, AIR_LB_WHY_NONE);
}

/* ==== paragraph pairs ===================================================== */

static bool holds_block(const air_node *p)
{
    for (const air_node *c = p->first; c; c = c->next)
        if (c->kind == AIR_NODE_TABLE || c->kind == AIR_NODE_TEXTBOX)
            return true;
    return false;
}

bool air_lb_is_pair(const air_node *prev, const air_node *next)
{
    return prev && next && prev->kind == AIR_NODE_PARA &&
           next->kind == AIR_NODE_PARA && next->prev == prev &&
           prev->u.para.len > 0 && next->u.para.len > 0 && !holds_block(prev) &&
           !holds_block(next);
}

/* ==== data ================================================================ */

const air_lb *air_config_linebreak(const air_config *cfg)
{
    return cfg ? cfg->lb : NULL;
}

static air_config *default_cfg;
static pthread_once_t default_once = PTHREAD_ONCE_INIT;

static void load_default(void)
{
    /* A failure leaves no data: breaks are then kept, which loses no
     * text; the error message of a broken installation comes from the
     * commands that load the configuration themselves. */
    if (air_config_load_data(&default_cfg) != AIR_OK)
        default_cfg = NULL;
}

const air_lb *air_lb_default(void)
{
    pthread_once(&default_once, load_default);
    return air_config_linebreak(default_cfg);
}

static air_status bad(const air_cv *v, const char *what)
{
    return air_error(AIR_ECONFIG, "%s:%u: sentences: %s", v->file, v->line,
                     what);
}

static air_status get(const air_cv **out, const air_cv *sec, const char *key,
                      air_cv_kind kind)
{
    const air_cv *v = air_cv_get(sec, key);
    if (v == NULL) {
        char msg[128];
        snprintf(msg, sizeof msg, "'%s' is missing", key);
        return bad(sec, msg);
    }
    if (v->kind != kind) {
        char msg[128];
        snprintf(msg, sizeof msg, "'%s' must be %s", key,
                 kind == AIR_CV_SEQ ? "a list" : "a single value");
        return bad(v, msg);
    }
    *out = v;
    return AIR_OK;
}

static air_status patterns(air_config *cfg, const air_cv *sec, const char *key,
                           const air_patterns **out)
{
    const air_cv *v = NULL;
    air_patterns *p = NULL;
    air_status rc = get(&v, sec, key, AIR_CV_SEQ);
    if (rc == AIR_OK)
        rc = air_patterns_build(&p, &cfg->arena, v, &cfg->owned);
    *out = p;
    return rc;
}

static air_status strings(air_config *cfg, const air_cv *sec, const char *key,
                          air_strlist *out)
{
    const air_cv *v = NULL;
    air_status rc = get(&v, sec, key, AIR_CV_SEQ);
    if (rc != AIR_OK)
        return rc;
    const char **arr = air_arena_alloc(&cfg->arena, (v->n + 1) * sizeof *arr);
    if (arr == NULL)
        return AIR_ENOMEM;
    size_t i = 0;
    for (const air_cv *c = v->first; c; c = c->next) {
        if (c->kind != AIR_CV_SCALAR || c->str[0] == '\0')
            return bad(c, "expected a non-empty word");
        arr[i++] = c->str;
    }
    *out = (air_strlist){i, arr};
    return AIR_OK;
}

static air_status number(size_t *out, const air_cv *sec, const char *key)
{
    const air_cv *v = NULL;
    air_status rc = get(&v, sec, key, AIR_CV_SCALAR);
    if (rc != AIR_OK)
        return rc;
    char *end = NULL;
    long n = strtol(v->str, &end, 10);
    if (v->str[0] == '\0' || *end != '\0' || n < 1 || n > 10000) {
        char msg[128];
        snprintf(msg, sizeof msg, "'%s' must be a whole number, 1 to 10000",
                 key);
        return bad(v, msg);
    }
    *out = (size_t)n;
    return AIR_OK;
}

static air_status brackets(air_lb *lb, const air_cv *sec)
{
    const air_cv *v = NULL;
    air_status rc = get(&v, sec, "brackets", AIR_CV_SEQ);
    if (rc != AIR_OK)
        return rc;
    for (const air_cv *c = v->first; c; c = c->next) {
        uint32_t o = 0, e = 0;
        size_t n = c->kind == AIR_CV_SCALAR ? strlen(c->str) : 0;
        size_t k = n ? air_utf8_decode(&o, c->str, n) : 0;
        size_t k2 = k < n ? air_utf8_decode(&e, c->str + k, n - k) : 0;
        if (n == 0 || k2 == 0 || k + k2 != n || o == e)
            return bad(c, "a bracket pair is two different characters, "
                          "opening then closing");
        if (lb->nbrackets == MAX_BRACKETS)
            return bad(c, "too many bracket pairs");
        lb->brackets[lb->nbrackets][0] = o;
        lb->brackets[lb->nbrackets][1] = e;
        lb->nbrackets++;
    }
    return AIR_OK;
}

air_status air_lb_setup(air_config *cfg, const air_cv *root)
{
    const air_cv *sec = air_cv_get(root, "sentences");
    if (sec == NULL || sec->kind != AIR_CV_MAP)
        return air_error(AIR_ECONFIG, "%s:1: no 'sentences:' section",
                         root->file);
    air_lb *lb = air_arena_alloc(&cfg->arena, sizeof *lb);
    if (lb == NULL)
        return AIR_ENOMEM;
    memset(lb, 0, sizeof *lb);
    const air_cv *v = NULL;
    air_cpset *set = NULL;
    air_status rc;
    if ((rc = patterns(cfg, sec, "markers", &lb->markers)) != AIR_OK ||
        (rc = patterns(cfg, sec, "labels", &lb->labels)) != AIR_OK ||
        (rc = patterns(cfg, sec, "complete-lines", &lb->complete)) != AIR_OK ||
        (rc = patterns(cfg, sec, "terminal", &lb->terminal)) != AIR_OK ||
        (rc = patterns(cfg, sec, "item-endings", &lb->item_end)) != AIR_OK ||
        (rc = patterns(cfg, sec, "continues-end", &lb->cont_end)) != AIR_OK ||
        (rc = patterns(cfg, sec, "noun-endings", &lb->noun_end)) != AIR_OK ||
        (rc = patterns(cfg, sec, "continues-start", &lb->cont_start)) !=
            AIR_OK ||
        (rc = patterns(cfg, sec, "joins-start", &lb->joins_start)) != AIR_OK ||
        (rc = patterns(cfg, sec, "particles-start", &lb->particles_start)) !=
            AIR_OK ||
        (rc = patterns(cfg, sec, "sentence-ends", &lb->sentence_ends)) !=
            AIR_OK ||
        (rc = patterns(cfg, sec, "cell-heads", &lb->cell_heads)) != AIR_OK ||
        (rc = patterns(cfg, sec, "cell-bound-heads", &lb->cell_bound)) !=
            AIR_OK ||
        (rc = patterns(cfg, sec, "lead-ins", &lb->lead_ins)) != AIR_OK ||
        (rc = patterns(cfg, sec, "code", &lb->code)) != AIR_OK ||
        (rc = patterns(cfg, sec, "code-lines", &lb->code_lines)) != AIR_OK ||
        (rc = patterns(cfg, sec, "code-open", &lb->code_open)) != AIR_OK ||
        (rc = strings(cfg, sec, "particles-after-consonant",
                      &lb->after_cons)) != AIR_OK ||
        (rc = strings(cfg, sec, "particles-after-vowel", &lb->after_vowel)) !=
            AIR_OK ||
        (rc = strings(cfg, sec, "particles-after-vowel-or-l",
                      &lb->after_vowel_l)) != AIR_OK ||
        (rc = strings(cfg, sec, "particles-after-any", &lb->after_any)) !=
            AIR_OK ||
        (rc = strings(cfg, sec, "single-words", &lb->single_words)) != AIR_OK ||
        (rc = brackets(lb, sec)) != AIR_OK ||
        (rc = get(&v, sec, "joiners", AIR_CV_SEQ)) != AIR_OK ||
        (rc = air_cpset_build(&set, &cfg->arena, v)) != AIR_OK ||
        (rc = number(&lb->prose_min, sec, "prose-min")) != AIR_OK ||
        (rc = number(&lb->cell_max, sec, "cell-max")) != AIR_OK ||
        (rc = number(&lb->cell_short, sec, "cell-short")) != AIR_OK)
        return rc;
    lb->joiners = set;
    cfg->lb = lb;
    return AIR_OK;
}
