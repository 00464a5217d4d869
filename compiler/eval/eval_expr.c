/* SPDX-License-Identifier: Apache-2.0 */
/* Expressions and the rules of definitions, evaluated as the language
 * reference reads them; one file, since they call each other (a definition
 * with parameters is called from an expression). An expression is worked
 * out left to right: a step that fails (a missing fact, an overflow, a
 * conflict) ends it with its status, except where 'and', 'or' and
 * 'implies' are decided by their other side ("no and ..." is no). Inside an
 * aggregate's loop, a part that does not depend on the item is worked out
 * once. Money with products of decimals is worked out exactly in øre and
 * rounded once. A rule's value is that of the one applicable exception
 * below it; two at one level that apply with different values conflict. */
#include <stdlib.h>
#include <string.h>

#include "check/builtins.h"
#include "check/typecheck.h"
#include "eval/eval_internal.h"

/* ---- Bindings ---- */

void ev_bind(ev_ctx *c, const void *key, ev_val v)
{
    if (c->nbindings == c->capbindings) {
        c->capbindings = c->capbindings ? c->capbindings * 2 : 16;
        c->bindings = xrealloc(c->bindings, c->capbindings * sizeof *c->bindings);
    }
    c->bindings[c->nbindings].key = key;
    c->bindings[c->nbindings].val = v;
    c->nbindings++;
}

void ev_unbind(ev_ctx *c, size_t n)
{
    c->nbindings -= n;
}

static ev_val bound(const ev_ctx *c, const void *key)
{
    for (size_t i = c->nbindings; i-- > c->scope;)
        if (c->bindings[i].key == key)
            return c->bindings[i].val;
    return ev_zero(type_int());
}

/* ---- Names ---- */

static lov_status read_input(ev_ctx *c, decl *d, ev_val *out)
{
    if (d == c->e->mod->reference_input) {
        *out = ev_scalar((lov_value){.date = c->reference_date});
        return LOV_OK;
    }
    int slot = ev_map_get(&c->e->slot, d);
    bool known;
    memcpy(&known, c->in + c->e->known_off[slot], sizeof known);
    if (!known)
        return ev_missing_input(c, slot);
    *out = ev_cell_load(c->in + c->e->in_off[slot], d->type);
    return LOV_OK;
}

static lov_status read_decl(ev_ctx *c, decl *d, ev_val *out)
{
    switch (d->kind) {
    case D_INPUT:
        return read_input(c, d, out);
    case D_PARAMETER:
        if (d->u.param.constant)
            return ev_expr(c, d->u.param.constant, out);
        return ev_parameter(c, d, out);
    case D_DEFINITION:
    case D_OUTCOME: {
        /* worked out before this one, in the evaluation order */
        int slot = ev_map_get(&c->e->slot, d);
        if (c->statuses[slot] != LOV_OK) {
            ev_why_merge(&c->why, &c->why_of[slot]);
            return c->statuses[slot];
        }
        *out = c->values[slot];
        return LOV_OK;
    }
    default:
        *out = ev_zero(type_int());
        return LOV_OK;
    }
}

static lov_status eval_name(ev_ctx *c, expr *x, ev_val *out)
{
    lov_status st = LOV_OK;
    switch (x->u.name.ref) {
    case REF_DECL:
        st = read_decl(c, x->u.name.target, out);
        break;
    case REF_VAR:
    case REF_PARAM:
        *out = bound(c, x->u.name.target);
        break;
    case REF_CASE:
        *out = ev_scalar((lov_value){.enum_case = ((enum_case *)x->u.name.target)->index});
        return LOV_OK;
    default:
        *out = ev_zero(type_int());
        break;
    }
    if (st == LOV_OK && x->u.name.narrowed)
        out->present = true;
    return st;
}

static lov_status eval_field(ev_ctx *c, expr *x, ev_val *out)
{
    if (x->u.name.ref == REF_CASE) {
        *out = ev_scalar((lov_value){.enum_case = ((enum_case *)x->u.name.target)->index});
        return LOV_OK;
    }
    ev_val base;
    lov_status st = ev_expr(c, x->u.name.base, &base);
    if (st != LOV_OK)
        return st;
    const type *bt = x->u.name.base->type;
    record_field *f = NL_AT(bt->decl->u.record.fields, x->u.name.field_index);
    *out = ev_cell_load(base.rec + ev_field_offset(x->u.name.field_index), f->type);
    if (x->u.name.narrowed)
        out->present = true;
    return LOV_OK;
}

