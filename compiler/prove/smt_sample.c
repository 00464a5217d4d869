/* SPDX-License-Identifier: Apache-2.0 */
/* A cheap "yes" before the solver: a few cases drawn from the values a
 * tester would write (the same cases on every run), each evaluated against
 * every side fact and the question. A case that makes them all true is a
 * witness, so the answer is yes for certain; otherwise the solver decides.
 *
 * The evaluation is lovc's own, over the terms as built: integers, exact
 * fractions and truth values, each term once per case (remembered by its
 * Z3 id, which is stable because the context never frees a term). For
 * rules with long chains of exceptions this turns the "can this exception
 * apply?" questions into a walk over what is new in each, instead of one
 * solver run per exception. The calendar functions are computed as the
 * runtime computes them. Anything it does not follow (division by zero,
 * overflow, a date outside the calendar) is "no witness", never a guess. */
#include "prove/smt_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/lov.h"

enum { SAMPLES = 64 };

/* Products of two 64-bit parts, exactly (a GCC and Clang extension). */
__extension__ typedef __int128 i128;

/* A value: a truth value, or the fraction num/den (den > 0, lowest terms). */
typedef struct val {
    unsigned char state;     /* 0 not yet, 1 known, 2 not followed */
    bool b;
    int64_t num, den;
} val;

typedef struct sample {
    val *vals;               /* by Z3 ast id */
    unsigned cap;
    ptrvec assigned;         /* Z3_ast: the constants given a value, for a model */
} sample;

struct smt_sampler {
    sample cases[SAMPLES];
};

static val *slot(sample *c, unsigned id)
{
    if (id >= c->cap) {
        unsigned cap = c->cap ? c->cap : 1024;
        while (cap <= id)
            cap *= 2;
        c->vals = xrealloc(c->vals, cap * sizeof *c->vals);
        memset(c->vals + c->cap, 0, (cap - c->cap) * sizeof *c->vals);
        c->cap = cap;
    }
    return &c->vals[id];
}

static val unfollowed(void)
{
    val v = {2, false, 0, 1};
    return v;
}

static val truth(bool b)
{
    val v = {1, b, 0, 1};
    return v;
}

/* num/den from 128-bit parts, reduced; not followed when out of range. */
static val fraction(i128 num, i128 den)
{
    if (den == 0)
        return unfollowed();
    if (den < 0) {
        num = -num;
        den = -den;
    }
    i128 a = num < 0 ? -num : num, b = den;
    while (b) {
        i128 t = a % b;
        a = b;
        b = t;
    }
    if (a > 1) {
        num /= a;
        den /= a;
    }
    if (num > INT64_MAX || num < -INT64_MAX || den > INT64_MAX)
        return unfollowed();
    val v = {1, false, (int64_t)num, (int64_t)den};
    return v;
}

static int compare(val a, val b)
{
    i128 l = (i128)a.num * b.den, r = (i128)b.num * a.den;
    return l < r ? -1 : l > r;
}

static val eval(smt *s, sample *c, Z3_ast t);

