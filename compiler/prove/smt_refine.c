/* SPDX-License-Identifier: Apache-2.0 */
/* The calendar made exact where a case needs it. The encoding keeps the
 * calendar functions unknown, with the bounds lovc guarantees (see
 * smt_calendar.c): what it proves holds for the real calendar too. A case
 * the solver finds may instead rest on a month of 40 days. Here every
 * application of a calendar function in the question is compared with
 * the runtime's own answer (runtime/core/lov_date.h, the one the
 * generated C uses) at the case's values; where they differ, that answer
 * is added as a fact and the solver asked again, until the case is one
 * the real calendar allows, or there is none. */
#include "prove/smt_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/lov.h"

/* Rounds of asking again before the answer is given up as unknown. */
enum { MAX_ROUNDS = 40 };

static bool same_decl(smt *s, Z3_func_decl a, Z3_func_decl b)
{
    return Z3_is_eq_func_decl(s->ctx, a, b);
}

bool smt_is_calendar(smt *s, Z3_func_decl f)
{
    Z3_func_decl all[] = {s->add_months, s->months_between, s->month_end, s->year_start,
                          s->year_end,   s->year_of,        s->month_of,  s->day_of};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        if (same_decl(s, f, all[i]))
            return true;
    return false;
}

bool smt_calendar_value(smt *s, Z3_func_decl f, const int64_t *args, int64_t *out)
{
    int64_t a = args[0];
    if (a < LOV_DATE_MIN || a > LOV_DATE_MAX)
        return false;
    lov_date d = (lov_date)a, r = 0;
    if (same_decl(s, f, s->add_months)) {
        lov_month_end rule = s->mod->month_end == ME_OVERFLOW ? LOV_MONTH_END_OVERFLOW : LOV_MONTH_END_CLAMP;
        if (lov_date_add_months(d, args[1], rule, &r) != LOV_OK)
            return false;
        *out = r;
    } else if (same_decl(s, f, s->months_between)) {
        if (args[1] < LOV_DATE_MIN || args[1] > LOV_DATE_MAX)
            return false;
        *out = lov_date_months_between(d, (lov_date)args[1]);
    } else if (same_decl(s, f, s->month_end)) {
        *out = lov_date_month_end(d);
    } else if (same_decl(s, f, s->year_start)) {
        *out = lov_date_year_start(d);
    } else if (same_decl(s, f, s->year_end)) {
        *out = lov_date_year_end(d);
    } else if (same_decl(s, f, s->year_of)) {
        *out = lov_date_year(d);
    } else if (same_decl(s, f, s->month_of)) {
        *out = lov_date_month(d);
    } else if (same_decl(s, f, s->day_of)) {
        *out = lov_date_day(d);
    } else {
        return false;
    }
    return true;
}

/* A set of term ids. */
typedef struct id_set {
    unsigned char *in;
    unsigned cap;
} id_set;

/* Adds id; false when it was there already. */
static bool id_add(id_set *set, unsigned id)
{
    if (id >= set->cap) {
        unsigned ncap = set->cap ? set->cap : 4096;
        while (ncap <= id)
            ncap *= 2;
        set->in = xrealloc(set->in, ncap);
        memset(set->in + set->cap, 0, ncap - set->cap);
        set->cap = ncap;
    }
    if (set->in[id])
        return false;
    set->in[id] = 1;
    return true;
}

/* The applications of calendar functions in the terms, each once, and
 * the variables their arguments are computed from. */
typedef struct calendar_apps {
    ptrvec apps;                 /* Z3_app */
    ptrvec leaves;               /* Z3_ast: variables under some application */
    id_set walked;               /* 2 * id, + 1 when walked under an application */
    id_set recorded;             /* the applications in apps, the variables in leaves */
} calendar_apps;

static void collect(smt *s, calendar_apps *c, Z3_ast root)
{
    ptrvec stack = {0};          /* pairs: a term, and non-NULL when under an application */
    pv_push(&stack, root);
    pv_push(&stack, NULL);
    while (stack.len) {
        bool under = stack.items[--stack.len] != NULL;
        Z3_ast t = stack.items[--stack.len];
        if (Z3_get_ast_kind(s->ctx, t) != Z3_APP_AST)
            continue;
        unsigned id = Z3_get_ast_id(s->ctx, t);
        if (!id_add(&c->walked, 2 * id + under))
            continue;
        Z3_app app = Z3_to_app(s->ctx, t);
        Z3_func_decl f = Z3_get_app_decl(s->ctx, app);
        unsigned n = Z3_get_app_num_args(s->ctx, app);
        bool calendar = smt_is_calendar(s, f);
        bool variable = n == 0 && Z3_get_decl_kind(s->ctx, f) == Z3_OP_UNINTERPRETED;
        if ((calendar || (variable && under)) && id_add(&c->recorded, id))
            pv_push(calendar ? &c->apps : &c->leaves, t);
        for (unsigned i = 0; i < n; i++) {
            pv_push(&stack, Z3_get_app_arg(s->ctx, app, i));
            pv_push(&stack, under || calendar ? (void *)t : NULL);
        }
    }
    pv_free(&stack);
}

