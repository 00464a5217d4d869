/* SPDX-License-Identifier: Apache-2.0 */
/* The checks of what makes an adverse outcome due: the passing of an
 * entered date (time-triggered-adverse, lapsing-protection) and a missing
 * registration (absent-fact-to-adverse), each decided by the prover. */
#ifndef LOVC_SAFETY_HARM_H
#define LOVC_SAFETY_HARM_H

#include <stdbool.h>

#include "front/ast.h"
#include "prove/smt.h"
#include "safety/cases.h"
#include "safety/reads.h"
#include "support/diag.h"

typedef struct harm_ctx {
    module *mod;
    diag_ctx *diag;
    smt *prover;
    reads *reads;
    bool *protection_reported;   /* by decl position: lapsing-protection reported for it */
    strbuf *scenarios;       /* NULL, or where the findings' cases are written (cases.h) */
    const case_confirmer *confirm;  /* NULL, or runs a finding's case on the compiled rules */
} harm_ctx;

/* Reports what makes the adverse outcome due, if it is one of the above. */
void harm_check_outcome(harm_ctx *h, decl *outcome);

#endif