static val eval_app(smt *s, sample *c, Z3_app app)
{
    Z3_context ctx = s->ctx;
    Z3_func_decl f = Z3_get_app_decl(ctx, app);
    unsigned n = Z3_get_app_num_args(ctx, app);
    Z3_decl_kind k = Z3_get_decl_kind(ctx, f);
#define ARG(i) eval(s, c, Z3_get_app_arg(ctx, app, (i)))
    switch (k) {
    case Z3_OP_TRUE: return truth(true);
    case Z3_OP_FALSE: return truth(false);
    case Z3_OP_NOT: { val a = ARG(0); return a.state == 1 ? truth(!a.b) : a; }
    case Z3_OP_AND:
    case Z3_OP_OR: {
        bool is_and = k == Z3_OP_AND, unknown = false;
        for (unsigned i = 0; i < n; i++) {
            val a = ARG(i);
            if (a.state != 1)
                unknown = true;
            else if (a.b != is_and)
                return truth(!is_and);         /* decided whatever the others are */
        }
        return unknown ? unfollowed() : truth(is_and);
    }
    case Z3_OP_IMPLIES: {
        val a = ARG(0);
        if (a.state == 1 && !a.b)
            return truth(true);
        val b = ARG(1);
        if (b.state == 1 && b.b)
            return truth(true);
        return a.state == 1 && b.state == 1 ? truth(false) : unfollowed();
    }
    case Z3_OP_ITE: {
        val cond = ARG(0);
        if (cond.state != 1)
            return unfollowed();
        return cond.b ? ARG(1) : ARG(2);
    }
    case Z3_OP_EQ:
    case Z3_OP_DISTINCT: {
        if (n != 2)
            return unfollowed();
        val a = ARG(0), b = ARG(1);
        if (a.state != 1 || b.state != 1)
            return unfollowed();
        bool same = a.num == b.num && a.den == b.den && a.b == b.b;
        return truth(k == Z3_OP_EQ ? same : !same);
    }
    case Z3_OP_LE: case Z3_OP_LT: case Z3_OP_GE: case Z3_OP_GT: {
        val a = ARG(0), b = ARG(1);
        if (a.state != 1 || b.state != 1)
            return unfollowed();
        int cmp = compare(a, b);
        return truth(k == Z3_OP_LE ? cmp <= 0 : k == Z3_OP_LT ? cmp < 0 : k == Z3_OP_GE ? cmp >= 0 : cmp > 0);
    }
    case Z3_OP_ADD: case Z3_OP_SUB: case Z3_OP_MUL: {
        val acc = ARG(0);
        for (unsigned i = 1; i < n && acc.state == 1; i++) {
            val b = ARG(i);
            if (b.state != 1)
                return unfollowed();
            if (k == Z3_OP_MUL)
                acc = fraction((i128)acc.num * b.num, (i128)acc.den * b.den);
            else
                acc = fraction((i128)acc.num * b.den + (k == Z3_OP_ADD ? 1 : -1) * (i128)b.num * acc.den,
                               (i128)acc.den * b.den);
        }
        return acc;
    }
    case Z3_OP_UMINUS: { val a = ARG(0); return a.state == 1 ? fraction(-(i128)a.num, a.den) : a; }
    case Z3_OP_DIV: {
        val a = ARG(0), b = ARG(1);
        if (a.state != 1 || b.state != 1 || b.num == 0)
            return unfollowed();
        return fraction((i128)a.num * b.den, (i128)a.den * b.num);
    }
    case Z3_OP_IDIV:
    case Z3_OP_MOD: {
        /* Whole numbers, as Z3 divides them: the remainder is never negative. */
        val a = ARG(0), b = ARG(1);
        if (a.state != 1 || b.state != 1 || a.den != 1 || b.den != 1 || b.num == 0)
            return unfollowed();
        int64_t q = a.num / b.num, r = a.num % b.num;
        if (r < 0) {
            r += b.num < 0 ? -b.num : b.num;
            q += b.num < 0 ? 1 : -1;
        }
        return fraction(k == Z3_OP_IDIV ? q : r, 1);
    }
    case Z3_OP_TO_REAL: return ARG(0);
    case Z3_OP_TO_INT: {
        val a = ARG(0);
        if (a.state != 1)
            return a;
        int64_t q = a.num / a.den;
        if (a.num % a.den != 0 && a.num < 0)
            q--;                               /* floor */
        return fraction(q, 1);
    }
    case Z3_OP_UNINTERPRETED: {
        /* A calendar function, as the runtime computes it. */
        int64_t args[2] = {0, 0}, value = 0;
        if (n > 2 || !smt_is_calendar(s, f))
            return unfollowed();
        for (unsigned i = 0; i < n; i++) {
            val a = ARG(i);
            if (a.state != 1 || a.den != 1)
                return unfollowed();
            args[i] = a.num;
        }
        return smt_calendar_value(s, f, args, &value) ? fraction(value, 1) : unfollowed();
    }
    default:
        return unfollowed();
    }
#undef ARG
}

static val eval(smt *s, sample *c, Z3_ast t)
{
    val *v = slot(c, Z3_get_ast_id(s->ctx, t));
    if (v->state)
        return *v;
    val r = unfollowed();
    switch (Z3_get_ast_kind(s->ctx, t)) {
    case Z3_NUMERAL_AST: {
        int64_t num, den;
        if (Z3_get_numeral_rational_int64(s->ctx, t, &num, &den))
            r = fraction(num, den);
        break;
    }
    case Z3_APP_AST:
        r = eval_app(s, c, Z3_to_app(s->ctx, t));
        break;
    default:
        break;
    }
    v = slot(c, Z3_get_ast_id(s->ctx, t));   /* the table may have grown */
    *v = r;
    return r;
}

/* ---- The cases -------------------------------------------------------------- */

static uint64_t next(uint64_t *state)
{
    /* xorshift64: deterministic, so the checks give the same answers every run. */
    uint64_t x = *state;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return *state = x;
}

static int64_t between(uint64_t *rng, int64_t lo, int64_t hi)
{
    return lo + (int64_t)(next(rng) % (uint64_t)(hi - lo + 1));
}

static void put(smt *s, sample *c, Z3_ast k, val v)
{
    if (!k)
        return;
    *slot(c, Z3_get_ast_id(s->ctx, k)) = v;
    pv_push(&c->assigned, k);
}

static void put_scalar(smt *s, sample *c, uint64_t *rng, const type *t, Z3_ast v, Z3_ast days, Z3_ast present)
{
    if (t->kind == T_OPTIONAL) {
        put(s, c, present, truth(next(rng) % 4 != 0));
        t = t->elem;
    }
    lov_date from = 0, until = 0;
    switch (t->kind) {
    case T_BOOL: put(s, c, v, truth(next(rng) % 2)); break;
    case T_INT: put(s, c, v, fraction(between(rng, 0, 400), 1)); break;
    case T_MONEY: put(s, c, v, fraction(100 * between(rng, 0, 3000), 1)); break;
    case T_DEC: put(s, c, v, fraction(between(rng, 0, 1600), 4)); break;
    case T_ENUM: put(s, c, v, fraction(between(rng, 0, t->decl->u.enum_.cases.len - 1), 1)); break;
    case T_DATE:
        lov_date_from_ymd(2015, 1, 1, &from);
        lov_date_from_ymd(2026, 12, 31, &until);
        put(s, c, v, fraction(between(rng, from, until), 1));
        break;
    case T_DURATION:
        put(s, c, v, fraction(between(rng, 0, 24), 1));
        put(s, c, days, fraction(between(rng, 0, 60), 1));
        break;
    default: break;
    }
}

