/* The prover's session and its questions (smt.h): a Z3 context and solver
 * with the inputs made, and each question asked with the known facts, its
 * answer and, when there is a case, the example. */
#include "prove/smt.h"

#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <z3.h>

#include "core/lov.h"
#include "prove/smt_internal.h"
#include "support/util.h"

/* ---- Questions -------------------------------------------------------------------- */

static void on_error(Z3_context c, Z3_error_code e)
{
    (void)c;
    (void)e;                               /* answered as 'unknown' by the caller */
}

smt *smt_new(module *m, int list_bound, unsigned timeout_ms)
{
    smt *s = xcalloc(1, sizeof *s);
    s->mod = m;
    s->bound = list_bound;
    Z3_config cfg = Z3_mk_config();
    Z3_set_param_value(cfg, "model", "true");
    s->ctx = Z3_mk_context(cfg);
    Z3_del_config(cfg);
    Z3_set_error_handler(s->ctx, on_error);
    s->solver = Z3_mk_solver(s->ctx);
    Z3_solver_inc_ref(s->ctx, s->solver);
    Z3_params p = Z3_mk_params(s->ctx);
    Z3_params_inc_ref(s->ctx, p);
    Z3_params_set_uint(s->ctx, p, Z3_mk_string_symbol(s->ctx, "timeout"), timeout_ms);
    Z3_solver_set_params(s->ctx, s->solver, p);
    Z3_params_dec_ref(s->ctx, p);
    s->bool_sort = Z3_mk_bool_sort(s->ctx);
    s->int_sort = Z3_mk_int_sort(s->ctx);
    s->real_sort = Z3_mk_real_sort(s->ctx);
    Z3_sort one[1] = {s->int_sort}, two[2] = {s->int_sort, s->int_sort};
#define UF(field, name, n, dom) s->field = Z3_mk_func_decl(s->ctx, Z3_mk_string_symbol(s->ctx, name), n, dom, s->int_sort)
    UF(add_months, "add_months", 2, two);
    UF(months_between, "months_between", 2, two);
    UF(month_end, "month_end", 1, one);
    UF(year_start, "year_start", 1, one);
    UF(year_end, "year_end", 1, one);
    UF(year_of, "year_of", 1, one);
    UF(month_of, "month_of", 1, one);
    UF(day_of, "day_of", 1, one);
#undef UF
    s->nice = Z3_mk_const(s->ctx, Z3_mk_string_symbol(s->ctx, "nice example"), s->bool_sort);
    s->short_lists = Z3_mk_const(s->ctx, Z3_mk_string_symbol(s->ctx, "short lists"), s->bool_sort);
    s->defs = xcalloc((size_t)m->decls.len + 1, sizeof *s->defs);
    s->encoded = xcalloc((size_t)m->decls.len + 1, sizeof *s->encoded);
    s->def_incomplete = xcalloc((size_t)m->decls.len + 1, sizeof *s->def_incomplete);
    smt_make_inputs(s);
    if (m->reference_input) {
        s->reference = s->inputs[m->reference_input->slot].value.v;
        if (m->has_in_force)              /* any other day is not applicable: nothing to prove */
            pv_push(&s->side, smt_and(s, smt_le(s, smt_int(s, m->in_force_from), s->reference),
                                      smt_le(s, s->reference, smt_int(s, m->has_until ? m->in_force_until
                                                                                      : LOV_DATE_MAX))));
        smt_events_before_reference(s);
    }
    return s;
}

void smt_free(smt *s)
{
    if (!s)
        return;
    for (int i = 0; i < s->ninputs; i++) {
        input_terms *in = &s->inputs[i];
        int n = in->d->type->kind == T_LIST ? s->bound : in->fields ? 1 : 0;
        for (int e = 0; e < n; e++) {
            free(in->fields[e]);
            free(in->field_present[e]);
            free(in->field_days[e]);
        }
        free(in->fields);
        free(in->field_present);
        free(in->field_days);
    }
    for (size_t i = 0; i < s->calls.len; i++) {
        ext_call *c = s->calls.items[i];
        free(c->args);
        free(c);
    }
    pv_free(&s->calls);
    pv_free(&s->side);
    free(s->inputs);
    free(s->defs);
    free(s->encoded);
    free(s->def_incomplete);
    Z3_solver_dec_ref(s->ctx, s->solver);
    Z3_del_context(s->ctx);
    free(s);
}

