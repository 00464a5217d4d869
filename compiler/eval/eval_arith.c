/* Arithmetic: exact sums, differences and products of numbers, amounts,
 * dates and durations (an overflow is a status), the units ('6 months',
 * 'x kr', '25 %'), and rounding, where a money expression with products of
 * decimals is worked out exactly in øre and rounded once. */
#include <string.h>

#include "check/typecheck.h"
#include "eval/eval_internal.h"

lov_month_end ev_month_rule(const ev_ctx *c)
{
    return c->owner && c->owner->module->month_end == ME_OVERFLOW ? LOV_MONTH_END_OVERFLOW : LOV_MONTH_END_CLAMP;
}

static ev_val scalar_out(lov_value v)
{
    return ev_scalar(v);
}

lov_status ev_arith(ev_ctx *c, expr *x, ev_val a, ev_val b, ev_val *out)
{
    binop op = x->u.binary.op;
    const type *l = x->u.binary.lhs->type, *r = x->u.binary.rhs->type, *t = x->type;
    lov_value res;
    memset(&res, 0, sizeof res);
    lov_status st = LOV_OK;
    if (op == B_ADD || op == B_SUB) {
        bool sub = op == B_SUB;
        if (t->kind == T_INT || t->kind == T_DEC || t->kind == T_MONEY) {
            ev_val ca = ev_convert(a, l, t), cb = ev_convert(b, r, t);
            if (t->kind == T_INT)
                st = sub ? lov_int_sub(ca.v.i, cb.v.i, &res.i) : lov_int_add(ca.v.i, cb.v.i, &res.i);
            else if (t->kind == T_DEC)
                st = sub ? lov_dec_sub(ca.v.dec, cb.v.dec, &res.dec) : lov_dec_add(ca.v.dec, cb.v.dec, &res.dec);
            else
                st = sub ? lov_money_sub(ca.v.money, cb.v.money, &res.money)
                         : lov_money_add(ca.v.money, cb.v.money, &res.money);
        } else if (t->kind == T_DATE) {
            lov_date day = l->kind == T_DATE ? a.v.date : b.v.date;
            lov_duration dur = l->kind == T_DATE ? b.v.dur : a.v.dur;
            st = sub ? lov_date_sub_duration(day, dur, ev_month_rule(c), &res.date)
                     : lov_date_add_duration(day, dur, ev_month_rule(c), &res.date);
        } else if (l->kind == T_DATE) {
            /* later - earlier: the days between them */
            st = lov_duration_days(lov_date_days_between(b.v.date, a.v.date), &res.dur);
        } else {
            lov_duration d = b.v.dur;
            if (sub)
                st = lov_duration_neg(b.v.dur, &d);
            if (st == LOV_OK)
                st = lov_duration_add(a.v.dur, d, &res.dur);
        }
    } else if (op == B_MUL) {
        if (t->kind == T_INT || t->kind == T_DEC) {
            ev_val ca = ev_convert(a, l, t), cb = ev_convert(b, r, t);
            st = t->kind == T_INT ? lov_int_mul(ca.v.i, cb.v.i, &res.i) : lov_dec_mul(ca.v.dec, cb.v.dec, &res.dec);
        } else if (t->kind == T_MONEY) {
            lov_money m = l->kind == T_MONEY ? a.v.money : b.v.money;
            int64_t k = l->kind == T_MONEY ? b.v.i : a.v.i;
            st = lov_money_mul_int(m, k, &res.money);
        } else {
            lov_duration d = l->kind == T_DURATION ? a.v.dur : b.v.dur;
            int64_t k = l->kind == T_DURATION ? b.v.i : a.v.i;
            st = lov_duration_mul(d, k, &res.dur);
        }
    }
    if (st == LOV_OK)
        *out = scalar_out(res);
    return st;
}

