/* lovc: the driver.
 *
 * Each command reads top to bottom as the pipeline runs: load (scan, parse,
 * follow 'use'), check (names, types), then the command's own work. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "build.h"
#include "cmd_test.h"
#include "cmd_verify.h"
#include "doc_html.h"
#include "program.h"

#ifndef LOVC_VERSION
#define LOVC_VERSION "unknown"
#endif

enum { EXIT_OK = 0, EXIT_ERRORS = 1, EXIT_USAGE = 2 };

static const char usage_text[] =
    "usage: lovc COMMAND [OPTIONS] FILE...\n"
    "\n"
    "Commands:\n"
    "  check FILE.lov...   read the rules, check names and types; report every problem\n"
    "  build FILE.lov -o DIR [--so]\n"
    "                      write DIR/NAME.c and DIR/NAME.h, the C evaluator of the rules;\n"
    "                      with --so also compile DIR/NAME.so with $CC (default cc)\n"
    "  doc FILE.lov -o FILE.html\n"
    "                      the rules as a page that reads like law, for review\n"
    "  test SUITE.scn...   run scenario suites against the rules they name\n"
    "                      [--junit FILE] [--tap] [--html FILE] [--externals LIB.so]\n"
    "                      [--rules FILE.lov] (other rules than the suite names)\n"
    "  explain SUITE.scn --scenario NAME\n"
    "                      the whole decision for one scenario, with its reasons\n"
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
    "  --cache DIR         where 'test' and 'verify' keep compiled rules (default: $LOVC_CACHE,\n"
    "                      else ~/.cache/lovc)\n"
    "\n"
    "Messages have the form FILE:LINE:COLUMN: error: TEXT, with the line and a caret.\n"
    "Exit status: 0 no errors, 1 errors were found, 2 the command line is wrong.\n";

typedef struct options {
    bool werror;
    bool so;                 /* build: also compile a shared module */
    const char *out_dir;     /* build: -o DIR */
    test_options test;       /* test and explain */
    verify_options verify;   /* verify */
    int color;               /* -1 auto, 0 never, 1 always */
    const char **files;
    int nfiles;
} options;

static int usage_error(const char *fmt, const char *arg)
{
    fputs("lovc: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\nTry 'lovc --help' for more information.\n", stderr);
    return EXIT_USAGE;
}

