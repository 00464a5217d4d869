/* SPDX-License-Identifier: Apache-2.0 */
/* The rules as terms: every expression, the exception tree of a definition
 * (conflicts, and prerequisites that hold an outcome back) and each
 * definition, encoded once. They call one another (a name is a definition,
 * a definition is rules of expressions), so they stay in one file. */
#include "prove/smt_internal.h"

#include <stdlib.h>
#include <string.h>

#include "check/builtins.h"
#include "core/lov.h"
#include "check/typecheck.h"
#include "check/types.h"
#include "support/util.h"

static sv encode_rules(smt *s, decl *d, const env *en);
static sv rule_value_at(smt *s, decl *d, ast_rule *node, const env *en);

/* ---- Names --------------------------------------------------------------- */

static sv dated_parameter(smt *s, decl *d, Z3_ast day)
{
    nodelist *vals = &d->u.param.values;
    sv r = smt_failed(s, d->type);
    for (int i = vals->len - 1; i >= 0; i--) {
        dated_value *dv = NL_AT(*vals, i);
        lov_date until = dv->has_until ? dv->until
                         : i + 1 < vals->len ? ((dated_value *)NL_AT(*vals, i + 1))->from - 1 : LOV_DATE_MAX;
        Z3_ast in = smt_and(s, smt_le(s, smt_int(s, dv->from), day), smt_le(s, day, smt_int(s, until)));
        sv v = smt_encode(s, dv->value, NULL);
        r.ok = smt_ite(s, in, smt_true(s), r.ok);
        r.v = smt_ite(s, in, v.v, r.v);
        if (v.days)
            r.days = smt_ite(s, in, v.days, r.days);
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
            r = d->u.param.constant ? smt_encode(s, d->u.param.constant, NULL)
                                    : dated_parameter(s, d, s->reference ? s->reference : smt_int(s, 0));
        } else {
            r = smt_encode_definition(s, d);
        }
        if (e->u.name.narrowed)
            r.present = NULL;
        return r;
    }
    case REF_VAR:
    case REF_PARAM: {
        const env *b = smt_lookup(en, e->u.name.target);
        if (!b)
            return smt_unsupported(s, e->type, "a name outside the expression that binds it");
        sv r = b->value;
        if (e->u.name.narrowed)
            r.present = NULL;
        return r;
    }
    case REF_CASE:
        return smt_known(s, smt_int(s, ((enum_case *)e->u.name.target)->index));
    default:
        return smt_unsupported(s, e->type, "a kind of name");
    }
}

/* ---- Operators --------------------------------------------------------------- */

