#include "prove/smt.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <z3.h>

#include "check/builtins.h"
#include "core/lov.h"
#include "check/typecheck.h"
#include "check/types.h"

/* The value of an expression as terms. */
typedef struct sv {
    Z3_ast ok;               /* Bool: the value was computed (not undetermined, conflict, ...) */
    Z3_ast v;                /* the value (durations: the months) */
    Z3_ast days;             /* durations: the days */
    Z3_ast present;          /* optional values: Bool */
} sv;

/* The terms of one input. */
typedef struct input_terms {
    decl *d;
    sv value;                /* scalars and optionals */
    Z3_ast len;              /* lists: the number of items */
    Z3_ast **fields;         /* lists: fields[i][f]; records: fields[0][f]; scalar lists: fields[i][0] */
    Z3_ast **field_present;  /* optional fields: fields_present[i][f] */
    Z3_ast **field_days;     /* duration fields: their days (fields[i][f] holds the months) */
} input_terms;

/* What a record-valued name stands for: an item of a list input, or a record input. */
typedef struct rec_ref {
    input_terms *in;
    int index;
} rec_ref;

/* Names bound while encoding: aggregate variables and parameters of a function. */
typedef struct env {
    const void *key;         /* aggr_var* or formal* */
    sv value;
    rec_ref rec;             /* for record values */
    const struct env *next;
} env;

/* An application of an external function, for the example's answers. */
typedef struct ext_call {
    decl *d;
    Z3_ast *args;
    Z3_ast result;
} ext_call;

struct smt {
    module *mod;
    Z3_context ctx;
    Z3_solver solver;
    int bound;
    Z3_sort bool_sort, int_sort, real_sort;
    input_terms *inputs;     /* by input slot */
    int ninputs;
    sv *defs;                /* by position in mod->decls: encoded once */
    bool *encoded;
    ptrvec side;             /* Z3_ast: facts about the unknown functions, asserted with every question */
    ptrvec calls;            /* ext_call* */
    Z3_ast reference;        /* the reference date, or NULL */
    Z3_func_decl add_months, months_between;
    Z3_func_decl month_end, year_start, year_end, year_of, month_of, day_of;
    char why_unknown[160];   /* the prover's reason for the last SMT_UNKNOWN */
    Z3_ast nice;             /* Bool: every input has a value a tester would write (see nice_range) */
    Z3_ast short_lists;      /* Bool: lists have at most one item */
    bool incomplete;         /* the question reads something the encoding does not follow */
    const char *incomplete_why;
    bool *def_incomplete;    /* by decl position: its encoding is incomplete */
    int rule_depth;          /* of the exception tree being encoded */
};

static sv encode(smt *s, const expr *e, const env *en);
static sv encode_rules(smt *s, decl *d, const env *en);
static sv rule_value_at(smt *s, decl *d, ast_rule *node, const env *en);

/* ---- Terms --------------------------------------------------------------- */

static Z3_ast t_true(smt *s) { return Z3_mk_true(s->ctx); }
static Z3_ast t_false(smt *s) { return Z3_mk_false(s->ctx); }
static Z3_ast t_int(smt *s, int64_t v) { return Z3_mk_int64(s->ctx, v, s->int_sort); }
static Z3_ast t_not(smt *s, Z3_ast a) { return Z3_mk_not(s->ctx, a); }
static Z3_ast t_eq(smt *s, Z3_ast a, Z3_ast b) { return Z3_mk_eq(s->ctx, a, b); }
static Z3_ast t_ite(smt *s, Z3_ast c, Z3_ast a, Z3_ast b) { return Z3_mk_ite(s->ctx, c, a, b); }
static Z3_ast t_le(smt *s, Z3_ast a, Z3_ast b) { return Z3_mk_le(s->ctx, a, b); }
static Z3_ast t_lt(smt *s, Z3_ast a, Z3_ast b) { return Z3_mk_lt(s->ctx, a, b); }

static Z3_ast t_and(smt *s, Z3_ast a, Z3_ast b)
{
    Z3_ast args[2] = {a, b};
    return Z3_mk_and(s->ctx, 2, args);
}

static Z3_ast t_or(smt *s, Z3_ast a, Z3_ast b)
{
    Z3_ast args[2] = {a, b};
    return Z3_mk_or(s->ctx, 2, args);
}

static Z3_ast t_add(smt *s, Z3_ast a, Z3_ast b)
{
    Z3_ast args[2] = {a, b};
    return Z3_mk_add(s->ctx, 2, args);
}

static Z3_ast t_sub(smt *s, Z3_ast a, Z3_ast b)
{
    Z3_ast args[2] = {a, b};
    return Z3_mk_sub(s->ctx, 2, args);
}

static Z3_ast t_mul(smt *s, Z3_ast a, Z3_ast b)
{
    Z3_ast args[2] = {a, b};
    return Z3_mk_mul(s->ctx, 2, args);
}

static Z3_ast t_real(smt *s, int64_t coef, int scale)
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

static Z3_ast to_real(smt *s, Z3_ast a)
{
    return Z3_get_sort_kind(s->ctx, Z3_get_sort(s->ctx, a)) == Z3_INT_SORT ? Z3_mk_int2real(s->ctx, a) : a;
}

static sv value_of(Z3_ast ok, Z3_ast v)
{
    sv r = {ok, v, NULL, NULL};
    return r;
}

static sv known(smt *s, Z3_ast v)
{
    return value_of(t_true(s), v);
}

/* A term for "this value is absent / undetermined"; its value does not matter. */
static sv failed(smt *s, const type *t)
{
    sv r = {t_false(s), t_int(s, 0), NULL, NULL};
    if (t && t->kind == T_BOOL)
        r.v = t_false(s);
    if (t && t->kind == T_DEC)
        r.v = t_real(s, 0, 0);
    if (t && t->kind == T_DURATION)
        r.days = t_int(s, 0);
    if (t && t->kind == T_OPTIONAL)
        r.present = t_false(s);
    return r;
}

/* A part of the rules the encoding does not follow: a question that reads
 * it is never answered "no such case" (that would be a proof of nothing). */
static sv unsupported(smt *s, const type *t, const char *why)
{
    s->incomplete = true;
    if (!s->incomplete_why)
        s->incomplete_why = why;
    return failed(s, t);
}

static Z3_sort sort_of(smt *s, const type *t)
{
    if (t->kind == T_OPTIONAL)
        t = t->elem;
    switch (t->kind) {
    case T_BOOL: return s->bool_sort;
    case T_DEC: return s->real_sort;
    default: return s->int_sort;
    }
}

static Z3_ast fresh(smt *s, const char *name, Z3_sort sort)
{
    return Z3_mk_fresh_const(s->ctx, name, sort);
}

/* f(a), an unknown function of one argument, with 'lo <= f(a) - a <= hi'
 * (or, with relative false, 'lo <= f(a) <= hi') added as a known fact. */
static Z3_ast bounded_app(smt *s, Z3_func_decl f, Z3_ast a, int64_t lo, int64_t hi, bool relative)
{
    Z3_ast r = Z3_mk_app(s->ctx, f, 1, &a);
    Z3_ast base = relative ? t_sub(s, r, a) : r;
    pv_push(&s->side, t_and(s, t_le(s, t_int(s, lo), base), t_le(s, base, t_int(s, hi))));
    return r;
}

/* The last day of the month of 'date': a month has 28 to 31 days. */
static Z3_ast month_end_of(smt *s, Z3_ast date)
{
    Z3_ast end = bounded_app(s, s->month_end, date, 0, 30, true);
    Z3_ast length = t_add(s, t_sub(s, end, date), bounded_app(s, s->day_of, date, 1, 31, false));
    pv_push(&s->side, t_and(s, t_le(s, t_int(s, 28), length), t_le(s, length, t_int(s, 31))));
    return end;
}