/* ---- Calls ---- */

static lov_status eval_builtin(ev_ctx *c, expr *x, const builtin *b, ev_val *out)
{
    nodelist *args = &x->u.call.args;
    expr *xa = NL_AT(*args, 0);
    ev_val a, y;
    lov_status st = ev_expr(c, xa, &a);
    if (st != LOV_OK)
        return st;
    lov_value r;
    memset(&r, 0, sizeof r);
    lov_date day = a.v.date;
    switch (b->id) {
    case BI_MONTH_START: r.date = lov_date_month_start(day); break;
    case BI_MONTH_END: r.date = lov_date_month_end(day); break;
    case BI_YEAR_START: r.date = lov_date_year_start(day); break;
    case BI_YEAR_END: r.date = lov_date_year_end(day); break;
    case BI_YEAR_OF: r.i = lov_date_year(day); break;
    case BI_MONTH_OF: r.i = lov_date_month(day); break;
    case BI_DAY_OF: r.i = lov_date_day(day); break;
    case BI_WEEKDAY_OF: r.i = lov_date_weekday(day); break;
    case BI_NEXT_MONTH_START:
        if ((st = lov_date_next_month_start(day, &r.date)) != LOV_OK)
            return st;
        break;
    case BI_DAYS_BETWEEN:
    case BI_MONTHS_BETWEEN:
        if ((st = ev_expr(c, NL_AT(*args, 1), &y)) != LOV_OK)
            return st;
        r.i = b->id == BI_DAYS_BETWEEN ? lov_date_days_between(day, y.v.date)
                                       : lov_date_months_between(day, y.v.date);
        break;
    case BI_MIN:
    case BI_MAX: {
        expr *xb = NL_AT(*args, 1);
        if ((st = ev_expr(c, xb, &y)) != LOV_OK)
            return st;
        const type *t = x->type;
        ev_val ca = ev_convert(a, xa->type, t), cb = ev_convert(y, xb->type, t);
        bool first;
        if ((st = ev_relation(ca, cb, t, b->id == BI_MIN ? -1 : 1, &first)) != LOV_OK)
            return st;
        *out = first ? ca : cb;
        return LOV_OK;
    }
    case BI_ABS:
        r = a.v;
        if (x->type->kind == T_DEC) {
            if (a.v.dec.coef < 0 && (st = lov_dec_neg(a.v.dec, &r.dec)) != LOV_OK)
                return st;
        } else if (a.v.i < 0) {
            st = x->type->kind == T_MONEY ? lov_money_neg(a.v.money, &r.money) : lov_int_neg(a.v.i, &r.i);
            if (st != LOV_OK)
                return st;
        }
        break;
    }
    *out = ev_scalar(r);
    return LOV_OK;
}

static lov_status eval_call(ev_ctx *c, expr *x, ev_val *out)
{
    expr *callee = x->u.call.callee;
    if (callee->u.name.ref == REF_BUILTIN)
        return eval_builtin(c, x, callee->u.name.target, out);
    decl *d = callee->u.name.target;
    nodelist *formals = d->kind == D_EXTERNAL ? &d->u.external.params : &d->u.def.params;
    int n = x->u.call.args.len;
    ev_val *args = xcalloc((size_t)n + 1, sizeof *args);
    lov_status st = LOV_OK;
    for (int i = 0; i < n && st == LOV_OK; i++) {
        expr *a = NL_AT(x->u.call.args, i);
        st = ev_expr(c, a, &args[i]);
        args[i] = ev_convert(args[i], a->type, ((formal *)NL_AT(*formals, i))->type);
    }
    if (st == LOV_OK)
        st = d->kind == D_EXTERNAL ? ev_call_external(c, d, args, out) : ev_function(c, d, args, out);
    free(args);
    return st;
}

/* ---- Logic ---- */

/* 'a and b', 'a or b', 'a implies b'. A side that cannot be worked out does
 * not matter when the other side decides alone; what it found missing is
 * then forgotten again. */
