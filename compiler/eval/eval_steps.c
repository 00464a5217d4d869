/* SPDX-License-Identifier: Apache-2.0 */
/* The steps of a decision for the trace (exceptions that apply or not,
 * prerequisites met or not, the fixed parameters read), the facts found
 * missing, and parameters with dated values. */
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
void ev_note_step(ev_ctx *c, decl *owner, const void *node, lov_trace_event ev, lov_status st)
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
    ev_val v = ev_literal(p->u.param.constant, p->type);
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
            if (c->trace)
                lov_trace_add_period(c->trace, (uint32_t)prov, (size_t)i, vals[i].value);
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
