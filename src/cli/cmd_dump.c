/* cmd_dump.c -- `airead dump FILE`: the document model as JSON. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

static const cli_opt dump_opts[] = {
    { "output", 'o', "FILE", "write the JSON to FILE instead of stdout" },
    { NULL, 0, NULL, NULL }
};

typedef struct dump_args {
    const char *output;
} dump_args;

static int on_opt(void *ctx, const cli_opt *opt, const char *arg)
{
    dump_args *a = ctx;
    if (strcmp(opt->lng, "output") == 0)
        a->output = arg;
    return 0;
}

static int run(const cli_cmd *cmd, int argc, char **argv)
{
    dump_args a = { NULL };
    int first = 0;
    int rc = cli_parse(cmd, argc, argv, on_opt, &a, &first);
    if (rc != 0)
        return rc < 0 ? AIR_EXIT_OK : rc;
    if (argc - first != 1)
        return cli_usage("dump: expects exactly one FILE");

    air_doc *doc = NULL;
    air_status st = air_doc_open(&doc, argv[first], NULL);
    if (st != AIR_OK) {
        cli_error("%s", air_last_error());
        return cli_exit_for(st);
    }
    FILE *out = stdout;
    if (a.output && strcmp(a.output, "-") != 0) {
        out = fopen(a.output, "w");
        if (out == NULL) {
            cli_error("%s: cannot write", a.output);
            air_doc_free(doc);
            return AIR_EXIT_USAGE;
        }
    }
    st = air_dump_json(doc, out);
    if (out != stdout && fclose(out) != 0)
        st = AIR_EIO;
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
