/* SPDX-License-Identifier: Apache-2.0 */
/* For the smt_*.c files (and smt.c) only: the state of the prover, the
 * terms of an expression's value and of the inputs, and the functions its
 * files share. The rest of lovc includes prove/smt.h; smt_new (smt.c) is
 * the way in. */
#ifndef LOVC_SMT_INTERNAL_H
#define LOVC_SMT_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>
#include <z3.h>

#include "front/ast.h"
#include "prove/smt.h"
#include "check/types.h"
#include "support/util.h"

/* The value of an expression as terms. */
typedef struct sv {
    Z3_ast ok;               /* Bool: the value was computed (not undetermined, conflict, ...) */
    Z3_ast v;                /* the value (durations: the months) */
    Z3_ast days;             /* durations: the days */
    Z3_ast present;          /* optional values: Bool */
} sv;

/* The terms of one input. */
typedef struct input_terms {
    decl *d;
    sv value;                /* scalars and optionals */
    Z3_ast len;              /* lists: the number of items */
    Z3_ast **fields;         /* lists: fields[i][f]; records: fields[0][f]; scalar lists: fields[i][0] */
    Z3_ast **field_present;  /* optional fields: fields_present[i][f] */
    Z3_ast **field_days;     /* duration fields: their days (fields[i][f] holds the months) */
    bool shared;             /* the terms are the peer's (smt_new_beside): its to free */
    bool in_both;            /* the peer reads the same input (on both sides) */
} input_terms;

/* What a record-valued name stands for: an item of a list input, or a record input. */
typedef struct rec_ref {
    input_terms *in;
    int index;
} rec_ref;

/* Names bound while encoding: aggregate variables and parameters of a function. */
typedef struct env {
    const void *key;         /* aggr_var* or formal* */
    sv value;
    rec_ref rec;             /* for record values */
    const struct env *next;
} env;

/* An application of an external function, for the example's answers. */
typedef struct smt_sampler smt_sampler;

typedef struct ext_call {
    decl *d;
    Z3_ast *args;
    Z3_ast result;
} ext_call;

struct smt {
    module *mod;
    Z3_context ctx;
    struct smt *peer;        /* smt_new_beside: the session whose context and inputs this one shares */
    Z3_solver solver;
    unsigned timeout_ms;     /* per question, the solver's checks and the calendar's rounds together */
    double question_end;     /* when the question being asked must be answered (smt_seconds_now) */
    double limit_end;        /* smt_limit_time: when every question must be answered; 0: no limit */
    int bound;
    Z3_sort bool_sort, int_sort, real_sort;
    input_terms *inputs;     /* by input slot */
    int ninputs;
    sv *defs;                /* by position in mod->decls: encoded once */
    bool *encoded;
    ptrvec side;             /* Z3_ast: facts about the unknown functions, asserted with every question */
    ptrvec exact;            /* Z3_ast pairs, a term and a fact about it: the calendar's exact definition */
    bool exact_calendar;     /* assert 'exact' too (smt_exact_calendar) */
    ptrvec calls;            /* ext_call* */
    Z3_ast reference;        /* the reference date, or NULL */
    Z3_func_decl add_months, months_between;
    Z3_func_decl month_end, year_start, year_end, year_of, month_of, day_of;
    char why_unknown[160];   /* the prover's reason for the last SMT_UNKNOWN */
    Z3_ast nice;             /* Bool: every input has a value a tester would write (see nice_range) */
    Z3_ast short_lists;      /* Bool: lists have at most one item */
    bool incomplete;         /* the question reads something the encoding does not follow */
    const char *incomplete_why;
    bool *def_incomplete;    /* by decl position: its encoding is incomplete */
    int rule_depth;          /* of the exception tree being encoded */
    struct smt_sampler *sampler; /* the cases of smt_sample_witness, drawn when first needed */
    ptrvec extras;           /* Z3_ast, const type* pairs: the next question's own constants */
    Z3_ast last_question;    /* of smt_ask_with, for smt_why_undecided */
    struct env **formals;    /* by decl position: a definition's parameters as variables (formals_of) */
};

/* ---- smt.c: the solver ----------------------------------------------------------- */

/* Seconds on a clock that only goes forward. */
double smt_seconds_now(void);

/* One check of the solver, under the assumptions, with what is left of the
 * question's time (Z3_L_UNDEF, "timeout", when nothing is left): all the
 * checks of one question share its time. */
Z3_lbool smt_check(smt *s, unsigned nassumptions, const Z3_ast *assumptions);

/* ---- smt_term.c: terms and values ------------------------------------------ */

