/* airead.h -- the public interface of libairead.
 *
 * airead reads HWPX, HWP 5.0 and DOCX documents into one document
 * model, checks it against Seoul's five "AI Readable" principles and writes
 * reports and cleaned Markdown. This is the only public header; the CLI,
 * the tests and the fuzzers use the library through it (tests may also
 * include the private module headers).
 *
 * Ownership, once for the whole API: an object handed out by an *_open or
 * *_new function belongs to the caller, who frees it with the matching
 * *_free (NULL-safe, like free()). A pointer returned by a getter is
 * borrowed and lives as long as the object it came from.
 *
 * Errors: fallible functions return air_status (AIR_OK or a negative code).
 * On failure, air_last_error() gives one line about the input ("section0.xml:
 * table nested 1001 levels deep"). The message is per thread.
 */
#ifndef AIREAD_H
#define AIREAD_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- status ------------------------------------------------------------ */

typedef int air_status;

enum {
    AIR_OK = 0,
    AIR_ENOMEM = -1,       /* out of memory */
    AIR_EIO = -2,          /* the file cannot be opened or read */
    AIR_ENOTDOC = -3,      /* not a document: plain text, unknown bytes */
    AIR_EFORMAT = -4,      /* a document, but corrupt: bad ZIP, bad XML */
    AIR_EUNSUPPORTED = -5, /* a known format airead does not read */
    AIR_EENCRYPTED = -6,   /* password, DRM or distribution protected */
    AIR_ELIMIT = -7,       /* over a configured limit (size, depth, ...) */
    AIR_EUSAGE = -8,       /* bad argument from the caller */
    AIR_ECONFIG = -9,      /* bad configuration file or value */
    AIR_ETIMEOUT = -10,    /* over the time budget */
    AIR_EINTERNAL = -11    /* a bug in airead */
};

/* The last error message of this thread; never NULL (may be ""). */
const char *air_last_error(void);

/* A stable lower-case key for a status, used as the "reason" in JSON
 * ("encrypted", "limit", "not-a-document", ...). Never translated. */
const char *air_status_key(air_status st);

/* The library version, "MAJOR.MINOR.PATCH". */
const char *air_version(void);

/* ---- formats and limits ------------------------------------------------ */

typedef enum air_format {
    AIR_FMT_UNKNOWN = 0,
    AIR_FMT_HWPX,
    AIR_FMT_DOCX,
    AIR_FMT_HWP
} air_format;

/* "hwpx", "docx", "hwp" or "unknown". */
const char *air_format_name(air_format fmt);

/* Limits for untrusted input (DESIGN.md section 8). A file over any of
 * them is unreadable with AIR_ELIMIT and a message naming the limit. */
typedef struct air_limits {
    uint32_t max_entries;     /* ZIP entries or OLE streams per file */
    uint64_t max_part_bytes;  /* inflated bytes of one part */
    uint64_t max_total_bytes; /* inflated bytes of all parts read */
    uint32_t max_ratio;       /* inflated/compressed ratio of one part */
    uint32_t max_depth;       /* XML element nesting depth */
    uint32_t max_table_depth; /* tables nested in tables */
    uint64_t max_nodes;       /* model nodes (paragraphs, cells, ...) */
} air_limits;

#define AIR_LIMITS_INIT                                                      \
    {                                                                        \
        10000u, 256ull << 20, 1ull << 30, 1000u, 1000u, 64u, 10000000ull     \
    }

typedef struct air_open_opts {
    air_limits limits;
    const char *display_name; /* name used in messages; NULL: the path */
} air_open_opts;

#define AIR_OPEN_OPTS_INIT { AIR_LIMITS_INIT, NULL }

/* ---- documents --------------------------------------------------------- */

typedef struct air_doc air_doc; /* owns every node and string in it */

