/* markdown.c -- `airead convert`: the model as GitHub-flavoured Markdown.
 *
 * One pass over the tree (DESIGN.md section 7):
 *
 *   ---                      YAML front matter: the metadata the document
 *   title: "..."             has (absent or blank fields left out), the
 *   ---                      source file name and format
 *
 *   # 1 추진 배경             outline levels / heading styles -> headings,
 *                            the automatic number kept as text
 *   - □ 고령층과 ...          list items: automatic numbering and typed
 *     - ○ 2025년 ...         markers (□ ○ - · ㆍ, 1. 가. 1) (1) ① 1-1 ...)
 *                            nest by a stack of the markers seen, and the
 *                            marker stays in the text
 *   | 과정 | 대상 |            tables (md_table.c)
 *   [^1]: 2026년 ...         notes, at the end, in reference order
 *
 * Blocks are separated by a blank line, list items of one list by a
 * newline. A block stays "open" after its text so that the next paragraph
 * can continue it when the break detector (join.h) says the sentence goes
 * on across the paragraph boundary (principle 3).
 *
 * Text boxes and captions are written at their anchor: the paragraph
 * holding them is split there. Headers and footers are left out unless
 * asked for. Comments are left out. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "emit/md.h"
#include "util/error.h"
#include "util/utf8.h"

/* ---- the writer -------------------------------------------------------- */

void md_fail(md *m, air_status st)
{
    if (m->err == AIR_OK)
        m->err = st;
}

static const char SPACES[] = "                                        ";

void md_write(md *m, const char *s, size_t n)
{
    while (n > 0) {
        const char *nl = memchr(s, '\n', n);
        size_t k = nl ? (size_t)(nl - s) : n;
        if (k > 0) {
            if (m->bol) {
                for (size_t i = m->indent; i > 0;) {
                    size_t c = i < sizeof SPACES - 1 ? i : sizeof SPACES - 1;
                    fwrite(SPACES, 1, c, m->f);
                    i -= c;
                }
            }
            fwrite(s, 1, k, m->f);
            m->bol = false;
        }
        if (nl) {
            fputc('\n', m->f);
            m->bol = true;
            k++;
        }
        s += k;
        n -= k;
    }
}

bool md_grow(md *m, void *vec, size_t *cap, size_t n, size_t size)
{
    if (n < *cap)
        return true;
    size_t nc = *cap ? *cap * 2 : 16;
    void *v = realloc(*(void **)vec, nc * size);
    if (v == NULL) {
        md_fail(m, AIR_ENOMEM);
        return false;
    }
    *(void **)vec = v;
    *cap = nc;
    return true;
}

void md_puts(md *m, const char *s)
{
    md_write(m, s, strlen(s));
}

void md_end_block(md *m)
{
    if (m->state == MD_ST_OPEN) {
        md_write(m, "\n", 1);
        m->state = MD_ST_CLOSED;
    }
    m->indent = 0;
    m->open_para = NULL;
}

void md_begin_block(md *m, bool item)
{
    if (m->state == MD_ST_OPEN) {
        md_write(m, "\n", 1);
        if (!(m->open_item && item))
            md_write(m, "\n", 1);
    } else if (m->state == MD_ST_CLOSED) {
        md_write(m, "\n", 1);
    }
    m->indent = 0;
    m->state = MD_ST_OPEN;
    m->open_item = item;
    m->open_para = NULL;
}

/* ---- front matter ------------------------------------------------------ */

/* A YAML double-quoted scalar: always quoted, so no value is read as a
 * number, a date, a boolean or YAML syntax. */
static void yaml_str(air_buf *b, const char *s)
{
    size_t n = strlen(s);
    while (n > 0 && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')) {
        s++;
        n--;
    }
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' ||
                     s[n - 1] == '\r'))
        n--;
    air_buf_addc(b, '"');
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t k = air_utf8_decode(&cp, s + i, n - i);
        switch (cp) {
        case '"': air_buf_adds(b, "\\\""); break;
        case '\\': air_buf_adds(b, "\\\\"); break;
        case '\n': air_buf_adds(b, "\\n"); break;
        case '\t': air_buf_adds(b, "\\t"); break;
        case '\r': air_buf_adds(b, "\\r"); break;
        case 0x85: air_buf_adds(b, "\\N"); break;
        case 0x2028: air_buf_adds(b, "\\L"); break;
        case 0x2029: air_buf_adds(b, "\\P"); break;
        case 0xFEFF: air_buf_adds(b, "\\uFEFF"); break;
        default:
            if (cp < 0x20 || cp == 0x7F)
                air_buf_printf(b, "\\x%02X", (unsigned)cp);
            else
                air_buf_add(b, s + i, k);
        }
        i += k;
    }
    air_buf_addc(b, '"');
}

