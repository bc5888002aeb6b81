/* config.c -- the effective configuration: shipped defaults, a user file
 * laid over them, every value checked and compiled once.
 *
 * The defaults file (rules/defaults.yaml) is also the schema: a user file
 * may only name keys the defaults have (except new numbering profiles),
 * with the same shape (a value, a list or a mapping). Maps merge key by
 * key; a value or a list replaces the default. Under `rules:` a rule may
 * be given as one value: `off`/`false` disables it, `on`/`true` enables
 * it, `error`/`warning`/`info` enables it with that severity.
 *
 * Rule texts (title, why, how to fix) are read from the YAML front matter
 * of rules/<id>.md in the same data folder. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rules/data.h"
#include "rules/engine.h"
#include "rules/linebreak.h"
#include "rules/markers.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/utf8.h"

#ifndef AIR_RULES_DATADIR
#define AIR_RULES_DATADIR "/usr/local/share/airead/rules"
#endif

static const char DEFAULTS_NAME[] = "defaults.yaml";

/* ---- small helpers ------------------------------------------------------- */

static bool is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static const char *join(air_arena *a, const char *dir, const char *name)
{
    size_t n = strlen(dir), m = strlen(name);
    char *s = air_arena_alloc(a, n + m + 2);
    if (s == NULL)
        return NULL;
    memcpy(s, dir, n);
    s[n] = '/';
    memcpy(s + n + 1, name, m + 1);
    return s;
}

static const char *pick_datadir(const char *given)
{
    if (given)
        return given;
    const char *env = getenv("AIREAD_DATADIR");
    if (env && env[0])
        return env;
    /* The configured installed folder, never the source tree the library
     * was built from: a program reads what was installed with it (the
     * airead program first looks next to its bin/, see cli_datadir). */
    return AIR_RULES_DATADIR;
}

static air_status bad(const air_cv *v, const char *fmt, const char *arg)
{
    char msg[400];
    snprintf(msg, sizeof msg, fmt, arg ? arg : "");
    return air_error(AIR_ECONFIG, "%s:%u: %s", v->file, v->line, msg);
}

static bool parse_bool(const char *s, bool *out)
{
    static const char *const yes[] = { "true", "yes", "on" };
    static const char *const no[] = { "false", "no", "off" };
    for (size_t i = 0; i < 3; i++) {
        if (strcasecmp(s, yes[i]) == 0) {
            *out = true;
            return true;
        }
        if (strcasecmp(s, no[i]) == 0) {
            *out = false;
            return true;
        }
    }
    return false;
}

const char *air_severity_name(air_severity sev)
{
    switch (sev) {
    case AIR_SEV_INFO: return "info";
    case AIR_SEV_WARNING: return "warning";
    case AIR_SEV_ERROR: return "error";
    default: return "none";
    }
}

air_status air_severity_parse(air_severity *out, const char *name)
{
    for (int s = AIR_SEV_NONE; s <= AIR_SEV_ERROR; s++)
        if (name && strcasecmp(name, air_severity_name((air_severity)s)) == 0) {
            *out = (air_severity)s;
            return AIR_OK;
        }
    return AIR_EUSAGE;
}

/* ---- merging a user file over the defaults -------------------------------- */

static const char *kind_name(air_cv_kind k)
{
    return k == AIR_CV_MAP ? "a mapping (key: value lines)"
           : k == AIR_CV_SEQ ? "a list" : "a single value";
}

/* Replaces child 'old' of map 'm' by 'v' (keeping the key and order). */
static void replace_child(air_cv *m, air_cv *old, air_cv *v)
{
    v->key = old->key;
    v->next = old->next;
    if (m->first == old)
        m->first = v;
    else
        for (air_cv *c = m->first; c; c = c->next)
            if (c->next == old) {
                c->next = v;
                break;
            }
    if (m->last == old)
        m->last = v;
}

/* `rules: { id: off }` and friends: the short form as a mapping. */
static air_status expand_rule_shorthand(air_arena *a, air_cv **v)
{
    air_cv *s = *v;
    if (s->kind != AIR_CV_SCALAR)
        return AIR_OK;
    air_cv *m = air_cv_new(a, AIR_CV_MAP, s->file, s->line);
    air_cv *en = air_cv_new(a, AIR_CV_SCALAR, s->file, s->line);
    if (m == NULL || en == NULL)
        return AIR_ENOMEM;
    bool b;
    air_severity sev;
    if (parse_bool(s->str, &b)) {
        en->str = b ? "true" : "false";
        air_cv_append(m, "enabled", en);
    } else if (air_severity_parse(&sev, s->str) == AIR_OK &&
               sev != AIR_SEV_NONE) {
        air_cv *sv = air_cv_new(a, AIR_CV_SCALAR, s->file, s->line);
        if (sv == NULL)
            return AIR_ENOMEM;
        en->str = "true";
        sv->str = air_severity_name(sev);
        air_cv_append(m, "enabled", en);
        air_cv_append(m, "severity", sv);
    } else {
        return bad(s, "a rule takes on, off, error, warning, info or a "
                      "mapping, not '%s'", s->str);
    }
    *v = m;
    return AIR_OK;
}