/* 'date + months': an unknown function, with what holds under either month
 * end rule: no months is the same day, and each month moves the date by 28
 * to 31 days, give or take the 3 days a month end can be clamped or carried
 * over. */
static Z3_ast months_added(smt *s, Z3_ast date, Z3_ast months)
{
    Z3_ast args[2] = {date, months};
    Z3_ast moved = Z3_mk_app(s->ctx, s->add_months, 2, args);
    Z3_ast zero = t_int(s, 0), three = t_int(s, 3);
    Z3_ast shortest = t_mul(s, t_int(s, 28), months), longest = t_mul(s, t_int(s, 31), months);
    Z3_ast by = t_sub(s, moved, date);
    pv_push(&s->side, Z3_mk_implies(s->ctx, t_eq(s, months, zero), t_eq(s, moved, date)));
    pv_push(&s->side, Z3_mk_implies(s->ctx, Z3_mk_gt(s->ctx, months, zero),
                                    t_and(s, t_le(s, t_sub(s, shortest, three), by),
                                          t_le(s, by, t_add(s, longest, three)))));
    pv_push(&s->side, Z3_mk_implies(s->ctx, t_lt(s, months, zero),
                                    t_and(s, t_le(s, t_sub(s, longest, three), by),
                                          t_le(s, by, t_add(s, shortest, three)))));
    return moved;
}

/* ---- Inputs --------------------------------------------------------------- */

static Z3_ast range(smt *s, Z3_ast v, const type *t)
{
    if (t->kind == T_ENUM)
        return t_and(s, t_le(s, t_int(s, 0), v), t_lt(s, v, t_int(s, t->decl->u.enum_.cases.len)));
    if (t->kind == T_DATE)
        return t_and(s, t_le(s, t_int(s, LOV_DATE_MIN), v), t_le(s, v, t_int(s, LOV_DATE_MAX)));
    return t_true(s);
}

/* Values a tester would recognise (dates of this century, amounts and
 * counts that are not huge): an example case keeps to them where it can. */
static void nice_range(smt *s, Z3_ast v, Z3_ast days, const type *t)
{
    int64_t lo, hi;
    switch (t->kind) {
    case T_DATE: {
        lov_date from = 0, until = 0;
        lov_date_from_ymd(2000, 1, 1, &from);
        lov_date_from_ymd(2030, 12, 31, &until);
        lo = from;
        hi = until;
        break;
    }
    case T_INT: lo = 0; hi = 10000; break;
    case T_MONEY: lo = 0; hi = INT64_C(100000000); break;
    case T_DURATION: lo = 0; hi = 24; break;
    default: return;
    }
    Z3_ast in = t_and(s, t_le(s, t_int(s, lo), v), t_le(s, v, t_int(s, hi)));
    if (days)
        in = t_and(s, in, t_and(s, t_le(s, t_int(s, 0), days), t_le(s, days, t_int(s, 400))));
    pv_push(&s->side, Z3_mk_implies(s->ctx, s->nice, in));
}

static Z3_ast scalar_var(smt *s, const char *name, const type *t, Z3_ast *present, Z3_ast *days)
{
    const type *inner = t->kind == T_OPTIONAL ? t->elem : t;
    Z3_ast v = fresh(s, name, sort_of(s, inner));
    Z3_ast in_range = range(s, v, inner);
    if (t->kind == T_OPTIONAL) {
        *present = fresh(s, name, s->bool_sort);
        in_range = Z3_mk_implies(s->ctx, *present, in_range);
    }
    if (inner->kind == T_DURATION)
        *days = fresh(s, name, s->int_sort);
    pv_push(&s->side, in_range);
    nice_range(s, v, inner->kind == T_DURATION ? *days : NULL, inner);
    return v;
}

static void make_inputs(smt *s)
{
    module *m = s->mod;
    for (int i = 0; i < m->decls.len; i++)
        if (((decl *)NL_AT(m->decls, i))->kind == D_INPUT)
            s->ninputs++;
    s->inputs = xcalloc((size_t)s->ninputs + 1, sizeof *s->inputs);
    int k = 0;
    for (int i = 0; i < m->decls.len; i++) {
        decl *d = NL_AT(m->decls, i);
        if (d->kind != D_INPUT)
            continue;
        input_terms *in = &s->inputs[k];
        d->slot = k++;
        in->d = d;
        const type *t = d->type;
        const char *name = d->name.name;
        if (t->kind == T_LIST || t->kind == T_RECORD) {
            int n = t->kind == T_LIST ? s->bound : 1;
            const type *elem = t->kind == T_LIST ? t->elem : t;
            int nfields = elem->kind == T_RECORD ? elem->decl->u.record.fields.len : 1;
            in->fields = xcalloc((size_t)n, sizeof *in->fields);
            in->field_present = xcalloc((size_t)n, sizeof *in->field_present);
            in->field_days = xcalloc((size_t)n, sizeof *in->field_days);
            for (int e = 0; e < n; e++) {
                in->fields[e] = xcalloc((size_t)nfields, sizeof **in->fields);
                in->field_present[e] = xcalloc((size_t)nfields, sizeof **in->field_present);
                in->field_days[e] = xcalloc((size_t)nfields, sizeof **in->field_days);
                for (int f = 0; f < nfields; f++) {
                    const type *ft = elem->kind == T_RECORD
                                         ? ((record_field *)NL_AT(elem->decl->u.record.fields, f))->type
                                         : elem;
                    in->fields[e][f] = scalar_var(s, name, ft, &in->field_present[e][f], &in->field_days[e][f]);
                }
            }
            if (t->kind == T_LIST) {
                in->len = fresh(s, name, s->int_sort);
                pv_push(&s->side, t_and(s, t_le(s, t_int(s, 0), in->len), t_le(s, in->len, t_int(s, s->bound))));
                pv_push(&s->side, Z3_mk_implies(s->ctx, s->short_lists, t_le(s, in->len, t_int(s, 1))));
            }
            continue;
        }
        in->value.ok = t_true(s);
        in->value.v = scalar_var(s, name, t, &in->value.present, &in->value.days);
    }
}

/* ---- Names --------------------------------------------------------------- */

static const env *lookup(const env *en, const void *key)
{
    for (; en; en = en->next)
        if (en->key == key)
            return en;
    return NULL;
}

static sv encode_definition(smt *s, decl *d);

static sv dated_parameter(smt *s, decl *d, Z3_ast day)
{
    nodelist *vals = &d->u.param.values;
    sv r = failed(s, d->type);
    for (int i = vals->len - 1; i >= 0; i--) {
        dated_value *dv = NL_AT(*vals, i);
        lov_date until = dv->has_until ? dv->until
                         : i + 1 < vals->len ? ((dated_value *)NL_AT(*vals, i + 1))->from - 1 : LOV_DATE_MAX;
        Z3_ast in = t_and(s, t_le(s, t_int(s, dv->from), day), t_le(s, day, t_int(s, until)));
        sv v = encode(s, dv->value, NULL);
        r.ok = t_ite(s, in, t_true(s), r.ok);
        r.v = t_ite(s, in, v.v, r.v);
        if (v.days)
            r.days = t_ite(s, in, v.days, r.days);
    }
    return r;
}

static sv encode_name(smt *s, const expr *e, const env *en)
{
    switch (e->u.name.ref) {
    case REF_DECL: {
        decl *d = e->u.name.target;
        sv r;
        if (d->kind == D_INPUT) {
            r = s->inputs[d->slot].value;
        } else if (d->kind == D_PARAMETER) {
            r = d->u.param.constant ? encode(s, d->u.param.constant, NULL)
                                    : dated_parameter(s, d, s->reference ? s->reference : t_int(s, 0));
        } else {
            r = encode_definition(s, d);
        }
        if (e->u.name.narrowed)
            r.present = NULL;
        return r;
    }
    case REF_VAR:
    case REF_PARAM: {
        const env *b = lookup(en, e->u.name.target);
        if (!b)
            return unsupported(s, e->type, "a name outside the expression that binds it");
        sv r = b->value;
        if (e->u.name.narrowed)
            r.present = NULL;
        return r;
    }
    case REF_CASE:
        return known(s, t_int(s, ((enum_case *)e->u.name.target)->index));
    default:
        return unsupported(s, e->type, "a kind of name");
    }
}

