/* The command line of lovc: the options every command reads, the help
 * text, and the set-up of messages. */
#define _XOPEN_SOURCE 700  /* realpath */

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "commands/commands.h"
#include "support/util.h"

const char commands_usage_text[] =
    "usage: lovc COMMAND [OPTIONS] FILE...\n"
    "\n"
    "Commands:\n"
    "  check FILE.lov...   read the rules, check names and types; report every problem\n"    "                      [--emit-scenario FILE.scn] (the findings' cases, for 'lovc test')\n"
    "  build FILE.lov -o DIR [--so]\n"
    "                      write DIR/NAME.c and DIR/NAME.h, the C evaluator of the rules;\n"
    "                      with --so also compile DIR/NAME.so with $CC (default cc)\n"
    "  doc FILE.lov -o FILE.html\n"
    "                      the rules as a page that reads like law, for review\n"
    "  test SUITE.scn...   run scenario suites against the rules they name\n"
    "                      [--junit FILE] [--tap] [--html FILE] [--externals LIB.so]\n"
    "                      [--rules FILE.lov] (other rules than the suite names)\n"
    "                      [--engine interpreter] (run the rules on the reference\n"
    "                      interpreter, with no C compiler; the default is compiled)\n"
    "  explain SUITE.scn --scenario NAME\n"
    "                      the whole decision for one scenario, with its reasons\n"
    "  eval FILE.lov --case CASE.json\n"
    "                      the decision of the reference interpreter for one case, as JSON\n"
    "                      [--trace] (with the steps of the decision)\n"
    "                      [--compiled MODULE.so] (run the case on a compiled module instead)\n"
    "                      [--externals LIB.so] (the external functions)\n"
    "  verify FILE.lov     prove every assertion for all cases, or refute it with a case\n"
    "                      [--list-bound N] (lists of up to N items; default 3)\n"
    "                      [--timeout SECONDS] (per assertion; default 10)\n"
    "                      [--emit-scenario FILE.scn] (the refuting cases, for 'lovc test')\n"
    "\n"
    "Options:\n"
    "  -Werror             treat warnings as errors\n"
    "  --color=WHEN        colour the messages: auto (the default), always or never\n"
    "  -h, --help          show this help\n"
    "  --version           show the version of lovc\n"
    "  --root DIR          every 'use' and every suite's 'for' must name a file inside DIR\n"
    "                      (symbolic links followed): for rules and suites one does not trust\n"
    "  --cache DIR         where 'test' and 'verify' keep compiled rules (default: $LOVC_CACHE,\n"
    "                      else ~/.cache/lovc); a folder of your own that only you can write to\n"
    "\n"
    "Messages have the form FILE:LINE:COLUMN: error: TEXT, with the line and a caret.\n"
    "Exit status: 0 no errors, 1 errors were found, 2 the command line is wrong.\n";

int usage_error(const char *fmt, const char *arg)
{
    fputs("lovc: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\nTry 'lovc --help' for more information.\n", stderr);
    return EXIT_USAGE;
}