static sv encode_binary(smt *s, const expr *e, const env *en)
{
    binop op = e->u.binary.op;
    sv a = smt_encode(s, e->u.binary.lhs, en), b = smt_encode(s, e->u.binary.rhs, en);
    if (op == B_AND || op == B_OR || op == B_IMPLIES)
        return smt_logic(s, op, a, b);
    const type *lt = e->u.binary.lhs->type, *rt = e->u.binary.rhs->type;
    sv r = smt_value_of(smt_both_ok(s, a, b), NULL);
    bool real = lt->kind == T_DEC || rt->kind == T_DEC || (lt->kind == T_OPTIONAL && lt->elem->kind == T_DEC)
                || (rt->kind == T_OPTIONAL && rt->elem->kind == T_DEC) || e->inexact;
    Z3_ast x = real ? smt_to_real(s, a.v) : a.v, y = real ? smt_to_real(s, b.v) : b.v;
    if (op >= B_EQ) {
        bool durations = lt->kind == T_DURATION && rt->kind == T_DURATION;
        Z3_ast cmp;
        switch (op) {
        case B_EQ:
        case B_NE:
            cmp = durations ? smt_and(s, smt_eq(s, a.v, b.v), smt_eq(s, a.days, b.days)) : smt_eq(s, x, y);
            if (a.present && !b.present)
                cmp = smt_and(s, a.present, cmp);
            else if (b.present && !a.present)
                cmp = smt_and(s, b.present, cmp);
            else if (a.present && b.present)
                cmp = smt_and(s, smt_eq(s, a.present, b.present), smt_or(s, smt_not(s, a.present), cmp));
            if (op == B_NE)
                cmp = smt_not(s, cmp);
            r.v = cmp;
            return r;
        default:
            if (durations) {               /* same unit only, as the C: days against months is no value */
                Z3_ast days_only = smt_and(s, smt_eq(s, a.v, smt_int(s, 0)), smt_eq(s, b.v, smt_int(s, 0)));
                Z3_ast months_only = smt_and(s, smt_eq(s, a.days, smt_int(s, 0)), smt_eq(s, b.days, smt_int(s, 0)));
                r.ok = smt_and(s, r.ok, smt_or(s, days_only, months_only));
                x = smt_ite(s, days_only, a.days, a.v);
                y = smt_ite(s, days_only, b.days, b.v);
            }
            r.v = op == B_LT ? smt_lt(s, x, y) : op == B_LE ? smt_le(s, x, y)
                  : op == B_GT ? Z3_mk_gt(s->ctx, x, y) : Z3_mk_ge(s->ctx, x, y);
            return r;
        }
    }
    if (lt->kind == T_DURATION || rt->kind == T_DURATION || lt->kind == T_DATE || rt->kind == T_DATE) {
        /* dates and durations */
        if (lt->kind == T_DATE && rt->kind == T_DATE) {         /* later - earlier: days */
            r.v = smt_int(s, 0);
            r.days = smt_sub(s, a.v, b.v);
            return r;
        }
        if (lt->kind == T_DURATION && rt->kind == T_DURATION) {
            r.v = op == B_SUB ? smt_sub(s, a.v, b.v) : smt_add(s, a.v, b.v);
            r.days = op == B_SUB ? smt_sub(s, a.days, b.days) : smt_add(s, a.days, b.days);
            return r;
        }
        if (op == B_MUL) {
            sv d = lt->kind == T_DURATION ? a : b, k = lt->kind == T_DURATION ? b : a;
            r.v = smt_mul(s, d.v, k.v);
            r.days = smt_mul(s, d.days, k.v);
            return r;
        }
        sv date = lt->kind == T_DATE ? a : b, dur = lt->kind == T_DATE ? b : a;
        Z3_ast months = op == B_SUB ? Z3_mk_unary_minus(s->ctx, dur.v) : dur.v;
        Z3_ast days = op == B_SUB ? Z3_mk_unary_minus(s->ctx, dur.days) : dur.days;
        r.v = smt_add(s, smt_months_added(s, date.v, months), days);
        return r;
    }
    switch (op) {
    case B_ADD: r.v = smt_add(s, x, y); break;
    case B_SUB: r.v = smt_sub(s, x, y); break;
    case B_MUL:
        if (lt->kind == T_MONEY && rt->kind == T_DEC)
            r.v = smt_mul(s, smt_to_real(s, a.v), b.v);
        else if (rt->kind == T_MONEY && lt->kind == T_DEC)
            r.v = smt_mul(s, a.v, smt_to_real(s, b.v));
        else
            r.v = smt_mul(s, x, y);
        break;
    case B_DIV:
        r.ok = smt_and(s, r.ok, smt_not(s, smt_eq(s, smt_to_real(s, b.v), smt_real(s, 0, 0))));
        r.v = Z3_mk_div(s->ctx, smt_to_real(s, a.v), smt_to_real(s, b.v));
        break;
    default: r.v = smt_int(s, 0); break;
    }
    return r;
}

