/* cli.c -- option parsing and messages shared by the commands. */
#include "config.h"

#include "cli/cli.h"

#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Options a table can hold; every command has far fewer. */
enum { MAX_OPTS = 96 };

int cli_parse(const cli_cmd *cmd, int argc, char **argv, cli_on_opt on_opt,
              void *ctx, int *first)
{
    struct option lopts[MAX_OPTS + 2];
    char shorts[MAX_OPTS * 2 + 3];
    size_t ns = 0, nl = 0;
    /* Options may follow operands ("airead convert a.hwpx -o a.md", as
     * DESIGN.md writes it): GNU getopt moves the operands to the end; a
     * lone "-" stays an operand, and "--" ends the options. */
    shorts[ns++] = ':';
    for (const cli_opt *o = cmd->opts; o && o->lng && nl < MAX_OPTS; o++) {
        lopts[nl].name = o->lng;
        lopts[nl].has_arg = o->arg ? required_argument : no_argument;
        lopts[nl].flag = NULL;
        lopts[nl].val = 256 + (int)nl;
        nl++;
        if (o->shrt) {
            shorts[ns++] = (char)o->shrt;
            if (o->arg)
                shorts[ns++] = ':';
        }
    }
    lopts[nl].name = "help";
    lopts[nl].has_arg = no_argument;
    lopts[nl].flag = NULL;
    lopts[nl].val = 'h';
    nl++;
    memset(&lopts[nl], 0, sizeof lopts[nl]);
    shorts[ns++] = 'h';
    shorts[ns] = '\0';

    optind = 1;
    opterr = 0;
    for (;;) {
        int c = getopt_long(argc, argv, shorts, lopts, NULL);
        if (c == -1)
            break;
        if (c == 'h') {
            cli_print_help(stdout, cmd);
            return -1;
        }
        if (c == '?') {
            if (optopt)
                return cli_usage("%s: unknown option '-%c'", cmd->name,
                                 optopt);
            return cli_usage("%s: unknown option '%s'", cmd->name,
                             argv[optind - 1]);
        }
        if (c == ':')
            return cli_usage("%s: option '%s' needs an argument", cmd->name,
                             argv[optind - 1]);
        const cli_opt *opt = NULL;
        if (c >= 256) {
            opt = &cmd->opts[c - 256];
        } else {
            for (const cli_opt *o = cmd->opts; o->lng; o++)
                if (o->shrt == c)
                    opt = o;
        }
        if (opt == NULL)
            return cli_usage("%s: unknown option", cmd->name);
        int rc = on_opt(ctx, opt, opt->arg ? optarg : NULL);
        if (rc != 0)
            return rc;
    }
    *first = optind;
    return 0;
}

void cli_print_help(FILE *out, const cli_cmd *cmd)
{
    fprintf(out, "Usage: airead %s %s\n%s\n\nOptions:\n", cmd->name,
            cmd->synopsis, cmd->summary);
    for (const cli_opt *o = cmd->opts; o && o->lng; o++) {
        char left[64];
        if (o->shrt)
            snprintf(left, sizeof left, "-%c, --%s%s%s", o->shrt, o->lng,
                     o->arg ? " " : "", o->arg ? o->arg : "");
        else
            snprintf(left, sizeof left, "    --%s%s%s", o->lng,
                     o->arg ? " " : "", o->arg ? o->arg : "");
        fprintf(out, "  %-28s %s\n", left, o->help);
    }
    fprintf(out, "  %-28s %s\n", "-h, --help", "show this help and exit");
}

