/* SPDX-License-Identifier: Apache-2.0 */
/* The module numbered and laid out: its inputs, outputs, parameters,
 * external functions and provisions, in the order of the descriptor
 * contract (the order scenario reports and traces show), and the
 * interpreter's own layout of the input and output structs: one cell of
 * EV_CELL bytes per single value. */
#include <string.h>

#include "check/resolve.h"
#include "eval/eval_internal.h"

/* ---- The functions and external functions the module calls ---- */

static void find_calls(ev_engine *e, expr *x);

static void add_external(ev_engine *e, decl *d)
{
    if (ev_map_get(&e->slot, d) >= 0)
        return;
    ev_map_put(&e->slot, d, (int)e->externals.len);
    pv_push(&e->externals, d);
}

static void add_function(ev_engine *e, decl *d)
{
    for (size_t i = 0; i < e->functions.len; i++)
        if (e->functions.items[i] == d)
            return;
    pv_push(&e->functions, d);
    for (int i = 0; i < d->u.def.rules.len; i++) {
        ast_rule *r = NL_AT(d->u.def.rules, i);
        find_calls(e, r->cond);
        find_calls(e, r->value);
    }
}

static void visit_call(expr *x, void *ctx)
{
    ev_engine *e = ctx;
    if (x->kind != E_CALL || x->u.call.callee->kind == E_ERROR || x->u.call.callee->u.name.ref != REF_FUNCTION)
        return;
    decl *d = x->u.call.callee->u.name.target;
    if (d->kind == D_DEFINITION)
        add_function(e, d);
    else if (d->kind == D_EXTERNAL && d->module != e->mod)
        add_external(e, d);
}

static void find_calls(ev_engine *e, expr *x)
{
    ast_walk(x, visit_call, e);
}

/* ---- Provisions ---- */

static void add_provision(ev_engine *e, lov_provision_kind kind, decl *owner, ast_rule *r, requirement *req,
                          citation *cite, src_loc loc)
{
    ev_prov *p = xcalloc(1, sizeof *p);
    p->kind = kind;
    p->owner = owner;
    p->rule = r;
    p->req = req;
    p->cite = cite;
    p->loc = loc;
    pv_push(&e->provisions, p);
}

/* A definition: its general rule, then its exceptions, then its
 * prerequisites. */
static void number_definition(ev_engine *e, decl *d)
{
    ev_map_put(&e->prov, d, (int)e->provisions.len);
    add_provision(e, LOV_PROV_DEFINITION, d, NULL, NULL, d->cite, d->name.loc);
    for (int k = 0; k < d->u.def.rules.len; k++) {
        ast_rule *r = NL_AT(d->u.def.rules, k);
        if (r->is_default)
            continue;
        ev_map_put(&e->prov, r, (int)e->provisions.len);
        add_provision(e, LOV_PROV_EXCEPTION, d, r, NULL, r->cite, r->label.loc);
    }
    for (int k = 0; k < d->u.def.requires.len; k++) {
        requirement *req = NL_AT(d->u.def.requires, k);
        ev_map_put(&e->prov, req, (int)e->provisions.len);
        add_provision(e, LOV_PROV_REQUIREMENT, d, NULL, req, req->cite, req->loc);
    }
}

/* ---- Layout ---- */

uint32_t ev_field_offset(int index)
{
    return (uint32_t)index * EV_CELL;
}

uint32_t ev_record_size(const decl *record)
{
    int n = record->u.record.fields.len;
    return (uint32_t)(n ? n : 1) * EV_CELL;
}

lov_type ev_type_tag(const type *t)
{
    switch (t->kind) {
    case T_BOOL: return LOV_T_BOOL;
    case T_INT: return LOV_T_INT;
    case T_DEC: return LOV_T_DECIMAL;
    case T_MONEY: return LOV_T_MONEY;
    case T_DATE: return LOV_T_DATE;
    case T_DURATION: return LOV_T_DURATION;
    case T_ENUM: return LOV_T_ENUM;
    case T_RECORD: return LOV_T_RECORD;
    case T_LIST: return LOV_T_LIST;
    case T_OPTIONAL: return ev_type_tag(t->elem);
    default: return LOV_T_INT;
    }
}

/* The size of one item of a list of single values, as the runner lays
 * them out (the C type of the value). */
size_t ev_item_size(const type *elem)
{
    switch (elem->kind) {
    case T_RECORD: return ev_record_size(elem->decl);
    case T_DEC: return sizeof(lov_decimal);
    case T_DURATION: return sizeof(lov_duration);
    case T_INT: case T_MONEY: return 8;
    case T_BOOL: return sizeof(bool);
    default: return 4;
    }
}

