/* SPDX-License-Identifier: Apache-2.0 */
#include "check/expr_equal.h"

#include <string.h>

#include "front/parse.h"

/* The variables of the aggregates around the point being compared: a[i] in
 * the one expression stands where b[i] stands in the other. */
typedef struct var_pairs {
    const aggr_var *a[PARSE_MAX_DEPTH + 1];
    const aggr_var *b[PARSE_MAX_DEPTH + 1];
    int n;
} var_pairs;

static bool eq(const expr *a, const expr *b, var_pairs *vp);

static bool same_var(const aggr_var *a, const aggr_var *b, const var_pairs *vp)
{
    for (int i = vp->n - 1; i >= 0; i--)
        if (vp->a[i] == a || vp->b[i] == b)
            return vp->a[i] == a && vp->b[i] == b;
    return a == b;
}

static bool eq_name(const expr *a, const expr *b, var_pairs *vp)
{
    if (a->u.name.ref != b->u.name.ref)
        return false;
    switch (a->u.name.ref) {
    case REF_NONE:
        /* A record field, found by the type checker: same name, same base. */
        return a->kind == E_FIELD && strcmp(a->u.name.id.name, b->u.name.id.name) == 0
               && eq(a->u.name.base, b->u.name.base, vp);
    case REF_VAR:
        return same_var(a->u.name.target, b->u.name.target, vp);
    default:
        return a->u.name.target == b->u.name.target;
    }
}

static bool eq_list(const nodelist *a, const nodelist *b, var_pairs *vp)
{
    if (a->len != b->len)
        return false;
    for (int i = 0; i < a->len; i++)
        if (!eq(NL_AT(*a, i), NL_AT(*b, i), vp))
            return false;
    return true;
}

static bool eq_arms(const nodelist *a, const nodelist *b, var_pairs *vp)
{
    if (a->len != b->len)
        return false;
    for (int i = 0; i < a->len; i++) {
        const match_arm *x = NL_AT(*a, i), *y = NL_AT(*b, i);
        if (x->cases.len != y->cases.len || !eq(x->body, y->body, vp))
            return false;
        for (int k = 0; k < x->cases.len; k++)
            if (strcmp(((ident *)NL_AT(x->cases, k))->name, ((ident *)NL_AT(y->cases, k))->name) != 0)
                return false;
    }
    return true;
}

static bool eq_aggregate(const expr *a, const expr *b, var_pairs *vp)
{
    if (a->u.aggr.kind != b->u.aggr.kind || !eq(a->u.aggr.list, b->u.aggr.list, vp)
        || vp->n > PARSE_MAX_DEPTH)
        return false;
    vp->a[vp->n] = a->u.aggr.binding;
    vp->b[vp->n] = b->u.aggr.binding;
    vp->n++;
    bool same = eq(a->u.aggr.filter, b->u.aggr.filter, vp) && eq(a->u.aggr.body, b->u.aggr.body, vp);
    vp->n--;
    return same;
}

/* Recursion is bounded by the depth of expressions (PARSE_MAX_DEPTH). */
static bool eq(const expr *a, const expr *b, var_pairs *vp)
{
    if (!a || !b)
        return a == b;
    if (a->kind != b->kind)
        return false;
    switch (a->kind) {
    case E_BOOL: return a->u.b == b->u.b;
    case E_INT: return a->u.i == b->u.i;
    case E_DECIMAL: return a->u.dec.coef == b->u.dec.coef && a->u.dec.scale == b->u.dec.scale;
    case E_MONEY: return a->u.money == b->u.money;
    case E_DATE: return a->u.date == b->u.date && a->u.date != AST_DATE_INVALID;
    case E_DURATION: return a->u.dur.months == b->u.dur.months && a->u.dur.days == b->u.dur.days;
    case E_NAME:
    case E_FIELD:
        return eq_name(a, b, vp);
    case E_CALL:
        return eq(a->u.call.callee, b->u.call.callee, vp) && eq_list(&a->u.call.args, &b->u.call.args, vp);
    case E_UNARY:
        return a->u.unary.op == b->u.unary.op && eq(a->u.unary.operand, b->u.unary.operand, vp);
    case E_BINARY:
        return a->u.binary.op == b->u.binary.op && eq(a->u.binary.lhs, b->u.binary.lhs, vp)
               && eq(a->u.binary.rhs, b->u.binary.rhs, vp);
    case E_IF:
        return eq(a->u.if_.cond, b->u.if_.cond, vp) && eq(a->u.if_.then_e, b->u.if_.then_e, vp)
               && eq(a->u.if_.else_e, b->u.if_.else_e, vp);
    case E_MATCH:
        return eq(a->u.match.scrutinee, b->u.match.scrutinee, vp)
               && eq_arms(&a->u.match.arms, &b->u.match.arms, vp)
               && eq(a->u.match.else_e, b->u.match.else_e, vp);
    case E_AGGREGATE:
        return eq_aggregate(a, b, vp);
    case E_WITHIN:
        return a->u.within.after == b->u.within.after
               && eq(a->u.within.subject, b->u.within.subject, vp)
               && eq(a->u.within.span, b->u.within.span, vp)
               && eq(a->u.within.anchor, b->u.within.anchor, vp);
    case E_BETWEEN:
        return eq(a->u.between.subject, b->u.between.subject, vp)
               && eq(a->u.between.low, b->u.between.low, vp)
               && eq(a->u.between.high, b->u.between.high, vp);
    case E_PRESENCE:
        return a->u.presence.present == b->u.presence.present
               && eq(a->u.presence.subject, b->u.presence.subject, vp);
    case E_OTHERWISE:
        return eq(a->u.otherwise.subject, b->u.otherwise.subject, vp)
               && eq(a->u.otherwise.fallback, b->u.otherwise.fallback, vp);
    case E_ROUNDED:
        return a->u.rounded.mode == b->u.rounded.mode && a->u.rounded.target == b->u.rounded.target
               && a->u.rounded.decimals == b->u.rounded.decimals
               && eq(a->u.rounded.subject, b->u.rounded.subject, vp);
    case E_UNIT:
        return a->u.unit.unit == b->u.unit.unit && eq(a->u.unit.subject, b->u.unit.subject, vp);
    case E_AT:
        return eq(a->u.at.param, b->u.at.param, vp) && eq(a->u.at.date, b->u.at.date, vp);
    case E_ERROR:
        return false;
    }
    return false;
}

