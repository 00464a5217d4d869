/* SPDX-License-Identifier: Apache-2.0 */
#include "safety/amount.h"

#include <stdio.h>

#include "check/types.h"
#include "safety/cases.h"

/* True when the compiled rules give the case an amount below zero with
 * status ok (or there are none to run it on); otherwise a not-checked
 * finding says what they gave. */
static bool borne_out(const case_confirmer *confirm, diag_ctx *diag, decl *outcome, const strbuf *ex)
{
    char expect[256], why[512];
    snprintf(expect, sizeof expect, "%s is invalid input", outcome->name.name);
    strbuf scenario;
    sb_init(&scenario);
    cases_add(&scenario, "adverse-amount-below-zero", outcome, NULL, ex->data, expect, NULL);
    case_outcome o;
    bool ran = confirm && confirm->run(confirm->ctx, scenario.data, outcome->name.name, &o, why, sizeof why);
    sb_free(&scenario);
    if (!ran || (o.status == LOV_OK && o.value.money < 0))
        return true;
    diag_warning(diag, "not-checked", outcome->name.loc,
                 "'%s' could not be checked for whether it can be an amount below zero: the prover found a case, "
                 "but the compiled rules, run on it, give %s; have it reviewed by hand, or simplify the rules",
                 outcome->name.name, o.status == LOV_OK ? "an amount of zero or more" : lov_status_name(o.status));
    return false;
}

void amount_check_outcome(smt *prover, diag_ctx *diag, strbuf *scenarios, const case_confirmer *confirm,
                          decl *outcome)
{
    const type *t = outcome->type;
    if (!t || (t->kind == T_OPTIONAL ? t->elem : t)->kind != T_MONEY)
        return;
    strbuf ex;
    sb_init(&ex);
    smt_answer below = smt_amount_can_be_negative(prover, outcome, &ex);
    if (below == SMT_UNKNOWN)
        diag_warning(diag, "not-checked", outcome->name.loc,
                     "'%s' could not be checked for %s: the prover could not decide it (%s); have it reviewed "
                     "by hand, or simplify the rules", outcome->name.name, "whether it can be an amount below zero",
                     smt_why_undecided(prover));
    if (below == SMT_SAT && borne_out(confirm, diag, outcome, &ex)) {
        diag_warning(diag, "adverse-amount-below-zero", outcome->name.loc,
                     "the adverse outcome '%s' can be an amount below zero, with status ok: a negative %s is no "
                     "decision the law allows; bound the facts it is worked out from (for example 'input dagssats: "
                     "money at least 0 kr'), so that such a fact is invalid input", outcome->name.name,
                     outcome->name.name);
        char expect[256];
        snprintf(expect, sizeof expect, "%s is invalid input", outcome->name.name);
        cases_add(scenarios, "adverse-amount-below-zero", outcome, NULL, ex.data, expect,
                  "fails while a fact can make the amount negative; once its facts are bounded, this case is "
                  "invalid input");
        cases_note_example(diag, &ex, NULL);
    }
    sb_free(&ex);
}