typedef struct merge_frame {
    air_cv *def, *user;
    int open;      /* the default map accepts new keys */
    int rules;     /* 'def' is the `rules:` map */
    const char *rule; /* 'def' is this rule's section */
} merge_frame;

/* Lays 'user' over 'def' (both maps), iteratively. */
static air_status merge(air_arena *a, air_cv *def, air_cv *user)
{
    merge_frame st[AIR_CV_MAX_DEPTH + 1];
    int depth = 0;
    st[depth++] = (merge_frame){ def, user, 0, 0, NULL };
    while (depth > 0) {
        merge_frame fr = st[--depth];
        for (air_cv *u = fr.user->first; u; u = u->next) {
            air_cv *uv = u;
            air_status rc;
            if (fr.rules && (rc = expand_rule_shorthand(a, &uv)) != AIR_OK)
                return rc;
            air_cv *d = air_cv_get(fr.def, u->key);
            if (d == NULL) {
                if (fr.rules)
                    return bad(u, "unknown rule '%s' (see 'airead rules')",
                               u->key);
                if (fr.rule) {
                    char msg[300];
                    snprintf(msg, sizeof msg, "rule %s has no setting '%s'",
                             fr.rule, u->key);
                    return bad(u, "%s", msg);
                }
                if (!fr.open)
                    return bad(u, "unknown key '%s'", u->key);
                air_cv *copy = uv;
                /* Detach from the user tree before appending. */
                air_cv *nv = air_cv_new(a, copy->kind, copy->file,
                                        copy->line);
                if (nv == NULL)
                    return AIR_ENOMEM;
                *nv = *copy;
                air_cv_append(fr.def, u->key, nv);
                continue;
            }
            if (d->kind == AIR_CV_SEQ && uv->kind == AIR_CV_SCALAR &&
                uv->str[0] == '\0' && uv->plain) {
                /* `key:` with no value: an empty list. */
                air_cv *e = air_cv_new(a, AIR_CV_SEQ, uv->file, uv->line);
                if (e == NULL)
                    return AIR_ENOMEM;
                replace_child(fr.def, d, e);
                continue;
            }
            if (d->kind != uv->kind) {
                char msg[200];
                snprintf(msg, sizeof msg, "'%s' must be %s", u->key,
                         kind_name(d->kind));
                return bad(uv, "%s", msg);
            }
            if (d->kind == AIR_CV_MAP) {
                if (depth >= AIR_CV_MAX_DEPTH)
                    return bad(uv, "nested too deeply%s", "");
                bool is_rules = fr.def == def && strcmp(u->key, "rules") == 0;
                bool is_profiles = strcmp(u->key, "profiles") == 0;
                st[depth++] = (merge_frame){ d, uv, is_profiles, is_rules,
                                             fr.rules ? u->key : NULL };
                continue;
            }
            air_cv *nv = air_cv_new(a, uv->kind, uv->file, uv->line);
            if (nv == NULL)
                return AIR_ENOMEM;
            *nv = *uv;
            replace_child(fr.def, d, nv);
        }
    }
    return AIR_OK;
}

/* ---- typed values ------------------------------------------------------- */

static air_status want(const air_cv *v, air_cv_kind kind, const char *what)
{
    if (v->kind == kind)
        return AIR_OK;
    char msg[200];
    snprintf(msg, sizeof msg, "%s must be %s", what, kind_name(kind));
    return bad(v, "%s", msg);
}

static air_status build_strlist(air_strlist *out, air_arena *a,
                                const air_cv *v, const char *what)
{
    air_status rc = want(v, AIR_CV_SEQ, what);
    if (rc != AIR_OK)
        return rc;
    const char **arr = v->n ? air_arena_alloc(a, v->n * sizeof *arr) : NULL;
    if (v->n && arr == NULL)
        return AIR_ENOMEM;
    size_t i = 0;
    for (const air_cv *c = v->first; c; c = c->next) {
        if (c->kind != AIR_CV_SCALAR)
            return bad(c, "%s: expected a value, not a list or mapping",
                       what);
        arr[i++] = c->str;
    }
    out->n = i;
    out->v = arr;
    return AIR_OK;
}