int cli_usage(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("airead: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputs("\ntry 'airead --help'\n", stderr);
    va_end(ap);
    return AIR_EXIT_USAGE;
}

void cli_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("airead: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

int cli_exit_for(air_status st)
{
    switch (st) {
    case AIR_OK:
        return AIR_EXIT_OK;
    case AIR_EUSAGE:
    case AIR_ECONFIG:
        return AIR_EXIT_USAGE;
    case AIR_ENOMEM:
    case AIR_EINTERNAL:
        return AIR_EXIT_INTERNAL;
    default:
        return AIR_EXIT_UNREADABLE;
    }
}

typedef struct limit_name {
    const char *name;
    size_t offset;
    bool wide;  /* uint64_t, else uint32_t */
    bool bytes; /* K, M, G allowed */
} limit_name;

static const limit_name LIMITS[] = {
    { "entries", offsetof(air_limits, max_entries), false, false },
    { "part-size", offsetof(air_limits, max_part_bytes), true, true },
    { "total-size", offsetof(air_limits, max_total_bytes), true, true },
    { "ratio", offsetof(air_limits, max_ratio), false, false },
    { "depth", offsetof(air_limits, max_depth), false, false },
    { "table-depth", offsetof(air_limits, max_table_depth), false, false },
    { "nodes", offsetof(air_limits, max_nodes), true, false },
};

int cli_limit(air_limits *lim, const char *cmd, const char *arg)
{
    const char *eq = strchr(arg, '=');
    const limit_name *l = NULL;
    for (size_t i = 0; eq && i < sizeof LIMITS / sizeof *LIMITS; i++)
        if (strlen(LIMITS[i].name) == (size_t)(eq - arg) &&
            strncmp(LIMITS[i].name, arg, (size_t)(eq - arg)) == 0)
            l = &LIMITS[i];
    if (l == NULL)
        return cli_usage("%s: --limit takes NAME=VALUE with NAME one of "
                         "entries, part-size, total-size, ratio, depth, "
                         "table-depth, nodes; not '%s'", cmd, arg);
    const char *v = eq + 1;
    char *end = NULL;
    errno = 0;
    unsigned long long n = (*v >= '0' && *v <= '9') ? strtoull(v, &end, 10)
                                                    : 0;
    unsigned shift = 0;
    if (end && l->bytes && end[0] && !end[1]) {
        const char *units = "KMG";
        const char *u = strchr(units, end[0] & ~0x20);
        if (u) {
            shift = 10u * (unsigned)(u - units + 1);
            end++;
        }
    }
    unsigned long long max = l->wide ? UINT64_MAX : UINT32_MAX;
    if (end == NULL || *end || errno == ERANGE || n == 0 ||
        n > (max >> shift))
        return cli_usage("%s: --limit %s takes a whole number from 1 to "
                         "%llu%s, not '%s'", cmd, l->name, max,
                         l->bytes ? " (or with K, M, G)" : "", v);
    n <<= shift;
    char *field = (char *)lim + l->offset;
    if (l->wide) {
        uint64_t w = n;
        memcpy(field, &w, sizeof w);
    } else {
        uint32_t w = (uint32_t)n;
        memcpy(field, &w, sizeof w);
    }
    return 0;
}

const char *cli_datadir(void)
{
    static char dir[4096];
    static int done;
    if (done)
        return dir[0] ? dir : NULL;
    done = 1;
    const char *env = getenv("AIREAD_DATADIR");
    if (env && env[0])
        return NULL;
    /* Linux names the running program in /proc; elsewhere this finds
     * nothing and the library's default applies. */
    char exe[2048];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return NULL;
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (slash == NULL)
        return NULL;
    *slash = '\0';
    char probe[4096 + 32];
    snprintf(dir, sizeof dir, "%.2000s/../share/airead/rules", exe);
    snprintf(probe, sizeof probe, "%s/defaults.yaml", dir);
    struct stat st;
    if (stat(probe, &st) != 0 || !S_ISREG(st.st_mode))
        dir[0] = '\0';
    return dir[0] ? dir : NULL;
}

FILE *cli_open_output(const char *path, air_outfile **of)
{
    *of = NULL;
    if (path == NULL || strcmp(path, "-") == 0)
        return stdout;
    FILE *f = NULL;
    return air_outfile_open(of, &f, path) == AIR_OK ? f : NULL;
}

int cli_close_output(FILE *f, air_outfile *of, bool keep)
{
    if (of == NULL)
        return fflush(f) == 0 ? 0 : -1;
    return air_outfile_close(of, keep) == AIR_OK ? 0 : -1;
}

/* An output is never left partial: the handler removes the temporary
 * files still open (async-signal-safe) and lets the signal end the
 * process as it would have, so the caller still sees "killed by
 * SIGTERM". */
static void on_signal(int sig)
{
    air_outfile_abort_all();
    signal(sig, SIG_DFL);
    raise(sig);
}

void cli_catch_signals(void)
{
    static const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE };
    for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++) {
        struct sigaction sa, old;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_signal;
        sigemptyset(&sa.sa_mask);
        /* A signal ignored by whoever started us stays ignored. */
        if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
            continue;
        sigaction(sigs[i], &sa, NULL);
    }
}

/* Korean unless the locale names another language. */
air_lang cli_lang_from_env(void)
{
    const char *vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
    for (size_t i = 0; i < 3; i++) {
        const char *v = getenv(vars[i]);
        if (v == NULL || v[0] == '\0')
            continue;
        if (strcmp(v, "C") == 0 || strcmp(v, "POSIX") == 0 ||
            strncmp(v, "C.", 2) == 0 || strncmp(v, "ko", 2) == 0)
            return AIR_LANG_KO;
        return AIR_LANG_EN;
    }
    return AIR_LANG_KO;
}