/* Reads the document at 'path' (opened read-only; never modified). The
 * format is sniffed from the content, never from the name. On success *out
 * is a new document the caller frees with air_doc_free(); on failure *out
 * is NULL and air_last_error() says why. 'opts' may be NULL. */
air_status air_doc_open(air_doc **out, const char *path,
                        const air_open_opts *opts);

/* The same for a document held in memory ('data' is borrowed for the call
 * only). 'opts->display_name' names it in messages. */
air_status air_doc_open_mem(air_doc **out, const void *data, size_t len,
                            const air_open_opts *opts);

void air_doc_free(air_doc *doc);

air_format air_doc_format(const air_doc *doc);

/* The name given at open time (path or display name); borrowed. */
const char *air_doc_name(const air_doc *doc);

/* ---- dump -------------------------------------------------------------- */

/* The version of the JSON schema written by air_dump_json(); documented in
 * man/airead-json.7. Bumped on any incompatible change. */
#define AIR_DUMP_SCHEMA_VERSION "1.0"

/* Writes the document model as one JSON document to 'out'. */
air_status air_dump_json(const air_doc *doc, FILE *out);

/* ---- rules, configuration and findings ---------------------------------
 *
 *   air_config_load()  defaults (rules/defaults.yaml + rules/<id>.md) with
 *                      an optional user file over them
 *   air_check()        one document -> one air_report (its findings)
 *   air_emitter_*()    reports of many files -> text, json, jsonl, sarif,
 *                      csv, streamed one file at a time
 *
 * A configuration is read-only once loaded and may be shared by threads
 * checking documents in parallel. A report owns copies of every string it
 * holds (it outlives the document); its rule pointers are borrowed from
 * the configuration, which must outlive it. */

typedef enum air_severity {
    AIR_SEV_NONE = 0, /* only as a failure level: never fail */
    AIR_SEV_INFO = 1,
    AIR_SEV_WARNING = 2,
    AIR_SEV_ERROR = 3
} air_severity;

/* "none", "info", "warning", "error": never translated. */
const char *air_severity_name(air_severity sev);

/* Parses one of the names above; AIR_EUSAGE for anything else. */
air_status air_severity_parse(air_severity *out, const char *name);

/* The language of messages. Rule ids, JSON keys and severity names never
 * change with it. */
typedef enum air_lang { AIR_LANG_KO = 0, AIR_LANG_EN = 1 } air_lang;
enum { AIR_LANG_COUNT = 2 };

/* One rule of the catalogue, with its effective settings. Texts come from
 * the rule's page rules/<id>.md; each is indexed by air_lang and is ""
 * (never NULL) when the page lacks it. */
typedef struct air_rule_info {
    const char *id;    /* "merged-cells": kebab-case, stable */
    int number;        /* 101: stable, never reused */
    int principle;     /* 1..5 */
    air_severity default_severity; /* as shipped */
    air_severity severity;         /* effective */
    int enabled;                   /* effective: 1 or 0 */
    const char *title[AIR_LANG_COUNT];      /* one line */
    const char *why[AIR_LANG_COUNT];        /* why it matters to an AI */
    const char *fix_hangul[AIR_LANG_COUNT]; /* how to fix, menu path */
    const char *fix_word[AIR_LANG_COUNT];
    const char *page; /* "rules/merged-cells.md" (relative) */
} air_rule_info;

/* Where a finding is. Numbers are 1-based; 0 means "not in one". 'para'
 * counts paragraphs within their container (section body, table cell,
 * text box, note); row/col are the innermost cell's grid position. */
typedef struct air_location {
    const char *story; /* "main", "header", "footer", "textbox", ... */
    uint32_t section;
    uint32_t para;
    uint32_t table;
    uint32_t row, col;
    uint32_t start, end; /* byte range in the paragraph text; 0, 0: none */
} air_location;

/* What a finding lists: a character with its count (201-204), a merged
 * region (101), a metadata field (501, 502). Unused fields are 0/NULL. */