static bool is_blank(const char *s)
{
    for (; s && *s; s++)
        if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
            return false;
    return true;
}

static void front_matter(md *m)
{
    static const struct {
        air_meta_field f;
        const char *key;
    } fields[] = {
        {AIR_META_TITLE, "title"},
        {AIR_META_CREATOR, "author"},
        {AIR_META_SUBJECT, "subject"},
        {AIR_META_KEYWORDS, "keywords"},
        {AIR_META_DESCRIPTION, "description"},
        {AIR_META_CREATED, "created"},
        {AIR_META_MODIFIED, "modified"},
    };
    air_buf b = AIR_BUF_INIT;
    air_buf_adds(&b, "---\n");
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++) {
        const char *v = m->doc->meta.field[fields[i].f];
        if (is_blank(v))
            continue;
        air_buf_printf(&b, "%s: ", fields[i].key);
        yaml_str(&b, v);
        air_buf_addc(&b, '\n');
    }
    const char *src = m->o.source_name;
    if (src == NULL) {
        src = m->doc->name;
        const char *slash = src ? strrchr(src, '/') : NULL;
        if (slash)
            src = slash + 1;
    }
    if (!is_blank(src) && strcmp(src, "-") != 0) {
        air_buf_adds(&b, "source: ");
        yaml_str(&b, src);
        air_buf_addc(&b, '\n');
    }
    air_buf_printf(&b, "format: \"%s\"\n---\n",
                   air_format_name(m->doc->format));
    if (b.ptr == NULL)
        md_fail(m, AIR_ENOMEM);
    else
        md_write(m, b.ptr, b.len);
    air_buf_free(&b);
    m->state = MD_ST_CLOSED;
}

/* ---- lists ------------------------------------------------------------- */

/* Marker families: the key of a typed marker says which family it is in
 * ("1." and "2." are one family), so siblings find each other. */
enum {
    KEY_AUTO = 1u << 24,  /* | level */
    KEY_TYPED = 2u << 24, /* | pattern */
    KEY_BULLET = 3u << 24 /* | code point */
};

enum {
    PAT_NUM_DOT = 1,
    PAT_NUM_PAREN,
    PAT_PNUM,
    PAT_HAN_DOT,
    PAT_HAN_PAREN,
    PAT_PHAN,
    PAT_CIRCLED,
    PAT_CIRCLED_HAN,
    PAT_CIRCLED_JAMO,
    PAT_PAREN_CHAR,
    PAT_SEOUL2,
    PAT_SEOUL3,
    PAT_ROMAN
};

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool is_gap(const char *s, size_t n, size_t i)
{
    return i >= n || s[i] == ' ' || s[i] == '\t';
}

/* 가 나 다 라 마 바 사 아 자 차 카 타 파 하: the item letters. */
static bool is_item_syllable(uint32_t cp)
{
    static const uint32_t set[] = {0xAC00, 0xB098, 0xB2E4, 0xB77C, 0xB9C8,
                                   0xBC14, 0xC0AC, 0xC544, 0xC790, 0xCC28,
                                   0xCE74, 0xD0C0, 0xD30C, 0xD558};
    for (size_t i = 0; i < sizeof set / sizeof *set; i++)
        if (set[i] == cp)
            return true;
    return false;
}