static air_status build_param(air_config *cfg, air_param_value *pv,
                              const air_cv *v)
{
    const char *key = pv->param->key;
    pv->cv = v;
    air_status rc;
    switch (pv->param->type) {
    case AIR_PARAM_STRING:
        rc = want(v, AIR_CV_SCALAR, key);
        pv->u.s = v->str;
        return rc;
    case AIR_PARAM_NUMBER: {
        if ((rc = want(v, AIR_CV_SCALAR, key)) != AIR_OK)
            return rc;
        char *end = NULL;
        errno = 0;
        pv->u.num = strtod(v->str, &end);
        if (v->str[0] == '\0' || *end != '\0' || errno)
            return bad(v, "'%s' is not a number", v->str);
        return AIR_OK;
    }
    case AIR_PARAM_BOOL:
        if ((rc = want(v, AIR_CV_SCALAR, key)) != AIR_OK)
            return rc;
        if (!parse_bool(v->str, &pv->u.b))
            return bad(v, "'%s' is not true or false", v->str);
        return AIR_OK;
    case AIR_PARAM_STRINGS:
        return build_strlist(&pv->u.list, &cfg->arena, v, key);
    case AIR_PARAM_CHARS: {
        if ((rc = want(v, AIR_CV_SEQ, key)) != AIR_OK)
            return rc;
        air_cpset *set = NULL;
        rc = air_cpset_build(&set, &cfg->arena, v);
        pv->u.set = set;
        return rc;
    }
    case AIR_PARAM_PATTERNS: {
        if ((rc = want(v, AIR_CV_SEQ, key)) != AIR_OK)
            return rc;
        air_patterns *p = NULL;
        rc = air_patterns_build(&p, &cfg->arena, v, &cfg->owned);
        pv->u.pat = p;
        return rc;
    }
    case AIR_PARAM_MAP:
        if ((rc = want(v, AIR_CV_MAP, key)) != AIR_OK)
            return rc;
        for (const air_cv *c = v->first; c; c = c->next)
            if (c->kind != AIR_CV_SCALAR)
                return bad(c, "'%s' must be a single value", c->key);
        return AIR_OK;
    }
    return AIR_EINTERNAL;
}

/* ---- rule pages: texts from the YAML front matter ------------------------ */

static const char *lang_text(const air_cv *m, const char *key, air_lang lang)
{
    const air_cv *v = air_cv_get(m, key);
    if (v == NULL)
        return "";
    if (v->kind == AIR_CV_SCALAR)
        return v->str;
    const air_cv *t = air_cv_get(v, lang == AIR_LANG_KO ? "ko" : "en");
    return t && t->kind == AIR_CV_SCALAR ? t->str : "";
}

static air_status load_page(air_config *cfg, air_rule_conf *rc)
{
    air_rule_info *info = &rc->info;
    for (int l = 0; l < AIR_LANG_COUNT; l++)
        info->title[l] = info->why[l] = info->fix_hangul[l] =
            info->fix_word[l] = "";
    char name[200];
    snprintf(name, sizeof name, "%s.md", rc->rule->id);
    const char *path = join(&cfg->arena, cfg->datadir, name);
    const char *page = join(&cfg->arena, "rules", name);
    if (path == NULL || page == NULL)
        return AIR_ENOMEM;
    info->page = page;
    if (!is_file(path))
        return AIR_OK; /* a unit test insists on every page */

    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return air_error(AIR_ECONFIG, "%s: cannot read: %s", path,
                         strerror(errno));
    air_buf b = AIR_BUF_INIT;
    b.max = 1 << 20;
    char chunk[4096];
    size_t n;
    air_status st = AIR_OK;
    while (st == AIR_OK && (n = fread(chunk, 1, sizeof chunk, f)) > 0)
        st = air_buf_add(&b, chunk, n);
    fclose(f);
    if (st != AIR_OK) {
        air_buf_free(&b);
        return air_error(AIR_ECONFIG, "%s: too large", path);
    }
    const char *s = air_buf_cstr(&b);
    const char *end = NULL;
    if (strncmp(s, "---\n", 4) == 0)
        end = strstr(s + 4, "\n---\n");
    if (end == NULL) {
        air_buf_free(&b);
        return air_error(AIR_ECONFIG, "%s:1: a rule page starts with YAML "
                         "front matter between '---' lines", path);
    }
    air_cv *fm = NULL;
    st = air_cv_parse(&fm, &cfg->arena, path, 1, s + 4,
                      (size_t)(end - (s + 4)) + 1);
    air_buf_free(&b);
    if (st != AIR_OK)
        return st;
    const air_cv *id = air_cv_get(fm, "id");
    const air_cv *num = air_cv_get(fm, "number");
    if (id == NULL || strcmp(id->str, rc->rule->id) != 0 || num == NULL ||
        atoi(num->str) != rc->rule->number)
        return air_error(AIR_ECONFIG, "%s:2: the front matter must say "
                         "id: %s and number: %d", path, rc->rule->id,
                         rc->rule->number);
    const air_cv *fix = air_cv_get(fm, "fix");
    for (int l = 0; l < AIR_LANG_COUNT; l++) {
        info->title[l] = lang_text(fm, "title", (air_lang)l);
        info->why[l] = lang_text(fm, "why", (air_lang)l);
        info->fix_hangul[l] = lang_text(fix, "hangul", (air_lang)l);
        info->fix_word[l] = lang_text(fix, "word", (air_lang)l);
    }
    return AIR_OK;
}

/* ---- rules ---------------------------------------------------------------- */