bool expr_equal(const expr *a, const expr *b)
{
    var_pairs vp;
    vp.n = 0;
    return eq(a, b, &vp);
}

/* ---- Hash ----------------------------------------------------------------------- */

static uint64_t mix(uint64_t h, uint64_t v)
{
    h ^= v + 0x9E3779B97F4A7C15u + (h << 6) + (h >> 2);
    return h;
}

static uint64_t hash_str(uint64_t h, const char *s)
{
    for (; *s; s++)
        h = mix(h, (unsigned char)*s);
    return h;
}

/* Only the shape, the operators, literals and names: enough to tell most
 * different expressions apart, and always the same for equal ones. */
uint64_t expr_hash(const expr *e)
{
    if (!e)
        return 1;
    uint64_t h = mix(0, (uint64_t)e->kind + 2);
    switch (e->kind) {
    case E_BOOL: return mix(h, e->u.b);
    case E_INT: return mix(h, (uint64_t)e->u.i);
    case E_DECIMAL: return mix(mix(h, (uint64_t)e->u.dec.coef), (uint64_t)e->u.dec.scale);
    case E_MONEY: return mix(h, (uint64_t)e->u.money);
    case E_DATE: return mix(h, (uint64_t)(uint32_t)e->u.date);
    case E_DURATION: return mix(mix(h, (uint64_t)e->u.dur.months), (uint64_t)e->u.dur.days);
    case E_NAME:
    case E_FIELD:
        h = mix(h, e->u.name.ref);
        if (e->u.name.ref != REF_VAR)           /* variables are equal by place, not name */
            h = hash_str(h, e->u.name.id.name);
        return e->kind == E_FIELD ? mix(h, expr_hash(e->u.name.base)) : h;
    case E_CALL:
        h = mix(h, expr_hash(e->u.call.callee));
        for (int i = 0; i < e->u.call.args.len; i++)
            h = mix(h, expr_hash(NL_AT(e->u.call.args, i)));
        return h;
    case E_UNARY: return mix(mix(h, e->u.unary.op), expr_hash(e->u.unary.operand));
    case E_BINARY:
        return mix(mix(mix(h, e->u.binary.op), expr_hash(e->u.binary.lhs)), expr_hash(e->u.binary.rhs));
    case E_IF:
        return mix(mix(mix(h, expr_hash(e->u.if_.cond)), expr_hash(e->u.if_.then_e)),
                   expr_hash(e->u.if_.else_e));
    case E_MATCH:
        h = mix(mix(h, expr_hash(e->u.match.scrutinee)), expr_hash(e->u.match.else_e));
        for (int i = 0; i < e->u.match.arms.len; i++)
            h = mix(h, expr_hash(((match_arm *)NL_AT(e->u.match.arms, i))->body));
        return h;
    case E_AGGREGATE:
        return mix(mix(mix(mix(h, e->u.aggr.kind), expr_hash(e->u.aggr.list)),
                       expr_hash(e->u.aggr.filter)), expr_hash(e->u.aggr.body));
    case E_WITHIN:
        return mix(mix(mix(mix(h, e->u.within.after), expr_hash(e->u.within.subject)),
                       expr_hash(e->u.within.span)), expr_hash(e->u.within.anchor));
    case E_BETWEEN:
        return mix(mix(mix(h, expr_hash(e->u.between.subject)), expr_hash(e->u.between.low)),
                   expr_hash(e->u.between.high));
    case E_PRESENCE: return mix(mix(h, e->u.presence.present), expr_hash(e->u.presence.subject));
    case E_OTHERWISE:
        return mix(mix(h, expr_hash(e->u.otherwise.subject)), expr_hash(e->u.otherwise.fallback));
    case E_ROUNDED: return mix(mix(h, e->u.rounded.mode), expr_hash(e->u.rounded.subject));
    case E_UNIT: return mix(mix(h, e->u.unit.unit), expr_hash(e->u.unit.subject));
    case E_AT: return mix(mix(h, expr_hash(e->u.at.param)), expr_hash(e->u.at.date));
    case E_ERROR: return h;
    }
    return h;
}