lov_status ev_negate(expr *x, ev_val a, ev_val *out)
{
    lov_value res;
    memset(&res, 0, sizeof res);
    lov_status st;
    switch (x->type->kind) {
    case T_DEC: st = lov_dec_neg(a.v.dec, &res.dec); break;
    case T_MONEY: st = lov_money_neg(a.v.money, &res.money); break;
    case T_DURATION: st = lov_duration_neg(a.v.dur, &res.dur); break;
    default: st = lov_int_neg(a.v.i, &res.i); break;
    }
    if (st == LOV_OK)
        *out = scalar_out(res);
    return st;
}

lov_status ev_unit(expr *x, ev_val a, ev_val *out)
{
    lov_value res;
    memset(&res, 0, sizeof res);
    lov_status st = LOV_OK;
    switch (x->u.unit.unit) {
    case UNIT_KR: st = lov_money_from_kroner(a.v.i, &res.money); break;
    case UNIT_PERCENT: {
        ev_val d = ev_convert(a, x->u.unit.subject->type, type_dec());
        st = lov_dec_mul(d.v.dec, (lov_decimal){1, 2}, &res.dec);
        break;
    }
    case UNIT_DAYS: st = lov_duration_days(a.v.i, &res.dur); break;
    case UNIT_WEEKS: st = lov_duration_weeks(a.v.i, &res.dur); break;
    case UNIT_MONTHS: st = lov_duration_months(a.v.i, &res.dur); break;
    case UNIT_YEARS: st = lov_duration_years(a.v.i, &res.dur); break;
    }
    if (st == LOV_OK)
        *out = scalar_out(res);
    return st;
}

/* ---- Rounding ---- */

static lov_rounding mode_of(round_mode m)
{
    switch (m) {
    case RM_HALF_EVEN: return LOV_ROUND_HALF_EVEN;
    case RM_DOWN: return LOV_ROUND_DOWN;
    case RM_UP: return LOV_ROUND_UP;
    default: return LOV_ROUND_HALF_UP;
    }
}

static lov_status as_dec(ev_ctx *c, expr *x, lov_decimal *out)
{
    ev_val v;
    lov_status st = ev_expr(c, x, &v);
    if (st == LOV_OK)
        *out = ev_convert(v, x->type, type_dec()).v.dec;
    return st;
}

/* The exact value in øre, as a decimal, of a money expression whose
 * products may hold fractions of an øre. */
static lov_status ore(ev_ctx *c, expr *x, lov_decimal *out)
{
    ev_val v;
    lov_status st;
    lov_decimal a, b;
    if (x->inexact == EXACT && x->type->kind == T_MONEY) {
        if ((st = ev_expr(c, x, &v)) == LOV_OK)
            *out = lov_money_to_dec(v.v.money);
        return st;
    }
    switch (x->kind) {
    case E_BINARY: {
        expr *l = x->u.binary.lhs, *r = x->u.binary.rhs;
        if (x->u.binary.op == B_MUL) {
            expr *m = l->type->kind == T_MONEY ? l : r, *k = l->type->kind == T_MONEY ? r : l;
            if ((st = ore(c, m, &a)) != LOV_OK || (st = as_dec(c, k, &b)) != LOV_OK)
                return st;
            return lov_dec_mul(a, b, out);
        }
        if ((st = ore(c, l, &a)) != LOV_OK || (st = ore(c, r, &b)) != LOV_OK)
            return st;
        return x->u.binary.op == B_SUB ? lov_dec_sub(a, b, out) : lov_dec_add(a, b, out);
    }
    case E_UNARY:
        if ((st = ore(c, x->u.unary.operand, &a)) != LOV_OK)
            return st;
        return lov_dec_neg(a, out);
    case E_UNIT:
        /* 'x kr' of a decimal x: x * 100 øre */
        if ((st = as_dec(c, x->u.unit.subject, &a)) != LOV_OK)
            return st;
        return lov_dec_mul(a, (lov_decimal){100, 0}, out);
    default:
        if ((st = ev_expr(c, x, &v)) == LOV_OK)
            *out = lov_money_to_dec(v.v.money);
        return st;
    }
}

