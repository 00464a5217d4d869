/* SPDX-License-Identifier: Apache-2.0 */
/* Arithmetic on values worked out: exact sums, differences and products of
 * numbers, amounts, dates and durations (an overflow is a status), and the
 * units ('6 months', 'x kr', '25 %'). */
#include <string.h>

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

