/* test_docx.c -- src/read/docx*.c: the DOCX reader on small packages kept
 * readable under tests/fixtures/docx/ (zipped at build time). */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "model/model.h"
#include "tdoc.h"

/* ---- helpers ------------------------------------------------------------ */

static air_status open_opts(air_doc **out, const char *name,
                            const air_open_opts *opts)
{
    const char *dir = getenv("AIR_FIXTURES");
    assert_non_null(dir);
    char path[1024];
    snprintf(path, sizeof path, "%s/%s.docx", dir, name);
    return air_doc_open(out, path, opts);
}

static air_doc *open_fixture(const char *name)
{
    air_doc *d = NULL;
    air_status rc = open_opts(&d, name, NULL);
    if (rc != AIR_OK)
        fail_msg("%s: %s", name, air_last_error());
    return d;
}

/* The span of 'p' with 'flag' starting at byte 'off', or NULL. */
static const air_span *span_at(const air_node *p, uint32_t flag, uint32_t off)
{
    for (uint32_t i = 0; i < p->u.para.nspans; i++) {
        const air_span *s = &p->u.para.spans[i];
        if ((s->flags & flag) && s->off == off)
            return s;
    }
    return NULL;
}

static const air_node *cell(const air_node *table, uint32_t row, uint32_t col)
{
    const air_node *c = air_table_cell_at(table, row, col);
    assert_non_null(c);
    return c;
}

/* ---- metadata ------------------------------------------------------------ */

static void metadata_empty_absent_and_extras(void **state)
{
    (void)state;
    air_doc *d = open_fixture("docx-meta");
    const char **f = d->meta.field;
    assert_string_equal(f[AIR_META_TITLE], ""); /* <dc:title/> */
    assert_null(f[AIR_META_SUBJECT]);           /* absent */
    assert_string_equal(f[AIR_META_DESCRIPTION], "");
    assert_string_equal(f[AIR_META_CREATOR], " 홍길동 "); /* raw */
    assert_string_equal(f[AIR_META_KEYWORDS], "보고서, 정책");
    assert_string_equal(f[AIR_META_CREATED], "2026-01-05T09:00:00Z");
    assert_string_equal(f[AIR_META_MODIFIED], "2026-01-06T10:30:00Z");
    assert_string_equal(f[AIR_META_LAST_MODIFIED_BY], "Administrator");
    assert_string_equal(f[AIR_META_LANGUAGE], "ko-KR");
    assert_string_equal(d->generator, "Microsoft Office Word");

    const char *want[][2] = {
        {"core:revision", "3"},
        {"app:Template", "Normal.dotm"},
        {"app:Application", "Microsoft Office Word"},
        {"app:Company", ""},
        {"app:AppVersion", "16.0000"},
        {"custom:Department", "디지털정책과"},
        {"custom:Reviewed", "true"},
    };
    const air_meta_extra *e = d->meta.extra;
    for (size_t i = 0; i < sizeof want / sizeof *want; i++, e = e->next) {
        assert_non_null(e);
        assert_string_equal(e->key, want[i][0]);
        assert_string_equal(e->value, want[i][1]);
    }
    assert_null(e); /* HeadingPairs (a vector) is not a leaf */
    air_doc_free(d);
}

/* ---- the parts read --------------------------------------------------- */

/* The document lists the parts its reader read with the bytes each
 * inflated: the benchmark's floor reads exactly these. */
static void parts_read_are_listed_with_their_sizes(void **state)
{
    (void)state;
    air_doc *d = open_fixture("docx-text");
    bool main_part = false;
    for (uint32_t i = 0; i < d->nparts; i++) {
        if (strcmp(d->parts[i].name, "word/document.xml") != 0)
            continue;
        main_part = true;
        assert_int_equal(d->parts[i].bytes, 4260);
    }
    assert_true(main_part);
    air_doc_free(d);
}

/* ---- paragraph text ------------------------------------------------------ */