static bool is_bullet_char(uint32_t cp)
{
    switch (cp) {
    case '-':
    case 0x25A1:
    case 0x25A0:
    case 0x25CB:
    case 0x25CF:
    case 0x25CE:
    case 0x25C7:
    case 0x25C6:
    case 0x25AA:
    case 0x25AB:
    case 0x2022:
    case 0x25E6:
    case 0x00B7:
    case 0x318D:
    case 0x2219:
    case 0x2023:
    case 0x25B7:
    case 0x25B6:
    case 0x25BA:
    case 0x3147:
    case 0x25EF:
    case 0x274D:
    case 0x27A2:
    case 0x2713:
    case 0x2714:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015: return true;
    default: return false;
    }
}

/* The family of a marker typed at the start of the text, or 0. */
static uint32_t typed_key(const air_para *pa)
{
    const char *s = pa->text;
    size_t n = pa->len, i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    s += i;
    n -= i;
    if (n == 0)
        return 0;
    uint32_t cp;
    size_t k = air_utf8_decode(&cp, s, n);
    /* 1.  1)  1-1  1-1-1 */
    if (is_digit(s[0])) {
        size_t d = 0;
        while (d < n && d < 4 && is_digit(s[d]))
            d++;
        if (d > 3)
            return 0;
        if (d < n && (s[d] == '.' || s[d] == ')') && is_gap(s, n, d + 1))
            return KEY_TYPED | (s[d] == '.' ? PAT_NUM_DOT : PAT_NUM_PAREN);
        int parts = 1;
        size_t j = d;
        while (j + 1 < n && s[j] == '-' && is_digit(s[j + 1]) && parts < 3) {
            j++;
            while (j < n && is_digit(s[j]))
                j++;
            parts++;
        }
        if (parts > 1 && j < n && s[j] == '.')
            j++;
        if (parts > 1 && is_gap(s, n, j))
            return KEY_TYPED | (parts == 2 ? PAT_SEOUL2 : PAT_SEOUL3);
        return 0;
    }
    /* (1)  (가) */
    if (s[0] == '(' && n > 2) {
        uint32_t c2;
        size_t k2 = air_utf8_decode(&c2, s + 1, n - 1);
        size_t j = 1;
        if (is_digit(s[1])) {
            while (j < n && j < 4 && is_digit(s[j]))
                j++;
            if (j < n && s[j] == ')')
                return KEY_TYPED | PAT_PNUM;
        } else if (is_item_syllable(c2) && 1 + k2 < n && s[1 + k2] == ')') {
            return KEY_TYPED | PAT_PHAN;
        }
        return 0;
    }
    /* 가.  가) */
    if (is_item_syllable(cp) && k < n && (s[k] == '.' || s[k] == ')') &&
        is_gap(s, n, k + 1))
        return KEY_TYPED | (s[k] == '.' ? PAT_HAN_DOT : PAT_HAN_PAREN);
    /* ① ❶ ➀ ➊   ㉮   ㉠   ⑴ */
    if ((cp >= 0x2460 && cp <= 0x2473) || cp == 0x24EA ||
        (cp >= 0x2776 && cp <= 0x2793))
        return KEY_TYPED | PAT_CIRCLED;
    if (cp >= 0x326E && cp <= 0x327B)
        return KEY_TYPED | PAT_CIRCLED_HAN;
    if (cp >= 0x3260 && cp <= 0x326D)
        return KEY_TYPED | PAT_CIRCLED_JAMO;
    if (cp >= 0x2474 && cp <= 0x2487)
        return KEY_TYPED | PAT_PAREN_CHAR;
    /* Ⅰ. Ⅱ. (Roman numeral characters) */
    if (cp >= 0x2160 && cp <= 0x217F && k < n && s[k] == '.' &&
        is_gap(s, n, k + 1))
        return KEY_TYPED | PAT_ROMAN;
    /* □ ○ - · ㆍ and the like, followed by a blank */
    if (is_bullet_char(cp) && is_gap(s, n, k))
        return KEY_BULLET | cp;
    return 0;
}

static uint32_t item_key(const air_node *p)
{
    const air_para *pa = &p->u.para;
    /* Automatic lists nest by their level: a bullet list right after a
     * numbered one at the same level is its sibling, not its child. */
    if (pa->list.kind == AIR_LIST_NUMBER || pa->list.kind == AIR_LIST_BULLET)
        return KEY_AUTO | pa->list.level;
    return typed_key(pa);
}