/* The record a name or parameter stands for. */
static rec_ref record_of(smt *s, const expr *e, const env *en)
{
    rec_ref none = {NULL, 0};
    if (e->kind != E_NAME)
        return none;
    if (e->u.name.ref == REF_DECL && ((decl *)e->u.name.target)->kind == D_INPUT) {
        rec_ref r = {&s->inputs[((decl *)e->u.name.target)->slot], 0};
        return r;
    }
    const env *b = lookup(en, e->u.name.target);
    return b ? b->rec : none;
}

static sv encode_field(smt *s, const expr *e, const env *en)
{
    if (e->u.name.ref == REF_CASE)
        return known(s, t_int(s, ((enum_case *)e->u.name.target)->index));
    rec_ref r = record_of(s, e->u.name.base, en);
    if (!r.in)
        return unsupported(s, e->type, "a field of a record that is not an input");
    int f = e->u.name.field_index;
    sv v = known(s, r.in->fields[r.index][f]);
    v.days = r.in->field_days[r.index][f];
    if (!e->u.name.narrowed && r.in->field_present[r.index][f])
        v.present = r.in->field_present[r.index][f];
    return v;
}

/* ---- Operators --------------------------------------------------------------- */

/* Kleene 'and' / 'or', as the generated C: a side that decides alone is enough. */
static sv logic(smt *s, binop op, sv a, sv b)
{
    Z3_ast av = op == B_IMPLIES ? t_not(s, a.v) : a.v;
    bool is_and = op == B_AND;
    Z3_ast a_decides = t_and(s, a.ok, is_and ? t_not(s, av) : av);
    Z3_ast b_decides = t_and(s, b.ok, is_and ? t_not(s, b.v) : b.v);
    Z3_ast decided = t_or(s, a_decides, b_decides);
    Z3_ast both = t_and(s, a.ok, b.ok);
    sv r;
    r.ok = t_or(s, decided, both);
    r.v = is_and ? t_and(s, av, b.v) : t_or(s, av, b.v);
    r.v = t_ite(s, decided, is_and ? t_false(s) : t_true(s), r.v);
    r.days = r.present = NULL;
    return r;
}

static Z3_ast both_ok(smt *s, sv a, sv b)
{
    return t_and(s, a.ok, b.ok);
}

/* Rounds a real x to a whole number by the mode. */
static Z3_ast round_real(smt *s, Z3_ast x, round_mode mode)
{
    Z3_ast zero = t_real(s, 0, 0), half = t_real(s, 5, 1);
    Z3_ast nonneg = Z3_mk_ge(s->ctx, x, zero);
    Z3_ast neg_x = Z3_mk_unary_minus(s->ctx, x);
    Z3_ast floor_x = Z3_mk_real2int(s->ctx, x);
    Z3_ast ceil_x = Z3_mk_unary_minus(s->ctx, Z3_mk_real2int(s->ctx, neg_x));
    switch (mode) {
    case RM_DOWN: return t_ite(s, nonneg, floor_x, ceil_x);
    case RM_UP: return t_ite(s, nonneg, ceil_x, floor_x);
    case RM_HALF_UP:
        return t_ite(s, nonneg, Z3_mk_real2int(s->ctx, t_add(s, x, half)),
                     Z3_mk_unary_minus(s->ctx, Z3_mk_real2int(s->ctx, t_add(s, neg_x, half))));
    case RM_HALF_EVEN: {
        /* Kept as a number at most half away from x, as half-even is. */
        Z3_ast r = fresh(s, "rounded", s->int_sort);
        Z3_ast diff = t_sub(s, Z3_mk_int2real(s->ctx, r), x);
        pv_push(&s->side, t_and(s, t_le(s, Z3_mk_unary_minus(s->ctx, half), diff), t_le(s, diff, half)));
        return r;
    }
    }
    return floor_x;
}

/* 10^n as a real, n <= 18. */
static Z3_ast ten_to(smt *s, int n)
{
    int64_t v = 1;
    for (int i = 0; i < n && i < 18; i++)
        v *= 10;
    return t_real(s, v, 0);
}

static sv encode_binary(smt *s, const expr *e, const env *en)
{
    binop op = e->u.binary.op;
    sv a = encode(s, e->u.binary.lhs, en), b = encode(s, e->u.binary.rhs, en);
    if (op == B_AND || op == B_OR || op == B_IMPLIES)
        return logic(s, op, a, b);
    const type *lt = e->u.binary.lhs->type, *rt = e->u.binary.rhs->type;
    sv r = value_of(both_ok(s, a, b), NULL);
    bool real = lt->kind == T_DEC || rt->kind == T_DEC || (lt->kind == T_OPTIONAL && lt->elem->kind == T_DEC)
                || (rt->kind == T_OPTIONAL && rt->elem->kind == T_DEC) || e->inexact;
    Z3_ast x = real ? to_real(s, a.v) : a.v, y = real ? to_real(s, b.v) : b.v;
    if (op >= B_EQ) {
        bool durations = lt->kind == T_DURATION && rt->kind == T_DURATION;
        Z3_ast cmp;
        switch (op) {
        case B_EQ:
        case B_NE:
            cmp = durations ? t_and(s, t_eq(s, a.v, b.v), t_eq(s, a.days, b.days)) : t_eq(s, x, y);
            if (a.present && !b.present)
                cmp = t_and(s, a.present, cmp);
            else if (b.present && !a.present)
                cmp = t_and(s, b.present, cmp);
            else if (a.present && b.present)
                cmp = t_and(s, t_eq(s, a.present, b.present), t_or(s, t_not(s, a.present), cmp));
            if (op == B_NE)
                cmp = t_not(s, cmp);
            r.v = cmp;
            return r;
        default:
            if (durations) {               /* same unit only, as the C: days against months is no value */
                Z3_ast days_only = t_and(s, t_eq(s, a.v, t_int(s, 0)), t_eq(s, b.v, t_int(s, 0)));
                Z3_ast months_only = t_and(s, t_eq(s, a.days, t_int(s, 0)), t_eq(s, b.days, t_int(s, 0)));
                r.ok = t_and(s, r.ok, t_or(s, days_only, months_only));
                x = t_ite(s, days_only, a.days, a.v);
                y = t_ite(s, days_only, b.days, b.v);
            }
            r.v = op == B_LT ? t_lt(s, x, y) : op == B_LE ? t_le(s, x, y)
                  : op == B_GT ? Z3_mk_gt(s->ctx, x, y) : Z3_mk_ge(s->ctx, x, y);
            return r;
        }
    }
    if (lt->kind == T_DURATION || rt->kind == T_DURATION || lt->kind == T_DATE || rt->kind == T_DATE) {
        /* dates and durations */
        if (lt->kind == T_DATE && rt->kind == T_DATE) {         /* later - earlier: days */
            r.v = t_int(s, 0);
            r.days = t_sub(s, a.v, b.v);
            return r;
        }
        if (lt->kind == T_DURATION && rt->kind == T_DURATION) {
            r.v = op == B_SUB ? t_sub(s, a.v, b.v) : t_add(s, a.v, b.v);
            r.days = op == B_SUB ? t_sub(s, a.days, b.days) : t_add(s, a.days, b.days);
            return r;
        }
        if (op == B_MUL) {
            sv d = lt->kind == T_DURATION ? a : b, k = lt->kind == T_DURATION ? b : a;
            r.v = t_mul(s, d.v, k.v);
            r.days = t_mul(s, d.days, k.v);
            return r;
        }
        sv date = lt->kind == T_DATE ? a : b, dur = lt->kind == T_DATE ? b : a;
        Z3_ast months = op == B_SUB ? Z3_mk_unary_minus(s->ctx, dur.v) : dur.v;
        Z3_ast days = op == B_SUB ? Z3_mk_unary_minus(s->ctx, dur.days) : dur.days;
        r.v = t_add(s, months_added(s, date.v, months), days);
        return r;
    }
    switch (op) {
    case B_ADD: r.v = t_add(s, x, y); break;
    case B_SUB: r.v = t_sub(s, x, y); break;
    case B_MUL:
        if (lt->kind == T_MONEY && rt->kind == T_DEC)
            r.v = t_mul(s, to_real(s, a.v), b.v);
        else if (rt->kind == T_MONEY && lt->kind == T_DEC)
            r.v = t_mul(s, a.v, to_real(s, b.v));
        else
            r.v = t_mul(s, x, y);
        break;
    case B_DIV:
        r.ok = t_and(s, r.ok, t_not(s, t_eq(s, to_real(s, b.v), t_real(s, 0, 0))));
        r.v = Z3_mk_div(s->ctx, to_real(s, a.v), to_real(s, b.v));
        break;
    default: r.v = t_int(s, 0); break;
    }
    return r;
}