static Z3_ast within(smt *s, Z3_ast t, int64_t lo, int64_t hi)
{
    return smt_and(s, smt_le(s, smt_int(s, lo), t), smt_le(s, t, smt_int(s, hi)));
}

/* What the runtime's answer 'real' at 'args' says of the application: not
 * only its value there but on the whole stretch of days where the
 * function is as simple (the month or year of the date; for months added,
 * the days that keep their day of the month), so that the solver learns a
 * month of the calendar at a time, not a day. */
static Z3_ast calendar_fact(smt *s, Z3_app app, const int64_t *args, int64_t real)
{
    Z3_func_decl f = Z3_get_app_decl(s->ctx, app);
    Z3_ast value = Z3_app_to_ast(s->ctx, app), t = Z3_get_app_arg(s->ctx, app, 0);
    lov_date c = (lov_date)args[0];
    int64_t first = lov_date_month_start(c), last = lov_date_month_end(c);
    Z3_ast region, then;
    if (same_decl(s, f, s->year_of) || same_decl(s, f, s->year_start) || same_decl(s, f, s->year_end)) {
        region = within(s, t, lov_date_year_start(c), lov_date_year_end(c));
        then = smt_eq(s, value, smt_int(s, real));
    } else if (same_decl(s, f, s->month_of) || same_decl(s, f, s->month_end)) {
        region = within(s, t, first, last);
        then = smt_eq(s, value, smt_int(s, real));
    } else if (same_decl(s, f, s->day_of)) {
        region = within(s, t, first, last);
        then = smt_eq(s, value, smt_add(s, smt_sub(s, t, smt_int(s, first)), smt_int(s, 1)));
    } else if (same_decl(s, f, s->add_months)) {
        /* The days of the month that keep their day in the month moved to
         * move with it; the rest (clamp) all land on its last day. */
        Z3_ast months = Z3_get_app_arg(s->ctx, app, 1);
        lov_date to_first = 0;
        lov_month_end rule = s->mod->month_end == ME_OVERFLOW ? LOV_MONTH_END_OVERFLOW : LOV_MONTH_END_CLAMP;
        if (lov_date_add_months((lov_date)first, args[1], rule, &to_first) != LOV_OK)
            return smt_eq(s, value, smt_int(s, real));
        int64_t to_length = lov_date_month_end(to_first) - to_first + 1;
        int64_t kept = rule == LOV_MONTH_END_OVERFLOW || last - first + 1 <= to_length ? last : first + to_length - 1;
        Z3_ast same_months = smt_eq(s, months, smt_int(s, args[1]));
        if (c <= kept) {
            region = smt_and(s, same_months, within(s, t, first, kept));
            then = smt_eq(s, value, smt_add(s, t, smt_int(s, to_first - first)));
        } else {
            region = smt_and(s, same_months, within(s, t, kept + 1, last));
            then = smt_eq(s, value, smt_int(s, real));
        }
    } else {
        /* months_between(a, b): for this a, every b of the same month. */
        Z3_ast b = Z3_get_app_arg(s->ctx, app, 1);
        lov_date cb = (lov_date)args[1];
        int64_t b_first = lov_date_month_start(cb), b_last = lov_date_month_end(cb);
        int64_t landed = lov_date_day(c) < b_last - b_first + 1 ? lov_date_day(c) : b_last - b_first + 1;
        int64_t whole = (int64_t)lov_date_year(cb) * 12 + lov_date_month(cb) - (int64_t)lov_date_year(c) * 12
                        - lov_date_month(c);
        region = smt_and(s, smt_eq(s, t, smt_int(s, c)), within(s, b, b_first, b_last));
        then = smt_eq(s, value, smt_ite(s, smt_le(s, smt_int(s, b_first + landed - 1), b), smt_int(s, whole),
                                        smt_int(s, whole - 1)));
        if (c > cb)
            then = smt_eq(s, value, smt_int(s, real));   /* counted the other way: this day only */
        if (c > cb)
            region = smt_and(s, smt_eq(s, t, smt_int(s, c)), smt_eq(s, b, smt_int(s, cb)));
    }
    return Z3_mk_implies(s->ctx, region, then);
}

static bool model_int(smt *s, Z3_model m, Z3_ast t, int64_t *out)
{
    Z3_ast v;
    return Z3_model_eval(s->ctx, m, t, true, &v) && Z3_get_numeral_int64(s->ctx, v, out);
}

/* What a round did: nothing to mend (the case is real), facts added, or
 * also cases left out that need dates outside the calendar. */
