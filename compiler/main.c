/* SPDX-License-Identifier: Apache-2.0 */
/* lovc: the driver, a table of commands.
 *
 * Each command (commands/cmd_*.c) reads top to bottom as the pipeline runs:
 * load (front/), check names and types (check/), then its own work: the
 * legal-safety checks (safety/), the C (emit/), the review page (render/),
 * the prover (prove/) or the scenario runner (runtime/suites/). */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands/commands.h"
#include "core/lov_version.h"


/* The commands. Adding one is one line here: its name, its run_* function
 * (commands.h), what follows its name, its own options by name (the table
 * in commands/options.c; -Werror, --color, --root and --help are every
 * command's) and what it does, as 'lovc --help' and 'lovc CMD --help' show. */
static const command commands[] = {
    {"check", run_check, "FILE.lov...", "emit-scenario",
     "read the rules, check names and types and run the legal-safety checks; report every problem"},
    {"build", run_build, "FILE.lov -o DIR", "o so",
     "write DIR/NAME.c and DIR/NAME.h, the C evaluator of the rules"},
    {"doc", run_doc, "FILE.lov -o FILE.html", "o", "the rules as a page that reads like law, for review"},
    {"test", run_test, "SUITE.scn...", "junit tap html rules externals engine cache scenario",
     "run scenario suites against the rules they name"},
    {"explain", run_explain, "SUITE.scn --scenario NAME", "scenario rules externals engine cache",
     "the whole decision for one scenario, with its reasons"},
    {"eval", run_eval, "FILE.lov --case CASE.json", "case trace compiled externals",
     "the decision of the reference interpreter for one case, as JSON"},
    {"verify", run_verify, "FILE.lov", "list-bound timeout emit-scenario cache",
     "prove every assertion for all cases, or refute it with a case"},
    {"run", run_run, "FILE.lov --input CASES --output DECISIONS",
     "input output format key list money-unit dates every reasons j cache externals",
     "decide every case of a caseload (JSON Lines or CSV), in input order"},
    {"diff", run_diff, "OLD.lov NEW.lov",
     "input output format key list money-unit dates every reasons j cache externals list-bound timeout "
     "emit-scenario",
     "with --input, every case the two rule sets decide differently; without, a case for each output they "
     "decide differently, or that they agree on every case"},
    {"lsp", run_lsp, "", "",
     "a language server for editors, over standard input and output: the messages of 'check' as you type, "
     "hover, go to definition, completion and the outline"},
};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

static const command *find_command(const char *name)
{
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (strcmp(name, commands[i].name) == 0)
            return &commands[i];
    return NULL;
}

/* Every command's report goes to standard output: a report that could not
 * be written (a full disk, a closed pipe, > /dev/full) is an error, never a
 * silent success. */
static int finish_output(int rc)
{
    errno = 0;
    bool failed = ferror(stdout) != 0;
    failed = fflush(stdout) != 0 || failed;
    int why = errno;
    failed = fclose(stdout) != 0 || failed;
    if (!why)
        why = errno;
    if (!failed)
        return rc;
    fprintf(stderr, "lovc: the output could not be written: %s\n", strerror(why ? why : EIO));
    return rc == EXIT_OK ? EXIT_ERRORS : rc;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        commands_print_help(stderr, commands, NCOMMANDS);
        return EXIT_USAGE;
    }
    const char *name = argv[1];
    if (strcmp(name, "-h") == 0 || strcmp(name, "--help") == 0 || (strcmp(name, "help") == 0 && argc == 2)) {
        commands_print_help(stdout, commands, NCOMMANDS);
        return finish_output(EXIT_OK);
    }
    if (strcmp(name, "--version") == 0) {
        printf("lovc %s\n", LOV_VERSION);
        return finish_output(EXIT_OK);
    }
    if (strcmp(name, "help") == 0) {
        const command *cmd = find_command(argv[2]);
        if (!cmd || argc > 3)
            return usage_error(cmd ? "help takes one command; '%s' is one too many" : "unknown command '%s'",
                               argv[cmd ? 3 : 2]);
        commands_print_command_help(stdout, cmd);
        return finish_output(EXIT_OK);
    }
    const command *cmd = find_command(name);
    if (!cmd)
        return usage_error(name[0] == '-' ? "unknown option '%s'" : "unknown command '%s'", name);
    options opt = {0};
    int rc = commands_parse_options(commands, NCOMMANDS, cmd, argc - 1, argv + 1, &opt);
    if (rc == EXIT_OK && opt.help)
        commands_print_command_help(stdout, cmd);
    else if (rc == EXIT_OK)
        rc = commands_run_deep(cmd->run, &opt);
    free(opt.files);
    free(opt.root);
    return finish_output(rc);
}