static sv encode_rounded(smt *s, const expr *e, const env *en)
{
    const expr *x = e->u.rounded.subject;
    sv a = encode(s, x, en);
    sv r = value_of(a.ok, NULL);
    Z3_ast v = to_real(s, a.v);
    round_mode mode = e->u.rounded.mode;
    const type *xt = x->type;
    if (xt->kind == T_MONEY && x->inexact == INEXACT_DIVISION && x->u.binary.lhs->type->kind == T_MONEY
        && x->u.binary.rhs->type->kind == T_MONEY)
        xt = type_dec();                                   /* a ratio of amounts */
    switch (e->u.rounded.target) {
    case RT_KR:
        r.v = t_mul(s, round_real(s, Z3_mk_div(s->ctx, v, t_real(s, 100, 0)), mode), t_int(s, 100));
        return r;
    case RT_DECIMALS: {
        Z3_ast scale = ten_to(s, e->u.rounded.decimals);
        r.v = Z3_mk_div(s->ctx, Z3_mk_int2real(s->ctx, round_real(s, t_mul(s, v, scale), mode)), scale);
        return r;
    }
    case RT_DEFAULT:
        r.v = xt->kind == T_INT && x->inexact == EXACT ? a.v : round_real(s, v, mode);
        return r;
    }
    return r;
}

static sv encode_unit(smt *s, const expr *e, const env *en)
{
    sv a = encode(s, e->u.unit.subject, en);
    sv r = value_of(a.ok, NULL);
    switch (e->u.unit.unit) {
    case UNIT_KR:
        r.v = Z3_get_sort_kind(s->ctx, Z3_get_sort(s->ctx, a.v)) == Z3_REAL_SORT ? t_mul(s, a.v, t_real(s, 100, 0))
                                                                                  : t_mul(s, a.v, t_int(s, 100));
        return r;
    case UNIT_PERCENT: r.v = Z3_mk_div(s->ctx, to_real(s, a.v), t_real(s, 100, 0)); return r;
    case UNIT_DAYS: r.v = t_int(s, 0); r.days = a.v; return r;
    case UNIT_WEEKS: r.v = t_int(s, 0); r.days = t_mul(s, a.v, t_int(s, 7)); return r;
    case UNIT_MONTHS: r.v = a.v; r.days = t_int(s, 0); return r;
    case UNIT_YEARS: r.v = t_mul(s, a.v, t_int(s, 12)); r.days = t_int(s, 0); return r;
    }
    return r;
}

/* ---- Other expressions ------------------------------------------------------------ */

static Z3_ast ok_all(smt *s, sv *vals, int n)
{
    Z3_ast ok = t_true(s);
    for (int i = 0; i < n; i++)
        ok = t_and(s, ok, vals[i].ok);
    return ok;
}

static sv encode_call(smt *s, const expr *e, const env *en)
{
    const expr *callee = e->u.call.callee;
    int n = e->u.call.args.len;
    sv *args = xcalloc((size_t)n + 1, sizeof *args);
    for (int i = 0; i < n; i++)
        args[i] = encode(s, NL_AT(e->u.call.args, i), en);
    sv r = failed(s, e->type);
    if (callee->u.name.ref == REF_BUILTIN) {
        const builtin *b = callee->u.name.target;
        Z3_ast a0 = n > 0 ? args[0].v : NULL, a1 = n > 1 ? args[1].v : NULL;
        r.ok = ok_all(s, args, n);
        switch (b->id) {
        case BI_MONTH_START:          /* the day, less its day of the month, plus one */
            r.v = t_add(s, t_sub(s, a0, bounded_app(s, s->day_of, a0, 1, 31, false)), t_int(s, 1));
            break;
        case BI_MONTH_END: r.v = month_end_of(s, a0); break;
        case BI_NEXT_MONTH_START: r.v = t_add(s, month_end_of(s, a0), t_int(s, 1)); break;
        case BI_YEAR_START: r.v = bounded_app(s, s->year_start, a0, -365, 0, true); break;
        case BI_YEAR_END: r.v = bounded_app(s, s->year_end, a0, 0, 365, true); break;
        case BI_YEAR_OF: r.v = bounded_app(s, s->year_of, a0, 1, 9999, false); break;
        case BI_MONTH_OF: r.v = bounded_app(s, s->month_of, a0, 1, 12, false); break;
        case BI_DAY_OF: r.v = bounded_app(s, s->day_of, a0, 1, 31, false); break;
        case BI_DAYS_BETWEEN: r.v = t_sub(s, a1, a0); break;
        case BI_MONTHS_BETWEEN: {
            Z3_ast xs[2] = {a0, a1};
            r.v = Z3_mk_app(s->ctx, s->months_between, 2, xs);
            break;
        }
        case BI_WEEKDAY_OF:
            r.v = t_add(s, Z3_mk_mod(s->ctx, t_add(s, a0, t_int(s, 3)), t_int(s, 7)), t_int(s, 1));
            break;
        case BI_MIN:
        case BI_MAX: {
            bool real = e->type->kind == T_DEC;
            Z3_ast x = real ? to_real(s, a0) : a0, y = real ? to_real(s, a1) : a1;
            r.v = t_ite(s, b->id == BI_MIN ? t_le(s, x, y) : Z3_mk_ge(s->ctx, x, y), x, y);
            if (args[0].days) {
                Z3_ast first = b->id == BI_MIN ? t_le(s, a0, a1) : Z3_mk_ge(s->ctx, a0, a1);
                r.days = t_ite(s, first, args[0].days, args[1].days);
            }
            break;
        }
        case BI_ABS: {
            Z3_ast zero = e->type->kind == T_DEC ? t_real(s, 0, 0) : t_int(s, 0);
            r.v = t_ite(s, Z3_mk_ge(s->ctx, a0, zero), a0, Z3_mk_unary_minus(s->ctx, a0));
            break;
        }
        }
        free(args);
        return r;
    }
    decl *d = callee->u.name.target;
    if (d->kind == D_EXTERNAL) {
        /* The case system's answer: any value of its type. */
        Z3_sort *domain = xcalloc((size_t)n + 1, sizeof *domain);
        Z3_ast *xs = xcalloc((size_t)n + 1, sizeof *xs);
        for (int i = 0; i < n; i++) {
            xs[i] = args[i].v;
            domain[i] = Z3_get_sort(s->ctx, xs[i]);
        }
        Z3_func_decl f = Z3_mk_func_decl(s->ctx, Z3_mk_string_symbol(s->ctx, d->name.name), (unsigned)n, domain,
                                         sort_of(s, d->type));
        r.ok = ok_all(s, args, n);
        r.v = Z3_mk_app(s->ctx, f, (unsigned)n, xs);
        pv_push(&s->side, range(s, r.v, d->type));
        ext_call *call = xcalloc(1, sizeof *call);
        call->d = d;
        call->args = xs;
        call->result = r.v;
        pv_push(&s->calls, call);
        free(domain);
        free(args);
        return r;
    }
    /* A definition with parameters: its rules, with the parameters bound. */
    env *bound = xcalloc((size_t)n + 1, sizeof *bound);
    const env *top = NULL;
    for (int i = 0; i < n; i++) {
        formal *f = NL_AT(d->u.def.params, i);
        bound[i].key = f;
        bound[i].value = args[i];
        bound[i].rec = record_of(s, NL_AT(e->u.call.args, i), en);
        bound[i].next = top;
        top = &bound[i];
    }
    r = encode_rules(s, d, top);
    Z3_ast args_ok = ok_all(s, args, n);
    r.ok = t_and(s, args_ok, r.ok);
    free(bound);
    free(args);
    return r;
}