static lov_status money_value(ev_val v, expr *x, lov_decimal *out)
{
    *out = x->type->kind == T_MONEY ? lov_money_to_dec(v.v.money) : ev_convert(v, x->type, type_dec()).v.dec;
    return LOV_OK;
}

/* 'A / B rounded ...': the quotient rounded once. */
static lov_status rounded_division(ev_ctx *c, expr *x, lov_rounding mode, lov_value *res)
{
    expr *s = x->u.rounded.subject, *num = s->u.binary.lhs, *den = s->u.binary.rhs;
    round_target target = x->u.rounded.target;
    ev_val a, b;
    lov_status st = ev_expr(c, num, &a);
    if (st == LOV_OK)
        st = ev_expr(c, den, &b);
    if (st != LOV_OK)
        return st;
    if (s->type->kind == T_MONEY && target == RT_DEFAULT && den->type->kind == T_INT)
        return lov_money_div_int(a.v.money, b.v.i, mode, &res->money);
    lov_decimal an, bn, q;
    money_value(a, num, &an);
    money_value(b, den, &bn);
    if (s->type->kind == T_MONEY && target == RT_KR) {
        lov_decimal hundredfold;
        if ((st = lov_dec_mul(bn, (lov_decimal){100, 0}, &hundredfold)) != LOV_OK)
            return st;
        bn = hundredfold;
    }
    int scale = target == RT_DECIMALS ? x->u.rounded.decimals : 0;
    if ((st = lov_dec_div(an, bn, scale, mode, &q)) != LOV_OK)
        return st;
    if (x->type->kind == T_DEC) {
        res->dec = q;
        return LOV_OK;
    }
    if (x->type->kind == T_INT)
        return lov_dec_to_int(q, mode, &res->i);
    int64_t whole;
    if ((st = lov_dec_to_int(q, mode, &whole)) != LOV_OK)
        return st;
    if (target == RT_KR)
        return lov_money_from_kroner(whole, &res->money);
    res->money = whole;
    return LOV_OK;
}

static lov_status rounded_value(ev_ctx *c, expr *x, lov_rounding mode, lov_value *res)
{
    expr *s = x->u.rounded.subject;
    round_target target = x->u.rounded.target;
    lov_status st;
    ev_val a;
    if (s->inexact == INEXACT_DIVISION)
        return rounded_division(c, x, mode, res);
    if (s->type->kind == T_MONEY) {
        if (s->inexact == EXACT) {
            if ((st = ev_expr(c, s, &a)) != LOV_OK)
                return st;
            if (target == RT_KR)
                return lov_money_round_to(a.v.money, 100, mode, &res->money);
            res->money = a.v.money;
            return LOV_OK;
        }
        lov_decimal d, kr;
        if ((st = ore(c, s, &d)) != LOV_OK)
            return st;
        if (target != RT_KR)
            return lov_dec_to_money(d, mode, &res->money);
        int64_t whole;
        if ((st = lov_dec_div(d, (lov_decimal){100, 0}, 0, mode, &kr)) != LOV_OK
            || (st = lov_dec_to_int(kr, mode, &whole)) != LOV_OK)
            return st;
        return lov_money_from_kroner(whole, &res->money);
    }
    if ((st = ev_expr(c, s, &a)) != LOV_OK)
        return st;
    if (s->type->kind == T_INT) {
        res->i = a.v.i;
        return LOV_OK;
    }
    if (target == RT_DECIMALS)
        return lov_dec_round(a.v.dec, x->u.rounded.decimals, mode, &res->dec);
    return lov_dec_to_int(a.v.dec, mode, &res->i);
}

lov_status ev_rounded(ev_ctx *c, expr *x, ev_val *out)
{
    lov_value res;
    memset(&res, 0, sizeof res);
    lov_status st = rounded_value(c, x, mode_of(x->u.rounded.mode), &res);
    if (st == LOV_OK)
        *out = ev_scalar(res);
    return st;
}
