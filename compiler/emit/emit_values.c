/* SPDX-License-Identifier: Apache-2.0 */
/* C for values inside a generated function: conversions, comparisons,
 * lov_values, literals, arithmetic on operands already worked out, and the
 * values that do not change inside a loop, worked out once. */
#include <inttypes.h>
#include <string.h>

#include "emit/emit_gen.h"
#include "core/lov.h"
#include "check/typecheck.h"

/* ---- Values and conversions --------------------------------------------- */

/* The month end rule of the module the rule being written comes from. */
const char *emit_month_rule(gen *g)
{
    return g->owner->module->month_end == ME_OVERFLOW ? "LOV_MONTH_END_OVERFLOW" : "LOV_MONTH_END_CLAMP";
}

/* The value x of type 'from' as type 'to' (int to decimal, T to optional T). */
const char *emit_convert(gen *g, const char *x, const type *from, const type *to)
{
    if (!from || !to || type_equal(from, to))
        return x;
    if (to->kind == T_DEC && from->kind == T_INT)
        return emit_fmt(g, "lov_dec_from_int(%s)", x);
    if (to->kind == T_OPTIONAL && from->kind != T_OPTIONAL) {
        const char *inner = emit_convert(g, x, from, to->elem);
        return emit_fmt(g, "(%s){true, %s}", emit_ctype(g->em, to), inner);
    }
    if (to->kind == T_OPTIONAL && from->kind == T_OPTIONAL && to->elem->kind == T_DEC
        && from->elem->kind == T_INT) {
        const char *t = emit_temp_of(g, to);
        emit_line(g, "%s.present = %s.present;", t, x);
        emit_line(g, "%s.value = lov_dec_from_int(%s.value);", t, x);
        return t;
    }
    return x;
}

/* The C of a comparison whose two sides are the same C (a rule comparing a
 * value with itself): its known result, since operands are free of side
 * effects. clang warns on 'x == x'; the operand stays named, so that a loop
 * variable it reads is still used. */
static const char *same_sides(gen *g, const char *a, bool result)
{
    return emit_fmt(g, "((void)%s, %s)", a, result ? "true" : "false");
}

/* An enumeration case as an operand of a comparison: cast to its type, as
 * an integer literal is written through INT64_C. clang reads 'x == A && x ==
 * B' of two bare cases as always false (-Wtautological-overlap-compare) and
 * refuses it with -Werror, though lov accepts such a rule; another value is
 * written as it is. */
static const char *enum_operand(gen *g, const char *x, const type *t)
{
    const decl *en = t->decl;
    for (int i = 0; en && i < en->u.enum_.cases.len; i++)
        if (strcmp(((enum_case *)NL_AT(en->u.enum_.cases, i))->c_name, x) == 0)
            return emit_fmt(g, "(%s)%s", en->c_public, x);
    return x;
}

/* A C expression that is true when a and b (both of type t) are equal. */
const char *emit_equal(gen *g, const char *a, const char *b, const type *t)
{
    if (strcmp(a, b) == 0)
        return same_sides(g, a, true);
    switch (t->kind) {
    case T_DEC:
        return emit_fmt(g, "(lov_dec_cmp(%s, %s) == 0)", a, b);
    case T_DURATION:
        return emit_fmt(g, "lov_duration_eq(%s, %s)", a, b);
    case T_OPTIONAL:
        return emit_fmt(g, "(%s.present == %s.present && (!%s.present || %s))", a, b, a,
                        emit_equal(g, emit_fmt(g, "%s.value", a), emit_fmt(g, "%s.value", b), t->elem));
    case T_ENUM:
        return emit_fmt(g, "(%s == %s)", enum_operand(g, a, t), enum_operand(g, b, t));
    default:
        return emit_fmt(g, "(%s == %s)", a, b);
    }
}

/* A C int expression <0, 0, >0 comparing a and b of type t (not duration). */
static const char *compare(gen *g, const char *a, const char *b, const type *t)
{
    if (t->kind == T_DEC)
        return emit_fmt(g, "lov_dec_cmp(%s, %s)", a, b);
    if (t->kind == T_DURATION) {
        const char *r = emit_temp(g, "int", "0");
        emit_try_call(g, emit_fmt(g, "lov_duration_cmp(%s, %s, &%s)", a, b, r));
        return r;
    }
    return emit_fmt(g, "((%s > %s) - (%s < %s))", a, b, a, b);
}

/* A C condition: a REL b, for values of type t ("<", "<=", ">", ">="). */
const char *emit_relation(gen *g, const char *a, const char *b, const type *t, const char *rel)
{
    if (strcmp(a, b) == 0)
        return same_sides(g, a, strchr(rel, '=') != NULL);
    if (t->kind == T_DEC || t->kind == T_DURATION)
        return emit_fmt(g, "(%s %s 0)", compare(g, a, b, t), rel);
    return emit_fmt(g, "(%s %s %s)", a, rel, b);
}