static sv encode_aggregate(smt *s, const expr *e, const env *en)
{
    aggr_kind k = e->u.aggr.kind;
    const expr *list = e->u.aggr.list;
    decl *ld = list->kind == E_NAME && list->u.name.ref == REF_DECL ? list->u.name.target : NULL;
    if (!ld || ld->kind != D_INPUT)
        return unsupported(s, e->type, "an aggregate over a list that is not an input");
    input_terms *in = &s->inputs[ld->slot];
    bool records = ld->type->elem->kind == T_RECORD;
    const type *t = e->type;
    bool real = t->kind == T_DEC || (t->kind == T_OPTIONAL && t->elem->kind == T_DEC);
    sv r = value_of(t_true(s), NULL);
    Z3_ast acc = k == AG_EXISTS ? t_false(s) : k == AG_FORALL ? t_true(s) : real ? t_real(s, 0, 0) : t_int(s, 0);
    Z3_ast acc_days = t_int(s, 0), present = t_false(s);
    for (int i = 0; i < s->bound; i++) {
        env item = {e->u.aggr.binding, {t_true(s), NULL, NULL, NULL}, {in, i}, en};
        if (!records) {
            item.value.v = in->fields[i][0];
            item.value.days = in->field_days[i][0];
            item.value.present = in->field_present[i][0];
        }
        Z3_ast there = t_lt(s, t_int(s, i), in->len);
        sv filter = e->u.aggr.filter ? encode(s, e->u.aggr.filter, &item) : known(s, t_true(s));
        Z3_ast counted = t_and(s, there, filter.v);
        r.ok = t_and(s, r.ok, Z3_mk_implies(s->ctx, there, filter.ok));
        if (k == AG_COUNT) {
            acc = t_add(s, acc, t_ite(s, counted, t_int(s, 1), t_int(s, 0)));
            continue;
        }
        if (k == AG_EXISTS) {
            acc = t_or(s, acc, counted);
            continue;
        }
        sv body = encode(s, e->u.aggr.body, &item);
        r.ok = t_and(s, r.ok, Z3_mk_implies(s->ctx, counted, body.ok));
        Z3_ast bv = real ? to_real(s, body.v) : body.v;
        switch (k) {
        case AG_FORALL: acc = t_and(s, acc, Z3_mk_implies(s->ctx, counted, body.v)); break;
        case AG_SUM:
            acc = t_ite(s, counted, t_add(s, acc, bv), acc);
            if (body.days)
                acc_days = t_ite(s, counted, t_add(s, acc_days, body.days), acc_days);
            break;
        case AG_MINIMUM:
        case AG_MAXIMUM: {
            Z3_ast better = k == AG_MINIMUM ? t_lt(s, bv, acc) : Z3_mk_gt(s->ctx, bv, acc);
            acc = t_ite(s, t_and(s, counted, t_or(s, t_not(s, present), better)), bv, acc);
            present = t_or(s, present, counted);
            break;
        }
        default: break;
        }
    }
    r.v = acc;
    if (k == AG_SUM && e->type->kind == T_DURATION) {
        r.days = acc_days;
    }
    if (k == AG_MINIMUM || k == AG_MAXIMUM)
        r.present = present;
    return r;
}

static sv encode_match(smt *s, const expr *e, const env *en)
{
    sv sc = encode(s, e->u.match.scrutinee, en);
    decl *enm = e->u.match.scrutinee->type->decl;
    sv r = e->u.match.else_e ? encode(s, e->u.match.else_e, en) : failed(s, e->type);
    for (int i = e->u.match.arms.len - 1; i >= 0; i--) {
        match_arm *arm = NL_AT(e->u.match.arms, i);
        sv body = encode(s, arm->body, en);
        Z3_ast hit = t_false(s);
        for (int k = 0; k < arm->cases.len; k++) {
            ident *id = NL_AT(arm->cases, k);
            for (int j = 0; j < enm->u.enum_.cases.len; j++)
                if (strcmp(((enum_case *)NL_AT(enm->u.enum_.cases, j))->name.name, id->name) == 0)
                    hit = t_or(s, hit, t_eq(s, sc.v, t_int(s, j)));
        }
        r.ok = t_ite(s, hit, body.ok, r.ok);
        r.v = t_ite(s, hit, e->type->kind == T_DEC ? to_real(s, body.v) : body.v,
                    e->type->kind == T_DEC ? to_real(s, r.v) : r.v);
        if (body.days)
            r.days = t_ite(s, hit, body.days, r.days ? r.days : t_int(s, 0));
        if (body.present || r.present)
            r.present = t_ite(s, hit, body.present ? body.present : t_true(s), r.present ? r.present : t_true(s));
    }
    r.ok = t_and(s, sc.ok, r.ok);
    return r;
}