static void breaks_tabs_and_special_characters(void **state)
{
    (void)state;
    air_doc *d = open_fixture("docx-text");
    const air_node *p =
        tdoc_find_para(d, "A\tB\nC\nD\nE"); /* br, textWrapping, cr */
    assert_int_equal(p->u.para.nbreaks, 3);
    assert_int_equal(p->u.para.ntabs, 1);

    /* A page break before any text flags its paragraph; a column break
     * after the text flags the next one. Neither is text. */
    p = tdoc_find_para(d, "After page");
    assert_true(p->u.para.flags & AIR_PARA_PAGE_BREAK);
    assert_false(p->u.para.flags & AIR_PARA_COL_BREAK);
    assert_int_equal(p->u.para.nbreaks, 0);

    /* w:sym: U+F0xx in the text, the font and stored code in a span. */
    p = tdoc_find_para(d, "\xEF\x83\xA8x\xEF\x82\xB7");
    assert_true(p->u.para.flags & AIR_PARA_COL_BREAK);
    const air_span *s = span_at(p, AIR_SPAN_SYM, 0);
    assert_non_null(s);
    assert_int_equal(s->code, 0xF0E8);
    assert_string_equal(s->font, "Wingdings");
    s = span_at(p, AIR_SPAN_SYM, 4);
    assert_non_null(s);
    assert_int_equal(s->code, 0x00B7);
    assert_string_equal(s->font, "Symbol");

    /* noBreakHyphen U+2011, softHyphen U+00AD, ptab a tab. */
    p = tdoc_find_para(d, "a\xE2\x80\x91"
                          "b\xC2\xAD"
                          "c\td");
    assert_int_equal(p->u.para.ntabs, 1);
    air_doc_free(d);
}

static void fields_keep_results_not_instructions(void **state)
{
    (void)state;
    air_doc *d = open_fixture("docx-text");
    const air_node *p = tdoc_find_para(d, "Page 7/9");
    const air_span *s = span_at(p, AIR_SPAN_FIELD, 5);
    assert_non_null(s);
    assert_int_equal(s->len, 1);
    assert_string_equal(s->target, "PAGE");
    s = span_at(p, AIR_SPAN_FIELD, 7); /* fldSimple */
    assert_non_null(s);
    assert_string_equal(s->target, "NUMPAGES");

    /* A field result over two paragraphs: a span in each. */
    s = span_at(tdoc_find_para(d, "TOC line 1"), AIR_SPAN_FIELD, 0);
    assert_non_null(s);
    assert_string_equal(s->target, "TOC");
    s = span_at(tdoc_find_para(d, "TOC line 2 after"), AIR_SPAN_FIELD, 0);
    assert_non_null(s);
    assert_int_equal(s->len, 10);
    air_doc_free(d);
}

static void hyperlinks_name_their_target(void **state)
{
    (void)state;
    air_doc *d = open_fixture("docx-text");
    const air_node *p = tdoc_find_para(d, "site and there");
    const air_span *s = span_at(p, AIR_SPAN_LINK, 0);
    assert_non_null(s);
    assert_string_equal(s->target, "https://example.org/");
    s = span_at(p, AIR_SPAN_LINK, 9);
    assert_non_null(s);
    assert_string_equal(s->target, "#sec2");
    air_doc_free(d);
}

static void tracked_changes(void **state)
{
    (void)state;
    air_doc *d = open_fixture("docx-text");
    /* w:del, w:delText and w:moveFrom leave the text (and their w:br is
     * not a line break); w:ins and w:moveTo stay, marked. */
    const air_node *p = tdoc_find_para(d, "keep new here");
    assert_string_equal(p->u.para.deleted, "old moved");
    assert_true(p->u.para.flags & AIR_PARA_HAS_DELETED);
    assert_int_equal(p->u.para.nbreaks, 0);
    assert_non_null(span_at(p, AIR_SPAN_INSERTED, 5));
    assert_non_null(span_at(p, AIR_SPAN_INSERTED, 9));
    air_doc_free(d);
}

static void hidden_symbol_font_and_wrappers(void **state)
{
    (void)state;
    air_doc *d = open_fixture("docx-text");
    /* Hidden text is kept and marked; a Wingdings run is marked; smartTag,
     * customXml, sdt are descended (their properties are not text); the
     * ruby base is text, the ruby text (w:rt) is not. */
    const air_node *p = tdoc_find_para(d, "hiddenlSCDE漢");
    const air_span *s = span_at(p, AIR_SPAN_HIDDEN, 0);
    assert_non_null(s);
    assert_int_equal(s->len, 6);
    s = span_at(p, AIR_SPAN_SYMFONT, 6);
    assert_non_null(s);
    assert_int_equal(s->len, 1);
    assert_string_equal(s->font, "Wingdings");
    /* mc:AlternateContent: the first mc:Choice only. */
    tdoc_find_para(d, "choice");
    tdoc_find_para(d, "in sdt");
    air_doc_free(d);
}