static void lay_out(ev_engine *e)
{
    size_t ni = e->inputs.len, no = e->outputs.len;
    e->in_off = xcalloc(ni + 1, sizeof *e->in_off);
    e->known_off = xcalloc(ni + 1, sizeof *e->known_off);
    uint32_t at = 0;
    for (size_t i = 0; i < ni; i++) {
        decl *d = e->inputs.items[i];
        e->in_off[i] = at;
        at += d->type->kind == T_RECORD ? ev_record_size(d->type->decl) : EV_CELL;
    }
    for (size_t i = 0; i < ni; i++)
        e->known_off[i] = at++;
    e->input_size = (at + 7) / 8 * 8;
    if (e->input_size == 0)
        e->input_size = 8;
    e->out_off = xcalloc(no + 1, sizeof *e->out_off);
    e->status_off = xcalloc(no + 1, sizeof *e->status_off);
    e->held_off = xcalloc(no + 1, sizeof *e->held_off);
    at = 0;
    for (size_t k = 0; k < no; k++) {
        e->out_off[k] = at;
        e->status_off[k] = at + EV_CELL;
        e->held_off[k] = at + EV_CELL + 4;
        at += EV_CELL + 8;
    }
    e->missing_off = at;
    at += (uint32_t)e->mask_words * 8;
    e->info_off = at;
    at += sizeof(lov_result_info);
    e->output_size = (at + 7) / 8 * 8;
}

void ev_layout(ev_engine *e)
{
    module *m = e->mod;
    for (size_t k = 0; k < e->prog->modules.len; k++) {
        module *mk = e->prog->modules.items[k];
        for (int i = 0; i < mk->decls.len; i++) {
            decl *d = NL_AT(mk->decls, i);
            if (d->kind == D_ENUM)
                pv_push(&e->enums, d);
            else if (d->kind == D_RECORD) {
                ev_map_put(&e->rec_index, d, (int)e->records.len);
                pv_push(&e->records, d);
            }
        }
    }
    for (int i = 0; i < m->decls.len; i++) {
        decl *d = NL_AT(m->decls, i);
        switch (d->kind) {
        case D_INPUT:
            ev_map_put(&e->slot, d, (int)e->inputs.len);
            pv_push(&e->inputs, d);
            break;
        case D_PARAMETER:
            ev_map_put(&e->slot, d, (int)e->params.len);
            pv_push(&e->params, d);
            ev_map_put(&e->prov, d, (int)e->provisions.len);
            add_provision(e, LOV_PROV_PARAMETER, d, NULL, NULL, d->cite, d->name.loc);
            break;
        case D_DEFINITION:
        case D_OUTCOME:
            number_definition(e, d);
            if (!d->u.def.has_params) {
                ev_map_put(&e->slot, d, (int)e->outputs.len);
                pv_push(&e->outputs, d);
                e->any_outcome |= d->kind == D_OUTCOME;
            }
            break;
        case D_ASSERT:
            ev_map_put(&e->prov, d, (int)e->provisions.len);
            add_provision(e, LOV_PROV_ASSERTION, d, NULL, NULL, d->cite, d->name.loc);
            ev_map_put(&e->slot, d, (int)e->outputs.len);
            pv_push(&e->outputs, d);
            break;
        case D_EXTERNAL:
            add_external(e, d);
            break;
        default:
            break;
        }
    }
    /* What the rules call, found from the definitions without parameters;
     * a used module's definitions with parameters are numbered after this
     * module's provisions. */
    for (int i = 0; i < m->decls.len; i++) {
        decl *d = NL_AT(m->decls, i);
        if ((d->kind == D_DEFINITION || d->kind == D_OUTCOME) && !d->u.def.has_params)
            for (int k = 0; k < d->u.def.rules.len; k++) {
                ast_rule *r = NL_AT(d->u.def.rules, k);
                find_calls(e, r->cond);
                find_calls(e, r->value);
            }
        if (d->kind == D_DEFINITION || d->kind == D_OUTCOME)
            for (int k = 0; k < d->u.def.requires.len; k++)
                find_calls(e, ((requirement *)NL_AT(d->u.def.requires, k))->cond);
        if (d->kind == D_ASSERT)
            find_calls(e, d->u.assert_.cond);
    }
    for (size_t i = 0; i < e->functions.len; i++) {
        decl *d = e->functions.items[i];
        if (d->module != m)
            number_definition(e, d);
    }
    size_t ninputs = e->inputs.len;
    e->mask_words = (int)(ninputs == 0 ? 1 : (ninputs + 63) / 64);
    resolve_evaluation_order(m, &e->order);
    for (size_t i = 0; i < e->outputs.len; i++)
        if (((decl *)e->outputs.items[i])->kind == D_ASSERT)
            pv_push(&e->order, e->outputs.items[i]);
    lay_out(e);
}