static int heading_level(const air_node *p)
{
    const air_para *pa = &p->u.para;
    int h = 0;
    if (pa->heading)
        h = pa->heading;
    else if (pa->list.kind == AIR_LIST_OUTLINE)
        h = pa->list.level + 1;
    else if (pa->outline_level >= 0 && pa->outline_level < 9)
        h = pa->outline_level + 1;
    return h > MD_MAX_HEADING ? MD_MAX_HEADING : h;
}

/* The depth of an item in the marker stack: a family seen before is a
 * sibling of that item (the stack is cut back to it); a new one nests
 * under the last item. */
static int stack_depth(md *m, uint32_t key)
{
    for (int i = m->depth - 1; i >= 0; i--)
        if (m->stack[i] == key) {
            m->depth = i + 1;
            return i;
        }
    if (m->depth == MD_MAX_LIST)
        m->depth--;
    m->stack[m->depth++] = key;
    return m->depth - 1;
}

/* The depth in the Markdown list: relative to the first item of the list
 * being written, never more than one deeper than the item before it (a
 * deeper indent would be read as code). */
static int list_depth(md *m, int d)
{
    int mdd;
    if (m->md_prev < 0) {
        m->md_base = d;
        mdd = 0;
    } else {
        mdd = d - m->md_base;
        if (mdd < 0) {
            m->md_base = d;
            mdd = 0;
        }
        if (mdd > m->md_prev + 1)
            mdd = m->md_prev + 1;
    }
    m->md_prev = mdd;
    return mdd;
}

/* ---- paragraphs -------------------------------------------------------- */

static void emit_container(md *m, const air_node *c);

static bool is_split(const air_node *c)
{
    return c->kind == AIR_NODE_TABLE || c->kind == AIR_NODE_TEXTBOX ||
           c->kind == AIR_NODE_CAPTION;
}

/* Principle 3: does paragraph p continue the block the paragraph before
 * it left open? */
static bool joined(md *m, const air_node *p, air_buf *dst)
{
    const air_node *prev = m->open_para;
    if (m->state != MD_ST_OPEN || prev == NULL || prev != p->prev ||
        heading_level(prev) || dst->len == 0)
        return false;
    const air_para *a = &prev->u.para, *z = &p->u.para;
    uint32_t bs = a->len;
    while (bs > 0 && a->text[bs - 1] != '\n')
        bs--;
    const char *nl = memchr(z->text, '\n', z->len);
    air_join j = md_ask_join(m, AIR_BREAK_PARA, prev, a->text + bs, a->len - bs,
                             p, z->text, nl ? (size_t)(nl - z->text) : z->len);
    if (j == AIR_JOIN_KEEP)
        return false;
    if (j == AIR_JOIN_SPACE)
        md_write(m, " ", 1);
    md_write(m, dst->ptr, dst->len);
    m->open_para = p;
    return true;
}

/* Writes the rendered text of (part of) paragraph p as a block. 'h' is its
 * heading level and 'key' its list family (both 0 for a plain paragraph
 * or for the part after a table or text box). */
static void flush_para(md *m, const air_node *p, air_buf *dst, int h,
                       uint32_t key)
{
    md_trim_block(dst);
    if (dst->len == 0 || m->err != AIR_OK)
        return;
    if (!h && !key && joined(m, p, dst))
        return;
    if (h) {
        md_begin_block(m, false);
        m->depth = 0;
        m->md_prev = -1;
        char hashes[MD_MAX_HEADING + 2];
        memset(hashes, '#', (size_t)h);
        hashes[h] = ' ';
        md_write(m, hashes, (size_t)h + 1);
        md_write(m, dst->ptr, dst->len);
    } else if (key) {
        int mdd = list_depth(m, stack_depth(m, key));
        md_begin_block(m, true);
        for (int i = 0; i < mdd; i++)
            md_write(m, "  ", 2);
        md_write(m, "- ", 2);
        const char *marker = md_auto_marker(p);
        if (marker && (key & 0xFF000000u) == KEY_AUTO) {
            air_buf mb = AIR_BUF_INIT;
            md_para pr;
            md_para_init(&pr, p, MD_BLOCK);
            md_render_literal(m, &pr, marker, strlen(marker), &mb);
            air_buf_addc(&mb, ' ');
            md_write(m, mb.ptr, mb.len);
            air_buf_free(&mb);
        }
        m->indent = (size_t)mdd * 2 + 2;
        md_write(m, dst->ptr, dst->len);
    } else {
        md_begin_block(m, false);
        m->md_prev = -1;
        md_write(m, dst->ptr, dst->len);
    }
    m->open_para = h ? NULL : p;
}