static lov_status eval_logic(ev_ctx *c, expr *x, ev_val *out)
{
    binop op = x->u.binary.op;
    bool is_and = op == B_AND;
    ev_why_mark saved = ev_why_save(&c->why);
    ev_val a, b;
    lov_status left = ev_expr(c, x->u.binary.lhs, &a);
    if (left == LOV_OK) {
        bool l = op == B_IMPLIES ? !a.v.b : a.v.b;
        if (is_and ? !l : l) {
            *out = ev_scalar((lov_value){.b = l});
            return LOV_OK;
        }
    }
    lov_status right = ev_expr(c, x->u.binary.rhs, &b);
    if (right != LOV_OK)
        return ev_worse(left, right);
    if (is_and ? !b.v.b : b.v.b) {
        *out = ev_scalar((lov_value){.b = !is_and});
        ev_why_restore(&c->why, saved);
        return LOV_OK;
    }
    if (left != LOV_OK)
        return left;
    *out = ev_scalar((lov_value){.b = is_and});
    return LOV_OK;
}

/* ---- Comparisons ---- */

static lov_status eval_compare(expr *x, ev_val a, ev_val b, ev_val *out)
{
    binop op = x->u.binary.op;
    const type *l = x->u.binary.lhs->type, *r = x->u.binary.rhs->type;
    const type *t = ev_common(l, r);
    bool res;
    if (op == B_EQ || op == B_NE) {
        if (l->kind == T_OPTIONAL && r->kind != T_OPTIONAL)
            res = a.present && ev_equal(ev_convert(a, l->elem, t), ev_convert(b, r, t), t);
        else if (r->kind == T_OPTIONAL && l->kind != T_OPTIONAL)
            res = b.present && ev_equal(ev_convert(a, l, t), ev_convert(b, r->elem, t), t);
        else
            res = ev_equal(ev_convert(a, l, t), ev_convert(b, r, t), t);
        *out = ev_scalar((lov_value){.b = op == B_EQ ? res : !res});
        return LOV_OK;
    }
    int rel = op == B_LT ? -2 : op == B_LE ? -1 : op == B_GE ? 1 : 2;
    lov_status st = ev_relation(ev_convert(a, l, t), ev_convert(b, r, t), t, rel, &res);
    if (st != LOV_OK)
        return st;
    *out = ev_scalar((lov_value){.b = res});
    return LOV_OK;
}

static lov_status eval_binary(ev_ctx *c, expr *x, ev_val *out)
{
    binop op = x->u.binary.op;
    if (op == B_AND || op == B_OR || op == B_IMPLIES)
        return eval_logic(c, x, out);
    ev_val a, b;
    lov_status st = ev_expr(c, x->u.binary.lhs, &a);
    if (st == LOV_OK)
        st = ev_expr(c, x->u.binary.rhs, &b);
    if (st != LOV_OK)
        return st;
    if (op >= B_EQ)
        return eval_compare(x, a, b, out);
    return ev_arith(c, x, a, b, out);
}

/* ---- Choices ---- */

static lov_status eval_if(ev_ctx *c, expr *x, ev_val *out)
{
    ev_val cond;
    lov_status st = ev_expr(c, x->u.if_.cond, &cond);
    if (st != LOV_OK)
        return st;
    expr *branch = cond.v.b ? x->u.if_.then_e : x->u.if_.else_e;
    if ((st = ev_expr(c, branch, out)) == LOV_OK)
        *out = ev_convert(*out, branch->type, x->type);
    return st;
}

static lov_status eval_match(ev_ctx *c, expr *x, ev_val *out)
{
    ev_val s;
    lov_status st = ev_expr(c, x->u.match.scrutinee, &s);
    if (st != LOV_OK)
        return st;
    decl *en = x->u.match.scrutinee->type->decl;
    const char *name = NULL;
    if (s.v.enum_case >= 0 && s.v.enum_case < en->u.enum_.cases.len)
        name = ((enum_case *)NL_AT(en->u.enum_.cases, s.v.enum_case))->name.name;
    for (int i = 0; name && i < x->u.match.arms.len; i++) {
        match_arm *arm = NL_AT(x->u.match.arms, i);
        for (int k = 0; k < arm->cases.len; k++)
            if (strcmp(((ident *)NL_AT(arm->cases, k))->name, name) == 0) {
                if ((st = ev_expr(c, arm->body, out)) == LOV_OK)
                    *out = ev_convert(*out, arm->body->type, x->type);
                return st;
            }
    }
    if (!x->u.match.else_e)
        return LOV_INVALID_INPUT;        /* not a case of the enumeration */
    if ((st = ev_expr(c, x->u.match.else_e, out)) == LOV_OK)
        *out = ev_convert(*out, x->u.match.else_e->type, x->type);
    return st;
}

