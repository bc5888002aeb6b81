/* placeholder_metadata.c -- 502, principle 5: properties that say nothing.
 * A title "제목 없음" or an author "user" / "Administrator" is worse than
 * an empty field: it looks filled in, so nothing asks for the real value,
 * and an AI reader repeats it as fact. The fields checked and the
 * placeholder values are policy (`fields`, `values` compared without case
 * and surrounding spaces, `patterns` matching the whole trimmed value).
 * One finding per field, quoting the value.
 * Catalogue page: rules/placeholder-metadata.md */
#include "config.h"

#include <string.h>
#include <strings.h>

#include "rules/metadata.h"

static bool is_placeholder(const air_rule_ctx *ctx, const char *v, size_t n)
{
    air_strlist values = air_rule_strings(ctx, "values");
    for (size_t i = 0; i < values.n; i++)
        if (strlen(values.v[i]) == n && strncasecmp(values.v[i], v, n) == 0)
            return true;
    return air_patterns_match_all(air_rule_patterns(ctx, "patterns"), v, n);
}

static void on_end(air_rule_ctx *ctx, const air_doc *doc)
{
    air_strlist fields = air_rule_strings(ctx, "fields");
    for (size_t i = 0; i < fields.n; i++) {
        const char *raw = air_meta_value(doc, fields.v[i]);
        if (raw == NULL)
            continue;
        size_t n = strlen(raw);
        const char *v = air_meta_trim(raw, &n);
        if (n == 0 || !is_placeholder(ctx, v, n))
            continue;
        const char *label = air_rule_map_get(ctx, "labels", fields.v[i]);
        air_finding *f = air_finding_add(ctx, doc->root);
        air_finding_item_add(f, fields.v[i], strlen(fields.v[i]));
        air_finding_snippet(f, v, n);
        air_msg(f, "문서 정보의 %s%.0s 항목이 기본값 '%.*s'(으)로 남아 있습니다",
                "document property %.0s%s holds the placeholder '%.*s'",
                label ? label : fields.v[i], fields.v[i], (int)n, v);
    }
}

static const air_rule_param params[] = {
    { "fields", AIR_PARAM_STRINGS },
    { "values", AIR_PARAM_STRINGS },
    { "patterns", AIR_PARAM_PATTERNS },
    { "labels", AIR_PARAM_MAP },
    { NULL, 0 }
};

const air_rule air_rule_placeholder_metadata = {
    .id = "placeholder-metadata",
    .number = 502,
    .principle = 5,
    .severity = AIR_SEV_WARNING,
    .params = params,
    .on_end = on_end,
};
