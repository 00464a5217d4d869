/* SPDX-License-Identifier: Apache-2.0 */
/* libFuzzer harness: scenario suites, as 'lovc test' and 'lovc explain'
 * run them, on any bytes: the suite parser (flex + bison), the checker
 * against a module's descriptor, the runner (the entry point called
 * through libffi, external functions bound to the scenarios' answers), and
 * every report: the console's, TAP, JUnit XML, HTML and the explanation of
 * each scenario.
 *
 * The module is one rule set's generated C, linked into the harness (the
 * Makefile names it with FUZZ_MODULE and FUZZ_HEADER), so no code is
 * loaded with dlopen; the suite's 'for' line is read but not followed.
 * Any crash, sanitizer report, leak or hang is a defect. */
#define _DEFAULT_SOURCE  /* mkdtemp */

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "suites/report.h"
#include "suites/scenario.h"
#include "suites/scenario_run.h"
#include "support/util.h"

#include FUZZ_HEADER

#define CAT_(a, b) a##b
#define CAT(a, b) CAT_(a, b)
#define MODULE_DESC CAT(FUZZ_MODULE, _descriptor)
#define MODULE_ENTRY CAT(FUZZ_MODULE, _evaluate)

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char work[PATH_MAX];
static char junit[PATH_MAX + 32];
static char html[PATH_MAX + 32];
static FILE *devnull;

static void remove_files(void)
{
    unlink(junit);
    unlink(html);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    const char *dir = getenv("LOV_FUZZ_DIR");
    if (dir && *dir) {
        snprintf(work, sizeof work, "%s", dir);
    } else {
        const char *tmp = getenv("TMPDIR");
        snprintf(work, sizeof work, "%s/lov-fuzz-suite.XXXXXX", tmp && *tmp ? tmp : "/tmp");
        if (!mkdtemp(work)) {
            perror("fuzz-suite: mkdtemp");
            exit(2);
        }
    }
    snprintf(junit, sizeof junit, "%s/junit-%ld.xml", work, (long)getpid());
    snprintf(html, sizeof html, "%s/report-%ld.html", work, (long)getpid());
    devnull = fopen("/dev/null", "w");
    if (!devnull) {
        perror("fuzz-suite: /dev/null");
        exit(2);
    }
    atexit(remove_files);
    return 0;
}

/* Every report of a run, as 'lovc test' writes them (a broken run too). */
static void write_reports(scn_suite_run *run)
{
    char why[512];
    report_console(devnull, run, 1, false);
    report_console(devnull, run, 1, true);
    report_tap(devnull, run, 1);
    if (!report_junit(junit, run, 1, why, sizeof why) || !report_html(html, run, 1, why, sizeof why)) {
        fprintf(stderr, "fuzz-suite: cannot write a report: %s\n", why);
        abort();
    }
    report_totals t = report_count(run, 1);
    if (t.passed + t.failed != run->nresults) {
        fprintf(stderr, "fuzz-suite: %d passed + %d failed, of %d scenarios\n", t.passed, t.failed,
                run->nresults);
        abort();
    }
}

/* Runs a checked suite, and explains each scenario as 'lovc explain' does. */
static void run_all(scn_suite_run *run)
{
    const lov_module_desc *desc = run->module.desc;
    run->covered = xcalloc(desc->nprovisions + 1, sizeof *run->covered);
    run->nresults = run->suite->scenarios.len;
    run->results = xcalloc((size_t)run->nresults + 1, sizeof *run->results);
    for (int i = 0; i < run->nresults; i++)
        scn_run(&run->module, run->suite, SCN_AT(run->suite->scenarios, i), &run->results[i], run->covered);
    for (int i = 0; i < run->nresults; i++)
        report_explain(devnull, run, &run->results[i]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    diag_ctx d;
    diag_init(&d, devnull);
    src_file *f = src_from_string("fuzz.scn", (const char *)data, size);
    scn_suite_run run;
    memset(&run, 0, sizeof run);
    run.suite_path = "fuzz.scn";
    run.rules_path = "rules.lov";
    run.suite = scn_parse(f, &d);
    run.broken = true;
    char why[512];
    if (d.errors == 0 && run.suite->rules) {
        void (*entry)(void) = (void (*)(void))MODULE_ENTRY;
        if (!scn_module_attach(&run.module, &MODULE_DESC, entry, why, sizeof why)) {
            fprintf(stderr, "fuzz-suite: %s\n", why);
            abort();
        }
        if (scn_check(run.suite, run.module.desc, &d)) {
            if (!scn_module_bind(&run.module, NULL, why, sizeof why)) {
                fprintf(stderr, "fuzz-suite: cannot bind the external functions: %s\n", why);
                abort();
            }
            run.broken = false;
            run_all(&run);
        }
    }
    write_reports(&run);
    for (int i = 0; i < run.nresults; i++)
        scn_result_free(&run.results[i]);
    free(run.results);
    free(run.covered);
    scn_module_close(&run.module);
    scn_suite_free(run.suite);
    return 0;
}