/* Reads the options after the command; returns EXIT_OK or EXIT_USAGE. */
int commands_parse_options(int argc, char **argv, options *opt)
{
    opt->color = -1;
    opt->verify.list_bound = VERIFY_DEFAULT_LIST_BOUND;
    opt->verify.timeout = VERIFY_DEFAULT_TIMEOUT;
    opt->files = calloc((size_t)argc + 1, sizeof *opt->files);
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-Werror") == 0)
            opt->werror = true;
        else if (strcmp(a, "--color=auto") == 0)
            opt->color = -1;
        else if (strcmp(a, "--color=always") == 0)
            opt->color = 1;
        else if (strcmp(a, "--color=never") == 0)
            opt->color = 0;
        else if (strcmp(a, "--so") == 0)
            opt->so = true;
        else if (strcmp(a, "--tap") == 0)
            opt->test.tap = true;
        else if (strcmp(a, "--trace") == 0)
            opt->trace = true;
        else if (strcmp(a, "--engine") == 0) {
            const char *v = i + 1 < argc ? argv[i + 1] : "";
            if (strcmp(v, "interpreter") != 0 && strcmp(v, "compiled") != 0)
                return usage_error("%s needs 'interpreter' or 'compiled'", a);
            opt->test.interpreter = strcmp(argv[++i], "interpreter") == 0;
        }
        else if (strcmp(a, "--list-bound") == 0 || strcmp(a, "--timeout") == 0) {
            bool bound = strcmp(a, "--list-bound") == 0;
            char *end = NULL;
            long n = i + 1 < argc ? strtol(argv[i + 1], &end, 10) : -1;
            if (!end || *end || n < (bound ? 0 : 1) || n > (bound ? 50 : 3600))
                return usage_error(bound ? "%s needs a number of items from 0 to 50"
                                         : "%s needs a number of seconds from 1 to 3600", a);
            i++;
            *(bound ? &opt->verify.list_bound : &opt->verify.timeout) = (int)n;
        }
        else if (strcmp(a, "-o") == 0 || strcmp(a, "--junit") == 0 || strcmp(a, "--html") == 0
                 || strcmp(a, "--externals") == 0 || strcmp(a, "--cache") == 0
                 || strcmp(a, "--scenario") == 0 || strcmp(a, "--rules") == 0
                 || strcmp(a, "--emit-scenario") == 0 || strcmp(a, "--root") == 0
                 || strcmp(a, "--case") == 0 || strcmp(a, "--compiled") == 0) {
            if (i + 1 >= argc)
                return usage_error(strcmp(a, "-o") == 0 ? "%s needs a folder"
                                   : strcmp(a, "--scenario") == 0 ? "%s needs the name of a scenario"
                                   : strcmp(a, "--cache") == 0 || strcmp(a, "--root") == 0 ? "%s needs a folder"
                                   : "%s needs a file name", a);
            const char *v = argv[++i];
            if (strcmp(a, "-o") == 0)
                opt->out_dir = v;
            else if (strcmp(a, "--junit") == 0)
                opt->test.junit = v;
            else if (strcmp(a, "--html") == 0)
                opt->test.html = v;
            else if (strcmp(a, "--externals") == 0)
                opt->test.externals = v;
            else if (strcmp(a, "--cache") == 0)
                opt->test.cache = opt->verify.cache = v;
            else if (strcmp(a, "--rules") == 0)
                opt->test.rules = v;
            else if (strcmp(a, "--emit-scenario") == 0)
                opt->verify.scenario = v;
            else if (strcmp(a, "--root") == 0) {
                char real[PATH_MAX];
                struct stat st;
                if (!realpath(v, real) || stat(real, &st) != 0 || !S_ISDIR(st.st_mode))
                    return usage_error("--root needs a folder that exists; '%s' is none", v);
                free(opt->root);
                opt->root = xstrdup(real);
                opt->test.root = opt->verify.root = opt->root;
            }
            else if (strcmp(a, "--case") == 0)
                opt->case_file = v;
            else if (strcmp(a, "--compiled") == 0)
                opt->compiled = v;
            else
                opt->test.scenario = v;
        } else if (strcmp(a, "--") == 0) {
            while (++i < argc)
                opt->files[opt->nfiles++] = argv[i];
        } else if (a[0] == '-' && a[1] != '\0')
            return usage_error("unknown option '%s'", a);
        else
            opt->files[opt->nfiles++] = a;
    }
    return EXIT_OK;
}

void setup_diag(diag_ctx *d, const options *opt)
{
    diag_init(d, stderr);
    d->werror = opt->werror;
    const char *no_color = getenv("NO_COLOR");
    d->color = opt->color == 1
               || (opt->color == -1 && isatty(fileno(stderr)) && !(no_color && *no_color));
}

int errors_shown(const diag_ctx *d)
{
    return d->errors + (d->werror ? d->warnings : 0);
}
