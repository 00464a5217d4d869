/* SPDX-License-Identifier: Apache-2.0 */
/* The commands of lovc, one file each (cmd_*.c), and what they share: the
 * command line as read once by commands_parse_options (options.c), and how messages
 * are set up. main.c is the table that maps a command's name to its run_*
 * function. A run_* function returns the exit status: EXIT_OK, EXIT_ERRORS
 * or EXIT_USAGE (and 'test' and 'explain' say more in cmd_test.h). */
#ifndef LOVC_COMMANDS_H
#define LOVC_COMMANDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "commands/caseload.h"
#include "commands/cmd_test.h"
#include "commands/cmd_verify.h"
#include "support/diag.h"

enum { EXIT_OK = 0, EXIT_ERRORS = 1, EXIT_USAGE = 2 };

typedef struct options {
    bool help;               /* CMD --help: show the command's help, do nothing else */
    bool werror;
    bool so;                 /* build: also compile a shared module */
    const char *out_dir;     /* build: -o DIR */
    test_options test;       /* test and explain */
    verify_options verify;   /* verify */
    int color;               /* -1 auto, 0 never, 1 always */
    char *root;              /* --root DIR as a real path (to free), or NULL */
    const char *case_file;   /* eval: --case CASE.json */
    bool trace;              /* eval: --trace */
    const char *compiled;    /* eval: --compiled MODULE.so, instead of the interpreter */
    run_options run;         /* run, and diff with a caseload */
    const char **files;
    int nfiles;
} options;

/* A command of lovc, as main.c's table lists it. */
typedef struct command {
    const char *name;
    int (*run)(options *opt);
    const char *synopsis;    /* what follows the name: "FILE.lov -o DIR" */
    const char *options;     /* its own options, by name (options.c), space-separated */
    const char *summary;     /* what it does, for the help */
} command;

/* 'lovc --help': the commands and the options every command takes. */
void commands_print_help(FILE *out, const command *cmds, size_t ncmds);

/* 'lovc CMD --help' and 'lovc help CMD'. */
void commands_print_command_help(FILE *out, const command *cmd);

/* Reads cmd's command line (argv[0] its name) with getopt_long_only;
 * returns EXIT_OK or EXIT_USAGE (the reason printed; an option of another
 * of cmds is named as such). */
int commands_parse_options(const command *cmds, size_t ncmds, const command *cmd, int argc, char **argv,
                           options *opt);

/* Prints "lovc: " and the message, with the hint to --help; returns EXIT_USAGE. */
int usage_error(const char *fmt, const char *arg);

/* Messages to standard error, coloured as --color and NO_COLOR say. */
void setup_diag(diag_ctx *d, const options *opt);

/* Errors as the user saw them: under -Werror the warnings were errors. */
int errors_shown(const diag_ctx *d);

int run_check(options *opt);
int run_build(options *opt);
int run_doc(options *opt);
int run_test(options *opt);
int run_explain(options *opt);
int run_verify(options *opt);
int run_eval(options *opt);
int run_run(options *opt);          /* lovc run (cmd_run.c) */
int run_diff(options *opt);         /* lovc diff: with --input here (cmd_diff.c), else run_diff_prove */
int run_diff_prove(options *opt);   /* lovc diff without --input (cmd_diff_prove.c) */
int run_lsp(options *opt);

/* Runs a command on a thread with a stack deep enough for the largest rule
 * sets (deep_stack.c); on the process's own stack if no thread can be had. */
int commands_run_deep(int (*run)(options *opt), options *opt);

#endif
