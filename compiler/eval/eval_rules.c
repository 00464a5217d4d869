/* Definitions and outcomes: the general rule and its exceptions (the one
 * applicable exception below a rule, after its own exceptions; two at one
 * level that apply with different values are a conflict), the
 * prerequisites of an adverse outcome, definitions with parameters, and
 * parameters with dated values; and the steps each notes for the trace. */
#include <stdlib.h>
#include <string.h>

#include "eval/eval_internal.h"

/* ---- Notes and trace ---- */

lov_status ev_missing_input(ev_ctx *c, int input)
{
    ev_why_missing(&c->why, input);
    ev_why_note(&c->why, LOV_REASON_MISSING_FACT, input, -1, -1);
    return LOV_UNDETERMINED;
}

void ev_trace_add(ev_ctx *c, int provision, lov_trace_event ev, lov_status st, bool present, lov_value v)
{
    if (c->trace)
        lov_trace_add(c->trace, (uint32_t)provision, ev, st, present, v);
}

static bool is_function(const decl *d)
{
    return d->kind == D_DEFINITION && d->u.def.has_params;
}

/* A step of a rule (an exception applies or not, a prerequisite is met or
 * not, or it could not be worked out): at once in a definition with
 * parameters (it may run many times), otherwise noted and written after the
 * definition's value is known. */
static void note_step(ev_ctx *c, decl *owner, const void *node, lov_trace_event ev, lov_status st)
{
    int p = ev_map_get(&c->e->prov, node);
    if (is_function(owner))
        ev_trace_add(c, p, ev, st, false, (lov_value){.i = 0});
    else
        c->marks[p] = (uint8_t)(ev + 1 + (st << 4));
}

/* The fixed parameters that definition d reads: each is noted in the trace
 * once per evaluation, before the first definition that reads it. */
typedef struct constants {
    ev_ctx *c;
    decl *owner;
} constants;

static void visit_constant(expr *x, void *ctx)
{
    constants *k = ctx;
    if (x->kind != E_NAME || x->u.name.ref != REF_DECL)
        return;
    decl *p = x->u.name.target;
    if (p->kind != D_PARAMETER || !p->u.param.constant || p->module != k->c->e->mod)
        return;
    int prov = ev_map_get(&k->c->e->prov, p);
    if (k->c->marks[prov])
        return;
    k->c->marks[prov] = 1;
    ev_val v;
    decl *saved = k->c->owner;
    k->c->owner = p;
    if (ev_expr(k->c, p->u.param.constant, &v) != LOV_OK)
        memset(&v, 0, sizeof v);
    k->c->owner = saved;
    ev_trace_add(k->c, prov, LOV_TRACE_VALUE, LOV_OK, true, ev_trace_value(v, p->type));
}

void ev_trace_constants(ev_ctx *c, decl *d)
{
    if (!c->trace)
        return;
    constants k = {c, d};
    for (int i = 0; i < d->u.def.rules.len; i++) {
        ast_rule *r = NL_AT(d->u.def.rules, i);
        ast_walk(r->cond, visit_constant, &k);
        ast_walk(r->value, visit_constant, &k);
    }
    for (int i = 0; i < d->u.def.requires.len; i++)
        ast_walk(((requirement *)NL_AT(d->u.def.requires, i))->cond, visit_constant, &k);
}

/* ---- Rules and exceptions ---- */

/* The value of rule 'node' (NULL: the definition's root): that of the one
 * applicable exception below it, or its own when none applies. An exception
 * whose condition cannot be worked out leaves the value undetermined,
 * unless it would give the same value as the rules known to apply. */
static lov_status rule_node(ev_ctx *c, decl *d, ast_rule *node, ev_val *target)
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
            note_step(c, d, x, cond.v.b ? LOV_TRACE_APPLIES : LOV_TRACE_DOES_NOT_APPLY, LOV_OK);
            applies = cond.v.b ? 1 : 0;
        } else {
            pending = ev_worse(pending, cs);
            note_step(c, d, x, LOV_TRACE_FAILED, cs);
            applies = 2;
        }
        if (applies == 0)
            continue;
        ev_val v;
        if ((st = rule_node(c, d, x, &v)) != LOV_OK)
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