static lov_status eval_otherwise(ev_ctx *c, expr *x, ev_val *out)
{
    expr *s = x->u.otherwise.subject, *f = x->u.otherwise.fallback;
    ev_val v;
    lov_status st = ev_expr(c, s, &v);
    if (st != LOV_OK)
        return st;
    if (v.present) {
        *out = x->type->kind == T_OPTIONAL ? v : ev_convert(v, s->type->elem, x->type);
        return LOV_OK;
    }
    if ((st = ev_expr(c, f, out)) == LOV_OK)
        *out = ev_convert(*out, f->type, x->type);
    return st;
}

/* ---- Dates ---- */

/* 'D within SPAN before ANCHOR' (ANCHOR - SPAN <= D < ANCHOR) and 'after'
 * (ANCHOR < D <= ANCHOR + SPAN). */
static lov_status eval_within(ev_ctx *c, expr *x, ev_val *out)
{
    ev_val s, anchor, span;
    lov_status st = ev_expr(c, x->u.within.subject, &s);
    if (st == LOV_OK)
        st = ev_expr(c, x->u.within.anchor, &anchor);
    if (st == LOV_OK)
        st = ev_expr(c, x->u.within.span, &span);
    if (st != LOV_OK)
        return st;
    bool after = x->u.within.after;
    lov_date a = anchor.v.date, edge = 0, d = s.v.date;
    lov_duration p = span.v.dur;
    dur_unit unit = x->u.within.span->type->unit;
    if (unit == DU_MONTHS)
        st = lov_date_add_months(a, after ? (int64_t)p.months : -(int64_t)p.months, ev_month_rule(c), &edge);
    else if (unit == DU_DAYS)
        st = lov_date_add_days(a, after ? (int64_t)p.days : -(int64_t)p.days, &edge);
    else if (after)
        st = lov_date_add_duration(a, p, ev_month_rule(c), &edge);
    else
        st = lov_date_sub_duration(a, p, ev_month_rule(c), &edge);
    if (st != LOV_OK)
        return st;
    *out = ev_scalar((lov_value){.b = after ? a < d && d <= edge : edge <= d && d < a});
    return LOV_OK;
}

static lov_status eval_between(ev_ctx *c, expr *x, ev_val *out)
{
    expr *xs = x->u.between.subject, *lo = x->u.between.low, *hi = x->u.between.high;
    ev_val s, a, b;
    lov_status st = ev_expr(c, xs, &s);
    if (st == LOV_OK)
        st = ev_expr(c, lo, &a);
    if (st == LOV_OK)
        st = ev_expr(c, hi, &b);
    if (st != LOV_OK)
        return st;
    const type *t = ev_common(ev_common(xs->type, lo->type), hi->type);
    ev_val cs = ev_convert(s, xs->type, t);
    bool c1, c2;
    if ((st = ev_relation(ev_convert(a, lo->type, t), cs, t, -1, &c1)) != LOV_OK)
        return st;
    if ((st = ev_relation(cs, ev_convert(b, hi->type, t), t, -1, &c2)) != LOV_OK)
        return st;
    *out = ev_scalar((lov_value){.b = c1 && c2});
    return LOV_OK;
}

static lov_status eval_at(ev_ctx *c, expr *x, ev_val *out)
{
    ev_val day;
    lov_status st = ev_expr(c, x->u.at.date, &day);
    if (st != LOV_OK)
        return st;
    return ev_parameter_on(c, x->u.at.param->u.name.target, day.v.date, out);
}

/* ---- Aggregates ---- */

