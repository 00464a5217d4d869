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


static const struct command {
    const char *name;
    int (*run)(options *opt);
} commands[] = {
    {"check",   run_check},     /* lovc check FILE.lov...          commands/cmd_check.c */
    {"build",   run_build},     /* lovc build FILE.lov -o DIR      commands/cmd_build.c */
    {"doc",     run_doc},       /* lovc doc FILE.lov -o PAGE       commands/cmd_doc.c */
    {"test",    run_test},      /* lovc test SUITE.scn...          commands/cmd_test.c */
    {"explain", run_explain},   /* lovc explain SUITE --scenario   commands/cmd_test.c */
    {"verify",  run_verify},    /* lovc verify FILE.lov            commands/cmd_verify.c */
    {"eval",    run_eval},      /* lovc eval FILE.lov --case JSON  commands/cmd_eval.c */
};

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
        fputs(commands_usage_text, stderr);
        return EXIT_USAGE;
    }
    const char *name = argv[1];
    if (strcmp(name, "-h") == 0 || strcmp(name, "--help") == 0 || strcmp(name, "help") == 0) {
        fputs(commands_usage_text, stdout);
        return finish_output(EXIT_OK);
    }
    if (strcmp(name, "--version") == 0) {
        printf("lovc %s\n", LOV_VERSION);
        return finish_output(EXIT_OK);
    }
    options opt = {0};
    int rc = commands_parse_options(argc - 2, argv + 2, &opt);
    if (rc == EXIT_OK) {
        const struct command *cmd = NULL;
        for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
            if (strcmp(name, commands[i].name) == 0)
                cmd = &commands[i];
        if (cmd)
            rc = commands_run_deep(cmd->run, &opt);
        else if (name[0] == '-')
            rc = usage_error("unknown option '%s'", name);
        else
            rc = usage_error("unknown command '%s'", name);
    }
    free(opt.files);
    free(opt.root);
    return finish_output(rc);
}