static int cmp_rule(const void *a, const void *b)
{
    const air_rule *x = *(const air_rule *const *)a;
    const air_rule *y = *(const air_rule *const *)b;
    return x->number - y->number;
}

static air_status rule_section(air_config *cfg, air_cv *rules,
                               const air_rule *rule, air_cv **out)
{
    air_cv *sec = air_cv_get(rules, rule->id);
    if (sec == NULL) {
        /* A rule the defaults do not mention: on, with its own severity. */
        sec = air_cv_new(&cfg->arena, AIR_CV_MAP, rules->file, rules->line);
        air_cv *en = air_cv_new(&cfg->arena, AIR_CV_SCALAR, rules->file,
                                rules->line);
        air_cv *sv = air_cv_new(&cfg->arena, AIR_CV_SCALAR, rules->file,
                                rules->line);
        if (sec == NULL || en == NULL || sv == NULL)
            return AIR_ENOMEM;
        en->str = "true";
        sv->str = air_severity_name(rule->severity);
        air_cv_append(sec, "enabled", en);
        air_cv_append(sec, "severity", sv);
        air_cv_append(rules, rule->id, sec);
    }
    *out = sec;
    return want(sec, AIR_CV_MAP, rule->id);
}

static air_status setup_rule(air_config *cfg, air_rule_conf *rc,
                             air_cv *sec)
{
    const air_rule *rule = rc->rule;
    air_rule_info *info = &rc->info;
    info->id = rule->id;
    info->number = rule->number;
    info->principle = rule->principle;
    info->default_severity = rule->severity;
    info->severity = rule->severity;
    info->enabled = 1;

    size_t np = 0;
    for (const air_rule_param *p = rule->params; p && p->key; p++)
        np++;
    rc->nparams = np;
    rc->params = np ? air_arena_alloc(&cfg->arena, np * sizeof *rc->params)
                    : NULL;
    if (np && rc->params == NULL)
        return AIR_ENOMEM;

    for (const air_cv *v = sec->first; v; v = v->next) {
        air_status st = AIR_OK;
        if (strcmp(v->key, "enabled") == 0) {
            bool b;
            if ((st = want(v, AIR_CV_SCALAR, "enabled")) != AIR_OK)
                return st;
            if (!parse_bool(v->str, &b))
                return bad(v, "enabled: '%s' is not true or false", v->str);
            info->enabled = b;
        } else if (strcmp(v->key, "severity") == 0) {
            air_severity s;
            if ((st = want(v, AIR_CV_SCALAR, "severity")) != AIR_OK)
                return st;
            if (air_severity_parse(&s, v->str) != AIR_OK ||
                s == AIR_SEV_NONE)
                return bad(v, "severity: '%s' is not error, warning or "
                              "info", v->str);
            info->severity = s;
        } else {
            size_t i = 0;
            while (i < np && strcmp(rule->params[i].key, v->key) != 0)
                i++;
            if (i == np) {
                char msg[300];
                snprintf(msg, sizeof msg, "rule %s has no setting '%s'",
                         rule->id, v->key);
                return bad(v, "%s", msg);
            }
            rc->params[i].param = &rule->params[i];
            if ((st = build_param(cfg, &rc->params[i], v)) != AIR_OK)
                return st;
        }
    }
    for (size_t i = 0; i < np; i++)
        if (rc->params[i].cv == NULL) {
            char msg[300];
            snprintf(msg, sizeof msg, "rule %s lacks its data '%s'",
                     rule->id, rule->params[i].key);
            return bad(sec, "%s", msg);
        }
    return AIR_OK;
}

/* ---- shared sections: numbering profiles, symbols -------------------------- */

/* Templates of a SEQ (markers, or a profile's levels) appended to 'out'. */
static air_status add_templates(air_mktemplate *out, size_t *n,
                                const air_cv *list, const char *what)
{
    air_status rc = want(list, AIR_CV_SEQ, what);
    if (rc != AIR_OK)
        return rc;
    for (const air_cv *v = list->first; v; v = v->next) {
        if ((rc = want(v, AIR_CV_SCALAR, what)) != AIR_OK)
            return rc;
        if (!air_mktemplate_parse(&out[*n], v->str))
            return bad(v, "'%s' is not a numbering marker (write the first "
                          "marker of a level: 1. 가) (1) ① 1-1)", v->str);
        (*n)++;
    }
    return AIR_OK;
}

static size_t seq_len(const air_cv *v)
{
    size_t n = 0;
    if (v && v->kind == AIR_CV_SEQ)
        for (const air_cv *e = v->first; e; e = e->next)
            n++;
    return n;
}

static air_status patterns_of(air_config *cfg, const air_cv *parent,
                              const char *key, const air_patterns **out)
{
    const air_cv *v = air_cv_get(parent, key);
    if (v == NULL)
        return bad(parent, "missing '%s'", key);
    air_status rc = want(v, AIR_CV_SEQ, key);
    air_patterns *p = NULL;
    if (rc == AIR_OK)
        rc = air_patterns_build(&p, &cfg->arena, v, &cfg->owned);
    *out = p;
    return rc;
}