/* The common type of two operands compared or chosen between. */
const type *emit_common(const type *a, const type *b)
{
    if (type_is_numeric(a) && type_is_numeric(b))
        return a->kind == T_DEC || b->kind == T_DEC ? type_dec() : type_int();
    if (a->kind == T_OPTIONAL && b->kind != T_OPTIONAL)
        return emit_common(a->elem, b);
    if (b->kind == T_OPTIONAL && a->kind != T_OPTIONAL)
        return emit_common(a, b->elem);
    return a;
}

const char *emit_lov_value_member(const type *t)
{
    switch (t->kind) {
    case T_BOOL: return "b";
    case T_INT: return "i";
    case T_DEC: return "dec";
    case T_MONEY: return "money";
    case T_DATE: return "date";
    case T_DURATION: return "dur";
    case T_ENUM: return "enum_case";
    default: return "i";
    }
}

/* A lov_value for a value of type t (optional: its inner value). */
const char *emit_as_lov_value(gen *g, const char *x, const type *t)
{
    if (t->kind == T_OPTIONAL)
        return emit_as_lov_value(g, emit_fmt(g, "%s.value", x), t->elem);
    if (t->kind == T_ENUM)
        return emit_fmt(g, "(lov_value){.enum_case = (int32_t)%s}", x);
    return emit_fmt(g, "(lov_value){.%s = %s}", emit_lov_value_member(t), x);
}

/* The same as an initializer of a static table. */
const char *emit_lov_value_initializer(gen *g, const char *x, const type *t)
{
    if (t->kind == T_ENUM)
        return emit_fmt(g, "{.enum_case = (int32_t)%s}", x);
    return emit_fmt(g, "{.%s = %s}", emit_lov_value_member(t), x);
}

/* ---- Literals -------------------------------------------------------------- */

const char *emit_literal(gen *g, expr *e)
{
    char buf[64];
    switch (e->kind) {
    case E_BOOL:
        return e->u.b ? "true" : "false";
    case E_INT:
        return emit_fmt(g, "INT64_C(%" PRId64 ")", e->u.i);
    case E_DECIMAL:
        return emit_fmt(g, "((lov_decimal){INT64_C(%" PRId64 "), %d})", e->u.dec.coef, (int)e->u.dec.scale);
    case E_MONEY:
        lov_money_format(e->u.money, buf, sizeof buf);
        return emit_fmt(g, "INT64_C(%" PRId64 ") /* %s */", e->u.money, buf);
    case E_DATE:
        lov_date_format(e->u.date, buf);
        /* through INT32_C, as integers through INT64_C: clang reads two
         * comparisons of one date with bare literals, 'd > 18262 && d < 17897',
         * as always false (-Wtautological-overlap-compare) */
        return emit_fmt(g, "INT32_C(%d) /* %s */", (int)e->u.date, buf);
    case E_DURATION:
        return emit_fmt(g, "((lov_duration){%d, %d})", (int)e->u.dur.months, (int)e->u.dur.days);
    default:
        return NULL;
    }
}

/* ---- Arithmetic on values worked out ------------------------------------------- */

static const char *arith_call(gen *g, const type *t, const char *fn_int, const char *fn_dec,
                              const char *fn_money, const char *a, const char *b)
{
    const char *r = emit_temp_of(g, t);
    const char *fn = t->kind == T_DEC ? fn_dec : t->kind == T_MONEY ? fn_money : fn_int;
    emit_try_call(g, emit_fmt(g, "%s(%s, %s, &%s)", fn, a, b, r));
    return r;
}

