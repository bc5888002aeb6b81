/* emit.h -- report emitters: one small vtable per format (emit-private).
 *
 *   emitter.c  the public air_emitter_* calls, the summary, shared words
 *   text.c     compiler-style lines, help per rule, a summary line
 *   json.c     json (one document) and jsonl (one line per file)
 *   sarif.c    SARIF 2.1.0
 *   csv.c      one row per file
 *
 * Emitters see only the public report API (airead.h): findings arrive in
 * document order already, so every format renders in the same order. */
#ifndef AIR_EMIT_H
#define AIR_EMIT_H

#include "airead.h"
#include "util/buf.h"
#include "util/json.h"

typedef struct air_emit_ops {
    air_status (*begin)(air_emitter *e);
    air_status (*file)(air_emitter *e, const air_result *res);
    air_status (*end)(air_emitter *e);
    void (*free)(air_emitter *e); /* may be NULL */
} air_emit_ops;

/* One of the worst files of a run (highest weight first, then path). */
typedef struct air_worst {
    char *path;
    uint64_t weight;
    uint64_t by_severity[4];
} air_worst;

struct air_emitter {
    const air_emit_ops *ops;
    air_output fmt;
    FILE *out;
    air_emit_opts opts;
    air_summary sum;
    air_json j;
    uint64_t nfiles;  /* files written so far */
    void *priv;       /* per-format state */
    air_worst *worst; /* opts.worst slots, 'nworst' used, sorted */
    size_t nworst;
};

/* Writes the "summary" member (json, jsonl, SARIF run properties). */
void air_emit_json_summary(air_emitter *e);

/* "1 (표)" style names of the principles, for summaries. */
const char *air_emit_principle_word(int principle, air_lang lang);

extern const air_emit_ops air_emit_text_ops;
extern const air_emit_ops air_emit_json_ops;
extern const air_emit_ops air_emit_jsonl_ops;
extern const air_emit_ops air_emit_sarif_ops;
extern const air_emit_ops air_emit_csv_ops;

/* "section 1, table 2 row 3 col 1, paragraph 4" in the language; the
 * whole document is "document properties". */
void air_emit_loc_text(air_buf *b, const air_location *l, air_lang lang);

/* "section[1]/table[2]/row[3]/col[1]/paragraph[4]": never translated
 * (SARIF logical locations, CSV). "document" for the whole document. */
void air_emit_loc_path(air_buf *b, const air_location *l);

/* The severity word shown to people ("오류", "error"). */
const char *air_emit_sev_word(air_severity s, air_lang lang);

/* "unreadable" or "ok". */
const char *air_emit_status(const air_result *res);

/* Writes a finding as a JSON object (json, jsonl, and reused by SARIF
 * properties for the items). */
void air_emit_json_items(air_json *j, const air_finding *f);

/* The rule id for a rule number, from the configuration ("" if unknown). */
const char *air_emit_rule_id(const air_emitter *e, int number);

#endif