static air_status chars_of(air_config *cfg, const air_cv *parent,
                           const char *key, const air_cpset **out);

/* Principle 4's shared data (`numbering:` besides the profile), compiled
 * once: marker templates, bullets, notes and the patterns (markers.h). */
static air_status setup_markers(air_config *cfg, const air_cv *num)
{
    air_numbering *nb = &cfg->numbering;
    const air_profile *prof = &cfg->profile;
    nb->profile = prof;
    const air_cv *mk = air_cv_get(num, "markers");
    if (mk == NULL)
        return bad(num, "missing '%s'", "markers");
    size_t cap = seq_len(mk) + prof->levels.n + 1;
    air_mktemplate *t = air_arena_alloc(&cfg->arena, cap * sizeof *t);
    air_mktemplate *lv =
        air_arena_alloc(&cfg->arena, (prof->levels.n + 1) * sizeof *lv);
    uint32_t *bl = air_arena_alloc(&cfg->arena,
                                   (prof->bullets.n + 1) * sizeof *bl);
    if (t == NULL || lv == NULL || bl == NULL)
        return AIR_ENOMEM;
    size_t n = 0;
    air_status rc = add_templates(t, &n, mk, "markers");
    if (rc != AIR_OK)
        return rc;
    for (size_t i = 0; i < prof->levels.n; i++) {
        if (!air_mktemplate_parse(&lv[i], prof->levels.v[i]))
            return air_error(AIR_ECONFIG, "numbering profile '%s': '%s' is "
                             "not a numbering marker (write the first marker "
                             "of a level: 1. 가) (1) ① 1-1)", prof->name,
                             prof->levels.v[i]);
        t[n++] = lv[i];
    }
    nb->templates = t;
    nb->ntemplates = n;
    nb->levels = lv;
    nb->nlevels = prof->levels.n;
    for (size_t i = 0; i < prof->bullets.n; i++) {
        const char *b = prof->bullets.v[i];
        size_t len = strlen(b);
        if (len == 0 || air_utf8_decode(&bl[i], b, len) != len)
            return air_error(AIR_ECONFIG, "numbering profile '%s': a bullet "
                             "is one character, not '%s'", prof->name, b);
    }
    nb->bullet_levels = bl;
    nb->nbullet_levels = prof->bullets.n;

    const air_cpset *bullets = NULL;
    if ((rc = chars_of(cfg, num, "bullets", &bullets)) != AIR_OK ||
        (rc = chars_of(cfg, num, "notes", &nb->notes)) != AIR_OK ||
        (rc = patterns_of(cfg, num, "not-markers", &nb->not_markers)) !=
            AIR_OK ||
        (rc = patterns_of(cfg, num, "parts", &nb->parts)) != AIR_OK ||
        (rc = patterns_of(cfg, num, "headings", &nb->headings)) != AIR_OK ||
        (rc = patterns_of(cfg, num, "contents", &nb->contents)) != AIR_OK ||
        (rc = patterns_of(cfg, num, "statutes", &nb->statutes)) != AIR_OK ||
        (rc = patterns_of(cfg, num, "statute-articles",
                          &nb->statute_articles)) != AIR_OK ||
        (rc = patterns_of(cfg, num, "announces", &nb->announces)) != AIR_OK)
        return rc;
    const air_cv *sl = air_cv_get(num, "statute-levels");
    air_mktemplate *st =
        air_arena_alloc(&cfg->arena, (seq_len(sl) + 1) * sizeof *st);
    if (st == NULL)
        return AIR_ENOMEM;
    if (sl == NULL)
        return bad(num, "missing '%s'", "statute-levels");
    if ((rc = add_templates(st, &nb->nstatute_levels, sl,
                            "statute-levels")) != AIR_OK)
        return rc;
    nb->statute_levels = st;
    /* the profile's bullets are bullets too */
    air_cpset *all = NULL;
    if ((rc = air_cpset_union(&all, &cfg->arena, bullets, bl,
                              prof->bullets.n)) != AIR_OK)
        return rc;
    nb->bullets = all;
    return AIR_OK;
}