static sv encode_rounded(smt *s, const expr *e, const env *en)
{
    const expr *x = e->u.rounded.subject;
    sv a = smt_encode(s, x, en);
    sv r = smt_value_of(a.ok, NULL);
    Z3_ast v = smt_to_real(s, a.v);
    round_mode mode = e->u.rounded.mode;
    const type *xt = x->type;
    if (xt->kind == T_MONEY && x->inexact == INEXACT_DIVISION && x->u.binary.lhs->type->kind == T_MONEY
        && x->u.binary.rhs->type->kind == T_MONEY)
        xt = type_dec();                                   /* a ratio of amounts */
    switch (e->u.rounded.target) {
    case RT_KR:
        r.v = smt_mul(s, smt_round_real(s, Z3_mk_div(s->ctx, v, smt_real(s, 100, 0)), mode), smt_int(s, 100));
        return r;
    case RT_DECIMALS: {
        Z3_ast scale = smt_ten_to(s, e->u.rounded.decimals);
        r.v = Z3_mk_div(s->ctx, Z3_mk_int2real(s->ctx, smt_round_real(s, smt_mul(s, v, scale), mode)), scale);
        return r;
    }
    case RT_DEFAULT:
        r.v = xt->kind == T_INT && x->inexact == EXACT ? a.v : smt_round_real(s, v, mode);
        return r;
    }
    return r;
}

static sv encode_unit(smt *s, const expr *e, const env *en)
{
    sv a = smt_encode(s, e->u.unit.subject, en);
    sv r = smt_value_of(a.ok, NULL);
    switch (e->u.unit.unit) {
    case UNIT_KR:
        r.v = Z3_get_sort_kind(s->ctx, Z3_get_sort(s->ctx, a.v)) == Z3_REAL_SORT ? smt_mul(s, a.v, smt_real(s, 100, 0))
                                                                                  : smt_mul(s, a.v, smt_int(s, 100));
        return r;
    case UNIT_PERCENT: r.v = Z3_mk_div(s->ctx, smt_to_real(s, a.v), smt_real(s, 100, 0)); return r;
    case UNIT_DAYS: r.v = smt_int(s, 0); r.days = a.v; return r;
    case UNIT_WEEKS: r.v = smt_int(s, 0); r.days = smt_mul(s, a.v, smt_int(s, 7)); return r;
    case UNIT_MONTHS: r.v = a.v; r.days = smt_int(s, 0); return r;
    case UNIT_YEARS: r.v = smt_mul(s, a.v, smt_int(s, 12)); r.days = smt_int(s, 0); return r;
    }
    return r;
}

/* ---- Other expressions ------------------------------------------------------------ */

