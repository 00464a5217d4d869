/* SPDX-License-Identifier: Apache-2.0 */
/* What the module's C needs, found before anything is written: the inputs,
 * outputs, parameters, functions and externals (own and used), the enums and
 * records, the provision table, the static C names and the evaluation order. */
#include <stdio.h>

#include "emit/emit.h"
#include "check/resolve.h"
#include "core/lov.h"

/* ---- Collecting what the module needs ------------------------------------------ */

static void collect_calls(emitter *em, expr *e);
static void collect_external(emitter *em, decl *d);

/* An external function of a used module, called by one of its definitions
 * that this module uses: the caller of this module supplies it too. */
static void collect_external(emitter *em, decl *d)
{
    for (size_t i = 0; i < em->externals.len; i++)
        if (em->externals.items[i] == d)
            return;
    d->slot = (int)em->externals.len;
    pv_push(&em->externals, d);
}

static void collect_function(emitter *em, decl *d)
{
    for (size_t i = 0; i < em->functions.len; i++)
        if (em->functions.items[i] == d)
            return;
    pv_push(&em->functions, d);
    for (int i = 0; i < d->u.def.rules.len; i++) {
        ast_rule *r = NL_AT(d->u.def.rules, i);
        if (r->cond)
            collect_calls(em, r->cond);
        collect_calls(em, r->value);
    }
}

/* Finds the definitions with parameters (and, in used modules, the external
 * functions) that 'e' calls. */
static void visit_call(expr *e, void *ctx)
{
    emitter *em = ctx;
    if (e->kind != E_CALL || e->u.call.callee->kind == E_ERROR || e->u.call.callee->u.name.ref != REF_FUNCTION)
        return;
    decl *d = e->u.call.callee->u.name.target;
    if (d->kind == D_DEFINITION)
        collect_function(em, d);
    else if (d->kind == D_EXTERNAL && d->module != em->mod)
        collect_external(em, d);
}

static void collect_calls(emitter *em, expr *e)
{
    ast_walk(e, visit_call, em);
}

static void add_provision(emitter *em, int kind, decl *owner, ast_rule *r, requirement *req,
                          citation *cite, src_loc loc)
{
    prov_entry *p = arena_alloc(em->a, sizeof *p);
    p->kind = kind;
    p->owner = owner;
    p->rule = r;
    p->req = req;
    p->cite = cite;
    p->loc = loc;
    pv_push(&em->provisions, p);
}

static void number_definition(emitter *em, decl *d)
{
    d->provision = (int)em->provisions.len;
    add_provision(em, LOV_PROV_DEFINITION, d, NULL, NULL, d->cite, d->name.loc);
    for (int k = 0; k < d->u.def.rules.len; k++) {
        ast_rule *r = NL_AT(d->u.def.rules, k);
        if (r->is_default)
            continue;
        r->provision = (int)em->provisions.len;
        add_provision(em, LOV_PROV_EXCEPTION, d, r, NULL, r->cite, r->label.loc);
    }
    for (int k = 0; k < d->u.def.requires.len; k++) {
        requirement *req = NL_AT(d->u.def.requires, k);
        req->provision = (int)em->provisions.len;
        add_provision(em, LOV_PROV_REQUIREMENT, d, NULL, req, req->cite, req->loc);
    }
}

/* The evaluation order: the definitions as the resolver orders them, then
 * the assertions, which read the decisions and which nothing reads. */
static void order_outputs(emitter *em)
{
    resolve_evaluation_order(em->mod, &em->order);
    for (size_t i = 0; i < em->outputs.len; i++)
        if (((decl *)em->outputs.items[i])->kind == D_ASSERT)
            pv_push(&em->order, em->outputs.items[i]);
}