typedef struct air_finding_item {
    const char *text;  /* the character(s) or field name (UTF-8) */
    uint32_t code;     /* the code point when 'text' is one character */
    uint32_t count;    /* occurrences, >= 1 */
    uint32_t row, col; /* merged region: 1-based anchor position */
    uint32_t rowspan, colspan;
    const char *font;  /* symbol font, when known */
} air_finding_item;

typedef struct air_finding {
    const air_rule_info *rule;
    air_severity severity;               /* effective */
    const char *message[AIR_LANG_COUNT]; /* what is wrong, one line */
    air_location loc;
    const char *snippet;     /* quoted text: one line, at most about 60
                                characters, UTF-8; "" when none */
    uint32_t count;          /* occurrences this finding stands for */
    size_t nitems;
    const air_finding_item *items;
    const char *fingerprint; /* 16 hex digits from the content (rule,
                                text, items), not the position; unique
                                within a report */
} air_finding;

typedef struct air_config air_config;

typedef struct air_config_opts {
    /* The folder holding defaults.yaml and the rule pages. NULL: the
     * environment variable AIREAD_DATADIR, else the installed
     * share/airead/rules (never the source tree; tests set the variable). */
    const char *datadir;
    /* A user file laid over the defaults, or NULL for the defaults. */
    const char *file;
} air_config_opts;

#define AIR_CONFIG_OPTS_INIT { NULL, NULL }

/* Loads the defaults and the user file. On failure (AIR_ECONFIG) *out is
 * NULL and air_last_error() is "FILE:LINE: problem". */
air_status air_config_load(air_config **out, const air_config_opts *opts);

void air_config_free(air_config *cfg);

/* The user file that applies to the document at 'doc_path' (NULL or "-":
 * the current directory), in this order: '.airead.yaml' in the document's
 * folder or the nearest parent folder that has one; then
 * $XDG_CONFIG_HOME/airead/config.yaml (default ~/.config); then
 * ~/.airead.yaml. *out is a new string (free() it), or NULL when none
 * exists. */
air_status air_config_find(char **out, const char *doc_path);

/* Writes the effective configuration as YAML (a comment names the
 * sources). */
air_status air_config_print(const air_config *cfg, FILE *out);

/* 16 hex digits identifying the effective configuration (the printed
 * YAML and the airead version): equal fingerprints check alike, so a
 * cache of reports may key on it. */
const char *air_config_fingerprint(const air_config *cfg);

/* The user file laid over the defaults, or NULL; and the data folder. */
const char *air_config_file(const air_config *cfg);
const char *air_config_datadir(const air_config *cfg);

/* The rule catalogue in registry order (which is rule-number order). */
size_t air_config_rule_count(const air_config *cfg);
const air_rule_info *air_config_rule(const air_config *cfg, size_t i);
/* By id ("merged-cells") or number ("101"); NULL when unknown. */
const air_rule_info *air_config_rule_find(const air_config *cfg,
                                          const char *id_or_number);

typedef struct air_report air_report;

/* Runs every enabled rule over 'doc'. On success *out is a new report the
 * caller frees with air_report_free(). */
air_status air_check(air_report **out, const air_doc *doc,
                     const air_config *cfg);

/* Findings in document order (then byte offset, then rule number). */
size_t air_report_count(const air_report *r);
const air_finding *air_report_finding(const air_report *r, size_t i);
/* The highest severity among the findings; AIR_SEV_NONE when none. */
air_severity air_report_max_severity(const air_report *r);
/* Findings dropped because a document reached the cap (100,000). */
size_t air_report_dropped(const air_report *r);

void air_report_free(air_report *r);

/* ---- emitters ------------------------------------------------------------
 *
 * One emitter writes one output stream: begin, then one call per input
 * file in the order the caller wants them to appear, then end (which
 * writes the summary where the format has one). Files that could not be
 * read are passed too, with their status and message, and reported in
 * every format. */

