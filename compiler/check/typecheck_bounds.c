/* SPDX-License-Identifier: Apache-2.0 */
/* The bounds of an input ('input dagssats: money at least 0 kr', 'at most
 * 744'): a number, amount or duration written out, of the input's own kind,
 * and a lower bound not above the upper one. Their values are kept on the
 * input (input_bound) for the generated C, which refuses a fact outside
 * them as invalid input, and for the prover, which assumes them. */
#include "check/typecheck.h"

#include <stdio.h>

#include "check/typecheck_internal.h"
#include "check/types.h"

/* What a bound is written as. */
typedef enum bound_kind { BK_NONE, BK_NUMBER, BK_AMOUNT, BK_DURATION } bound_kind;

/* The value of a bound as written: a number (coef / 10^scale), an amount
 * (coef øre) or a duration; BK_NONE if it is none of them exactly. */
static bound_kind bound_value(const expr *e, input_bound *out)
{
    switch (e->kind) {
    case E_INT:
        out->coef = e->u.i;
        out->scale = 0;
        return BK_NUMBER;
    case E_DECIMAL:
        out->coef = e->u.dec.coef;
        out->scale = e->u.dec.scale;
        return BK_NUMBER;
    case E_MONEY:                        /* '0 kr', folded by the parser */
        out->coef = e->u.money;
        out->scale = 0;
        return BK_AMOUNT;
    case E_DURATION:                     /* '14 days' */
        out->months = e->u.dur.months;
        out->days = e->u.dur.days;
        return BK_DURATION;
    case E_UNARY: {
        bound_kind k = e->u.unary.op == U_NEG ? bound_value(e->u.unary.operand, out) : BK_NONE;
        if (k == BK_NONE || out->coef == INT64_MIN)
            return BK_NONE;
        out->coef = -out->coef;
        out->months = -out->months;
        out->days = -out->days;
        return k;
    }
    case E_UNIT: {
        input_bound n = {0};
        if (bound_value(e->u.unit.subject, &n) != BK_NUMBER)
            return BK_NONE;
        switch (e->u.unit.unit) {
        case UNIT_KR:
            if (n.scale > 2)
                return BK_NONE;
            out->coef = n.coef;
            for (int s = n.scale; s < 2; s++) {
                if (out->coef > INT64_MAX / 10 || out->coef < INT64_MIN / 10)
                    return BK_NONE;
                out->coef *= 10;
            }
            out->scale = 0;
            return BK_AMOUNT;
        case UNIT_PERCENT:
            if (n.scale > 16)
                return BK_NONE;
            out->coef = n.coef;
            out->scale = n.scale + 2;
            return BK_NUMBER;
        default: {
            if (n.scale != 0 || n.coef > 100000 || n.coef < -100000)
                return BK_NONE;
            int32_t k = (int32_t)n.coef;
            out->months = e->u.unit.unit == UNIT_MONTHS ? k : e->u.unit.unit == UNIT_YEARS ? 12 * k : 0;
            out->days = e->u.unit.unit == UNIT_DAYS ? k : e->u.unit.unit == UNIT_WEEKS ? 7 * k : 0;
            return BK_DURATION;
        }
        }
    }
    default:
        return BK_NONE;
    }
}

/* -1, 0 or 1 as a < b, for two bounds of the same kind; 0 for durations
 * that cannot be compared (days and months). */
static int bound_compare(bound_kind k, const input_bound *a, const input_bound *b)
{
    if (k == BK_DURATION) {
        if ((a->months != 0 && b->days != 0) || (a->days != 0 && b->months != 0))
            return 0;
        int64_t x = a->months ? a->months : a->days, y = b->months ? b->months : b->days;
        return (x > y) - (x < y);
    }
    /* Numbers: compare coef_a * 10^(s - scale_a) with coef_b * 10^(s - scale_b) in long double,
     * exact enough for two literals of at most 19 digits. */
    long double x = (long double)a->coef, y = (long double)b->coef;
    for (int i = a->scale; i < b->scale; i++)
        x *= 10;
    for (int i = b->scale; i < a->scale; i++)
        y *= 10;
    return (x > y) - (x < y);
}

static void check_bound(checker *c, decl *d, const type *t, expr *e, input_bound *out, const char *which)
{
    bound_kind want = t->kind == T_MONEY ? BK_AMOUNT : t->kind == T_DURATION ? BK_DURATION : BK_NUMBER;
    bound_kind got = bound_value(e, out);
    bool fits = got == want && !(t->kind == T_INT && out->scale != 0);
    if (!fits) {
        const char *like = t->kind == T_MONEY ? "an amount, as 0 kr"
                           : t->kind == T_DURATION ? "a duration, as 14 days or 6 months"
                           : t->kind == T_INT ? "a whole number, as 0" : "a number, as 0 or 0.5";
        diag_error(c->diag, e->loc, "'%s' is %s, so its %s bound is written as %s", d->name.name,
                   tc_tname(c, t), which, like);
        return;
    }
    out->set = true;
}

void tc_check_input_bounds(checker *c, decl *d)
{
    expr *lo = d->u.input.at_least, *hi = d->u.input.at_most;
    if (!lo && !hi)
        return;
    const type *t = d->type;
    if (!t || tc_is_err(t))
        return;
    if (t->kind == T_OPTIONAL)
        t = t->elem;
    if (t->kind != T_INT && t->kind != T_DEC && t->kind != T_MONEY && t->kind != T_DURATION) {
        diag_error(c->diag, (lo ? lo : hi)->loc, "'%s' is %s, which has no bounds: only numbers, amounts and "
                   "durations can be bounded with 'at least' and 'at most'", d->name.name, tc_tname(c, d->type));
        return;
    }
    if (lo)
        check_bound(c, d, t, lo, &d->u.input.low, "lower");
    if (hi)
        check_bound(c, d, t, hi, &d->u.input.high, "upper");
    bound_kind k = t->kind == T_MONEY ? BK_AMOUNT : t->kind == T_DURATION ? BK_DURATION : BK_NUMBER;
    if (d->u.input.low.set && d->u.input.high.set && bound_compare(k, &d->u.input.low, &d->u.input.high) > 0)
        diag_error(c->diag, hi->loc, "no value of '%s' is both at least its lower bound and at most this one: "
                   "the lower bound is larger", d->name.name);
}