static void symbol_fonts_through_styles(void **state)
{
    (void)state;
    air_doc *d = open_fixture("docx-text");
    /* A character style (through basedOn) in Symbol. Only the font is
     * taken from styles; bold and the like are direct formatting. */
    const air_node *p = tdoc_find_para(d, "pi p");
    assert_null(span_at(p, AIR_SPAN_SYMFONT, 0));
    const air_span *s = span_at(p, AIR_SPAN_SYMFONT, 3);
    assert_non_null(s);
    assert_string_equal(s->font, "Symbol");
    assert_int_equal(s->len, 1);
    /* A paragraph style in Wingdings: its runs are, unless their own
     * w:rFonts names another font. */
    p = tdoc_find_para(d, "qplainn");
    s = span_at(p, AIR_SPAN_SYMFONT, 0);
    assert_non_null(s);
    assert_int_equal(s->len, 1);
    assert_string_equal(s->font, "Wingdings");
    assert_null(span_at(p, AIR_SPAN_SYMFONT, 1));
    s = span_at(p, AIR_SPAN_SYMFONT, 6);
    assert_non_null(s);
    assert_true(s->flags & AIR_SPAN_BOLD);
    air_doc_free(d);
}

static void heading_style_and_outline_level(void **state)
{
    (void)state;
    air_doc *d = open_fixture("docx-text");
    const air_node *p = tdoc_find_para(d, "Heading");
    assert_string_equal(p->u.para.style_id, "Heading1");
    assert_string_equal(p->u.para.style_name, "heading 1");
    assert_int_equal(p->u.para.heading, 1);
    assert_int_equal(p->u.para.outline_level, 0);
    assert_int_equal(p->u.para.list.kind, AIR_LIST_NONE);
    p = tdoc_find_para(d, "choice"); /* the default paragraph style */
    assert_string_equal(p->u.para.style_id, "Normal");
    assert_int_equal(p->u.para.heading, 0);
    assert_int_equal(p->u.para.outline_level, -1);
    assert_int_equal(d->nparas, 15);
    air_doc_free(d);
}

/* ---- tables ------------------------------------------------------------- */

static void grid_spans_and_vertical_merges(void **state)
{
    (void)state;
    air_doc *d = open_fixture("docx-tables");
    const air_node *t = tdoc_nth(d, AIR_NODE_TABLE, 0);
    assert_int_equal(t->u.table.rows, 3);
    assert_int_equal(t->u.table.cols, 3);
    assert_int_equal(t->u.table.decl_cols, 3);
    assert_int_equal(t->u.table.nmerges, 2);
    const air_node *a = cell(t, 0, 1); /* A spans two columns */
    assert_int_equal(a->u.cell.colspan, 2);
    assert_string_equal(a->first->u.para.text, "A");
    const air_node *b = cell(t, 2, 2); /* B: restart + 2 continues */
    assert_int_equal(b->u.cell.row, 0);
    assert_int_equal(b->u.cell.rowspan, 3);
    /* A continue with no restart above continues nothing: C keeps one
     * row, the continue is a cell of its own (docx-vmerge-orphan). */
    const air_node *c = cell(t, 1, 0);
    assert_string_equal(c->first->u.para.text, "C");
    assert_int_equal(c->u.cell.rowspan, 1);
    const air_node *row2 = t->first->next->next;
    assert_ptr_equal(cell(t, 2, 0), row2->first);
    assert_false(row2->first->u.cell.flags & AIR_CELL_COVERED);
    /* Continuation cells stay, covered, in document order. */
    const air_node *cont = row2->last;
    assert_true(cont->u.cell.flags & AIR_CELL_COVERED);
    assert_int_equal(cont->u.cell.row, 2);
    assert_int_equal(cont->u.cell.col, 2);

    /* gridBefore shifts the row's cells; tblHeader marks them. */
    t = tdoc_nth(d, AIR_NODE_TABLE, 1);
    const air_node *x = t->first->first;
    assert_int_equal(x->u.cell.col, 1);
    assert_int_equal(x->u.cell.colspan, 2);
    assert_true(x->u.cell.flags & AIR_CELL_HEADER);
    assert_null(air_table_cell_at(t, 0, 0));
    assert_false(cell(t, 1, 0)->u.cell.flags & AIR_CELL_HEADER);

    /* gridSpan and vMerge on one cell: one region. */
    t = tdoc_nth(d, AIR_NODE_TABLE, 2);
    assert_int_equal(t->u.table.nmerges, 1);
    const air_node *g = cell(t, 1, 1);
    assert_int_equal(g->u.cell.rowspan, 2);
    assert_int_equal(g->u.cell.colspan, 2);

    /* Legacy hMerge. */
    t = tdoc_nth(d, AIR_NODE_TABLE, 3);
    assert_int_equal(t->u.table.nmerges, 1);
    assert_int_equal(cell(t, 0, 1)->u.cell.colspan, 2);
    assert_true(t->first->first->next->u.cell.flags & AIR_CELL_COVERED);
    air_doc_free(d);
}

