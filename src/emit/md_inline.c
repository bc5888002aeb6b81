/* md_inline.c -- a paragraph's text as inline Markdown.
 *
 * The text of the document is kept literally: every character that has a
 * meaning in GitHub-flavoured Markdown is escaped where it could take that
 * meaning, so a reader (cmark-gfm, pandoc) gives back exactly the text:
 *
 *   anywhere        \ ` * _ [ ] < | ~ get a backslash; & before a letter,
 *                   digit or # (an entity) too
 *   line start      # > + - = and "1." / "1)" (up to 9 digits) get one:
 *                   they would open a heading, quote, list or setext line
 *   headings        every # (a closing sequence would eat it)
 *   HTML cells      & < > as entities
 *
 * Leading blanks of a line are dropped (four would make a code block) and
 * trailing ones trimmed (two would make a hard break); tabs become spaces.
 * Whitespace is not text a reader loses.
 *
 * Principle 2: characters in a symbol-font span (AIR_SPAN_SYMFONT,
 * AIR_SPAN_SYM) are glyph codes: they are mapped through the tables of
 * rules/symbol-fonts, or dropped and counted when no mapping exists;
 * private-use characters outside such spans have no font to map them by
 * and are dropped and counted too. keep_symbols keeps everything.
 *
 * Principle 3: at each manual break the join detector decides between a
 * kept break (a hard break, "<br>" in a cell, a space in a heading) and a
 * join with or without a space. */
#include "config.h"

#include <string.h>

#include "emit/md.h"
#include "util/utf8.h"

static void put(md *m, air_buf *dst, const char *s, size_t n)
{
    if (air_buf_add(dst, s, n) != AIR_OK)
        md_fail(m, AIR_ENOMEM);
}

static void puts_(md *m, air_buf *dst, const char *s)
{
    put(m, dst, s, strlen(s));
}

static void put_cp(md *m, air_buf *dst, uint32_t cp)
{
    char u[4];
    put(m, dst, u, air_utf8_encode(u, cp));
}

void md_trim_end(air_buf *dst)
{
    while (dst->len > 0 &&
           (dst->ptr[dst->len - 1] == ' ' || dst->ptr[dst->len - 1] == '\t'))
        dst->ptr[--dst->len] = '\0';
}

void md_trim_block(air_buf *dst)
{
    for (;;) {
        md_trim_end(dst);
        if (dst->len >= 2 && memcmp(dst->ptr + dst->len - 2, "\\\n", 2) == 0)
            dst->len -= 2;
        else if (dst->len >= 4 &&
                 memcmp(dst->ptr + dst->len - 4, "<br>", 4) == 0)
            dst->len -= 4;
        else
            break;
        dst->ptr[dst->len] = '\0';
    }
}

void md_para_init(md_para *pr, const air_node *p, md_ctx ctx)
{
    pr->p = p;
    pr->ctx = ctx;
    pr->line.at_start = true;
    pr->line.digits = 0;
    pr->span = 0;
    pr->broke = false;
}

static bool is_block_ctx(md_ctx ctx)
{
    return ctx == MD_BLOCK || ctx == MD_HEADING || ctx == MD_NOTE;
}

static bool is_alnum_ascii(uint32_t c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
           (c >= 'a' && c <= 'z');
}

/* Does s[0..n) (just after a '&') read as an HTML entity: "#39;",
 * "#x27;", "amp;"? Then the '&' needs escaping to stay literal. */
static bool entity_follows(const char *s, size_t n)
{
    size_t i = 0;
    if (i < n && s[i] == '#') {
        i++;
        if (i < n && (s[i] == 'x' || s[i] == 'X'))
            i++;
    }
    size_t start = i;
    while (i < n && i < 40 && is_alnum_ascii((unsigned char)s[i]))
        i++;
    return i > start && i < n && s[i] == ';';
}

/* The 'next' emit_cp wants for cp at s[0..n) followed by rest[0..rn). */
static uint32_t next_of(uint32_t cp, const char *rest, size_t rn)
{
    uint32_t next = 0;
    if (cp == '&')
        return entity_follows(rest, rn) ? '#' : 'x';
    if (rn)
        air_utf8_decode(&next, rest, rn);
    return next;
}

/* One output character with the escaping of its context. 'next' is the
 * character that follows in the source (0 at the end). */
