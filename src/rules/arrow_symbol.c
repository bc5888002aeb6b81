/* arrow_symbol.c -- 201, principle 2: arrows in text.
 * An arrow stands for a verb the writer did not write ("늘어남", "바뀜",
 * "따라서", "에서 ... 로"); an AI reader has to guess which, and a
 * triangle or pointing hand used as a bullet hides the list structure.
 * The class is `symbols: classes: arrows` (the Arrows blocks, characters
 * named ARROW, ▶ ◀ ▷ ◁ and the like, ☚-☟); see symscan.c for what is
 * never reported. Catalogue page: rules/arrow-symbol.md */
#include "config.h"

#include "rules/rule.h"

static void on_node(air_rule_ctx *ctx, const air_node *n)
{
    uint32_t count = 0;
    air_buf list = AIR_BUF_INIT;
    air_finding *f = air_symbols_scan(ctx, n, AIR_SYM_ARROW, &count, &list);
    if (f)
        air_msg(f, "화살표 기호 %u개: %s", "arrow symbols (%u): %s",
                (unsigned)count, air_buf_cstr(&list));
    air_buf_free(&list);
}

const air_rule air_rule_arrow_symbol = {
    .id = "arrow-symbol",
    .number = 201,
    .principle = 2,
    .severity = AIR_SEV_WARNING,
    .nodes = AIR_ON(AIR_NODE_PARA),
    .on_node = on_node,
};
