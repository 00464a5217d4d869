/* SPDX-License-Identifier: Apache-2.0 */
/* The legal-safety checks of 'lovc check': the dangerous patterns that the
 * 2022 defect consisted of, and their relatives. Each finding is a warning
 * with a stable identifier, described with its legal basis and the fix in
 * docs/safety.md:
 *
 *   adverse-without-hearing    an adverse outcome that no hearing precedes (fvl § 19)
 *   adverse-without-decision   an adverse outcome that no decision precedes (fvl § 22)
 *   time-triggered-adverse     an adverse outcome that becomes due only because the
 *                              reference date passes an entered date
 *   lapsing-protection         a protection (an exemption) that ends on an entered date
 *   absent-fact-to-adverse     the absence of a registered fact leads to an adverse outcome
 *   conflicting-exceptions     two exceptions can apply together with different results
 *   unreachable-exception      an exception that can never apply
 *   incomplete-definition      a definition that has no value for some cases
 *   unused-input, unused-parameter
 *   parameter-gap              a dated parameter without a value for part of the period in force
 *
 * The checks run only on a module without errors. */
#ifndef LOVC_SAFETY_H
#define LOVC_SAFETY_H

#include "check/program.h"
#include "front/ast.h"
#include "safety/cases.h"
#include "support/diag.h"

typedef struct safety_options {
    int list_bound;          /* for the prover's questions (checks of exceptions) */
    unsigned timeout_ms;     /* per question; an unanswered question is a not-checked finding */
    strbuf *scenarios;       /* NULL, or where the findings' cases are written as scenarios (cases.h) */
    const case_confirmer *confirm;  /* NULL, or runs a finding's case on the compiled rules (cases.h) */
} safety_options;

void safety_check_module(module *m, diag_ctx *diag, const safety_options *o);

/* The checks on a program's root module, after program_check without
 * errors, with the options 'lovc check' and 'lovc build' use; the cases of
 * the findings are written to 'scenarios' unless it is NULL, and run on
 * the compiled rules by 'confirm' unless it is NULL. */
void program_check_safety(program *p, strbuf *scenarios, const case_confirmer *confirm);

#endif