static void emit_cp(md *m, md_para *pr, air_buf *dst, uint32_t cp,
                    uint32_t next)
{
    md_line *ls = &pr->line;
    if (cp == '\t')
        cp = ' ';
    if (cp == ' ') {
        /* Runs of blanks are one blank to every Markdown reader. */
        if (ls->at_start || (dst->len && dst->ptr[dst->len - 1] == ' '))
            return;
        ls->digits = -1;
        put(m, dst, " ", 1);
        return;
    }
    bool start = ls->at_start;
    ls->at_start = false;
    pr->broke = false;
    if (pr->ctx == MD_HTML) {
        if (cp == '&')
            puts_(m, dst, "&amp;");
        else if (cp == '<')
            puts_(m, dst, "&lt;");
        else if (cp == '>')
            puts_(m, dst, "&gt;");
        else
            put_cp(m, dst, cp);
        return;
    }
    /* A heading's text is inline only: there, only '#' matters (below). */
    if (is_block_ctx(pr->ctx) && pr->ctx != MD_HEADING) {
        if (start &&
            (cp == '#' || cp == '>' || cp == '+' || cp == '-' || cp == '=')) {
            ls->digits = -1;
            put(m, dst, "\\", 1);
            put_cp(m, dst, cp);
            return;
        }
        if (ls->digits >= 0) {
            if (cp >= '0' && cp <= '9') {
                ls->digits++;
                put_cp(m, dst, cp);
                return;
            }
            if ((cp == '.' || cp == ')') && ls->digits >= 1 &&
                ls->digits <= 9 && (next == 0 || next == ' ' || next == '\t')) {
                ls->digits = -1;
                put(m, dst, "\\", 1);
                put_cp(m, dst, cp);
                return;
            }
        }
    }
    ls->digits = -1;
    switch (cp) {
    case '\\':
    case '`':
    case '*':
    case '_':
    case '[':
    case ']':
    case '<':
    case '|':
    case '~':
        put(m, dst, "\\", 1);
        put_cp(m, dst, cp);
        return;
    case '&':
        /* 'next' is '#' when an entity ("&amp;", "&#39;") follows. */
        if (next == '#')
            put(m, dst, "\\", 1);
        put(m, dst, "&", 1);
        return;
    case '#':
        if (pr->ctx == MD_HEADING)
            put(m, dst, "\\", 1);
        put(m, dst, "#", 1);
        return;
    default: put_cp(m, dst, cp);
    }
}

void md_render_literal(md *m, md_para *pr, const char *s, size_t n,
                       air_buf *dst)
{
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        i += air_utf8_decode(&cp, s + i, n - i);
        emit_cp(m, pr, dst, cp, next_of(cp, s + i, n - i));
    }
}

air_join md_ask_join(md *m, air_break_kind kind, const air_node *prev,
                     const char *before, size_t blen, const air_node *next,
                     const char *after, size_t alen)
{
    if (!m->o.join_breaks || m->join == NULL)
        return AIR_JOIN_KEEP;
    air_break b = {kind, before, blen, after, alen, prev, next};
    air_join j = m->join(&b, m->join_user);
    if (j != AIR_JOIN_SPACE && j != AIR_JOIN_NOSPACE)
        return AIR_JOIN_KEEP;
    m->st.joins++;
    return j;
}

void md_render_break(md *m, md_para *pr, air_buf *dst)
{
    switch (pr->ctx) {
    case MD_HEADING:
        md_trim_end(dst);
        if (!pr->line.at_start)
            put(m, dst, " ", 1);
        return;
    case MD_CELL:
    case MD_HTML:
        md_trim_end(dst);
        if (!pr->line.at_start && !pr->broke)
            puts_(m, dst, "<br>");
        break;
    default:
        md_trim_end(dst);
        if (!pr->line.at_start && !pr->broke)
            puts_(m, dst, "\\\n");
        break;
    }
    pr->broke = true;
    pr->line.at_start = true;
    pr->line.digits = 0;
}

/* A manual line break at byte i of the paragraph text. */
static void line_break(md *m, md_para *pr, uint32_t i, air_buf *dst)
{
    const air_para *pa = &pr->p->u.para;
    const char *t = pa->text;
    uint32_t b = i, e = i + 1;
    while (b > 0 && t[b - 1] != '\n')
        b--;
    while (e < pa->len && t[e] != '\n')
        e++;
    air_join j = md_ask_join(m, AIR_BREAK_LINE, pr->p, t + b, i - b, pr->p,
                             t + i + 1, e - i - 1);
    if (j == AIR_JOIN_SPACE) {
        if (!pr->line.at_start && dst->len && dst->ptr[dst->len - 1] != ' ')
            put(m, dst, " ", 1);
    } else if (j == AIR_JOIN_KEEP) {
        md_render_break(m, pr, dst);
    }
    /* AIR_JOIN_NOSPACE: the two halves of a word meet. */
}

