/* engine.c -- the rule registry and the one walk over a document.
 *
 * rules.def lists every rule descriptor once (append-only); it expands
 * here into extern declarations and the registry array. air_check() gives
 * each enabled rule a context (its configuration, its per-document state),
 * calls on_begin, walks the tree once in pre-order without recursion
 * (the tree's depth follows the input) calling on_node for the kinds each
 * rule asked for, then on_end, and hands the findings to report.c to be
 * ordered and fingerprinted. */
#include "config.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "rules/engine.h"
#include "rules/linebreak.h"
#include "util/error.h"

#define X(desc) extern const air_rule desc;
#include "rules/rules.def"
#undef X

static const air_rule *const registry[] = {
#define X(desc) &desc,
#include "rules/rules.def"
#undef X
};

size_t air_registry_count(void)
{
    return sizeof registry / sizeof *registry;
}

const air_rule *air_registry_get(size_t i)
{
    return i < air_registry_count() ? registry[i] : NULL;
}

/* Blocks handed out by air_rule_shared(), one per key. */
typedef struct shared {
    const void *key;
    void *block;
    struct shared *next;
} shared;

struct air_rule_ctx {
    const air_config *cfg;
    const air_rule_conf *conf;
    const air_doc *doc;
    air_report *report;
    air_arena *scratch;
    shared **shared; /* the check's list, common to every context */
    void *state;
};

/* ---- what rules read ----------------------------------------------------- */

static const air_param_value *param(const air_rule_ctx *ctx, const char *key,
                                    air_param_type type)
{
    for (size_t i = 0; i < ctx->conf->nparams; i++) {
        const air_param_value *pv = &ctx->conf->params[i];
        if (strcmp(pv->param->key, key) == 0) {
            assert(pv->param->type == type && "param read with another type");
            return pv;
        }
    }
    assert(!"param not declared by the rule");
    return NULL;
}

const char *air_rule_string(const air_rule_ctx *ctx, const char *key)
{
    const air_param_value *pv = param(ctx, key, AIR_PARAM_STRING);
    return pv ? pv->u.s : "";
}

double air_rule_number(const air_rule_ctx *ctx, const char *key)
{
    const air_param_value *pv = param(ctx, key, AIR_PARAM_NUMBER);
    return pv ? pv->u.num : 0;
}

bool air_rule_bool(const air_rule_ctx *ctx, const char *key)
{
    const air_param_value *pv = param(ctx, key, AIR_PARAM_BOOL);
    return pv ? pv->u.b : false;
}

air_strlist air_rule_strings(const air_rule_ctx *ctx, const char *key)
{
    const air_param_value *pv = param(ctx, key, AIR_PARAM_STRINGS);
    air_strlist none = { 0, NULL };
    return pv ? pv->u.list : none;
}

const air_cpset *air_rule_chars(const air_rule_ctx *ctx, const char *key)
{
    const air_param_value *pv = param(ctx, key, AIR_PARAM_CHARS);
    return pv ? pv->u.set : NULL;
}

const air_patterns *air_rule_patterns(const air_rule_ctx *ctx,
                                      const char *key)
{
    const air_param_value *pv = param(ctx, key, AIR_PARAM_PATTERNS);
    return pv ? pv->u.pat : NULL;
}

const char *air_rule_map_get(const air_rule_ctx *ctx, const char *key,
                             const char *name)
{
    const air_param_value *pv = param(ctx, key, AIR_PARAM_MAP);
    const air_cv *v = pv ? air_cv_get(pv->cv, name) : NULL;
    return v ? v->str : NULL;
}

const air_profile *air_rule_profile(const air_rule_ctx *ctx)
{
    return &ctx->cfg->profile;
}

const air_numbering *air_rule_numbering(const air_rule_ctx *ctx)
{
    return &ctx->cfg->numbering;
}

const air_symbols *air_rule_symbols(const air_rule_ctx *ctx)
{
    return &ctx->cfg->symbols;
}

