/* decorative_symbol.c -- 202, principle 2: decorative shapes in text.
 * ★ ◆ ■ ● ◎ and the like carry emphasis or structure only through their
 * look; an AI reader sees a character with no meaning and cannot tell a
 * heading from a bullet. The official item markers (□ ○ ◦ - · ㆍ • ※) at
 * the start of an item are not findings, nor are masks such as 홍○동,
 * blanks and check boxes in forms (symscan.c, `symbols:` in the
 * configuration). Catalogue page: rules/decorative-symbol.md */
#include "config.h"

#include "rules/rule.h"

static void on_node(air_rule_ctx *ctx, const air_node *n)
{
    uint32_t count = 0;
    air_buf list = AIR_BUF_INIT;
    air_finding *f = air_symbols_scan(ctx, n, AIR_SYM_SHAPE, &count, &list);
    if (f)
        air_msg(f, "장식 기호 %u개: %s", "decorative symbols (%u): %s",
                (unsigned)count, air_buf_cstr(&list));
    air_buf_free(&list);
}

const air_rule air_rule_decorative_symbol = {
    .id = "decorative-symbol",
    .number = 202,
    .principle = 2,
    .severity = AIR_SEV_WARNING,
    .nodes = AIR_ON(AIR_NODE_PARA),
    .on_node = on_node,
};