/* w:vMerge continues with no restart above them continue nothing
 * (ECMA-376): each stays a cell with its own text, in the model and in the
 * Markdown, while a real region next to them still merges. */
static void orphan_vmerge_continue_is_its_own_cell(void **state)
{
    (void)state;
    air_doc *d = open_fixture("docx-vmerge-orphan");
    const air_node *t = tdoc_nth(d, AIR_NODE_TABLE, 0);
    assert_int_equal(t->u.table.rows, 3);
    assert_int_equal(t->u.table.nmerges, 1);
    const char *col0[] = { "a", "d", "e" };
    for (uint32_t r = 0; r < 3; r++) {
        const air_node *c = cell(t, r, 0);
        assert_int_equal(c->u.cell.row, r);
        assert_int_equal(c->u.cell.rowspan, 1);
        assert_false(c->u.cell.flags & AIR_CELL_COVERED);
        assert_string_equal(c->first->u.para.text, col0[r]);
    }
    const air_node *b = cell(t, 1, 1);
    assert_string_equal(b->first->u.para.text, "b");
    assert_int_equal(b->u.cell.rowspan, 2);
    assert_string_equal(cell(t, 2, 1)->first->u.para.text, "f");

    char *md = tdoc_markdown(d, NULL);
    assert_null(strstr(md, "a<br>d"));
    assert_non_null(strstr(md, "<td>d</td>"));
    assert_non_null(strstr(md, "<td>e</td>"));
    assert_non_null(strstr(md, "<td rowspan=\"2\">b</td>"));
    free(md);
    air_doc_free(d);
}

static void nested_tables_at_any_depth(void **state)
{
    (void)state;
    air_doc *d = open_fixture("docx-tables");
    assert_int_equal(d->ntables, 7);
    const air_node *inner = tdoc_nth(d, AIR_NODE_TABLE, 5);
    const air_node *deepest = tdoc_nth(d, AIR_NODE_TABLE, 6);
    assert_int_equal(tdoc_nth(d, AIR_NODE_TABLE, 4)->depth, 0);
    assert_int_equal(inner->depth, 1);
    assert_int_equal(deepest->depth, 2);
    assert_ptr_equal(air_node_ancestor(deepest, AIR_NODE_TABLE), inner);
    assert_int_equal(tdoc_find_para(d, "deepest")->parent->kind, AIR_NODE_CELL);
    assert_int_equal(tdoc_find_para(d, "deepest")->depth, 3);
    air_doc_free(d);
}

static void table_nesting_limit(void **state)
{
    (void)state;
    air_open_opts o = AIR_OPEN_OPTS_INIT;
    o.limits.max_table_depth = 2;
    air_doc *d = NULL;
    assert_int_equal(open_opts(&d, "docx-tables", &o), AIR_ELIMIT);
    assert_null(d);
    assert_non_null(strstr(air_last_error(), "tables nested more than 2"));
    o.limits.max_table_depth = 3;
    assert_int_equal(open_opts(&d, "docx-tables", &o), AIR_OK);
    air_doc_free(d);
}