static void draw_case(smt *s, sample *c, uint64_t *rng)
{
    for (int k = 0; k < s->ninputs; k++) {
        input_terms *in = &s->inputs[k];
        const type *t = in->d->type;
        if (!in->fields) {
            put_scalar(s, c, rng, t, in->value.v, in->value.days, in->value.present);
            continue;
        }
        int n = t->kind == T_LIST ? s->bound : 1;
        const type *elem = t->kind == T_LIST ? t->elem : t;
        bool records = elem->kind == T_RECORD;
        int nfields = records ? elem->decl->u.record.fields.len : 1;
        if (t->kind == T_LIST)
            put(s, c, in->len, fraction(between(rng, 0, s->bound), 1));
        for (int e = 0; e < n; e++)
            for (int f = 0; f < nfields; f++) {
                const type *ft = records ? ((record_field *)NL_AT(elem->decl->u.record.fields, f))->type : elem;
                put_scalar(s, c, rng, ft, in->fields[e][f], in->field_days[e][f], in->field_present[e][f]);
            }
    }
    put(s, c, s->nice, truth(true));
    put(s, c, s->short_lists, truth(false));
}

static smt_sampler *sampler(smt *s)
{
    if (!s->sampler) {
        s->sampler = xcalloc(1, sizeof *s->sampler);
        uint64_t rng = UINT64_C(0x9E3779B97F4A7C15);
        for (int i = 0; i < SAMPLES; i++)
            draw_case(s, &s->sampler->cases[i], &rng);
    }
    return s->sampler;
}

static bool holds(smt *s, sample *c, Z3_ast t)
{
    val v = eval(s, c, t);
    return v.state == 1 && v.b;
}

/* The case as a Z3 model, so that the example is written as the solver's are. */
static Z3_model model_of(smt *s, sample *c)
{
    Z3_model m = Z3_mk_model(s->ctx);
    Z3_model_inc_ref(s->ctx, m);
    for (size_t i = 0; i < c->assigned.len; i++) {
        Z3_ast k = c->assigned.items[i];
        val v = *slot(c, Z3_get_ast_id(s->ctx, k));
        Z3_sort sort = Z3_get_sort(s->ctx, k);
        Z3_ast value;
        if (Z3_get_sort_kind(s->ctx, sort) == Z3_BOOL_SORT) {
            value = v.b ? smt_true(s) : smt_false(s);
        } else {
            char buf[48];
            if (v.den == 1)
                snprintf(buf, sizeof buf, "%lld", (long long)v.num);
            else
                snprintf(buf, sizeof buf, "%lld/%lld", (long long)v.num, (long long)v.den);
            value = Z3_mk_numeral(s->ctx, buf, sort);
        }
        Z3_add_const_interp(s->ctx, m, Z3_get_app_decl(s->ctx, Z3_to_app(s->ctx, k)), value);
    }
    return m;
}

/* Values for the question's own constants (a moved date, a value given to
 * a missing fact): dates after the case's reference date. */
static void draw_extras(smt *s, sample *c, uint64_t *rng, const ptrvec *extras)
{
    val ref = s->reference ? *slot(c, Z3_get_ast_id(s->ctx, s->reference)) : unfollowed();
    for (size_t i = 0; i + 1 < extras->len; i += 2) {
        Z3_ast k = extras->items[i];
        const type *t = extras->items[i + 1];
        if (t->kind == T_DATE && ref.state == 1)
            put(s, c, k, fraction(ref.num + between(rng, 1, 800), 1));
        else
            put_scalar(s, c, rng, t, k, NULL, NULL);
    }
}

bool smt_sample_witness(smt *s, Z3_ast question, const ptrvec *extras, Z3_model *model)
{
    smt_sampler *sm = sampler(s);
    uint64_t rng = UINT64_C(0xD1B54A32D192ED03);
    for (int i = 0; i < SAMPLES; i++) {
        sample *c = &sm->cases[i];
        size_t before = c->assigned.len;
        if (extras)
            draw_extras(s, c, &rng, extras);
        bool all = holds(s, c, question);
        for (size_t k = 0; all && k < s->side.len; k++)
            all = holds(s, c, s->side.items[k]);
        if (all && model)
            *model = model_of(s, c);
        c->assigned.len = before;           /* the extras belong to this question only */
        if (all)
            return true;
    }
    return false;
}

void smt_sampler_free(smt_sampler *sm)
{
    if (!sm)
        return;
    for (int i = 0; i < SAMPLES; i++) {
        free(sm->cases[i].vals);
        pv_free(&sm->cases[i].assigned);
    }
    free(sm);
}
