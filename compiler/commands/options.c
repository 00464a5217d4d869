/* SPDX-License-Identifier: Apache-2.0 */
/* The command line of lovc: one table of options, each command's share of
 * it (main.c names them), read with getopt_long_only so that '-Werror' is
 * one option; the help texts made from the same tables, so they cannot
 * drift from what is accepted; and the set-up of messages. */
#define _XOPEN_SOURCE 700  /* realpath */

#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "commands/commands.h"
#include "support/util.h"

enum option_id {
    OPT_HELP = 'h', OPT_OUT = 'o',
    OPT_WERROR = 256, OPT_COLOR, OPT_ROOT, OPT_CACHE, OPT_SO, OPT_EMIT_SCENARIO, OPT_JUNIT, OPT_TAP,
    OPT_HTML, OPT_EXTERNALS, OPT_RULES, OPT_ENGINE, OPT_SCENARIO, OPT_CASE, OPT_TRACE, OPT_COMPILED,
    OPT_LIST_BOUND, OPT_TIMEOUT, OPT_INPUT, OPT_OUTPUT, OPT_FORMAT, OPT_KEY, OPT_LIST, OPT_MONEY_UNIT,
    OPT_DATES, OPT_EVERY, OPT_REASONS, OPT_JOBS = 'j',
};

/* Every option of every command. 'value' names the argument (NULL: none);
 * 'missing' is the message when it is left out. The options every command
 * takes are those of COMMON_OPTIONS. */
static const struct option_spec {
    const char *name;
    int id;
    const char *value;
    const char *help;
    const char *missing;
} specs[] = {
    {"o", OPT_OUT, "DIR", "the folder (build) or the page (doc) to write", "%s needs a folder"},
    {"so", OPT_SO, NULL, "also compile DIR/NAME.so with $CC (default cc)", NULL},
    {"emit-scenario", OPT_EMIT_SCENARIO, "FILE.scn",
     "write the cases found (check: the findings', verify: the refuting ones, diff: the differing ones) as a "
     "suite for 'lovc test'",
     "%s needs a file name"},
    {"junit", OPT_JUNIT, "FILE", "also write a JUnit XML report", "%s needs a file name"},
    {"tap", OPT_TAP, NULL, "report in TAP on standard output instead", NULL},
    {"html", OPT_HTML, "FILE", "also write an HTML report", "%s needs a file name"},
    {"rules", OPT_RULES, "FILE.lov", "run against these rules instead of those the suite names",
     "%s needs a file name"},
    {"externals", OPT_EXTERNALS, "LIB.so", "the shared library with the rules' external functions",
     "%s needs a file name"},
    {"engine", OPT_ENGINE, "ENGINE",
     "compiled (the default) or interpreter: the reference interpreter, with no C compiler",
     "%s needs 'interpreter' or 'compiled'"},
    {"scenario", OPT_SCENARIO, "NAME", "the scenario to explain or run: its name, the beginning of its name, or its number", "%s needs the name of a scenario"},
    {"case", OPT_CASE, "CASE.json", "the facts of the case, as JSON", "%s needs a file name"},
    {"trace", OPT_TRACE, NULL, "with the steps of the decision", NULL},
    {"compiled", OPT_COMPILED, "MODULE.so", "run the case on this compiled module instead of the interpreter",
     "%s needs a file name"},
    {"list-bound", OPT_LIST_BOUND, "N", "prove for lists of up to N items (default 3)",
     "%s needs a number of items from 0 to 50"},
    {"timeout", OPT_TIMEOUT, "SECONDS", "give up an assertion (diff: an output) after SECONDS (default 10)",
     "%s needs a number of seconds from 1 to 3600"},
    {"cache", OPT_CACHE, "DIR",
     "where compiled rules are kept (default: $LOVC_CACHE, else ~/.cache/lovc); a folder of your own "
     "that only you can write to", "%s needs a folder"},
    {"input", OPT_INPUT, "CASES", "the caseload: JSON Lines (.jsonl) or CSV (.csv); - for standard input",
     "%s needs a file name"},
    {"output", OPT_OUTPUT, "FILE",
     "write the decisions (diff: the differing cases) there, as JSON Lines or CSV after its name; - for "
     "standard output", "%s needs a file name"},
    {"format", OPT_FORMAT, "FORMAT", "jsonl or csv: the caseload's format, when its name does not say",
     "%s needs jsonl or csv"},
    {"key", OPT_KEY, "COLUMN", "the case key: a column (a JSON member) written with every decision",
     "%s needs the name of a column"},
    {"list", OPT_LIST, "NAME=FILE.csv", "the rows of the list input NAME, joined to the cases on --key",
     "%s needs NAME=FILE.csv"},
    {"money-unit", OPT_MONEY_UNIT, "UNIT", "øre: amounts as whole numbers of øre, read and written",
     "%s needs 'øre'"},
    {"dates", OPT_DATES, "FROM..UNTIL", "decide each case on every date of the range (see --every)",
     "%s needs FROM..UNTIL"},
    {"every", OPT_EVERY, "UNIT", "day, week, month (the default) or year: the step of --dates",
     "%s needs day, week, month or year"},
    {"reasons", OPT_REASONS, NULL, "with the provisions that decided each output, with their citations", NULL},
    {"j", OPT_JOBS, "N", "decide on N threads (default: the machine's cores)",
     "%s needs a number of threads from 1 to 64"},
    {"Werror", OPT_WERROR, NULL, "treat warnings as errors", NULL},
    {"color", OPT_COLOR, "WHEN", "colour the messages: auto (the default), always or never",
     "%s needs auto, always or never"},
    {"root", OPT_ROOT, "DIR",
     "every 'use' and every suite's 'for' must name a file inside DIR (symbolic links followed): "
     "for rules and suites one does not trust", "%s needs a folder"},
    {"help", OPT_HELP, NULL, "show the help of the command", NULL},
};
#define NSPECS (sizeof specs / sizeof specs[0])
#define COMMON_OPTIONS "Werror color root help"

