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

/* "1행 1열(2행 병합)" / "row 1 col 1 (2 rows)", and the like. */
static void region_text(air_buf *ko, air_buf *en, const air_cell *ce,
                        bool first)
{
    unsigned r = (unsigned)ce->row + 1, c = (unsigned)ce->col + 1;
    unsigned rs = ce->rowspan ? (unsigned)ce->rowspan : 1;
    unsigned cs = ce->colspan ? (unsigned)ce->colspan : 1;
    const char *sep = first ? "" : ", ";
    if (rs > 1 && cs > 1) {
        air_buf_printf(ko, "%s%u행 %u열(%u행×%u열)", sep, r, c, rs, cs);
        air_buf_printf(en, "%srow %u col %u (%u×%u)", sep, r, c, rs, cs);
    } else if (rs > 1) {
        air_buf_printf(ko, "%s%u행 %u열(%u행 병합)", sep, r, c, rs);
        air_buf_printf(en, "%srow %u col %u (%u rows)", sep, r, c, rs);
    } else {
        air_buf_printf(ko, "%s%u행 %u열(%u열 병합)", sep, r, c, cs);
        air_buf_printf(en, "%srow %u col %u (%u columns)", sep, r, c, cs);
    }
}

static void on_node(air_rule_ctx *ctx, const air_node *n)
{
    if (n->u.table.nmerges == 0)
        return;
    air_finding *f = NULL;
    air_buf ko = AIR_BUF_INIT, en = AIR_BUF_INIT;
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
                region_text(&ko, &en, ce, regions == 0);
            regions++;
        }
    }
    if (regions > SHOWN) {
        air_buf_printf(&ko, " 외 %u곳", regions - SHOWN);
        air_buf_printf(&en, ", and %u more", regions - SHOWN);
    }
    if (f)
        air_msg(f, "표 %u에 병합된 셀 %u곳: %s%.0s",
                "table %u has %u merged regions: %.0s%s",
                (unsigned)n->loc.table, regions, air_buf_cstr(&ko),
                air_buf_cstr(&en));
    air_buf_free(&ko);
    air_buf_free(&en);
}

const air_rule air_rule_merged_cells = {
    .id = "merged-cells",
    .number = 101,
    .principle = 1,
    .severity = AIR_SEV_ERROR,
    .nodes = AIR_ON(AIR_NODE_TABLE),
    .on_node = on_node,
};