/* The symbol-font span covering byte i, if any. Spans are sorted by
 * offset and symbol spans do not overlap one another (a run has one font),
 * so one cursor moving forward finds them; other spans are skipped. */
static const air_span *sym_span(md_para *pr, uint32_t i)
{
    const air_para *pa = &pr->p->u.para;
    const uint32_t symbolic = AIR_SPAN_SYMFONT | AIR_SPAN_SYM;
    while (pr->span < pa->nspans &&
           (!(pa->spans[pr->span].flags & symbolic) ||
            pa->spans[pr->span].off + pa->spans[pr->span].len <= i))
        pr->span++;
    if (pr->span < pa->nspans && pa->spans[pr->span].off <= i)
        return &pa->spans[pr->span];
    return NULL;
}

static bool is_private_use(uint32_t cp)
{
    return (cp >= 0xE000 && cp <= 0xF8FF) || cp >= 0xF0000;
}

/* The character to write for cp at byte i (0: write nothing). */
static uint32_t map_char(md *m, md_para *pr, uint32_t i, uint32_t cp, size_t n)
{
    const air_span *s = sym_span(pr, i);
    uint32_t code = cp;
    bool glyph;
    if (s && (s->flags & AIR_SPAN_SYM)) {
        glyph = true;
        if (s->code && s->len == n)
            code = s->code;
    } else if (s) {
        glyph = (cp >= 0x21 && cp <= 0xFF) || (cp >= 0xF020 && cp <= 0xF0FF);
    } else {
        glyph = false;
    }
    if (!glyph && !is_private_use(cp))
        return cp;
    if (m->o.keep_symbols) {
        m->st.sym_kept++;
        return cp;
    }
    uint32_t u = glyph ? air_symmaps_lookup(m->sym, s->font, code) : 0;
    if (u) {
        m->st.sym_mapped++;
        return u;
    }
    m->st.sym_dropped++;
    return 0;
}

/* The length of a URL starting at t[i] ("http://", "https://", "ftp://"
 * after a non-letter), up to a blank, '<', '>', a control or the end; 0
 * when there is none. In a pipe cell a '|' ends it too. A URL written bare
 * would be taken up by the GFM autolink extension straight from the source,
 * backslashes included, so it goes out as a standard autolink "<URL>",
 * whose text every reader takes literally. */
static uint32_t url_at(md_para *pr, const char *t, uint32_t i, uint32_t to)
{
    static const char *const schemes[] = {"http://", "https://", "ftp://"};
    if (pr->ctx == MD_HTML || (i > 0 && ((t[i - 1] >= 'a' && t[i - 1] <= 'z') ||
                                         (t[i - 1] >= 'A' && t[i - 1] <= 'Z'))))
        return 0;
    size_t k = 0;
    for (size_t s = 0; s < sizeof schemes / sizeof *schemes && !k; s++) {
        size_t n = strlen(schemes[s]);
        if (to - i > n && strncmp(t + i, schemes[s], n) == 0)
            k = n;
    }
    if (k == 0)
        return 0;
    uint32_t e = i + (uint32_t)k;
    while (e < to) {
        unsigned char c = (unsigned char)t[e];
        /* Readers decode entities inside an autolink: "&gt;" stays out. */
        if (c <= ' ' || c == '<' || c == '>' || c == 0x7F ||
            (c == '|' && pr->ctx == MD_CELL) ||
            (c == '&' && entity_follows(t + e + 1, to - e - 1)))
            break;
        uint32_t cp;
        size_t n = air_utf8_decode(&cp, t + e, to - e);
        if (cp == 0x3000 || cp == 0xA0 || is_private_use(cp))
            break;
        e += (uint32_t)n;
    }
    return e - i > k ? e - i : 0;
}

void md_render_range(md *m, md_para *pr, uint32_t from, uint32_t to,
                     air_buf *dst)
{
    const air_para *pa = &pr->p->u.para;
    const char *t = pa->text;
    if (to > pa->len)
        to = pa->len;
    uint32_t i = from;
    while (i < to && m->err == AIR_OK) {
        uint32_t url = (t[i] == 'h' || t[i] == 'f') && !sym_span(pr, i)
                           ? url_at(pr, t, i, to)
                           : 0;
        if (url) {
            put(m, dst, "<", 1);
            put(m, dst, t + i, url);
            put(m, dst, ">", 1);
            pr->line.at_start = false;
            pr->line.digits = -1;
            pr->broke = false;
            i += url;
            continue;
        }
        uint32_t cp;
        size_t n = air_utf8_decode(&cp, t + i, to - i);
        if (cp == '\n') {
            line_break(m, pr, i, dst);
            i += (uint32_t)n;
            continue;
        }
        cp = map_char(m, pr, i, cp, n);
        if (cp)
            emit_cp(m, pr, dst, cp, next_of(cp, t + i + n, to - i - n));
        i += (uint32_t)n;
    }
}

