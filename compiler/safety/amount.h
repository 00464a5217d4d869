/* SPDX-License-Identifier: Apache-2.0 */
/* The check adverse-amount-below-zero: an adverse outcome that is an amount
 * (a reduction, a deduction) that can come out below zero, as when a rate
 * entered as -400 kr gives a deduction of -1 200 kr with status ok. */
#ifndef LOVC_SAFETY_AMOUNT_H
#define LOVC_SAFETY_AMOUNT_H

#include "front/ast.h"
#include "prove/smt.h"
#include "safety/cases.h"
#include "support/diag.h"
#include "support/util.h"

/* Reports the finding, with an example case (and, with 'scenarios', the
 * case as a scenario), when the prover finds one; and that it could not be
 * checked when the prover cannot tell. */
void amount_check_outcome(smt *prover, diag_ctx *diag, strbuf *scenarios, const case_confirmer *confirm,
                          decl *outcome);

#endif