static air_status setup_numbering(air_config *cfg, const air_cv *root)
{
    const air_cv *num = air_cv_get(root, "numbering");
    if (num == NULL)
        return air_error(AIR_ECONFIG, "%s:1: no 'numbering:' section",
                         root->file);
    air_status rc = want(num, AIR_CV_MAP, "numbering");
    if (rc != AIR_OK)
        return rc;
    const air_cv *name = air_cv_get(num, "profile");
    const air_cv *profiles = air_cv_get(num, "profiles");
    if (name == NULL || profiles == NULL)
        return bad(num, "numbering needs 'profile' and 'profiles'%s", "");
    if ((rc = want(name, AIR_CV_SCALAR, "profile")) != AIR_OK ||
        (rc = want(profiles, AIR_CV_MAP, "profiles")) != AIR_OK)
        return rc;
    const air_cv *chosen = NULL;
    for (const air_cv *p = profiles->first; p; p = p->next) {
        if ((rc = want(p, AIR_CV_MAP, p->key)) != AIR_OK)
            return rc;
        for (const air_cv *k = p->first; k; k = k->next)
            if (strcmp(k->key, "levels") != 0 &&
                strcmp(k->key, "bullets") != 0)
                return bad(k, "a profile has 'levels' and 'bullets', not "
                              "'%s'", k->key);
        air_profile tmp;
        const air_cv *lv = air_cv_get(p, "levels");
        const air_cv *bl = air_cv_get(p, "bullets");
        if (lv == NULL || bl == NULL)
            return bad(p, "profile '%s' needs 'levels' and 'bullets'",
                       p->key);
        if ((rc = build_strlist(&tmp.levels, &cfg->arena, lv, "levels")) !=
                AIR_OK ||
            (rc = build_strlist(&tmp.bullets, &cfg->arena, bl, "bullets")) !=
                AIR_OK)
            return rc;
        for (const air_cv *e = lv->first; e; e = e->next) {
            air_mktemplate t;
            if (!air_mktemplate_parse(&t, e->str))
                return bad(e, "'%s' is not a numbering marker (write the "
                              "first marker of a level: 1. 가) (1) ① 1-1)",
                           e->str);
        }
        if (strcmp(p->key, name->str) == 0) {
            chosen = p;
            cfg->profile = tmp;
            cfg->profile.name = p->key;
        }
    }
    if (chosen == NULL)
        return bad(name, "no numbering profile named '%s'", name->str);
    return setup_markers(cfg, num);
}

static const char *const symclass_names[AIR_SYM_COUNT] = {
    "", "private-use", "arrows", "reference-marks", "enclosed-alnum",
    "shapes", "emoji", "box-drawing"
};

const char *air_symclass_name(air_symclass c)
{
    return (unsigned)c < AIR_SYM_COUNT ? symclass_names[c] : "";
}

static air_status chars_of(air_config *cfg, const air_cv *parent,
                           const char *key, const air_cpset **out)
{
    const air_cv *v = air_cv_get(parent, key);
    if (v == NULL)
        return bad(parent, "missing '%s'", key);
    air_status rc = want(v, AIR_CV_SEQ, key);
    air_cpset *set = NULL;
    if (rc == AIR_OK)
        rc = air_cpset_build(&set, &cfg->arena, v);
    *out = set;
    return rc;
}

static air_status setup_symbols(air_config *cfg, const air_cv *root)
{
    const air_cv *sym = air_cv_get(root, "symbols");
    if (sym == NULL)
        return air_error(AIR_ECONFIG, "%s:1: no 'symbols:' section",
                         root->file);
    air_status rc = want(sym, AIR_CV_MAP, "symbols");
    if (rc != AIR_OK)
        return rc;
    const air_cv *classes = air_cv_get(sym, "classes");
    if (classes == NULL)
        return bad(sym, "missing '%s'", "classes");
    if ((rc = want(classes, AIR_CV_MAP, "classes")) != AIR_OK)
        return rc;
    for (int c = 1; c < AIR_SYM_COUNT; c++)
        if ((rc = chars_of(cfg, classes, symclass_names[c],
                           &cfg->symbols.classes[c])) != AIR_OK)
            return rc;
    /* The first class holding a code point wins (air_symbols_classify):
     * fill from the last class to the first. */
    enum { BMP = 0x10000 };
    uint8_t *bmp = air_arena_alloc(&cfg->arena, BMP);
    if (bmp == NULL)
        return AIR_ENOMEM;
    for (int c = AIR_SYM_COUNT - 1; c >= 1; c--)
        air_cpset_fill(cfg->symbols.classes[c], bmp, BMP, (uint8_t)c);
    memset(bmp, AIR_SYM_NONE, 0xA0);
    cfg->symbols.bmp = bmp;
    if ((rc = chars_of(cfg, sym, "allow", &cfg->symbols.allow)) != AIR_OK ||
        (rc = chars_of(cfg, sym, "item-markers",
                       &cfg->symbols.item_markers)) != AIR_OK)
        return rc;
    return patterns_of(cfg, sym, "ignore", &cfg->symbols.ignore);
}

air_symclass air_symbols_classify(const air_symbols *s, uint32_t cp)
{
    if (cp < 0xA0)
        return AIR_SYM_NONE; /* ASCII and C1: no class holds them */
    if (cp < 0x10000 && s->bmp != NULL)
        return (air_symclass)s->bmp[cp];
    for (int c = 1; c < AIR_SYM_COUNT; c++)
        if (air_cpset_has(s->classes[c], cp))
            return (air_symclass)c;
    return AIR_SYM_NONE;
}

/* ---- loading --------------------------------------------------------------- */

