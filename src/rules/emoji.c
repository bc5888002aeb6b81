/* emoji.c -- 203, principle 2: emoji and pictographs in text.
 * ☎ ✔ ☀ and the pictographs of the emoji blocks are icons: their meaning
 * depends on how they are drawn, and text extraction often turns them
 * into replacement characters or drops them. The class is `symbols:
 * classes: emoji` (U+1F300-1FAFF, the rest of U+2600-27BF, ...).
 * Catalogue page: rules/emoji.md */
#include "config.h"

#include "rules/rule.h"

static void on_node(air_rule_ctx *ctx, const air_node *n)
{
    uint32_t count = 0;
    air_buf list = AIR_BUF_INIT;
    air_finding *f = air_symbols_scan(ctx, n, AIR_SYM_EMOJI, &count, &list);
    if (f)
        air_msg(f, "이모지·그림 문자 %u개: %s", "emoji and pictographs (%u): %s",
                (unsigned)count, air_buf_cstr(&list));
    air_buf_free(&list);
}

const air_rule air_rule_emoji = {
    .id = "emoji",
    .number = 203,
    .principle = 2,
    .severity = AIR_SEV_WARNING,
    .nodes = AIR_ON(AIR_NODE_PARA),
    .on_node = on_node,
};