static sv encode(smt *s, const expr *e, const env *en)
{
    switch (e->kind) {
    case E_BOOL: return known(s, e->u.b ? t_true(s) : t_false(s));
    case E_INT: return known(s, t_int(s, e->u.i));
    case E_DECIMAL: return known(s, t_real(s, e->u.dec.coef, e->u.dec.scale));
    case E_MONEY: return known(s, t_int(s, e->u.money));
    case E_DATE: return known(s, t_int(s, e->u.date));
    case E_DURATION: {
        sv r = known(s, t_int(s, e->u.dur.months));
        r.days = t_int(s, e->u.dur.days);
        return r;
    }
    case E_NAME: return encode_name(s, e, en);
    case E_FIELD: return encode_field(s, e, en);
    case E_CALL: return encode_call(s, e, en);
    case E_UNARY: {
        sv a = encode(s, e->u.unary.operand, en);
        if (e->u.unary.op == U_NOT)
            return value_of(a.ok, t_not(s, a.v));
        sv r = value_of(a.ok, Z3_mk_unary_minus(s->ctx, a.v));
        if (a.days)
            r.days = Z3_mk_unary_minus(s->ctx, a.days);
        return r;
    }
    case E_BINARY: return encode_binary(s, e, en);
    case E_IF: {
        sv c = encode(s, e->u.if_.cond, en), a = encode(s, e->u.if_.then_e, en), b = encode(s, e->u.if_.else_e, en);
        bool real = e->type->kind == T_DEC;
        sv r = value_of(t_and(s, c.ok, t_ite(s, c.v, a.ok, b.ok)),
                        t_ite(s, c.v, real ? to_real(s, a.v) : a.v, real ? to_real(s, b.v) : b.v));
        if (a.days)
            r.days = t_ite(s, c.v, a.days, b.days);
        if (a.present || b.present)
            r.present = t_ite(s, c.v, a.present ? a.present : t_true(s), b.present ? b.present : t_true(s));
        return r;
    }
    case E_MATCH: return encode_match(s, e, en);
    case E_AGGREGATE: return encode_aggregate(s, e, en);
    case E_WITHIN: {
        sv x = encode(s, e->u.within.subject, en), span = encode(s, e->u.within.span, en);
        sv anchor = encode(s, e->u.within.anchor, en);
        bool after = e->u.within.after;
        Z3_ast months = after ? span.v : Z3_mk_unary_minus(s->ctx, span.v);
        Z3_ast days = after ? span.days : Z3_mk_unary_minus(s->ctx, span.days);
        Z3_ast edge = t_add(s, months_added(s, anchor.v, months), days);
        sv r = value_of(t_and(s, x.ok, t_and(s, span.ok, anchor.ok)), NULL);
        r.v = after ? t_and(s, t_lt(s, anchor.v, x.v), t_le(s, x.v, edge))
                    : t_and(s, t_le(s, edge, x.v), t_lt(s, x.v, anchor.v));
        return r;
    }
    case E_BETWEEN: {
        sv x = encode(s, e->u.between.subject, en), lo = encode(s, e->u.between.low, en);
        sv hi = encode(s, e->u.between.high, en);
        bool real = x.v && (Z3_get_sort_kind(s->ctx, Z3_get_sort(s->ctx, x.v)) == Z3_REAL_SORT
                            || Z3_get_sort_kind(s->ctx, Z3_get_sort(s->ctx, lo.v)) == Z3_REAL_SORT
                            || Z3_get_sort_kind(s->ctx, Z3_get_sort(s->ctx, hi.v)) == Z3_REAL_SORT);
        Z3_ast xv = real ? to_real(s, x.v) : x.v;
        sv r = value_of(t_and(s, x.ok, t_and(s, lo.ok, hi.ok)), NULL);
        r.v = t_and(s, t_le(s, real ? to_real(s, lo.v) : lo.v, xv), t_le(s, xv, real ? to_real(s, hi.v) : hi.v));
        return r;
    }
    case E_PRESENCE: {
        sv x = encode(s, e->u.presence.subject, en);
        Z3_ast p = x.present ? x.present : t_true(s);
        return value_of(x.ok, e->u.presence.present ? p : t_not(s, p));
    }
    case E_OTHERWISE: {
        sv x = encode(s, e->u.otherwise.subject, en), f = encode(s, e->u.otherwise.fallback, en);
        Z3_ast p = x.present ? x.present : t_true(s);
        bool real = e->type->kind == T_DEC;
        sv r = value_of(t_and(s, x.ok, t_ite(s, p, t_true(s), f.ok)),
                        t_ite(s, p, real ? to_real(s, x.v) : x.v, real ? to_real(s, f.v) : f.v));
        if (x.days)
            r.days = t_ite(s, p, x.days, f.days);
        if (e->type->kind == T_OPTIONAL)
            r.present = t_ite(s, p, t_true(s), f.present ? f.present : t_true(s));
        return r;
    }
    case E_ROUNDED: return encode_rounded(s, e, en);
    case E_UNIT: return encode_unit(s, e, en);
    case E_AT: {
        sv day = encode(s, e->u.at.date, en);
        sv r = dated_parameter(s, e->u.at.param->u.name.target, day.v);
        r.ok = t_and(s, r.ok, day.ok);
        return r;
    }
    default:
        return unsupported(s, e->type, "a kind of expression");
    }
}

/* ---- Rules ------------------------------------------------------------------ */

static Z3_ast same_value(smt *s, sv a, sv b)
{
    Z3_ast eq = t_eq(s, a.v, b.v);
    if (a.days && b.days)
        eq = t_and(s, eq, t_eq(s, a.days, b.days));
    if (a.present && b.present)
        eq = t_and(s, t_eq(s, a.present, b.present), t_or(s, t_not(s, a.present), eq));
    return eq;
}

static sv as_type(smt *s, sv v, const type *t)
{
    const type *inner = t->kind == T_OPTIONAL ? t->elem : t;
    if (inner->kind == T_DEC)
        v.v = to_real(s, v.v);
    if (t->kind == T_OPTIONAL && !v.present)
        v.present = t_true(s);
    if (inner->kind == T_DURATION && !v.days)
        v.days = t_int(s, 0);
    return v;
}

/* Exception trees deeper than this are not followed (each level nests the
 * terms of the one above). */
enum { MAX_RULE_DEPTH = 64 };

static sv rule_value(smt *s, decl *d, ast_rule *node, const env *en)
{
    if (s->rule_depth >= MAX_RULE_DEPTH)
        return unsupported(s, d->type, "exceptions nested more than 64 deep");
    s->rule_depth++;
    sv result = rule_value_at(s, d, node, en);
    s->rule_depth--;
    return result;
}

/* One exception under a rule: whether it applies (its condition computed
 * and yes), whether its condition could not be computed, and its value. */
typedef struct child_rule {
    Z3_ast applies;
    Z3_ast unknown;
    sv value;
} child_rule;

static sv rule_value_at(smt *s, decl *d, ast_rule *node, const env *en)
{
    const expr *own = node ? node->value : d->u.def.default_rule ? d->u.def.default_rule->value : NULL;
    sv base = own ? as_type(s, encode(s, own, en), d->type) : failed(s, d->type);
    /* The children, as the generated C: those known to apply must agree;
     * one whose condition is unknown must give the same value. */
    sv result = base;
    Z3_ast found = t_false(s), conflict = t_false(s), ok_children = t_true(s);
    nodelist *rules = &d->u.def.rules;
    child_rule *children = xcalloc((size_t)rules->len + 1, sizeof *children);
    int n = 0;
    for (int i = 0; i < rules->len; i++) {
        ast_rule *x = NL_AT(*rules, i);
        if (x->is_default || x->parent_rule != node)
            continue;
        sv c = encode(s, x->cond, en);
        sv v = rule_value(s, d, x, en);
        Z3_ast applies = t_and(s, c.ok, c.v);
        for (int k = 0; k < n; k++)
            conflict = t_or(s, conflict, t_and(s, t_and(s, applies, children[k].applies),
                                               t_not(s, same_value(s, children[k].value, v))));
        ok_children = t_and(s, ok_children, Z3_mk_implies(s->ctx, applies, v.ok));
        Z3_ast first = t_and(s, applies, t_not(s, found));
        result.v = t_ite(s, first, v.v, result.v);
        if (v.days)
            result.days = t_ite(s, first, v.days, result.days);
        if (v.present)
            result.present = t_ite(s, first, v.present, result.present);
        found = t_or(s, found, applies);
        children[n++] = (child_rule){applies, t_not(s, c.ok), v};
    }
    Z3_ast own_ok = t_ite(s, found, t_true(s), base.ok);
    Z3_ast pending_ok = t_true(s);
    for (int k = 0; k < n; k++) {
        sv *v = &children[k].value;
        pending_ok = t_and(s, pending_ok, Z3_mk_implies(s->ctx, children[k].unknown,
                                                        t_and(s, v->ok, same_value(s, *v, result))));
    }
    result.ok = t_and(s, t_and(s, t_not(s, conflict), ok_children), t_and(s, own_ok, pending_ok));
    free(children);
    return result;
}

static sv encode_rules(smt *s, decl *d, const env *en)
{
    sv v = rule_value(s, d, NULL, en);
    if (!d->u.def.adverse || d->u.def.requires.len == 0 || !d->u.def.default_rule)
        return v;
    /* Prerequisites: a value other than the default needs each of them. */
    sv dflt = as_type(s, encode(s, d->u.def.default_rule->value, en), d->type);
    Z3_ast harm = t_not(s, same_value(s, v, dflt));
    Z3_ast refused = t_false(s), unknown = t_false(s);
    for (int i = 0; i < d->u.def.requires.len; i++) {
        sv c = encode(s, ((requirement *)NL_AT(d->u.def.requires, i))->cond, en);
        refused = t_or(s, refused, t_and(s, c.ok, t_not(s, c.v)));
        unknown = t_or(s, unknown, t_not(s, c.ok));
    }
    Z3_ast held = t_and(s, harm, t_or(s, refused, unknown));
    sv r = v;
    r.v = t_ite(s, held, dflt.v, v.v);
    r.ok = t_and(s, v.ok, t_not(s, t_and(s, harm, t_and(s, unknown, t_not(s, refused)))));
    /* An unsure result holds the default. */
    r.v = t_ite(s, r.ok, r.v, dflt.v);
    return r;
}