static air_status load(air_config *cfg, const air_config_opts *opts,
                       bool pages)
{
    cfg->datadir = air_arena_strdup(&cfg->arena, pick_datadir(opts->datadir));
    if (cfg->datadir == NULL)
        return AIR_ENOMEM;
    const char *defaults = join(&cfg->arena, cfg->datadir, DEFAULTS_NAME);
    if (defaults == NULL)
        return AIR_ENOMEM;
    if (!is_file(defaults))
        return air_error(AIR_ECONFIG, "%s: the default configuration is "
                         "missing (set AIREAD_DATADIR to the folder holding "
                         "it)", defaults);
    air_status rc = air_cv_load(&cfg->tree, &cfg->arena, defaults);
    if (rc != AIR_OK)
        return rc;

    /* Every compiled-in rule gets a section before the user file is laid
     * over the defaults, so that a user may configure any of them. */
    air_cv *rules = air_cv_get(cfg->tree, "rules");
    if (rules == NULL)
        return air_error(AIR_ECONFIG, "%s:1: no 'rules:' section", defaults);
    if ((rc = want(rules, AIR_CV_MAP, "rules")) != AIR_OK)
        return rc;
    size_t n = air_registry_count();
    const air_rule **sorted =
        air_arena_alloc(&cfg->arena, n * sizeof *sorted + 1);
    cfg->rules = air_arena_alloc(&cfg->arena, n * sizeof *cfg->rules + 1);
    air_cv **sections = air_arena_alloc(&cfg->arena, n * sizeof *sections + 1);
    if (sorted == NULL || cfg->rules == NULL || sections == NULL)
        return AIR_ENOMEM;
    for (size_t i = 0; i < n; i++)
        sorted[i] = air_registry_get(i);
    qsort(sorted, n, sizeof *sorted, cmp_rule);
    for (const air_cv *v = rules->first; v; v = v->next) {
        size_t i = 0;
        while (i < n && strcmp(sorted[i]->id, v->key) != 0)
            i++;
        if (i == n)
            return bad(v, "unknown rule '%s' (see 'airead rules')", v->key);
    }
    for (size_t i = 0; i < n; i++)
        if ((rc = rule_section(cfg, rules, sorted[i], &sections[i])) !=
            AIR_OK)
            return rc;

    if (opts->file) {
        cfg->file = air_arena_strdup(&cfg->arena, opts->file);
        air_cv *user = NULL;
        if (cfg->file == NULL)
            return AIR_ENOMEM;
        if ((rc = air_cv_load(&user, &cfg->arena, cfg->file)) != AIR_OK ||
            (rc = merge(&cfg->arena, cfg->tree, user)) != AIR_OK)
            return rc;
    }
    if ((rc = setup_numbering(cfg, cfg->tree)) != AIR_OK ||
        (rc = setup_symbols(cfg, cfg->tree)) != AIR_OK ||
        (rc = air_lb_setup(cfg, cfg->tree)) != AIR_OK)
        return rc;
    for (size_t i = 0; i < n; i++) {
        air_cv *sec = air_cv_get(rules, sorted[i]->id);
        cfg->rules[i].rule = sorted[i];
        if ((rc = want(sec, AIR_CV_MAP, sorted[i]->id)) != AIR_OK ||
            (rc = setup_rule(cfg, &cfg->rules[i], sec)) != AIR_OK ||
            (pages && (rc = load_page(cfg, &cfg->rules[i])) != AIR_OK))
            return rc;
        cfg->nrules++;
    }
    return AIR_OK;
}

/* FNV-1a 64 over the effective configuration tree (kinds, keys and
 * values, in order) and the version. Walking the tree costs a few
 * thousand instructions where printing it as YAML cost two million, a
 * noticeable share of a one-file run. */
static uint64_t fnv(uint64_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3ull;
    }
    return h;
}

static uint64_t hash_cv(uint64_t h, const air_cv *v)
{
    /* a kind byte, then NUL-terminated key and value: no two trees give
     * the same byte sequence. Depth is bounded by AIR_CV_MAX_DEPTH. */
    char kind = (char)('0' + (int)v->kind);
    h = fnv(h, &kind, 1);
    h = fnv(h, v->key ? v->key : "", v->key ? strlen(v->key) + 1 : 1);
    if (v->kind == AIR_CV_SCALAR)
        return fnv(h, v->str, strlen(v->str) + 1);
    for (const air_cv *c = v->first; c; c = c->next)
        h = hash_cv(h, c);
    return fnv(h, "}", 1);
}

static void make_fingerprint(air_config *cfg)
{
    uint64_t h = hash_cv(0xcbf29ce484222325ull, cfg->tree);
    h = fnv(h, air_version(), strlen(air_version()));
    snprintf(cfg->fingerprint, sizeof cfg->fingerprint, "%016llx",
             (unsigned long long)h);
}

const char *air_config_fingerprint(const air_config *cfg)
{
    return cfg->fingerprint;
}

