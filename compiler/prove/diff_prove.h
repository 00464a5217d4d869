/* SPDX-License-Identifier: Apache-2.0 */
/* Two rule sets as one question to the prover (lovc diff without a
 * caseload): is there a case that they decide differently? Both modules
 * are encoded in one Z3 context, the new beside the old (smt_new_beside):
 * an input both declare with the same name and shape is one variable; an
 * input only one of them reads is free. Each side's facts hold (types,
 * 'at least' and 'at most', event dates, the period in force), so a case
 * is one that both sides accept, on a day both are in force; dated
 * parameters are encoded as 'lovc verify' encodes them. */
#ifndef LOVC_DIFF_PROVE_H
#define LOVC_DIFF_PROVE_H

#include <stdbool.h>

#include "front/ast.h"
#include "prove/smt.h"
#include "support/util.h"

typedef struct diff_prover diff_prover;

/* A prover for the old and the new module: lists have at most list_bound
 * items; each question gets timeout_ms milliseconds. */
diff_prover *diff_prover_new(module *old_mod, module *new_mod, int list_bound, unsigned timeout_ms);
void diff_prover_free(diff_prover *p);

/* The first input both modules declare by the same name, but of another
 * shape (smt_same_shape), or NULL: *old_input is the old module's. Such an
 * input could not be written once for both sides of a case. */
decl *diff_input_clash(module *old_mod, module *new_mod, decl **old_input);

/* Can the output (old_out in the old rules, new_out in the new, of the
 * same shape) differ in some case: computed on one side and not on the
 * other, or computed on both with different values? On SMT_SAT the case
 * is written to 'new_facts' as the new rules' facts (a scenario's), and
 * to 'old_facts' as the old rules' facts; 'old_only' gets the facts only
 * the old rules read (empty when they read none). */
smt_answer diff_output_can_differ(diff_prover *p, decl *old_out, decl *new_out, strbuf *new_facts,
                                  strbuf *old_facts, strbuf *old_only);

/* With 'on', the next questions hold the calendar to its exact definition
 * (smt_exact_calendar); true when that changes anything. */
bool diff_exact_calendar(diff_prover *p, bool on);

/* Why the last question had no answer, as smt_why_unknown and
 * smt_why_undecided say it. */
const char *diff_why_unknown(const diff_prover *p);
const char *diff_why_undecided(diff_prover *p);

#endif
