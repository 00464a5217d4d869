/* SPDX-License-Identifier: Apache-2.0 */
/* The type rules of arithmetic (+, -, *, /) and comparisons (=, <, ...),
 * given the types of the operands: numbers, amounts, dates and durations,
 * the exactness of amounts, and the message when the operands do not go
 * together. */
#include "check/typecheck.h"

#include "check/expr_equal.h"
#include "check/typecheck_internal.h"
#include "check/types.h"

/* ---- Arithmetic ------------------------------------------------------- */

/* What can be done with a date in arithmetic. */
#define DATE_HINT "a date takes a duration added or subtracted, as in d + 14 days or d - 1 month"

/* Money against a number: when the amount is the one written with 'kr' and
 * the number is computed (hours, a count), the 'kr' is the slip. */
static const char *money_hint(const expr *e, const char *usual)
{
    const expr *l = e->u.binary.lhs, *r = e->u.binary.rhs;
    bool l_amount = l->kind == E_MONEY, r_amount = r->kind == E_MONEY;
    bool l_number = l->kind == E_INT || l->kind == E_DECIMAL, r_number = r->kind == E_INT || r->kind == E_DECIMAL;
    if ((l_amount && !r_number && r->type && type_is_numeric(r->type))
        || (r_amount && !l_number && l->type && type_is_numeric(l->type)))
        return "the number is not an amount: if it counts something (hours, days), write the other side without 'kr'";
    return usual;
}

static void mismatch(checker *c, expr *e, const char *verb, type *l, type *r, const char *hint)
{
    diag_error(c->diag, e->u.binary.op_loc, "cannot %s %s and %s%s%s", verb, tc_tname(c, l),
               tc_tname(c, r), hint ? ": " : "", hint ? hint : "");
}

/* Combines the exactness of the operands of + and -. */
static void combine_inexact(checker *c, expr *e, expr *l, expr *r)
{
    if (l->inexact == INEXACT_DIVISION)
        tc_need_exact(c, l);
    if (r->inexact == INEXACT_DIVISION)
        tc_need_exact(c, r);
    e->inexact = l->inexact || r->inexact ? INEXACT_PRODUCT : EXACT;
}

type *tc_check_add_sub(checker *c, expr *e, type *l, type *r)
{
    bool sub = e->u.binary.op == B_SUB;
    const char *verb = sub ? "subtract" : "add";
    expr *le = e->u.binary.lhs, *re = e->u.binary.rhs;
    if (l->kind == T_INT && r->kind == T_INT)
        return type_int();
    if (type_is_numeric(l) && type_is_numeric(r))
        return type_dec();
    if (l->kind == T_MONEY && r->kind == T_MONEY) {
        combine_inexact(c, e, le, re);
        return type_money();
    }
    if (l->kind == T_DATE && r->kind == T_DURATION) {
        tc_need_month_rule(c, e->loc, r);
        return type_date();
    }
    if (!sub && l->kind == T_DURATION && r->kind == T_DATE) {
        tc_need_month_rule(c, e->loc, l);
        return type_date();
    }
    if (sub && l->kind == T_DATE && r->kind == T_DATE)
        return type_duration(DU_DAYS);
    if (l->kind == T_DURATION && r->kind == T_DURATION)
        return type_duration((dur_unit)(l->unit | r->unit));
    if ((l->kind == T_MONEY && type_is_numeric(r)) || (r->kind == T_MONEY && type_is_numeric(l)))
        mismatch(c, e, verb, l, r, money_hint(e, "write amounts with 'kr', for example 100 kr"));
    else if (l->kind == T_DATE && type_is_numeric(r))
        mismatch(c, e, verb, l, r, "write a duration, for example 14 days or 1 month");
    else if (l->kind == T_DATE && r->kind == T_DATE)
        mismatch(c, e, verb, l, r, "the days between two dates are 'later - earlier'");
    else if (l->kind == T_OPTIONAL || r->kind == T_OPTIONAL)
        tc_need_not_optional(c, l->kind == T_OPTIONAL ? le : re, l->kind == T_OPTIONAL ? l : r);
    else
        mismatch(c, e, verb, l, r, l->kind == T_DATE || r->kind == T_DATE ? DATE_HINT : NULL);
    return type_error();
}