const char *emit_gen_add_sub(gen *g, expr *e, const char *a, const char *b)
{
    bool sub = e->u.binary.op == B_SUB;
    const type *l = e->u.binary.lhs->type, *r = e->u.binary.rhs->type, *t = e->type;
    if (t->kind == T_INT || t->kind == T_DEC || t->kind == T_MONEY)
        return arith_call(g, t, sub ? "lov_int_sub" : "lov_int_add", sub ? "lov_dec_sub" : "lov_dec_add",
                          sub ? "lov_money_sub" : "lov_money_add", emit_convert(g, a, l, t),
                          emit_convert(g, b, r, t));
    if (t->kind == T_DATE) {
        const char *res = emit_temp(g, "lov_date", "0");
        const char *date = l->kind == T_DATE ? a : b, *dur = l->kind == T_DATE ? b : a;
        emit_try_call(g, emit_fmt(g, "%s(%s, %s, %s, &%s)", sub ? "lov_date_sub_duration" : "lov_date_add_duration",
                                  date, dur, emit_month_rule(g), res));
        return res;
    }
    /* durations: date - date, or duration +/- duration */
    const char *res = emit_temp(g, "lov_duration", "{0, 0}");
    if (l->kind == T_DATE) {
        emit_try_call(g, emit_fmt(g, "lov_duration_days(lov_date_days_between(%s, %s), &%s)", b, a, res));
        return res;
    }
    if (sub) {
        const char *neg = emit_temp(g, "lov_duration", "{0, 0}");
        emit_try_call(g, emit_fmt(g, "lov_duration_neg(%s, &%s)", b, neg));
        b = neg;
    }
    emit_try_call(g, emit_fmt(g, "lov_duration_add(%s, %s, &%s)", a, b, res));
    return res;
}

const char *emit_gen_mul(gen *g, expr *e, const char *a, const char *b)
{
    const type *l = e->u.binary.lhs->type, *r = e->u.binary.rhs->type, *t = e->type;
    if (t->kind == T_INT || t->kind == T_DEC)
        return arith_call(g, t, "lov_int_mul", "lov_dec_mul", "", emit_convert(g, a, l, t),
                          emit_convert(g, b, r, t));
    if (t->kind == T_MONEY) {
        const char *res = emit_temp(g, "lov_money", "0");
        const char *m = l->kind == T_MONEY ? a : b, *k = l->kind == T_MONEY ? b : a;
        emit_try_call(g, emit_fmt(g, "lov_money_mul_int(%s, %s, &%s)", m, k, res));
        return res;
    }
    const char *res = emit_temp(g, "lov_duration", "{0, 0}");
    const char *d = l->kind == T_DURATION ? a : b, *k = l->kind == T_DURATION ? b : a;
    emit_try_call(g, emit_fmt(g, "lov_duration_mul(%s, %s, &%s)", d, k, res));
    return res;
}

/* ---- Values that do not change inside a loop ------------------------------------ */

/* Does e read the aggregate variable v? */
typedef struct var_use {
    const aggr_var *var;
    bool found;
} var_use;

static void visit_var(expr *e, void *ctx)
{
    var_use *u = ctx;
    if (e->kind == E_NAME && e->u.name.ref == REF_VAR && e->u.name.target == u->var)
        u->found = true;
}

bool emit_uses_var(const expr *e, const aggr_var *v)
{
    var_use u = {v, false};
    ast_walk((expr *)e, visit_var, &u);
    return u.found;
}

/* Worth keeping from one item of the loop to the next: work that does not
 * depend on the item (a literal or a plain read is not worth it). */
bool emit_worth_caching(const gen *g, const expr *e)
{
    if (!g->loop_var || e->type == NULL || e->type->kind == T_RECORD)
        return false;
    switch (e->kind) {
    case E_CALL: case E_UNIT: case E_ROUNDED: case E_AT: case E_IF: case E_MATCH: case E_OTHERWISE:
    case E_AGGREGATE:
        break;
    case E_BINARY:
        if (e->u.binary.op > B_DIV)
            return false;
        break;
    default:
        return false;
    }
    return e->inexact == EXACT && !emit_uses_var(e, g->loop_var);
}

/* Works e out at its first use in the loop and keeps it for the rest: the
 * same value, and the same failure at the same point, as working it out each
 * time. */
const char *emit_gen_cached(gen *g, expr *e, const type *t, const char *(*gen_fn)(gen *, expr *))
{
    if (g->fast)
        return emit_gen_hoisted(g, e, gen_fn);
    const char *value = emit_temp_of(g, t);
    const char *done = emit_temp(g, "bool", "false");
    sb_printf(g->loop_resets, "%s = false;\n", done);
    emit_line(g, "if (!%s) {    /* the same for every item */", done);
    g->indent++;
    aggr_var *saved = g->loop_var;
    g->loop_var = NULL;
    emit_line(g, "%s = %s;", value, gen_fn(g, e));
    g->loop_var = saved;
    emit_line(g, "%s = true;", done);
    g->indent--;
    emit_line(g, "}");
    return value;
}

/* The fast path: worked out once, before the loop, even if no item needs it
 * (should it fail, the fast path is left and the rules that explain decide). */
const char *emit_gen_hoisted(gen *g, expr *e, const char *(*gen_fn)(gen *, expr *))
{
    hoist_state h;
    emit_hoist_begin(g, &h);
    const char *value = emit_temp_of(g, e->type);
    emit_line(g, "%s = %s;", value, gen_fn(g, e));
    emit_hoist_end(g, &h);
    return value;
}