typedef enum air_output {
    AIR_OUT_TEXT = 0, /* compiler-style lines */
    AIR_OUT_JSON,     /* one versioned document */
    AIR_OUT_JSONL,    /* one line per file, streamed */
    AIR_OUT_SARIF,    /* SARIF 2.1.0 */
    AIR_OUT_CSV       /* one row per file */
} air_output;

/* "text", "json", "jsonl", "sarif", "csv". */
const char *air_output_name(air_output fmt);
air_status air_output_parse(air_output *out, const char *name);

/* The version of the JSON report schema (json, jsonl): bumped in its
 * major part on any incompatible change, in its minor part when fields
 * are added. */
#define AIR_REPORT_SCHEMA_VERSION "1.1"

typedef struct air_emit_opts {
    air_lang lang;
    int color;                /* text: ANSI colours (the caller decides) */
    const air_config *config; /* the rule catalogue (json, sarif, csv) */
    int no_summary;   /* 1: no summary (text lines, the jsonl summary line) */
    int summary_only; /* 1: totals only, no line per file or finding */
    unsigned worst;   /* files listed as the worst in the summary (<= 1000) */
} air_emit_opts;

#define AIR_EMIT_OPTS_INIT { AIR_LANG_KO, 0, NULL, 0, 0, 10 }

/* One input file's outcome. */
typedef struct air_result {
    const char *path;         /* as given ("-" for stdin) */
    air_format format;        /* as sniffed; AIR_FMT_UNKNOWN if unread */
    air_status status;        /* AIR_OK, or why it could not be read */
    const char *error;        /* one line when status != AIR_OK */
    const air_report *report; /* NULL when status != AIR_OK */
} air_result;

/* Rules counted by number in a summary: numbers 100..899. */
enum { AIR_SUMMARY_RULE_SLOTS = 900 };

/* Totals over the files passed to an emitter. */
typedef struct air_summary {
    uint64_t files;         /* every input */
    uint64_t clean;         /* read, no findings */
    uint64_t with_findings; /* read, one finding or more */
    uint64_t unreadable;    /* not read */
    uint64_t unreadable_by[16]; /* indexed by -status (AIR_EIO -> 2) */
    uint64_t findings;
    uint64_t by_severity[4];   /* indexed by air_severity */
    uint64_t by_principle[6];  /* indexed by principle 1..5 */
    uint64_t by_rule[AIR_SUMMARY_RULE_SLOTS]; /* indexed by rule number */
    /* Not results of files passed to the emitter; set by the caller: */
    uint64_t skipped;           /* files of folder walks that are not
                                   documents (never in 'files') */
    int baseline;               /* 1: a baseline was applied */
    uint64_t baseline_accepted; /* findings left out: in the baseline */
    uint64_t baseline_gone;     /* baseline entries that no longer occur */
} air_summary;

/* Adds one result to a summary (zero-initialise it first). */
void air_summary_add(air_summary *sum, const air_result *res);

typedef struct air_emitter air_emitter;

/* A new emitter writing 'fmt' to 'out' (borrowed; the caller closes it).
 * 'opts' may be NULL for the defaults. */
air_status air_emitter_new(air_emitter **out, air_output fmt, FILE *stream,
                           const air_emit_opts *opts);
air_status air_emitter_begin(air_emitter *e);
air_status air_emitter_file(air_emitter *e, const air_result *res);
air_status air_emitter_end(air_emitter *e);
/* Totals of the files written so far. */
const air_summary *air_emitter_summary(const air_emitter *e);
/* Before end: 'n' more files skipped as not documents. */
void air_emitter_skipped(air_emitter *e, uint64_t n);
/* Before end: a baseline was applied; 'accepted' findings were left out
 * of the results passed and 'gone' baseline entries no longer occur. */
void air_emitter_baseline(air_emitter *e, uint64_t accepted, uint64_t gone);
void air_emitter_free(air_emitter *e);

