/* cli.h -- what the subcommands of the airead program share.
 *
 * Only src/cli reads argv, prints usage or calls exit(). The program links
 * libairead like any other client and includes only airead.h (plus this).
 * One option table per command drives both parsing and --help. */
#ifndef AIR_CLI_H
#define AIR_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "airead.h"

/* Exit status: the same for every command (DESIGN.md section 5). */
enum {
    AIR_EXIT_OK = 0,         /* nothing at or above the failure level */
    AIR_EXIT_FINDINGS = 1,   /* findings at or above the failure level */
    AIR_EXIT_USAGE = 2,      /* usage or configuration error */
    AIR_EXIT_UNREADABLE = 3, /* an input could not be read */
    AIR_EXIT_INTERNAL = 4    /* internal error */
};

typedef struct cli_opt {
    const char *lng;     /* long name without "--" */
    int shrt;            /* short letter, or 0 */
    const char *arg;     /* argument name for help, NULL for a flag */
    const char *help;    /* one line */
} cli_opt;

typedef struct cli_cmd {
    const char *name;
    const char *synopsis; /* after "airead NAME " */
    const char *summary;  /* one line */
    const cli_opt *opts;  /* terminated by an entry with lng == NULL */
    int (*run)(const struct cli_cmd *cmd, int argc, char **argv);
} cli_cmd;

/* Called for each option found: 'opt' points into the command's table,
 * 'arg' is its argument or NULL. Returns 0 to go on, or an exit status. */
typedef int (*cli_on_opt)(void *ctx, const cli_opt *opt, const char *arg);

/* Parses argv (argv[0] is the command name) with the command's table.
 * On success returns 0 and sets *first to the index of the first operand;
 * on a usage error prints one line plus a hint and returns AIR_EXIT_USAGE.
 * --help prints the command's help and returns -1 (the caller exits 0). */
int cli_parse(const cli_cmd *cmd, int argc, char **argv, cli_on_opt on_opt,
              void *ctx, int *first);

void cli_print_help(FILE *out, const cli_cmd *cmd);

/* Prints "airead: MESSAGE" and "try 'airead --help'" to stderr; returns
 * AIR_EXIT_USAGE. */
int cli_usage(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Prints "airead: MESSAGE" to stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The exit status for a failed document: 3 for anything about the input,
 * 4 for a bug or resource failure, 2 for usage/configuration. */
int cli_exit_for(air_status st);

/* --limit NAME=VALUE, the same for every command that reads documents:
 * changes one field of 'lim' (AIR_LIMITS_INIT at first). Names: entries,
 * part-size, total-size, ratio, depth, table-depth, nodes; a value is a
 * positive whole number, sizes may end in K, M or G (powers of 1024).
 * Returns 0, or prints a usage error and returns AIR_EXIT_USAGE. */
int cli_limit(air_limits *lim, const char *cmd, const char *arg);

#define CLI_LIMIT_HELP                                                       \
    "change a limit on untrusted input: entries, part-size, total-size, "    \
    "ratio, depth, table-depth, nodes (sizes take K, M, G)"

/* The rule data folder of the airead program: share/airead/rules next to
 * its bin/ when it holds defaults.yaml (the installed layout, which the
 * build tree mirrors with a link to the source rules/), so that a program
 * reads the data installed with it; NULL otherwise (and when
 * AIREAD_DATADIR is set), leaving the choice to the library
 * (air_config_opts.datadir). */
const char *cli_datadir(void);

/* The message language from LC_ALL, LC_MESSAGES, LANG: Korean unless
 * they name another language. */
air_lang cli_lang_from_env(void);

/* A report file: 'path' NULL or "-" is stdout (*of NULL); otherwise an
 * air_outfile (a temporary file next to 'path') that cli_close_output()
 * renames into place when 'keep' (and removes otherwise), so that a
 * reader never sees half a report. NULL on failure (air_last_error()). */
FILE *cli_open_output(const char *path, air_outfile **of);
int cli_close_output(FILE *f, air_outfile *of, bool keep);

/* Handlers for SIGINT, SIGTERM, SIGHUP, SIGQUIT and SIGPIPE (unless
 * ignored) that remove every temporary output file still open before the
 * signal ends the process: main() and every worker process call it. */
void cli_catch_signals(void);

/* The commands, defined in cmd_*.c. */
extern const cli_cmd cli_cmd_dump;
extern const cli_cmd cli_cmd_check;
extern const cli_cmd cli_cmd_rules;
extern const cli_cmd cli_cmd_convert;
extern const cli_cmd cli_cmd_merge;

#endif