void emit_collect(emitter *em)
{
    module *m = em->mod;
    cname_scope_init(&em->statics, em->a);
    for (size_t k = 0; k < em->prog->modules.len; k++) {
        module *mk = em->prog->modules.items[k];
        for (int i = 0; i < mk->decls.len; i++) {
            decl *d = NL_AT(mk->decls, i);
            if (d->kind == D_ENUM)
                pv_push(&em->enums, d);
            else if (d->kind == D_RECORD)
                pv_push(&em->records, d);
        }
    }
    for (int i = 0; i < m->decls.len; i++) {
        decl *d = NL_AT(m->decls, i);
        d->provision = -1;
        switch (d->kind) {
        case D_INPUT:
            d->slot = (int)em->inputs.len;
            pv_push(&em->inputs, d);
            break;
        case D_PARAMETER:
            d->slot = (int)em->params.len;
            pv_push(&em->params, d);
            d->provision = (int)em->provisions.len;
            add_provision(em, LOV_PROV_PARAMETER, d, NULL, NULL, d->cite, d->name.loc);
            d->c_static = cname_unique(&em->statics, "param_", d->name.name);
            d->c_rules = cname_unique(&em->statics, "param_on_day_", d->name.name);
            d->c_table = cname_unique(&em->statics, "values_of_", d->name.name);
            break;
        case D_DEFINITION:
        case D_OUTCOME:
            number_definition(em, d);
            if (d->u.def.has_params) {
                d->c_static = cname_unique(&em->statics, "fn_", d->name.name);
            } else {
                d->slot = (int)em->outputs.len;
                pv_push(&em->outputs, d);
                d->c_static = cname_unique(&em->statics, "def_", d->name.name);
            }
            break;
        case D_ASSERT:
            /* An output too: whether the invariant holds for this case. */
            d->provision = (int)em->provisions.len;
            add_provision(em, LOV_PROV_ASSERTION, d, NULL, NULL, d->cite, d->name.loc);
            d->slot = (int)em->outputs.len;
            pv_push(&em->outputs, d);
            d->c_static = cname_unique(&em->statics, "assert_", d->name.name);
            break;
        case D_EXTERNAL:
            collect_external(em, d);
            break;
        default:
            break;
        }
    }
    /* Functions of used modules that this module calls, with their own. */
    for (int i = 0; i < m->decls.len; i++) {
        decl *d = NL_AT(m->decls, i);
        if ((d->kind == D_DEFINITION || d->kind == D_OUTCOME) && !d->u.def.has_params)
            for (int k = 0; k < d->u.def.rules.len; k++) {
                ast_rule *r = NL_AT(d->u.def.rules, k);
                collect_calls(em, r->cond);
                collect_calls(em, r->value);
            }
        if (d->kind == D_DEFINITION || d->kind == D_OUTCOME)
            for (int k = 0; k < d->u.def.requires.len; k++)
                collect_calls(em, ((requirement *)NL_AT(d->u.def.requires, k))->cond);
        if (d->kind == D_ASSERT)           /* an assertion may be all that calls a function */
            collect_calls(em, d->u.assert_.cond);
    }
    for (size_t i = 0; i < em->functions.len; i++) {
        decl *d = em->functions.items[i];
        if (d->module == m)
            continue;
        number_definition(em, d);
        char prefix[256];
        snprintf(prefix, sizeof prefix, "fn_%s_", d->module->c_prefix);
        d->c_static = cname_unique(&em->statics, prefix, d->name.name);
    }
    /* Members of the externals struct: this module's by their names, a used
     * module's with that module's name in front. */
    cname_scope members;
    cname_scope_init(&members, em->a);
    cname_reserve(&members, "ctx");
    for (size_t i = 0; i < em->externals.len; i++) {
        decl *d = em->externals.items[i];
        if (d->module == m)
            d->c_static = cname_unique(&members, "", d->name.name);
    }
    for (size_t i = 0; i < em->externals.len; i++) {
        decl *d = em->externals.items[i];
        if (d->module != m) {
            char prefix[256];
            snprintf(prefix, sizeof prefix, "%s_", d->module->c_prefix);
            d->c_static = cname_unique(&members, prefix, d->name.name);
        }
    }
    cname_scope_free(&members);
    size_t ninputs = em->inputs.len;
    em->mask_words = (int)(ninputs == 0 ? 1 : (ninputs + 63) / 64);
    em->output_words = (int)(em->outputs.len == 0 ? 1 : (em->outputs.len + 63) / 64);
    order_outputs(em);
}
