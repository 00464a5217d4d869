/* SPDX-License-Identifier: Apache-2.0 */
/* Reports of scenario runs: on the terminal, as TAP, as JUnit XML and as a
 * self-contained HTML page; and the reasoned account of one decision
 * ('lovc explain'). */
#ifndef LOV_REPORT_H
#define LOV_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "suites/scenario.h"
#include "suites/scenario_run.h"

/* One suite, run (or not: a suite that could not be read or checked has
 * 'broken' set and no results). */
typedef struct scn_suite_run {
    const char *suite_path;  /* as given on the command line */
    scn_suite *suite;
    const char *rules_path;  /* the rules file the suite names, as found */
    scn_module module;
    scn_result *results;     /* one per scenario, in order */
    int nresults;
    bool *covered;           /* one flag per provision of the module */
    bool broken;
} scn_suite_run;

typedef struct report_totals {
    int passed;
    int failed;
} report_totals;

report_totals report_count(const scn_suite_run *runs, int n);

/* One line for a trace entry, in words: "timer_i_perioden = 224" with its
 * citation apart ("aktivloven § 13 f, stk. 3"). */
void report_trace_entry(const lov_module_desc *d, const lov_trace_entry *e, char *what, size_t whatcap,
                        char *cite, size_t citecap);

/* Coverage of one suite: provisions exercised, out of those that count. */
void report_coverage(const scn_suite_run *run, int *exercised, int *total);

/* Per scenario pass or fail; for a failure the differences and the trace;
 * coverage; and the closing line "N passed, N failed". */
void report_console(FILE *out, const scn_suite_run *runs, int n, bool color);

/* TAP version 13 on 'out'. */
void report_tap(FILE *out, const scn_suite_run *runs, int n);

/* JUnit XML into 'path'; false (and a reason in why) if it cannot be written. */
bool report_junit(const char *path, const scn_suite_run *runs, int n, char *why, size_t whylen);

/* A self-contained HTML page into 'path'. */
bool report_html(const char *path, const scn_suite_run *runs, int n, char *why, size_t whylen);

/* The reasoned account of one scenario's decision. */
void report_explain(FILE *out, const scn_suite_run *run, const scn_result *r);

#endif
