/* missing_metadata.c -- 501, principle 5: required document properties.
 * Search, records management and AI pipelines take a document's title,
 * author, subject and keywords from its properties; when they are empty
 * the reader has to guess from the body (or the file name). The required
 * fields are policy: `fields` in the configuration (default: title,
 * creator, subject, keywords); a field is missing when it is absent or
 * holds only spaces. One finding per document listing the missing fields.
 * Catalogue page: rules/missing-metadata.md */
#include "config.h"

#include <string.h>

#include "rules/metadata.h"

static void on_end(air_rule_ctx *ctx, const air_doc *doc)
{
    air_strlist fields = air_rule_strings(ctx, "fields");
    air_finding *f = NULL;
    air_buf ko = AIR_BUF_INIT, en = AIR_BUF_INIT;
    unsigned missing = 0;
    for (size_t i = 0; i < fields.n; i++) {
        const char *v = air_meta_value(doc, fields.v[i]);
        size_t n = v ? strlen(v) : 0;
        if (v)
            air_meta_trim(v, &n);
        if (n > 0)
            continue;
        if (f == NULL)
            f = air_finding_add(ctx, doc->root);
        air_finding_item_add(f, fields.v[i], strlen(fields.v[i]));
        const char *label = air_rule_map_get(ctx, "labels", fields.v[i]);
        air_buf_printf(&ko, "%s%s", missing ? ", " : "",
                       label ? label : fields.v[i]);
        air_buf_printf(&en, "%s%s", missing ? ", " : "", fields.v[i]);
        missing++;
    }
    if (f) {
        air_finding_count(f, missing);
        air_msg(f, "문서 정보(속성)에서 다음 항목이 비어 있습니다: %s%.0s",
                "document properties left empty: %.0s%s", air_buf_cstr(&ko),
                air_buf_cstr(&en));
    }
    air_buf_free(&ko);
    air_buf_free(&en);
}

static const air_rule_param params[] = {
    { "fields", AIR_PARAM_STRINGS },
    { "labels", AIR_PARAM_MAP },
    { NULL, 0 }
};

const air_rule air_rule_missing_metadata = {
    .id = "missing-metadata",
    .number = 501,
    .principle = 5,
    .severity = AIR_SEV_ERROR,
    .params = params,
    .on_end = on_end,
};