static lov_status aggregate_item(ev_ctx *c, expr *x, ev_val *r, bool *stop)
{
    aggr_kind k = x->u.aggr.kind;
    lov_status st;
    ev_val v;
    if (x->u.aggr.filter) {
        if ((st = ev_expr(c, x->u.aggr.filter, &v)) != LOV_OK)
            return st;
        if (!v.v.b)
            return LOV_OK;
    }
    expr *body = x->u.aggr.body;
    switch (k) {
    case AG_COUNT:
        r->v.i++;
        return LOV_OK;
    case AG_EXISTS:
        r->v.b = true;
        *stop = true;
        return LOV_OK;
    case AG_FORALL:
        if ((st = ev_expr(c, body, &v)) != LOV_OK)
            return st;
        if (!v.v.b) {
            r->v.b = false;
            *stop = true;
        }
        return LOV_OK;
    case AG_SUM: {
        if ((st = ev_expr(c, body, &v)) != LOV_OK)
            return st;
        v = ev_convert(v, body->type, x->type);
        switch (x->type->kind) {
        case T_INT: return lov_int_add(r->v.i, v.v.i, &r->v.i);
        case T_DEC: return lov_dec_add(r->v.dec, v.v.dec, &r->v.dec);
        case T_MONEY: return lov_money_add(r->v.money, v.v.money, &r->v.money);
        default: return lov_duration_add(r->v.dur, v.v.dur, &r->v.dur);
        }
    }
    default: {
        if ((st = ev_expr(c, body, &v)) != LOV_OK)
            return st;
        bool better = true;
        if (r->present) {
            ev_val cur = {true, r->v, NULL};
            if ((st = ev_relation(v, cur, body->type, k == AG_MINIMUM ? -2 : 2, &better)) != LOV_OK)
                return st;
        }
        if (better) {
            r->present = true;
            r->v = v.v;
        }
        return LOV_OK;
    }
    }
}

static lov_status eval_aggregate(ev_ctx *c, expr *x, ev_val *out)
{
    decl *list = x->u.aggr.list->u.name.target;
    int slot = ev_map_get(&c->e->slot, list);
    bool known;
    memcpy(&known, c->in + c->e->known_off[slot], sizeof known);
    if (!known)
        return ev_missing_input(c, slot);
    const char *items;
    size_t count;
    memcpy(&items, c->in + c->e->in_off[slot], sizeof items);
    memcpy(&count, c->in + c->e->in_off[slot] + 8, sizeof count);
    aggr_var *var = x->u.aggr.binding;
    const type *elem = var->type;
    aggr_kind k = x->u.aggr.kind;
    ev_val r = ev_zero(x->type);
    if (k == AG_FORALL)
        r.v.b = true;
    if (k != AG_MINIMUM && k != AG_MAXIMUM)
        r.present = true;
    ev_frame frame = {var, NULL, NULL, 0, 0};
    ev_frame *outer = c->frame;
    c->frame = &frame;
    size_t size = ev_item_size(elem);
    lov_status st = LOV_OK;
    bool stop = false;
    for (size_t i = 0; i < count && st == LOV_OK && !stop; i++) {
        ev_val item = elem->kind == T_RECORD ? (ev_val){true, {.i = 0}, items + i * size}
                                             : ev_cell_load(items + i * size, elem);
        ev_bind(c, var, item);
        st = aggregate_item(c, x, &r, &stop);
        ev_unbind(c, 1);
    }
    c->frame = outer;
    free(frame.keys);
    free(frame.vals);
    if (st == LOV_OK)
        *out = r;
    return st;
}

/* ---- Values that do not change inside a loop ---- */

typedef struct var_use {
    const aggr_var *var;
    bool found;
} var_use;

static void visit_var(expr *x, void *ctx)
{
    var_use *u = ctx;
    if (x->kind == E_NAME && x->u.name.ref == REF_VAR && x->u.name.target == u->var)
        u->found = true;
}

/* Worked out once per loop: work that does not depend on the item (a
 * literal or a plain read is not worth keeping). A function called there is
 * then called, and traced, once for the loop. */
static bool kept_for_loop(const ev_ctx *c, expr *x)
{
    if (!c->frame || x->type == NULL || x->type->kind == T_RECORD)
        return false;
    switch (x->kind) {
    case E_CALL: case E_UNIT: case E_ROUNDED: case E_AT: case E_IF: case E_MATCH: case E_OTHERWISE:
    case E_AGGREGATE:
        break;
    case E_BINARY:
        if (x->u.binary.op > B_DIV)
            return false;
        break;
    default:
        return false;
    }
    if (x->inexact != EXACT)
        return false;
    var_use u = {c->frame->var, false};
    ast_walk(x, visit_var, &u);
    return !u.found;
}