const air_lb *air_rule_linebreak(const air_rule_ctx *ctx)
{
    return ctx->cfg->lb;
}

void *air_rule_state(air_rule_ctx *ctx)
{
    return ctx->state;
}

void *air_rule_alloc(air_rule_ctx *ctx, size_t n)
{
    void *p = air_arena_alloc(ctx->scratch, n ? n : 1);
    if (p == NULL)
        ctx->report->status = AIR_ENOMEM;
    return p;
}

void *air_rule_shared(air_rule_ctx *ctx, const void *key, size_t size,
                      bool *fresh)
{
    *fresh = false;
    for (shared *s = *ctx->shared; s; s = s->next)
        if (s->key == key)
            return s->block;
    shared *s = air_rule_alloc(ctx, sizeof *s);
    void *block = s ? air_rule_alloc(ctx, size) : NULL;
    if (block == NULL)
        return NULL;
    s->key = key;
    s->block = block;
    s->next = *ctx->shared;
    *ctx->shared = s;
    *fresh = true;
    return block;
}

const air_doc *air_rule_doc(const air_rule_ctx *ctx)
{
    return ctx->doc;
}

air_finding *air_finding_add(air_rule_ctx *ctx, const air_node *n)
{
    assert(n != NULL);
    return air_report_add(ctx->report, &ctx->conf->info, n);
}

/* ---- the check ------------------------------------------------------------ */

air_status air_check(air_report **out, const air_doc *doc,
                     const air_config *cfg)
{
    assert(out && doc && cfg);
    *out = NULL;
    air_report *r = air_report_new();
    air_rule_ctx *ctx = calloc(cfg->nrules + 1, sizeof *ctx);
    air_arena scratch = AIR_ARENA_INIT;
    shared *shared_list = NULL;
    air_status rc = AIR_OK;
    if (r == NULL || ctx == NULL) {
        rc = AIR_ENOMEM;
        goto done;
    }

    size_t n = 0;
    for (size_t i = 0; i < cfg->nrules; i++) {
        const air_rule_conf *rc_ = &cfg->rules[i];
        if (!rc_->info.enabled)
            continue;
        air_rule_ctx *c = &ctx[n++];
        c->cfg = cfg;
        c->conf = rc_;
        c->doc = doc;
        c->report = r;
        c->scratch = &scratch;
        c->shared = &shared_list;
        if (rc_->rule->state_size) {
            c->state = air_arena_alloc(&scratch, rc_->rule->state_size);
            if (c->state == NULL) {
                rc = AIR_ENOMEM;
                goto done;
            }
        }
    }
    for (size_t i = 0; i < n; i++)
        if (ctx[i].conf->rule->on_begin)
            ctx[i].conf->rule->on_begin(&ctx[i], doc);

    uint32_t any = 0;
    for (size_t i = 0; i < n; i++)
        if (ctx[i].conf->rule->on_node)
            any |= ctx[i].conf->rule->nodes;
    if (any) {
        for (const air_node *node = doc->root; node;
             node = air_node_next_preorder(node, doc->root)) {
            uint32_t bit = AIR_ON(node->kind);
            if (!(any & bit))
                continue;
            for (size_t i = 0; i < n; i++) {
                const air_rule *rule = ctx[i].conf->rule;
                if ((rule->nodes & bit) && rule->on_node)
                    rule->on_node(&ctx[i], node);
            }
        }
    }
    for (size_t i = 0; i < n; i++)
        if (ctx[i].conf->rule->on_end)
            ctx[i].conf->rule->on_end(&ctx[i], doc);

    rc = air_report_finish(r, doc);
done:
    free(ctx);
    air_arena_free(&scratch);
    if (rc != AIR_OK) {
        air_report_free(r);
        return rc == AIR_ENOMEM ? air_error(rc, "out of memory") : rc;
    }
    *out = r;
    return AIR_OK;
}