static const char *current = "";  /* the command being read, for the hint to its help */

/* Does the space-separated list hold name? */
static bool listed(const char *list, const char *name)
{
    size_t n = strlen(name);
    for (const char *p = list; p && *p;) {
        while (*p == ' ')
            p++;
        size_t len = strcspn(p, " ");
        if (len == n && strncmp(p, name, n) == 0)
            return true;
        p += len;
    }
    return false;
}

static bool takes(const command *cmd, const struct option_spec *s)
{
    return listed(cmd->options, s->name) || listed(COMMON_OPTIONS, s->name);
}

/* '-o DIR', '-Werror', '--color=WHEN', '--junit FILE', as the help shows it. */
static const char *shown(const struct option_spec *s, char *buf, size_t cap)
{
    bool single = strlen(s->name) == 1 || strcmp(s->name, "Werror") == 0;
    if (s->id == OPT_HELP)
        snprintf(buf, cap, "-h, --help");
    else
        snprintf(buf, cap, "%s%s%s%s", single ? "-" : "--", s->name,
                 s->value ? (s->id == OPT_COLOR ? "=" : " ") : "", s->value ? s->value : "");
    return buf;
}

/* Prints text from column 22, broken between words before column 80. */
static void wrapped(FILE *out, int col, const char *text)
{
    const int indent = 22, width = 79;
    if (col > indent - 1) {
        fputc('\n', out);
        col = 0;
    }
    fprintf(out, "%*s", indent - col, "");
    col = indent;
    for (const char *p = text; *p;) {
        size_t len = strcspn(p, " ");
        if (col > indent && col + 1 + (int)len > width) {
            fprintf(out, "\n%*s", indent, "");
            col = indent;
        } else if (col > indent) {
            fputc(' ', out);
            col++;
        }
        for (size_t k = 0; k < len; k++)     /* '\1': a space that does not break */
            fputc(p[k] == '\1' ? ' ' : p[k], out);
        col += (int)len;
        p += len;
        while (*p == ' ')
            p++;
    }
    fputc('\n', out);
}

static void option_lines(FILE *out, const char *list)
{
    for (size_t i = 0; i < NSPECS; i++) {
        if (!listed(list, specs[i].name))
            continue;
        char buf[64];
        int col = fprintf(out, "  %s", shown(&specs[i], buf, sizeof buf));
        wrapped(out, col, specs[i].help);
    }
}

