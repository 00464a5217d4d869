/* SPDX-License-Identifier: Apache-2.0 */
/* The questions of the legal-safety checks about harm. Each compares two
 * cases that differ in one fact: the case as encoded, and a copy of it in
 * which that fact's terms are replaced (Z3_substitute), so that "nothing
 * else changed" holds by construction. */
#include "prove/smt_internal.h"

#include <stdio.h>
#include <stdlib.h>

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

/* Every prerequisite of the outcome holds: it is given, not held back. */
static Z3_ast given(smt *s, decl *outcome)
{
    Z3_ast all = smt_true(s);
    for (int i = 0; i < outcome->u.def.requires.len; i++) {
        sv c = smt_encode(s, ((requirement *)NL_AT(outcome->u.def.requires, i))->cond, NULL);
        all = smt_and(s, all, smt_and(s, c.ok, c.v));
    }
    return all;
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

/* What is known of the calendar functions (the side facts) in the other
 * case too: its dates are other dates. */
static Z3_ast side_in_copy(smt *s, unsigned n, Z3_ast *from, Z3_ast *to)
{
    if (!s->side.len)
        return smt_true(s);
    return substitute(s, Z3_mk_and(s->ctx, (unsigned)s->side.len, (Z3_ast *)s->side.items), n, from, to);
}

static void begin(smt *s)
{
    s->incomplete = false;
    s->incomplete_why = NULL;
}

/* One fact the question changes: a scalar input, or one field of one item
 * of a list (or of a record) input. */
typedef struct fact {
    Z3_ast v, present, days;     /* its terms; present and days may be NULL */
    Z3_ast exists;               /* Bool: the item is there (true for a scalar) */
    int item;                    /* 0-based item of a list, -1 otherwise */
} fact;

/* The facts of input d (field f of its records, or -1 for a scalar). */
static int facts_of(smt *s, decl *d, int f, fact *out, int cap)
{
    input_terms *in = &s->inputs[d->slot];
    if (f < 0) {
        out[0] = (fact){in->value.v, in->value.present, in->value.days, smt_true(s), -1};
        return 1;
    }
    int n = d->type->kind == T_LIST ? s->bound : 1;
    if (n > cap)
        n = cap;
    for (int e = 0; e < n; e++) {
        Z3_ast exists = d->type->kind == T_LIST ? smt_lt(s, smt_int(s, e), in->len) : smt_true(s);
        out[e] = (fact){in->fields[e][f], in->field_present[e][f], in->field_days[e][f], exists,
                        d->type->kind == T_LIST ? e : -1};
    }
    return n;
}

/* The type of input d's fact (field f, or the input itself), optional or not. */
static const type *fact_type(const decl *d, int f)
{
    return f < 0 ? d->type : type_input_field(d, f)->type;
}

static const char *fact_name(const decl *d, int f)
{
    return f < 0 ? d->name.name : type_input_field(d, f)->name.name;
}

enum { MAX_FACTS = 64 };

/* What the other case is, for the example. */
typedef struct other_case {
    decl *input;
    int field;
    decl *outcome;
    fact facts[MAX_FACTS];
    Z3_ast changed[MAX_FACTS];   /* the new value of each fact */
    Z3_ast changed_days[MAX_FACTS];
    Z3_ast which[MAX_FACTS];     /* Bool: the question holds through this fact */
    int n;
    strbuf *out;
    bool after_reference;
    const char *then;            /* what no longer holds in the other case */
} other_case;

static bool model_true(smt *s, Z3_model m, Z3_ast t)
{
    Z3_ast r;
    return Z3_model_eval(s->ctx, m, t, true, &r) && Z3_get_bool_value(s->ctx, r) == Z3_L_TRUE;
}

static void write_other(smt *s, Z3_model m, void *ctx)
{
    other_case *o = ctx;
    if (!o->out)
        return;
    int k = 0;
    while (k + 1 < o->n && !model_true(s, m, o->which[k]))
        k++;
    const type *t = fact_type(o->input, o->field);
    sb_printf(o->out, "    and with %s = ", fact_name(o->input, o->field));
    smt_model_value(s, m, t->kind == T_OPTIONAL ? t->elem : t, o->changed[k], o->changed_days[k], NULL, o->out);
    if (o->field >= 0 && o->facts[k].item >= 0)
        sb_printf(o->out, " in item %d of %s", o->facts[k].item + 1, o->input->name.name);
    sb_printf(o->out, "%s, nothing else changed, ", o->after_reference ? " (after the reference date)" : " registered");
    if (o->then)
        sb_puts(o->out, o->then);
    else
        sb_printf(o->out, "'%s' does not harm the citizen", o->outcome->name.name);
}

/* The other case of a question about input's fact (field, or -1), for 'out'. */
static other_case *other_case_new(smt *s, decl *input, int field, decl *outcome, strbuf *out)
{
    other_case *o = xcalloc(1, sizeof *o);
    o->input = input;
    o->field = field;
    o->outcome = outcome;
    o->out = out;
    o->n = facts_of(s, input, field, o->facts, MAX_FACTS);
    return o;
}

smt_answer smt_harm_when_date_passes(smt *s, decl *outcome, decl *date, int field, decl *protection,
                                     strbuf *example, strbuf *other)
{
    begin(s);
    if (!s->reference)
        return SMT_UNSAT;
    other_case *o = other_case_new(s, date, field, outcome, other);
    o->after_reference = true;
    const type *t = fact_type(date, field);
    const type *inner = t->kind == T_OPTIONAL ? t->elem : t;
    Z3_ast harm = harm_of(s, outcome);
    Z3_ast p = protection ? holds(s, protection) : NULL;
    Z3_ast q = smt_false(s);
    for (int k = 0; k < o->n; k++) {
        fact *f = &o->facts[k];
        Z3_ast moved = smt_fresh(s, fact_name(date, field), s->int_sort);
        pv_push(&s->extras, moved);
        pv_push(&s->extras, (void *)inner);
        o->changed[k] = moved;
        Z3_ast qk = smt_and(s, f->exists, smt_not(s, substitute(s, harm, 1, &f->v, &moved)));
        qk = smt_and(s, qk, side_in_copy(s, 1, &f->v, &moved));
        qk = smt_and(s, qk, smt_and(s, smt_lt(s, s->reference, moved), smt_lt(s, f->v, moved)));
        qk = smt_and(s, qk, smt_range(s, moved, inner));
        if (f->present)
            qk = smt_and(s, qk, f->present);
        if (p)
            qk = smt_and(s, qk, smt_and(s, smt_not(s, p), substitute(s, p, 1, &f->v, &moved)));
        o->which[k] = qk;
        q = smt_or(s, q, qk);
    }
    /* In the case itself the outcome is given (its prerequisites hold), so
     * that the example shows the harm done. */
    smt_answer a = smt_ask_with(s, smt_and(s, smt_and(s, harm, given(s, outcome)), q), example, write_other, o);
    free(o);
    return a;
}

/* Can 'target' hold because the optional fact is absent: a case in which
 * it is absent and target holds, and the same case with the fact given
 * some value in which it does not? */
static smt_answer holds_when_absent(smt *s, Z3_ast target, Z3_ast also, decl *outcome, decl *input, int field,
                                    const char *then, strbuf *example, strbuf *other)
{
    const type *t = fact_type(input, field);
    if (t->kind != T_OPTIONAL)
        return SMT_UNSAT;
    const type *inner = t->elem;
    other_case *o = other_case_new(s, input, field, outcome, other);
    o->then = then;
    Z3_ast q = smt_false(s);
    for (int k = 0; k < o->n; k++) {
        fact *f = &o->facts[k];
        Z3_ast from[3] = {f->present, f->v, f->days};
        Z3_ast to[3] = {smt_true(s), smt_fresh(s, fact_name(input, field), smt_sort_of(s, inner)), NULL};
        unsigned n = 2;
        pv_push(&s->extras, to[1]);
        pv_push(&s->extras, (void *)inner);
        if (f->days) {
            to[2] = smt_fresh(s, fact_name(input, field), s->int_sort);
            n = 3;
        }
        o->changed[k] = to[1];
        o->changed_days[k] = to[2];
        Z3_ast qk = smt_and(s, smt_and(s, f->exists, smt_not(s, f->present)),
                            smt_not(s, substitute(s, target, n, from, to)));
        qk = smt_and(s, qk, side_in_copy(s, n, from, to));
        qk = smt_and(s, qk, smt_range(s, to[1], inner));
        o->which[k] = qk;
        q = smt_or(s, q, qk);
    }
    smt_answer a = smt_ask_with(s, smt_and(s, smt_and(s, target, also), q), example, write_other, o);
    free(o);
    return a;
}

smt_answer smt_harm_when_absent(smt *s, decl *outcome, decl *input, int field, strbuf *example, strbuf *other)
{
    begin(s);
    /* The prerequisites hold in the case (the harm is done), whatever they
     * are in the other: the target is the harm alone. */
    return holds_when_absent(s, harm_of(s, outcome), given(s, outcome), outcome, input, field, NULL, example,
                             other);
}

static Z3_ast requirement_holds(smt *s, requirement *req)
{
    sv v = smt_encode(s, req->cond, NULL);
    return smt_and(s, v.ok, v.v);
}

smt_answer smt_requirement_can_fail(smt *s, requirement *req, strbuf *example)
{
    begin(s);
    return smt_ask_with(s, smt_not(s, requirement_holds(s, req)), example, NULL, NULL);
}

smt_answer smt_requirement_met_when_absent(smt *s, decl *outcome, requirement *req, decl *input, int field,
                                           strbuf *example, strbuf *other)
{
    begin(s);
    return holds_when_absent(s, requirement_holds(s, req), smt_true(s), outcome, input, field,
                             "the prerequisite is not met", example, other);
}