static lov_status eval_uncached(ev_ctx *c, expr *x, ev_val *out);
static lov_status ev_rounded(ev_ctx *c, expr *x, ev_val *out);

lov_status ev_expr(ev_ctx *c, expr *x, ev_val *out)
{
    if (!kept_for_loop(c, x))
        return eval_uncached(c, x, out);
    ev_frame *f = c->frame;
    for (size_t i = 0; i < f->len; i++)
        if (f->keys[i] == x) {
            *out = f->vals[i];
            return LOV_OK;
        }
    c->frame = NULL;
    lov_status st = eval_uncached(c, x, out);
    c->frame = f;
    if (st != LOV_OK)
        return st;
    if (f->len == f->cap) {
        f->cap = f->cap ? f->cap * 2 : 8;
        f->keys = xrealloc(f->keys, f->cap * sizeof *f->keys);
        f->vals = xrealloc(f->vals, f->cap * sizeof *f->vals);
    }
    f->keys[f->len] = x;
    f->vals[f->len++] = *out;
    return LOV_OK;
}

static lov_status eval_uncached(ev_ctx *c, expr *x, ev_val *out)
{
    lov_status st;
    ev_val a;
    switch (x->kind) {
    case E_BOOL: *out = ev_scalar((lov_value){.b = x->u.b}); return LOV_OK;
    case E_INT: *out = ev_scalar((lov_value){.i = x->u.i}); return LOV_OK;
    case E_DECIMAL:
        *out = ev_scalar((lov_value){.dec = {x->u.dec.coef, x->u.dec.scale}});
        return LOV_OK;
    case E_MONEY: *out = ev_scalar((lov_value){.money = x->u.money}); return LOV_OK;
    case E_DATE: *out = ev_scalar((lov_value){.date = x->u.date}); return LOV_OK;
    case E_DURATION:
        *out = ev_scalar((lov_value){.dur = {x->u.dur.months, x->u.dur.days}});
        return LOV_OK;
    case E_NAME: return eval_name(c, x, out);
    case E_FIELD: return eval_field(c, x, out);
    case E_CALL: return eval_call(c, x, out);
    case E_UNARY:
        if ((st = ev_expr(c, x->u.unary.operand, &a)) != LOV_OK)
            return st;
        if (x->u.unary.op == U_NOT) {
            *out = ev_scalar((lov_value){.b = !a.v.b});
            return LOV_OK;
        }
        return ev_negate(x, a, out);
    case E_BINARY: return eval_binary(c, x, out);
    case E_IF: return eval_if(c, x, out);
    case E_MATCH: return eval_match(c, x, out);
    case E_AGGREGATE: return eval_aggregate(c, x, out);
    case E_WITHIN: return eval_within(c, x, out);
    case E_BETWEEN: return eval_between(c, x, out);
    case E_PRESENCE:
        if ((st = ev_expr(c, x->u.presence.subject, &a)) != LOV_OK)
            return st;
        *out = ev_scalar((lov_value){.b = x->u.presence.present ? a.present : !a.present});
        return LOV_OK;
    case E_OTHERWISE: return eval_otherwise(c, x, out);
    case E_ROUNDED: return ev_rounded(c, x, out);
    case E_UNIT:
        if ((st = ev_expr(c, x->u.unit.subject, &a)) != LOV_OK)
            return st;
        return ev_unit(x, a, out);
    case E_AT: return eval_at(c, x, out);
    default:
        *out = ev_zero(type_int());
        return LOV_OK;
    }
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

static lov_status ev_rounded(ev_ctx *c, expr *x, ev_val *out)
{
    lov_value res;
    memset(&res, 0, sizeof res);
    lov_status st = rounded_value(c, x, mode_of(x->u.rounded.mode), &res);
    if (st == LOV_OK)
        *out = ev_scalar(res);
    return st;
}

/* ---- Rules and exceptions ---- */

/* The value of rule 'node' (NULL: the definition's root): that of the one
 * applicable exception below it, or its own when none applies. An exception
 * whose condition cannot be worked out leaves the value undetermined,
 * unless it would give the same value as the rules known to apply. */
lov_status ev_rule_node(ev_ctx *c, decl *d, ast_rule *node, ev_val *target)
{
    nodelist *rules = &d->u.def.rules;
    const type *t = d->type;
    bool found = false;
    int first = -1;
    lov_status pending = LOV_OK;
    ev_why_mark saved = ev_why_save(&c->why);
    int nrules = rules->len;
    ev_val *unsure = xcalloc((size_t)nrules + 1, sizeof *unsure);   /* what an unsure exception would give */
    bool *is_unsure = xcalloc((size_t)nrules + 1, sizeof *is_unsure);
    lov_status st = LOV_OK;
    for (int i = 0; i < nrules && st == LOV_OK; i++) {
        ast_rule *x = NL_AT(*rules, i);
        if (x->is_default || x->parent_rule != node)
            continue;
        ev_val cond;
        int applies;
        lov_status cs = ev_expr(c, x->cond, &cond);
        if (cs == LOV_OK) {
            ev_note_step(c, d, x, cond.v.b ? LOV_TRACE_APPLIES : LOV_TRACE_DOES_NOT_APPLY, LOV_OK);
            applies = cond.v.b ? 1 : 0;
        } else {
            pending = ev_worse(pending, cs);
            ev_note_step(c, d, x, LOV_TRACE_FAILED, cs);
            applies = 2;
        }
        if (applies == 0)
            continue;
        ev_val v;
        if ((st = ev_rule_node(c, d, x, &v)) != LOV_OK)
            break;
        if (applies == 2) {
            unsure[i] = v;
            is_unsure[i] = true;
        } else if (!found) {
            *target = v;
            found = true;
            first = ev_map_get(&c->e->prov, x);
        } else if (!ev_equal(*target, v, t)) {
            ev_why_note(&c->why, LOV_REASON_CONFLICT, -1, first, ev_map_get(&c->e->prov, x));
            st = LOV_CONFLICT;
        }
    }
    if (st == LOV_OK && !found) {
        ast_rule *own = node ? node : d->u.def.default_rule;
        if (own) {
            ev_val v;
            if ((st = ev_expr(c, own->value, &v)) == LOV_OK)
                *target = ev_convert(v, own->value->type, t);
        } else if (pending != LOV_OK) {
            st = pending;            /* an exception may apply: unknown */
        } else {
            ev_why_note(&c->why, LOV_REASON_NO_RULE, -1, ev_map_get(&c->e->prov, d), -1);
            st = LOV_UNDETERMINED;
        }
    }
    if (st == LOV_OK && pending != LOV_OK) {
        /* decided all the same if the unsure exceptions would give the same value */
        for (int i = 0; i < nrules && st == LOV_OK; i++)
            if (is_unsure[i] && !ev_equal(*target, unsure[i], t))
                st = pending;
        if (st == LOV_OK)
            ev_why_restore(&c->why, saved);
    }
    free(unsure);
    free(is_unsure);
    return st;
}

lov_status ev_function(ev_ctx *c, decl *d, const ev_val *args, ev_val *result)
{
    decl *saved_owner = c->owner;
    ev_frame *saved_frame = c->frame;
    size_t saved_scope = c->scope;
    size_t nbound = (size_t)d->u.def.params.len;
    c->scope = c->nbindings;             /* its own scope: only its parameters are seen */
    for (size_t i = 0; i < nbound; i++)
        ev_bind(c, NL_AT(d->u.def.params, i), args[i]);
    c->owner = d;
    c->frame = NULL;
    ev_val v = ev_zero(d->type);
    lov_status st = ev_rule_node(c, d, NULL, &v);
    c->owner = saved_owner;
    c->frame = saved_frame;
    ev_unbind(c, nbound);
    c->scope = saved_scope;
    if (st != LOV_OK)
        return st;
    *result = v;
    if (c->trace) {
        ev_trace_constants(c, d);
        ev_trace_add(c, ev_map_get(&c->e->prov, d), LOV_TRACE_VALUE, LOV_OK,
                     d->type->kind == T_OPTIONAL ? v.present : true, ev_trace_value(v, d->type));
    }
    return LOV_OK;
}