void commands_print_help(FILE *out, const command *cmds, size_t ncmds)
{
    fputs("usage: lovc COMMAND [OPTIONS] FILE...\n"
          "       lovc help COMMAND   (or lovc COMMAND --help) what one command does, and its options\n"
          "\nCommands:\n", out);
    for (size_t i = 0; i < ncmds; i++) {
        int col = fprintf(out, "  %s %s", cmds[i].name, cmds[i].synopsis);
        wrapped(out, col, cmds[i].summary);
        if (!*cmds[i].options)
            continue;
        char line[512] = "[";
        for (size_t k = 0; k < NSPECS; k++) {
            if (!listed(cmds[i].options, specs[k].name))
                continue;
            char buf[64];
            shown(&specs[k], buf, sizeof buf);
            for (char *b = buf; *b; b++)
                if (*b == ' ')
                    *b = '\1';
            size_t used = strlen(line);
            snprintf(line + used, sizeof line - used, "%s%s", used > 1 ? "] [" : "", buf);
        }
        strncat(line, "]", sizeof line - strlen(line) - 1);
        wrapped(out, 0, line);
    }
    fputs("\nOptions of every command:\n", out);
    option_lines(out, COMMON_OPTIONS);
    fputs("  --version           show the version of lovc\n"
          "\nMessages have the form FILE:LINE:COLUMN: error: TEXT, with the line and a caret.\n"
          "Exit status: 0 no errors, 1 errors were found, 2 the command line is wrong.\n", out);
}

void commands_print_command_help(FILE *out, const command *cmd)
{
    fprintf(out, "usage: lovc %s%s%s [OPTIONS]\n\n", cmd->name, *cmd->synopsis ? " " : "", cmd->synopsis);
    int col = fprintf(out, "  %s", cmd->name);
    wrapped(out, col, cmd->summary);
    if (*cmd->options) {
        fputs("\nOptions:\n", out);
        option_lines(out, cmd->options);
    }
    fputs("\nOptions of every command:\n", out);
    option_lines(out, COMMON_OPTIONS);
    fputs("\nExit status: 0 no errors, 1 errors were found, 2 the command line is wrong.\n", out);
}

int usage_error(const char *fmt, const char *arg)
{
    fputs("lovc: ", stderr);
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nTry 'lovc %s%s--help' for more information.\n", current, *current ? " " : "");
    return EXIT_USAGE;
}

/* An option of some other command: say whose it is. */
static int not_ours(const command *cmds, size_t ncmds, const command *cmd, const struct option_spec *s)
{
    char buf[64], owners[256] = "";
    for (size_t i = 0; i < ncmds; i++)
        if (listed(cmds[i].options, s->name)) {
            size_t used = strlen(owners);
            snprintf(owners + used, sizeof owners - used, "%s'lovc %s'", used ? " and " : "", cmds[i].name);
        }
    char msg[512];
    snprintf(msg, sizeof msg, "%%s is an option of %s, not of 'lovc %s'", owners, cmd->name);
    shown(s, buf, sizeof buf);
    buf[strcspn(buf, " =")] = '\0';
    return usage_error(msg, buf);
}

