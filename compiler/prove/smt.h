/* SPDX-License-Identifier: Apache-2.0 */
/* The rules as logic for the Z3 prover: every input becomes a variable
 * (lists up to a bound), every definition a term with the same meaning as
 * the generated C (three-valued 'and'/'or', exceptions and conflicts,
 * prerequisites that hold an outcome back), so that 'lovc verify' can prove
 * assertions for all cases and 'lovc check' can find conflicting and
 * incomplete rules, each with an example case.
 *
 * Calendar arithmetic (months, month ends, the parts of a date,
 * months_between) and rounding half to even are kept as unknown functions
 * with the properties lovc guarantees (a month has 28 to 31 days, ...): a
 * proof holds for every such function, so it holds for the real one. An
 * example case may rest on a function the real calendar is not: 'lovc
 * verify' runs its cases on the compiled rules before it reports them, and
 * asks again with the calendar's exact definition (smt_exact_calendar),
 * which is slower but gives the real calendar's cases.
 *
 * A question about rules the encoding does not follow (see
 * smt_unsupported() in smt_term.c) is never answered "no such case".
 *
 * The prover is in smt*.c: smt.c holds the session and its questions,
 * smt_expr.c encodes the rules, on the terms of smt_term.c, smt_calendar.c
 * and smt_input.c, and smt_model.c writes the example case; smt_internal.h
 * is theirs alone. */
#ifndef LOVC_SMT_H
#define LOVC_SMT_H

#include <stdbool.h>

#include "front/ast.h"
#include "support/util.h"

typedef struct smt smt;

/* Whether a formula can be satisfied: yes (with an example), no, or the
 * prover could not tell in the time allowed. */
typedef enum smt_answer { SMT_SAT, SMT_UNSAT, SMT_UNKNOWN } smt_answer;

/* A prover for module m: lists have at most list_bound items; each question
 * gets timeout_ms milliseconds. */
smt *smt_new(module *m, int list_bound, unsigned timeout_ms);

/* A prover for module m in the Z3 context of 'peer' (another module's
 * prover, freed after this one): an input of m with the name and the shape
 * (smt_same_shape) of one of peer's is the same variable, so a question
 * may speak of both modules' rules in one case (lovc diff). Its questions
 * are asked with its own side facts only; prove/diff_prove.c adds the
 * peer's. */
smt *smt_new_beside(module *m, smt *peer, int list_bound, unsigned timeout_ms);

/* Whether values of type a and type b (of two modules) are written and
 * encoded alike: the same kind, an enumeration's cases and a record's
 * fields with the same names in the same order, of the same shapes. */
bool smt_same_shape(const struct type *a, const struct type *b);

/* With 'on', the next questions hold the calendar to its exact definition
 * (smt_calendar.c) as well as to its bounds. True when the rules encoded so
 * far use the calendar at all (else it changes nothing). */
bool smt_exact_calendar(smt *s, bool on);
void smt_free(smt *s);

/* Every question from now on answered within ms milliseconds of now, its
 * own time (timeout_ms) or less; 0: each question its own time again.
 * lovc verify gives an assertion's questions (the second, with the exact
 * calendar, too) one assertion's time. */
void smt_limit_time(smt *s, unsigned ms);

/* Why the last question was answered SMT_UNKNOWN, in the prover's words
 * ("timeout", "canceled", "incomplete (theory arithmetic)", ...). */
const char *smt_why_unknown(const smt *s);

/* The same for a reader of the rules, in words that do not depend on how
 * busy the machine was: a product of unknown numbers, no answer in time,
 * or the prover's own reason. */
const char *smt_why_undecided(smt *s);

/* Can the assertion be false (its value computed, and no)? On SMT_SAT the
 * example case is written to 'example' as the facts of a scenario. */
smt_answer smt_assertion_can_fail(smt *s, decl *assertion, strbuf *example);

/* Can both exceptions apply, with different values, in one case? */
smt_answer smt_exceptions_can_conflict(smt *s, decl *d, ast_rule *a, ast_rule *b, strbuf *example);

/* Can the exception ever apply? (SMT_UNSAT: never.) */
smt_answer smt_exception_can_apply(smt *s, decl *d, ast_rule *r, strbuf *example);

/* Can the adverse outcome harm a citizen only because the reference date
 * has passed the planned date 'date'? That is: a case in which it harms,
 * and the same case with 'date' moved to after the reference date (and
 * later than it was), nothing else changed, in which it does not. 'field'
 * is -1 for a date input, else the field of a list (or record) input whose
 * date is moved, in any one item. With a
 * 'protection' (a yes/no definition), also: the protection does not hold
 * in the case and holds in the moved one. On SMT_SAT the case is written
 * to 'example' and the moved date to 'other'. */
smt_answer smt_harm_when_date_passes(smt *s, decl *outcome, decl *date, int field, decl *protection,
                                     strbuf *example, strbuf *other);

/* Can the adverse outcome harm a citizen because the optional input is
 * absent? That is: a case in which the input is absent and the outcome
 * harms, and the same case with the input given some value, nothing else
 * changed, in which it does not ('field' as above). On SMT_SAT the case
 * is written to 'example' and the value to 'other'. */
smt_answer smt_harm_when_absent(smt *s, decl *outcome, decl *input, int field, strbuf *example, strbuf *other);

/* Can the prerequisite of an adverse outcome fail to hold in some case?
 * (SMT_UNSAT: it holds in every case, so it records nothing.) */
smt_answer smt_requirement_can_fail(smt *s, requirement *req, strbuf *example);

/* Can the prerequisite hold because the optional input (or its 'field')
 * is absent: a case in which it is absent and the prerequisite holds, and
 * the same case with it given some value, in which it does not? */
smt_answer smt_requirement_met_when_absent(smt *s, decl *outcome, requirement *req, decl *input, int field,
                                           strbuf *example, strbuf *other);

/* Can the definition (which has no default) be left without a value? */
smt_answer smt_definition_can_lack_value(smt *s, decl *d, strbuf *example);

/* Can the adverse outcome (an amount) be below zero, with status ok, for
 * inputs within their bounds (smt_amount.c)? */
smt_answer smt_amount_can_be_negative(smt *s, decl *outcome, strbuf *example);

#endif