static void emit_para(md *m, const air_node *p)
{
    const air_para *pa = &p->u.para;
    int h = heading_level(p);
    uint32_t key = h ? 0 : item_key(p);
    air_buf dst = AIR_BUF_INIT;
    md_para pr;
    md_para_init(&pr, p, h ? MD_HEADING : MD_BLOCK);
    const char *marker = md_auto_marker(p);
    if (h && marker) {
        md_render_literal(m, &pr, marker, strlen(marker), &dst);
        md_render_literal(m, &pr, " ", 1, &dst);
    }
    uint32_t pos = 0;
    for (const air_node *c = p->first; c && m->err == AIR_OK; c = c->next) {
        uint32_t a = c->anchor < pos       ? pos
                     : c->anchor > pa->len ? pa->len
                                           : c->anchor;
        md_render_range(m, &pr, pos, a, &dst);
        pos = a;
        if (!is_split(c)) {
            md_render_inline_obj(m, &pr, c, &dst);
            continue;
        }
        /* A table or text box: the paragraph so far is a block, the
         * object follows, the rest of the text is a new paragraph. */
        flush_para(m, p, &dst, h, key);
        h = 0;
        key = 0;
        air_buf_clear(&dst);
        pr.ctx = MD_BLOCK;
        pr.line.at_start = true;
        pr.line.digits = 0;
        if (c->kind == AIR_NODE_TABLE) {
            /* A table's caption comes first, as in the source, where it
             * precedes the rows: "<표 1> 주요 제원" then the table. */
            const air_node *t = c;
            while (c->next && c->next->kind == AIR_NODE_CAPTION &&
                   c->next->anchor == t->anchor) {
                c = c->next;
                emit_container(m, c);
            }
            md_table(m, t);
            md_flush_queue(m);
        } else {
            emit_container(m, c);
        }
    }
    md_render_range(m, &pr, pos, pa->len, &dst);
    flush_para(m, p, &dst, h, key);
    air_buf_free(&dst);
}

/* A container's blocks: the document, a section, a text box, a caption,
 * a header or footer. Nested containers past MD_MAX_NEST are written as
 * plain paragraphs, in document order, without recursion. */
static void emit_flat(md *m, const air_node *c)
{
    for (const air_node *n = c->first; n && m->err == AIR_OK;
         n = air_node_next_preorder(n, c)) {
        if (n->kind != AIR_NODE_PARA)
            continue;
        air_buf dst = AIR_BUF_INIT;
        md_para pr;
        md_para_init(&pr, n, MD_BLOCK);
        md_render_range(m, &pr, 0, n->u.para.len, &dst);
        md_trim_block(&dst);
        if (dst.len) {
            md_begin_block(m, false);
            md_write(m, dst.ptr, dst.len);
        }
        air_buf_free(&dst);
    }
    md_end_block(m);
}

static void emit_container(md *m, const air_node *c)
{
    if (m->nest >= MD_MAX_NEST) {
        emit_flat(m, c);
        return;
    }
    m->nest++;
    int depth = m->depth, md_prev = m->md_prev;
    uint32_t stack[MD_MAX_LIST];
    memcpy(stack, m->stack, sizeof stack);
    if (c->kind != AIR_NODE_DOC && c->kind != AIR_NODE_SECTION) {
        m->depth = 0;
        m->md_prev = -1;
    }
    m->open_para = NULL;
    for (const air_node *b = c->first; b && m->err == AIR_OK; b = b->next) {
        switch (b->kind) {
        case AIR_NODE_PARA: emit_para(m, b); break;
        case AIR_NODE_TABLE:
            md_table(m, b);
            md_flush_queue(m);
            break;
        case AIR_NODE_SECTION: emit_container(m, b); break;
        case AIR_NODE_HEADER:
        case AIR_NODE_FOOTER:
            if (m->o.headers)
                emit_container(m, b);
            break;
        default: break;
        }
    }
    m->open_para = NULL;
    if (c->kind != AIR_NODE_DOC && c->kind != AIR_NODE_SECTION) {
        memcpy(m->stack, stack, sizeof stack);
        m->depth = depth;
        m->md_prev = md_prev;
    }
    m->nest--;
}

