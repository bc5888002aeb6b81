/* lbreport.c -- principle 3: what rules 301 and 302 share besides the
 * detector (linebreak.c): the snippet that shows both sides of a break
 * and the words that say why the sentence goes on. */
#include "config.h"

#include "rules/lbreport.h"
#include "util/buf.h"
#include "util/utf8.h"

/* Characters shown on each side of the break: together with "…" and the
 * break sign they stay within the snippet bound (AIR_SNIPPET_CHARS). */
enum { SIDE_CHARS = 24 };

static void add_clean(air_buf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        air_buf_addc(b, s[i] == '\n' || s[i] == '\t' ? ' ' : s[i]);
}

void air_lb_snippet(air_finding *f, const char *before, size_t blen,
                    const char *after, size_t alen)
{
    if (f == NULL)
        return;
    /* Spaces next to the break say nothing: "공무원⏎채용", not
     * "공무원 ⏎   채용". */
    while (blen > 0 && (before[blen - 1] == ' ' || before[blen - 1] == '\t'))
        blen--;
    while (alen > 0 && (after[0] == ' ' || after[0] == '\t')) {
        after++;
        alen--;
    }
    air_buf b = AIR_BUF_INIT;
    size_t from = air_utf8_suffix(before, blen, SIDE_CHARS);
    if (from > 0)
        air_buf_adds(&b, "…");
    add_clean(&b, before + from, blen - from);
    air_buf_adds(&b, "⏎");
    size_t keep = air_utf8_prefix(after, alen, SIDE_CHARS);
    add_clean(&b, after, keep);
    if (keep < alen)
        air_buf_adds(&b, "…");
    air_finding_snippet(f, air_buf_cstr(&b), b.len);
    air_buf_free(&b);
}

/* Korean and English words for why the sentence goes on. */
static const char *const reasons[AIR_LB_WHY_COUNT][2] = {
    [AIR_LB_WHY_BRACKET] = {"괄호나 따옴표가 열린 채 끝남",
                            "a bracket or quote is left open"},
    [AIR_LB_WHY_COMMA] = {"쉼표로 끝남", "it ends with a comma"},
    [AIR_LB_WHY_JOINER] = {"~ / 같은 잇는 기호로 끝남",
                           "it ends with a joining sign (~ /)"},
    [AIR_LB_WHY_ENDING] = {"조사나 연결 어미로 끝남",
                           "it ends on a particle or a connecting word"},
    [AIR_LB_WHY_NEXT] = {"다음 줄이 앞말에 이어지는 말로 시작함",
                         "the next line can only continue it"},
    [AIR_LB_WHY_WORD] = {"낱말이 둘로 나뉨", "a word is cut in two"},
    [AIR_LB_WHY_MARKER] = {"글머리 기호만 있고 내용은 다음 줄에 있음",
                           "a bullet stands alone, its words on the next "
                           "line"},
    [AIR_LB_WHY_CELL] = {"칸 안의 항목 이름이 둘로 나뉨",
                         "a label in a table cell is cut in two"},
    [AIR_LB_WHY_PROSE] = {"긴 문장이 끝나지 않은 채 다음 줄로 넘어감",
                          "a long line runs on unfinished"},
};

const char *air_lb_reason(air_lb_why why, air_lang lang)
{
    const char *s = why < AIR_LB_WHY_COUNT ? reasons[why][lang] : NULL;
    return s ? s : "";
}
