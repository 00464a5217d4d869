/* Calendar arithmetic and rounding as terms. What the prover cannot follow
 * exactly (months, the parts of a date, rounding half to even) becomes an
 * unknown function or number, with the properties lovc guarantees added as
 * known facts (s->side): see smt.h. */
#include "prove/smt_internal.h"

/* f(a), an unknown function of one argument, with 'lo <= f(a) - a <= hi'
 * (or, with relative false, 'lo <= f(a) <= hi') added as a known fact. */
Z3_ast smt_bounded_app(smt *s, Z3_func_decl f, Z3_ast a, int64_t lo, int64_t hi, bool relative)
{
    Z3_ast r = Z3_mk_app(s->ctx, f, 1, &a);
    Z3_ast base = relative ? smt_sub(s, r, a) : r;
    pv_push(&s->side, smt_and(s, smt_le(s, smt_int(s, lo), base), smt_le(s, base, smt_int(s, hi))));
    return r;
}

/* The last day of the month of 'date': a month has 28 to 31 days. */
Z3_ast smt_month_end_of(smt *s, Z3_ast date)
{
    Z3_ast end = smt_bounded_app(s, s->month_end, date, 0, 30, true);
    Z3_ast length = smt_add(s, smt_sub(s, end, date), smt_bounded_app(s, s->day_of, date, 1, 31, false));
    pv_push(&s->side, smt_and(s, smt_le(s, smt_int(s, 28), length), smt_le(s, length, smt_int(s, 31))));
    return end;
}

/* The Gregorian calendar's months are 30.436875 days long on average (146,097
 * days in 4,800 months), and any run of them, from any day, clamped or
 * carried over at the month's end, comes within 8 days of that: 'days'
 * for 'months' months (or between two dates that many months apart) obeys
 * |days - 30.436875 * months| <= 8. For long spans (the years of an age, a
 * period of 5 years) this pins a date to a few days, where 28 to 31 days a
 * month leaves it months apart. */
static Z3_ast near_average_months(smt *s, Z3_ast days, Z3_ast months)
{
    Z3_ast scaled_days = smt_mul(s, smt_int(s, 1000000), days);
    Z3_ast scaled_months = smt_mul(s, smt_int(s, 30436875), months);
    Z3_ast slack = smt_int(s, 8000000);
    return smt_and(s, smt_le(s, smt_sub(s, scaled_months, slack), scaled_days),
                   smt_le(s, scaled_days, smt_add(s, scaled_months, slack)));
}

/* months_between(a, b): whole months from a to b, so b - a days lie within
 * a month (and the calendar's slack) of that many average months: between
 * the days of n - 1 and of n + 1 months (the month on either side covers
 * counting towards an earlier b either way). */
Z3_ast smt_months_between_of(smt *s, Z3_ast a, Z3_ast b)
{
    Z3_ast xs[2] = {a, b};
    Z3_ast n = Z3_mk_app(s->ctx, s->months_between, 2, xs);
    Z3_ast scaled = smt_mul(s, smt_int(s, 1000000), smt_sub(s, b, a));
    Z3_ast slack = smt_int(s, 8000000);
    Z3_ast lowest = smt_mul(s, smt_int(s, 30436875), smt_sub(s, n, smt_int(s, 1)));
    Z3_ast highest = smt_mul(s, smt_int(s, 30436875), smt_add(s, n, smt_int(s, 1)));
    pv_push(&s->side, smt_and(s, smt_le(s, smt_sub(s, lowest, slack), scaled),
                              smt_le(s, scaled, smt_add(s, highest, slack))));
    return n;
}

/* 'date + months': an unknown function, with what holds under either month
 * end rule: no months is the same day, and each month moves the date by 28
 * to 31 days, give or take the 3 days a month end can be clamped or carried
 * over. */
Z3_ast smt_months_added(smt *s, Z3_ast date, Z3_ast months)
{
    Z3_ast args[2] = {date, months};
    Z3_ast moved = Z3_mk_app(s->ctx, s->add_months, 2, args);
    Z3_ast zero = smt_int(s, 0), three = smt_int(s, 3);
    Z3_ast shortest = smt_mul(s, smt_int(s, 28), months), longest = smt_mul(s, smt_int(s, 31), months);
    Z3_ast by = smt_sub(s, moved, date);
    pv_push(&s->side, Z3_mk_implies(s->ctx, smt_eq(s, months, zero), smt_eq(s, moved, date)));
    pv_push(&s->side, Z3_mk_implies(s->ctx, Z3_mk_gt(s->ctx, months, zero),
                                    smt_and(s, smt_le(s, smt_sub(s, shortest, three), by),
                                            smt_le(s, by, smt_add(s, longest, three)))));
    pv_push(&s->side, Z3_mk_implies(s->ctx, smt_lt(s, months, zero),
                                    smt_and(s, smt_le(s, smt_sub(s, longest, three), by),
                                            smt_le(s, by, smt_add(s, shortest, three)))));
    int64_t n = 0;
    Z3_ast count = Z3_simplify(s->ctx, months);   /* "(- 12)" is the number -12 */
    if (Z3_is_numeral_ast(s->ctx, count) && Z3_get_numeral_int64(s->ctx, count, &n) && (n >= 12 || n <= -12))
        pv_push(&s->side, near_average_months(s, by, months));   /* a year or more: much tighter */
    return moved;
}

/* Rounds a real x to a whole number by the mode. */
Z3_ast smt_round_real(smt *s, Z3_ast x, round_mode mode)
{
    Z3_ast zero = smt_real(s, 0, 0), half = smt_real(s, 5, 1);
    Z3_ast nonneg = Z3_mk_ge(s->ctx, x, zero);
    Z3_ast neg_x = Z3_mk_unary_minus(s->ctx, x);
    Z3_ast floor_x = Z3_mk_real2int(s->ctx, x);
    Z3_ast ceil_x = Z3_mk_unary_minus(s->ctx, Z3_mk_real2int(s->ctx, neg_x));
    switch (mode) {
    case RM_DOWN: return smt_ite(s, nonneg, floor_x, ceil_x);
    case RM_UP: return smt_ite(s, nonneg, ceil_x, floor_x);
    case RM_HALF_UP:
        return smt_ite(s, nonneg, Z3_mk_real2int(s->ctx, smt_add(s, x, half)),
                       Z3_mk_unary_minus(s->ctx, Z3_mk_real2int(s->ctx, smt_add(s, neg_x, half))));
    case RM_HALF_EVEN: {
        /* Kept as a number at most half away from x, as half-even is. */
        Z3_ast r = smt_fresh(s, "rounded", s->int_sort);
        Z3_ast diff = smt_sub(s, Z3_mk_int2real(s->ctx, r), x);
        pv_push(&s->side, smt_and(s, smt_le(s, Z3_mk_unary_minus(s->ctx, half), diff), smt_le(s, diff, half)));
        return r;
    }
    }
    return floor_x;
}

/* 10^n as a real, n <= 18. */
Z3_ast smt_ten_to(smt *s, int n)
{
    int64_t v = 1;
    for (int i = 0; i < n && i < 18; i++)
        v *= 10;
    return smt_real(s, v, 0);
}
