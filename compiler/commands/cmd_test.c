/* SPDX-License-Identifier: Apache-2.0 */
/* lovc test and lovc explain: read the suites, compile the rules they name
 * (cached), check the suites against the compiled module's descriptor, run
 * every scenario through libffi, report. With --engine interpreter the
 * reference interpreter runs the rules instead, behind the same interface. */
#define _XOPEN_SOURCE 700  /* realpath */

#include "commands/cmd_test.h"
#include "commands/commands.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "commands/engine_interp.h"
#include "emit/build.h"
#include "front/load.h"
#include "check/program.h"
#include "suites/report.h"
#include "suites/scenario.h"
#include "suites/scenario_run.h"

static bool exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* The rules file a suite names: beside the suite, or else from the folder
 * lovc runs in. */
static void rules_path(const char *suite_path, const char *rules, char *out, size_t cap)
{
    if (rules[0] != '/') {
        const char *slash = strrchr(suite_path, '/');
        if (slash) {
            snprintf(out, cap, "%.*s/%s", (int)(slash - suite_path), suite_path, rules);
            if (exists(out))
                return;
        }
    }
    snprintf(out, cap, "%s", rules);
}

/* Reads one suite, compiles its rules and checks it. False when it cannot
 * be run (the reasons are reported). */
static bool prepare(scn_suite_run *run, const test_options *o, diag_ctx *d)
{
    char why[8192];
    src_file *f = src_read(run->suite_path, why, sizeof why);
    if (!f) {
        diag_file_error(d, run->suite_path, "%s", why);
        return false;
    }
    char real[PATH_MAX];
    if (!src_name_ends_with(realpath(run->suite_path, real) ? real : run->suite_path, ".scn")
        && !src_starts_with_word(f, "suite")) {
        diag_file_error(d, run->suite_path, "this is not a scenario suite: its name does not end in .scn "
                        "and it does not start with 'suite' (lovc does not show what it holds)");
        src_free(f);
        return false;
    }
    int errors = d->errors;
    run->suite = scn_parse(f, d);
    if (d->errors > errors || !run->suite->rules)
        return false;

    char path[PATH_MAX];
    if (o->rules)
        snprintf(path, sizeof path, "%s", o->rules);
    else
        rules_path(run->suite_path, run->suite->rules, path, sizeof path);
    run->rules_path = xstrdup(path);
    if (o->rules && !exists(path)) {
        diag_file_error(d, path, "cannot find the rules file given with --rules");
        return false;
    }
    if (!exists(path)) {
        diag_error(d, run->suite->rules_loc, "cannot find the rules file \"%s\" (looked beside the suite and "
                   "in the current folder)", run->suite->rules);
        return false;
    }
    if (o->root && !o->rules && (!realpath(path, real) || !load_inside_root(o->root, real))) {
        diag_error(d, run->suite->rules_loc, "the rules file \"%s\" is outside the folder given with --root",
                   run->suite->rules);
        return false;
    }
    program *p = program_load_in(path, o->root, o->rules ? NULL : &run->suite->rules_loc, d);
    if (!p)
        return false;
    /* Errors in these rules only: an earlier suite's do not stop this one. */
    bool ok = program_check(p);
    if (ok && o->interpreter) {
        /* No C at all: the reference interpreter runs the rules. */
        interp_attach(&run->module, p);
        if (!scn_check(run->suite, run->module.desc, d))
            return false;
        if (!scn_module_bind(&run->module, o->externals, why, sizeof why)) {
            diag_file_error(d, o->externals ? o->externals : path, "%s", why);
            return false;
        }
        return true;
    }
    char so[PATH_MAX], cache[PATH_MAX];
    if (ok && !build_cached(p, o->cache ? o->cache : build_cache_root(cache, sizeof cache), so, sizeof so, why,
                            sizeof why)) {
        diag_file_error(d, path, "%s", why);
        ok = false;
    }
    char c_name[256];
    snprintf(c_name, sizeof c_name, "%s", ok ? p->root->c_prefix : "");
    program_free(p);
    if (!ok)
        return false;
    if (!scn_module_load(&run->module, so, c_name, why, sizeof why)) {
        diag_file_error(d, so, "%s", why);
        return false;
    }
    if (!scn_check(run->suite, run->module.desc, d))
        return false;
    if (!scn_module_bind(&run->module, o->externals, why, sizeof why)) {
        diag_file_error(d, o->externals ? o->externals : path, "%s", why);
        return false;
    }
    return true;
}

/* Runs every scenario of the suite, or only the one at 'only' (>= 0). */
static void run_all(scn_suite_run *run, int only)
{
    const lov_module_desc *desc = run->module.desc;
    run->covered = xcalloc(desc->nprovisions + 1, sizeof *run->covered);
    run->nresults = only >= 0 ? 1 : run->suite->scenarios.len;
    run->results = xcalloc((size_t)run->nresults + 1, sizeof *run->results);
    for (int i = 0; i < run->nresults; i++)
        scn_run(&run->module, run->suite, SCN_AT(run->suite->scenarios, only >= 0 ? only : i), &run->results[i],
                run->covered);
}