static sv encode_definition(smt *s, decl *d)
{
    if (d->module != s->mod)
        return unsupported(s, d->type, "a definition of another module");
    int k = d->position;
    if (s->encoded[k]) {
        s->incomplete |= s->def_incomplete[k];
        return s->defs[k];
    }
    s->encoded[k] = true;
    s->defs[k] = failed(s, d->type);              /* no cycles reach here: they are errors */
    bool outer = s->incomplete;
    s->incomplete = false;
    sv v = d->kind == D_ASSERT ? encode(s, d->u.assert_.cond, NULL) : encode_rules(s, d, NULL);
    s->defs[k] = v;
    s->def_incomplete[k] = s->incomplete;
    s->incomplete |= outer;
    return v;
}

/* ---- Questions -------------------------------------------------------------------- */

static void on_error(Z3_context c, Z3_error_code e)
{
    (void)c;
    (void)e;                               /* answered as 'unknown' by the caller */
}

smt *smt_new(module *m, int list_bound, unsigned timeout_ms)
{
    smt *s = xcalloc(1, sizeof *s);
    s->mod = m;
    s->bound = list_bound;
    Z3_config cfg = Z3_mk_config();
    Z3_set_param_value(cfg, "model", "true");
    s->ctx = Z3_mk_context(cfg);
    Z3_del_config(cfg);
    Z3_set_error_handler(s->ctx, on_error);
    s->solver = Z3_mk_solver(s->ctx);
    Z3_solver_inc_ref(s->ctx, s->solver);
    Z3_params p = Z3_mk_params(s->ctx);
    Z3_params_inc_ref(s->ctx, p);
    Z3_params_set_uint(s->ctx, p, Z3_mk_string_symbol(s->ctx, "timeout"), timeout_ms);
    Z3_solver_set_params(s->ctx, s->solver, p);
    Z3_params_dec_ref(s->ctx, p);
    s->bool_sort = Z3_mk_bool_sort(s->ctx);
    s->int_sort = Z3_mk_int_sort(s->ctx);
    s->real_sort = Z3_mk_real_sort(s->ctx);
    Z3_sort one[1] = {s->int_sort}, two[2] = {s->int_sort, s->int_sort};
#define UF(field, name, n, dom) s->field = Z3_mk_func_decl(s->ctx, Z3_mk_string_symbol(s->ctx, name), n, dom, s->int_sort)
    UF(add_months, "add_months", 2, two);
    UF(months_between, "months_between", 2, two);
    UF(month_end, "month_end", 1, one);
    UF(year_start, "year_start", 1, one);
    UF(year_end, "year_end", 1, one);
    UF(year_of, "year_of", 1, one);
    UF(month_of, "month_of", 1, one);
    UF(day_of, "day_of", 1, one);
#undef UF
    s->nice = Z3_mk_const(s->ctx, Z3_mk_string_symbol(s->ctx, "nice example"), s->bool_sort);
    s->short_lists = Z3_mk_const(s->ctx, Z3_mk_string_symbol(s->ctx, "short lists"), s->bool_sort);
    s->defs = xcalloc((size_t)m->decls.len + 1, sizeof *s->defs);
    s->encoded = xcalloc((size_t)m->decls.len + 1, sizeof *s->encoded);
    s->def_incomplete = xcalloc((size_t)m->decls.len + 1, sizeof *s->def_incomplete);
    make_inputs(s);
    if (m->reference_input) {
        s->reference = s->inputs[m->reference_input->slot].value.v;
        if (m->has_in_force)              /* any other day is not applicable: nothing to prove */
            pv_push(&s->side, t_and(s, t_le(s, t_int(s, m->in_force_from), s->reference),
                                    t_le(s, s->reference, t_int(s, m->has_until ? m->in_force_until
                                                                                : LOV_DATE_MAX))));
    }
    return s;
}

void smt_free(smt *s)
{
    if (!s)
        return;
    for (int i = 0; i < s->ninputs; i++) {
        input_terms *in = &s->inputs[i];
        int n = in->d->type->kind == T_LIST ? s->bound : in->fields ? 1 : 0;
        for (int e = 0; e < n; e++) {
            free(in->fields[e]);
            free(in->field_present[e]);
            free(in->field_days[e]);
        }
        free(in->fields);
        free(in->field_present);
        free(in->field_days);
    }
    for (size_t i = 0; i < s->calls.len; i++) {
        ext_call *c = s->calls.items[i];
        free(c->args);
        free(c);
    }
    pv_free(&s->calls);
    pv_free(&s->side);
    free(s->inputs);
    free(s->defs);
    free(s->encoded);
    free(s->def_incomplete);
    Z3_solver_dec_ref(s->ctx, s->solver);
    Z3_del_context(s->ctx);
    free(s);
}

/* ---- The example case ------------------------------------------------------------------- */

static bool model_int(smt *s, Z3_model m, Z3_ast t, int64_t *out)
{
    Z3_ast v;
    return Z3_model_eval(s->ctx, m, t, true, &v) && Z3_get_numeral_int64(s->ctx, v, out);
}

static bool model_bool(smt *s, Z3_model m, Z3_ast t)
{
    Z3_ast v;
    return Z3_model_eval(s->ctx, m, t, true, &v) && Z3_get_bool_value(s->ctx, v) == Z3_L_TRUE;
}

/* A value of type t from the model, written as a tester writes it. */
static void model_value(smt *s, Z3_model m, const type *t, Z3_ast v, Z3_ast days, Z3_ast present, strbuf *out)
{
    if (t->kind == T_OPTIONAL) {
        if (present && !model_bool(s, m, present)) {
            sb_puts(out, "absent");
            return;
        }
        t = t->elem;
    }
    char buf[64];
    int64_t i = 0;
    switch (t->kind) {
    case T_BOOL:
        sb_puts(out, model_bool(s, m, v) ? "yes" : "no");
        return;
    case T_DEC: {
        Z3_ast r;
        if (Z3_model_eval(s->ctx, m, v, true, &r)) {
            /* Written as a decimal with up to 6 places. */
            Z3_string str = Z3_get_numeral_decimal_string(s->ctx, r, 6);
            sb_puts(out, str);
            size_t len = strlen(str);
            if (len && str[len - 1] == '?')
                out->data[--out->len] = '\0';
        }
        return;
    }
    case T_MONEY:
        model_int(s, m, v, &i);
        lov_money_format(i, buf, sizeof buf);
        sb_puts(out, buf);
        return;
    case T_DATE:
        model_int(s, m, v, &i);
        lov_date_format((lov_date)i, buf);
        sb_puts(out, buf);
        return;
    case T_DURATION: {
        int64_t d = 0;
        model_int(s, m, v, &i);
        if (days)
            model_int(s, m, days, &d);
        if (i)
            sb_printf(out, "%" PRId64 " months", i);
        else
            sb_printf(out, "%" PRId64 " days", d);
        return;
    }
    case T_ENUM:
        model_int(s, m, v, &i);
        if (i >= 0 && i < t->decl->u.enum_.cases.len)
            sb_puts(out, ((enum_case *)NL_AT(t->decl->u.enum_.cases, i))->name.name);
        return;
    default:
        model_int(s, m, v, &i);
        sb_printf(out, "%" PRId64, i);
        return;
    }
}

