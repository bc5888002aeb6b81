/* nested_table.c -- 102, principle 1: a table cell must not hold a table.
 * A table inside a cell has no faithful linear form: an AI reader either
 * flattens it into the outer cell's text or loses it. Every nested table
 * is a finding, at any depth and in any story (text boxes, headers and
 * footers, notes); its location is the cell that holds it. 'depth' counts
 * enclosing cells; a header or note anchored in a cell starts again at 0,
 * as its page position has nothing to do with that cell.
 * Catalogue page: rules/nested-table.md */
#include "config.h"

#include "rules/rule.h"

static void on_node(air_rule_ctx *ctx, const air_node *n)
{
    if (n->depth == 0)
        return;
    const air_node *cell = air_node_ancestor(n, AIR_NODE_CELL);
    air_finding *f = air_finding_add(ctx, n);
    air_finding_loc(f, cell);
    unsigned outer = cell ? (unsigned)cell->loc.table : 0;
    unsigned row = cell ? (unsigned)cell->loc.row : 0;
    unsigned col = cell ? (unsigned)cell->loc.col : 0;
    air_msg(f, "표 %u의 %u행 %u열 셀 안에 표(표 %u, %u×%u)가 있습니다 "
               "(중첩 깊이 %u)",
            "table %u, row %u, column %u holds a table (table %u, %u×%u; "
            "nesting depth %u)",
            outer, row, col, (unsigned)n->loc.table,
            (unsigned)n->u.table.rows, (unsigned)n->u.table.cols,
            (unsigned)n->depth);
}

const air_rule air_rule_nested_table = {
    .id = "nested-table",
    .number = 102,
    .principle = 1,
    .severity = AIR_SEV_ERROR,
    .nodes = AIR_ON(AIR_NODE_TABLE),
    .on_node = on_node,
};
