/* SPDX-License-Identifier: Apache-2.0 */
/* Calendar arithmetic and rounding as terms. A part of the calendar (the
 * parts of a date, month ends, adding months, months_between) is an unknown
 * function with, as known facts, what holds of it: its bounds, asserted with
 * every question (s->side), and its exact definition, asserted only when
 * asked for, where they bear on the question (smt_exact.c; see
 * smt_exact_calendar in smt.h): a date (days since
 * 1970-01-01, as lov_date) tied to its year, month and day by the proleptic
 * Gregorian count of days, in integer arithmetic that Z3 decides (division
 * by constants), so that each means what runtime/core/lov_date.h computes.
 * The bounds alone answer most questions fast, and soundly: what holds for
 * every function within them holds for the real one. Rounding half to even
 * is an unknown number within its bounds. */
#include "prove/smt_internal.h"

#include "core/lov_date.h"

/* Is a a number, and which? Dates the rules write out are taken apart
 * here, not left to Z3. */
static bool numeral(smt *s, Z3_ast a, int64_t *v)
{
    return Z3_is_numeral_ast(s->ctx, a) && Z3_get_numeral_int64(s->ctx, a, v);
}

/* f(a), an unknown function of one argument, with 'lo <= f(a) - a <= hi'
 * (or, with relative false, 'lo <= f(a) <= hi') added as a known fact. */
static Z3_ast bounded_app(smt *s, Z3_func_decl f, Z3_ast a, int64_t lo, int64_t hi, bool relative)
{
    Z3_ast r = Z3_mk_app(s->ctx, f, 1, &a);
    Z3_ast base = relative ? smt_sub(s, r, a) : r;
    pv_push(&s->side, smt_and(s, smt_le(s, smt_int(s, lo), base), smt_le(s, base, smt_int(s, hi))));
    return r;
}

/* ---- The civil calendar ------------------------------------------------------ */

/* A year's place in the 400-year cycle of the Gregorian calendar:
 * y = 400 q400 + 100 q100 + 4 q4 + r4, with 0 <= q100 <= 3, 0 <= q4 <= 24,
 * 0 <= r4 <= 3. Small ranges, linear: what Z3 decides best. */
typedef struct cycle {
    Z3_ast q400, q100, q4, r4;
} cycle;

static Z3_ast within(smt *s, Z3_ast x, int64_t lo, int64_t hi)
{
    return smt_and(s, smt_le(s, smt_int(s, lo), x), smt_le(s, x, smt_int(s, hi)));
}

/* The integer 'what' of the term t: the same constant whenever it is asked
 * for the same term, so that each date is taken apart once, however often
 * the rules read it (Z3 shares equal terms; a fresh constant per reading
 * would give Z3 as many copies to work out). */
static Z3_ast part_of(smt *s, const char *what, Z3_ast t)
{
    char name[64];
    snprintf(name, sizeof name, "%s of #%u", what, Z3_get_ast_id(s->ctx, t));
    return Z3_mk_const(s->ctx, Z3_mk_string_symbol(s->ctx, name), s->int_sort);
}

static cycle cycle_of(smt *s, Z3_ast y)
{
    int64_t v;
    if (numeral(s, y, &v)) {
        int64_t q400 = lov_floor_div(v, 400), r = v - 400 * q400;
        return (cycle){smt_int(s, q400), smt_int(s, r / 100), smt_int(s, r % 100 / 4), smt_int(s, r % 4)};
    }
    cycle c = {part_of(s, "q400", y), part_of(s, "q100", y), part_of(s, "q4", y), part_of(s, "r4", y)};
    Z3_ast sum = smt_add(s, smt_add(s, smt_mul(s, smt_int(s, 400), c.q400), smt_mul(s, smt_int(s, 100), c.q100)),
                         smt_add(s, smt_mul(s, smt_int(s, 4), c.q4), c.r4));
    /* Years 0 to 9999 (the one before a date's, for January and February):
     * a case whose dates leave them is an overflow, no answer of the rules. */
    Z3_ast fact = smt_and(s, smt_eq(s, y, sum), smt_and(s, smt_and(s, within(s, c.q400, 0, 24), within(s, c.q100, 0, 3)),
                                                        smt_and(s, within(s, c.q4, 0, 24), within(s, c.r4, 0, 3))));
    Z3_ast parts[4] = {c.q400, c.q100, c.q4, c.r4};   /* whichever of them a question reads */
    for (int i = 0; i < 4; i++)
        smt_exact_fact(s, parts[i], fact);
    return c;
}