/* ---- notes ------------------------------------------------------------- */

uint32_t md_note_ref(md *m, const air_node *note, bool in_md)
{
    for (uint32_t i = 0; i < m->nnotes; i++)
        if (m->notes[i] == note) {
            m->note_md[i] |= in_md;
            return i + 1;
        }
    size_t cap = m->capnotes, cap2 = m->capnotes;
    if (!md_grow(m, &m->notes, &cap, m->nnotes, sizeof *m->notes) ||
        !md_grow(m, &m->note_md, &cap2, m->nnotes, sizeof *m->note_md))
        return 0;
    m->capnotes = cap;
    m->notes[m->nnotes] = note;
    m->note_md[m->nnotes] = in_md;
    return ++m->nnotes;
}

/* Definitions, in reference order ("[^n]: text"; continuation lines are
 * indented four spaces). A note referenced only from an HTML table cell
 * gets a plain "n) text" paragraph instead: renderers drop a footnote
 * definition nobody references with [^n], and its text with it. */
static void emit_notes(md *m)
{
    air_buf dst = AIR_BUF_INIT, one = AIR_BUF_INIT;
    for (uint32_t i = 0; i < m->nnotes && m->err == AIR_OK; i++) {
        const air_node *n = m->notes[i];
        air_buf_clear(&dst);
        md_para sep;
        md_para_init(&sep, n, MD_NOTE);
        for (const air_node *b = n->first; b; b = b->next) {
            air_buf_clear(&one);
            if (b->kind == AIR_NODE_PARA) {
                md_para_inline(m, b, MD_NOTE, &one);
            } else if (b->kind == AIR_NODE_TABLE) {
                md_para pr;
                md_para_init(&pr, b, MD_NOTE);
                md_table_ref(m, &pr, b, &one);
            }
            if (one.len == 0)
                continue;
            if (dst.len) {
                md_trim_block(&dst);
                air_buf_adds(&dst, "\\\n");
            }
            air_buf_add(&dst, one.ptr, one.len);
        }
        md_trim_block(&dst);
        char head[32];
        if (m->note_md[i])
            snprintf(head, sizeof head, "[^%u]: ", i + 1);
        else
            snprintf(head, sizeof head, "%u\\) ", i + 1);
        md_begin_block(m, false);
        m->md_prev = -1;
        md_puts(m, head);
        m->indent = 4;
        md_write(m, dst.ptr ? dst.ptr : "", dst.len);
        m->st.notes++;
    }
    md_end_block(m);
    md_flush_queue(m);
    air_buf_free(&dst);
    air_buf_free(&one);
}

/* ---- media ------------------------------------------------------------- */

/* A file name for part 'target': its base name with anything but ASCII
 * letters, digits, '.', '-' and '_' replaced, never starting with a dot,
 * at most 80 bytes; "image" when nothing is left. */
static char *sanitise(const char *target)
{
    const char *base = strrchr(target, '/');
    base = base ? base + 1 : target;
    const char *bs = strrchr(base, '\\');
    if (bs)
        base = bs + 1;
    size_t n = strlen(base);
    if (n > 80)
        base += n - 80, n = 80;
    char *out = malloc(n + 8);
    if (out == NULL)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        char c = base[i];
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                  (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
        out[k++] = ok ? c : '_';
    }
    out[k] = '\0';
    while (out[0] == '.')
        out[0] = '_';
    if (k == 0 || strspn(out, "_") == k)
        strcpy(out, "image");
    return out;
}

static bool name_taken(const md *m, const char *name)
{
    for (size_t i = 0; i < m->nmedia; i++)
        if (strcmp(m->media[i].name, name) == 0)
            return true;
    return false;
}

/* Writes part 'target' to media_dir/name through a temporary file in the
 * same folder, renamed into place (air_outfile): no partial file is ever
 * left under the final name, nor a temporary one after a signal. */