/* Reads the options after the command; returns EXIT_OK or EXIT_USAGE. */
static int parse_options(int argc, char **argv, options *opt)
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
                 || strcmp(a, "--emit-scenario") == 0) {
            if (i + 1 >= argc)
                return usage_error(strcmp(a, "-o") == 0 ? "%s needs a folder"
                                   : strcmp(a, "--scenario") == 0 ? "%s needs the name of a scenario"
                                   : strcmp(a, "--cache") == 0 ? "%s needs a folder" : "%s needs a file name", a);
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

static void setup_diag(diag_ctx *d, const options *opt)
{
    diag_init(d, stderr);
    d->werror = opt->werror;
    const char *no_color = getenv("NO_COLOR");
    d->color = opt->color == 1
               || (opt->color == -1 && isatty(fileno(stderr)) && !(no_color && *no_color));
}

/* Errors as the user saw them: under -Werror the warnings were errors. */
static int errors_shown(const diag_ctx *d)
{
    return d->errors + (d->werror ? d->warnings : 0);
}

/* lovc check FILE...: every file is loaded and checked, even after errors. */
static int cmd_check(const options *opt)
{
    if (opt->nfiles == 0)
        return usage_error("%s", "check needs at least one .lov file");
    diag_ctx d;
    setup_diag(&d, opt);
    for (int i = 0; i < opt->nfiles; i++) {
        program *p = program_load(opt->files[i], &d);
        if (!p)
            continue;
        /* The safety checks read a whole, well-typed module only. */
        if (program_check(p))
            program_check_safety(p);
        program_free(p);
    }
    if (d.errors || d.warnings)
        fprintf(stderr, "%d error%s, %d warning%s\n", errors_shown(&d), errors_shown(&d) == 1 ? "" : "s",
                d.werror ? 0 : d.warnings, !d.werror && d.warnings == 1 ? "" : "s");
    return diag_failed(&d) ? EXIT_ERRORS : EXIT_OK;
}

/* lovc build FILE -o DIR [--so]: check, then write the C (and the .so). */
static int cmd_build(const options *opt)
{
    if (opt->nfiles != 1)
        return usage_error("%s", "build needs exactly one .lov file");
    if (!opt->out_dir)
        return usage_error("%s", "build needs the output folder: -o DIR");
    diag_ctx d;
    setup_diag(&d, opt);
    program *p = program_load(opt->files[0], &d);
    if (!p)
        return EXIT_ERRORS;
    int rc = EXIT_OK;
    if (program_check(p))
        program_check_safety(p);
    if (diag_failed(&d)) {
        fprintf(stderr, "%d error%s; nothing was written\n", errors_shown(&d), errors_shown(&d) == 1 ? "" : "s");
        rc = EXIT_ERRORS;
    } else if (!build_module(p, opt->out_dir, opt->so, &d)) {
        rc = EXIT_ERRORS;
    }
    program_free(p);
    return rc;
}

/* lovc doc FILE -o PAGE: check, then render the rules for review. */
static int cmd_doc(const options *opt)
{
    if (opt->nfiles != 1)
        return usage_error("%s", "doc needs exactly one .lov file");
    if (!opt->out_dir)
        return usage_error("%s", "doc needs the page to write: -o FILE.html");
    diag_ctx d;
    setup_diag(&d, opt);
    program *p = program_load(opt->files[0], &d);
    if (!p)
        return EXIT_ERRORS;
    int rc = EXIT_OK;
    char why[1024];
    if (!program_check(p) || diag_failed(&d)) {
        fprintf(stderr, "%d error%s; nothing was written\n", d.errors, d.errors == 1 ? "" : "s");
        rc = EXIT_ERRORS;
    } else if (!doc_write_html(p, opt->out_dir, why, sizeof why)) {
        diag_file_error(&d, opt->out_dir, "%s", why);
        rc = EXIT_ERRORS;
    }
    program_free(p);
    return rc;
}

/* lovc verify FILE: prove the assertions, or refute them with a case. */
static int cmd_verify_file(options *opt)
{
    if (opt->nfiles != 1)
        return usage_error("%s", "verify needs exactly one .lov file");
    diag_ctx d;
    setup_diag(&d, opt);
    opt->verify.path = opt->files[0];
    return cmd_verify(&opt->verify, &d);
}

/* lovc test SUITE...: run the suites; 0 all passed, 1 a scenario failed,
 * 2 a suite or its rules could not be read. */
static int cmd_run_suites(options *opt, bool explain)
{
    if (opt->nfiles == 0)
        return usage_error("%s", explain ? "explain needs a .scn file and --scenario NAME"
                                         : "test needs at least one .scn file");
    if (explain && (opt->nfiles != 1 || !opt->test.scenario))
        return usage_error("%s", "explain needs one .scn file and --scenario NAME");
    diag_ctx d;
    setup_diag(&d, opt);
    opt->test.files = opt->files;
    opt->test.nfiles = opt->nfiles;
    const char *no_color = getenv("NO_COLOR");
    opt->test.color = opt->color == 1
                      || (opt->color == -1 && isatty(fileno(stdout)) && !(no_color && *no_color));
    return explain ? cmd_explain(&opt->test, &d) : cmd_test(&opt->test, &d);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs(usage_text, stderr);
        return EXIT_USAGE;
    }
    const char *command = argv[1];
    if (strcmp(command, "-h") == 0 || strcmp(command, "--help") == 0 || strcmp(command, "help") == 0) {
        fputs(usage_text, stdout);
        return EXIT_OK;
    }
    if (strcmp(command, "--version") == 0) {
        printf("lovc %s\n", LOVC_VERSION);
        return EXIT_OK;
    }
    options opt = {0};
    int rc = parse_options(argc - 2, argv + 2, &opt);
    if (rc == EXIT_OK) {
        if (strcmp(command, "check") == 0)
            rc = cmd_check(&opt);
        else if (strcmp(command, "build") == 0)
            rc = cmd_build(&opt);
        else if (strcmp(command, "doc") == 0)
            rc = cmd_doc(&opt);
        else if (strcmp(command, "test") == 0)
            rc = cmd_run_suites(&opt, false);
        else if (strcmp(command, "explain") == 0)
            rc = cmd_run_suites(&opt, true);
        else if (strcmp(command, "verify") == 0)
            rc = cmd_verify_file(&opt);
        else if (command[0] == '-')
            rc = usage_error("unknown option '%s'", command);
        else
            rc = usage_error("unknown command '%s'", command);
    }
    free(opt.files);
    return rc;
}
