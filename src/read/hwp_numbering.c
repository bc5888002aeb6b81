/* hwp_numbering.c -- paragraph heads of Hangul documents (principle 4):
 * which list a paragraph belongs to, and the marker Hangul displays.
 * Shared by the HWPX and HWP 5.0 readers; see hwp_info.h for the rules. */
#include "config.h"

#include "read/hwp_info.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/numfmt.h"
#include "util/error.h"

/* ---- resolving one paragraph -------------------------------------------- */

static uint8_t clamp_level(unsigned level)
{
    return (uint8_t)(level < AIR_HWP_LEVELS ? level : AIR_HWP_LEVELS - 1);
}

void air_hwp_resolve_para(const air_hwp_info *info, air_para *p,
                          uint32_t para_pr_id, uint32_t style_id,
                          uint32_t outline_id)
{
    const air_hwp_style *st = air_hwp_get_style(info, style_id);
    const air_hwp_parapr *pp = air_hwp_get_parapr(info, para_pr_id);
    if (st) {
        p->style_id = st->id_text;
        p->style_name = st->name;
    }
    if (pp == NULL) {
        if (st && st->heading)
            p->heading = st->heading < 9 ? st->heading : 9;
        return;
    }
    p->align = pp->align;
    if (pp->page_break_before)
        p->flags |= AIR_PARA_PAGE_BREAK;

    air_list *l = &p->list;
    uint8_t level = clamp_level(pp->level);
    const air_hwp_numbering *num = NULL;
    switch ((air_hwp_head)pp->head) {
    case AIR_HWP_HEAD_OUTLINE:
        l->kind = AIR_LIST_OUTLINE;
        l->list_id = outline_id ? outline_id : pp->head_id;
        p->outline_level = (int8_t)level;
        p->heading = (uint8_t)(level + 1 < 9 ? level + 1 : 9);
        num = air_hwp_get_numbering(info, l->list_id);
        break;
    case AIR_HWP_HEAD_NUMBER:
        l->kind = AIR_LIST_NUMBER;
        l->list_id = pp->head_id;
        num = air_hwp_get_numbering(info, l->list_id);
        break;
    case AIR_HWP_HEAD_BULLET: {
        l->kind = AIR_LIST_BULLET;
        l->list_id = pp->head_id;
        l->fmt = AIR_NUMFMT_BULLET;
        const air_hwp_bullet *b = air_hwp_get_bullet(info, pp->head_id);
        if (b) {
            l->marker = b->shown;
            l->pattern = b->chr;
        }
        break;
    }
    default:
        if (st && st->heading)
            p->heading = st->heading < 9 ? st->heading : 9;
        return;
    }
    l->level = level;
    l->from_style = st && st->para_pr == para_pr_id;
    if (num && num->level[level].defined) {
        l->fmt = num->level[level].fmt;
        l->pattern = num->level[level].text;
    }
}

/* ---- counting ----------------------------------------------------------- */

typedef struct counter {
    int32_t v[AIR_HWP_LEVELS];
    uint16_t used; /* bit l: level l has shown a value */
} counter;

/* Counter sets: [body or other story][outline or paragraph numbering],
 * each indexed by numbering id. */
enum { SET_BODY = 0, SET_OTHER, NSETS };

typedef struct numbering_state {
    counter *c[NSETS][2];
    uint32_t n; /* entries of each array: info->nnum */
} numbering_state;

static int32_t level_start(const air_hwp_numbering *num, unsigned l)
{
    if (num->level[l].defined)
        return num->level[l].start;
    return num->start > 0 ? num->start : 1;
}

static bool in_other_story(const air_node *n)
{
    for (const air_node *a = n->parent; a; a = a->parent)
        switch (a->kind) {
        case AIR_NODE_HEADER:
        case AIR_NODE_FOOTER:
        case AIR_NODE_TEXTBOX:
        case AIR_NODE_CAPTION:
        case AIR_NODE_FOOTNOTE:
        case AIR_NODE_ENDNOTE:
        case AIR_NODE_COMMENT:
            return true;
        default:
            break;
        }
    return false;
}

/* Markers are short ("1.1.1.1.1.1.1.1.1.1."); a pattern that would write
 * more is cut here. */
enum { MARKER_MAX = 256 };

typedef struct mbuf {
    char s[MARKER_MAX];
    size_t len;
} mbuf;