static bool extract(md *m, const char *target, const char *name)
{
    const char *dir = m->o.media_dir;
    if (mkdir(dir, 0777) != 0 && errno != EEXIST)
        return false;
    air_buf dst = AIR_BUF_INIT;
    air_buf_printf(&dst, "%s/%s", dir, name);
    air_outfile *of = NULL;
    FILE *f = NULL;
    bool ok = false;
    if (dst.ptr && air_outfile_open(&of, &f, dst.ptr) == AIR_OK) {
        air_status st = air_doc_copy_part(m->doc, target, f, NULL);
        ok = air_outfile_close(of, st == AIR_OK) == AIR_OK && st == AIR_OK;
    }
    air_buf_free(&dst);
    return ok;
}

const char *md_media_name(md *m, const air_node *image)
{
    const char *target = image->u.image.target;
    if (m->o.media_dir == NULL || target == NULL || *target == '\0')
        return NULL;
    for (size_t i = 0; i < m->nmedia; i++)
        if (strcmp(m->media[i].target, target) == 0)
            return m->media[i].written ? m->media[i].name : NULL;
    if (!md_grow(m, &m->media, &m->capmedia, m->nmedia, sizeof *m->media))
        return NULL;
    char *name = sanitise(target);
    if (name == NULL) {
        md_fail(m, AIR_ENOMEM);
        return NULL;
    }
    if (name_taken(m, name)) {
        /* image.png, image-2.png, image-3.png ... */
        size_t n = strlen(name);
        char *dot = strrchr(name, '.');
        size_t stem = dot && dot != name ? (size_t)(dot - name) : n;
        char *alt = malloc(n + 16);
        for (unsigned k = 2; alt; k++) {
            snprintf(alt, n + 16, "%.*s-%u%s", (int)stem, name, k, name + stem);
            if (!name_taken(m, alt))
                break;
        }
        free(name);
        name = alt;
        if (name == NULL) {
            md_fail(m, AIR_ENOMEM);
            return NULL;
        }
    }
    md_media *e = &m->media[m->nmedia++];
    e->target = target;
    e->name = name;
    /* A part that cannot be extracted keeps its package name in the
     * link: the reference is still there, it points nowhere on disk. */
    e->written = extract(m, target, name);
    if (!e->written)
        return NULL;
    m->st.images_written++;
    return name;
}

/* ---- entry points ------------------------------------------------------ */

air_status air_md_convert(const air_doc *doc, const air_markdown_opts *opts,
                          const air_md_hooks *hooks, FILE *out)
{
    static const air_markdown_opts defaults = AIR_MARKDOWN_OPTS_INIT;
    md m;
    memset(&m, 0, sizeof m);
    m.doc = doc;
    m.o = opts ? *opts : defaults;
    m.join = hooks && hooks->join ? hooks->join : air_join_detect;
    /* The shared detector reads the configuration's data; it only
     * reads it, the hook's 'user' is merely not const. */
    m.join_user = hooks && hooks->join ? hooks->join_user
                                       : (void *)(uintptr_t)m.o.config;
    m.sym = m.o.symbols ? m.o.symbols : air_md_default_symmaps();
    m.f = out;
    m.bol = true;
    m.md_prev = -1;

    if (m.o.front_matter)
        front_matter(&m);
    emit_container(&m, doc->root);
    md_end_block(&m);
    emit_notes(&m);
    md_end_block(&m);
    if (m.err == AIR_OK && (fflush(out) != 0 || ferror(out)))
        m.err = AIR_EIO;
    if (m.err == AIR_EIO)
        air_error(AIR_EIO, "%s: cannot write the Markdown", doc->name);
    else if (m.err == AIR_ENOMEM)
        air_error(AIR_ENOMEM, "%s: out of memory", doc->name);

    if (m.o.stats)
        *m.o.stats = m.st;
    for (size_t i = 0; i < m.nmedia; i++)
        free(m.media[i].name);
    free(m.media);
    free(m.notes);
    free(m.note_md);
    free(m.queue);
    return m.err;
}

air_status air_convert_markdown(const air_doc *doc,
                                const air_markdown_opts *opts, FILE *out)
{
    return air_md_convert(doc, opts, NULL, out);
}
