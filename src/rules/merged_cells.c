/* merged_cells.c -- 101, principle 1: a table must not merge cells.
 * An AI reader linearises a table row by row and column by column; a cell
 * spanning several rows or columns leaves holes in that grid, so values
 * land under the wrong heading. One finding per table, listing every
 * merged region (anchor row and column, spans); a DOCX vMerge continuation
 * cell belongs to the region above and is not a region itself.
 * Catalogue page: rules/merged-cells.md */
#include "config.h"

#include "rules/rule.h"

/* Regions written out in the message; the items list them all. */
enum { SHOWN = 6 };

static void on_node(air_rule_ctx *ctx, const air_node *n)
{
    if (n->u.table.nmerges == 0)
        return;
    air_finding *f = NULL;
    air_buf list = AIR_BUF_INIT;
    unsigned regions = 0;
    for (const air_node *row = n->first; row; row = row->next) {
        if (row->kind != AIR_NODE_ROW)
            continue;
        for (const air_node *c = row->first; c; c = c->next) {
            if (c->kind != AIR_NODE_CELL)
                continue;
            const air_cell *ce = &c->u.cell;
            if ((ce->flags & AIR_CELL_COVERED) ||
                (ce->rowspan <= 1 && ce->colspan <= 1))
                continue;
            if (f == NULL)
                f = air_finding_add(ctx, n);
            air_finding_item *it = air_finding_item_add(f, NULL, 0);
            if (it) {
                it->row = ce->row + 1;
                it->col = ce->col + 1;
                it->rowspan = ce->rowspan ? ce->rowspan : 1;
                it->colspan = ce->colspan ? ce->colspan : 1;
            }
            if (regions < SHOWN)
                air_buf_printf(&list, "%sR%uC%u %u×%u", regions ? ", " : "",
                               (unsigned)ce->row + 1, (unsigned)ce->col + 1,
                               (unsigned)(ce->rowspan ? ce->rowspan : 1),
                               (unsigned)(ce->colspan ? ce->colspan : 1));
            regions++;
        }
    }
    if (regions > SHOWN)
        air_buf_printf(&list, ", … +%u", regions - SHOWN);
    if (f)
        air_msg(f, "표 %u에 병합된 셀 %u곳 (행R열C 행수×열수): %s",
                "table %u has %u merged regions (RrowCcol rows×cols): %s",
                (unsigned)n->loc.table, regions, air_buf_cstr(&list));
    air_buf_free(&list);
}

const air_rule air_rule_merged_cells = {
    .id = "merged-cells",
    .number = 101,
    .principle = 1,
    .severity = AIR_SEV_ERROR,
    .nodes = AIR_ON(AIR_NODE_TABLE),
    .on_node = on_node,
};