static air_status load_config(air_config **out, const air_config_opts *opts,
                              bool pages)
{
    *out = NULL;
    air_config_opts defaults = AIR_CONFIG_OPTS_INIT;
    air_config *cfg = calloc(1, sizeof *cfg);
    if (cfg == NULL)
        return air_error(AIR_ENOMEM, "out of memory");
    air_status rc = load(cfg, opts ? opts : &defaults, pages);
    if (rc == AIR_OK)
        make_fingerprint(cfg);
    if (rc != AIR_OK) {
        if (rc == AIR_ENOMEM)
            air_error(AIR_ENOMEM, "out of memory");
        air_config_free(cfg);
        return rc;
    }
    *out = cfg;
    return AIR_OK;
}

air_status air_config_load(air_config **out, const air_config_opts *opts)
{
    return load_config(out, opts, true);
}

air_status air_config_load_data(air_config **out)
{
    return load_config(out, NULL, false);
}

void air_config_free(air_config *cfg)
{
    if (cfg == NULL)
        return;
    air_patterns_free_all(cfg->owned);
    air_arena_free(&cfg->arena);
    free(cfg);
}

const char *air_config_file(const air_config *cfg)
{
    return cfg->file;
}

const char *air_config_datadir(const air_config *cfg)
{
    return cfg->datadir;
}

size_t air_config_rule_count(const air_config *cfg)
{
    return cfg->nrules;
}

const air_rule_info *air_config_rule(const air_config *cfg, size_t i)
{
    return i < cfg->nrules ? &cfg->rules[i].info : NULL;
}

const air_rule_info *air_config_rule_find(const air_config *cfg,
                                          const char *id_or_number)
{
    for (size_t i = 0; i < cfg->nrules; i++) {
        const air_rule_info *r = &cfg->rules[i].info;
        char num[16];
        snprintf(num, sizeof num, "%d", r->number);
        if (strcmp(r->id, id_or_number) == 0 ||
            strcmp(num, id_or_number) == 0)
            return r;
    }
    return NULL;
}

air_status air_config_print(const air_config *cfg, FILE *out)
{
    fprintf(out, "# airead %s: the effective configuration (fingerprint "
                 "%s)\n# defaults: %s/%s\n",
            air_version(), cfg->fingerprint, cfg->datadir, DEFAULTS_NAME);
    if (cfg->file)
        fprintf(out, "# overridden by: %s\n", cfg->file);
    else
        fputs("# no user configuration file\n", out);
    return air_cv_print(cfg->tree, out);
}

/* ---- finding the user file ---------------------------------------------- */

static char *dup_path(const char *a, const char *b)
{
    size_t n = strlen(a) + strlen(b) + 2;
    char *s = malloc(n);
    if (s)
        snprintf(s, n, "%s/%s", a, b);
    return s;
}

air_status air_config_find(char **out, const char *doc_path)
{
    *out = NULL;
    char start[4096];
    if (doc_path == NULL || strcmp(doc_path, "-") == 0) {
        if (getcwd(start, sizeof start) == NULL)
            start[0] = '\0';
    } else {
        /* Made absolute lexically (realpath is not in POSIX.1 proper). */
        char cwd[2048];
        if (doc_path[0] == '/' || getcwd(cwd, sizeof cwd) == NULL)
            snprintf(start, sizeof start, "%s", doc_path);
        else
            snprintf(start, sizeof start, "%.2047s/%.2000s", cwd, doc_path);
        struct stat st;
        if (stat(start, &st) != 0 || !S_ISDIR(st.st_mode)) {
            char *slash = strrchr(start, '/');
            if (slash)
                slash[slash == start ? 1 : 0] = '\0';
        }
        /* Trailing "/." and "/" do not change the folder. */
        size_t n = strlen(start);
        while (n > 1 && (start[n - 1] == '/' ||
                         (start[n - 1] == '.' && start[n - 2] == '/')))
            start[--n] = '\0';
    }
    /* The document's folder, then each parent up to the root. */
    size_t len = strlen(start);
    while (len > 0) {
        char *p = dup_path(start, ".airead.yaml");
        if (p == NULL)
            return AIR_ENOMEM;
        if (is_file(p)) {
            *out = p;
            return AIR_OK;
        }
        free(p);
        char *slash = strrchr(start, '/');
        if (slash == NULL || len == 1)
            break;
        if (slash == start)
            slash[1] = '\0';
        else
            *slash = '\0';
        len = strlen(start);
    }
    const char *xdg = getenv("XDG_CONFIG_HOME");
    const char *home = getenv("HOME");
    char *p = NULL;
    if (xdg && xdg[0] == '/')
        p = dup_path(xdg, "airead/config.yaml");
    else if (home && home[0])
        p = dup_path(home, ".config/airead/config.yaml");
    if (p && is_file(p)) {
        *out = p;
        return AIR_OK;
    }
    free(p);
    if (home && home[0]) {
        p = dup_path(home, ".airead.yaml");
        if (p && is_file(p)) {
            *out = p;
            return AIR_OK;
        }
        free(p);
    }
    return AIR_OK;
}