/* Divisible by 4, and not by 100 unless by 400. */
static Z3_ast is_leap(smt *s, cycle c)
{
    Z3_ast zero = smt_int(s, 0);
    return smt_and(s, smt_eq(s, c.r4, zero), smt_or(s, smt_not(s, smt_eq(s, c.q4, zero)), smt_eq(s, c.q100, zero)));
}

Z3_ast smt_days_in_month(smt *s, Z3_ast y, Z3_ast m)
{
    int64_t yv, mv;
    if (numeral(s, y, &yv) && numeral(s, m, &mv) && mv >= 1 && mv <= 12 && yv >= 1 && yv <= 9999)
        return smt_int(s, lov_days_in_month((int32_t)yv, (int)mv));
    Z3_ast thirty = smt_or(s, smt_or(s, smt_eq(s, m, smt_int(s, 4)), smt_eq(s, m, smt_int(s, 6))),
                           smt_or(s, smt_eq(s, m, smt_int(s, 9)), smt_eq(s, m, smt_int(s, 11))));
    return smt_ite(s, smt_eq(s, m, smt_int(s, 2)), smt_ite(s, is_leap(s, cycle_of(s, y)), smt_int(s, 29), smt_int(s, 28)),
                   smt_ite(s, thirty, smt_int(s, 30), smt_int(s, 31)));
}

/* The date of day d of month m (1-12) of year y: the days before it in a
 * calendar whose year starts on 1 March (so that the leap day is its last),
 * less those before 1970-01-01. For every integer year, with d in range. */
Z3_ast smt_date_of(smt *s, Z3_ast y, Z3_ast m, Z3_ast d)
{
    Z3_ast early = smt_le(s, m, smt_int(s, 2));                   /* January and February */
    cycle c = cycle_of(s, smt_ite(s, early, smt_sub(s, y, smt_int(s, 1)), y));
    Z3_ast mp = smt_ite(s, early, smt_add(s, m, smt_int(s, 9)), smt_sub(s, m, smt_int(s, 3)));
    static const int before[12] = {0, 31, 61, 92, 122, 153, 184, 214, 245, 275, 306, 337};  /* from 1 March */
    Z3_ast days_before = smt_int(s, before[11]);
    for (int k = 10; k >= 0; k--)
        days_before = smt_ite(s, smt_eq(s, mp, smt_int(s, k)), smt_int(s, before[k]), days_before);
    Z3_ast days = smt_add(s, smt_add(s, smt_mul(s, smt_int(s, 146097), c.q400), smt_mul(s, smt_int(s, 36524), c.q100)),
                          smt_add(s, smt_mul(s, smt_int(s, 1461), c.q4), smt_mul(s, smt_int(s, 365), c.r4)));
    days = smt_add(s, days, days_before);
    return smt_add(s, days, smt_sub(s, d, smt_int(s, 1 + 719468)));
}

/* The year, month and day of 'date': the functions year_of, month_of and
 * day_of of the date, within their bounds; exactly, the date is day d of
 * month m of year y. */
void smt_civil(smt *s, Z3_ast date, Z3_ast *y, Z3_ast *m, Z3_ast *d)
{
    int64_t v;
    if (numeral(s, date, &v) && lov_date_valid((lov_date)v)) {
        int32_t yy = 0;
        int mm = 0, dd = 0;
        lov_date_to_ymd((lov_date)v, &yy, &mm, &dd);
        *y = smt_int(s, yy);
        *m = smt_int(s, mm);
        *d = smt_int(s, dd);
        return;
    }
    *y = bounded_app(s, s->year_of, date, 1, 9999, false);
    *m = bounded_app(s, s->month_of, date, 1, 12, false);
    *d = bounded_app(s, s->day_of, date, 1, 31, false);
    Z3_ast day_ok = smt_le(s, *d, smt_days_in_month(s, *y, *m));
    smt_exact_fact(s, date, smt_and(s, day_ok, smt_eq(s, date, smt_date_of(s, *y, *m, *d))));
}