/* A table of cells, written with its columns lined up. */
static void write_table(strbuf *out, char **cells, int rows, int cols)
{
    size_t *width = xcalloc((size_t)cols + 1, sizeof *width);
    for (int r = 0; r < rows; r++)
        for (int c = 0; c < cols; c++) {
            size_t w = utf8_count(cells[r * cols + c], strlen(cells[r * cols + c]));
            if (w > width[c])
                width[c] = w;
        }
    for (int r = 0; r < rows; r++) {
        sb_puts(out, "      |");
        for (int c = 0; c < cols; c++) {
            const char *cell = cells[r * cols + c];
            sb_printf(out, " %s", cell);
            for (size_t w = utf8_count(cell, strlen(cell)); w < width[c]; w++)
                sb_putc(out, ' ');
            sb_puts(out, " |");
        }
        sb_putc(out, '\n');
    }
    free(width);
}

static void write_example(smt *s, Z3_model m, strbuf *out)
{
    for (int k = 0; k < s->ninputs; k++) {
        input_terms *in = &s->inputs[k];
        decl *d = in->d;
        const type *t = d->type;
        if (t->kind != T_LIST && t->kind != T_RECORD) {
            sb_printf(out, "    %s = ", d->name.name);
            model_value(s, m, t, in->value.v, in->value.days, in->value.present, out);
            sb_putc(out, '\n');
            continue;
        }
        int64_t n = 1;
        if (t->kind == T_LIST)
            model_int(s, m, in->len, &n);
        const type *elem = t->kind == T_LIST ? t->elem : t;
        bool records = elem->kind == T_RECORD;
        int cols = records ? elem->decl->u.record.fields.len : 1;
        int rows = (int)n + (records ? 1 : 0);
        char **cells = xcalloc((size_t)(rows * cols) + 1, sizeof *cells);
        for (int f = 0; records && f < cols; f++)
            cells[f] = xstrdup(((record_field *)NL_AT(elem->decl->u.record.fields, f))->name.name);
        for (int64_t e = 0; e < n; e++)
            for (int f = 0; f < cols; f++) {
                const type *ft = records ? ((record_field *)NL_AT(elem->decl->u.record.fields, f))->type : elem;
                strbuf cell;
                sb_init(&cell);
                model_value(s, m, ft, in->fields[e][f], in->field_days[e][f], in->field_present[e][f], &cell);
                cells[(records ? 1 + e : e) * cols + f] = cell.data ? cell.data : xstrdup("");
            }
        sb_printf(out, "    %s =\n", d->name.name);
        write_table(out, cells, rows, cols);
        for (int i = 0; i < rows * cols; i++)
            free(cells[i]);
        free(cells);
    }
    for (size_t i = 0; i < s->calls.len; i++) {
        ext_call *c = s->calls.items[i];
        strbuf line;
        sb_init(&line);
        sb_printf(&line, "    %s(", c->d->name.name);
        for (int a = 0; a < c->d->u.external.params.len; a++) {
            if (a)
                sb_puts(&line, ", ");
            model_value(s, m, ((formal *)NL_AT(c->d->u.external.params, a))->type, c->args[a], NULL, NULL, &line);
        }
        sb_puts(&line, ") = ");
        model_value(s, m, c->d->type, c->result, NULL, NULL, &line);
        sb_putc(&line, '\n');
        if (!out->data || !strstr(out->data, line.data))
            sb_puts(out, line.data);
        sb_free(&line);
    }
}

/* Asks whether 'question' can hold; on SMT_SAT writes the example. */
static smt_answer ask(smt *s, Z3_ast question, strbuf *example)
{
    Z3_solver_push(s->ctx, s->solver);
    for (size_t i = 0; i < s->side.len; i++)
        Z3_solver_assert(s->ctx, s->solver, s->side.items[i]);
    Z3_solver_assert(s->ctx, s->solver, question);
    Z3_lbool r = Z3_solver_check(s->ctx, s->solver);
    smt_answer answer = r == Z3_L_TRUE ? SMT_SAT : r == Z3_L_FALSE ? SMT_UNSAT : SMT_UNKNOWN;
    if (answer == SMT_UNKNOWN)
        snprintf(s->why_unknown, sizeof s->why_unknown, "%s", Z3_solver_get_reason_unknown(s->ctx, s->solver));
    if (answer == SMT_UNSAT && s->incomplete) {
        answer = SMT_UNKNOWN;
        snprintf(s->why_unknown, sizeof s->why_unknown, "lovc's prover does not follow %s",
                 s->incomplete_why ? s->incomplete_why : "part of these rules");
    }
    if (answer == SMT_SAT && example) {
        /* The same question again, for an example with recognisable values
         * and short lists, as far as the answer allows. */
        Z3_ast nice[2] = {s->nice, s->short_lists};
        if (Z3_solver_check_assumptions(s->ctx, s->solver, 2, nice) != Z3_L_TRUE
            && Z3_solver_check_assumptions(s->ctx, s->solver, 1, nice) != Z3_L_TRUE)
            Z3_solver_check(s->ctx, s->solver);
        Z3_model m = Z3_solver_get_model(s->ctx, s->solver);
        Z3_model_inc_ref(s->ctx, m);
        write_example(s, m, example);
        Z3_model_dec_ref(s->ctx, m);
    }
    Z3_solver_pop(s->ctx, s->solver, 1);
    return answer;
}

const char *smt_why_unknown(const smt *s)
{
    return s->why_unknown;
}

smt_answer smt_assertion_can_fail(smt *s, decl *assertion, strbuf *example)
{
    s->incomplete = false;
    s->incomplete_why = NULL;
    sv v = encode_definition(s, assertion);
    return ask(s, t_and(s, v.ok, t_not(s, v.v)), example);
}

/* The condition under which the rule 'node' is reached: its ancestors apply. */
static Z3_ast reached(smt *s, ast_rule *node)
{
    Z3_ast r = t_true(s);
    for (ast_rule *p = node ? node->parent_rule : NULL; p; p = p->parent_rule) {
        sv c = encode(s, p->cond, NULL);
        r = t_and(s, r, t_and(s, c.ok, c.v));
    }
    return r;
}

smt_answer smt_exceptions_can_conflict(smt *s, decl *d, ast_rule *a, ast_rule *b, strbuf *example)
{
    s->incomplete = false;
    s->incomplete_why = NULL;
    sv ca = encode(s, a->cond, NULL), cb = encode(s, b->cond, NULL);
    sv va = rule_value(s, d, a, NULL), vb = rule_value(s, d, b, NULL);
    Z3_ast both = t_and(s, t_and(s, ca.ok, ca.v), t_and(s, cb.ok, cb.v));
    Z3_ast differ = t_and(s, t_and(s, va.ok, vb.ok), t_not(s, same_value(s, va, vb)));
    return ask(s, t_and(s, reached(s, a), t_and(s, both, differ)), example);
}

smt_answer smt_exception_can_apply(smt *s, decl *d, ast_rule *r, strbuf *example)
{
    s->incomplete = false;
    s->incomplete_why = NULL;
    (void)d;
    sv c = encode(s, r->cond, NULL);
    return ask(s, t_and(s, reached(s, r), t_and(s, c.ok, c.v)), example);
}

smt_answer smt_definition_can_lack_value(smt *s, decl *d, strbuf *example)
{
    s->incomplete = false;
    s->incomplete_why = NULL;
    /* Every input known: no exception applies (each condition computed and no). */
    Z3_ast none = t_true(s);
    for (int i = 0; i < d->u.def.rules.len; i++) {
        ast_rule *r = NL_AT(d->u.def.rules, i);
        if (r->is_default || r->parent_rule)
            continue;
        sv c = encode(s, r->cond, NULL);
        none = t_and(s, none, t_and(s, c.ok, t_not(s, c.v)));
    }
    return ask(s, none, example);
}
