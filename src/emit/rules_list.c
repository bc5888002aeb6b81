/* rules_list.c -- `airead rules`: the catalogue with each rule's id,
 * number, principle, effective severity and title, as text or JSON. */
#include "config.h"

#include "emit/emit.h"
#include "util/error.h"
#include "version.h"

air_status air_rules_print(const air_config *cfg, air_output fmt,
                           air_lang lang, FILE *out)
{
    size_t n = air_config_rule_count(cfg);
    if (fmt == AIR_OUT_JSON) {
        air_json j;
        air_json_init(&j, out, true);
        air_json_begin_object(&j);
        air_json_kv_string(&j, "tool", "airead");
        air_json_kv_string(&j, "version", AIR_VERSION_STRING);
        air_json_kv_string(&j, "schema_version", AIR_REPORT_SCHEMA_VERSION);
        air_json_key(&j, "rules");
        air_json_begin_array(&j);
        for (size_t i = 0; i < n; i++) {
            const air_rule_info *r = air_config_rule(cfg, i);
            air_json_begin_object(&j);
            air_json_kv_string(&j, "id", r->id);
            air_json_kv_int(&j, "number", r->number);
            air_json_kv_int(&j, "principle", r->principle);
            air_json_kv_string(&j, "severity", air_severity_name(r->severity));
            air_json_kv_string(&j, "default_severity",
                               air_severity_name(r->default_severity));
            air_json_kv_bool(&j, "enabled", r->enabled);
            air_json_kv_string(&j, "title", r->title[lang]);
            air_json_kv_string(&j, "why", r->why[lang]);
            air_json_kv_string(&j, "fix_hangul", r->fix_hangul[lang]);
            air_json_kv_string(&j, "fix_word", r->fix_word[lang]);
            air_json_kv_string(&j, "page", r->page);
            air_json_end_object(&j);
        }
        air_json_end_array(&j);
        air_json_end_object(&j);
        air_json_finish(&j);
    } else if (fmt == AIR_OUT_TEXT) {
        for (size_t i = 0; i < n; i++) {
            const air_rule_info *r = air_config_rule(cfg, i);
            fprintf(out, "%d  %-22s %d  %-7s%s  %s\n", r->number, r->id,
                    r->principle, air_severity_name(r->severity),
                    r->enabled ? "" : (lang == AIR_LANG_EN ? " (off)"
                                                           : " (꺼짐)"),
                    r->title[lang]);
        }
    } else {
        return air_error(AIR_EUSAGE, "rules: the format is text or json");
    }
    if (fflush(out) != 0 || ferror(out))
        return air_error(AIR_EIO, "cannot write the rule list");
    return AIR_OK;
}