type *tc_check_mul(checker *c, expr *e, type *l, type *r)
{
    expr *le = e->u.binary.lhs, *re = e->u.binary.rhs;
    if (le->inexact == INEXACT_DIVISION)
        tc_need_exact(c, le);
    if (re->inexact == INEXACT_DIVISION)
        tc_need_exact(c, re);
    if (l->kind == T_INT && r->kind == T_INT)
        return type_int();
    if (type_is_numeric(l) && type_is_numeric(r))
        return type_dec();
    if ((l->kind == T_MONEY && type_is_numeric(r)) || (r->kind == T_MONEY && type_is_numeric(l))) {
        type *num = l->kind == T_MONEY ? r : l;
        e->inexact = num->kind == T_DEC || le->inexact || re->inexact ? INEXACT_PRODUCT : EXACT;
        return type_money();
    }
    if (l->kind == T_DURATION && r->kind == T_INT)
        return l;
    if (l->kind == T_INT && r->kind == T_DURATION)
        return r;
    if (l->kind == T_MONEY && r->kind == T_MONEY)
        mismatch(c, e, "multiply", l, r, "an amount can be multiplied by a number, not by an amount");
    else if (l->kind == T_OPTIONAL || r->kind == T_OPTIONAL)
        tc_need_not_optional(c, l->kind == T_OPTIONAL ? le : re, l->kind == T_OPTIONAL ? l : r);
    else
        mismatch(c, e, "multiply", l, r,
                 l->kind == T_DATE || r->kind == T_DATE ? DATE_HINT : NULL);
    return type_error();
}

type *tc_check_div(checker *c, expr *e, type *l, type *r)
{
    expr *le = e->u.binary.lhs, *re = e->u.binary.rhs;
    tc_need_exact(c, le);
    tc_need_exact(c, re);
    e->inexact = INEXACT_DIVISION;
    if (type_is_numeric(l) && type_is_numeric(r))
        return type_dec();
    if (l->kind == T_MONEY && type_is_numeric(r))
        return type_money();
    if (l->kind == T_MONEY && r->kind == T_MONEY)
        return type_dec();
    e->inexact = EXACT;
    if (l->kind == T_OPTIONAL || r->kind == T_OPTIONAL)
        tc_need_not_optional(c, l->kind == T_OPTIONAL ? le : re, l->kind == T_OPTIONAL ? l : r);
    else
        mismatch(c, e, "divide", l, r, l->kind == T_DATE || r->kind == T_DATE ? DATE_HINT : NULL);
    return type_error();
}

/* ---- Comparisons ------------------------------------------------------ */

/* May values of types l and r be compared with = and !=? */
static bool comparable(const type *l, const type *r)
{
    if (type_is_numeric(l) && type_is_numeric(r))
        return true;
    if (l->kind == T_OPTIONAL && r->kind != T_OPTIONAL)
        return comparable(l->elem, r);
    if (r->kind == T_OPTIONAL && l->kind != T_OPTIONAL)
        return comparable(l, r->elem);
    return type_equal(l, r) && l->kind != T_LIST && l->kind != T_RECORD;
}

static void check_duration_units(checker *c, src_loc loc, const type *l, const type *r)
{
    if (l->kind == T_DURATION && r->kind == T_DURATION && l->unit != DU_ANY && r->unit != DU_ANY
        && (l->unit | r->unit) == DU_MIXED)
        diag_error(c->diag, loc, "durations in days and in months cannot be compared: a month has "
                   "no fixed number of days");
}

/* A comparison of a value with itself is always yes or always no: most
 * likely another value was meant. */
static void check_self_comparison(checker *c, const expr *e)
{
    binop op = e->u.binary.op;
    if (!expr_equal(e->u.binary.lhs, e->u.binary.rhs))
        return;
    bool always = op == B_EQ || op == B_LE || op == B_GE;
    diag_warning(c->diag, "self-comparison", e->u.binary.op_loc,
                 "both sides of this comparison are the same, so it is always %s; was another "
                 "value meant?", always ? "yes" : "no");
}

type *tc_check_compare(checker *c, expr *e, type *l, type *r)
{
    binop op = e->u.binary.op;
    if (op == B_EQ || op == B_NE) {
        if (!comparable(l, r)) {
            mismatch(c, e, "compare", l, r, NULL);
        } else {
            check_duration_units(c, e->u.binary.op_loc, l, r);
            check_self_comparison(c, e);
        }
        return type_bool();
    }
    if (l->kind == T_OPTIONAL || r->kind == T_OPTIONAL) {
        tc_need_not_optional(c, l->kind == T_OPTIONAL ? e->u.binary.lhs : e->u.binary.rhs,
                          l->kind == T_OPTIONAL ? l : r);
        return type_bool();
    }
    if (type_is_numeric(l) && type_is_numeric(r)) {
        check_self_comparison(c, e);
        return type_bool();
    }
    if (!type_equal(l, r) || !tc_is_ordered(l)) {
        const char *hint = (l->kind == T_MONEY && type_is_numeric(r))
                                   || (r->kind == T_MONEY && type_is_numeric(l))
                               ? money_hint(e, "write amounts with 'kr', for example 0 kr")
                           : l->kind == T_ENUM || l->kind == T_BOOL
                               ? "only numbers, amounts, dates and durations have an order"
                               : NULL;
        mismatch(c, e, "compare", l, r, hint);
        return type_bool();
    }
    check_duration_units(c, e->u.binary.op_loc, l, r);
    check_self_comparison(c, e);
    return type_bool();
}