/* The weight of a file among the worst files of a summary: each finding
 * counts 4 (error), 2 (warning) or 1 (info). */
uint64_t air_report_weight(const air_report *r);

/* ---- reports read back ---------------------------------------------------
 *
 * Batch runs pass results between processes, keep them in caches and merge
 * them across runs as the lines the jsonl emitter writes. A record is one
 * such line read back: one file's result with its report, or the summary
 * line that ends a jsonl report. Findings point at the rules of 'cfg'
 * (matched by number; the catalogue must know them), which must outlive
 * the record; a message is in the language the line was written in (both
 * air_lang slots hold it). Emitting a record's result again gives the
 * line it came from. */
typedef struct air_record air_record; /* owns its strings and report */

/* Reads one line (the newline excluded; 'line' is borrowed for the call).
 * AIR_EFORMAT when it is not a jsonl line of a report whose schema major
 * version is ours, AIR_ECONFIG when it names a rule 'cfg' lacks. */
air_status air_record_parse(air_record **out, const char *line, size_t len,
                            const air_config *cfg);
/* The file result, NULL for a summary line; borrowed. */
const air_result *air_record_result(const air_record *rec);
/* The report of a file that was read (NULL otherwise), for filtering. */
air_report *air_record_report(air_record *rec);
/* The summary of a summary line, NULL for a file line; borrowed. */
const air_summary *air_record_summary(const air_record *rec);
/* Gives the file result another path (copied); an error message that
 * starts with the old path ("old.hwpx: ...") is changed to match. */
air_status air_record_set_path(air_record *rec, const char *path);
void air_record_free(air_record *rec);

/* Keeps the findings of 'r' for which keep() returns non-zero, in order;
 * the maximum severity follows. */
void air_report_filter(air_report *r,
                       int (*keep)(const air_finding *f, void *ctx),
                       void *ctx);

/* The catalogue of 'cfg' as text or JSON (`airead rules`). */
air_status air_rules_print(const air_config *cfg, air_output fmt,
                           air_lang lang, FILE *out);
/* Copies package part 'part' (an image's target in the model) of the
 * document's file to 'out', within the limits the document was opened
 * with; *written (may be NULL) gets the byte count. The file is opened
 * again, read-only; AIR_EUNSUPPORTED for a document read from memory. */
air_status air_doc_copy_part(const air_doc *doc, const char *part, FILE *out,
                             uint64_t *written);

/* ---- files written whole or not at all ---------------------------------
 *
 * Every file airead writes (converted Markdown, extracted images, a report
 * or dump written with -o) goes to a temporary file beside its final name
 * (".NAME.airead-PID-N" in the same folder) and is renamed into place once
 * complete, so no reader ever sees a partial file. A client that ends on a
 * signal calls air_outfile_abort_all() from its handler so that no
 * temporary file is left behind either. */

typedef struct air_outfile air_outfile;

/* Creates the temporary file for 'path' (its folder must exist). *stream
 * is where to write; it belongs to 'f' (do not fclose it). */
air_status air_outfile_open(air_outfile **f, FILE **stream,
                            const char *path);

/* Closes the stream; with 'keep', renames the file to its final name
 * (AIR_EIO when writing or renaming failed, and nothing is left), else
 * removes it. Frees 'f' (NULL-safe). */
air_status air_outfile_close(air_outfile *f, int keep);

/* Removes every temporary file still open. Async-signal-safe: for a
 * handler of SIGINT, SIGTERM and the like, before the process ends. */
void air_outfile_abort_all(void);

/* ---- Markdown (`airead convert`) ---------------------------------------
 *
 * GitHub-flavoured Markdown of the model (DESIGN.md section 7): YAML front
 * matter with the metadata, headings from outline levels and heading
 * styles, lists from automatic numbering and typed markers (the markers
 * kept as text), pipe tables for plain tables and HTML tables for merged
 * cells, nested tables after their parent, footnotes, images, symbol-font
 * glyphs mapped to Unicode. Deterministic: the same document and options
 * give the same bytes. */

