/* SPDX-License-Identifier: Apache-2.0 */
/* The example cases of the findings, written as scenarios of a suite
 * ('lovc check --emit-scenario FILE.scn'), so that 'lovc test' runs each
 * case on the compiled rules. */
#ifndef LOVC_SAFETY_CASES_H
#define LOVC_SAFETY_CASES_H

#include <stdbool.h>
#include <stddef.h>

#include "core/lov_module.h"
#include "front/ast.h"
#include "support/diag.h"
#include "support/util.h"

/* What the compiled rules gave for one example case. */
typedef struct case_outcome {
    bool passed;             /* every expectation of the scenario held */
    lov_status status;       /* of the output asked about */
    lov_value value;
    bool present;            /* an optional output has a value */
} case_outcome;

/* Runs one scenario (a "scenario ..." block) on the compiled rules and
 * reads one output; false, with why, when it cannot be run. 'lovc check'
 * and 'lovc build' hand the checks one (commands/case_runner.c), so that
 * a finding is reported only when the rules as compiled bear its case
 * out. */
typedef struct case_confirmer {
    bool (*run)(void *ctx, const char *scenario, const char *output, case_outcome *out, char *why, size_t whylen);
    void *ctx;
} case_confirmer;

/* The verdict on a finding's case. */
typedef enum case_verdict {
    CASE_BORNE_OUT,          /* the compiled rules give what the finding says */
    CASE_NOT_BORNE_OUT,      /* they do not: the finding is not reported as found (why says so) */
    CASE_NOT_RUN             /* no rules to run it on, or no scenario for it: the prover's answer stands */
} case_verdict;

/* Runs the case of a finding (written by cases_add into 'scenario') and
 * asks of 'output' what the finding claims: with harm, that the outcome
 * is given and harms (status ok, a value other than the harmless one);
 * otherwise that the scenario's expectation holds (a conflict, no value). */
case_verdict cases_confirm(const case_confirmer *c, const char *scenario, const decl *output, bool harm, char *why,
                           size_t whylen);

/* Appends one scenario to 'out' (nothing when out is NULL): named after
 * the finding and the rule (and what it is about: the fact, when a rule
 * has findings about several), with the example's facts and the expectation
 * (e.g. "nedsættelse = 0 kr", "sats is conflict"). Lines of the example
 * that are no facts ("and 'f' used with ...") become comments. */
void cases_add(strbuf *out, const char *finding, const decl *d, const char *about, const char *facts,
               const char *expect, const char *comment);

/* The note after a finding: "for example, with these facts:" and the
 * example (its trailing newlines dropped), then 'also' (the other case of
 * a comparison) when it is not NULL. */
void cases_note_example(diag_ctx *diag, strbuf *example, const strbuf *also);

/* The outcome's value when it does not harm, as a tester writes it: its
 * default ("0 kr", "no"), or NULL when the default is not a plain value. */
const char *cases_harmless_value(const decl *outcome, char *buf, size_t cap);

#endif