typedef enum fix { FIX_NONE, FIX_ADDED, FIX_SKIPPED } fix;

/* Adds the runtime's answer for each application the model has wrong,
 * and to 'pins' that the variables of their arguments keep their values
 * in the next case, so that the solver mends this case (the calendar of
 * the dates it is made of) rather than drifting to another whose calendar
 * it knows no better. */
static fix add_calendar_facts(smt *s, const calendar_apps *c, Z3_model m, ptrvec *pins)
{
    fix result = FIX_NONE;
    for (size_t i = 0; i < c->apps.len; i++) {
        Z3_app app = c->apps.items[i];
        Z3_func_decl f = Z3_get_app_decl(s->ctx, app);
        unsigned n = Z3_get_app_num_args(s->ctx, app);
        int64_t args[2] = {0, 0}, real = 0, model = 0;
        bool known = n <= 2;
        for (unsigned k = 0; known && k < n; k++) {
            known = model_int(s, m, Z3_get_app_arg(s->ctx, app, k), &args[k]);
        }
        if (!known || !smt_calendar_value(s, f, args, &real)) {
            /* A date outside the calendar, which the compiled rules would
             * not compute: look for another case. */
            Z3_ast same = smt_true(s);
            for (unsigned k = 0; known && k < n; k++)
                same = smt_and(s, same, smt_eq(s, Z3_get_app_arg(s->ctx, app, k), smt_int(s, args[k])));
            Z3_solver_assert(s->ctx, s->solver, smt_not(s, same));
            result = FIX_SKIPPED;
            continue;
        }
        if (model_int(s, m, Z3_app_to_ast(s->ctx, app), &model) && model == real)
            continue;
        Z3_solver_assert(s->ctx, s->solver, calendar_fact(s, app, args, real));
        if (result == FIX_NONE)
            result = FIX_ADDED;
    }
    for (size_t i = 0; result != FIX_NONE && i < c->leaves.len; i++) {
        Z3_ast v;
        if (Z3_model_eval(s->ctx, m, c->leaves.items[i], true, &v))
            pv_push(pins, smt_eq(s, c->leaves.items[i], v));
    }
    return result;
}

smt_answer smt_refine(smt *s, Z3_ast question, Z3_model *model, Z3_ast *assumptions, unsigned *nassumptions)
{
    calendar_apps c = {0};
    collect(s, &c, question);
    for (size_t i = 0; i < s->side.len; i++)
        collect(s, &c, s->side.items[i]);
    smt_answer answer = SMT_SAT;
    ptrvec pins = {0};
    bool skipped = false;        /* cases were left out: "no case" is then no proof */
    for (int round = 0; c.apps.len; round++) {
        pins.len = 0;
        for (unsigned i = 0; i < *nassumptions; i++)
            pv_push(&pins, assumptions[i]);
        fix f = add_calendar_facts(s, &c, *model, &pins);
        if (f == FIX_NONE)
            break;
        skipped |= f == FIX_SKIPPED;
        if (smt_seconds_now() > s->question_end) {    /* the rounds share the question's time */
            answer = SMT_UNKNOWN;
            snprintf(s->why_unknown, sizeof s->why_unknown, "timeout while it made the calendar exact");
            break;
        }
        if (round == MAX_ROUNDS) {
            answer = SMT_UNKNOWN;
            snprintf(s->why_unknown, sizeof s->why_unknown,
                     "every case it found rests on calendar arithmetic the real calendar does not give (%d tried)",
                     MAX_ROUNDS);
            break;
        }
        Z3_lbool r = smt_check(s, (unsigned)pins.len, (Z3_ast *)pins.items);
        if (r != Z3_L_TRUE)
            while ((r = smt_check(s, *nassumptions, assumptions)) == Z3_L_FALSE
                   && *nassumptions > 0)
                (*nassumptions)--;      /* no such case with recognisable values: any case will do */
        if (r == Z3_L_FALSE && skipped) {
            answer = SMT_UNKNOWN;
            snprintf(s->why_unknown, sizeof s->why_unknown, "the only cases it found need dates outside the calendar");
            break;
        }
        if (r != Z3_L_TRUE) {
            answer = r == Z3_L_FALSE ? SMT_UNSAT : SMT_UNKNOWN;
            if (r == Z3_L_UNDEF)
                snprintf(s->why_unknown, sizeof s->why_unknown, "%s while it made the calendar exact",
                         smt_seconds_now() >= s->question_end ? "timeout" : "no answer");
            break;
        }
        Z3_model_dec_ref(s->ctx, *model);
        *model = Z3_solver_get_model(s->ctx, s->solver);
        Z3_model_inc_ref(s->ctx, *model);
    }
    pv_free(&pins);
    pv_free(&c.apps);
    pv_free(&c.leaves);
    free(c.walked.in);
    free(c.recorded.in);
    return answer;
}