/* ---- numbering ------------------------------------------------------------
 */

static void numbering_markers_as_word_shows_them(void **state)
{
    (void)state;
    air_doc *d = open_fixture("docx-numbering");
    static const struct {
        const char *text, *marker;
        int level, value, list_id, from_style;
    } want[] = {
        {"one", "1.", 0, 1, 1, 0},
        {"one.one", "1.1.", 1, 1, 1, 0},
        {"x", "a)", 2, 1, 1, 0},
        {"one.two", "1.2.", 1, 2, 1, 0},
        /* lvlRestart 1: level 2 restarts after level 0 only */
        {"y", "b)", 2, 2, 1, 0},
        {"two", "2.", 0, 2, 1, 0},
        {"z", "a)", 2, 1, 1, 0},
        /* another w:num of the same abstractNum continues it */
        {"three", "3.", 0, 3, 6, 0},
        /* a w:num with startOverride counts on its own */
        {"five", "5.", 0, 5, 2, 0},
        {"six", "6.", 0, 6, 2, 0},
        {"four", "4.", 0, 4, 1, 0},
        /* through the style: pStyle-linked levels, isLgl */
        {"Intro", "I.", 0, 1, 7, 1},
        {"Scope", "1.1", 1, 1, 7, 1},
        {"Method", "II.", 0, 2, 7, 1},
        {"Data", "2.1", 1, 1, 7, 1},
        /* numStyleLink to a custom (mc:Choice) Korean format */
        {"ga", "가.", 0, 1, 5, 0},
        {"na", "나.", 0, 2, 5, 0},
        /* a level used before its parent: Word shows "0.1." */
        {"zero point one", "0.1.", 1, 1, 8, 0},
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        const air_list *l = &tdoc_find_para(d, want[i].text)->u.para.list;
        assert_int_equal(l->kind, AIR_LIST_NUMBER);
        assert_string_equal(l->marker, want[i].marker);
        assert_int_equal(l->level, want[i].level);
        assert_int_equal(l->value, want[i].value);
        assert_int_equal(l->list_id, want[i].list_id);
        assert_int_equal(l->from_style, want[i].from_style);
    }
    const air_list *l = &tdoc_find_para(d, "one.one")->u.para.list;
    assert_string_equal(l->pattern, "%1.%2.");
    assert_int_equal(l->fmt, AIR_NUMFMT_DECIMAL);
    assert_int_equal(tdoc_find_para(d, "Intro")->u.para.list.fmt,
                     AIR_NUMFMT_UPPER_ROMAN);
    assert_int_equal(tdoc_find_para(d, "ga")->u.para.list.fmt,
                     AIR_NUMFMT_HANGUL_SYLLABLE);
    air_doc_free(d);
}

static void bullets_from_styles(void **state)
{
    (void)state;
    air_doc *d = open_fixture("docx-numbering");
    /* Style-inherited numPr; the Symbol bullet U+F0B7 shows as U+2022. */
    const air_list *l = &tdoc_find_para(d, "bullet")->u.para.list;
    assert_int_equal(l->kind, AIR_LIST_BULLET);
    assert_string_equal(l->marker, "\xE2\x80\xA2");
    assert_string_equal(l->pattern, "\xEF\x82\xB7");
    assert_true(l->from_style);
    assert_int_equal(l->list_id, 3);
    /* numId from the style, ilvl from the paragraph. */
    l = &tdoc_find_para(d, "sub bullet")->u.para.list;
    assert_int_equal(l->kind, AIR_LIST_BULLET);
    assert_int_equal(l->level, 1);
    assert_string_equal(l->marker, "o");
    /* numId 0 on the paragraph switches the style's list off. */
    assert_int_equal(tdoc_find_para(d, "not a bullet")->u.para.list.kind,
                     AIR_LIST_NONE);
    air_doc_free(d);
}

