/* The questions of the legal-safety checks about harm. Each compares two
 * cases that differ in one fact: the case as encoded, and a copy of it in
 * which that fact's terms are replaced (Z3_substitute), so that "nothing
 * else changed" holds by construction. */
#include "prove/smt_internal.h"

#include <stdio.h>

#include "core/lov.h"

/* Zero of a value's sort: false, 0 or 0.0. */
static Z3_ast zero_like(smt *s, Z3_ast v)
{
    Z3_sort sort = Z3_get_sort(s->ctx, v);
    switch (Z3_get_sort_kind(s->ctx, sort)) {
    case Z3_BOOL_SORT: return smt_false(s);
    case Z3_REAL_SORT: return smt_real(s, 0, 0);
    default: return smt_int(s, 0);
    }
}

/* The outcome is given and harms: its value is computed and differs from
 * its default (or, without a default, is yes or not zero). */
static Z3_ast harm_of(smt *s, decl *outcome)
{
    sv v = smt_encode_definition(s, outcome);
    ast_rule *dflt = outcome->u.def.default_rule;
    if (dflt) {
        sv d = smt_as_type(s, smt_encode(s, dflt->value, NULL), outcome->type);
        return smt_and(s, smt_and(s, v.ok, d.ok), smt_not(s, smt_same_value(s, v, d)));
    }
    if (outcome->type->kind == T_BOOL)
        return smt_and(s, v.ok, v.v);
    return smt_and(s, v.ok, smt_not(s, smt_eq(s, v.v, zero_like(s, v.v))));
}

static Z3_ast holds(smt *s, decl *d)
{
    sv v = smt_encode_definition(s, d);
    return smt_and(s, v.ok, v.v);
}

static Z3_ast substitute(smt *s, Z3_ast t, unsigned n, Z3_ast *from, Z3_ast *to)
{
    return Z3_substitute(s->ctx, t, n, from, to);
}

static void begin(smt *s)
{
    s->incomplete = false;
    s->incomplete_why = NULL;
}

/* What the other case is, for the example. */
typedef struct other_case {
    decl *input;
    decl *outcome;
    Z3_ast v, days, present;
    strbuf *out;
    bool after_reference;
} other_case;

static void write_other(smt *s, Z3_model m, void *ctx)
{
    other_case *o = ctx;
    if (!o->out)
        return;
    sb_printf(o->out, "    and with %s = ", o->input->name.name);
    smt_model_value(s, m, o->input->type, o->v, o->days, o->present, o->out);
    sb_printf(o->out, "%s, nothing else changed, '%s' does not harm the citizen",
              o->after_reference ? " (after the reference date)" : " registered", o->outcome->name.name);
}

smt_answer smt_harm_when_date_passes(smt *s, decl *outcome, decl *date, decl *protection, strbuf *example,
                                     strbuf *other)
{
    begin(s);
    if (!s->reference)
        return SMT_UNSAT;
    input_terms *in = &s->inputs[date->slot];
    Z3_ast e = in->value.v;
    Z3_ast moved = smt_fresh(s, date->name.name, s->int_sort);
    pv_push(&s->extras, moved);
    pv_push(&s->extras, (void *)(date->type->kind == T_OPTIONAL ? date->type->elem : date->type));
    Z3_ast harm = harm_of(s, outcome);
    Z3_ast harm_moved = substitute(s, harm, 1, &e, &moved);
    Z3_ast q = smt_and(s, harm, smt_not(s, harm_moved));
    q = smt_and(s, q, smt_and(s, smt_lt(s, s->reference, moved), smt_lt(s, e, moved)));
    q = smt_and(s, q, smt_range(s, moved, date->type->kind == T_OPTIONAL ? date->type->elem : date->type));
    if (in->value.present)
        q = smt_and(s, q, in->value.present);
    if (protection) {
        Z3_ast p = holds(s, protection);
        q = smt_and(s, q, smt_and(s, smt_not(s, p), substitute(s, p, 1, &e, &moved)));
    }
    other_case o = {date, outcome, moved, NULL, NULL, other, true};
    const type *t = date->type;
    o.present = t->kind == T_OPTIONAL ? smt_true(s) : NULL;
    return smt_ask_with(s, q, example, write_other, &o);
}

smt_answer smt_harm_when_absent(smt *s, decl *outcome, decl *input, strbuf *example, strbuf *other)
{
    begin(s);
    input_terms *in = &s->inputs[input->slot];
    if (!in->value.present)
        return SMT_UNSAT;
    const type *inner = input->type->elem;
    Z3_ast from[3] = {in->value.present, in->value.v, in->value.days};
    Z3_ast to[3] = {smt_true(s), smt_fresh(s, input->name.name, smt_sort_of(s, inner)), NULL};
    unsigned n = 2;
    pv_push(&s->extras, to[1]);
    pv_push(&s->extras, (void *)inner);
    if (in->value.days) {
        to[2] = smt_fresh(s, input->name.name, s->int_sort);
        n = 3;
    }
    Z3_ast harm = harm_of(s, outcome);
    Z3_ast q = smt_and(s, smt_and(s, smt_not(s, in->value.present), harm),
                       smt_not(s, substitute(s, harm, n, from, to)));
    q = smt_and(s, q, smt_range(s, to[1], inner));
    other_case o = {input, outcome, to[1], n == 3 ? to[2] : NULL, NULL, other, false};
    return smt_ask_with(s, q, example, write_other, &o);
}