smt_answer smt_ask_with(smt *s, Z3_ast question, strbuf *example, smt_model_fn *more, void *more_ctx)
{
    Z3_solver_push(s->ctx, s->solver);
    for (size_t i = 0; i < s->side.len; i++)
        Z3_solver_assert(s->ctx, s->solver, s->side.items[i]);
    Z3_solver_assert(s->ctx, s->solver, question);
    Z3_lbool r = Z3_solver_check(s->ctx, s->solver);
    smt_answer answer = r == Z3_L_TRUE ? SMT_SAT : r == Z3_L_FALSE ? SMT_UNSAT : SMT_UNKNOWN;
    if (answer == SMT_UNKNOWN)
    {
        /* Z3 may wrap its reason in parentheses: "(incomplete (theory arithmetic))". */
        const char *why = Z3_solver_get_reason_unknown(s->ctx, s->solver);
        size_t n = strlen(why);
        if (n >= 2 && why[0] == '(' && why[n - 1] == ')')
            snprintf(s->why_unknown, sizeof s->why_unknown, "%.*s", (int)(n - 2), why + 1);
        else
            snprintf(s->why_unknown, sizeof s->why_unknown, "%s", why);
    }
    if (answer == SMT_UNSAT && s->incomplete) {
        answer = SMT_UNKNOWN;
        snprintf(s->why_unknown, sizeof s->why_unknown, "lovc's prover does not follow %s",
                 s->incomplete_why ? s->incomplete_why : "part of these rules");
    }
    if (answer == SMT_SAT && example) {
        /* The same question again, for an example with recognisable values
         * and short lists, as far as the answer allows. */
        Z3_ast nice[2] = {s->nice, s->short_lists};
        if (Z3_solver_check_assumptions(s->ctx, s->solver, 2, nice) != Z3_L_TRUE
            && Z3_solver_check_assumptions(s->ctx, s->solver, 1, nice) != Z3_L_TRUE)
            Z3_solver_check(s->ctx, s->solver);
        Z3_model m = Z3_solver_get_model(s->ctx, s->solver);
        Z3_model_inc_ref(s->ctx, m);
        smt_write_example(s, m, example);
        if (more)
            more(s, m, more_ctx);
        Z3_model_dec_ref(s->ctx, m);
    }
    Z3_solver_pop(s->ctx, s->solver, 1);
    return answer;
}

/* Asks whether 'question' can hold; on SMT_SAT writes the example. */
static smt_answer ask(smt *s, Z3_ast question, strbuf *example)
{
    return smt_ask_with(s, question, example, NULL, NULL);
}

const char *smt_why_unknown(const smt *s)
{
    return s->why_unknown;
}

smt_answer smt_assertion_can_fail(smt *s, decl *assertion, strbuf *example)
{
    s->incomplete = false;
    s->incomplete_why = NULL;
    sv v = smt_encode_definition(s, assertion);
    return ask(s, smt_and(s, v.ok, smt_not(s, v.v)), example);
}

/* The condition under which the rule 'node' is reached: its ancestors apply. */
static Z3_ast reached(smt *s, ast_rule *node)
{
    Z3_ast r = smt_true(s);
    for (ast_rule *p = node ? node->parent_rule : NULL; p; p = p->parent_rule) {
        sv c = smt_encode(s, p->cond, NULL);
        r = smt_and(s, r, smt_and(s, c.ok, c.v));
    }
    return r;
}

smt_answer smt_exceptions_can_conflict(smt *s, decl *d, ast_rule *a, ast_rule *b, strbuf *example)
{
    s->incomplete = false;
    s->incomplete_why = NULL;
    sv ca = smt_encode(s, a->cond, NULL), cb = smt_encode(s, b->cond, NULL);
    sv va = smt_rule_value(s, d, a, NULL), vb = smt_rule_value(s, d, b, NULL);
    Z3_ast both = smt_and(s, smt_and(s, ca.ok, ca.v), smt_and(s, cb.ok, cb.v));
    Z3_ast differ = smt_and(s, smt_and(s, va.ok, vb.ok), smt_not(s, smt_same_value(s, va, vb)));
    return ask(s, smt_and(s, reached(s, a), smt_and(s, both, differ)), example);
}

smt_answer smt_exception_can_apply(smt *s, decl *d, ast_rule *r, strbuf *example)
{
    s->incomplete = false;
    s->incomplete_why = NULL;
    (void)d;
    sv c = smt_encode(s, r->cond, NULL);
    return ask(s, smt_and(s, reached(s, r), smt_and(s, c.ok, c.v)), example);
}

smt_answer smt_definition_can_lack_value(smt *s, decl *d, strbuf *example)
{
    s->incomplete = false;
    s->incomplete_why = NULL;
    /* Every input known: no exception applies (each condition computed and no). */
    Z3_ast none = smt_true(s);
    for (int i = 0; i < d->u.def.rules.len; i++) {
        ast_rule *r = NL_AT(d->u.def.rules, i);
        if (r->is_default || r->parent_rule)
            continue;
        sv c = smt_encode(s, r->cond, NULL);
        none = smt_and(s, none, smt_and(s, c.ok, smt_not(s, c.v)));
    }
    return ask(s, none, example);
}