/* The year, month and day of a date made from them (a month end, a date
 * some months on): true by how it was made, and said outright, since Z3
 * finds it hard to take a count of days back apart. */
static void parts_are(smt *s, Z3_ast date, Z3_ast y, Z3_ast m, Z3_ast d)
{
    Z3_ast ys = Z3_mk_app(s->ctx, s->year_of, 1, &date), ms = Z3_mk_app(s->ctx, s->month_of, 1, &date);
    Z3_ast ds = Z3_mk_app(s->ctx, s->day_of, 1, &date);
    smt_exact_fact(s, date, smt_and(s, smt_eq(s, ys, y), smt_and(s, smt_eq(s, ms, m), smt_eq(s, ds, d))));
}

/* f(args), an unknown function, that is exactly 'value'. */
static Z3_ast exactly(smt *s, Z3_func_decl f, unsigned n, Z3_ast *args, Z3_ast value)
{
    Z3_ast r = Z3_mk_app(s->ctx, f, n, args);
    smt_exact_fact(s, r, smt_eq(s, r, value));
    return r;
}

/* The Gregorian calendar's months are 30.436875 days long on average (146,097
 * days in 4,800 months), and any run of them, from any day, clamped or
 * carried over at the month's end, comes within 8 days of that: 'days'
 * for 'months' months obeys |days - 30.436875 * months| <= 8. For long
 * spans (the years of an age, a period of 5 years) this pins a date to a
 * few days, where 28 to 31 days a month leaves it months apart. */
static Z3_ast near_average_months(smt *s, Z3_ast days, Z3_ast months, int64_t slack_months)
{
    Z3_ast scaled_days = smt_mul(s, smt_int(s, 1000000), days);
    Z3_ast low = smt_mul(s, smt_int(s, 30436875), smt_sub(s, months, smt_int(s, slack_months)));
    Z3_ast high = smt_mul(s, smt_int(s, 30436875), smt_add(s, months, smt_int(s, slack_months)));
    Z3_ast slack = smt_int(s, 8000000);
    return smt_and(s, smt_le(s, smt_sub(s, low, slack), scaled_days), smt_le(s, scaled_days, smt_add(s, high, slack)));
}

/* The last day of the month of 'date': a month has 28 to 31 days. */
Z3_ast smt_month_end_of(smt *s, Z3_ast date)
{
    Z3_ast y, m, d;
    smt_civil(s, date, &y, &m, &d);
    Z3_ast last = smt_days_in_month(s, y, m);
    Z3_ast end = exactly(s, s->month_end, 1, &date, smt_add(s, smt_sub(s, date, d), last));
    parts_are(s, end, y, m, last);
    Z3_ast length = smt_add(s, smt_sub(s, end, date), d);
    pv_push(&s->side, smt_and(s, smt_le(s, smt_int(s, 0), smt_sub(s, end, date)),
                              smt_and(s, smt_le(s, smt_int(s, 28), length), smt_le(s, length, smt_int(s, 31)))));
    return end;
}

/* 1 January (or, with end, 31 December) of the year of 'date'. */
Z3_ast smt_year_edge(smt *s, Z3_ast date, bool end)
{
    Z3_ast y, m, d;
    smt_civil(s, date, &y, &m, &d);
    Z3_ast edge = end ? smt_date_of(s, y, smt_int(s, 12), smt_int(s, 31)) : smt_date_of(s, y, smt_int(s, 1), smt_int(s, 1));
    Z3_ast r = exactly(s, end ? s->year_end : s->year_start, 1, &date, edge);
    parts_are(s, r, y, smt_int(s, end ? 12 : 1), smt_int(s, end ? 31 : 1));
    Z3_ast by = smt_sub(s, r, date);
    pv_push(&s->side, end ? smt_and(s, smt_le(s, smt_int(s, 0), by), smt_le(s, by, smt_int(s, 365)))
                          : smt_and(s, smt_le(s, smt_int(s, -365), by), smt_le(s, by, smt_int(s, 0))));
    return r;
}