/* Symbol-font glyph tables (rules/symbol-fonts/<font>.tsv: the code of a
 * glyph in the font -> Unicode). Read-only once loaded; one set may be
 * shared by threads converting in parallel. */
typedef struct air_symmaps air_symmaps;

/* Loads every *.tsv of folder 'dir'; NULL: 'symbol-fonts' under the
 * environment variable AIREAD_DATADIR, else under the installed
 * share/airead/rules (never the source tree). On failure (a folder
 * that cannot be read, a malformed line: AIR_ECONFIG with "FILE:LINE:
 * problem") *out is NULL. */
air_status air_symmaps_load(air_symmaps **out, const char *dir);
void air_symmaps_free(air_symmaps *maps);

/* The Unicode character that glyph 'code' (0x20..0xFF, or Word's
 * private-use form 0xF020..0xF0FF) of symbol font 'font' shows, or 0 when
 * the tables have none. Font names match without regard to case. */
uint32_t air_symmaps_lookup(const air_symmaps *maps, const char *font,
                            uint32_t code);

typedef enum air_md_tables {
    AIR_MD_TABLES_HTML = 0, /* merged cells: HTML <table>, rowspan/colspan */
    AIR_MD_TABLES_EXPAND    /* merged cells: a pipe table repeating the
                               spanned value in every covered cell */
} air_md_tables;

/* What one conversion did (for --verbose); counts of this document. */
typedef struct air_md_stats {
    uint64_t sym_mapped;  /* symbol-font / private-use glyphs mapped */
    uint64_t sym_dropped; /* ... without a mapping, left out */
    uint64_t sym_kept;    /* ... kept as they were (keep_symbols) */
    uint32_t tables;      /* tables written (pipe or HTML) */
    uint32_t html_tables; /* of which HTML tables */
    uint32_t nested;      /* of which nested tables written after a parent */
    uint32_t notes;       /* footnotes and endnotes */
    uint32_t images;      /* image references */
    uint32_t images_written; /* image files extracted to media_dir */
    uint32_t joins;       /* line or paragraph breaks joined */
} air_md_stats;

typedef struct air_markdown_opts {
    air_md_tables tables;
    int keep_symbols;   /* 1: symbol-font glyphs kept as stored */
    int headers;        /* 1: headers and footers written too */
    int front_matter;   /* 1: YAML front matter (default) */
    int join_breaks;    /* 1: join mid-sentence breaks (default) */
    /* The source file name in the front matter; NULL: the base name of
     * the document's name. */
    const char *source_name;
    /* Extract images into this folder (created if missing; names
     * sanitised, never outside it). NULL: images are only referenced. */
    const char *media_dir;
    /* How the Markdown refers to media_dir (relative to where the
     * Markdown is read from); NULL: media_dir as given. */
    const char *media_link;
    /* Symbol tables; NULL: loaded once from the default folder. */
    const air_symmaps *symbols;
    air_md_stats *stats; /* filled when not NULL */
    /* The configuration whose `sentences:` data decides which breaks are
     * joined, as rules 301/302 report them (borrowed); NULL: the shipped
     * defaults, loaded once. */
    const air_config *config;
} air_markdown_opts;

#define AIR_MARKDOWN_OPTS_INIT                                               \
    { AIR_MD_TABLES_HTML, 0, 0, 1, 1, NULL, NULL, NULL, NULL, NULL, NULL }

/* Writes 'doc' as Markdown to 'out' (a buffered stream; the caller
 * closes it). 'opts' may be NULL for the defaults. Fails with AIR_EIO when
 * writing fails and AIR_ELIMIT for a table too large to lay out. */
air_status air_convert_markdown(const air_doc *doc,
                                const air_markdown_opts *opts, FILE *out);

#ifdef __cplusplus
}
#endif
#endif