static int option_value(int id, const char *name, const char *v, options *opt)
{
    switch (id) {
    case OPT_OUT: opt->out_dir = v; break;
    case OPT_EMIT_SCENARIO: opt->verify.scenario = v; break;
    case OPT_JUNIT: opt->test.junit = v; break;
    case OPT_HTML: opt->test.html = v; break;
    case OPT_RULES: opt->test.rules = v; break;
    case OPT_EXTERNALS: opt->test.externals = v; break;
    case OPT_SCENARIO: opt->test.scenario = v; break;
    case OPT_CASE: opt->case_file = v; break;
    case OPT_INPUT: opt->run.input = v; break;
    case OPT_OUTPUT: opt->run.output = v; break;
    case OPT_FORMAT: opt->run.format = v; break;
    case OPT_KEY: opt->run.key = v; break;
    case OPT_DATES: opt->run.dates = v; break;
    case OPT_EVERY: opt->run.every = v; break;
    case OPT_MONEY_UNIT:
        if (strcmp(v, "øre") != 0 && strcmp(v, "ore") != 0)
            return usage_error("--money-unit needs 'øre' (whole numbers of øre), not '%s'", v);
        opt->run.money_ore = true;
        break;
    case OPT_JOBS: {
        char *end = NULL;
        long n = strtol(v, &end, 10);
        if (!*v || *end || n < 1 || n > 64)
            return usage_error("-j needs a number of threads from 1 to 64, not '%s'", v);
        opt->run.jobs = (int)n;
        break;
    }
    case OPT_LIST: {
        char *list = (char *)v;  /* an argument of argv: the program's to change */
        char *eq = strchr(list, '=');
        if (!eq || eq == list || !eq[1])
            return usage_error("--list needs NAME=FILE.csv (the list input and its file), not '%s'", v);
        if (opt->run.nlists == CL_MAX_LISTS)
            return usage_error("%s: at most 16 list files", name);
        *eq = '\0';  /* the name ends there */
        opt->run.list_name[opt->run.nlists] = list;
        opt->run.list_file[opt->run.nlists++] = eq + 1;
        break;
    }
    case OPT_COMPILED: opt->compiled = v; break;
    case OPT_CACHE: opt->test.cache = opt->verify.cache = v; break;
    case OPT_ENGINE:
        if (strcmp(v, "interpreter") != 0 && strcmp(v, "compiled") != 0)
            return usage_error("%s needs 'interpreter' or 'compiled'", name);
        opt->test.interpreter = strcmp(v, "interpreter") == 0;
        break;
    case OPT_COLOR:
        if (strcmp(v, "auto") != 0 && strcmp(v, "always") != 0 && strcmp(v, "never") != 0)
            return usage_error("--color needs auto, always or never; '%s' is none of them", v);
        opt->color = strcmp(v, "auto") == 0 ? -1 : strcmp(v, "always") == 0;
        break;
    case OPT_LIST_BOUND:
    case OPT_TIMEOUT: {
        bool bound = id == OPT_LIST_BOUND;
        char *end = NULL;
        long n = strtol(v, &end, 10);
        if (!*v || *end || n < (bound ? 0 : 1) || n > (bound ? 50 : 3600))
            return usage_error(bound ? "%s needs a number of items from 0 to 50"
                                     : "%s needs a number of seconds from 1 to 3600", name);
        *(bound ? &opt->verify.list_bound : &opt->verify.timeout) = (int)n;
        break;
    }
    case OPT_ROOT: {
        char real[PATH_MAX];
        struct stat st;
        if (!realpath(v, real) || stat(real, &st) != 0 || !S_ISDIR(st.st_mode))
            return usage_error("--root needs a folder that exists; '%s' is none", v);
        free(opt->root);
        opt->root = xstrdup(real);
        opt->test.root = opt->verify.root = opt->root;
        break;
    }
    }
    return EXIT_OK;
}

int commands_parse_options(const command *cmds, size_t ncmds, const command *cmd, int argc, char **argv,
                           options *opt)
{
    current = cmd->name;
    opt->color = -1;
    opt->verify.list_bound = VERIFY_DEFAULT_LIST_BOUND;
    opt->verify.timeout = VERIFY_DEFAULT_TIMEOUT;
    opt->files = xcalloc((size_t)argc + 1, sizeof *opt->files);

    /* Every command's options are known to getopt, so that one of another
     * command is named as such rather than as unknown. */
    struct option longs[NSPECS + 1];
    size_t n = 0;
    for (size_t i = 0; i < NSPECS; i++)
        if (strlen(specs[i].name) > 1)
            longs[n++] = (struct option){specs[i].name, specs[i].value ? required_argument : no_argument,
                                         NULL, specs[i].id};
    longs[n] = (struct option){NULL, 0, NULL, 0};

    /* '-': the files in their order, as value 1; ':': a missing value is
     * reported as ':', by us. argv[0] is the command's name. */
    opterr = 0;
    optind = 0;
    int c;
    while ((c = getopt_long_only(argc, argv, "-:ho:j:", longs, NULL)) != -1) {
        const char *given = argv[optind - 1];
        if (c == 1) {
            opt->files[opt->nfiles++] = optarg;
            continue;
        }
        if (c == '?')
            return usage_error("unknown option '%s'", given);
        const struct option_spec *s = NULL;
        for (size_t i = 0; i < NSPECS; i++)
            if (specs[i].id == (c == ':' ? optopt : c))
                s = &specs[i];
        if (!s)
            return usage_error("unknown option '%s'", given);
        if (!takes(cmd, s))
            return not_ours(cmds, ncmds, cmd, s);
        char name[64];
        shown(s, name, sizeof name);
        name[strcspn(name, " =")] = '\0';
        if (c == ':')
            return usage_error(s->missing, name);
        if (s->id == OPT_HELP)
            opt->help = true;
        else if (s->id == OPT_WERROR)
            opt->werror = true;
        else if (s->id == OPT_SO)
            opt->so = true;
        else if (s->id == OPT_TAP)
            opt->test.tap = true;
        else if (s->id == OPT_TRACE)
            opt->trace = true;
        else if (s->id == OPT_REASONS)
            opt->run.reasons = true;
        else if (option_value(s->id, name, optarg, opt) != EXIT_OK)
            return EXIT_USAGE;
    }
    while (optind < argc)
        opt->files[opt->nfiles++] = argv[optind++];
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
