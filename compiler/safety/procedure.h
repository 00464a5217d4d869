/* SPDX-License-Identifier: Apache-2.0 */
/* The procedure an adverse outcome must follow: the hearing, the decision
 * and, before a sanction, written guidance. Which steps apply, to which
 * outcomes, and which exceptions the law allows are declared by the law's
 * own modules ('procedure hearing ... before every adverse outcome except
 * according to fvl "§ 19, stk. 2, nr. 1"'); a module that uses none holds
 * to the hearing and the decision before every adverse outcome. */
#ifndef LOVC_SAFETY_PROCEDURE_H
#define LOVC_SAFETY_PROCEDURE_H

#include "front/ast.h"
#include "support/diag.h"

typedef struct procedures procedures;

/* The procedures declared in m and in the modules it uses. */
procedures *procedures_of(module *m);
void procedures_free(procedures *p);

/* A step declared a second time (by the rule set beside the law's module,
 * or by two modules) is exception-not-in-law: the law's declaration, from
 * a used module, is the one the outcomes are checked against. */
void procedures_check(const procedures *p, diag_ctx *diag);

/* adverse-without-hearing, adverse-without-decision, sanction-without-guidance
 * and exception-not-in-law for one adverse outcome. */
void procedure_check_outcome(const procedures *p, decl *outcome, diag_ctx *diag);

#endif