static void styles_that_loop_or_lists_that_do_not_exist(void **state)
{
    (void)state;
    air_doc *d = open_fixture("docx-numbering"); /* must not hang */
    const air_node *p = tdoc_find_para(d, "loop");
    assert_string_equal(p->u.para.style_id, "LoopA");
    assert_int_equal(p->u.para.list.kind, AIR_LIST_NONE);
    assert_int_equal(tdoc_find_para(d, "undefined list")->u.para.list.kind,
                     AIR_LIST_NONE);
    p = tdoc_find_para(d, "outline three");
    assert_int_equal(p->u.para.outline_level, 2);
    assert_int_equal(p->u.para.heading, 3);
    assert_int_equal(p->u.para.list.kind, AIR_LIST_NONE);
    p = tdoc_find_para(d,
                       "Scope"); /* heading 2, outline level through basedOn */
    assert_int_equal(p->u.para.heading, 2);
    assert_int_equal(p->u.para.outline_level, 1);
    air_doc_free(d);
}

/* ---- other stories and objects ----------------------------------------------
 */

static void headers_and_footers_per_section(void **state)
{
    (void)state;
    air_doc *d = open_fixture("docx-stories");
    assert_int_equal(d->nsections, 2);
    /* The paragraph carrying w:sectPr ends the first section. */
    const air_node *s1 = d->root->first;
    const air_node *s2 = s1->next;
    assert_ptr_equal(tdoc_find_para(d, "End of section one")->parent, s1);
    assert_ptr_equal(tdoc_find_para(d, "Picture: ")->parent, s2);
    static const struct {
        air_node_kind kind;
        const char *which, *text;
    } want[] = {
        {AIR_NODE_HEADER, "default", "Header one"},
        {AIR_NODE_HEADER, "first", "First page header"},
        {AIR_NODE_FOOTER, "default", "Footer one"},
    };
    const air_node *n = s1->first;
    for (size_t i = 0; i < 3; i++, n = n->next) {
        assert_int_equal(n->kind, want[i].kind);
        assert_string_equal(n->u.hf.which, want[i].which);
        assert_string_equal(n->first->u.para.text, want[i].text);
        assert_int_equal(n->first->story,
                         i < 2 ? AIR_STORY_HEADER : AIR_STORY_FOOTER);
    }
    assert_int_equal(n->kind, AIR_NODE_PARA);
    assert_int_equal(s2->first->kind, AIR_NODE_HEADER);
    assert_string_equal(s2->first->first->u.para.text, "Header two");
    air_doc_free(d);
}

static void notes_and_comments_at_their_marks(void **state)
{
    (void)state;
    air_doc *d = open_fixture("docx-stories");
    const air_node *p = tdoc_find_para(d, "Body one and commented");
    const air_node *fn = p->first;
    assert_int_equal(fn->kind, AIR_NODE_FOOTNOTE);
    assert_int_equal(fn->anchor, 8);
    assert_string_equal(fn->u.note.id, "1");
    assert_string_equal(fn->first->u.para.text, " Footnote text");
    assert_int_equal(fn->first->story, AIR_STORY_FOOTNOTE);
    const air_node *en = fn->next;
    assert_int_equal(en->kind, AIR_NODE_ENDNOTE);
    assert_int_equal(en->anchor, 13);
    const air_node *cm = en->next;
    assert_int_equal(cm->kind, AIR_NODE_COMMENT);
    assert_int_equal(cm->anchor, 22);
    assert_string_equal(cm->first->u.para.text, "Comment text");
    /* Separators are not notes; an unreferenced note is not shown. */
    assert_int_equal(tdoc_count_kind(d, AIR_NODE_FOOTNOTE), 1);
    assert_int_equal(tdoc_count_kind(d, AIR_NODE_ENDNOTE), 1);
    /* Notes are not main-story paragraphs. */
    assert_int_equal(fn->first->seq, 0);
    air_doc_free(d);
}

