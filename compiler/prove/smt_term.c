/* SPDX-License-Identifier: Apache-2.0 */
/* The terms the prover works with: Z3's constructors, and the value of an
 * expression (sv: computed or not, the value, a duration's days, an
 * optional's presence), with what is built from values alone (three-valued
 * 'and'/'or', equality of values, a value as the type of a definition). */
#include "prove/smt_internal.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

/* ---- Terms --------------------------------------------------------------- */

Z3_ast smt_true(smt *s) { return Z3_mk_true(s->ctx); }
Z3_ast smt_false(smt *s) { return Z3_mk_false(s->ctx); }
Z3_ast smt_int(smt *s, int64_t v) { return Z3_mk_int64(s->ctx, v, s->int_sort); }
Z3_ast smt_not(smt *s, Z3_ast a) { return Z3_mk_not(s->ctx, a); }
Z3_ast smt_eq(smt *s, Z3_ast a, Z3_ast b) { return Z3_mk_eq(s->ctx, a, b); }
Z3_ast smt_ite(smt *s, Z3_ast c, Z3_ast a, Z3_ast b) { return Z3_mk_ite(s->ctx, c, a, b); }
Z3_ast smt_le(smt *s, Z3_ast a, Z3_ast b) { return Z3_mk_le(s->ctx, a, b); }
Z3_ast smt_lt(smt *s, Z3_ast a, Z3_ast b) { return Z3_mk_lt(s->ctx, a, b); }

Z3_ast smt_and(smt *s, Z3_ast a, Z3_ast b)
{
    Z3_ast args[2] = {a, b};
    return Z3_mk_and(s->ctx, 2, args);
}

Z3_ast smt_or(smt *s, Z3_ast a, Z3_ast b)
{
    Z3_ast args[2] = {a, b};
    return Z3_mk_or(s->ctx, 2, args);
}

Z3_ast smt_add(smt *s, Z3_ast a, Z3_ast b)
{
    Z3_ast args[2] = {a, b};
    return Z3_mk_add(s->ctx, 2, args);
}

Z3_ast smt_sub(smt *s, Z3_ast a, Z3_ast b)
{
    Z3_ast args[2] = {a, b};
    return Z3_mk_sub(s->ctx, 2, args);
}

Z3_ast smt_mul(smt *s, Z3_ast a, Z3_ast b)
{
    Z3_ast args[2] = {a, b};
    return Z3_mk_mul(s->ctx, 2, args);
}

Z3_ast smt_real(smt *s, int64_t coef, int scale)
{
    char buf[64];
    if (scale == 0)
        snprintf(buf, sizeof buf, "%" PRId64, coef);
    else {
        char den[32] = "1";
        for (int i = 0; i < scale; i++)
            strcat(den, "0");
        snprintf(buf, sizeof buf, "%" PRId64 "/%s", coef, den);
    }
    return Z3_mk_numeral(s->ctx, buf, s->real_sort);
}

Z3_ast smt_to_real(smt *s, Z3_ast a)
{
    return Z3_get_sort_kind(s->ctx, Z3_get_sort(s->ctx, a)) == Z3_INT_SORT ? Z3_mk_int2real(s->ctx, a) : a;
}

sv smt_value_of(Z3_ast ok, Z3_ast v)
{
    sv r = {ok, v, NULL, NULL};
    return r;
}

sv smt_known(smt *s, Z3_ast v)
{
    return smt_value_of(smt_true(s), v);
}

/* A term for "this value is absent / undetermined"; its value does not matter. */
sv smt_failed(smt *s, const type *t)
{
    sv r = {smt_false(s), smt_int(s, 0), NULL, NULL};
    if (t && t->kind == T_BOOL)
        r.v = smt_false(s);
    if (t && t->kind == T_DEC)
        r.v = smt_real(s, 0, 0);
    if (t && t->kind == T_DURATION)
        r.days = smt_int(s, 0);
    if (t && t->kind == T_OPTIONAL)
        r.present = smt_false(s);
    return r;
}

/* A part of the rules the encoding does not follow: a question that reads
 * it is never answered "no such case" (that would be a proof of nothing). */
sv smt_unsupported(smt *s, const type *t, const char *why)
{
    s->incomplete = true;
    if (!s->incomplete_why)
        s->incomplete_why = why;
    return smt_failed(s, t);
}

Z3_sort smt_sort_of(smt *s, const type *t)
{
    if (t->kind == T_OPTIONAL)
        t = t->elem;
    switch (t->kind) {
    case T_BOOL: return s->bool_sort;
    case T_DEC: return s->real_sort;
    default: return s->int_sort;
    }
}

Z3_ast smt_fresh(smt *s, const char *name, Z3_sort sort)
{
    return Z3_mk_fresh_const(s->ctx, name, sort);
}

/* ---- Values ------------------------------------------------------------- */

/* Kleene 'and' / 'or', as the generated C: a side that decides alone is enough. */
sv smt_logic(smt *s, binop op, sv a, sv b)
{
    Z3_ast av = op == B_IMPLIES ? smt_not(s, a.v) : a.v;
    bool is_and = op == B_AND;
    Z3_ast a_decides = smt_and(s, a.ok, is_and ? smt_not(s, av) : av);
    Z3_ast b_decides = smt_and(s, b.ok, is_and ? smt_not(s, b.v) : b.v);
    Z3_ast decided = smt_or(s, a_decides, b_decides);
    Z3_ast both = smt_and(s, a.ok, b.ok);
    sv r;
    r.ok = smt_or(s, decided, both);
    r.v = is_and ? smt_and(s, av, b.v) : smt_or(s, av, b.v);
    r.v = smt_ite(s, decided, is_and ? smt_false(s) : smt_true(s), r.v);
    r.days = r.present = NULL;
    return r;
}

Z3_ast smt_both_ok(smt *s, sv a, sv b)
{
    return smt_and(s, a.ok, b.ok);
}

Z3_ast smt_ok_all(smt *s, sv *vals, int n)
{
    Z3_ast ok = smt_true(s);
    for (int i = 0; i < n; i++)
        ok = smt_and(s, ok, vals[i].ok);
    return ok;
}

Z3_ast smt_same_value(smt *s, sv a, sv b)
{
    Z3_ast eq = smt_eq(s, a.v, b.v);
    if (a.days && b.days)
        eq = smt_and(s, eq, smt_eq(s, a.days, b.days));
    if (a.present && b.present)
        eq = smt_and(s, smt_eq(s, a.present, b.present), smt_or(s, smt_not(s, a.present), eq));
    return eq;
}

sv smt_as_type(smt *s, sv v, const type *t)
{
    const type *inner = t->kind == T_OPTIONAL ? t->elem : t;
    if (inner->kind == T_DEC)
        v.v = smt_to_real(s, v.v);
    if (t->kind == T_OPTIONAL && !v.present)
        v.present = smt_true(s);
    if (inner->kind == T_DURATION && !v.days)
        v.days = smt_int(s, 0);
    return v;
}