Z3_ast smt_true(smt *s);
Z3_ast smt_false(smt *s);
Z3_ast smt_int(smt *s, int64_t v);
Z3_ast smt_not(smt *s, Z3_ast a);
Z3_ast smt_eq(smt *s, Z3_ast a, Z3_ast b);
Z3_ast smt_ite(smt *s, Z3_ast c, Z3_ast a, Z3_ast b);
Z3_ast smt_le(smt *s, Z3_ast a, Z3_ast b);
Z3_ast smt_lt(smt *s, Z3_ast a, Z3_ast b);
Z3_ast smt_and(smt *s, Z3_ast a, Z3_ast b);
Z3_ast smt_or(smt *s, Z3_ast a, Z3_ast b);
Z3_ast smt_add(smt *s, Z3_ast a, Z3_ast b);
Z3_ast smt_sub(smt *s, Z3_ast a, Z3_ast b);
Z3_ast smt_mul(smt *s, Z3_ast a, Z3_ast b);
Z3_ast smt_real(smt *s, int64_t coef, int scale);
Z3_ast smt_to_real(smt *s, Z3_ast a);
sv smt_value_of(Z3_ast ok, Z3_ast v);
sv smt_known(smt *s, Z3_ast v);
sv smt_failed(smt *s, const type *t);
sv smt_unsupported(smt *s, const type *t, const char *why);
Z3_sort smt_sort_of(smt *s, const type *t);
Z3_ast smt_fresh(smt *s, const char *name, Z3_sort sort);
sv smt_logic(smt *s, binop op, sv a, sv b);
Z3_ast smt_both_ok(smt *s, sv a, sv b);
Z3_ast smt_ok_all(smt *s, sv *vals, int n);
Z3_ast smt_same_value(smt *s, sv a, sv b);
sv smt_as_type(smt *s, sv v, const type *t);

/* ---- smt_calendar.c: the calendar and rounding ----------------------------- */

Z3_ast smt_days_in_month(smt *s, Z3_ast y, Z3_ast m);
Z3_ast smt_date_of(smt *s, Z3_ast y, Z3_ast m, Z3_ast d);
void smt_civil(smt *s, Z3_ast date, Z3_ast *y, Z3_ast *m, Z3_ast *d);
Z3_ast smt_month_end_of(smt *s, Z3_ast date);
Z3_ast smt_year_edge(smt *s, Z3_ast date, bool end);
Z3_ast smt_months_added(smt *s, Z3_ast date, Z3_ast months);
Z3_ast smt_months_between(smt *s, Z3_ast a, Z3_ast b);
Z3_ast smt_round_real(smt *s, Z3_ast x, round_mode mode);
Z3_ast smt_ten_to(smt *s, int n);

/* ---- smt_exact.c: the calendar's exact facts, where they bear on a question --- */

void smt_exact_fact(smt *s, Z3_ast key, Z3_ast fact);
void smt_assert_exact(smt *s, Z3_ast question);

/* ---- smt_refine.c: the calendar made exact in a case ------------------------ */

/* Whether f is one of the calendar functions, and its value at the
 * arguments as the runtime computes it (false outside the calendar). */
bool smt_is_calendar(smt *s, Z3_func_decl f);
bool smt_calendar_value(smt *s, Z3_func_decl f, const int64_t *args, int64_t *out);

/* After the solver found the case *model for 'question': makes it one the
 * real calendar allows (SMT_SAT, *model is it), or finds there is none
 * (SMT_UNSAT), or gives up (SMT_UNKNOWN, why_unknown says why), within
 * what is left of the question's time. *model is owned (one reference) and
 * replaced by each new case. The assumptions of the last check are kept as
 * far as the answer allows. */
smt_answer smt_refine(smt *s, Z3_ast question, Z3_model *model, Z3_ast *assumptions, unsigned *nassumptions);

/* ---- smt_input.c: the inputs, and the names that stand for them ------------ */

Z3_ast smt_range(smt *s, Z3_ast v, const type *t);
void smt_make_inputs(smt *s);
const env *smt_lookup(const env *en, const void *key);
rec_ref smt_record_of(smt *s, const expr *e, const env *en);
sv smt_encode_field(smt *s, const expr *e, const env *en);

/* ---- smt_expr.c: expressions, rules and definitions ------------------------ */

sv smt_encode(smt *s, const expr *e, const env *en);
sv smt_rule_value(smt *s, decl *d, ast_rule *node, const env *en);
sv smt_encode_definition(smt *s, decl *d);

/* Every event date (an input or a field declared 'event date') is on or
 * before the reference date: a case system cannot have registered an
 * event that has not happened. */
void smt_events_before_reference(smt *s);

/* ---- smt.c: asking ---------------------------------------------------------- */

/* Called with the model of an SMT_SAT answer, after the example is written. */
typedef void smt_model_fn(smt *s, Z3_model m, void *ctx);

/* Asks whether 'question' can hold (with the side facts); on SMT_SAT writes
 * the example case and calls 'more' (if not NULL) with the same model. */
smt_answer smt_ask_with(smt *s, Z3_ast question, strbuf *example, smt_model_fn *more, void *more_ctx);

/* ---- smt_sample.c: a witness by evaluation ------------------------------------ */

/* True when one of a few cases drawn from a tester's values makes every
 * side fact and the question true: the question can hold, for certain.
 * 'extras' (Z3_ast, const type* pairs, or NULL) are the question's own
 * constants, given values too; with 'model', the case is written there
 * (the caller releases it with Z3_model_dec_ref). */
bool smt_sample_witness(smt *s, Z3_ast question, const ptrvec *extras, Z3_model *model);
void smt_sampler_free(struct smt_sampler *sm);

/* ---- smt_model.c: the example case ----------------------------------------- */

void smt_write_example(smt *s, Z3_model m, strbuf *out);

/* The values of the inputs that s reads and its peer (smt_new_beside) does not. */
void smt_write_own_facts(smt *s, Z3_model m, strbuf *out);

/* Writes one value of the model as a tester writes it ('absent' for an
 * optional value that is not there). */
void smt_model_value(smt *s, Z3_model m, const type *t, Z3_ast v, Z3_ast days, Z3_ast present, strbuf *out);

#endif