/* The scenario --scenario names: the one of that exact name, the one of
 * that number (1 is the first), or the one whose name begins so, when no
 * other's does. -1, with the reason and the names there are on standard
 * error, when there is none or more than one. */
static int pick_scenario(const scn_suite *suite, const char *spec, const char *path)
{
    const scn_list *all = &suite->scenarios;
    for (int i = 0; i < all->len; i++)
        if (strcmp(((scn_scenario *)SCN_AT(*all, i))->name, spec) == 0)
            return i;
    char *end;
    long number = strtol(spec, &end, 10);
    if (*spec >= '1' && *spec <= '9' && *end == '\0') {
        if (number <= all->len)
            return (int)number - 1;
        fprintf(stderr, "lovc: the suite %s has %d scenarios; there is no scenario number %ld\n", path, all->len,
                number);
        return -1;
    }
    int found = -1, matches = 0;
    size_t len = strlen(spec);
    for (int i = 0; i < all->len; i++)
        if (len > 0 && strncmp(((scn_scenario *)SCN_AT(*all, i))->name, spec, len) == 0) {
            found = i;
            matches++;
        }
    if (matches == 1)
        return found;
    if (matches > 1) {
        fprintf(stderr, "lovc: \"%s\" begins the names of %d scenarios of %s; give more of the name, or the "
                        "number:\n", spec, matches, path);
        for (int i = 0; i < all->len; i++)
            if (strncmp(((scn_scenario *)SCN_AT(*all, i))->name, spec, len) == 0)
                fprintf(stderr, "  %d. \"%s\"\n", i + 1, ((scn_scenario *)SCN_AT(*all, i))->name);
        return -1;
    }
    fprintf(stderr, "lovc: the suite %s has no scenario named \"%s\"; its scenarios are:\n", path, spec);
    for (int i = 0; i < all->len; i++)
        fprintf(stderr, "  %d. \"%s\"\n", i + 1, ((scn_scenario *)SCN_AT(*all, i))->name);
    return -1;
}

static void finish(scn_suite_run *run)
{
    for (int i = 0; i < run->nresults; i++)
        scn_result_free(&run->results[i]);
    free(run->results);
    free(run->covered);
    if (run->module.evaluate)
        interp_close(&run->module);
    else if (run->module.handle)
        scn_module_close(&run->module);
    scn_suite_free(run->suite);
    free((char *)run->rules_path);
}

int cmd_test(const test_options *o, diag_ctx *d)
{
    scn_suite_run *runs = xcalloc((size_t)o->nfiles, sizeof *runs);
    bool broken = false;
    for (int i = 0; i < o->nfiles; i++) {
        runs[i].suite_path = o->files[i];
        int only = -1;
        if (prepare(&runs[i], o, d) && (!o->scenario || (only = pick_scenario(runs[i].suite, o->scenario,
                                                                               o->files[i])) >= 0))
            run_all(&runs[i], only);
        else
            runs[i].broken = broken = true;
    }
    int rc = 0;
    char why[1024];
    if (o->tap)
        report_tap(stdout, runs, o->nfiles);
    else
        report_console(stdout, runs, o->nfiles, o->color);
    if (o->junit && !report_junit(o->junit, runs, o->nfiles, why, sizeof why)) {
        diag_file_error(d, o->junit, "%s", why);
        broken = true;
    }
    if (o->html && !report_html(o->html, runs, o->nfiles, why, sizeof why)) {
        diag_file_error(d, o->html, "%s", why);
        broken = true;
    }
    report_totals t = report_count(runs, o->nfiles);
    rc = broken ? 2 : t.failed ? 1 : 0;
    for (int i = 0; i < o->nfiles; i++)
        finish(&runs[i]);
    free(runs);
    return rc;
}

int cmd_explain(const test_options *o, diag_ctx *d)
{
    scn_suite_run run;
    memset(&run, 0, sizeof run);
    run.suite_path = o->files[0];
    if (!prepare(&run, o, d)) {
        finish(&run);
        return 2;
    }
    int rc = 2;
    int i = pick_scenario(run.suite, o->scenario, o->files[0]);
    if (i >= 0) {
        scn_result r;
        run.covered = xcalloc(run.module.desc->nprovisions + 1, sizeof *run.covered);
        scn_run(&run.module, run.suite, SCN_AT(run.suite->scenarios, i), &r, run.covered);
        report_explain(stdout, &run, &r);
        rc = r.passed ? 0 : 1;
        scn_result_free(&r);
    }
    finish(&run);
    return rc;
}

/* lovc test SUITE...: run the suites; 0 all passed, 1 a scenario failed,
 * 2 a suite or its rules could not be read. */
static int run_suites(options *opt, bool explain)
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

int run_test(options *opt)
{
    return run_suites(opt, false);
}

int run_explain(options *opt)
{
    return run_suites(opt, true);
}
