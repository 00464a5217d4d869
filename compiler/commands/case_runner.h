/* SPDX-License-Identifier: Apache-2.0 */
/* Example cases run on the compiled rules: the prover's cases (of lovc
 * verify's refutations and of lovc check's findings) are reported only
 * when the rules as the case system runs them bear them out. The rules
 * are compiled when the first case needs them. */
#ifndef LOVC_CASE_RUNNER_H
#define LOVC_CASE_RUNNER_H

#include <stdbool.h>
#include <stddef.h>

#include "check/program.h"
#include "safety/cases.h"
#include "suites/scenario_run.h"

typedef struct case_runner {
    program *prog;
    const char *path;        /* of the rules, for the suite's 'for' */
    scn_module compiled;
    char dir[4096];          /* the private folder they are compiled in, or "" */
    bool tried, loaded;
    char why_not[1024];      /* why the rules could not be compiled or loaded */
} case_runner;

void case_runner_init(case_runner *r, program *prog, const char *path);
void case_runner_free(case_runner *r);

/* Runs the scenario text (one "scenario ..." block) and reads 'output'.
 * False, with why, when it cannot be run: the rules do not compile, or
 * the case is not a valid scenario. */
bool case_runner_run(case_runner *r, const char *scenario, const char *output, case_outcome *out, char *why,
                     size_t whylen);

/* The runner as the legal-safety checks take it (safety/cases.h). */
case_confirmer case_runner_confirmer(case_runner *r);

#endif