/* 'date + months' (months may be negative) by the module's month end rule:
 * the same day of the month that many months on; when that month is
 * shorter, its last day (clamp) or as many days into the next month as are
 * missing (overflow), as lov_date_add_months. Its bounds, under either
 * rule: no months is the same day, and each month moves the date by 28 to
 * 31 days, give or take the 3 days a month end can be clamped or carried
 * over. */
Z3_ast smt_months_added(smt *s, Z3_ast date, Z3_ast months)
{
    Z3_ast y, m, d;
    smt_civil(s, date, &y, &m, &d);
    Z3_ast total = smt_add(s, smt_add(s, smt_mul(s, smt_int(s, 12), y), smt_sub(s, m, smt_int(s, 1))), months);
    Z3_ast y2 = part_of(s, "year", total), m2 = part_of(s, "month", total);
    smt_exact_fact(s, y2, smt_and(s, within(s, m2, 1, 12),
                               smt_eq(s, total, smt_add(s, smt_mul(s, smt_int(s, 12), y2), smt_sub(s, m2, smt_int(s, 1))))));
    Z3_ast last = smt_days_in_month(s, y2, m2);
    Z3_ast fits = smt_le(s, d, last), exact;
    if (s->mod->month_end == ME_OVERFLOW)
        exact = smt_add(s, smt_date_of(s, y2, m2, smt_int(s, 1)), smt_sub(s, d, smt_int(s, 1)));
    else
        exact = smt_date_of(s, y2, m2, smt_ite(s, fits, d, last));
    Z3_ast args[2] = {date, months};
    Z3_ast moved = exactly(s, s->add_months, 2, args, exact);
    if (s->mod->month_end == ME_OVERFLOW) {         /* past the end: the next month's first days */
        Z3_ast december = smt_eq(s, m2, smt_int(s, 12)), one = smt_int(s, 1);
        parts_are(s, moved, smt_ite(s, fits, y2, smt_ite(s, december, smt_add(s, y2, one), y2)),
                  smt_ite(s, fits, m2, smt_ite(s, december, one, smt_add(s, m2, one))),
                  smt_ite(s, fits, d, smt_sub(s, d, last)));
    } else {
        parts_are(s, moved, y2, m2, smt_ite(s, fits, d, last));
    }

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
    if (numeral(s, Z3_simplify(s->ctx, months), &n) && (n >= 12 || n <= -12))   /* "(- 12)" is -12 */
        pv_push(&s->side, near_average_months(s, by, months, 0));               /* a year or more: much tighter */
    return moved;
}

/* months_between(a, b): the largest n with a + n months (clamped) <= b. a +
 * n months for n the count of month starts from a's month to b's lands in
 * b's month, on a's day or that month's last; it is n when that is not
 * after b, else n - 1 (a + k months grows with k). */
Z3_ast smt_months_between(smt *s, Z3_ast a, Z3_ast b)
{
    Z3_ast ya, ma, da, yb, mb, db;
    smt_civil(s, a, &ya, &ma, &da);
    smt_civil(s, b, &yb, &mb, &db);
    Z3_ast n = smt_sub(s, smt_add(s, smt_mul(s, smt_int(s, 12), yb), mb), smt_add(s, smt_mul(s, smt_int(s, 12), ya), ma));
    Z3_ast last = smt_days_in_month(s, yb, mb);
    Z3_ast landed = smt_ite(s, smt_le(s, da, last), da, last);
    Z3_ast args[2] = {a, b};
    Z3_ast between = exactly(s, s->months_between, 2, args, smt_ite(s, smt_le(s, landed, db), n, smt_sub(s, n, smt_int(s, 1))));
    /* b - a days are within a month (and the calendar's slack) of that many
     * average months: between the days of n - 1 and of n + 1 months. */
    pv_push(&s->side, near_average_months(s, smt_sub(s, b, a), between, 1));
    return between;
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
