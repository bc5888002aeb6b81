/* engine.h -- the bodies of air_config and air_report (engine-private).
 *
 *   config.c   defaults + user file -> air_config (checked, compiled)
 *   engine.c   the registry (rules.def) and the walk: doc -> findings
 *   report.c   building findings; sorting, snippets, fingerprints
 */
#ifndef AIR_RULES_ENGINE_H
#define AIR_RULES_ENGINE_H

#include "rules/cv.h"
#include "rules/markers.h"
#include "rules/rule.h"
#include "util/arena.h"

/* ---- registry ------------------------------------------------------------ */

/* Every rule compiled in, in rules.def order (append-only). */
size_t air_registry_count(void);
const air_rule *air_registry_get(size_t i);

/* ---- configuration ------------------------------------------------------- */

typedef struct air_param_value {
    const air_rule_param *param;
    const air_cv *cv; /* the configured value */
    union {
        const char *s;
        double num;
        bool b;
        air_strlist list;
        const air_cpset *set;
        const air_patterns *pat;
    } u;
} air_param_value;

typedef struct air_rule_conf {
    const air_rule *rule;
    air_rule_info info;
    size_t nparams;
    air_param_value *params;
} air_rule_conf;

struct air_config {
    air_arena arena;
    const char *datadir;
    const char *file;   /* user file, or NULL */
    air_cv *tree;       /* the effective configuration */
    size_t nrules;
    air_rule_conf *rules; /* sorted by rule number */
    air_profile profile;
    air_numbering numbering; /* compiled from `numbering:` */
    air_symbols symbols;
    struct air_lb *lb;   /* `sentences:`, principle 3 (linebreak.c) */
    air_patterns *owned; /* compiled patterns to free */
    char fingerprint[17];
};

/* air_config_load() of the defaults without the rule pages' texts
 * (titles, reasons, fixes): for callers that need only the data, such as
 * the Markdown emitter's joins, and would otherwise parse 13 pages. */
air_status air_config_load_data(air_config **out);

/* ---- reports ------------------------------------------------------------- */

typedef struct air_xitem {
    air_finding_item item;
    struct air_xitem *next;
} air_xitem;

/* A finding while it is built; 'f' comes first so that an air_finding *
 * handed to a rule converts back. */
typedef struct air_xfinding {
    air_finding f;
    const air_node *node;  /* valid during the check only */
    struct air_report *report;
    uint64_t order;        /* pre-order index of 'node' */
    uint32_t seq;          /* insertion order */
    air_xitem *items, *items_last;
    bool count_set;
    bool snippet_set;
    bool has_range;
} air_xfinding;

struct air_report {
    air_arena arena;
    air_xfinding **v;
    size_t n, cap;
    size_t dropped;
    air_severity max;
    air_status status; /* AIR_ENOMEM once an allocation failed */
};

/* A new empty report; NULL when out of memory. */
air_report *air_report_new(void);

/* A finding for 'rule' about 'n'; NULL (and 'dropped' counted) past the
 * cap, NULL with status AIR_ENOMEM when out of memory. */
air_finding *air_report_add(air_report *r, const air_rule_info *rule,
                            const air_node *n);

/* A finding for 'rule' with no node and no location (a report read back
 * from JSON fills them); NULL as air_report_add(). */
air_xfinding *air_report_push(air_report *r, const air_rule_info *rule);

/* After the walk, with the document still alive: fills snippets, items
 * arrays, counts and fingerprints, and sorts in document order. */
air_status air_report_finish(air_report *r, const air_doc *doc);

#endif