static sv encode_call(smt *s, const expr *e, const env *en)
{
    const expr *callee = e->u.call.callee;
    int n = e->u.call.args.len;
    sv *args = xcalloc((size_t)n + 1, sizeof *args);
    for (int i = 0; i < n; i++)
        args[i] = smt_encode(s, NL_AT(e->u.call.args, i), en);
    sv r = smt_failed(s, e->type);
    if (callee->u.name.ref == REF_BUILTIN) {
        const builtin *b = callee->u.name.target;
        Z3_ast a0 = n > 0 ? args[0].v : NULL, a1 = n > 1 ? args[1].v : NULL;
        r.ok = smt_ok_all(s, args, n);
        switch (b->id) {
        case BI_MONTH_START:
        case BI_YEAR_OF:
        case BI_MONTH_OF:
        case BI_DAY_OF: {
            Z3_ast y, m, d;
            smt_civil(s, a0, &y, &m, &d);
            r.v = b->id == BI_YEAR_OF ? y : b->id == BI_MONTH_OF ? m : b->id == BI_DAY_OF ? d
                  : smt_add(s, smt_sub(s, a0, d), smt_int(s, 1));      /* the day, less its day of the month, plus one */
            break;
        }
        case BI_MONTH_END: r.v = smt_month_end_of(s, a0); break;
        case BI_NEXT_MONTH_START: r.v = smt_add(s, smt_month_end_of(s, a0), smt_int(s, 1)); break;
        case BI_YEAR_START: r.v = smt_year_edge(s, a0, false); break;
        case BI_YEAR_END: r.v = smt_year_edge(s, a0, true); break;
        case BI_DAYS_BETWEEN: r.v = smt_sub(s, a1, a0); break;
        case BI_MONTHS_BETWEEN: r.v = smt_months_between(s, a0, a1); break;
        case BI_WEEKDAY_OF:
            r.v = smt_add(s, Z3_mk_mod(s->ctx, smt_add(s, a0, smt_int(s, 3)), smt_int(s, 7)), smt_int(s, 1));
            break;
        case BI_MIN:
        case BI_MAX: {
            bool real = e->type->kind == T_DEC;
            Z3_ast x = real ? smt_to_real(s, a0) : a0, y = real ? smt_to_real(s, a1) : a1;
            r.v = smt_ite(s, b->id == BI_MIN ? smt_le(s, x, y) : Z3_mk_ge(s->ctx, x, y), x, y);
            if (args[0].days) {
                Z3_ast first = b->id == BI_MIN ? smt_le(s, a0, a1) : Z3_mk_ge(s->ctx, a0, a1);
                r.days = smt_ite(s, first, args[0].days, args[1].days);
            }
            break;
        }
        case BI_ABS: {
            Z3_ast zero = e->type->kind == T_DEC ? smt_real(s, 0, 0) : smt_int(s, 0);
            r.v = smt_ite(s, Z3_mk_ge(s->ctx, a0, zero), a0, Z3_mk_unary_minus(s->ctx, a0));
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
                                         smt_sort_of(s, d->type));
        r.ok = smt_ok_all(s, args, n);
        r.v = Z3_mk_app(s->ctx, f, (unsigned)n, xs);
        pv_push(&s->side, smt_range(s, r.v, d->type));
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
        bound[i].rec = smt_record_of(s, NL_AT(e->u.call.args, i), en);
        bound[i].next = top;
        top = &bound[i];
    }
    r = encode_rules(s, d, top);
    Z3_ast args_ok = smt_ok_all(s, args, n);
    r.ok = smt_and(s, args_ok, r.ok);
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
        return smt_unsupported(s, e->type, "an aggregate over a list that is not an input");
    input_terms *in = &s->inputs[ld->slot];
    bool records = ld->type->elem->kind == T_RECORD;
    const type *t = e->type;
    bool real = t->kind == T_DEC || (t->kind == T_OPTIONAL && t->elem->kind == T_DEC);
    sv r = smt_value_of(smt_true(s), NULL);
    Z3_ast acc = k == AG_EXISTS ? smt_false(s) : k == AG_FORALL ? smt_true(s)
               : real ? smt_real(s, 0, 0) : smt_int(s, 0);
    Z3_ast acc_days = smt_int(s, 0), present = smt_false(s);
    for (int i = 0; i < s->bound; i++) {
        env item = {e->u.aggr.binding, {smt_true(s), NULL, NULL, NULL}, {in, i}, en};
        if (!records) {
            item.value.v = in->fields[i][0];
            item.value.days = in->field_days[i][0];
            item.value.present = in->field_present[i][0];
        }
        Z3_ast there = smt_lt(s, smt_int(s, i), in->len);
        sv filter = e->u.aggr.filter ? smt_encode(s, e->u.aggr.filter, &item) : smt_known(s, smt_true(s));
        Z3_ast counted = smt_and(s, there, filter.v);
        r.ok = smt_and(s, r.ok, Z3_mk_implies(s->ctx, there, filter.ok));
        if (k == AG_COUNT) {
            acc = smt_add(s, acc, smt_ite(s, counted, smt_int(s, 1), smt_int(s, 0)));
            continue;
        }
        if (k == AG_EXISTS) {
            acc = smt_or(s, acc, counted);
            continue;
        }
        sv body = smt_encode(s, e->u.aggr.body, &item);
        r.ok = smt_and(s, r.ok, Z3_mk_implies(s->ctx, counted, body.ok));
        Z3_ast bv = real ? smt_to_real(s, body.v) : body.v;
        switch (k) {
        case AG_FORALL: acc = smt_and(s, acc, Z3_mk_implies(s->ctx, counted, body.v)); break;
        case AG_SUM:
            acc = smt_ite(s, counted, smt_add(s, acc, bv), acc);
            if (body.days)
                acc_days = smt_ite(s, counted, smt_add(s, acc_days, body.days), acc_days);
            break;
        case AG_MINIMUM:
        case AG_MAXIMUM: {
            Z3_ast better = k == AG_MINIMUM ? smt_lt(s, bv, acc) : Z3_mk_gt(s->ctx, bv, acc);
            acc = smt_ite(s, smt_and(s, counted, smt_or(s, smt_not(s, present), better)), bv, acc);
            present = smt_or(s, present, counted);
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
    sv sc = smt_encode(s, e->u.match.scrutinee, en);
    decl *enm = e->u.match.scrutinee->type->decl;
    sv r = e->u.match.else_e ? smt_encode(s, e->u.match.else_e, en) : smt_failed(s, e->type);
    for (int i = e->u.match.arms.len - 1; i >= 0; i--) {
        match_arm *arm = NL_AT(e->u.match.arms, i);
        sv body = smt_encode(s, arm->body, en);
        Z3_ast hit = smt_false(s);
        for (int k = 0; k < arm->cases.len; k++) {
            ident *id = NL_AT(arm->cases, k);
            for (int j = 0; j < enm->u.enum_.cases.len; j++)
                if (strcmp(((enum_case *)NL_AT(enm->u.enum_.cases, j))->name.name, id->name) == 0)
                    hit = smt_or(s, hit, smt_eq(s, sc.v, smt_int(s, j)));
        }
        r.ok = smt_ite(s, hit, body.ok, r.ok);
        r.v = smt_ite(s, hit, e->type->kind == T_DEC ? smt_to_real(s, body.v) : body.v,
                      e->type->kind == T_DEC ? smt_to_real(s, r.v) : r.v);
        if (body.days)
            r.days = smt_ite(s, hit, body.days, r.days ? r.days : smt_int(s, 0));
        if (body.present || r.present)
            r.present = smt_ite(s, hit, body.present ? body.present : smt_true(s), r.present ? r.present : smt_true(s));
    }
    r.ok = smt_and(s, sc.ok, r.ok);
    return r;
}

sv smt_encode(smt *s, const expr *e, const env *en)
{
    switch (e->kind) {
    case E_BOOL: return smt_known(s, e->u.b ? smt_true(s) : smt_false(s));
    case E_INT: return smt_known(s, smt_int(s, e->u.i));
    case E_DECIMAL: return smt_known(s, smt_real(s, e->u.dec.coef, e->u.dec.scale));
    case E_MONEY: return smt_known(s, smt_int(s, e->u.money));
    case E_DATE: return smt_known(s, smt_int(s, e->u.date));
    case E_DURATION: {
        sv r = smt_known(s, smt_int(s, e->u.dur.months));
        r.days = smt_int(s, e->u.dur.days);
        return r;
    }
    case E_NAME: return encode_name(s, e, en);
    case E_FIELD: return smt_encode_field(s, e, en);
    case E_CALL: return encode_call(s, e, en);
    case E_UNARY: {
        sv a = smt_encode(s, e->u.unary.operand, en);
        if (e->u.unary.op == U_NOT)
            return smt_value_of(a.ok, smt_not(s, a.v));
        sv r = smt_value_of(a.ok, Z3_mk_unary_minus(s->ctx, a.v));
        if (a.days)
            r.days = Z3_mk_unary_minus(s->ctx, a.days);
        return r;
    }
    case E_BINARY: return encode_binary(s, e, en);
    case E_IF: {
        sv c = smt_encode(s, e->u.if_.cond, en), a = smt_encode(s, e->u.if_.then_e, en);
        sv b = smt_encode(s, e->u.if_.else_e, en);
        bool real = e->type->kind == T_DEC;
        sv r = smt_value_of(smt_and(s, c.ok, smt_ite(s, c.v, a.ok, b.ok)),
                            smt_ite(s, c.v, real ? smt_to_real(s, a.v) : a.v, real ? smt_to_real(s, b.v) : b.v));
        if (a.days)
            r.days = smt_ite(s, c.v, a.days, b.days);
        if (a.present || b.present)
            r.present = smt_ite(s, c.v, a.present ? a.present : smt_true(s), b.present ? b.present : smt_true(s));
        return r;
    }
    case E_MATCH: return encode_match(s, e, en);
    case E_AGGREGATE: return encode_aggregate(s, e, en);
    case E_WITHIN: {
        sv x = smt_encode(s, e->u.within.subject, en), span = smt_encode(s, e->u.within.span, en);
        sv anchor = smt_encode(s, e->u.within.anchor, en);
        bool after = e->u.within.after;
        Z3_ast months = after ? span.v : Z3_mk_unary_minus(s->ctx, span.v);
        Z3_ast days = after ? span.days : Z3_mk_unary_minus(s->ctx, span.days);
        Z3_ast edge = smt_add(s, smt_months_added(s, anchor.v, months), days);
        sv r = smt_value_of(smt_and(s, x.ok, smt_and(s, span.ok, anchor.ok)), NULL);
        r.v = after ? smt_and(s, smt_lt(s, anchor.v, x.v), smt_le(s, x.v, edge))
                    : smt_and(s, smt_le(s, edge, x.v), smt_lt(s, x.v, anchor.v));
        return r;
    }
    case E_BETWEEN: {
        sv x = smt_encode(s, e->u.between.subject, en), lo = smt_encode(s, e->u.between.low, en);
        sv hi = smt_encode(s, e->u.between.high, en);
        bool real = x.v && (Z3_get_sort_kind(s->ctx, Z3_get_sort(s->ctx, x.v)) == Z3_REAL_SORT
                            || Z3_get_sort_kind(s->ctx, Z3_get_sort(s->ctx, lo.v)) == Z3_REAL_SORT
                            || Z3_get_sort_kind(s->ctx, Z3_get_sort(s->ctx, hi.v)) == Z3_REAL_SORT);
        Z3_ast xv = real ? smt_to_real(s, x.v) : x.v;
        sv r = smt_value_of(smt_and(s, x.ok, smt_and(s, lo.ok, hi.ok)), NULL);
        r.v = smt_and(s, smt_le(s, real ? smt_to_real(s, lo.v) : lo.v, xv),
                      smt_le(s, xv, real ? smt_to_real(s, hi.v) : hi.v));
        return r;
    }
    case E_PRESENCE: {
        sv x = smt_encode(s, e->u.presence.subject, en);
        Z3_ast p = x.present ? x.present : smt_true(s);
        return smt_value_of(x.ok, e->u.presence.present ? p : smt_not(s, p));
    }
    case E_OTHERWISE: {
        sv x = smt_encode(s, e->u.otherwise.subject, en), f = smt_encode(s, e->u.otherwise.fallback, en);
        Z3_ast p = x.present ? x.present : smt_true(s);
        bool real = e->type->kind == T_DEC;
        sv r = smt_value_of(smt_and(s, x.ok, smt_ite(s, p, smt_true(s), f.ok)),
                            smt_ite(s, p, real ? smt_to_real(s, x.v) : x.v, real ? smt_to_real(s, f.v) : f.v));
        if (x.days)
            r.days = smt_ite(s, p, x.days, f.days);
        if (e->type->kind == T_OPTIONAL)
            r.present = smt_ite(s, p, smt_true(s), f.present ? f.present : smt_true(s));
        return r;
    }
    case E_ROUNDED: return encode_rounded(s, e, en);
    case E_UNIT: return encode_unit(s, e, en);
    case E_AT: {
        sv day = smt_encode(s, e->u.at.date, en);
        sv r = dated_parameter(s, e->u.at.param->u.name.target, day.v);
        r.ok = smt_and(s, r.ok, day.ok);
        return r;
    }
    default:
        return smt_unsupported(s, e->type, "a kind of expression");
    }
}

/* ---- Rules ------------------------------------------------------------------ */

/* Exception trees deeper than this are not followed (each level nests the
 * terms of the one above). */
enum { MAX_RULE_DEPTH = 64 };

sv smt_rule_value(smt *s, decl *d, ast_rule *node, const env *en)
{
    if (s->rule_depth >= MAX_RULE_DEPTH)
        return smt_unsupported(s, d->type, "exceptions nested more than 64 deep");
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
    sv base = own ? smt_as_type(s, smt_encode(s, own, en), d->type) : smt_failed(s, d->type);
    /* The children, as the generated C: those known to apply must agree;
     * one whose condition is unknown must give the same value. */
    sv result = base;
    Z3_ast found = smt_false(s), conflict = smt_false(s), ok_children = smt_true(s);
    nodelist *rules = &d->u.def.rules;
    child_rule *children = xcalloc((size_t)rules->len + 1, sizeof *children);
    int n = 0;
    for (int i = 0; i < rules->len; i++) {
        ast_rule *x = NL_AT(*rules, i);
        if (x->is_default || x->parent_rule != node)
            continue;
        sv c = smt_encode(s, x->cond, en);
        sv v = smt_rule_value(s, d, x, en);
        Z3_ast applies = smt_and(s, c.ok, c.v);
        for (int k = 0; k < n; k++)
            conflict = smt_or(s, conflict, smt_and(s, smt_and(s, applies, children[k].applies),
                                                   smt_not(s, smt_same_value(s, children[k].value, v))));
        ok_children = smt_and(s, ok_children, Z3_mk_implies(s->ctx, applies, v.ok));
        Z3_ast first = smt_and(s, applies, smt_not(s, found));
        result.v = smt_ite(s, first, v.v, result.v);
        if (v.days)
            result.days = smt_ite(s, first, v.days, result.days);
        if (v.present)
            result.present = smt_ite(s, first, v.present, result.present);
        found = smt_or(s, found, applies);
        children[n++] = (child_rule){applies, smt_not(s, c.ok), v};
    }
    Z3_ast own_ok = smt_ite(s, found, smt_true(s), base.ok);
    Z3_ast pending_ok = smt_true(s);
    for (int k = 0; k < n; k++) {
        sv *v = &children[k].value;
        pending_ok = smt_and(s, pending_ok, Z3_mk_implies(s->ctx, children[k].unknown,
                                                          smt_and(s, v->ok, smt_same_value(s, *v, result))));
    }
    result.ok = smt_and(s, smt_and(s, smt_not(s, conflict), ok_children), smt_and(s, own_ok, pending_ok));
    free(children);
    return result;
}

static sv encode_rules(smt *s, decl *d, const env *en)
{
    sv v = smt_rule_value(s, d, NULL, en);
    if (!d->u.def.adverse || d->u.def.requires.len == 0 || !d->u.def.default_rule)
        return v;
    /* Prerequisites: a value other than the default needs each of them. */
    sv dflt = smt_as_type(s, smt_encode(s, d->u.def.default_rule->value, en), d->type);
    Z3_ast harm = smt_not(s, smt_same_value(s, v, dflt));
    Z3_ast refused = smt_false(s), unknown = smt_false(s);
    for (int i = 0; i < d->u.def.requires.len; i++) {
        sv c = smt_encode(s, ((requirement *)NL_AT(d->u.def.requires, i))->cond, en);
        refused = smt_or(s, refused, smt_and(s, c.ok, smt_not(s, c.v)));
        unknown = smt_or(s, unknown, smt_not(s, c.ok));
    }
    Z3_ast held = smt_and(s, harm, smt_or(s, refused, unknown));
    sv r = v;
    r.v = smt_ite(s, held, dflt.v, v.v);
    r.ok = smt_and(s, v.ok, smt_not(s, smt_and(s, harm, smt_and(s, unknown, smt_not(s, refused)))));
    /* An unsure result holds the default. */
    r.v = smt_ite(s, r.ok, r.v, dflt.v);
    return r;
}

sv smt_encode_definition(smt *s, decl *d)
{
    if (d->module != s->mod)
        return smt_unsupported(s, d->type, "a definition of another module");
    int k = d->position;
    if (s->encoded[k]) {
        s->incomplete |= s->def_incomplete[k];
        return s->defs[k];
    }
    s->encoded[k] = true;
    s->defs[k] = smt_failed(s, d->type);              /* no cycles reach here: they are errors */
    bool outer = s->incomplete;
    s->incomplete = false;
    sv v = d->kind == D_ASSERT ? smt_encode(s, d->u.assert_.cond, NULL) : encode_rules(s, d, NULL);
    s->defs[k] = v;
    s->def_incomplete[k] = s->incomplete;
    s->incomplete |= outer;
    return v;
}
