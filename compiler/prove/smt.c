/* SPDX-License-Identifier: Apache-2.0 */
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

static smt *make(module *m, smt *peer, int list_bound, unsigned timeout_ms)
{
    smt *s = xcalloc(1, sizeof *s);
    s->mod = m;
    s->bound = list_bound;
    s->peer = peer;
    if (peer) {
        s->ctx = peer->ctx;
    } else {
        Z3_config cfg = Z3_mk_config();
        Z3_set_param_value(cfg, "model", "true");
        s->ctx = Z3_mk_context(cfg);
        Z3_del_config(cfg);
        Z3_set_error_handler(s->ctx, on_error);
    }
    s->solver = Z3_mk_solver(s->ctx);
    Z3_solver_inc_ref(s->ctx, s->solver);
    Z3_params p = Z3_mk_params(s->ctx);
    Z3_params_inc_ref(s->ctx, p);
    Z3_params_set_uint(s->ctx, p, Z3_mk_string_symbol(s->ctx, "timeout"), timeout_ms);
    s->timeout_ms = timeout_ms;
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
    s->formals = xcalloc((size_t)m->decls.len + 1, sizeof *s->formals);
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

smt *smt_new(module *m, int list_bound, unsigned timeout_ms)
{
    return make(m, NULL, list_bound, timeout_ms);
}

smt *smt_new_beside(module *m, smt *peer, int list_bound, unsigned timeout_ms)
{
    return make(m, peer, list_bound, timeout_ms);
}

void smt_free(smt *s)
{
    if (!s)
        return;
    for (int i = 0; i < s->ninputs; i++) {
        input_terms *in = &s->inputs[i];
        if (in->shared)
            continue;
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
    pv_free(&s->exact);
    free(s->inputs);
    free(s->defs);
    free(s->encoded);
    free(s->def_incomplete);
    for (int i = 0; i < s->mod->decls.len; i++)
        free(s->formals[i]);
    free(s->formals);
    smt_sampler_free(s->sampler);
    pv_free(&s->extras);
    Z3_solver_dec_ref(s->ctx, s->solver);
    if (!s->peer)
        Z3_del_context(s->ctx);
    free(s);
}

/* The solver's reason for giving no answer, for the messages. Z3 may
 * wrap it in parentheses: "(incomplete (theory arithmetic))". */
static void note_reason_unknown(smt *s)
{
    const char *why = Z3_solver_get_reason_unknown(s->ctx, s->solver);
    size_t n = strlen(why);
    if (n >= 2 && why[0] == '(' && why[n - 1] == ')')
        snprintf(s->why_unknown, sizeof s->why_unknown, "%.*s", (int)(n - 2), why + 1);
    else
        snprintf(s->why_unknown, sizeof s->why_unknown, "%s", why);
}

void smt_limit_time(smt *s, unsigned ms)
{
    s->limit_end = ms ? smt_seconds_now() + ms / 1000.0 : 0;
}

bool smt_exact_calendar(smt *s, bool on)
{
    s->exact_calendar = on;
    return s->exact.len > 0;
}

smt_answer smt_ask_with(smt *s, Z3_ast question, strbuf *example, smt_model_fn *more, void *more_ctx)
{
    s->last_question = question;
    s->why_unknown[0] = '\0';
    s->question_end = smt_seconds_now() + s->timeout_ms / 1000.0;
    if (s->limit_end && s->limit_end < s->question_end)
        s->question_end = s->limit_end;
    if (!example && !more && smt_sample_witness(s, question, &s->extras, NULL)) {
        s->extras.len = 0;
        return SMT_SAT;                  /* no example wanted: a witness by evaluation will do */
    }
    Z3_solver_push(s->ctx, s->solver);
    for (size_t i = 0; i < s->side.len; i++)
        Z3_solver_assert(s->ctx, s->solver, s->side.items[i]);
    if (s->exact_calendar)
        smt_assert_exact(s, question);
    Z3_solver_assert(s->ctx, s->solver, question);
    Z3_lbool r = smt_check(s, 0, NULL);
    Z3_model model = NULL;           /* the case found, as the calendar is made exact */
    smt_answer answer = r == Z3_L_TRUE ? SMT_SAT : r == Z3_L_FALSE ? SMT_UNSAT : SMT_UNKNOWN;
    if (answer == SMT_UNKNOWN && !s->why_unknown[0])
        note_reason_unknown(s);
    if (answer == SMT_SAT) {
        /* Recognisable values and short lists, as far as the answer allows
         * (for the example, and for a calendar the runtime can compute), in
         * a case the real calendar allows; failing that, in the time left,
         * the first case found. */
        model = Z3_solver_get_model(s->ctx, s->solver);
        Z3_model_inc_ref(s->ctx, model);
        Z3_ast nice[2] = {s->nice, s->short_lists};
        unsigned nnice = 2;
        while (nnice > 0 && smt_check(s, nnice, nice) != Z3_L_TRUE)
            nnice--;
        if (nnice > 0) {
            Z3_model_dec_ref(s->ctx, model);
            model = Z3_solver_get_model(s->ctx, s->solver);
            Z3_model_inc_ref(s->ctx, model);
        }
        answer = smt_refine(s, question, &model, nice, &nnice);
    }
    if (answer == SMT_UNSAT && s->incomplete) {
        answer = SMT_UNKNOWN;
        snprintf(s->why_unknown, sizeof s->why_unknown, "lovc's prover does not follow %s",
                 s->incomplete_why ? s->incomplete_why : "part of these rules");
    }
    Z3_model sampled = NULL;
    if (answer == SMT_UNKNOWN && smt_sample_witness(s, question, &s->extras, &sampled))
        answer = SMT_SAT;                /* the solver gave up, but a drawn case answers it */
    if (answer == SMT_SAT && (example || more)) {
        Z3_model m = sampled ? sampled : model;
        if (example)
            smt_write_example(s, m, example);
        if (more)
            more(s, m, more_ctx);
    }
    if (sampled)
        Z3_model_dec_ref(s->ctx, sampled);
    if (model)
        Z3_model_dec_ref(s->ctx, model);
    s->extras.len = 0;
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

/* Whether the term multiplies two terms that are not numbers. */
static bool multiplies_unknowns(smt *s, Z3_ast root)
{
    ptrvec stack = {0};
    unsigned char *seen = NULL;
    unsigned cap = 0;
    bool found = false;
    pv_push(&stack, root);
    while (stack.len && !found) {
        Z3_ast t = stack.items[--stack.len];
        unsigned id = Z3_get_ast_id(s->ctx, t);
        if (id >= cap) {
            unsigned ncap = cap ? cap : 1024;
            while (ncap <= id)
                ncap *= 2;
            seen = xrealloc(seen, ncap);
            memset(seen + cap, 0, ncap - cap);
            cap = ncap;
        }
        if (seen[id] || Z3_get_ast_kind(s->ctx, t) != Z3_APP_AST)
            continue;
        seen[id] = 1;
        Z3_app app = Z3_to_app(s->ctx, t);
        unsigned n = Z3_get_app_num_args(s->ctx, app), unknown = 0;
        bool mul = Z3_get_decl_kind(s->ctx, Z3_get_app_decl(s->ctx, app)) == Z3_OP_MUL;
        for (unsigned i = 0; i < n; i++) {
            Z3_ast arg = Z3_get_app_arg(s->ctx, app, i);
            unknown += !Z3_is_numeral_ast(s->ctx, arg);
            pv_push(&stack, arg);
        }
        found = mul && unknown >= 2;
    }
    pv_free(&stack);
    free(seen);
    return found;
}

const char *smt_why_undecided(smt *s)
{
    const char *why = s->why_unknown;
    if (s->last_question && multiplies_unknowns(s, s->last_question))
        return "it multiplies numbers that are both unknown, which a prover cannot always decide";
    if (strstr(why, "timeout") || strstr(why, "canceled"))
        return "it gave no answer in its time";
    return why[0] ? why : "it gave no reason";
}

smt_answer smt_assertion_can_fail(smt *s, decl *assertion, strbuf *example)
{
    s->incomplete = false;
    s->incomplete_why = NULL;
    sv v = smt_encode_definition(s, assertion);
    return ask(s, smt_and(s, v.ok, smt_not(s, v.v)), example);
}

/* The parameters of a definition with parameters, as free variables in
 * the range of their types (made once per definition): its exceptions are
 * checked for every value a call could pass. NULL for other definitions. */
static const env *formals_of(smt *s, decl *d, Z3_ast *in_range)
{
    *in_range = smt_true(s);
    if (d->kind != D_DEFINITION || !d->u.def.has_params || d->u.def.params.len == 0)
        return NULL;
    int n = d->u.def.params.len;
    env *en = s->formals[d->position];
    if (!en) {
        en = xcalloc((size_t)n, sizeof *en);
        for (int i = 0; i < n; i++) {
            formal *f = NL_AT(d->u.def.params, i);
            const type *t = f->type->kind == T_OPTIONAL ? f->type->elem : f->type;
            en[i].key = f;
            en[i].value.ok = smt_true(s);
            en[i].value.v = smt_fresh(s, f->name.name, smt_sort_of(s, t));
            if (f->type->kind == T_OPTIONAL)
                en[i].value.present = smt_fresh(s, f->name.name, s->bool_sort);
            if (t->kind == T_DURATION)
                en[i].value.days = smt_fresh(s, f->name.name, s->int_sort);
            en[i].next = i + 1 < n ? &en[i + 1] : NULL;
        }
        s->formals[d->position] = en;
    }
    for (int i = 0; i < n; i++) {
        formal *f = NL_AT(d->u.def.params, i);
        const type *t = f->type->kind == T_OPTIONAL ? f->type->elem : f->type;
        Z3_ast r = smt_range(s, en[i].value.v, t);
        if (en[i].value.present)
            r = Z3_mk_implies(s->ctx, en[i].value.present, r);
        *in_range = smt_and(s, *in_range, r);
    }
    return en;
}

/* For the example: the parameters' values, as a call would pass them. */
typedef struct formals_shown {
    decl *d;
    const env *en;
    strbuf *out;
} formals_shown;

static void write_formals(smt *s, Z3_model m, void *ctx)
{
    formals_shown *w = ctx;
    if (!w->en || !w->out)
        return;
    sb_printf(w->out, "    and '%s' used with ", w->d->name.name);
    int i = 0;
    for (const env *e = w->en; e; e = e->next, i++) {
        const formal *f = e->key;
        sb_printf(w->out, "%s%s = ", i ? ", " : "", f->name.name);
        smt_model_value(s, m, f->type, e->value.v, e->value.days, e->value.present, w->out);
    }
    sb_putc(w->out, '\n');
}

/* Asks about definition d, with its parameters (if any) free. */
static smt_answer ask_about(smt *s, decl *d, const env *en, Z3_ast question, strbuf *example)
{
    formals_shown w = {d, en, example};
    return smt_ask_with(s, question, example, en ? write_formals : NULL, &w);
}

/* The condition under which the rule 'node' is reached: its ancestors apply. */
static Z3_ast reached(smt *s, ast_rule *node, const env *en)
{
    Z3_ast r = smt_true(s);
    for (ast_rule *p = node ? node->parent_rule : NULL; p; p = p->parent_rule) {
        sv c = smt_encode(s, p->cond, en);
        r = smt_and(s, r, smt_and(s, c.ok, c.v));
    }
    return r;
}

smt_answer smt_exceptions_can_conflict(smt *s, decl *d, ast_rule *a, ast_rule *b, strbuf *example)
{
    s->incomplete = false;
    s->incomplete_why = NULL;
    Z3_ast in_range;
    const env *en = formals_of(s, d, &in_range);
    sv ca = smt_encode(s, a->cond, en), cb = smt_encode(s, b->cond, en);
    sv va = smt_rule_value(s, d, a, en), vb = smt_rule_value(s, d, b, en);
    Z3_ast both = smt_and(s, smt_and(s, ca.ok, ca.v), smt_and(s, cb.ok, cb.v));
    Z3_ast differ = smt_and(s, smt_and(s, va.ok, vb.ok), smt_not(s, smt_same_value(s, va, vb)));
    return ask_about(s, d, en, smt_and(s, in_range, smt_and(s, reached(s, a, en), smt_and(s, both, differ))),
                     example);
}

smt_answer smt_exception_can_apply(smt *s, decl *d, ast_rule *r, strbuf *example)
{
    s->incomplete = false;
    s->incomplete_why = NULL;
    Z3_ast in_range;
    const env *en = formals_of(s, d, &in_range);
    sv c = smt_encode(s, r->cond, en);
    return ask_about(s, d, en, smt_and(s, in_range, smt_and(s, reached(s, r, en), smt_and(s, c.ok, c.v))),
                     example);
}

smt_answer smt_definition_can_lack_value(smt *s, decl *d, strbuf *example)
{
    s->incomplete = false;
    s->incomplete_why = NULL;
    Z3_ast in_range;
    const env *en = formals_of(s, d, &in_range);
    /* Every input known: no exception applies (each condition computed and no). */
    Z3_ast none = in_range;
    for (int i = 0; i < d->u.def.rules.len; i++) {
        ast_rule *r = NL_AT(d->u.def.rules, i);
        if (r->is_default || r->parent_rule)
            continue;
        sv c = smt_encode(s, r->cond, en);
        none = smt_and(s, none, smt_and(s, c.ok, smt_not(s, c.v)));
    }
    return ask_about(s, d, en, none, example);
}
