/* cmd_dump.c -- `airead dump FILE`: the document model as JSON. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

static const cli_opt dump_opts[] = {
    { "output", 'o', "FILE", "write the JSON to FILE instead of stdout" },
    { "limit", 0, "NAME=N", CLI_LIMIT_HELP },
    { NULL, 0, NULL, NULL }
};

typedef struct dump_args {
    const char *output;
    air_open_opts open;
} dump_args;

static int on_opt(void *ctx, const cli_opt *opt, const char *arg)
{
    dump_args *a = ctx;
    if (strcmp(opt->lng, "output") == 0)
        a->output = arg;
    else if (strcmp(opt->lng, "limit") == 0)
        return cli_limit(&a->open.limits, "dump", arg);
    return 0;
}

static int run(const cli_cmd *cmd, int argc, char **argv)
{
    dump_args a = { NULL, AIR_OPEN_OPTS_INIT };
    int first = 0;
    int rc = cli_parse(cmd, argc, argv, on_opt, &a, &first);
    if (rc != 0)
        return rc < 0 ? AIR_EXIT_OK : rc;
    if (argc - first != 1)
        return cli_usage("dump: expects exactly one FILE");

    air_doc *doc = NULL;
    air_status st = air_doc_open(&doc, argv[first], &a.open);
    if (st != AIR_OK) {
        cli_error("%s", air_last_error());
        return cli_exit_for(st);
    }
    FILE *out = stdout;
    air_outfile *of = NULL;
    if (a.output && strcmp(a.output, "-") != 0 &&
        air_outfile_open(&of, &out, a.output) != AIR_OK) {
        cli_error("%s", air_last_error());
        air_doc_free(doc);
        return AIR_EXIT_USAGE;
    }
    st = air_dump_json(doc, out);
    if (of != NULL) {
        air_status cst = air_outfile_close(of, st == AIR_OK);
        if (st == AIR_OK)
            st = cst;
    }
    air_doc_free(doc);
    if (st != AIR_OK) {
        cli_error("cannot write the output");
        return AIR_EXIT_INTERNAL;
    }
    return AIR_EXIT_OK;
}

const cli_cmd cli_cmd_dump = {
    "dump", "[options] FILE",
    "Print the document model of FILE as JSON (schema in airead-json(7)).",
    dump_opts, run
};
