/* mid_sentence_break.c -- 301, principle 3: a sentence goes on in the
 * next paragraph ("문장 중간에 Enter 넣지 않기").
 * An AI reader takes a paragraph as a unit of meaning: a sentence cut by
 * Enter becomes two fragments, each read without the other half. Every
 * pair of adjacent paragraphs of one container (the body, one table cell,
 * a text box, a note; never across a table or a cell boundary) goes to
 * the shared detector (linebreak.c); what it calls a continuation is a
 * finding on the first paragraph, and is what `airead convert` joins.
 * Catalogue page: rules/mid-sentence-break.md */
#include "config.h"

#include <string.h>

#include "rules/lbreport.h"
#include "rules/rule.h"

static void on_node(air_rule_ctx *ctx, const air_node *n)
{
    const air_node *next = n->next;
    if (!air_lb_is_pair(n, next))
        return;
    const air_para *p = &n->u.para, *q = &next->u.para;
    uint32_t bs = p->len;
    while (bs > 0 && p->text[bs - 1] != '\n')
        bs--;
    const char *nl = memchr(q->text, '\n', q->len);
    size_t alen = nl ? (size_t)(nl - q->text) : q->len;
    air_lb_break b = {p->text + bs, p->len - bs, q->text, alen, false, n, next};
    air_lb_why why;
    air_lb_class c = air_lb_classify(air_rule_linebreak(ctx), &b, &why);
    if (c == AIR_LB_COMPLETE)
        return;
    air_finding *f = air_finding_add(ctx, n);
    air_finding_range(f, bs, p->len);
    air_lb_snippet(f, b.before, b.before_len, b.after, b.after_len);
    if (c == AIR_LB_CONTINUES_NOSPACE)
        air_msg(f, "문단 나눔이 낱말을 둘로 가릅니다%s",
                "a paragraph break cuts a word in two%s", "");
    else
        air_msg(f, "문장이 다음 문단으로 이어집니다(%s)%.0s",
                "the sentence goes on in the next paragraph (%.0s%s)",
                air_lb_reason(why, AIR_LANG_KO),
                air_lb_reason(why, AIR_LANG_EN));
}

const air_rule air_rule_mid_sentence_break = {
    .id = "mid-sentence-break",
    .number = 301,
    .principle = 3,
    .severity = AIR_SEV_WARNING,
    .nodes = AIR_ON(AIR_NODE_PARA),
    .on_node = on_node,
};