void md_link_dest(air_buf *dst, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    for (; s && *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c <= 0x20 || c == 0x7F || c == '(' || c == ')' || c == '<' ||
            c == '>' || c == '\\' || c == '"' || c == '\'' || c == '`') {
            char e[3] = {'%', hex[c >> 4], hex[c & 15]};
            air_buf_add(dst, e, 3);
        } else {
            air_buf_addc(dst, (char)c);
        }
    }
}

/* Alt text: one line, escaped for its context. */
static void render_alt(md *m, md_para *pr, const char *alt, air_buf *dst)
{
    md_para tmp = *pr;
    tmp.line.at_start = false;
    tmp.line.digits = -1;
    size_t n = alt ? strlen(alt) : 0, i = 0;
    while (i < n) {
        uint32_t cp;
        i += air_utf8_decode(&cp, alt + i, n - i);
        if (cp == '\n' || cp == '\t' || cp == '\r')
            cp = ' ';
        if (cp == '"' && pr->ctx == MD_HTML) {
            puts_(m, dst, "&quot;");
            continue;
        }
        emit_cp(m, &tmp, dst, cp, 0);
    }
}

static void render_image(md *m, md_para *pr, const air_node *img, air_buf *dst)
{
    const air_image *im = &img->u.image;
    const char *alt = im->alt && *im->alt ? im->alt : im->title;
    air_buf dest = AIR_BUF_INIT;
    const char *name = md_media_name(m, img);
    if (name) {
        const char *base = m->o.media_link ? m->o.media_link : m->o.media_dir;
        md_link_dest(&dest, base);
        if (base && *base && base[strlen(base) - 1] != '/')
            air_buf_addc(&dest, '/');
        md_link_dest(&dest, name);
    } else {
        md_link_dest(&dest, im->target);
    }
    m->st.images++;
    if (pr->ctx == MD_HTML) {
        puts_(m, dst, "<img src=\"");
        put(m, dst, air_buf_cstr(&dest), dest.len);
        puts_(m, dst, "\" alt=\"");
        render_alt(m, pr, alt, dst);
        puts_(m, dst, "\">");
    } else {
        puts_(m, dst, "![");
        render_alt(m, pr, alt, dst);
        puts_(m, dst, "](");
        put(m, dst, air_buf_cstr(&dest), dest.len);
        puts_(m, dst, ")");
    }
    air_buf_free(&dest);
    pr->line.at_start = false;
    pr->line.digits = -1;
    pr->broke = false;
}

void md_render_inline_obj(md *m, md_para *pr, const air_node *obj, air_buf *dst)
{
    switch (obj->kind) {
    case AIR_NODE_FOOTNOTE:
    case AIR_NODE_ENDNOTE: {
        char ref[32];
        uint32_t n = md_note_ref(m, obj, pr->ctx != MD_HTML);
        if (pr->ctx == MD_HTML)
            snprintf(ref, sizeof ref, "<sup>%u</sup>", n);
        else
            snprintf(ref, sizeof ref, "[^%u]", n);
        puts_(m, dst, ref);
        pr->line.at_start = false;
        pr->line.digits = -1;
        pr->broke = false;
        break;
    }
    case AIR_NODE_IMAGE: render_image(m, pr, obj, dst); break;
    default: break; /* comments, objects: not text of the document */
    }
}

/* Bullets that carry no meaning beyond "a list item": the Markdown list
 * says that already. The official markers (□ ○ - · ㆍ ※) are kept. */
static bool is_plain_bullet(uint32_t cp)
{
    switch (cp) {
    case 0x25A1:
    case 0x25CB:
    case '-':
    case 0x00B7:
    case 0x318D:
    case 0x203B:
    case 0x2010:
    case 0x2013: return false;
    default: return true;
    }
}

const char *md_auto_marker(const air_node *p)
{
    const air_list *l = &p->u.para.list;
    if (l->kind == AIR_LIST_NONE || l->marker == NULL || !*l->marker)
        return NULL;
    if (l->kind == AIR_LIST_BULLET) {
        uint32_t cp;
        size_t n = strlen(l->marker);
        size_t k = air_utf8_decode(&cp, l->marker, n);
        if (k != n || is_plain_bullet(cp))
            return NULL;
    }
    return l->marker;
}