static void put(mbuf *m, const char *s, size_t n)
{
    if (n > sizeof m->s - 1 - m->len)
        n = sizeof m->s - 1 - m->len;
    memcpy(m->s + m->len, s, n);
    m->len += n;
    m->s[m->len] = '\0';
}

static void put_value(mbuf *m, const air_hwp_numbering *num, unsigned l,
                      int32_t v)
{
    char tmp[64];
    air_numfmt f = num->level[l].defined ? (air_numfmt)num->level[l].fmt
                                         : AIR_NUMFMT_DECIMAL;
    size_t n = air_numfmt_render(tmp, sizeof tmp, f, v);
    put(m, tmp, n);
}

/* The value level 'l' shows in a marker of a paragraph at level 'at'. */
static int32_t shown(const counter *c, const air_hwp_numbering *num,
                     unsigned l)
{
    return (c->used & (1u << l)) ? c->v[l] : level_start(num, l);
}

static void render(mbuf *m, const char *pat, const counter *c,
                   const air_hwp_numbering *num, unsigned at)
{
    m->len = 0;
    m->s[0] = '\0';
    for (const char *s = pat; *s;) {
        if (s[0] == '^' && s[1] >= '1' && s[1] <= '9' &&
            (unsigned)(s[1] - '1') < AIR_HWP_LEVELS) {
            unsigned l = (unsigned)(s[1] - '1');
            put_value(m, num, l, shown(c, num, l));
            s += 2;
        } else if (s[0] == '^' && (s[1] == 'n' || s[1] == 'N')) {
            for (unsigned l = 0; l <= at; l++) {
                if (l)
                    put(m, ".", 1);
                put_value(m, num, l, shown(c, num, l));
            }
            if (s[1] == 'N')
                put(m, ".", 1);
            s += 2;
        } else {
            const char *e = s + 1;
            while (*e && *e != '^')
                e++;
            put(m, s, (size_t)(e - s));
            s = e;
        }
    }
}

static air_status number_para(numbering_state *st, const air_hwp_info *info,
                              air_doc *doc, air_node *n)
{
    air_list *l = &n->u.para.list;
    const air_hwp_numbering *num = air_hwp_get_numbering(info, l->list_id);
    if (num == NULL || l->list_id >= st->n)
        return AIR_OK; /* a dangling id: kind and level, no marker */
    int set = in_other_story(n) ? SET_OTHER : SET_BODY;
    int kind = l->kind == AIR_LIST_OUTLINE ? 0 : 1;
    if (st->c[set][kind] == NULL) {
        st->c[set][kind] = calloc(st->n, sizeof(counter));
        if (st->c[set][kind] == NULL)
            return air_error(AIR_ENOMEM, "out of memory");
    }
    counter *c = &st->c[set][kind][l->list_id];
    unsigned at = l->level < AIR_HWP_LEVELS ? l->level : AIR_HWP_LEVELS - 1;
    if (c->used & (1u << at)) {
        if (c->v[at] < INT32_MAX)
            c->v[at]++;
    } else {
        c->v[at] = level_start(num, at);
        c->used |= (uint16_t)(1u << at);
    }
    c->used &= (uint16_t)((2u << at) - 1); /* deeper levels restart */
    l->value = c->v[at];
    const char *pat = num->level[at].defined ? num->level[at].text : NULL;
    if (pat == NULL || *pat == '\0') {
        l->marker = "";
        return AIR_OK;
    }
    mbuf m;
    render(&m, pat, c, num, at);
    l->marker = air_doc_strndup(doc, m.s, m.len);
    return l->marker ? AIR_OK : air_error(AIR_ENOMEM, "out of memory");
}

air_status air_hwp_number_doc(const air_hwp_info *info, air_doc *doc)
{
    numbering_state st;
    memset(&st, 0, sizeof st);
    st.n = info->nnum;
    air_status rc = AIR_OK;
    for (const air_node *cn = doc->root; cn && rc == AIR_OK;
         cn = air_node_next_preorder(cn, doc->root)) {
        if (cn->kind != AIR_NODE_PARA)
            continue;
        uint8_t k = cn->u.para.list.kind;
        if (k == AIR_LIST_NUMBER || k == AIR_LIST_OUTLINE)
            rc = number_para(&st, info, doc, (air_node *)cn);
    }
    for (int s = 0; s < NSETS; s++)
        for (int k = 0; k < 2; k++)
            free(st.c[s][k]);
    return rc;
}