/* The prerequisites of an adverse outcome: when the rules give it a value
 * other than its default, each must hold, or the outcome keeps its default
 * and is held back. One that cannot be worked out holds it back too, and
 * then, unless another is known not to hold, the outcome is undetermined. */
static lov_status requirements(ev_ctx *c, decl *d, int slot, ev_val *result)
{
    ev_val dflt;
    lov_status st = ev_expr(c, d->u.def.default_rule->value, &dflt);
    if (st != LOV_OK)
        return st;
    dflt = ev_convert(dflt, d->u.def.default_rule->value->type, d->type);
    if (ev_equal(*result, dflt, d->type))
        return LOV_OK;
    uint32_t held = 0;
    bool refused = false;
    lov_status unknown = LOV_OK;
    ev_why_mark saved = ev_why_save(&c->why);
    for (int i = 0; i < d->u.def.requires.len; i++) {
        requirement *req = NL_AT(d->u.def.requires, i);
        ev_val v;
        lov_status rs = ev_expr(c, req->cond, &v);
        if (rs != LOV_OK) {
            note_step(c, d, req, LOV_TRACE_FAILED, rs);
            unknown = ev_worse(unknown, rs);
            held |= UINT32_C(1) << i;
            continue;
        }
        note_step(c, d, req, v.v.b ? LOV_TRACE_MET : LOV_TRACE_NOT_MET, LOV_OK);
        if (!v.v.b) {
            held |= UINT32_C(1) << i;
            refused = true;
        }
    }
    memcpy(c->out + c->e->held_off[slot], &held, sizeof held);
    if (held != 0)
        *result = dflt;
    if (unknown != LOV_OK && !refused)
        return unknown;
    ev_why_restore(&c->why, saved);      /* held back for certain: what was unknown does not matter */
    return LOV_OK;
}

lov_status ev_definition(ev_ctx *c, decl *d, ev_val *result)
{
    decl *saved = c->owner;
    c->owner = d;
    lov_status st;
    *result = ev_zero(d->type);
    if (d->kind == D_ASSERT) {
        st = ev_expr(c, d->u.assert_.cond, result);
    } else {
        st = rule_node(c, d, NULL, result);
        if (st == LOV_OK && d->u.def.adverse && d->u.def.requires.len > 0)
            st = requirements(c, d, ev_map_get(&c->e->slot, d), result);
    }
    c->owner = saved;
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
    lov_status st = rule_node(c, d, NULL, &v);
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

/* ---- Parameters ---- */

lov_status ev_parameter_on(ev_ctx *c, decl *d, lov_date day, ev_val *result)
{
    const ev_engine *e = c->e;
    int slot = ev_map_get(&e->slot, d);
    int prov = ev_map_get(&e->prov, d);
    const lov_dated_value *vals = e->param_values[slot];
    for (int i = 0; i < d->u.param.values.len; i++)
        if (vals[i].from <= day && day <= vals[i].until) {
            *result = ev_scalar(vals[i].value);
            ev_trace_add(c, prov, LOV_TRACE_VALUE, LOV_OK, true, vals[i].value);
            return LOV_OK;
        }
    ev_why_note(&c->why, LOV_REASON_NO_PARAMETER_VALUE, -1, prov, -1);
    return LOV_NOT_APPLICABLE;
}

/* A dated parameter on the reference date: looked up once per evaluation;
 * every reader notes why when there is no value. */
lov_status ev_parameter(ev_ctx *c, decl *d, ev_val *result)
{
    int slot = ev_map_get(&c->e->slot, d);
    ev_param_memo *m = &c->memo[slot];
    if (!m->done) {
        ev_val v = ev_zero(d->type);
        m->status = ev_parameter_on(c, d, c->reference_date, &v);
        m->value = v.v;
        m->done = true;
    }
    if (m->status != LOV_OK) {
        ev_why_note(&c->why, LOV_REASON_NO_PARAMETER_VALUE, -1, ev_map_get(&c->e->prov, d), -1);
        return LOV_NOT_APPLICABLE;
    }
    *result = ev_scalar(m->value);
    return LOV_OK;
}
