/* manual_line_break.c -- 302, principle 3: a manual line break (Shift+
 * Enter in Hangul and Word) inside a paragraph.
 * A manual break looks like the end of a line on paper but an AI reader
 * sees a break inside a sentence, or cannot tell a list from a wrapped
 * line. Every break is reported, so that the count is exact: as a warning
 * when the shared detector (linebreak.c) says the sentence goes on (and
 * `airead convert` joins it), as info when the text before it is complete
 * (an address line, a signature block, a date). Catalogue page:
 * rules/manual-line-break.md */
#include "config.h"

#include "rules/lbreport.h"
#include "rules/rule.h"

static void on_node(air_rule_ctx *ctx, const air_node *n)
{
    const air_para *p = &n->u.para;
    if (p->nbreaks == 0)
        return;
    const air_lb *lb = air_rule_linebreak(ctx);
    uint32_t start = 0;
    for (uint32_t i = 0; i < p->len; i++) {
        if (p->text[i] != '\n')
            continue;
        uint32_t e = i + 1;
        while (e < p->len && p->text[e] != '\n')
            e++;
        air_lb_break b = {
            p->text + start, i - start, p->text + i + 1, e - i - 1, true, n, n};
        air_lb_why why;
        air_lb_class c = air_lb_classify(lb, &b, &why);
        air_finding *f = air_finding_add(ctx, n);
        air_finding_range(f, i, i + 1);
        air_lb_snippet(f, b.before, b.before_len, b.after, b.after_len);
        if (c == AIR_LB_CONTINUES_NOSPACE) {
            air_msg(f, "강제 줄 바꿈이 낱말을 둘로 가릅니다%s",
                    "a manual line break cuts a word in two%s", "");
        } else if (c == AIR_LB_CONTINUES_SPACE) {
            air_msg(f, "문장 중간의 강제 줄 바꿈(%s)%.0s",
                    "a manual line break in the middle of a sentence "
                    "(%.0s%s)",
                    air_lb_reason(why, AIR_LANG_KO),
                    air_lb_reason(why, AIR_LANG_EN));
        } else {
            air_finding_severity(f, AIR_SEV_INFO);
            air_msg(f, "강제 줄 바꿈(앞 내용은 완결됨)%s",
                    "a manual line break after a complete line%s", "");
        }
        start = i + 1;
    }
}

const air_rule air_rule_manual_line_break = {
    .id = "manual-line-break",
    .number = 302,
    .principle = 3,
    .severity = AIR_SEV_WARNING,
    .nodes = AIR_ON(AIR_NODE_PARA),
    .on_node = on_node,
};
