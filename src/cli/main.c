/* main.c -- the airead program: picks a command and runs it. */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

static const cli_cmd *const commands[] = {
    &cli_cmd_check,
    &cli_cmd_convert,
    &cli_cmd_dump,
    &cli_cmd_rules,
    &cli_cmd_merge,
};

enum { NCOMMANDS = sizeof commands / sizeof *commands };

static void usage(FILE *out)
{
    fputs("Usage: airead COMMAND [options] PATH...\n"
          "Check Korean administrative documents (HWPX, HWP 5.0, DOCX) against\n"
          "the five AI Readable principles and convert them to Markdown.\n\n"
          "Commands:\n", out);
    for (size_t i = 0; i < NCOMMANDS; i++)
        fprintf(out, "  %-9s %s\n", commands[i]->name, commands[i]->summary);
    fputs("\nRun 'airead COMMAND --help' for the options of a command.\n"
          "Exit status: 0 ok, 1 findings at or above the failure level,\n"
          "2 usage or configuration error, 3 unreadable input, 4 internal "
          "error.\n", out);
}

int main(int argc, char **argv)
{
    setlocale(LC_ALL, "");
    cli_catch_signals();
    if (argc < 2)
        return cli_usage("no command given");
    const char *name = argv[1];
    if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0 ||
        strcmp(name, "help") == 0) {
        usage(stdout);
        return AIR_EXIT_OK;
    }
    if (strcmp(name, "--version") == 0 || strcmp(name, "-V") == 0) {
        printf("airead %s\n", air_version());
        return AIR_EXIT_OK;
    }
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (strcmp(commands[i]->name, name) == 0)
            return commands[i]->run(commands[i], argc - 1, argv + 1);
    return cli_usage("unknown command '%s'", name);
}