static void text_boxes_images_and_objects(void **state)
{
    (void)state;
    air_doc *d = open_fixture("docx-stories");
    /* The DrawingML text box, not its VML fallback copy. */
    assert_int_equal(tdoc_count_kind(d, AIR_NODE_TEXTBOX), 1);
    const air_node *tb = tdoc_nth(d, AIR_NODE_TEXTBOX, 0);
    assert_string_equal(tb->parent->u.para.text, "after box");
    assert_int_equal(tb->anchor, 0);
    assert_int_equal(tb->first->story, AIR_STORY_TEXTBOX);
    assert_string_equal(tb->first->u.para.text, "box text");

    const air_node *img = tdoc_nth(d, AIR_NODE_IMAGE, 0);
    assert_string_equal(img->u.image.alt, "Seoul map");
    assert_string_equal(img->u.image.title, "Map");
    assert_string_equal(img->u.image.target, "word/media/image1.png");
    assert_int_equal(img->anchor, 9);
    img = tdoc_nth(d, AIR_NODE_IMAGE, 1); /* VML */
    assert_string_equal(img->u.image.alt, "vml alt");
    assert_string_equal(img->u.image.title, "vml title");
    assert_string_equal(img->u.image.target, "word/media/image1.png");
    /* An OLE object's preview picture is not an image. */
    assert_int_equal(tdoc_count_kind(d, AIR_NODE_IMAGE), 2);

    const air_node *o = tdoc_find_para(d, "Sheet: ")->first;
    assert_int_equal(o->kind, AIR_NODE_OBJECT);
    assert_string_equal(o->u.object.what, "ole");
    o = tdoc_find_para(d, "Equation:  done")->first; /* math is not text */
    assert_string_equal(o->u.object.what, "equation");
    assert_string_equal(o->u.object.text, "x=1");
    assert_int_equal(o->anchor, 10);
    o = tdoc_nth(d, AIR_NODE_OBJECT, 2);
    assert_string_equal(o->u.object.what, "chart");
    assert_int_equal(d->nparas, 8);
    air_doc_free(d);
}

/* ---- packages
 * ---------------------------------------------------------------- */

static void strict_package_with_another_main_part(void **state)
{
    (void)state;
    air_doc *d = open_fixture("docx-strict");
    assert_string_equal(d->meta.field[AIR_META_TITLE], "Strict title");
    assert_string_equal(d->generator, "Microsoft Office Word");
    const air_node *p = tdoc_find_para(d, "제목");
    assert_string_equal(p->u.para.style_name, "heading 1");
    assert_int_equal(p->u.para.heading, 1);
    const air_span *s = span_at(tdoc_find_para(d, "서울"), AIR_SPAN_LINK, 0);
    assert_non_null(s);
    assert_string_equal(s->target, "https://seoul.go.kr/");
    const air_node *t = tdoc_nth(d, AIR_NODE_TABLE, 0);
    assert_int_equal(t->u.table.nmerges, 1);
    assert_int_equal(cell(t, 1, 0)->u.cell.rowspan, 2);
    air_doc_free(d);
}

static void broken_packages_fail_with_one_line(void **state)
{
    (void)state;
    air_doc *d = NULL;
    assert_int_equal(open_opts(&d, "docx-nomain", NULL), AIR_EFORMAT);
    assert_null(d);
    assert_non_null(strstr(air_last_error(), "main document part"));
    assert_int_equal(open_opts(&d, "docx-malformed", NULL), AIR_EFORMAT);
    assert_non_null(strstr(air_last_error(), "word/document.xml"));
    assert_null(strchr(air_last_error(), '\n'));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(metadata_empty_absent_and_extras),
        cmocka_unit_test(breaks_tabs_and_special_characters),
        cmocka_unit_test(fields_keep_results_not_instructions),
        cmocka_unit_test(hyperlinks_name_their_target),
        cmocka_unit_test(tracked_changes),
        cmocka_unit_test(hidden_symbol_font_and_wrappers),
        cmocka_unit_test(symbol_fonts_through_styles),
        cmocka_unit_test(heading_style_and_outline_level),
        cmocka_unit_test(grid_spans_and_vertical_merges),
        cmocka_unit_test(orphan_vmerge_continue_is_its_own_cell),
        cmocka_unit_test(nested_tables_at_any_depth),
        cmocka_unit_test(table_nesting_limit),
        cmocka_unit_test(numbering_markers_as_word_shows_them),
        cmocka_unit_test(bullets_from_styles),
        cmocka_unit_test(styles_that_loop_or_lists_that_do_not_exist),
        cmocka_unit_test(headers_and_footers_per_section),
        cmocka_unit_test(notes_and_comments_at_their_marks),
        cmocka_unit_test(text_boxes_images_and_objects),
        cmocka_unit_test(strict_package_with_another_main_part),
        cmocka_unit_test(broken_packages_fail_with_one_line),
        cmocka_unit_test(parts_read_are_listed_with_their_sizes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
